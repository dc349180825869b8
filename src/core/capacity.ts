/**
 * Direct capacity (*directe capaciteit*) in hours: the inverse of {@link fteNeeded} without extras.
 */
import { DIRECT_RATIO_MODEL, HOURS_PER_FTE } from './params/model2021';
import { checkFinite, checkNonNegative, checkPositive, checkRatio } from './validate';

/** Options of {@link directCapacity}; defaults from the 2021 model. */
export interface CapacityOptions {
  /** Weeks (default 1). */
  weeks?: number;
  /** Hours per fte per week (default 36). */
  hoursPerFte?: number;
  /** Direct-hour ratio, 0 < r ≤ 1 (default 0.7473). */
  directRatio?: number;
}

/**
 * Direct capacity in hours = fte × weeks × hoursPerFte × directRatio.
 *
 * @param fte - Staff in fte, ≥ 0.
 * @param opts - See {@link CapacityOptions}.
 * @returns Direct (handling) hours, unrounded.
 * @throws CalcError `negativeValue`, `notPositive`, `ratioAsPercent`, `ratioOutOfRange`, `notFinite`.
 */
export function directCapacity(fte: number, opts: CapacityOptions = {}): number {
  const weeks = checkPositive(opts.weeks ?? 1, 'weeks');
  const hoursPerFte = checkPositive(opts.hoursPerFte ?? HOURS_PER_FTE.value, 'hoursPerFte');
  const ratio = checkRatio(
    checkFinite(opts.directRatio ?? DIRECT_RATIO_MODEL.value, 'directRatio'),
    'directRatio',
  );
  checkNonNegative(fte, 'fte');
  return fte * weeks * hoursPerFte * ratio;
}
