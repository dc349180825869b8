import { classifyScenarios, scenarioLabelText } from '../core/scenarioLabel';
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
    const labels = classifyScenarios(toNumberColumn(workloadHours, 'workloadHours'), {
      low: toNumber(low, 'low', BAND_LOW.value),
      high: toNumber(high, 'high', BAND_HIGH.value),
      peakExtra: toNumber(peakExtra, 'peakExtra', SHORT_PEAK_EXTRA.value),
      peakPeriods: toNumber(peakPeriods, 'peakPeriods', SHORT_PEAK_PERIODS.value, 'any'),
    });
    return labels.map((l) => [scenarioLabelText(l, lang)]);
  });
}
