/**
 * Reads the steering cycle's parameter tables back from the workbook (as the gateway returns
 * them: headers and rows of values) into the core's types. Columns are found by their Dutch
 * header, so a user who moved a column loses nothing; every number cell is checked and a bad
 * one is named with its table, column and row. Pure.
 */
import { CalcError } from '../../../core/errors';
import { cellText, headerKey } from '../../../core/funding/cells';
import { isBlank, readCellNumber } from '../../../core/input';
import type { PenaltyBlock, PenaltySchedule } from '../../../core/params/steering';
import { CALENDAR_HEADERS, readCalendar, type Calendar } from '../../../core/steering/calendar';
import { checkSchedule } from '../../../core/steering/penalty';
import type { CellValue } from '../../host/types';
import {
  CAPACITY_HEADERS,
  DEADLINE_HEADERS,
  PARAM_HEADERS,
  SCHEDULE_HEADERS,
  ST_NAMES,
  ST_TABLES,
  TEAM_HEADERS,
} from './names';
import { GENERAL_PARAMS } from './parametersPlan';

/** A table as read: its name, headers and data rows. */
export interface TableRows {
  name: string;
  headers: readonly string[];
  rows: readonly (readonly CellValue[])[];
}

/** The index of each wanted column, or `steerTableColumn`. */
function columns(t: TableRows, wanted: readonly string[]): number[] {
  const keys = t.headers.map(headerKey);
  return wanted.map((w) => {
    const i = keys.indexOf(headerKey(w));
    if (i < 0)
      throw new CalcError('steerTableColumn', {
        argument: t.name,
        expected: w,
        received: t.headers.join(', '),
      });
    return i;
  });
}

/** The general parameters by key. */
export type GeneralValues = Record<keyof typeof ST_NAMES, number>;

/**
 * Reads `IND_St_Parameters` by its key column.
 * @throws CalcError `steerTableColumn`, `blankValue`, `notANumber` naming the parameter.
 */
export function readGeneral(t: TableRows): Partial<GeneralValues> {
  const [key, label, value] = columns(t, [PARAM_HEADERS[0], PARAM_HEADERS[1], PARAM_HEADERS[2]]);
  const out: Partial<GeneralValues> = {};
  t.rows.forEach((r, i) => {
    const k = cellText(r[key]).trim() as keyof typeof ST_NAMES;
    if (!GENERAL_PARAMS.some((p) => p.key === k)) return;
    out[k] = readCellNumber(
      r[value],
      { argument: `${t.name} · ${cellText(r[label]) || k}`, row: i + 1 },
      { sign: 'nonNegative' },
    );
  });
  for (const p of GENERAL_PARAMS) {
    if (out[p.key] === undefined)
      throw new CalcError('steerTableColumn', {
        argument: t.name,
        expected: p.key,
        received: t.rows.map((r) => cellText(r[key])).join(', '),
      });
  }
  return out;
}

/**
 * Reads the penalty schedule: rows of (up to day, amount per day); a row with a blank first cell
 * holds the cap in euros per case.
 * @throws CalcError `steerScheduleInvalid`, `notANumber`, `blankValue`.
 */
export function readScheduleTable(t: TableRows): PenaltySchedule {
  const [day, amount] = columns(t, [SCHEDULE_HEADERS[0], SCHEDULE_HEADERS[1]]);
  const blocks: PenaltyBlock[] = [];
  let maxAmount = Infinity;
  t.rows.forEach((r, i) => {
    if (isBlank(r[day]) && isBlank(r[amount])) return;
    const a = readCellNumber(
      r[amount],
      { argument: `${t.name} · ${SCHEDULE_HEADERS[1]}`, row: i + 1 },
      { sign: 'nonNegative' },
    );
    if (isBlank(r[day])) maxAmount = a;
    else
      blocks.push({
        upToDay: readCellNumber(
          r[day],
          { argument: `${t.name} · ${SCHEDULE_HEADERS[0]}`, row: i + 1 },
          { sign: 'nonNegative' },
        ),
        perDay: a,
      });
  });
  return checkSchedule({ blocks, maxAmount }, t.name);
}

/**
 * Reads the deadline table: one term (> 0 days) per product.
 * @throws CalcError `steerDuplicateProduct`, `blankValue`, `notANumber`, `steerTermNotPositive`.
 */
export function readDeadlines(t: TableRows): Map<string, number> {
  const [product, term] = columns(t, [DEADLINE_HEADERS[0], DEADLINE_HEADERS[2]]);
  const out = new Map<string, number>();
  const first = new Map<string, number>();
  t.rows.forEach((r, i) => {
    const p = cellText(r[product]).trim();
    if (p === '') return;
    const row = i + 1;
    if (first.has(p))
      throw new CalcError('steerDuplicateProduct', {
        argument: t.name,
        received: p,
        firstRow: first.get(p),
        row,
      });
    first.set(p, row);
    const days = readCellNumber(
      r[term],
      { argument: `${t.name} · ${DEADLINE_HEADERS[2]} (${p})`, row },
      { sign: 'any' },
    );
    if (!(days > 0))
      throw new CalcError('steerTermNotPositive', {
        argument: `${t.name} · ${p}`,
        row,
        received: String(days),
      });
    out.set(p, days);
  });
  return out;
}

/** Capacity of one product. */
export interface ProductCapacity {
  fte: number;
  normMinutes: number;
}

/**
 * Reads the capacity table for the products that need it (blank rows of other products are fine).
 * @throws CalcError `steerTableColumn`, `blankValue`, `notANumber`, `negativeValue`.
 */
export function readCapacity(t: TableRows, needed: readonly string[]): Map<string, ProductCapacity> {
  const [product, fte, norm] = columns(t, [CAPACITY_HEADERS[0], CAPACITY_HEADERS[1], CAPACITY_HEADERS[2]]);
  const out = new Map<string, ProductCapacity>();
  t.rows.forEach((r, i) => {
    const p = cellText(r[product]).trim();
    if (p === '' || !needed.includes(p)) return;
    const row = i + 1;
    const normMinutes = readCellNumber(
      r[norm],
      { argument: `${t.name} · ${CAPACITY_HEADERS[2]} (${p})`, row },
      { sign: 'nonNegative' },
    );
    if (normMinutes === 0)
      throw new CalcError('negativeValue', {
        argument: `${t.name} · ${CAPACITY_HEADERS[2]} (${p})`,
        row,
        received: '0',
        strict: 'yes',
      });
    out.set(p, {
      fte: readCellNumber(
        r[fte],
        { argument: `${t.name} · ${CAPACITY_HEADERS[1]} (${p})`, row },
        { sign: 'nonNegative' },
      ),
      normMinutes,
    });
  });
  for (const p of needed) {
    if (!out.has(p)) throw new CalcError('steerMissingCapacity', { argument: t.name, received: p });
  }
  return out;
}

/** Reads the team table (team → fte, norm per fte per period); blank rows are skipped. */
export function readTeams(t: TableRows): Map<string, { fte: number; norm: number }> {
  const [team, fte, norm] = columns(t, [TEAM_HEADERS[0], TEAM_HEADERS[1], TEAM_HEADERS[2]]);
  const out = new Map<string, { fte: number; norm: number }>();
  t.rows.forEach((r, i) => {
    const name = cellText(r[team]).trim();
    if (name === '' || (isBlank(r[fte]) && isBlank(r[norm]))) return;
    out.set(name, {
      fte: readCellNumber(
        r[fte],
        { argument: `${t.name} · ${TEAM_HEADERS[1]} (${name})`, row: i + 1 },
        { sign: 'nonNegative' },
      ),
      norm: readCellNumber(
        r[norm],
        { argument: `${t.name} · ${TEAM_HEADERS[2]} (${name})`, row: i + 1 },
        { sign: 'nonNegative' },
      ),
    });
  });
  return out;
}

/** Reads the calendar table in the order of its own headers. */
export function readCalendarTable(t: TableRows): Calendar {
  const idx = columns(t, CALENDAR_HEADERS);
  return readCalendar(
    t.rows.map((r) => idx.map((i) => r[i])),
    t.name,
  );
}

/** Every parameter the cycle needs, read and checked. */
export interface SteeringParameters {
  general: GeneralValues;
  schedule: PenaltySchedule;
  terms: Map<string, number>;
  capacityTable: TableRows;
  teams: Map<string, { fte: number; norm: number }>;
  calendar: Calendar;
}

/** The tables the cycle reads, by name. */
export const PARAMETER_TABLES = [
  ST_TABLES.params,
  ST_TABLES.schedule,
  ST_TABLES.deadlines,
  ST_TABLES.capacity,
  ST_TABLES.teams,
  ST_TABLES.calendar,
] as const;

/**
 * Reads all parameter tables. `get` returns a table or undefined when it is missing.
 * @throws CalcError `steerTableMissing` and the readers' errors.
 */
export function readParameters(get: (name: string) => TableRows | undefined): SteeringParameters {
  const need = (name: string): TableRows => {
    const t = get(name);
    if (!t) throw new CalcError('steerTableMissing', { argument: name });
    return t;
  };
  return {
    general: readGeneral(need(ST_TABLES.params)) as GeneralValues,
    schedule: readScheduleTable(need(ST_TABLES.schedule)),
    terms: readDeadlines(need(ST_TABLES.deadlines)),
    capacityTable: need(ST_TABLES.capacity),
    teams: readTeams(need(ST_TABLES.teams)),
    calendar: readCalendarTable(need(ST_TABLES.calendar)),
  };
}
