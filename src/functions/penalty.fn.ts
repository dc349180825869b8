import { CalcError } from '../core/errors';
import { PENALTY_SCHEDULE_AWB, type PenaltyBlock, type PenaltySchedule } from '../core/params/steering';
import { checkSchedule, penalty as penaltyCore } from '../core/steering/penalty';
import { isOmitted, shapeOf, toNumberGrid } from '../core/validate';
import { buildGrid } from './shapes';
import { finite, guard } from './toExcelError';

/**
 * Penalty per case for a late decision (Awb art. 4:17): each day since the penalty started to run costs its block's rate (23, 35, 45 euro a day in blocks of 14), at most 42 days and at most 1442 euro per case; the lower cap binds. Spills one amount per cell for a range.
 * @customfunction PENALTY
 * @param penaltyDays Whole days since the penalty started to run (two weeks after the notice of default): one cell or a range. 0 or fewer: no penalty yet. A blank cell counts as 0.
 * @param [schedule] Two columns: up to day, amount per day, one row per block (default 14/23, 28/35, 42/45). The last block's day is the cap in days; a row with a blank first cell sets the cap in euros per case.
 * @returns The penalty in euros per case, the same shape as penaltyDays.
 */
export function penalty(penaltyDays: any[][], schedule?: any[][]): any[][] {
  return guard('IND.PENALTY', () => {
    const s = isOmitted(schedule) ? PENALTY_SCHEDULE_AWB : readSchedule(schedule);
    const days = toNumberGrid(penaltyDays, 'penaltyDays', { sign: 'any' });
    return buildGrid(days, (i, row) =>
      finite(penaltyCore(days.data[i], s, 'penaltyDays', row), 'IND.PENALTY'),
    );
  });
}

/** Reads the schedule range: rows of (up to day, amount per day); a blank first cell = the cap in euros. */
function readSchedule(raw: unknown): PenaltySchedule {
  const { columns } = shapeOf(raw);
  if (columns !== 2)
    throw new CalcError('steerScheduleInvalid', {
      argument: 'schedule',
      reason: 'shape',
      received: String(columns),
    });
  const grid = toNumberGrid(raw, 'schedule', { blank: 'nan', sign: 'any' });
  const blocks: PenaltyBlock[] = [];
  let maxAmount = Infinity;
  for (let r = 0; r < grid.rows; r++) {
    const upTo = grid.data[2 * r];
    const perDay = grid.data[2 * r + 1];
    if (Number.isNaN(upTo) && Number.isNaN(perDay)) continue;
    if (Number.isNaN(upTo)) {
      maxAmount = perDay;
      continue;
    }
    if (Number.isNaN(perDay))
      throw new CalcError('blankValue', { argument: 'schedule', row: r + 1, column: 2 });
    blocks.push({ upToDay: upTo, perDay });
  }
  return checkSchedule({ blocks, maxAmount }, 'schedule');
}
