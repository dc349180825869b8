/**
 * Validation of simulator input: series of hours per period and the numeric parameters.
 * Every failure throws a `CalcError` from the one catalogue, naming the argument, the row,
 * what was expected and what was received.
 */
import { CalcError } from '../errors';

/**
 * Parses one number as users type it: Dutch (83.000,5), plain (83000.5) or a real number.
 * Returns `undefined` when the text is not a number. Never used for display.
 */
export function parseLocaleNumber(text: string): number | undefined {
  const s = text.replace(/[\s\u00a0]/g, '');
  if (s === '') return undefined;
  let normal: string;
  if (s.includes(',')) {
    // A comma means Dutch notation: dots are thousands separators, the comma is the decimal mark.
    if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(s) && !/^-?\d+(,\d+)?$/.test(s)) return undefined;
    normal = s.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) {
    // "83.000" is a Dutch thousands group, not 83 — workload is never typed with 3 decimals.
    normal = s.replace(/\./g, '');
  } else {
    if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
    normal = s;
  }
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
}

/** True for the values Excel and Office.js use for an empty cell. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * Reads a series of hours from cell values (one per period, first period = row 1).
 * Trailing blanks are ignored (a selected column is often longer than the data); a blank
 * BETWEEN values is a missing period. Text is rejected, negative values too.
 *
 * @param cells - one value per period, as read from a column or parsed from pasted text
 * @param argument - the name the user sees, e.g. "Werklast (uren)"
 * @param firstRow - the sheet row of the first value, so messages point at the real row
 * @throws CalcError scenarioSeriesEmpty | scenarioMissingPeriod | scenarioNotNumber | scenarioNegative
 */
export function readSeries(cells: readonly unknown[], argument: string, firstRow = 1): number[] {
  let last = cells.length - 1;
  while (last >= 0 && isBlank(cells[last])) last--;
  if (last < 0) throw new CalcError('scenarioSeriesEmpty', { argument });
  const out: number[] = [];
  for (let i = 0; i <= last; i++) {
    const v = cells[i];
    const row = firstRow + i;
    if (isBlank(v)) {
      throw new CalcError('scenarioMissingPeriod', {
        argument,
        row,
        period: i + 1,
        received: 'leeg / blank',
      });
    }
    let n: number | undefined;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string') n = parseLocaleNumber(v);
    else if (typeof v === 'boolean') n = undefined;
    if (n === undefined || !Number.isFinite(n)) {
      throw new CalcError('scenarioNotNumber', { argument, row, received: String(v) });
    }
    if (n < 0) throw new CalcError('scenarioNegative', { argument, row, received: String(n) });
    out.push(n);
  }
  return out;
}

/**
 * Checks that explicit period numbers run 1, 2, 3, … without gaps or repeats, so that a
 * pasted table with a skipped period is caught instead of silently shifting the series.
 *
 * @throws CalcError scenarioMissingPeriod (a gap) | scenarioOutOfRange (a repeat or a step back)
 */
export function checkPeriodNumbers(periods: readonly number[], argument = 'Periode', firstRow = 1): void {
  for (let i = 0; i < periods.length; i++) {
    const expected = (periods[0] ?? 1) + i;
    const got = periods[i];
    if (got === expected) continue;
    if (got > expected) {
      throw new CalcError('scenarioMissingPeriod', {
        argument,
        row: firstRow + i,
        period: expected,
        received: `periode ${got} / period ${got}`,
      });
    }
    throw new CalcError('scenarioOutOfRange', {
      argument,
      row: firstRow + i,
      expected: `periode ${expected} / period ${expected}`,
      received: String(got),
    });
  }
}

/**
 * Checks a number parameter: finite and within [min, max].
 * @throws CalcError scenarioOutOfRange
 */
export function checkRange(value: number, argument: string, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new CalcError('scenarioOutOfRange', {
      argument,
      expected: `${min} – ${Number.isFinite(max) ? max : '∞'}`,
      received: String(value),
    });
  }
}

/**
 * Checks a fraction in [0, 1]. A value in (1, 100] gets its own message, because typing
 * 9.5 for 9.5% (instead of 0.095) is the typical mistake.
 * @throws CalcError scenarioRatioAsPercent | scenarioOutOfRange
 */
export function checkFraction(value: number, argument: string): void {
  if (Number.isFinite(value) && value > 1 && value <= 100) {
    throw new CalcError('scenarioRatioAsPercent', {
      argument,
      received: String(value),
      suggestion: String(value / 100),
    });
  }
  checkRange(value, argument, 0, 1);
}

/**
 * Checks floor ≤ cap (a cap of `Infinity` means no cap).
 * @throws CalcError scenarioFloorAboveCap
 */
export function checkFloorCap(floor: number, cap: number): void {
  if (floor > cap) throw new CalcError('scenarioFloorAboveCap', { floor, cap });
}

/**
 * Checks a whole number (a count of periods).
 * @throws CalcError scenarioOutOfRange
 */
export function checkWhole(value: number, argument: string): void {
  if (!Number.isInteger(value)) {
    throw new CalcError('scenarioOutOfRange', {
      argument,
      expected: 'een geheel getal / a whole number',
      received: String(value),
    });
  }
}
