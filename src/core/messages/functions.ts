import type { MessageDef } from './types';

/** Error messages of this area (nl/en). Keys are error codes; keep them unique across areas. */
export const functionMessages = {
  // code: { excel: 'invalidValue', nl: (d) => `...`, en: (d) => `...` },
} satisfies Record<string, MessageDef>;
