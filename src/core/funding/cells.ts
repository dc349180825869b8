/**
 * Reading numbers and codes from worksheet cells, with the funding area's error messages.
 * A range argument arrives as `unknown[][]`; a blank cell arrives as `""` or `null` depending on
 * the host, so both count as blank. Text that looks like a number ("1.250" or "1250,5") is NOT
 * guessed at: the user is told to type a number, because a silent guess between Dutch and
 * English separators could be off by a factor of 1,000.
 */
import { CalcError } from '../errors';

/** A worksheet cell as it reaches the core (Office.js value, or anything pasted). */
export type Cell = unknown;

/** True for the host's ways of saying "empty cell". */
export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Where a cell sits, for the message: the column name as the user sees it and the 1-based row. */
export interface CellPlace {
  argument: string;
  row?: number;
}

/** Options of {@link readNumber}. */
export interface NumberRule {
  /** Reject numbers below zero (`fundingNegative`). Default true. */
  nonNegative?: boolean;
}

/**
 * Reads a required number. Throws `fundingBlank` for a blank cell, `fundingNotNumber` for text
 * or booleans, and `fundingNegative` when `nonNegative` (the default) and the value is below 0.
 */
export function readNumber(cell: Cell, place: CellPlace, rule: NumberRule = {}): number {
  if (isBlank(cell)) {
    throw new CalcError('fundingBlank', { argument: place.argument, row: place.row });
  }
  if (typeof cell !== 'number' || !Number.isFinite(cell)) {
    throw new CalcError('fundingNotNumber', {
      argument: place.argument,
      row: place.row,
      received: String(cell),
    });
  }
  if ((rule.nonNegative ?? true) && cell < 0) {
    throw new CalcError('fundingNegative', {
      argument: place.argument,
      row: place.row,
      received: String(cell),
    });
  }
  return cell;
}

/** Reads an optional number: blank gives `undefined`, anything else follows {@link readNumber}. */
export function readOptionalNumber(cell: Cell, place: CellPlace, rule: NumberRule = {}): number | undefined {
  return isBlank(cell) ? undefined : readNumber(cell, place, rule);
}

/**
 * Reads a fraction in [0, 1] (or (0, 1] when `positive`). A value in (1, 100] is the typical
 * mistake of typing a percentage (74.73 for 0.7473) and gets `fundingRatioAsPercent` with the
 * corrected value as a suggestion; anything else out of range gets `fundingRatioRange`.
 */
export function readFraction(cell: Cell, place: CellPlace, positive = false): number {
  const value = readNumber(cell, place, { nonNegative: false });
  if (value > 1 && value <= 100) {
    throw new CalcError('fundingRatioAsPercent', {
      argument: place.argument,
      row: place.row,
      received: String(value),
      suggestion: String(value / 100),
    });
  }
  if (value < 0 || value > 1 || (positive && value === 0)) {
    throw new CalcError('fundingRatioRange', {
      argument: place.argument,
      row: place.row,
      received: String(value),
      positive: positive ? 'yes' : undefined,
    });
  }
  return value;
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
  const keys = headers.map(headerKey);
  for (const name of accepted) {
    const i = keys.indexOf(headerKey(name));
    if (i >= 0) return i;
  }
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

/** True when every cell of the row is blank (trailing empty rows of a selection are skipped). */
export function isBlankRow(row: readonly Cell[]): boolean {
  return row.every(isBlank);
}
