import { PERIODS_PER_YEAR } from '../core/params/steering';
import { parseYearEndMethod, yearEnd as yearEndCore } from '../core/steering/yearEnd';
import { isOmitted, toNumber, toText } from '../core/validate';
import { finite, guard } from './toExcelError';

/**
 * Year-end forecast: realisedToDate + (periodsInYear - periodsDone) x rate, where rate = realisedToDate / periodsDone for "trend" (the realised rate carried forward) or capacityPerPeriod for "capacity".
 * @customfunction YEAREND
 * @param realisedToDate Realised so far, e.g. cases decided in the completed periods.
 * @param periodsDone Completed periods, a whole number (at least 1 for "trend").
 * @param [periodsInYear] Periods in the year. Default 13 (four-week periods).
 * @param [method] "trend" (default) or "capacity" (Dutch: "capaciteit").
 * @param [capacityPerPeriod] Cases (or hours) per period the capacity allows: staff x weeks x hours x direct ratio x 60 / norm minutes. Required for "capacity".
 * @returns The forecast for the whole year, unrounded.
 */
export function yearEnd(
  realisedToDate: any,
  periodsDone: any,
  periodsInYear?: any,
  method?: any,
  capacityPerPeriod?: any,
): number {
  return guard('IND.YEAREND', () =>
    finite(
      yearEndCore(toNumber(realisedToDate, 'realisedToDate'), toNumber(periodsDone, 'periodsDone'), {
        periodsInYear: toNumber(periodsInYear, 'periodsInYear', PERIODS_PER_YEAR, 'any'),
        method: parseYearEndMethod(toText(method, 'method', 'trend')),
        capacityPerPeriod: isOmitted(capacityPerPeriod)
          ? undefined
          : toNumber(capacityPerPeriod, 'capacityPerPeriod'),
      }),
      'IND.YEAREND',
    ),
  );
}
