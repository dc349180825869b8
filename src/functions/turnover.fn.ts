import { turnoverFte } from '../core/turnover';
import { AVG_CONTRACT_HOURS, HOURS_PER_FTE } from '../core/params/model2021';
import { toNumber } from '../core/validate';
import { finite, guard } from './toExcelError';

/**
 * Turnover allowance in fte: leavers / 2 × avgContractHours / hoursPerFte (on average half of the unreplaced leavers are vacant). 115 leavers give 55.1 fte; the 2021 review's 60 inverts the contract ratio (pass 60 as extraFte to reproduce it).
 * @customfunction TURNOVERFTE
 * @param leaversPerYear Leavers plus internal moves per year (people).
 * @param [avgContractHours] Average contract hours per week. Default 34.5.
 * @param [hoursPerFte] Hours per fte per week. Default 36.
 * @returns FTE, unrounded.
 */
export function turnoverAllowance(leaversPerYear: any, avgContractHours?: any, hoursPerFte?: any): number {
  return guard('IND.TURNOVERFTE', () =>
    finite(
      turnoverFte(
        toNumber(leaversPerYear, 'leaversPerYear'),
        toNumber(avgContractHours, 'avgContractHours', AVG_CONTRACT_HOURS.value, 'any'),
        toNumber(hoursPerFte, 'hoursPerFte', HOURS_PER_FTE.value, 'any'),
      ),
      'IND.TURNOVERFTE',
    ),
  );
}
