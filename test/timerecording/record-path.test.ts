/**
 * The CSV import reads a record from offsets into the decoded chunk (numbers, dates and texts
 * from the characters, texts interned to ids), the table and XLSX imports read arrays of values.
 * Both must give the same aggregate, the same rejections and the same messages: a differential
 * property over fields that hit every fast path and every fall-back (fixed seed, a few seconds).
 */
import fc from 'fast-check';
import { Aggregator, type AggregateResult } from '../../src/core/timerecording/aggregate';
import { CsvTokenizer } from '../../src/core/timerecording/csv';
import { importCsv, importRows } from '../../src/core/timerecording/import';
import { SMALL_MAPPING, streamOf, utf8 } from './helpers';

const MAPPING = { ...SMALL_MAPPING, cases: 'Zaken' };
const HEADER = ['Medewerker', 'Datum', 'Team', 'Categorie', 'Product', 'Uren', 'Zaken'];

const number = fc.constantFrom(
  '7,5',
  '7.5',
  '1',
  '0',
  '-0',
  '-1',
  '+2',
  '25',
  '24',
  '24,0000001',
  '0,25',
  '00012,50',
  '1,234',
  '1.234',
  '1.234,5',
  '1,234.5',
  '.5',
  '7,',
  '7.',
  '1e3',
  'abc',
  '',
  ' ',
  ' 3 ',
  '3\u00a0',
  '123456789012345',
  '1234567890123456',
  '0,000000000000001',
  '8,000000000000001',
  '12345678901234,5',
  '2,5,5',
  '--1',
  '+',
);
const date = fc.constantFrom(
  '04-01-2021',
  '4-1-2021',
  '04/01/2021',
  '04.01.2021',
  '04-01.2021',
  '2021-01-04',
  '31-02-2021',
  '29-02-2024',
  '04-13-2021',
  '04-01-21',
  '004-01-2021',
  '04-01-20211',
  '04-01-2021 10:00',
  ' 05-01-2021',
  '05-01-2021 ',
  '',
  'x',
  '0-0-2021',
  '1-1-1899',
  '31-12-2999',
  '4-1-202a',
);
const text = fc.constantFrom(
  'Team A',
  ' Team A ',
  'team a',
  'Team B',
  '',
  ' ',
  'Tëam',
  '\u00a0Team A',
  'A\tB',
);
const label = fc.constantFrom('Direct', 'direct', ' Direct ', 'Overleg', 'OVERLEG  x', '', 'Coördinatie');
const product = fc.constantFrom('', 'P1', ' P1', 'P2', 'x'.repeat(70), 'x'.repeat(70) + ' ');
const person = fc.constantFrom('M1', 'M2', '', ' M1', 'M3');
const cases = fc.constantFrom('', '0', '1', '12', '1,5', '-1', ' 2 ', 'x', '-0', '1,0');
const row = fc
  .tuple(person, date, text, label, product, number, cases, fc.constantFrom(0, 0, 0, 1, 2, 3))
  .map(([p, d, t, l, pr, h, c, shape]) => {
    const r = [p, d, t, l, pr, h, c];
    if (shape === 1) r.push(''); // a trailing delimiter
    if (shape === 2) r.push('extra');
    if (shape === 3) r.splice(5); // too few fields
    return r;
  });

/** The part of a result both paths produce. */
function core(r: AggregateResult): AggregateResult {
  const keys: (keyof AggregateResult)[] = [
    'periodKind',
    'headers',
    'rowsRead',
    'rowsAccepted',
    'rowsRejected',
    'hoursRead',
    'hoursAccepted',
    'hoursRejected',
    'rejectedWithoutHours',
    'issues',
    'issueCounts',
    'cells',
    'categories',
    'teams',
    'periods',
    'personWeekCount',
    'personWeekFlags',
    'personWeekFlagCount',
    'personWeekLimit',
    'personCheckRan',
  ];
  return Object.fromEntries(keys.map((k) => [k, r[k]])) as unknown as AggregateResult;
}

describe('CSV offsets path = array path', () => {
  test('same aggregate, rejections and messages for fields of every form, however the text is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.constantFrom<'period4w' | 'month' | 'isoWeek'>('period4w', 'month', 'isoWeek'),
        async (rows, chunk, eol, periodKind) => {
          // A field with a tab is quoted (the slow path); the rest are plain.
          const quote = (f: string) => (/[\t"]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
          const csv = [HEADER, ...rows].map((r) => r.map(quote).join(';')).join(eol) + eol;
          const opts = { mapping: MAPPING, periodKind, personWeekLimit: 8, maxStored: 5 };
          const viaCsv = await importCsv(streamOf(utf8(csv), chunk), opts);
          const viaRows = importRows(HEADER, rows, opts);
          expect(core(viaCsv)).toEqual(core(viaRows));
        },
      ),
      { seed: 20261201, numRuns: 150 },
    );
  });

  test('numbers read from the characters are exactly what Number gives (golden values)', () => {
    const read = (hours: string) => {
      const a = new Aggregator(HEADER, { mapping: MAPPING, periodKind: 'period4w' });
      const tok = CsvTokenizer.withRecords((rec, n) => a.addRecord(rec, n + 1), ';');
      tok.push(`M1;04-01-2021;Team A;Direct;P1;${hours};1\n`);
      tok.end();
      const r = a.result();
      return r.rowsAccepted === 1 ? r.hoursAccepted : r.issues[0].code;
    };
    expect(read('7,5')).toBe(7.5);
    expect(read('0,1')).toBe(0.1);
    expect(read('0.3')).toBe(0.3);
    expect(read('8,000000000000001')).toBe(8.000000000000001);
    expect(read('0,000000000000001')).toBe(1e-15);
    expect(read('+2')).toBe(2);
    expect(read('1.234,5')).toBe('trRowHoursAbsurd');
    expect(read('12345678901234,5')).toBe('trRowHoursAbsurd');
    expect(read('7,')).toBe('trRowHoursNotNumber');
    expect(read('-1')).toBe('trRowHoursNegative');
  });
});
