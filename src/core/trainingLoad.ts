/**
 * Training load (*opleidingslast*): the share of capacity spent on being trained and coaching.
 */
import { HOURS_PER_FTE } from './params/model2021';
import { checkNonNegative, checkPositive } from './validate';

/**
 * Training load = (traineeHoursPerWeek + coachHoursPerWeek) / hoursPerFte / totalFte.
 * The model budgets 1.9% training + 1.9% coaching; the review measured over 20%.
 *
 * @param traineeHoursPerWeek - Hours per week spent being trained (*opgeleid worden*), ≥ 0.
 * @param coachHoursPerWeek - Hours per week spent coaching (*begeleiden*), ≥ 0.
 * @param totalFte - Total staff in fte, > 0.
 * @param hoursPerFte - Hours per fte per week (default 36), > 0.
 * @returns A fraction of capacity, unrounded.
 * @throws CalcError `negativeValue`, `notPositive`, `notFinite`.
 */
export function trainingLoad(
  traineeHoursPerWeek: number,
  coachHoursPerWeek: number,
  totalFte: number,
  hoursPerFte: number = HOURS_PER_FTE.value,
): number {
  checkNonNegative(traineeHoursPerWeek, 'traineeHoursPerWeek');
  checkNonNegative(coachHoursPerWeek, 'coachHoursPerWeek');
  checkPositive(totalFte, 'totalFte');
  checkPositive(hoursPerFte, 'hoursPerFte');
  return (traineeHoursPerWeek + coachHoursPerWeek) / hoursPerFte / totalFte;
}
