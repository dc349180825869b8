/**
 * The one blank test of IND Rekenmodel. Excel, Office.js and parsed files say "empty" in three
 * ways: `null`, `undefined` and text that is empty or only white space. Every reader (cells,
 * typed fields, tables) uses this function, so a blank means the same thing everywhere.
 */

/** True for a blank cell or field: `null`, `undefined`, or text that is empty or only spaces. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** True when every cell of the row is blank (trailing empty rows of a selection are skipped). */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}
