/**
 * The language of error messages from the IND.* functions: Dutch, or English when Excel's
 * display language is English. Safe when Office is absent (Node, CLI, tests): Dutch.
 */
import type { Lang } from '../core/messages/types';

let override: Lang | undefined;

/**
 * Forces the message language (the CLI's `--lang`, tests). `undefined` returns to detection.
 *
 * @param lang - 'nl', 'en' or undefined.
 */
export function setLanguage(lang: Lang | undefined): void {
  override = lang;
}

/**
 * The current message language: the override, else 'en' when `Office.context.displayLanguage`
 * starts with "en", else 'nl'.
 */
export function currentLanguage(): Lang {
  if (override !== undefined) return override;
  try {
    // Office may be undefined (Node) or not yet initialised (context undefined): read defensively.
    const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
    const display = office?.context?.displayLanguage;
    if (typeof display === 'string' && display.toLowerCase().startsWith('en')) return 'en';
  } catch {
    // Accessing Office.context before Office.onReady can throw in some hosts; Dutch is the default.
  }
  return 'nl';
}
