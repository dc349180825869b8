/**
 * Time units of the simulator. The IND plans in four-week periods (13 a year); the review
 * treats "a month" as 4 weeks, but induction times (5–18 months) are calendar months, so the
 * conversion is made explicit here instead of silently equating the two.
 */

/** Weeks in one planning period (*periode van 4 weken*). */
export const PERIOD_WEEKS = 4;

/** Planning periods in one year: 52 weeks / 4. */
export const PERIODS_PER_YEAR = 13;

/**
 * Converts calendar months to four-week periods: months × (52/12 weeks) / 4 = months × 13/12.
 * The result is NOT rounded: the ramp works with fractional periods, so 5 months is 5.4167
 * periods and 18 months is 19.5 periods.
 */
export function monthsToPeriods(months: number): number {
  return (months * PERIODS_PER_YEAR) / 12;
}

/**
 * Converts an annual rate (e.g. turnover 9.5% a year, *verloop*) to the equivalent
 * per-period rate, compounding: 1 − (1 − annual)^(1/13). Thirteen periods at this rate remove
 * exactly the annual share of a constant staff.
 */
export function annualToPeriodRate(annual: number): number {
  return 1 - Math.pow(1 - annual, 1 / PERIODS_PER_YEAR);
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
