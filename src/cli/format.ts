/**
 * How the command line prints a formula value. The output is meant for people AND for scripts:
 * numbers in full precision (the shortest text that reads back as the same double), so that a
 * controller can compare with Excel to the last digit; no rounding, no thousands separators.
 */
import { ExcelErrorValue, type CellValue, type FormulaValue } from './engine';

/**
 * One cell as text: numbers via `String` (shortest round-trip form, e.g. `1116.0818713450293`),
 * booleans as `TRUE`/`FALSE`, text raw, an empty cell as the empty string, an error as
 * `#CODE! message`.
 *
 * @param v - the cell.
 * @returns its printed form.
 */
export function formatCell(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof ExcelErrorValue) return v.message ? `${v.code} ${v.message}` : v.code;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  return v;
}

/**
 * A value as the `eval` command prints it: a cell on one line, a spill as one line per row with
 * the cells separated by a tab.
 *
 * @param v - the formula value.
 * @returns the text to print (without a trailing newline).
 */
export function formatValue(v: FormulaValue): string {
  if (Array.isArray(v)) return v.map((row) => row.map(formatCell).join('\t')).join('\n');
  return formatCell(v);
}

/**
 * A value on ONE line, for `eval --file` where each formula gets one output line: a spill is
 * written as an Excel array constant (`{1,2;3,4}`), text inside it quoted as in a formula.
 *
 * @param v - the formula value.
 * @returns a single line.
 */
export function formatValueInline(v: FormulaValue): string {
  if (!Array.isArray(v)) return formatCell(v).replace(/\r?\n/g, ' ');
  const cell = (c: CellValue): string => {
    if (typeof c === 'string') return `"${c.replace(/"/g, '""')}"`;
    if (c instanceof ExcelErrorValue) return c.code;
    return formatCell(c);
  };
  return `{${v.map((row) => row.map(cell).join(',')).join(';')}}`;
}

/** True when the value is, or contains, an error (the command then exits 1). */
export function hasError(v: FormulaValue): boolean {
  if (Array.isArray(v)) return v.some((row) => row.some((c) => c instanceof ExcelErrorValue));
  return v instanceof ExcelErrorValue;
}
