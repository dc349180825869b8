/**
 * Share of cases decided within the legal deadline (*binnen de beslistermijn*).
 */
import { CalcError } from '../errors';

/**
 * The share of cases whose days taken are at most their term: a case decided ON its deadline
 * counts as within. Cases with an unknown number of days (NaN, a blank cell) are not counted.
 *
 * @param daysTaken - Days from receipt to decision per case, ≥ 0 (NaN = no case in this row).
 * @param termDays - One term for every case, or one per case (same length); each > 0.
 * @param names - Argument names for messages.
 * @returns A fraction from 0 to 1.
 * @throws CalcError `negativeValue` (a decision before its receipt), `steerTermNotPositive`,
 *   `lengthMismatch`, `steerNoCases`.
 */
export function shareWithinTerm(
  daysTaken: ArrayLike<number>,
  termDays: number | ArrayLike<number>,
  names: { days: string; term: string } = { days: 'daysTaken', term: 'termDays' },
): number {
  const single = typeof termDays === 'number';
  if (!single && termDays.length !== daysTaken.length)
    throw new CalcError('lengthMismatch', {
      argument: names.term,
      rows: termDays.length,
      other: names.days,
      otherRows: daysTaken.length,
    });
  if (single && !(termDays > 0))
    throw new CalcError('steerTermNotPositive', { argument: names.term, received: String(termDays) });
  let n = 0;
  let within = 0;
  for (let i = 0; i < daysTaken.length; i++) {
    const d = daysTaken[i];
    if (Number.isNaN(d)) continue;
    const term = single ? termDays : termDays[i];
    if (Number.isNaN(term)) throw new CalcError('blankValue', { argument: names.term, row: i + 1 });
    if (!single && !(term > 0))
      throw new CalcError('steerTermNotPositive', {
        argument: names.term,
        row: i + 1,
        received: String(term),
      });
    if (d < 0)
      throw new CalcError('negativeValue', { argument: names.days, row: i + 1, received: String(d) });
    n++;
    if (isWithinTerm(d, term)) within++;
  }
  if (n === 0) throw new CalcError('steerNoCases', { argument: names.days });
  return within / n;
}

/** The one rule: a case decided on its deadline (days taken = term) is within term. */
export function isWithinTerm(daysTaken: number, termDays: number): boolean {
  return daysTaken <= termDays;
}
