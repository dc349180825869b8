/**
 * Year-end forecast (*prognose jaareinde*) of a flow such as cases decided, two ways.
 */
import { CalcError } from '../errors';
import { checkNonNegative, checkWholeNumber } from '../validate';

/** How the remaining periods are filled: the realised rate so far, or the capacity per period. */
export type YearEndMethod = 'trend' | 'capacity';

/** Reads a method name: trend / capacity (Dutch: trend / capaciteit). @throws CalcError `steerUnknownMethod`. */
export function parseYearEndMethod(text: string, argument = 'method'): YearEndMethod {
  const t = text.trim().toLowerCase();
  if (t === 'trend') return 'trend';
  if (t === 'capacity' || t === 'capaciteit') return 'capacity';
  throw new CalcError('steerUnknownMethod', { argument, received: text });
}

/** Options of {@link yearEnd}. */
export interface YearEndOptions {
  /** Periods in the year, a whole number ≥ 1 (default 13 four-week periods). */
  periodsInYear?: number;
  method?: YearEndMethod;
  /** Cases (or hours) per period the capacity allows; required for `capacity`. */
  capacityPerPeriod?: number;
}

/**
 * realisedToDate + (periodsInYear − periodsDone) × rate, where rate = realisedToDate / periodsDone
 * for `trend` (the realised rate carried forward) and rate = capacityPerPeriod for `capacity`
 * (staff available × direct ratio × norm times, computed on the sheet).
 *
 * @param realisedToDate - Realised so far (e.g. cases decided in the completed periods), ≥ 0.
 * @param periodsDone - Completed periods, a whole number from 0 (1 for `trend`) to periodsInYear.
 * @returns The forecast for the whole year, unrounded.
 * @throws CalcError `negativeValue`, `notAWholeNumber`, `steerPeriodsDone`, `steerCapacityMissing`.
 */
export function yearEnd(realisedToDate: number, periodsDone: number, opts: YearEndOptions = {}): number {
  checkNonNegative(realisedToDate, 'realisedToDate');
  const periodsInYear = checkWholeNumber(opts.periodsInYear ?? 13, 'periodsInYear', 1);
  const method = opts.method ?? 'trend';
  // Signs first, as every function reports them (a negative number is `negativeValue`), also for
  // a capacity the trend method does not use: a wrong input is never silently ignored.
  checkNonNegative(periodsDone, 'periodsDone');
  if (opts.capacityPerPeriod !== undefined) checkNonNegative(opts.capacityPerPeriod, 'capacityPerPeriod');
  checkWholeNumber(periodsDone, 'periodsDone', 0);
  if (periodsDone > periodsInYear)
    throw new CalcError('steerPeriodsDone', {
      argument: 'periodsDone',
      received: String(periodsDone),
      max: periodsInYear,
    });
  const remaining = periodsInYear - periodsDone;
  if (method === 'trend') {
    if (periodsDone === 0)
      throw new CalcError('steerPeriodsDone', { argument: 'periodsDone', received: '0', max: periodsInYear });
    return realisedToDate + (remaining * realisedToDate) / periodsDone;
  }
  if (opts.capacityPerPeriod === undefined)
    throw new CalcError('steerCapacityMissing', { argument: 'capacityPerPeriod' });
  return realisedToDate + remaining * opts.capacityPerPeriod;
}
