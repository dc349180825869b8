/**
 * The workbook states the task pane writes, built from the bundled (fictitious) examples and from
 * generated inputs: the plans a user's actions produce, in the order they are applied. Each state
 * is a list of plans; `workbookFromPlans(...state.plans)` lays them out as Excel holds them.
 */
import fc from 'fast-check';
import {
  parseActualTable,
  parseBudgetTable,
  parseProductTable,
  type ProductRow,
} from '../../src/core/funding';
import { validateNormRange, type NormRow } from '../../src/core/norms';
import {
  generateTemplate,
  REVIEW_BAND,
  RULE_PRESETS,
  DEFAULT_STAFF,
  simulate,
  type SimInput,
} from '../../src/core/scenario';
import { importCsv } from '../../src/core/timerecording/import';
import type { CellValue, WritePlan } from '../../src/taskpane/host/types';
import {
  buildCalcSheetPlan,
  buildExampleVolumePlan,
  buildNormTablePlan,
  buildParameterPlan,
  defaultSets,
  EXAMPLE_NORM_VERSION,
  EXAMPLE_VOLUME_TABLE,
  exampleNormRange,
  exampleVolumes,
  MEASURED_SET,
  MODEL_SET,
} from '../../src/taskpane/plans';
import {
  EXAMPLE_ACTUAL,
  EXAMPLE_BUDGET,
  EXAMPLE_LEDGER,
  EXAMPLE_FUNDING_PARAMS,
  EXAMPLE_PRODUCTS,
} from '../../src/taskpane/plans/funding/examples';
import { buildFundingPlan } from '../../src/taskpane/plans/funding/fundingPlan';
import { buildReconciliationPlan } from '../../src/taskpane/plans/funding/reconciliationPlan';
import {
  buildComparePlan,
  buildScenarioPlan,
  toSaved,
} from '../../src/taskpane/plans/scenario/scenarioSheet';
import { buildTimeRecordingPlan } from '../../src/taskpane/plans/timerecording/timeRecordingPlan';
import {
  DEFAULT_PRODUCTS,
  GENERATED_COLUMNS,
  generateExport,
  generatedCategoryMapping,
} from '../generators/timeRecordingExport';
import { streamOf, utf8 } from '../timerecording/helpers';
import { newVersion, parseDate, type ForecastInput, type VersionRow } from '../../src/core/steering';
import { buildForecastInputPlan } from '../../src/taskpane/plans/steering/forecastPlan';
import { CAL, PEIL } from '../steering/fixtures';
import { cycle, paramsPlan, withTeams } from '../steering/planHelpers';

/** One workbook state: a name and the plans that produce it. */
export interface State {
  name: string;
  plans: WritePlan[];
}

const exampleNorms = (): NormRow[] => validateNormRange(exampleNormRange(), EXAMPLE_NORM_VERSION).rows;

/** Parameters sheet (active set `active`). */
export function parametersState(active = MEASURED_SET): State {
  return { name: 'Parameters', plans: [buildParameterPlan(defaultSets(), active)] };
}

/** Parameters + norm table. */
export function normsState(norms: NormRow[] = exampleNorms()): State {
  return {
    name: 'Normtijden',
    plans: [buildParameterPlan(defaultSets(), MODEL_SET), buildNormTablePlan(norms, { illustrative: true })],
  };
}

/** Volumes, parameters, norms and the calculation sheet. */
export function calcState(
  volumes: { headers: string[]; rows: CellValue[][] } = exampleVolumes(),
  norms: NormRow[] = exampleNorms(),
  opts: { active?: string; grossUpExtra?: boolean; version?: string } = {},
): State {
  const volumePlan = buildVolumePlan(volumes);
  const res = buildCalcSheetPlan({
    volume: { name: EXAMPLE_VOLUME_TABLE, sheet: 'IND Voorbeeldvolumes', address: 'A4', ...volumes },
    norms,
    version: opts.version ?? EXAMPLE_NORM_VERSION,
    grossUpExtra: opts.grossUpExtra,
  });
  if (!res.plan) throw new Error(`calc sheet refused: ${JSON.stringify(res.issues)}`);
  return {
    name: 'Rekenblad',
    plans: [
      volumePlan,
      buildParameterPlan(defaultSets(), opts.active ?? MODEL_SET),
      buildNormTablePlan(norms, { illustrative: true }),
      res.plan,
    ],
  };
}

/** The example volume plan with other rows (same sheet and table as the bundled example). */
export function buildVolumePlan(volumes: { headers: string[]; rows: CellValue[][] }): WritePlan {
  const p = buildExampleVolumePlan();
  const sheet = p.sheets[0];
  return {
    ...p,
    sheets: [
      {
        ...sheet,
        tables: [
          { ...sheet.tables![0], headers: volumes.headers, rows: volumes.rows, columnFormats: undefined },
        ],
      },
    ],
  };
}

/** The four time-recording sheets from a generated export. */
export async function timeRecordingState(
  seed = 42,
  opts: { teams?: number; weeks?: number } = {},
): Promise<State> {
  const { text } = generateExport({
    seed,
    teams: opts.teams ?? 3,
    personsPerTeam: 4,
    weeks: opts.weeks ?? 8,
    teamSpeed: [0.9, 1, 1.2],
    silentTeamWeeks: [0, 1].map((week) => ({ team: 2, week })),
    badEvery: 97,
  });
  const result = await importCsv(streamOf(utf8(text), 1000), {
    mapping: GENERATED_COLUMNS,
    periodKind: 'period4w',
  });
  const norms = Object.fromEntries(DEFAULT_PRODUCTS.map((p) => [p.name, p.normMinutes]));
  const { plan } = buildTimeRecordingPlan({
    result,
    options: { categoryMapping: generatedCategoryMapping(), norms, hourlyCost: 80 },
    sourceName: 'export.csv',
    showPersons: false,
  });
  return { name: 'Tijdschrijven', plans: [plan] };
}

/** A scenario simulation sheet over a template (plus the parameter sheet whose names it uses). */
export function scenarioState(
  template: Parameters<typeof generateTemplate>[0] = 'case2017',
  over: Partial<SimInput> = {},
  lang: 'nl' | 'en' = 'nl',
): State {
  const s = generateTemplate(template, REVIEW_BAND);
  const input: SimInput = {
    workload: s.workload,
    forecast: s.forecast,
    band: REVIEW_BAND,
    rule: { ...RULE_PRESETS.advance2017, floor: 0, cap: Infinity },
    staff: DEFAULT_STAFF,
    lumpsum: 0,
    initialBacklog: 0,
    ...over,
  };
  const result = simulate(input);
  const plan = buildScenarioPlan(input, result, { name: 'Test', lang, preset: 'advance2017' });
  const compare = buildComparePlan(
    [toSaved('Test', 'advance2017', input), toSaved('Twee', 'custom', { ...input, initialBacklog: 1000 })],
    lang,
  );
  return { name: "Scenario's", plans: [buildParameterPlan(defaultSets(), MEASURED_SET), plan, compare] };
}

/** The funding sheet from products and parameters. */
export function fundingState(
  products: ProductRow[] = parseProductTable(EXAMPLE_PRODUCTS),
  lang: 'nl' | 'en' = 'nl',
): State {
  const p = EXAMPLE_FUNDING_PARAMS;
  const { plan } = buildFundingPlan({
    products,
    params: { ...p, cap: undefined },
    sets: [
      { label: 'Model 2021', directRatio: 0.7473 },
      { label: 'Gemeten 2021', directRatio: 0.57 },
    ],
    lang,
  });
  return { name: 'Financiering', plans: [plan] };
}

/** The reconciliation (post-calculation) sheet from budget and realisation tables. */
export function reconciliationState(
  budget: CellValue[][] = EXAMPLE_BUDGET,
  actual: CellValue[][] = EXAMPLE_ACTUAL,
  ledger: number = EXAMPLE_LEDGER,
): State {
  const b = parseBudgetTable(budget);
  const a = parseActualTable(actual);
  const { plan } = buildReconciliationPlan({
    period: '2026-T1',
    budget: b,
    actual: a,
    ledger,
    materiality: { euro: 1000 },
    carried: [],
    actionTableExists: false,
    lang: 'nl',
  });
  return { name: 'Nacalculatie', plans: [plan] };
}

/** Forecast versions of the steering fixtures: made in P01–P04, each one period ahead. */
function steeringVersions(): VersionRow[] {
  const rows: VersionRow[] = [];
  const add = (date: string, inputs: ForecastInput[]): void => {
    rows.push(...newVersion(inputs, rows, { date: parseDate(date), who: 'BC', calendar: CAL, table: 'x' }));
  };
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

/**
 * The steering (Sturing) sheets over the steering fixtures (test/steering): the parameter sheets
 * (teams, deadlines, penalty schedule, production plan), the cycle's sheets (stock and ageing,
 * penalty exposure, KPIs with the year-end forecasts, forecast quality, actions) and the forecast
 * input sheet.
 */
export function steeringState(): State {
  const params = withTeams(paramsPlan());
  const c = cycle(params, {}, { versions: steeringVersions() });
  const input = buildForecastInputPlan({
    lang: 'nl',
    calendar: CAL,
    peil: PEIL,
    products: ['AA'],
    realisation: c.summary.realisation,
  });
  return { name: 'Sturing', plans: [params, c.plan, input] };
}

/** Every state built from the bundled examples. */
export async function exampleStates(): Promise<State[]> {
  return [
    parametersState(),
    normsState(),
    calcState(),
    await timeRecordingState(),
    scenarioState(),
    fundingState(),
    reconciliationState(),
    steeringState(),
  ];
}

/** Random volume tables over the example norms' codes: 1–6 products × 1–13 periods. */
export function volumeArb(codes: CellValue[]): fc.Arbitrary<{ headers: string[]; rows: CellValue[][] }> {
  return fc
    .record({
      n: fc.integer({ min: 1, max: Math.min(6, codes.length) }),
      p: fc.integer({ min: 1, max: 13 }),
      vols: fc.array(fc.integer({ min: 0, max: 40000 }), { minLength: 6 * 13, maxLength: 6 * 13 }),
    })
    .map(({ n, p, vols }) => ({
      headers: ['Code', ...Array.from({ length: p }, (_, j) => `P${j + 1}`)],
      rows: codes.slice(0, n).map((c, i) => [c, ...Array.from({ length: p }, (_, j) => vols[i * 13 + j])]),
    }));
}

/** Example norms, for generated volume tables. */
export { exampleNorms };
