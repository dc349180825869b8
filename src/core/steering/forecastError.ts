/**
 * Accuracy and bias of forecasts against realisation (*prognosekwaliteit*, reference §8: forecasts
 * drive funding, so they are scored afterwards). F = forecast, A = actual.
 */
import { CalcError } from '../errors';

/** The measures of {@link forecastError}. */
export type ForecastMeasure = 'wape' | 'mape' | 'bias';

/** A pair whose actual is not known yet (NaN) is *pending*: kept, not scored, never an error. */
export function isPending(actual: number): boolean {
  return Number.isNaN(actual);
}

/** Reads a measure name (case-insensitive). @throws CalcError `steerUnknownMeasure`. */
export function parseMeasure(text: string, argument = 'measure'): ForecastMeasure {
  const t = text.trim().toLowerCase();
  if (t === 'wape' || t === 'mape' || t === 'bias') return t;
  throw new CalcError('steerUnknownMeasure', { argument, received: text });
}

/** Numbers of scored and pending pairs. */
export interface ForecastCounts {
  scored: number;
  pending: number;
}

/** Counts the scored pairs (actual known) and the pending ones (actual NaN). */
export function countScored(actual: ArrayLike<number>): ForecastCounts {
  let pending = 0;
  for (let i = 0; i < actual.length; i++) if (isPending(actual[i])) pending++;
  return { scored: actual.length - pending, pending };
}

/**
 * The error of a forecast series over the pairs whose actual is known:
 * - `wape` = Σ|F − A| / Σ|A| (weighted absolute percentage error, a fraction);
 * - `mape` = mean(|F − A| / |A|) (a fraction); an actual of 0 is an error naming its row;
 * - `bias` = mean(F − A) in the series' units: positive = over-forecast.
 * Pairs with an unknown actual (NaN) are pending: skipped, not errors.
 *
 * @param actual - Realisation per period; NaN = not known yet.
 * @param forecast - Forecast per period, same length, finite.
 * @param measure - Which measure.
 * @param names - Argument names for messages (default `actual`, `forecast`).
 * @returns The measure, unrounded.
 * @throws CalcError `lengthMismatch`, `notFinite`, `steerNoActuals` (nothing scored yet, #N/A),
 *   `steerActualZero` (mape), `steerActualsSumZero` (wape).
 */
export function forecastError(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  measure: ForecastMeasure,
  names: { actual: string; forecast: string } = { actual: 'actual', forecast: 'forecast' },
): number {
  if (actual.length !== forecast.length)
    throw new CalcError('lengthMismatch', {
      argument: names.forecast,
      rows: forecast.length,
      other: names.actual,
      otherRows: actual.length,
    });
  let n = 0;
  let absErr = 0;
  let absActual = 0;
  let err = 0;
  let ape = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    if (isPending(a)) continue;
    const f = forecast[i];
    if (!Number.isFinite(f))
      throw new CalcError('notFinite', { argument: names.forecast, row: i + 1, received: String(f) });
    if (!Number.isFinite(a))
      throw new CalcError('notFinite', { argument: names.actual, row: i + 1, received: String(a) });
    n++;
    absErr += Math.abs(f - a);
    absActual += Math.abs(a);
    err += f - a;
    if (measure === 'mape') {
      if (a === 0) throw new CalcError('steerActualZero', { argument: names.actual, row: i + 1 });
      ape += Math.abs(f - a) / Math.abs(a);
    }
  }
  if (n === 0) throw new CalcError('steerNoActuals', { argument: names.actual, rows: actual.length });
  if (measure === 'wape') {
    if (absActual === 0) throw new CalcError('steerActualsSumZero', { argument: names.actual });
    return absErr / absActual;
  }
  if (measure === 'mape') return ape / n;
  return err / n;
}

/**
 * The share of scored periods that were over-forecast (F > A), pending pairs skipped; an
 * exact forecast (F = A) is not an over-forecast.
 * @throws CalcError `steerNoActuals`.
 */
export function shareOverForecast(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let n = 0;
  let over = 0;
  for (let i = 0; i < actual.length; i++) {
    if (isPending(actual[i])) continue;
    n++;
    if (forecast[i] > actual[i]) over++;
  }
  if (n === 0) throw new CalcError('steerNoActuals', { argument: 'actual', rows: actual.length });
  return over / n;
}
