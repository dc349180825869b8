import type { ViewDef } from '../types';

/** Views of funding, scenarios and budget reconciliation. Owned by that feature. */
export const fundingViews: ViewDef[] = [];
