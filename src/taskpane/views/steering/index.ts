import { strings } from '../../i18n';
import type { ViewDef } from '../types';
import { SteeringView } from './SteeringView';

/** The view of the steering cycle (*Sturing*). Owned by that feature. */
export const steeringViews: ViewDef[] = [
  {
    id: 'steering',
    label: strings['steering.view.label'],
    help: strings['steering.view.help'],
    Component: SteeringView,
  },
];
