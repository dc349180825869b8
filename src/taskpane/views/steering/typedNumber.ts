/**
 * The one reader of numbers typed into the *Sturing* tab's fields (Dutch `1.250` = 1250, `12,5` =
 * 12.5). Until the locale-aware reader of `src/core/input/` exists it delegates to the funding
 * view's `parseNumberText`; the integrator re-points this function only.
 */
import type { Lang } from '../../../core/messages/types';
import { parseNumberText } from '../funding/parseInput';

/** The number in `text` (undefined for a blank field). @throws CalcError `fundingNotNumber` naming the field. */
export function typedNumber(text: string, lang: Lang, argument: string): number | undefined {
  return parseNumberText(text, lang, argument);
}
