/**
 * The checks of numbers once they are numbers: ranges, signs, whole numbers, and the one
 * "percentage typed as a ratio" check. Core functions call these; adapters and readers only
 * coerce. Part of the one input vocabulary (`src/core/input`).
 */
import { CalcError } from '../errors';

/** Which numbers are allowed. */
export type SignPolicy = 'any' | 'nonNegative' | 'positive';

/**
 * `x / 100` without binary noise: 74.73 → 0.7473 (not 0.7473000000000001), 74.7 → 0.747. The
 * suggestion of the percent check; 12 significant digits are more than any typed ratio has.
 */
export function percentToFraction(x: number): number {
  return Number((x / 100).toPrecision(12));
}

/**
 * THE check for a percentage typed where a fraction belongs (74.73 for 0.7473, 8 for 0.08):
 * a value in (1, 100] gets `ratioAsPercent` with the clean suggestion x / 100.
 * @throws CalcError `ratioAsPercent`.
 */
function checkNotPercent(x: number, argument: string, row?: number): void {
  if (x > 1 && x <= 100)
    throw new CalcError('ratioAsPercent', {
      argument,
      row,
      received: String(x),
      suggestion: percentToFraction(x),
    });
}

/** Throws when `x` breaks the sign policy. `row`/`column` locate it within a range. */
export function checkSign(
  x: number,
  argument: string,
  sign: SignPolicy,
  row?: number,
  column?: number,
): void {
  if (sign === 'nonNegative' && x < 0)
    throw new CalcError('negativeValue', { argument, row, column, received: String(x) });
  if (sign === 'positive' && !(x > 0))
    throw new CalcError('notPositive', { argument, row, column, received: String(x) });
}

/**
 * Checks a ratio such as the direct-hour ratio (*directe uren*): 0 < x ≤ 1.
 * A value in (1, 100] is almost certainly a percentage typed as a number (74.7 for 74.7%) and
 * gets its own message suggesting x / 100.
 *
 * @returns `x` unchanged.
 * @throws CalcError `ratioAsPercent`, `ratioOutOfRange`.
 */
export function checkRatio(x: number, argument: string, row?: number): number {
  checkNotPercent(x, argument, row);
  if (!(x > 0 && x <= 1)) throw new CalcError('ratioOutOfRange', { argument, row, received: String(x) });
  return x;
}

/**
 * Checks a fraction that may be 0, such as a fixed share or a maximum decline: 0 ≤ x ≤ 1.
 *
 * @returns `x` unchanged.
 * @throws CalcError `ratioAsPercent` for (1, 100], `fractionOutOfRange` otherwise.
 */
export function checkFraction(x: number, argument: string, row?: number): number {
  checkNotPercent(x, argument, row);
  if (!(x >= 0 && x <= 1)) throw new CalcError('fractionOutOfRange', { argument, row, received: String(x) });
  return x;
}

/** Checks x > 0 (and finite). @returns `x`. @throws CalcError `notPositive`, `notFinite`. */
export function checkPositive(x: number, argument: string, row?: number): number {
  checkFinite(x, argument, row);
  checkSign(x, argument, 'positive', row);
  return x;
}

/** Checks x ≥ 0 (and finite). @returns `x`. @throws CalcError `negativeValue`, `notFinite`. */
export function checkNonNegative(x: number, argument: string, row?: number): number {
  checkFinite(x, argument, row);
  checkSign(x, argument, 'nonNegative', row);
  return x;
}

/** Checks that x is finite. @returns `x`. @throws CalcError `notFinite`. */
export function checkFinite(x: number, argument: string, row?: number): number {
  if (!Number.isFinite(x)) throw new CalcError('notFinite', { argument, row, received: String(x) });
  return x;
}

/** Checks a whole number ≥ `min`, e.g. a number of periods. @returns `x`. @throws CalcError `notAWholeNumber`. */
export function checkWholeNumber(x: number, argument: string, min: number): number {
  if (!Number.isInteger(x) || x < min)
    throw new CalcError('notAWholeNumber', { argument, received: String(x), min });
  return x;
}

/** Checks every element of `xs` is finite and ≥ 0, naming the 1-based row of the first that is not. */
export function checkNonNegativeAll(xs: ArrayLike<number>, argument: string): void {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!(x >= 0) || x === Infinity) {
      if (!Number.isFinite(x))
        throw new CalcError('notFinite', { argument, row: i + 1, received: String(x) });
      throw new CalcError('negativeValue', { argument, row: i + 1, received: String(x) });
    }
  }
}
