import type { MessageDef } from './types';

/** Error messages of the scenario and funding-path simulator (nl/en). */
export const scenarioMessages = {
  // code: { excel: 'invalidValue', nl: (d) => `...`, en: (d) => `...` },
} satisfies Record<string, MessageDef>;
