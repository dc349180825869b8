/**
 * Turnover allowance (*verloop*) in fte.
 */
import { AVG_CONTRACT_HOURS, HOURS_PER_FTE } from './params/model2021';
import { mulDiv } from './numerics';
import { checkNonNegative, checkPositive } from './validate';

/**
 * Turnover allowance (fte) = leaversPerYear / 2 × avgContractHours / hoursPerFte.
 *
 * Leavers are spread over the year and not replaced within it, so on average half of them are
 * vacant. The review writes 115/2 × 36/34.5 = 60, which inverts the contract ratio; the correct
 * figure is 115/2 × 34.5/36 = 55.1. To reproduce the review, pass 60 directly as extraFte.
 *
 * @param leaversPerYear - Leavers plus internal moves per year (heads), ≥ 0.
 * @param avgContractHours - Average contract hours per week (default 34.5), > 0.
 * @param hoursPerFte - Hours per fte per week (default 36), > 0.
 * @returns FTE, unrounded.
 * @throws CalcError `negativeValue`, `notPositive`, `notFinite`.
 */
export function turnoverFte(
  leaversPerYear: number,
  avgContractHours: number = AVG_CONTRACT_HOURS.value,
  hoursPerFte: number = HOURS_PER_FTE.value,
): number {
  checkNonNegative(leaversPerYear, 'leaversPerYear');
  checkPositive(avgContractHours, 'avgContractHours');
  checkPositive(hoursPerFte, 'hoursPerFte');
  // mulDiv: the same order of operations, without a spurious overflow of the product.
  return mulDiv(leaversPerYear / 2, avgContractHours, hoursPerFte);
}
