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
 * A value for `eval --file` where each formula gets one output line: a spill is written as an
 * Excel array constant (`{1,2;3,4}`), text inside it quoted as in a formula. Line breaks inside
 * text are left to {@link escapeLine}.
 *
 * @param v - the formula value.
 * @returns a single line.
 */
export function formatValueInline(v: FormulaValue): string {
  if (!Array.isArray(v)) return formatCell(v);
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

/**
 * Makes any text safe for ONE output line, reversibly, with JSON-style escapes: the backslash
 * as `\\`, LF, CR and TAB as `\n`, `\r`, `\t`, every other control character (U+0000–U+001F,
 * U+007F–U+009F) and the Unicode line and paragraph separators (U+2028, U+2029) as `\uXXXX`, and
 * an unpaired surrogate (which UTF-8 cannot encode) as `\uD800`-style escape. Everything else,
 * including any valid emoji or accented letter, is written as it is.
 *
 * @param text - e.g. a formula or a result that holds a line break.
 * @returns the text without any character that ends or splits a line.
 */
export function escapeLine(text: string): string {
  // Fast path: nothing to escape.
  if (!/[\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) out += hex(c);
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] + text[i + 1];
        i++;
      } else out += hex(c);
    } else if (c >= 0xdc00 && c <= 0xdfff) out += hex(c);
    else out += text[i];
  }
  return out;
}

function hex(c: number): string {
  return `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
}
