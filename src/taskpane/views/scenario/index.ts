import { strings } from '../../i18n';
import type { ViewDef } from '../types';
import { ScenarioView } from './ScenarioView';

/** Views of the scenario and funding-path simulator. Owned by that feature. */
export const scenarioViews: ViewDef[] = [
  {
    id: 'scenario',
    label: strings['scenario.view.label'],
    help: strings['scenario.view.help'],
    Component: ScenarioView,
  },
];
