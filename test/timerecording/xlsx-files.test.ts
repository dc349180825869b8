/**
 * .xlsx files from real writers and each malformed case of issue 12 (committed fixtures, made by
 * test/fixtures/xlsx/make-fixtures.js with ExcelJS, SheetJS and LibreOffice). Every file either
 * imports the same four rows or ends, quickly, in one clear CalcError.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { zipSync, strToU8 } from 'fflate';
import { CalcError, isCalcError } from '../../src/core/errors';
import { importXlsx, readXlsxHeader } from '../../src/core/timerecording/import';
import { readXlsxTable, XlsxWorkbook } from '../../src/core/xlsx';
import { SMALL_MAPPING } from './helpers';

const opts = { mapping: SMALL_MAPPING, periodKind: 'period4w' as const };
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'xlsx', name)));

async function refused(name: string): Promise<{ e: CalcError; ms: number }> {
  const t0 = Date.now();
  try {
    await importXlsx(fixture(name), { ...opts, fileName: name });
  } catch (e) {
    if (isCalcError(e)) return { e, ms: Date.now() - t0 };
    throw e;
  }
  throw new Error(`${name} was imported`);
}

/** Words of the other language that must not appear in a message (outside quoted file content). */
function oneLanguage(e: CalcError): void {
  const own = (m: string) => m.replace(/"[^"]*"/g, '""').replace(/\S+\.xlsx\b/g, 'F');
  const nl = own(e.messageIn('nl'));
  const en = own(e.messageIn('en'));
  expect(nl).not.toMatch(/\b(the|is not|missing|malformed|line|column|unpacks|damaged)\b/);
  expect(en).not.toMatch(/\b(het|niet|ontbreekt|regel|kolom|beschadigd|uitpakken)\b/);
  expect(`${nl} ${en}`).not.toContain('NaN');
}

describe('files from real writers', () => {
  const writers = [
    ['exceljs.xlsx', 1900],
    ['exceljs-1904.xlsx', 1904],
    ['sheetjs.xlsx', 1900],
    ['sheetjs-isodates.xlsx', 1900],
    ['libreoffice.xlsx', 1900],
    ['prefixed.xlsx', 1900],
    ['relid-regex.xlsx', 1900],
  ] as const;
  test.each(writers)('%s imports the four rows with the right dates', async (name, system) => {
    const bytes = fixture(name);
    expect(await readXlsxHeader(bytes)).toEqual([
      'Medewerker',
      'Datum',
      'Team',
      'Categorie',
      'Product',
      'Uren',
    ]);
    const r = await importXlsx(bytes, opts);
    expect(r.issues).toEqual([]);
    expect(r.rowsAccepted).toBe(4);
    expect(r.hoursAccepted).toBeCloseTo(22.5, 12);
    expect(r.teams).toEqual(['Team Noord', 'Team Zuid']);
    // 04-01-2021 is in 2021-P01 and 01-02-2021 in 2021-P02 (four years early would be 2017).
    expect(r.periods.map((p) => p.label)).toEqual(['2021-P01', '2021-P02']);
    expect(r.categories.map((c) => c.label)).toContain('Coördinatie');
    expect(r.dateSystem).toBe(system);
    expect(r.lines).toMatchObject({ total: 5, withoutRow: 1 });
    expect(r.rowsAccepted + r.rowsRejected + r.lines.withoutRow).toBe(r.lines.total);
  });

  test('self-closing <row/>: the empty row is counted and the row numbers in messages stay right', async () => {
    const r = await importXlsx(fixture('selfclosing-rows.xlsx'), { ...opts, maxHoursPerRow: 7 });
    // 7.25 and 8 hours are on sheet rows 5 and 6 (row 4 is the empty <row r="4"/>).
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [5, 'trRowHoursAbsurd'],
      [6, 'trRowHoursAbsurd'],
    ]);
    expect(r.lines).toMatchObject({ total: 6, blank: 1, withoutRow: 2 });
    expect(r.rowsAccepted + r.rowsRejected + r.lines.withoutRow).toBe(r.lines.total);
  });

  test('CDATA in an inline string is text, not markup', async () => {
    const r = await importXlsx(fixture('cdata.xlsx'), opts);
    expect(r.teams).toContain('Team <Noord>');
    expect(r.rowsAccepted).toBe(4);
  });

  test('the reusable table reader gives header and typed rows, and the workbook facts', async () => {
    const rows: unknown[][] = [];
    const info = await readXlsxTable(
      fixture('exceljs-1904.xlsx'),
      {},
      {
        onHeader: (h) => void rows.push(h),
        onRow: (cells, rowNo) => void rows.push([rowNo, ...cells]),
      },
    );
    expect(info).toMatchObject({
      sheet: 'Export',
      sheets: ['Export'],
      date1904: true,
      rowElements: 5,
      dataRows: 4,
    });
    expect(rows[1]).toEqual([2, 'M1', 42738, 'Team Noord', 'Direct', 'Spoor 4', 6.5]);
    expect(rows[2]).toEqual([3, 'M1', 42738, 'Team Noord', 'Opleiden', '', 0.75]);
    const wb = await XlsxWorkbook.open(fixture('sheetjs-isodates.xlsx'));
    const iso: unknown[] = [];
    await wb.rows((n, cells) => void (n === 2 && iso.push(cells[1])));
    expect(iso).toEqual(['2021-01-04T00:00:00.000Z']);
  });
});

describe('malformed files end in one clear message, quickly', () => {
  const cases: [string, string, RegExp][] = [
    ['number-with-comma.xlsx', 'numberCell', /cell F3 .* stored as a number but holds "7,5"/],
    ['charref-sheet.xlsx', 'charRef', /character reference that is no Unicode character/],
    ['charref-shared.xlsx', 'charRef', /xl\/sharedStrings\.xml holds a character reference/],
    ['huge-column.xlsx', 'cellRef', /cell "AAAAAAA2" .* outside Excel's grid/],
    [
      'unclosed-rows.xlsx',
      'xml',
      /XML part xl\/worksheets\/sheet1\.xml is malformed \(line \d+, column \d+\)/,
    ],
    ['unclosed-cells.xlsx', 'xml', /is malformed \(line/],
    ['unclosed-si.xlsx', 'xml', /XML part xl\/sharedStrings\.xml is malformed/],
    [
      'crc-flipped.xlsx',
      '(crc|inflate)',
      /xl\/worksheets\/sheet1\.xml (does not match|cannot be unpacked); the file is damaged/,
    ],
    ['bomb.xlsx', 'ratio', /would unpack to [\d,]+ times its size; .*zip bomb/],
    ['bomb-lying.xlsx', 'sizeMismatch', /unpacks to another size than the zip declares/],
  ];
  test.each(cases)('%s → %s', async (name, reason, en) => {
    const { e, ms } = await refused(name);
    expect(e.code).toBe('trXlsxInvalid');
    expect(String(e.details.reason)).toMatch(new RegExp(`^${reason}$`));
    expect(e.messageIn('en')).toMatch(en);
    expect(e.messageIn('en')).toContain(name); // the file is named
    oneLanguage(e);
    // A hang guard, not a benchmark: the regex reader took 18-60 s here or crashed Node.
    expect(ms).toBeLessThan(5000);
  });

  test('a file that is not a zip', async () => {
    await expect(importXlsx(strToU8('Medewerker;Datum\nM1;x'), opts)).rejects.toMatchObject({
      code: 'trXlsxInvalid',
      details: { reason: 'notZip' },
    });
  });

  test('a worksheet part that is missing', async () => {
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(
        '<workbook><sheets><sheet name="A" sheetId="1" r:id="rId9" xmlns:r="x"/></sheets></workbook>',
      ),
    });
    const e = (await importXlsx(bytes, opts).catch((x: unknown) => x)) as CalcError;
    expect(e.details).toMatchObject({ reason: 'partMissing', part: 'xl/worksheets/sheet1.xml' });
    expect(e.messageIn('nl')).toContain('het deel xl/worksheets/sheet1.xml ontbreekt');
    oneLanguage(e);
  });
});

describe('streaming: progress and Cancel during inflation', () => {
  function bigXlsx(rows: number): Uint8Array {
    const body: string[] = [];
    body.push(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Medewerker</t></is></c><c r="B1" t="inlineStr"><is><t>Datum</t></is></c><c r="C1" t="inlineStr"><is><t>Team</t></is></c><c r="D1" t="inlineStr"><is><t>Categorie</t></is></c><c r="E1" t="inlineStr"><is><t>Product</t></is></c><c r="F1" t="inlineStr"><is><t>Uren</t></is></c></row>',
    );
    for (let i = 2; i <= rows + 1; i++) {
      body.push(
        `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>M${i % 50}</t></is></c><c r="B${i}"><v>${44200 + (i % 300)}</v></c><c r="C${i}" t="inlineStr"><is><t>Team ${i % 7}</t></is></c><c r="D${i}" t="inlineStr"><is><t>Direct</t></is></c><c r="F${i}"><v>${(i % 16) / 2}</v></c></row>`,
      );
    }
    return zipSync({
      'xl/workbook.xml': strToU8(
        '<workbook xmlns:r="r"><sheets><sheet name="E" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="t/worksheet"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${body.join('')}</sheetData></worksheet>`),
    });
  }

  test('progress rises to the file size; Cancel in the middle stops with trCancelled', async () => {
    const bytes = bigXlsx(20000);
    const seen: number[] = [];
    const r = await importXlsx(bytes, { ...opts, onProgress: (b) => seen.push(b) });
    expect(r.rowsRead).toBe(20000);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((b, i) => i === 0 || b >= seen[i - 1])).toBe(true);
    expect(seen[seen.length - 1]).toBe(bytes.length);

    const ctrl = new AbortController();
    let rowsWhenCancelled = 0;
    let yields = 0;
    const e = await importXlsx(bytes, {
      ...opts,
      signal: ctrl.signal,
      yieldControl: async () => {
        yields++;
        if (yields === 2) ctrl.abort();
        await Promise.resolve();
      },
      onProgress: () => void rowsWhenCancelled++,
    }).catch((x: unknown) => x);
    expect((e as CalcError).code).toBe('trCancelled');
    expect(rowsWhenCancelled).toBeLessThan(seen.length);
  });
});
