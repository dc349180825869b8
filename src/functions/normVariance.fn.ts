import { normVariance as normVarianceCore } from '../core/normVariance';
import { CalcError, isCalcError } from '../core/errors';
import { toNumberGrid } from '../core/validate';
import { at, broadcastShape, buildGrid } from './shapes';
import { finite, guard, toExcelError } from './toExcelError';
import type { ExcelErrorLike } from './runtime';

/**
 * Deviation of recorded time from the norm: (recordedHours × 60 / cases) / normMinutes - 1. 0 = on norm, 0.25 = 25% slower. Element-wise for ranges (spills one deviation per row). A row with no cases and no hours gives #N/A in that cell only.
 * @customfunction NORMVARIANCE
 * @param recordedHours Hours recorded per product: one cell or a column. A blank cell counts as 0. Text such as "12,5" is rejected: type the number, or use VALUE().
 * @param cases Cases completed per product, same size. A blank cell counts as 0.
 * @param normMinutes Norm time per case in minutes, same size (or one cell). A blank norm is allowed only on a row without cases and hours.
 * @returns Deviation per product as a fraction, unrounded.
 */
export function normVariance(recordedHours: any[][], cases: any[][], normMinutes: any[][]): any[][] {
  return guard('IND.NORMVARIANCE', () => {
    const hours = toNumberGrid(recordedHours, 'recordedHours');
    const count = toNumberGrid(cases, 'cases');
    const norms = toNumberGrid(normMinutes, 'normMinutes', { blank: 'nan' });
    const shape = broadcastShape([hours, count, norms], ['recordedHours', 'cases', 'normMinutes']);
    return buildGrid<number | ExcelErrorLike>(shape, (i, row) =>
      cell(at(hours, i), at(count, i), at(norms, i), row),
    );
  });
}

/** One cell: the deviation, or #N/A in place when there is simply no data on that row. */
function cell(h: number, n: number, norm: number, row: number): number | ExcelErrorLike {
  try {
    if (Number.isNaN(norm)) {
      if (h === 0 && n === 0) throw new CalcError('noCasesNoHours', { argument: 'cases', row });
      throw new CalcError('blankNorm', { argument: 'normMinutes', row, volume: n });
    }
    return finite(normVarianceCore(h, n, norm, row), 'IND.NORMVARIANCE');
  } catch (e) {
    // "No data" stays local to its cell; real mistakes fail the whole formula so they are seen.
    if (isCalcError(e) && e.excel === 'notAvailable') return toExcelError(e, 'IND.NORMVARIANCE');
    throw e;
  }
}
