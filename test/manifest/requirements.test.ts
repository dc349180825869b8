/**
 * Requirement sets beyond the manifest's minimum are checked at run time and fall back with a
 * notice: the Waterfall chart (ExcelApi 1.9) becomes a stacked column chart over helper columns
 * that put every bar where the waterfall puts it. Offline: the real gateway over the Office fake,
 * with the fake's API-set switch, and the helper formulas evaluated.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { columnLetters, columnNumber } from '../../src/core/norms/address';
import { parseActualTable, parseBudgetTable } from '../../src/core/funding';
import { ExcelGateway, type ExcelRun } from '../../src/taskpane/host/excelGateway';
import {
  adaptPlanToHost,
  CHART_TYPE_SETS,
  MANIFEST_SETS,
  officeSupports,
} from '../../src/taskpane/host/requirements';
import type { WritePlan } from '../../src/taskpane/host/types';
import { importCsv } from '../../src/core/timerecording/import';
import { buildReconciliationPlan } from '../../src/taskpane/plans/funding/reconciliationPlan';
import { buildTimeRecordingPlan } from '../../src/taskpane/plans/timerecording/timeRecordingPlan';
import { createFakeOffice } from '../browser/fake-office/fakeOffice';
import cases from '../funding/golden/reconciliation.json';
import { workbookFromPlans } from '../../src/engine/model';
import { WorkbookEvaluator } from '../../src/engine/workbook';
import {
  GENERATED_COLUMNS,
  generateExport,
  generatedCategoryMapping,
} from '../generators/timeRecordingExport';
import { streamOf, utf8 } from '../timerecording/helpers';

const manifest = readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8');

function reconciliation(): WritePlan {
  const c = cases.cases[0];
  return buildReconciliationPlan({
    period: '2026-T1',
    budget: parseBudgetTable(c.budget),
    actual: parseActualTable(c.actual),
    ledger: 32000,
    materiality: { euro: 1000 },
    carried: [],
    actionTableExists: false,
    lang: 'nl',
  }).plan;
}

const capAt18 = (name: string, version: string): boolean =>
  name !== 'ExcelApi' || Number(version.split('.')[1]) <= 8;

/** Bottom and top of each bar as the chart draws it, from evaluated cells. */
function stackedBars(wb: WorkbookEvaluator, sheet: string, helper: string): [number, number][] {
  const [from, to] = helper.split(':');
  const col = /^[A-Z]+/.exec(from)![0];
  const first = Number(/\d+$/.exec(from)![0]) + 1; // below the helper's header
  const last = Number(/\d+$/.exec(to)![0]);
  const next = (c: string, k: number): string => columnLetters(columnNumber(c) + k);
  const bars: [number, number][] = [];
  for (let r = first; r <= last; r++) {
    const base = wb.get(sheet, `${next(col, 1)}${r}`) as number;
    const up = wb.get(sheet, `${next(col, 2)}${r}`) as number;
    const down = wb.get(sheet, `${next(col, 3)}${r}`) as number;
    bars.push([base, base + up + down]);
  }
  return bars;
}

/** Bottom and top of each waterfall bar: from the running total before the row to the one after it. */
function waterfallBars(values: number[]): [number, number][] {
  let run = 0;
  return values.map((v) => {
    const before = run;
    run += v;
    return [Math.min(before, run), Math.max(before, run)];
  });
}

describe('requirement sets', () => {
  it('the manifest declares exactly the sets the pane uses without a check', () => {
    const declared = Array.from(manifest.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)).map(
      (m) => ({ name: m[1], version: m[2] }),
    );
    expect(declared).toEqual(MANIFEST_SETS);
    expect(declared.map((d) => d.name)).toContain('CustomFunctionsRuntime');
    // Every run-time checked chart type is newer than the manifest's ExcelApi.
    const excel = MANIFEST_SETS.find((s) => s.name === 'ExcelApi')!;
    for (const set of Object.values(CHART_TYPE_SETS)) {
      expect(Number(set.version.split('.')[1])).toBeGreaterThan(Number(excel.version.split('.')[1]));
    }
  });

  it('leaves the plan untouched where the host supports everything', () => {
    const plan = reconciliation();
    const out = adaptPlanToHost(plan, () => true, 'nl');
    expect(out.plan).toBe(plan);
    expect(out.fallbacks).toEqual([]);
  });

  it('without ExcelApi 1.9 the waterfall is drawn as stacked columns with the same bars', () => {
    const plan = reconciliation();
    const sheet = plan.sheets[0];
    const waterfall = sheet.charts!.find((c) => c.type === 'Waterfall')!;
    const { plan: adapted, fallbacks } = adaptPlanToHost(plan, capAt18, 'nl');
    expect(fallbacks).toHaveLength(1);
    const fb = fallbacks[0];
    expect(fb).toMatchObject({ requested: 'Waterfall', drawnAs: 'ColumnStacked', set: { version: '1.9' } });
    const chart = adapted.sheets[0].charts![fb.chartIndex];
    expect(chart).toMatchObject({
      type: 'ColumnStacked',
      source: fb.helper,
      at: waterfall.at,
      to: waterfall.to,
    });

    // The evaluated helper columns draw each bar where the waterfall draws it.
    const wb = new WorkbookEvaluator(workbookFromPlans(adapted));
    const [from, to] = waterfall.source.split(':');
    const vcol = /^[A-Z]+/.exec(to)![0];
    const top = Number(/\d+$/.exec(from)![0]);
    const rows = Array.from({ length: Number(/\d+$/.exec(to)![0]) - top + 1 }, (_, k) => top + k);
    let values = rows.map((r) => wb.get(sheet.name, `${vcol}${r}`));
    if (typeof values[0] !== 'number') values = values.slice(1); // a header row
    expect(values.every((v) => typeof v === 'number')).toBe(true);
    expect(values.some((v) => (v as number) < 0)).toBe(true); // decreases are covered
    const drawn = stackedBars(wb, sheet.name, fb.helper!);
    const expected = waterfallBars(values as number[]);
    expect(drawn).toHaveLength(expected.length);
    drawn.forEach(([lo, hi], k) => {
      expect(lo).toBeCloseTo(expected[k][0], 6);
      expect(hi).toBeCloseTo(expected[k][1], 6);
    });

    // The check can fail: a base that ignores decreases draws other bars.
    const broken = JSON.parse(JSON.stringify(adapted)) as WritePlan;
    const helperBlock = broken.sheets[0].blocks.find((b) => b.at === fb.helper!.split(':')[0])!;
    helperBlock.cells = helperBlock.cells.map((r, i) =>
      i === 0 ? r : [r[0], String(r[1]).replace(/-MAX\(.*$/, ''), r[2], r[3]],
    );
    const wrong = stackedBars(new WorkbookEvaluator(workbookFromPlans(broken)), sheet.name, fb.helper!);
    expect(
      wrong.some(
        ([lo, hi], k) => Math.abs(lo - expected[k][0]) > 1e-6 || Math.abs(hi - expected[k][1]) > 1e-6,
      ),
    ).toBe(true);
  });

  it('the time-recording bridge (with a header row in its source) falls back the same way', async () => {
    const { text } = generateExport({ seed: 3, teams: 2, personsPerTeam: 3, weeks: 4 });
    const result = await importCsv(streamOf(utf8(text), 1 << 16), {
      mapping: GENERATED_COLUMNS,
      periodKind: 'period4w',
    });
    const plan = buildTimeRecordingPlan({
      result,
      options: { categoryMapping: generatedCategoryMapping() },
      sourceName: 'x.csv',
    }).plan;
    const { plan: adapted, fallbacks } = adaptPlanToHost(plan, capAt18, 'en');
    expect(fallbacks.map((f) => f.drawnAs)).toEqual(['ColumnStacked']);
    const fb = fallbacks[0];
    const sheet = adapted.sheets[fb.sheetIndex];
    const waterfall = plan.sheets[fb.sheetIndex].charts!.find((c) => c.type === 'Waterfall')!;
    const book = new WorkbookEvaluator(workbookFromPlans(adapted));
    const [from, to] = waterfall.source.split(':');
    const top = Number(/\d+$/.exec(from)![0]);
    const vcol = /^[A-Z]+/.exec(to)![0];
    expect(book.get(sheet.name, `${vcol}${top}`)).toBe('Effect op de ratio');
    const values = Array.from({ length: Number(/\d+$/.exec(to)![0]) - top }, (_, k) =>
      book.get(sheet.name, `${vcol}${top + 1 + k}`),
    ) as number[];
    expect(values.every((v) => typeof v === 'number')).toBe(true);
    const hc = /^[A-Z]+/.exec(fb.helper!)![0];
    const next = (k: number): string => columnLetters(columnNumber(hc) + k);
    const expected = waterfallBars(values);
    values.forEach((_, k) => {
      const r = top + 1 + k;
      const base = book.get(sheet.name, `${next(1)}${r}`) as number;
      const up = book.get(sheet.name, `${next(2)}${r}`) as number;
      const down = book.get(sheet.name, `${next(3)}${r}`) as number;
      expect(base).toBeCloseTo(expected[k][0], 12);
      expect(base + up + down).toBeCloseTo(expected[k][1], 12);
    });
    expect(book.get(sheet.name, `${hc}${top}`)).toBe('Step');
  });

  it('the gateway checks through Office.context.requirements and reports the fallback', async () => {
    const fake = createFakeOffice({ apiSets: { ExcelApi: '1.8' } });
    fake.workbook.addSheet('Blad1');
    const saved = (globalThis as { Office?: unknown }).Office;
    (globalThis as { Office?: unknown }).Office = fake.Office;
    try {
      expect(officeSupports('ExcelApi', '1.8')).toBe(true);
      expect(officeSupports('ExcelApi', '1.9')).toBe(false);
      expect(officeSupports('ExcelApi', '1.10')).toBe(false);
      const gw = new ExcelGateway({ run: fake.Excel.run as ExcelRun });
      const report = await gw.apply(reconciliation());
      const snap = fake.workbook.snapshot();
      const charts = snap.sheets.flatMap((s) => s.charts);
      expect(charts.map((c) => c.type)).toEqual(['ColumnStacked']);
      expect(charts[0].hiddenSeries).toEqual([0]);
      expect(report.notices).toHaveLength(1);
      expect(report.notices![0]).toMatch(/Waterfall-grafiek .*ExcelApi 1\.9.*gestapelde kolomgrafiek/);
      expect(report.changes.some((c) => c.description.includes('gestapelde kolomgrafiek'))).toBe(true);

      // Switched on again: the real waterfall, no notice.
      fake.setApiSupport('ExcelApi', null);
      const r2 = await gw.apply(reconciliation());
      expect(fake.workbook.snapshot().sheets.flatMap((s) => s.charts.map((c) => c.type))).toEqual([
        'Waterfall',
      ]);
      expect(r2.notices).toBeUndefined();
    } finally {
      (globalThis as { Office?: unknown }).Office = saved;
    }
  });

  it('a newer chart type without a fallback is left out with a notice, the rest is written', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('Blad1');
    const gw = new ExcelGateway({ run: fake.Excel.run as ExcelRun, supports: capAt18, lang: 'en' });
    const report = await gw.apply({
      action: 'x',
      sheets: [
        {
          name: 'IND Test',
          blocks: [
            {
              at: 'A1',
              cells: [
                ['a', 1],
                ['b', 2],
              ],
            },
          ],
          charts: [
            { type: 'Treemap', title: 'T', source: 'A1:B2', at: 'D1' },
            { type: 'Line', title: 'L', source: 'A1:B2', at: 'D20' },
          ],
        },
      ],
    });
    expect(
      fake.workbook
        .snapshot()
        .sheets.find((s) => s.name === 'IND Test')!
        .charts.map((c) => c.type),
    ).toEqual(['Line']);
    expect(report.notices).toEqual([
      "IND Test: chart 'T' not added: this version of Excel cannot draw a Treemap chart (needs ExcelApi 1.9); the data is on the sheet",
    ]);
  });
});
