/**
 * The evaluator bound to the real IND.* adapters (the function registry Excel's runtime uses).
 * The CLI, the demo and the tests all evaluate formulas through {@link evaluate}, so that what
 * they print is what Excel computes.
 */
import type { Lang } from '../core/messages/types';
import { registry } from '../functions/registry';
import { setLanguage } from '../functions/lang';
import { FormulaEngine, type FormulaValue } from './engine';

let engine: FormulaEngine | undefined;

/** The shared engine over the real registry (built on first use). */
export function getEngine(): FormulaEngine {
  engine ??= new FormulaEngine({ registry });
  return engine;
}

/**
 * Evaluates one invariant formula with the IND.* functions, messages in `lang`.
 *
 * @param formula - e.g. `=IND.FTE(83000,4,36,0.57,60)` (the `=` is optional).
 * @param lang - the language of error messages (default Dutch).
 * @returns the value: a cell or rows of cells; errors are values, not exceptions.
 * @throws `FormulaSyntaxError` when the formula cannot be parsed.
 */
export async function evaluate(formula: string, lang: Lang = 'nl'): Promise<FormulaValue> {
  // The adapters read the message language from one module-level setting, as in Excel's runtime.
  setLanguage(lang);
  return getEngine().evaluate(formula);
}
