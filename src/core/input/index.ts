/**
 * The one input vocabulary of IND Rekenmodel (see CONTRIBUTING.md, "Reading input"):
 *
 * - `blank.ts`: the one blank test;
 * - `typed.ts`: the one reader of numbers typed as text in the pane, in the user's language;
 * - `cells.ts`: the coercion of raw cell values (adapters and table readers only coerce);
 * - `checks.ts`: the checks of numbers (core functions only check), with the one
 *   "percentage typed as a ratio" check and its clean suggestion.
 *
 * Each kind of mistake has one error code (`notANumber`, `blankValue`, `negativeValue`,
 * `notPositive`, `ratioAsPercent`, `ratioOutOfRange`, `fractionOutOfRange`, `notFinite`, …) whose
 * message names the argument, the row and the fix.
 */
export * from './blank';
export * from './typed';
export * from './cells';
export * from './checks';
