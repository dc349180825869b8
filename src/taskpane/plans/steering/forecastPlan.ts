/**
 * Recording forecasts (*prognoses vastleggen*): the input sheet the user fills in, and reading
 * back the input table and the existing versions. A recorded version is appended: the versions
 * table is rewritten with every earlier row verbatim, so no forecast is ever lost or changed.
 *
 * Pure: input → `WritePlan`, tables → rows.
 */
import { CalcError } from '../../../core/errors';
import { cellText, headerKey } from '../../../core/funding/cells';
import { isBlank } from '../../../core/input';
import type { Lang } from '../../../core/messages/types';
import { periodOf, type Calendar, type DayNumber } from '../../../core/steering/calendar';
import {
  FORECAST_INPUT_HEADERS,
  parseSeries,
  readForecastInput,
  SERIES,
  VERSION_HEADERS,
  type ForecastInput,
  type VersionRow,
} from '../../../core/steering/forecasts';
import type { KpiRealisation } from '../../../core/steering/kpi';
import type { CellValue, WritePlan } from '../../host/types';
import { ST_SHEETS, ST_TABLES } from './names';
import type { TableRows } from './readBack';
import { withLegend } from '../styleLegend';
import { NF } from '../formats';

/** The extra column of the input table: a suggestion, the realised rate so far. */
export const SUGGESTION_HEADER = 'Suggestie (gerealiseerd tempo)';

const T = {
  title: { nl: 'Prognose invoeren', en: 'Enter a forecast' },
  note: {
    nl: 'Vul per product, reeks en periode de prognose in (lichtblauwe cellen; leeg = geen prognose) en klik in het taakvenster op "Prognose vastleggen". Elke vastlegging wordt een nieuwe versie; eerdere versies blijven staan.',
    en: 'Fill in the forecast per product, series and period (light blue cells; blank = no forecast) and click "Record forecast" in the task pane. Each recording becomes a new version; earlier versions stay.',
  },
} as const;

/**
 * The input sheet: products × series × the periods from the current one to the year's end, with
 * the realised rate so far as a suggestion (blank when no period is complete yet).
 */
function buildForecastInputPlanSheets(input: {
  lang: Lang;
  calendar: Calendar;
  peil: DayNumber;
  products: readonly string[];
  /** Realisation per product and period, for the suggestion. */
  realisation: readonly KpiRealisation[];
}): WritePlan {
  const { lang, calendar } = input;
  const current = Math.max(1, periodOf(calendar, input.peil));
  const periods = calendar.periods.filter((p) => p.period >= current);
  const rate = (product: string, series: (typeof SERIES)[number]): number | null => {
    const done = input.realisation.filter((r) => r.product === product && r.status === 'afgerond');
    const xs = done.map((r) => (series === 'ontvangen' ? r.received : r.decided));
    if (xs.length === 0 || xs.some((x) => x === undefined)) return null;
    return (xs as number[]).reduce((a, b) => a + b, 0) / xs.length;
  };
  const rows: CellValue[][] = input.products.flatMap((p) =>
    SERIES.flatMap((s) => periods.map((q): CellValue[] => [p, s, q.label, null, rate(p, s)])),
  );
  return {
    action: lang === 'nl' ? 'Prognose-invoer maken' : 'Create forecast input',
    sheets: [
      {
        name: ST_SHEETS.input,
        blocks: [
          { at: 'A1', cells: [[T.title[lang]]], style: 'title' },
          { at: 'A2', cells: [[T.note[lang]]], style: 'note' },
          { at: 'D5', cells: rows.map(() => [null]), style: 'input' },
        ],
        tables: [
          {
            name: ST_TABLES.input,
            at: 'A4',
            headers: [...FORECAST_INPUT_HEADERS, SUGGESTION_HEADER],
            rows,
            columnFormats: [NF.text, NF.text, NF.text, NF.count, NF.fte],
          },
        ],
        columnWidths: { A: 90, B: 90, C: 90, D: 100, E: 190 },
        freezeRows: 4,
      },
    ],
  };
}

/** The indices of `wanted` headers in a table, or `steerTableColumn`. */
function indices(t: TableRows, wanted: readonly string[]): number[] {
  const keys = t.headers.map(headerKey);
  return wanted.map((w) => {
    const i = keys.indexOf(headerKey(w));
    if (i < 0)
      throw new CalcError('steerTableColumn', {
        argument: t.name,
        expected: w,
        received: t.headers.join(', '),
      });
    return i;
  });
}

/** Reads the input table by its headers. @throws the errors of `readForecastInput`. */
export function readInputTable(t: TableRows, calendar: Calendar): ForecastInput[] {
  const idx = indices(t, FORECAST_INPUT_HEADERS);
  return readForecastInput(
    t.rows.map((r) => idx.map((i) => r[i])),
    calendar,
    t.name,
  );
}

/**
 * Reads the existing versions verbatim (the constant columns; the live scoring columns are
 * written anew). A row that is not a forecast row (blank) is skipped.
 * @throws CalcError `steerTableColumn`, `steerForecastSeries`.
 */
export function readVersions(t: TableRows): VersionRow[] {
  const idx = indices(t, VERSION_HEADERS);
  return t.rows
    .filter((r) => !idx.every((i) => isBlank(r[i])))
    .map((r, k) => {
      const v = idx.map((i) => r[i]);
      const num = (x: unknown): number => (typeof x === 'number' ? x : Number(cellText(x)));
      return {
        version: num(v[0]),
        date: typeof v[1] === 'number' ? v[1] : cellText(v[1]),
        who: cellText(v[2]),
        product: cellText(v[3]),
        series: parseSeries(v[4], t.name, k + 1),
        period: cellText(v[5]),
        horizon: num(v[6]),
        value: num(v[7]),
      };
    });
}

/** The plan of {@link buildForecastInputPlanSheets}, with the style legend on every sheet (styleLegend.ts). */
export function buildForecastInputPlan(
  ...args: Parameters<typeof buildForecastInputPlanSheets>
): ReturnType<typeof buildForecastInputPlanSheets> {
  return withLegend(buildForecastInputPlanSheets(...args), args[0].lang);
}
