/**
 * Messages that follow the pane's language (issue 11, build 6): a status line or an error is
 * kept as something that can be rendered in any language, and rendered in the CURRENT language
 * each time it is shown, so a message shown in Dutch reads English after switching to English.
 *
 * - `Msg`: a status built by a function of the language (`msg((lang) => t(lang, 'key', vars))`),
 *   the same expression as before, evaluated again on every render.
 * - Error details (a field's label in `argument`, …) were filled in the language of the moment
 *   the error was made: `localizeDetails` puts every detail that is a catalogue string into the
 *   current language before the message is formatted.
 */
import type { ErrorDetails, Lang } from '../../core/messages/types';
import { strings, type StringKey } from './index';

/** A message rendered in the language it is shown in. */
export interface Msg {
  readonly render: (lang: Lang) => string;
}

/** A status: a message that follows the language, or a fixed text (user data, file names). */
export type Status = Msg | string;

/** A message from a function of the language; call it with the same expression as before. */
export function msg(render: (lang: Lang) => string): Msg {
  return { render };
}

/** The status in `lang` ('' for none). */
export function statusText(lang: Lang, s: Status | undefined): string {
  if (s === undefined) return '';
  return typeof s === 'string' ? s : s.render(lang);
}

let reverse: Map<string, StringKey> | undefined;

/** Every catalogue string without placeholders, in either language, to its key. */
function catalogueIndex(): Map<string, StringKey> {
  if (reverse) return reverse;
  reverse = new Map();
  for (const [key, v] of Object.entries(strings) as [StringKey, { nl: string; en: string }][]) {
    for (const text of [v.nl, v.en]) if (!/\{\w+\}/.test(text) && !reverse.has(text)) reverse.set(text, key);
  }
  return reverse;
}

/** A catalogue string (a field's label, a unit) in `lang`; any other text unchanged. */
export function localizeText(text: string, lang: Lang): string {
  const key = catalogueIndex().get(text);
  return key ? strings[key][lang] : text;
}

/** Error details with each catalogue string (e.g. the label in `argument`) in `lang`. */
export function localizeDetails(details: ErrorDetails, lang: Lang): ErrorDetails {
  let out: ErrorDetails | undefined;
  for (const [k, v] of Object.entries(details)) {
    if (typeof v !== 'string') continue;
    const l = localizeText(v, lang);
    if (l !== v) (out ??= { ...details })[k] = l;
  }
  return out ?? details;
}
