/**
 * How Excel colours a check cell: by the colour tag of the number-format section that applies
 * to its value (positive; negative; zero; text). The check cells of the sheets show "OK" as text
 * (in the cell's green check style) and a break as a number, which their format shows in red.
 */
import type { WritePlan } from '../../src/taskpane/host/types';

function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad address ${a1}`);
  return { row: Number(m[2]), col: m[1].split('').reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) };
}

/** The number format the plan writes to a cell ('General' when none). */
export function numberFormatAt(plan: WritePlan, sheet: string, a1: string): string {
  const { row, col } = parseA1(a1);
  const s = plan.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  for (const b of s.blocks) {
    const at = parseA1(b.at);
    const r = row - at.row;
    const c = col - at.col;
    if (r < 0 || c < 0 || r >= b.cells.length || c >= (b.cells[r]?.length ?? 0)) continue;
    if (b.numberFormat === undefined) return 'General';
    return typeof b.numberFormat === 'string' ? b.numberFormat : (b.numberFormat[r]?.[c] ?? 'General');
  }
  for (const t of s.tables ?? []) {
    const at = parseA1(t.at);
    const r = row - at.row - 1;
    const c = col - at.col;
    if (r < 0 || c < 0 || r >= t.rows.length || c >= t.headers.length) continue;
    return t.columnFormats?.[c] ?? 'General';
  }
  throw new Error(`${sheet}!${a1} is not written by the plan`);
}

/** Splits a format into its sections at ';' outside quotes and brackets. */
function sections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = false;
  let bracket = false;
  for (const ch of format) {
    if (ch === '"') quote = !quote;
    if (!quote && ch === '[') bracket = true;
    if (!quote && ch === ']') bracket = false;
    if (ch === ';' && !quote && !bracket) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * The colour Excel shows `value` in under `format`: the section's colour tag in lower case
 * ('red'), or 'style' when the section has none (the cell's own font colour, green for checks).
 */
export function shownColour(value: unknown, format: string): string {
  const s = sections(format);
  let section: string | undefined;
  if (typeof value === 'number') {
    if (s.length === 1) section = s[0];
    else if (value > 0) section = s[0];
    else if (value < 0) section = s[1];
    else section = s.length >= 3 ? s[2] : s[0];
  } else {
    section = s.length >= 4 ? s[3] : undefined;
  }
  const m = section === undefined ? null : /^\[(Red|Green|Blue|Black|Color\d+)\]/i.exec(section);
  return m ? m[1].toLowerCase() : 'style';
}
