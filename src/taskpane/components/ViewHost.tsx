import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Lang } from '../../core/messages/types';
import { withReporting } from '../host/reportingGateway';
import type { WorkbookGateway, WriteReport } from '../host/types';
import type { ViewDef } from '../views/types';
import { ChangeReport } from './ChangeReport';
import { ErrorBar } from './ErrorBar';
import { HelpHeader } from './HelpHeader';
import { ShellContext, type ShellServices } from './ShellContext';
import { ViewErrorBoundary } from './ViewErrorBoundary';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  hidden: { display: 'none' },
  feedback: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    // The pane scrolls the message into view: keep it clear of the top edge.
    scrollMarginTop: tokens.spacingVerticalM,
    scrollMarginBottom: tokens.spacingVerticalM,
  },
});

/** Props of `ViewHost`. */
export interface ViewHostProps {
  view: ViewDef;
  /** The raw gateway; the host wraps it so that this view's outcomes are reported in this view. */
  gateway: WorkbookGateway;
  lang: Lang;
  /** The selected tab: only it is shown; the others stay mounted (their work survives) but hidden. */
  active: boolean;
}

/** Where focus goes after a message is dismissed: the control that caused it, if it still exists. */
function focusable(el: Element | null | undefined): el is HTMLElement {
  return (
    el instanceof HTMLElement && el.isConnected && el.offsetParent !== null && !el.hasAttribute('disabled')
  );
}

/**
 * One tab's panel: its help, its own error bar and change report, and the view. Each view has
 * its own messages, shown in its own panel: after an action the pane scrolls the message into
 * view and moves focus to it; Escape or the close button dismisses it and returns focus to the
 * control that was used; an error disappears as soon as the user changes an input of the view.
 */
export function ViewHost({ view, gateway, lang, active }: ViewHostProps): JSX.Element {
  const styles = useStyles();
  const panelRef = useRef<HTMLElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const reportRef = useRef<HTMLElement>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const pendingFocus = useRef(false);
  const [error, setError] = useState<unknown>(undefined);
  const [report, setReport] = useState<{ action: string; report: WriteReport } | undefined>(undefined);

  /** Remembers the control the user acted with (when it is in this panel) for the focus to return to. */
  const noteTrigger = useCallback((): void => {
    const el = document.activeElement;
    const panel = panelRef.current;
    const inFeedback = errorRef.current?.contains(el) || reportRef.current?.contains(el);
    if (panel && el instanceof HTMLElement && panel.contains(el) && !inFeedback) {
      trigger.current = el;
      pendingFocus.current = true;
    }
  }, []);

  const services = useMemo(
    () => ({
      showError: (e: unknown) => {
        noteTrigger();
        setError(() => e);
      },
      clearError: () => setError(undefined),
      showReport: (action: string, r: WriteReport) => {
        noteTrigger();
        setError(undefined);
        setReport({ action, report: r });
      },
    }),
    [noteTrigger],
  );
  const reporting = useMemo(
    () => withReporting(gateway, { onApplied: services.showReport, onError: services.showError }),
    [gateway, services],
  );
  const shell: ShellServices = useMemo(() => ({ lang, ...services }), [lang, services]);

  // After an action in this panel: bring its outcome into view and give it focus.
  useLayoutEffect(() => {
    if (!pendingFocus.current || !active) return;
    const target = errorRef.current ?? reportRef.current;
    if (!target) return;
    pendingFocus.current = false;
    target.scrollIntoView?.({ block: 'nearest' });
    target.focus({ preventScroll: true });
  }, [error, report, active]);

  const restoreFocus = useCallback((): void => {
    const back = trigger.current;
    trigger.current = null;
    if (focusable(back)) back.focus();
    else
      panelRef.current
        ?.querySelector<HTMLElement>('button:not([disabled]), input, select, textarea')
        ?.focus();
  }, []);

  const dismissError = useCallback(() => {
    setError(undefined);
    restoreFocus();
  }, [restoreFocus]);
  const dismissReport = useCallback(() => {
    setReport(undefined);
    restoreFocus();
  }, [restoreFocus]);

  // A message about an input that has since changed is stale. The capture phase only notes which
  // error was shown when the change began (no state update: React renders a capture handler's
  // update before the input's own onChange runs, and that render resets the controlled input to
  // its old value, so the keystroke would be lost). The bubble phase, after the view's onChange
  // and batched with it, clears that error; an error the change itself caused is kept.
  const shownError = useRef<unknown>(undefined);
  shownError.current = error;
  const staleError = useRef<unknown>(undefined);
  const noteStale = useCallback(() => {
    staleError.current = shownError.current;
  }, []);
  const clearStale = useCallback(() => {
    const stale = staleError.current;
    staleError.current = undefined;
    if (stale !== undefined) setError((e: unknown) => (e === stale ? undefined : e));
  }, []);

  // Leaving the tab keeps the message for when the user comes back, without stealing focus then.
  useEffect(() => {
    if (!active) pendingFocus.current = false;
  }, [active]);

  return (
    <section
      ref={panelRef}
      className={mergeClasses(styles.panel, !active && styles.hidden)}
      hidden={!active}
      role="tabpanel"
      id={`panel-${view.id}`}
      aria-labelledby={`tab-${view.id}`}
    >
      <HelpHeader lang={lang} help={view.help[lang]} />
      {(error !== undefined || report) && (
        <div
          className={styles.feedback}
          onKeyDown={(e) => {
            if (e.key !== 'Escape' || e.defaultPrevented) return;
            e.preventDefault();
            if (error !== undefined) dismissError();
            else dismissReport();
          }}
        >
          {error !== undefined && (
            <ErrorBar ref={errorRef} lang={lang} error={error} onDismiss={dismissError} />
          )}
          {report && (
            <ChangeReport
              ref={reportRef}
              lang={lang}
              action={report.action}
              report={report.report}
              onDismiss={dismissReport}
            />
          )}
        </div>
      )}
      <ShellContext.Provider value={shell}>
        <div
          data-testid="view-content"
          onChangeCapture={noteStale}
          onInputCapture={noteStale}
          onChange={clearStale}
          onInput={clearStale}
        >
          <ViewErrorBoundary lang={lang}>
            <view.Component gateway={reporting} lang={lang} />
          </ViewErrorBoundary>
        </div>
      </ShellContext.Provider>
    </section>
  );
}
