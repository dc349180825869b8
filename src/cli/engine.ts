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
  readonly reason: 'syntax' | 'reference' | 'unknownFunction' | 'empty';
  /** 1-based column in the formula as typed, when known. */
  readonly position?: number;
  /** The detail from the parser (English), or the offending name. */
  readonly detail: string;
  /** For `syntax`: what the parser expected and found, when it said so. */
  readonly problem: SyntaxProblem;

  constructor(reason: FormulaSyntaxError['reason'], detail: string, position?: number) {
    super(`${reason}: ${detail}`);
    this.name = 'FormulaSyntaxError';
    this.reason = reason;
    this.detail = detail;
    this.position = position;
    this.problem = reason === 'syntax' ? describeParserMessage(detail) : { kind: 'other' };
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

/** Wraps an adapter so that the parser can call it like a built-in. */
function bridge(fn: AdapterFunction): (...args: Array<ParserArg | null>) => unknown {
  return (...args) => {
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
      return (res as Promise<unknown>).then(fromAdapterResult, (e: unknown) => {
        const err = toExcelError(e);
        if (err) return toParserError(err);
        throw e;
      });
    }
    return fromAdapterResult(res);
  };
}

/** Numbers of the arguments of MIN/MAX, Excel-style: literals coerced, text/booleans in arrays ignored. */
function collectNumbers(params: ParserArg[]): number[] {
  const nums: number[] = [];
  for (const p of params) {
    if (p.omitted || p.value === OMITTED_SENTINEL) {
      nums.push(0);
      continue;
    }
    const v = p.value;
    if (v instanceof FormulaError) throw v;
    if (Array.isArray(v)) {
      for (const row of v as unknown[][]) {
        for (const cell of row) {
          if (cell instanceof FormulaError) throw cell;
          if (typeof cell === 'number') nums.push(cell);
        }
      }
    } else if (typeof v === 'number') {
      nums.push(v);
    } else if (typeof v === 'boolean') {
      nums.push(v ? 1 : 0);
    } else if (typeof v === 'string') {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) throw FormulaError.VALUE;
      nums.push(n);
    } else if (v !== null && v !== undefined) {
      throw FormulaError.VALUE;
    }
  }
  return nums;
}

/** Built-ins Excel has and fast-formula-parser 1.0.19 lacks. */
const EXTRA_BUILTINS: Record<string, (...args: ParserArg[]) => unknown> = {
  MIN: (...params) => {
    const nums = collectNumbers(params);
    return nums.length === 0 ? 0 : nums.reduce((a, b) => (b < a ? b : a));
  },
  MAX: (...params) => {
    const nums = collectNumbers(params);
    return nums.length === 0 ? 0 : nums.reduce((a, b) => (b > a ? b : a));
  },
};

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
 * receive arrays with errors unchanged. Every other built-in returns the first error in an array
 * argument, as Excel does.
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
  'AVERAGEIF',
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

/**
 * A workbook around the formulas, for the workbook evaluator (`src/engine/workbook.ts`): how
 * cells, ranges and defined names read, and built-ins that need it (reference functions). The
 * command line has none, so there a reference is refused.
 */
export interface WorkbookHooks {
  onCell: (ref: { sheet?: string; row: number; col: number }) => unknown;
  onRange: (ref: {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }) => unknown;
  onVariable: (name: string, sheet?: string) => unknown;
  functions?: Record<string, (...args: any[]) => unknown>;
}

/** Only the three look-ups of {@link WorkbookHooks}, for the parser's configuration. */
function workbookHooks(w: WorkbookHooks | undefined) {
  return w && { onCell: w.onCell, onRange: w.onRange as (ref: unknown) => unknown, onVariable: w.onVariable };
}

/** Options of {@link FormulaEngine}. */
export interface EngineOptions {
  /** The IND.* functions (the adapters Excel calls). */
  registry: FunctionRegistry;
  /** Cells, ranges and names (see {@link WorkbookHooks}); omitted on the command line. */
  workbook?: WorkbookHooks;
}

const POSITION = { row: 1, col: 1, sheet: 'Blad1' };

/**
 * Evaluates invariant Excel formulas (`Range.formulas` syntax) with the IND.* functions of a
 * registry. One instance can evaluate many formulas; it holds no state between them.
 */
export class FormulaEngine {
  private readonly parser: FormulaParser;
  private readonly registryNames: ReadonlySet<string>;

  constructor(options: EngineOptions) {
    const custom: Record<string, AdapterFunction> = {};
    for (const [name, fn] of Object.entries(options.registry)) custom[name.toUpperCase()] = bridge(fn);
    this.registryNames = new Set(Object.keys(custom));
    this.parser = new FormulaParser({
      functions: { ...EXTRA_BUILTINS, ...options.workbook?.functions, ...custom },
      ...(workbookHooks(options.workbook) ?? {
        onCell: (ref) => {
          throw new FormulaSyntaxError('reference', `R${ref.row}C${ref.col}`);
        },
        onRange: () => {
          throw new FormulaSyntaxError('reference', 'range');
        },
        onVariable: (name) => {
          throw new FormulaSyntaxError('reference', name);
        },
      }),
    });
    this.patchOmittedArguments();
    this.patchArrayOperators();
  }

  /** The custom-function names this engine knows (upper case). */
  get customFunctions(): ReadonlySet<string> {
    return this.registryNames;
  }

  /**
   * Built-ins receive the omitted-argument sentinel too (e.g. `IF(,1,2)`); give them what the
   * parser itself passes for an empty argument, so their own defaults apply.
   */
  private patchOmittedArguments(): void {
    const p = this.parser;
    for (const name of Object.keys(p.functions)) {
      if (this.registryNames.has(name)) continue; // the bridge handles the sentinel itself
      const orig = p.functions[name];
      const raw = p.funsNeedContextAndNoDataRetrieve.includes(name);
      const first = p.funsNeedContext.includes(name) ? 1 : 0;
      const nullValue = p.funsNullAs0.includes(name) ? 0 : '';
      const propagates = !ERROR_TOLERANT.has(name);
      p.functions[name] = (...args: unknown[]) => {
        for (let i = first; i < args.length; i++) {
          const a = args[i];
          if (raw) {
            // These receive unevaluated arguments and reject a bare null (`IF(1,,2)` fails in
            // the parser); Excel reads an empty argument there as 0.
            if (a === OMITTED_SENTINEL || a === null) args[i] = { value: 0, isArray: false, omitted: true };
          } else if (a && typeof a === 'object' && (a as ParserArg).value === OMITTED_SENTINEL) {
            args[i] = { value: nullValue, isArray: false, omitted: true };
          } else if (propagates && a && typeof a === 'object') {
            // Excel's SUM, AVERAGE, ROUND, … return the first error inside an array argument;
            // the parser's versions skip non-numbers, which would hide an IND error cell.
            // A single cell holding an error (`SUM(A1)`, A1 = #N/A) propagates it too.
            const v = (a as ParserArg).value;
            const err = v instanceof FormulaError ? v : firstErrorIn(v);
            if (err) return err;
          }
        }
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
    // A range reference (from a workbook, see WorkbookHooks) reaches the operators unmarked as an
    // array; mark it, so that `(A1:A3-B1:B3)^2` is element-wise as in dynamic-array Excel.
    const extract = utils.extractRefValue.bind(utils);
    utils.extractRefValue = (value) => {
      const r = extract(value);
      return Array.isArray(r.val) && !r.isArray ? { val: r.val, isArray: true } : r;
    };
    const infix = utils._applyInfix.bind(utils);
    const prefix = utils._applyPrefix.bind(utils);
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
    utils._applyInfix = (a, op, b) => {
      if (a.val instanceof FormulaError) return a.val;
      if (b.val instanceof FormulaError) return b.val;
      if (!a.isArray && !b.isArray) return infix(a, op, b);
      return broadcastInfix(infix, a, op, b);
    };
    utils._applyPrefix = (prefixes, val, isArray) =>
      isArray
        ? (val as unknown[][]).map((row) => row.map((c) => prefix(prefixes, c, false)))
        : prefix(prefixes, val, false);
    utils._applyPostfix = (val, isArray, op) =>
      isArray
        ? (val as unknown[][]).map((row) => row.map((c) => postfix(c, false, op)))
        : postfix(val, false, op);
  }

  /**
   * Evaluates one formula.
   *
   * @param formula - invariant syntax, with or without the leading `=`, e.g.
   *   `=IND.FTE(83000,4,36,0.57,60)`.
   * @returns the value: a cell (number, text, boolean, {@link ExcelErrorValue}) or rows of cells.
   * @throws {@link FormulaSyntaxError} when the formula cannot be parsed, names an unknown
   *   function, or refers to cells (the command line has no workbook).
   */
  async evaluate(
    formula: string,
    position: { sheet: string; row: number; col: number } = POSITION,
  ): Promise<FormulaValue> {
    // Positions are reported in the formula as typed, so remember what the trimming removed.
    const lead = /^\s*=?\s*/.exec(formula)?.[0].length ?? 0;
    const text = formula.slice(lead).trimEnd();
    if (text === '') throw new FormulaSyntaxError('empty', '');
    const norm = normaliseWithMap(text);
    let res: unknown;
    try {
      res = await this.parser.parseAsync(norm.text, position, true);
    } catch (e) {
      const err = classifyParserFailure(e, norm.text);
      if (err instanceof FormulaSyntaxError && err.position !== undefined) {
        // The parser counts 1-based in the normalised text; map back to the typed formula.
        const k = err.position - 1;
        const src = k < norm.sourceIndex.length ? norm.sourceIndex[k] : text.length;
        throw new FormulaSyntaxError(err.reason, err.detail, lead + src + 1);
      }
      throw err;
    }
    return toFormulaValue(res);
  }

  /**
   * {@link evaluate} without a Promise, for the workbook evaluator (`src/engine/workbook.ts`):
   * every adapter of the registry is synchronous. Parse failures are thrown as by `evaluate`
   * (positions in the normalised text).
   */
  evaluateSync(
    formula: string,
    position: { sheet: string; row: number; col: number } = POSITION,
  ): FormulaValue {
    const text = formula.replace(/^\s*=?\s*/, '').trimEnd();
    if (text === '') throw new FormulaSyntaxError('empty', '');
    const norm = normaliseWithMap(text);
    try {
      return toFormulaValue(this.parser.parse(norm.text, position, true));
    } catch (e) {
      throw classifyParserFailure(e, norm.text);
    }
  }
}

/** Turns what the parser threw into a {@link FormulaSyntaxError}. */
function classifyParserFailure(e: unknown, text: string): Error {
  if (e instanceof FormulaSyntaxError) return e;
  if (e instanceof FormulaError) {
    const details = e.details as { errorLocation?: { column: number }; name?: string } | Error | undefined;
    // The parser wraps what a hook threw; unwrap our own reference error.
    if (details instanceof FormulaSyntaxError) return details;
    const inner = (details as { details?: unknown } | undefined)?.details;
    if (inner instanceof FormulaSyntaxError) return inner;
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
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return new ExcelErrorValue('#VALUE!', '');
}
