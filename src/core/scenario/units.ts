/**
 * Time units and rates of the simulator, documented here once.
 *
 * - The IND plans in four-week periods: 13 periods make a year of 52 weeks.
 * - Calendar months convert to periods as **months × 13/12** everywhere (12 months = 13 periods),
 *   unrounded: 5 months is 5.4167 periods, 12 months is 13, 18 months is 19.5. Induction times
 *   (the review's 5–18 months) are calendar months, so they convert.
 * - The review's short-peak rule ("at most 10k hours per month above the band, at most 3 months")
 *   uses "month" for a four-week period: those lengths and amounts are entered in periods and
 *   hours per period, and never converted.
 * - A yearly turnover share `a` removes `a` × the average staff in a year, whatever the
 *   replacement policy (see {@link annualToPeriodRate}).
 */

/** Weeks in one planning period (*periode van 4 weken*). */
export const PERIOD_WEEKS = 4;

/** Planning periods in one year: 52 weeks / 4. */
export const PERIODS_PER_YEAR = 13;

/**
 * Converts calendar months to four-week periods: months × 13/12 (12 months = 52 weeks = 13
 * periods). The result is NOT rounded: the ramp works with fractional periods.
 */
export function monthsToPeriods(months: number): number {
  return (months * PERIODS_PER_YEAR) / 12;
}

/**
 * The per-period leaver share for a yearly turnover share `annual` (*verloop*): annual / 13,
 * applied to the staff at the start of each period. A year's leavers are then
 * Σ annual/13 × staff at the start of each of its 13 periods = annual × the year's average staff,
 * exactly, whether leavers are replaced at once (constant staff: annual × staff) or only at the
 * year end (falling staff). Compounding, 1 − (1 − annual)^(1/13), would be right only if the
 * staff were never replaced; with replacement it overstates turnover (9.5% became 9.94%).
 */
export function annualToPeriodRate(annual: number): number {
  return annual / PERIODS_PER_YEAR;
}

/**
 * The share of one hire's fte that is NOT yet productive during the period at `age` periods
 * after the start (0 = the first period), for a linear ramp from 0 to 1 over `inductionPeriods`:
 * the average of 1 − s/k over the period [age, age + 1], i.e. 1 − (age + ½)/k for a whole period
 * inside the induction, (k − age)² / (2k) for the period in which it ends, and 0 after.
 * Summed over all ages this is exactly k/2: a hire costs half the induction time in work
 * ({@link inductionLossPerHire}). With no induction, 0.
 */
export function inductionLossShare(age: number, inductionPeriods: number): number {
  const k = inductionPeriods;
  if (k <= 0 || age >= k) return 0;
  if (age + 1 <= k) return 1 - (age + 0.5) / k;
  return ((k - age) * (k - age)) / (2 * k);
}

/**
 * The productive share of a hire during the period at `age` periods after the start:
 * 1 − {@link inductionLossShare}.
 */
export function rampShare(age: number, inductionPeriods: number): number {
  return 1 - inductionLossShare(age, inductionPeriods);
}

/**
 * Work lost per hire to the induction ramp, in periods of one fte's work: k/2 for a linear ramp
 * over k periods (13 periods of induction cost 6.5 periods, i.e. half a year, of work).
 */
export function inductionLossPerHire(inductionPeriods: number): number {
  return Math.max(0, inductionPeriods) / 2;
}

/**
 * Direct (case-handling) hours one fte delivers in one period:
 * weeks × hoursPerFte × directRatio, the inverse of the reference's FTE formula.
 */
export function directHoursPerFtePeriod(
  hoursPerFte: number,
  directRatio: number,
  weeks = PERIOD_WEEKS,
): number {
  return weeks * hoursPerFte * directRatio;
}
