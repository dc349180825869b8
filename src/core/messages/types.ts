/**
 * Shared shapes for the one error catalogue of IND Rekenmodel.
 *
 * Each area of the product (functions, task pane, time recording, funding) keeps its own
 * catalogue file in this folder; `index.ts` merges them into one closed set of codes.
 */

/** Supported UI/message languages. Dutch first. */
export type Lang = 'nl' | 'en';

/**
 * The Excel error value an error maps to. Mirrors `CustomFunctions.ErrorCode` without
 * depending on Office. Excel shows a custom message only on `invalidValue` (#VALUE!) and
 * `notAvailable` (#N/A), so almost every invalid argument uses `invalidValue`.
 */
export type ExcelErrorKind =
  | 'invalidValue'
  | 'notAvailable'
  | 'divisionByZero'
  | 'invalidNumber'
  | 'nullReference'
  | 'invalidName'
  | 'invalidReference';

/**
 * Details of one problem. `argument` is the argument/column name as the user sees it,
 * `row` is 1-based within the range (or file). Extra keys are free for message templates.
 */
export interface ErrorDetails {
  argument?: string;
  row?: number;
  column?: number;
  expected?: string;
  received?: string;
  [key: string]: string | number | undefined;
}

/** One entry of the catalogue: the Excel error kind and a message per language. */
export interface MessageDef {
  excel: ExcelErrorKind;
  nl: (d: ErrorDetails) => string;
  en: (d: ErrorDetails) => string;
}
