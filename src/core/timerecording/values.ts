/**
 * Reading single field values of an export: numbers with a Dutch decimal comma, dates as
 * dd-mm-jjjj, and the grouping of dates into periods.
 *
 * A CSV is not a cell: a CSV field is text, whatever program wrote it, so "7,5" and "7.5" both
 * arrive as text and are read here. Values that come from a workbook table or an .xlsx arrive
 * typed (numbers, Excel date serials) and pass straight through.
 */
import type { PeriodKind } from './types';

const COMMA_DECIMAL = /^[+-]?\d+(,\d+)?$/;
const DOT_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const NL_THOUSANDS = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const EN_THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+\.\d+$/;

/**
 * Reads a number as typed in Dutch or English exports; `NaN` when it is not a number.
 *
 * Accepted: `7,5` and `7.5`; `1.234,5` (Dutch thousands dot); `1,234.5` (English thousands,
 * only with a decimal part). A lone comma is always a decimal comma (Dutch first), so `1,234`
 * reads as 1.234, not 1234. Blanks are `NaN`, never 0: a blank is not zero hours.
 */
export function parseNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value !== 'string') return NaN;
  // An export repeats few distinct texts ("7,5", "0,5"): remember them (bounded), so a
  // million-line import does not run the regular expressions a million times.
  const hit = NUMBER_CACHE.get(value);
  if (hit !== undefined) return hit;
  const x = readNumber(value);
  if (NUMBER_CACHE.size >= CACHE_LIMIT) NUMBER_CACHE.clear();
  NUMBER_CACHE.set(copyOf(value), x);
  return x;
}

/**
 * A copy of a string that shares no memory with the text it was cut from (V8 keeps a substring
 * as a view on its parent: a cached field would keep a whole chunk of the file alive).
 */
export function copyOf(s: string): string {
  return s.length === 0 ? '' : (JSON.parse(JSON.stringify(s)) as string);
}

const CACHE_LIMIT = 4096;
const NUMBER_CACHE = new Map<string, number>();

function readNumber(value: string): number {
  const s = value.trim().replace(/[\u00a0\u202f ]/g, '');
  if (s === '') return NaN;
  if (COMMA_DECIMAL.test(s)) return Number(s.replace(',', '.'));
  if (DOT_DECIMAL.test(s)) return Number(s);
  if (NL_THOUSANDS.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (EN_THOUSANDS.test(s)) return Number(s.replace(/,/g, ''));
  return NaN;
}

/** A calendar date as days since 1970-01-01 (UTC), so date arithmetic never meets time zones. */
export type DayNumber = number;

/** Days since 1970-01-01 of a valid y-m-d, or NaN when the date does not exist (31-02). */
export function dayNumber(y: number, m: number, d: number): DayNumber {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return NaN;
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return NaN;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== m - 1) return NaN;
  return t / 86400000;
}

/** y, m (1-12), d of a day number. */
export function ymd(day: DayNumber): [number, number, number] {
  const dt = new Date(day * 86400000);
  return [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
}

// Excel serial 25569 is 1970-01-01 (the 1900 date system, after Excel's fictitious 29-02-1900).
const EXCEL_EPOCH_OFFSET = 25569;

const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T].*)?$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/;

/**
 * Reads a date: `dd-mm-jjjj` (also with `/` or `.`, one-digit day/month allowed), ISO
 * `jjjj-mm-dd` (a time part is ignored), or an Excel date serial (number). NaN otherwise.
 * Slash dates are read day-first as in the Netherlands: 04/01/2021 is 4 January.
 */
export function parseDate(value: unknown): DayNumber {
  if (typeof value === 'number') {
    // Excel serials of 1900..2999; the fraction is a time of day and is dropped.
    if (!Number.isFinite(value) || value < 1 || value > 400000) return NaN;
    return Math.floor(value) - EXCEL_EPOCH_OFFSET;
  }
  if (typeof value !== 'string') return NaN;
  const s = value.trim();
  let m = DMY.exec(s);
  if (m) return dayNumber(Number(m[3]), Number(m[2]), Number(m[1]));
  m = YMD.exec(s);
  if (m) return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  return NaN;
}

/** ISO-8601 week-year and week (1..53) of a day. */
export function isoWeek(day: DayNumber): { year: number; week: number } {
  // ISO weeks start on Monday; the week belongs to the year of its Thursday.
  const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  const thursday = day - weekday + 3;
  const [year] = ymd(thursday);
  const jan1 = dayNumber(year, 1, 1);
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** Monday-based week index since the epoch (consecutive across years). */
export function weekIndex(day: DayNumber): number {
  return Math.floor((day + 3) / 7);
}

/**
 * The period index of a day: consecutive integers, so missing periods can be enumerated.
 * `period4w` follows the 13 four-week periods of the ISO year (week 53 falls in period 13).
 */
export function periodIndex(kind: PeriodKind, day: DayNumber): number {
  if (kind === 'isoWeek') return weekIndex(day);
  if (kind === 'month') {
    const [y, m] = ymd(day);
    return y * 12 + (m - 1);
  }
  const { year, week } = isoWeek(day);
  return year * 13 + Math.min(12, Math.floor((week - 1) / 4));
}

/** The label of a period index: `2021-P05`, `2021-03` or `2021-W09`. */
export function periodLabel(kind: PeriodKind, index: number): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  if (kind === 'isoWeek') {
    const { year, week } = isoWeek(index * 7 - 3);
    return `${year}-W${two(week)}`;
  }
  if (kind === 'month') return `${Math.floor(index / 12)}-${two((index % 12) + 1)}`;
  return `${Math.floor(index / 13)}-P${two((index % 13) + 1)}`;
}
