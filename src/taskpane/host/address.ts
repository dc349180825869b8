/**
 * A1 address arithmetic for the gateway. Pure and Office-free so that it is unit-testable and
 * shared by the plan validation; the Office.js calls stay in `excelGateway.ts`.
 *
 * Column letters and sheet quoting come from the one A1 helper set, `plans/formula.ts` (1-based
 * columns); this module only adds the gateway's zero-based cell positions on top of it.
 */
import { columnLetters, columnNumber, quoteSheet } from '../plans/formula';

export { quoteSheet };

/** A zero-based cell position. */
export interface CellPos {
  row: number;
  col: number;
}

/** Excel's limits: 1,048,576 rows and 16,384 columns (XFD). */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** Parses a single cell like 'B2' or '$C$5'; undefined when it is not one within Excel's grid. */
export function parseCell(a1: string): CellPos | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return undefined;
  const col = columnNumber(m[1]) - 1;
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROWS || col >= MAX_COLS) return undefined;
  return { row, col };
}

/** A1 text of a zero-based cell. */
export function cellAddress(pos: CellPos): string {
  return `${columnLetters(pos.col + 1)}${pos.row + 1}`;
}

/** The address of a block of `rows` × `cols` cells whose top-left is `at`: ('B2', 2, 3) → 'B2:D3'. */
export function blockAddress(at: CellPos, rows: number, cols: number): string {
  const end = { row: at.row + rows - 1, col: at.col + cols - 1 };
  return rows === 1 && cols === 1 ? cellAddress(at) : `${cellAddress(at)}:${cellAddress(end)}`;
}

/** Strips a sheet prefix from an address Excel returns: "'IND Blad'!A1:B2" → 'A1:B2'. */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang < 0 ? address : address.slice(bang + 1);
}

/**
 * Why a sheet name is invalid in Excel (English), or undefined when it is valid: 1–31
 * characters, none of : \ / ? * [ ], not starting or ending with an apostrophe.
 */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim().length === 0) return 'a name of 1 to 31 characters';
  if (name.length > 31) return `at most 31 characters (this one has ${name.length})`;
  if (/[:\\/?*[\]]/.test(name)) return 'no : \\ / ? * [ or ]';
  if (name.startsWith("'") || name.endsWith("'")) return 'no apostrophe at the start or end';
  return undefined;
}

/** Escapes text for use inside a RegExp. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Rewrites references to sheet `from` into references to sheet `to` in a formula, outside string
 * literals. Needed when the gateway writes to a redirected sheet ("IND Rekenblad (2)"): the plan's
 * other sheets and names must follow it.
 */
export function renameSheetRefs(formula: string, from: string, to: string): string {
  const quoted = `'${from.replace(/'/g, "''")}'!`;
  const patterns = [escapeRegExp(quoted)];
  if (quoteSheet(from) === from) patterns.push(`(?<![A-Za-z0-9_.'])${escapeRegExp(from)}!`);
  const re = new RegExp(patterns.join('|'), 'g');
  return mapOutsideStrings(formula, (part) => part.replace(re, `${quoteSheet(to)}!`));
}

/**
 * Rewrites structured references to table `from` (e.g. `T_Norm[Minuten]`) into `to`, outside
 * string literals. Needed when a table name is already taken by a table the pane does not own.
 */
export function renameTableRefs(formula: string, from: string, to: string): string {
  const re = new RegExp(`(?<![A-Za-z0-9_.])${escapeRegExp(from)}\\[`, 'gi');
  return mapOutsideStrings(formula, (part) => part.replace(re, `${to}[`));
}

/** Applies `fn` to the parts of a formula outside "string literals" (Excel doubles quotes inside). */
function mapOutsideStrings(formula: string, fn: (part: string) => string): string {
  const pieces = formula.split(/("(?:[^"]|"")*")/);
  return pieces.map((p, i) => (i % 2 === 1 ? p : fn(p))).join('');
}

/** The sheet part of an address Excel returns ("'IND Blad'!A1:B2" → 'IND Blad'), or '' when absent. */
export function sheetOf(address: string): string {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return '';
  const sheet = address.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}
