/**
 * The "IND Scenario" sheet plan, evaluated: every formula the plan writes is computed by THE
 * evaluator (`src/engine/workbook.ts`: the CLI engine with the function registry's adapters, so the
 * REAL IND.SCENARIO / IND.BACKLOG), with spills and defined names. The sheet must then show exactly
 * what the simulator computed, cell by cell, for every template under every rule, stand-alone and
 * linked to the IND Parameters names — so the live formulas and the core cannot drift apart.
 */
import { FormulaError } from 'fast-formula-parser';
import { ExcelErrorValue } from '../../src/cli/engine';
import { formatError } from '../../src/core/errors';
import {
  DEFAULT_STAFF,
  generateTemplate,
  labelText,
  REVIEW_BAND,
  RULE_PRESETS,
  simulate,
  steadyStateCheck,
  summarize,
  type RulePreset,
  type SimInput,
  type SimResult,
  type TemplateId,
} from '../../src/core/scenario';
import { workbookFromPlans } from '../../src/engine/model';
import { WorkbookEvaluator } from '../../src/engine/workbook';
import type { WritePlan } from '../../src/taskpane/host/types';
import { defaultSets, MODEL_SET, PARAMETER_TABLE, PARAMETERS } from '../../src/taskpane/plans/parameters';
import { SCENARIO_PARAMETER_ROWS } from '../../src/taskpane/plans/scenario/parameterRows';
import {
  addVersion,
  buildComparePlan,
  buildScenarioPlan,
  colOf,
  fromSaved,
  latestVersions,
  SCENARIO_LAYOUT,
  SCENARIO_SHEET,
  TABLE_HEADER_ROW,
  toSaved,
  type Col,
} from '../../src/taskpane/plans/scenario/scenarioSheet';

type V = unknown;

/**
 * A plan in THE evaluator (`src/engine/workbook.ts`, the adapters of the function registry), read
 * on one of its sheets. `extraNames` stand for the parameter sheet: defined names with their
 * values, on a sheet of their own; they take the place of the plan's names of the same name (the
 * values the table holds). Any other unknown name evaluates to #NAME?, as in Excel.
 */
class Grid {
  private readonly ev: WorkbookEvaluator;
  private readonly sheet: string;

  constructor(plan: WritePlan, sheet: string, extraNames: Record<string, number | string> = {}) {
    const entries = Object.entries(extraNames);
    const names: WritePlan = {
      action: 'names',
      sheets: [{ name: 'Namen', blocks: entries.map(([, v], i) => ({ at: `A${i + 1}`, cells: [[v]] })) }],
      names: entries.map(([name], i) => ({ name, ref: `=Namen!$A$${i + 1}` })),
    };
    // The names' plan last: a name it defines replaces the plan's own.
    this.ev = new WorkbookEvaluator(workbookFromPlans(plan, names));
    this.sheet = sheet;
  }

  /** A cell by A1 address (an error as the parser's error value, with its code). */
  at(a1: string): V {
    const v = this.ev.get(this.sheet, a1);
    return v instanceof ExcelErrorValue ? new FormulaError(v.code, v.message) : v;
  }
}

const TEMPLATES: TemplateId[] = ['normal', 'shortPeak', 'longPeak', 'case2017'];
const RULES: RulePreset[] = ['advance2017', 'path', 'recommended'];

function inputFor(preset: RulePreset, tpl: TemplateId, over: Partial<SimInput> = {}): SimInput {
  const s = generateTemplate(tpl, REVIEW_BAND);
  return {
    workload: s.workload,
    forecast: s.forecast,
    band: REVIEW_BAND,
    rule: { ...RULE_PRESETS[preset], floor: 0, cap: Infinity },
    staff: DEFAULT_STAFF,
    lumpsum: 0,
    initialBacklog: s.initialBacklog ?? 0,
    ...over,
  };
}

/** Every computed column of the period table and the simulator's array it must equal. */
const COLUMN_FIELDS: [Col, (r: SimResult, t: number, input: SimInput) => number][] = [
  ['bandLow', (_r, _t, i) => i.band.low],
  ['bandHigh', (_r, _t, i) => i.band.high],
  ['forecast', (_r, t, i) => (i.forecast && i.forecast.length > 0 ? i.forecast[t] : i.workload[t])],
  ['basisHours', (r, t) => r.basisHours[t]],
  ['needFte', (r, t) => r.needFte[t]],
  ['allowanceFte', (r, t) => r.allowanceFte[t]],
  ['targetBase', (r, t) => r.fundingTargetBase[t]],
  ['target', (r, t) => r.fundingTarget[t]],
  ['below', (r, t) => r.belowPeriods[t]],
  ['pathFunding', (r, t) => r.pathFunding[t]],
  ['backlogFunding', (r, t) => r.backlogFunding[t]],
  ['funding', (r, t) => r.funding[t]],
  ['fundedFte', (r, t) => r.fundedFte[t]],
  ['leavers', (r, t) => r.leaversFte[t]],
  ['excess', (r, t) => r.excessFte[t]],
  ['notReplaced', (r, t) => r.notReplacedFte[t]],
  ['withdrawn', (r, t) => r.withdrawnFte[t]],
  ['reductions', (r, t) => r.reductionsFte[t]],
  ['held', (r, t) => r.heldFte[t]],
  ['opened', (r, t) => r.openedFte[t]],
  ['openedCum', (r, t) => r.openedCumFte[t]],
  ['due', (r, t) => r.dueFte[t]],
  ['hires', (r, t) => r.hiresFte[t]],
  ['closedCum', (r, t) => r.closedCumFte[t]],
  ['pipeline', (r, t) => r.pipelineFte[t]],
  ['staff', (r, t) => r.staffFte[t]],
  ['trainees', (r, t) => r.traineeFte[t]],
  ['preTrainees', (r, t) => r.preStartTraineeFte[t]],
  ['inductionLoss', (r, t) => r.inductionLossFte[t]],
  ['preLoss', (r, t) => r.preStartLossFte[t]],
  ['coaching', (r, t) => r.coachingFte[t]],
  ['productive', (r, t) => r.productiveFte[t]],
  ['staffCapacity', (r, t) => r.staffCapacityHours[t]],
  ['flexNeed', (r, t) => r.flexNeedFte[t]],
  ['flexHours', (r, t) => r.flexHours[t]],
  ['backlogHours', (r, t) => r.backlogHours[t]],
  ['capacity', (r, t) => r.capacityHours[t]],
  ['needsBased', (r, t) => r.needsBasedHours[t]],
  ['constrained', (r, t) => r.constrainedHours[t]],
  ['backlog', (r, t) => r.backlog[t]],
];

/** The IND Parameters names the linked sheet refers to, with the input's values. */
function linkedNames(input: SimInput): Record<string, number | string> {
  const v: Record<string, number | string> = {
    IND_Verloop: input.staff.turnoverAnnual,
    IND_InwerkMaanden: input.staff.inductionMonths,
    IND_BegeleidingNieuw: input.staff.coachingShare,
    IND_Wervingstijd: input.staff.recruitmentLag,
    IND_Wervingsbeleid: input.staff.hiringPolicy === 'yearEnd' ? 'jaareinde' : 'direct',
    IND_MaxInwerkers: input.staff.traineeCap,
    IND_Opslagdeel: input.rule.allowanceShare,
  };
  return v;
}

const close = (v: unknown, expected: number, what: string): void => {
  if (typeof v !== 'number') throw new Error(`${what}: ${String(v)} is not a number`);
  if (Math.abs(v - expected) > 1e-6 * Math.max(1, Math.abs(expected))) {
    throw new Error(`${what}: sheet ${v}, simulator ${expected}`);
  }
};

/** Asserts that every computed cell of the sheet equals the simulator, period by period. */
function expectSheetMatches(input: SimInput, lang: 'nl' | 'en' = 'nl', linked = false): Grid {
  const result = simulate(input);
  const plan = buildScenarioPlan(input, result, {
    name: 'Test',
    lang,
    preset: 'custom',
    ...(linked ? { parameters: { sets: defaultSets(), active: MODEL_SET, write: false } } : {}),
  });
  const g = new Grid(plan, SCENARIO_SHEET, linked ? linkedNames(input) : {});
  const r0 = TABLE_HEADER_ROW + 1;
  for (let t = 0; t < result.periods; t++) {
    const row = r0 + t;
    expect(g.at(`${colOf('label')}${row}`)).toBe(labelText(result.labels[t], lang));
    for (const [c, field] of COLUMN_FIELDS)
      close(g.at(`${colOf(c)}${row}`), field(result, t, input), `${c} in period ${t + 1}`);
  }
  const s = summarize(result);
  const kf = (i: number): unknown => g.at(`H${SCENARIO_LAYOUT.keyFigureRow + i}`);
  close(kf(0), s.maxBacklog, 'max backlog');
  close(kf(1), s.finalBacklog, 'final backlog');
  close(kf(2), s.totalFunding, 'total funding');
  close(kf(3), s.minFunding, 'min funding');
  close(kf(4), s.minStaffFte, 'min staff');
  close(kf(5), s.totalHiresFte, 'hires');
  close(kf(6), s.totalLeaversFte, 'leavers');
  close(kf(7), s.totalNotReplacedFte, 'not replaced');
  close(kf(8), s.totalWithdrawnFte, 'withdrawn');
  close(kf(9), s.totalReductionsFte, 'reductions');
  close(kf(10), s.maxFlexNeedFte, 'max flex');
  close(kf(13), s.productionShortfallHours, 'shortfall');
  expect(g.at(`H${SCENARIO_LAYOUT.checkRow}`)).toBe(lang === 'nl' ? 'klopt' : 'OK');
  expect(g.at(`H${SCENARIO_LAYOUT.checkRow + 1}`)).toBe(lang === 'nl' ? 'klopt' : 'OK');
  // The steady-state block and its verdict: the core's figures and the core's first warning.
  const c = steadyStateCheck(input);
  const ss = (k: Parameters<typeof SCENARIO_LAYOUT.steadyStateRow>[0]): unknown =>
    g.at(`H${SCENARIO_LAYOUT.steadyStateRow(k)}`);
  close(ss('meanHours'), c.meanHours, 'mean hours');
  close(ss('productive'), c.productiveFte, 'productive');
  const extra = Number.isFinite(result.allowance.fundedPerProductive)
    ? input.rule.allowanceShare * (result.allowance.fundedPerProductive - 1)
    : 0;
  close(ss('targetAllowance'), c.productiveFte * extra, 'allowance in the target');
  close(ss('targetWith'), c.productiveFte * (1 + extra), 'target with allowance');
  if (Number.isFinite(c.staffFte)) {
    close(ss('staff'), c.staffFte, 'staff');
    close(ss('vacancies'), c.vacancyFte, 'vacancies');
    close(ss('induction'), c.inductionFte, 'induction');
    close(ss('coaching'), c.coachingFte, 'coaching');
    close(ss('loss'), c.lossFte, 'loss');
    close(ss('needed'), c.neededFte, 'needed');
    close(ss('traineePeak'), c.traineePeakFte, 'trainee peak');
    close(ss('traineeRoom'), c.traineeRoomFte, 'trainee room');
  }
  close(ss('funded'), c.fundedFte, 'funded');
  const verdict = g.at(`H${SCENARIO_LAYOUT.verdictRow}`);
  const w = result.warnings[0];
  expect(verdict).toBe(
    w
      ? formatError(w.code, w.details, lang)
      : lang === 'nl'
        ? 'Financiering kan een stabiele bezetting dragen (bij de gemiddelde werklast).'
        : 'Funding can sustain a stable staff (at the mean workload).',
  );
  return g;
}

describe('the scenario sheet computes what the simulator computes, cell by cell', () => {
  for (const tpl of TEMPLATES) {
    for (const rule of RULES) {
      test(`${tpl} under ${rule}`, () => {
        expectSheetMatches(inputFor(rule, tpl));
      });
    }
  }
  test('linked to IND Parameters, English, immediate replacement, a longer lag and a binding coaching cap', () => {
    const base = inputFor('recommended', 'longPeak');
    expectSheetMatches(
      {
        ...base,
        staff: {
          ...DEFAULT_STAFF,
          hiringPolicy: 'immediate',
          recruitmentLag: 5,
          traineeCap: 0.05,
          inductionMonths: 5,
        },
      },
      'en',
      true,
    );
  });
  test('the stable start’s cohorts from before period 1: every policy, lag 0, a lag past a year, the longest induction', () => {
    // The pre-start columns follow the simulator for each form of the closed formulas: one
    // vintage a year (up to five in induction at 60 months), one a period, and none when the
    // initial staff is given.
    const base = inputFor('path', 'normal');
    const cases: Partial<SimInput['staff']>[] = [
      { recruitmentLag: 0 },
      { hiringPolicy: 'immediate', recruitmentLag: 0, inductionMonths: 18 },
      { recruitmentLag: 14, inductionMonths: 18 },
      { inductionMonths: 60, turnoverAnnual: 0.02 },
      { hiringPolicy: 'immediate', inductionMonths: 60, turnoverAnnual: 0.02, recruitmentLag: 7 },
    ];
    for (const over of cases) {
      const input = { ...base, staff: { ...DEFAULT_STAFF, ...over } };
      const r = simulate(input);
      expect(r.initialCohortFte).toBeGreaterThan(0);
      expect(r.preStartLossFte[0]).toBeGreaterThan(0);
      expectSheetMatches(input);
    }
    const given = simulate({ ...base, staff: { ...DEFAULT_STAFF, initialStaffFte: 1000 } });
    expect(given.initialCohortFte).toBe(0);
    expect(given.preStartLossFte.every((x) => x === 0)).toBe(true);
  });
  test('2017 case cut in advance: the inputs are visible, named cells', () => {
    const g = expectSheetMatches(inputFor('advance2017', 'case2017'), 'nl', true);
    const row = (name: string): number =>
      buildScenarioPlan(inputFor('advance2017', 'case2017'), simulate(inputFor('advance2017', 'case2017')), {
        name: 'x',
        lang: 'nl',
        preset: 'advance2017',
      }).names!.findIndex((n) => n.name === name) + SCENARIO_LAYOUT.firstInputRow;
    expect(g.at(`B${row('IND_Sim_Basis')}`)).toBe('prognose');
    expect(g.at(`B${row('IND_Sim_InwerkPerioden')}`)).toBe(13); // 12 months × 13/12
    expect(g.at(`B${row('IND_Sim_Beleid')}`)).toBe('jaareinde');
  });
  test('funding path with a floor, a cap and a lumpsum; a starting staff and backlog', () => {
    const base = inputFor('path', 'longPeak');
    expectSheetMatches({
      ...base,
      lumpsum: 500000,
      initialBacklog: 20000,
      rule: { ...base.rule, floor: 6_000_000, cap: 8_000_000 },
      staff: { ...DEFAULT_STAFF, initialStaffFte: 900 },
    });
  });
  test('short peak absorbed by a flex shell, no induction, a rate of its own', () => {
    const base = inputFor('recommended', 'shortPeak');
    const g = expectSheetMatches({
      ...base,
      ratePerHour: 90,
      staff: { ...DEFAULT_STAFF, flexFte: 120, inductionMonths: 0 },
    });
    // The peak periods (14–16) call on the flex shell.
    expect(g.at(`${colOf('flexNeed')}${TABLE_HEADER_ROW + 14}`)).toBeCloseTo(8000 / (4 * 36 * 0.57), 9);
  });
  test('settings a stable staff cannot survive: the verdict says why, with figures', () => {
    // No allowance: the sheet's verdict is the catalogue's message with the sheet's own figures.
    const base = inputFor('path', 'normal');
    const g = expectSheetMatches({ ...base, rule: { ...base.rule, allowanceShare: 0 } });
    expect(String(g.at(`H${SCENARIO_LAYOUT.verdictRow}`))).toMatch(
      /^Let op: bij de gemiddelde werklast \(83000\.0 uur per periode\) betaalt de financiering 1011\.2 fte/,
    );
    // A hiring freeze, a coaching capacity too small, and a turnover no induction can keep up with.
    expectSheetMatches({ ...base, staff: { ...DEFAULT_STAFF, traineeCap: 0 } });
    expectSheetMatches({ ...base, staff: { ...DEFAULT_STAFF, traineeCap: 0.05 } }, 'en');
    expectSheetMatches({
      ...base,
      staff: { ...DEFAULT_STAFF, turnoverAnnual: 0.9, inductionMonths: 36, coachingShare: 0.5 },
    });
  });
  test('a forecast rule without a forecast uses the workload, and the sheet says so', () => {
    const input = inputFor('advance2017', 'normal');
    const plan = buildScenarioPlan(input, simulate(input), { name: 'x', lang: 'nl', preset: 'advance2017' });
    const cells = plan.sheets[0].blocks.flatMap((b) => b.cells.flat());
    expect(cells).toContain(
      'Geen prognose opgegeven: de kolom Prognose is gelijk aan de werklast, dus de regel op prognose rekent met de werklast.',
    );
    const g = new Grid(plan, SCENARIO_SHEET);
    expect(g.at(`${colOf('forecast')}${TABLE_HEADER_ROW + 1}`)).toBe(input.workload[0]);
    expect(simulate(input).forecastFromWorkload).toBe(true);
  });
  test('an identity check can fail: a broken backlog cell shows on both checks', () => {
    const input = inputFor('recommended', 'normal');
    const plan = buildScenarioPlan(input, simulate(input), { name: 'x', lang: 'nl', preset: 'custom' });
    const backlogBlock = plan.sheets[0].blocks.find(
      (b) => b.at === `${colOf('bandLow')}${TABLE_HEADER_ROW + 1}`,
    )!;
    const j = backlogBlock.cells[10].length - 1;
    backlogBlock.cells[10][j] = '=12345';
    const g = new Grid(plan, SCENARIO_SHEET);
    expect(g.at(`H${SCENARIO_LAYOUT.checkRow}`)).toBe('KLOPT NIET');
    expect(g.at(`H${SCENARIO_LAYOUT.checkRow + 1}`)).toBe('KLOPT NIET');
  });
});

describe('the staffing inputs come from the IND Parameters table', () => {
  const input = inputFor('recommended', 'normal');
  const result = simulate(input);
  const sets = defaultSets();
  const plan = buildScenarioPlan(input, result, {
    name: 'P',
    lang: 'nl',
    preset: 'recommended',
    parameters: { sets, active: MODEL_SET, write: true },
  });
  test('each staffing input is a formula on its workbook name; the plan writes that sheet too', () => {
    const values = plan.sheets[0].blocks.filter((b) => /^B\d+$/.test(b.at));
    const formulas = values.map((b) => b.cells[0][0]);
    for (const r of SCENARIO_PARAMETER_ROWS.filter((x) => x.model.key !== 'initialBacklog2017'))
      expect(formulas).toContain(`=${r.excelName}`);
    expect(plan.sheets.map((s) => s.name)).toEqual([SCENARIO_SHEET, 'IND Parameters']);
    const table = plan.sheets[1].tables!.find((x) => x.name === PARAMETER_TABLE)!;
    const row = (key: string) => table.rows.find((r) => r[0] === MODEL_SET && r[1] === key)!;
    expect(row('recruitmentLag')[2]).toBe(3);
    expect(row('hiringPolicy')[2]).toBe('jaareinde');
    expect(row('traineeCap')[2]).toBe(0.3);
    expect(row('turnover')[2]).toBe(0.095);
    expect(String(row('recruitmentLag')[5])).toMatch(/^Aanname/);
    expect(
      PARAMETERS.filter((p) => SCENARIO_PARAMETER_ROWS.some((r) => r.excelName === p.excelName)),
    ).toHaveLength(8);
    expect(plan.names!.map((n) => n.name)).toEqual(
      expect.arrayContaining(['IND_Wervingstijd', 'IND_Sim_Werving']),
    );
  });
  test('with the parameter sheet present the values shown are the table’s', () => {
    const g = new Grid(plan, SCENARIO_SHEET, { ...linkedNames(input), IND_Wervingstijd: 5 });
    const at = plan.names!.find((n) => n.name === 'IND_Sim_Werving')!.ref.match(/\$(\d+)$/)![1];
    expect(g.at(`B${at}`)).toBe(5);
  });
});

describe('the parameter-sheet column', () => {
  const input = inputFor('path', 'normal');
  const plan = buildScenarioPlan(input, simulate(input), { name: 'P', lang: 'nl', preset: 'path' });
  const rowOf = (name: string): number =>
    plan.names!.findIndex((n) => n.name === name) + SCENARIO_LAYOUT.firstInputRow;
  test('shows the shared parameter when the parameter sheet defines it', () => {
    const g = new Grid(plan, SCENARIO_SHEET, { IND_BandOnder: 75000, IND_DirecteUren: 0.7473 });
    expect(g.at(`E${rowOf('IND_Sim_BandOnder')}`)).toBe(75000);
    expect(g.at(`E${rowOf('IND_Sim_DirecteUren')}`)).toBe(0.7473);
    expect(g.at(`B${rowOf('IND_Sim_BandOnder')}`)).toBe(76000); // the scenario's own input is unchanged
    expect(g.at(`D${rowOf('IND_Sim_BandOnder')}`)).toBe('bandLow'); // the setting's name
  });
  test('stays blank when there is no parameter sheet', () => {
    const g = new Grid(plan, SCENARIO_SHEET);
    expect(g.at(`E${rowOf('IND_Sim_BandOnder')}`)).toBe('');
    expect(g.at(`E${rowOf('IND_Sim_Regel')}`)).toBeNull(); // no shared parameter for the rule
  });
});

describe('scenario plan shape', () => {
  const input = inputFor('recommended', 'case2017');
  const plan = buildScenarioPlan(input, simulate(input), {
    name: 'Aanbevolen',
    lang: 'nl',
    preset: 'recommended',
  });
  const sheet = plan.sheets[0];
  const r0 = TABLE_HEADER_ROW + 1;
  const rEnd = TABLE_HEADER_ROW + 78;

  test('one sheet, one chart of workload, band, capacity and backlog over the chart-data block', () => {
    expect(plan.sheets).toHaveLength(1);
    expect(sheet.charts).toHaveLength(1);
    const chartData = sheet.blocks.find((b) => b.cells[0][0] === 'Periode' && b.cells[0].length === 6)!;
    expect(chartData.cells[0]).toEqual([
      'Periode',
      'Werklast (uren)',
      'Band onder',
      'Band boven',
      'Capaciteit (uren)',
      'Achterstand (uren)',
    ]);
    expect(chartData.cells).toHaveLength(79);
    // 43 table columns, one empty column, then the chart data (period in AS, the series from AT).
    expect(sheet.charts![0].source).toBe(`AT${TABLE_HEADER_ROW}:AX${rEnd}`);
  });

  test('labels and backlog are IND.* formulas over the sheet columns; inputs are named; no text starts with =', () => {
    const all = sheet.blocks.flatMap((b) => b.cells.flat());
    const formulas = all.filter((c): c is string => typeof c === 'string' && c.startsWith('='));
    const W = `${colOf('workload')}${r0}:${colOf('workload')}${rEnd}`;
    expect(formulas).toContain(
      `=IND.SCENARIO(${W},IND_Sim_BandOnder,IND_Sim_BandBoven,IND_Sim_PiekExtra,IND_Sim_PiekPerioden,"nl")`,
    );
    expect(formulas).toContain(
      `=IF(SUMPRODUCT((IND.BACKLOG(${W},${colOf('capacity')}${r0}:${colOf('capacity')}${rEnd},IND_Sim_Beginachterstand)-${colOf('backlog')}${r0}:${colOf('backlog')}${rEnd})^2)<0.000001,"klopt","KLOPT NIET")`,
    );
    expect(formulas).toContain(
      `=MAX(0,${colOf('backlog')}${r0}+${colOf('workload')}${r0 + 1}-${colOf('capacity')}${r0 + 1})`,
    );
    expect(plan.names!.every((n) => n.name.startsWith('IND_Sim_'))).toBe(true);
    // The ramp is live too: a SUMPRODUCT over the hires so far.
    expect(
      formulas.some((f) =>
        f.startsWith(
          `=IF(IND_Sim_InwerkPerioden<=0,0,SUMPRODUCT($${colOf('hires')}$${r0}:${colOf('hires')}${r0 + 3},`,
        ),
      ),
    ).toBe(true);
    // The recruitment lag: an INDEX back into the cumulative vacancies opened.
    expect(
      formulas.some((f) => f.includes(`INDEX($${colOf('openedCum')}$${r0}:${colOf('openedCum')}${r0 + 3},`)),
    ).toBe(true);
    // Excel reads any text beginning with = as a formula: every such cell must be one we meant.
    const texts = all.filter((c): c is string => typeof c === 'string' && !c.startsWith('='));
    expect(texts.length).toBeGreaterThan(50);
  });
});

describe('saved scenarios', () => {
  test('round trip through JSON keeps the input (no cap survives as no cap)', () => {
    const input = inputFor('advance2017', 'case2017');
    const saved = JSON.parse(JSON.stringify(toSaved('2017', 'advance2017', input)));
    expect(fromSaved(saved)).toEqual({
      ...input,
      workload: [...input.workload],
      forecast: [...input.forecast!],
    });
    expect(fromSaved(saved).rule.cap).toBe(Infinity);
  });

  test('the comparison sheet puts the scenarios side by side with their key figures', () => {
    const a = inputFor('advance2017', 'case2017');
    const b = inputFor('recommended', 'case2017');
    const plan = buildComparePlan(
      [toSaved('Vooraf 2017', 'advance2017', a), toSaved('Aanbevolen', 'recommended', b)],
      'nl',
    );
    const sheet = plan.sheets[0];
    expect(sheet.blocks.find((x) => x.at === 'A4')!.cells[0]).toEqual([
      'Kenmerk',
      'Vooraf 2017',
      'Aanbevolen',
    ]);
    const labels = sheet.blocks.find((x) => x.at === 'A5')!.cells.map((r) => r[0]);
    const values = sheet.blocks.find((x) => x.at === 'B5')!.cells;
    const row = values[labels.indexOf('Grootste achterstand (uren)')];
    expect(row[0]).toBeCloseTo(summarize(simulate(a)).maxBacklog, 6);
    expect(row[1]).toBeCloseTo(summarize(simulate(b)).maxBacklog, 6);
    expect(sheet.charts).toHaveLength(1);
  });

  test('saving under an existing name adds a dated version; the latest of each name, or all, compare', () => {
    const a = inputFor('advance2017', 'case2017');
    const b = inputFor('recommended', 'case2017');
    let list = addVersion([], 'Casus', 'advance2017', a, '2024-01-10');
    list = addVersion(list, 'Ander', 'path', inputFor('path', 'normal'), '2024-01-11');
    list = addVersion(list, 'Casus', 'recommended', b, '2024-02-01');
    expect(list.map((s) => [s.name, s.version, s.savedAt])).toEqual([
      ['Casus', 1, '2024-01-10'],
      ['Ander', 1, '2024-01-11'],
      ['Casus', 2, '2024-02-01'],
    ]);
    expect(latestVersions(list).map((s) => [s.name, s.version])).toEqual([
      ['Casus', 2],
      ['Ander', 1],
    ]);
    const latest = buildComparePlan(list, 'nl').sheets[0];
    expect(latest.blocks.find((x) => x.at === 'A4')!.cells[0]).toEqual(['Kenmerk', 'Casus', 'Ander']);
    const all = buildComparePlan(list, 'en', { versions: 'all' }).sheets[0];
    expect(all.blocks.find((x) => x.at === 'A4')!.cells[0]).toEqual([
      'Measure',
      'Casus (version 1, 2024-01-10)',
      'Ander (version 1, 2024-01-11)',
      'Casus (version 2, 2024-02-01)',
    ]);
    const labels = all.blocks.find((x) => x.at === 'A5')!.cells.map((r) => r[0]);
    const values = all.blocks.find((x) => x.at === 'B5')!.cells;
    expect(values[labels.indexOf('Saved on')]).toEqual(['2024-01-10', '2024-01-11', '2024-02-01']);
    const maxRow = values[labels.indexOf('Largest backlog (hours)')];
    expect(maxRow[0]).toBeCloseTo(summarize(simulate(a)).maxBacklog, 6);
    expect(maxRow[2]).toBeCloseTo(summarize(simulate(b)).maxBacklog, 6);
  });

  test('a scenario saved before the staffing model still compares, with the new defaults', () => {
    const input = inputFor('path', 'normal');
    const saved = JSON.parse(JSON.stringify(toSaved('Oud', 'path', input)));
    for (const k of ['recruitmentLag', 'hiringPolicy', 'traineeCap']) delete saved.input.staff[k];
    for (const k of ['allowanceShare', 'activeReduction']) delete saved.input.rule[k];
    expect(fromSaved(saved)).toEqual({ ...input, forecast: undefined });
    expect(buildComparePlan([saved], 'nl').sheets[0].blocks.find((x) => x.at === 'A4')!.cells[0]).toEqual([
      'Kenmerk',
      'Oud',
    ]);
  });
});

describe('the induction ramp on the sheet: a hire costs the stated k/2 periods of work', () => {
  test('one new post: the sheet’s induction-loss column sums to the “loss per new fte” cell', () => {
    // 1 experienced fte, funding for 2 from period 2; 18 months' induction (19.5 periods), no turnover.
    const input: SimInput = {
      workload: [82.08, ...Array.from({ length: 29 }, () => 164.16)],
      band: REVIEW_BAND,
      rule: { ...RULE_PRESETS.path, floor: 0, cap: Infinity, allowanceShare: 0 },
      staff: {
        ...DEFAULT_STAFF,
        turnoverAnnual: 0,
        inductionMonths: 18,
        recruitmentLag: 0,
        traineeCap: 1,
        initialStaffFte: 1,
      },
      lumpsum: 0,
      initialBacklog: 0,
    };
    const plan = buildScenarioPlan(input, simulate(input), { name: 'x', lang: 'nl', preset: 'custom' });
    const g = new Grid(plan, SCENARIO_SHEET);
    let sum = 0;
    for (let t = 0; t < 30; t++)
      sum += g.at(`${colOf('inductionLoss')}${TABLE_HEADER_ROW + 1 + t}`) as number;
    const row =
      plan.names!.findIndex((n) => n.name === 'IND_Sim_InwerkverliesPerNieuwe') +
      SCENARIO_LAYOUT.firstInputRow;
    expect(g.at(`B${row}`)).toBe(9.75);
    expect(g.at(`${colOf('hires')}${TABLE_HEADER_ROW + 2}`)).toBeCloseTo(1, 9);
    expect(sum).toBeCloseTo(9.75, 9);
  });
});
