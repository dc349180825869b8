/**
 * Pure plan builders of the scenario simulator: the "IND Scenario" sheet (visible inputs as
 * named cells, the period table of live formulas, the chart) and the comparison sheet of saved
 * scenarios. No Office, no React: a `WritePlan` in, applied by the gateway in one batch.
 *
 * Everything on the sheet is a live formula on the named inputs, except the inputs themselves:
 * - labels: `IND.SCENARIO` over the workload column (spills);
 * - funding path, funded fte, the cohort model (leavers, hires, cuts, staff in induction and its
 *   SUMPRODUCT ramp, coaching, productive fte), capacity, flex shell, production and backlog:
 *   per-row Excel formulas. The funding rule needs a cap and, for the recommended rule, the
 *   previous period's backlog, which `IND.FUNDINGPATH` does not take; and because funding then
 *   depends on the backlog, the backlog must be per row too (an `IND.BACKLOG` spill over the
 *   capacity column would be a circular reference);
 * - a check cell recomputes the backlog with `IND.BACKLOG` over the workload and capacity
 *   columns and compares it with the per-row backlog.
 */
import type { Lang } from '../../../core/messages/types';
import {
  labelText,
  RULE_PRESETS,
  simulateUnchecked,
  summarize,
  type RulePreset,
  type SimInput,
  type SimResult,
} from '../../../core/scenario';
import { columnLetters } from '../../host/address';
import type { CellBlock, CellValue, ChartPlan, NamePlan, SheetPlan, WritePlan } from '../../host/types';
import { t } from '../../i18n';

/** Sheet names. Dutch first; the sheet names are not localised (formulas refer to them). */
export const SCENARIO_SHEET = 'IND Scenario';
export const COMPARE_SHEET = 'IND Scenariovergelijking';

/** Number formats (Excel invariant codes). */
const NF = {
  hours: '#,##0',
  euro: '"€" #,##0',
  fte: '#,##0.0',
  pct: '0.0%',
  periods: '0.00',
  int: '0',
  text: '@',
} as const;

/** One visible input: its defined name, label key, value and format. */
interface InputRow {
  name: string;
  label: Parameters<typeof t>[1];
  value: CellValue;
  format: string;
  unit: Parameters<typeof t>[1];
  /** The same parameter's name on the shared parameter sheet, when it has one. */
  param?: string;
}

/** First row of the period table's data (header one row above). */
export const TABLE_HEADER_ROW = 36;

/** Columns of the period table. `kind` says who computes it. */
const COLS = [
  'period',
  'workload',
  'forecast',
  'label',
  'bandLow',
  'bandHigh',
  'target',
  'below',
  'funding',
  'fundedFte',
  'hires',
  'leavers',
  'cuts',
  'trainees',
  'inductionLoss',
  'coaching',
  'productive',
  'staffCapacity',
  'flexNeed',
  'flexHours',
  'capacity',
  'needsBased',
  'constrained',
  'backlog',
] as const;
type Col = (typeof COLS)[number];

/** Column letter of a period-table column. */
export function colOf(c: Col): string {
  return columnLetters(COLS.indexOf(c));
}

/** A defined name of the simulator's inputs; prefixed so they never clash with other views. */
function nm(suffix: string): string {
  return `IND_Sim_${suffix}`;
}

/** A number for a cell: `Infinity` (no cap) becomes a blank cell. */
function num(x: number | undefined): CellValue {
  return x === undefined || !Number.isFinite(x) ? null : x;
}

/** The visible inputs, in sheet order (rows 4…). */
function inputRows(
  input: SimInput,
  result: SimResult,
  lang: Lang,
  preset: RulePreset | 'custom',
): InputRow[] {
  const { rule, staff, band } = input;
  const basisText =
    rule.basis === 'forecast' ? t(lang, 'scenario.basis.forecast') : t(lang, 'scenario.basis.realised');
  return [
    {
      name: nm('Regel'),
      label: 'scenario.in.rule',
      value: t(lang, `scenario.rule.${preset}`),
      format: NF.text,
      unit: 'scenario.unit.none',
    },
    {
      name: nm('Basis'),
      label: 'scenario.in.basis',
      value: basisText,
      format: NF.text,
      unit: 'scenario.unit.basis',
    },
    {
      name: nm('BandOnder'),
      param: 'IND_BandOnder',
      label: 'scenario.in.bandLow',
      value: band.low,
      format: NF.hours,
      unit: 'scenario.unit.hoursPerPeriod',
    },
    {
      name: nm('BandBoven'),
      param: 'IND_BandBoven',
      label: 'scenario.in.bandHigh',
      value: band.high,
      format: NF.hours,
      unit: 'scenario.unit.hoursPerPeriod',
    },
    {
      name: nm('PiekExtra'),
      param: 'IND_PiekExtra',
      label: 'scenario.in.peakExtra',
      value: band.peakExtra,
      format: NF.hours,
      unit: 'scenario.unit.hoursPerPeriod',
    },
    {
      name: nm('PiekPerioden'),
      param: 'IND_PiekPerioden',
      label: 'scenario.in.peakPeriods',
      value: band.peakPeriods,
      format: NF.int,
      unit: 'scenario.unit.periods',
    },
    {
      name: nm('Periodeweken'),
      param: 'IND_Periodeweken',
      label: 'scenario.in.weeks',
      value: 4,
      format: NF.int,
      unit: 'scenario.unit.weeks',
    },
    {
      name: nm('UrenPerFte'),
      param: 'IND_UrenPerFte',
      label: 'scenario.in.hoursPerFte',
      value: staff.hoursPerFte,
      format: '0.0',
      unit: 'scenario.unit.hoursPerWeek',
    },
    {
      name: nm('DirecteUren'),
      param: 'IND_DirecteUren',
      label: 'scenario.in.directRatio',
      value: staff.directRatio,
      format: '0.00%',
      unit: 'scenario.unit.grossShare',
    },
    {
      name: nm('UrenPerFtePeriode'),
      label: 'scenario.in.hoursPerFtePeriod',
      value: `=${nm('Periodeweken')}*${nm('UrenPerFte')}*${nm('DirecteUren')}`,
      format: '#,##0.00',
      unit: 'scenario.unit.hoursPerFtePeriod',
    },
    {
      name: nm('KostenPerFte'),
      label: 'scenario.in.costPerFte',
      value: staff.costPerFtePeriod,
      format: NF.euro,
      unit: 'scenario.unit.euroPerFtePeriod',
    },
    {
      name: nm('Tarief'),
      label: 'scenario.in.rate',
      // Full cost unless the user set another rate: then the number is written.
      value:
        input.ratePerHour === undefined
          ? `=${nm('KostenPerFte')}/${nm('UrenPerFtePeriode')}`
          : result.ratePerHour,
      format: '"€" #,##0.00',
      unit: 'scenario.unit.euroPerHour',
    },
    {
      name: nm('Lumpsum'),
      label: 'scenario.in.lumpsum',
      value: input.lumpsum,
      format: NF.euro,
      unit: 'scenario.unit.euroPerPeriod',
    },
    {
      name: nm('Ondergrens'),
      label: 'scenario.in.floor',
      value: rule.floor,
      format: NF.euro,
      unit: 'scenario.unit.euroPerPeriod',
    },
    {
      name: nm('Plafond'),
      label: 'scenario.in.cap',
      value: num(rule.cap),
      format: NF.euro,
      unit: 'scenario.unit.capBlank',
    },
    {
      name: nm('MaxDaling'),
      label: 'scenario.in.maxDecline',
      value: rule.maxDecline,
      format: NF.pct,
      unit: 'scenario.unit.perPeriod',
    },
    {
      name: nm('Bevestig'),
      label: 'scenario.in.confirm',
      value: rule.confirmPeriods,
      format: NF.int,
      unit: 'scenario.unit.periods',
    },
    {
      name: nm('AchterstandMee'),
      label: 'scenario.in.countBacklog',
      value: rule.countBacklog,
      format: 'General',
      unit: 'scenario.unit.trueFalse',
    },
    {
      name: nm('Inloop'),
      label: 'scenario.in.clearPeriods',
      value: rule.backlogClearPeriods,
      format: NF.int,
      unit: 'scenario.unit.periods',
    },
    {
      name: nm('InwerkMaanden'),
      label: 'scenario.in.inductionMonths',
      value: staff.inductionMonths,
      format: '0.0',
      unit: 'scenario.unit.months',
    },
    {
      name: nm('InwerkPerioden'),
      label: 'scenario.in.inductionPeriods',
      value: `=${nm('InwerkMaanden')}*13/12`,
      format: NF.periods,
      unit: 'scenario.unit.monthsToPeriods',
    },
    {
      name: nm('Verloop'),
      label: 'scenario.in.turnover',
      value: staff.turnoverAnnual,
      format: NF.pct,
      unit: 'scenario.unit.perYear',
    },
    {
      name: nm('VerloopPeriode'),
      label: 'scenario.in.turnoverPeriod',
      value: `=1-(1-${nm('Verloop')})^(1/13)`,
      format: '0.000%',
      unit: 'scenario.unit.perPeriodCompound',
    },
    {
      name: nm('Begeleiding'),
      label: 'scenario.in.coaching',
      value: staff.coachingShare,
      format: NF.pct,
      unit: 'scenario.unit.coaching',
    },
    {
      name: nm('FlexFte'),
      label: 'scenario.in.flexFte',
      value: staff.flexFte,
      format: NF.fte,
      unit: 'scenario.unit.fte',
    },
    {
      name: nm('Beginbezetting'),
      label: 'scenario.in.initialStaff',
      // Default: the staff period 1's funding pays for, as a live reference.
      value: staff.initialStaffFte ?? `=${colOf('fundedFte')}${TABLE_HEADER_ROW + 1}`,
      format: NF.fte,
      unit: 'scenario.unit.fte',
    },
    {
      name: nm('Beginachterstand'),
      label: 'scenario.in.initialBacklog',
      value: input.initialBacklog,
      format: NF.hours,
      unit: 'scenario.unit.hours',
    },
  ];
}

/** Options of {@link buildScenarioPlan}. */
export interface ScenarioPlanOptions {
  /** Scenario name, shown in the title. */
  name: string;
  lang: Lang;
  /** The rule preset the user picked, or 'custom'. */
  preset: RulePreset | 'custom';
}

/**
 * The plan for the "IND Scenario" sheet. `result` must be `simulate(input)`; the add-in-computed
 * columns are taken from it, everything else is written as formulas on the named inputs.
 */
export function buildScenarioPlan(input: SimInput, result: SimResult, opts: ScenarioPlanOptions): WritePlan {
  const { lang } = opts;
  const n = result.periods;
  const inputs = inputRows(input, result, lang, opts.preset);
  const firstInputRow = 4;
  const names: NamePlan[] = inputs.map((r, i) => ({
    name: r.name,
    ref: `='${SCENARIO_SHEET}'!$B$${firstInputRow + i}`,
    comment: t(lang, r.label),
  }));
  const blocks: CellBlock[] = [];

  blocks.push({ at: 'A1', cells: [[t(lang, 'scenario.sheet.title', { name: opts.name })]], style: 'title' });
  blocks.push({ at: 'A2', cells: [[t(lang, 'scenario.sheet.note')]], style: 'note' });
  blocks.push({
    at: 'A3',
    cells: [
      [t(lang, 'scenario.sheet.inputs'), t(lang, 'scenario.sheet.value'), t(lang, 'scenario.sheet.unit')],
    ],
    style: 'header',
  });
  blocks.push({ at: 'A4', cells: inputs.map((r) => [t(lang, r.label)]), style: 'note' });
  // Inputs the user may change are 'input'; derived parameters (formulas) are 'output'.
  inputs.forEach((r, i) => {
    const isFormula = typeof r.value === 'string' && r.value.startsWith('=');
    blocks.push({
      at: `B${firstInputRow + i}`,
      cells: [[r.value]],
      numberFormat: r.format,
      style: isFormula ? 'output' : 'input',
    });
  });
  blocks.push({ at: 'C4', cells: inputs.map((r) => [t(lang, r.unit)]), style: 'note' });
  // Beside the inputs that the shared parameter sheet also defines: its value, when that sheet
  // exists (IFERROR hides #NAME? when it does not), so a difference is visible, not silent.
  blocks.push({ at: 'D3', cells: [[t(lang, 'scenario.sheet.paramSheet')]], style: 'header' });
  blocks.push({
    at: 'D4',
    cells: inputs.map((r) => [r.param ? `=IFERROR(${r.param},"")` : null]),
    numberFormat: inputs.map((r) => [r.format]),
    style: 'output',
  });

  // Period table.
  const hr = TABLE_HEADER_ROW;
  const r0 = hr + 1;
  const rEnd = hr + n;
  const col = (c: Col): string => colOf(c);
  const range = (c: Col): string => `${col(c)}${r0}:${col(c)}${rEnd}`;
  blocks.push({
    at: `A${hr - 2}`,
    cells: [[t(lang, 'scenario.sheet.modelNote')]],
    style: 'note',
  });
  blocks.push({
    at: `A${hr}`,
    cells: [COLS.map((c) => t(lang, `scenario.col.${c}`))],
    style: 'header',
  });

  const shortPeakText = labelText('shortPeak', lang);
  const forecastText = t(lang, 'scenario.basis.forecast');
  const capOf = (x: string): string => `IF(${nm('Plafond')}="",${x},MIN(${nm('Plafond')},${x}))`;
  const prevBacklog = (r: number): string =>
    r === r0 ? nm('Beginachterstand') : `${col('backlog')}${r - 1}`;

  const inputCells: CellValue[][] = [];
  const formulaCells1: CellValue[][] = []; // bandLow … fundedFte
  const staffCells: CellValue[][] = [];
  const formulaCells2: CellValue[][] = []; // staffCapacity … constrained
  for (let i = 0; i < n; i++) {
    const r = r0 + i;
    const W = `${col('workload')}${r}`;
    inputCells.push([
      i + 1,
      input.workload[i],
      input.forecast && input.forecast.length === n ? input.forecast[i] : null,
    ]);
    const basisRef = `IF(${nm('Basis')}="${forecastText}",${col('forecast')}${r},${W})`;
    const target = `=${nm('Lumpsum')}+${nm('Tarief')}*(${basisRef}+IF(N(${nm('AchterstandMee')})=1,${prevBacklog(r)}/${nm('Inloop')},0))`;
    const G = `${col('target')}${r}`;
    const Iprev = `${col('funding')}${r - 1}`;
    const below = i === 0 ? 0 : `=IF(${G}>=${Iprev},0,${col('below')}${r - 1}+1)`;
    const funding =
      i === 0
        ? `=${capOf(`MAX(${nm('Ondergrens')},${G})`)}`
        : `=${capOf(
            `MAX(${nm('Ondergrens')},IF(${G}>=${Iprev},${G},IF(${col('below')}${r}>=${nm('Bevestig')},MAX(${G},${Iprev}*(1-${nm('MaxDaling')})),${Iprev})))`,
          )}`;
    formulaCells1.push([
      `=${nm('BandOnder')}`,
      `=${nm('BandBoven')}`,
      target,
      below,
      funding,
      `=MAX(0,${col('funding')}${r}-${nm('Lumpsum')})/${nm('KostenPerFte')}`,
    ]);
    // Cohort model: staff follows funding; leavers and cuts come out of experienced staff; each
    // period's hires ramp up linearly over the induction (a SUMPRODUCT over the hires so far).
    const staffPrev = i === 0 ? nm('Beginbezetting') : `${col('fundedFte')}${r - 1}`;
    const J = `${col('fundedFte')}${r}`;
    const L = `${col('leavers')}${r}`;
    const R = nm('InwerkPerioden');
    const hiresSoFar = `$${col('hires')}$${r0}:${col('hires')}${r}`;
    const age = `(${col('period')}${r}-$${col('period')}$${r0}:${col('period')}${r})`;
    staffCells.push([
      `=MAX(0,${J}-(${staffPrev}-${L}))`,
      `=${staffPrev}*${nm('VerloopPeriode')}`,
      `=MAX(0,(${staffPrev}-${L})-${J})`,
      `=IF(${R}<=0,0,SUMPRODUCT(${hiresSoFar},(${age}<${R})*1))`,
      `=IF(${R}<=0,0,SUMPRODUCT(${hiresSoFar},(${age}<${R})*(1-${age}/${R})))`,
      `=${nm('Begeleiding')}*${col('inductionLoss')}${r}`,
      `=MAX(0,${J}-${col('inductionLoss')}${r}-${col('coaching')}${r})`,
    ]);
    formulaCells2.push([
      `=${col('productive')}${r}*${nm('UrenPerFtePeriode')}`,
      `=IF(${col('label')}${r}="${shortPeakText}",MAX(0,${W}-${nm('BandBoven')})/${nm('UrenPerFtePeriode')},0)`,
      `=MIN(${nm('FlexFte')},${col('flexNeed')}${r})*${nm('UrenPerFtePeriode')}`,
      `=${col('staffCapacity')}${r}+${col('flexHours')}${r}`,
      `=${W}`,
      `=MIN(${prevBacklog(r)}+${W},${col('capacity')}${r})`,
    ]);
  }
  blocks.push({
    at: `A${r0}`,
    cells: inputCells,
    numberFormat: rowFormats(n, [NF.int, NF.hours, NF.hours]),
    style: 'input',
  });
  // Spilling formulas: one cell each, the rest of the column left alone (null = unchanged).
  blocks.push({
    at: `${col('label')}${r0}`,
    cells: [
      [
        `=IND.SCENARIO(${range('workload')},${nm('BandOnder')},${nm('BandBoven')},${nm('PiekExtra')},${nm('PiekPerioden')},"${lang}")`,
      ],
    ],
    style: 'output',
  });
  blocks.push({
    at: `${col('bandLow')}${r0}`,
    cells: formulaCells1,
    numberFormat: rowFormats(n, [NF.hours, NF.hours, NF.euro, NF.int, NF.euro, NF.fte]),
    style: 'output',
  });
  blocks.push({ at: `${col('hires')}${r0}`, cells: staffCells, numberFormat: NF.fte, style: 'output' });
  blocks.push({
    at: `${col('staffCapacity')}${r0}`,
    cells: formulaCells2,
    numberFormat: rowFormats(n, [NF.hours, NF.fte, NF.hours, NF.hours, NF.hours, NF.hours]),
    style: 'output',
  });
  blocks.push({
    at: `${col('backlog')}${r0}`,
    cells: Array.from({ length: n }, (_, i) => [
      `=MAX(0,${prevBacklog(r0 + i)}+${col('workload')}${r0 + i}-${col('capacity')}${r0 + i})`,
    ]),
    numberFormat: NF.hours,
    style: 'output',
  });

  // Key figures (live) and the conservation check, right of the inputs.
  const kf: [Parameters<typeof t>[1], string, string][] = [
    ['scenario.kf.maxBacklog', `=MAX(${range('backlog')})`, NF.hours],
    ['scenario.kf.finalBacklog', `=${col('backlog')}${rEnd}`, NF.hours],
    ['scenario.kf.totalFunding', `=SUM(${range('funding')})`, NF.euro],
    ['scenario.kf.minFunding', `=MIN(${range('funding')})`, NF.euro],
    ['scenario.kf.minFte', `=MIN(${range('fundedFte')})`, NF.fte],
    ['scenario.kf.cuts', `=SUM(${range('cuts')})`, NF.fte],
    ['scenario.kf.hires', `=SUM(${range('hires')})`, NF.fte],
    ['scenario.kf.maxFlex', `=MAX(${range('flexNeed')})`, NF.fte],
    ['scenario.kf.needsBased', `=SUM(${range('needsBased')})`, NF.hours],
    ['scenario.kf.constrained', `=SUM(${range('constrained')})`, NF.hours],
    ['scenario.kf.shortfall', `=SUM(${range('needsBased')})-SUM(${range('constrained')})`, NF.hours],
  ];
  blocks.push({
    at: 'E3',
    cells: [[t(lang, 'scenario.kf.title'), t(lang, 'scenario.sheet.value')]],
    style: 'header',
  });
  blocks.push({ at: 'E4', cells: kf.map(([k]) => [t(lang, k)]), style: 'note' });
  blocks.push({
    at: 'F4',
    cells: kf.map(([, f]) => [f]),
    numberFormat: kf.map(([, , nf]) => [nf]),
    style: 'output',
  });
  const checkRow = 4 + kf.length;
  blocks.push({ at: `E${checkRow}`, cells: [[t(lang, 'scenario.kf.check')]], style: 'note' });
  blocks.push({
    at: `F${checkRow}`,
    cells: [
      [
        `=IF(ABS(${nm('Beginachterstand')}+SUM(${range('workload')})-SUM(${range('constrained')})-${col('backlog')}${rEnd})<0.001,"${t(lang, 'scenario.kf.ok')}","${t(lang, 'scenario.kf.broken')}")`,
      ],
    ],
    style: 'check',
  });
  // The same backlog from the core's IND.BACKLOG (no cycle: nothing depends on this cell).
  blocks.push({ at: `E${checkRow + 1}`, cells: [[t(lang, 'scenario.kf.checkBacklog')]], style: 'note' });
  blocks.push({
    at: `F${checkRow + 1}`,
    cells: [
      [
        `=IF(SUMPRODUCT((IND.BACKLOG(${range('workload')},${range('capacity')},${nm('Beginachterstand')})-${range('backlog')})^2)<0.000001,"${t(lang, 'scenario.kf.ok')}","${t(lang, 'scenario.kf.broken')}")`,
      ],
    ],
    style: 'check',
  });

  // Chart data: contiguous columns right of the table (live references), and ONE chart.
  const chartCols: Col[] = ['period', 'workload', 'bandLow', 'bandHigh', 'capacity', 'backlog'];
  const chartFirst = COLS.length + 1; // one empty column between
  const chartAt = `${columnLetters(chartFirst)}${hr}`;
  const chartCells: CellValue[][] = [chartCols.map((c) => t(lang, `scenario.col.${c}`))];
  for (let i = 0; i < n; i++) chartCells.push(chartCols.map((c) => `=${col(c)}${r0 + i}`));
  blocks.push({ at: chartAt, cells: chartCells, numberFormat: NF.hours, style: 'output' });
  blocks.push({
    at: `${columnLetters(chartFirst)}${hr - 1}`,
    cells: [[t(lang, 'scenario.sheet.chartData')]],
    style: 'note',
  });
  const chartSource = `${columnLetters(chartFirst + 1)}${hr}:${columnLetters(chartFirst + chartCols.length - 1)}${rEnd}`;
  const charts: ChartPlan[] = [
    {
      type: 'Line',
      title: t(lang, 'scenario.chart.title'),
      source: chartSource,
      seriesBy: 'Columns',
      at: 'H3',
      to: 'P30',
    },
  ];

  const sheet: SheetPlan = {
    name: SCENARIO_SHEET,
    blocks,
    charts,
    columnWidths: { A: 230, B: 110, C: 200, D: 110, E: 220, F: 110 },
    freezeRows: 0,
  };
  return { action: t(lang, 'scenario.action.write'), sheets: [sheet], names };
}

/** A format matrix: the same formats on every row. */
function rowFormats(n: number, row: string[]): string[][] {
  return Array.from({ length: n }, () => row);
}

/** A saved scenario: its name, the rule preset and the full input (re-simulated on compare). */
export interface SavedScenario {
  name: string;
  preset: RulePreset | 'custom';
  /** The input, with `cap: null` for no cap (JSON has no Infinity). */
  input: Omit<SimInput, 'rule'> & { rule: Omit<SimInput['rule'], 'cap'> & { cap: number | null } };
}

/** Converts an input for storage (Infinity → null). */
export function toSaved(name: string, preset: RulePreset | 'custom', input: SimInput): SavedScenario {
  return {
    name,
    preset,
    input: {
      ...input,
      workload: [...input.workload],
      forecast: input.forecast ? [...input.forecast] : undefined,
      rule: { ...input.rule, cap: Number.isFinite(input.rule.cap) ? input.rule.cap : null },
    },
  };
}

/** Converts a stored scenario back to a simulator input. */
export function fromSaved(s: SavedScenario): SimInput {
  return { ...s.input, rule: { ...s.input.rule, cap: s.input.rule.cap ?? Infinity } };
}

/**
 * The comparison sheet: saved scenarios side by side (key figures per scenario, then backlog and
 * staff capacity per period) and one chart of the backlogs. The figures are computed by the add-in
 * from each scenario's stored input, and the sheet says so.
 */
export function buildComparePlan(saved: readonly SavedScenario[], lang: Lang): WritePlan {
  const runs = saved.map((s) => ({ s, r: simulateUnchecked(fromSaved(s)) }));
  const sums = runs.map(({ r }) => summarize(r));
  const blocks: CellBlock[] = [];
  blocks.push({ at: 'A1', cells: [[t(lang, 'scenario.compare.title')]], style: 'title' });
  blocks.push({ at: 'A2', cells: [[t(lang, 'scenario.compare.note')]], style: 'note' });
  blocks.push({
    at: 'A4',
    cells: [[t(lang, 'scenario.compare.metric'), ...runs.map(({ s }) => s.name)]],
    style: 'header',
  });
  const yes = t(lang, 'scenario.compare.yes');
  const no = t(lang, 'scenario.compare.no');
  const rows: [string, (i: number) => CellValue, string][] = [
    [t(lang, 'scenario.in.rule'), (i) => t(lang, `scenario.rule.${runs[i].s.preset}`), 'General'],
    [
      t(lang, 'scenario.in.basis'),
      (i) =>
        t(
          lang,
          runs[i].s.input.rule.basis === 'forecast' ? 'scenario.basis.forecast' : 'scenario.basis.realised',
        ),
      'General',
    ],
    [t(lang, 'scenario.in.maxDecline'), (i) => runs[i].s.input.rule.maxDecline, NF.pct],
    [t(lang, 'scenario.in.confirm'), (i) => runs[i].s.input.rule.confirmPeriods, NF.int],
    [t(lang, 'scenario.in.countBacklog'), (i) => (runs[i].s.input.rule.countBacklog ? yes : no), 'General'],
    [t(lang, 'scenario.in.inductionMonths'), (i) => runs[i].s.input.staff.inductionMonths, '0.0'],
    [t(lang, 'scenario.in.turnover'), (i) => runs[i].s.input.staff.turnoverAnnual, NF.pct],
    [t(lang, 'scenario.in.flexFte'), (i) => runs[i].s.input.staff.flexFte, NF.fte],
    [t(lang, 'scenario.compare.periods'), (i) => runs[i].r.periods, NF.int],
    [t(lang, 'scenario.kf.maxBacklog'), (i) => sums[i].maxBacklog, NF.hours],
    [t(lang, 'scenario.compare.maxBacklogPeriod'), (i) => sums[i].maxBacklogPeriod, NF.int],
    [t(lang, 'scenario.kf.finalBacklog'), (i) => sums[i].finalBacklog, NF.hours],
    [t(lang, 'scenario.compare.periodsWithBacklog'), (i) => sums[i].periodsWithBacklog, NF.int],
    [t(lang, 'scenario.kf.totalFunding'), (i) => sums[i].totalFunding, NF.euro],
    [t(lang, 'scenario.kf.minFunding'), (i) => sums[i].minFunding, NF.euro],
    [t(lang, 'scenario.kf.minFte'), (i) => sums[i].minStaffFte, NF.fte],
    [t(lang, 'scenario.kf.cuts'), (i) => sums[i].totalCutsFte, NF.fte],
    [t(lang, 'scenario.kf.hires'), (i) => sums[i].totalHiresFte, NF.fte],
    [t(lang, 'scenario.kf.maxFlex'), (i) => sums[i].maxFlexNeedFte, NF.fte],
    [t(lang, 'scenario.kf.shortfall'), (i) => sums[i].productionShortfallHours, NF.hours],
  ];
  blocks.push({ at: 'A5', cells: rows.map(([label]) => [label]), style: 'note' });
  if (runs.length > 0) {
    blocks.push({
      at: 'B5',
      cells: rows.map(([, f]) => runs.map((_, i) => f(i))),
      numberFormat: rows.map(([, , nf]) => runs.map(() => nf)),
      style: 'output',
    });
  }
  // Backlog per period, side by side, for the chart.
  const top = 5 + rows.length + 2;
  const maxN = Math.max(0, ...runs.map(({ r }) => r.periods));
  blocks.push({
    at: `A${top}`,
    cells: [
      [
        t(lang, 'scenario.col.period'),
        ...runs.map(({ s }) => `${t(lang, 'scenario.col.backlog')}: ${s.name}`),
      ],
    ],
    style: 'header',
  });
  const charts: ChartPlan[] = [];
  if (maxN > 0) {
    const body: CellValue[][] = [];
    for (let p = 0; p < maxN; p++)
      body.push([p + 1, ...runs.map(({ r }) => (p < r.periods ? r.backlog[p] : null))]);
    blocks.push({ at: `A${top + 1}`, cells: body, numberFormat: NF.hours, style: 'output' });
    charts.push({
      type: 'Line',
      title: t(lang, 'scenario.compare.chart'),
      source: `B${top}:${columnLetters(runs.length)}${top + maxN}`,
      seriesBy: 'Columns',
      at: `${columnLetters(runs.length + 2)}4`,
      to: `${columnLetters(runs.length + 10)}26`,
    });
  }
  return {
    action: t(lang, 'scenario.action.compare'),
    sheets: [{ name: COMPARE_SHEET, blocks, charts, columnWidths: { A: 230 } }],
  };
}

/** Applies a preset to a rule, keeping the caller's floor and cap. */
export function applyPreset(preset: RulePreset, rule: SimInput['rule']): SimInput['rule'] {
  return { ...RULE_PRESETS[preset], floor: rule.floor, cap: rule.cap };
}
