/**
 * The portable form of a workbook: every IND.* call replaced by native formulas with classic
 * functions only (`forms.ts`), so that the workbook computes the same values in the same cells in
 * Excel 2010 and later, LibreOffice 7.4 and Google Sheets, without the add-in:
 *
 * - a scalar call becomes an expression in place, inside whatever formula contains it;
 * - a spilling call that is a whole formula becomes one formula per cell of its spill range;
 * - a spilling call inside a larger formula (e.g. `SUMPRODUCT((IND.BACKLOG(…)−range)^2)`) is
 *   first materialised in helper cells on the hidden sheet `IND_Hulp`, and the call replaced by
 *   a reference to them; recurrences that need more than the cell before (scenario runs judged in
 *   hindsight, the funding path's counter) use helper columns there too;
 * - the original formulas are kept on the hidden sheet `IND_Bron` (sheet, cell, formula without
 *   its `=`), so that {@link restoreIndForm} gives back the workbook exactly;
 * - the visible sheet `IND_Draagbaar` lists every converted cell (its error messages are lost:
 *   only the error code remains) and every cell that could not be converted.
 *
 * Pure: a model in, a new model out; the input is not changed.
 */
import { columnLetters, quoteSheet, topLeft } from '../../core/norms/address';
import type { Lang } from '../../core/messages/types';
import { fromFileFormula, isIndFunction, udfInvariantName } from '../fileForm';
import {
  cellKey,
  cloneWorkbook,
  findSheet,
  isFormula,
  parseKey,
  type CellModel,
  type SheetModel,
  type WorkbookModel,
} from '../model';
import { structuredToA1 } from '../structured';
import { callAt, textOf, tokenize, type Token } from '../tokens';
import type { Arg } from './excel';
import { PORTABLE_FORMS, type FormContext } from './forms';

/** The hidden sheet with helper cells. */
export const HELPER_SHEET = 'IND_Hulp';
/** The hidden sheet with the original formulas. */
export const SOURCE_SHEET = 'IND_Bron';
/** The visible sheet that lists what changed and what was lost. */
export const REPORT_SHEET = 'IND_Draagbaar';

/** One converted cell. */
export interface ConvertedCell {
  sheet: string;
  address: string;
  /** The IND.* functions the cell called. */
  functions: string[];
  /** Cells of the spill range that got a formula of their own (besides the anchor). */
  spill: number;
}

/** A cell that stays in IND.* form, and why. */
export interface NotConverted {
  sheet: string;
  address: string;
  reason: string;
}

/** What {@link makePortable} did. */
export interface PortableReport {
  converted: ConvertedCell[];
  notConverted: NotConverted[];
  helperCells: number;
  /** Charts of the workbook (not part of a file written without Excel). */
  charts: { sheet: string; title: string }[];
}

/** Options of {@link makePortable}. */
export interface PortableOptions {
  /** Language of the report sheet's texts (default nl). */
  lang?: Lang;
}

const CELL_RE = /^(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?$/;

/** `'S'!$B$5` */
function absRef(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!$${columnLetters(col)}$${row}`;
}

/** Splits `'My Sheet'!B5:C7` into sheet and local part. */
function splitRef(text: string): { sheet?: string; local: string } {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { local: text };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: text.slice(bang + 1) };
}

/** Every cell/range reference without a sheet gets `sheet` (the formula may move to IND_Hulp). */
function qualify(tokens: Token[], sheet: string): void {
  for (const t of tokens) {
    if (t.kind === 'ref' && !t.text.includes('!') && CELL_RE.test(t.text.trim())) {
      t.text = `${quoteSheet(sheet)}!${t.text.trim()}`;
    }
  }
}

/** A parsed array constant `{1,2;3,4}` as rows of literal texts. */
function parseArrayConstant(text: string): string[][] | undefined {
  if (!text.startsWith('{') || !text.endsWith('}')) return undefined;
  const inner = text.slice(1, -1);
  const rows: string[][] = [[]];
  let cur = '';
  let inString = false;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '"') {
      if (inString && inner[i + 1] === '"') {
        cur += '""';
        i++;
        continue;
      }
      inString = !inString;
      cur += ch;
    } else if (!inString && (ch === ',' || ch === ';')) {
      rows[rows.length - 1].push(cur.trim());
      cur = '';
      if (ch === ';') rows.push([]);
    } else cur += ch;
  }
  rows[rows.length - 1].push(cur.trim());
  return rows;
}

/** Resolves one argument's text to an {@link Arg}. */
function resolveArg(wb: WorkbookModel, sheet: string, text: string): Arg {
  const t = text.trim();
  if (t === '') return { text: '', omitted: true, rows: 1, cols: 1, at: () => '', isRange: false };
  const constant = parseArrayConstant(t);
  if (constant) {
    return {
      text: t,
      omitted: false,
      rows: constant.length,
      cols: constant[0].length,
      at: (i, j) => constant[i][j],
      isRange: true,
    };
  }
  let refText = t;
  const name = wb.names.find((n) => n.name.toLowerCase() === t.toLowerCase());
  if (name) refText = name.ref.replace(/^=/, '');
  const { sheet: refSheet, local } = splitRef(refText);
  // Only a whole reference: `'A b'!X1+'A b'!Y1` is an expression, not a cell of a sheet "A b'!X1+'A b".
  const bang = refText.lastIndexOf('!');
  const sheetPart = bang < 0 ? '' : refText.slice(0, bang).trim();
  const wholeRef = bang < 0 || /^'(?:[^']|'')+'$|^[\w.]+$/.test(sheetPart);
  const m = wholeRef ? CELL_RE.exec(local.trim()) : null;
  if (m && (refSheet || !name)) {
    const a = topLeft(m[1]);
    const b = topLeft(m[2] ?? m[1]);
    const s = refSheet ?? sheet;
    const rows = b.row - a.row + 1;
    const cols = b.column - a.column + 1;
    const isRange = rows * cols > 1;
    if (name && !isRange) return { text: t, omitted: false, rows, cols, at: () => t, isRange };
    return {
      text: isRange
        ? `${absRef(s, a.row, a.column)}:$${columnLetters(b.column)}$${b.row}`
        : absRef(s, a.row, a.column),
      omitted: false,
      rows,
      cols,
      at: (i, j) => absRef(s, a.row + i, a.column + j),
      isRange,
    };
  }
  const array = arrayExpression(wb, sheet, t);
  if (array) return array;
  // Any other expression: a scalar (wrapped so that it stays one operand).
  const expr = /^[\w.$'!]+$|^"(?:[^"]|"")*"$|^[\d.]+$/.test(t) ? t : `(${t})`;
  return { text: expr, omitted: false, rows: 1, cols: 1, at: () => expr, isRange: false };
}

/** An argument that is an array expression, to be materialised in helper cells by the caller. */
interface ArrayArg extends Arg {
  elementwise: true;
}

/** Functions that work element by element on an array (so an expression of them is an array). */
const ELEMENTWISE = new Set([
  'IF',
  'IFERROR',
  'N',
  'ABS',
  'INT',
  'ROUND',
  'ROUNDUP',
  'ROUNDDOWN',
  'ISNUMBER',
  'ISTEXT',
  'ISBLANK',
  'ISERROR',
  'NOT',
  'LEN',
  'TRIM',
  'UPPER',
  'LOWER',
  'VALUE',
]);

/**
 * An argument such as `IF(mask, Table[Col], "")` or `Table[Days]+5`: only element-wise functions
 * and operators over ranges of one shape (single cells are broadcast). Element (i, j) is the
 * expression with every range replaced by its cell (i, j).
 * @returns undefined when the expression has no range, or a function that is not element-wise.
 * @throws Error for ranges of different shapes (Excel would broadcast them into a block).
 */
function arrayExpression(wb: WorkbookModel, sheet: string, text: string): ArrayArg | undefined {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch {
    return undefined;
  }
  const ranges = new Map<number, { s: string; row: number; col: number; rows: number; cols: number }>();
  for (const [k, tok] of tokens.entries()) {
    if (tok.kind === 'func' && !ELEMENTWISE.has(tok.text.trim().toUpperCase())) return undefined;
    if (tok.kind !== 'ref') continue;
    let refText = tok.text.trim();
    const name = wb.names.find((n) => n.name.toLowerCase() === refText.toLowerCase());
    if (name) refText = name.ref.replace(/^=/, '');
    const { sheet: refSheet, local } = splitRef(refText);
    const m = CELL_RE.exec(local.trim());
    if (!m) continue;
    const a = topLeft(m[1]);
    const b = topLeft(m[2] ?? m[1]);
    const rows = b.row - a.row + 1;
    const cols = b.column - a.column + 1;
    if (rows * cols > 1) ranges.set(k, { s: refSheet ?? sheet, row: a.row, col: a.column, rows, cols });
  }
  if (ranges.size === 0) return undefined;
  const shapes = [...ranges.values()];
  const { rows, cols } = shapes[0];
  if (shapes.some((r) => r.rows !== rows || r.cols !== cols))
    throw new Error(`an array argument over ranges of different shapes: ${text}`);
  const at = (i: number, j: number) =>
    tokens
      .map((tok, k) => {
        const r = ranges.get(k);
        return r ? absRef(r.s, r.row + i, r.col + j) : tok.text;
      })
      .join('');
  return { text, omitted: false, rows, cols, at, isRange: true, elementwise: true };
}

/** Materialises an array-expression argument in helper columns: a range of cells on IND_Hulp. */
function materialise(a: Arg, helpers: Helpers, label: string): Arg {
  if (!(a as Partial<ArrayArg>).elementwise) return a;
  const base = helpers.reserve(a.cols);
  for (let j = 0; j < a.cols; j++) helpers.fill(base + j, label, a.rows, (i) => a.at(i, j));
  const ref = (i: number, j: number) => absRef(HELPER_SHEET, i + 2, base + j);
  return {
    text: `${ref(0, 0)}:$${columnLetters(base + a.cols - 1)}$${a.rows + 1}`,
    omitted: false,
    rows: a.rows,
    cols: a.cols,
    at: ref,
    isRange: true,
  };
}

/** The IND.* name of a `func` token, or undefined. */
function indName(t: Token): string | undefined {
  if (t.kind !== 'func') return undefined;
  const n = udfInvariantName(t.text.trim()).toUpperCase();
  return isIndFunction(n) ? n : undefined;
}

/** Helper cells on IND_Hulp: one column per allocation, from row 2 (row 1 says what it is for). */
class Helpers {
  readonly sheet: SheetModel = { name: HELPER_SHEET, cells: new Map(), tables: [], state: 'hidden' };
  private nextCol = 1;
  count = 0;

  /** Reserves `n` columns; returns the first one's number. */
  reserve(n: number): number {
    const first = this.nextCol;
    this.nextCol += n;
    return first;
  }

  /** Fills column `col` with a label and `n` formulas. */
  fill(
    col: number,
    label: string,
    n: number,
    formula: (i: number, self: (k: number) => string) => string,
  ): (i: number) => string {
    const ref = (k: number) => absRef(HELPER_SHEET, k + 2, col);
    this.sheet.cells.set(cellKey(1, col), { content: label, style: 'note', numberFormat: '@' });
    for (let i = 0; i < n; i++) {
      this.sheet.cells.set(cellKey(i + 2, col), { content: `=${formula(i, ref)}` });
      this.count++;
    }
    return ref;
  }

  column(
    label: string,
    n: number,
    formula: (i: number, self: (k: number) => string) => string,
  ): (i: number) => string {
    return this.fill(this.reserve(1), label, n, formula);
  }
}

/** A cell's A1 address. */
const addr = (row: number, col: number) => `${columnLetters(col)}${row}`;

/**
 * The portable form of a workbook, and a report of what changed.
 *
 * @param model - a workbook in IND.* form (from plans, or read from a file; `_xldudf_` forms
 *   are understood).
 */
export function makePortable(
  model: WorkbookModel,
  options: PortableOptions = {},
): { model: WorkbookModel; report: PortableReport } {
  const lang = options.lang ?? 'nl';
  const out = cloneWorkbook(model);
  for (const name of [HELPER_SHEET, SOURCE_SHEET, REPORT_SHEET]) {
    if (findSheet(out, name)) throw new Error(`${name} exists already: restore the IND.* form first`);
  }
  const helpers = new Helpers();
  const report: PortableReport = { converted: [], notConverted: [], helperCells: 0, charts: [] };
  const source: { sheet: string; address: string; formula: string; kind: 'formula' | 'spill' }[] = [];

  for (const sheet of out.sheets) {
    for (const ch of sheet.charts ?? []) report.charts.push({ sheet: sheet.name, title: ch.title });
    const cells = [...sheet.cells].filter(([, c]) => isFormula(c.content));
    for (const [k, c] of cells) {
      const original = c.content as string;
      const f0 = fromFileFormula(original);
      if (!tokenize(f0).some((t) => indName(t))) continue;
      const { row, col } = parseKey(k);
      try {
        const res = convertCell(out, sheet, row, col, f0, helpers);
        for (const [i, line] of res.cells.entries()) {
          for (const [j, f] of line.entries()) {
            if (i === 0 && j === 0) continue;
            const key = cellKey(row + i, col + j);
            const prev = sheet.cells.get(key);
            if (prev && prev.content !== null && prev.content !== '')
              throw new Error('spill range not empty (#SPILL!)');
            sheet.cells.set(key, { ...prev, content: f });
            source.push({ sheet: sheet.name, address: addr(row + i, col + j), formula: '', kind: 'spill' });
          }
        }
        c.content = res.cells[0][0];
        delete c.arrayRef;
        source.push({
          sheet: sheet.name,
          address: addr(row, col),
          formula: original.slice(1),
          kind: 'formula',
        });
        report.converted.push({
          sheet: sheet.name,
          address: addr(row, col),
          functions: res.functions,
          spill: res.cells.length * res.cells[0].length - 1,
        });
      } catch (e) {
        report.notConverted.push({
          sheet: sheet.name,
          address: addr(row, col),
          reason: e instanceof Error ? e.message : String(e),
        });
      }
    }
  }
  report.helperCells = helpers.count;
  out.sheets.push(helpers.sheet);
  out.sheets.push(sourceSheet(source));
  out.sheets.push(reportSheet(report, lang));
  return { model: out, report };
}

/** Converts one formula; returns the formula of each cell of its result (1 × 1 unless it spills). */
function convertCell(
  wb: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  formula: string,
  helpers: Helpers,
): { cells: string[][]; functions: string[] } {
  const tokens = tokenize(structuredToA1(wb, sheet, row, col, formula));
  qualify(tokens, sheet.name);
  const functions: string[] = [];
  const where = `${quoteSheet(sheet.name)}!${addr(row, col)}`;
  for (let guard = 0; guard < 1000; guard++) {
    // The innermost IND.* call: one with no IND.* call among its arguments.
    let pick = -1;
    for (let k = tokens.length - 1; k >= 0 && pick < 0; k--) if (indName(tokens[k])) pick = k;
    if (pick < 0) return { cells: [[`=${tokens.map((t) => t.text).join('')}`]], functions };
    const name = indName(tokens[pick])!;
    const form = PORTABLE_FORMS[name];
    if (!form) throw new Error(`${name} has no portable form`);
    if (!functions.includes(name)) functions.push(name);
    const call = callAt(tokens, pick);
    const args = call.args.map((a) =>
      materialise(resolveArg(wb, sheet.name, textOf(tokens, a.from, a.to)), helpers, `${where} ${name}`),
    );
    const shape = form.shape(args);
    const nonSpace = tokens.map((t, i) => (t.kind === 'space' ? -1 : i)).filter((i) => i >= 0);
    const whole = nonSpace[0] === call.start && nonSpace[nonSpace.length - 1] === call.end;
    const ctxFor = (out: (i: number, j: number) => string): FormContext => ({
      out,
      helper: (n, f) => helpers.column(`${where} ${name}`, n, f),
      helperCell: (f) => helpers.column(`${where} ${name}`, 1, () => f)(0),
    });
    const replace = (text: string) => {
      tokens.splice(call.start, call.end - call.start + 1, { kind: 'ref', text });
    };
    if (shape.rows === 1 && shape.cols === 1) {
      const build = form.build(
        args,
        ctxFor(() => absRef(sheet.name, row, col)),
      );
      replace(`(${build(0, 0)})`);
      continue;
    }
    if (whole) {
      const out = (i: number, j: number) => absRef(sheet.name, row + i, col + j);
      const build = form.build(args, ctxFor(out));
      const cells = Array.from({ length: shape.rows }, (_, i) =>
        Array.from({ length: shape.cols }, (__, j) => `=${build(i, j)}`),
      );
      return { cells, functions };
    }
    // A spill inside a larger formula: materialise it in helper cells, refer to their range.
    const base = helpers.reserve(shape.cols);
    const out = (i: number, j: number) => absRef(HELPER_SHEET, i + 2, base + j);
    const build = form.build(args, ctxFor(out));
    for (let j = 0; j < shape.cols; j++)
      helpers.fill(base + j, `${where} ${name}`, shape.rows, (i) => build(i, j));
    replace(`${out(0, 0)}:$${columnLetters(base + shape.cols - 1)}$${shape.rows + 1}`);
  }
  throw new Error('too many nested IND.* calls');
}

/** The IND_Bron sheet: one row per cell the transform wrote. */
function sourceSheet(rows: { sheet: string; address: string; formula: string; kind: string }[]): SheetModel {
  const s: SheetModel = { name: SOURCE_SHEET, cells: new Map(), tables: [], state: 'hidden' };
  const header = ['Blad / sheet', 'Cel / cell', 'Formule zonder = / formula without =', 'Soort / kind'];
  header.forEach((h, j) => s.cells.set(cellKey(1, j + 1), { content: h, style: 'header' }));
  rows.forEach((r, i) => {
    s.cells.set(cellKey(i + 2, 1), { content: r.sheet, numberFormat: '@' });
    s.cells.set(cellKey(i + 2, 2), { content: r.address, numberFormat: '@' });
    s.cells.set(cellKey(i + 2, 3), { content: r.formula, numberFormat: '@' });
    s.cells.set(cellKey(i + 2, 4), { content: r.kind, numberFormat: '@' });
  });
  return s;
}

const REPORT_TEXT: Record<Lang, Record<string, string>> = {
  nl: {
    title: 'Draagbare werkmap: IND.*-functies vervangen door gewone Excel-formules',
    note:
      'Dit blad en de verborgen bladen IND_Hulp (hulpcellen) en IND_Bron (de oorspronkelijke formules) zijn door IND Rekenmodel gemaakt. ' +
      'De cellen hieronder rekenen nu zonder de invoegtoepassing (Excel 2010 en later, LibreOffice, Google Sheets). ' +
      'Verloren: de uitleg bij een foutwaarde (alleen de foutcode blijft, bijv. #WAARDE!) en grafieken in bestanden die zonder Excel zijn geschreven.',
    headers: 'Blad|Cel|Functies|Wat verloren gaat',
    lost: 'foutmelding (alleen de code blijft)',
    notConverted: 'Niet omgezet (blijft IND.*)',
    chart: 'Grafiek niet opgenomen',
  },
  en: {
    title: 'Portable workbook: IND.* functions replaced by plain Excel formulas',
    note:
      'This sheet and the hidden sheets IND_Hulp (helper cells) and IND_Bron (the original formulas) were made by IND Rekenmodel. ' +
      'The cells below now compute without the add-in (Excel 2010 and later, LibreOffice, Google Sheets). ' +
      'Lost: the explanation of an error value (only the error code remains, e.g. #VALUE!) and charts in files written without Excel.',
    headers: 'Sheet|Cell|Functions|What is lost',
    lost: 'error message (only the code remains)',
    notConverted: 'Not converted (stays IND.*)',
    chart: 'Chart not included',
  },
};

/** The visible report sheet. */
function reportSheet(report: PortableReport, lang: Lang): SheetModel {
  const T = REPORT_TEXT[lang];
  const s: SheetModel = {
    name: REPORT_SHEET,
    cells: new Map(),
    tables: [],
    columnWidths: { A: 160, B: 60, C: 200, D: 260 },
  };
  const put = (r: number, c: number, v: string | number, style?: CellModel['style']) =>
    s.cells.set(cellKey(r, c), { content: v, style, numberFormat: typeof v === 'string' ? '@' : undefined });
  put(1, 1, T.title, 'title');
  put(2, 1, T.note, 'note');
  T.headers.split('|').forEach((h, j) => put(4, j + 1, h, 'header'));
  let r = 5;
  for (const c of report.converted) {
    put(r, 1, c.sheet);
    put(r, 2, c.address);
    put(r, 3, c.functions.join(', '));
    put(r, 4, T.lost);
    r++;
  }
  for (const c of report.notConverted) {
    put(r, 1, c.sheet);
    put(r, 2, c.address);
    put(r, 3, T.notConverted);
    put(r, 4, c.reason);
    r++;
  }
  for (const c of report.charts) {
    put(r, 1, c.sheet);
    put(r, 2, '');
    put(r, 3, T.chart);
    put(r, 4, c.title);
    r++;
  }
  return s;
}

/** True when the workbook is a portable form made by {@link makePortable}. */
export function isPortable(model: WorkbookModel): boolean {
  return findSheet(model, SOURCE_SHEET) !== undefined;
}

/**
 * The IND.* form back: every cell listed on IND_Bron gets its original formula again (cells the
 * transform filled in a spill range become blank), and the three sheets the transform added go.
 */
export function restoreIndForm(model: WorkbookModel): WorkbookModel {
  const out = cloneWorkbook(model);
  const src = findSheet(out, SOURCE_SHEET);
  if (!src) throw new Error(`${SOURCE_SHEET} is missing: this is not a portable workbook`);
  const text = (r: number, c: number) => {
    const v = src.cells.get(cellKey(r, c))?.content;
    return v === null || v === undefined ? '' : String(v);
  };
  for (let r = 2; src.cells.has(cellKey(r, 1)); r++) {
    const sheet = findSheet(out, text(r, 1));
    if (!sheet) continue;
    const at = topLeft(text(r, 2));
    const key = cellKey(at.row, at.column);
    const cell = sheet.cells.get(key) ?? { content: null };
    cell.content = text(r, 4) === 'spill' ? null : `=${text(r, 3)}`;
    delete cell.cached;
    sheet.cells.set(key, cell);
  }
  out.sheets = out.sheets.filter((s) => ![HELPER_SHEET, SOURCE_SHEET, REPORT_SHEET].includes(s.name));
  return out;
}
