/**
 * The calendar of the steering cycle: 13 four-week periods a year (reference §2), each mapped to
 * a month and a four-month report (*tertaal*: T1 = January–April, T2 = May–August, T3 =
 * September–December). Period p of ISO year Y holds ISO weeks 4p − 3 … 4p; week 53, when the
 * year has one, belongs to period 13. A period's month is the month of its middle day (the 14th
 * of 28 days), so two periods fall in one month once a year; the table is editable.
 */
import { CalcError } from '../errors';
import { cellText } from '../funding/cells';
import { dayNumber, parseDate, ymd, type DayNumber } from '../timerecording/values';
import { PERIODS_PER_YEAR } from '../params/steering';

export type { DayNumber } from '../timerecording/values';
export { parseDate, dayNumber } from '../timerecording/values';

/** One period of the calendar. Dates are day numbers (days since 1970-01-01, UTC). */
export interface CalendarPeriod {
  /** 1 … 13. */
  period: number;
  /** e.g. "2026-P05". */
  label: string;
  start: DayNumber;
  end: DayNumber;
  /** 1 … 12. */
  month: number;
  /** 1 … 3. */
  tertaal: number;
}

/** A year's 13 periods, in order. */
export interface Calendar {
  year: number;
  periods: CalendarPeriod[];
}

/** Excel's serial of a day number (the 1900 date system): 1970-01-01 is 25569. */
export function excelSerial(day: DayNumber): number {
  return day + 25569;
}

/** "dd-mm-jjjj" of a day number, for messages and labels. */
export function formatDay(day: DayNumber): string {
  const [y, m, d] = ymd(day);
  return `${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}-${y}`;
}

/** The tertaal (1–3) of a month (1–12). */
export function tertaalOfMonth(month: number): number {
  return Math.floor((month - 1) / 4) + 1;
}

/** The period label "2026-P05". */
export function periodLabel(year: number, period: number): string {
  return `${year}-P${String(period).padStart(2, '0')}`;
}

/** Monday of ISO week 1 of `year`. */
function isoYearStart(year: number): DayNumber {
  const jan4 = dayNumber(year, 1, 4);
  const weekday = (((jan4 + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  return jan4 - weekday;
}

/**
 * The default calendar of an ISO year.
 * @throws CalcError `notAWholeNumber` for a year outside 1901–2998.
 */
export function buildCalendar(year: number): Calendar {
  if (!Number.isInteger(year) || year < 1901 || year > 2998)
    throw new CalcError('notAWholeNumber', { argument: 'year', received: String(year), min: 1901 });
  const start = isoYearStart(year);
  const next = isoYearStart(year + 1);
  const periods: CalendarPeriod[] = [];
  for (let p = 1; p <= PERIODS_PER_YEAR; p++) {
    const s = start + (p - 1) * 28;
    const e = p === PERIODS_PER_YEAR ? next - 1 : s + 27;
    const [, month] = ymd(s + 13);
    periods.push({
      period: p,
      label: periodLabel(year, p),
      start: s,
      end: e,
      month,
      tertaal: tertaalOfMonth(month),
    });
  }
  return { year, periods };
}

/** The ISO year whose calendar holds `day`. */
export function calendarYearOf(day: DayNumber): number {
  const [y] = ymd(day);
  if (day < isoYearStart(y)) return y - 1;
  if (day >= isoYearStart(y + 1)) return y + 1;
  return y;
}

/**
 * The 1-based period that holds `day`: 0 before the calendar, 14 after it.
 * Binary search, as it runs once per case on exports of hundreds of thousands of rows.
 */
export function periodOf(cal: Calendar, day: DayNumber): number {
  const ps = cal.periods;
  if (day < ps[0].start) return 0;
  if (day > ps[ps.length - 1].end) return ps.length + 1;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (day > ps[mid].end) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** Periods completed at the end of `day` (a period is complete on its last day). */
export function completedPeriods(cal: Calendar, day: DayNumber): number {
  let k = 0;
  for (const p of cal.periods) if (p.end <= day) k++;
  return k;
}

/** Reads a tertaal cell: 1–3, "T1"–"T3" or "2026-T2". NaN otherwise. */
function readTertaal(v: unknown): number {
  if (typeof v === 'number') return v;
  const m = /(?:^|T)([123])$/i.exec(cellText(v).trim());
  return m ? Number(m[1]) : NaN;
}

/**
 * Reads back a calendar table the user may have edited: 13 rows of (period, label, start, end,
 * month, tertaal), consecutive (each start is the previous end + 1 day), months 1–12, tertalen 1–3.
 *
 * @param rows - The table's data rows in the order of {@link CALENDAR_HEADERS}.
 * @param table - The table name for messages.
 * @throws CalcError `steerCalendarInvalid` naming the row and what is wrong; `steerBadDate`.
 */
export function readCalendar(rows: readonly (readonly unknown[])[], table: string): Calendar {
  if (rows.length !== PERIODS_PER_YEAR)
    throw new CalcError('steerCalendarInvalid', {
      argument: table,
      reason: 'count',
      received: String(rows.length),
    });
  const periods: CalendarPeriod[] = rows.map((r, i) => {
    const date = (v: unknown, column: string): DayNumber => {
      const d = parseDate(v);
      if (Number.isNaN(d))
        throw new CalcError('steerBadDate', {
          file: table,
          row: i + 1,
          argument: column,
          received: cellText(v),
        });
      return d;
    };
    const start = date(r[2], CALENDAR_HEADERS[2]);
    const end = date(r[3], CALENDAR_HEADERS[3]);
    if (start > end)
      throw new CalcError('steerCalendarInvalid', { argument: table, row: i + 1, reason: 'range' });
    const month = Number(r[4]);
    if (!Number.isInteger(month) || month < 1 || month > 12)
      throw new CalcError('steerCalendarInvalid', {
        argument: table,
        row: i + 1,
        reason: 'month',
        received: String(r[4]),
      });
    const tertaal = readTertaal(r[5]);
    if (!(tertaal >= 1 && tertaal <= 3))
      throw new CalcError('steerCalendarInvalid', {
        argument: table,
        row: i + 1,
        reason: 'tertaal',
        received: cellText(r[5]),
      });
    return { period: i + 1, label: cellText(r[1]).trim(), start, end, month, tertaal };
  });
  for (let i = 1; i < periods.length; i++) {
    if (periods[i].start !== periods[i - 1].end + 1)
      throw new CalcError('steerCalendarInvalid', {
        argument: table,
        row: i + 1,
        reason: 'order',
        received: String(i + 1),
      });
  }
  return { year: calendarYearOf(periods[6].start), periods };
}

/** Headers of the calendar table, in order. */
export const CALENDAR_HEADERS = ['Periode', 'Label', 'Begin', 'Einde', 'Maand', 'Tertaal'] as const;

/**
 * The end of the k-th coming period (k = 1 is the rest of the current one); past the year's last
 * period, each next period ends `weeksPerPeriod` weeks later.
 */
export function comingPeriodEnds(
  cal: Calendar,
  peil: DayNumber,
  horizon: number,
  weeksPerPeriod = 4,
): DayNumber[] {
  const current = periodOf(cal, peil);
  const out: DayNumber[] = [];
  let end = cal.periods[Math.min(Math.max(current, 1), cal.periods.length) - 1].end;
  for (let k = 1; k <= horizon; k++) {
    const idx = current + k - 1;
    if (k > 1)
      end = idx >= 1 && idx <= cal.periods.length ? cal.periods[idx - 1].end : end + 7 * weeksPerPeriod;
    out.push(end);
  }
  return out;
}
