/**
 * Forecast versions (*prognoseversies*): every forecast a user records is kept with its date, its
 * author (free text) and, per row, its horizon (how many periods ahead of the version's date it
 * looks). Versions are only ever appended; older rows are carried over verbatim. Once a period's
 * realisation is in, its rows are scored (accuracy and bias per product, series and horizon).
 */
import { CalcError } from '../errors';
import { cellText } from '../funding/cells';
import { readCellNumber } from '../input';
import { periodOf, type Calendar, type DayNumber } from './calendar';
import { forecastError, shareOverForecast } from './forecastError';

/** The series a forecast is about. */
export type Series = 'ontvangen' | 'besloten';
export const SERIES: readonly Series[] = ['ontvangen', 'besloten'];

/** Reads a series name (nl or en). @throws CalcError `steerForecastSeries`. */
export function parseSeries(v: unknown, table: string, row: number): Series {
  const t = cellText(v).trim().toLowerCase();
  if (t === 'ontvangen' || t === 'received' || t === 'instroom') return 'ontvangen';
  if (t === 'besloten' || t === 'decided' || t === 'afgehandeld' || t === 'productie') return 'besloten';
  throw new CalcError('steerForecastSeries', { argument: table, row, received: cellText(v) });
}

/** One forecast typed by the user, before it becomes part of a version. */
export interface ForecastInput {
  product: string;
  series: Series;
  /** 1 … 13 of the calendar. */
  period: number;
  value: number;
}

/** Headers of the input table the pane prepares. */
export const FORECAST_INPUT_HEADERS = ['Product', 'Reeks', 'Periode', 'Prognose'] as const;

/** Headers of the versions table (the constant part; the pane adds live scoring columns). */
export const VERSION_HEADERS = [
  'Versie',
  'Datum',
  'Wie',
  'Product',
  'Reeks',
  'Periode',
  'Horizon',
  'Prognose',
] as const;

/**
 * Reads the input table: a period is a calendar label ("2026-P05") or number; a blank forecast
 * is skipped (not every cell needs a forecast); text in the forecast column is refused.
 * @throws CalcError `steerForecastPeriod`, `steerForecastSeries`, `notANumber`,
 *   `negativeValue`, `steerForecastEmpty`.
 */
export function readForecastInput(
  rows: readonly (readonly unknown[])[],
  cal: Calendar,
  table: string,
): ForecastInput[] {
  const out: ForecastInput[] = [];
  rows.forEach((r, i) => {
    const row = i + 1;
    const v = r[3];
    if (v === null || v === undefined || cellText(v).trim() === '') return;
    const product = cellText(r[0]).trim();
    if (product === '') throw new CalcError('steerBlankField', { file: table, row, argument: 'Product' });
    const period = readPeriod(r[2], cal, table, row);
    const value = readCellNumber(v, { argument: `${table} · Prognose`, row }, { sign: 'nonNegative' });
    out.push({ product, series: parseSeries(r[1], table, row), period, value });
  });
  if (out.length === 0) throw new CalcError('steerForecastEmpty', { argument: table });
  return out;
}

/** A period cell: a label of the calendar ("2026-P05") or a number 1–13. */
export function readPeriod(v: unknown, cal: Calendar, table: string, row: number): number {
  const t = cellText(v).trim();
  const byLabel = cal.periods.find((p) => p.label.toLowerCase() === t.toLowerCase());
  if (byLabel) return byLabel.period;
  const k = typeof v === 'number' ? v : /^\d+$/.test(t) ? Number(t) : NaN;
  if (Number.isInteger(k) && k >= 1 && k <= cal.periods.length) return k;
  throw new CalcError('steerForecastPeriod', {
    argument: table,
    row,
    received: t,
    expected: cal.periods[0].label,
  });
}

/** One row of the versions table. */
export interface VersionRow {
  version: number;
  /** Excel serial of the version's date, or the text the table holds. */
  date: number | string;
  who: string;
  product: string;
  series: Series;
  /** The calendar label, e.g. "2026-P05". */
  period: string;
  horizon: number;
  value: number;
}

/** The highest version number among the rows (0 when there is none). */
export function lastVersion(rows: readonly { version: number }[]): number {
  return rows.reduce((m, r) => Math.max(m, Number.isFinite(r.version) ? r.version : 0), 0);
}

/**
 * The rows of a new version: version = last + 1, the horizon of a row = its period minus the
 * period of the version's date (0 = the current period). A forecast for a period that has
 * passed is refused.
 * @throws CalcError `steerBlankWho`, `steerForecastPeriod`.
 */
export function newVersion(
  inputs: readonly ForecastInput[],
  existing: readonly { version: number }[],
  meta: { date: DayNumber; who: string; calendar: Calendar; table: string },
): VersionRow[] {
  const who = meta.who.trim();
  if (who === '') throw new CalcError('steerBlankWho', { argument: 'Wie' });
  const version = lastVersion(existing) + 1;
  const current = periodOf(meta.calendar, meta.date);
  return inputs.map((f, i) => {
    if (f.period < current)
      throw new CalcError('steerForecastPeriod', {
        argument: meta.table,
        row: i + 1,
        received: meta.calendar.periods[f.period - 1].label,
        expected: meta.calendar.periods[Math.min(Math.max(current, 1), 13) - 1].label,
      });
    return {
      version,
      date: meta.date + 25569,
      who,
      product: f.product,
      series: f.series,
      period: meta.calendar.periods[f.period - 1].label,
      horizon: f.period - current,
      value: f.value,
    };
  });
}

/** The scores of one group (product × series × horizon). */
export interface ForecastScore {
  product: string;
  series: Series;
  horizon: number;
  scored: number;
  pending: number;
  /** undefined while nothing is scored. */
  wape?: number;
  /** A number, or the message why not (an actual of 0). */
  mape?: number | string;
  bias?: number;
  shareOver?: number;
}

/**
 * Scores every group of the versions against the realisation. `actualOf` gives the realised
 * value of a product, series and period label, or undefined while the period is not complete
 * (the row is then pending, never an error).
 */
export function scoreForecasts(
  rows: readonly VersionRow[],
  actualOf: (product: string, series: Series, period: string) => number | undefined,
): ForecastScore[] {
  const groups = new Map<
    string,
    { key: Omit<ForecastScore, 'scored' | 'pending'>; a: number[]; f: number[] }
  >();
  for (const r of rows) {
    const k = `${r.product}\u0001${r.series}\u0001${r.horizon}`;
    let g = groups.get(k);
    if (!g)
      groups.set(
        k,
        (g = { key: { product: r.product, series: r.series, horizon: r.horizon }, a: [], f: [] }),
      );
    g.a.push(actualOf(r.product, r.series, r.period) ?? NaN);
    g.f.push(r.value);
  }
  return [...groups.values()].map(({ key, a, f }) => {
    const pending = a.filter((x) => Number.isNaN(x)).length;
    const s: ForecastScore = { ...key, scored: a.length - pending, pending };
    if (s.scored === 0) return s;
    s.bias = forecastError(a, f, 'bias');
    s.shareOver = shareOverForecast(a, f);
    try {
      s.wape = forecastError(a, f, 'wape');
    } catch {
      s.wape = undefined;
    }
    try {
      s.mape = forecastError(a, f, 'mape');
    } catch (e) {
      s.mape = e instanceof CalcError ? e.messageIn('nl') : String(e);
    }
    return s;
  });
}
