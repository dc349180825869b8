/** A1-address helpers for the funding plans (pure). */

/** Column letter of a 1-based column index: 1 → A, 27 → AA. */
export function col(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Relative address, e.g. cell(3, 20) → "C20". */
export function cell(c: number, r: number): string {
  return `${col(c)}${r}`;
}

/** Absolute address, e.g. abs(2, 5) → "$B$5". */
export function abs(c: number, r: number): string {
  return `$${col(c)}$${r}`;
}

/** Sheet-qualified absolute reference for a defined name: ='IND Financiering'!$B$5. */
export function sheetRef(sheet: string, c: number, r: number): string {
  return `='${sheet.replace(/'/g, "''")}'!${abs(c, r)}`;
}
