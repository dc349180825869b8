/**
 * The input vocabulary under its historical module name: the coercions and checks live in
 * `src/core/input` (one blank test, one typed-number reader, one cell coercion, one set of
 * checks); this module binds the same function objects, so that `import … from './validate'` in
 * the core keeps working. Plain constants rather than `export *`, which CommonJS turns into a
 * getter on every access (see `src/core/input/index.ts`).
 */
import * as input from './input';

export type {
  TypedPlace,
  BlankPolicy,
  NumberOptions,
  NumberGrid,
  Shape,
  CellPlace,
  SignPolicy,
} from './input';

export const isBlank = input.isBlank;
export const isBlankRow = input.isBlankRow;
export const typedNumberText = input.typedNumberText;
export const readTypedNumber = input.readTypedNumber;
export const requireTypedNumber = input.requireTypedNumber;
export const fieldText = input.fieldText;
export const excelErrorCodeOf = input.excelErrorCodeOf;
export const unwrapCellValue = input.unwrapCellValue;
export const shapeOf = input.shapeOf;
export const toNumberGrid = input.toNumberGrid;
export const toNumberColumn = input.toNumberColumn;
export const toTextColumn = input.toTextColumn;
export const isOmitted = input.isOmitted;
export const toNumber = input.toNumber;
export const toBoolean = input.toBoolean;
export const toText = input.toText;
export const checkSameLength = input.checkSameLength;
export const checkSameShape = input.checkSameShape;
export const readCellNumber = input.readCellNumber;
export const percentToFraction = input.percentToFraction;
export const checkSign = input.checkSign;
export const checkRatio = input.checkRatio;
export const checkFraction = input.checkFraction;
export const checkPositive = input.checkPositive;
export const checkNonNegative = input.checkNonNegative;
export const checkFinite = input.checkFinite;
export const checkWholeNumber = input.checkWholeNumber;
export const checkNonNegativeAll = input.checkNonNegativeAll;
