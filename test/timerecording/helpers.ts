/** Test helpers: byte streams in chunks, as a browser File.stream() would deliver them. */
import { importCsv } from '../../src/core/timerecording/import';
import type { TimeRecordingPlanInput } from '../../src/taskpane/plans/timerecording/timeRecordingPlan';
import {
  DEFAULT_PRODUCTS,
  encodeWindows1252,
  GENERATED_COLUMNS,
  generateExport,
  generatedCategoryMapping,
} from '../generators/timeRecordingExport';

/** A factory of streams over `bytes`, cut into chunks of `chunk` bytes (to cross every boundary). */
export function streamOf(bytes: Uint8Array, chunk = 7): () => ReadableStream<Uint8Array> {
  return () => {
    let pos = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pos >= bytes.length) {
          controller.close();
          return;
        }
        controller.enqueue(bytes.slice(pos, pos + chunk));
        pos += chunk;
      },
    });
  };
}

/** UTF-8 bytes of a text, optionally with a byte-order mark. */
export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

export { encodeWindows1252 };

/** The mapping of the small hand-written test files. */
export const SMALL_MAPPING = {
  person: 'Medewerker',
  date: 'Datum',
  team: 'Team',
  category: 'Categorie',
  product: 'Product',
  hours: 'Uren',
};

/** Category mapping for the small files. */
export const SMALL_CATEGORIES = {
  direct: 'direct',
  opleiden: 'training',
  verlof: 'leave',
  coördinatie: 'coordination',
  'bijzonder verlof': 'specialLeave',
  ziekte: 'sickness',
  overleg: 'meetings',
} as const;

/** A minimal .xlsx with `rows` on its first sheet: strings as shared strings, numbers as numbers. */
export function makeXlsx(rows: (string | number | null)[][]): Uint8Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { zipSync, strToU8 } = require('fflate') as typeof import('fflate');
  const shared: string[] = [];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const col = (i: number) => String.fromCharCode(65 + i);
  const sheetRows = rows
    .map((r, i) => {
      const cells = r
        .map((v, j) => {
          if (v === null) return '';
          const ref = `${col(j)}${i + 1}`;
          if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
          shared.push(v);
          return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
        })
        .join('');
      return `<row r="${i + 1}">${cells}</row>`;
    })
    .join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${shared.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
    ),
  });
}

/**
 * The time-recording plan's input from a generated export (2 teams × 3 persons, 8 weeks, a bad
 * line every `badEvery`), imported in 1000-byte chunks per 4-week period, with the generator's
 * category mapping, the norms of its first `normProducts` products and € 80 an hour.
 */
export async function generatedPlanInput(o: {
  seed: number;
  badEvery: number;
  normProducts?: number;
  lang?: 'nl' | 'en';
}): Promise<TimeRecordingPlanInput> {
  const { text } = generateExport({
    seed: o.seed,
    teams: 2,
    personsPerTeam: 3,
    weeks: 8,
    badEvery: o.badEvery,
  });
  const result = await importCsv(streamOf(utf8(text), 1000), {
    mapping: GENERATED_COLUMNS,
    periodKind: 'period4w',
  });
  const products = DEFAULT_PRODUCTS.slice(0, o.normProducts ?? DEFAULT_PRODUCTS.length);
  const norms = Object.fromEntries(products.map((p) => [p.name, p.normMinutes]));
  return {
    result,
    options: { categoryMapping: generatedCategoryMapping(), norms, hourlyCost: 80 },
    sourceName: 'export.csv',
    ...(o.lang ? { lang: o.lang } : {}),
  };
}
