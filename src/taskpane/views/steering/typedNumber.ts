/**
 * The one reader of numbers typed into the *Sturing* tab's fields: the pane-wide reader of
 * `src/core/input/typed.ts` (Dutch `1.250` = 1250, `12,5` = 12.5), so "1.250" means the same on
 * every tab.
 */
import { readTypedNumber } from '../../../core/input';
import type { Lang } from '../../../core/messages/types';

/** The number in `text` (undefined for a blank field). @throws CalcError `notANumber` naming the field. */
export function typedNumber(text: string, lang: Lang, argument: string): number | undefined {
  return readTypedNumber(text, lang, { argument });
}
