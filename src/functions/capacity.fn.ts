import { directCapacity } from '../core/capacity';
import { DIRECT_RATIO_MODEL, HOURS_PER_FTE } from '../core/params/model2021';
import { toNumber } from '../core/validate';
import { finite, guard } from './toExcelError';

/**
 * Direct capacity in handling hours: fte × weeks × hoursPerFte × directRatio. The inverse of IND.FTE without extra fte.
 * @customfunction CAPACITY
 * @param fte Staff in fte.
 * @param [weeks] Number of weeks. Default 1.
 * @param [hoursPerFte] Hours per fte per week. Default 36.
 * @param [directRatio] Share of paid hours spent on cases, between 0 and 1. Default 0.7473.
 * @returns Direct hours, unrounded.
 */
export function capacity(fte: any, weeks?: any, hoursPerFte?: any, directRatio?: any): number {
  return guard('IND.CAPACITY', () =>
    finite(
      directCapacity(toNumber(fte, 'fte'), {
        weeks: toNumber(weeks, 'weeks', 1, 'any'),
        hoursPerFte: toNumber(hoursPerFte, 'hoursPerFte', HOURS_PER_FTE.value, 'any'),
        directRatio: toNumber(directRatio, 'directRatio', DIRECT_RATIO_MODEL.value, 'any'),
      }),
      'IND.CAPACITY',
    ),
  );
}
