/**
 * THE project's own evaluation of a workbook (a set of task-pane plans, or a file read back): the
 * CLI's formula engine (`src/cli/engine.ts`, fast-formula-parser) with the IND.* functions bound to
 * the function registry, i.e. the same adapters Excel calls, never core functions directly. Tests,
 * the portable transform's checks and `ind-rekenmodel recalc` all evaluate through this class.
 *
 * Excel's behaviour it models, beyond single formulas:
 * - structured references (`Table[Col]`, `[@Col]`, `Table[[#Headers],[Col]]`) and defined names;
 * - dynamic-array spills: a formula whose value is an array fills the cells below and to the
 *   right (a non-blank cell in the way gives `#SPILL!` at the anchor, as in Excel);
 * - a formula whose value is blank shows 0;
 * - the file forms `_xldudf_IND_FTE(...)`, `[2]!_xldudf_IND_FTE(...)`, `_xlfn.` prefixes.
 */
import FormulaParser from 'fast-formula-parser';
import {
  ExcelErrorValue,
  FormulaEngine,
  type CellValue as EngineValue,
  type FunctionRegistry,
} from '../cli/engine';
import { registry as defaultRegistry } from '../functions/registry';
import { setLanguage } from '../functions/lang';
import type { Lang } from '../core/messages/types';
import { columnLetters, topLeft } from '../core/norms/address';
import { fromFileFormula } from './fileForm';
import {
  cellKey,
  findSheet,
  findTable,
  isFormula,
  parseKey,
  usedRange,
  type SheetModel,
  type WorkbookModel,
} from './model';
import { structuredToA1 } from './structured';
import { callAt, tokenize } from './tokens';

/** A computed cell: number, text, boolean, an error with its message, or null (blank). */
export type EvalValue = EngineValue;

/** The error code of a computed value (`#VALUE!`, `#N/A`, …), or undefined for a value. */
export function errorCode(v: unknown): string | undefined {
  return v instanceof ExcelErrorValue ? v.code : undefined;
}

/** A circular reference, with the cells on the loop (`'Sheet'!B5`). */
export class CircularReferenceError extends Error {
  readonly cells: string[];
  constructor(cells: string[]) {
    super(`circular reference: ${cells.join(' → ')}`);
    this.name = 'CircularReferenceError';
    this.cells = cells;
  }
}

/** A formula the engine cannot read (syntax, unknown function), with its cell. */
export class FormulaCellError extends Error {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
  constructor(sheet: string, address: string, formula: string, cause: unknown) {
    super(`${sheet}!${address}: ${formula}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'FormulaCellError';
    this.sheet = sheet;
    this.address = address;
    this.formula = formula;
  }
}

/** Options of {@link WorkbookEvaluator}. */
export interface EvaluatorOptions {
  /** The IND.* adapters (default: the function registry, as Excel). */
  registry?: FunctionRegistry;
  /** Language of the adapters' messages (default nl). */
  lang?: Lang;
}

type Ref = { sheet: string; row: number; col: number };
type RangeRef = { sheet: string; from: { row: number; col: number }; to: { row: number; col: number } };

interface DepParserLike {
  parse(formula: string, position: Ref): (Ref | RangeRef)[];
}

/** Evaluates the cells of a {@link WorkbookModel}; results are memoised until a cell changes. */
/** A formula that calls an IND.* function: `IND.FTE(`, or the file forms `_xldudf_IND_FTE(`. */
const IND_CALL = /(?:^|[^\w.])IND\.[A-Z][\w.]*\s*\(|_xldudf_IND_\w+\s*\(/i;

export class WorkbookEvaluator {
  readonly model: WorkbookModel;
  private readonly engine: FormulaEngine;
  private readonly deps: DepParserLike;
  private readonly lang: Lang;
  private memo = new Map<string, EvalValue>();
  /** Spilled values by `sheet|row,col`, filled as anchors are evaluated. */
  private spills = new Map<string, EvalValue>();
  private translated = new Map<string, string>();
  /** Range values already read, and ranges whose cells are all computed. */
  private ranges = new Map<string, unknown[][]>();
  private settled = new Set<string>();
  private busy: string[] = [];
  /** The sheet of the formula being parsed (for references without a sheet). */
  private current = '';
  private busySet = new Set<string>();
  private sheetOf = new Map<string, SheetModel>();
  /** Per sheet: formula cells that may spill (IND.* calls), by column and by row. */
  private anchors = new Map<string, { byCol: Map<number, number[]>; byRow: Map<number, number[]> }>();

  constructor(model: WorkbookModel, options: EvaluatorOptions = {}) {
    this.model = model;
    this.lang = options.lang ?? 'nl';
    this.engine = new FormulaEngine({
      registry: options.registry ?? defaultRegistry,
      // The built-ins are the engine's own (src/cli/builtins.ts), as on the command line.
      onCell: (ref) => this.read(ref.sheet ?? this.current, ref.row, ref.col),
      onRange: (ref) => this.readRange({ ...ref, sheet: ref.sheet ?? this.current }),
      onVariable: (name) => this.nameRef(name),
    });
    const Dep = (FormulaParser as unknown as { DepParser: new (o: object) => DepParserLike }).DepParser;
    this.deps = new Dep({ onVariable: (name: string) => this.nameRef(name) });
    this.reindex();
  }

  private reindex(): void {
    this.sheetOf.clear();
    this.anchors.clear();
    for (const s of this.model.sheets) {
      this.sheetOf.set(s.name.toLowerCase(), s);
      const byCol = new Map<number, number[]>();
      const byRow = new Map<number, number[]>();
      for (const [k, c] of s.cells) {
        // An IND.* call (or its file form), not a name or table that merely starts with IND_.
        if (!isFormula(c.content) || !IND_CALL.test(c.content)) continue;
        const { row, col } = parseKey(k);
        (byCol.get(col) ?? byCol.set(col, []).get(col))!.push(row);
        (byRow.get(row) ?? byRow.set(row, []).get(row))!.push(col);
      }
      this.anchors.set(s.name.toLowerCase(), { byCol, byRow });
    }
  }

  private sheet(name: string): SheetModel | undefined {
    return this.sheetOf.get(name.toLowerCase()) ?? findSheet(this.model, name);
  }

  /** Where a defined name points (a cell or a range), for the parser. */
  private nameRef(name: string): Ref | RangeRef | undefined {
    const n = this.model.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!n) return undefined;
    const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(
      n.ref.trim(),
    );
    if (!m) return undefined;
    const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
    const from = topLeft(`${m[3]}${m[4]}`);
    if (!m[5]) return { sheet, row: from.row, col: from.column };
    const to = topLeft(`${m[5]}${m[6]}`);
    return { sheet, from: { row: from.row, col: from.column }, to: { row: to.row, col: to.column } };
  }

  /** The value a reference reads (already computed: dependencies are evaluated first). */
  private read(sheet: string, row: number, col: number): unknown {
    const v = this.value(sheet, row, col);
    return v instanceof ExcelErrorValue ? toParserError(v) : v;
  }

  private readRange(ref: RangeRef): unknown[][] {
    // Ranges are read after their cells were computed (dependencies first), so a range's values
    // can be kept until something changes: large look-up columns are read by many formulas.
    const key = `${ref.sheet}|${ref.from.row},${ref.from.col}:${ref.to.row},${ref.to.col}`;
    // The same frozen rows each time, not a copy per read (copying a 1,000-row look-up column for
    // each of 13,000 formulas took a quarter of the evaluation). The one function that changed its
    // arguments in place, the parser's SUMPRODUCT, is replaced by the engine's (src/cli/builtins.ts);
    // frozen, any other change fails loudly in strict code (test/engine/workbook.test.ts checks
    // that a range read by SUMPRODUCT reads the same afterwards).
    const hit = this.ranges.get(key);
    if (hit) return hit;
    const v = this.readRangeUncached(ref);
    for (const r of v) Object.freeze(r);
    this.ranges.set(key, Object.freeze(v) as unknown[][]);
    return v;
  }

  private readRangeUncached(ref: RangeRef): unknown[][] {
    const s = this.sheet(ref.sheet);
    let { row: r1, col: c1 } = ref.to;
    if (s && (r1 >= 1048576 || c1 >= 16384)) {
      const used = this.used(s);
      r1 = Math.min(r1, used?.r1 ?? ref.from.row);
      c1 = Math.min(c1, used?.c1 ?? ref.from.col);
    }
    const out: unknown[][] = [];
    for (let r = ref.from.row; r <= r1; r++) {
      const line: unknown[] = [];
      for (let c = ref.from.col; c <= c1; c++) line.push(this.read(ref.sheet, r, c));
      out.push(line);
    }
    return out;
  }

  /** The formula of a cell ready for the engine: file prefixes removed, structured refs as A1. */
  private prepared(s: SheetModel, row: number, col: number, formula: string): string {
    const k = `${s.name}|${row},${col}`;
    let f = this.translated.get(k);
    if (f === undefined) {
      f = structuredToA1(this.model, s, row, col, fromFileFormula(formula));
      this.translated.set(k, f);
    }
    return f;
  }

  /** Evaluates the cells `formula` depends on, before the (non re-entrant) parser runs. */
  private evaluateDependencies(sheet: string, row: number, col: number, formula: string): void {
    let refs: (Ref | RangeRef)[];
    try {
      refs = this.deps.parse(shapeOnlyRemoved(formula).slice(1), { sheet, row, col });
    } catch {
      return; // the engine reports the syntax problem itself
    }
    for (const d of refs) {
      if ('from' in d) {
        const key = `${d.sheet}|${d.from.row},${d.from.col}:${d.to.row},${d.to.col}`;
        if (this.settled.has(key)) continue;
        const s = this.sheet(d.sheet);
        const used = s ? this.used(s) : undefined;
        const r1 = Math.min(d.to.row, used?.r1 ?? d.from.row);
        const c1 = Math.min(d.to.col, used?.c1 ?? d.from.col);
        for (let r = d.from.row; r <= r1; r++)
          for (let c = d.from.col; c <= c1; c++) this.value(d.sheet, r, c);
        this.settled.add(key);
      } else this.value(d.sheet, d.row, d.col);
    }
  }

  private usedCache = new Map<SheetModel, ReturnType<typeof usedRange>>();

  /** The used range of a sheet (kept until something changes). */
  private used(s: SheetModel): ReturnType<typeof usedRange> {
    if (!this.usedCache.has(s)) this.usedCache.set(s, usedRange(s));
    return this.usedCache.get(s);
  }

  /** Makes sure every formula that could spill into (row, col) has been evaluated. */
  private settleSpillsInto(s: SheetModel, row: number, col: number): void {
    const a = this.anchors.get(s.name.toLowerCase());
    if (!a) return;
    // An anchor being computed (on the stack) is what reads this cell: its spill is not settled
    // yet, and it does not make a loop by itself.
    const settle = (r: number, c: number) => {
      if (!this.busySet.has(`${s.name}|${r},${c}`)) this.value(s.name, r, c);
    };
    for (const r of a.byCol.get(col) ?? []) if (r < row) settle(r, col);
    for (const c of a.byRow.get(row) ?? []) if (c < col) settle(row, c);
    // Two-dimensional spills: anchors above-left.
    for (const [c, rows] of a.byCol) {
      if (c >= col) continue;
      for (const r of rows) if (r < row) settle(r, c);
    }
  }

  /**
   * The value of a cell: a constant as it is, a formula computed, a spilled value, or null.
   *
   * @throws CircularReferenceError on a loop; FormulaCellError when a formula cannot be read.
   */
  value(sheetName: string, row: number, col: number): EvalValue {
    const s = this.sheet(sheetName);
    if (!s) return new ExcelErrorValue('#REF!', `no sheet ${sheetName}`);
    const k = `${s.name}|${row},${col}`;
    const memo = this.memo.get(k);
    if (memo !== undefined) return memo;
    const cell = s.cells.get(cellKey(row, col));
    const content = cell?.content;
    if (typeof content !== 'string' || !content.startsWith('=')) {
      if (content === null || content === undefined || content === '') {
        if (!this.spills.has(k)) this.settleSpillsInto(s, row, col);
        const spilled = this.spills.get(k);
        if (spilled !== undefined) return spilled;
        return null;
      }
      return content;
    }
    if (this.busySet.has(k)) {
      const loop = [...this.busy.slice(this.busy.indexOf(k)), k].map(keyToA1);
      throw new CircularReferenceError(loop);
    }
    this.busy.push(k);
    this.busySet.add(k);
    let result: EvalValue;
    try {
      const f = this.prepared(s, row, col, content);
      const direct = this.singleReference(s.name, f);
      if (direct) {
        // A formula that is only a reference shows the referenced value (errors included, a
        // blank as 0), without a parse: the engine would give the same.
        const v = this.value(direct.sheet, direct.row, direct.col);
        result = v === null ? 0 : v;
        this.memo.set(k, result);
        return result;
      }
      this.evaluateDependencies(s.name, row, col, f);
      setLanguage(this.lang);
      let raw;
      try {
        this.current = s.name;
        raw = this.engine.evaluateSync(f, { sheet: s.name, row, col });
      } catch (e) {
        if (e instanceof CircularReferenceError) throw e;
        throw new FormulaCellError(s.name, `${columnLetters(col)}${row}`, content, e);
      }
      result = this.spill(s, row, col, raw);
    } finally {
      this.busy.pop();
      this.busySet.delete(k);
    }
    this.memo.set(k, result);
    return result;
  }

  /** The cell a formula consists of (`=B5`, `='S'!$B$5`, `=IND_Name`), or undefined. */
  private singleReference(sheet: string, f: string): Ref | undefined {
    const m = /^=\s*(?:'((?:[^']|'')+)'!|([A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+)\s*$/.exec(f);
    if (m) {
      const tl = topLeft(m[3]);
      return { sheet: m[1]?.replace(/''/g, "'") ?? m[2] ?? sheet, row: tl.row, col: tl.column };
    }
    const n = /^=\s*([A-Za-z_][\w.]*)\s*$/.exec(f);
    if (n && !/^(TRUE|FALSE)$/i.test(n[1])) {
      const ref = this.nameRef(n[1]);
      if (ref && !('from' in ref)) return ref;
    }
    return undefined;
  }

  /** Places an array result into the cells below/right; returns the anchor's own value. */
  private spill(s: SheetModel, row: number, col: number, raw: EvalValue | EvalValue[][]): EvalValue {
    if (!Array.isArray(raw)) return raw === null ? 0 : raw;
    for (let i = 0; i < raw.length; i++) {
      for (let j = 0; j < raw[i].length; j++) {
        if (i === 0 && j === 0) continue;
        const c = s.cells.get(cellKey(row + i, col + j));
        if (c && c.content !== null && c.content !== '') return new ExcelErrorValue('#SPILL!', '');
      }
    }
    for (let i = 0; i < raw.length; i++) {
      for (let j = 0; j < raw[i].length; j++) {
        if (i === 0 && j === 0) continue;
        const v = raw[i][j];
        this.spills.set(`${s.name}|${row + i},${col + j}`, v === null ? 0 : v);
      }
    }
    const first = raw[0][0];
    return first === null ? 0 : first;
  }

  /** The value of a cell given as A1 (`B5`). */
  get(sheet: string, a1: string): EvalValue {
    const tl = topLeft(a1);
    return this.value(sheet, tl.row, tl.column);
  }

  /** The content of a cell as written (a constant or a formula), or undefined when it is empty. */
  raw(sheetName: string, a1: string): EngineValue | string | undefined {
    const tl = topLeft(a1);
    return this.sheet(sheetName)?.cells.get(cellKey(tl.row, tl.column))?.content ?? undefined;
  }

  /** The values of a table's data column, top to bottom. */
  column(table: string, column: string): EvalValue[] {
    const found = findTable(this.model, table);
    if (!found) throw new Error(`unknown table ${table}`);
    const t = found.table;
    const i = t.headers.indexOf(column);
    if (i < 0) throw new Error(`table ${table} has no column ${column}`);
    return Array.from({ length: t.rows }, (_, k) => this.value(found.sheet.name, t.row + 1 + k, t.col + i));
  }

  /** The value of a defined name that points to one cell. */
  name(n: string): EvalValue {
    const ref = this.nameRef(n);
    if (!ref) throw new Error(`unknown name ${n}`);
    if ('from' in ref) throw new Error(`name ${n} is a range`);
    return this.value(ref.sheet, ref.row, ref.col);
  }

  /** Sets a cell as a user typing into it would; every result is computed again. */
  set(sheetName: string, a1: string, v: EngineValue | string): void {
    const s = this.sheet(sheetName);
    if (!s) throw new Error(`no sheet ${sheetName}`);
    const tl = topLeft(a1);
    const k = cellKey(tl.row, tl.column);
    const prev = s.cells.get(k);
    s.cells.set(k, { ...prev, content: v instanceof ExcelErrorValue ? v.code : v });
    this.invalidate();
  }

  /** Forgets every computed value (after the model was changed directly). */
  invalidate(): void {
    this.memo.clear();
    this.spills.clear();
    this.translated.clear();
    this.ranges.clear();
    this.settled.clear();
    this.usedCache.clear();
    this.reindex();
  }

  /** Every formula cell of the workbook, sheet by sheet. */
  formulaCells(): { sheet: string; row: number; col: number; formula: string }[] {
    const out: { sheet: string; row: number; col: number; formula: string }[] = [];
    for (const s of this.model.sheets) {
      for (const [k, c] of s.cells) {
        if (isFormula(c.content)) out.push({ sheet: s.name, ...parseKey(k), formula: c.content });
      }
    }
    return out;
  }

  /** Computes every formula cell and returns every non-blank value (spills included), by sheet. */
  computeAll(): Map<string, Map<string, EvalValue>> {
    for (const f of this.formulaCells()) this.value(f.sheet, f.row, f.col);
    const out = new Map<string, Map<string, EvalValue>>();
    for (const s of this.model.sheets) {
      const m = new Map<string, EvalValue>();
      for (const [k, c] of s.cells) {
        if (c.content === null || c.content === '') continue;
        const { row, col } = parseKey(k);
        m.set(k, this.value(s.name, row, col));
      }
      out.set(s.name, m);
    }
    for (const [k, v] of this.spills) {
      const bar = k.indexOf('|');
      const sheet = this.sheet(k.slice(0, bar))!;
      out.get(sheet.name)!.set(k.slice(bar + 1), v);
    }
    return out;
  }
}

/** `Sheet|7,1` → `'Sheet'!A7`. */
function keyToA1(k: string): string {
  const bar = k.indexOf('|');
  const { row, col } = parseKey(k.slice(bar + 1));
  return `${k.slice(0, bar)}!${columnLetters(col)}${row}`;
}

/** Functions that look only at the shape of a reference (`ROWS($A$7:$A7)` does not read A7). */
const SHAPE_ONLY = new Set(['ROWS', 'COLUMNS', 'ROW', 'COLUMN']);

/** The formula with shape-only calls replaced by 1, so that their references are no dependencies. */
function shapeOnlyRemoved(formula: string): string {
  if (!/\b(ROWS|COLUMNS|ROW|COLUMN)\s*\(/i.test(formula)) return formula;
  const tokens = tokenize(formula);
  const out: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'func' && SHAPE_ONLY.has(t.text.trim().toUpperCase())) {
      const call = callAt(tokens, k);
      out.push('1');
      k = call.end;
      continue;
    }
    out.push(t.text);
  }
  return `=${out.join('')}`;
}

/** The engine's error value as the parser's, keeping its message. */
function toParserError(v: ExcelErrorValue): unknown {
  const { FormulaError } = FormulaParser as unknown as {
    FormulaError: new (code: string, msg?: string) => unknown;
  };
  return new FormulaError(v.code, v.message);
}
