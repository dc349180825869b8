/**
 * Output funding (*outputbekostiging*) and total funding with lumpsum and floor (*ondergrens*).
 */
import { CalcError } from './errors';
import { checkFinite, checkNonNegative, checkNonNegativeAll, checkSameLength } from './validate';

/**
 * Output funding = Σ volumeᵢ × priceᵢ. A NaN price stands for a blank cell and is allowed only
 * when its volume is 0.
 *
 * @param volumes - Cases per product, ≥ 0.
 * @param prices - Price per case, ≥ 0, same length; NaN = blank.
 * @returns Money, unrounded.
 * @throws CalcError `lengthMismatch`, `negativeValue`, `blankPrice`, `notFinite`.
 */
export function outputFunding(volumes: ArrayLike<number>, prices: ArrayLike<number>): number {
  checkSameLength(volumes, 'volumes', prices, 'prices');
  checkNonNegativeAll(volumes, 'volumes');
  let sum = 0;
  for (let i = 0; i < volumes.length; i++) {
    const p = prices[i];
    if (Number.isNaN(p)) {
      if (volumes[i] !== 0)
        throw new CalcError('blankPrice', { argument: 'prices', row: i + 1, volume: volumes[i] });
      continue;
    }
    checkNonNegative(p, 'prices', i + 1);
    sum += volumes[i] * p;
  }
  return sum;
}

/**
 * Total funding = max(floor, lumpsum + Σ volumeᵢ × priceᵢ).
 *
 * @param volumes - Cases per product, ≥ 0.
 * @param prices - Price per case, ≥ 0; NaN = blank.
 * @param lumpsum - Fixed amount for fixed costs, ≥ 0 (default 0).
 * @param floor - Minimum funding (*ondergrens*), ≥ 0 (default 0).
 * @returns Money, unrounded.
 * @throws CalcError as {@link outputFunding}, and `negativeValue` for lumpsum/floor.
 */
export function totalFunding(
  volumes: ArrayLike<number>,
  prices: ArrayLike<number>,
  lumpsum = 0,
  floor = 0,
): number {
  checkNonNegative(lumpsum, 'lumpsum');
  checkNonNegative(floor, 'floor');
  return Math.max(floor, lumpsum + outputFunding(volumes, prices));
}

/**
 * Σ aᵢ × bᵢ of two equally long arrays (no checks). Exported for reuse by callers that have
 * already validated their input.
 */
export function sumProduct(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return checkFinite(s, 'sumProduct');
}
