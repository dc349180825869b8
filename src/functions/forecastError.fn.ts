import { CalcError } from '../core/errors';
import { forecastError as forecastErrorCore, parseMeasure } from '../core/steering/forecastError';
import { toNumberGrid, toText } from '../core/validate';
import { checkSameSize } from './shapes';
import { finite, guard } from './toExcelError';

/**
 * Accuracy or bias of a forecast against the actuals: wape = sum|F-A| / sum|A|; mape = mean(|F-A| / |A|), an error naming the row where an actual is 0; bias = mean(F-A) in the series' units, positive = over-forecast. A blank actual is pending (no realisation yet): that period is skipped.
 * @customfunction FORECASTERROR
 * @param actual Actuals (realisation) per period: one column or row. A blank cell = no realisation yet (pending, skipped). Text such as "12,5" is rejected: type the number, or use VALUE().
 * @param forecast Forecasts per period, the same size as actual.
 * @param [measure] "wape" (default), "mape" or "bias".
 * @returns The measure, unrounded: a fraction for wape and mape, units for bias.
 */
export function forecastError(actual: any[][], forecast: any[][], measure?: any): number {
  return guard('IND.FORECASTERROR', () => {
    checkSameSize(forecast, 'forecast', actual, 'actual');
    const a = toNumberGrid(actual, 'actual', { blank: 'nan', sign: 'any' }).data;
    const f = toNumberGrid(forecast, 'forecast', { blank: 'nan', sign: 'any' }).data;
    for (let i = 0; i < a.length; i++) {
      if (!Number.isNaN(a[i]) && Number.isNaN(f[i]))
        throw new CalcError('blankValue', { argument: 'forecast', row: i + 1 });
    }
    const m = parseMeasure(toText(measure, 'measure', 'wape'));
    return finite(forecastErrorCore(a, f, m), 'IND.FORECASTERROR');
  });
}
