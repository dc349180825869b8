/** The shared raw-input validation, used by the adapters and by the import features. */
import { CalcError, isCalcError } from '../../src/core/errors';
import {
  checkFraction,
  checkRatio,
  checkSameLength,
  checkSameShape,
  checkWholeNumber,
  excelErrorCodeOf,
  isBlank,
  isOmitted,
  shapeOf,
  toBoolean,
  toNumber,
  toNumberColumn,
  toNumberGrid,
  toText,
  toTextColumn,
  unwrapCellValue,
} from '../../src/core/validate';

/** Runs `f`, expects a CalcError, returns it. */
function calcError(f: () => unknown): CalcError {
  try {
    f();
  } catch (e) {
    if (isCalcError(e)) return e;
    throw e;
  }
  throw new Error('expected a CalcError');
}

describe('blanks, errors, shapes', () => {
  test('isBlank', () => {
    expect([null, undefined, '', '   '].every(isBlank)).toBe(true);
    expect([0, 'a', false].some(isBlank)).toBe(false);
  });

  test('excelErrorCodeOf recognises error objects only', () => {
    expect(excelErrorCodeOf({ code: '#DIV/0!' })).toBe('#DIV/0!');
    expect(excelErrorCodeOf('#DIV/0!')).toBeUndefined();
    expect(excelErrorCodeOf({ code: 'x' })).toBeUndefined();
    expect(excelErrorCodeOf(null)).toBeUndefined();
  });

  test('shapeOf', () => {
    expect(shapeOf(5)).toEqual({ rows: 1, columns: 1 });
    expect(shapeOf([1, 2, 3])).toEqual({ rows: 3, columns: 1 });
    expect(shapeOf([[1, 2]])).toEqual({ rows: 1, columns: 2 });
    expect(shapeOf([])).toEqual({ rows: 0, columns: 0 });
  });

  test('isOmitted: null, undefined, "", [[""]], [[null]], []', () => {
    for (const v of [null, undefined, '', [['']], [[null]], []]) expect(isOmitted(v)).toBe(true);
    expect(isOmitted(0)).toBe(false);
    expect(isOmitted([[0]])).toBe(false);
  });
});

describe('Excel data types (allowCustomDataForDataTypeAny)', () => {
  const pct = { type: 'Double', basicValue: 0.7473, numberFormat: '0.00%' };
  const div0 = { type: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' };

  test('a formatted number counts as its number, in ranges and scalars', () => {
    expect(unwrapCellValue(pct)).toBe(0.7473);
    expect([
      ...toNumberColumn([[pct], [{ type: 'FormattedNumber', basicValue: 2, numberFormat: '0' }]], 'x'),
    ]).toEqual([0.7473, 2]);
    expect(toNumber(pct, 'directRatio')).toBe(0.7473);
    expect(toNumber([[pct]], 'directRatio')).toBe(0.7473);
  });

  test('a data-type error is an Excel error value; Empty is blank; an entity gives its text', () => {
    expect(excelErrorCodeOf(div0)).toBe('#DIV/0!');
    expect(calcError(() => toNumberColumn([[1], [div0]], 'x')).details).toMatchObject({
      row: 2,
      received: '#DIV/0!',
    });
    expect([...toNumberColumn([[{ type: 'Empty' }]], 'x')]).toEqual([0]);
    expect(isOmitted({ type: 'Empty' })).toBe(true);
    const entity = { type: 'Entity', text: 'Asiel', basicValue: 'Asiel', properties: {} };
    expect(calcError(() => toNumberColumn([[entity]], 'x')).details.received).toBe('Asiel');
    expect(toTextColumn([[entity]], 'codes')).toEqual(['Asiel']);
  });

  test('other objects are left alone', () => {
    const o = { a: 1 };
    expect(unwrapCellValue(o)).toBe(o);
    expect(unwrapCellValue(5)).toBe(5);
  });
});

describe('toNumberGrid / toNumberColumn', () => {
  test('keeps shape and order; blanks by policy', () => {
    const g = toNumberGrid(
      [
        [1, ''],
        [null, 4],
      ],
      'x',
    );
    expect(g.rows).toBe(2);
    expect(g.columns).toBe(2);
    expect([...g.data]).toEqual([1, 0, 0, 4]);
    expect(Number.isNaN(toNumberGrid([['']], 'x', { blank: 'nan' }).data[0])).toBe(true);
    const e = calcError(() => toNumberGrid([[1], ['']], 'x', { blank: 'error' }));
    expect(e.code).toBe('blankValue');
    expect(e.messageIn('nl')).toBe(
      'x, rij 2: verwacht een getal, de cel is leeg. Vul een waarde in (typ 0 als het echt nul is).',
    );
    expect(e.messageIn('en')).toBe(
      'x, row 2: expected a number, the cell is blank. Enter a value (type 0 if it really is zero).',
    );
  });

  test('text "12,5" is refused with the cell text, the fix and the reason', () => {
    const e = calcError(() => toNumberColumn([[1], [2], ['12,5']], 'volumes'));
    expect(e.code).toBe('notANumber');
    expect(e.excel).toBe('invalidValue');
    expect(e.details).toMatchObject({ argument: 'volumes', row: 3, received: '12,5' });
    expect(e.messageIn('nl')).toBe(
      'volumes, rij 3: verwacht een getal, ontvangen tekst "12,5". Typ het als getal (zonder aanhalingstekens) of zet het om met WAARDE(). ' +
        'Tekst wordt niet stilzwijgend omgezet, omdat SOM() tekst overslaat en totalen dan niet meer kloppen.',
    );
    expect(e.messageIn('en')).toContain(
      'volumes, row 3: expected a number, received text "12,5". Type it as a number',
    );
  });

  test('booleans in a numeric range are refused too (SUM ignores them in ranges)', () => {
    expect(calcError(() => toNumberColumn([[true]], 'x')).details.received).toBe('TRUE');
  });

  test('negative numbers: passed by default (adapters only coerce; the core checks), refused with "nonNegative", 0 refused with "positive"', () => {
    expect([...toNumberColumn([[1], [-3]], 'hours')]).toEqual([1, -3]);
    const e = calcError(() => toNumberColumn([[1], [-3]], 'hours', { sign: 'nonNegative' }));
    expect(e.code).toBe('negativeValue');
    expect(e.messageIn('nl')).toBe(
      'hours, rij 2: verwacht 0 of meer, ontvangen -3. Een negatief getal (aantal, uren, bedrag) kan hier niet; controleer het teken.',
    );
    expect([...toNumberColumn([[-3]], 'x', { sign: 'any' })]).toEqual([-3]);
    expect(calcError(() => toNumberColumn([[0]], 'x', { sign: 'positive' })).code).toBe('notPositive');
  });

  test('the first Excel error value in row order is reported', () => {
    const e = calcError(() =>
      toNumberGrid(
        [
          [1, { code: '#REF!' }],
          [{ code: '#DIV/0!' }, 2],
        ],
        'x',
      ),
    );
    expect(e.code).toBe('excelErrorValue');
    expect(e.details).toMatchObject({ row: 1, column: 2, received: '#REF!' });
    expect(e.messageIn('nl')).toBe(
      'x, rij 1, kolom 2: de cel bevat de foutwaarde #REF!. Los eerst die fout op.',
    );
  });

  test('a block where a column is expected; an empty range', () => {
    expect(
      calcError(() =>
        toNumberColumn(
          [
            [1, 2],
            [3, 4],
          ],
          'x',
        ),
      ).code,
    ).toBe('notAColumn');
    expect(calcError(() => toNumberColumn([], 'x')).code).toBe('emptyRange');
    expect([...toNumberColumn([[1, 2, 3]], 'x')]).toEqual([1, 2, 3]);
    expect([...toNumberColumn([1, 2], 'x')]).toEqual([1, 2]);
    expect([...toNumberColumn(7, 'x')]).toEqual([7]);
  });
});

describe('scalars', () => {
  test('toNumber: default when omitted, error when required', () => {
    expect(toNumber(null, 'weeks', 1)).toBe(1);
    expect(toNumber([[4]], 'weeks', 1)).toBe(4);
    expect(calcError(() => toNumber('', 'hours')).code).toBe('blankValue');
    expect(calcError(() => toNumber('83.000', 'hours')).details.received).toBe('83.000');
    expect(calcError(() => toNumber({ code: '#N/A' }, 'hours')).details.received).toBe('#N/A');
  });

  test('toBoolean and toText', () => {
    expect(toBoolean(null, 'b', true)).toBe(true);
    expect(toBoolean('Onwaar', 'b', true)).toBe(false);
    expect(calcError(() => toBoolean(2, 'b', true)).code).toBe('notABoolean');
    expect(toText('  netto ', 'basis', 'gross')).toBe('netto');
    expect(toText(undefined, 'basis', 'gross')).toBe('gross');
  });

  test('toTextColumn: codes as trimmed text, numbers as text, blanks as ""', () => {
    expect(toTextColumn([[' A '], [101], [null]], 'codes')).toEqual(['A', '101', '']);
    expect(toTextColumn([['A', 'B']], 'codes')).toEqual(['A', 'B']);
  });
});

describe('checks', () => {
  test('checkRatio: 74.7 → ratioAsPercent suggesting 0,747', () => {
    const e = calcError(() => checkRatio(74.7, 'directRatio'));
    expect(e.code).toBe('ratioAsPercent');
    expect(e.details.suggestion).toBe(0.747);
    expect(e.messageIn('nl')).toBe(
      'directRatio: verwacht een fractie tussen 0 en 1, ontvangen 74,7. Dit lijkt een percentage: gebruik 0,747 (74,7 → 0,747), of typ 74,7%.',
    );
    expect(e.messageIn('en')).toBe(
      'directRatio: expected a fraction between 0 and 1, received 74.7. This looks like a percentage: use 0.747 (74.7 → 0.747), or type 74.7%.',
    );
    expect(checkRatio(1, 'r')).toBe(1);
    for (const bad of [0, -1, 100.5, NaN])
      expect(calcError(() => checkRatio(bad, 'r')).code).toBe('ratioOutOfRange');
  });

  test('checkFraction allows 0 and 1', () => {
    expect(checkFraction(0, 'f')).toBe(0);
    expect(checkFraction(1, 'f')).toBe(1);
    expect(calcError(() => checkFraction(13, 'f')).code).toBe('ratioAsPercent');
    expect(calcError(() => checkFraction(-0.1, 'f')).code).toBe('fractionOutOfRange');
  });

  test('checkSameLength names both lengths', () => {
    const e = calcError(() => checkSameLength(new Array(12), 'volumes', new Array(11), 'normMinutes'));
    expect(e.messageIn('nl')).toBe(
      'volumes heeft 12 rijen, normMinutes 11. De bereiken moeten even lang zijn; selecteer dezelfde rijen.',
    );
    expect(e.messageIn('en')).toBe(
      'volumes has 12 rows, normMinutes 11. The ranges must have the same length; select the same rows.',
    );
  });

  test('checkSameShape names both shapes', () => {
    const e = calcError(() => checkSameShape({ rows: 2, columns: 3 }, 'a', { rows: 2, columns: 2 }, 'b'));
    expect(e.messageIn('nl')).toContain('a heeft 2 rijen × 3 kolommen, b 2 rijen × 2 kolommen');
    // Raw ranges work too.
    const raw = calcError(() => checkSameShape([[1, 2]], 'a', [[1], [2]], 'b'));
    expect(raw.messageIn('en')).toContain('a has 1 rows × 2 columns, b 2 rows × 1 columns');
    expect(() => checkSameShape([[1, 2]], 'a', toNumberGrid([[3, 4]], 'b'), 'b')).not.toThrow();
  });

  test('checkWholeNumber', () => {
    expect(checkWholeNumber(3, 'n', 1)).toBe(3);
    expect(calcError(() => checkWholeNumber(0, 'n', 1)).messageIn('en')).toBe(
      'n: expected a whole number of 1 or more, received 0.',
    );
  });
});
