import { trainingLoad as trainingLoadCore } from '../core/trainingLoad';
import { HOURS_PER_FTE } from '../core/params/model2021';
import { toNumber } from '../core/validate';
import { finite, guard } from './toExcelError';

/**
 * Training load: (trainee hours + coaching hours per week) / hoursPerFte / total fte. The 2021 model budgets 1.9% + 1.9%.
 * @customfunction TRAININGLOAD
 * @param traineeHoursPerWeek Hours per week spent being trained.
 * @param coachHoursPerWeek Hours per week spent coaching trainees.
 * @param totalFte Total staff in fte.
 * @param [hoursPerFte] Hours per fte per week. Default 36.
 * @returns The share of capacity, unrounded.
 */
export function trainingLoad(
  traineeHoursPerWeek: any,
  coachHoursPerWeek: any,
  totalFte: any,
  hoursPerFte?: any,
): number {
  return guard('IND.TRAININGLOAD', () =>
    finite(
      trainingLoadCore(
        toNumber(traineeHoursPerWeek, 'traineeHoursPerWeek'),
        toNumber(coachHoursPerWeek, 'coachHoursPerWeek'),
        toNumber(totalFte, 'totalFte', undefined, 'any'),
        toNumber(hoursPerFte, 'hoursPerFte', HOURS_PER_FTE.value, 'any'),
      ),
      'IND.TRAININGLOAD',
    ),
  );
}
