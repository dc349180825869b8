import { totalFunding } from '../core/outputFunding';
import { toNumber, toNumberColumn } from '../core/validate';
import { checkSameSize } from './shapes';
import { finite, guard } from './toExcelError';

/**
 * Total funding: max(floor, lumpsum + Σ volume × price).
 * @customfunction FUNDING
 * @param volumes Cases per product (one column). A blank cell counts as 0. Text such as "12,5" is rejected: type the number, or use VALUE().
 * @param prices Price per case (one column, same length). A blank price is allowed only where the volume is 0.
 * @param [lumpsum] Fixed amount for fixed costs. Default 0.
 * @param [floor] Minimum funding. Default 0.
 * @returns Funding, unrounded.
 */
export function funding(volumes: any[][], prices: any[][], lumpsum?: any, floor?: any): number {
  return guard('IND.FUNDING', () => {
    checkSameSize(volumes, 'volumes', prices, 'prices');
    const v = toNumberColumn(volumes, 'volumes');
    const p = toNumberColumn(prices, 'prices', { blank: 'nan' });
    return finite(
      totalFunding(v, p, toNumber(lumpsum, 'lumpsum', 0), toNumber(floor, 'floor', 0)),
      'IND.FUNDING',
    );
  });
}
