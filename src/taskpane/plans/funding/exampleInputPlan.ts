/**
 * Writes the illustrative budget and realisation as two workbook tables, so a user can try the
 * reconciliation (and see the expected table layout) without data of their own.
 */
import type { Lang } from '../../../core/messages/types';
import type { WritePlan } from '../../host/types';
import {
  EXAMPLE_ACTUAL,
  EXAMPLE_ACTUAL_TABLE,
  EXAMPLE_BUDGET,
  EXAMPLE_BUDGET_TABLE,
  EXAMPLE_INPUT_SHEET,
} from './examples';
import { withLegend } from '../styleLegend';
import { NF } from '../formats';

/** The plan that inserts the example input tables (budget at A4, realisation at I4 beside it). */
function buildExampleInputPlanSheets(lang: Lang): WritePlan {
  const [bh, ...brows] = EXAMPLE_BUDGET;
  const [ah, ...arows] = EXAMPLE_ACTUAL;
  return {
    action: lang === 'nl' ? 'Voorbeeldinvoer nacalculatie invoegen' : 'Insert example reconciliation input',
    sheets: [
      {
        name: EXAMPLE_INPUT_SHEET,
        blocks: [
          {
            at: 'A1',
            cells: [
              [
                lang === 'nl'
                  ? 'Voorbeeld (fictief): begroting en realisatie per product'
                  : 'Example (illustrative): budget and realisation per product',
              ],
            ],
            style: 'title',
          },
          {
            at: 'A2',
            cells: [
              [
                lang === 'nl'
                  ? 'Vervang de cijfers door uw eigen tabellen, of kies uw eigen tabellen in het taakvenster.'
                  : 'Replace the figures with your own tables, or pick your own tables in the task pane.',
              ],
            ],
            style: 'note',
          },
        ],
        tables: [
          {
            name: EXAMPLE_BUDGET_TABLE,
            at: 'A4',
            headers: bh.map(String),
            rows: brows,
            columnFormats: [null, null, NF.count, NF.amountCents, NF.count, NF.ratio, NF.amountCents],
            inputColumns: bh.map(String),
          },
          {
            name: EXAMPLE_ACTUAL_TABLE,
            at: 'I4',
            headers: ah.map(String),
            rows: arows,
            columnFormats: [null, NF.count, NF.amountCents, NF.fte, NF.count],
            inputColumns: ah.map(String),
          },
        ],
        columnWidths: {
          A: 80,
          B: 240,
          C: 80,
          D: 90,
          E: 100,
          F: 110,
          G: 110,
          I: 80,
          J: 80,
          K: 110,
          L: 80,
          M: 100,
        },
      },
    ],
  };
}

/** The plan of {@link buildExampleInputPlanSheets}, with the style legend on every sheet (styleLegend.ts). */
export function buildExampleInputPlan(
  ...args: Parameters<typeof buildExampleInputPlanSheets>
): ReturnType<typeof buildExampleInputPlanSheets> {
  return withLegend(buildExampleInputPlanSheets(...args), args[0]);
}
