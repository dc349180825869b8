import { CalcError } from '../../src/core/errors';
import { importCsv, importRows, readCsvHeader } from '../../src/core/timerecording/import';
import { analyse } from '../../src/core/timerecording/analysis';
import { encodeWindows1252, SMALL_CATEGORIES, SMALL_MAPPING, streamOf, utf8 } from './helpers';

const opts = { mapping: SMALL_MAPPING, periodKind: 'period4w' as const };

async function caught(p: Promise<unknown>): Promise<CalcError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CalcError) return e;
    throw e;
  }
  throw new Error('expected a CalcError');
}

const GOOD = [
  'Medewerker;Datum;Team;Categorie;Product;Uren',
  'M1;04-01-2021;Team A;Direct;Spoor 4;6,5',
  'M1;04-01-2021;Team A;Opleiden;;0,7',
  'M2;05-01-2021;Team A;Verlof;;7,2',
  'M3;05-01-2021;Team B;Direct;Nareis;7.25',
].join('\r\n');

describe('importCsv: bad input, one test each', () => {
  test('the wrong delimiter: a comma file read with ; gives a clear message naming the fix', async () => {
    const text = GOOD.replace(/(\d),(\d)/g, '$1.$2').replace(/;/g, ',');
    const e = await caught(importCsv(streamOf(utf8(text)), { ...opts, delimiter: ';' }));
    expect(e.code).toBe('trDelimiterMismatch');
    expect(e.messageIn('nl')).toBe(
      'De kopregel valt met scheidingsteken ";" uiteen in 1 kolom(men), terwijl de koppeling de kolommen Medewerker, Datum, Team, Categorie, Product, Uren verwacht. Het bestand lijkt "," als scheidingsteken te gebruiken. Kies dat scheidingsteken (Nederlandse exports gebruiken vaak ;).',
    );
    expect(e.messageIn('en')).toContain('appears to use "," as delimiter');
  });

  test('sniffing picks ; , or tab from the header', async () => {
    for (const d of [';', ',', '\t']) {
      const text = GOOD.replace(/(\d),(\d)/g, '$1.$2').replace(/;/g, d);
      const r = await importCsv(streamOf(utf8(text)), opts);
      expect(r.delimiter).toBe(d);
      expect(r.rowsAccepted).toBe(4);
    }
  });

  test('UTF-8 with BOM: the BOM is detected and not part of the first header', async () => {
    const r = await importCsv(streamOf(utf8(GOOD.replace('Opleiden', 'Coördinatie'), true), 2), opts);
    expect(r.bom).toBe(true);
    expect(r.encoding).toBe('utf-8');
    expect(r.headers[0]).toBe('Medewerker');
    expect(r.categories.map((c) => c.label)).toContain('Coördinatie');
  });

  test('Windows-1252 with é: detected as not UTF-8, re-read, é comes out right', async () => {
    const text = GOOD.replace('Team B', 'Team Café').replace('Opleiden', 'Coördinatie');
    const r = await importCsv(streamOf(encodeWindows1252(text), 5), opts);
    expect(r.encoding).toBe('windows-1252');
    expect(r.teams).toEqual(['Team A', 'Team Café']);
    expect(r.categories.map((c) => c.label)).toContain('Coördinatie');
  });

  test('the Dutch decimal comma: 6,5 and 7.25 and 1.234,5 (quoted) are read as numbers', async () => {
    const text = GOOD + '\r\nM4;06-01-2021;Team B;Ziekte;;"0,5"';
    const r = await importCsv(streamOf(utf8(text)), opts);
    expect(r.hoursAccepted).toBeCloseTo(6.5 + 0.7 + 7.2 + 7.25 + 0.5, 12);
    expect(r.rowsRejected).toBe(0);
  });

  test('the decimal comma in an unquoted comma-separated file is caught per row, not misread', async () => {
    const text = [
      'Medewerker,Datum,Team,Categorie,Product,Uren',
      'M1,04-01-2021,Team A,Direct,Spoor 4,6,5',
    ].join('\n');
    const r = await importCsv(streamOf(utf8(text)), opts);
    expect(r.rowsRejected).toBe(1);
    expect(r.issues[0].code).toBe('trRowColumnCount');
    expect(new CalcError(r.issues[0].code, r.issues[0].details).messageIn('nl')).toBe(
      'Rij 2: 7 veld(en) gevonden, verwacht 6 (zoals de kopregel). Mogelijk een scheidingsteken of aanhalingsteken in een veld; corrigeer de regel in de bron.',
    );
  });

  test('a trailing delimiter on every data line is tolerated; a filled extra field is not', async () => {
    const text =
      'Medewerker;Datum;Team;Categorie;Product;Uren\nM1;04-01-2021;A;Direct;X;1;\nM1;04-01-2021;A;Direct;X;1;extra';
    const r = await importCsv(streamOf(utf8(text)), opts);
    expect(r.rowsAccepted).toBe(1);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([[3, 'trRowColumnCount']]);
  });

  test('dates as dd-mm-jjjj (and d-m-jjjj, jjjj-mm-dd) fall in the right 4-week period; 31-02 is refused', async () => {
    const text = [
      'Medewerker;Datum;Team;Categorie;Product;Uren',
      'M1;04-01-2021;A;Direct;X;1', // ISO week 1 → P01
      'M1;1-2-2021;A;Direct;X;1', // week 5 → P02
      'M1;2021-03-31;A;Direct;X;1', // week 13 → P04
      'M1;31-02-2021;A;Direct;X;1',
    ].join('\n');
    const r = await importCsv(streamOf(utf8(text)), opts);
    expect(r.cells.map((c) => c.period)).toEqual(['2021-P01', '2021-P02', '2021-P04']);
    expect(r.periods.map((p) => p.label)).toEqual(['2021-P01', '2021-P02', '2021-P03', '2021-P04']);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].code).toBe('trRowDateInvalid');
    expect(new CalcError(r.issues[0].code, r.issues[0].details).messageIn('nl')).toBe(
      'Rij 5: datum (kolom "Datum") is "31-02-2021". Verwacht: dd-mm-jjjj (bijv. 04-01-2021), jjjj-mm-dd of een Excel-datum. Corrigeer de datum.',
    );
  });

  test('missing columns: names the role, the expected header and the headers found', async () => {
    const text = GOOD.replace('Uren', 'Tijd');
    const e = await caught(importCsv(streamOf(utf8(text)), opts));
    expect(e.code).toBe('trMissingColumn');
    expect(e.messageIn('nl')).toBe(
      'De kolom voor "uren" (verwacht: "Uren") staat niet in de kopregel. Gevonden kolommen: "Medewerker", "Datum", "Team", "Categorie", "Product", "Tijd". Koppel "uren" aan een van deze kolommen of exporteer opnieuw mét die kolom.',
    );
  });

  test('unknown categories are asked about, never guessed', async () => {
    const text = GOOD + '\nM4;06-01-2021;Team B;Teamuitje;;3\nM4;07-01-2021;Team B;Overig;;1';
    const r = await importCsv(streamOf(utf8(text)), opts);
    let err: unknown;
    try {
      analyse(r, { categoryMapping: { ...SMALL_CATEGORIES } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CalcError);
    const e = err as CalcError;
    expect(e.code).toBe('trUnknownCategory');
    expect(e.messageIn('nl')).toBe(
      '2 activiteitscategorie(ën) zijn nog niet ingedeeld: "Overig", "Teamuitje". Het model raadt niet: geef per categorie aan of het direct, indirect (opleiden, opgeleid worden, begeleiden, coördinatie, overleg, projecten, neventaken) of afwezigheid (verlof, bijzonder verlof, verzuim) is.',
    );
    // Once the user answers, the same import is analysed without re-reading the file.
    const a = analyse(r, {
      categoryMapping: { ...SMALL_CATEGORIES, teamuitje: 'sideTasks', overig: 'meetings' },
    });
    expect(a.totals.indirect).toBeCloseTo(0.7 + 3 + 1, 12);
  });

  test('negative or absurd hours: rejected with row, column and reason; counted in the reconciliation', async () => {
    const text =
      GOOD +
      '\nM4;06-01-2021;Team B;Direct;Nareis;-2\nM4;07-01-2021;Team B;Direct;Nareis;480\nM4;08-01-2021;Team B;Direct;Nareis;veel';
    const r = await importCsv(streamOf(utf8(text)), opts);
    expect(r.rowsRejected).toBe(3);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [6, 'trRowHoursNegative'],
      [7, 'trRowHoursAbsurd'],
      [8, 'trRowHoursNotNumber'],
    ]);
    const msgs = r.issues.map((i) => new CalcError(i.code, i.details).messageIn('nl'));
    expect(msgs[0]).toBe(
      'Rij 6: uren (kolom "Uren") is negatief: "-2". Verwacht: 0 of meer. Een correctieboeking hoort verrekend in de bron, niet als negatieve regel.',
    );
    expect(msgs[1]).toBe(
      'Rij 7: uren (kolom "Uren") is "480": meer dan 24 uur op één regel (één dag) kan niet. Waarschijnlijk minuten of een totaal; corrigeer de regel in de bron.',
    );
    expect(msgs[2]).toBe(
      'Rij 8: uren (kolom "Uren") is "veel". Verwacht: een getal zoals 7,5 of 7.5. Vul het aantal uren in.',
    );
    const a = analyse(r, { categoryMapping: { ...SMALL_CATEGORIES } });
    // Rejected hours count by absolute value (issue 8): the −2 does not net against the 480.
    expect(a.reconciliation.importedHours).toBeCloseTo(6.5 + 0.7 + 7.2 + 7.25 + 2 + 480, 9);
    expect(a.reconciliation.rejectedHours).toBeCloseTo(482, 9);
    expect(a.reconciliation.rejectedRowsWithoutHours).toBe(1);
    expect(a.reconciliation.difference).toBeCloseTo(0, 9);
  });

  test('an empty file, and a header-only file, end in a clear message', async () => {
    const e1 = await caught(importCsv(streamOf(new Uint8Array(0)), { ...opts, fileName: 'leeg.csv' }));
    expect(e1.code).toBe('trEmptyFile');
    expect(e1.messageIn('nl')).toBe(
      'Het bestand leeg.csv bevat geen regels. Verwacht: een kopregel met kolomnamen en minstens één regel met uren. Kies de volledige export (niet alleen de kopregel).',
    );
    const e2 = await caught(
      importCsv(streamOf(utf8(GOOD.split('\r\n')[0] + '\r\n')), { ...opts, fileName: 'kop.csv' }),
    );
    expect(e2.code).toBe('trEmptyFile');
    expect(e2.messageIn('en')).toContain('only a header line');
  });

  test('a file where every row is unreadable: analysis refuses with trNoValidRows', async () => {
    const text = 'Medewerker;Datum;Team;Categorie;Product;Uren\nM1;gisteren;A;Direct;X;1';
    const r = await importCsv(streamOf(utf8(text)), opts);
    expect(() => analyse(r, { categoryMapping: {} })).toThrow(CalcError);
    try {
      analyse(r, { categoryMapping: {} });
    } catch (e) {
      expect((e as CalcError).code).toBe('trNoValidRows');
      expect((e as CalcError).messageIn('nl')).toBe(
        'Geen enkele regel van de 1 regels kon worden gelezen (zie de lijst met afgekeurde regels; eerste reden: Rij 2: datum (kolom "Datum") is "gisteren". Verwacht: dd-mm-jjjj (bijv. 04-01-2021), jjjj-mm-dd of een Excel-datum. Corrigeer de datum.). Er is niets weggeschreven. Controleer de kolomkoppeling en het scheidingsteken.',
      );
      // The reason in English mode is English (it was "trRowDateInvalid (rij/row 2)" in both).
      expect((e as CalcError).messageIn('en')).not.toMatch(/rij|Rij|datum|trRow/);
    }
  });
});

describe('importCsv: streaming behaviour', () => {
  test('quoted fields with delimiters, quotes and line breaks across chunk boundaries', async () => {
    const text =
      'Medewerker;Datum;Team;Categorie;Product;Uren\n' +
      'M1;04-01-2021;"Team ""A""; west";Direct;"Spoor\n4";"1,5"\n' +
      'M2;04-01-2021;Team B;Direct;X;2';
    for (const chunk of [1, 2, 3, 5, 64]) {
      const r = await importCsv(streamOf(utf8(text), chunk), opts);
      expect(r.teams).toEqual(['Team "A"; west', 'Team B']);
      expect(r.cells.map((c) => c.product)).toEqual(['Spoor\n4', 'X']);
      expect(r.hoursAccepted).toBe(3.5);
    }
  });

  test('progress is reported in bytes and cancel stops with trCancelled', async () => {
    const text =
      GOOD + '\n' + Array.from({ length: 200 }, () => 'M9;06-01-2021;Team B;Direct;Nareis;1').join('\n');
    const bytes = utf8(text);
    const seen: number[] = [];
    await importCsv(streamOf(bytes, 100), { ...opts, onProgress: (b) => seen.push(b) });
    expect(seen[seen.length - 1]).toBe(bytes.length);
    expect(seen.every((b, i) => i === 0 || b > seen[i - 1])).toBe(true);

    const ctrl = new AbortController();
    const e = await caught(
      importCsv(streamOf(bytes, 100), {
        ...opts,
        signal: ctrl.signal,
        onProgress: (b) => {
          if (b >= 500) ctrl.abort();
        },
      }),
    );
    expect(e.code).toBe('trCancelled');
    expect(e.messageIn('nl')).toBe('Import afgebroken na 500 bytes. Er is niets weggeschreven.');
  });

  test('readCsvHeader reads only the header (mapping step), also from Windows-1252', async () => {
    const h = await readCsvHeader(streamOf(encodeWindows1252('Naam;Datum;Activité\nx;y;z'), 4));
    expect(h).toEqual({ headers: ['Naam', 'Datum', 'Activité'], delimiter: ';', encoding: 'windows-1252' });
  });

  test('a workbook table goes through the same checks, with typed values (Excel date serials)', () => {
    const r = importRows(
      ['Medewerker', 'Datum', 'Team', 'Categorie', 'Product', 'Uren'],
      [
        ['M1', 44200, 'A', 'Direct', 'X', 7.5], // 44200 = 04-01-2021
        ['M1', 44201, 'A', 'Direct', 'X', -1],
      ],
      opts,
    );
    expect(r.cells).toHaveLength(1);
    expect(r.cells[0].period).toBe('2021-P01');
    expect(r.issues[0]).toMatchObject({ row: 3, code: 'trRowHoursNegative' });
  });
});
