import { strings } from '../../i18n';
import type { ViewDef } from '../types';
import { TimeRecordingView } from './TimeRecordingView';

/** Views of the time-recording analysis (tijdschrijven). Owned by that feature. */
export const timeRecordingViews: ViewDef[] = [
  {
    id: 'timerecording',
    label: strings['timerecording.view.label'],
    help: strings['timerecording.view.help'],
    Component: TimeRecordingView,
  },
];
