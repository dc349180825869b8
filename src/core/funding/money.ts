/**
 * Money at the output edge: euros to cents, and splits by largest remainder so that the parts
 * add up exactly to the whole (the Dinero.js habit). Intermediate values stay unrounded doubles;
 * only these helpers round, half away from zero like Excel's ROUND.
 */
import { excelRound } from '../round';

/** Euros to whole cents, rounded half away from zero. */
export function toCents(euros: number): number {
  return excelRound(euros * 100);
}

/**
 * Splits `totalCents` (an integer) over `weights` by largest remainder: each part gets the floor
 * of its exact share, and the cents left over go one by one to the largest remainders (ties to
 * the earlier part). The parts always sum to `totalCents` exactly. Weights must be ≥ 0 with a
 * positive sum; with all-zero weights everything goes to the first part.
 */
export function allocateCents(totalCents: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(totalCents)) throw new RangeError(`allocateCents: ${totalCents} is not whole cents`);
  if (weights.length === 0) return [];
  const sign = totalCents < 0 ? -1 : 1;
  const total = Math.abs(totalCents);
  const sum = weights.reduce((a, w) => a + w, 0);
  if (!(sum > 0)) return weights.map((_, i) => (i === 0 ? totalCents : 0));
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, p) => a + p, 0);
  const order = exact
    .map((x, i) => ({ i, rem: x - Math.floor(x) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i] += 1;
  return parts.map((p) => sign * p + 0);
}
