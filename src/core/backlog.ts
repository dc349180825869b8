/**
 * Backlog (*werkvoorraad*, *achterstand*) over periods.
 */
import { checkNonNegative, checkNonNegativeAll, checkSameLength } from './validate';

/**
 * Backlog per period: bₜ = max(0, bₜ₋₁ + inflowₜ − capacityₜ), starting from `initialBacklog`.
 *
 * @param inflowHours - Workload arriving per period in hours, ≥ 0.
 * @param capacityHours - Capacity per period in hours, ≥ 0: one number for every period, or one
 *   per period (same length as the inflow).
 * @param initialBacklog - Backlog before period 1 in hours, ≥ 0 (default 0).
 * @returns Backlog at the end of each period, unrounded.
 * @throws CalcError `lengthMismatch`, `negativeValue`, `notFinite`.
 */
export function backlogPath(
  inflowHours: ArrayLike<number>,
  capacityHours: number | ArrayLike<number>,
  initialBacklog = 0,
): Float64Array {
  checkNonNegativeAll(inflowHours, 'inflowHours');
  checkNonNegative(initialBacklog, 'initialBacklog');
  const single = typeof capacityHours === 'number';
  if (single) checkNonNegative(capacityHours, 'capacityHours');
  else {
    checkSameLength(capacityHours, 'capacityHours', inflowHours, 'inflowHours');
    checkNonNegativeAll(capacityHours, 'capacityHours');
  }
  const out = new Float64Array(inflowHours.length);
  let b = initialBacklog;
  for (let t = 0; t < inflowHours.length; t++) {
    const cap = single ? capacityHours : capacityHours[t];
    b = Math.max(0, b + inflowHours[t] - cap);
    out[t] = b;
  }
  return out;
}
