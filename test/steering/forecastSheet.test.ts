/**
 * Forecast versions and their scoring on the sheet: versions are appended and never changed; a
 * period without realisation is pending; WAPE, MAPE and bias per product, series and horizon come
 * from IND.FORECASTERROR on the sheet and equal the core; what the bias does to funding comes from
 * IND.FUNDINGPATH and is worked by hand.
 */
import { newVersion, parseDate, type ForecastInput, type VersionRow } from '../../src/core/steering';
import { buildForecastSheetsPlan } from '../../src/taskpane/plans/steering/cyclePlan';
import {
  buildForecastInputPlan,
  readInputTable,
  readVersions,
} from '../../src/taskpane/plans/steering/forecastPlan';
import { ST_SHEETS, ST_TABLES } from '../../src/taskpane/plans/steering/names';
import { CAL, PEIL } from './fixtures';
import { cycle, evaluate, isError, paramsPlan, rowValues, tablesOf, withTeams } from './planHelpers';

/** Four versions, each made in one period and looking one period ahead (horizon 1). */
function versions(): VersionRow[] {
  const rows: VersionRow[] = [];
  const add = (date: string, inputs: ForecastInput[]): void => {
    rows.push(
      ...newVersion(inputs, rows, {
        date: parseDate(date),
        who: 'Business Control',
        calendar: CAL,
        table: 'x',
      }),
    );
  };
  // AA decided (actuals P02 1, P03 0, P04 1; P05 is running: pending) and AA received (actuals 0, 0, 0).
  add('15-01-2026', [
    { product: 'AA', series: 'besloten', period: 2, value: 2 },
    { product: 'AA', series: 'ontvangen', period: 2, value: 1 },
  ]);
  add('10-02-2026', [
    { product: 'AA', series: 'besloten', period: 3, value: 1 },
    { product: 'AA', series: 'ontvangen', period: 3, value: 1 },
  ]);
  add('10-03-2026', [
    { product: 'AA', series: 'besloten', period: 4, value: 2 },
    { product: 'AA', series: 'ontvangen', period: 4, value: 2 },
  ]);
  add('10-04-2026', [{ product: 'AA', series: 'besloten', period: 5, value: 3 }]);
  return rows;
}

const params = withTeams(paramsPlan());
const V = versions();
const c = cycle(params, {}, { versions: V });
const book = evaluate(params, c.plan);
const Q = ST_SHEETS.quality;

test('versions: numbered 1…4, horizon 1 each, and the last one pending', () => {
  expect(V.map((v) => v.version)).toEqual([1, 1, 2, 2, 3, 3, 4]);
  expect(V.every((v) => v.horizon === 1)).toBe(true);
  const status = book.column(ST_TABLES.versions, 'Status');
  expect(status).toEqual([
    'gescoord',
    'gescoord',
    'gescoord',
    'gescoord',
    'gescoord',
    'gescoord',
    'wacht op realisatie',
  ]);
  expect(book.column(ST_TABLES.versions, 'Realisatie')).toEqual([1, 0, 0, 0, 1, 0, '']);
});

test('scores on the sheet (IND.FORECASTERROR) equal the core and the hand-worked values', () => {
  const L = c.layout.quality!;
  // Groups sorted: AA besloten h1, AA ontvangen h1.
  const dec = rowValues(book, Q, `A${L.groupFirstRow}`, 9);
  expect(dec.slice(0, 5)).toEqual(['AA', 'besloten', 1, 3, 1]);
  // F − A = 1, 1, 1 over A = 1, 0, 1: WAPE 3 / 2 = 1.5, bias 1, all over-forecast.
  expect(dec[5]).toBe(1.5);
  expect(dec[7]).toBe(1);
  expect(dec[8]).toBe(1);
  // MAPE: an actual of 0 is an error that names its row in the versions table (row 3).
  expect(isError(dec[6]) && dec[6].code).toBe('#VALUE!');
  expect(isError(dec[6]) ? dec[6].message : '').toContain('actual, rij 3: de realisatie is 0');
  const core = c.summary.scores.find((s) => s.series === 'besloten')!;
  expect([core.wape, core.bias, core.shareOver, core.scored, core.pending]).toEqual([1.5, 1, 1, 3, 1]);
  const rec = rowValues(book, Q, `A${L.groupFirstRow + 1}`, 9);
  // Received: F = 1, 1, 2 against 0, 0, 0: bias 4/3; WAPE divides by Σ|A| = 0 → an error.
  expect(rec[7]).toBeCloseTo(4 / 3, 15);
  expect(isError(rec[5]) && rec[5].message).toContain('de som van de realisaties is 0');
});

test('what the bias would do to funding (IND.FUNDINGPATH), hand-worked', () => {
  const L = c.layout.quality!;
  // Realised workload P01–P04: AA 2×8 h + NAREIS 4×5 h = 36; VA 15 + NAREIS 10 = 25; VA 15; 0.
  expect([0, 1, 2, 3].map((k) => book.get(Q, `B${L.fundingFirstRow + k}`))).toEqual([36, 25, 15, 0]);
  // Bias 4/3 case a period × 480 min / 60 = 32/3 h; € 100 an hour, funding follows at once:
  // 4 periods × 100 × 32/3 = € 4,266.67 more funding from the high forecast.
  expect(book.get(Q, `F${L.fundingTotalRow}`)).toBeCloseTo(12800 / 3, 9);
});

test('forecast against realisation (chart data): latest version at the horizon, #N/A where none', () => {
  const L = c.layout.quality!;
  const row = (p: number) => rowValues(book, Q, `A${L.chartFirstRow + p - 1}`, 3);
  // Received in P02: VA 1 (B-06) + NAREIS 2 (Z-0014, Z-0015) = 3; AA's forecast for P02 was 1.
  expect(row(2)).toEqual(['2026-P02', 3, 1]);
  expect(row(4)).toEqual(['2026-P04', 0, 2]);
  expect(isError(row(5)[1])).toBe(true); // P05 is not complete
  expect(isError(row(7)[2])).toBe(true); // no forecast for P07
});

test('recording appends: every earlier row verbatim, the new version numbered next', () => {
  const before = readVersions({ name: ST_TABLES.versions, ...tableOf(c.plan, ST_TABLES.versions) });
  expect(before).toEqual(V);
  const inputPlan = buildForecastInputPlan({
    lang: 'nl',
    calendar: CAL,
    peil: PEIL,
    products: ['AA'],
    realisation: c.summary.realisation,
  });
  const input = tablesOf(inputPlan).get(ST_TABLES.input)!;
  // The user types two forecasts.
  const rows = input.rows.map((r) => r.slice());
  rows[0][3] = 4;
  rows[1][3] = 5;
  const typed = readInputTable({ ...input, rows }, CAL);
  expect(typed.map((t) => t.period)).toEqual([5, 6]);
  const next = [
    ...before,
    ...newVersion(typed, before, { date: PEIL, who: 'BC', calendar: CAL, table: input.name }),
  ];
  const plan = buildForecastSheetsPlan({
    lang: 'nl',
    calendar: CAL,
    date: PEIL,
    products: ['AA'],
    versions: next,
  }).plan;
  const written = readVersions({ name: ST_TABLES.versions, ...tableOf(plan, ST_TABLES.versions) });
  expect(written.slice(0, before.length)).toEqual(before);
  expect(written.slice(before.length).map((r) => [r.version, r.horizon, r.value])).toEqual([
    [5, 0, 4],
    [5, 1, 5],
  ]);
  // Suggestion column: AA received so far 2, 0, 0, 0 in four periods → 0.5 a period.
  expect(input.rows[0][4]).toBe(0.5);
});

function tableOf(plan: import('../../src/taskpane/host/types').WritePlan, name: string) {
  const t = tablesOf(plan).get(name)!;
  return { headers: t.headers, rows: t.rows };
}
