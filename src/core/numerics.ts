/**
 * Floating-point helpers for the core's arithmetic at the extremes: products and quotients that
 * do not overflow in an intermediate step, and compensated (Neumaier) sums for the sums behind
 * ratios. Every helper returns the plain double result when the plain order of operations is
 * safe, so ordinary inputs give bit-for-bit the results they always gave; only when an
 * intermediate overflows (or underflows) is the result computed on scaled values. A result is
 * then non-finite only when the true result is beyond the largest double.
 */

/** 2^e for an integer e in [-1074, 1023], exactly. */
function pow2(e: number): number {
  return 2 ** e;
}

/**
 * x × 2^e without intermediate overflow or underflow of the power of two (e may be any integer,
 * e.g. −2000): the result rounds once unless it is subnormal.
 *
 * @param x - a double.
 * @param e - an integer exponent.
 * @returns x × 2^e, ±Infinity when it is beyond the largest double.
 */
export function ldexp(x: number, e: number): number {
  let y = x;
  let k = e;
  while (k > 1023) {
    y *= pow2(1023);
    k -= 1023;
    if (!Number.isFinite(y)) return y;
  }
  while (k < -1022) {
    y *= pow2(-1022);
    k += 1022;
    if (y === 0) return y;
  }
  return y * pow2(k);
}

/**
 * Splits a finite non-zero x into m × 2^e with 1 ≤ |m| < 2 (exactly). 0 and non-finite values
 * give `[x, 0]`.
 */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = Math.floor(Math.log2(Math.abs(x)));
  if (e < -1022) e = -1022;
  let m = ldexp(x, -e);
  // log2 may be off by one near powers of two; fix up exactly.
  while (Math.abs(m) >= 2) {
    m /= 2;
    e += 1;
  }
  while (Math.abs(m) < 1) {
    m *= 2;
    e -= 1;
  }
  return [m, e];
}

/** True when a computed intermediate lost range: it overflowed, or it underflowed below the normal doubles. */
function outOfRange(p: number): boolean {
  return !Number.isFinite(p) || (p !== 0 && Math.abs(p) < 2.2250738585072014e-308);
}

/**
 * a × b / c in that order (so ordinary inputs give exactly `(a * b) / c`), but without a
 * spurious overflow or underflow of the product a × b: when it leaves the normal range the same
 * two roundings are made on mantissas, and the exponent is applied once at the end.
 *
 * @param a - a finite double.
 * @param b - a finite double.
 * @param c - a finite non-zero double.
 * @returns a × b / c, non-finite only when the true quotient is beyond the largest double.
 */
export function mulDiv(a: number, b: number, c: number): number {
  const p = a * b;
  if (p === 0 ? a === 0 || b === 0 : !outOfRange(p)) return p / c;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || c === 0) return p / c;
  const [ma, ea] = frexp(a);
  const [mb, eb] = frexp(b);
  const [mc, ec] = frexp(c);
  return ldexp((ma * mb) / mc, ea + eb - ec);
}

/**
 * Compensated (Neumaier) sum accumulators: `add(i, x)` adds x to sum i, `value(i)` is sum i.
 * Neumaier's variant of Kahan summation keeps the small terms that a plain sum drops when one
 * term is large (1 + 2^53 + 1 …), at the cost of a few operations per term.
 */
export class NeumaierSums {
  private readonly s: Float64Array;
  private readonly c: Float64Array;

  /** @param count - the number of independent sums. */
  constructor(count: number) {
    this.s = new Float64Array(count);
    this.c = new Float64Array(count);
  }

  /** Adds `x` to sum `i`. */
  add(i: number, x: number): void {
    const s = this.s[i];
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) this.c[i] += s - t + x;
    else this.c[i] += x - t + s;
    this.s[i] = t;
  }

  /** The compensated value of sum `i` (non-finite when a partial sum overflowed). */
  value(i: number): number {
    return this.s[i] + this.c[i];
  }
}

/**
 * The power of two by which non-negative terms of a sum are scaled when their plain sum
 * overflows: with at most 2^53 terms each below 2^1024 the scaled sum stays below 2^1013, and a
 * term that becomes subnormal is below 2^-1000 of such a sum, so nothing that matters is lost.
 */
export const SUM_SCALE_EXPONENT = -64;

/**
 * The power of two by which each factor of a sum of products is scaled when the plain sum
 * overflows: products of two scaled factors stay below 2^928 and a sum of 2^53 of them below
 * 2^981; a factor that becomes subnormal is below 2^-462 of the largest term.
 */
export const PRODUCT_SCALE_EXPONENT = -560;
