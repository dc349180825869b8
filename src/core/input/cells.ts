/**
 * Coercion of raw CELL input, shared by the IND.* adapters and the task pane's table readers
 * (part of the one input vocabulary, `src/core/input`). Raw input is what Excel or a workbook
 * table hands over: numbers, text, booleans, blanks (`null`, `undefined` or `""`) and Excel error
 * values (objects with a `code` such as `"#DIV/0!"`, e.g. `CustomFunctions.Error`).
 *
 * Decisions, each with its reason:
 * - Text in a numeric cell is rejected (`notANumber`), even "12,5": SUM() elsewhere in the
 *   workbook skips text, so converting it here would make our totals silently disagree.
 * - A blank cell's meaning depends on the argument: a blank volume is 0 (`blank: 'zero'`), a
 *   blank norm is "unknown" (`blank: 'nan'`, checked against its volume by the caller), and a
 *   blank required scalar is an error (`blank: 'error'`).
 * - The first Excel error value in a range (row order) is reported (`excelErrorValue`) so that the
 *   adapter can return that same error, as Excel's own functions propagate errors.
 * - The happy path allocates nothing per cell, so a full column of 1,048,576 rows stays fast.
 */
import { CalcError } from '../errors';
import { isBlank } from './blank';
import { checkSign, type SignPolicy } from './checks';

/** What to do with a blank cell. */
export type BlankPolicy = 'zero' | 'nan' | 'error';

/** Options of the numeric coercions. */
export interface NumberOptions {
  /** Blank cells: 0, NaN (the caller decides) or an error. Default 'zero' for ranges, 'error' for scalars. */
  blank?: BlankPolicy;
  /**
   * Sign check. Default 'any': adapters only coerce, and the core function checks the sign (with
   * the row). A reader that is itself the check (a table parser) passes 'nonNegative'.
   */
  sign?: SignPolicy;
  /**
   * Write into a reused buffer instead of a new Float64Array: the result is then valid only until
   * the next call with `reuse`, so use it at once and never keep it. For the hot path of a
   * recalculation over a full column, where a fresh 8 MB array per call costs more than the loop.
   */
  reuse?: boolean;
}

/** The buffer behind `reuse: true`, grown to the largest range seen. */
let reusable = new Float64Array(0);

/** A rectangular block of numbers in row-major order. */
export interface NumberGrid {
  rows: number;
  columns: number;
  data: Float64Array;
}

/** Rows × columns of a raw argument (a scalar counts as 1 × 1). */
export interface Shape {
  rows: number;
  columns: number;
}

/**
 * The Excel error code (`"#DIV/0!"`, `"#N/A"`, …) carried by `v`, or `undefined`.
 * Excel passes error values as `CustomFunctions.Error` objects; other hosts use `{ code }`.
 */
export function excelErrorCodeOf(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const o = v as { code?: unknown; type?: unknown; basicValue?: unknown };
  if (typeof o.code === 'string' && o.code.startsWith('#')) return o.code;
  // A data-type error value: { type: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' }.
  if (o.type === 'Error' && typeof o.basicValue === 'string' && o.basicValue.startsWith('#'))
    return o.basicValue;
  return undefined;
}

/**
 * The plain value of an Excel data-type cell value. The generated metadata sets
 * `allowCustomDataForDataTypeAny`, so an `any` argument can receive data types: a formatted
 * number such as 74,73% arrives as `{ type: 'Double', basicValue: 0.7473, numberFormat: '0.00%' }`
 * and must count as the number. Errors stay objects (see {@link excelErrorCodeOf}); `Empty` is
 * blank; entities and other types give their `basicValue` (usually their display text).
 * Anything else is returned unchanged.
 */
export function unwrapCellValue(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as { type?: unknown; basicValue?: unknown };
  if (typeof o.type !== 'string' || o.type === 'Error') return v;
  if (o.type === 'Empty') return null;
  return 'basicValue' in o ? o.basicValue : v;
}

/** The shape of a raw argument: a 2-D array, a 1-D array (one column) or a scalar (1 × 1). */
export function shapeOf(raw: unknown): Shape {
  if (!Array.isArray(raw)) return { rows: 1, columns: 1 };
  if (raw.length === 0) return { rows: 0, columns: 0 };
  if (!Array.isArray(raw[0])) return { rows: raw.length, columns: 1 };
  return { rows: raw.length, columns: (raw[0] as unknown[]).length };
}

/** Reads cell (r, c) of a raw argument of any of the shapes `shapeOf` accepts. */
function cellAt(raw: unknown, r: number, c: number): unknown {
  if (!Array.isArray(raw)) return raw;
  const row = raw[r];
  return Array.isArray(row) ? row[c] : row;
}

/** Human text for a received value in a message. */
function describe(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  return Object.prototype.toString.call(v);
}

/**
 * The slow path for one cell that is not a plain allowed number: throws the precise error, or
 * returns the value a blank stands for. Kept out of the loop so the loop stays allocation-free.
 */
function coerceOddCell(
  v: unknown,
  argument: string,
  row: number | undefined,
  column: number | undefined,
  opts: NumberOptions,
): number {
  v = unwrapCellValue(v);
  if (isBlank(v)) {
    const blank = opts.blank ?? 'zero';
    if (blank === 'zero') return 0;
    if (blank === 'nan') return NaN;
    throw new CalcError('blankValue', { argument, row, column });
  }
  const err = excelErrorCodeOf(v);
  if (err !== undefined) throw new CalcError('excelErrorValue', { argument, row, column, received: err });
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new CalcError('notFinite', { argument, row, column, received: String(v) });
    checkSign(v, argument, opts.sign ?? 'any', row, column);
    return v;
  }
  throw new CalcError('notANumber', { argument, row, column, received: describe(v) });
}

/**
 * Converts a raw range to numbers, keeping its shape.
 *
 * @param raw - The argument as received (`any[][]`, a 1-D array or a scalar).
 * @param argument - The argument name used in messages, e.g. `"volumes"`.
 * @param opts - Blank and sign policy (defaults: blank → 0, any sign: the core checks).
 * @returns The numbers in row-major order. Blanks are 0 or NaN according to `opts.blank`.
 * @throws CalcError `emptyRange`, `notANumber`, `negativeValue`, `notPositive`, `blankValue`,
 *   `notFinite`, `excelErrorValue` (the first error value in row order).
 */
export function toNumberGrid(raw: unknown, argument: string, opts: NumberOptions = {}): NumberGrid {
  const { rows, columns } = shapeOf(raw);
  if (rows === 0 || columns === 0) throw new CalcError('emptyRange', { argument });
  let data: Float64Array;
  if (opts.reuse) {
    if (reusable.length < rows * columns) reusable = new Float64Array(rows * columns);
    data = reusable.subarray(0, rows * columns);
  } else data = new Float64Array(rows * columns);
  const sign = opts.sign ?? 'any';
  const nested = Array.isArray(raw) && Array.isArray(raw[0]);
  let i = 0;
  for (let r = 0; r < rows; r++) {
    const rowArr: unknown = nested ? (raw as unknown[][])[r] : undefined;
    for (let c = 0; c < columns; c++, i++) {
      const v = nested ? (rowArr as unknown[])[c] : cellAt(raw, r, c);
      // Fast path: a finite number of the allowed sign (NaN fails every comparison below).
      if (
        typeof v === 'number' &&
        v - v === 0 &&
        (sign === 'any' || v > 0 || (v === 0 && sign === 'nonNegative'))
      ) {
        data[i] = v;
      } else {
        data[i] = coerceOddCell(v, argument, r + 1, c + 1, opts);
      }
    }
  }
  return { rows, columns, data };
}

/**
 * Converts a raw range of one column (or one row) to numbers.
 *
 * @param raw - The argument as received.
 * @param argument - The argument name used in messages.
 * @param opts - Blank and sign policy (defaults: blank → 0, any sign: the core checks).
 * @returns One number per cell, top to bottom (or left to right).
 * @throws CalcError `notAColumn` for a block wider and taller than one cell, plus those of
 *   {@link toNumberGrid}.
 */
export function toNumberColumn(raw: unknown, argument: string, opts: NumberOptions = {}): Float64Array {
  const shape = shapeOf(raw);
  if (shape.rows > 1 && shape.columns > 1) {
    throw new CalcError('notAColumn', { argument, rows: shape.rows, columns: shape.columns });
  }
  return toNumberGrid(raw, argument, opts).data;
}

/**
 * Converts a raw range of one column (or row) to trimmed text, e.g. product codes or kinds of
 * hours. Numbers become their text (product code 101 matches "101"); blanks become `""`.
 *
 * @throws CalcError `notAColumn`, `emptyRange`, `excelErrorValue`.
 */
export function toTextColumn(raw: unknown, argument: string): string[] {
  const { rows, columns } = shapeOf(raw);
  if (rows > 1 && columns > 1) throw new CalcError('notAColumn', { argument, rows, columns });
  if (rows === 0 || columns === 0) throw new CalcError('emptyRange', { argument });
  const n = rows * columns;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const r = columns === 1 ? i : 0;
    const c = columns === 1 ? 0 : i;
    const v = unwrapCellValue(cellAt(raw, r, c));
    const err = excelErrorCodeOf(v);
    if (err !== undefined)
      throw new CalcError('excelErrorValue', { argument, row: r + 1, column: c + 1, received: err });
    out[i] = isBlank(v) ? '' : String(v).trim();
  }
  return out;
}

/** Unwraps a 1 × 1 range to its cell; a scalar stays as it is. */
function single(raw: unknown, argument: string): unknown {
  if (!Array.isArray(raw)) return unwrapCellValue(raw);
  const { rows, columns } = shapeOf(raw);
  if (rows !== 1 || columns !== 1) throw new CalcError('notASingleValue', { argument, rows, columns });
  return unwrapCellValue(cellAt(raw, 0, 0));
}

/**
 * True when an optional argument was omitted. Excel passes an omitted optional as `null`; a
 * reference to a blank cell arrives as `null` or `""`, and counts as omitted too.
 */
export function isOmitted(raw: unknown): boolean {
  if (Array.isArray(raw)) {
    const { rows, columns } = shapeOf(raw);
    return rows === 0 || (rows === 1 && columns === 1 && isBlank(unwrapCellValue(cellAt(raw, 0, 0))));
  }
  return isBlank(unwrapCellValue(raw));
}

/**
 * Converts one raw value to a number.
 *
 * @param raw - The value (or a 1 × 1 range).
 * @param argument - The argument name used in messages.
 * @param fallback - The default when omitted/blank; without one a blank is an error.
 * @param sign - Sign check (default none: the core function checks).
 * @throws CalcError `blankValue`, `notANumber`, `notFinite`, `negativeValue`, `notPositive`,
 *   `notASingleValue`, `excelErrorValue`.
 */
export function toNumber(
  raw: unknown,
  argument: string,
  fallback?: number,
  sign: SignPolicy = 'any',
): number {
  // The hot path of every scalar argument, small enough to be inlined: a plain finite number.
  if (typeof raw === 'number' && raw - raw === 0 && sign === 'any') return raw;
  return toNumberSlow(raw, argument, fallback, sign);
}

/** Everything {@link toNumber} does beyond a plain finite number with no sign rule. */
function toNumberSlow(
  raw: unknown,
  argument: string,
  fallback: number | undefined,
  sign: SignPolicy,
): number {
  if (typeof raw === 'number' && raw - raw === 0 && (raw > 0 || (raw === 0 && sign === 'nonNegative')))
    return raw;
  if ((raw === null || raw === undefined) && fallback !== undefined) return fallback;
  const v = single(raw, argument);
  if (isBlank(v)) {
    if (fallback !== undefined) return fallback;
    throw new CalcError('blankValue', { argument });
  }
  return coerceOddCell(v, argument, undefined, undefined, { blank: 'error', sign });
}

/**
 * Converts one raw value to a boolean: TRUE/FALSE, 1/0, or the texts WAAR/ONWAAR/TRUE/FALSE.
 *
 * @throws CalcError `notABoolean`, `excelErrorValue`.
 */
export function toBoolean(raw: unknown, argument: string, fallback: boolean): boolean {
  // The hot path, small enough to be inlined: a boolean, or an omitted optional.
  if (typeof raw === 'boolean') return raw;
  if (raw === null || raw === undefined) return fallback;
  return toBooleanSlow(raw, argument, fallback);
}

/** Everything {@link toBoolean} does beyond a boolean or an omitted optional. */
function toBooleanSlow(raw: unknown, argument: string, fallback: boolean): boolean {
  const v = single(raw, argument);
  if (isBlank(v)) return fallback;
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  const err = excelErrorCodeOf(v);
  if (err !== undefined) throw new CalcError('excelErrorValue', { argument, received: err });
  if (typeof v === 'string') {
    const t = v.trim().toUpperCase();
    if (t === 'WAAR' || t === 'TRUE') return true;
    if (t === 'ONWAAR' || t === 'FALSE') return false;
  }
  throw new CalcError('notABoolean', { argument, received: describe(v) });
}

/**
 * Converts one raw value to trimmed text, or `fallback` when omitted/blank.
 *
 * @throws CalcError `excelErrorValue`.
 */
export function toText(raw: unknown, argument: string, fallback: string): string {
  const v = single(raw, argument);
  if (isBlank(v)) return fallback;
  const err = excelErrorCodeOf(v);
  if (err !== undefined) throw new CalcError('excelErrorValue', { argument, received: err });
  return String(v).trim();
}

/**
 * Throws `lengthMismatch` naming both lengths unless `a` and `b` are equally long,
 * e.g. "volumes heeft 12 rijen, normMinutes 11".
 */
export function checkSameLength(
  a: { length: number },
  nameA: string,
  b: { length: number },
  nameB: string,
): void {
  if (a.length !== b.length) {
    throw new CalcError('lengthMismatch', {
      argument: nameA,
      rows: a.length,
      other: nameB,
      otherRows: b.length,
    });
  }
}

/** A `Shape` as is, or the shape of a raw argument. */
function asShape(x: unknown): Shape {
  if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
    const s = x as Partial<Shape>;
    if (typeof s.rows === 'number' && typeof s.columns === 'number')
      return { rows: s.rows, columns: s.columns };
  }
  return shapeOf(x);
}

/**
 * Throws `shapeMismatch` naming both sizes unless the two shapes are equal.
 *
 * @param rawA - A `Shape` ({ rows, columns }, e.g. a `NumberGrid`) or a raw range.
 * @param rawB - Likewise.
 */
export function checkSameShape(rawA: unknown, nameA: string, rawB: unknown, nameB: string): void {
  const a = asShape(rawA);
  const b = asShape(rawB);
  if (a.rows !== b.rows || a.columns !== b.columns) {
    throw new CalcError('shapeMismatch', {
      argument: nameA,
      rows: a.rows,
      columns: a.columns,
      other: nameB,
      otherRows: b.rows,
      otherColumns: b.columns,
    });
  }
}

/** Where a cell sits, for the message: the column or argument as the user sees it, and its row. */
export interface CellPlace {
  argument: string;
  row?: number;
  column?: number;
}

/**
 * THE reader of one cell of a workbook table (a product, budget or realisation table) as a
 * number: a finite number passes, a blank follows `blank` (default: an error), anything else is
 * refused, and the sign policy (default: any) is checked with the row in the message.
 *
 * @throws CalcError `blankValue`, `notANumber` (text or a boolean: never converted), `notFinite`,
 *   `excelErrorValue`, `negativeValue`, `notPositive`.
 */
export function readCellNumber(
  v: unknown,
  place: CellPlace,
  opts: { blank?: BlankPolicy; sign?: SignPolicy } = {},
): number {
  const sign = opts.sign ?? 'any';
  if (
    typeof v === 'number' &&
    v - v === 0 &&
    (sign === 'any' || v > 0 || (v === 0 && sign === 'nonNegative'))
  )
    return v;
  return coerceOddCell(v, place.argument, place.row, place.column, { blank: opts.blank ?? 'error', sign });
}
