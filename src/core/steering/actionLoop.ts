/**
 * Actions that close the loop (*acties die de cirkel rond maken*, reference §8: reports explained
 * but never acted). The action table of the reconciliation (`src/core/funding/actions.ts`) and of
 * the steering cycle gains five columns:
 * - *Koppeling*: the variance or KPI the action answers, as a sheet reference ("IND KPI!F12");
 * - *Benodigde capaciteit (uren)*: an estimate of the capacity the action needs (an input; the
 *   steering cycle pre-fills a production shortfall × norm time);
 * - *Achterstallig* (overdue) and *Terugkerend* (recurring): live formulas, see
 *   {@link overdueFormula} and {@link recurringFormula};
 * - *Historie*: where a row came from; carry-over appends to it and never overwrites.
 */
import { CLOSED_STATUSES } from '../funding/actions';
import { findOptionalColumn, isBlank } from '../funding/cells';

/** The extra headers, in order, after the action table's own. */
export const LOOP_HEADERS = [
  'Koppeling (verschil of KPI)',
  'Benodigde capaciteit (uren)',
  'Achterstallig',
  'Terugkerend',
  'Historie',
] as const;

/** English equivalents accepted when reading a table back. */
const LOOP_HEADERS_EN = [
  'Link (variance or KPI)',
  'Capacity needed (hours)',
  'Overdue',
  'Recurring',
  'History',
];

/** The stored (non-formula) loop fields of one action. */
export interface ActionLoopFields {
  /** "Sheet!A1" of the variance or KPI the action answers ('' = none). */
  link: string;
  /** Hours the action needs ('' = not estimated). */
  capacityHours: number | string;
  /** Provenance, e.g. "aangemaakt 2026-T1; overgenomen uit IND_Acties_2026_T1 (Open)". */
  history: string;
}

/** A sheet reference "Sheet!B12" for the link column (no quotes: it is text, not a formula). */
export function linkTo(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/** The history text of a new row. */
export function createdHistory(period: string, lang: 'nl' | 'en' = 'nl'): string {
  return lang === 'nl' ? `aangemaakt ${period}` : `created ${period}`;
}

/**
 * Reads the loop fields of one row of an existing action table, for carry-over. A table written
 * before these columns existed has none: its rows get empty fields. The history gains the table
 * the row is carried from and its status then, so that every carry-over is traceable.
 */
export function readLoopFields(
  headers: readonly unknown[],
  row: readonly unknown[],
  fromTable: string,
  status: string,
): ActionLoopFields {
  const col = (i: number): number => findOptionalColumn(headers, [LOOP_HEADERS[i], LOOP_HEADERS_EN[i]]);
  const cell = (i: number): unknown => (col(i) >= 0 ? row[col(i)] : '');
  const text = (v: unknown): string => (isBlank(v) ? '' : String(v));
  const capacity = cell(1);
  const before = text(cell(4));
  const step = `overgenomen uit ${fromTable} (${status})`;
  return {
    link: text(cell(0)),
    capacityHours: typeof capacity === 'number' ? capacity : text(capacity),
    history: before === '' ? step : `${before}; ${step}`,
  };
}

/** Excel's test "this status closes the action": the one list of closed statuses, case-insensitive. */
export function closedTest(statusRef: string): string {
  const list = CLOSED_STATUSES.map((s) => `"${s}"`).join(',');
  return `ISNUMBER(MATCH(LOWER(TRIM(${statusRef})),{${list}},0))`;
}

/**
 * *Achterstallig*: the due date has passed (before today) and the status does not close the
 * action. A due date typed as text is not a date and never overdue.
 */
export function overdueFormula(yes: string): string {
  return `=IF(AND(ISNUMBER([@Vervaldatum]),N([@Vervaldatum])<TODAY(),NOT(${closedTest('[@Status]')})),"${yes}","")`;
}

/**
 * *Terugkerend*: the same variance (same text in *Verschil*) was material in two or more periods
 * (another row of the table with this variance has another *Periode*) and no row of it is closed.
 * @param table - The action table's name (structured references need it outside the row).
 */
export function recurringFormula(table: string, yes: string): string {
  const v = `${table}[Verschil]`;
  const closedRows = `SUMPRODUCT((${v}=[@Verschil])*${closedTest(`${table}[Status]`)})`;
  return `=IF(AND(COUNTIFS(${v},[@Verschil],${table}[Periode],"<>"&[@Periode])>0,${closedRows}=0),"${yes}","")`;
}

/** Whether a status closes an action (the same list the formulas use). */
export function isClosedStatus(status: unknown): boolean {
  return !isBlank(status) && CLOSED_STATUSES.includes(String(status).trim().toLowerCase());
}

/** The core's reading of the two flags, for tests and summaries (`today` as a day number). */
export function loopFlags(
  rows: readonly { variance: string; period: string; due: number | string; status: string }[],
  today: number,
): { overdue: boolean; recurring: boolean }[] {
  return rows.map((r) => {
    const closed = isClosedStatus(r.status);
    const overdue = typeof r.due === 'number' && r.due < today && !closed;
    const same = rows.filter((x) => x.variance === r.variance);
    const recurring = same.some((x) => x.period !== r.period) && !same.some((x) => isClosedStatus(x.status));
    return { overdue, recurring };
  });
}

/** The name of the steering cycle's action table for a period, and its prefix. */
export const STEERING_ACTION_PREFIX = 'IND_StuurActies_';

/** The previous table among `names` with `prefix`: the last whose name sorts before `current`. */
export function previousTable(names: readonly string[], prefix: string, current: string): string | undefined {
  return names
    .filter((n) => n.startsWith(prefix) && n !== current && n < current)
    .sort()
    .pop();
}
