/**
 * Pure plan builders of the scenario simulator: the "IND Scenario" sheet (visible inputs as
 * named cells, the period table of live formulas, the chart) and the comparison sheet of saved
 * scenarios. No Office, no React: a `WritePlan` in, applied by the gateway in one batch.
 *
 * Everything on the sheet is a live formula on the named inputs, except the inputs themselves,
 * and it follows the simulator's rules step by step (`simulateUnchecked`, same order, same
 * arithmetic), so the sheet and the add-in cannot disagree (a test proves it cell by cell):
 * - labels: `IND.SCENARIO` over the workload column (spills);
 * - funding: the target with and without the staffing allowance, the funding path with floor
 *   and cap, the fte it pays for;
 * - staff as a stock: leavers, posts not replaced, vacancies withdrawn, active reduction (each
 *   its own column), posts held for the year end, vacancies opened, the recruitment pipeline
 *   (cumulative opened and closed, an INDEX back by the recruitment lag), hires within the
 *   coaching capacity, staff, trainees and the induction loss (SUMPRODUCT over the hires);
 * - capacity, flex shell, production and the backlog, per row (funding depends on the previous
 *   backlog, so an `IND.BACKLOG` spill over the capacity column would be circular);
 * - key figures, the steady-state check with its verdict in words, and two checks (conservation,
 *   and the backlog recomputed with `IND.BACKLOG`).
 * The staffing parameters are rows of the `IND Parameters` table: when the plan is linked, their
 * inputs here are formulas on those workbook names, and the plan also writes that sheet.
 */
import { formatError, type ErrorCode } from '../../../core/errors';
import type { Lang } from '../../../core/messages/types';
import {
  DEFAULT_STAFF,
  HIRING_POLICIES,
  labelText,
  RULE_PRESETS,
  simulateUnchecked,
  summarize,
  type RulePreset,
  type SimInput,
  type SimResult,
} from '../../../core/scenario';
import type { CellBlock, CellValue, ChartPlan, NamePlan, SheetPlan, WritePlan } from '../../host/types';
import { t, type StringKey } from '../../i18n';
import { buildParameterPlan, nameOf, type ParameterSet } from '../parameters';
import { columnLetters, textLiteral } from '../formula';
import { scenarioParameterName } from './parameterRows';
import { withLegend } from '../styleLegend';
import { NF } from '../formats';

/**
 * Terms of the year-end pre-start loss on the sheet: vintages a year apart, as many as the
 * longest induction the validation allows (60 months = 65 periods) can hold in induction.
 */
const PRE_START_YEAR_TERMS = Math.ceil((60 * 13) / 12 / 13);

/** Sheet names. Dutch first; the sheet names are not localised (formulas refer to them). */
export const SCENARIO_SHEET = 'IND Scenario';
export const COMPARE_SHEET = 'IND Scenariovergelijking';

/** One visible input: its defined name, setting key, label key, value and format. */
interface InputRow {
  /** Defined-name suffix: `IND_Sim_<name>`. */
  name: string;
  /** The setting's name (sheet Parameter column, CLI `--set`), when the user can set it. */
  key?: string;
  label: StringKey;
  value: CellValue;
  format: string;
  unit: StringKey;
  /** The same parameter's name on the shared parameter sheet, shown beside it when it exists. */
  param?: string;
  /** The workbook name this input links to (an `IND Parameters` row), when linked. */
  link?: string;
}

/** First input row, and the header row of the period table (data one row below). */
const FIRST_INPUT_ROW = 4;
export const TABLE_HEADER_ROW = 50;

/** Columns of the period table, in sheet order. */
const COLS = [
  'period',
  'workload',
  'forecast',
  'label',
  'bandLow',
  'bandHigh',
  'basisHours',
  'needFte',
  'allowanceFte',
  'targetBase',
  'target',
  'below',
  'pathFunding',
  'backlogFunding',
  'funding',
  'fundedFte',
  'leavers',
  'excess',
  'notReplaced',
  'withdrawn',
  'reductions',
  'held',
  'opened',
  'openedCum',
  'due',
  'hires',
  'closedCum',
  'pipeline',
  'staff',
  'trainees',
  'preTrainees',
  'inductionLoss',
  'preLoss',
  'coaching',
  'productive',
  'staffCapacity',
  'flexNeed',
  'flexHours',
  'backlogHours',
  'capacity',
  'needsBased',
  'constrained',
  'backlog',
] as const;
export type Col = (typeof COLS)[number];

/** Column letters of the period table, computed once (the plan asks for them ~60 times a row). */
const LETTERS = Object.fromEntries(COLS.map((c, i) => [c, columnLetters(i + 1)])) as Record<Col, string>;

/** Column letter of a period-table column. */
export function colOf(c: Col): string {
  return LETTERS[c];
}

/** A defined name of the simulator's inputs; prefixed so they never clash with other views. */
export function nm(suffix: string): string {
  return `IND_Sim_${suffix}`;
}

/** A number for a cell: `Infinity` (no cap) becomes a blank cell. */
function num(x: number | undefined): CellValue {
  return x === undefined || !Number.isFinite(x) ? null : x;
}

/** How the staffing inputs get their values: written here, or linked to `IND Parameters`. */
export interface ParameterLink {
  /** The workbook's parameter sets (read from its table, or the defaults). */
  sets: ParameterSet[];
  /** The active set, whose values the links show. */
  active: string;
  /** Also (re)write the `IND Parameters` sheet with `sets` (it is missing or a value changed). */
  write: boolean;
  /**
   * Inputs that read the active set's value through its workbook name (e.g. `=IND_UrenPerFte`)
   * instead of holding a typed what-if value: parameter keys such as `hoursPerFte` or `bandLow`.
   * The pane passes every linked field the user did not override (issue 11).
   */
  fromSet?: readonly string[];
}

/** The visible inputs, in sheet order (rows 4…). */
function inputRows(
  input: SimInput,
  result: SimResult,
  lang: Lang,
  preset: RulePreset | 'custom',
  linked: boolean,
): InputRow[] {
  const { rule, staff, band } = input;
  const basisText =
    rule.basis === 'forecast' ? t(lang, 'scenario.basis.forecast') : t(lang, 'scenario.basis.realised');
  // A staffing parameter: linked to its IND Parameters row, or its value.
  const staffing = (key: string, value: CellValue): Pick<InputRow, 'value' | 'link' | 'key'> => {
    const link = linked ? scenarioParameterName(key) : undefined;
    return link ? { key, value: `=${link}`, link } : { key, value };
  };
  const L = (s: string): string => nm(s);
  return [
    {
      name: 'Regel',
      label: 'scenario.in.rule',
      value: t(lang, `scenario.rule.${preset}`),
      format: NF.text,
      unit: 'scenario.unit.none',
    },
    {
      name: 'Basis',
      key: 'basis',
      label: 'scenario.in.basis',
      value: basisText,
      format: NF.text,
      unit: 'scenario.unit.basis',
    },
    {
      name: 'BandOnder',
      key: 'bandLow',
      param: nameOf('bandLow'),
      label: 'scenario.in.bandLow',
      value: band.low,
      format: NF.hours,
      unit: 'scenario.unit.hoursPerPeriod',
    },
    {
      name: 'BandBoven',
      key: 'bandHigh',
      param: nameOf('bandHigh'),
      label: 'scenario.in.bandHigh',
      value: band.high,
      format: NF.hours,
      unit: 'scenario.unit.hoursPerPeriod',
    },
    {
      name: 'PiekExtra',
      key: 'peakExtra',
      param: nameOf('peakExtra'),
      label: 'scenario.in.peakExtra',
      value: band.peakExtra,
      format: NF.hours,
      unit: 'scenario.unit.hoursPerPeriod',
    },
    {
      name: 'PiekPerioden',
      key: 'peakPeriods',
      param: nameOf('peakPeriods'),
      label: 'scenario.in.peakPeriods',
      value: band.peakPeriods,
      format: NF.integer,
      unit: 'scenario.unit.peakPeriods',
    },
    {
      name: 'Periodeweken',
      param: nameOf('weeksPerPeriod'),
      label: 'scenario.in.weeks',
      value: 4,
      format: NF.integer,
      unit: 'scenario.unit.weeks',
    },
    {
      name: 'UrenPerFte',
      key: 'hoursPerFte',
      param: nameOf('hoursPerFte'),
      label: 'scenario.in.hoursPerFte',
      value: staff.hoursPerFte,
      format: NF.oneDecimal,
      unit: 'scenario.unit.hoursPerWeek',
    },
    {
      name: 'DirecteUren',
      key: 'directRatio',
      param: nameOf('directRatio'),
      label: 'scenario.in.directRatio',
      value: staff.directRatio,
      format: NF.ratio,
      unit: 'scenario.unit.grossShare',
    },
    {
      name: 'UrenPerFtePeriode',
      label: 'scenario.in.hoursPerFtePeriod',
      value: `=${L('Periodeweken')}*${L('UrenPerFte')}*${L('DirecteUren')}`,
      format: NF.amountCents,
      unit: 'scenario.unit.hoursPerFtePeriod',
    },
    {
      name: 'KostenPerFteJaar',
      key: 'costPerFteYear',
      label: 'scenario.in.costPerFteYear',
      value: staff.costPerFtePeriod * 13,
      format: NF.euro,
      unit: 'scenario.unit.euroPerFteYear',
    },
    {
      name: 'KostenPerFte',
      label: 'scenario.in.costPerFte',
      value: `=${L('KostenPerFteJaar')}/13`,
      format: NF.euro,
      unit: 'scenario.unit.euroPerFtePeriod',
    },
    {
      name: 'Tarief',
      key: 'ratePerHour',
      label: 'scenario.in.rate',
      // Full cost unless the user set another rate: then the number is written.
      value:
        input.ratePerHour === undefined
          ? `=${L('KostenPerFte')}/${L('UrenPerFtePeriode')}`
          : result.ratePerHour,
      format: NF.euroCents,
      unit: 'scenario.unit.euroPerHour',
    },
    {
      name: 'Lumpsum',
      key: 'lumpsum',
      label: 'scenario.in.lumpsum',
      value: input.lumpsum,
      format: NF.euro,
      unit: 'scenario.unit.euroPerPeriod',
    },
    {
      name: 'Ondergrens',
      key: 'floor',
      label: 'scenario.in.floor',
      value: rule.floor,
      format: NF.euro,
      unit: 'scenario.unit.euroPerPeriod',
    },
    {
      name: 'Plafond',
      key: 'cap',
      label: 'scenario.in.cap',
      value: num(rule.cap),
      format: NF.euro,
      unit: 'scenario.unit.capBlank',
    },
    {
      name: 'MaxDaling',
      key: 'maxDecline',
      label: 'scenario.in.maxDecline',
      value: rule.maxDecline,
      format: NF.share,
      unit: 'scenario.unit.perPeriod',
    },
    {
      name: 'Bevestig',
      key: 'confirmPeriods',
      label: 'scenario.in.confirm',
      value: rule.confirmPeriods,
      format: NF.integer,
      unit: 'scenario.unit.periods',
    },
    {
      name: 'AchterstandMee',
      key: 'countBacklog',
      label: 'scenario.in.countBacklog',
      value: rule.countBacklog,
      format: NF.general,
      unit: 'scenario.unit.trueFalse',
    },
    {
      name: 'Inloop',
      key: 'backlogClearPeriods',
      label: 'scenario.in.clearPeriods',
      value: rule.backlogClearPeriods,
      format: NF.integer,
      unit: 'scenario.unit.periods',
    },
    {
      name: 'Afbouw',
      key: 'activeReduction',
      label: 'scenario.in.activeReduction',
      value: rule.activeReduction,
      format: NF.general,
      unit: 'scenario.unit.activeReduction',
    },
    {
      name: 'Opslagdeel',
      label: 'scenario.in.allowanceShare',
      ...staffing('allowanceShare', rule.allowanceShare),
      format: NF.percent,
      unit: 'scenario.unit.allowanceShare',
    },
    {
      name: 'InwerkMaanden',
      label: 'scenario.in.inductionMonths',
      ...staffing('inductionMonths', staff.inductionMonths),
      format: NF.oneDecimal,
      unit: 'scenario.unit.months',
    },
    {
      name: 'InwerkPerioden',
      label: 'scenario.in.inductionPeriods',
      value: `=${L('InwerkMaanden')}*13/12`,
      format: NF.twoDecimals,
      unit: 'scenario.unit.monthsToPeriods',
    },
    {
      name: 'InwerkverliesPerNieuwe',
      label: 'scenario.in.lossPerHire',
      value: `=${L('InwerkPerioden')}/2`,
      format: NF.twoDecimals,
      unit: 'scenario.unit.lossPerHire',
    },
    {
      name: 'Verloop',
      label: 'scenario.in.turnover',
      ...staffing('turnover', staff.turnoverAnnual),
      format: NF.share,
      unit: 'scenario.unit.perYear',
    },
    {
      name: 'VerloopPeriode',
      label: 'scenario.in.turnoverPeriod',
      value: `=${L('Verloop')}/13`,
      format: NF.sharePrecise,
      unit: 'scenario.unit.perPeriodLinear',
    },
    {
      name: 'Begeleiding',
      label: 'scenario.in.coaching',
      ...staffing('coachingPerTrainee', staff.coachingShare),
      format: NF.share,
      unit: 'scenario.unit.coaching',
    },
    {
      name: 'Werving',
      label: 'scenario.in.recruitmentLag',
      ...staffing('recruitmentLag', staff.recruitmentLag),
      format: NF.integer,
      unit: 'scenario.unit.recruitmentLag',
    },
    {
      name: 'Beleid',
      label: 'scenario.in.hiringPolicy',
      ...staffing('hiringPolicy', HIRING_POLICIES[staff.hiringPolicy]),
      format: NF.general,
      unit: 'scenario.unit.hiringPolicy',
    },
    {
      name: 'MaxInwerkers',
      label: 'scenario.in.traineeCap',
      ...staffing('traineeCap', staff.traineeCap),
      format: NF.twoDecimals,
      unit: 'scenario.unit.traineeCap',
    },
    {
      name: 'VacatureDuur',
      label: 'scenario.in.vacancyPeriods',
      value: `=IF(${L('Beleid')}="${HIRING_POLICIES.yearEnd}",13/2,0)+${L('Werving')}`,
      format: NF.twoDecimals,
      unit: 'scenario.unit.vacancyPeriods',
    },
    {
      name: 'AandeelVacatures',
      label: 'scenario.in.vacancyShare',
      value: `=${L('Verloop')}*${L('VacatureDuur')}/13`,
      format: NF.sharePrecise,
      unit: 'scenario.unit.vacancyShare',
    },
    {
      name: 'AandeelInwerken',
      label: 'scenario.in.inductionShare',
      value: `=${L('Verloop')}*${L('InwerkPerioden')}/26`,
      format: NF.sharePrecise,
      unit: 'scenario.unit.inductionShare',
    },
    {
      name: 'AandeelBegeleiding',
      label: 'scenario.in.coachingShareOfStaff',
      value: `=${L('Begeleiding')}*${L('AandeelInwerken')}`,
      format: NF.sharePrecise,
      unit: 'scenario.unit.coachingShareOfStaff',
    },
    {
      name: 'OpslagPerFte',
      label: 'scenario.in.allowancePerFte',
      value: `=IF(${L('AandeelInwerken')}+${L('AandeelBegeleiding')}<1,${L('Opslagdeel')}*((1+${L('AandeelVacatures')})/(1-${L('AandeelInwerken')}-${L('AandeelBegeleiding')})-1),0)`,
      format: NF.sharePrecise,
      unit: 'scenario.unit.allowancePerFte',
    },
    {
      name: 'FlexFte',
      key: 'flexFte',
      label: 'scenario.in.flexFte',
      value: staff.flexFte,
      format: NF.fte,
      unit: 'scenario.unit.fte',
    },
    {
      name: 'StartFte',
      label: 'scenario.in.startFunded',
      // The funded level the stable start is built for: the first year's highest (stableStartFunded).
      value: `=MAX(${colOf('fundedFte')}${TABLE_HEADER_ROW + 1}:${colOf('fundedFte')}${TABLE_HEADER_ROW + Math.min(13, input.workload.length)})`,
      format: NF.fte,
      unit: 'scenario.unit.fte',
    },
    {
      name: 'Beginwerving',
      key: 'initialPipeline',
      label: 'scenario.in.initialPipeline',
      // Default: the vacancies in recruitment of a stable staff at that level (stablePipeline).
      value:
        staff.initialPipelineFte ??
        `=IF(OR(${L('Werving')}<=0,${L('VerloopPeriode')}<=0,${L('StartFte')}<=0),0,IF(${L('Beleid')}="${HIRING_POLICIES.immediate}",${L('StartFte')}-${L('StartFte')}/(1+${L('Werving')}*${L('VerloopPeriode')}),${L('StartFte')}*(1-(1-${L('VerloopPeriode')})^13)/(1+(1-${L('VerloopPeriode')})^(13-${L('Werving')})*(1-(1-${L('VerloopPeriode')})^${L('Werving')}))))`,
      format: NF.fte,
      unit: 'scenario.unit.fte',
    },
    {
      name: 'Beginbezetting',
      key: 'initialStaff',
      // Default: the stable staff (with its cohorts still in induction); given: all experienced.
      label:
        staff.initialStaffFte === undefined ? 'scenario.in.initialStaffStable' : 'scenario.in.initialStaff',
      // Default: the stable staff: that level minus the vacancies in recruitment, live.
      value: staff.initialStaffFte ?? `=${L('StartFte')}-${L('Beginwerving')}`,
      format: NF.fte,
      unit: 'scenario.unit.fte',
    },
    {
      name: 'Beginlichting',
      label: 'scenario.in.initialCohort',
      // One cohort hired before period 1 (preStartCohortFte): a year's leavers under the year-end
      // rule, a period's under immediate replacement; none when the initial staff was given.
      value:
        staff.initialStaffFte !== undefined
          ? '=0'
          : `=IF(${L('Beleid')}="${HIRING_POLICIES.immediate}",MAX(0,${L('VerloopPeriode')}*${L('Beginbezetting')}),MAX(0,(${L('Beginbezetting')}+${L('Beginwerving')})*(1-(1-${L('VerloopPeriode')})^13)-${L('Beginwerving')}*(1-${L('VerloopPeriode')})^(13-${L('Werving')})*(1-(1-${L('VerloopPeriode')})^${L('Werving')})))`,
      format: NF.fte,
      unit: 'scenario.unit.initialCohort',
    },
    {
      name: 'Beginachterstand',
      key: 'initialBacklog',
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
  /**
   * Link the staffing inputs to the `IND Parameters` table (the task pane always does). Without
   * it the sheet stands alone and holds the values itself (the bench, standalone tests).
   */
  parameters?: ParameterLink;
}

/**
 * A catalogue message as a live Excel text expression: the message of `code` in `lang`, with
 * each detail replaced by a formula on the sheet, so the sheet's words are the catalogue's words
 * and its figures are the sheet's own. `fixed` details show one decimal (FIXED(x,1,TRUE)),
 * `raw` details as Excel turns the number into text.
 */
export function messageFormula(
  code: ErrorCode,
  lang: Lang,
  details: Record<string, { ref: string; fixed: boolean }>,
): string {
  const marks = Object.keys(details);
  const text = formatError(code, Object.fromEntries(marks.map((m, i) => [m, `\u0001${i}\u0001`])), lang);
  const parts = text.split('\u0001');
  const out: string[] = [];
  parts.forEach((p, i) => {
    if (i % 2 === 1) {
      const d = details[marks[Number(p)]];
      out.push(d.fixed ? `FIXED(${d.ref},1,TRUE)` : `(${d.ref}&"")`);
    } else if (p !== '') {
      // Excel limits one text constant in a formula to 255 characters.
      for (let k = 0; k < p.length; k += 250) out.push(textLiteral(p.slice(k, k + 250)));
    }
  });
  return out.join('&');
}

/**
 * The plan for the "IND Scenario" sheet. `result` must be `simulate(input)`; the add-in-computed
 * figures in the pane come from it, everything on the sheet is a formula on the named inputs.
 */
function buildScenarioPlanSheets(input: SimInput, result: SimResult, opts: ScenarioPlanOptions): WritePlan {
  const { lang } = opts;
  const n = result.periods;
  const linked = opts.parameters !== undefined;
  const fromSet = new Set(opts.parameters?.fromSet ?? []);
  // A what-if input the user did not override reads the active set's name: one parameter source.
  const inputs = inputRows(input, result, lang, opts.preset, linked).map((r) =>
    r.param && r.key !== undefined && fromSet.has(r.key) ? { ...r, value: `=${r.param}`, link: r.param } : r,
  );
  const names: NamePlan[] = inputs.map((r, i) => ({
    name: nm(r.name),
    ref: `='${SCENARIO_SHEET}'!$B$${FIRST_INPUT_ROW + i}`,
    comment: t(lang, r.label),
  }));
  const blocks: CellBlock[] = [];

  blocks.push({ at: 'A1', cells: [[t(lang, 'scenario.sheet.title', { name: opts.name })]], style: 'title' });
  blocks.push({ at: 'A2', cells: [[t(lang, 'scenario.sheet.note')]], style: 'note' });
  blocks.push({
    at: 'A3',
    cells: [
      [
        t(lang, 'scenario.sheet.inputs'),
        t(lang, 'scenario.sheet.value'),
        t(lang, 'scenario.sheet.unit'),
        t(lang, 'scenario.sheet.key'),
        t(lang, 'scenario.sheet.paramSheet'),
      ],
    ],
    style: 'header',
  });
  blocks.push({ at: `A${FIRST_INPUT_ROW}`, cells: inputs.map((r) => [t(lang, r.label)]), style: 'note' });
  // Inputs the user may change here are 'input'; derived and linked parameters (formulas) 'output'.
  inputs.forEach((r, i) => {
    const isFormula = typeof r.value === 'string' && r.value.startsWith('=');
    blocks.push({
      at: `B${FIRST_INPUT_ROW + i}`,
      cells: [[r.value]],
      numberFormat: r.format,
      style: isFormula ? 'output' : 'input',
    });
  });
  blocks.push({
    at: `C${FIRST_INPUT_ROW}`,
    cells: inputs.map((r) => [
      r.link ? `${t(lang, r.unit)} ${t(lang, 'scenario.unit.linked', { name: r.link })}` : t(lang, r.unit),
    ]),
    style: 'note',
  });
  blocks.push({
    at: `D${FIRST_INPUT_ROW}`,
    cells: inputs.map((r) => [r.key ?? null]),
    numberFormat: NF.text,
    style: 'note',
  });
  // Beside the inputs that the shared parameter sheet also defines: its value, when that sheet
  // exists (IFERROR hides #NAME? when it does not), so a difference is visible, not silent.
  blocks.push({
    at: `E${FIRST_INPUT_ROW}`,
    cells: inputs.map((r) => [r.param ? `=IFERROR(${r.param},"")` : null]),
    numberFormat: inputs.map((r) => [r.format === NF.text ? NF.general : r.format]),
    style: 'output',
  });

  // Period table.
  const hr = TABLE_HEADER_ROW;
  const r0 = hr + 1;
  const rEnd = hr + n;
  const col = (c: Col): string => colOf(c);
  const range = (c: Col): string => `${col(c)}${r0}:${col(c)}${rEnd}`;
  const hasForecast = input.forecast !== undefined && input.forecast.length === n;
  blocks.push({
    at: `A${hr - 4}`,
    cells: [
      [t(lang, 'scenario.sheet.modelNote')],
      [t(lang, 'scenario.sheet.modelNote2')],
      [hasForecast ? null : t(lang, 'scenario.sheet.forecastFromWorkload')],
    ],
    style: 'note',
  });
  blocks.push({ at: `A${hr}`, cells: [COLS.map((c) => t(lang, `scenario.col.${c}`))], style: 'header' });

  const shortPeakText = labelText('shortPeak', lang);
  const forecastText = t(lang, 'scenario.basis.forecast');
  const capOf = (x: string): string => `IF(${nm('Plafond')}="",${x},MIN(${nm('Plafond')},${x}))`;
  const h = nm('UrenPerFtePeriode');
  const k = nm('InwerkPerioden');

  const inputCells: CellValue[][] = [];
  const body: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const r = r0 + i;
    const c = (x: Col): string => `${col(x)}${r}`;
    const prev = (x: Col, first: string): string => (i === 0 ? first : `${col(x)}${r - 1}`);
    const W = c('workload');
    inputCells.push([i + 1, input.workload[i], hasForecast ? input.forecast![i] : `=${W}`]);
    const bPrev = prev('backlog', nm('Beginachterstand'));
    const Sprev = prev('staff', nm('Beginbezetting'));
    const Pprev = prev('pipeline', nm('Beginwerving'));
    const Yprev = prev('held', '0');
    const F = c('fundedFte');
    const lv = c('leavers');
    const X = c('excess');
    const nr = c('notReplaced');
    const wd = c('withdrawn');
    const rd = c('reductions');
    const heldNow = `(${Yprev}+${lv}-${nr})`;
    const staffNow = `(${Sprev}-${lv}-${rd})`;
    const release = `OR(${nm('Beleid')}="${HIRING_POLICIES.immediate}",MOD(${c('period')},13)=0)`;
    // Hires of earlier periods still in induction (for the coaching capacity).
    const age = (to: number): string => `(${c('period')}-$${col('period')}$${r0}:${col('period')}${to})`;
    const hiresTo = (to: number): string => `$${col('hires')}$${r0}:${col('hires')}${to}`;
    // The stable start's cohorts hired before period 1 (preStartCohorts), in induction at period p:
    // under `direct` one a period, ages p, p+1, …; under `jaareinde` one a year, ages A, A+13, …
    // with A = p + MOD(−lag, 13). Their loss is Σ (R(a) − R(a+1)) / (2k), R(x) = MAX(0, k − x)²
    // (= the in-run loss share), which telescopes to R(p) / (2k) for one cohort a period.
    const P = c('period');
    const A = `(${P}+MOD(-${nm('Werving')},13))`;
    const remaining = (x: string): string => `MAX(0,${k}-${x})^2`;
    const yearTerms = Array.from({ length: PRE_START_YEAR_TERMS }, (_, m) => {
      const am = m === 0 ? A : `(${A}+${13 * m})`;
      return `${remaining(am)}-${remaining(`(${am}+1)`)}`;
    }).join('+');
    const isImmediate = `${nm('Beleid')}="${HIRING_POLICIES.immediate}"`;
    const preTrainees = `=IF(${k}<=0,0,${nm('Beginlichting')}*IF(${isImmediate},MAX(0,ROUNDUP(${k},0)-${P}),MAX(0,ROUNDUP((${k}-${A})/13,0))))`;
    const preLoss = `=IF(${k}<=0,0,${nm('Beginlichting')}*IF(${isImmediate},${remaining(P)},${yearTerms})/(2*${k}))`;
    const traineesBefore =
      i === 0
        ? c('preTrainees')
        : `(SUMPRODUCT(${hiresTo(r - 1)},(${age(r - 1)}<${k})*1)+${c('preTrainees')})`;
    const a = age(r);
    const lossShare = `((${a}+1)<=${k})*(1-(${a}+0.5)/${k})+(${a}<${k})*((${a}+1)>${k})*(${k}-${a})^2/(2*${k})`;
    const below = i === 0 ? 0 : `=IF(${c('target')}>=${prev('pathFunding', '0')},0,${prev('below', '0')}+1)`;
    const pathFunding =
      i === 0
        ? `=${capOf(`MAX(${nm('Ondergrens')},${c('target')})`)}`
        : `=${capOf(
            `MAX(${nm('Ondergrens')},IF(${c('target')}>=${prev('pathFunding', '0')},${c('target')},IF(${c('below')}>=${nm('Bevestig')},MAX(${c('target')},${prev('pathFunding', '0')}*(1-${nm('MaxDaling')})),${prev('pathFunding', '0')})))`,
          )}`;
    const backlogWanted = `IF(N(${nm('AchterstandMee')})=1,${nm('Tarief')}*${bPrev}/${nm('Inloop')},0)`;
    // The pipeline opened before the start, up to period p <= 0 (initialOpenedUpTo).
    const vintages = `IF(${nm('Beleid')}="${HIRING_POLICIES.immediate}",MAX(1,${nm('Werving')}),1)`;
    const openedBefore = `${nm('Beginwerving')}*MAX(0,1+(${c('period')}-${nm('Werving')})/${vintages})`;
    body.push([
      // bandLow, bandHigh
      `=${nm('BandOnder')}`,
      `=${nm('BandBoven')}`,
      // basisHours: the workload the rule follows
      `=IF(${nm('Basis')}="${forecastText}",${c('forecast')},${W})`,
      // needFte: basis / direct hours per fte (the backlog is funded beside the path)
      `=${c('basisHours')}/${h}`,
      // allowanceFte
      `=${c('needFte')}*${nm('OpslagPerFte')}`,
      // targetBase, target
      `=${nm('Lumpsum')}+${nm('Tarief')}*${h}*${c('needFte')}`,
      `=${nm('Lumpsum')}+${nm('Tarief')}*${h}*(${c('needFte')}+${c('allowanceFte')})`,
      below,
      pathFunding,
      // backlogFunding: temporary capacity for the backlog, within what the cap leaves
      `=IF(${nm('Plafond')}="",${backlogWanted},MIN(${backlogWanted},MAX(0,${nm('Plafond')}-${c('pathFunding')})))`,
      // funding: the path plus the backlog's funding
      `=${c('pathFunding')}+${c('backlogFunding')}`,
      // fundedFte: what the path pays for
      `=MAX(0,${c('pathFunding')}-${nm('Lumpsum')})/${nm('KostenPerFte')}`,
      // leavers: the yearly share / 13 of the staff at the period's start
      `=${Sprev}*${nm('VerloopPeriode')}`,
      // excess: committed (staff + in recruitment + held posts) above what funding pays for
      `=MAX(0,${Sprev}+${Pprev}+${Yprev}-${F})`,
      // notReplaced: held posts dropped first
      `=MIN(${Yprev}+${lv},${X})`,
      // withdrawn: then vacancies in recruitment
      `=MIN(${Pprev},${X}-${nr})`,
      // reductions: the rest, only when the rule reduces actively
      `=IF(N(${nm('Afbouw')})=1,MIN(${Sprev}-${lv},${X}-${nr}-${wd}),0)`,
      // held: posts waiting for the year end
      `=IF(${release},0,${heldNow})`,
      // opened: held posts released + new funded posts
      `=IF(${release},${heldNow},0)+MAX(0,${F}-${staffNow}-(${Pprev}-${wd})-${heldNow})`,
      // openedCum
      `=${prev('openedCum', nm('Beginwerving'))}+${c('opened')}`,
      // due: opened at least the recruitment lag ago and still open (oldest first)
      `=MAX(0,IF(${c('period')}-${nm('Werving')}<1,${openedBefore},INDEX($${col('openedCum')}$${r0}:${col('openedCum')}${r},${c('period')}-${nm('Werving')}))-(${prev('closedCum', '0')}+${wd}))`,
      // hires: within the coaching capacity (not applied without induction)
      `=IF(${k}<=0,${c('due')},MIN(${c('due')},MAX(0,${nm('MaxInwerkers')}*(${staffNow}-${traineesBefore})-${traineesBefore})))`,
      // closedCum: filled or withdrawn
      `=${prev('closedCum', '0')}+${wd}+${c('hires')}`,
      // pipeline
      `=${c('openedCum')}-${c('closedCum')}`,
      // staff
      `=${staffNow}+${c('hires')}`,
      // trainees, of which from before the start; induction loss (SUMPRODUCT over the hires so
      // far, plus the pre-start cohorts'), of which from before the start; coaching, productive
      `=IF(${k}<=0,0,SUMPRODUCT(${hiresTo(r)},(${a}<${k})*1)+${c('preTrainees')})`,
      preTrainees,
      `=IF(${k}<=0,0,SUMPRODUCT(${hiresTo(r)},${lossShare})+${c('preLoss')})`,
      preLoss,
      `=${nm('Begeleiding')}*${c('inductionLoss')}`,
      `=MAX(0,${c('staff')}-${c('inductionLoss')}-${c('coaching')})`,
      // staffCapacity, flexNeed, flexHours, capacity, needsBased, constrained, backlog
      `=${c('productive')}*${h}`,
      `=IF(${c('label')}="${shortPeakText}",MAX(0,${W}-${nm('BandBoven')})/${h},0)`,
      `=MIN(${nm('FlexFte')},${c('flexNeed')})*${h}`,
      // backlogHours: what the backlog's funding buys
      `=IF(${nm('Tarief')}>0,${c('backlogFunding')}/${nm('Tarief')},0)`,
      `=${c('staffCapacity')}+${c('flexHours')}+${c('backlogHours')}`,
      `=${W}`,
      `=MIN(${bPrev}+${W},${c('capacity')})`,
      `=MAX(0,${bPrev}+${W}-${c('capacity')})`,
    ]);
  }
  blocks.push({
    at: `A${r0}`,
    cells: inputCells,
    numberFormat: rowFormats(n, [NF.integer, NF.hours, NF.hours]),
    style: 'input',
  });
  // Spilling formula: one cell, the rest of the column left alone (null = unchanged).
  blocks.push({
    at: `${col('label')}${r0}`,
    cells: [
      [
        `=IND.SCENARIO(${range('workload')},${nm('BandOnder')},${nm('BandBoven')},${nm('PiekExtra')},${nm('PiekPerioden')},"${lang}")`,
      ],
    ],
    style: 'output',
  });
  const bodyFormats: Record<Col, string> = {
    period: NF.integer,
    workload: NF.hours,
    forecast: NF.hours,
    label: NF.general,
    bandLow: NF.hours,
    bandHigh: NF.hours,
    basisHours: NF.hours,
    below: NF.integer,
    targetBase: NF.euro,
    target: NF.euro,
    funding: NF.euro,
    pathFunding: NF.euro,
    backlogFunding: NF.euro,
    backlogHours: NF.hours,
    staffCapacity: NF.hours,
    flexHours: NF.hours,
    capacity: NF.hours,
    needsBased: NF.hours,
    constrained: NF.hours,
    backlog: NF.hours,
  } as Record<Col, string>;
  const bodyCols = COLS.slice(COLS.indexOf('bandLow'));
  blocks.push({
    at: `${col('bandLow')}${r0}`,
    cells: body,
    numberFormat: rowFormats(
      n,
      bodyCols.map((x) => bodyFormats[x] ?? NF.fte),
    ),
    style: 'output',
  });

  // Key figures (live) and the checks, right of the inputs.
  const kf: [StringKey, string, string][] = [
    ['scenario.kf.maxBacklog', `=MAX(${range('backlog')})`, NF.hours],
    ['scenario.kf.finalBacklog', `=${col('backlog')}${rEnd}`, NF.hours],
    ['scenario.kf.totalFunding', `=SUM(${range('funding')})`, NF.euro],
    ['scenario.kf.minFunding', `=MIN(${range('funding')})`, NF.euro],
    ['scenario.kf.minFte', `=MIN(${range('staff')})`, NF.fte],
    ['scenario.kf.hires', `=SUM(${range('hires')})`, NF.fte],
    ['scenario.kf.leavers', `=SUM(${range('leavers')})`, NF.fte],
    ['scenario.kf.notReplaced', `=SUM(${range('notReplaced')})`, NF.fte],
    ['scenario.kf.withdrawn', `=SUM(${range('withdrawn')})`, NF.fte],
    ['scenario.kf.reductions', `=SUM(${range('reductions')})`, NF.fte],
    ['scenario.kf.maxFlex', `=MAX(${range('flexNeed')})`, NF.fte],
    ['scenario.kf.needsBased', `=SUM(${range('needsBased')})`, NF.hours],
    ['scenario.kf.constrained', `=SUM(${range('constrained')})`, NF.hours],
    ['scenario.kf.shortfall', `=SUM(${range('needsBased')})-SUM(${range('constrained')})`, NF.hours],
  ];
  const KF_ROW = 4;
  blocks.push({
    at: 'G3',
    cells: [[t(lang, 'scenario.kf.title'), t(lang, 'scenario.sheet.value')]],
    style: 'header',
  });
  blocks.push({ at: `G${KF_ROW}`, cells: kf.map(([key]) => [t(lang, key)]), style: 'note' });
  blocks.push({
    at: `H${KF_ROW}`,
    cells: kf.map(([, f]) => [f]),
    numberFormat: kf.map(([, , nf]) => [nf]),
    style: 'output',
  });
  const checkRow = KF_ROW + kf.length;
  const ok = t(lang, 'scenario.kf.ok');
  const broken = t(lang, 'scenario.kf.broken');
  blocks.push({
    at: `G${checkRow}`,
    cells: [[t(lang, 'scenario.kf.check')], [t(lang, 'scenario.kf.checkBacklog')]],
    style: 'note',
  });
  blocks.push({
    at: `H${checkRow}`,
    cells: [
      [
        `=IF(ABS(${nm('Beginachterstand')}+SUM(${range('workload')})-SUM(${range('constrained')})-${col('backlog')}${rEnd})<0.001,"${ok}","${broken}")`,
      ],
      // The same backlog from the core's IND.BACKLOG (no cycle: nothing depends on this cell).
      [
        `=IF(SUMPRODUCT((IND.BACKLOG(${range('workload')},${range('capacity')},${nm('Beginachterstand')})-${range('backlog')})^2)<0.000001,"${ok}","${broken}")`,
      ],
    ],
    style: 'check',
  });

  // The steady-state check: can this rule sustain a stable staff at the mean workload?
  const ssTop = checkRow + 3;
  const ss = (suffix: string): string => `$H$${ssTop + 1 + SS_KEYS.indexOf(suffix as SsKey)}`;
  const lost = `(${nm('AandeelInwerken')}+${nm('AandeelBegeleiding')})`;
  const ssFormulas: Record<SsKey, string> = {
    meanHours: `=AVERAGE(${range('basisHours')})`,
    productive: `=${ss('meanHours')}/${h}`,
    targetAllowance: `=${ss('productive')}*${nm('OpslagPerFte')}`,
    targetWith: `=${ss('productive')}+${ss('targetAllowance')}`,
    staff: `=IF(${lost}<1,${ss('productive')}/(1-${lost}),"")`,
    vacancies: `=IF(${lost}<1,${ss('staff')}*${nm('AandeelVacatures')},"")`,
    induction: `=IF(${lost}<1,${ss('staff')}*${nm('AandeelInwerken')},"")`,
    coaching: `=IF(${lost}<1,${ss('staff')}*${nm('AandeelBegeleiding')},"")`,
    loss: `=IF(${lost}<1,${ss('vacancies')}+${ss('induction')}+${ss('coaching')},"")`,
    needed: `=IF(${lost}<1,${ss('productive')}+${ss('loss')},"")`,
    funded: `=(${capOf(`MAX(${nm('Ondergrens')},${nm('Lumpsum')}+${nm('Tarief')}*${h}*${ss('productive')}*(1+${nm('OpslagPerFte')}))`)}-${nm('Lumpsum')})/${nm('KostenPerFte')}`,
    traineePeak: `=IF(${lost}<1,${nm('Verloop')}*${ss('staff')}*IF(${nm('Beleid')}="${HIRING_POLICIES.yearEnd}",ROUNDUP(${k}/13,0),${k}/13),"")`,
    traineeRoom: `=IF(${lost}<1,${nm('MaxInwerkers')}*(${ss('staff')}-${ss('traineePeak')}),"")`,
  };
  const f1 = (ref: string) => ({ ref, fixed: true });
  const raw = (ref: string) => ({ ref, fixed: false });
  const verdict =
    `=IF(${lost}>=1,` +
    messageFormula('scenarioLossTooHigh', lang, {
      turnover: raw(nm('Verloop')),
      induction: f1(k),
      coaching: raw(nm('Begeleiding')),
      factor: raw(`ROUND(${lost},3)`),
    }) +
    `,IF(${ss('funded')}<${ss('needed')}*(1-1E-9),` +
    messageFormula('scenarioUnsustainable', lang, {
      hours: f1(ss('meanHours')),
      funded: f1(ss('funded')),
      productive: f1(ss('productive')),
      loss: f1(ss('loss')),
      vacancies: f1(ss('vacancies')),
      induction: f1(ss('induction')),
      coaching: f1(ss('coaching')),
      needed: f1(ss('needed')),
      shortfall: f1(`(${ss('needed')}-${ss('funded')})/((1+${nm('AandeelVacatures')})/(1-${lost}))*${h}`),
    }) +
    `,IF(${nm('MaxInwerkers')}=0,` +
    messageFormula('scenarioHiringFreeze', lang, {}) +
    `,IF(AND(${k}>0,${ss('traineePeak')}>0,${ss('traineeRoom')}<${ss('traineePeak')}*(1-1E-9)),` +
    messageFormula('scenarioCoachingShort', lang, {
      cap: raw(nm('MaxInwerkers')),
      experienced: f1(`${ss('staff')}-${ss('traineePeak')}`),
      room: f1(ss('traineeRoom')),
      need: f1(ss('traineePeak')),
    }) +
    `,${textLiteral(t(lang, 'scenario.ss.ok'))}))))`;
  blocks.push({
    at: `G${ssTop}`,
    cells: [[t(lang, 'scenario.ss.title'), t(lang, 'scenario.sheet.value')]],
    style: 'header',
  });
  blocks.push({
    at: `G${ssTop + 1}`,
    cells: SS_KEYS.map((x) => [t(lang, `scenario.ss.${x}`)]),
    style: 'note',
  });
  blocks.push({
    at: `H${ssTop + 1}`,
    cells: SS_KEYS.map((x) => [ssFormulas[x]]),
    numberFormat: SS_KEYS.map((x) => [x === 'meanHours' ? NF.hours : NF.fte]),
    style: 'output',
  });
  const verdictRow = ssTop + 1 + SS_KEYS.length;
  blocks.push({ at: `G${verdictRow}`, cells: [[t(lang, 'scenario.ss.verdict')]], style: 'note' });
  blocks.push({ at: `H${verdictRow}`, cells: [[verdict]], style: 'check' });

  // Chart data: contiguous columns right of the table (live references), and ONE chart.
  const chartCols: Col[] = ['period', 'workload', 'bandLow', 'bandHigh', 'capacity', 'backlog'];
  const chartFirst = COLS.length + 1; // one empty column between
  const chartAt = `${columnLetters(chartFirst + 1)}${hr}`;
  const chartCells: CellValue[][] = [chartCols.map((x) => t(lang, `scenario.col.${x}`))];
  for (let i = 0; i < n; i++) chartCells.push(chartCols.map((x) => `=${col(x)}${r0 + i}`));
  blocks.push({ at: chartAt, cells: chartCells, numberFormat: NF.hours, style: 'output' });
  blocks.push({
    at: `${columnLetters(chartFirst + 1)}${hr - 1}`,
    cells: [[t(lang, 'scenario.sheet.chartData')]],
    style: 'note',
  });
  const chartSource = `${columnLetters(chartFirst + 2)}${hr}:${columnLetters(chartFirst + chartCols.length)}${rEnd}`;
  const charts: ChartPlan[] = [
    {
      type: 'Line',
      title: t(lang, 'scenario.chart.title'),
      source: chartSource,
      seriesBy: 'Columns',
      at: 'J3',
      to: 'R30',
    },
  ];

  const sheet: SheetPlan = {
    name: SCENARIO_SHEET,
    blocks,
    charts,
    columnWidths: { A: 230, B: 110, C: 220, D: 120, E: 90, G: 240, H: 110 },
    freezeRows: 0,
  };
  const plan: WritePlan = { action: t(lang, 'scenario.action.write'), sheets: [sheet], names };
  const p = opts.parameters;
  if (p?.write) {
    // The IND Parameters sheet in the same batch, so the links resolve at once.
    const params = buildParameterPlan(p.sets, p.active, lang);
    plan.sheets.push(...params.sheets);
    plan.names = [...(params.names ?? []), ...names];
  }
  return plan;
}

/** The rows of the steady-state block, in order. */
const SS_KEYS = [
  'meanHours',
  'productive',
  'targetAllowance',
  'targetWith',
  'staff',
  'vacancies',
  'induction',
  'coaching',
  'loss',
  'needed',
  'funded',
  'traineePeak',
  'traineeRoom',
] as const;
type SsKey = (typeof SS_KEYS)[number];

/** Where the key figures, checks and steady-state rows are (for tests and the change report). */
export const SCENARIO_LAYOUT = {
  firstInputRow: FIRST_INPUT_ROW,
  keyFigureRow: 4,
  /** Row of a key figure by its label key. */
  checkRow: 4 + 14,
  steadyStateRow: (key: SsKey): number => 4 + 14 + 3 + 1 + SS_KEYS.indexOf(key),
  verdictRow: 4 + 14 + 3 + 1 + SS_KEYS.length,
} as const;

/** A format matrix: the same formats on every row. */
function rowFormats(n: number, row: string[]): string[][] {
  return Array.from({ length: n }, () => row);
}

/**
 * A saved scenario version: its name, the rule preset, the full input (re-simulated on compare),
 * and when it was saved. Saving under an existing name adds a version; earlier ones are kept.
 */
export interface SavedScenario {
  name: string;
  preset: RulePreset | 'custom';
  /** The input, with `cap: null` for no cap (JSON has no Infinity). */
  input: Omit<SimInput, 'rule'> & { rule: Omit<SimInput['rule'], 'cap'> & { cap: number | null } };
  /** 1 for the first save under this name, then 2, 3, … (absent in lists saved before versions). */
  version?: number;
  /** Date of the save, yyyy-mm-dd (absent in lists saved before versions). */
  savedAt?: string;
}

/** Converts an input for storage (Infinity → null). */
export function toSaved(
  name: string,
  preset: RulePreset | 'custom',
  input: SimInput,
  version?: number,
  savedAt?: string,
): SavedScenario {
  return {
    name,
    preset,
    input: {
      ...input,
      workload: [...input.workload],
      forecast: input.forecast ? [...input.forecast] : undefined,
      rule: { ...input.rule, cap: Number.isFinite(input.rule.cap) ? input.rule.cap : null },
    },
    ...(version !== undefined ? { version } : {}),
    ...(savedAt !== undefined ? { savedAt } : {}),
  };
}

/**
 * Converts a stored scenario back to a simulator input. Scenarios saved before the staffing
 * model (no recruitment lag, hiring policy, trainee cap, allowance or reduction rule) get the
 * defaults, so an old workbook still compares.
 */
export function fromSaved(s: SavedScenario): SimInput {
  const preset = RULE_PRESETS[s.preset === 'custom' ? 'path' : s.preset];
  // What a list saved before the staffing model lacks.
  const rule: Partial<Omit<SimInput['rule'], 'cap'>> = s.input.rule;
  const staff: Partial<SimInput['staff']> = s.input.staff;
  return {
    ...s.input,
    rule: {
      ...s.input.rule,
      allowanceShare: rule.allowanceShare ?? preset.allowanceShare,
      activeReduction: rule.activeReduction ?? preset.activeReduction,
      cap: s.input.rule.cap ?? Infinity,
    },
    staff: {
      ...s.input.staff,
      recruitmentLag: staff.recruitmentLag ?? DEFAULT_STAFF.recruitmentLag,
      hiringPolicy: staff.hiringPolicy ?? DEFAULT_STAFF.hiringPolicy,
      traineeCap: staff.traineeCap ?? DEFAULT_STAFF.traineeCap,
    },
  };
}

/** The version a scenario carries (1 for lists saved before versions). */
export function versionOf(s: SavedScenario): number {
  return s.version ?? 1;
}

/**
 * Adds a save to the stored list: a new version when the name exists (the earlier versions are
 * kept, with their dates), version 1 otherwise.
 */
export function addVersion(
  list: readonly SavedScenario[],
  name: string,
  preset: RulePreset | 'custom',
  input: SimInput,
  savedAt: string,
): SavedScenario[] {
  const same = list.filter((s) => s.name === name);
  const version = same.length === 0 ? 1 : Math.max(...same.map(versionOf)) + 1;
  return [...list, toSaved(name, preset, input, version, savedAt)];
}

/** The latest version of each name, in the order the names were first saved. */
export function latestVersions(list: readonly SavedScenario[]): SavedScenario[] {
  const out = new Map<string, SavedScenario>();
  for (const s of list) {
    const cur = out.get(s.name);
    if (!cur || versionOf(s) >= versionOf(cur)) out.set(s.name, s);
  }
  return [...out.values()];
}

/** The column title of a saved version: "name" alone, or "name (v2, 2024-05-01)" with `withVersion`. */
export function savedTitle(s: SavedScenario, lang: Lang, withVersion: boolean): string {
  if (!withVersion) return s.name;
  const v = t(lang, 'scenario.compare.version', { v: versionOf(s) });
  return s.savedAt ? `${s.name} (${v}, ${s.savedAt})` : `${s.name} (${v})`;
}

/**
 * The comparison sheet: saved scenarios side by side (key figures per scenario, then backlog and
 * staff capacity per period) and one chart of the backlogs. The figures are computed by the add-in
 * from each scenario's stored input, and the sheet says so.
 */
function buildComparePlanSheets(
  saved: readonly SavedScenario[],
  lang: Lang,
  opts: { versions?: 'latest' | 'all' } = {},
): WritePlan {
  const all = opts.versions === 'all';
  // Every version side by side, or the latest of each name.
  const chosen = all ? [...saved] : latestVersions(saved);
  const runs = chosen.map((s) => ({ s, r: simulateUnchecked(fromSaved(s)) }));
  const title = (s: SavedScenario): string => savedTitle(s, lang, all);
  const sums = runs.map(({ r }) => summarize(r));
  const blocks: CellBlock[] = [];
  blocks.push({ at: 'A1', cells: [[t(lang, 'scenario.compare.title')]], style: 'title' });
  blocks.push({ at: 'A2', cells: [[t(lang, 'scenario.compare.note')]], style: 'note' });
  blocks.push({
    at: 'A4',
    cells: [[t(lang, 'scenario.compare.metric'), ...runs.map(({ s }) => title(s))]],
    style: 'header',
  });
  const yes = t(lang, 'scenario.compare.yes');
  const no = t(lang, 'scenario.compare.no');
  const rows: [string, (i: number) => CellValue, string][] = [
    [t(lang, 'scenario.compare.savedAt'), (i) => runs[i].s.savedAt ?? '', NF.text],
    [t(lang, 'scenario.compare.versionRow'), (i) => versionOf(runs[i].s), NF.integer],
    [t(lang, 'scenario.in.rule'), (i) => t(lang, `scenario.rule.${runs[i].s.preset}`), NF.general],
    [
      t(lang, 'scenario.in.basis'),
      (i) =>
        t(
          lang,
          runs[i].s.input.rule.basis === 'forecast' ? 'scenario.basis.forecast' : 'scenario.basis.realised',
        ),
      NF.general,
    ],
    [t(lang, 'scenario.in.maxDecline'), (i) => runs[i].s.input.rule.maxDecline, NF.share],
    [t(lang, 'scenario.in.confirm'), (i) => runs[i].s.input.rule.confirmPeriods, NF.integer],
    [t(lang, 'scenario.in.countBacklog'), (i) => (runs[i].s.input.rule.countBacklog ? yes : no), NF.general],
    [
      t(lang, 'scenario.in.activeReduction'),
      (i) => (runs[i].s.input.rule.activeReduction ? yes : no),
      NF.general,
    ],
    [t(lang, 'scenario.in.allowanceShare'), (i) => runs[i].s.input.rule.allowanceShare, NF.percent],
    [t(lang, 'scenario.in.inductionMonths'), (i) => runs[i].s.input.staff.inductionMonths, NF.oneDecimal],
    [t(lang, 'scenario.in.turnover'), (i) => runs[i].s.input.staff.turnoverAnnual, NF.share],
    [t(lang, 'scenario.in.recruitmentLag'), (i) => runs[i].s.input.staff.recruitmentLag, NF.integer],
    [
      t(lang, 'scenario.in.hiringPolicy'),
      (i) => HIRING_POLICIES[runs[i].s.input.staff.hiringPolicy],
      NF.general,
    ],
    [t(lang, 'scenario.in.traineeCap'), (i) => runs[i].s.input.staff.traineeCap, NF.twoDecimals],
    [t(lang, 'scenario.in.flexFte'), (i) => runs[i].s.input.staff.flexFte, NF.fte],
    [t(lang, 'scenario.compare.periods'), (i) => runs[i].r.periods, NF.integer],
    [t(lang, 'scenario.kf.maxBacklog'), (i) => sums[i].maxBacklog, NF.hours],
    [t(lang, 'scenario.compare.maxBacklogPeriod'), (i) => sums[i].maxBacklogPeriod, NF.integer],
    [t(lang, 'scenario.kf.finalBacklog'), (i) => sums[i].finalBacklog, NF.hours],
    [
      t(lang, 'scenario.compare.periodsToClear'),
      (i) => sums[i].periodsToClear ?? t(lang, 'scenario.compare.never'),
      NF.integer,
    ],
    [t(lang, 'scenario.compare.periodsWithBacklog'), (i) => sums[i].periodsWithBacklog, NF.integer],
    [t(lang, 'scenario.kf.totalFunding'), (i) => sums[i].totalFunding, NF.euro],
    [t(lang, 'scenario.kf.minFunding'), (i) => sums[i].minFunding, NF.euro],
    [t(lang, 'scenario.kf.minFte'), (i) => sums[i].minStaffFte, NF.fte],
    [t(lang, 'scenario.kf.notReplaced'), (i) => sums[i].totalNotReplacedFte, NF.fte],
    [t(lang, 'scenario.kf.reductions'), (i) => sums[i].totalReductionsFte, NF.fte],
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
        ...runs.map(({ s }) => `${t(lang, 'scenario.col.backlog')}: ${title(s)}`),
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
      source: `B${top}:${columnLetters(runs.length + 1)}${top + maxN}`,
      seriesBy: 'Columns',
      at: `${columnLetters(runs.length + 3)}4`,
      to: `${columnLetters(runs.length + 11)}26`,
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

/** The plan of {@link buildScenarioPlanSheets}, with the style legend on every sheet (styleLegend.ts). */
export function buildScenarioPlan(
  ...args: Parameters<typeof buildScenarioPlanSheets>
): ReturnType<typeof buildScenarioPlanSheets> {
  return withLegend(buildScenarioPlanSheets(...args), args[2].lang);
}

/** The plan of {@link buildComparePlanSheets}, with the style legend on every sheet (styleLegend.ts). */
export function buildComparePlan(
  ...args: Parameters<typeof buildComparePlanSheets>
): ReturnType<typeof buildComparePlanSheets> {
  return withLegend(buildComparePlanSheets(...args), args[1]);
}
