/**
 * Rounding at the output edge. The core never rounds intermediate values; callers that show or
 * compare a figure the way Excel does use `excelRound`.
 */

/**
 * Rounds like Excel's `ROUND(x; digits)`: half away from zero (`Math.round(-2.5)` is -2, Excel's
 * ROUND(-2,5; 0) is -3). It also corrects the binary representation error that makes
 * `1.005 * 100` equal 100.49999999999999, by rounding to 15 significant digits first, as Excel
 * does when it stores a number.
 *
 * @param x - The value to round.
 * @param digits - Number of decimals (negative rounds to tens, hundreds, …). Whole numbers only.
 * @returns The rounded value; NaN and ±Infinity are returned unchanged.
 */
export function excelRound(x: number, digits = 0): number {
  if (!Number.isFinite(x)) return x;
  if (!Number.isInteger(digits)) throw new RangeError('excelRound: digits must be a whole number');
  const sign = x < 0 ? -1 : 1;
  const abs = Math.abs(x);
  const factor = Math.pow(10, Math.abs(digits));
  const scaled = digits >= 0 ? abs * factor : abs / factor;
  // 15 significant digits, like Excel's stored precision, removes 1.005*100 = 100.49999999999999.
  const cleaned = Number(scaled.toPrecision(15));
  const rounded = Math.floor(cleaned + 0.5);
  return sign * (digits >= 0 ? rounded / factor : rounded * factor);
}
