/**
 * Funding path, "funding without big shocks" (*financiering zonder grote schokken*).
 */
import {
  checkFinite,
  checkFraction,
  checkNonNegative,
  checkNonNegativeAll,
  checkWholeNumber,
} from './validate';

/** Options of {@link fundingPath}. */
export interface FundingPathOptions {
  /** Fixed amount per period, ≥ 0 (default 0). */
  lumpsum?: number;
  /** Minimum funding per period, ≥ 0 (default 0). */
  floor?: number;
  /** Largest fall per period as a fraction of the funded level, 0–1 (default 1 = no limit). */
  maxDecline?: number;
  /** Periods in a row the target must stay below the funded level before funding falls, ≥ 1 (default 1). */
  confirmPeriods?: number;
}

/**
 * Funding per period. Each period's target = lumpsum + rate × workload. Funding follows a rise
 * at once. It follows a fall only after the target has stayed below the funded level for
 * `confirmPeriods` periods in a row, and then by at most `maxDecline` of the funded level per
 * period, for as long as the target stays below. It never drops below the floor.
 * Period 1 = max(floor, target₁). With the defaults funding simply equals max(floor, target).
 *
 * @param workloadHours - Workload per period in hours, ≥ 0.
 * @param ratePerHour - Funding per workload hour, ≥ 0.
 * @param opts - See {@link FundingPathOptions}.
 * @returns Funding per period, unrounded.
 * @throws CalcError `negativeValue`, `ratioAsPercent`, `fractionOutOfRange`, `notAWholeNumber`,
 *   `emptyRange`, `notFinite`.
 */
export function fundingPath(
  workloadHours: ArrayLike<number>,
  ratePerHour: number,
  opts: FundingPathOptions = {},
): Float64Array {
  checkNonNegativeAll(workloadHours, 'workloadHours');
  checkNonNegative(ratePerHour, 'ratePerHour');
  const lumpsum = checkNonNegative(opts.lumpsum ?? 0, 'lumpsum');
  const floor = checkNonNegative(opts.floor ?? 0, 'floor');
  const maxDecline = checkFraction(checkFinite(opts.maxDecline ?? 1, 'maxDecline'), 'maxDecline');
  const confirm = checkWholeNumber(opts.confirmPeriods ?? 1, 'confirmPeriods', 1);
  const out = new Float64Array(workloadHours.length);
  let below = 0;
  for (let t = 0; t < workloadHours.length; t++) {
    const target = lumpsum + ratePerHour * workloadHours[t];
    if (t === 0) {
      out[t] = Math.max(floor, target);
      continue;
    }
    const funded = out[t - 1];
    if (target >= funded) {
      below = 0;
      out[t] = Math.max(floor, target);
    } else {
      below++;
      out[t] = below >= confirm ? Math.max(floor, target, funded * (1 - maxDecline)) : funded;
    }
  }
  return out;
}
