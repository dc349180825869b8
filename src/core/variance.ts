/**
 * Budget variance (*verschillenanalyse*, flexible budget): volume and price effects.
 */
import { CalcError } from './errors';
import { ldexp, PRODUCT_SCALE_EXPONENT } from './numerics';
import { checkNonNegativeAll, checkSameLength } from './validate';

/** The variance split. volume + price = total (exactly in real arithmetic). */
export interface BudgetVariance {
  /** Σ (actualVol − budgetVol) × budgetPrice. */
  volume: number;
  /** Σ (actualPrice − budgetPrice) × actualVol. */
  price: number;
  /** Σ actualVol × actualPrice − Σ budgetVol × budgetPrice. */
  total: number;
}

/** Replaces a blank (NaN) price by 0 when no volume uses it, else names the row. */
function priceOrZero(p: number, usedBy: number, argument: string, row: number): number {
  if (!Number.isNaN(p)) return p;
  if (usedBy !== 0) throw new CalcError('blankPrice', { argument, row, volume: usedBy });
  return 0;
}

/**
 * Splits the difference between realisation and budget into a volume and a price variance.
 * Positive = more than budgeted.
 *
 * @param budgetVolumes - Budgeted cases per product, ≥ 0.
 * @param budgetPrices - Budgeted price per case, ≥ 0; NaN = blank (allowed when both volumes are 0).
 * @param actualVolumes - Realised cases, ≥ 0.
 * @param actualPrices - Realised price per case, ≥ 0; NaN = blank (allowed when both volumes are 0).
 * @returns volume, price and total variance, unrounded.
 * @throws CalcError `lengthMismatch`, `negativeValue`, `blankPrice`, `notFinite`.
 */
export function budgetVariance(
  budgetVolumes: ArrayLike<number>,
  budgetPrices: ArrayLike<number>,
  actualVolumes: ArrayLike<number>,
  actualPrices: ArrayLike<number>,
): BudgetVariance {
  checkSameLength(budgetPrices, 'budgetPrices', budgetVolumes, 'budgetVolumes');
  checkSameLength(actualVolumes, 'actualVolumes', budgetVolumes, 'budgetVolumes');
  checkSameLength(actualPrices, 'actualPrices', budgetVolumes, 'budgetVolumes');
  checkNonNegativeAll(budgetVolumes, 'budgetVolumes');
  checkNonNegativeAll(actualVolumes, 'actualVolumes');
  const plain = varianceSums(budgetVolumes, budgetPrices, actualVolumes, actualPrices, 1);
  if (Number.isFinite(plain.volume) && Number.isFinite(plain.price) && Number.isFinite(plain.total))
    return plain;
  // A product overflowed (and ∞ − ∞ gave NaN): sum again over factors scaled by a power of two,
  // so that only a variance that is truly beyond the doubles comes out infinite.
  const scaled = varianceSums(
    budgetVolumes,
    budgetPrices,
    actualVolumes,
    actualPrices,
    2 ** PRODUCT_SCALE_EXPONENT,
  );
  const e = -2 * PRODUCT_SCALE_EXPONENT;
  return { volume: ldexp(scaled.volume, e), price: ldexp(scaled.price, e), total: ldexp(scaled.total, e) };
}

/** The three sums of {@link budgetVariance}, every volume and price multiplied by `scale` (a power of two). */
function varianceSums(
  budgetVolumes: ArrayLike<number>,
  budgetPrices: ArrayLike<number>,
  actualVolumes: ArrayLike<number>,
  actualPrices: ArrayLike<number>,
  scale: number,
): BudgetVariance {
  let volume = 0;
  let price = 0;
  let actual = 0;
  let budget = 0;
  for (let i = 0; i < budgetVolumes.length; i++) {
    const bV = budgetVolumes[i];
    const aV = actualVolumes[i];
    const used = bV !== 0 ? bV : aV;
    const bP = priceOrZero(budgetPrices[i], used, 'budgetPrices', i + 1);
    const aP = priceOrZero(actualPrices[i], used, 'actualPrices', i + 1);
    if (bP < 0)
      throw new CalcError('negativeValue', { argument: 'budgetPrices', row: i + 1, received: String(bP) });
    if (aP < 0)
      throw new CalcError('negativeValue', { argument: 'actualPrices', row: i + 1, received: String(aP) });
    const sbV = bV * scale;
    const saV = aV * scale;
    const sbP = bP * scale;
    const saP = aP * scale;
    volume += (saV - sbV) * sbP;
    price += (saP - sbP) * saV;
    actual += saV * saP;
    budget += sbV * sbP;
  }
  return { volume, price, total: actual - budget };
}
