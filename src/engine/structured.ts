/**
 * Structured references (`Table[Col]`, `Table[[Col]]`, `Table[[#Headers],[Col]]`, `[@Col]`,
 * `[@[Col]]`, `[[#This Row],[Col]]`, `Table[[A]:[B]]`) resolved against a workbook model: to the
 * A1 range they denote (for the evaluator and the portable helper cells), or to the form the file
 * format stores (for the renderer): always table-qualified, `[#This Row]` instead of `@`, which
 * LibreOffice requires (it rejects the `@` form with Err:507) and Excel writes itself.
 */
import { columnLetters, quoteSheet } from '../core/norms/address';
import { findTable, tableAt, type SheetModel, type TableModel, type WorkbookModel } from './model';
import { tokenize, type Token } from './tokens';

/** What a structured reference denotes. */
export interface StructuredTarget {
  sheet: SheetModel;
  table: TableModel;
  /** 'data' column(s), 'headers', 'thisRow', 'all', 'totals'. */
  item: 'data' | 'headers' | 'thisRow' | 'all';
  /** First and last column index within the table (0-based), inclusive. */
  from: number;
  to: number;
}

/** Undoes Excel's `'` escapes in a column name. */
function unescapeColumn(s: string): string {
  return s.replace(/'(.)/g, '$1');
}

/** Escapes a column name for a structured reference (`'`, `[`, `]`, `#`). */
export function escapeColumnName(s: string): string {
  return s.replace(/['[\]#]/g, (c) => `'${c}`);
}

/** Splits `[a],[b]:[c]` (the inside of the outer brackets) into its bracketed items and separators. */
function items(inner: string): { parts: string[]; range: boolean } {
  const parts: string[] = [];
  let range = false;
  let k = 0;
  while (k < inner.length) {
    const ch = inner[k];
    if (ch === '[') {
      let j = k + 1;
      while (j < inner.length && inner[j] !== ']') j += inner[j] === "'" ? 2 : 1;
      parts.push(inner.slice(k + 1, j));
      k = j + 1;
    } else {
      if (ch === ':') range = true;
      k++;
    }
  }
  return { parts, range };
}

/**
 * Resolves one structured reference token written in a cell at (`row`, `col`) of `sheet`.
 *
 * @throws Error naming the reference when the table or column does not exist, or a this-row
 *   reference is outside a table's data rows.
 */
export function resolveStructured(
  wb: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  text: string,
): StructuredTarget {
  const open = text.indexOf('[');
  const tableName = text.slice(0, open);
  let found: { sheet: SheetModel; table: TableModel } | undefined;
  if (tableName) {
    found = findTable(wb, tableName);
    if (!found) throw new Error(`${text}: there is no table ${tableName}`);
  } else {
    const t = tableAt(sheet, row, col);
    if (!t) throw new Error(`${text}: outside a table`);
    found = { sheet, table: t };
  }
  const { table } = found;
  const inner = text.slice(open + 1, -1);
  const colIndex = (name: string): number => {
    const n = unescapeColumn(name).trim().toLowerCase();
    const i = table.headers.findIndex((h) => h.toLowerCase() === n);
    if (i < 0) throw new Error(`${text}: table ${table.name} has no column ${unescapeColumn(name)}`);
    return i;
  };
  const whole = { from: 0, to: table.headers.length - 1 };
  let item: StructuredTarget['item'] = 'data';
  let cols = whole;
  if (inner === '') {
    // Table[] is the data body.
  } else if (inner.startsWith('@')) {
    item = 'thisRow';
    const rest = inner.slice(1);
    if (rest !== '') {
      const name = rest.startsWith('[') ? rest.slice(1, -1) : rest;
      const i = colIndex(name);
      cols = { from: i, to: i };
    }
  } else if (inner.startsWith('#')) {
    item = specialItem(inner, text);
  } else if (!inner.includes('[')) {
    const i = colIndex(inner);
    cols = { from: i, to: i };
  } else {
    const { parts, range } = items(inner);
    const names: string[] = [];
    for (const p of parts) {
      if (p.startsWith('#')) item = specialItem(p, text);
      else names.push(p);
    }
    if (names.length > 0) {
      const a = colIndex(names[0]);
      const b = range && names.length > 1 ? colIndex(names[names.length - 1]) : a;
      cols = { from: Math.min(a, b), to: Math.max(a, b) };
    }
  }
  if (item === 'thisRow' && found.sheet === sheet) {
    if (!(row > table.row && row <= table.row + table.rows)) {
      throw new Error(`${text}: this-row reference outside the rows of ${table.name}`);
    }
  }
  return { sheet: found.sheet, table, item, ...cols };
}

function specialItem(p: string, text: string): StructuredTarget['item'] {
  const k = p.trim().toLowerCase();
  if (k === '#headers') return 'headers';
  if (k === '#this row') return 'thisRow';
  if (k === '#data') return 'data';
  if (k === '#all') return 'all';
  throw new Error(`${text}: ${p} is not supported`);
}

/** The absolute A1 range, sheet-qualified, that a resolved reference denotes for a cell in `row`. */
export function targetToA1(t: StructuredTarget, row: number): string {
  const c0 = columnLetters(t.table.col + t.from);
  const c1 = columnLetters(t.table.col + t.to);
  let r0: number;
  let r1: number;
  switch (t.item) {
    case 'headers':
      r0 = r1 = t.table.row;
      break;
    case 'thisRow':
      r0 = r1 = row;
      break;
    case 'all':
      r0 = t.table.row;
      r1 = t.table.row + t.table.rows;
      break;
    default:
      r0 = t.table.row + 1;
      r1 = t.table.row + Math.max(1, t.table.rows);
  }
  const q = quoteSheet(t.sheet.name);
  return r0 === r1 && c0 === c1 ? `${q}!$${c0}$${r0}` : `${q}!$${c0}$${r0}:$${c1}$${r1}`;
}

/** The form the file format stores: `Table[[#This Row],[Col]]`, `Table[Col]`, `Table[[#Headers],[Col]]`. */
export function targetToFileForm(t: StructuredTarget): string {
  const name = (i: number) => `[${escapeColumnName(t.table.headers[i])}]`;
  const columns =
    t.from === 0 && t.to === t.table.headers.length - 1 && t.table.headers.length > 1
      ? ''
      : t.from === t.to
        ? name(t.from)
        : `${name(t.from)}:${name(t.to)}`;
  const special = { data: '', headers: '[#Headers]', thisRow: '[#This Row]', all: '[#All]' }[t.item];
  if (!special) return columns ? `${t.table.name}[${columns}]` : `${t.table.name}[]`;
  if (!columns) return `${t.table.name}[${special}]`;
  return `${t.table.name}[${special},${columns}]`;
}

/** Rewrites every structured reference of a formula with `map`. Other tokens are kept as they are. */
export function mapStructured(formula: string, map: (tokenText: string) => string): string {
  const tokens: Token[] = tokenize(formula);
  let changed = false;
  for (const t of tokens) {
    if (t.kind === 'struct') {
      const next = map(t.text);
      if (next !== t.text) {
        t.text = next;
        changed = true;
      }
    }
  }
  return changed ? `=${tokens.map((t) => t.text).join('')}` : formula;
}

/** The formula with every structured reference replaced by its absolute A1 range. */
export function structuredToA1(
  wb: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  f: string,
): string {
  return mapStructured(f, (text) => targetToA1(resolveStructured(wb, sheet, row, col, text), row));
}

/** The formula with every structured reference in the form the .xlsx file stores. */
export function structuredToFileForm(
  wb: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  f: string,
): string {
  return mapStructured(f, (text) => targetToFileForm(resolveStructured(wb, sheet, row, col, text)));
}
