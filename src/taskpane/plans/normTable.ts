/**
 * The norm-time sheet `IND Normtijden`: one normalised Excel table `IND_Normtijden` with every
 * version side by side (the version is a column), and a key column that the calculation sheet
 * looks up. Pure: validated rows → `WritePlan`.
 */
import type { NormRow, RangeInput, Validated } from '../../core/norms';
import { fictitiousVersions, normVersions, validateNormRange } from '../../core/norms';
import type { Lang } from '../../core/messages/types';
import type { CellValue, TableData, WritePlan } from '../host/types';
import { topLeft } from './formula';
import { withLegend } from './styleLegend';
import { NF } from './formats';

/** Sheet and table identifiers. Stable: the calculation sheet's formulas depend on them. */
export const NORM_SHEET = 'IND Normtijden';
/** Name of the normalised norm table. */
export const NORM_TABLE = 'IND_Normtijden';
/** Columns of the norm table, in order. `Sleutel` (key) = Versie|Code, what the lookup matches. */
export const NORM_COLUMNS = ['Code', 'Naam', 'Normminuten', 'Geldig vanaf', 'Versie', 'Sleutel'] as const;
/** Top-left cell (header row) of the norm table on its sheet. */
export const NORM_TABLE_AT = 'A4';

/**
 * The key formula of the data row on sheet row `row`: Versie|Code as text, so numeric and text
 * codes match alike. Plain A1 references, not `[@Versie]`: the gateway writes a table's cells
 * before it turns the range into a table, and Excel rejects `[@…]` outside a table.
 */
export function normKeyFormula(row: number): string {
  return `=E${row}&"|"&A${row}`;
}

/** Options of {@link buildNormTablePlan}. */
export interface NormPlanOptions {
  /** Where the rows came from, for the note on the sheet, e.g. `Blad1!A1:C40`. */
  source?: string;
  /** True when the rows are the shipped illustrative table: the sheet says *fictief*. */
  illustrative?: boolean;
  /** The pane's language: the sheet's title and note are written in it (default Dutch). */
  lang?: Lang;
}

/**
 * Builds the norm sheet from validated rows (all versions). Minutes are written exactly as
 * typed; nothing is rounded.
 */
function buildNormTablePlanSheets(rows: readonly NormRow[], opts: NormPlanOptions = {}): WritePlan {
  const versions = normVersions(rows);
  const firstRow = topLeft(NORM_TABLE_AT).row + 1;
  const tableRows: CellValue[][] = rows.map((r, i) => [
    r.code,
    r.name,
    r.minutes,
    r.validFrom,
    r.version,
    normKeyFormula(firstRow + i),
  ]);
  // Fictitious rows stay marked as long as they are in the table, whatever was imported last.
  const fictitious = fictitiousVersions(rows);
  const marked = opts.illustrative === true || fictitious.length > 0;
  const en = opts.lang === 'en';
  const shownFictitious = fictitious.length > 0 ? fictitious.join(', ') : versions.join(', ');
  const note = en
    ? (marked
        ? `FICTITIOUS: illustrative norm times, not the IND's norms (version ${shownFictitious}). `
        : '') +
      `Norm minutes per case; versions stand side by side (${versions.join(', ')}). ` +
      (opts.source ? `Last import: ${opts.source}. ` : '') +
      'The calculation sheet looks up Versie|Code in column Sleutel.'
    : (marked
        ? `FICTIEF: illustratieve normtijden, niet de normen van de IND (versie ${shownFictitious}). `
        : '') +
      `Normminuten per zaak; versies staan naast elkaar (${versions.join(', ')}). ` +
      (opts.source ? `Laatste import: ${opts.source}. ` : '') +
      'Het rekenblad zoekt op Versie|Code in kolom Sleutel.';
  return {
    action: en ? 'Import norm times' : 'Normtijden importeren',
    sheets: [
      {
        name: NORM_SHEET,
        blocks: [
          { at: 'A1', cells: [[en ? 'IND Norm times' : 'IND Normtijden']], style: 'title' },
          { at: 'A2', cells: [[note]], style: marked ? 'check' : 'note' },
        ],
        tables: [
          {
            name: NORM_TABLE,
            at: NORM_TABLE_AT,
            headers: [...NORM_COLUMNS],
            rows: tableRows,
            columnFormats: [null, NF.text, null, NF.integer, NF.text, null],
            // The norm minutes are the values a user maintains (issue 11, Build 10).
            inputColumns: ['Normminuten'],
          },
        ],
        columnWidths: { A: 90, B: 220, C: 90, D: 80, E: 120, F: 140 },
        freezeRows: 4,
      },
    ],
  };
}

/**
 * Reads the existing `IND_Normtijden` back into rows, validating it like an import (a user may
 * have edited it). The table's own header names locate the columns.
 */
export function normRowsFromTable(table: TableData): Validated<NormRow> {
  const input: RangeInput = {
    sheet: table.sheet,
    address: table.address,
    values: [table.headers, ...table.rows],
  };
  return validateNormRange(input, '');
}

/** The plan of {@link buildNormTablePlanSheets}, with the style legend on every sheet (styleLegend.ts). */
export function buildNormTablePlan(
  ...args: Parameters<typeof buildNormTablePlanSheets>
): ReturnType<typeof buildNormTablePlanSheets> {
  return withLegend(buildNormTablePlanSheets(...args), args[1]?.lang);
}
