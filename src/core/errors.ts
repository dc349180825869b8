/**
 * The typed error of the pure core. Every validation failure throws a `CalcError` that says
 * which argument, which row, what was expected and what was received; the adapters turn it
 * into a `CustomFunctions.Error`, the task pane shows it, and the CLI prints it.
 */
import { catalogue, type ErrorCode, type ErrorDetails, type ExcelErrorKind, type Lang } from './messages';

export type { ErrorCode, ErrorDetails, ExcelErrorKind, Lang } from './messages';

/** A validation or calculation error with a code from the one catalogue. */
export class CalcError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  readonly excel: ExcelErrorKind;

  constructor(code: ErrorCode, details: ErrorDetails = {}) {
    super(formatError(code, details, 'en'));
    this.name = 'CalcError';
    this.code = code;
    this.details = details;
    this.excel = catalogue[code].excel;
  }

  /** The message in the given language. */
  messageIn(lang: Lang): string {
    return formatError(this.code, this.details, lang);
  }
}

/** Formats the catalogue message of `code` in `lang`. */
export function formatError(code: ErrorCode, details: ErrorDetails, lang: Lang): string {
  const def = catalogue[code];
  return def[lang](details);
}

/** True when `e` is a `CalcError` (also across bundle boundaries, by duck typing). */
export function isCalcError(e: unknown): e is CalcError {
  return (
    e instanceof CalcError ||
    (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'CalcError' && 'code' in e)
  );
}
