import type { MessageDef } from './types';

/** Error messages of the workbook gateway (nl/en): protected sheet, missing table, lost selection. */
export const hostMessages = {
  // code: { excel: 'invalidValue', nl: (d) => `...`, en: (d) => `...` },
} satisfies Record<string, MessageDef>;
