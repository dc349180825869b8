/**
 * A small evaluator for WritePlans in tests: it lays the plan's blocks and tables out on sheets,
 * resolves the plan's defined names, and computes every formula with fast-formula-parser, with
 * IND.COSTPRICE, IND.FTE and IND.FUNDING bound to the pure core. This checks that the live formulas the
 * pane writes compute what the core computes, without Excel.
 */
import { costPrice } from '../../src/core/costPrice';
import { fteNeeded } from '../../src/core/fte';
import { totalFunding } from '../../src/core/outputFunding';
import type { CellValue, WritePlan } from '../../src/taskpane/host/types';

type Pos = { sheet: string; row: number; col: number };

/** The part of fast-formula-parser's API used here (the package ships no types). */
interface FormulaParserLike {
  parse(formula: string, position: Pos, allowReturnArray?: boolean): unknown;
}
type Ref = Pos | { sheet: string; from: { row: number; col: number }; to: { row: number; col: number } };
interface DepParserLike {
  parse(formula: string, position: Pos): Ref[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ffp = require('fast-formula-parser') as (new (
  options: Record<string, unknown>,
) => FormulaParserLike) & {
  DepParser: new (options: Record<string, unknown>) => DepParserLike;
};
const FormulaParser = ffp;

/** Parses "B12" into 1-based row/col. */
export function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad address ${a1}`);
  const col = m[1].split('').reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

/** Flattens a formula-parser argument (scalar or range) into numbers. */
function nums(arg: { value: unknown }): number[] {
  const v = arg.value;
  const flat = Array.isArray(v) ? (v as unknown[][]).flat() : [v];
  return flat.map((x) => (typeof x === 'number' ? x : NaN));
}
function one(arg: { value: unknown } | undefined, fallback: number): number {
  if (arg === undefined || arg.value === null || arg.value === undefined) return fallback;
  return nums(arg)[0];
}

function extreme(args: { value: unknown }[], pick: (...xs: number[]) => number): number {
  const xs = args
    .flatMap((a) => (Array.isArray(a.value) ? (a.value as unknown[][]).flat() : [a.value]))
    .filter((x): x is number => typeof x === 'number');
  return xs.length === 0 ? 0 : pick(...xs);
}

/*
 * One parser for all workbooks, never re-entered: fast-formula-parser's parser keeps state while
 * it parses, so evaluating a referenced formula from inside onCell fails ("reading 'call'").
 * `value()` therefore evaluates a formula's dependencies (found with DepParser) first, and the
 * callbacks only read cached values of the workbook being evaluated.
 */
let sharedDeps: DepParserLike | undefined;
function depParser(): DepParserLike {
  sharedDeps ??= new ffp.DepParser({ onVariable: (name: string) => active().namePos(name) });
  return sharedDeps;
}
let sharedParser: FormulaParserLike | undefined;
const stack: PlanWorkbook[] = [];
function active(): PlanWorkbook {
  return stack[stack.length - 1];
}
function parser(): FormulaParserLike {
  if (!sharedParser) {
    sharedParser = new FormulaParser({
      functions: {
        // fast-formula-parser 1.0 declares MAX/MIN but does not implement them; these follow
        // Excel: numbers count, blanks and text inside ranges are skipped, no numbers gives 0.
        MAX: (...args: { value: unknown }[]) => extreme(args, Math.max),
        MIN: (...args: { value: unknown }[]) => extreme(args, Math.min),
        'IND.COSTPRICE': (
          n: { value: unknown },
          h: { value: unknown },
          r?: { value: unknown },
          o?: { value: unknown },
        ) => costPrice(one(n, 0), one(h, 0), one(r, 0.7473), one(o, 0)),
        'IND.FTE': (
          h: { value: unknown },
          w?: { value: unknown },
          hp?: { value: unknown },
          r?: { value: unknown },
          x?: { value: unknown },
          g?: { value: unknown },
        ) =>
          fteNeeded(one(h, 0), {
            weeks: one(w, 1),
            hoursPerFte: one(hp, 36),
            directRatio: one(r, 0.7473),
            extraFte: one(x, 0),
            grossUpExtra: g === undefined || g.value === null || g.value === true,
          }),
        'IND.FUNDING': (
          v: { value: unknown },
          p: { value: unknown },
          l?: { value: unknown },
          f?: { value: unknown },
        ) => totalFunding(nums(v), nums(p), one(l, 0), one(f, 0)),
      },
      onCell: (ref: Pos) => active().value(ref.sheet, ref.row, ref.col),
      onRange: (ref: {
        sheet: string;
        from: { row: number; col: number };
        to: { row: number; col: number };
      }) => {
        const out: unknown[][] = [];
        for (let r = ref.from.row; r <= ref.to.row; r++) {
          const line: unknown[] = [];
          for (let c = ref.from.col; c <= ref.to.col; c++) line.push(active().value(ref.sheet, r, c));
          out.push(line);
        }
        return out;
      },
      onVariable: (name: string) => {
        const pos = active().namePos(name);
        if (!pos) throw new Error(`unknown name ${name}`);
        return pos;
      },
    });
  }
  return sharedParser;
}

/** The Excel error a formula produced ("#DIV/0!", "#VALUE!", ...), or undefined for a value. */
export function errorOf(v: unknown): string | undefined {
  if (typeof v === 'object' && v !== null && '_error' in v) return (v as { _error: string })._error;
  return typeof v === 'string' && /^#[A-Z/0!?]+$/.test(v) ? v : undefined;
}

/** A workbook built from plans, with formula evaluation. */
export class PlanWorkbook {
  private cells = new Map<string, CellValue>();
  private cache = new Map<string, unknown>();
  private names = new Map<string, Pos>();
  private evaluating = new Set<string>();

  constructor(...plans: WritePlan[]) {
    for (const plan of plans) this.add(plan);
  }

  /** Lays out one plan (later plans overwrite earlier cells, like re-running an action). */
  add(plan: WritePlan): void {
    for (const sheet of plan.sheets) {
      for (const b of sheet.blocks) this.put(sheet.name, b.at, b.cells);
      for (const t of sheet.tables ?? []) this.put(sheet.name, t.at, [t.headers, ...t.rows]);
    }
    for (const n of plan.names ?? []) {
      const m = /^='?(.*?)'?!(\$?[A-Z]+\$?\d+)$/.exec(n.ref);
      if (!m) throw new Error(`name ${n.name} has an unsupported ref ${n.ref}`);
      this.names.set(n.name, { sheet: m[1].replace(/''/g, "'"), ...parseA1(m[2]) });
    }
    this.cache.clear();
  }

  private put(sheet: string, at: string, cells: CellValue[][]): void {
    const { row, col } = parseA1(at);
    cells.forEach((line, i) => line.forEach((v, j) => this.cells.set(`${sheet}!${row + i},${col + j}`, v)));
  }

  /** Sets one cell, as a user typing into the sheet would. */
  set(sheet: string, a1: string, v: CellValue): void {
    const { row, col } = parseA1(a1);
    this.cells.set(`${sheet}!${row},${col}`, v);
    this.cache.clear();
  }

  /** The raw content (constant or formula) of a cell. */
  raw(sheet: string, a1: string): CellValue | undefined {
    const { row, col } = parseA1(a1);
    return this.cells.get(`${sheet}!${row},${col}`);
  }

  /** The computed value of a cell. */
  get(sheet: string, a1: string): unknown {
    const { row, col } = parseA1(a1);
    return this.value(sheet, row, col);
  }

  /** Where a defined name points. */
  namePos(name: string): Pos | undefined {
    return this.names.get(name);
  }

  /** The computed value of a defined name. */
  getName(name: string): unknown {
    const p = this.names.get(name);
    if (!p) throw new Error(`unknown name ${name}`);
    return this.value(p.sheet, p.row, p.col);
  }

  /** Every formula cell, for "all formulas evaluate without error" checks. */
  formulaCells(): { sheet: string; row: number; col: number; formula: string }[] {
    const out: { sheet: string; row: number; col: number; formula: string }[] = [];
    for (const [k, v] of this.cells) {
      if (typeof v === 'string' && v.startsWith('=')) {
        const [sheet, rc] = k.split('!');
        const [row, col] = rc.split(',').map(Number);
        out.push({ sheet, row, col, formula: v });
      }
    }
    return out;
  }

  value(sheet: string, row: number, col: number): unknown {
    const key = `${sheet}!${row},${col}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const v = this.cells.get(key);
    if (typeof v !== 'string' || !v.startsWith('=')) return v ?? null;
    if (this.evaluating.has(key)) throw new Error(`circular reference at ${key}`);
    this.evaluating.add(key);
    try {
      stack.push(this);
      let deps: Ref[];
      try {
        deps = depParser().parse(v.slice(1), { sheet, row, col });
      } finally {
        stack.pop();
      }
      for (const d of deps) {
        if ('from' in d) {
          for (let r = d.from.row; r <= d.to.row; r++)
            for (let c = d.from.col; c <= d.to.col; c++) this.value(d.sheet, r, c);
        } else {
          this.value(d.sheet, d.row, d.col);
        }
      }
      stack.push(this);
      let result: unknown;
      try {
        result = parser().parse(v.slice(1), { sheet, row, col });
      } finally {
        stack.pop();
      }
      this.cache.set(key, result);
      return result;
    } finally {
      this.evaluating.delete(key);
    }
  }
}
