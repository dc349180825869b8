import { headcountToFte } from '../core/headcount';
import { AVG_CONTRACT_HOURS, HOURS_PER_FTE } from '../core/params/model2021';
import { toNumber } from '../core/validate';
import { finite, guard } from './toExcelError';

/**
 * Converts a number of people to fte: persons × avgContractHours / hoursPerFte.
 * @customfunction HEADCOUNTFTE
 * @param persons Number of people.
 * @param [avgContractHours] Average contract hours per week. Default 34.5.
 * @param [hoursPerFte] Hours per fte per week. Default 36.
 * @returns FTE, unrounded.
 */
export function headcountFte(persons: any, avgContractHours?: any, hoursPerFte?: any): number {
  return guard('IND.HEADCOUNTFTE', () =>
    finite(
      headcountToFte(
        toNumber(persons, 'persons'),
        toNumber(avgContractHours, 'avgContractHours', AVG_CONTRACT_HOURS.value, 'any'),
        toNumber(hoursPerFte, 'hoursPerFte', HOURS_PER_FTE.value, 'any'),
      ),
      'IND.HEADCOUNTFTE',
    ),
  );
}
