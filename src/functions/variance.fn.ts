import { budgetVariance } from '../core/variance';
import { toNumberColumn } from '../core/validate';
import { checkSameSize } from './shapes';
import { finite, guard } from './toExcelError';

/**
 * Budget variance (flexible budget). Spills three cells in a row: volume variance = Σ (actual volume - budget volume) × budget price; price variance = Σ (actual price - budget price) × actual volume; total = Σ actual volume × actual price - Σ budget volume × budget price = volume + price.
 * @customfunction VARIANCE
 * @param budgetVolumes Budgeted cases per product (one column). A blank cell counts as 0. Text such as "12,5" is rejected: type the number, or use VALUE().
 * @param budgetPrices Budgeted price per case (same length). Blank only where both volumes are 0.
 * @param actualVolumes Realised cases per product (same length). A blank cell counts as 0.
 * @param actualPrices Realised price per case (same length). Blank only where both volumes are 0.
 * @returns One row: volume variance, price variance, total variance.
 */
export function variance(
  budgetVolumes: any[][],
  budgetPrices: any[][],
  actualVolumes: any[][],
  actualPrices: any[][],
): any[][] {
  return guard('IND.VARIANCE', () => {
    checkSameSize(budgetPrices, 'budgetPrices', budgetVolumes, 'budgetVolumes');
    checkSameSize(actualVolumes, 'actualVolumes', budgetVolumes, 'budgetVolumes');
    checkSameSize(actualPrices, 'actualPrices', budgetVolumes, 'budgetVolumes');
    const v = budgetVariance(
      toNumberColumn(budgetVolumes, 'budgetVolumes'),
      toNumberColumn(budgetPrices, 'budgetPrices', { blank: 'nan' }),
      toNumberColumn(actualVolumes, 'actualVolumes'),
      toNumberColumn(actualPrices, 'actualPrices', { blank: 'nan' }),
    );
    return [
      [finite(v.volume, 'IND.VARIANCE'), finite(v.price, 'IND.VARIANCE'), finite(v.total, 'IND.VARIANCE')],
    ];
  });
}
