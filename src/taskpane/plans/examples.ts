/**
 * The shipped illustrative (*fictief*) norm and volume tables (`assets/examples/*.json`), so a
 * user can try the sheets without real data. Every sheet they produce says FICTIEF.
 */
import normExample from '../../../assets/examples/normtijden-fictief.json';
import volumeExample from '../../../assets/examples/volumes-fictief.json';
import type { Cell, RangeInput } from '../../core/norms';
import type { CellValue, WritePlan } from '../host/types';
import { withLegend } from './styleLegend';
import { NF } from './formats';

/** Sheet and table of the example volumes. */
export const EXAMPLE_VOLUME_SHEET = 'IND Voorbeeldvolumes';
/** Table name of the example volumes. */
export const EXAMPLE_VOLUME_TABLE = 'IND_VoorbeeldVolumes';
/** Version name of the example norms. */
export const EXAMPLE_NORM_VERSION: string = normExample.version;

/** The example norms as a range with header, as if the user had selected them. */
export function exampleNormRange(): RangeInput {
  const values: Cell[][] = [normExample.columns, ...(normExample.rows as Cell[][])];
  return { sheet: 'Voorbeeld (fictief)', address: 'A1', values };
}

/** The example volume table: headers and rows. */
export function exampleVolumes(): { headers: string[]; rows: CellValue[][] } {
  return { headers: volumeExample.columns, rows: volumeExample.rows };
}

/** Writes the example volumes as an Excel table on their own sheet, marked FICTIEF. */
function buildExampleVolumePlanSheets(): WritePlan {
  const { headers, rows } = exampleVolumes();
  return {
    action: 'Voorbeeldvolumes schrijven',
    sheets: [
      {
        name: EXAMPLE_VOLUME_SHEET,
        blocks: [
          { at: 'A1', cells: [['Voorbeeldvolumes (FICTIEF)']], style: 'title' },
          { at: 'A2', cells: [[volumeExample.note]], style: 'check' },
        ],
        tables: [
          {
            name: EXAMPLE_VOLUME_TABLE,
            at: 'A4',
            headers,
            rows,
            columnFormats: [null, ...headers.slice(1).map(() => NF.count)],
            // The volumes are the user's to replace: the whole body is input.
            inputColumns: [...headers],
          },
        ],
        columnWidths: { A: 90 },
        freezeRows: 4,
      },
    ],
  };
}

/** The plan of {@link buildExampleVolumePlanSheets}, with the style legend on every sheet (styleLegend.ts). */
export function buildExampleVolumePlan(
  ...args: Parameters<typeof buildExampleVolumePlanSheets>
): ReturnType<typeof buildExampleVolumePlanSheets> {
  return withLegend(buildExampleVolumePlanSheets(...args), 'nl');
}
