/**
 * The structure of the funding area's worksheet tables: header matching (Dutch or English, in any
 * order) and product codes. Numbers in the cells are read with the one input vocabulary
 * (`readCellNumber` and the checks of `src/core/input`): a blank cell arrives as `""` or `null`
 * depending on the host, and text that looks like a number ("1.250" or "1250,5") is NOT guessed
 * at, because a silent guess between Dutch and English separators could be off by a factor of 1,000.
 */
import { CalcError } from '../errors';
import { isBlank } from '../input';

/** A worksheet cell as it reaches the core (Office.js value, or anything pasted). */
export type Cell = unknown;

/** Where a cell sits, for the message: the column name as the user sees it and the 1-based row. */
export interface CellPlace {
  argument: string;
  row?: number;
}

/** Reads a product code: text or a number, trimmed; blank throws `fundingBlankCode`. */
export function readCode(cell: Cell, place: CellPlace): string {
  if (isBlank(cell)) throw new CalcError('fundingBlankCode', { argument: place.argument, row: place.row });
  return String(cell).trim();
}

/** The text of a cell for headers and messages: primitives as typed, anything else empty. */
export function cellText(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** Normalises a header for matching: lower case, no spaces, punctuation or accents. */
export function headerKey(header: unknown): string {
  return cellText(header)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Finds the index of a column by any of its accepted header names (Dutch and English).
 * Throws `fundingMissingColumn` naming the table, the expected header and the headers found.
 */
export function findColumn(headers: readonly unknown[], accepted: readonly string[], table: string): number {
  const i = findOptionalColumn(headers, accepted);
  if (i >= 0) return i;
  throw new CalcError('fundingMissingColumn', {
    argument: table,
    expected: accepted[0],
    received: headers.map(cellText).join(', '),
  });
}

/** Like {@link findColumn} but returns -1 when the column is absent. */
export function findOptionalColumn(headers: readonly unknown[], accepted: readonly string[]): number {
  const keys = headers.map(headerKey);
  for (const name of accepted) {
    const i = keys.indexOf(headerKey(name));
    if (i >= 0) return i;
  }
  return -1;
}
