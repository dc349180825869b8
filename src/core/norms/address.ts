/**
 * A1-address helpers for messages and plans. Pure: no Office, no DOM.
 *
 * Problems are reported with the cell the user sees (e.g. `Blad1!C7`), so the validators
 * translate a (row, column) offset inside a range back to an Excel address.
 */

/** Converts a 1-based column number to its letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1)
    throw new RangeError(`column must be a positive integer, got ${column}`);
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Converts column letters to a 1-based number: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) throw new RangeError(`not a column: ${letters}`);
    n = n * 26 + (c - 64);
  }
  if (n === 0) throw new RangeError(`not a column: ${letters}`);
  return n;
}

/** A parsed cell reference: 1-based row and column. */
export interface CellRef {
  row: number;
  column: number;
}

/** Parses the top-left cell of an address such as `B2`, `$B$2` or `B2:F40`. */
export function topLeft(address: string): CellRef {
  const first = address.split(':')[0].replace(/\$/g, '');
  const bang = first.lastIndexOf('!');
  const cell = bang >= 0 ? first.slice(bang + 1) : first;
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(cell);
  if (!m) throw new RangeError(`not a cell address: ${address}`);
  return { column: columnNumber(m[1]), row: Number(m[2]) };
}

/** `C7` from a 1-based row and column. */
export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** Quotes a sheet name the way Excel does in references: `Blad1` stays, `IND Data` → `'IND Data'`. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * The user-visible address of a cell at a 0-based offset inside a range that starts at `origin`
 * on `sheet`, e.g. `cellAt('Blad1', 'A1:C9', 6, 2)` → `Blad1!C7`.
 */
export function cellAt(sheet: string, origin: string, rowOffset: number, columnOffset: number): string {
  const tl = topLeft(origin);
  return `${quoteSheet(sheet)}!${a1(tl.row + rowOffset, tl.column + columnOffset)}`;
}
