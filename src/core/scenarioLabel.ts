/**
 * Scenario of a period: below band, normal, short peak or long peak (*korte/lange piek*).
 */
import { CalcError } from './errors';
import type { Lang } from './messages/types';
import { BAND_HIGH, BAND_LOW, SHORT_PEAK_EXTRA, SHORT_PEAK_PERIODS } from './params/model2021';
import { checkFinite, checkNonNegative, checkNonNegativeAll, checkWholeNumber } from './validate';

/** The scenario of one period. */
export type ScenarioLabel = 'belowBand' | 'normal' | 'shortPeak' | 'longPeak';

/** Options of {@link classifyScenarios}; defaults from the review. */
export interface ScenarioOptions {
  /** Lower bound of the band in hours (default 76,000). */
  low?: number;
  /** Upper bound of the band in hours (default 93,000). */
  high?: number;
  /** A short peak never exceeds high + peakExtra (default 10,000). */
  peakExtra?: number;
  /** A short peak lasts at most this many periods (default 3). */
  peakPeriods?: number;
}

const TEXT: Record<Lang, Record<ScenarioLabel, string>> = {
  nl: { belowBand: 'onder band', normal: 'normaal', shortPeak: 'korte piek', longPeak: 'lange piek' },
  en: { belowBand: 'below band', normal: 'normal', shortPeak: 'short peak', longPeak: 'long peak' },
};

/** The label as users read it: "onder band", "normaal", "korte piek", "lange piek" (or English). */
export function scenarioLabelText(label: ScenarioLabel, lang: Lang): string {
  return TEXT[lang][label];
}

/**
 * Classifies each period. Workload < low is below band; low ≤ workload ≤ high is normal. A run of
 * consecutive periods above `high` is a short peak if it lasts at most `peakPeriods` periods and
 * never exceeds high + peakExtra, and otherwise a long peak. The label belongs to the whole run,
 * judged in hindsight (a run that turns long relabels its first periods too).
 *
 * @param workloadHours - Workload per period in hours, ≥ 0.
 * @param opts - See {@link ScenarioOptions}.
 * @returns One label per period.
 * @throws CalcError `negativeValue`, `invalidBand`, `notAWholeNumber`, `notFinite`.
 */
export function classifyScenarios(
  workloadHours: ArrayLike<number>,
  opts: ScenarioOptions = {},
): ScenarioLabel[] {
  checkNonNegativeAll(workloadHours, 'workloadHours');
  const low = checkNonNegative(opts.low ?? BAND_LOW.value, 'low');
  const high = checkNonNegative(opts.high ?? BAND_HIGH.value, 'high');
  const extra = checkNonNegative(
    checkFinite(opts.peakExtra ?? SHORT_PEAK_EXTRA.value, 'peakExtra'),
    'peakExtra',
  );
  const maxLen = checkWholeNumber(opts.peakPeriods ?? SHORT_PEAK_PERIODS.value, 'peakPeriods', 0);
  if (low > high) throw new CalcError('invalidBand', { argument: 'low', low, high });
  const n = workloadHours.length;
  const out = new Array<ScenarioLabel>(n);
  let t = 0;
  while (t < n) {
    const w = workloadHours[t];
    if (w <= high) {
      out[t] = w < low ? 'belowBand' : 'normal';
      t++;
      continue;
    }
    // A run above the band: find its end and its peak, then label it as a whole.
    let end = t;
    let peak = 0;
    while (end < n && workloadHours[end] > high) {
      peak = Math.max(peak, workloadHours[end]);
      end++;
    }
    const label: ScenarioLabel = end - t <= maxLen && peak <= high + extra ? 'shortPeak' : 'longPeak';
    for (let k = t; k < end; k++) out[k] = label;
    t = end;
  }
  return out;
}
