/**
 * Small helpers to write Excel formulas from plan builders. Pure: strings in, strings out.
 */
import { a1, columnLetters, columnNumber, quoteSheet, topLeft } from '../../core/norms/address';

/**
 * The one set of A1 helpers of the task pane (1-based rows and columns: `columnLetters(1)` is
 * `A`), re-exported from the core for plan builders and the gateway (`host/address.ts`).
 */
export { a1, columnLetters, columnNumber, quoteSheet, topLeft };

/**
 * Escapes a column name for a structured reference: `'`, `[`, `]` and `#` are prefixed with
 * `'` (Excel's escape character inside table references).
 */
export function escapeColumn(name: string): string {
  return name.replace(/['[\]#]/g, (c) => `'${c}`);
}

/** `Table[[Column]]`: the data body of one table column, safe for any header text. */
export function columnRef(table: string, column: string): string {
  return `${table}[[${escapeColumn(column)}]]`;
}

/** `Table[[#Headers],[Column]]`: the header cell of one table column. */
export function headerRef(table: string, column: string): string {
  return `${table}[[#Headers],[${escapeColumn(column)}]]`;
}

/** A text literal for a formula: `"a ""b"""`. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** An absolute reference to a cell on a sheet, as a defined name wants it: `='IND Parameters'!$D$8`. */
export function absoluteRef(sheet: string, row: number, column: number): string {
  return `=${quoteSheet(sheet)}!$${columnLetters(column)}$${row}`;
}

/** The address `A5:H9` of a block at `row`, `column` with the given size. */
export function blockAddress(row: number, column: number, rows: number, columns: number): string {
  return `${a1(row, column)}:${a1(row + rows - 1, column + columns - 1)}`;
}
