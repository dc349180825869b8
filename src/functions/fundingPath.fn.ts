import { fundingPath as fundingPathCore } from '../core/fundingPath';
import { toNumber, toNumberColumn } from '../core/validate';
import { columnSpill, guard } from './toExcelError';

/**
 * Funding per period without big shocks. Target = lumpsum + rate × workload. A rise is followed at once; a fall only after the target stayed below the funded level for confirmPeriods periods in a row, and then by at most maxDecline per period. Never below floor. Spills one column.
 * @customfunction FUNDINGPATH
 * @param workloadHours Workload per period in hours (one column). A blank cell counts as 0. Text such as "12,5" is rejected: type the number, or use VALUE().
 * @param ratePerHour Funding per workload hour.
 * @param [lumpsum] Fixed amount per period. Default 0.
 * @param [floor] Minimum funding per period. Default 0.
 * @param [maxDecline] Largest fall per period as a fraction of the funded level (0.05 = 5%). Default 1 (no limit).
 * @param [confirmPeriods] Periods in a row the target must stay below before funding falls. Default 1.
 * @returns Funding per period, one column.
 */
export function fundingPath(
  workloadHours: any[][],
  ratePerHour: any,
  lumpsum?: any,
  floor?: any,
  maxDecline?: any,
  confirmPeriods?: any,
): any[][] {
  return guard('IND.FUNDINGPATH', () => {
    const path = fundingPathCore(
      toNumberColumn(workloadHours, 'workloadHours'),
      toNumber(ratePerHour, 'ratePerHour'),
      {
        lumpsum: toNumber(lumpsum, 'lumpsum', 0),
        floor: toNumber(floor, 'floor', 0),
        maxDecline: toNumber(maxDecline, 'maxDecline', 1, 'any'),
        confirmPeriods: toNumber(confirmPeriods, 'confirmPeriods', 1, 'any'),
      },
    );
    return columnSpill(path, 'IND.FUNDINGPATH');
  });
}
