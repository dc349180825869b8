import fc from 'fast-check';
import { formatError } from '../../src/core/errors';
import {
  cellAt,
  columnLetters,
  columnNumber,
  hasErrors,
  mergeNormVersions,
  missingCodesIssue,
  missingNormCodes,
  normVersions,
  quoteSheet,
  validateNormRange,
  validateVolumeTable,
  type Cell,
  type Issue,
  type NormRow,
} from '../../src/core/norms';

const header: Cell[] = ['Code', 'Naam', 'Normminuten'];
function range(values: Cell[][], sheet = 'Blad1', address = 'A1:C9') {
  return { sheet, address, values };
}
function only(issues: Issue[], code: string): Issue[] {
  return issues.filter((i) => i.code === code);
}
const nl = (i: Issue) => formatError(i.code, i.details, 'nl');
const en = (i: Issue) => formatError(i.code, i.details, 'en');

describe('addresses', () => {
  it('converts columns both ways', () => {
    expect(columnLetters(1)).toBe('A');
    expect(columnLetters(26)).toBe('Z');
    expect(columnLetters(27)).toBe('AA');
    expect(columnLetters(16384)).toBe('XFD');
    expect(columnNumber('XFD')).toBe(16384);
    expect(() => columnLetters(0)).toThrow(RangeError);
  });
  it('round-trips every column (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (n) => columnNumber(columnLetters(n)) === n));
  });
  it('quotes sheet names like Excel', () => {
    expect(quoteSheet('Blad1')).toBe('Blad1');
    expect(quoteSheet('IND Data')).toBe("'IND Data'");
    expect(quoteSheet("Jan's")).toBe("'Jan''s'");
    expect(quoteSheet('AB12')).toBe("'AB12'");
    expect(cellAt('Blad1', 'B3:F9', 4, 1)).toBe('Blad1!C7');
  });
});

describe('validateNormRange', () => {
  it('accepts a clean table with header and keeps minutes exactly', () => {
    const r = validateNormRange(
      range([header, ['S1', 'Spoor 1', 120], ['S4', 'Spoor 4', 812.25], [1234, 'Nareis', 95]]),
      '2021',
    );
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual([
      { code: 'S1', name: 'Spoor 1', minutes: 120, validFrom: null, version: '2021' },
      { code: 'S4', name: 'Spoor 4', minutes: 812.25, validFrom: null, version: '2021' },
      { code: 1234, name: 'Nareis', minutes: 95, validFrom: null, version: '2021' },
    ]);
  });

  it('accepts a selection without header (fixed column order) and skips blank rows', () => {
    const r = validateNormRange(
      range([
        ['S1', 'Spoor 1', 120],
        [null, '', null],
        ['S2', 'Spoor 2', 60, 2021],
      ]),
      'v',
    );
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => x.code)).toEqual(['S1', 'S2']);
    expect(r.rows[1].validFrom).toBe(2021);
  });

  it('maps columns by English/Dutch header names in any order, including Versie', () => {
    const r = validateNormRange(
      range([
        ['Versie', 'Normtijd', 'Product', 'Omschrijving'],
        ['na tijdschrijven', 130, 'S1', 'Spoor 1'],
      ]),
      '2021',
    );
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual([
      { code: 'S1', name: 'Spoor 1', minutes: 130, validFrom: null, version: 'na tijdschrijven' },
    ]);
  });

  it('rejects duplicate codes within one version, case-insensitively, naming both cells', () => {
    const r = validateNormRange(range([header, ['S1', 'a', 10], ['s1 ', 'b', 20]], 'Blad1', 'A1:C3'), '2021');
    const d = only(r.issues, 'normCodeDuplicate');
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe('error');
    expect(nl(d[0])).toBe(
      'Productcode "s1" komt dubbel voor in versie "2021": Blad1!A2 en Blad1!A3. Verwacht: elke code één keer per versie (Excel vergelijkt codes zonder onderscheid tussen hoofd- en kleine letters). Verwijder of hernoem één van beide rijen.',
    );
    expect(hasErrors(r.issues)).toBe(true);
  });

  it('allows the same code in two versions side by side', () => {
    const r = validateNormRange(
      range([
        ['Code', 'Naam', 'Normminuten', 'Geldig vanaf', 'Versie'],
        ['S1', 'a', 10, 2021, '2021'],
        ['S1', 'a', 14, 2022, 'na tijdschrijven'],
      ]),
      '',
    );
    expect(r.issues).toEqual([]);
    expect(normVersions(r.rows)).toEqual(['2021', 'na tijdschrijven']);
  });

  it('rejects text minutes "12,5" with the cell and a retype hint', () => {
    const r = validateNormRange(
      range([header, ['S1', 'a', 120], ['S4', 'b', '12,5']], 'Blad1', 'A5:C7'),
      '2021',
    );
    const t = only(r.issues, 'normMinutesText');
    expect(t).toHaveLength(1);
    expect(t[0].details.cell).toBe('Blad1!C7');
    expect(nl(t[0])).toBe(
      'Normminuten in cel Blad1!C7 (code "S4"): verwacht een getal, ontvangen tekst "12,5". De cel bevat het getal als tekst. Typ het opnieuw als getal (zonder aanhalingsteken) of zet de cel op getalnotatie.',
    );
    expect(en(t[0])).toContain('expected a number, received text "12,5"');
    expect(r.rows.map((x) => x.code)).toEqual(['S1']);
  });

  it('rejects other text, booleans and Excel error values with a plain message', () => {
    const r = validateNormRange(
      range([header, ['S1', 'a', 'veel'], ['S2', 'b', true], ['S3', 'c', '#N/A']]),
      'v',
    );
    const t = only(r.issues, 'normMinutesText');
    expect(t).toHaveLength(3);
    expect(nl(t[0])).toContain('Vervang de tekst door het aantal minuten per zaak.');
  });

  it('rejects blanks in code and minutes, negatives and bad years', () => {
    const r = validateNormRange(
      range([
        ['Code', 'Naam', 'Normminuten', 'Geldig vanaf'],
        [null, 'a', 10, null],
        ['S2', 'b', null, null],
        ['S3', 'c', -5, null],
        ['S4', 'd', 30, 21],
      ]),
      'v',
    );
    expect(r.issues.map((i) => i.code)).toEqual([
      'normCodeBlank',
      'normMinutesBlank',
      'normMinutesNegative',
      'normYearInvalid',
    ]);
    expect(nl(r.issues[0])).toBe(
      'Productcode ontbreekt in cel Blad1!A2 (rij 2). Verwacht: een productcode. Vul de code in of verwijder de rij uit de selectie.',
    );
    expect(nl(r.issues[1])).toContain('Normminuten ontbreken in cel Blad1!C3 (code "S2")');
    expect(en(r.issues[2])).toBe(
      'Norm minutes in cell Blad1!C4 (code "S3") are negative: -5. Expected: a number ≥ 0. Check the sign.',
    );
    expect(nl(r.issues[3])).toContain(
      'verwacht een jaartal tussen 1990 en 2100 of een lege cel, ontvangen "21"',
    );
    expect(r.rows).toEqual([]);
  });

  it('rejects wildcard characters in codes (MATCH would treat them as patterns)', () => {
    const r = validateNormRange(range([header, ['S*', 'a', 10]]), 'v');
    expect(r.issues.map((i) => i.code)).toEqual(['normCodeWildcard']);
  });

  it('flags implausible minutes as warnings, not errors', () => {
    const r = validateNormRange(range([header, ['S1', 'a', 0.5], ['S2', 'b', 9000], ['S3', 'c', 60]]), 'v');
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([
      ['normMinutesTooSmall', 'warning'],
      ['normMinutesTooLarge', 'warning'],
    ]);
    expect(hasErrors(r.issues)).toBe(false);
    expect(nl(r.issues[0])).toContain('Zijn dit uren in plaats van minuten? Vermenigvuldig dan met 60.');
    expect(r.rows).toHaveLength(3);
  });

  it('flags a set where every norm is small: hours typed as minutes', () => {
    const r = validateNormRange(range([header, ['S1', 'a', 2], ['S2', 'b', 1.5], ['S3', 'c', 8]]), 'v');
    const w = only(r.issues, 'normMinutesAllSmall');
    expect(w).toHaveLength(1);
    expect(nl(w[0])).toBe(
      'Alle 3 normtijden in Blad1!A1:C9 zijn 10 of minder. Dat lijken uren, geen minuten. Vermenigvuldig met 60 als het uren zijn.',
    );
  });

  it('reports an empty selection and too few columns', () => {
    expect(validateNormRange(range([[null, null, null]]), 'v').issues.map((i) => i.code)).toEqual([
      'normSelectionEmpty',
    ]);
    expect(validateNormRange(range([header]), 'v').issues.map((i) => i.code)).toEqual(['normSelectionEmpty']);
    expect(validateNormRange(range([]), 'v').issues.map((i) => i.code)).toEqual(['normSelectionEmpty']);
    const few = validateNormRange(range([['S1', 10]], 'Blad1', 'A1:B1'), 'v');
    expect(few.issues.map((i) => i.code)).toEqual(['normColumnsMissing']);
    expect(nl(few.issues[0])).toContain('heeft 2 kolom(men). Verwacht: minstens 3 kolommen');
  });

  it('requires a version name when the data has none', () => {
    const r = validateNormRange(range([header, ['S1', 'a', 10], ['S2', 'b', 10]]), '  ');
    expect(r.issues.map((i) => i.code)).toEqual(['normVersionBlank']);
  });

  it('property: unique codes with plausible minutes give no issues and keep every value exactly', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Z0-9]{0,5}$/), { minLength: 1, maxLength: 30 }),
        fc.array(fc.double({ min: 11, max: 6000, noNaN: true }), { minLength: 30, maxLength: 30 }),
        (codes, mins) => {
          const values: Cell[][] = [header, ...codes.map((c, i) => [c, `P ${c}`, mins[i]] as Cell[])];
          const r = validateNormRange(range(values), '2021');
          return (
            r.issues.length === 0 &&
            r.rows.length === codes.length &&
            r.rows.every((row, i) => row.minutes === mins[i])
          );
        },
      ),
    );
  });

  it('property: a duplicated code is always caught and the table never validates', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Z][0-9]{1,3}$/), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.nat(),
        (codes, pick, pos) => {
          const dup = codes[pick % codes.length];
          const list = [...codes];
          list.splice(pos % (list.length + 1), 0, dup.toLowerCase());
          const values: Cell[][] = list.map((c) => [c, 'x', 30]);
          const r = validateNormRange(range(values), 'v');
          return only(r.issues, 'normCodeDuplicate').length === 1 && hasErrors(r.issues);
        },
      ),
    );
  });
});

describe('mergeNormVersions', () => {
  const row = (code: string, version: string, minutes = 10): NormRow => ({
    code,
    name: code,
    minutes,
    validFrom: null,
    version,
  });
  it('replaces the imported version in place and keeps the others', () => {
    const existing = [row('A', '2021'), row('B', '2021'), row('A', 'na tijdschrijven')];
    const merged = mergeNormVersions(existing, [row('A', '2021', 99)]);
    expect(merged).toEqual([row('A', '2021', 99), row('A', 'na tijdschrijven')]);
  });
  it('appends a new version', () => {
    expect(mergeNormVersions([row('A', '2021')], [row('A', 'nieuw')]).map((r) => r.version)).toEqual([
      '2021',
      'nieuw',
    ]);
  });
  it('property: other versions are untouched and the incoming rows are all present', () => {
    const arbRow = fc.record({
      code: fc.stringMatching(/^[A-Z]\d$/),
      name: fc.constant('n'),
      minutes: fc.integer({ min: 1, max: 100 }),
      validFrom: fc.constant(null),
      version: fc.constantFrom<string>('2021', '2022', 'na'),
    });
    fc.assert(
      fc.property(fc.array(arbRow), fc.array(arbRow), (existing, incoming) => {
        const merged = mergeNormVersions(existing, incoming);
        const inVersions = new Set(incoming.map((r) => r.version));
        const kept = existing.filter((r) => !inVersions.has(r.version));
        return (
          merged.length === kept.length + incoming.length &&
          JSON.stringify(merged.filter((r) => !inVersions.has(r.version))) === JSON.stringify(kept) &&
          JSON.stringify(
            merged
              .filter((r) => inVersions.has(r.version))
              .sort((a, b) => a.version.localeCompare(b.version)),
          ) === JSON.stringify([...incoming].sort((a, b) => a.version.localeCompare(b.version)))
        );
      }),
    );
  });
});

describe('validateVolumeTable / missingNormCodes', () => {
  const table = (rows: Cell[][], headers = ['Code', 'P01', 'P02']) => ({
    name: 'Volumes',
    sheet: 'Invoer',
    address: 'B2:D9',
    headers,
    rows,
  });
  it('accepts codes and numbers; blanks count as 0', () => {
    const r = validateVolumeTable(
      table([
        ['S1', 10, null],
        [1234, 0, 3],
      ]),
    );
    expect(r.issues).toEqual([]);
    expect(r.shape).toEqual({ codeHeader: 'Code', periods: ['P01', 'P02'], codes: ['S1', 1234] });
  });
  it('rejects text and negative volumes with their cell', () => {
    const r = validateVolumeTable(table([['S1', '10', -1]]));
    expect(r.issues.map((i) => [i.code, i.details.cell])).toEqual([
      ['volumeValueInvalid', 'Invoer!C3'],
      ['volumeValueInvalid', 'Invoer!D3'],
    ]);
    expect(nl(r.issues[0])).toBe(
      'Volume in cel Invoer!C3 (code "S1", periode "P01"): verwacht een aantal zaken ≥ 0, ontvangen "10". Vervang de waarde door een getal (een lege cel telt als 0).',
    );
  });
  it('rejects a blank row between products but skips trailing blank rows', () => {
    const r = validateVolumeTable(
      table([
        ['S1', 1, 1],
        [null, null, null],
        ['S2', 2, 2],
        [null, null, null],
      ]),
    );
    expect(r.issues.map((i) => [i.code, i.details.cell])).toEqual([['volumeCodeBlank', 'Invoer!B4']]);
    expect(
      validateVolumeTable(
        table([
          ['S1', 1, 1],
          [null, null, null],
        ]),
      ).issues,
    ).toEqual([]);
  });
  it('rejects duplicate and blank codes, and an empty table', () => {
    const r = validateVolumeTable(
      table([
        ['S1', 1, 1],
        ['s1', 2, 2],
        [null, 3, 3],
      ]),
    );
    expect(r.issues.map((i) => i.code)).toEqual(['volumeCodeDuplicate', 'volumeCodeBlank']);
    expect(validateVolumeTable(table([])).issues.map((i) => i.code)).toEqual(['volumeTableEmpty']);
    expect(validateVolumeTable(table([['S1']], ['Code'])).issues.map((i) => i.code)).toEqual([
      'volumeTableEmpty',
    ]);
  });
  it('lists codes missing from the chosen norm version', () => {
    const norms: NormRow[] = [
      { code: 'S1', name: '', minutes: 1, validFrom: null, version: '2021' },
      { code: 1234, name: '', minutes: 1, validFrom: null, version: '2021' },
      { code: 'S2', name: '', minutes: 1, validFrom: null, version: 'na' },
    ];
    expect(missingNormCodes(['s1', '1234', 'S2', 'X', 'X'], norms, '2021')).toEqual(['S2', 'X']);
    const issue = missingCodesIssue('Volumes', '2021', ['S2', 'X']);
    expect(nl(issue[0])).toBe(
      '2 productcode(s) uit volumetabel "Volumes" ontbreken in normversie "2021": "S2", "X". Er is niets geschreven. Importeer normtijden voor deze codes of kies een andere normversie.',
    );
    expect(missingCodesIssue('V', '2021', [])).toEqual([]);
    const many = missingCodesIssue(
      'V',
      'v',
      Array.from({ length: 25 }, (_, i) => `C${i}`),
    );
    expect(String(many[0].details.codes)).toMatch(/"C19" \(\+5\)$/);
  });
});
