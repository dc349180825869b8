import type { Localized } from './types';

/** UI strings of this area (nl/en). Keys must be unique across areas: prefix them with the area. */
export const sheetsStrings = {
  // 'sheets.example': { nl: 'Voorbeeld', en: 'Example' },
} satisfies Record<string, Localized>;
