/**
 * What the shell offers to views beyond `ViewProps`: showing an error (e.g. a `CalcError` the
 * view's own validation threw) and the change report. Gateway calls are reported automatically
 * (see `withReporting`); views call these only for their own outcomes.
 */
import { createContext, useContext } from 'react';
import type { Lang } from '../../core/messages/types';
import type { WriteReport } from '../host/types';

/** The shell's services for views. */
export interface ShellServices {
  lang: Lang;
  /** Shows `error` in the error bar (a `CalcError` in the active language). */
  showError(error: unknown): void;
  /** Hides the error bar. */
  clearError(): void;
  /** Shows the change report of an action. */
  showReport(action: string, report: WriteReport): void;
}

const noop = (): void => undefined;

/** The context; the default does nothing so that a view can be rendered alone in a test. */
export const ShellContext = createContext<ShellServices>({
  lang: 'nl',
  showError: noop,
  clearError: noop,
  showReport: noop,
});

/** The shell's services (error bar, change report) for the current view. */
export function useShell(): ShellServices {
  return useContext(ShellContext);
}
