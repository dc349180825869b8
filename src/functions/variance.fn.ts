import { budgetVariance } from '../core/variance';
import { toBoolean, toNumberColumn } from '../core/validate';
import { checkSameSize } from './shapes';
import { finite, guard } from './toExcelError';

/**
 * Budget variance (flexible budget). Spills three cells in a row: volume variance incl. mix = Σ (actual volume - budget volume) × budget price; price variance = Σ (actual price - budget price) × actual volume; total = Σ actual volume × actual price - Σ budget volume × budget price = volume incl. mix + price. With separateMix TRUE it spills four cells: volume (quantity, at the budget mix), mix, price, total; volume + mix = the volume incl. mix of the three-cell form.
 * @customfunction VARIANCE
 * @param budgetVolumes Budgeted cases per product (one column). A blank cell counts as 0. Text such as "12,5" is rejected: type the number, or use VALUE().
 * @param budgetPrices Budgeted price per case (same length). Blank only where both volumes are 0.
 * @param actualVolumes Realised cases per product (same length). A blank cell counts as 0.
 * @param actualPrices Realised price per case (same length). Blank only where both volumes are 0.
 * @param [separateMix] FALSE (default): three cells, volume incl. mix, price, total (as existing workbooks expect). TRUE: four cells, volume (quantity) = Σ (total actual volume × budget mix - budget volume) × budget price, mix = Σ (actual volume - total actual volume × budget mix) × budget price, price, total.
 * @returns One row: volume incl. mix, price, total; or with separateMix TRUE: volume, mix, price, total.
 */
export function variance(
  budgetVolumes: any[][],
  budgetPrices: any[][],
  actualVolumes: any[][],
  actualPrices: any[][],
  separateMix?: any,
): any[][] {
  return guard('IND.VARIANCE', () => {
    checkSameSize(budgetPrices, 'budgetPrices', budgetVolumes, 'budgetVolumes');
    checkSameSize(actualVolumes, 'actualVolumes', budgetVolumes, 'budgetVolumes');
    checkSameSize(actualPrices, 'actualPrices', budgetVolumes, 'budgetVolumes');
    const mix = toBoolean(separateMix, 'separateMix', false);
    const v = budgetVariance(
      toNumberColumn(budgetVolumes, 'budgetVolumes', { sign: 'any' }),
      toNumberColumn(budgetPrices, 'budgetPrices', { blank: 'nan', sign: 'any' }),
      toNumberColumn(actualVolumes, 'actualVolumes', { sign: 'any' }),
      toNumberColumn(actualPrices, 'actualPrices', { blank: 'nan', sign: 'any' }),
    );
    const f = (x: number): number => finite(x, 'IND.VARIANCE');
    return mix
      ? [[f(v.volume), f(v.mix), f(v.price), f(v.total)]]
      : [[f(v.volumeInclMix), f(v.price), f(v.total)]];
  });
}
