/**
 * The one catalogue of task-pane strings (nl/en). Each area owns one file; this index merges
 * them. Number formatting for the UI also lives here (Dutch: 1.116,5).
 */
import type { Lang } from '../../core/messages/types';
import { shellStrings } from './shell';
import { timeRecordingStrings } from './timerecording';
import { fundingStrings } from './funding';
import { scenarioStrings } from './scenario';
import { sheetsStrings } from './sheets';
import { steeringStrings } from './steering';
import { hostStrings } from './host';
import { paneStrings } from './pane';
import { linkedStrings } from './linked';
import type { Localized } from './types';

export type { Localized } from './types';

export const strings = {
  ...shellStrings,
  ...timeRecordingStrings,
  ...fundingStrings,
  ...scenarioStrings,
  ...sheetsStrings,
  ...steeringStrings,
  ...hostStrings,
  ...paneStrings,
  ...linkedStrings,
} satisfies Record<string, Localized>;

export type StringKey = keyof typeof strings;

/** The string `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  const template: string = strings[key][lang];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Formats a number for the UI: Dutch 1.116,5 or English 1,116.5. Display only, never for computing. */
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits }).format(value);
}

/** The UI language for an Office display language ('nl-NL', 'en-US', …): nl unless it starts with 'en'. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale !== undefined && locale.toLowerCase().startsWith('en') ? 'en' : 'nl';
}
