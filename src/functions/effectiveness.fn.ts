import { effectiveness as effectivenessCore } from '../core/effectiveness';
import { toNumberColumn, toNumberGrid } from '../core/validate';
import { checkSameSize } from './shapes';
import { finite, guard } from './toExcelError';

/**
 * Effectiveness: earned norm hours (Σ volume × norm minutes / 60) / recorded direct hours. 1 = exactly on norm.
 * @customfunction EFFECTIVENESS
 * @param volumes Cases completed per product (one column). A blank cell counts as 0. Text such as "12,5" is rejected: type the number, or use VALUE().
 * @param normMinutes Norm time per case in minutes (same length). A blank norm is allowed only where the volume is 0.
 * @param directHours Direct hours recorded: one cell or any range (summed).
 * @returns The ratio, unrounded.
 */
export function effectiveness(volumes: any[][], normMinutes: any[][], directHours: any[][]): number {
  return guard('IND.EFFECTIVENESS', () => {
    checkSameSize(volumes, 'volumes', normMinutes, 'normMinutes');
    const v = toNumberColumn(volumes, 'volumes');
    const m = toNumberColumn(normMinutes, 'normMinutes', { blank: 'nan' });
    const d = toNumberGrid(directHours, 'directHours').data;
    return finite(effectivenessCore(v, m, d), 'IND.EFFECTIVENESS');
  });
}
