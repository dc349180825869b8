/**
 * The Excel error object the adapters throw or return. In Excel, `CustomFunctions.Error`; in
 * Node (CLI, jest), where there is no global `CustomFunctions`, an equivalent local class with the
 * same `code` ('#VALUE!', '#N/A', …) and `message`.
 */
import type { ExcelErrorKind } from '../core/messages/types';

/** Excel's text for each error kind, as in `CustomFunctions.ErrorCode`. */
export const EXCEL_ERROR_TEXT: Record<ExcelErrorKind, string> = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
};

/** The error kind for an Excel error text, e.g. '#DIV/0!' → 'divisionByZero'; undefined if unknown. */
export function excelErrorKindOf(text: string): ExcelErrorKind | undefined {
  for (const kind of Object.keys(EXCEL_ERROR_TEXT) as ExcelErrorKind[]) {
    if (EXCEL_ERROR_TEXT[kind] === text) return kind;
  }
  return undefined;
}

/** What callers may rely on, in Excel and in Node alike. */
export interface ExcelErrorLike {
  readonly code: string;
  readonly message?: string;
}

/** The Node stand-in for `CustomFunctions.Error`. */
export class LocalExcelError extends Error implements ExcelErrorLike {
  readonly code: string;

  constructor(code: string, message?: string) {
    super(message ?? '');
    this.name = 'ExcelError';
    this.code = code;
  }
}

/** True when `e` is an Excel error object of either kind. */
export function isExcelError(e: unknown): e is ExcelErrorLike {
  if (e instanceof LocalExcelError) return true;
  const cf = (globalThis as { CustomFunctions?: { Error?: new (...a: never[]) => unknown } }).CustomFunctions;
  if (cf?.Error !== undefined && e instanceof cf.Error) return true;
  return false;
}

/**
 * Creates the Excel error for `kind`. Excel shows a custom message only on #VALUE! and #N/A,
 * so the message is passed only for those two.
 */
export function createExcelError(kind: ExcelErrorKind, message: string): ExcelErrorLike {
  const withMessage = kind === 'invalidValue' || kind === 'notAvailable';
  const cf = (
    globalThis as {
      CustomFunctions?: {
        Error: new (code: unknown, message?: string) => ExcelErrorLike;
        ErrorCode: Record<string, unknown>;
      };
    }
  ).CustomFunctions;
  if (cf?.Error !== undefined && cf.ErrorCode !== undefined) {
    return withMessage ? new cf.Error(cf.ErrorCode[kind], message) : new cf.Error(cf.ErrorCode[kind]);
  }
  return new LocalExcelError(EXCEL_ERROR_TEXT[kind], withMessage ? message : undefined);
}
