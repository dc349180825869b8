/**
 * Scenario labels per period (*scenario*): below the band, normal, short peak or long peak.
 * Follows the reference's rule: a run of consecutive periods above `high` is a short peak
 * when it lasts at most `peakPeriods` periods and never exceeds high + peakExtra; otherwise
 * the whole run is a long peak (judged in hindsight).
 */
import type { Lang } from '../messages/types';

/** The four situations the review distinguishes. */
export type ScenarioLabel = 'below' | 'normal' | 'shortPeak' | 'longPeak';

/** The band and the short-peak limits, in hours per four-week period. */
export interface Band {
  /** Lower edge of the normal band (*bandbreedte*), hours per period. Review: 76,000. */
  low: number;
  /** Upper edge of the normal band, hours per period. Review: 93,000. */
  high: number;
  /** The most a short peak may rise above `high`, hours per period. Review: 10,000. */
  peakExtra: number;
  /** The longest a short peak may last, in periods. Review: 3. */
  peakPeriods: number;
}

/** The review's band: 76k–93k hours per 4 weeks, short peak ≤ 10k above for ≤ 3 periods. */
export const REVIEW_BAND: Band = { low: 76000, high: 93000, peakExtra: 10000, peakPeriods: 3 };

/** Display text of each label. These exact Dutch texts are what the sheet shows. */
export const LABEL_TEXT: Record<ScenarioLabel, Record<Lang, string>> = {
  below: { nl: 'onder band', en: 'below band' },
  normal: { nl: 'normaal', en: 'normal' },
  shortPeak: { nl: 'korte piek', en: 'short peak' },
  longPeak: { nl: 'lange piek', en: 'long peak' },
};

/**
 * Labels every period of a workload series. Unchecked: the caller validated the series.
 * @param workload - hours per period
 * @param band - band and short-peak limits
 */
export function scenarioLabels(workload: readonly number[], band: Band): ScenarioLabel[] {
  const out: ScenarioLabel[] = workload.map((w) => (w < band.low ? 'below' : 'normal'));
  let i = 0;
  while (i < workload.length) {
    if (workload[i] <= band.high) {
      i++;
      continue;
    }
    let j = i;
    let max = 0;
    while (j < workload.length && workload[j] > band.high) {
      max = Math.max(max, workload[j]);
      j++;
    }
    const label: ScenarioLabel = j - i <= band.peakPeriods && max <= band.high + band.peakExtra ? 'shortPeak' : 'longPeak';
    for (let k = i; k < j; k++) out[k] = label;
    i = j;
  }
  return out;
}
