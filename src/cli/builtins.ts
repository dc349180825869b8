/**
 * The Excel built-in functions the command line computes, and how. fast-formula-parser 1.0.19 is
 * unmaintained: about 50 of its functions are empty stubs and several others differ from Excel
 * (`ROUND(1.005,2)` gives 1, `SUMPRODUCT({1;2}>1)` counts booleans, `TRIM` keeps inner runs of
 * spaces, `ABS({-1,2})` takes the first element). So the engine computes ONLY the functions
 * listed in {@link SUPPORTED_BUILTINS}, each checked against Excel's value by a test
 * (`test/cli/builtins.test.ts`), and refuses every other name with a clear message instead of
 * returning a value that may be wrong.
 *
 * Where the parser's own function is right it is kept (`source: 'parser'`); the others are
 * implemented here (`'engine'`), the statistics and text functions on top of
 * `@formulajs/formulajs` (MIT) after Excel's rules for which arguments count.
 */
import * as formulajs from '@formulajs/formulajs';
import { FormulaError, type ParserArg } from 'fast-formula-parser';
import { excelRound } from '../core/round';

/** Who computes a supported function. */
export type BuiltinSource = 'parser' | 'engine';

/** One supported built-in. */
export interface BuiltinInfo {
  /** Who computes it. */
  source: BuiltinSource;
  /** Fewest and most arguments Excel accepts (Excel refuses the formula otherwise). */
  minArgs: number;
  maxArgs: number;
  /** The first Excel version with this function when it is newer than Excel 2010. */
  since?: '2013' | '2016' | '2019';
  /** Arguments (0-based) that Excel accepts only as a cell range, never as an array constant. */
  rangeArgs?: 'criteria';
  /** Scalar parameters: an array argument computes element by element (dynamic-array Excel). */
  lifted?: boolean;
  /**
   * Reads only the shape of its reference argument, never its cells: the engine passes the
   * reference itself (`ROWS($A$7:$A7)` in A7 is no circular reference, as in Excel).
   */
  shapeOnly?: boolean;
  /** A one-line note for docs/cli.md. */
  note?: string;
}

/** The one maximum Excel allows for the arguments of a function. */
const MANY = 255;

/**
 * Thrown when a formula calls something the command line refuses: a function it does not compute,
 * too few or too many arguments, or an array constant where Excel wants a range.
 */
export class RefusedCall extends Error {
  readonly reason: 'unsupportedFunction' | 'argumentCount' | 'rangeRequired' | 'resultTooLarge';
  readonly functionName: string;
  readonly detail: { min?: number; max?: number; given?: number; limit?: number };

  constructor(reason: RefusedCall['reason'], functionName: string, detail: RefusedCall['detail'] = {}) {
    super(`${reason}: ${functionName}`);
    this.name = 'RefusedCall';
    this.reason = reason;
    this.functionName = functionName;
    this.detail = detail;
  }
}

/** Excel's limit on the length of a text value. */
export const MAX_TEXT_LENGTH = 32767;

// ---------------------------------------------------------------------------------------------
// Coercion, after Excel's rules

type Cell = unknown;

function isError(v: unknown): v is FormulaError {
  return v instanceof FormulaError;
}

/** A text typed in a formula read as a number the way Excel does in the invariant locale. */
function textToNumber(s: string): number | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  const pct = t.endsWith('%');
  const body = pct ? t.slice(0, -1).trim() : t;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(body)) return undefined;
  const n = Number(body);
  if (!Number.isFinite(n)) return undefined;
  return pct ? n / 100 : n;
}

/** A scalar as a number (Excel's implicit conversion): TRUE = 1, "" / blank = 0, "12.5" = 12.5. */
export function num(v: Cell): number | FormulaError {
  if (isError(v)) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined || v === '') return 0;
  if (typeof v === 'string') return textToNumber(v) ?? FormulaError.VALUE;
  return FormulaError.VALUE;
}

/**
 * A number as Excel turns it into text (`&`, CONCATENATE, LEN, …): at most 15 significant
 * digits, decimal notation for ordinary magnitudes, `1.23456789012346E+15` beyond.
 */
export function numberToText(n: number): string {
  if (n === 0) return '0';
  const p = Number(n.toPrecision(15));
  const a = Math.abs(p);
  if (a >= 1e-9 && a < 1e15) {
    let s = p.toFixed(Math.max(0, 14 - Math.floor(Math.log10(a))));
    if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
    return s;
  }
  const [m, e] = p.toExponential(14).split('e');
  const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
  const exp = Number(e);
  return `${mant}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** A scalar as text. */
function text(v: Cell): string | FormulaError {
  if (isError(v)) return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v === null || v === undefined) return '';
  return FormulaError.VALUE;
}

/** A scalar as a boolean (AND, IF, …): numbers ≠ 0 are TRUE; text is #VALUE!. */
function bool(v: Cell): boolean | FormulaError {
  if (isError(v)) return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') {
    const u = v.trim().toUpperCase();
    if (u === 'TRUE') return true;
    if (u === 'FALSE') return false;
  }
  return FormulaError.VALUE;
}

/** The value of an argument, `null` when it was omitted. */
function valueOf(a: ParserArg | undefined): Cell {
  if (a === undefined || a === null || a.omitted) return null;
  return a.value;
}

/** An argument as rows of cells (a scalar is 1 × 1). */
function grid(a: ParserArg | undefined): Cell[][] {
  const v = valueOf(a);
  if (Array.isArray(v)) return (v as unknown[]).map((r) => (Array.isArray(r) ? (r as Cell[]) : [r]));
  return [[v]];
}

function isArrayArg(a: ParserArg | undefined): boolean {
  return !!a && !a.omitted && (a.isArray || a.isRangeRef === true || Array.isArray(a.value));
}

/**
 * The numbers of a list of arguments the way SUM, AVERAGE, MAX, STDEV.S … read them: a number,
 * a boolean or a numeric text typed directly counts; inside an array or a range only numbers
 * count (text, booleans and blanks are skipped); the first error is returned.
 */
function numbersOf(args: ParserArg[], omittedAsZero = true): number[] | FormulaError {
  const out: number[] = [];
  for (const a of args) {
    if (a === undefined || a === null) continue;
    if (a.omitted) {
      if (omittedAsZero) out.push(0);
      continue;
    }
    if (isArrayArg(a) || a.isCellRef) {
      for (const row of grid(a))
        for (const c of row) {
          if (isError(c)) return c;
          if (typeof c === 'number') out.push(c);
        }
      continue;
    }
    const n = num(a.value);
    if (isError(n)) return n;
    out.push(n);
  }
  return out;
}

/** Maps a formulajs result (errors are `Error` objects whose message is the code) to the parser's. */
function fromFormulajs(v: unknown): unknown {
  if (isError(v)) return v;
  if (v instanceof Error) {
    const code = v.message;
    return new FormulaError(/^#/.test(code) ? code : '#VALUE!');
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return FormulaError.NUM;
  return v;
}

/** The first error among scalars, if any. */
function firstError(...vs: unknown[]): FormulaError | undefined {
  for (const v of vs) if (isError(v)) return v;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Rounding

/** Digits of ROUND and friends: Excel truncates a fractional count toward zero. */
function digitsOf(v: Cell): number | FormulaError {
  const d = num(v);
  return isError(d) ? d : Math.trunc(d);
}

/** Round toward or away from zero at `digits`, after Excel's 15-digit clean-up (as excelRound). */
function roundDirected(x: number, digits: number, mode: 'up' | 'down'): number {
  if (digits > 300) return x;
  if (digits < -308) return 0;
  const sign = x < 0 ? -1 : 1;
  const factor = Math.pow(10, Math.abs(digits));
  const scaled = digits >= 0 ? Math.abs(x) * factor : Math.abs(x) / factor;
  if (!Number.isFinite(scaled)) return x;
  const cleaned = Number(scaled.toPrecision(15));
  const r = mode === 'up' ? Math.ceil(cleaned) : Math.floor(cleaned);
  return sign * (digits >= 0 ? r / factor : r * factor);
}

/** Excel's ROUND over the project's one implementation (`src/core/round.ts`). */
function round(x: number, digits: number): number {
  if (digits > 300) return x;
  if (digits < -308) return 0;
  const r = excelRound(x, digits);
  return Number.isFinite(r) ? r : x;
}

// ---------------------------------------------------------------------------------------------
// Criteria (SUMIFS, COUNTIFS, …), Excel's rules

interface Criterion {
  test: (cell: Cell) => boolean;
}

function wildcardRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '~' && i + 1 < pattern.length && '*?~'.includes(pattern[i + 1])) {
      re += `\\${pattern[++i]}`;
    } else if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else re += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

function parseCriterion(c: Cell): Criterion | FormulaError {
  if (isError(c)) return c;
  if (typeof c === 'number') return { test: (v) => typeof v === 'number' && compareNumbers(v, c, '=') };
  if (typeof c === 'boolean') return { test: (v) => v === c };
  if (c !== null && c !== undefined && typeof c !== 'string') return FormulaError.VALUE;
  const s = c ?? '';
  const m = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/.exec(s) as RegExpExecArray;
  const op = m[1] ?? '=';
  const operand = m[2];
  const isBlank = (v: Cell): boolean => v === null || v === undefined || v === '';
  if (operand === '') {
    if (op === '=') return { test: (v) => (m[1] === undefined ? isBlank(v) : v === null || v === undefined) };
    if (op === '<>') return { test: (v) => !(v === null || v === undefined) };
    return { test: () => false };
  }
  const n = textToNumber(operand);
  const up = operand.toUpperCase();
  const b = up === 'TRUE' ? true : up === 'FALSE' ? false : undefined;
  if (n !== undefined) {
    const cmp = (v: Cell): boolean => {
      if (typeof v === 'number') return compareNumbers(v, n, op);
      return false;
    };
    if (op === '<>') return { test: (v) => !(typeof v === 'number' && compareNumbers(v, n, '=')) };
    return { test: cmp };
  }
  if (b !== undefined) {
    if (op === '=') return { test: (v) => v === b };
    if (op === '<>') return { test: (v) => v !== b };
    return { test: () => false };
  }
  if (op === '=' || op === '<>') {
    const re = wildcardRegExp(operand);
    const eq = (v: Cell): boolean => typeof v === 'string' && re.test(v);
    return op === '=' ? { test: eq } : { test: (v) => !eq(v) };
  }
  const lower = operand.toLowerCase();
  return {
    test: (v) => typeof v === 'string' && compareNumbers(compareText(v.toLowerCase(), lower), 0, op),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** a op b on numbers, equal when they agree to 15 significant digits (as Excel compares). */
export function compareNumbers(a: number, b: number, op: string): boolean {
  const c = excelNumberOrder(a, b);
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

/** −1, 0 or 1: Excel treats two numbers as equal when they agree to 15 significant digits. */
export function excelNumberOrder(a: number, b: number): number {
  if (a === b) return 0;
  if (Number.isFinite(a) && Number.isFinite(b) && Number(a.toPrecision(15)) === Number(b.toPrecision(15)))
    return 0;
  return a < b ? -1 : 1;
}

/**
 * The criteria functions: `rangeArgs` are range arguments (Excel refuses an array constant
 * there), `pairs` the (range, criterion) pairs, `target` the range whose numbers are combined.
 */
function criteriaCells(
  name: string,
  target: ParserArg | undefined,
  pairs: Array<[ParserArg, ParserArg]>,
): { values: Cell[]; error?: FormulaError } {
  for (const r of [target, ...pairs.map((p) => p[0])])
    if (r !== undefined && !r.isRangeRef && !r.isCellRef) throw new RefusedCall('rangeRequired', name);
  const shape = grid(pairs[0][0]);
  const rows = shape.length;
  const cols = shape[0]?.length ?? 0;
  const crits: Criterion[] = [];
  for (const [range, c] of pairs) {
    const g = grid(range);
    if (g.length !== rows || (g[0]?.length ?? 0) !== cols) return { values: [], error: FormulaError.VALUE };
    const crit = parseCriterion(valueOf(c));
    if (isError(crit)) return { values: [], error: crit };
    crits.push(crit);
  }
  const t = target ? grid(target) : shape;
  if (t.length !== rows || (t[0]?.length ?? 0) !== cols) return { values: [], error: FormulaError.VALUE };
  const grids = pairs.map((p) => grid(p[0]));
  const out: Cell[] = [];
  for (let r = 0; r < rows; r++)
    for (let k = 0; k < cols; k++) {
      if (crits.every((crit, i) => crit.test(grids[i][r][k]))) out.push(t[r][k]);
    }
  return { values: out };
}

function pairsFrom(args: ParserArg[], start: number): Array<[ParserArg, ParserArg]> {
  const out: Array<[ParserArg, ParserArg]> = [];
  for (let i = start; i + 1 < args.length; i += 2) out.push([args[i], args[i + 1]]);
  return out;
}

function numbersIn(values: Cell[]): number[] | FormulaError {
  const out: number[] = [];
  for (const v of values) {
    if (isError(v)) return v;
    if (typeof v === 'number') out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Implementations

/**
 * Rows and columns of an argument as the parser passes it unevaluated (`shapeOnly` functions):
 * a reference by its corners, an array by its size, anything else as one cell.
 */
function shapeOf(arg: unknown): [number, number] {
  const ref = (arg as { ref?: { from?: CellAt; to?: CellAt } } | null)?.ref;
  if (ref) {
    if (!ref.from || !ref.to) return [1, 1];
    return [Math.abs(ref.to.row - ref.from.row) + 1, Math.abs(ref.to.col - ref.from.col) + 1];
  }
  if (Array.isArray(arg)) return [arg.length, Array.isArray(arg[0]) ? (arg[0] as unknown[]).length : 1];
  return [1, 1];
}

interface CellAt {
  row: number;
  col: number;
}

type Impl = (...args: ParserArg[]) => unknown;

const stat =
  (fn: (nums: number[]) => unknown, whenEmpty: FormulaError | number): Impl =>
  (...args) => {
    const nums = numbersOf(args);
    if (isError(nums)) return nums;
    if (nums.length === 0) return whenEmpty;
    return fromFormulajs(fn(nums));
  };

/** k-th statistics (LARGE, SMALL, QUARTILE.INC, PERCENTILE.INC): an array and one number. */
const kth =
  (fn: (nums: number[], k: number) => unknown): Impl =>
  (arr, k) => {
    const nums = numbersOf([arr]);
    if (isError(nums)) return nums;
    const kk = num(valueOf(k));
    if (isError(kk)) return kk;
    if (nums.length === 0) return FormulaError.NUM;
    return fromFormulajs(fn(nums, kk));
  };

const ENGINE: Record<string, Impl> = {
  ROUND: (x, d) => {
    const a = num(valueOf(x));
    const b = digitsOf(valueOf(d));
    return firstError(a, b) ?? round(a as number, b as number);
  },
  ROUNDUP: (x, d) => {
    const a = num(valueOf(x));
    const b = digitsOf(valueOf(d));
    return firstError(a, b) ?? roundDirected(a as number, b as number, 'up');
  },
  ROUNDDOWN: (x, d) => {
    const a = num(valueOf(x));
    const b = digitsOf(valueOf(d));
    return firstError(a, b) ?? roundDirected(a as number, b as number, 'down');
  },
  SUM: (...args) => {
    const nums = numbersOf(args);
    if (isError(nums)) return nums;
    let s = 0;
    for (const n of nums) s += n;
    return s;
  },
  AVERAGE: stat((n) => formulajs.AVERAGE(n), FormulaError.DIV0),
  MAX: (...args) => {
    const nums = numbersOf(args);
    if (isError(nums)) return nums;
    return nums.length === 0 ? 0 : nums.reduce((a, b) => (b > a ? b : a));
  },
  MIN: (...args) => {
    const nums = numbersOf(args);
    if (isError(nums)) return nums;
    return nums.length === 0 ? 0 : nums.reduce((a, b) => (b < a ? b : a));
  },
  MEDIAN: stat((n) => formulajs.MEDIAN(n), FormulaError.NUM),
  // formulajs gives NaN, #VALUE! or undefined at the edges; Excel's edge rules are applied here.
  'STDEV.S': stat((n) => (n.length < 2 ? FormulaError.DIV0 : formulajs.STDEV.S(n)), FormulaError.DIV0),
  'STDEV.P': stat((n) => formulajs.STDEV.P(n), FormulaError.DIV0),
  'VAR.S': stat((n) => (n.length < 2 ? FormulaError.DIV0 : formulajs.VAR.S(n)), FormulaError.DIV0),
  'VAR.P': stat((n) => formulajs.VAR.P(n), FormulaError.DIV0),
  // k is rounded up, as Excel and LibreOffice do (LARGE({1,2,3},1.5) is the 2nd largest).
  LARGE: kth((n, k) => {
    const kk = Math.ceil(k);
    return kk < 1 || kk > n.length ? FormulaError.NUM : formulajs.LARGE(n, kk);
  }),
  SMALL: kth((n, k) => {
    const kk = Math.ceil(k);
    return kk < 1 || kk > n.length ? FormulaError.NUM : formulajs.SMALL(n, kk);
  }),
  'QUARTILE.INC': kth((n, q) => {
    const t = Math.trunc(q);
    return t < 0 || t > 4 ? FormulaError.NUM : formulajs.PERCENTILE.INC(n, t / 4);
  }),
  'PERCENTILE.INC': kth((n, p) => (p < 0 || p > 1 ? FormulaError.NUM : formulajs.PERCENTILE.INC(n, p))),
  COUNT: (...args) => {
    let c = 0;
    for (const a of args) {
      if (a === undefined || a === null || a.omitted) continue;
      if (isArrayArg(a) || a.isCellRef) {
        for (const row of grid(a)) for (const v of row) if (typeof v === 'number') c++;
      } else if (!isError(num(a.value)) && !isError(a.value)) c++;
    }
    return c;
  },
  COUNTA: (...args) => {
    let c = 0;
    for (const a of args) {
      if (a === undefined || a === null) continue;
      if (a.omitted) {
        c++;
        continue;
      }
      for (const row of grid(a)) for (const v of row) if (v !== null && v !== undefined) c++;
    }
    return c;
  },
  SUMPRODUCT: (...args) => {
    const grids = args.map(grid);
    const rows = grids[0].length;
    const cols = grids[0][0]?.length ?? 0;
    for (const g of grids) if (g.length !== rows || (g[0]?.length ?? 0) !== cols) return FormulaError.VALUE;
    let s = 0;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        let p = 1;
        for (const g of grids) {
          const v = g[r][c];
          if (isError(v)) return v;
          // Excel: every non-number (text, TRUE/FALSE, blank) counts as 0 in SUMPRODUCT.
          p *= typeof v === 'number' ? v : 0;
        }
        s += p;
      }
    return s;
  },
  SUMIFS: (target, ...rest) => {
    const { values, error } = criteriaCells('SUMIFS', target, pairsFrom(rest, 0));
    if (error) return error;
    const nums = numbersIn(values);
    return isError(nums) ? nums : nums.reduce((a, b) => a + b, 0);
  },
  SUMIF: (range, crit, sumRange) => {
    const target = sumRange && !sumRange.omitted ? sumRange : range;
    const { values, error } = criteriaCells('SUMIF', target, [[range, crit]]);
    if (error) return error;
    const nums = numbersIn(values);
    return isError(nums) ? nums : nums.reduce((a, b) => a + b, 0);
  },
  COUNTIFS: (...args) => {
    const { values, error } = criteriaCells('COUNTIFS', undefined, pairsFrom(args, 0));
    return error ?? values.length;
  },
  COUNTIF: (range, crit) => {
    const { values, error } = criteriaCells('COUNTIF', undefined, [[range, crit]]);
    return error ?? values.length;
  },
  AVERAGEIFS: (target, ...rest) => {
    const { values, error } = criteriaCells('AVERAGEIFS', target, pairsFrom(rest, 0));
    if (error) return error;
    const nums = numbersIn(values);
    if (isError(nums)) return nums;
    return nums.length === 0 ? FormulaError.DIV0 : nums.reduce((a, b) => a + b, 0) / nums.length;
  },
  MAXIFS: (target, ...rest) => {
    const { values, error } = criteriaCells('MAXIFS', target, pairsFrom(rest, 0));
    if (error) return error;
    const nums = numbersIn(values);
    return isError(nums) ? nums : nums.length === 0 ? 0 : Math.max(...nums);
  },
  MINIFS: (target, ...rest) => {
    const { values, error } = criteriaCells('MINIFS', target, pairsFrom(rest, 0));
    if (error) return error;
    const nums = numbersIn(values);
    return isError(nums) ? nums : nums.length === 0 ? 0 : Math.min(...nums);
  },
  MATCH: (lookup, array, type) => {
    const v = valueOf(lookup);
    // An array of look-up values gives an array of positions (Excel and LibreOffice, e.g. inside
    // SUMPRODUCT): each element is matched on its own.
    if (Array.isArray(v))
      return (v as unknown as Cell[][]).map((r) =>
        r.map((x) => ENGINE.MATCH({ value: x } as ParserArg, array, type)),
      );
    if (isError(v)) return v;
    const g = grid(array);
    if (g.length > 1 && (g[0]?.length ?? 0) > 1) return FormulaError.NA;
    const list = g.length === 1 ? g[0] : g.map((r) => r[0]);
    const t = type === undefined || type.omitted ? 1 : num(valueOf(type));
    if (isError(t)) return t;
    const mode = t > 0 ? 1 : t < 0 ? -1 : 0;
    const cmp = (a: Cell, b: Cell): number | undefined => {
      if (typeof a === 'number' && typeof b === 'number') return excelNumberOrder(a, b);
      if (typeof a === 'string' && typeof b === 'string')
        return compareText(a.toLowerCase(), b.toLowerCase());
      if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
      return undefined;
    };
    if (mode === 0) {
      // A text without wildcards is compared directly (case-insensitive, as Excel), which is what
      // the pattern would do, without testing a regular expression against every element.
      if (typeof v === 'string' && !/[*?~]/.test(v)) {
        const key = v.toLowerCase();
        for (let i = 0; i < list.length; i++) {
          const c = list[i];
          if (typeof c === 'string' && c.toLowerCase() === key) return i + 1;
        }
        return FormulaError.NA;
      }
      const re = typeof v === 'string' ? wildcardRegExp(v) : undefined;
      for (let i = 0; i < list.length; i++) {
        const c = list[i];
        if (re ? typeof c === 'string' && re.test(c) : cmp(c, v) === 0) return i + 1;
      }
      return FormulaError.NA;
    }
    // Approximate match: the last position whose value is ≤ (type 1) or ≥ (type −1) the
    // lookup value in a sorted list; Excel's binary search gives the same on sorted data. An
    // unsorted list is refused with #N/A rather than guessing which element Excel's search hits.
    let found = -1;
    let prev: Cell = undefined;
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      const o = cmp(c, v);
      if (o === undefined) continue;
      if (prev !== undefined) {
        const order = cmp(prev, c);
        if (order !== undefined && order * mode > 0) return FormulaError.NA;
      }
      prev = c;
      if (o * mode <= 0) found = i;
      else break;
    }
    return found < 0 ? FormulaError.NA : found + 1;
  },
  INDEX: (array, row, col) => {
    const g = grid(array);
    const r = row === undefined || row.omitted ? 0 : num(valueOf(row));
    const c = col === undefined || col.omitted ? 0 : num(valueOf(col));
    const e = firstError(r, c);
    if (e) return e;
    let ri = Math.trunc(r as number);
    let ci = Math.trunc(c as number);
    if (ri < 0 || ci < 0) return FormulaError.VALUE;
    // One row or one column: a single index picks along it (INDEX({1,2,3},2) = 2).
    if (col === undefined && g.length === 1) {
      ci = ri;
      ri = 1;
    }
    if (ri > g.length || ci > (g[0]?.length ?? 0)) return FormulaError.REF;
    if (ri === 0 && ci === 0) return g;
    if (ri === 0) return g.map((rowCells) => [rowCells[ci - 1]]);
    if (ci === 0) return g.length === 1 || (g[0]?.length ?? 0) > 1 ? [g[ri - 1]] : g[ri - 1][0];
    return g[ri - 1][ci - 1] ?? null;
  },
  CHOOSE: (index, ...options) => {
    const i = num(valueOf(index));
    if (isError(i)) return i;
    const k = Math.trunc(i);
    if (k < 1 || k > options.length) return FormulaError.VALUE;
    const o = options[k - 1];
    return o.omitted ? 0 : o.value;
  },
  // These get the parser's context first, then the reference unevaluated (`shapeOnly`).
  ROWS: (_context, a) => shapeOf(a)[0],
  COLUMNS: (_context, a) => shapeOf(a)[1],
  TRIM: (s) => {
    const t = text(valueOf(s));
    // Excel removes spaces (U+0020 only) at both ends and reduces inner runs to one.
    return isError(t) ? t : t.replace(/ +/g, ' ').replace(/^ | $/g, '');
  },
  UPPER: (s) => {
    const t = text(valueOf(s));
    return isError(t) ? t : t.toUpperCase();
  },
  LOWER: (s) => {
    const t = text(valueOf(s));
    return isError(t) ? t : t.toLowerCase();
  },
  LEN: (s) => {
    const t = text(valueOf(s));
    return isError(t) ? t : t.length;
  },
  CONCATENATE: (...args) => {
    let out = '';
    for (const a of args) {
      const t = text(valueOf(a));
      if (isError(t)) return t;
      out += t;
      if (out.length > MAX_TEXT_LENGTH) return FormulaError.VALUE;
    }
    return out;
  },
  CONCAT: (...args) => {
    let out = '';
    for (const a of args)
      for (const row of grid(a))
        for (const v of row) {
          const t = text(v);
          if (isError(t)) return t;
          out += t;
          if (out.length > MAX_TEXT_LENGTH) return FormulaError.VALUE;
        }
    return out;
  },
  TEXTJOIN: (delimiter, ignoreEmpty, ...args) => {
    const d = text(valueOf(delimiter));
    const ig = bool(valueOf(ignoreEmpty));
    const e = firstError(d, ig);
    if (e) return e;
    const parts: string[] = [];
    let length = 0;
    for (const a of args)
      for (const row of grid(a))
        for (const v of row) {
          const t = text(v);
          if (isError(t)) return t;
          if (t === '' && ig) continue;
          parts.push(t);
          length += t.length + String(d).length;
          if (length > MAX_TEXT_LENGTH + String(d).length) return FormulaError.VALUE;
        }
    return fromFormulajs(formulajs.TEXTJOIN(d, false, ...parts));
  },
  SUBSTITUTE: (s, oldText, newText, instance) => {
    const a = text(valueOf(s));
    const b = text(valueOf(oldText));
    const c = text(valueOf(newText));
    const e = firstError(a, b, c);
    if (e) return e;
    if (instance === undefined || instance.omitted) {
      if (b === '') return a;
      // The result's length is known before it is built: refuse what Excel would refuse.
      const count = String(a).split(String(b)).length - 1;
      if (String(a).length + count * (String(c).length - String(b).length) > MAX_TEXT_LENGTH)
        return FormulaError.VALUE;
      return fromFormulajs(formulajs.SUBSTITUTE(a, b, c));
    }
    const n = num(instance.value);
    if (isError(n)) return n;
    if (Math.trunc(n) < 1) return FormulaError.VALUE;
    return b === '' ? a : fromFormulajs(formulajs.SUBSTITUTE(a, b, c, Math.trunc(n)));
  },
  FIXED: (x, d, noCommas) => {
    const a = num(valueOf(x));
    const b = d === undefined || d === null ? 2 : digitsOf(valueOf(d));
    const c = noCommas === undefined || noCommas === null ? false : bool(valueOf(noCommas));
    const e = firstError(a, b, c);
    if (e) return e;
    // FIXED(number, decimals, no_commas): Excel's ROUND, then the decimals (none when negative)
    // and thousands grouping of en-US Excel, the command line's invariant locale.
    const digits = Math.min(b as number, 127);
    const r = round(a as number, digits);
    if (isError(r)) return r;
    const fixed = Math.abs(r).toFixed(Math.max(digits, 0));
    const [whole, frac] = fixed.split('.');
    const grouped = c ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${r < 0 ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
  },
  REPT: (s, times) => {
    const t = text(valueOf(s));
    const n = num(valueOf(times));
    const e = firstError(t, n);
    if (e) return e;
    const k = Math.trunc(n as number);
    if (k < 0) return FormulaError.VALUE;
    // Excel's REPT refuses a result longer than a cell can hold (32,767 characters).
    if ((t as string).length * k > MAX_TEXT_LENGTH) return FormulaError.VALUE;
    return (t as string).repeat(k);
  },
  CHAR: (code) => {
    const n = num(valueOf(code));
    if (isError(n)) return n;
    const k = Math.trunc(n);
    if (k < 1 || k > 255) return FormulaError.VALUE;
    // Excel on Windows uses code page 1252 for CHAR (CHAR(128) is "€"); 129, 141, 143, 144
    // and 157 are undefined there and stay as the control character of the same number.
    if (k >= 0x80 && k <= 0x9f) return CP1252_HIGH[k - 0x80] ?? String.fromCharCode(k);
    return String.fromCharCode(k);
  },
  SWITCH: (expr, ...rest) => {
    const v = valueOf(expr);
    if (isError(v)) return v;
    const hasDefault = rest.length % 2 === 1;
    for (let i = 0; i + 1 < rest.length; i += 2) {
      const c = valueOf(rest[i]);
      if (isError(c)) return c;
      if (cellsEqual(v, c)) return valueOf(rest[i + 1]) ?? 0;
    }
    return hasDefault ? (valueOf(rest[rest.length - 1]) ?? 0) : FormulaError.NA;
  },
  POWER: (x, y) => power(num(valueOf(x)), num(valueOf(y))),
  TRUNC: (x, d) => {
    const a = num(valueOf(x));
    const b = d === undefined || d.omitted ? 0 : digitsOf(d.value);
    return firstError(a, b) ?? roundDirected(a as number, b as number, 'down');
  },
  PRODUCT: (...args) => {
    const nums = numbersOf(args);
    if (isError(nums)) return nums;
    return nums.length === 0 ? 0 : nums.reduce((a, b) => a * b, 1);
  },
  LEFT: (s, n) => {
    const t = text(valueOf(s));
    const k = n === undefined || n.omitted ? 1 : num(n.value);
    const e = firstError(t, k);
    if (e) return e;
    if ((k as number) < 0) return FormulaError.VALUE;
    return (t as string).slice(0, Math.trunc(k as number));
  },
  RIGHT: (s, n) => {
    const t = text(valueOf(s));
    const k = n === undefined || n.omitted ? 1 : num(n.value);
    const e = firstError(t, k);
    if (e) return e;
    if ((k as number) < 0) return FormulaError.VALUE;
    const kk = Math.trunc(k as number);
    return kk === 0 ? '' : (t as string).slice(-kk);
  },
  MID: (s, start, n) => {
    const t = text(valueOf(s));
    const a = num(valueOf(start));
    const k = num(valueOf(n));
    const e = firstError(t, a, k);
    if (e) return e;
    if ((a as number) < 1 || (k as number) < 0) return FormulaError.VALUE;
    const from = Math.trunc(a as number) - 1;
    return (t as string).slice(from, from + Math.trunc(k as number));
  },
  EXACT: (x, y) => {
    const a = text(valueOf(x));
    const b = text(valueOf(y));
    return firstError(a, b) ?? a === b;
  },
  // The parser's IFERROR returned its argument object for a blank cell; Excel shows a blank
  // value as 0 (`=IFERROR(A1,"")` with A1 blank is 0), an omitted fallback too.
  IFERROR: (value, fallback) => {
    const v = valueOf(value);
    return (isError(v) ? valueOf(fallback) : v) ?? 0;
  },
  IFNA: (value, fallback) => {
    const v = valueOf(value);
    return (isError(v) && v.error === '#N/A' ? valueOf(fallback) : v) ?? 0;
  },
  // Excel: TRUE only for a reference to an empty cell; "" (a formula's empty text) is not blank.
  // The parser's took "" for blank.
  ISBLANK: (value) => {
    if (!(value as { ref?: unknown } | undefined)?.ref) return false;
    const v = value.value;
    const blank = (x: unknown) => x === null || x === undefined;
    return Array.isArray(v) ? (v as unknown[][]).map((r) => r.map(blank)) : blank(v);
  },
  IF: (cond, whenTrue, whenFalse) => {
    const c = bool(valueOf(cond));
    if (isError(c)) return c;
    if (c) return whenTrue === undefined ? true : whenTrue.omitted ? 0 : whenTrue.value;
    return whenFalse === undefined ? false : whenFalse.omitted ? 0 : whenFalse.value;
  },
};

/** Code page 1252 at 0x80–0x9F (the rest of 1–255 is Latin-1). */
const CP1252_HIGH: ReadonlyArray<string | undefined> = [
  '\u20ac',
  undefined,
  '\u201a',
  '\u0192',
  '\u201e',
  '\u2026',
  '\u2020',
  '\u2021',
  '\u02c6',
  '\u2030',
  '\u0160',
  '\u2039',
  '\u0152',
  undefined,
  '\u017d',
  undefined,
  undefined,
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u2022',
  '\u2013',
  '\u2014',
  '\u02dc',
  '\u2122',
  '\u0161',
  '\u203a',
  '\u0153',
  undefined,
  '\u017e',
  '\u0178',
];

/** Excel's `x ^ y` and POWER: 0^0 is #NUM!, 0^−1 #DIV/0!, a root of a negative number #NUM!. */
export function power(x: number | FormulaError, y: number | FormulaError): number | FormulaError {
  if (isError(x)) return x;
  if (isError(y)) return y;
  if (x === 0 && y === 0) return FormulaError.NUM;
  if (x === 0 && y < 0) return FormulaError.DIV0;
  const r = Math.pow(x, y);
  return Number.isFinite(r) ? r : FormulaError.NUM;
}

/** Excel's `=` on two cells: numbers to 15 digits, text case-insensitive, types never equal. */
export function cellsEqual(a: Cell, b: Cell): boolean {
  if (typeof a === 'number' && typeof b === 'number') return excelNumberOrder(a, b) === 0;
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

// ---------------------------------------------------------------------------------------------
// The table

const P = (minArgs: number, maxArgs: number, extra: Partial<BuiltinInfo> = {}): BuiltinInfo => ({
  source: 'parser',
  minArgs,
  maxArgs,
  ...extra,
});
const En = (minArgs: number, maxArgs: number, extra: Partial<BuiltinInfo> = {}): BuiltinInfo => ({
  source: 'engine',
  minArgs,
  maxArgs,
  ...extra,
});
const lifted = { lifted: true };

/**
 * Every Excel function the command line computes, by name. Every other name is refused
 * (`unsupportedFunction`). The test `test/cli/builtins.test.ts` checks each against Excel's
 * value, and `docs/cli.md` lists exactly these names (a test compares the two).
 */
export const SUPPORTED_BUILTINS: Readonly<Record<string, BuiltinInfo>> = {
  // Logic
  IF: En(2, 3, lifted),
  IFERROR: En(2, 2, { ...lifted, note: 'a blank value is 0, as in Excel' }),
  IFNA: En(2, 2, { ...lifted, since: '2013', note: 'a blank value is 0, as in Excel' }),
  IFS: P(2, 254, { since: '2019' }),
  SWITCH: En(3, 254, { since: '2019' }),
  AND: P(1, MANY),
  OR: P(1, MANY),
  NOT: P(1, 1, lifted),
  TRUE: P(0, 0),
  FALSE: P(0, 0),
  // Information
  ISNUMBER: P(1, 1, lifted),
  ISBLANK: En(1, 1, { note: 'TRUE only for an empty cell: "" from a formula is not blank, as in Excel' }),
  ISTEXT: P(1, 1, lifted),
  ISLOGICAL: P(1, 1, lifted),
  ISERROR: P(1, 1, lifted),
  ISNA: P(1, 1, lifted),
  N: P(1, 1),
  NA: P(0, 0),
  // Date
  TODAY: P(0, 0, { note: "volatile: the machine's local date as a serial number (1900 date system)" }),
  // Maths
  ABS: P(1, 1, lifted),
  INT: P(1, 1, lifted),
  TRUNC: En(1, 2, lifted),
  MOD: P(2, 2, lifted),
  POWER: En(2, 2, lifted),
  SQRT: P(1, 1, lifted),
  EXP: P(1, 1, lifted),
  LN: P(1, 1, lifted),
  LOG10: P(1, 1, lifted),
  LOG: P(1, 2, lifted),
  SIGN: P(1, 1, lifted),
  PI: P(0, 0),
  ROUND: En(2, 2, { ...lifted, note: "Excel's ROUND (src/core/round.ts): ROUND(1.005,2) = 1.01" }),
  ROUNDUP: En(2, 2, lifted),
  ROUNDDOWN: En(2, 2, lifted),
  SUM: En(1, MANY),
  PRODUCT: En(1, MANY),
  SUMPRODUCT: En(1, MANY, { note: 'text and TRUE/FALSE count as 0, as in Excel' }),
  SUMIF: En(2, 3, { rangeArgs: 'criteria' }),
  SUMIFS: En(3, 255, { rangeArgs: 'criteria' }),
  // Statistics
  AVERAGE: En(1, MANY),
  AVERAGEIFS: En(3, 255, { rangeArgs: 'criteria' }),
  COUNT: En(1, MANY),
  COUNTA: En(1, MANY),
  COUNTIF: En(2, 2, { rangeArgs: 'criteria' }),
  COUNTIFS: En(2, 254, { rangeArgs: 'criteria' }),
  MAX: En(1, MANY),
  MIN: En(1, MANY),
  MAXIFS: En(3, 254, { rangeArgs: 'criteria', since: '2019' }),
  MINIFS: En(3, 254, { rangeArgs: 'criteria', since: '2019' }),
  MEDIAN: En(1, MANY),
  LARGE: En(2, 2),
  SMALL: En(2, 2),
  'STDEV.S': En(1, MANY),
  'STDEV.P': En(1, MANY),
  'VAR.S': En(1, MANY),
  'VAR.P': En(1, MANY),
  'QUARTILE.INC': En(2, 2),
  'PERCENTILE.INC': En(2, 2),
  // Lookup
  INDEX: En(2, 3),
  MATCH: En(2, 3, { note: 'approximate match needs sorted data; unsorted data gives #N/A' }),
  CHOOSE: En(2, 255),
  ROWS: En(1, 1, { shapeOnly: true }),
  COLUMNS: En(1, 1, { shapeOnly: true }),
  TRANSPOSE: P(1, 1),
  // Text
  CONCATENATE: En(1, 255, lifted),
  CONCAT: En(1, 254, { since: '2019' }),
  TEXTJOIN: En(3, 254, { since: '2019' }),
  SUBSTITUTE: En(3, 4, lifted),
  TRIM: En(1, 1, lifted),
  LEN: En(1, 1, lifted),
  LEFT: En(1, 2, lifted),
  RIGHT: En(1, 2, lifted),
  MID: En(3, 3, lifted),
  UPPER: En(1, 1, lifted),
  LOWER: En(1, 1, lifted),
  FIXED: En(1, 3, { ...lifted, note: 'en-US separators (1,234.5), as the rest of the command line' }),
  REPT: En(2, 2, { ...lifted, note: 'at most 32,767 characters, as in Excel' }),
  CHAR: En(1, 1, { ...lifted, note: 'code page 1252, as Excel on Windows' }),
  EXACT: En(2, 2, lifted),
  T: P(1, 1),
};

/** The engine's own implementations, by name. */
export const ENGINE_BUILTINS: Readonly<Record<string, Impl>> = ENGINE;

/** The names of the supported built-ins, sorted (for docs/cli.md and `--help`). */
export function supportedBuiltinNames(): string[] {
  return Object.keys(SUPPORTED_BUILTINS).sort();
}

/**
 * The Markdown table of the supported functions for docs/cli.md (between the
 * `supported-functions` markers; `node scripts/update-cli-doc.js` writes it, a test compares).
 */
export function supportedFunctionsMarkdown(): string {
  const lines = ['| Function | Arguments | Computed by | Note |', '| --- | --- | --- | --- |'];
  for (const name of supportedBuiltinNames()) {
    const info = SUPPORTED_BUILTINS[name];
    const args =
      info.minArgs === info.maxArgs
        ? String(info.minArgs)
        : `${info.minArgs}–${info.maxArgs >= MANY - 1 ? 'many' : info.maxArgs}`;
    const by = info.source === 'parser' ? 'fast-formula-parser' : 'engine';
    const notes = [
      info.since ? `Excel ${info.since} and later` : '',
      info.rangeArgs ? 'needs cell ranges (Excel refuses an array constant): workbook evaluator only' : '',
      info.lifted ? 'element by element over an array' : '',
      info.shapeOnly ? 'reads only the shape of a reference, not its cells' : '',
      info.note ?? '',
    ].filter((x) => x !== '');
    lines.push(`| \`${name}\` | ${args} | ${by} | ${notes.join('; ')} |`);
  }
  return lines.join('\n');
}
