/**
 * The typical mistakes one by one, per adapter: ratios typed as percentages, blanks, product
 * codes, omitted optionals, shapes, and a full Excel column of 1,048,576 rows.
 */
import { registry } from '../../src/functions/registry';
import { column, expectExcelError, thrownBy } from './helpers';

const F = registry;
const FULL_COLUMN = 1_048_576;

describe('ratio typed as a percentage gets its own message suggesting /100', () => {
  test.each([
    ['IND.FTE', [83000, 4, 36, 74.7], 'directRatio'],
    ['IND.CAPACITY', [100, 4, 36, 74.7], 'directRatio'],
    ['IND.COSTPRICE', [[[60]], [[70]], 74.7], 'directRatio'],
  ] as const)('%s', (fn, args, arg) => {
    expectExcelError(
      () => F[fn](...args),
      '#VALUE!',
      [`${arg}: verwacht een fractie tussen 0 en 1, ontvangen 74,7`, 'gebruik 0,747', '74,7 → 0,747'],
      [`${arg}: expected a fraction between 0 and 1, received 74.7`, 'use 0.747', '74.7 → 0.747'],
    );
  });

  test('fractions too: fixedShare 13 → 0,13, maxDecline 5 → 0,05, overheadRate 25 → 0,25', () => {
    expectExcelError(
      () => F['IND.LUMPSUMSPLIT']([[100]], 13),
      '#VALUE!',
      ['fixedShare', '13 → 0,13'],
      ['fixedShare', '13 → 0.13'],
    );
    expectExcelError(
      () => F['IND.FUNDINGPATH']([[1]], 1, 0, 0, 5),
      '#VALUE!',
      ['maxDecline', '5 → 0,05'],
      ['maxDecline', '5 → 0.05'],
    );
    expectExcelError(
      () => F['IND.COSTPRICE']([[1]], [[1]], 0.7, 25),
      '#VALUE!',
      ['overheadRate', '25 → 0,25'],
      ['overheadRate', '25 → 0.25'],
    );
  });

  test('ratio ≤ 0 or above 100 is out of range', () => {
    for (const r of [0, -0.5, 250]) {
      expectExcelError(
        () => F['IND.FTE'](1000, 1, 36, r),
        '#VALUE!',
        ['directRatio: verwacht een fractie groter dan 0 en hoogstens 1'],
        ['directRatio: expected a fraction greater than 0 and at most 1'],
      );
    }
  });

  test('a ratio of exactly 1 is allowed', () => {
    expect(F['IND.FTE'](36, 1, 36, 1)).toBe(1);
  });
});

describe('Excel data types arrive as objects when allowCustomDataForDataTypeAny is on', () => {
  test('a percentage-formatted ratio cell (74,73%) works like 0.7473', () => {
    const pct = { type: 'Double', basicValue: 0.7473, numberFormat: '0.00%' };
    expect(F['IND.FTE'](83000, 4, 36, pct, 60)).toBe(F['IND.FTE'](83000, 4, 36, 0.7473, 60));
    expect(F['IND.FTE'](83000, 4, 36, [[pct]], 60)).toBe(F['IND.FTE'](83000, 4, 36, 0.7473, 60));
  });

  test('a data-type error value in a range propagates', () => {
    const e = thrownBy(() =>
      F['IND.WORKLOAD']([[1], [{ type: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' }]], [[60], [60]]),
    );
    expect(e.code).toBe('#DIV/0!');
  });
});

describe('blanks', () => {
  test('a blank norm with a nonzero volume names the row and the volume', () => {
    for (const blank of ['', null]) {
      expectExcelError(
        () => F['IND.WORKLOAD']([[1], [7], [3]], [[60], [blank], [60]]),
        '#VALUE!',
        ['normMinutes, rij 2: de normtijd is leeg, maar het volume is 7'],
        ['normMinutes, row 2: the norm time is blank, but the volume is 7'],
      );
      expectExcelError(
        () => F['IND.EFFECTIVENESS']([[1], [7]], [[60], [blank]], [[1]]),
        '#VALUE!',
        ['normMinutes, rij 2'],
        ['normMinutes, row 2'],
      );
      expectExcelError(
        () => F['IND.FUNDING']([[1], [7]], [[60], [blank]]),
        '#VALUE!',
        ['prices, rij 2: de prijs is leeg'],
        ['prices, row 2: the price is blank'],
      );
      expectExcelError(
        () => F['IND.VARIANCE']([[1], [7]], [[1], [blank]], [[1], [7]], [[1], [2]]),
        '#VALUE!',
        ['budgetPrices, rij 2'],
        ['budgetPrices, row 2'],
      );
      expectExcelError(
        () => F['IND.COSTPRICE']([[60], [blank]], [[70]]),
        '#VALUE!',
        ['normMinutes, rij 2', 'de cel is leeg'],
        ['normMinutes, row 2', 'the cell is blank'],
      );
      expectExcelError(
        () => F['IND.NORMVARIANCE']([[10]], [[5]], [[blank]]),
        '#VALUE!',
        ['normMinutes, rij 1'],
        ['normMinutes, row 1'],
      );
    }
  });

  test('a blank norm with volume 0 is fine', () => {
    expect(F['IND.WORKLOAD']([[0], [30]], [[''], [60]])).toBe(30);
    expect(F['IND.WORKLOAD']([[null], [30]], [[null], [60]])).toBe(30);
    expect(F['IND.FUNDING']([[0], [2]], [[null], [5]])).toBe(10);
  });

  test('a blank required scalar is an error naming the argument; blank optionals take the default', () => {
    expectExcelError(
      () => F['IND.FTE']('', 4),
      '#VALUE!',
      ['hours: verwacht een getal, de cel is leeg'],
      ['hours: expected a number, the cell is blank'],
    );
    expectExcelError(() => F['IND.FTE'](null), '#VALUE!', ['hours'], ['hours']);
    const byDefault = F['IND.FTE'](36);
    for (const omitted of [null, undefined, '', [['']], [[null]]]) {
      expect(F['IND.FTE'](36, omitted, omitted, omitted, omitted, omitted)).toBe(byDefault);
    }
    expect(byDefault).toBeCloseTo(1 / 0.7473, 12);
  });

  test('spaces only count as blank', () => {
    expect(F['IND.WORKLOAD']([['  '], [30]], [[60], [60]])).toBe(30);
  });
});

describe('product codes (WORKLOAD)', () => {
  test('a missing code is #N/A naming the code and the row', () => {
    expectExcelError(
      () => F['IND.WORKLOAD']([[1], [2]], [[60]], [['A'], ['SP4']], [['a']]),
      '#N/A',
      ['volumeCodes, rij 2: productcode "SP4" staat niet in normCodes'],
      ['volumeCodes, row 2: product code "SP4" is not in normCodes'],
    );
  });

  test('a duplicate norm code is #VALUE! naming both rows', () => {
    expectExcelError(
      () => F['IND.WORKLOAD']([[1]], [[60], [30]], [['A']], [['A'], [' a ']]),
      '#VALUE!',
      ['"a"', 'twee keer', 'rij 1 en rij 2'],
      ['appears twice', 'row 1 and row 2'],
    );
  });

  test('numeric codes match their text; unknown codes with volume 0 are skipped', () => {
    expect(F['IND.WORKLOAD']([[2], [0]], [[30], [60]], [[101], ['ZZZ']], [['101'], [102]])).toBe(1);
  });

  test('a blank code with a volume names the row; codes on one side only are refused', () => {
    expectExcelError(
      () => F['IND.WORKLOAD']([[1], [2]], [[60]], [['A'], ['']], [['A']]),
      '#VALUE!',
      ['volumeCodes, rij 2', 'productcode is leeg'],
      ['volumeCodes, row 2'],
    );
    expectExcelError(
      () => F['IND.WORKLOAD']([[1]], [[60]], [['A']], null),
      '#VALUE!',
      ['normCodes', 'zowel volumeCodes als normCodes'],
      ['give both'],
    );
  });

  test('codes and volumes of different lengths name both sizes', () => {
    expectExcelError(
      () => F['IND.WORKLOAD']([[1], [2]], [[60]], [['A']], [['A']]),
      '#VALUE!',
      ['volumeCodes heeft 1 rijen, volumes 2'],
      ['volumeCodes has 1 rows, volumes 2'],
    );
  });
});

describe('shapes', () => {
  test('"volumes heeft 12 rijen, normMinutes 11"', () => {
    expectExcelError(
      () => F['IND.WORKLOAD'](column(12, 1), column(11, 60)),
      '#VALUE!',
      ['volumes heeft 12 rijen, normMinutes 11'],
      ['volumes has 12 rows, normMinutes 11'],
    );
  });

  test('a block of several columns where one column is expected', () => {
    expectExcelError(
      () =>
        F['IND.FUNDINGPATH'](
          [
            [1, 2],
            [3, 4],
          ],
          1,
        ),
      '#VALUE!',
      ['workloadHours: verwacht één kolom (of één rij), ontvangen een bereik van 2 rijen × 2 kolommen'],
      ['workloadHours: expected one column (or one row), received a range of 2 rows × 2 columns'],
    );
  });

  test('a row range works like a column, and text in it names row and column', () => {
    expect(F['IND.WORKLOAD']([[1, 2]], [[60, 30]])).toBe(2);
    expectExcelError(
      () => F['IND.WORKLOAD']([[1, '2']], [[60, 30]]),
      '#VALUE!',
      ['volumes, rij 1, kolom 2'],
      ['volumes, row 1, column 2'],
    );
  });

  test('a range passed where one value is expected', () => {
    expectExcelError(
      () => F['IND.FTE']([[1], [2]]),
      '#VALUE!',
      ['hours: verwacht één waarde', '2 × 1'],
      ['hours: expected one value'],
    );
  });

  test('element-wise COSTPRICE: a range of hourly costs the same size, or one cell', () => {
    expect(F['IND.COSTPRICE']([[60], [120]], [[10], [20]], 1)).toEqual([[10], [40]]);
    expectExcelError(
      () => F['IND.COSTPRICE']([[60], [120]], [[10], [20], [30]], 1),
      '#VALUE!',
      ['normMinutes heeft 2 rijen × 1 kolommen, hourlyCost 3 rijen × 1 kolommen'],
      ['normMinutes has 2 rows × 1 columns, hourlyCost 3 rows × 1 columns'],
    );
  });
});

describe('other arguments', () => {
  test('DIRECTRATIO: unknown kind names the row and value; unknown basis; blank kind with 0 hours', () => {
    expectExcelError(
      () => F['IND.DIRECTRATIO']([[1], [2]], [['direct'], ['ziek']]),
      '#VALUE!',
      ['kinds, rij 2: onbekende soort uren "ziek"'],
      ['kinds, row 2: unknown kind of hours "ziek"'],
    );
    expectExcelError(
      () => F['IND.DIRECTRATIO']([[1]], [['direct']], 'half'),
      '#VALUE!',
      ['basis: onbekende basis "half"'],
      ['unknown basis "half"'],
    );
    expect(F['IND.DIRECTRATIO']([[3], [0], [1]], [['direct'], [''], ['afwezigheid']], 'bruto')).toBe(0.75);
    expectExcelError(
      () => F['IND.DIRECTRATIO']([[0]], [['direct']]),
      '#VALUE!',
      ['het totaal van de uren is 0'],
      ['total of the hours is 0'],
    );
  });

  test('FTE: grossUpExtra accepts TRUE/FALSE, 1/0 and WAAR/ONWAAR; other text is refused', () => {
    const a = F['IND.FTE'](83000, 4, 36, 0.57, 60, false);
    expect(F['IND.FTE'](83000, 4, 36, 0.57, 60, 'ONWAAR')).toBe(a);
    expect(F['IND.FTE'](83000, 4, 36, 0.57, 60, 0)).toBe(a);
    expect(F['IND.FTE'](83000, 4, 36, 0.57, 60, 'waar')).toBe(F['IND.FTE'](83000, 4, 36, 0.57, 60, true));
    expectExcelError(
      () => F['IND.FTE'](1, 1, 36, 0.5, 0, 'ja'),
      '#VALUE!',
      ['grossUpExtra: verwacht WAAR of ONWAAR, ontvangen "ja"'],
      ['expected TRUE or FALSE'],
    );
  });

  test('SCENARIO: language and band checks', () => {
    expectExcelError(
      () => F['IND.SCENARIO']([[1]], null, null, null, null, 'de'),
      '#VALUE!',
      ['language: onbekende taal "de"'],
      ['unknown language "de"'],
    );
    expectExcelError(
      () => F['IND.SCENARIO']([[1]], 100, 50),
      '#VALUE!',
      ['ondergrens van de band (100)', 'boven de bovengrens (50)'],
      ['Swap low and high'],
    );
    expectExcelError(
      () => F['IND.SCENARIO']([[1]], null, null, null, 1.5),
      '#VALUE!',
      ['peakPeriods: verwacht een geheel getal van 0 of meer, ontvangen 1,5'],
      ['whole number'],
    );
  });

  test('FUNDINGPATH: confirmPeriods must be a whole number ≥ 1', () => {
    expectExcelError(
      () => F['IND.FUNDINGPATH']([[1]], 1, 0, 0, 1, 0),
      '#VALUE!',
      ['confirmPeriods: verwacht een geheel getal van 1 of meer, ontvangen 0'],
      ['confirmPeriods: expected a whole number of 1 or more'],
    );
  });

  test('NORMVARIANCE: 0 cases with hours is an error naming the row; no cases and no hours is #N/A in that cell only', () => {
    expectExcelError(
      () => F['IND.NORMVARIANCE']([[5], [10]], [[5], [0]], [[60]]),
      '#VALUE!',
      ['cases, rij 2: 0 zaken, maar 10 geschreven uren'],
      ['cases, row 2: 0 cases, but 10 recorded hours'],
    );
    const out = F['IND.NORMVARIANCE']([[5], [0]], [[5], [0]], [[60], ['']]) as unknown[][];
    expect(out[0][0]).toBe(0);
    expect((out[1][0] as { code: string }).code).toBe('#N/A');
    expect((out[1][0] as { message: string }).message).toContain('geen zaken en geen uren');
  });

  test('EFFECTIVENESS: no direct hours', () => {
    expectExcelError(
      () => F['IND.EFFECTIVENESS']([[1]], [[60]], [[0]]),
      '#VALUE!',
      ['directHours: het totaal van de directe uren is 0'],
      ['total of the direct hours is 0'],
    );
  });

  test('BACKLOG: capacity of a different length names both sizes', () => {
    expectExcelError(
      () => F['IND.BACKLOG'](column(3, 1), column(2, 1)),
      '#VALUE!',
      ['capacityHours heeft 2 rijen, inflowHours 3'],
      ['capacityHours has 2 rows, inflowHours 3'],
    );
  });

  test('a result that is not finite is refused, not returned as NaN/Infinity', () => {
    expectExcelError(
      () => F['IND.FTE'](1e308, 1, 1e-300, 1),
      '#VALUE!',
      ['IND.FTE: de uitkomst is geen eindig getal (Infinity)'],
      ['IND.FTE: the result is not a finite number'],
    );
  });

  test('NaN or Infinity handed over (e.g. by the CLI) is named', () => {
    expectExcelError(
      () => F['IND.WORKLOAD']([[1], [NaN]], [[1], [1]]),
      '#VALUE!',
      ['volumes, rij 2: verwacht een eindig getal, ontvangen NaN'],
      ['expected a finite number'],
    );
  });
});

describe(`a full Excel column of ${FULL_COLUMN.toLocaleString('en')} rows`, () => {
  test('WORKLOAD sums every row, with blanks and strings "" mixed in', () => {
    const volumes = column(FULL_COLUMN, 1);
    volumes[10] = [''];
    volumes[20] = [null];
    const norms = column(FULL_COLUMN, 60);
    expect(F['IND.WORKLOAD'](volumes, norms)).toBe(FULL_COLUMN - 2);
  });

  test('text in the very last row is named by its row number', () => {
    const volumes = column(FULL_COLUMN, 1);
    volumes[FULL_COLUMN - 1] = ['12,5'];
    expectExcelError(
      () => F['IND.WORKLOAD'](volumes, column(FULL_COLUMN, 60)),
      '#VALUE!',
      ['volumes, rij 1048576', '"12,5"'],
      ['volumes, row 1048576'],
    );
  });

  test('WORKLOAD with product codes matches every row', () => {
    const codes = new Array<unknown[]>(FULL_COLUMN);
    for (let i = 0; i < FULL_COLUMN; i++) codes[i] = [`P${i % 1000}`];
    const normCodes = new Array<unknown[]>(1000);
    for (let j = 0; j < 1000; j++) normCodes[j] = [`p${j}`];
    expect(F['IND.WORKLOAD'](column(FULL_COLUMN, 1), column(1000, 60), codes, normCodes)).toBe(FULL_COLUMN);
  });

  test('spills (BACKLOG, FUNDINGPATH, SCENARIO, COSTPRICE) return one row per input row', () => {
    const inflow = column(FULL_COLUMN, 2);
    const b = F['IND.BACKLOG'](inflow, [[1]]) as number[][];
    expect(b.length).toBe(FULL_COLUMN);
    expect(b[FULL_COLUMN - 1][0]).toBe(FULL_COLUMN);
    const p = F['IND.FUNDINGPATH'](inflow, 10, 0, 0, 0.1, 2) as number[][];
    expect(p.length).toBe(FULL_COLUMN);
    expect(p[FULL_COLUMN - 1][0]).toBe(20);
    const s = F['IND.SCENARIO'](column(FULL_COLUMN, 83000)) as string[][];
    expect(s.length).toBe(FULL_COLUMN);
    expect(s[FULL_COLUMN - 1][0]).toBe('normaal');
    const c = F['IND.COSTPRICE'](column(FULL_COLUMN, 60), [[10]], 1) as number[][];
    expect(c.length).toBe(FULL_COLUMN);
    expect(c[12345][0]).toBe(10);
  });

  test('FUNDING, EFFECTIVENESS, VARIANCE and NORMVARIANCE over a full column', () => {
    const ones = column(FULL_COLUMN, 1);
    expect(F['IND.FUNDING'](ones, ones)).toBe(FULL_COLUMN);
    expect(F['IND.EFFECTIVENESS'](ones, column(FULL_COLUMN, 60), ones)).toBe(1);
    expect(F['IND.VARIANCE'](ones, ones, column(FULL_COLUMN, 2), ones)).toEqual([
      [FULL_COLUMN, 0, FULL_COLUMN],
    ]);
    const nv = F['IND.NORMVARIANCE'](ones, ones, [[60]]) as number[][];
    expect(nv.length).toBe(FULL_COLUMN);
    expect(nv[FULL_COLUMN - 1][0]).toBe(0);
  });
});

test('thrownBy fails when the adapter returns instead of throwing', () => {
  expect(() => thrownBy(() => F['IND.FTE'](1))).toThrow('expected an Excel error');
});
