/**
 * All views (tabs) of the task pane, in display order. Each feature area owns its own list.
 */
import { sheetsViews } from './sheets';
import { timeRecordingViews } from './timerecording';
import { scenarioViews } from './scenario';
import { fundingViews } from './funding';
import { portableViews } from './portable';
import { steeringViews } from './steering';
import type { ViewDef } from './types';

export const views: ViewDef[] = [
  ...sheetsViews,
  ...timeRecordingViews,
  ...scenarioViews,
  ...fundingViews,
  ...steeringViews,
  ...portableViews,
];
