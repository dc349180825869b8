/**
 * The steering sheets computed as Excel would (THE evaluator, src/engine/workbook.ts, with the
 * real IND.* adapters): every figure on the sheets equals the core's for the same inputs, the hand-worked
 * numbers appear where they belong, identity checks hold and can be broken, and no case id or
 * name reaches a sheet.
 */
import { BUCKETS } from '../../src/core/steering';
import { ST_SHEETS, ST_TABLES } from '../../src/taskpane/plans/steering/names';
import { EXPECTED_AGEING, EXPECTED_EXPOSURE, STOCK_ROWS, DECIDED_ROWS } from './fixtures';
import { a1 } from '../../src/core/norms/address';
import {
  cycle,
  evaluate,
  isError,
  paramsPlan,
  rowValues,
  setTableCell,
  withProductionPlan,
  withTeams,
} from './planHelpers';

const params = withProductionPlan(withTeams(paramsPlan()), {
  AA: Array.from({ length: 13 }, () => [1, 2]),
  NAREIS: Array.from({ length: 13 }, () => [1, 1]),
});
const c = cycle(params);
const book = evaluate(params, c.plan);
const S = ST_SHEETS.stock;

test('every formula evaluates without an error value, except deliberate #N/A chart gaps', () => {
  const bad: string[] = [];
  for (const p of book.formulaCells()) {
    const v = book.value(p.sheet, p.row, p.col);
    if (isError(v) && !(v.code === '#N/A' && p.sheet !== ST_SHEETS.kpi))
      bad.push(`${p.sheet}!${a1(p.row, p.col)}: ${v.code} ${v.message ?? ''}`);
  }
  expect(bad).toEqual([]);
});

test('the ageing table on the sheet is the hand-worked one, with its check', () => {
  const L = c.layout.stock;
  for (const [i, p] of c.summary.products.entries()) {
    const row = rowValues(book, S, `A${L.ageingFirstRow + i}`, 9);
    expect(row[0]).toBe(p);
    expect(row.slice(1, 7)).toEqual(EXPECTED_AGEING[p]);
    expect(row[8]).toBe('OK');
  }
  const tot = rowValues(book, S, `A${L.ageingTotalRow}`, 9);
  expect(tot.slice(1, 7)).toEqual(EXPECTED_AGEING.total);
  expect(book.get(S, `B${L.checkRow}`)).toBe('OK');
  expect(book.get(S, `H${L.ageingFirstRow}`)).toBe(3 / 12);
});

test('the exposure now is the hand-worked one', () => {
  const L = c.layout.stock;
  c.summary.products.forEach((p, i) => {
    expect(book.get(S, `J${L.ageingFirstRow + i}`)).toBeCloseTo(EXPECTED_EXPOSURE[p as 'AA'], 9);
  });
  expect(book.get(S, `J${L.ageingTotalRow}`)).toBeCloseTo(EXPECTED_EXPOSURE.total, 9);
});

test('coming periods, cases due, expected passings and capacity equal the core', () => {
  const L = c.layout.stock;
  const H = 4;
  expect(Array.from({ length: H }, (_, k) => book.get(S, `D${L.comingFirstRow + k}`))).toEqual(
    c.summary.comingDays,
  );
  expect(book.get(S, `B${L.comingFirstRow}`)).toBe('2026-P05 (rest)');
  c.summary.products.forEach((p, i) => {
    const r = L.passingFirstRow + i;
    expect(book.get(S, `B${r}`)).toBeCloseTo(c.summary.capacityPerPeriod.get(p)!, 9);
    const got = rowValues(book, S, `D${r}`, H) as number[];
    c.summary.passing.get(p)!.forEach((x, k) => expect(got[k]).toBeCloseTo(x, 9));
  });
  // The hand-worked due counts (core.test.ts): AA 2, 0, 1, 0; NAREIS 1, 0, 0, 1.
  const at = (p: string): number => c.summary.products.indexOf(p);
  expect(c.summary.products).toEqual(['AA', 'VA', 'NAREIS']); // the deadline table's order
  expect(rowValues(book, S, `B${L.dueFirstRow + at('AA')}`, H)).toEqual([2, 0, 1, 0]);
  expect(rowValues(book, S, `B${L.dueFirstRow + at('NAREIS')}`, H)).toEqual([1, 0, 0, 1]);
});

test('exposure at the end of each coming period and the burn-down equal the core', () => {
  const L = c.layout.stock;
  const tot = rowValues(book, S, `C${L.exposureTotalRow}`, 4) as number[];
  c.summary.exposureAt.forEach((x, k) => expect(tot[k]).toBeCloseTo(x, 9));
  // Monotone: a later date never lowers the upper bound.
  expect(tot[0]).toBeGreaterThanOrEqual(EXPECTED_EXPOSURE.total);
  for (let k = 1; k < 4; k++) expect(tot[k]).toBeGreaterThanOrEqual(tot[k - 1]);
  const burn = Array.from({ length: 5 }, (_, k) => book.get(S, `B${L.burnFirstRow + k}`) as number);
  expect(burn[0]).toBe(20);
  c.summary.burnDown.forEach((x, k) => expect(burn[k + 1]).toBeCloseTo(x, 9));
});

test('the KPI sheet: realisation, year to date and the two year-end forecasts equal the core', () => {
  const K = ST_SHEETS.kpi;
  const L = c.layout.kpi;
  const real = book.column(ST_TABLES.kpi, 'Besloten real.');
  expect(real).toEqual(c.summary.realisation.map((r) => r.decided ?? null));
  c.summary.products.forEach((p, i) => {
    const r = L.ytdFirstRow + i;
    const ye = c.summary.yearEnd.get(p)!;
    const t = book.get(K, `T${r}`);
    const v = book.get(K, `V${r}`);
    if (ye.trend === undefined) expect(t).toBe('');
    else expect(t).toBeCloseTo(ye.trend, 9);
    if (ye.capacity === undefined) expect(v).toBe('');
    else expect(v).toBeCloseTo(ye.capacity, 9);
  });
  // AA: 3 decided in the 4 completed periods → trend 3 + 9 × 3/4 = 9.75 (hand-worked).
  expect(book.get(K, `F${L.ytdFirstRow}`)).toBe(3);
  expect(book.get(K, `T${L.ytdFirstRow}`)).toBeCloseTo(9.75, 12);
  // AA plan: 2 decided a period → 8 to date; realisation 3: variance −5 (material at 10%).
  expect(book.get(K, `E${L.ytdFirstRow}`)).toBe(8);
  expect(book.get(K, `G${L.ytdFirstRow}`)).toBe(-5);
  expect(book.get(K, `X${L.ytdFirstRow}`)).toEqual(expect.stringContaining('besloten;'));
  // Share decided within term to date, AA: B-01 and B-03 of B-01, B-02, B-03 → 2/3.
  expect(book.get(K, `L${L.ytdFirstRow}`)).toBeCloseTo(2 / 3, 15);
});

test('the material KPI deviations on the sheet are the actions in the table, linked to their cell', () => {
  const kinds = c.summary.material.map((m) => `${m.product} · ${m.kpi}`);
  expect(kinds.length).toBeGreaterThan(0);
  const sheet = c.plan.sheets.find((s) => s.name === c.layout.actionSheet)!;
  const table = sheet.tables![0];
  expect(table.rows.length).toBe(c.summary.material.length);
  const decided = c.actions.find((a) => a.variance === 'AA · besloten')!;
  expect(decided.link).toBe(`${ST_SHEETS.kpi}!G${c.layout.kpi.ytdFirstRow}`);
  // Shortfall 5 cases × 480 min / 60 = 40 hours to catch up.
  expect(decided.capacityHours).toBe(40);
  expect(decided.history).toBe('aangemaakt 2026-T2');
});

test('the identity check can fail: it is broken on purpose', () => {
  const b = evaluate(params, c.plan);
  const L = c.layout.stock;
  setTableCell(b, ST_TABLES.profile, 'Categorie', 1, 'onbekend');
  expect(b.get(S, `I${L.ageingFirstRow}`)).toBe('fout: -1');
  b.set(S, 'B6', 21);
  expect(b.get(S, `B${L.checkRow}`)).toBe('fout: -1');
});

test('the ageing is live: a longer term in the parameter table moves cases into term', () => {
  const b = evaluate(params, c.plan);
  const L = c.layout.stock;
  setTableCell(b, ST_TABLES.deadlines, 'Termijn (dagen)', 4, 120); // NAREIS: 90 → 120 days
  // NAREIS days since receipt 0, 90, 91, 119, 150, 105: within 120 now all but 150 (30 late).
  expect(rowValues(b, S, `B${L.ageingFirstRow + c.summary.products.indexOf('NAREIS')}`, 6)).toEqual([
    6, 5, 0, 0, 1, 0,
  ]);
  // The KPI sheet flags that its decided-case figures used the old term.
  const flags = b.column(ST_TABLES.kpi, 'Termijn gewijzigd sinds berekening');
  expect(flags.filter((f) => f === 'ja: bereken opnieuw').length).toBe(13);
});

test('privacy: no case id and no name from either export reaches any sheet', () => {
  const cells = [params, c.plan].flatMap((p) =>
    p.sheets.flatMap((s) => [
      ...s.blocks.flatMap((b) => b.cells.flat()),
      ...(s.tables ?? []).flatMap((t) => [...t.headers, ...t.rows.flat()]),
    ]),
  );
  const texts = cells.map((v) => String(v ?? ''));
  const secrets = [
    ...STOCK_ROWS.flatMap((r) => [String(r[0]), String(r[6])]),
    ...DECIDED_ROWS.flatMap((r) => [String(r[0]), String(r[5])]),
  ];
  for (const secret of secrets) expect(texts.filter((t) => t.includes(secret))).toEqual([]);
  // The test would catch one: a planted id is found.
  expect([...texts, 'x Z-0001 y'].filter((t) => t.includes('Z-0001'))).toHaveLength(1);
});

test('the bucket labels of the profile are exactly the ageing columns', () => {
  const cats = new Set(book.column(ST_TABLES.profile, 'Categorie'));
  expect(cats.size).toBeLessThanOrEqual(BUCKETS.length);
});
