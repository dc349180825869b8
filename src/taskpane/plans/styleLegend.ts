/**
 * The style legend every sheet the pane writes carries (issue 11, Build 10): ONE input style and
 * ONE computed style (`src/taskpane/host/styles.ts`), named with their colour in the sheet's
 * language, in a small block to the right of everything else on the sheet so that it never
 * overlaps a table, a block or a chart.
 *
 * Rules the plans follow (checked over every plan by `test/host/styleLegend.test.ts`):
 * - a cell with the input style holds a constant a user may change, never a formula;
 * - a linked formula cell (e.g. `=IND_DirecteUren`) is computed and gets the computed style;
 * - the legend's wording names the colour the input and computed styles really have.
 */
import type { Lang } from '../../core/messages/types';
import { blockFormats } from '../host/styles';
import type { BlockStyle, CellBlock, SheetPlan, WritePlan } from '../host/types';
import { a1, columnLetters, topLeft } from './formula';

/**
 * The colour names of the fills the styles use, per language (Dutch in the attributive form,
 * "lichtblauwe cellen"). A style's fill without a name here is refused.
 */
export const FILL_NAMES: Readonly<Record<string, Record<Lang, string>>> = {
  '#EBF3FC': { nl: 'lichtblauwe', en: 'light blue' },
  '#E0E0E0': { nl: 'grijze', en: 'grey' },
};

/** The colour name of a style's fill. */
export function fillName(style: BlockStyle, lang: Lang): string {
  const fill = blockFormats[style].fill;
  const name = fill ? FILL_NAMES[fill.toUpperCase()] : undefined;
  if (!name) throw new Error(`style ${style} has no named fill`);
  return name[lang];
}

/** The first cell of the legend: how a test (and a reader) finds it. */
export const LEGEND_TITLE: Record<Lang, string> = { nl: 'Legenda', en: 'Legend' };

const capital = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

/** The legend's lines: the style swatch's word and the explanation. */
export function legendLines(lang: Lang): { style: 'input' | 'output'; word: string; text: string }[] {
  return lang === 'nl'
    ? [
        {
          style: 'input',
          word: 'Invoer',
          text: `${capital(fillName('input', 'nl'))} cellen zijn invoer: typ hier uw waarden`,
        },
        {
          style: 'output',
          word: 'Berekend',
          text: `${capital(fillName('output', 'nl'))} cellen zijn formules: niet overschrijven`,
        },
      ]
    : [
        {
          style: 'input',
          word: 'Input',
          text: `${capital(fillName('input', 'en'))} cells are inputs: type your values here`,
        },
        {
          style: 'output',
          word: 'Computed',
          text: `${capital(fillName('output', 'en'))} cells are formulas: do not type over them`,
        },
      ];
}

/** The last column (1-based) a sheet uses: blocks, tables and charts. */
function lastColumn(sheet: SheetPlan): number {
  let last = 1;
  const right = (at: string, width: number): void => {
    last = Math.max(last, topLeft(at).column + width - 1);
  };
  for (const b of sheet.blocks) right(b.at, Math.max(1, ...b.cells.map((r) => r.length)));
  for (const t of sheet.tables ?? []) right(t.at, t.headers.length);
  // A chart without a bottom-right cell takes about eight columns.
  for (const c of sheet.charts ?? []) right(c.to ?? c.at, c.to ? 1 : 9);
  return last;
}

/** The legend's blocks for a sheet, one column right of everything else, from row 1. */
export function legendBlocks(sheet: SheetPlan, lang: Lang): CellBlock[] {
  const col = lastColumn(sheet) + 2;
  const lines = legendLines(lang);
  return [
    { at: a1(1, col), cells: [[LEGEND_TITLE[lang]]], style: 'header' },
    ...lines.flatMap((l, i): CellBlock[] => [
      { at: a1(2 + i, col), cells: [[l.word]], style: l.style },
      { at: a1(2 + i, col + 1), cells: [[l.text]], style: 'note' },
    ]),
  ];
}

/** The legend's column letter on a sheet (for column widths). */
export function legendColumn(sheet: SheetPlan): string {
  return columnLetters(lastColumn(sheet) + 2);
}

/** The plan with the style legend added to every sheet (sheets that already have one are kept). */
export function withStyleLegend(plan: WritePlan, lang: Lang = 'nl'): WritePlan {
  return {
    ...plan,
    sheets: plan.sheets.map((s) =>
      s.blocks.some((b) => b.cells[0]?.[0] === LEGEND_TITLE[lang])
        ? s
        : { ...s, blocks: [...s.blocks, ...legendBlocks(s, lang)] },
    ),
  };
}

/** A builder's result (a plan, or an object with one) with the style legend on every sheet. */
export function withLegend<T extends WritePlan | { plan: WritePlan | null }>(
  result: T,
  lang: Lang | undefined,
): T {
  if ('sheets' in result) return withStyleLegend(result, lang ?? 'nl') as T;
  return result.plan ? { ...result, plan: withStyleLegend(result.plan, lang ?? 'nl') } : result;
}
