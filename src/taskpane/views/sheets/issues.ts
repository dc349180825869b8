/**
 * Turning validation issues into what the shell shows: the first error becomes a `CalcError`
 * for the error bar; the view lists them all with their cell addresses.
 */
import { CalcError } from '../../../core/errors';
import type { Issue } from '../../../core/norms';

/** The first blocking issue as a `CalcError`, or undefined when there is none. */
export function firstError(issues: readonly Issue[]): CalcError | undefined {
  const e = issues.find((i) => i.severity === 'error');
  return e ? new CalcError(e.code, e.details) : undefined;
}
