/**
 * Headcount to fte (*personen naar fte*).
 */
import { AVG_CONTRACT_HOURS, HOURS_PER_FTE } from './params/model2021';
import { mulDiv } from './numerics';
import { checkNonNegative, checkPositive } from './validate';

/**
 * FTE = persons × avgContractHours / hoursPerFte.
 *
 * @param persons - Number of people, ≥ 0.
 * @param avgContractHours - Average contract hours per week (default 34.5), > 0.
 * @param hoursPerFte - Hours per fte per week (default 36), > 0.
 * @returns FTE, unrounded.
 * @throws CalcError `negativeValue`, `notPositive`, `notFinite`.
 */
export function headcountToFte(
  persons: number,
  avgContractHours: number = AVG_CONTRACT_HOURS.value,
  hoursPerFte: number = HOURS_PER_FTE.value,
): number {
  checkNonNegative(persons, 'persons');
  checkPositive(avgContractHours, 'avgContractHours');
  checkPositive(hoursPerFte, 'hoursPerFte');
  // mulDiv: the same (persons × hours) / hoursPerFte, without a spurious overflow of the product.
  return mulDiv(persons, avgContractHours, hoursPerFte);
}
