import type { ViewDef } from '../types';

/** Views that write parameter sheets, norm tables and calculation sheets. Owned by that feature. */
export const sheetsViews: ViewDef[] = [];
