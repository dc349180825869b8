/**
 * Fuzz test of the importers (fast-check, fixed seeds, a few seconds each): generated and then
 * mutated CSV and XLSX files and table rows. Every outcome is a result or a CalcError whose
 * message is in one language (no NaN, no undefined, no Dutch words in English and the other way
 * round), and for a result the lines add up: accepted + rejected rows + lines reported as
 * holding no row = the lines in the file, counted here independently of the importer.
 */
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync, strFromU8 } from 'fflate';
import { isCalcError, type CalcError } from '../../src/core/errors';
import { importCsv, importRows, importXlsx, type ImportResult } from '../../src/core/timerecording/import';
import { encodeWindows1252, SMALL_MAPPING, streamOf } from './helpers';

const opts = { mapping: SMALL_MAPPING, periodKind: 'period4w' as const, fileName: 'f' };
const HEADER = ['Medewerker', 'Datum', 'Team', 'Categorie', 'Product', 'Uren'];

function checkMessage(e: CalcError): void {
  const own = (m: string) => m.replace(/"[^"]*"/g, '""');
  const nl = e.messageIn('nl');
  const en = e.messageIn('en');
  expect(nl.length).toBeGreaterThan(20);
  expect(en.length).toBeGreaterThan(20);
  for (const m of [nl, en]) expect(m).not.toMatch(/NaN|undefined|\[object|RangeError|SyntaxError|TypeError/);
  expect(own(en)).not.toMatch(/\b(het|geen|niet|regel|kolom|bestand|werkmap|ontbreekt|verwacht)\b/i);
  expect(own(nl)).not.toMatch(/\b(the|file|line|column|missing|expected|is not)\b/i);
}

/** Runs an import and checks its outcome; returns the result, or undefined for a CalcError. */
async function outcome(run: () => Promise<ImportResult> | ImportResult): Promise<ImportResult | undefined> {
  try {
    const r = await run();
    expect(r.rowsAccepted + r.rowsRejected).toBe(r.rowsRead);
    return r;
  } catch (e) {
    if (!isCalcError(e)) throw e; // anything else is a bug
    checkMessage(e);
    return undefined;
  }
}

/** Physical lines of a text: CRLF, LF and CR each end a line; a final line break starts none. */
function physicalLines(text: string): number {
  if (text.length === 0) return 0;
  const parts = text.split(/\r\n|\r|\n/);
  return parts[parts.length - 1] === '' ? parts.length - 1 : parts.length;
}

function decode(bytes: Uint8Array, r: ImportResult): string {
  const enc = r.encoding;
  let b = bytes;
  if (r.bom) b = b.subarray(enc === 'utf-8' ? 3 : 2);
  return new TextDecoder(enc, { ignoreBOM: true }).decode(b);
}

const fieldChars = fc.constantFrom(
  'a',
  'Z',
  'é',
  'ö',
  ' ',
  ';',
  ',',
  '\t',
  '"',
  '\n',
  '\r',
  '\r\n',
  '7',
  ',5',
  '-',
  '0',
);
const field = fc.oneof(
  fc.string({ unit: fieldChars, maxLength: 6 }),
  fc.constantFrom(
    '04-01-2021',
    '2021-02-01',
    '31-02-2021',
    '7,5',
    '7.25',
    '-1',
    '30',
    '',
    'Team A',
    'Direct',
    'Verlof',
  ),
);
const quote = (f: string, d: string) =>
  f.includes(d) || /["\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
const row = fc.array(field, { minLength: 0, maxLength: 8 });

const csvFile = fc.record({
  rows: fc.array(row, { maxLength: 12 }),
  header: fc.oneof(
    fc.constant(HEADER),
    fc.array(fc.constantFrom(...HEADER, 'Uren', 'X', ''), { maxLength: 8 }),
  ),
  delimiter: fc.constantFrom(';', ',', '\t'),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  mixedEol: fc.boolean(),
  sep: fc.boolean(),
  quoteAll: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le'),
  mutations: fc.array(
    fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'insert', 'delete')),
    {
      maxLength: 3,
    },
  ),
  chunk: fc.integer({ min: 1, max: 64 }),
  trailingEol: fc.boolean(),
});

function encodeCsv(text: string, encoding: string): Uint8Array {
  if (encoding === 'windows-1252') return encodeWindows1252(text);
  if (encoding === 'utf-16le') {
    const out = new Uint8Array(2 + text.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      out[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    return out;
  }
  const body = strToU8(text);
  return encoding === 'utf-8-bom' ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
}

function mutate(bytes: Uint8Array, mutations: [number, number, string][]): Uint8Array {
  let b = Array.from(bytes);
  for (const [at, value, kind] of mutations) {
    if (b.length === 0) break;
    const i = at % b.length;
    if (kind === 'flip') b[i] = value;
    else if (kind === 'insert') b.splice(i, 0, value);
    else b = [...b.slice(0, i), ...b.slice(i + 1)];
  }
  return new Uint8Array(b);
}

describe('importer fuzz', () => {
  test('CSV: a result whose lines add up, or a CalcError in one language', async () => {
    let results = 0;
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(csvFile, async (f) => {
        const eols = f.mixedEol ? ['\n', '\r\n', '\r'] : [f.eol];
        const lines = [f.header, ...f.rows].map(
          (r, i) =>
            r
              .map((x) => (f.quoteAll ? `"${x.replace(/"/g, '""')}"` : quote(x, f.delimiter)))
              .join(f.delimiter) + eols[i % eols.length],
        );
        let text = (f.sep ? `sep=${f.delimiter}${f.eol}` : '') + lines.join('');
        if (!f.trailingEol) text = text.replace(/(\r\n|\r|\n)$/, '');
        const bytes = mutate(encodeCsv(text, f.encoding), f.mutations);
        const r = await outcome(() => importCsv(streamOf(bytes, f.chunk), opts));
        if (!r) {
          errors++;
          return;
        }
        results++;
        const total = physicalLines(decode(bytes, r));
        expect(r.lines.total).toBe(total);
        expect(r.rowsAccepted + r.rowsRejected + r.lines.withoutRow).toBe(total);
      }),
      { seed: 20261201, numRuns: 400, interruptAfterTimeLimit: 8000 },
    );
    // Both kinds of outcome were exercised.
    expect(results).toBeGreaterThan(20);
    expect(errors).toBeGreaterThan(20);
  }, 30000);

  test('XLSX: a result whose rows add up, or a CalcError in one language', async () => {
    const cell = fc.oneof(
      fc.constantFrom('04-01-2021', 'Team A', 'Direct', '', 'é & <x>', '7,5'),
      fc.double({ min: -5, max: 50000, noNaN: true }),
      fc.constant(44200),
      fc.boolean(),
    );
    const sheet = fc.record({
      rows: fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 10 }),
      inline: fc.boolean(),
      prefix: fc.boolean(),
      emptyRows: fc.array(fc.nat({ max: 12 }), { maxLength: 3 }),
      xmlMutations: fc.array(
        fc.tuple(fc.nat(), fc.constantFrom('<', '>', '&', '"', '/', 'x', '&#x110000;', '<row', '</c>')),
        {
          maxLength: 2,
        },
      ),
      zipMutations: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip')), {
        maxLength: 2,
      }),
    });
    let results = 0;
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(sheet, async (s) => {
        const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        const p = s.prefix ? 'x:' : '';
        const shared: string[] = [];
        const col = (j: number) => String.fromCharCode(65 + j);
        const all = [HEADER, ...s.rows];
        const xmlRows: string[] = [];
        let rowNo = 0;
        all.forEach((r) => {
          rowNo++;
          if (s.emptyRows.includes(rowNo)) {
            xmlRows.push(`<${p}row r="${rowNo}"/>`);
            rowNo++;
          }
          const cells = r.map((v, j) => {
            const ref = `${col(j)}${rowNo}`;
            if (typeof v === 'number') return `<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>`;
            if (typeof v === 'boolean') return `<${p}c r="${ref}" t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
            if (s.inline)
              return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${esc(v)}</${p}t></${p}is></${p}c>`;
            shared.push(v);
            return `<${p}c r="${ref}" t="s"><${p}v>${shared.length - 1}</${p}v></${p}c>`;
          });
          xmlRows.push(`<${p}row r="${rowNo}">${cells.join('')}</${p}row>`);
        });
        let xml = `<?xml version="1.0"?><${p}worksheet xmlns${p ? ':x' : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${xmlRows.join('')}</${p}sheetData></${p}worksheet>`;
        for (const [at, text] of s.xmlMutations) {
          const i = at % xml.length;
          xml = xml.slice(0, i) + text + xml.slice(i);
        }
        let bytes: Uint8Array = zipSync({
          'xl/workbook.xml': strToU8(
            '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="E" sheetId="1" r:id="rId1"/></sheets></workbook>',
          ),
          'xl/_rels/workbook.xml.rels': strToU8(
            '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="x/worksheet"/></Relationships>',
          ),
          'xl/sharedStrings.xml': strToU8(
            `<sst>${shared.map((x) => `<si><t>${esc(x)}</t></si>`).join('')}</sst>`,
          ),
          'xl/worksheets/sheet1.xml': strToU8(xml),
        });
        bytes = mutate(bytes, s.zipMutations);
        const r = await outcome(() => importXlsx(bytes, opts));
        if (!r) {
          errors++;
          return;
        }
        results++;
        // Independent count: the row elements of the sheet as stored.
        const stored = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
        const rowElements = (stored.match(new RegExp(`<${p}row[\\s/>]`, 'g')) ?? []).length;
        expect(r.lines.total).toBe(rowElements);
        expect(r.rowsAccepted + r.rowsRejected + r.lines.withoutRow).toBe(rowElements);
      }),
      { seed: 4242, numRuns: 300, interruptAfterTimeLimit: 8000 },
    );
    expect(results).toBeGreaterThan(20);
    expect(errors).toBeGreaterThan(20);
  }, 30000);

  test('table rows: any values give a result whose rows add up, or a CalcError in one language', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 5 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(44200),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...HEADER, 'X', 'Uren'), { maxLength: 8 }),
        fc.array(fc.array(value, { maxLength: 8 }), { maxLength: 10 }),
        async (headers, rows) => {
          const r = await outcome(() => importRows(headers, rows, opts));
          if (r) expect(r.rowsAccepted + r.rowsRejected + r.lines.withoutRow).toBe(rows.length + 1);
        },
      ),
      { seed: 7, numRuns: 300, interruptAfterTimeLimit: 4000 },
    );
  });

  test('the line check can fail: a result with a line left out does not add up', () => {
    const r = { rowsAccepted: 3, rowsRejected: 1, lines: { withoutRow: 1 } };
    expect(r.rowsAccepted + r.rowsRejected + r.lines.withoutRow).not.toBe(physicalLines('h\na\nb\n\nc\nd'));
  });
});
