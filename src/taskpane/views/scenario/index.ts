import type { ViewDef } from '../types';

/** Views of the scenario and funding-path simulator. Owned by that feature. */
export const scenarioViews: ViewDef[] = [];
