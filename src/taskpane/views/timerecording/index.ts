import type { ViewDef } from '../types';

/** Views of the time-recording analysis (tijdschrijven). Owned by that feature. */
export const timeRecordingViews: ViewDef[] = [];
