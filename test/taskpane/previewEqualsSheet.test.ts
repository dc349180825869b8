/**
 * Issue 11, build 1 (one parameter source) for Tijdschrijven and Scenario's: the tab's preview
 * figure, computed from the fields as the workbook's parameter source fills them, equals the
 * sheet's formula result through THE evaluator (`src/engine/workbook.ts`) on the same workbook
 * (the parameter sheet with a non-default active set plus the tab's sheet). Each test also shows
 * that the source matters: the tab's defaults give another figure, so a tab that kept its own
 * ratio or hours per fte fails here.
 */
import { analyse } from '../../src/core/timerecording/analysis';
import { generateTemplate, REVIEW_BAND, simulate, summarize } from '../../src/core/scenario';
import { fieldText as typedText } from '../../src/core/input';
import { workbookFromPlans } from '../../src/engine/model';
import { WorkbookEvaluator } from '../../src/engine/workbook';
import type { NormRow } from '../../src/core/norms';
import { calcPreview } from '../../src/taskpane/views/sheets/calcPreview';
import {
  ACTIVE_SET_NAME,
  buildCalcSheetPlan,
  buildNormTablePlan,
  buildParameterPlan,
  CALC_SHEET,
  defaultSets,
  deriveSet,
  MODEL_SET,
  MODEL_SET_NAME,
  PARAMETER_TABLE,
  parameterSourceFrom,
  type ParameterSource,
} from '../../src/taskpane/plans';
import { buildTimeRecordingPlan, TS_NAMES } from '../../src/taskpane/plans/timerecording/timeRecordingPlan';
import {
  defaultForm,
  formToInput,
  seriesToText,
  type ScenarioForm,
} from '../../src/taskpane/plans/scenario/form';
import {
  buildScenarioPlan,
  SCENARIO_LAYOUT,
  SCENARIO_SHEET,
} from '../../src/taskpane/plans/scenario/scenarioSheet';
import { withLinked } from '../../src/taskpane/views/linkedFields';
import { formWithSource, scenarioFromSet } from '../../src/taskpane/views/scenario/useScenario';
import {
  analysisInputs,
  NORM_THRESHOLD_DEFAULT,
  planLinks,
  TR_LINKS,
  type ParamForm,
} from '../../src/taskpane/views/timerecording/useTimeRecording';
import { MEASURED57_MAPPING, measured57 } from '../figures/fixtures';

/** A set that differs from the model in every linked input, so a tab that ignores it shows. */
const OWN = 'Eigen 2025';
const sets = [
  ...defaultSets(),
  deriveSet(defaultSets(), defaultSets()[0], OWN, {
    directRatio: { value: 0.62 },
    hoursPerFte: { value: 38 },
    extraFte: { value: 40 },
    weeksPerPeriod: { value: 4 },
    bandMean: { value: 90000 },
    bandLow: { value: 70000 },
    bandHigh: { value: 95000 },
  }),
];

/** The source as the pane reads it from the parameter sheet with `active` in B4. */
function sourceOf(active: string): ParameterSource {
  const table = buildParameterPlan(sets, active).sheets[0].tables![0];
  return parameterSourceFrom({
    names: { [ACTIVE_SET_NAME]: active, [MODEL_SET_NAME]: MODEL_SET },
    tables: {
      [PARAMETER_TABLE]: { ...table, sheet: 'IND Parameters', address: '', rowCount: table.rows.length },
    },
  })!;
}

const close = (a: unknown, b: number): void => {
  expect(typeof a).toBe('number');
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
};

describe('Tijdschrijven: preview = sheet, with the parameters of the active set', () => {
  const defaults: ParamForm = {
    modelRatio: '0,7473',
    modelBasis: 'unknown',
    workload: '83.000',
    hotNorm: '0,236',
    extraFte: '60',
    threshold: typedText(NORM_THRESHOLD_DEFAULT, 'nl'),
    hourlyCost: '',
    normTable: '',
  };
  const text = (x: number): string => typedText(x, 'nl');

  it.each([MODEL_SET, OWN])('active set %s', (active) => {
    const source = sourceOf(active);
    const form = withLinked(defaults, TR_LINKS, source, [], text);
    const typed = analysisInputs(form, source, 'nl');
    const options = { categoryMapping: MEASURED57_MAPPING, modelBasis: form.modelBasis, ...typed };
    // The pane's preview: the core's analysis on the same inputs.
    const preview = analyse(measured57(), options);
    const links = planLinks(source, []);
    const { plan } = buildTimeRecordingPlan({ result: measured57(), options, sourceName: 'x.csv', links });
    const ev = new WorkbookEvaluator(workbookFromPlans(buildParameterPlan(sets, active), plan));
    close(ev.name(TS_NAMES.fteGapIncl), preview.bridge.fteGap);
    close(ev.name(TS_NAMES.fteGapExcl), preview.bridge.fteGapExclAllowance);
    // The sheet's parameter cells hold the set's values (the preview's inputs).
    expect(ev.name(TS_NAMES.hoursPerFte)).toBe(active === OWN ? 38 : 36);
    expect(ev.name(TS_NAMES.modelRatio)).toBe(0.7473); // the model set (B5), whatever is active
    expect(ev.name(TS_NAMES.extraFte)).toBe(active === OWN ? 40 : 60);
    expect(ev.name(TS_NAMES.workload)).toBe(active === OWN ? 90000 : 83000);
    if (active === OWN) {
      // The tab's own defaults would give another gap: the source is what makes them agree.
      const own = analyse(measured57(), {
        categoryMapping: MEASURED57_MAPPING,
        modelBasis: 'unknown',
        ...analysisInputs(defaults, undefined, 'nl'),
      });
      expect(Math.abs(own.bridge.fteGap - preview.bridge.fteGap)).toBeGreaterThan(1);
    }
  });

  it('a what-if override is used by preview and sheet alike, and only for that field', () => {
    const source = sourceOf(OWN);
    const form = withLinked({ ...defaults, workload: '100.000' }, TR_LINKS, source, ['workload'], text);
    expect(form.workload).toBe('100.000');
    expect(form.extraFte).toBe('40');
    const options = { categoryMapping: MEASURED57_MAPPING, ...analysisInputs(form, source, 'nl') };
    const preview = analyse(measured57(), options);
    const links = planLinks(source, ['workload']);
    expect(links?.workload).toBeUndefined();
    const { plan } = buildTimeRecordingPlan({ result: measured57(), options, sourceName: 'x.csv', links });
    const ev = new WorkbookEvaluator(workbookFromPlans(buildParameterPlan(sets, OWN), plan));
    expect(ev.name(TS_NAMES.workload)).toBe(100000);
    close(ev.name(TS_NAMES.fteGapIncl), preview.bridge.fteGap);
  });

  it("the sheet's linked parameter cells look the set up, so a later change to the set flows through", () => {
    const source = sourceOf(OWN);
    const form = withLinked(defaults, TR_LINKS, source, [], text);
    const options = { categoryMapping: MEASURED57_MAPPING, ...analysisInputs(form, source, 'nl') };
    const links = planLinks(source, []);
    const { plan } = buildTimeRecordingPlan({ result: measured57(), options, sourceName: 'x.csv', links });
    const analysisSheet = plan.sheets.find((sh) =>
      sh.blocks.some((b) =>
        b.cells.flat().some((c) => typeof c === 'string' && c.includes('IND_Parameters[Waarde]')),
      ),
    );
    expect(analysisSheet).toBeDefined();
    const linkedCells = analysisSheet!.blocks.filter(
      (b) => typeof b.cells[0][1] === 'string' && String(b.cells[0][1]).startsWith('=INDEX(IND_Parameters'),
    );
    // Model ratio, workload, weeks, hours per fte and the turnover allowance: formula-styled.
    expect(linkedCells).toHaveLength(5);
    for (const b of linkedCells) expect(b.style).toBe('output');
    // The user raises hours per fte to 40 and the allowance to 10 in the table after the write.
    const edited = sets.map((st) =>
      st.name === OWN
        ? {
            ...st,
            values: {
              ...st.values,
              hoursPerFte: { ...st.values.hoursPerFte, value: 40 },
              extraFte: { ...st.values.extraFte, value: 10 },
            },
          }
        : st,
    );
    const ev = new WorkbookEvaluator(workbookFromPlans(buildParameterPlan(edited, OWN), plan));
    expect(ev.name(TS_NAMES.hoursPerFte)).toBe(40);
    expect(ev.name(TS_NAMES.extraFte)).toBe(10);
    // The gap follows: the same as the analysis at the edited values.
    const after = analyse(measured57(), { ...options, hoursPerFte: 40, extraFte: 10 });
    close(ev.name(TS_NAMES.fteGapIncl), after.bridge.fteGap);
    // Without a parameter sheet nothing is linked: the cells are the typed inputs.
    expect(planLinks(undefined, [])).toBeUndefined();
  });
});

/** The default form with the normal template's workload (as "Generate" fills it). */
function generateTemplateForm(): ScenarioForm {
  const s = generateTemplate('normal', REVIEW_BAND);
  return { ...defaultForm(), seriesText: seriesToText(s.workload, s.forecast) };
}

describe("Scenario's: preview = sheet, with the parameters of the active set", () => {
  it.each([MODEL_SET, OWN])('active set %s', (active) => {
    const source = sourceOf(active);
    const form = formWithSource(generateTemplateForm(), source, []);
    const input = formToInput(form, 'nl');
    // The pane's preview: the simulator's summary of the same input.
    const result = simulate(input);
    const preview = summarize(result);
    const plan = buildScenarioPlan(input, result, {
      name: 'Test',
      lang: 'nl',
      preset: 'custom',
      parameters: { sets: source.sets, active: source.active, write: false, fromSet: scenarioFromSet([]) },
    });
    const ev = new WorkbookEvaluator(workbookFromPlans(buildParameterPlan(sets, active), plan));
    const kf = (i: number): unknown => ev.get(SCENARIO_SHEET, `H${SCENARIO_LAYOUT.keyFigureRow + i}`);
    close(kf(0), preview.maxBacklog);
    close(kf(1), preview.finalBacklog);
    close(kf(2), preview.totalFunding);
    close(kf(4), preview.minStaffFte);
    close(kf(13), preview.productionShortfallHours);
    // Each linked input on the sheet (column B) equals the parameter sheet's value beside it
    // (column E, =IFERROR(IND_UrenPerFte,"") etc.): no silent difference.
    const rows = [...Array(40).keys()].map((i) => i + 4);
    const linkedRows = rows.filter((r) => {
      const f = ev.raw(SCENARIO_SHEET, `E${r}`);
      return typeof f === 'string' && /^=IFERROR\(IND_(UrenPerFte|DirecteUren|Band|Piek)/.test(f);
    });
    expect(linkedRows.length).toBe(6);
    for (const r of linkedRows) {
      expect(ev.get(SCENARIO_SHEET, `B${r}`)).toBe(ev.get(SCENARIO_SHEET, `E${r}`));
      // Not a copy of the value: the input reads the active set's name, so an edit flows through.
      expect(ev.raw(SCENARIO_SHEET, `B${r}`)).toMatch(/^=IND_/);
    }
    expect(input.staff.hoursPerFte).toBe(active === OWN ? 38 : 36);
    expect(input.staff.directRatio).toBe(active === OWN ? 0.62 : 0.7473);
    if (active === OWN) {
      const own = summarize(simulate(formToInput(generateTemplateForm(), 'nl')));
      expect(own.totalFunding).not.toBeCloseTo(preview.totalFunding, 0);
    }
  });

  it('an override stays (and is the value the sheet gets); the other linked fields follow the set', () => {
    const source = sourceOf(OWN);
    const base = generateTemplateForm();
    const form = formWithSource({ ...base, fields: { ...base.fields, hoursPerFte: '40' } }, source, [
      'hoursPerFte',
    ]);
    expect(form.fields.hoursPerFte).toBe('40');
    expect(form.fields.directRatio).toBe('0,62');
    expect(defaultForm().fields.directRatio).not.toBe('0,62');
    // On the sheet: the override is a typed value, the other linked inputs read the set.
    const input = formToInput(form, 'nl');
    const fromSet = scenarioFromSet(['hoursPerFte']);
    expect(fromSet).not.toContain('hoursPerFte');
    const plan = buildScenarioPlan(input, simulate(input), {
      name: 'Test',
      lang: 'nl',
      preset: 'custom',
      parameters: { sets: source.sets, active: source.active, write: false, fromSet },
    });
    const ev = new WorkbookEvaluator(workbookFromPlans(buildParameterPlan(sets, OWN), plan));
    const rowOf = (re: RegExp): number =>
      [...Array(40).keys()]
        .map((i) => i + 4)
        .find((r) => ((f) => typeof f === 'string' && re.test(f))(ev.raw(SCENARIO_SHEET, `E${r}`)))!;
    expect(ev.raw(SCENARIO_SHEET, `B${rowOf(/IND_UrenPerFte/)}`)).toBe(40);
    expect(ev.raw(SCENARIO_SHEET, `B${rowOf(/IND_DirecteUren/)}`)).toBe('=IND_DirecteUren');
  });
});

describe('Rekenblad: the on-screen preview = the sheet, per active set', () => {
  const norms: NormRow[] = [
    { code: 'S1', name: 'Spoor 1 (fictief)', minutes: 60, validFrom: null, version: '2021' },
    { code: 4, name: 'Spoor 4 (fictief)', minutes: 120, validFrom: null, version: '2021' },
    { code: 'S1', name: 'Spoor 1 (fictief)', minutes: 90, validFrom: null, version: '2022' },
    { code: 4, name: 'Spoor 4 (fictief)', minutes: 100, validFrom: null, version: '2022' },
  ];
  const periods = ['P1', 'P2', 'P3'];
  const volume = {
    name: 'Volumes',
    sheet: 'Invoer',
    address: 'A1:D3',
    headers: ['Code', ...periods],
    rows: [
      ['S1', 50000, 60000, 70000],
      [4, 16500, 20000, null],
    ],
    rowCount: 2,
  };
  it.each([
    [MODEL_SET, '2021', true],
    [OWN, '2021', true],
    [OWN, '2022', false],
  ])('active set %s, norm version %s, gross-up %s', (active, version, grossUp) => {
    const res = buildCalcSheetPlan({ volume, norms, version, grossUpExtra: grossUp });
    const volumes = {
      action: 'volumes',
      sheets: [
        {
          name: 'Invoer',
          blocks: [],
          tables: [{ name: 'Volumes', at: 'A1', headers: volume.headers, rows: volume.rows }],
        },
      ],
    };
    const ev = new WorkbookEvaluator(
      workbookFromPlans(volumes, buildParameterPlan(sets, active), buildNormTablePlan(norms), res.plan!),
    );
    const s = res.layout!.summaryRow;
    const preview = calcPreview(volume, norms, version, sourceOf(active), grossUp)!;
    expect(preview.activeSet).toBe(active);
    close(ev.get(CALC_SHEET, `B${s + 1}`), preview.average);
    close(ev.get(CALC_SHEET, `B${s + 4}`), preview.fteActive);
    close(ev.get(CALC_SHEET, `B${s + 5}`), preview.fteModel);
    close(ev.get(CALC_SHEET, `B${s + 6}`), preview.gap);
    if (active === OWN) expect(Math.abs(preview.gap)).toBeGreaterThan(1);
  });

  it('shows nothing without a parameter sheet or for an unknown version (the action names the problem)', () => {
    expect(calcPreview(volume, norms, '2021', undefined, true)).toBeUndefined();
    expect(calcPreview(volume, norms, '1999', sourceOf(MODEL_SET), true)).toBeUndefined();
  });
});
