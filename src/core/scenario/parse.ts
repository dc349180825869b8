/**
 * Parsing of a workload series pasted from Excel or typed: one period per line, columns
 * separated by tabs (Excel's clipboard) or semicolons, Dutch decimal commas allowed.
 */
import { CalcError } from '../errors';
import { checkPeriodNumbers, isBlank, parseLocaleNumber, readSeries } from './validate';

/** A parsed series: workload per period and, when a column was given, the forecast. */
export interface ParsedSeries {
  workload: number[];
  /** Expected workload per period (*prognose*), when the paste had that column. */
  forecast?: number[];
}

/**
 * Parses pasted text. Accepted shapes, one period per line:
 * - `83000` (workload only);
 * - `83000<TAB>70000` (workload, forecast);
 * - `1<TAB>83000[<TAB>70000]` (period number first: detected when the first column runs 1, 2, 3 …
 *   or skips a number, and then checked for gaps).
 * A first line without numbers is taken as a header and skipped. Blank lines at the end are
 * ignored; a blank line in the middle is a missing period.
 *
 * @throws CalcError scenarioPasteNoNumbers | scenarioMissingPeriod | scenarioNotNumber | scenarioNegative
 */
export function parsePastedSeries(
  text: string,
  workloadName = 'Werklast',
  forecastName = 'Prognose',
): ParsedSeries {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const rows = lines.map((l) => (l.includes('\t') ? l.split('\t') : l.split(';')).map((c) => c.trim()));
  let start = 0;
  if (rows.length > 0 && rows[0].every((c) => c === '' || parseLocaleNumber(c) === undefined)) start = 1;
  const body = rows.slice(start);
  if (body.length === 0 || body.every((r) => r.every((c) => parseLocaleNumber(c) === undefined))) {
    throw new CalcError('scenarioPasteNoNumbers', { received: text.slice(0, 30) });
  }
  const width = Math.max(...body.map((r) => r.length));
  const col = (j: number): string[] => body.map((r) => r[j] ?? '');
  let offset = 0;
  if (width >= 2) {
    // A first column of small whole numbers that mostly step by one is a period column.
    const first = col(0).map((c) => parseLocaleNumber(c));
    const looksLikePeriods =
      first.every((n) => n !== undefined && Number.isInteger(n) && n >= 0 && n < 10000) &&
      first.length > 1 &&
      first[1]! > first[0]! &&
      Math.max(...col(1).map((c) => parseLocaleNumber(c) ?? 0)) > Math.max(...(first as number[]));
    if (looksLikePeriods) {
      checkPeriodNumbers(first as number[], 'Periode', start + 1);
      offset = 1;
    }
  }
  const workload = readSeries(col(offset), workloadName, start + 1);
  const forecastCells = col(offset + 1);
  const hasForecast = width > offset + 1 && forecastCells.some((c) => !isBlank(c));
  if (!hasForecast) return { workload };
  const forecast = readSeries(forecastCells, forecastName, start + 1);
  return { workload, forecast };
}
