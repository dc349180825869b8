import { lumpsumSplit as lumpsumSplitCore } from '../core/lumpsumSplit';
import { FIXED_SHARE_EY } from '../core/params/model2021';
import { checkNonNegativeAll, toNumber, toNumberGrid } from '../core/validate';
import { finite, guard } from './toExcelError';

/**
 * Moves the fixed share of output-funded costs into the lumpsum. Spills two cells in a row: new lumpsum = lumpsum + s × C, new output funding = (1 - s) × C. The moved amount is rounded to whole cents so the parts add up exactly.
 * @customfunction LUMPSUMSPLIT
 * @param outputCosts Output-funded costs C: one cell, or a range that is summed. A blank cell counts as 0.
 * @param [fixedShare] Share s of C that is really fixed, between 0 and 1. Default 0.13 (EY 2020).
 * @param [lumpsum] Current lumpsum. Default 0.
 * @returns One row: new lumpsum, new output funding.
 */
export function lumpsumSplit(outputCosts: any[][], fixedShare?: any, lumpsum?: any): any[][] {
  return guard('IND.LUMPSUMSPLIT', () => {
    const costs = toNumberGrid(outputCosts, 'outputCosts').data;
    // The core sees only the sum, so each cell's sign is checked here, naming its row.
    checkNonNegativeAll(costs, 'outputCosts');
    let total = 0;
    for (let i = 0; i < costs.length; i++) total += costs[i];
    const split = lumpsumSplitCore(
      total,
      toNumber(fixedShare, 'fixedShare', FIXED_SHARE_EY.value, 'any'),
      toNumber(lumpsum, 'lumpsum', 0),
    );
    return [[finite(split.lumpsum, 'IND.LUMPSUMSPLIT'), finite(split.output, 'IND.LUMPSUMSPLIT')]];
  });
}
