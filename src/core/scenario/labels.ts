/**
 * Scenario labels per period (*scenario*): below the band, normal, short peak or long peak.
 * The rule itself lives in the core's `classifyScenarios` (the same code as IND.SCENARIO), so the
 * simulator and the sheet's live formula can never disagree; this module only adapts the band.
 */
import type { Lang } from '../messages/types';
import { classifyScenarios, scenarioLabelText, type ScenarioLabel } from '../scenarioLabel';

export type { ScenarioLabel } from '../scenarioLabel';

/** The band and the short-peak limits, in hours per four-week period. */
export interface Band {
  /** Lower edge of the normal band (*bandbreedte*), hours per period. Review: 76,000. */
  low: number;
  /** Upper edge of the normal band, hours per period. Review: 93,000. */
  high: number;
  /** The most a short peak may rise above `high`, hours per period. Review: 10,000. */
  peakExtra: number;
  /** The longest a short peak may last, in whole periods. Review: 3. */
  peakPeriods: number;
}

/** The review's band: 76k–93k hours per 4 weeks, short peak ≤ 10k above for ≤ 3 periods. */
export const REVIEW_BAND: Band = { low: 76000, high: 93000, peakExtra: 10000, peakPeriods: 3 };

/** Display text of a label ("korte piek"), identical to what IND.SCENARIO returns. */
export function labelText(label: ScenarioLabel, lang: Lang): string {
  return scenarioLabelText(label, lang);
}

/**
 * Labels every period of a workload series (delegates to the core's `classifyScenarios`).
 * @param workload - hours per period
 * @param band - band and short-peak limits
 */
export function scenarioLabels(workload: readonly number[], band: Band): ScenarioLabel[] {
  return classifyScenarios(workload, {
    low: band.low,
    high: band.high,
    peakExtra: band.peakExtra,
    peakPeriods: band.peakPeriods,
  });
}
