/**
 * The plan through the real gateway over the Office fake, in node: accepted as is (table names,
 * chart sources, names), written in a constant number of syncs whatever the size of the export,
 * and re-running it rewrites the pane's own sheets instead of failing or duplicating.
 */
import { importCsv } from '../../src/core/timerecording/import';
import { ExcelGateway, type ExcelRun } from '../../src/taskpane/host/excelGateway';
import { buildTimeRecordingPlan, TS_SHEETS } from '../../src/taskpane/plans/timerecording/timeRecordingPlan';
import { createFakeOffice } from '../browser/fake-office/fakeOffice';
import {
  GENERATED_COLUMNS,
  generateExport,
  generatedCategoryMapping,
} from '../generators/timeRecordingExport';
import { streamOf, utf8 } from './helpers';

async function planFor(teams: number, weeks: number) {
  const { text } = generateExport({ seed: 1, teams, personsPerTeam: 3, weeks });
  const result = await importCsv(streamOf(utf8(text), 1 << 16), {
    mapping: GENERATED_COLUMNS,
    periodKind: 'period4w',
  });
  return buildTimeRecordingPlan({
    result,
    options: { categoryMapping: generatedCategoryMapping() },
    sourceName: 'x.csv',
  }).plan;
}

describe('time-recording plan through the gateway', () => {
  test('constant number of syncs for a small and a 10× larger aggregate', async () => {
    const counts: number[] = [];
    for (const [teams, weeks] of [
      [2, 4],
      [10, 16],
    ]) {
      const fake = createFakeOffice();
      fake.workbook.addSheet('Blad1');
      fake.workbook.resetCounters();
      const gw = new ExcelGateway({ run: fake.Excel.run as ExcelRun });
      const plan = await planFor(teams, weeks);
      const report = await gw.apply(plan);
      expect(report.changes.length).toBeGreaterThan(0);
      const snap = fake.workbook.snapshot();
      expect(snap.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(Object.values(TS_SHEETS)));
      expect(snap.tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['TS_Uren', 'TS_Brug', 'TS_Normen']),
      );
      expect(snap.sheets.find((s) => s.name === TS_SHEETS.analysis)!.charts.map((c) => c.type)).toContain(
        'Waterfall',
      );
      counts.push(snap.syncCount);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  test('writing again replaces the pane’s own sheets', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('Blad1');
    const gw = new ExcelGateway({ run: fake.Excel.run as ExcelRun });
    const plan = await planFor(2, 4);
    await gw.apply(plan);
    await gw.apply(plan);
    const snap = fake.workbook.snapshot();
    expect(snap.sheets.filter((s) => s.name.startsWith('IND TS')).length).toBe(4);
    expect(snap.tables.filter((t) => t.name === 'TS_Brug').length).toBe(1);
  });
});
