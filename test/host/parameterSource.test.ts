/**
 * Issue 11, build 1 (one parameter source): the pane reads B4 and the table in one action with a
 * constant number of syncs, and the Rekenblad's preview figure (`calcSheetFte`, on the values
 * read from the workbook) equals the sheet's formula result through THE evaluator, for set A
 * (Model 2021) and set B (Gemeten A&B 2021) as the active set.
 */
import { workbookFromPlans } from '../../src/engine/model';
import { WorkbookEvaluator } from '../../src/engine/workbook';
import { ExcelGateway, type ExcelRun } from '../../src/taskpane/host/excelGateway';
import type { CellValue } from '../../src/taskpane/host/types';
import {
  ACTIVE_SET_NAME,
  buildCalcSheetPlan,
  buildNormTablePlan,
  buildParameterPlan,
  CALC_SHEET,
  calcSheetFte,
  defaultSets,
  deriveSet,
  MEASURED_SET,
  MODEL_SET,
  MODEL_SET_NAME,
  PARAMETER_SOURCE_REQUEST,
  PARAMETER_TABLE,
  parameterSourceFrom,
  type ParameterSource,
} from '../../src/taskpane/plans';
import type { NormRow } from '../../src/core/norms';
import { createFakeOffice } from '../browser/fake-office/fakeOffice';

const norms: NormRow[] = [
  { code: 'S1', name: 'Spoor 1 (fictief)', minutes: 60, validFrom: null, version: '2021' },
  { code: 4, name: 'Spoor 4 (fictief)', minutes: 120, validFrom: null, version: '2021' },
];
const periods = ['P1', 'P2', 'P3', 'P4'];
const volumeRows: CellValue[][] = [
  ['S1', 50000, 60000, 70000, 40000],
  [4, 16500, 20000, 22000, 15000],
];

/** The source as the pane reads it from the parameter plan's table and B4/B5. */
function sourceOf(sets = defaultSets(), active: string): ParameterSource {
  const table = buildParameterPlan(sets, active).sheets[0].tables![0];
  return parameterSourceFrom({
    names: { [ACTIVE_SET_NAME]: active, [MODEL_SET_NAME]: MODEL_SET },
    tables: {
      [PARAMETER_TABLE]: { ...table, sheet: 'IND Parameters', address: '', rowCount: table.rows.length },
    },
  })!;
}

describe('Rekenblad: preview = sheet formula result (WorkbookEvaluator), per active set', () => {
  // A third set that differs in every input of the fte formula, so a wrong source shows.
  const sets = [
    ...defaultSets(),
    deriveSet(defaultSets(), defaultSets()[0], 'Eigen 2025', {
      directRatio: { value: 0.62 },
      hoursPerFte: { value: 38 },
      extraFte: { value: 40 },
    }),
  ];
  it.each([MODEL_SET, MEASURED_SET, 'Eigen 2025'])('active set %s', (active) => {
    const res = buildCalcSheetPlan({
      volume: {
        name: 'Volumes',
        sheet: 'Invoer',
        address: 'A1:E3',
        headers: ['Code', ...periods],
        rows: volumeRows,
      },
      norms,
      version: '2021',
    });
    const volumes = {
      action: 'volumes',
      sheets: [
        {
          name: 'Invoer',
          blocks: [],
          tables: [{ name: 'Volumes', at: 'A1', headers: ['Code', ...periods], rows: volumeRows }],
        },
      ],
    };
    const ev = new WorkbookEvaluator(
      workbookFromPlans(volumes, buildParameterPlan(sets, active), buildNormTablePlan(norms), res.plan!),
    );
    const s = res.layout!.summaryRow;
    // The preview's inputs: the workload per period from the same volumes and norms.
    const perPeriod = periods.map(
      (_, j) => (volumeRows[0][j + 1] as number) * 1 + ((volumeRows[1][j + 1] as number) * 120) / 60,
    );
    const average = perPeriod.reduce((a, b) => a + b, 0) / perPeriod.length;
    expect(ev.get(CALC_SHEET, `B${s + 1}`)).toBeCloseTo(average, 9);
    const source = sourceOf(sets, active);
    expect(source.active).toBe(active);
    const previewActive = calcSheetFte(source, average, source.active, true);
    const previewModel = calcSheetFte(source, average, source.model, true);
    expect(ev.get(CALC_SHEET, `B${s + 4}`)).toBeCloseTo(previewActive, 9);
    expect(ev.get(CALC_SHEET, `B${s + 5}`)).toBeCloseTo(previewModel, 9);
    expect(ev.get(CALC_SHEET, `B${s + 6}`)).toBeCloseTo(previewActive - previewModel, 9);
    // The preview depends on the set: with the model as active the gap is 0, otherwise not.
    if (active === MODEL_SET) expect(previewActive - previewModel).toBe(0);
    else expect(Math.abs(previewActive - previewModel)).toBeGreaterThan(1);
  });
});

describe('gateway.readSources: the one parameter source in one action', () => {
  it('reads B4 and the table with 2 syncs, whatever the number of sets, and finds a B4 the user changed', async () => {
    const syncsFor = async (extra: number): Promise<{ syncs: number; source: ParameterSource }> => {
      const fake = createFakeOffice();
      fake.workbook.addSheet('Blad1');
      const gw = new ExcelGateway({ run: fake.Excel.run as ExcelRun });
      let sets = defaultSets();
      for (let i = 0; i < extra; i++) sets = [...sets, deriveSet(sets, sets[0], `Set ${i}`, {})];
      await gw.apply(buildParameterPlan(sets, MODEL_SET));
      fake.workbook.setCells('IND Parameters', 'B4', [[MEASURED_SET]]);
      fake.workbook.resetCounters();
      const data = await gw.readSources(PARAMETER_SOURCE_REQUEST);
      return { syncs: fake.workbook.syncCount, source: parameterSourceFrom(data)! };
    };
    const one = await syncsFor(0);
    const many = await syncsFor(20);
    expect(one.syncs).toBe(2);
    expect(many.syncs).toBe(2);
    expect(one.source.active).toBe(MEASURED_SET);
    expect(many.source.sets).toHaveLength(22);
  });

  it('reports no source for a workbook without the parameter sheet (1 sync)', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('Blad1');
    const gw = new ExcelGateway({ run: fake.Excel.run as ExcelRun });
    fake.workbook.resetCounters();
    expect(parameterSourceFrom(await gw.readSources(PARAMETER_SOURCE_REQUEST))).toBeUndefined();
    expect(fake.workbook.syncCount).toBe(1);
  });
});
