import type { ViewDef } from '../types';
import { PortableView } from './PortableView';

/** The portable-copy view (*Draagbaar maken*). */
export const portableViews: ViewDef[] = [
  {
    id: 'portable',
    label: { nl: 'Draagbaar', en: 'Portable' },
    help: {
      nl: 'Maakt een kopie van de bladen van de invoegtoepassing met gewone Excel-formules in plaats van IND.*-functies, zodat de werkmap ook zonder invoegtoepassing rekent. De uitleg bij foutwaarden gaat verloren.',
      en: 'Makes a copy of the add-in’s sheets with plain Excel formulas instead of IND.* functions, so that the workbook computes without the add-in. The explanation of error values is lost.',
    },
    Component: PortableView,
  },
];
