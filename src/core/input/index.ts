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
//
// The functions are bound as plain constants, not re-exported with `export *`: CommonJS (the CLI
// and the bench) turns `export *` into a getter per access, which costs every call of a check
// in the hot path of a recalculation. They are the same function objects.
import * as blank from './blank';
import * as typed from './typed';
import * as cells from './cells';
import * as checks from './checks';

export type { TypedPlace } from './typed';
export type { BlankPolicy, NumberOptions, NumberGrid, Shape, CellPlace } from './cells';
export type { SignPolicy } from './checks';

export const isBlank = blank.isBlank;
export const isBlankRow = blank.isBlankRow;
export const typedNumberText = typed.typedNumberText;
export const readTypedNumber = typed.readTypedNumber;
export const requireTypedNumber = typed.requireTypedNumber;
export const fieldText = typed.fieldText;
export const percentHint = typed.percentHint;
export const excelErrorCodeOf = cells.excelErrorCodeOf;
export const unwrapCellValue = cells.unwrapCellValue;
export const shapeOf = cells.shapeOf;
export const toNumberGrid = cells.toNumberGrid;
export const toNumberColumn = cells.toNumberColumn;
export const toTextColumn = cells.toTextColumn;
export const isOmitted = cells.isOmitted;
export const toNumber = cells.toNumber;
export const toBoolean = cells.toBoolean;
export const toText = cells.toText;
export const checkSameLength = cells.checkSameLength;
export const checkSameShape = cells.checkSameShape;
export const readCellNumber = cells.readCellNumber;
export const percentToFraction = checks.percentToFraction;
export const checkSign = checks.checkSign;
export const checkRatio = checks.checkRatio;
export const checkFraction = checks.checkFraction;
export const checkPositive = checks.checkPositive;
export const checkNonNegative = checks.checkNonNegative;
export const checkFinite = checks.checkFinite;
export const checkWholeNumber = checks.checkWholeNumber;
export const checkNonNegativeAll = checks.checkNonNegativeAll;
