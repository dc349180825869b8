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

/** Parses a number as a user types it in the pane: "0,57", "0.57", "1.116,5" or "1,116.5". */
export function parseUserNumber(text: string): number | undefined {
  const s = text.trim().replace(/\s/g, '');
  if (!/^[-+]?[\d.,]+$/.test(s)) return undefined;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  // The right-most separator is the decimal one; the other is a thousands separator.
  const decimal = lastComma > lastDot ? ',' : '.';
  const thousands = decimal === ',' ? '.' : ',';
  const n = Number(s.split(thousands).join('').replace(decimal, '.'));
  return Number.isFinite(n) ? n : undefined;
}
