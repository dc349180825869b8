/**
 * The one catalogue of error messages (nl/en). Each area owns one file; this index merges
 * them so that `ErrorCode` is a closed union of every code the product can raise.
 */
import { functionMessages } from './functions';
import { taskpaneMessages } from './taskpane';
import { timeRecordingMessages } from './timerecording';
import { fundingMessages } from './funding';
import { hostMessages } from './host';
import { scenarioMessages } from './scenario';
import { steeringMessages } from './steering';
import { paneCheckMessages } from './paneChecks';
import type { MessageDef } from './types';

export * from './types';

export const catalogue = {
  ...functionMessages,
  ...taskpaneMessages,
  ...timeRecordingMessages,
  ...fundingMessages,
  ...hostMessages,
  ...scenarioMessages,
  ...steeringMessages,
  ...paneCheckMessages,
} satisfies Record<string, MessageDef>;

/** Every error code IND Rekenmodel can raise. */
export type ErrorCode = keyof typeof catalogue;
