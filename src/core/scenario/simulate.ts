/**
 * The scenario and funding-path simulator: per four-week period it derives the funding from
 * the chosen rule, the staff that funding pays for, hiring with an induction ramp (and the
 * coaching it takes from experienced staff), turnover, productive capacity, the flex shell for
 * short peaks, production (needs-based against capacity-constrained) and the backlog.
 *
 * Everything is computed in doubles and never rounded; rounding is the display's job.
 */
import { CalcError } from '../errors';
import { scenarioLabels, type Band, type ScenarioLabel } from './labels';
import { annualToPeriodRate, directHoursPerFtePeriod, monthsToPeriods, PERIODS_PER_YEAR } from './units';
import { checkFloorCap, checkFraction, checkRange, checkWhole, readSeries } from './validate';

/** Which workload the funding target follows. */
export type FundingBasis = 'realised' | 'forecast';

/** The rule that turns workload into funding (*financieringsregel*). */
export interface FundingRule {
  /**
   * `realised`: the workload as it comes in. `forecast`: the expected workload, i.e. funding
   * (and staff) adjusted in advance, as in 2017.
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
  /** When true, the target also funds clearing the backlog: + backlog / backlogClearPeriods hours. */
  countBacklog: boolean;
  /** The periods over which a backlog should be cleared when it is counted (≥ 1). */
  backlogClearPeriods: number;
}

/** The named rules a user can pick. */
export type RulePreset = 'advance2017' | 'path' | 'recommended';

/**
 * The three rules side by side:
 * - `advance2017`: follow the FORECAST at once and in full (confirm 1, max decline 100%), no backlog
 *   counted — the 2017 practice of cutting on an expected fall.
 * - `path`: the reference's funding path on realised workload: a fall only after 3 periods, at most 5%
 *   a period.
 * - `recommended`: the review's recommendation: as `path`, and the backlog is counted (cleared over
 *   6 periods).
 * Floor and cap are not part of the preset; the caller keeps its own.
 */
export const RULE_PRESETS: Record<RulePreset, Omit<FundingRule, 'floor' | 'cap'>> = {
  advance2017: {
    basis: 'forecast',
    maxDecline: 1,
    confirmPeriods: 1,
    countBacklog: false,
    backlogClearPeriods: 6,
  },
  path: {
    basis: 'realised',
    maxDecline: 0.05,
    confirmPeriods: 3,
    countBacklog: false,
    backlogClearPeriods: 6,
  },
  recommended: {
    basis: 'realised',
    maxDecline: 0.05,
    confirmPeriods: 3,
    countBacklog: true,
    backlogClearPeriods: 6,
  },
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
  /** Turnover (*verloop*) per year as a fraction of staff; leavers are replaced by new hires. */
  turnoverAnnual: number;
  /**
   * Coaching (*begeleiden*): the fte of experienced time a trainee absorbs while not yet
   * productive, per trainee fte; it falls along the ramp with the trainee's unproductive share.
   */
  coachingShare: number;
  /** Flex shell (*flexibele schil*) available for short peaks, fte. */
  flexFte: number;
  /** Staff at the start, fte, all experienced. Default: the staff period 1's funding pays for. */
  initialStaffFte?: number;
}

/** All inputs of one simulation. */
export interface SimInput {
  /** Workload (*werklast*) per period, hours: the inflow of work. */
  workload: readonly number[];
  /** Expected workload per period, hours. Needed when the rule's basis is `forecast`. */
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
  /** Turnover per period (fraction). */
  turnoverPerPeriod: number;
  /** The rule's target before smoothing, floor and cap, €. */
  fundingTarget: number[];
  /** Funding per period, €. */
  funding: number[];
  /** Staff the funding pays for: (funding − lumpsum) / cost per fte, fte. */
  fundedFte: number[];
  /** Staff on the payroll after hiring and cuts, fte. */
  staffFte: number[];
  /** New hires this period, fte. */
  hiresFte: number[];
  /** Leavers this period (turnover), fte. */
  leaversFte: number[];
  /** Staff cut this period because funding fell, fte. */
  cutsFte: number[];
  /** Staff still in induction (hired less than the induction time ago), fte. */
  traineeFte: number[];
  /** What the staff in induction cannot deliver yet: Σ cohort × (1 − ramp), fte. */
  inductionLossFte: number[];
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
  /** Total capacity, hours: staff + flex. */
  capacityHours: number[];
  /** Needs-based production (*behoeftegestuurd*): all workload handled as it arrives, hours. */
  needsBasedHours: number[];
  /** Staff needed for needs-based production, fte: workload / direct hours per fte. */
  neededFte: number[];
  /** Capacity-constrained production: min(backlog before + workload, capacity), hours. */
  constrainedHours: number[];
  /** Backlog (*achterstand*) at the end of the period, hours: max(0, b − 1 + inflow − capacity). */
  backlog: number[];
}

/** A cohort of hires in induction. */
interface Cohort {
  hiredAt: number;
  fte: number;
}

/**
 * Validates the input and runs the simulation.
 * @throws CalcError for a missing or invalid series, a floor above the cap, a ratio typed as a
 *   percentage, or a forecast rule without a forecast.
 */
export function simulate(input: SimInput): SimResult {
  validateSimInput(input);
  return simulateUnchecked(input);
}

/**
 * Checks every input of `simulate`. Exported so the task pane can validate before it writes
 * anything (nothing is half-written).
 */
export function validateSimInput(input: SimInput): void {
  readSeries(input.workload, 'Werklast / workload');
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
  } else if (rule.basis === 'forecast') {
    throw new CalcError('scenarioForecastMissing', {});
  }
}

/**
 * The ramp: the productive share of a cohort `age` periods after hiring. Linear from 0 in the
 * first period to 1 once the induction time has passed; with no induction, 1 at once.
 */
export function rampShare(age: number, inductionPeriods: number): number {
  if (inductionPeriods <= 0) return 1;
  return Math.min(1, age / inductionPeriods);
}

/**
 * The simulation without validation (the bench and property tests call it in loops).
 * Order of events within a period: funding is set; turnover leaves; staff is cut to, or hired up
 * to, the funded level (hires start in induction); capacity follows; the backlog updates.
 * Leavers and cuts come out of experienced staff, so a cohort in induction stays whole along its
 * ramp; this keeps the model a plain sum over the hires (a SUMPRODUCT on the sheet).
 */
export function simulateUnchecked(input: SimInput): SimResult {
  const { workload, rule, staff, band, lumpsum } = input;
  const n = workload.length;
  const h = directHoursPerFtePeriod(staff.hoursPerFte, staff.directRatio);
  const rate = input.ratePerHour ?? staff.costPerFtePeriod / h;
  const R = monthsToPeriods(staff.inductionMonths);
  const q = annualToPeriodRate(staff.turnoverAnnual);
  const labels = scenarioLabels(workload, band);
  const basis = rule.basis === 'forecast' && input.forecast ? input.forecast : workload;

  const r: SimResult = {
    periods: n,
    labels,
    ratePerHour: rate,
    hoursPerFtePeriod: h,
    inductionPeriods: R,
    turnoverPerPeriod: q,
    fundingTarget: new Array<number>(n),
    funding: new Array<number>(n),
    fundedFte: new Array<number>(n),
    staffFte: new Array<number>(n),
    hiresFte: new Array<number>(n),
    leaversFte: new Array<number>(n),
    cutsFte: new Array<number>(n),
    traineeFte: new Array<number>(n),
    inductionLossFte: new Array<number>(n),
    coachingFte: new Array<number>(n),
    productiveFte: new Array<number>(n),
    staffCapacityHours: new Array<number>(n),
    flexNeedFte: new Array<number>(n),
    flexHours: new Array<number>(n),
    capacityHours: new Array<number>(n),
    needsBasedHours: new Array<number>(n),
    neededFte: new Array<number>(n),
    constrainedHours: new Array<number>(n),
    backlog: new Array<number>(n),
  };

  let staffPrev = 0;
  const cohorts: Cohort[] = [];
  let firstInWindow = 0;
  let backlogPrev = input.initialBacklog;
  let fundingPrev = 0;
  let below = 0;

  for (let t = 0; t < n; t++) {
    // 1. Funding: target = lumpsum + rate × (basis workload [+ backlog share]).
    const backlogHours = rule.countBacklog ? backlogPrev / rule.backlogClearPeriods : 0;
    const target = lumpsum + rate * (basis[t] + backlogHours);
    let f: number;
    if (t === 0 || target >= fundingPrev) {
      f = target;
      below = 0;
    } else {
      below++;
      f = below >= rule.confirmPeriods ? Math.max(target, fundingPrev * (1 - rule.maxDecline)) : fundingPrev;
    }
    f = Math.min(rule.cap, Math.max(rule.floor, f));
    r.fundingTarget[t] = target;
    r.funding[t] = f;
    fundingPrev = f;
    const funded = Math.max(0, f - lumpsum) / staff.costPerFtePeriod;
    r.fundedFte[t] = funded;

    if (t === 0) staffPrev = staff.initialStaffFte ?? funded;

    // 2. Turnover: a share of last period's staff leaves (taken from experienced staff: hires in
    //    induction are kept, so a cohort stays whole along its ramp).
    const leavers = staffPrev * q;
    const afterTurnover = staffPrev - leavers;
    r.leaversFte[t] = leavers;

    // 3. Hire up to, or cut down to, the funded staff. Cuts, like leavers, come out of experienced
    //    staff; hires start a cohort at the bottom of the ramp.
    const hires = Math.max(0, funded - afterTurnover);
    const cuts = Math.max(0, afterTurnover - funded);
    r.hiresFte[t] = hires;
    r.cutsFte[t] = cuts;
    r.staffFte[t] = funded;
    staffPrev = funded;
    if (hires > 0) cohorts.push({ hiredAt: t, fte: hires });

    // 4. Productive staff: staff minus what the cohorts in induction cannot yet deliver
    //    (Σ hires × (1 − ramp)) and minus the coaching that absorbs from experienced staff
    //    (coachingShare × the same). The sheet computes the same with SUMPRODUCT over the hires.
    while (firstInWindow < cohorts.length && t - cohorts[firstInWindow].hiredAt >= R) firstInWindow++;
    let trainees = 0;
    let loss = 0;
    for (let i = firstInWindow; i < cohorts.length; i++) {
      const c = cohorts[i];
      trainees += c.fte;
      loss += c.fte * (1 - rampShare(t - c.hiredAt, R));
    }
    const coaching = loss * staff.coachingShare;
    // A cut deeper than the experienced staff leaves nobody productive that period.
    const productive = Math.max(0, funded - loss - coaching);
    r.traineeFte[t] = trainees;
    r.inductionLossFte[t] = loss;
    r.coachingFte[t] = coaching;
    r.productiveFte[t] = productive;
    const staffHours = productive * h;
    r.staffCapacityHours[t] = staffHours;

    // 5. Flex shell: only short peaks call on it, for the hours above the band's top.
    const w = workload[t];
    const needHours = labels[t] === 'shortPeak' ? Math.max(0, w - band.high) : 0;
    r.flexNeedFte[t] = needHours / h;
    const flexHours = Math.min(staff.flexFte * h, needHours);
    r.flexHours[t] = flexHours;
    const cap = staffHours + flexHours;
    r.capacityHours[t] = cap;

    // 6. Production and backlog.
    r.needsBasedHours[t] = w;
    r.neededFte[t] = w / h;
    r.constrainedHours[t] = Math.min(backlogPrev + w, cap);
    const b = Math.max(0, backlogPrev + w - cap);
    r.backlog[t] = b;
    backlogPrev = b;
  }
  return r;
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

/** Key figures of a run, for the pane and the comparison of saved scenarios. */
export interface SimSummary {
  maxBacklog: number;
  /** 1-based period of the largest backlog. */
  maxBacklogPeriod: number;
  finalBacklog: number;
  /** Periods ending with a backlog above 1% of the mean workload. */
  periodsWithBacklog: number;
  minFunding: number;
  maxFunding: number;
  totalFunding: number;
  minStaffFte: number;
  totalHiresFte: number;
  totalCutsFte: number;
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
    periodsWithBacklog: r.backlog.filter((b) => b > mean * 0.01).length,
    minFunding: Math.min(...r.funding),
    maxFunding: Math.max(...r.funding),
    totalFunding: sum(r.funding),
    minStaffFte: Math.min(...r.staffFte),
    totalHiresFte: sum(r.hiresFte),
    totalCutsFte: sum(r.cutsFte),
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

/** Default staff parameters: the review's figures (36 h, measured 57%, 12 months' induction). */
export const DEFAULT_STAFF: StaffParams = {
  hoursPerFte: 36,
  directRatio: 0.57,
  // Illustrative (fictief): €85,000 a year per fte, spread over 13 periods.
  costPerFtePeriod: 85000 / PERIODS_PER_YEAR,
  inductionMonths: 12,
  turnoverAnnual: 0.095,
  coachingShare: 0.2,
  flexFte: 0,
};
