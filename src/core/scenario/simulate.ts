/**
 * The scenario and funding-path simulator. Per four-week period it derives the funding from the
 * chosen rule, the fte that funding pays for, and then the staff as a STOCK: it carries over from
 * period to period and changes only by
 * - hires, who start after a recruitment lag (vacancy to first day) and then ramp up over the
 *   induction, while experienced staff coach them (limited by the coaching capacity);
 * - leavers (turnover), whose posts the hiring policy re-opens at the year end (the budget rule)
 *   or at once;
 * - and, when funding falls below what is committed, first by not replacing leavers, then by
 *   withdrawing vacancies still in recruitment, and only where the rule says so by active
 *   reduction. Each of the three is its own row.
 * Capacity follows from the productive staff plus the flex shell for short peaks; the backlog
 * from workload against capacity.
 *
 * Everything is computed in doubles and never rounded; rounding is the display's job.
 */
import { DIRECT_RATIO_GROSS_MEASURED } from '../params/measured2021';
import { HOURS_PER_FTE } from '../params/model2021';
import { HIRING_POLICY, RECRUITMENT_LAG, TRAINEE_CAP } from '../params/scenario';
import { ALLOWANCE_SHARE, COACHING_PER_TRAINEE, INDUCTION_MONTHS, TURNOVER_ANNUAL } from '../params/scenario';
import { CalcError, type ErrorCode, type ErrorDetails } from '../errors';
import {
  allowanceFte,
  initialOpenedUpTo,
  preStartCohortFte,
  preStartCohorts,
  stablePipeline,
  staffingAllowance,
  type StaffingAllowance,
} from './allowance';
import { scenarioLabels, type Band, type ScenarioLabel } from './labels';
import {
  annualToPeriodRate,
  directHoursPerFtePeriod,
  inductionLossShare,
  monthsToPeriods,
  PERIODS_PER_YEAR,
} from './units';
import { checkFloorCap, checkFraction, checkRange, checkWhole, readSeries } from './validate';

/** Which workload the funding target follows. */
export type FundingBasis = 'realised' | 'forecast';

/** The rule that turns workload into funding (*financieringsregel*). */
export interface FundingRule {
  /**
   * `realised`: the workload as it comes in. `forecast`: the expected workload, i.e. funding
   * (and staff) adjusted in advance, as in 2017. Without a forecast series the forecast is the
   * workload itself (and the result says so).
   */
  basis: FundingBasis;
  /** Minimum funding per period, € (*ondergrens*). */
  floor: number;
  /** Maximum funding per period, € (*plafond*); `Infinity` for no cap. */
  cap: number;
  /** The largest fall per period, as a fraction of the previous funding (1 = no limit). */
  maxDecline: number;
  /** A fall is followed only after the target has been below the funding this many periods in a row (≥ 1). */
  confirmPeriods: number;
  /**
   * When true, the rule also funds clearing the backlog: backlog / backlogClearPeriods hours a
   * period, at the rate per hour, as temporary capacity (overtime, hired-in staff) delivered in
   * the period, outside the funding path and its smoothing, and opening no posts: new staff
   * would start after the recruitment lag and cost induction before they deliver, long after a
   * seasonal backlog is gone, and the posts they fill would crowd out next year's replacements.
   */
  countBacklog: boolean;
  /** The periods over which a backlog should be cleared when it is counted (≥ 1). */
  backlogClearPeriods: number;
  /**
   * The share of the staffing allowance (vacancies + induction loss + coaching, see
   * `allowance.ts`) the target pays for, 0 … 1. Default 1: funding that can sustain a stable staff.
   */
  allowanceShare: number;
  /**
   * When staff and vacancies exceed what funding pays for: true = reduce staff actively at once
   * (the 2017 cut); false = only by not replacing leavers and withdrawing open vacancies.
   */
  activeReduction: boolean;
}

/** The named rules a user can pick. */
export type RulePreset = 'advance2017' | 'path' | 'recommended';

/**
 * The three rules side by side. Each pays the staffing allowance by default.
 * - `advance2017`: follow the FORECAST at once and in full (confirm 1, max decline 100%), no
 *   backlog counted, and reduce staff actively — the 2017 practice of cutting on an expected fall.
 * - `path`: the reference's funding path on realised workload: a fall only after 3 periods, at
 *   most 5% a period; staff follows a fall by not replacing leavers.
 * - `recommended`: the review's recommendation: as `path`, and the backlog is counted (cleared
 *   over 6 periods).
 * Floor and cap are not part of the preset; the caller keeps its own.
 */
export const RULE_PRESETS: Record<RulePreset, Omit<FundingRule, 'floor' | 'cap'>> = {
  advance2017: {
    basis: 'forecast',
    maxDecline: 1,
    confirmPeriods: 1,
    countBacklog: false,
    backlogClearPeriods: 6,
    allowanceShare: ALLOWANCE_SHARE.value,
    activeReduction: true,
  },
  path: {
    basis: 'realised',
    maxDecline: 0.05,
    confirmPeriods: 3,
    countBacklog: false,
    backlogClearPeriods: 6,
    allowanceShare: ALLOWANCE_SHARE.value,
    activeReduction: false,
  },
  recommended: {
    basis: 'realised',
    maxDecline: 0.05,
    confirmPeriods: 3,
    countBacklog: true,
    backlogClearPeriods: 6,
    allowanceShare: ALLOWANCE_SHARE.value,
    activeReduction: false,
  },
};

/**
 * When a leaver's post is re-opened as a vacancy: `yearEnd` in the last period of each year (the
 * budget rule: leavers are not replaced within the year), `immediate` in the period they leave.
 * New funded posts are opened at once under both; every vacancy is filled after the
 * recruitment lag.
 */
export type HiringPolicy = 'yearEnd' | 'immediate';

/** The hiring policies, with the name a cell (and the CLI) uses for each. */
export const HIRING_POLICIES: Record<HiringPolicy, string> = {
  yearEnd: HIRING_POLICY.choices![0],
  immediate: HIRING_POLICY.choices![1],
};

/** Staff and cost parameters. */
export interface StaffParams {
  /** Hours per fte per week. Reference: 36. */
  hoursPerFte: number;
  /** Direct-hour ratio (gross basis). Measured 2021: 0.57; model: 0.7473. */
  directRatio: number;
  /** Cost of one fte for one period, €. Funding minus lumpsum divided by this is the funded staff. */
  costPerFtePeriod: number;
  /** Induction time of a new hire in calendar months (5–18 in the review); 0 = productive at once. */
  inductionMonths: number;
  /** Turnover (*verloop*) per year as a share of the average staff. */
  turnoverAnnual: number;
  /**
   * Coaching (*begeleiden*): the fte of experienced time a trainee absorbs while not yet
   * productive, per trainee fte; it falls along the ramp with the trainee's unproductive share.
   */
  coachingShare: number;
  /** Flex shell (*flexibele schil*) available for short peaks, fte. */
  flexFte: number;
  /**
   * Staff at the start, fte. Default: the stable staff of the first year's funding, i.e. its
   * funded fte minus the vacancies in recruitment at the start, including the cohorts hired
   * before period 1 that are still in induction (`preStartCohorts`). Given explicitly, it is
   * all experienced (no cohort in induction at the start).
   */
  initialStaffFte?: number;
  /**
   * Vacancies in recruitment at the start, fte (opened before period 1; see
   * `stablePipeline`). Default: those of a stable staff at period 1's funding.
   */
  initialPipelineFte?: number;
  /** Periods from opening a vacancy to the hire's first day (whole, ≥ 0, shorter than the series). */
  recruitmentLag: number;
  /** When leavers' posts are re-opened. */
  hiringPolicy: HiringPolicy;
  /**
   * Coaching capacity: at most this many trainee fte (in induction) per experienced fte; hires
   * wait when it is reached. 0 = hiring freeze (allowed, with a warning). Not applied without
   * induction (nobody needs coaching then).
   */
  traineeCap: number;
}

/** All inputs of one simulation. */
export interface SimInput {
  /** Workload (*werklast*) per period, hours: the inflow of work. */
  workload: readonly number[];
  /** Expected workload per period, hours. When absent, a forecast rule uses the workload itself. */
  forecast?: readonly number[];
  band: Band;
  rule: FundingRule;
  staff: StaffParams;
  /** € per hour of workload (output price). Default: full cost, costPerFtePeriod / direct hours per fte-period. */
  ratePerHour?: number;
  /** Lumpsum per period, €: funds fixed costs, not staff. */
  lumpsum: number;
  /** Backlog at the start, hours. */
  initialBacklog: number;
}

/** A warning: the run is valid but the user should know (the message is in the catalogue). */
export interface SimWarning {
  code: ErrorCode;
  details: ErrorDetails;
}

/** Everything the simulator computes, one entry per period. */
export interface SimResult {
  periods: number;
  labels: ScenarioLabel[];
  /** € per hour used. */
  ratePerHour: number;
  /** Direct hours per fte per period used. */
  hoursPerFtePeriod: number;
  /** Induction time in periods (months × 13/12, unrounded). */
  inductionPeriods: number;
  /** Turnover per period: the yearly share / 13, of the staff at the period's start. */
  turnoverPerPeriod: number;
  /** The allowance shares used in the target. */
  allowance: StaffingAllowance;
  /** True when the rule follows a forecast but none was given: the workload was used. */
  forecastFromWorkload: boolean;
  /** The workload the target follows: the realised workload or the forecast, hours. */
  basisHours: number[];
  /** FTE the target pays for before the allowance: basis / direct hours per fte. */
  needFte: number[];
  /** The allowance the target adds: allowanceShare × (m − 1) × needFte, fte. */
  allowanceFte: number[];
  /** The rule's target without the allowance, €: lumpsum + rate × hours. */
  fundingTargetBase: number[];
  /** The rule's target with the allowance, before smoothing, floor and cap, €. */
  fundingTarget: number[];
  /** Periods in a row the target has been below the previous funding. */
  belowPeriods: number[];
  /** The funding path per period (smoothed target, floor, cap), €: it pays for the posts. */
  pathFunding: number[];
  /**
   * Funding for clearing the backlog (rule counts the backlog), €: rate × backlog /
   * backlogClearPeriods, within what the cap leaves; it buys temporary capacity, no posts.
   */
  backlogFunding: number[];
  /** Funding per period, €: the path plus the backlog funding. */
  funding: number[];
  /** Staff the funding path pays for: (path funding − lumpsum) / cost per fte, fte. */
  fundedFte: number[];
  /** Leavers this period (turnover), fte: the per-period rate × staff at the period's start. */
  leaversFte: number[];
  /** Staff + vacancies in recruitment + held posts above what funding pays for, at the period's start, fte. */
  excessFte: number[];
  /** Leavers' posts held for the year end at the period's end (budget rule), fte. */
  heldFte: number[];
  /** Leavers' posts dropped this period because funding no longer pays for them, fte. */
  notReplacedFte: number[];
  /** Vacancies in recruitment withdrawn this period because funding no longer pays for them, fte. */
  withdrawnFte: number[];
  /** Active reduction of staff this period (only when the rule says so), fte. */
  reductionsFte: number[];
  /** Vacancies opened this period: held leavers' posts released plus new funded posts, fte. */
  openedFte: number[];
  /** Σ vacancies opened up to and including this period, fte. */
  openedCumFte: number[];
  /** Σ vacancies closed (filled or withdrawn) up to and including this period, fte. */
  closedCumFte: number[];
  /** Vacancies opened at least the recruitment lag ago and still open: ready to start, fte. */
  dueFte: number[];
  /** New hires starting this period, fte. */
  hiresFte: number[];
  /** Vacancies in recruitment at the period's end (opened, not yet filled or withdrawn), fte. */
  pipelineFte: number[];
  /** Staff on the payroll at the period's end, fte. */
  staffFte: number[];
  /** Staff still in induction (started less than the induction time ago), fte; includes the pre-start cohorts. */
  traineeFte: number[];
  /** Of the trainees: the cohorts hired before period 1 (the stable start's), fte. */
  preStartTraineeFte: number[];
  /** What the staff in induction cannot deliver yet: Σ cohort × loss share, fte; includes the pre-start cohorts. */
  inductionLossFte: number[];
  /** Of the induction loss: that of the cohorts hired before period 1, fte. */
  preStartLossFte: number[];
  /** Experienced time absorbed by coaching: coachingShare × the induction loss, fte. */
  coachingFte: number[];
  /** Productive staff: max(0, staff − induction loss − coaching), fte. */
  productiveFte: number[];
  /** Staff capacity, hours: productiveFte × direct hours per fte-period. */
  staffCapacityHours: number[];
  /** Flex shell needed for a short peak, fte: hours above the band's top / direct hours per fte. 0 outside short peaks. */
  flexNeedFte: number[];
  /** Flex shell hours used: min(flexFte, need) × direct hours. */
  flexHours: number[];
  /** Temporary capacity bought by the backlog funding, hours: backlog funding / rate. */
  backlogHours: number[];
  /** Total capacity, hours: staff + flex + temporary capacity for the backlog. */
  capacityHours: number[];
  /** Needs-based production (*behoeftegestuurd*): all workload handled as it arrives, hours. */
  needsBasedHours: number[];
  /** Staff needed for needs-based production, fte: workload / direct hours per fte. */
  neededFte: number[];
  /** Capacity-constrained production: min(backlog before + workload, capacity), hours. */
  constrainedHours: number[];
  /** Backlog (*achterstand*) at the end of the period, hours: max(0, b − 1 + inflow − capacity). */
  backlog: number[];
  /** Vacancies in recruitment at the start, fte (the input, or the stable value). */
  initialPipelineFte: number;
  /** Staff at the start, fte (the input, or the stable staff). */
  initialStaffFte: number;
  /**
   * The fte of one cohort hired before period 1 (`preStartCohortFte`): a year's vintage under
   * `yearEnd`, a period's under `immediate`; 0 when the staff at the start was given.
   */
  initialCohortFte: number;
  /** Warnings about the settings (e.g. a hiring freeze, a staff funding cannot sustain). */
  warnings: SimWarning[];
}

/** Default staff parameters: the review's figures and the documented assumptions of `src/core/params`. */
export const DEFAULT_STAFF: StaffParams = {
  hoursPerFte: HOURS_PER_FTE.value,
  directRatio: DIRECT_RATIO_GROSS_MEASURED.value,
  // Illustrative (fictief): €85,000 a year per fte, spread over 13 periods.
  costPerFtePeriod: 85000 / PERIODS_PER_YEAR,
  inductionMonths: INDUCTION_MONTHS.value,
  turnoverAnnual: TURNOVER_ANNUAL.value,
  coachingShare: COACHING_PER_TRAINEE.value,
  flexFte: 0,
  recruitmentLag: RECRUITMENT_LAG.value,
  hiringPolicy: (Object.keys(HIRING_POLICIES) as HiringPolicy[])[HIRING_POLICY.value],
  traineeCap: TRAINEE_CAP.value,
};

/**
 * Validates the input and runs the simulation.
 * @throws CalcError for a missing or invalid series, a floor above the cap, a ratio typed as a
 *   percentage, a recruitment lag as long as the series, or an unknown hiring policy.
 */
export function simulate(input: SimInput): SimResult {
  validateSimInput(input);
  const r = simulateUnchecked(input);
  r.warnings = simWarnings(input, r);
  return r;
}

/**
 * Reads a hiring policy by the name a cell or the CLI uses (`jaareinde`, `direct`) or its code
 * name (`yearEnd`, `immediate`), case-insensitively.
 * @throws CalcError scenarioUnknownPolicy, listing the names that exist.
 */
export function parseHiringPolicy(
  text: string,
  argument = 'Vervanging vertrekkers / hiringPolicy',
): HiringPolicy {
  const s = text.trim().toLowerCase();
  for (const [id, name] of Object.entries(HIRING_POLICIES) as [HiringPolicy, string][]) {
    if (s === id.toLowerCase() || s === name.toLowerCase()) return id;
  }
  throw new CalcError('scenarioUnknownPolicy', {
    argument,
    received: text,
    expected: Object.values(HIRING_POLICIES).join(' | '),
  });
}

/**
 * Checks every input of `simulate`. Exported so the task pane can validate before it writes
 * anything (nothing is half-written).
 */
export function validateSimInput(input: SimInput): void {
  const workload = readSeries(input.workload, 'Werklast / workload');
  const { rule, staff, band } = input;
  checkRange(band.low, 'Band onder / band low', 0, Infinity);
  checkRange(band.high, 'Band boven / band high', band.low, Infinity);
  checkRange(band.peakExtra, 'Piek extra / peak extra', 0, Infinity);
  checkRange(band.peakPeriods, 'Piekperioden / peak periods', 0, 1000);
  checkWhole(band.peakPeriods, 'Piekperioden / peak periods');
  checkRange(rule.floor, 'Ondergrens / floor', 0, Infinity);
  if (!(rule.cap === Infinity)) checkRange(rule.cap, 'Plafond / cap', 0, Infinity);
  checkFloorCap(rule.floor, rule.cap);
  checkFraction(rule.maxDecline, 'Max. daling per periode / maxDecline');
  checkRange(rule.confirmPeriods, 'Bevestigingsperioden / confirmPeriods', 1, 1000);
  checkWhole(rule.confirmPeriods, 'Bevestigingsperioden / confirmPeriods');
  checkRange(rule.backlogClearPeriods, 'Inloopperioden achterstand / backlogClearPeriods', 1, 1000);
  checkFraction(rule.allowanceShare, 'Opslag in doel / allowanceShare');
  if (typeof rule.activeReduction !== 'boolean') {
    throw new CalcError('scenarioOutOfRange', {
      argument: 'Actieve afbouw / activeReduction',
      expected: 'WAAR of ONWAAR / TRUE or FALSE',
      received: String(rule.activeReduction),
    });
  }
  checkRange(staff.hoursPerFte, 'Uren per fte / hoursPerFte', 1, 168);
  checkFraction(staff.directRatio, 'Directe uren / directRatio');
  checkRange(staff.directRatio, 'Directe uren / directRatio', 0.01, 1);
  checkRange(staff.costPerFtePeriod, 'Kosten per fte per periode / costPerFtePeriod', 1, Infinity);
  checkRange(staff.inductionMonths, 'Inwerktijd (maanden) / induction months', 0, 60);
  checkFraction(staff.turnoverAnnual, 'Verloop per jaar / turnover');
  checkRange(staff.turnoverAnnual, 'Verloop per jaar / turnover', 0, 0.99);
  checkFraction(staff.coachingShare, 'Begeleiding / coaching share');
  checkRange(staff.flexFte, 'Flexibele schil (fte) / flex shell', 0, Infinity);
  if (staff.initialStaffFte !== undefined)
    checkRange(staff.initialStaffFte, 'Beginbezetting / initial staff', 0, Infinity);
  if (staff.initialPipelineFte !== undefined)
    checkRange(staff.initialPipelineFte, 'Vacatures in werving bij de start / initial pipeline', 0, Infinity);
  const lagName = 'Wervingstijd / recruitmentLag';
  checkRange(staff.recruitmentLag, lagName, 0, Infinity);
  checkWhole(staff.recruitmentLag, lagName);
  if (staff.recruitmentLag >= workload.length) {
    throw new CalcError('scenarioLagTooLong', {
      argument: lagName,
      received: String(staff.recruitmentLag),
      periods: workload.length,
    });
  }
  parseHiringPolicy(String(staff.hiringPolicy));
  if (!Number.isFinite(staff.traineeCap) || staff.traineeCap < 0) {
    throw new CalcError('scenarioNegativeCap', {
      argument: 'Max. nieuwe fte per ervaren fte / traineeCap',
      received: String(staff.traineeCap),
    });
  }
  checkRange(input.lumpsum, 'Lumpsum', 0, Infinity);
  checkRange(input.initialBacklog, 'Beginachterstand / initial backlog', 0, Infinity);
  if (input.ratePerHour !== undefined)
    checkRange(input.ratePerHour, 'Tarief per uur / rate per hour', 0, Infinity);
  if (input.forecast !== undefined && input.forecast.length > 0) {
    readSeries(input.forecast, 'Prognose / forecast');
    if (input.forecast.length !== input.workload.length) {
      throw new CalcError('scenarioLengthMismatch', {
        argument: 'Prognose / forecast',
        expected: String(input.workload.length),
        received: String(input.forecast.length),
      });
    }
  }
}

/**
 * The funded fte the stable start is built for: the highest of the first year's (periods 1 …
 * 13, or the series when shorter). The funding path follows a rise at once and a fall only
 * after confirmation, so a staff that has worked under it for years is sized for the level the
 * path holds through the year's peak, not for the first period's; on a flat workload the two
 * are the same.
 */
export function stableStartFunded(fundedFte: readonly number[]): number {
  let m = 0;
  for (let t = 0; t < Math.min(PERIODS_PER_YEAR, fundedFte.length); t++) m = Math.max(m, fundedFte[t]);
  return m;
}

/** True when the period (0-based) is the last of its year: leavers' posts are re-opened then. */
export function isYearEnd(t: number): boolean {
  return t % PERIODS_PER_YEAR === PERIODS_PER_YEAR - 1;
}

/**
 * The simulation without validation (the bench and property tests call it in loops). Order of
 * events within period t (the sheet's row formulas follow the same order):
 * 1. the funding path from the rule (it depends on the workload alone); the fte it pays for,
 *    F; when the rule counts the backlog, the backlog's funding beside it, which buys temporary
 *    capacity in the period (backlog of the period before / backlogClearPeriods hours) and no
 *    posts;
 * 0. (before period 1) the stable start: staff = F* − P, P vacancies in recruitment
 *    (`stablePipeline`), F* the first year's highest F (`stableStartFunded`); of that staff,
 *    the cohorts hired before period 1 that are still in induction (`preStartCohorts`: under
 *    `yearEnd` one vintage a year, hired the lag after its year end, of a year's leavers; under
 *    `immediate` one vintage a period of the period's leavers), so that on a flat workload
 *    year 1 repeats year 2; a staff given explicitly is all experienced;
 * 2. leavers = turnover per period × staff at the start; their posts are held (Y);
 * 3. excess X = staff + vacancies in recruitment (P) + held posts − F, when positive: dropped
 *    first from the held posts (not replaced), then withdrawn from P (oldest first), and the rest,
 *    only when the rule says so, actively reduced from staff;
 * 4. vacancies opened: the held posts at the year end (or at once under `immediate`) plus new
 *    funded posts, F − staff − P − Y when positive;
 * 5. hires: vacancies opened at least `recruitmentLag` periods ago and still open start, oldest
 *    first, as far as the coaching capacity allows (trainees ≤ traineeCap × experienced staff);
 * 6. productive staff = staff − induction loss − coaching (the in-run and the pre-start
 *    cohorts alike; the coaching capacity of step 5 counts both); capacity (staff, flex shell,
 *    temporary capacity for the backlog); backlog.
 * Leavers and reductions come out of experienced staff, so a cohort in induction stays whole
 * along its ramp; this keeps the model a plain sum over the hires (a SUMPRODUCT on the sheet).
 */
export function simulateUnchecked(input: SimInput): SimResult {
  const { workload, rule, staff, band, lumpsum } = input;
  const n = workload.length;
  const h = directHoursPerFtePeriod(staff.hoursPerFte, staff.directRatio);
  const rate = input.ratePerHour ?? staff.costPerFtePeriod / h;
  const k = monthsToPeriods(staff.inductionMonths);
  const q = annualToPeriodRate(staff.turnoverAnnual);
  const L = staff.recruitmentLag;
  const labels = scenarioLabels(workload, band);
  const hasForecast = input.forecast !== undefined && input.forecast.length === n;
  const forecastFromWorkload = rule.basis === 'forecast' && !hasForecast;
  const basis = rule.basis === 'forecast' && hasForecast ? input.forecast! : workload;
  const allowance = staffingAllowance(staff);
  // Allowance fte per fte of need. A loss of all staff to induction (m = ∞) is refused by the
  // warning; the target then pays for the need alone rather than for infinity.
  const extraPerNeed = Number.isFinite(allowance.fundedPerProductive)
    ? rule.allowanceShare * (allowance.fundedPerProductive - 1)
    : 0;
  const yearEndPolicy = staff.hiringPolicy === 'yearEnd';

  const arr = (): number[] => new Array<number>(n);
  const r: SimResult = {
    periods: n,
    labels,
    ratePerHour: rate,
    hoursPerFtePeriod: h,
    inductionPeriods: k,
    turnoverPerPeriod: q,
    allowance,
    forecastFromWorkload,
    basisHours: Array.from(basis),
    needFte: arr(),
    allowanceFte: arr(),
    fundingTargetBase: arr(),
    fundingTarget: arr(),
    belowPeriods: arr(),
    pathFunding: arr(),
    backlogFunding: arr(),
    funding: arr(),
    fundedFte: arr(),
    leaversFte: arr(),
    excessFte: arr(),
    heldFte: arr(),
    notReplacedFte: arr(),
    withdrawnFte: arr(),
    reductionsFte: arr(),
    openedFte: arr(),
    openedCumFte: arr(),
    closedCumFte: arr(),
    dueFte: arr(),
    hiresFte: arr(),
    pipelineFte: arr(),
    staffFte: arr(),
    traineeFte: arr(),
    preStartTraineeFte: new Array<number>(n).fill(0),
    inductionLossFte: arr(),
    preStartLossFte: new Array<number>(n).fill(0),
    coachingFte: arr(),
    productiveFte: arr(),
    staffCapacityHours: arr(),
    flexNeedFte: arr(),
    flexHours: arr(),
    backlogHours: arr(),
    capacityHours: arr(),
    needsBasedHours: arr(),
    neededFte: arr(),
    constrainedHours: arr(),
    backlog: arr(),
    initialPipelineFte: 0,
    initialStaffFte: 0,
    initialCohortFte: 0,
    warnings: [],
  };

  let staffPrev = 0;
  // Posts in use: staff + vacancies in recruitment + held posts. Leavers and hires move posts
  // between those three and leave the total as it is; tracking it as one number keeps a flat
  // funding from opening posts of 1e-13 fte through rounding noise.
  let committed = 0;
  let held = 0;
  let openedCum = 0;
  let closedCum = 0;
  let backlogPrev = input.initialBacklog;
  let fundingPrev = 0;
  let below = 0;

  // 1. The funding path and the fte it pays for. It depends on the workload alone (the backlog
  //    is funded beside it), so it is computed first: the stable start needs the first year's.
  for (let t = 0; t < n; t++) {
    // Target = lumpsum + rate × h × FTE, FTE = the reference's formula with the allowance as
    // extraFte added after the division (its parts are already payroll fte).
    const need = basis[t] / h;
    const extra = need * extraPerNeed;
    const targetBase = lumpsum + rate * h * need;
    const target = lumpsum + rate * h * (need + extra);
    let f: number;
    if (t === 0 || target >= fundingPrev) {
      f = target;
      below = 0;
    } else {
      below++;
      f = below >= rule.confirmPeriods ? Math.max(target, fundingPrev * (1 - rule.maxDecline)) : fundingPrev;
    }
    f = Math.min(rule.cap, Math.max(rule.floor, f));
    r.needFte[t] = need;
    r.allowanceFte[t] = extra;
    r.fundingTargetBase[t] = targetBase;
    r.fundingTarget[t] = target;
    r.belowPeriods[t] = t === 0 ? 0 : below;
    r.pathFunding[t] = f;
    fundingPrev = f;
    r.fundedFte[t] = Math.max(0, f - lumpsum) / staff.costPerFtePeriod;
  }
  const startFunded = stableStartFunded(r.fundedFte);

  for (let t = 0; t < n; t++) {
    const f = r.pathFunding[t];
    const funded = r.fundedFte[t];
    // The backlog's funding: temporary capacity this period, within what the cap leaves.
    let bf = rule.countBacklog ? (rate * backlogPrev) / rule.backlogClearPeriods : 0;
    if (rule.cap !== Infinity) bf = Math.min(bf, Math.max(0, rule.cap - f));
    r.backlogFunding[t] = bf;
    r.funding[t] = f + bf;

    if (t === 0) {
      const p0 = staff.initialPipelineFte ?? stablePipeline(startFunded, q, L, staff.hiringPolicy);
      r.initialPipelineFte = p0;
      staffPrev = staff.initialStaffFte ?? startFunded - p0;
      r.initialStaffFte = staffPrev;
      committed = staffPrev + p0;
      openedCum = p0;
      // The stable start's cohorts hired before period 1, still in induction (none when the
      // staff at the start was given: it is then all experienced).
      const cohort =
        staff.initialStaffFte === undefined ? preStartCohortFte(staffPrev, p0, q, L, staff.hiringPolicy) : 0;
      r.initialCohortFte = cohort;
      for (const c of preStartCohorts(cohort, k, L, staff.hiringPolicy)) {
        for (let u = 0; u < n && u - c.start < k; u++) {
          r.preStartTraineeFte[u] += c.fte;
          r.preStartLossFte[u] += c.fte * inductionLossShare(u - c.start, k);
        }
      }
    }
    const pipelinePrev = openedCum - closedCum;

    // 2. Leavers; their posts are held until the policy re-opens them.
    const leavers = staffPrev * q;
    r.leaversFte[t] = leavers;
    const heldWithLeavers = held + leavers;

    // 3. More committed than funded: drop held posts, then withdraw vacancies, then (rule) reduce.
    const excess = Math.max(0, committed - funded);
    const notReplaced = Math.min(heldWithLeavers, excess);
    const rest0 = excess - notReplaced;
    const withdrawn = Math.min(pipelinePrev, rest0);
    const rest1 = rest0 - withdrawn;
    const afterLeavers = staffPrev - leavers;
    const reductions = rule.activeReduction ? Math.min(afterLeavers, rest1) : 0;
    // What funding still does not pay for (0 exactly when the excess is absorbed).
    const rest2 = rest1 - reductions;
    r.excessFte[t] = excess;
    r.notReplacedFte[t] = notReplaced;
    r.withdrawnFte[t] = withdrawn;
    r.reductionsFte[t] = reductions;
    const staffNow = afterLeavers - reductions;
    const heldNow = heldWithLeavers - notReplaced;
    // Withdrawing the whole pipeline closes it exactly (no 1e-13 fte left over by rounding).
    closedCum = withdrawn === pipelinePrev ? openedCum : closedCum + withdrawn;

    // 4. Vacancies: held posts are released at the year end (or at once); new posts at once.
    const released = !yearEndPolicy || isYearEnd(t) ? heldNow : 0;
    const committedNow = excess > 0 ? funded + rest2 : committed;
    const newPosts = Math.max(0, funded - committedNow);
    committed = newPosts > 0 ? funded : committedNow;
    const opened = released + newPosts;
    held = heldNow - released;
    openedCum += opened;
    r.heldFte[t] = held;
    r.openedFte[t] = opened;
    r.openedCumFte[t] = openedCum;

    // 5. Hires: due vacancies (opened ≥ L periods ago, still open), within the coaching capacity.
    const dueCum =
      t - L >= 0
        ? r.openedCumFte[t - L]
        : initialOpenedUpTo(r.initialPipelineFte, t + 1 - L, L, staff.hiringPolicy);
    const due = Math.max(0, dueCum - closedCum);
    let traineesBefore = r.preStartTraineeFte[t];
    if (k > 0) {
      for (let s = Math.max(0, Math.ceil(t - k)); s < t; s++) if (t - s < k) traineesBefore += r.hiresFte[s];
    }
    const room =
      k > 0 ? Math.max(0, staff.traineeCap * (staffNow - traineesBefore) - traineesBefore) : Infinity;
    const hires = Math.min(due, room);
    r.dueFte[t] = due;
    closedCum = hires === due && due > 0 ? dueCum : closedCum + hires;
    r.hiresFte[t] = hires;
    r.closedCumFte[t] = closedCum;
    r.pipelineFte[t] = openedCum - closedCum;
    const staffEnd = staffNow + hires;
    r.staffFte[t] = staffEnd;
    staffPrev = staffEnd;

    // 6. Productive staff: staff minus what the cohorts in induction cannot yet deliver and the
    //    coaching that absorbs from experienced staff (the sheet: SUMPRODUCT over the hires).
    let trainees = r.preStartTraineeFte[t];
    let loss = r.preStartLossFte[t];
    if (k > 0) {
      for (let s = Math.max(0, Math.ceil(t - k)); s <= t; s++) {
        const age = t - s;
        if (age >= k) continue;
        trainees += r.hiresFte[s];
        loss += r.hiresFte[s] * inductionLossShare(age, k);
      }
    }
    const coaching = loss * staff.coachingShare;
    const productive = Math.max(0, staffEnd - loss - coaching);
    r.traineeFte[t] = trainees;
    r.inductionLossFte[t] = loss;
    r.coachingFte[t] = coaching;
    r.productiveFte[t] = productive;
    const staffHours = productive * h;
    r.staffCapacityHours[t] = staffHours;

    // 7. Flex shell: only short peaks call on it, for the hours above the band's top.
    const w = workload[t];
    const needHours = labels[t] === 'shortPeak' ? Math.max(0, w - band.high) : 0;
    r.flexNeedFte[t] = needHours / h;
    const flexHours = Math.min(staff.flexFte * h, needHours);
    r.flexHours[t] = flexHours;
    const tempHours = rate > 0 ? bf / rate : 0;
    r.backlogHours[t] = tempHours;
    const cap = staffHours + flexHours + tempHours;
    r.capacityHours[t] = cap;

    // 8. Production and backlog.
    r.needsBasedHours[t] = w;
    r.neededFte[t] = w / h;
    r.constrainedHours[t] = Math.min(backlogPrev + w, cap);
    const b = Math.max(0, backlogPrev + w - cap);
    r.backlog[t] = b;
    backlogPrev = b;
  }
  return r;
}

/** The steady-state check of a run's settings: can the funding rule sustain a stable staff? */
export interface SteadyStateCheck {
  /** Mean of the workload the rule follows, hours per period. */
  meanHours: number;
  /** Productive fte that workload needs: meanHours / direct hours per fte. */
  productiveFte: number;
  /** Staff on the payroll whose productive part that is, fte (Infinity when impossible). */
  staffFte: number;
  vacancyFte: number;
  inductionFte: number;
  coachingFte: number;
  /** The steady loss: vacancies + induction + coaching, fte. */
  lossFte: number;
  /** Funded fte a stable staff needs: productive + loss. */
  neededFte: number;
  /** Funded fte the rule pays at the mean workload (no backlog), after floor and cap. */
  fundedFte: number;
  /** Trainee fte at once when leavers are replaced (a year-end wave, or the steady stream). */
  traineePeakFte: number;
  /** The coaching capacity for that staff: traineeCap × experienced fte. */
  traineeRoomFte: number;
}

/** The figures behind the warnings, from the settings alone (the sheet computes the same). */
export function steadyStateCheck(input: SimInput): SteadyStateCheck {
  const { staff, rule } = input;
  const h = directHoursPerFtePeriod(staff.hoursPerFte, staff.directRatio);
  const rate = input.ratePerHour ?? staff.costPerFtePeriod / h;
  const hasForecast = input.forecast !== undefined && input.forecast.length === input.workload.length;
  const basis = rule.basis === 'forecast' && hasForecast ? input.forecast! : input.workload;
  const meanHours = basis.reduce((s, w) => s + w, 0) / Math.max(1, basis.length);
  const al = staffingAllowance(staff);
  const B = meanHours / h;
  const parts = allowanceFte(B, al);
  const extraPerNeed = Number.isFinite(al.fundedPerProductive)
    ? rule.allowanceShare * (al.fundedPerProductive - 1)
    : 0;
  const f = Math.min(rule.cap, Math.max(rule.floor, input.lumpsum + rate * h * B * (1 + extraPerNeed)));
  const fundedFte = Math.max(0, f - input.lumpsum) / staff.costPerFtePeriod;
  const k = monthsToPeriods(staff.inductionMonths);
  const hiresPerYear = staff.turnoverAnnual * parts.staff;
  const traineePeakFte =
    staff.hiringPolicy === 'yearEnd'
      ? hiresPerYear * Math.ceil(k / PERIODS_PER_YEAR)
      : (hiresPerYear * k) / PERIODS_PER_YEAR;
  return {
    meanHours,
    productiveFte: B,
    staffFte: parts.staff,
    vacancyFte: parts.vacancies,
    inductionFte: parts.induction,
    coachingFte: parts.coaching,
    lossFte: parts.total,
    neededFte: B + parts.total,
    fundedFte,
    traineePeakFte,
    traineeRoomFte: staff.traineeCap * (parts.staff - traineePeakFte),
  };
}

/** One decimal, dot, no grouping: how warnings print figures in every language. */
function fig(x: number): string {
  return Number.isFinite(x) ? (Math.round(x * 10) / 10).toFixed(1) : '∞';
}

/**
 * The warnings of a valid run, most important first: settings under which a stable staff is
 * impossible (each with the figures computed from the settings), then a hiring freeze or a
 * coaching capacity too small for the replacement of leavers. The sheet shows the first.
 */
export function simWarnings(input: SimInput, r?: SimResult): SimWarning[] {
  const out: SimWarning[] = [];
  const { staff } = input;
  const c = steadyStateCheck(input);
  const al = r?.allowance ?? staffingAllowance(staff);
  const lost = al.inductionShare + al.coachingShare;
  if (!Number.isFinite(al.staffPerProductive)) {
    out.push({
      code: 'scenarioLossTooHigh',
      details: {
        turnover: String(staff.turnoverAnnual),
        induction: fig(monthsToPeriods(staff.inductionMonths)),
        coaching: String(staff.coachingShare),
        factor: String(Math.round(lost * 1000) / 1000),
      },
    });
    return out;
  }
  if (c.fundedFte < c.neededFte * (1 - 1e-9)) {
    out.push({
      code: 'scenarioUnsustainable',
      details: {
        hours: fig(c.meanHours),
        funded: fig(c.fundedFte),
        productive: fig(c.productiveFte),
        loss: fig(c.lossFte),
        vacancies: fig(c.vacancyFte),
        induction: fig(c.inductionFte),
        coaching: fig(c.coachingFte),
        needed: fig(c.neededFte),
        shortfall: fig(
          ((c.neededFte - c.fundedFte) / al.fundedPerProductive) *
            directHoursPerFtePeriod(staff.hoursPerFte, staff.directRatio),
        ),
      },
    });
  }
  if (staff.traineeCap === 0) {
    out.push({ code: 'scenarioHiringFreeze', details: { argument: 'traineeCap', received: '0' } });
  } else if (
    monthsToPeriods(staff.inductionMonths) > 0 &&
    c.traineePeakFte > 0 &&
    c.traineeRoomFte < c.traineePeakFte * (1 - 1e-9)
  ) {
    out.push({
      code: 'scenarioCoachingShort',
      details: {
        cap: String(staff.traineeCap),
        experienced: fig(c.staffFte - c.traineePeakFte),
        room: fig(c.traineeRoomFte),
        need: fig(c.traineePeakFte),
      },
    });
  }
  return out;
}

/**
 * The number of periods, counted from period index `from` (0-based), until the backlog is at
 * or below `tolerance` hours; `undefined` if that never happens within the series.
 */
export function periodsToClear(
  backlog: readonly number[],
  from: number,
  tolerance: number,
): number | undefined {
  for (let t = from; t < backlog.length; t++) if (backlog[t] <= tolerance) return t - from;
  return undefined;
}

/** Key figures of a run, for the pane, the CLI and the comparison of saved scenarios. */
export interface SimSummary {
  maxBacklog: number;
  /** 1-based period of the largest backlog. */
  maxBacklogPeriod: number;
  finalBacklog: number;
  /**
   * Periods from the largest backlog until it is at or below 1% of the mean workload (0 when the
   * largest backlog is already that small); undefined when it does not clear within the series.
   */
  periodsToClear: number | undefined;
  /** Periods ending with a backlog above 1% of the mean workload. */
  periodsWithBacklog: number;
  minFunding: number;
  maxFunding: number;
  totalFunding: number;
  minStaffFte: number;
  totalHiresFte: number;
  totalLeaversFte: number;
  totalNotReplacedFte: number;
  totalWithdrawnFte: number;
  totalReductionsFte: number;
  maxFlexNeedFte: number;
  /** Σ needs-based − Σ capacity-constrained production, hours: work left undone. */
  productionShortfallHours: number;
}

/** Summarises a run. */
export function summarize(r: SimResult): SimSummary {
  let maxB = 0;
  let maxAt = 0;
  for (let t = 0; t < r.periods; t++) {
    if (r.backlog[t] > maxB) {
      maxB = r.backlog[t];
      maxAt = t;
    }
  }
  const sum = (a: readonly number[]): number => a.reduce((s, x) => s + x, 0);
  const mean = r.periods > 0 ? sum(r.needsBasedHours) / r.periods : 0;
  return {
    maxBacklog: maxB,
    maxBacklogPeriod: maxAt + 1,
    finalBacklog: r.backlog[r.periods - 1] ?? 0,
    periodsToClear: periodsToClear(r.backlog, maxAt, mean * 0.01),
    periodsWithBacklog: r.backlog.filter((b) => b > mean * 0.01).length,
    minFunding: Math.min(...r.funding),
    maxFunding: Math.max(...r.funding),
    totalFunding: sum(r.funding),
    minStaffFte: Math.min(...r.staffFte),
    totalHiresFte: sum(r.hiresFte),
    totalLeaversFte: sum(r.leaversFte),
    totalNotReplacedFte: sum(r.notReplacedFte),
    totalWithdrawnFte: sum(r.withdrawnFte),
    totalReductionsFte: sum(r.reductionsFte),
    maxFlexNeedFte: Math.max(...r.flexNeedFte),
    productionShortfallHours: sum(r.needsBasedHours) - sum(r.constrainedHours),
  };
}

/**
 * Workload per period from product types: Σ volume × norm minutes / 60 (the reference's
 * workload formula), so a product mix can drive the simulation.
 * @param volumes - volumes[product][period], cases
 * @param normMinutes - norm time per product, minutes
 */
export function workloadFromProducts(
  volumes: readonly (readonly number[])[],
  normMinutes: readonly number[],
): number[] {
  if (volumes.length !== normMinutes.length) {
    throw new CalcError('scenarioLengthMismatch', {
      argument: 'Normtijden / norm minutes',
      expected: String(volumes.length),
      received: String(normMinutes.length),
    });
  }
  const n = volumes[0]?.length ?? 0;
  const out = new Array<number>(n).fill(0);
  volumes.forEach((row, p) => {
    if (row.length !== n) {
      throw new CalcError('scenarioLengthMismatch', {
        argument: `Volumes product ${p + 1}`,
        expected: String(n),
        received: String(row.length),
      });
    }
    for (let t = 0; t < n; t++) out[t] += (row[t] * normMinutes[p]) / 60;
  });
  return out;
}
