import { backlogPath } from '../core/backlog';
import { shapeOf, toNumber, toNumberColumn } from '../core/validate';
import { checkSameSize } from './shapes';
import { columnSpill, guard } from './toExcelError';

/**
 * Backlog at the end of each period: b(t) = max(0, b(t-1) + inflow(t) - capacity(t)). Spills one column.
 * @customfunction BACKLOG
 * @param inflowHours Workload arriving per period in hours (one column). A blank cell counts as 0. Text such as "12,5" is rejected: type the number, or use VALUE().
 * @param capacityHours Capacity per period in hours: one cell for every period, or a column as long as inflowHours.
 * @param [initialBacklog] Backlog before the first period in hours. Default 0.
 * @returns Backlog per period in hours, one column.
 */
export function backlog(inflowHours: any[][], capacityHours: any[][], initialBacklog?: any): any[][] {
  return guard('IND.BACKLOG', () => {
    const inflow = toNumberColumn(inflowHours, 'inflowHours');
    const s = shapeOf(capacityHours);
    let capacity: number | Float64Array;
    if (s.rows === 1 && s.columns === 1) {
      capacity = toNumber(capacityHours, 'capacityHours');
    } else {
      checkSameSize(capacityHours, 'capacityHours', inflowHours, 'inflowHours');
      capacity = toNumberColumn(capacityHours, 'capacityHours');
    }
    return columnSpill(
      backlogPath(inflow, capacity, toNumber(initialBacklog, 'initialBacklog', 0)),
      'IND.BACKLOG',
    );
  });
}
