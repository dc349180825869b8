import { strings } from '../../i18n';
import type { ViewDef } from '../types';
import { FundingView } from './FundingView';
import { ReconciliationView } from './ReconciliationView';

/** Views of the funding model and the budget reconciliation (*nacalculatie*). Owned by that feature. */
export const fundingViews: ViewDef[] = [
  {
    id: 'funding',
    label: strings['funding.view.label'],
    help: strings['funding.view.help'],
    Component: FundingView,
  },
  {
    id: 'reconciliation',
    label: strings['funding.recon.label'],
    help: strings['funding.recon.help'],
    Component: ReconciliationView,
  },
];
