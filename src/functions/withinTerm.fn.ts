import { shapeOf, toNumber, toNumberGrid } from '../core/validate';
import { shareWithinTerm } from '../core/steering/withinTerm';
import { checkSameSize } from './shapes';
import { finite, guard } from './toExcelError';

/**
 * Share of cases decided within the legal deadline: count(daysTaken <= termDays) / count(daysTaken). A case decided on its deadline counts as within. Blank cells of daysTaken are not cases and are skipped.
 * @customfunction WITHINTERM
 * @param daysTaken Days from receipt to decision per case (one column). A blank cell is skipped. A negative number (a decision before its receipt) is an error.
 * @param termDays The legal deadline in days: one cell for every case, or a range of the same size (a term per row). A term of 0 or less is an error.
 * @returns The share within term, a fraction from 0 to 1.
 */
export function withinTerm(daysTaken: any[][], termDays: any[][]): number {
  return guard('IND.WITHINTERM', () => {
    const days = toNumberGrid(daysTaken, 'daysTaken', { blank: 'nan', sign: 'any' }).data;
    const s = shapeOf(termDays);
    let term: number | Float64Array;
    if (s.rows === 1 && s.columns === 1) {
      term = toNumber(termDays, 'termDays', undefined, 'any');
    } else {
      checkSameSize(termDays, 'termDays', daysTaken, 'daysTaken');
      term = toNumberGrid(termDays, 'termDays', { blank: 'nan', sign: 'any' }).data;
    }
    return finite(shareWithinTerm(days, term), 'IND.WITHINTERM');
  });
}
