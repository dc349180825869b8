import { costPrice as costPriceCore } from '../core/costPrice';
import { DIRECT_RATIO_MODEL } from '../core/params/model2021';
import { checkFinite, checkFraction, checkRatio, toNumber, toNumberGrid } from '../core/validate';
import { at, atCell, broadcastShape, buildGrid } from './shapes';
import { finite, guard } from './toExcelError';

/**
 * Cost price per case: normMinutes / 60 × hourlyCost / directRatio × (1 + overheadRate). Element-wise for ranges (spills one price per norm).
 * @customfunction COSTPRICE
 * @param normMinutes Norm time per case in minutes: one cell or a range. Text such as "12,5" is rejected: type the number, or use VALUE().
 * @param hourlyCost Cost of one paid hour: one cell, or a range the same size as normMinutes.
 * @param [directRatio] Share of paid hours spent on cases, between 0 and 1. Default 0.7473.
 * @param [overheadRate] Overhead surcharge as a fraction (0.25 = 25%). Default 0.
 * @returns Cost price per case, unrounded, in the shape of the inputs.
 */
export function costPrice(
  normMinutes: any[][],
  hourlyCost: any[][],
  directRatio?: any,
  overheadRate?: any,
): any[][] {
  return guard('IND.COSTPRICE', () => {
    const ratio = checkRatio(
      checkFinite(toNumber(directRatio, 'directRatio', DIRECT_RATIO_MODEL.value, 'any'), 'directRatio'),
      'directRatio',
    );
    const overhead = checkFraction(toNumber(overheadRate, 'overheadRate', 0, 'any'), 'overheadRate');
    const norms = toNumberGrid(normMinutes, 'normMinutes', { blank: 'error' });
    const costs = toNumberGrid(hourlyCost, 'hourlyCost', { blank: 'error' });
    const shape = broadcastShape([norms, costs], ['normMinutes', 'hourlyCost']);
    return buildGrid(shape, (i, row) =>
      atCell(row, (i % shape.columns) + 1, () =>
        finite(costPriceCore(at(norms, i), at(costs, i), ratio, overhead), 'IND.COSTPRICE'),
      ),
    );
  });
}
