import { directRatioOf, parseRatioBasis } from '../core/directRatio';
import { toNumberColumn, toText, toTextColumn } from '../core/validate';
import { checkSameSize } from './shapes';
import { finite, guard } from './toExcelError';

/**
 * Direct-hour ratio from hours by kind. Gross = direct / all hours; net = direct / (all hours - absence).
 * @customfunction DIRECTRATIO
 * @param hours Hours per row (one column). A blank cell counts as 0. Text such as "12,5" is rejected: type the number, or use VALUE().
 * @param kinds Kind of hours per row: direct, indirect or absence (Dutch: direct, indirect, afwezig). Not case-sensitive.
 * @param [basis] "gross" (default) or "net" (Dutch: "bruto", "netto").
 * @returns The ratio between 0 and 1, unrounded.
 */
export function directRatio(hours: any[][], kinds: any[][], basis?: any): number {
  return guard('IND.DIRECTRATIO', () => {
    checkSameSize(hours, 'hours', kinds, 'kinds');
    const b = parseRatioBasis(toText(basis, 'basis', 'gross'));
    return finite(
      directRatioOf(toNumberColumn(hours, 'hours'), toTextColumn(kinds, 'kinds'), b),
      'IND.DIRECTRATIO',
    );
  });
}
