import { strings } from '../../i18n';
import type { ViewDef } from '../types';
import { CalcView } from './CalcView';
import { NormsView } from './NormsView';
import { ParametersView } from './ParametersView';

/** Views that write the parameter sheet, the norm table and the calculation sheet, in workflow order. */
export const sheetsViews: ViewDef[] = [
  {
    id: 'sheets-parameters',
    label: strings['sheets.params.label'],
    help: strings['sheets.params.help'],
    Component: ParametersView,
  },
  {
    id: 'sheets-norms',
    label: strings['sheets.norms.label'],
    help: strings['sheets.norms.help'],
    Component: NormsView,
  },
  {
    id: 'sheets-calc',
    label: strings['sheets.calc.label'],
    help: strings['sheets.calc.help'],
    Component: CalcView,
  },
];
