/**
 * A static check for circular references, without evaluating anything: every formula's references
 * (cells, ranges, defined names, structured references) are read from its tokens, and a depth-first
 * search over the cells and ranges looks for a loop. A reference counts wherever it is written, also
 * in a branch of IF that is not taken (as Excel's dependency tree does); references that only give
 * a shape (`ROWS($A$7:$A7)`, `ROW(A7)`) are no dependency, as in the evaluator (`workbook.ts`).
 *
 * `ind-rekenmodel recalc` runs it before LibreOffice, instead of evaluating the whole workbook.
 * Linear in the formulas and the cells of the ranges they read (each range is visited once).
 */
import { columnLetters, columnNumber } from '../core/norms/address';
import { fromFileFormula } from './fileForm';
import { isFormula, parseKey, type SheetModel, type WorkbookModel } from './model';
import { structuredToA1 } from './structured';
import { callAt, tokenize, type Token } from './tokens';

/** Functions that look only at the shape of a reference (`ROWS($A$7:$A7)` does not read A7). */
export const SHAPE_ONLY: ReadonlySet<string> = new Set(['ROWS', 'COLUMNS', 'ROW', 'COLUMN']);

/** The tokens of a formula without the arguments of shape-only calls (each replaced by `1`). */
export function withoutShapeOnlyCalls(tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.kind === 'func' && SHAPE_ONLY.has(t.text.trim().toUpperCase()))) return tokens;
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'func' && SHAPE_ONLY.has(t.text.trim().toUpperCase())) {
      out.push({ kind: 'number', text: '1' });
      k = callAt(tokens, k).end;
      continue;
    }
    out.push(t);
  }
  return out;
}

/** Separates the parts of a node's key: `\\` cannot occur in a sheet name. */
const SEP = '\\';
const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** A rectangle of cells on a sheet (1-based, inclusive). */
export type Area = { sheet: string; r0: number; c0: number; r1: number; c1: number };

/** `A7`, `$A$7`, `A`, `7` (whole column or row) of one side of a range. */
function side(text: string): { row?: number; col?: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(text);
  if (!m || (!m[1] && !m[2])) return undefined;
  return { col: m[1] ? columnNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/** The area of a reference token's text (`'S'!$A$1:$B$5`, `A:A`, `B7`), or undefined (a name). */
export function areaOf(text: string, sheet: string): Area | undefined {
  let s = sheet;
  let rest = text;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    const p = text.slice(0, bang);
    s = p.startsWith("'") ? p.slice(1, -1).replace(/''/g, "'") : p;
    rest = text.slice(bang + 1);
  }
  const [a, b] = rest.split(':');
  const x = side(a);
  const y = b === undefined ? x : side(b);
  if (!x || !y) return undefined;
  if (b === undefined && (x.row === undefined || x.col === undefined)) return undefined;
  const r0 = Math.min(x.row ?? 1, y.row ?? 1);
  const r1 = Math.max(x.row ?? MAX_ROW, y.row ?? MAX_ROW);
  const c0 = Math.min(x.col ?? 1, y.col ?? 1);
  const c1 = Math.max(x.col ?? MAX_COL, y.col ?? MAX_COL);
  return { sheet: s, r0, c0, r1, c1 };
}

/**
 * The areas a formula's tokens refer to (after structured references were made A1), with
 * shape-only calls left out. `sure` is false when a reference could not be read this way (a name
 * that `resolveName` does not know, a `:` or an intersection between references, a structured
 * reference): then a full parser should be asked.
 */
export function referencesOf(
  tokens: Token[],
  sheet: string,
  resolveName: (name: string) => Area | undefined,
): { areas: Area[]; sure: boolean } {
  const areas: Area[] = [];
  let sure = true;
  const ts = withoutShapeOnlyCalls(tokens);
  for (let k = 0; k < ts.length; k++) {
    const t = ts[k];
    if (t.kind === 'struct') sure = false;
    else if (t.kind === 'op' && t.text === ':') sure = false;
    else if (t.kind === 'space' && ts[k - 1]?.kind === 'ref' && ts[k + 1]?.kind === 'ref') sure = false;
    if (t.kind !== 'ref') continue;
    if (t.text.endsWith(':')) sure = false;
    const area = areaOf(t.text, sheet) ?? resolveName(t.text);
    if (area) areas.push(area);
    else sure = false;
  }
  return { areas, sure };
}

/**
 * The first circular reference of the workbook, as the cells on the loop (`Sheet!B5`, the first
 * cell repeated at the end, as {@link CircularReferenceError} gives them), or undefined.
 */
export function findCircularReference(model: WorkbookModel): string[] | undefined {
  const sheets = new Map<string, SheetModel>(model.sheets.map((s) => [s.name.toLowerCase(), s]));
  const names = new Map(model.names.map((n) => [n.name.toLowerCase(), n.ref.replace(/^=/, '')]));
  // Formula cells per sheet and column, rows sorted, to find the formulas inside a range.
  const formulaRows = new Map<string, Map<number, number[]>>();
  for (const s of model.sheets) {
    const byCol = new Map<number, number[]>();
    for (const [k, c] of s.cells) {
      if (!isFormula(c.content)) continue;
      const { row, col } = parseKey(k);
      (byCol.get(col) ?? byCol.set(col, []).get(col))!.push(row);
    }
    for (const rows of byCol.values()) rows.sort((p, q) => p - q);
    formulaRows.set(s.name.toLowerCase(), byCol);
  }
  const formulaAt = (sheet: string, row: number, col: number): string | undefined => {
    const s = sheets.get(sheet.toLowerCase());
    const c = s?.cells.get(`${row},${col}`);
    return c && isFormula(c.content) ? c.content : undefined;
  };
  const cellNode = (sheet: string, row: number, col: number) =>
    `c${SEP}${sheets.get(sheet.toLowerCase())?.name ?? sheet}${SEP}${row},${col}`;

  /** The nodes a node depends on: a cell its references, a range the formula cells inside it. */
  const successors = (node: string): string[] => {
    const bar = node.indexOf(SEP, 2);
    const sheet = node.slice(2, bar);
    if (node.startsWith('r')) {
      const [r0, c0, r1, c1] = node
        .slice(bar + 1)
        .split(/[,:]/)
        .map(Number);
      const out: string[] = [];
      for (const [col, rows] of formulaRows.get(sheet.toLowerCase()) ?? []) {
        if (col < c0 || col > c1) continue;
        let lo = 0;
        let hi = rows.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (rows[mid] < r0) lo = mid + 1;
          else hi = mid;
        }
        for (let i = lo; i < rows.length && rows[i] <= r1; i++) out.push(cellNode(sheet, rows[i], col));
      }
      return out;
    }
    const { row, col } = parseKey(node.slice(bar + 1));
    const f = formulaAt(sheet, row, col);
    if (f === undefined) return [];
    let areas: Area[];
    try {
      const s = sheets.get(sheet.toLowerCase())!;
      let tokens = tokenize(fromFileFormula(f));
      // Structured references as A1 (tokenized again only when there are any).
      if (tokens.some((t) => t.kind === 'struct'))
        tokens = tokenize(structuredToA1(model, s, row, col, fromFileFormula(f)));
      areas = referencesOf(tokens, sheet, (n) => {
        const ref = names.get(n.toLowerCase());
        return ref === undefined ? undefined : areaOf(ref, sheet);
      }).areas;
    } catch {
      return []; // a formula that cannot be read: the evaluator or LibreOffice reports it
    }
    const out: string[] = [];
    for (const a of areas) {
      if (a.r0 === a.r1 && a.c0 === a.c1) out.push(cellNode(a.sheet, a.r0, a.c0));
      else
        out.push(
          `r${SEP}${sheets.get(a.sheet.toLowerCase())?.name ?? a.sheet}${SEP}${a.r0},${a.c0}:${a.r1},${a.c1}`,
        );
    }
    return out;
  };

  // Iterative depth-first search: 0 unseen, 1 on the path, 2 done.
  const state = new Map<string, 1 | 2>();
  for (const s of model.sheets) {
    for (const [k, c] of s.cells) {
      if (!isFormula(c.content)) continue;
      const start = `c${SEP}${s.name}${SEP}${k}`;
      if (state.has(start)) continue;
      const path: string[] = [start];
      const pending: string[][] = [successors(start)];
      state.set(start, 1);
      while (path.length > 0) {
        const next = pending[pending.length - 1].pop();
        if (next === undefined) {
          state.set(path.pop()!, 2);
          pending.pop();
          continue;
        }
        const st = state.get(next);
        if (st === 2) continue;
        if (st === 1) {
          const loop = path.slice(path.indexOf(next)).filter((n) => n.startsWith('c'));
          return [...loop, loop[0]].map(nodeToA1);
        }
        state.set(next, 1);
        path.push(next);
        pending.push(successors(next));
      }
    }
  }
  return undefined;
}

/** `c\\Sheet\\7,1` → `Sheet!A7`. */
function nodeToA1(node: string): string {
  const bar = node.indexOf(SEP, 2);
  const { row, col } = parseKey(node.slice(bar + 1));
  return `${node.slice(2, bar)}!${columnLetters(col)}${row}`;
}
