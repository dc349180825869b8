/**
 * The few Office.js calls outside the workbook: readiness and the display language.
 * Kept next to `excelGateway.ts` so that all Office access lives in `host/`.
 */
import type { Lang } from '../../core/messages/types';
import { langFromLocale } from '../i18n';

/** Resolves when Office.js has initialised the pane. */
export async function officeReady(): Promise<void> {
  await Office.onReady();
}

/** The pane's starting language from Office's display language: nl unless it is English. */
export function officeLanguage(): Lang {
  return langFromLocale(typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined);
}
