/**
 * THE one mapping from core errors to Excel errors. Every adapter goes through `guard`.
 */
import { CalcError, isCalcError } from '../core/errors';
import { currentLanguage } from './lang';
import { createExcelError, excelErrorKindOf, isExcelError, type ExcelErrorLike } from './runtime';

/**
 * Maps any thrown value to an Excel error:
 * - a `CalcError` → its catalogue kind (#VALUE! for invalid arguments, #N/A for a missing norm
 *   code) with the message in the current language;
 * - `excelErrorValue` (an error value inside an input range) → that same Excel error, as
 *   Excel's own functions propagate errors (#NAME? and #REF! cannot be returned by a custom
 *   function, so those become #VALUE! naming them);
 * - an Excel error already → unchanged;
 * - anything else → #VALUE! with `unexpectedError`, never a silent 0 or NaN.
 *
 * @param e - What was thrown.
 * @param functionName - Full function name for unexpected errors, e.g. 'IND.FTE'.
 */
export function toExcelError(e: unknown, functionName: string): ExcelErrorLike {
  if (isExcelError(e)) return e;
  const lang = currentLanguage();
  if (isCalcError(e)) {
    if (e.code === 'excelErrorValue') {
      const kind = excelErrorKindOf(String(e.details.received));
      // #NAME? and #REF! are supported as custom-function input errors but not as output errors
      // (learn.microsoft.com, "Handle and return errors from your custom function"): they
      // become #VALUE! whose message names the original error and its cell.
      if (kind !== undefined && kind !== 'invalidName' && kind !== 'invalidReference') {
        return createExcelError(kind, e.messageIn(lang));
      }
    }
    return createExcelError(e.excel, e.messageIn(lang));
  }
  const text = e instanceof Error ? e.message : String(e);
  return createExcelError(
    'invalidValue',
    new CalcError('unexpectedError', { argument: functionName, received: text }).messageIn(lang),
  );
}

/**
 * Runs an adapter body and rethrows whatever it throws as an Excel error.
 *
 * @param functionName - Full function name, e.g. 'IND.FTE'.
 * @param body - The adapter's work.
 */
export function guard<T>(functionName: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    // Excel expects a CustomFunctions.Error, which is not an Error subclass.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw toExcelError(e, functionName);
  }
}

/**
 * The same mapping as {@link guard}, for a scalar adapter on the hot path of a recalculation that
 * writes its own `try { … } catch (e) { rethrowAsExcelError(e, name) }`: no closure per call.
 */
export function rethrowAsExcelError(e: unknown, functionName: string): never {
  // Excel expects a CustomFunctions.Error, which is not an Error subclass.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw toExcelError(e, functionName);
}

/**
 * Returns `x` when it is a finite number, else throws `resultNotFinite` (never hand Excel a
 * NaN or ±Infinity, which it would show as #NUM! without explanation).
 */
export function finite(x: number, functionName: string): number {
  if (!Number.isFinite(x))
    throw new CalcError('resultNotFinite', { argument: functionName, received: String(x) });
  return x;
}

/** Turns a list of numbers into a one-column spill, checking each is finite. */
export function columnSpill(xs: ArrayLike<number>, functionName: string): number[][] {
  const out = new Array<number[]>(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = [finite(xs[i], functionName)];
  return out;
}
