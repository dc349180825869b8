/**
 * Shapes shared by the norm-time and volume validators. Pure: no Office, no DOM.
 */
import type { ErrorCode, ErrorDetails } from '../errors';

/** One cell value as a spreadsheet reports it (mirrors the task pane's `CellValue`). */
export type Cell = string | number | boolean | null;

/**
 * How serious a problem is. An `error` blocks writing. A `warning` (an implausible but
 * possible value, e.g. minutes that look like hours) is shown and must be acknowledged.
 */
export type Severity = 'error' | 'warning';

/** One problem found in the user's data, with a catalogue code and the details its message needs. */
export interface Issue {
  code: ErrorCode;
  severity: Severity;
  details: ErrorDetails;
}

/**
 * One normalised norm time (*normtijd*): the standard handling minutes per case of a product,
 * for one version of the norm set (e.g. "2021" or "na tijdschrijven").
 */
export interface NormRow {
  /** Product code, trimmed; numbers stay numbers so that Excel lookups keep their type. */
  code: string | number;
  name: string;
  /** Minutes per case, exactly as typed (never rounded). */
  minutes: number;
  /** Year from which the norm applies, or null when not given. */
  validFrom: number | null;
  version: string;
}

/** A rectangular range read from the workbook. */
export interface RangeInput {
  sheet: string;
  /** Address without sheet, e.g. 'A1:C9'. Only its top-left cell is used. */
  address: string;
  values: Cell[][];
}

/** Outcome of a validation: the clean rows and every problem, in reading order. */
export interface Validated<T> {
  rows: T[];
  issues: Issue[];
}

/** True when at least one issue blocks writing. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
