/**
 * Cost price (*kostprijs*) of one case of a product.
 */
import { DIRECT_RATIO_MODEL } from './params/model2021';
import { checkFinite, checkFraction, checkNonNegative, checkRatio } from './validate';

/**
 * Cost price = normMinutes / 60 × hourlyCost / directRatio × (1 + overheadRate).
 * `hourlyCost` is the cost of one paid hour; dividing by the direct ratio spreads the
 * unproductive hours over the products.
 *
 * @param normMinutes - Norm time per case in minutes, ≥ 0.
 * @param hourlyCost - Cost of one paid hour, ≥ 0.
 * @param directRatio - Direct-hour ratio, 0 < r ≤ 1 (default 0.7473).
 * @param overheadRate - Overhead surcharge as a fraction from 0 to 1 (default 0; 0.25 = 25%). A value
 *   in (1, 100] is taken for a percentage typed as a number and rejected with a hint.
 * @returns Cost per case, unrounded.
 * @throws CalcError `negativeValue`, `ratioAsPercent`, `ratioOutOfRange`, `fractionOutOfRange`, `notFinite`.
 */
export function costPrice(
  normMinutes: number,
  hourlyCost: number,
  directRatio: number = DIRECT_RATIO_MODEL.value,
  overheadRate = 0,
): number {
  checkNonNegative(normMinutes, 'normMinutes');
  checkNonNegative(hourlyCost, 'hourlyCost');
  checkRatio(checkFinite(directRatio, 'directRatio'), 'directRatio');
  checkFraction(checkFinite(overheadRate, 'overheadRate'), 'overheadRate');
  return (((normMinutes / 60) * hourlyCost) / directRatio) * (1 + overheadRate);
}
