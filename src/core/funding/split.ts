/**
 * The lumpsum split at the output edge, in cents: a share of the output-funded costs moves to
 * the lumpsum (EY 2020: 13%), and what stays output-funded is spread over the products by
 * largest remainder, so that lumpsum + Σ products equals the rounded total to the cent.
 */
import { checkFraction, checkNonNegative } from '../input';
import { allocateCents, toCents } from './money';

/** The split in whole cents. */
export interface SplitCents {
  /** lumpsum + share × output, in cents. */
  lumpsumCents: number;
  /** (1 − share) × product funding, per product, in cents. */
  productCents: number[];
  /** toCents(lumpsum + Σ product funding): the parts always add up to this. */
  totalCents: number;
}

/**
 * Splits funding into the lumpsum after the split and the output-funded part per product, in
 * cents. The total is rounded once; its parts are then allocated by largest remainder with
 * weights lumpsum + share × C and (1 − share) × Cᵢ.
 *
 * @throws CalcError `ratioAsPercent` / `fractionOutOfRange` for a share outside [0, 1],
 *   `negativeValue` for a negative lumpsum or product funding.
 */
export function splitLumpsumCents(
  lumpsum: number,
  productFunding: readonly number[],
  share: number,
): SplitCents {
  checkFraction(share, 'Lumpsum-aandeel');
  checkNonNegative(lumpsum, 'Lumpsum');
  productFunding.forEach((c, i) => checkNonNegative(c, 'Outputfinanciering', i + 1));
  const output = productFunding.reduce((a, b) => a + b, 0);
  const totalCents = toCents(lumpsum + output);
  const weights = [lumpsum + share * output, ...productFunding.map((c) => (1 - share) * c)];
  const [lumpsumCents, ...productCents] = allocateCents(totalCents, weights);
  return { lumpsumCents, productCents, totalCents };
}
