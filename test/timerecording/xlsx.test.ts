import { CalcError } from '../../src/core/errors';
import { importXlsx, readXlsxHeader } from '../../src/core/timerecording/import';
import { makeXlsx, SMALL_MAPPING } from './helpers';

const opts = { mapping: SMALL_MAPPING, periodKind: 'period4w' as const };

describe('importXlsx', () => {
  const rows: (string | number | null)[][] = [
    ['Medewerker', 'Datum', 'Team', 'Categorie', 'Product', 'Uren'],
    ['M1', 44200, 'Team Café & co', 'Direct', 'Spoor 4', 6.5], // 44200 = 04-01-2021 as an Excel date
    ['M1', '05-01-2021', 'Team Café & co', 'Verlof', null, '7,2'], // text date, text hours, blank product
    ['M2', 44202, 'Team B', 'Direct', 'Nareis', -1],
  ];

  test('reads shared strings (with escapes), numbers, Excel dates and text cells through the same checks', async () => {
    const bytes = makeXlsx(rows);
    expect(await readXlsxHeader(bytes)).toEqual(rows[0]);
    const r = await importXlsx(bytes, opts);
    expect(r.source).toBe('xlsx');
    expect(r.rowsRead).toBe(3);
    expect(r.rowsAccepted).toBe(2);
    expect(r.teams).toEqual(['Team Café & co']);
    expect(r.hoursAccepted).toBeCloseTo(13.7, 12);
    expect(r.cells.every((c) => c.period === '2021-P01')).toBe(true);
    expect(r.issues).toEqual([expect.objectContaining({ row: 4, code: 'trRowHoursNegative' })]);
  });

  test('a file that is not a zip gives trXlsxInvalid with a clear message', async () => {
    try {
      await importXlsx(new TextEncoder().encode('Medewerker;Datum'), opts);
      throw new Error('not refused');
    } catch (e) {
      expect((e as CalcError).code).toBe('trXlsxInvalid');
      expect((e as CalcError).messageIn('nl')).toMatch(
        /^Het bestand is geen leesbare Excel-werkmap \(\.xlsx\): .+\. Verwacht: een \.xlsx met de export op het eerste werkblad\./,
      );
    }
  });

  test('an empty worksheet gives trEmptyFile; missing columns give trMissingColumn', async () => {
    await expect(importXlsx(makeXlsx([]), opts)).rejects.toMatchObject({ code: 'trEmptyFile' });
    await expect(
      importXlsx(
        makeXlsx([
          ['Datum', 'Uren'],
          [44200, 1],
        ]),
        opts,
      ),
    ).rejects.toMatchObject({ code: 'trMissingColumn' });
  });
});
