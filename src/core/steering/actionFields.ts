/**
 * The stored columns the action tables gain (see `actionLoop.ts` for the live flags). Kept apart
 * from the flag formulas so that `src/core/funding/actions.ts` can read them back on carry-over
 * without an import cycle.
 */
import { findOptionalColumn } from '../funding/cells';
import { isBlank } from '../input';

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
