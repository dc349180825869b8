/**
 * The staffing allowance (*opslag*): what a stable staff loses, on average, to vacancies, to the
 * induction of new staff and to coaching them, computed from the parameters alone. The funding
 * target adds it as the reference's `extraFte` (reference §3, §7), so that funding can sustain a
 * staff whose productive part delivers the workload.
 *
 * Steady state on a flat workload, staff S on the payroll (all fte):
 * - leavers a × S a year (a = yearly turnover), replaced by as many hires;
 * - vacancies V = a × S × (H + L) / 13, where L is the recruitment lag in periods and H the
 *   periods a leaver's post is held before it is re-opened: 6 under the budget rule (a leaver of
 *   period j waits 13 − j period ends for the year end; the average over j = 1 … 13 is 6, the
 *   discrete form of "on average half are vacant"), 0 when leavers are replaced at once;
 * - induction loss I = a × S × (k/2) / 13 (k/2 periods of work per hire, k = induction periods);
 * - coaching C = c × I (c = coaching per trainee fte at the start, falling with the loss).
 * Productive staff S − I − C must equal B = workload / direct hours per fte, so
 * S = B / (1 − a·k·(1 + c)/26) and the funded fte F = S + V = B × m. The allowance is F − B.
 */
import type { HiringPolicy } from './simulate';
import { PERIODS_PER_YEAR } from './units';

/** What the allowance is made of, per fte of staff on the payroll. */
export interface StaffingAllowance {
  /** Average periods a leaver's post is held before it is re-opened: 6 (year end) or 0 (at once). */
  holdPeriods: number;
  /** Vacancies per fte of staff: a × (H + L) / 13. */
  vacancyShare: number;
  /** Induction loss per fte of staff: a × k / 26. */
  inductionShare: number;
  /** Coaching per fte of staff: c × a × k / 26. */
  coachingShare: number;
  /** Staff on the payroll per productive fte: 1 / (1 − induction − coaching); Infinity when ≥ 1. */
  staffPerProductive: number;
  /** Funded fte per productive fte: staffPerProductive × (1 + vacancyShare). */
  fundedPerProductive: number;
}

/** The allowance's inputs: the staff parameters it depends on. */
export interface AllowanceParams {
  turnoverAnnual: number;
  inductionMonths: number;
  coachingShare: number;
  recruitmentLag: number;
  hiringPolicy: HiringPolicy;
}

/** Average periods a leaver's post waits for the year end under the budget rule: (13 − 1) / 2. */
export const YEAR_END_HOLD_PERIODS = PERIODS_PER_YEAR / 2;

/** The allowance shares for these parameters (see the module comment for the derivation). */
export function staffingAllowance(p: AllowanceParams): StaffingAllowance {
  const a = p.turnoverAnnual;
  const k = (p.inductionMonths * PERIODS_PER_YEAR) / 12;
  const holdPeriods = p.hiringPolicy === 'yearEnd' ? YEAR_END_HOLD_PERIODS : 0;
  const vacancyShare = (a * (holdPeriods + p.recruitmentLag)) / PERIODS_PER_YEAR;
  const inductionShare = (a * k) / (2 * PERIODS_PER_YEAR);
  const coachingShare = p.coachingShare * inductionShare;
  const lost = inductionShare + coachingShare;
  const staffPerProductive = lost < 1 ? 1 / (1 - lost) : Infinity;
  return {
    holdPeriods,
    vacancyShare,
    inductionShare,
    coachingShare,
    staffPerProductive,
    fundedPerProductive: staffPerProductive * (1 + vacancyShare),
  };
}

/** The allowance in fte for `productiveFte` productive fte: (m − 1) × B, split into its parts. */
export function allowanceFte(
  productiveFte: number,
  al: StaffingAllowance,
): { staff: number; vacancies: number; induction: number; coaching: number; total: number } {
  const staff = productiveFte * al.staffPerProductive;
  const vacancies = staff * al.vacancyShare;
  const induction = staff * al.inductionShare;
  const coaching = staff * al.coachingShare;
  return { staff, vacancies, induction, coaching, total: vacancies + induction + coaching };
}

/**
 * The stable start of a run (the state at the start of period 1 of a staff that has worked
 * under these settings for years at the funded level `fundedFte`), so that the first year is
 * not a transient: funded posts = staff + vacancies in recruitment (no held posts at a year
 * start). A start with every post filled (no vacancies) is a staff larger than any stable one:
 * its first year has no backlog and its first year-end wave is too large, and the years after
 * swing about the stable cycle (damped, one year up, the next down), so the yearly maximum of
 * the backlog grew in every other year.
 *
 * - `yearEnd`, recruitment lag L ≥ 1: the posts re-opened at the last year end are in
 *   recruitment, one vintage opened in period 0 and hired in period L. With u = 1 − a/13 and
 *   staff F − P at the start, the year's leavers are D = F(1 − u¹³) − P·u^(13−L)(1 − u^L)
 *   (the staff at the start of period t+1 is F − P − D_t for t < L and F − D_t after the
 *   hires); stable means D = P, so P = F(1 − u¹³) / (1 + u^(13−L)(1 − u^L)). With L = 0 the
 *   re-opened posts are filled at the year end itself: P = 0. (For L > 13 the same formula is
 *   an approximation: one vintage.)
 * - `immediate`: every period a/13 × S leave and are re-opened at once, so L vintages of
 *   a/13 × S are in recruitment: S + L·a/13·S = F, P = F − F / (1 + L·a/13), opened one per
 *   period over periods 1 − L … 0.
 * The staff at the start includes the cohorts hired before period 1 that are still in their
 * induction (`preStartCohorts`), so on a flat workload year 1 repeats year 2 period by period.
 */
export function stablePipeline(
  fundedFte: number,
  turnoverPerPeriod: number,
  recruitmentLag: number,
  hiringPolicy: HiringPolicy,
): number {
  const q = turnoverPerPeriod;
  const L = recruitmentLag;
  if (L <= 0 || q <= 0 || fundedFte <= 0) return 0;
  if (hiringPolicy === 'immediate') return fundedFte - fundedFte / (1 + L * q);
  const u = 1 - q;
  return (fundedFte * (1 - u ** PERIODS_PER_YEAR)) / (1 + u ** (PERIODS_PER_YEAR - L) * (1 - u ** L));
}

/**
 * The vacancies of an initial pipeline `pipeline` opened up to and including period `p` ≤ 0
 * (1-based; period 0 is the last before the start): all in period 0 under `yearEnd`, one
 * vintage per period over periods 1 − L … 0 under `immediate`.
 */
export function initialOpenedUpTo(
  pipeline: number,
  p: number,
  recruitmentLag: number,
  hiringPolicy: HiringPolicy,
): number {
  const vintages = hiringPolicy === 'immediate' ? Math.max(1, recruitmentLag) : 1;
  return pipeline * Math.max(0, 1 + p / vintages);
}

/** A cohort hired before period 1: its first day (0-based period index, < 0) and its fte. */
export interface PreStartCohort {
  start: number;
  fte: number;
}

/**
 * The size of one pre-start cohort of the stable start, fte: what the stable state hires in one
 * vintage.
 * - `yearEnd`: one vintage a year, the posts re-opened at a year end: the year's leavers
 *   D = F(1 − u¹³) − P·u^(13−L)(1 − u^L), F = staff + P at the start, u = 1 − q (see
 *   `stablePipeline`; D = P there for L ≥ 1, and F(1 − u¹³) for L = 0). 0 when negative.
 * - `immediate`: one vintage a period, the period's leavers q × staff.
 */
export function preStartCohortFte(
  startStaff: number,
  pipeline: number,
  turnoverPerPeriod: number,
  recruitmentLag: number,
  hiringPolicy: HiringPolicy,
): number {
  const q = turnoverPerPeriod;
  const L = recruitmentLag;
  if (hiringPolicy === 'immediate') return Math.max(0, q * startStaff);
  const u = 1 - q;
  const F = startStaff + pipeline;
  return Math.max(0, F * (1 - u ** PERIODS_PER_YEAR) - pipeline * u ** (PERIODS_PER_YEAR - L) * (1 - u ** L));
}

/**
 * The cohorts of the stable start hired before period 1 and still in induction at its start
 * (started less than `inductionPeriods` ago), each of `cohortFte` (`preStartCohortFte`), oldest
 * last. They are part of the staff at the start, and count in the induction loss, the coaching
 * and the coaching capacity exactly as a cohort hired in the run.
 * - `yearEnd`: one vintage a year, hired `recruitmentLag` periods after its year end: first days
 *   L − 1 − 13m (0-based) for every m with a first day before period 1 (with L = 0 the year end
 *   itself: −1, −14, …; with L = 3: −11, −24, …);
 * - `immediate`: one vintage every period: first days −1, −2, ….
 * None without induction.
 */
export function preStartCohorts(
  cohortFte: number,
  inductionPeriods: number,
  recruitmentLag: number,
  hiringPolicy: HiringPolicy,
): PreStartCohort[] {
  const k = inductionPeriods;
  const out: PreStartCohort[] = [];
  if (!(k > 0) || !(cohortFte > 0)) return out;
  if (hiringPolicy === 'immediate') {
    for (let s = -1; -s < k; s--) out.push({ start: s, fte: cohortFte });
    return out;
  }
  const L = recruitmentLag;
  for (let m = Math.floor((L - 1) / PERIODS_PER_YEAR) + 1; ; m++) {
    const s = L - 1 - PERIODS_PER_YEAR * m;
    if (-s >= k) break;
    out.push({ start: s, fte: cohortFte });
  }
  return out;
}
