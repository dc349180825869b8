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
import { isBlank } from '../input';

export { LOOP_HEADERS, createdHistory, linkTo, readLoopFields, type ActionLoopFields } from './actionFields';

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
