/**
 * Penalty for a late decision (*dwangsom bij niet tijdig beslissen*, Awb art. 4:17, reference §8).
 */
import { CalcError } from '../errors';
import type { PenaltySchedule } from '../params/steering';

/**
 * Checks a schedule: at least one block, whole and strictly rising `upToDay` ≥ 1, amounts ≥ 0,
 * and a cap in euros ≥ 0 (Infinity: none).
 *
 * @param argument - The argument or table name for messages.
 * @returns The schedule unchanged.
 * @throws CalcError `steerScheduleInvalid` naming the block and the fix.
 */
export function checkSchedule(schedule: PenaltySchedule, argument = 'schedule'): PenaltySchedule {
  const { blocks } = schedule;
  if (blocks.length === 0) throw new CalcError('steerScheduleInvalid', { argument, reason: 'empty' });
  let previous = 0;
  blocks.forEach((b, i) => {
    if (!Number.isInteger(b.upToDay) || b.upToDay <= previous)
      throw new CalcError('steerScheduleInvalid', {
        argument,
        row: i + 1,
        reason: 'days',
        received: String(b.upToDay),
        min: previous + 1,
      });
    if (!(b.perDay >= 0) || !Number.isFinite(b.perDay))
      throw new CalcError('steerScheduleInvalid', {
        argument,
        row: i + 1,
        reason: 'amount',
        received: String(b.perDay),
      });
    previous = b.upToDay;
  });
  // Infinity = no cap in euros (only the cap in days).
  if (!(schedule.maxAmount >= 0))
    throw new CalcError('steerScheduleInvalid', {
      argument,
      reason: 'cap',
      received: String(schedule.maxAmount),
    });
  return schedule;
}

/** The cap in days of a schedule: the last block's `upToDay`. */
export function penaltyDayCap(schedule: PenaltySchedule): number {
  return schedule.blocks[schedule.blocks.length - 1].upToDay;
}

/**
 * The penalty of one case: each day since the penalty started to run costs the rate of its
 * block, days beyond the last block cost nothing (the cap in days), and the total is at most
 * `maxAmount` (the cap in euros); the lower cap binds. Zero or fewer days: no penalty yet.
 * Unchecked: call {@link checkSchedule} once for a schedule used many times.
 *
 * Awb: 10 days = 10 × 23 = 230; 20 days = 14 × 23 + 6 × 35 = 532; 50 days = 42 days = 1,442.
 *
 * @param penaltyDays - Whole days since the penalty started to run (negative = not yet running).
 * @param schedule - The schedule, e.g. `PENALTY_SCHEDULE_AWB`.
 * @returns The penalty in euros, unrounded (whole-euro rates give whole euros).
 */
export function penaltyUnchecked(penaltyDays: number, schedule: PenaltySchedule): number {
  if (!(penaltyDays > 0)) return 0;
  let amount = 0;
  let from = 0;
  for (const b of schedule.blocks) {
    if (penaltyDays <= from) break;
    amount += (Math.min(penaltyDays, b.upToDay) - from) * b.perDay;
    from = b.upToDay;
  }
  return Math.min(amount, schedule.maxAmount);
}

/**
 * {@link penaltyUnchecked} with the checks: `penaltyDays` must be a whole number of days.
 *
 * @param argument - The argument name for messages (default `penaltyDays`).
 * @param row - The 1-based row within a range, for messages.
 * @throws CalcError `steerNotWholeDays`, `notFinite`, `steerScheduleInvalid`.
 */
export function penalty(
  penaltyDays: number,
  schedule: PenaltySchedule,
  argument = 'penaltyDays',
  row?: number,
): number {
  if (!Number.isFinite(penaltyDays))
    throw new CalcError('notFinite', { argument, row, received: String(penaltyDays) });
  if (!Number.isInteger(penaltyDays))
    throw new CalcError('steerNotWholeDays', { argument, row, received: String(penaltyDays) });
  return penaltyUnchecked(penaltyDays, checkSchedule(schedule));
}

/**
 * Days the penalty has run at a reference date for a case whose deadline passed `daysLate` days
 * ago: the notice of default follows the deadline after `daysToNotice` days, and the penalty runs
 * from `startDays` (two weeks) after the notice. Negative = not yet running.
 */
export function penaltyDaysFromLate(daysLate: number, daysToNotice: number, startDays: number): number {
  return daysLate - daysToNotice - startDays;
}
