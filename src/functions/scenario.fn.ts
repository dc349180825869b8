import { classifyScenarios, scenarioLabelText, type ScenarioLabel } from '../core/scenarioLabel';
import { CalcError } from '../core/errors';
import { BAND_HIGH, BAND_LOW, SHORT_PEAK_EXTRA, SHORT_PEAK_PERIODS } from '../core/params/model2021';
import { toNumber, toNumberColumn, toText } from '../core/validate';
import { guard } from './toExcelError';

/**
 * Scenario of each period: below band, normal, short peak or long peak. A run of periods above the band is a short peak if it lasts at most peakPeriods and never exceeds high + peakExtra, otherwise a long peak; the label applies to the whole run (judged in hindsight). Spills one column.
 * @customfunction SCENARIO
 * @param workloadHours Workload per period in hours (one column). A blank cell counts as 0. Text such as "12,5" is rejected: type the number, or use VALUE().
 * @param [low] Lower bound of the normal band in hours. Default 76000.
 * @param [high] Upper bound of the normal band in hours. Default 93000.
 * @param [peakExtra] A short peak never exceeds high + peakExtra. Default 10000.
 * @param [peakPeriods] A short peak lasts at most this many periods. Default 3.
 * @param [language] "nl" (default) or "en" for the labels.
 * @returns One label per period, one column.
 */
export function scenario(
  workloadHours: any[][],
  low?: any,
  high?: any,
  peakExtra?: any,
  peakPeriods?: any,
  language?: any,
): any[][] {
  return guard('IND.SCENARIO', () => {
    const lang = toText(language, 'language', 'nl').toLowerCase();
    if (lang !== 'nl' && lang !== 'en')
      throw new CalcError('unknownLanguage', { argument: 'language', received: lang });
    // A reused buffer for the hours (read once by classifyScenarios): no 8 MB allocation per call.
    const labels = classifyScenarios(toNumberColumn(workloadHours, 'workloadHours', { reuse: true }), {
      low: toNumber(low, 'low', BAND_LOW.value),
      high: toNumber(high, 'high', BAND_HIGH.value),
      peakExtra: toNumber(peakExtra, 'peakExtra', SHORT_PEAK_EXTRA.value),
      peakPeriods: toNumber(peakPeriods, 'peakPeriods', SHORT_PEAK_PERIODS.value, 'any'),
    });
    // One row array per label, shared by every period with that label: a million periods then
    // allocate four small arrays, not a million (which made the cost grow faster than the rows,
    // through garbage collection). Excel copies the values; nothing mutates the rows.
    const rows: Record<ScenarioLabel, string[]> = {
      belowBand: [scenarioLabelText('belowBand', lang)],
      normal: [scenarioLabelText('normal', lang)],
      shortPeak: [scenarioLabelText('shortPeak', lang)],
      longPeak: [scenarioLabelText('longPeak', lang)],
    };
    const out = new Array<string[]>(labels.length);
    for (let i = 0; i < labels.length; i++) out[i] = rows[labels[i]];
    return out;
  });
}
