/**
 * The "IND Scenario" sheet plan, evaluated: every formula the plan writes is computed by THE
 * evaluator (`src/engine/workbook.ts`: the CLI engine with the function registry's adapters), with
 * spills and defined names. The sheet must then show exactly what
 * the simulator computed — so the live formulas and the core cannot drift apart.
 */
import { FormulaError } from 'fast-formula-parser';
import { ExcelErrorValue } from '../../src/cli/engine';
import { workbookFromPlans } from '../../src/engine/model';
import { WorkbookEvaluator } from '../../src/engine/workbook';
import {
  DEFAULT_STAFF,
  generateTemplate,
  labelText,
  REVIEW_BAND,
  RULE_PRESETS,
  simulate,
  summarize,
  type RulePreset,
  type SimInput,
} from '../../src/core/scenario';
import type { WritePlan } from '../../src/taskpane/host/types';
import {
  buildComparePlan,
  buildScenarioPlan,
  colOf,
  fromSaved,
  SCENARIO_SHEET,
  TABLE_HEADER_ROW,
  toSaved,
} from '../../src/taskpane/plans/scenario/scenarioSheet';

type V = unknown;

/**
 * One sheet of a plan in THE evaluator (`src/engine/workbook.ts`, the adapters of the function
 * registry), with the defined names of another sheet given as values.
 */
class Grid {
  private readonly ev: WorkbookEvaluator;
  private readonly sheet: string;

  /**
   * @param extraNames - defined names of another sheet (e.g. the parameter sheet), with their values;
   *   any other unknown name evaluates to #NAME?, as in Excel.
   */
  constructor(plan: WritePlan, sheet: string, extraNames: Record<string, number> = {}) {
    const entries = Object.entries(extraNames);
    const names: WritePlan = {
      action: 'names',
      sheets: [{ name: 'Namen', blocks: entries.map(([, v], i) => ({ at: `A${i + 1}`, cells: [[v]] })) }],
      names: entries.map(([name], i) => ({ name, ref: `=Namen!$A$${i + 1}` })),
    };
    this.ev = new WorkbookEvaluator(workbookFromPlans(names, plan));
    this.sheet = sheet;
  }

  /** A cell by A1 address. */
  at(a1: string): V {
    const v = this.ev.get(this.sheet, a1);
    return v instanceof ExcelErrorValue ? new FormulaError(v.code, v.message) : v;
  }
}

function inputFor(
  preset: RulePreset,
  tpl: Parameters<typeof generateTemplate>[0],
  over: Partial<SimInput> = {},
): SimInput {
  const s = generateTemplate(tpl, REVIEW_BAND);
  return {
    workload: s.workload,
    forecast: s.forecast,
    band: REVIEW_BAND,
    rule: { ...RULE_PRESETS[preset], floor: 0, cap: Infinity },
    staff: DEFAULT_STAFF,
    lumpsum: 0,
    initialBacklog: 0,
    ...over,
  };
}

/** Asserts that every computed column of the sheet equals the simulator, period by period. */
function expectSheetMatches(input: SimInput, lang: 'nl' | 'en' = 'nl'): Grid {
  const result = simulate(input);
  const plan = buildScenarioPlan(input, result, { name: 'Test', lang, preset: 'custom' });
  const g = new Grid(plan, SCENARIO_SHEET);
  const r0 = TABLE_HEADER_ROW + 1;
  const close = (v: V, expected: number, what: string, t: number): void => {
    if (typeof v !== 'number') throw new Error(`${what} in period ${t + 1}: ${String(v)} is not a number`);
    if (Math.abs(v - expected) > 1e-6 * Math.max(1, Math.abs(expected))) {
      throw new Error(`${what} in period ${t + 1}: sheet ${v}, simulator ${expected}`);
    }
  };
  for (let t = 0; t < result.periods; t++) {
    const row = r0 + t;
    expect(g.at(`${colOf('label')}${row}`)).toBe(labelText(result.labels[t], lang));
    close(g.at(`${colOf('target')}${row}`), result.fundingTarget[t], 'target', t);
    close(g.at(`${colOf('funding')}${row}`), result.funding[t], 'funding', t);
    close(g.at(`${colOf('fundedFte')}${row}`), result.fundedFte[t], 'funded fte', t);
    close(g.at(`${colOf('hires')}${row}`), result.hiresFte[t], 'hires', t);
    close(g.at(`${colOf('leavers')}${row}`), result.leaversFte[t], 'leavers', t);
    close(g.at(`${colOf('cuts')}${row}`), result.cutsFte[t], 'cuts', t);
    close(g.at(`${colOf('trainees')}${row}`), result.traineeFte[t], 'trainees', t);
    close(g.at(`${colOf('inductionLoss')}${row}`), result.inductionLossFte[t], 'induction loss', t);
    close(g.at(`${colOf('coaching')}${row}`), result.coachingFte[t], 'coaching', t);
    close(g.at(`${colOf('productive')}${row}`), result.productiveFte[t], 'productive', t);
    close(g.at(`${colOf('staffCapacity')}${row}`), result.staffCapacityHours[t], 'staff capacity', t);
    close(g.at(`${colOf('flexNeed')}${row}`), result.flexNeedFte[t], 'flex need', t);
    close(g.at(`${colOf('flexHours')}${row}`), result.flexHours[t], 'flex hours', t);
    close(g.at(`${colOf('capacity')}${row}`), result.capacityHours[t], 'capacity', t);
    close(g.at(`${colOf('constrained')}${row}`), result.constrainedHours[t], 'constrained', t);
    close(g.at(`${colOf('backlog')}${row}`), result.backlog[t], 'backlog', t);
  }
  const s = summarize(result);
  close(g.at('F4'), s.maxBacklog, 'max backlog', 0);
  close(g.at('F6'), s.totalFunding, 'total funding', 0);
  close(g.at('F9'), s.totalCutsFte, 'cuts', 0);
  close(g.at('F14'), s.productionShortfallHours, 'shortfall', 0);
  expect(g.at('F15')).toBe(lang === 'nl' ? 'klopt' : 'OK');
  expect(g.at('F16')).toBe(lang === 'nl' ? 'klopt' : 'OK');
  return g;
}

describe('the scenario sheet computes what the simulator computes', () => {
  test('2017 case, cut in advance on the forecast', () => {
    const g = expectSheetMatches(inputFor('advance2017', 'case2017'));
    // The inputs are visible, named cells.
    expect(g.at('B5')).toBe('prognose');
    expect(g.at('B24')).toBe(13); // 12 months × 13/12
  });
  test('2017 case, recommended rule (backlog counted) with turnover', () => {
    expectSheetMatches(inputFor('recommended', 'case2017'));
  });
  test('long peak, funding path with a floor, a cap and a lumpsum (English sheet)', () => {
    const base = inputFor('path', 'longPeak');
    expectSheetMatches(
      {
        ...base,
        lumpsum: 500000,
        initialBacklog: 20000,
        rule: { ...base.rule, floor: 6_000_000, cap: 7_000_000 },
      },
      'en',
    );
  });
  test('short peak absorbed by a flex shell', () => {
    const base = inputFor('recommended', 'shortPeak');
    const g = expectSheetMatches({ ...base, staff: { ...DEFAULT_STAFF, flexFte: 120, inductionMonths: 5 } });
    // The peak periods (14–16) call on the flex shell.
    expect(g.at(`${colOf('flexNeed')}${TABLE_HEADER_ROW + 14}`)).toBeCloseTo(8000 / (4 * 36 * 0.57), 9);
  });
});

describe('the parameter-sheet column', () => {
  const input = inputFor('path', 'normal');
  const plan = buildScenarioPlan(input, simulate(input), { name: 'P', lang: 'nl', preset: 'path' });
  test('shows the shared parameter when the parameter sheet defines it', () => {
    const g = new Grid(plan, SCENARIO_SHEET, { IND_BandOnder: 75000, IND_DirecteUren: 0.7473 });
    expect(g.at('D6')).toBe(75000);
    expect(g.at('D12')).toBe(0.7473);
    expect(g.at('B6')).toBe(76000); // the scenario's own input is unchanged
  });
  test('stays blank when there is no parameter sheet', () => {
    const g = new Grid(plan, SCENARIO_SHEET);
    expect(g.at('D6')).toBe('');
    expect(g.at('D4')).toBeNull(); // no shared parameter for the rule
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
    expect(sheet.charts![0].source).toBe(`AA${TABLE_HEADER_ROW}:AE${TABLE_HEADER_ROW + 78}`);
  });

  test('labels and backlog are IND.* formulas over the sheet columns; inputs are named', () => {
    const formulas = sheet.blocks
      .flatMap((b) => b.cells.flat())
      .filter((c): c is string => typeof c === 'string' && c.startsWith('='));
    expect(formulas).toContain(
      `=IND.SCENARIO(B37:B114,IND_Sim_BandOnder,IND_Sim_BandBoven,IND_Sim_PiekExtra,IND_Sim_PiekPerioden,"nl")`,
    );
    expect(formulas).toContain(
      '=IF(SUMPRODUCT((IND.BACKLOG(B37:B114,U37:U114,IND_Sim_Beginachterstand)-X37:X114)^2)<0.000001,"klopt","KLOPT NIET")',
    );
    expect(formulas).toContain('=MAX(0,X37+B38-U38)');
    expect(plan.names!.map((n) => n.name)).toEqual(
      expect.arrayContaining([
        'IND_Sim_Ondergrens',
        'IND_Sim_Plafond',
        'IND_Sim_MaxDaling',
        'IND_Sim_Bevestig',
      ]),
    );
    expect(plan.names!.every((n) => n.name.startsWith('IND_Sim_'))).toBe(true);
    // The cohort model is live too: a SUMPRODUCT ramp over the hires so far.
    expect(formulas).toContain(
      '=IF(IND_Sim_InwerkPerioden<=0,0,SUMPRODUCT($K$37:K40,((A40-$A$37:A40)<IND_Sim_InwerkPerioden)*(1-(A40-$A$37:A40)/IND_Sim_InwerkPerioden)))',
    );
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
    expect(sheet.charts![0].source).toBe('B27:C105');
  });
});
