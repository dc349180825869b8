/**
 * The formula engine of the `ind-rekenmodel` command: fast-formula-parser (MIT, chevrotain based)
 * for Excel's invariant syntax and built-in functions, with the IND.* custom functions plugged in
 * through the SAME adapters Excel calls (the function registry), never a re-implementation.
 *
 * The bridge does what Excel does for a custom function:
 * - an omitted argument arrives as `null` (also a leading one, see `preprocess.ts`);
 * - a scalar arrives as a scalar, an array constant or a spilled result as a 2-D array;
 * - an error value as a (scalar) argument propagates without calling the function; an error
 *   inside an array reaches the function as an error object, so that its message can name the row;
 * - an error the adapter returns or throws becomes an Excel error value WITH its message, so
 *   that it propagates through built-ins, e.g. `=SUM(IND.LUMPSUMSPLIT(...))`.
 *
 * It also fills gaps of the parser (1.0.19) that a controller would hit, each covered by a test:
 * - MIN/MAX are missing from its library;
 * - its operators apply implicit intersection to arrays (`{1,2}*2` gives `2`), where
 *   dynamic-array Excel computes element by element (`{2,4}`);
 * - in async mode a negative number in an array constant (`{-1,2}`) became a Promise cell;
 * - its SUM/AVERAGE/… skip an error cell inside an array, where Excel returns the error;
 * - `IF(1,,2)` failed on the empty argument.
 */
import FormulaParser, { FormulaError, type ParserArg } from 'fast-formula-parser';
import {
  cellsEqual,
  ENGINE_BUILTINS,
  excelNumberOrder,
  MAX_TEXT_LENGTH,
  num,
  numberToText,
  power,
  RefusedCall,
  SUPPORTED_BUILTINS,
} from './builtins';
import { customFunctionArity } from './arity';
import { normaliseWithMap, OMITTED_SENTINEL } from './preprocess';

/** A function as Excel's custom-function runtime calls it: positional arguments, `null` when omitted. */
export type AdapterFunction = (...args: any[]) => unknown;

/** The custom functions, keyed by their full Excel name (e.g. `IND.FTE`). */
export type FunctionRegistry = Record<string, AdapterFunction>;

/** An Excel error value with its message, e.g. `#VALUE!` + "directRatio: 74.7 lijkt ...". */
export class ExcelErrorValue {
  /** The error code as Excel shows it: `#VALUE!`, `#N/A`, `#DIV/0!`, `#NUM!`, ... */
  readonly code: string;
  /** The explanation (may be empty for built-in errors such as `1/0`). */
  readonly message: string;

  constructor(code: string, message: string) {
    this.code = code;
    this.message = message;
  }
}

/** One cell of a result. `null` is an empty cell of a spill. */
export type CellValue = number | string | boolean | null | ExcelErrorValue;

/** The value of a formula: a single cell or a spill (rows of cells). */
export type FormulaValue = CellValue | CellValue[][];

/**
 * The formula could not be parsed (or uses something the command line cannot offer, such as a
 * cell reference). `position` is the 1-based column of the problem when the parser knows it.
 */
export class FormulaSyntaxError extends Error {
  /** What kind of problem, for the localised message. */
  readonly reason:
    | 'syntax'
    | 'reference'
    | 'unknownFunction'
    | 'empty'
    | 'unsupportedFunction'
    | 'argumentCount'
    | 'rangeRequired'
    | 'tooLong'
    | 'tooDeep'
    | 'resultTooLarge'
    | 'raggedArray';
  /** 1-based column in the formula as typed, when known. */
  readonly position?: number;
  /** The detail from the parser (English), or the offending name. */
  readonly detail: string;
  /** For `syntax`: what the parser expected and found, when it said so. */
  readonly problem: SyntaxProblem;
  /** For `argumentCount` and the limits: the numbers the message needs. */
  readonly limits: { min?: number; max?: number; given?: number; limit?: number };

  constructor(
    reason: FormulaSyntaxError['reason'],
    detail: string,
    position?: number,
    limits: FormulaSyntaxError['limits'] = {},
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'FormulaSyntaxError';
    this.reason = reason;
    this.detail = detail;
    this.position = position;
    this.problem = reason === 'syntax' ? describeParserMessage(detail) : { kind: 'other' };
    this.limits = limits;
  }
}

/**
 * A parser complaint in words a user can act on. `found` is the offending text (`''` = the end of
 * the formula); `expected` the missing character.
 */
export type SyntaxProblem =
  | { kind: 'missing'; expected: string; found: string }
  | { kind: 'extra'; found: string }
  | { kind: 'valueExpected'; found: string }
  | { kind: 'unexpectedChar'; found: string }
  | { kind: 'spaceBetweenValues'; found: string }
  | { kind: 'other' };

const TOKEN_TEXT: Record<string, string> = {
  CloseParen: ')',
  OpenParen: '(',
  CloseCurlyParen: '}',
  OpenCurlyParen: '{',
  Comma: ',',
  Semicolon: ';',
};

/**
 * Reads the (English, chevrotain) parser message into a {@link SyntaxProblem}.
 *
 * @param detail - the parser's explanation, e.g. `Redundant input, expecting EOF but found: )`.
 * @returns the structured problem, `other` when the message has an unknown form.
 */
export function describeParserMessage(detail: string): SyntaxProblem {
  let m = /Expecting token of type --> (\w+) <-- but found --> '(.*)' <--/s.exec(detail);
  if (m) return { kind: 'missing', expected: TOKEN_TEXT[m[1]] ?? m[1], found: m[2] };
  m = /Redundant input, expecting EOF but found: (.*)$/s.exec(detail);
  if (m) return { kind: 'extra', found: m[1].trim() };
  m = /Expecting: one of these possible Token sequences.*but found: '(.*)'/s.exec(detail);
  if (m) return { kind: 'valueExpected', found: m[1] };
  // A space between two values is Excel's intersection operator; here it is nearly always a
  // forgotten comma.
  m = /Expecting a reference, but got (.*?)\.?$/s.exec(detail);
  if (m) return { kind: 'spaceBetweenValues', found: m[1] };
  m = /unexpected character: ->(.+?)<-/s.exec(detail);
  if (m) return { kind: 'unexpectedChar', found: m[1] };
  return { kind: 'other' };
}

/** Maps the core's Excel error kinds (see `ExcelErrorKind`) to the codes Excel shows. */
const KIND_TO_CODE: Record<string, string> = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
};

/** Error codes as `CustomFunctions.ErrorCode` spells them; some runtimes use these names. */
const KNOWN_CODES = new Set([
  '#VALUE!',
  '#N/A',
  '#DIV/0!',
  '#NUM!',
  '#NULL!',
  '#NAME?',
  '#REF!',
  '#CALC!',
  '#BUSY!',
]);

/**
 * Recognises an error produced by an adapter: the runtime's Excel-error object (`code` like
 * `#VALUE!` and a `message`), an Office `CustomFunctions.Error`, or a core `CalcError` that slipped
 * through (its `excel` kind names the code). Duck-typed because the Node runtime class and Office's
 * class are different classes with the same shape.
 */
export function toExcelError(e: unknown): ExcelErrorValue | undefined {
  if (e instanceof ExcelErrorValue) return e;
  if (e instanceof FormulaError) return new ExcelErrorValue(e.error, e.message ?? '');
  if (typeof e !== 'object' || e === null) return undefined;
  const o = e as { code?: unknown; message?: unknown; excel?: unknown; name?: unknown };
  const message = typeof o.message === 'string' ? o.message : '';
  if (typeof o.code === 'string' && KNOWN_CODES.has(o.code)) return new ExcelErrorValue(o.code, message);
  if (typeof o.code === 'string' && KIND_TO_CODE[o.code])
    return new ExcelErrorValue(KIND_TO_CODE[o.code], message);
  if (typeof o.excel === 'string' && KIND_TO_CODE[o.excel])
    return new ExcelErrorValue(KIND_TO_CODE[o.excel], message);
  return undefined;
}

/** The parser's error value for an adapter error, keeping the message so it can be printed. */
function toParserError(err: ExcelErrorValue): FormulaError {
  // With a message the constructor makes a fresh instance instead of the shared singleton.
  return new FormulaError(err.code, err.message);
}

/** Converts one parser argument to what Excel passes a custom function, or an error to propagate. */
function toAdapterArg(arg: ParserArg | null | undefined): unknown {
  if (arg === null || arg === undefined || arg.omitted) return null;
  const v = arg.value;
  if (v === OMITTED_SENTINEL) return null;
  if (v instanceof FormulaError) return v;
  if (Array.isArray(v)) {
    const rows: unknown[][] = [];
    for (const row of v as unknown[]) {
      const cells = Array.isArray(row) ? row : [row];
      const out: unknown[] = [];
      for (const cell of cells) {
        // An error inside a range reaches the function as an error object (code + message), as
        // Excel passes it; the adapters then name the argument and row of the first error.
        if (cell instanceof FormulaError) out.push(new ExcelErrorValue(cell.error, cell.message ?? ''));
        else out.push(cell === undefined ? null : cell);
      }
      rows.push(out);
    }
    return rows;
  }
  if (typeof v === 'object' && v !== null) {
    // A union `(A1,B2)` or anything else Excel would not pass to a custom function.
    return FormulaError.VALUE;
  }
  return v;
}

/** Converts what an adapter returned into a parser value. */
function fromAdapterResult(res: unknown): unknown {
  const err = toExcelError(res);
  if (err) return toParserError(err);
  if (Array.isArray(res)) {
    if (res.length === 0 || !res.every((r) => Array.isArray(r))) {
      return new FormulaError(
        '#VALUE!',
        'The function returned a malformed array (Excel expects rows of cells).',
      );
    }
    return (res as unknown[][]).map((row) =>
      row.map((cell) => {
        const cellErr = toExcelError(cell);
        if (cellErr) return toParserError(cellErr);
        return cell === undefined ? null : cell;
      }),
    );
  }
  return res;
}

/**
 * Thrown in the synchronous pass when an adapter returns a Promise: the formula is then
 * evaluated again asynchronously. Every adapter of the real registry is synchronous, so the
 * command line never leaves the synchronous pass, where no promise can be left unhandled.
 */
class NeedsAsync extends Error {}

/** Wraps an adapter so that the parser can call it like a built-in. */
function bridge(
  fn: AdapterFunction,
  name: string,
  isAsync: () => boolean,
): (...args: Array<ParserArg | null>) => unknown {
  const arity = customFunctionArity(name, fn);
  return (...args) => {
    // Excel refuses a formula that passes a function more arguments than it declares.
    if (args.length > arity.max || args.length < arity.min)
      throw new RefusedCall('argumentCount', name, { min: arity.min, max: arity.max, given: args.length });
    const mapped: unknown[] = [];
    for (const a of args) {
      const m = toAdapterArg(a);
      // Excel does not call a custom function whose argument is an error; the error propagates.
      if (m instanceof FormulaError) return m;
      mapped.push(m);
    }
    let res: unknown;
    try {
      res = fn(...mapped);
    } catch (e) {
      const err = toExcelError(e);
      if (err) return toParserError(err);
      throw e;
    }
    if (res !== null && typeof res === 'object' && typeof (res as Promise<unknown>).then === 'function') {
      if (!isAsync()) {
        (res as Promise<unknown>).catch(() => undefined);
        throw new NeedsAsync();
      }
      return (res as Promise<unknown>).then(fromAdapterResult, (e: unknown) => {
        const err = toExcelError(e);
        if (err) return toParserError(err);
        throw e;
      });
    }
    return fromAdapterResult(res);
  };
}

interface InfixOperand {
  val: unknown;
  isArray: boolean;
}

/**
 * Element-wise operators over arrays, as dynamic-array Excel computes them: arrays of equal size
 * pair up cell by cell, a single row/column or a scalar is repeated, and a cell outside a smaller
 * array is `#N/A`.
 */
function broadcastInfix(
  scalarOp: (a: InfixOperand, infix: string, b: InfixOperand) => unknown,
  a: InfixOperand,
  infix: string,
  b: InfixOperand,
): unknown {
  const ga = a.isArray ? (a.val as unknown[][]) : [[a.val]];
  const gb = b.isArray ? (b.val as unknown[][]) : [[b.val]];
  const rows = Math.max(ga.length, gb.length);
  const cols = Math.max(ga[0]?.length ?? 0, gb[0]?.length ?? 0);
  checkCells(rows, cols);
  const pick = (g: unknown[][], r: number, c: number): unknown => {
    const rr = g.length === 1 ? 0 : r;
    const cc = (g[0]?.length ?? 0) === 1 ? 0 : c;
    if (rr >= g.length || cc >= (g[rr]?.length ?? 0)) return FormulaError.NA;
    return g[rr][cc];
  };
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < cols; c++) {
      row.push(
        scalarOp({ val: pick(ga, r, c), isArray: false }, infix, { val: pick(gb, r, c), isArray: false }),
      );
    }
    out.push(row);
  }
  return out;
}

/**
 * Built-ins that look at error cells themselves, or only at the shape of a range, and so must
 * receive arrays with errors unchanged: the criteria functions and MATCH skip an error cell that
 * does not count (`SUMIFS(B:B,A:A,"x")` ignores an error in a row that is not `x`), IFS and
 * SWITCH return an error argument only when they choose it. Every other built-in returns the
 * first error in an argument, as Excel does.
 */
const ERROR_TOLERANT = new Set([
  'IFERROR',
  'IFNA',
  'ISERROR',
  'ISERR',
  'ISNA',
  'ERROR.TYPE',
  'ISBLANK',
  'ISNUMBER',
  'ISTEXT',
  'ISNONTEXT',
  'ISLOGICAL',
  'ISREF',
  'TYPE',
  'COUNT',
  'COUNTA',
  'COUNTBLANK',
  'COUNTIF',
  'COUNTIFS',
  'SUMIF',
  'SUMIFS',
  'AVERAGEIF',
  'AVERAGEIFS',
  'MAXIFS',
  'MINIFS',
  'MATCH',
  'IFS',
  'SWITCH',
  'ROWS',
  'COLUMNS',
  'ROW',
  'COLUMN',
  'INDEX',
  'CHOOSE',
  'TRANSPOSE',
  'AREAS',
]);

/** The first error value inside an array argument, if any. */
function firstErrorIn(v: unknown): FormulaError | undefined {
  if (!Array.isArray(v)) return undefined;
  for (const row of v as unknown[]) {
    if (Array.isArray(row)) {
      for (const c of row) if (c instanceof FormulaError) return c;
    } else if (row instanceof FormulaError) return row;
  }
  return undefined;
}

/** A cell reference as the parser resolves it (1-based; `sheet` when the formula names one). */
export interface CellRef {
  sheet?: string;
  row: number;
  col: number;
}

/** A range reference as the parser resolves it (1-based, `from` top-left, `to` bottom-right). */
export interface RangeRef {
  sheet?: string;
  from: { row: number; col: number };
  to: { row: number; col: number };
}

/**
 * Options of {@link FormulaEngine}. The three hooks are how a workbook evaluator
 * (`src/engine/workbook.ts`) gives the engine its cells; the built-ins stay those of
 * `builtins.ts`, the same on the command line and over a workbook.
 */
export interface EngineOptions {
  /** The IND.* functions (the adapters Excel calls). */
  registry: FunctionRegistry;
  /**
   * Resolves a cell reference (for an evaluator over a workbook). Without it a reference is a
   * {@link FormulaSyntaxError} `reference`: the command line has no workbook.
   */
  onCell?: (ref: CellRef) => unknown;
  /** Resolves a range reference to rows of cells (`null` for a blank cell). */
  onRange?: (ref: RangeRef) => unknown;
  /** Resolves a defined name to a {@link CellRef} or {@link RangeRef} (undefined: `#NAME?`). */
  onVariable?: (name: string, sheet?: string) => unknown;
}

/** The cell a formula is evaluated in. */
export type Position = { sheet: string; row: number; col: number };

const POSITION: Position = { row: 1, col: 1, sheet: 'Blad1' };

/**
 * Excel functions that fast-formula-parser does not know at all, so that they are refused as
 * "not supported here" rather than "unknown, check the spelling".
 */
const EXCEL_NAMES_NOT_IN_PARSER = [
  'XLOOKUP',
  'XMATCH',
  'LET',
  'LAMBDA',
  'FILTER',
  'SORT',
  'SORTBY',
  'UNIQUE',
  'SEQUENCE',
  'RANDARRAY',
  'TEXTSPLIT',
  'TEXTBEFORE',
  'TEXTAFTER',
  'VSTACK',
  'HSTACK',
  'TOCOL',
  'TOROW',
  'TAKE',
  'DROP',
  'CHOOSECOLS',
  'CHOOSEROWS',
  'EXPAND',
  'WRAPROWS',
  'WRAPCOLS',
  'MAP',
  'REDUCE',
  'SCAN',
  'BYROW',
  'BYCOL',
  'MAKEARRAY',
  'ISOMITTED',
  'VALUETOTEXT',
  'ARRAYTOTEXT',
  'COUNTBLANK',
  'VALUE',
  'NUMBERVALUE',
  'HYPERLINK',
  'GETPIVOTDATA',
  'CELL',
  'SUBTOTAL',
  'AGGREGATE',
  'VLOOKUP',
  'HLOOKUP',
  'LOOKUP',
  'OFFSET',
  'INDIRECT',
];

/** A function that refuses to compute (see {@link RefusedCall}). */
function refuser(name: string): (...args: unknown[]) => never {
  return () => {
    throw new RefusedCall('unsupportedFunction', name);
  };
}

/** Calls `fn` element by element over the array arguments (dynamic-array Excel's lifting). */
function liftCall(fn: (...args: ParserArg[]) => unknown, args: ParserArg[]): unknown {
  const grids = args.map((a) =>
    a && !a.omitted && Array.isArray(a.value)
      ? (a.value as unknown[]).map((r) => (Array.isArray(r) ? (r as unknown[]) : [r]))
      : undefined,
  );
  let rows = 1;
  let cols = 1;
  for (const g of grids) {
    if (!g) continue;
    rows = Math.max(rows, g.length);
    cols = Math.max(cols, g[0]?.length ?? 0);
  }
  checkCells(rows, cols);
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < cols; c++) {
      let outside = false;
      const cellArgs = args.map((a, i) => {
        const g = grids[i];
        if (!g) return a;
        const rr = g.length === 1 ? 0 : r;
        const cc = (g[0]?.length ?? 0) === 1 ? 0 : c;
        if (rr >= g.length || cc >= (g[rr]?.length ?? 0)) outside = true;
        const v = outside ? undefined : g[rr][cc];
        return { value: v === undefined ? null : v, isArray: false };
      });
      row.push(outside ? FormulaError.NA : fn(...cellArgs));
    }
    out.push(row);
  }
  return out;
}

/** Excel's order of two cells for `<`, `=`, …: numbers < text < TRUE/FALSE; text ignores case. */
function compareCells(a: unknown, b: unknown): number {
  const norm = (x: unknown, other: unknown): unknown => {
    if (x !== null && x !== undefined) return x;
    if (typeof other === 'string') return '';
    if (typeof other === 'boolean') return false;
    return 0;
  };
  const x = norm(a, b);
  const y = norm(b, a);
  const rank = (v: unknown): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const rx = rank(x);
  const ry = rank(y);
  if (rx !== ry) return rx < ry ? -1 : 1;
  if (rx === 0) return excelNumberOrder(x as number, y as number);
  if (rx === 1) {
    if (cellsEqual(x, y)) return 0;
    const lx = (x as string).toLowerCase();
    const ly = (y as string).toLowerCase();
    return lx < ly ? -1 : lx > ly ? 1 : 0;
  }
  return Number(x) - Number(y);
}

const COMPARISONS: Record<string, (order: number) => boolean> = {
  '=': (o) => o === 0,
  '<>': (o) => o !== 0,
  '<': (o) => o < 0,
  '<=': (o) => o <= 0,
  '>': (o) => o > 0,
  '>=': (o) => o >= 0,
};

/** A cell as `&` turns it into text (numbers to 15 significant digits, as Excel). */
function concatText(v: unknown): string {
  if (typeof v === 'number') return numberToText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  return '';
}

/**
 * Evaluates invariant Excel formulas (`Range.formulas` syntax) with the IND.* functions of a
 * registry. One instance can evaluate many formulas; it holds no state between them.
 */
export class FormulaEngine {
  private readonly parser: FormulaParser;
  private readonly registryNames: ReadonlySet<string>;
  /** True while the asynchronous pass runs (only for adapters that return a Promise). */
  private asyncPass = false;

  constructor(options: EngineOptions) {
    const custom: Record<string, AdapterFunction> = {};
    for (const [name, fn] of Object.entries(options.registry))
      custom[name.toUpperCase()] = bridge(fn, name.toUpperCase(), () => this.asyncPass);
    this.registryNames = new Set(Object.keys(custom));
    const own: Record<string, (...args: ParserArg[]) => unknown> = {};
    for (const [name, info] of Object.entries(SUPPORTED_BUILTINS))
      if (info.source === 'engine') own[name] = ENGINE_BUILTINS[name];
    this.parser = new FormulaParser({
      functions: { ...own, ...custom },
      onCell:
        options.onCell ??
        ((ref) => {
          throw new FormulaSyntaxError('reference', cellName(ref.row, ref.col));
        }),
      onRange:
        (options.onRange as ((ref: unknown) => unknown) | undefined) ??
        (() => {
          throw new FormulaSyntaxError('reference', 'range');
        }),
      onVariable:
        options.onVariable ??
        ((name) => {
          throw new FormulaSyntaxError('reference', name);
        }),
    });
    // The engine's own implementations take evaluated arguments like every other function.
    const p = this.parser;
    // (A `shapeOnly` one, such as ROWS, gets the reference itself, so that it reads no cells.)
    const evaluated = (n: string): boolean => n in own && !SUPPORTED_BUILTINS[n].shapeOnly;
    p.funsNeedContext = p.funsNeedContext.filter((n) => !evaluated(n));
    p.funsNeedContextAndNoDataRetrieve = p.funsNeedContextAndNoDataRetrieve.filter((n) => !evaluated(n));
    // Every function that is neither supported nor an IND.* function is refused: the parser's
    // stubs and Excel-incompatible versions must never produce a value.
    for (const name of Object.keys(p.functions)) {
      if (!this.registryNames.has(name) && !(name in SUPPORTED_BUILTINS)) p.functions[name] = refuser(name);
    }
    for (const name of EXCEL_NAMES_NOT_IN_PARSER) {
      if (!(name in p.functions)) p.functions[name] = refuser(name);
    }
    this.wrapBuiltins();
    this.patchArrayOperators();
    this.patchReferenceResult();
  }

  /**
   * A formula that is only a reference (`=B5`, `=IND_Name`) shows the referenced value, an error
   * included (the parser turned an error cell there into `#VALUE!`), and a formula whose value is
   * blank (`=INDEX(B1:B5,4)` at a blank cell) is blank (the parser failed on it). Only with a
   * workbook: the command line has no blank cells and refuses references.
   */
  private patchReferenceResult(): void {
    const p = this.parser as unknown as {
      async: boolean;
      checkFormulaResult: (result: unknown, allowReturnArray?: boolean) => unknown;
      retrieveRef: (ref: unknown) => unknown;
      callFunction: (name: string, args: unknown[]) => unknown;
      callFunctionAsync: (name: string, args: unknown[]) => Promise<unknown>;
      _callFunction: (name: string, args: unknown[]) => unknown;
    };
    // A function's blank result (INDEX or CHOOSE of a blank cell) stays blank, as a reference to
    // a blank cell; the parser made it #NULL!. As an argument it then reads as an empty one.
    const checked = (res: unknown): unknown => {
      if (typeof res === 'number') {
        if (Number.isNaN(res)) return FormulaError.VALUE;
        if (!Number.isFinite(res)) return FormulaError.NUM;
      }
      return res === undefined ? FormulaError.NULL : res;
    };
    p.callFunction = (name, args) =>
      p.async ? p.callFunctionAsync(name, args) : checked(p._callFunction(name, args));
    p.callFunctionAsync = async (name, args) => {
      const awaited: unknown[] = [];
      for (const a of args) awaited.push(await a);
      return checked(await p._callFunction(name, awaited));
    };
    const check = p.checkFormulaResult.bind(p);
    p.checkFormulaResult = (result, allowReturnArray) => {
      // A blank (INDEX of a blank cell); the parser's check failed on null.
      if (result === null || result === undefined) return null;
      if (
        allowReturnArray &&
        result !== null &&
        typeof result === 'object' &&
        (result as { ref?: unknown }).ref
      ) {
        const v = p.retrieveRef(result);
        if (v === null || v === undefined || v instanceof FormulaError) return v;
        return check(v, allowReturnArray);
      }
      return check(result, allowReturnArray);
    };
  }

  /** The custom-function names this engine knows (upper case). */
  get customFunctions(): ReadonlySet<string> {
    return this.registryNames;
  }

  /**
   * Wraps every supported built-in: Excel's argument count (Excel refuses the formula
   * otherwise), the omitted-argument sentinel (e.g. `IF(,1,2)`) as the parser's own empty
   * argument, the first error inside an array argument returned (as Excel's SUM, ROUND, …
   * do), and element-by-element evaluation over arrays for functions of scalars.
   */
  private wrapBuiltins(): void {
    const p = this.parser;
    for (const [name, info] of Object.entries(SUPPORTED_BUILTINS)) {
      const orig = p.functions[name];
      const raw = p.funsNeedContextAndNoDataRetrieve.includes(name);
      const first = p.funsNeedContext.includes(name) ? 1 : 0;
      const nullValue = p.funsNullAs0.includes(name) ? 0 : '';
      const propagates = !ERROR_TOLERANT.has(name) && !info.lifted;
      p.functions[name] = (...args: unknown[]) => {
        const given = args.length - first;
        if (given < info.minArgs || given > info.maxArgs)
          throw new RefusedCall('argumentCount', name, { min: info.minArgs, max: info.maxArgs, given });
        for (let i = first; i < args.length; i++) {
          const a = args[i];
          if (raw) {
            // These receive unevaluated arguments and reject a bare null; Excel reads an empty
            // argument there as 0.
            if (a === OMITTED_SENTINEL || a === null) args[i] = { value: 0, isArray: false, omitted: true };
          } else if (a && typeof a === 'object' && (a as ParserArg).value === OMITTED_SENTINEL) {
            args[i] = { value: nullValue, isArray: false, omitted: true };
          } else if (propagates && a && typeof a === 'object') {
            // Excel's SUM, AVERAGE, … return the first error inside an array argument;
            // the parser's versions skip non-numbers, which would hide an IND error cell.
            // A single cell holding an error (`SUM(A1)`, A1 = #N/A) propagates it too.
            const v = (a as ParserArg).value;
            const err = v instanceof FormulaError ? v : firstErrorIn(v);
            if (err) return err;
          }
        }
        if (info.lifted && first === 0 && args.some((a) => Array.isArray((a as ParserArg | null)?.value)))
          return liftCall(orig as (...xs: ParserArg[]) => unknown, args as ParserArg[]);
        return orig(...args);
      };
    }
  }

  /** Replaces the parser's implicit intersection of arrays in operators by element-wise evaluation. */
  private patchArrayOperators(): void {
    const utils = this.parser.utils as {
      applyPrefix: (prefixes: string[], value: unknown) => unknown;
      extractRefValue: (value: unknown) => InfixOperand;
      _applyInfix: (a: InfixOperand, infix: string, b: InfixOperand) => unknown;
      _applyPrefix: (prefixes: string[], val: unknown, isArray: boolean) => unknown;
      _applyPostfix: (val: unknown, isArray: boolean, postfix: string) => unknown;
    };
    // A range reference (from a workbook, see EngineOptions.onRange) reaches the operators unmarked as an
    // array; mark it, so that `(A1:A3-B1:B3)^2` is element-wise as in dynamic-array Excel.
    const extract = utils.extractRefValue.bind(utils);
    utils.extractRefValue = (value) => {
      // A blank function result (see patchReferenceResult), e.g. `INDEX(B1:B5,4)=""`.
      if (value === null || value === undefined) return { val: null, isArray: false };
      const r = extract(value);
      return Array.isArray(r.val) && !r.isArray ? { val: r.val, isArray: true } : r;
    };
    const infix = utils._applyInfix.bind(utils);
    const postfix = utils._applyPostfix.bind(utils);
    // In async mode the parser's applyPrefix always returns a Promise, and inside an array
    // constant (`{-1,2}`) that Promise is stored as the cell instead of -1. Negate plain values
    // at once; only a pending value (a function result) needs the asynchronous path.
    const applyPrefixAsync = utils.applyPrefix.bind(utils);
    utils.applyPrefix = (prefixes, value) => {
      if (
        value !== null &&
        typeof value === 'object' &&
        typeof (value as Promise<unknown>).then === 'function'
      ) {
        return applyPrefixAsync(prefixes, value);
      }
      const { val, isArray } = utils.extractRefValue(value);
      return utils._applyPrefix(prefixes, val, isArray);
    };
    // Comparisons and `&` as Excel computes them: numbers equal to 15 significant digits
    // (`0.1+0.2=0.3` is TRUE), text without regard to case, numbers < text < booleans, and a
    // number joined as Excel shows it (`"a"&(0.1+0.2)` is "a0.3").
    const scalarInfix = (a: InfixOperand, op: string, b: InfixOperand): unknown => {
      if (a.val instanceof FormulaError) return a.val;
      if (b.val instanceof FormulaError) return b.val;
      const cmp = COMPARISONS[op];
      if (cmp) return cmp(compareCells(a.val, b.val));
      if (op === '&') {
        // Excel's text values hold at most 32,767 characters; a longer join is #VALUE!.
        const joined = concatText(a.val) + concatText(b.val);
        return joined.length > MAX_TEXT_LENGTH ? FormulaError.VALUE : joined;
      }
      if (op === '^') return power(num(a.val), num(b.val));
      return infix(a, op, b);
    };
    utils._applyInfix = (a, op, b) => {
      if (a.val instanceof FormulaError) return a.val;
      if (b.val instanceof FormulaError) return b.val;
      if (!a.isArray && !b.isArray) return scalarInfix(a, op, b);
      return broadcastInfix(scalarInfix, a, op, b);
    };
    // Excel's unary minus makes a number of TRUE or "1" (`--TRUE` is 1; the parser kept TRUE
    // when the minus signs cancelled); a unary plus alone changes nothing (`+"a"` is "a").
    const negate = (c: unknown): unknown => {
      const n = num(c);
      return n instanceof FormulaError ? n : -n;
    };
    const applyScalarPrefix = (prefixes: string[], c: unknown): unknown => {
      const minus = prefixes.filter((x) => x === '-').length;
      if (minus === 0) return c;
      const once = negate(c);
      return minus % 2 === 1 ? once : negate(once);
    };
    utils._applyPrefix = (prefixes, val, isArray) =>
      isArray
        ? (val as unknown[][]).map((row) => row.map((c) => applyScalarPrefix(prefixes, c)))
        : applyScalarPrefix(prefixes, val);
    // A blank is 0 for `%` (`=A1%` with A1 blank), as in Excel; the parser failed on it.
    utils._applyPostfix = (val, isArray, op) =>
      isArray
        ? (val as unknown[][]).map((row) => row.map((c) => postfix(c ?? 0, false, op)))
        : postfix(val ?? 0, false, op);
  }

  /**
   * Evaluates one formula.
   *
   * @param formula - invariant syntax, with or without the leading `=`, e.g.
   *   `=IND.FTE(83000,4,36,0.57,60)`.
   * @param position - the cell the formula is in (for references without a sheet); the command
   *   line's default is A1 of `Blad1`.
   * @returns the value: a cell (number, text, boolean, {@link ExcelErrorValue}) or rows of cells.
   * @throws {@link FormulaSyntaxError} when the formula cannot be parsed, names an unknown
   *   function, or refers to cells (the command line has no workbook).
   */
  async evaluate(formula: string, position: Position = POSITION): Promise<FormulaValue> {
    const { norm, toTyped } = this.prepare(formula);
    let res: unknown;
    try {
      this.asyncPass = false;
      res = this.parser.parse(norm.text, position, true);
    } catch (e) {
      if (!isNeedsAsync(e)) throw toTyped(this.classify(e, norm.text));
      try {
        this.asyncPass = true;
        res = await this.parser.parseAsync(norm.text, position, true);
      } catch (e2) {
        throw toTyped(this.classify(e2, norm.text));
      } finally {
        this.asyncPass = false;
      }
    }
    return toFormulaValue(res);
  }

  /**
   * {@link evaluate} without a Promise, for the workbook evaluator (`src/engine/workbook.ts`,
   * which evaluates cells from inside the reference hooks): the same checks, limits and messages.
   *
   * @throws {@link FormulaSyntaxError} as `evaluate`; an `Error` when an adapter returns a
   *   Promise (every adapter of the function registry is synchronous).
   */
  evaluateSync(formula: string, position: Position = POSITION): FormulaValue {
    const { norm, toTyped } = this.prepare(formula);
    try {
      this.asyncPass = false;
      return toFormulaValue(this.parser.parse(norm.text, position, true));
    } catch (e) {
      if (isNeedsAsync(e)) throw new Error('evaluateSync: an adapter returned a Promise; use evaluate');
      throw toTyped(this.classify(e, norm.text));
    }
  }

  /** The checks before parsing: empty, too long, too deep, ragged arrays; and the normalised text. */
  private prepare(formula: string): {
    norm: ReturnType<typeof normaliseWithMap>;
    toTyped: (err: Error) => Error;
  } {
    // Positions are reported in the formula as typed, so remember what the trimming removed.
    const lead = /^\s*=?\s*/.exec(formula)?.[0].length ?? 0;
    const text = formula.slice(lead).trimEnd();
    if (text === '') throw new FormulaSyntaxError('empty', '');
    if (text.length > LIMITS.formulaLength)
      throw new FormulaSyntaxError('tooLong', '', undefined, {
        given: text.length,
        limit: LIMITS.formulaLength,
      });
    const norm = normaliseWithMap(text);
    const toTyped = (err: Error): Error => {
      if (err instanceof FormulaSyntaxError && err.position !== undefined) {
        // The parser counts 1-based in the normalised text; map back to the typed formula.
        const k = err.position - 1;
        const src = k < norm.sourceIndex.length ? norm.sourceIndex[k] : text.length;
        return new FormulaSyntaxError(err.reason, err.detail, lead + src + 1, err.limits);
      }
      return err;
    };
    const shapeProblem = checkShape(norm.text);
    if (shapeProblem) throw toTyped(shapeProblem);
    return { norm, toTyped };
  }

  /** What the parser threw, as a {@link FormulaSyntaxError} (or the unexpected error itself). */
  private classify(e: unknown, text: string): Error {
    // A syntax error at the first token makes the parser's own formatter throw a RangeError
    // (`Array(NaN)`); the chevrotain error it was formatting is still there.
    const chevrotain = (this.parser as unknown as { parser?: { errors?: unknown[] } }).parser?.errors?.[0];
    if (!(e instanceof FormulaError) && chevrotain instanceof Error) {
      return classifyParserFailure(new FormulaError('#ERROR!', chevrotain.message, chevrotain), text);
    }
    return classifyParserFailure(e, text);
  }
}

/** The command line's limits, each with its own message (`tooLong`, `tooDeep`, `resultTooLarge`). */
export const LIMITS = {
  /** Characters of a formula (Excel's cell limit is 8,192; long array constants need more). */
  formulaLength: 1_000_000,
  /** Levels of parentheses and braces (Excel allows 64 levels of nested functions). */
  depth: 64,
  /** Cells of any array the engine builds (a sheet has 1,048,576 rows). */
  cells: 1_048_576,
} as const;

/** text[from, to) for a message, shortened to 40 characters. */
function excerpt(text: string, from: number, to: number): string {
  return to - from <= 40 ? text.slice(from, to) : `${text.slice(from, from + 37)}...`;
}

/** Refuses an array of more than {@link LIMITS.cells} cells before it is built. */
function checkCells(rows: number, cols: number): void {
  if (rows * cols > LIMITS.cells) throw new RefusedCall('resultTooLarge', '', { limit: LIMITS.cells });
}

function isNeedsAsync(e: unknown): boolean {
  if (e instanceof NeedsAsync) return true;
  const d = e instanceof FormulaError ? e.details : undefined;
  return d instanceof NeedsAsync || (d as { details?: unknown } | undefined)?.details instanceof NeedsAsync;
}

/**
 * One linear pass over the formula (outside text literals and quoted sheet names): the nesting
 * depth, and the rows of every array constant, which Excel requires to be of equal length
 * (`{1,2;3}` is refused).
 */
function checkShape(text: string): FormulaSyntaxError | undefined {
  let depth = 0;
  let inArray = false;
  let arrayStart = 0;
  let columns = 1;
  let rowColumns = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === ch) {
          if (text[j + 1] !== ch) break;
          j++; // a doubled quote is an escaped quote
        }
        j++;
      }
      i = j;
      continue;
    }
    if (ch === '(' || ch === '{') {
      depth++;
      if (depth > LIMITS.depth) return new FormulaSyntaxError('tooDeep', '', i + 1, { limit: LIMITS.depth });
      if (ch === '{') {
        inArray = true;
        arrayStart = i;
        columns = 1;
        rowColumns = -1;
      }
    } else if (ch === ')' || ch === '}') {
      depth = Math.max(0, depth - 1);
      if (ch === '}' && inArray) {
        inArray = false;
        if (rowColumns !== -1 && columns !== rowColumns)
          return new FormulaSyntaxError('raggedArray', excerpt(text, arrayStart, i + 1), arrayStart + 1);
      }
    } else if (inArray && ch === ',') {
      columns++;
    } else if (inArray && ch === ';') {
      if (rowColumns === -1) rowColumns = columns;
      else if (columns !== rowColumns)
        return new FormulaSyntaxError('raggedArray', excerpt(text, arrayStart, i + 1), arrayStart + 1);
      columns = 1;
    }
  }
  return undefined;
}

/** Turns what the parser threw into a {@link FormulaSyntaxError}. */
function classifyParserFailure(e: unknown, text: string): Error {
  if (e instanceof FormulaSyntaxError) return e;
  if (e instanceof RefusedCall) return refusedToSyntax(e);
  if (e instanceof RangeError && /call stack/i.test(e.message))
    return new FormulaSyntaxError('tooDeep', '', undefined, { limit: LIMITS.depth });
  if (e instanceof FormulaError) {
    const details = e.details as { errorLocation?: { column: number }; name?: string } | Error | undefined;
    // The parser wraps what a hook threw; unwrap our own reference error.
    if (details instanceof FormulaSyntaxError) return details;
    if (details instanceof RefusedCall) return refusedToSyntax(details);
    if (details instanceof RangeError && /call stack/i.test(details.message))
      return new FormulaSyntaxError('tooDeep', '', undefined, { limit: LIMITS.depth });
    const inner = (details as { details?: unknown } | undefined)?.details;
    if (inner instanceof FormulaSyntaxError) return inner;
    if (inner instanceof RefusedCall) return refusedToSyntax(inner);
    const m = /Function (.+) is not implemented/.exec(e.message ?? '');
    if (m) return new FormulaSyntaxError('unknownFunction', m[1]);
    const column = offendingColumn(details);
    // The parser's message repeats the formula and a caret line; keep only the explanation.
    const lines = (e.message ?? '').split('\n').filter((l) => l.trim() !== '');
    const explanation = lines.filter(
      (l) => l.trim() !== text && !/^\s*\^\s*$/.test(l) && !/^Error at position/.test(l),
    );
    return new FormulaSyntaxError('syntax', explanation.join(' ').trim() || e.message, column);
  }
  return e instanceof Error ? e : new Error(String(e));
}

/** A refused call as the syntax error the command line reports. */
function refusedToSyntax(e: RefusedCall): FormulaSyntaxError {
  return new FormulaSyntaxError(e.reason, e.functionName, undefined, e.detail);
}

/** `A1`-style name of a cell, for messages (never the parser's internal `R1C1`). */
export function cellName(row: number, col: number): string {
  let c = col;
  let letters = '';
  while (c > 0) {
    const m = (c - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    c = Math.floor((c - 1) / 26);
  }
  // A whole column (`=H`) or row has no row or column number: show what there is.
  return `${letters}${Number.isFinite(row) ? row : ''}` || '?';
}

interface ChevrotainToken {
  startOffset?: number;
  endOffset?: number;
}

/**
 * The 1-based column of the offending token of a chevrotain parse error. The parser's own
 * `errorLocation` points just after the token BEFORE the problem (`SUM(83000;4)` → column 6, the
 * `3` of 83000), so compute it from the tokens: the offending token's start, or just past the
 * previous token when the formula ended early.
 */
function offendingColumn(details: unknown): number | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const d = details as {
    token?: ChevrotainToken;
    previousToken?: ChevrotainToken;
    errorLocation?: { column?: number };
  };
  const start = d.token?.startOffset;
  if (typeof start === 'number' && Number.isFinite(start)) return start + 1;
  const prevEnd = d.previousToken?.endOffset;
  if (typeof prevEnd === 'number' && Number.isFinite(prevEnd)) return prevEnd + 2;
  return d.errorLocation?.column;
}

/** Normalises the parser's final value into a {@link FormulaValue}. */
function toFormulaValue(res: unknown): FormulaValue {
  if (Array.isArray(res)) {
    const rows = (res as unknown[][]).map((row) => (Array.isArray(row) ? row : [row]).map(toCell));
    // A 1×1 array shows as its single cell in Excel.
    if (rows.length === 1 && rows[0].length === 1) return rows[0][0];
    return rows;
  }
  return toCell(res);
}

function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  const err = toExcelError(v);
  if (err) return err;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return new ExcelErrorValue('#VALUE!', '');
    if (!Number.isFinite(v)) return new ExcelErrorValue('#NUM!', '');
    return v + 0; // -0 shows as 0 in Excel
  }
  // Excel's cells hold at most 32,767 characters of text.
  if (typeof v === 'string') return v.length > MAX_TEXT_LENGTH ? new ExcelErrorValue('#VALUE!', '') : v;
  if (typeof v === 'boolean') return v;
  return new ExcelErrorValue('#VALUE!', '');
}
