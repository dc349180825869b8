/**
 * A workbook evaluator for the steering plans in tests: it lays out the blocks and tables of one
 * or more WritePlans, resolves defined names (cells and ranges) and structured references
 * (Table[[Col]], Table[[A]:[B]], Table[Col], [@[Col]], [@Col]), and computes every formula with
 * fast-formula-parser, element-wise over arrays as dynamic-array Excel does. The IND.* functions
 * are the REAL adapters of the registry, bridged as Excel's runtime calls them, so a sheet that
 * passes here computes with the same code Excel runs.
 *
 * fast-formula-parser 1.0 lacks or stubs several functions the sheets use; they are filled here
 * following Excel (SUMIFS, COUNTIFS, AVERAGEIFS, MAXIFS, COUNTIF with "<"&x, MATCH exact, INDEX,
 * MIN/MAX, element-wise IF, LOWER, TRIM, ISNUMBER and N). TODAY is fixed by the test.
 */
import { registry } from '../../src/functions/registry';
import type { CellValue, WritePlan } from '../../src/taskpane/host/types';

type Pos = { sheet: string; row: number; col: number };
type RangeRef = { sheet: string; from: { row: number; col: number }; to: { row: number; col: number } };
type Ref = Pos | RangeRef;
interface Arg {
  value: unknown;
  isArray?: boolean;
  omitted?: boolean;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ffp = require('fast-formula-parser') as (new (o: Record<string, unknown>) => {
  parse(f: string, p: Pos, arr?: boolean): unknown;
  utils: Record<string, (...a: any[]) => unknown>;
}) & {
  DepParser: new (o: Record<string, unknown>) => { parse(f: string, p: Pos): Ref[] };
  FormulaError: new (code: string, message?: string) => { error: string; message?: string };
};
const FormulaError = ffp.FormulaError as unknown as {
  new (code: string, message?: string): { error: string; message?: string };
  NA: unknown;
  VALUE: unknown;
};

/** An error value in a cell (`#VALUE!`, `#N/A`, …) with the message the adapter gave. */
export interface ErrorCell {
  error: string;
  message?: string;
}

/** True for an error value. */
export function isError(v: unknown): v is ErrorCell {
  return v instanceof (FormulaError as unknown as new () => object);
}

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad address ${a1}`);
  return { row: Number(m[2]), col: m[1].split('').reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) };
}

const grid = (a: Arg | undefined): unknown[][] => {
  const v = a?.value;
  if (Array.isArray(v)) return (v as unknown[]).map((r) => (Array.isArray(r) ? r : [r]));
  return [[v]];
};
const flat = (a: Arg | undefined): unknown[] => grid(a).flat();
const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

/** Excel criteria: "", "<>", "=x", ">=0", "<"&date, plain text or a number. */
function matches(v: unknown, crit: unknown): boolean {
  if (typeof crit === 'number') return v === crit;
  if (typeof crit === 'boolean') return v === crit;
  const c = String(crit);
  if (c === '') return v === null || v === undefined || v === '';
  const op = /^(>=|<=|<>|>|<|=)(.*)$/.exec(c);
  if (op) {
    const rhs = op[2];
    if (op[1] === '<>' && rhs === '') return !(v === null || v === undefined || v === '');
    const n = Number(rhs);
    if (rhs !== '' && !Number.isNaN(n)) {
      if (typeof v !== 'number') return op[1] === '<>';
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
    if (op[1] === '=') return text(v).toLowerCase() === rhs.toLowerCase();
    if (op[1] === '<>') return text(v).toLowerCase() !== rhs.toLowerCase();
    return false;
  }
  return text(v).toLowerCase() === c.toLowerCase();
}

function rowsWhere(args: Arg[]): boolean[] {
  const pairs: [unknown[], unknown][] = [];
  for (let i = 0; i < args.length; i += 2) pairs.push([flat(args[i]), args[i + 1].value]);
  const n = pairs[0][0].length;
  for (const [r] of pairs)
    if (r.length !== n) throw new Error(`criteria ranges of ${n} and ${r.length} cells`);
  return Array.from({ length: n }, (_, k) => pairs.every(([range, crit]) => matches(range[k], crit)));
}

/** Element-wise application of a scalar function over one argument. */
function mapArg(a: Arg, f: (v: unknown) => unknown): unknown {
  if (Array.isArray(a.value)) return grid(a).map((r) => r.map(f));
  return f(a.value);
}

function unwrap(v: unknown): unknown {
  if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && (v[0] as unknown[]).length === 1)
    return (v[0] as unknown[])[0];
  return v;
}

/** Converts a parser argument to what Excel passes a custom function. */
function toAdapterArg(a: Arg | null | undefined): unknown {
  if (a === null || a === undefined || a.omitted) return null;
  const v = a.value;
  if (isError(v)) return v;
  if (Array.isArray(v))
    return grid(a).map((r) =>
      r.map((c) => (isError(c) ? { code: c.error, message: c.message } : (c ?? null))),
    );
  return v;
}

function bridge(fn: (...a: unknown[]) => unknown): (...args: Arg[]) => unknown {
  return (...args) => {
    const mapped: unknown[] = [];
    for (const a of args) {
      const m = toAdapterArg(a);
      if (isError(m)) return m;
      mapped.push(m);
    }
    try {
      const res = fn(...mapped);
      if (Array.isArray(res))
        return (res as unknown[][]).map((r) =>
          r.map((c) =>
            typeof c === 'object' && c !== null && 'code' in c
              ? new FormulaError((c as { code: string }).code, (c as { message?: string }).message)
              : c,
          ),
        );
      return res;
    } catch (e) {
      const o = e as { code?: string; message?: string };
      if (typeof o.code === 'string') return new FormulaError(o.code, o.message);
      throw e;
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
let parser: { parse(f: string, p: Pos, arr?: boolean): unknown; utils: Record<string, any> } | undefined;
let deps: { parse(f: string, p: Pos): Ref[] } | undefined;

function extreme(args: Arg[], pick: (...xs: number[]) => number): number {
  const xs = args.flatMap((a) => flat(a)).filter((x): x is number => typeof x === 'number');
  return xs.length === 0 ? 0 : pick(...xs);
}

function getParser() {
  if (parser) return parser;
  const ind: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(registry)) ind[name] = bridge(fn as (...a: unknown[]) => unknown);
  parser = new ffp({
    functions: {
      ...ind,
      SUMIFS: (sum: Arg, ...rest: Arg[]) => {
        const ok = rowsWhere(rest);
        const s = flat(sum);
        return ok.reduce((t, hit, k) => t + (hit && typeof s[k] === 'number' ? s[k] : 0), 0);
      },
      COUNTIFS: (...rest: Arg[]) => rowsWhere(rest).filter(Boolean).length,
      COUNTIF: (range: Arg, crit: Arg) => flat(range).filter((v) => matches(v, crit.value)).length,
      AVERAGEIFS: (avg: Arg, ...rest: Arg[]) => {
        const ok = rowsWhere(rest);
        const s = flat(avg);
        const xs = s.filter((v, k) => ok[k] && typeof v === 'number') as number[];
        if (xs.length === 0) return new FormulaError('#DIV/0!');
        return xs.reduce((a, b) => a + b, 0) / xs.length;
      },
      MAXIFS: (mx: Arg, ...rest: Arg[]) => {
        const ok = rowsWhere(rest);
        const xs = flat(mx).filter((v, k) => ok[k] && typeof v === 'number') as number[];
        return xs.length === 0 ? 0 : Math.max(...xs);
      },
      MATCH: (look: Arg, range: Arg) => {
        const list = flat(range);
        const one = (x: unknown): unknown => {
          const i = list.findIndex((y) =>
            typeof x === 'number'
              ? y === x
              : text(y).toLowerCase() === text(x).toLowerCase() && typeof y !== 'number',
          );
          return i < 0 ? new FormulaError('#N/A') : i + 1;
        };
        return mapArg(look, one);
      },
      XINDEX: (arr: Arg, row: Arg, column?: Arg) => {
        const g = grid(arr);
        const r = Number(unwrap(row.value));
        const c = column && !column.omitted ? Number(unwrap(column.value)) : 1;
        if (g.length === 1 && column === undefined) {
          const v = g[0][r - 1];
          return v === undefined ? new FormulaError('#REF!') : v;
        }
        const v = g[r - 1]?.[c - 1];
        return v === undefined ? new FormulaError('#REF!') : v;
      },
      XIF: (cond: Arg, a?: Arg, b?: Arg) => {
        const pick = (c: unknown, x: unknown, y: unknown): unknown => {
          if (isError(c)) return c;
          const truthy = typeof c === 'string' ? c.toUpperCase() === 'TRUE' : Boolean(c);
          return truthy ? (x ?? 0) : (y ?? false);
        };
        const av = a === undefined || a.omitted ? 0 : a.value;
        const bv = b === undefined || b.omitted ? false : b.value;
        const arrays = [cond.value, av, bv].filter(Array.isArray) as unknown[][][];
        if (arrays.length === 0) return pick(cond.value, av, bv);
        const rows = Math.max(...arrays.map((x) => x.length));
        const cols = Math.max(...arrays.map((x) => x[0].length));
        const at = (v: unknown, r: number, c: number): unknown =>
          Array.isArray(v)
            ? ((v as unknown[][])[v.length === 1 ? 0 : r] ?? [])[(v[0] as unknown[]).length === 1 ? 0 : c]
            : v;
        return Array.from({ length: rows }, (_, r) =>
          Array.from({ length: cols }, (_, c) => pick(at(cond.value, r, c), at(av, r, c), at(bv, r, c))),
        );
      },
      XISNUMBER: (a: Arg) => mapArg(a, (v) => typeof v === 'number'),
      LOWER: (a: Arg) => mapArg(a, (v) => text(v).toLowerCase()),
      TRIM: (a: Arg) => mapArg(a, (v) => text(v).trim().replace(/\s+/g, ' ')),
      N: (a: Arg) => {
        const v = unwrap(a.value);
        return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : 0;
      },
      MAX: (...a: Arg[]) => extreme(a, Math.max),
      MIN: (...a: Arg[]) => extreme(a, Math.min),
      SUM: (...a: Arg[]) => {
        let t = 0;
        for (const v of a.flatMap((x) => flat(x))) {
          if (isError(v)) return v;
          if (typeof v === 'number') t += v;
        }
        return t;
      },
      SUMPRODUCT: (...a: Arg[]) => {
        const gs = a.map(grid);
        const n = gs[0].flat().length;
        for (const g of gs) if (g.flat().length !== n) return new FormulaError('#VALUE!');
        let t = 0;
        for (let k = 0; k < n; k++) {
          let p = 1;
          for (const g of gs) {
            const v = g.flat()[k];
            if (isError(v)) return v;
            p *= typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : 0;
          }
          t += p;
        }
        return t;
      },
      TODAY: () => active().today,
      NA: () => new FormulaError('#N/A'),
      HYPERLINK: (_link: Arg, label?: Arg) => label?.value ?? _link.value,
    },
    onCell: (r: Pos) => active().value(r.sheet, r.row, r.col),
    onRange: (r: RangeRef) => {
      const out: unknown[][] = [];
      for (let i = r.from.row; i <= r.to.row; i++) {
        const line: unknown[] = [];
        for (let j = r.from.col; j <= r.to.col; j++) line.push(active().value(r.sheet, i, j));
        out.push(line);
      }
      return out;
    },
    onVariable: (name: string) => active().nameRef(name),
  });
  patchArrayOperators(parser.utils);
  return parser;
}

/** Operators element-wise over arrays (as the CLI engine does for dynamic-array Excel). */
function patchArrayOperators(utils: Record<string, any>): void {
  const infix = utils._applyInfix.bind(utils) as (
    a: { val: unknown; isArray: boolean },
    op: string,
    b: { val: unknown; isArray: boolean },
  ) => unknown;
  utils._applyInfix = (
    a: { val: unknown; isArray: boolean },
    op: string,
    b: { val: unknown; isArray: boolean },
  ) => {
    if (isError(a.val)) return a.val;
    if (isError(b.val)) return b.val;
    const aa = a.isArray || Array.isArray(a.val);
    const bb = b.isArray || Array.isArray(b.val);
    if (!aa && !bb) return infix(a, op, b);
    const ga = aa ? (a.val as unknown[][]) : [[a.val]];
    const gb = bb ? (b.val as unknown[][]) : [[b.val]];
    const rows = Math.max(ga.length, gb.length);
    const cols = Math.max(ga[0].length, gb[0].length);
    const pick = (g: unknown[][], r: number, c: number): unknown =>
      g[g.length === 1 ? 0 : r]?.[g[0].length === 1 ? 0 : c];
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => {
        const x = pick(ga, r, c);
        const y = pick(gb, r, c);
        if (isError(x)) return x;
        if (isError(y)) return y;
        return infix({ val: x ?? 0, isArray: false }, op, { val: y ?? 0, isArray: false });
      }),
    );
  };
}

/** Function names the parser handles differently from Excel, renamed to the filled versions. */
function rename(f: string): string {
  return f
    .replace(/(?<![A-Z0-9_.])IF\(/g, 'XIF(')
    .replace(/(?<![A-Z0-9_.])INDEX\(/g, 'XINDEX(')
    .replace(/(?<![A-Z0-9_.])ISNUMBER\(/g, 'XISNUMBER(');
}

/** A workbook built from plans, with formula evaluation. */
export class PlanBook {
  readonly cells = new Map<string, CellValue>();
  readonly names = new Map<string, Pos | RangeRef>();
  readonly tables = new Map<string, TableMeta>();
  private cache = new Map<string, unknown>();
  private busy = new Set<string>();
  /** TODAY() as an Excel serial. */
  today = 46142; // 30-04-2026

  constructor(plans: readonly WritePlan[]) {
    for (const plan of plans) {
      for (const s of plan.sheets) {
        for (const t of s.tables ?? []) {
          const { row, col } = parseA1(t.at);
          this.tables.set(t.name, {
            sheet: s.name,
            headerRow: row,
            col,
            headers: t.headers,
            rows: t.rows.length,
          });
          this.put(s.name, t.at, [t.headers, ...t.rows], false);
        }
        // Blocks after tables, as the gateway writes them: a block over a table body must hold the same values.
        for (const b of s.blocks) this.put(s.name, b.at, b.cells, true);
      }
      for (const n of plan.names ?? []) {
        const m = /^='?(.*?)'?!(\$?[A-Z]+\$?\d+)(?::(\$?[A-Z]+\$?\d+))?$/.exec(n.ref);
        if (!m) throw new Error(`bad name ref ${n.ref}`);
        const from = parseA1(m[2].replace(/\$/g, ''));
        const sheet = m[1].replace(/''/g, "'");
        this.names.set(
          n.name,
          m[3] ? { sheet, from, to: parseA1(m[3].replace(/\$/g, '')) } : { sheet, ...from },
        );
      }
    }
  }

  private put(sheet: string, at: string, cells: CellValue[][], overTables: boolean): void {
    const { row, col } = parseA1(at);
    cells.forEach((line, i) =>
      line.forEach((v, j) => {
        const k = `${sheet}!${row + i},${col + j}`;
        if (this.cells.has(k)) {
          const old = this.cells.get(k);
          if (!overTables || (old ?? null) !== (v ?? null))
            throw new Error(
              `overlap at ${sheet}!${letters(col + j)}${row + i}: ${String(old)} / ${String(v)}`,
            );
        }
        this.cells.set(k, v);
      }),
    );
  }

  nameRef(name: string): Pos | RangeRef | undefined {
    return this.names.get(name);
  }

  /** Replaces structured references with A1 ranges for a formula at (sheet,row). */
  translate(formula: string, sheet: string, row: number, col: number): string {
    const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
    const colIndex = (t: TableMeta, table: string, column: string): number => {
      const name = column.replace(/'(.)/g, '$1');
      const i = t.headers.indexOf(name);
      if (i < 0) throw new Error(`unknown column ${table}[${name}]`);
      return i;
    };
    const table = (name: string): TableMeta => {
      const t = this.tables.get(name);
      if (!t) throw new Error(`unknown table ${name}`);
      return t;
    };
    const colRange = (tn: string, a: string, b = a): string => {
      const t = table(tn);
      const i = colIndex(t, tn, a);
      const j = colIndex(t, tn, b);
      return `${q(t.sheet)}!$${letters(t.col + i)}$${t.headerRow + 1}:$${letters(t.col + j)}$${t.headerRow + Math.max(t.rows, 1)}`;
    };
    const thisRow = (column: string): string => {
      const name = column.replace(/'(.)/g, '$1');
      for (const t of this.tables.values()) {
        if (
          t.sheet === sheet &&
          row > t.headerRow &&
          row <= t.headerRow + t.rows &&
          col >= t.col &&
          col < t.col + t.headers.length
        ) {
          const i = t.headers.indexOf(name);
          if (i < 0) continue;
          return `${q(t.sheet)}!$${letters(t.col + i)}$${row}`;
        }
      }
      throw new Error(`[@${name}] outside a table at ${sheet} row ${row}`);
    };
    return formula
      .replace(/([A-Za-z_][\w.]*)\[\[([^\]]+)\]:\[([^\]]+)\]\]/g, (_, t: string, a: string, b: string) =>
        colRange(t, a, b),
      )
      .replace(/([A-Za-z_][\w.]*)\[\[([^\]]+)\]\]/g, (_, t: string, c: string) => colRange(t, c))
      .replace(/([A-Za-z_][\w.]*)\[([^[\]@]+)\]/g, (_, t: string, c: string) => colRange(t, c))
      .replace(/\[@\[([^\]]+)\]\]/g, (_, c: string) => thisRow(c))
      .replace(/\[@([^[\]]+)\]/g, (_, c: string) => thisRow(c));
  }

  /** The value of a cell given as A1 on a sheet. */
  get(sheet: string, a1: string): unknown {
    const { row, col } = parseA1(a1);
    return this.value(sheet, row, col);
  }

  /** The values of a row of cells from `a1` across `n` columns. */
  row(sheet: string, a1: string, n: number): unknown[] {
    const { row, col } = parseA1(a1);
    return Array.from({ length: n }, (_, j) => this.value(sheet, row, col + j));
  }

  /** The value of a defined name (a single cell). */
  name(n: string): unknown {
    const p = this.names.get(n);
    if (!p || 'from' in p) throw new Error(`unknown single-cell name ${n}`);
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

  /** Sets a table cell by column name and 1-based data row. */
  setTable(table: string, column: string, dataRow: number, v: CellValue): void {
    const t = this.tables.get(table)!;
    const i = t.headers.indexOf(column);
    if (i < 0) throw new Error(`unknown column ${column}`);
    this.cells.set(`${t.sheet}!${t.headerRow + dataRow},${t.col + i}`, v);
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

  /** A1 of a position, for messages. */
  static a1(p: Pos): string {
    return `${p.sheet}!${letters(p.col)}${p.row}`;
  }

  value(sheet: string, row: number, col: number): unknown {
    const k = `${sheet}!${row},${col}`;
    if (this.cache.has(k)) return this.cache.get(k);
    const v = this.cells.get(k);
    if (typeof v !== 'string' || !v.startsWith('=')) return v ?? null;
    if (this.busy.has(k)) throw new Error(`circular at ${k}`);
    this.busy.add(k);
    try {
      const f = rename(this.translate(v.slice(1), sheet, row, col));
      stack.push(this);
      let refs: Ref[];
      try {
        deps ??= new ffp.DepParser({ onVariable: (n: string) => active().nameRef(n) });
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
        result = unwrap(getParser().parse(f, { sheet, row, col }, true));
      } catch (e) {
        throw new Error(`${sheet}!${letters(col)}${row} ${v}: ${e instanceof Error ? e.message : String(e)}`);
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
