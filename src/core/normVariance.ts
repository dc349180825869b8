/**
 * Norm time against time recording (*norm versus tijdschrijven*).
 */
import { CalcError } from './errors';
import { frexp, ldexp, mulDiv } from './numerics';
import { checkNonNegative, checkPositive } from './validate';

/**
 * Realised minutes per case = recordedHours × 60 / cases.
 *
 * @param recordedHours - Hours recorded on the product, ≥ 0.
 * @param cases - Cases completed, ≥ 0.
 * @param row - 1-based row for messages (optional).
 * @returns Minutes per case, unrounded.
 * @throws CalcError `zeroCasesWithHours` (cases 0, hours > 0), `noCasesNoHours` (#N/A: both 0),
 *   `negativeValue`, `notFinite`.
 */
export function realisedMinutesPerCase(recordedHours: number, cases: number, row?: number): number {
  checkNonNegative(recordedHours, 'recordedHours', row);
  checkNonNegative(cases, 'cases', row);
  if (cases === 0) {
    if (recordedHours > 0)
      throw new CalcError('zeroCasesWithHours', { argument: 'cases', row, hours: recordedHours });
    throw new CalcError('noCasesNoHours', { argument: 'cases', row });
  }
  // mulDiv: the same (hours × 60) / cases, without a spurious overflow of the product.
  return mulDiv(recordedHours, 60, cases);
}

/**
 * Deviation from norm = realised minutes per case / normMinutes − 1. 0 means on norm,
 * +0.25 means 25% slower than the norm, −0.1 means 10% faster.
 *
 * @param recordedHours - Hours recorded on the product, ≥ 0.
 * @param cases - Cases completed, ≥ 0.
 * @param normMinutes - Norm time per case in minutes, > 0.
 * @param row - 1-based row for messages (optional).
 * @returns The deviation as a fraction, unrounded.
 * @throws CalcError as {@link realisedMinutesPerCase}, and `notPositive` for the norm.
 */
export function normVariance(
  recordedHours: number,
  cases: number,
  normMinutes: number,
  row?: number,
): number {
  checkPositive(normMinutes, 'normMinutes', row);
  const realised = realisedMinutesPerCase(recordedHours, cases, row);
  if (Number.isFinite(realised)) return realised / normMinutes - 1;
  // The minutes per case overflow, the deviation need not: hours × 60 / (cases × norm) on
  // mantissas, with the exponent applied once.
  const [mh, eh] = frexp(recordedHours);
  const [mc, ec] = frexp(cases);
  const [mn, en] = frexp(normMinutes);
  return ldexp((mh * 60) / mc / mn, eh - ec - en) - 1;
}
