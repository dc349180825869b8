import { workloadHours, workloadHoursByCode, workloadHoursOfPlainColumns } from '../core/workload';
import { isOmitted, toNumberColumn, toTextColumn } from '../core/validate';
import { CalcError } from '../core/errors';
import { checkSameSize } from './shapes';
import { finite, guard } from './toExcelError';

/**
 * Workload in handling hours: Σ volume × norm minutes / 60. With product codes, each volume is
 * matched to its norm by code, so the two tables need not be in the same order.
 * @customfunction WORKLOAD
 * @param volumes Cases per product (one column). A blank cell counts as 0. Text such as "12,5" is rejected: type the number, or use VALUE().
 * @param normMinutes Norm time per case in minutes (one column, same length as volumes unless codes are given). A blank norm is allowed only where the volume is 0.
 * @param [volumeCodes] Product code per volume row. Give normCodes too.
 * @param [normCodes] Product code per norm row, unique. A volume code not found here gives #N/A naming the code.
 * @returns Workload in hours, unrounded.
 */
export function workload(
  volumes: any[][],
  normMinutes: any[][],
  volumeCodes?: any[][],
  normCodes?: any[][],
): number {
  return guard('IND.WORKLOAD', () => {
    const noVolumeCodes = volumeCodes === undefined || isOmitted(volumeCodes);
    const noNormCodes = normCodes === undefined || isOmitted(normCodes);
    if (noVolumeCodes && noNormCodes) {
      checkSameSize(volumes, 'volumes', normMinutes, 'normMinutes');
      // The hot path: one pass over the cells as Excel passes them, when every row is plain.
      const fast = workloadHoursOfPlainColumns(volumes, normMinutes);
      if (fast !== undefined) return fast;
      // Anything else: coerce each column, then the core checks signs and blank norms in order.
      const v = toNumberColumn(volumes, 'volumes');
      const m = toNumberColumn(normMinutes, 'normMinutes', { blank: 'nan' });
      return finite(workloadHours(v, m), 'IND.WORKLOAD');
    }
    if (noVolumeCodes || noNormCodes)
      throw new CalcError('codesWithoutPartner', { argument: noVolumeCodes ? 'volumeCodes' : 'normCodes' });
    checkSameSize(volumeCodes, 'volumeCodes', volumes, 'volumes');
    checkSameSize(normCodes, 'normCodes', normMinutes, 'normMinutes');
    const v = toNumberColumn(volumes, 'volumes');
    const m = toNumberColumn(normMinutes, 'normMinutes', { blank: 'nan' });
    const vc = toTextColumn(volumeCodes, 'volumeCodes');
    const nc = toTextColumn(normCodes, 'normCodes');
    return finite(workloadHoursByCode(v, vc, m, nc), 'IND.WORKLOAD');
  });
}
