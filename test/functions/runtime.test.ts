/**
 * The error mapping and the runtime fallback: CustomFunctions.Error when Excel provides it, a
 * local equivalent in Node; the message language follows Office's display language.
 */
import { CalcError } from '../../src/core/errors';
import { currentLanguage, setLanguage } from '../../src/functions/lang';
import { createExcelError, LocalExcelError } from '../../src/functions/runtime';
import { guard, toExcelError } from '../../src/functions/toExcelError';
import { registry } from '../../src/functions/registry';

type G = { Office?: unknown; CustomFunctions?: unknown };
const g = globalThis as G;

afterEach(() => {
  delete g.Office;
  delete g.CustomFunctions;
  setLanguage(undefined);
});

describe('language', () => {
  test('Dutch when Office is absent', () => {
    expect(currentLanguage()).toBe('nl');
  });

  test('English when the display language starts with "en", Dutch otherwise', () => {
    g.Office = { context: { displayLanguage: 'en-GB' } };
    expect(currentLanguage()).toBe('en');
    g.Office = { context: { displayLanguage: 'nl-NL' } };
    expect(currentLanguage()).toBe('nl');
    g.Office = { context: undefined };
    expect(currentLanguage()).toBe('nl');
  });

  test('an Office whose context throws falls back to Dutch', () => {
    g.Office = Object.defineProperty({}, 'context', {
      get() {
        throw new Error('not ready');
      },
    });
    expect(currentLanguage()).toBe('nl');
  });

  test('setLanguage overrides detection (CLI --lang)', () => {
    g.Office = { context: { displayLanguage: 'en-US' } };
    setLanguage('nl');
    expect(currentLanguage()).toBe('nl');
  });

  test('adapters speak English under an English Excel', () => {
    g.Office = { context: { displayLanguage: 'en-US' } };
    try {
      registry['IND.FTE'](1, 1, 36, 74.7);
      throw new Error('no error');
    } catch (e) {
      expect((e as Error).message).toContain('use 0.747');
    }
  });
});

describe('Excel errors', () => {
  test('in Node: a local error with code and message', () => {
    const e = createExcelError('invalidValue', 'boom');
    expect(e).toBeInstanceOf(LocalExcelError);
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe('boom');
  });

  test('custom messages only on #VALUE! and #N/A', () => {
    expect(createExcelError('notAvailable', 'x').message).toBe('x');
    expect(createExcelError('divisionByZero', 'x').message).toBe('');
    expect(createExcelError('divisionByZero', 'x').code).toBe('#DIV/0!');
  });

  test('in Excel: CustomFunctions.Error with CustomFunctions.ErrorCode', () => {
    class FakeError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    g.CustomFunctions = {
      Error: FakeError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!' },
    };
    let thrown: unknown;
    try {
      registry['IND.WORKLOAD']([[1]], [[1]], [['X']], [['Y']]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FakeError);
    expect((thrown as FakeError).code).toBe('#N/A');
    expect((thrown as FakeError).message).toContain('"X"');
    // An Excel error is passed through unchanged by the mapping.
    expect(toExcelError(thrown, 'IND.X')).toBe(thrown);
  });

  test('an unexpected exception becomes a clear #VALUE!, never a silent 0', () => {
    setLanguage('nl');
    const e = toExcelError(new TypeError('x is undefined'), 'IND.FTE');
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe(
      'IND.FTE: onverwachte fout bij het rekenen: x is undefined. Meld dit met de formule en de invoer.',
    );
    expect(() =>
      guard('IND.TEST', () => {
        // A non-Error throw, as some libraries do.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw 'text thrown';
      }),
    ).toThrow('text thrown');
  });

  test('a CalcError keeps its catalogue kind', () => {
    setLanguage('en');
    const e = toExcelError(
      new CalcError('missingNormCode', {
        argument: 'volumeCodes',
        row: 3,
        received: 'SP4',
        other: 'normCodes',
      }),
      'IND.WORKLOAD',
    );
    expect(e.code).toBe('#N/A');
    expect(e.message).toBe(
      'volumeCodes, row 3: product code "SP4" is not in normCodes. Add the norm time for "SP4" to the norm table or correct the code.',
    );
  });

  test('#REF! and #NAME? in input cannot be returned by a custom function: #VALUE! naming them', () => {
    setLanguage('nl');
    for (const code of ['#REF!', '#NAME?']) {
      const e = toExcelError(
        new CalcError('excelErrorValue', { argument: 'volumes', row: 4, received: code }),
        'IND.WORKLOAD',
      );
      expect(e.code).toBe('#VALUE!');
      expect(e.message).toBe(`volumes, rij 4: de cel bevat de foutwaarde ${code}. Los eerst die fout op.`);
    }
    const num = toExcelError(
      new CalcError('excelErrorValue', { argument: 'x', row: 1, received: '#NUM!' }),
      'IND.X',
    );
    expect(num.code).toBe('#NUM!');
  });

  test('an unknown Excel error text in input still fails clearly as #VALUE!', () => {
    const e = toExcelError(
      new CalcError('excelErrorValue', { argument: 'volumes', row: 1, received: '#SPILL!' }),
      'IND.WORKLOAD',
    );
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toContain('#SPILL!');
  });
});
