/**
 * The time-recording plan is composed of one function per sheet (issue 10, Build 5): each sheet
 * function gives exactly the sheet the entry point writes (before the style legend, which the
 * entry point adds per sheet), and each sheet holds its own tables and names.
 */
import { analyse } from '../../src/core/timerecording/analysis';
import type { SheetPlan } from '../../src/taskpane/host/types';
import { withStyleLegend } from '../../src/taskpane/plans/styleLegend';
import {
  buildTimeRecordingAnalysisSheet,
  buildTimeRecordingChecksSheet,
  buildTimeRecordingHoursSheet,
  buildTimeRecordingNormsSheet,
  buildTimeRecordingPlan,
  TS_NAMES,
  TS_SHEETS,
  TS_TABLES,
  type TimeRecordingPlanInput,
} from '../../src/taskpane/plans/timerecording/timeRecordingPlan';
import { generatedPlanInput } from './helpers';

const input = (): Promise<TimeRecordingPlanInput> => generatedPlanInput({ seed: 7, badEvery: 40 });

/** The sheet as the entry point writes it: with its style legend. */
const legended = (sheet: SheetPlan): SheetPlan =>
  withStyleLegend({ action: 'x', sheets: [sheet] }, 'nl').sheets[0];

const tablesOf = (sheet: SheetPlan): string[] => (sheet.tables ?? []).map((t) => t.name);

describe('time-recording plan, one function per sheet', () => {
  let inp: TimeRecordingPlanInput;
  let whole: ReturnType<typeof buildTimeRecordingPlan>;
  beforeAll(async () => {
    inp = await input();
    whole = buildTimeRecordingPlan(inp);
  });

  it('hours sheet: the aggregated hours and the category table, independent of the analysis', () => {
    const sheet = buildTimeRecordingHoursSheet(inp);
    expect(sheet.name).toBe(TS_SHEETS.hours);
    expect(tablesOf(sheet)).toEqual([TS_TABLES.hours, TS_TABLES.categories]);
    expect(sheet.tables![0].rows).toHaveLength(inp.result.cells.length);
    expect(legended(sheet)).toEqual(whole.plan.sheets[0]);
  });

  it('analysis sheet: ratios, bridge and unused capacity, and every name the plan defines', () => {
    const { sheet, names } = buildTimeRecordingAnalysisSheet(inp, analyse(inp.result, inp.options));
    expect(sheet.name).toBe(TS_SHEETS.analysis);
    expect(tablesOf(sheet)).toEqual([TS_TABLES.ratios, TS_TABLES.bridge, TS_TABLES.unused]);
    expect(sheet.charts?.map((c) => c.type)).toEqual(['Waterfall']);
    expect(names).toEqual(whole.plan.names);
    expect(names.map((n) => n.name).sort()).toEqual([...Object.values(TS_NAMES)].sort());
    for (const n of names) expect(n.ref).toContain(`'${TS_SHEETS.analysis}'!`);
    expect(legended(sheet)).toEqual(whole.plan.sheets[1]);
  });

  it('norms sheet: norm against recorded time per product, effectiveness per team', () => {
    const sheet = buildTimeRecordingNormsSheet(inp, analyse(inp.result, inp.options));
    expect(sheet.name).toBe(TS_SHEETS.norms);
    expect(tablesOf(sheet)).toEqual([TS_TABLES.norms, TS_TABLES.teamProduct, TS_TABLES.effectiveness]);
    const products = analyse(inp.result, inp.options).products.map((p) => p.product);
    expect(sheet.tables![0].rows.map((r) => r[0])).toEqual(products);
    expect(legended(sheet)).toEqual(whole.plan.sheets[2]);
  });

  it('checks sheet: reconciliation, person-weeks, missing periods and rejected rows', () => {
    const sheet = buildTimeRecordingChecksSheet(inp, analyse(inp.result, inp.options));
    expect(sheet.name).toBe(TS_SHEETS.checks);
    expect(tablesOf(sheet)).toEqual([TS_TABLES.personWeeks, TS_TABLES.missing, TS_TABLES.rejected]);
    const rejected = sheet.tables![2].rows;
    expect(rejected).toHaveLength(Math.max(1, inp.result.issues.length));
    expect(legended(sheet)).toEqual(whole.plan.sheets[3]);
  });
});
