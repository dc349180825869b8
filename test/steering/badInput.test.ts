/**
 * Bad input of the steering core, a test each: a decision date before the receipt date, a
 * deadline table missing a product the stock has, a forecast for a period without realisation
 * (pending, not an error), text in numeric cells, duplicate case ids. Each asserts the error code
 * and the message (Dutch and English) naming the row and the fix. The plan and view tests assert
 * that nothing is written then.
 */
import { CalcError } from '../../src/core/errors';
import { readForecastInput, readPlan, scoreForecasts, type VersionRow } from '../../src/core/steering';
import { CAL, DECIDED_ROWS, STOCK_HEADERS, STOCK_ROWS, TERMS } from './fixtures';
import { importDecided, importStock } from './helpers';

function caught(fn: () => unknown): CalcError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CalcError) return e;
    throw e;
  }
  throw new Error('expected a CalcError');
}

test('a decision date before the receipt date names the row and the fix', () => {
  const rows = DECIDED_ROWS.map((r) => r.slice());
  rows[2][3] = '30-11-2025'; // received 01-12-2025
  const e = caught(() => importDecided(rows));
  expect(e.code).toBe('steerDecidedBeforeReceived');
  expect(e.messageIn('nl')).toContain('Rij 4 van besloten.csv');
  expect(e.messageIn('nl')).toContain('(30-11-2025) ligt vóór de ontvangstdatum (01-12-2025)');
  expect(e.messageIn('en')).toContain('Row 4 of besloten.csv');
  expect(e.messageIn('en')).toContain('correct one of the two dates');
});

test('several bad rows: the first is named, with the count of the others', () => {
  const rows = DECIDED_ROWS.map((r) => r.slice());
  rows[1][3] = '01-06-2025';
  rows[2][3] = '30-11-2025';
  const e = caught(() => importDecided(rows));
  expect(e.messageIn('nl')).toContain('Rij 3 van besloten.csv');
  expect(e.messageIn('nl')).toContain('(en nog 1 rij(en) met een fout)');
});

test('a deadline table missing a product that the stock has names the product, its cases and the table', () => {
  const terms = new Map(TERMS);
  terms.delete('NAREIS');
  const e = caught(() => importStock(STOCK_ROWS, STOCK_HEADERS, terms));
  expect(e.code).toBe('steerMissingDeadline');
  expect(e.excel).toBe('notAvailable');
  expect(e.messageIn('nl')).toBe(
    'Product "NAREIS" staat in voorraad.csv (6 zaken, eerst in rij 14) maar niet in de termijntabel IND_Beslistermijnen. Voeg een rij toe met product "NAREIS", de beslistermijn in dagen en de bron of "aanname".',
  );
  expect(e.messageIn('en')).toContain('Add a row with product "NAREIS"');
});

test('a forecast for a period without realisation is pending, not an error', () => {
  const rows: VersionRow[] = [
    {
      version: 1,
      date: 46120,
      who: 'BC',
      product: 'AA',
      series: 'ontvangen',
      period: '2026-P04',
      horizon: 1,
      value: 10,
    },
    {
      version: 1,
      date: 46120,
      who: 'BC',
      product: 'AA',
      series: 'ontvangen',
      period: '2026-P06',
      horizon: 3,
      value: 12,
    },
  ];
  const scores = scoreForecasts(rows, (_p, _s, period) => (period === '2026-P04' ? 8 : undefined));
  const h1 = scores.find((s) => s.horizon === 1)!;
  const h3 = scores.find((s) => s.horizon === 3)!;
  expect(h1).toMatchObject({ scored: 1, pending: 0, bias: 2, wape: 0.25 });
  expect(h3).toEqual({ product: 'AA', series: 'ontvangen', horizon: 3, scored: 0, pending: 1 });
});

describe('text in numeric cells', () => {
  test('a date cell with text names the row, the column and the form to use', () => {
    const rows = STOCK_ROWS.map((r) => r.slice());
    rows[4][2] = 'gisteren';
    const e = caught(() => importStock(rows));
    expect(e.code).toBe('steerBadDate');
    expect(e.messageIn('nl')).toContain(
      'Rij 6 van voorraad.csv: Datum ontvangst is "gisteren", geen datum. Gebruik dd-mm-jjjj',
    );
    expect(e.messageIn('en')).toContain('Row 6 of voorraad.csv: Datum ontvangst is "gisteren", not a date.');
  });

  test('a plan cell with text "1.250" is refused, not guessed', () => {
    const e = caught(() => readPlan([['AA', '2026-P01', '1.250', 10, '', '', '']], CAL, 'IND_Productieplan'));
    expect(e.code).toBe('notANumber');
    expect(e.messageIn('nl')).toContain('IND_Productieplan · Plan ontvangen, rij 1');
    expect(e.messageIn('nl')).toContain('"1.250"');
  });

  test('a forecast cell with text is refused naming the row', () => {
    const e = caught(() =>
      readForecastInput([['AA', 'ontvangen', '2026-P06', 'veel']], CAL, 'IND_PrognoseInvoer'),
    );
    expect(e.code).toBe('notANumber');
    expect(e.messageIn('en')).toContain('IND_PrognoseInvoer · Prognose, row 1');
  });
});

describe('duplicate case ids', () => {
  test('within one export: both rows named, no id quoted', () => {
    const rows = STOCK_ROWS.map((r) => r.slice());
    rows[7][0] = rows[2][0];
    const e = caught(() => importStock(rows));
    expect(e.code).toBe('steerDuplicateCase');
    expect(e.messageIn('nl')).toBe(
      'voorraad.csv: rij 4 en rij 9 hebben hetzelfde zaaknummer. Elke zaak telt één keer: verwijder de dubbele rij uit de export.',
    );
    expect(e.messageIn('nl')).not.toContain(String(rows[2][0]));
  });

  test('across the stock and the decided export', () => {
    const ids: { map?: ReadonlyMap<string, number> } = {};
    importStock(STOCK_ROWS, STOCK_HEADERS, TERMS, ids);
    const rows = DECIDED_ROWS.map((r) => r.slice());
    rows[1][0] = 'Z-0005';
    const e = caught(() => importDecided(rows, undefined, ids.map));
    expect(e.messageIn('nl')).toBe(
      'besloten.csv: rij 3 heeft hetzelfde zaaknummer als rij 6 van voorraad.csv. Een zaak is open óf besloten: haal haar uit een van beide exports.',
    );
  });
});

test('a missing required column lists the columns found', () => {
  const e = caught(() =>
    importStock(STOCK_ROWS, ['Zaaknummer', 'Soort', 'Datum ontvangst', 'a', 'b', 'c', 'd']),
  );
  expect(e.code).toBe('steerMissingColumn');
  expect(e.messageIn('nl')).toContain('voorraad.csv: er is geen kolom voor "Product"');
});

test('a receipt date after the peildatum is refused', () => {
  const rows = STOCK_ROWS.map((r) => r.slice());
  rows[0][2] = '01-05-2026';
  const e = caught(() => importStock(rows));
  expect(e.code).toBe('steerAfterPeildatum');
  expect(e.messageIn('nl')).toContain(
    'Rij 2 van voorraad.csv: Datum ontvangst (01-05-2026) ligt na de peildatum (30-04-2026)',
  );
});
