/**
 * A small workbook evaluator for the time-recording plan: lays out blocks and tables, resolves
 * defined names and structured references (Table[Col], Table[[Col]], [@Col], [@[Col]]), and
 * computes every formula with fast-formula-parser. SUMIFS, COUNTIFS, MATCH, INDEX, MEDIAN,
 * QUARTILE.INC, MIN and MAX follow Excel (fast-formula-parser 1.0 lacks them), and IND.FTE,
 * IND.NORMVARIANCE and IND.EFFECTIVENESS are bound to the pure core, as the add-in binds them.
 */
import { effectiveness } from '../../src/core/effectiveness';
import { fteNeeded } from '../../src/core/fte';
import { normVariance } from '../../src/core/normVariance';
import { percentileInc } from '../../src/core/timerecording/analysis';
import type { CellValue, WritePlan } from '../../src/taskpane/host/types';

type Pos = { sheet: string; row: number; col: number };
type Ref = Pos | { sheet: string; from: { row: number; col: number }; to: { row: number; col: number } };
interface Arg {
  value: unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ffp = require('fast-formula-parser') as (new (o: Record<string, unknown>) => {
  parse(f: string, p: Pos, arr?: boolean): unknown;
}) & {
  DepParser: new (o: Record<string, unknown>) => { parse(f: string, p: Pos): Ref[] };
};

function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad address ${a1}`);
  return { row: Number(m[2]), col: m[1].split('').reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) };
}
function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const flat = (a: Arg): unknown[] => (Array.isArray(a.value) ? (a.value as unknown[][]).flat() : [a.value]);
const numsOf = (a: Arg): number[] => flat(a).filter((x): x is number => typeof x === 'number');

const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

/** Excel criteria: "", "=x", ">=0.8", "<1", plain text (with ~ escapes) or a number. */
function matches(v: unknown, crit: unknown): boolean {
  if (typeof crit === 'number') return v === crit;
  const c = String(crit);
  if (c === '') return v === null || v === undefined || v === '';
  const op = /^(>=|<=|<>|>|<|=)(.*)$/.exec(c);
  if (op && (op[1] !== '=' || op[2] !== '')) {
    const rhs = op[2];
    const n = Number(rhs);
    if (rhs !== '' && !Number.isNaN(n) && typeof v === 'number') {
      switch (op[1]) {
        case '>=':
          return v >= n;
        case '<=':
          return v <= n;
        case '>':
          return v > n;
        case '<':
          return v < n;
        case '<>':
          return v !== n;
        default:
          return v === n;
      }
    }
    if (op[1] === '=') return text(v).toLowerCase() === rhs.replace(/~(.)/g, '$1').toLowerCase();
    if (op[1] === '<>') return text(v).toLowerCase() !== rhs.toLowerCase();
    return false;
  }
  return text(v).toLowerCase() === c.replace(/~(.)/g, '$1').toLowerCase();
}

function ifs(args: Arg[], sumRange: unknown[] | null): number {
  const pairs: [unknown[], unknown][] = [];
  for (let i = 0; i < args.length; i += 2) pairs.push([flat(args[i]), args[i + 1].value]);
  const n = pairs[0][0].length;
  let total = 0;
  for (let k = 0; k < n; k++) {
    if (pairs.every(([range, crit]) => matches(range[k], crit))) {
      if (sumRange === null) total += 1;
      else if (typeof sumRange[k] === 'number') total += sumRange[k] as number;
    }
  }
  return total;
}

/** An error value of a custom function, as a cell would show #VALUE!. */
export interface ErrorValue {
  error: string;
}

function lazySafe<A extends unknown[]>(fn: (...args: A) => number): (...args: A) => number | ErrorValue {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (e) {
      return { error: e instanceof Error ? e.message : 'error' };
    }
  };
}

interface TableMeta {
  sheet: string;
  headerRow: number;
  col: number;
  headers: string[];
  rows: number;
}

const stack: PlanBook[] = [];
const active = (): PlanBook => stack[stack.length - 1];
let parser: { parse(f: string, p: Pos, arr?: boolean): unknown } | undefined;
let deps: { parse(f: string, p: Pos): Ref[] } | undefined;

function getParser() {
  parser ??= new ffp({
    functions: {
      SUMIFS: (sum: Arg, ...rest: Arg[]) => ifs(rest, flat(sum)),
      COUNTIFS: (...rest: Arg[]) => ifs(rest, null),
      MATCH: (look: Arg, range: Arg) => {
        const i = flat(range).findIndex((x) => text(x).toLowerCase() === text(look.value).toLowerCase());
        if (i < 0) throw new Error('#N/A');
        return i + 1;
      },
      MEDIAN: (...a: Arg[]) =>
        percentileInc(
          a.flatMap(numsOf).sort((x, y) => x - y),
          0.5,
        ),
      'QUARTILE.INC': (a: Arg, q: Arg) =>
        percentileInc(
          numsOf(a).sort((x, y) => x - y),
          (q.value as number) / 4,
        ),
      MAX: (...a: Arg[]) => (a.flatMap(numsOf).length ? Math.max(...a.flatMap(numsOf)) : 0),
      MIN: (...a: Arg[]) => (a.flatMap(numsOf).length ? Math.min(...a.flatMap(numsOf)) : 0),
      COUNT: (...a: Arg[]) => a.flatMap(numsOf).length,
      // fast-formula-parser evaluates every argument of IF eagerly, Excel only the branch taken.
      // So an IND.* call in the branch not taken must not abort the cell: a failure becomes an
      // error VALUE, which the tests still catch whenever the branch is the one taken.
      'IND.FTE': lazySafe((h: Arg, w: Arg, hpf: Arg, r: Arg, x?: Arg, g?: Arg) =>
        fteNeeded(h.value as number, {
          weeks: w.value as number,
          hoursPerFte: hpf.value as number,
          directRatio: r.value as number,
          extraFte: x === undefined || x.value === null ? 0 : (x.value as number),
          grossUpExtra: g === undefined || g.value === null || g.value === true,
        }),
      ),
      'IND.NORMVARIANCE': lazySafe((h: Arg, c: Arg, n: Arg) =>
        normVariance(h.value as number, c.value as number, n.value as number),
      ),
      'IND.EFFECTIVENESS': lazySafe((v: Arg, n: Arg, d: Arg) =>
        effectiveness(numsOf(v), numsOf(n), numsOf(d)),
      ),
    },
    onCell: (r: Pos) => active().value(r.sheet, r.row, r.col),
    onRange: (r: { sheet: string; from: { row: number; col: number }; to: { row: number; col: number } }) => {
      const out: unknown[][] = [];
      for (let i = r.from.row; i <= r.to.row; i++) {
        const line: unknown[] = [];
        for (let j = r.from.col; j <= r.to.col; j++) line.push(active().value(r.sheet, i, j));
        out.push(line);
      }
      return out;
    },
    onVariable: (name: string) => active().names.get(name),
  });
  return parser;
}

/** A workbook built from a plan, with formula evaluation. */
export class PlanBook {
  readonly cells = new Map<string, CellValue>();
  readonly names = new Map<string, Pos>();
  readonly tables = new Map<string, TableMeta>();
  private cache = new Map<string, unknown>();
  private busy = new Set<string>();

  constructor(plan: WritePlan) {
    for (const s of plan.sheets) {
      for (const b of s.blocks) this.put(s.name, b.at, b.cells);
      for (const t of s.tables ?? []) {
        const { row, col } = parseA1(t.at);
        this.tables.set(t.name, {
          sheet: s.name,
          headerRow: row,
          col,
          headers: t.headers,
          rows: t.rows.length,
        });
        this.put(s.name, t.at, [t.headers, ...t.rows]);
      }
    }
    for (const n of plan.names ?? []) {
      const m = /^='?(.*?)'?!(\$?[A-Z]+\$?\d+)$/.exec(n.ref);
      if (!m) throw new Error(`bad name ref ${n.ref}`);
      this.names.set(n.name, { sheet: m[1], ...parseA1(m[2].replace(/\$/g, '')) });
    }
  }

  private put(sheet: string, at: string, cells: CellValue[][]): void {
    const { row, col } = parseA1(at);
    cells.forEach((line, i) =>
      line.forEach((v, j) => {
        const k = `${sheet}!${row + i},${col + j}`;
        if (this.cells.has(k)) throw new Error(`overlap at ${sheet}!${letters(col + j)}${row + i}`);
        this.cells.set(k, v);
      }),
    );
  }

  /** Replaces structured references with A1 ranges for a formula at (sheet,row). */
  translate(formula: string, sheet: string, row: number, col?: number): string {
    const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
    const colRange = (table: string, column: string): string => {
      const t = this.tables.get(table);
      if (!t) throw new Error(`unknown table ${table}`);
      const name = column.replace(/'(.)/g, '$1');
      const i = t.headers.indexOf(name);
      if (i < 0) throw new Error(`unknown column ${table}[${name}]`);
      const L = letters(t.col + i);
      return `${q(t.sheet)}!$${L}$${t.headerRow + 1}:$${L}$${t.headerRow + t.rows}`;
    };
    const thisRow = (column: string): string => {
      const name = column.replace(/'(.)/g, '$1');
      for (const t of this.tables.values()) {
        // The table this cell is in: its rows and (when known) its columns; two tables can share rows.
        const inColumns = col === undefined || (col >= t.col && col < t.col + t.headers.length);
        if (t.sheet === sheet && row > t.headerRow && row <= t.headerRow + t.rows && inColumns) {
          const i = t.headers.indexOf(name);
          if (i < 0) throw new Error(`unknown column [@${name}] at row ${row}`);
          return `${q(t.sheet)}!$${letters(t.col + i)}$${row}`;
        }
      }
      throw new Error(`[@${name}] outside a table at ${sheet} row ${row}`);
    };
    return formula
      .replace(/([A-Za-z_][\w.]*)\[\[([^\]]+)\]\]/g, (_, t: string, c: string) => colRange(t, c))
      .replace(/([A-Za-z_][\w.]*)\[([^\[\]@]+)\]/g, (_, t: string, c: string) => colRange(t, c))
      .replace(/\[@\[([^\]]+)\]\]/g, (_, c: string) => thisRow(c))
      .replace(/\[@([^\[\]]+)\]/g, (_, c: string) => thisRow(c));
  }

  /** The value of a cell given as A1 on a sheet. */
  get(sheet: string, a1: string): unknown {
    const { row, col } = parseA1(a1);
    return this.value(sheet, row, col);
  }

  /** The value of a defined name. */
  name(n: string): unknown {
    const p = this.names.get(n);
    if (!p) throw new Error(`unknown name ${n}`);
    return this.value(p.sheet, p.row, p.col);
  }

  /** The values of a table column. */
  column(table: string, column: string): unknown[] {
    const t = this.tables.get(table);
    if (!t) throw new Error(`unknown table ${table}`);
    const i = t.headers.indexOf(column);
    if (i < 0) throw new Error(`unknown column ${column}`);
    return Array.from({ length: t.rows }, (_, k) => this.value(t.sheet, t.headerRow + 1 + k, t.col + i));
  }

  /** Sets a cell as a user would type it; everything recomputes. */
  set(sheet: string, a1: string, v: CellValue): void {
    const { row, col } = parseA1(a1);
    this.cells.set(`${sheet}!${row},${col}`, v);
    this.cache.clear();
  }

  /** Every formula cell. */
  formulas(): Pos[] {
    const out: Pos[] = [];
    for (const [k, v] of this.cells) {
      if (typeof v === 'string' && v.startsWith('=')) {
        const [sheet, rc] = k.split('!');
        const [row, col] = rc.split(',').map(Number);
        out.push({ sheet, row, col });
      }
    }
    return out;
  }

  value(sheet: string, row: number, col: number): unknown {
    const k = `${sheet}!${row},${col}`;
    if (this.cache.has(k)) return this.cache.get(k);
    const v = this.cells.get(k);
    if (typeof v !== 'string' || !v.startsWith('=')) return v ?? null;
    if (this.busy.has(k)) throw new Error(`circular at ${k}`);
    this.busy.add(k);
    try {
      const f = this.translate(v.slice(1), sheet, row, col);
      stack.push(this);
      let refs: Ref[];
      try {
        deps ??= new ffp.DepParser({ onVariable: (n: string) => active().names.get(n) });
        refs = deps.parse(f, { sheet, row, col });
      } finally {
        stack.pop();
      }
      for (const d of refs) {
        if ('from' in d) {
          for (let r = d.from.row; r <= d.to.row; r++)
            for (let c = d.from.col; c <= d.to.col; c++) this.value(d.sheet, r, c);
        } else this.value(d.sheet, d.row, d.col);
      }
      stack.push(this);
      let result: unknown;
      try {
        result = getParser().parse(f, { sheet, row, col });
      } finally {
        stack.pop();
      }
      this.cache.set(k, result);
      return result;
    } finally {
      this.busy.delete(k);
    }
  }
}
