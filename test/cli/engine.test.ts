/**
 * The formula engine's bridge to custom functions, checked with recording fake adapters so that
 * the exact arguments Excel would pass are visible. The real registry is exercised in
 * `eval.test.ts`.
 */
import {
  ExcelErrorValue,
  FormulaEngine,
  FormulaSyntaxError,
  toExcelError,
  type FormulaValue,
} from '../../src/cli/engine';
import { formatValue } from '../../src/cli/format';
import { normaliseFormula, OMITTED_SENTINEL } from '../../src/cli/preprocess';

/** Mirrors the Node runtime's Excel error: an object with an Excel code and a message. */
class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function makeEngine() {
  const calls: unknown[][] = [];
  const engine = new FormulaEngine({
    registry: {
      'IND.ECHO': (...args: unknown[]) => {
        calls.push(args);
        return args.length;
      },
      'IND.GRID': () => [
        [1, 2],
        [3, 4],
      ],
      'IND.PAIR': (a: number) => [[a, a * 2]],
      'IND.BAD': () => new FakeExcelError('#VALUE!', 'directRatio: 74.7 lijkt een percentage'),
      'IND.THROWS': () => {
        throw new FakeExcelError('#N/A', 'geen norm voor code X');
      },
      'IND.CALC': () => {
        // A core error that an adapter forgot to map still surfaces with its Excel kind.
        throw Object.assign(new Error('bad'), {
          name: 'CalcError',
          code: 'SOME_CODE',
          excel: 'invalidValue',
        });
      },
      'IND.ASYNC': async (x: number) => x + 1,
      'IND.TEXT': (s: string) => `tekst:${s}`,
      'IND.CELLERR': () => [[1, new FakeExcelError('#N/A', 'ontbreekt')]],
    },
  });
  return { engine, calls };
}

describe('normaliseFormula', () => {
  it('fills leading empty arguments with the sentinel and leaves later ones to the parser', () => {
    expect(normaliseFormula('IND.FTE(,2)')).toBe(`IND.FTE("${OMITTED_SENTINEL}",2)`);
    expect(normaliseFormula('IND.FTE( ,,3)')).toBe(`IND.FTE("${OMITTED_SENTINEL}" ,,3)`);
    expect(normaliseFormula('IND.FTE(1,,3)')).toBe('IND.FTE(1,,3)');
  });
  it('does not touch text inside string literals', () => {
    expect(normaliseFormula('IND.TEXT("F(,1) 1e3 .5")')).toBe('IND.TEXT("F(,1) 1e3 .5")');
    expect(normaliseFormula('IND.TEXT("a""(,")')).toBe('IND.TEXT("a""(,")');
  });
  it('accepts Excel number forms the parser lacks: 1e3 and .5', () => {
    expect(normaliseFormula('1e3+.5')).toBe('1E+3+0.5');
    expect(normaliseFormula('1.5E-2')).toBe('1.5E-2');
    expect(normaliseFormula('IND.X2(A1,.25)')).toBe('IND.X2(A1,0.25)');
  });
});

describe('FormulaEngine: arguments as Excel passes them', () => {
  it('passes omitted arguments as null, also leading and trailing ones', async () => {
    const { engine, calls } = makeEngine();
    await engine.evaluate('=IND.ECHO(,2)');
    await engine.evaluate('=IND.ECHO(,,3)');
    await engine.evaluate('=IND.ECHO(1,,3)');
    await engine.evaluate('=IND.ECHO(1,)');
    await engine.evaluate('=IND.ECHO()');
    expect(calls).toEqual([[null, 2], [null, null, 3], [1, null, 3], [1, null], []]);
  });

  it('passes scalars as scalars and array constants as 2-D arrays', async () => {
    const { engine, calls } = makeEngine();
    await engine.evaluate('=IND.ECHO({1,2;3,4},{5;6},{7,8},"x",TRUE,-1.5,50%)');
    expect(calls[0]).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
      [[5], [6]],
      [[7, 8]],
      'x',
      true,
      -1.5,
      0.5,
    ]);
  });

  it('passes a nested result: arithmetic, built-ins, another IND function', async () => {
    const { engine, calls } = makeEngine();
    await engine.evaluate('=IND.ECHO(1+2*3, ROUND(2.5,0), SUM({1,2,3}), IND.GRID())');
    expect(calls[0]).toEqual([
      7,
      3,
      6,
      [
        [1, 2],
        [3, 4],
      ],
    ]);
  });

  it('does not call a function whose argument is an error; the error propagates', async () => {
    const { engine, calls } = makeEngine();
    const v = await engine.evaluate('=IND.ECHO(1/0)');
    expect(calls).toHaveLength(0);
    expect(v).toEqual(new ExcelErrorValue('#DIV/0!', ''));
  });

  it('passes an error inside an array as an error object with its code', async () => {
    const { engine, calls } = makeEngine();
    await engine.evaluate('=IND.ECHO({1,#N/A;3,4})');
    expect(calls[0]).toEqual([
      [
        [1, new ExcelErrorValue('#N/A', '')],
        [3, 4],
      ],
    ]);
  });

  it('is case-insensitive for function names, as Excel is', async () => {
    const { engine } = makeEngine();
    expect(await engine.evaluate('=ind.echo(1,2,3)')).toBe(3);
  });
});

describe('FormulaEngine: results', () => {
  it('returns a spill as rows and formats it with tabs and newlines', async () => {
    const { engine } = makeEngine();
    const v = await engine.evaluate('IND.GRID()');
    expect(v).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(formatValue(v)).toBe('1\t2\n3\t4');
  });

  it('keeps an adapter error and its message, returned or thrown', async () => {
    const { engine } = makeEngine();
    expect(await engine.evaluate('=IND.BAD()')).toEqual(
      new ExcelErrorValue('#VALUE!', 'directRatio: 74.7 lijkt een percentage'),
    );
    expect(await engine.evaluate('=IND.THROWS()')).toEqual(
      new ExcelErrorValue('#N/A', 'geen norm voor code X'),
    );
    expect(await engine.evaluate('=IND.CALC()')).toEqual(new ExcelErrorValue('#VALUE!', 'bad'));
  });

  it('propagates an adapter error with its message through SUM and arithmetic', async () => {
    const { engine } = makeEngine();
    const expected = new ExcelErrorValue('#VALUE!', 'directRatio: 74.7 lijkt een percentage');
    expect(await engine.evaluate('=SUM(IND.BAD(),1)')).toEqual(expected);
    expect(await engine.evaluate('=1+IND.BAD()')).toEqual(expected);
    expect(await engine.evaluate('=ROUND(IND.BAD(),0)')).toEqual(expected);
  });

  it('keeps an error cell inside a spill', async () => {
    const { engine } = makeEngine();
    const v = await engine.evaluate('=IND.CELLERR()');
    expect(v).toEqual([[1, new ExcelErrorValue('#N/A', 'ontbreekt')]]);
    expect(formatValue(v)).toBe('1\t#N/A ontbreekt');
  });

  it('returns the first error cell of a spill from SUM and ROUND, as Excel does', async () => {
    const { engine } = makeEngine();
    const expected = new ExcelErrorValue('#N/A', 'ontbreekt');
    expect(await engine.evaluate('=SUM(IND.CELLERR())')).toEqual(expected);
    expect(await engine.evaluate('=AVERAGE(IND.CELLERR())')).toEqual(expected);
    expect(await engine.evaluate('=SUM({1,#DIV/0!})')).toEqual(new ExcelErrorValue('#DIV/0!', ''));
    // Functions that inspect errors still see them.
    expect(await engine.evaluate('=IFERROR(SUM(IND.CELLERR()),-1)')).toBe(-1);
    expect(await engine.evaluate('=COUNT(IND.CELLERR())')).toBe(1);
  });

  it('sums a spilled result of an IND function', async () => {
    const { engine } = makeEngine();
    expect(await engine.evaluate('=SUM(IND.GRID())')).toBe(10);
    expect(await engine.evaluate('=SUM(IND.PAIR(5))')).toBe(15);
  });

  it('awaits asynchronous functions and returns strings raw', async () => {
    const { engine } = makeEngine();
    expect(await engine.evaluate('=IND.ASYNC(1)')).toBe(2);
    expect(await engine.evaluate('=IND.TEXT("a""b")')).toBe('tekst:a"b');
  });
});

describe('FormulaEngine: Excel built-ins and operators', () => {
  const cases: Array<[string, FormulaValue]> = [
    ['=ROUND(2.5,0)', 3],
    ['=ROUND(-2.5,0)', -3],
    ['=AVERAGE(1,2,3,4)', 2.5],
    ['=MIN(3,{1,5},2)', 1],
    ['=MAX({1,5;9,2},3)', 9],
    ['=IF(1>2,"ja","nee")', 'nee'],
    ['=IF(,1,2)', 2],
    ['=IF(TRUE,,2)', 0],
    ['=IF(FALSE,1,)', 0],
    ['=ABS(-3)', 3],
    ['=SUM({1,2;3,4}*2)', 20],
    [
      '={1,2;3,4}*2',
      [
        [2, 4],
        [6, 8],
      ],
    ],
    [
      '={1,2}+{10;20}',
      [
        [11, 12],
        [21, 22],
      ],
    ],
    ['=-{1,2}', [[-1, -2]]],
    [
      '={-1,2;3,-4.5}',
      [
        [-1, 2],
        [3, -4.5],
      ],
    ],
    ['={-1}+{0}', -1],
    ['={10,20}%', [[0.1, 0.2]]],
    ['=1e3+.5', 1000.5],
    ['="a"&"b"', 'ab'],
    ['=TRUE', true],
    ['=0.1+0.2', 0.30000000000000004],
  ];
  it.each(cases)('%s', async (formula, expected) => {
    const { engine } = makeEngine();
    expect(await engine.evaluate(formula)).toEqual(expected);
  });

  it('gives #N/A outside the smaller of two arrays, like Excel', async () => {
    const { engine } = makeEngine();
    const v = await engine.evaluate('={1,2,3}+{1,2}');
    expect(formatValue(v)).toBe('2\t4\t#N/A');
  });

  it('propagates an error inside MIN/MAX', async () => {
    const { engine } = makeEngine();
    expect(await engine.evaluate('=MAX(1,IND.BAD())')).toEqual(
      new ExcelErrorValue('#VALUE!', 'directRatio: 74.7 lijkt een percentage'),
    );
  });
});

describe('FormulaEngine: formulas it cannot evaluate', () => {
  async function syntaxError(formula: string): Promise<FormulaSyntaxError> {
    const { engine } = makeEngine();
    try {
      await engine.evaluate(formula);
    } catch (e) {
      if (e instanceof FormulaSyntaxError) return e;
      throw e;
    }
    throw new Error(`no syntax error for ${formula}`);
  }

  it('reports a syntax error with its position', async () => {
    const e = await syntaxError('=IND.ECHO(1,2');
    expect(e.reason).toBe('syntax');
    const e2 = await syntaxError('=SUM(1))');
    expect(e2.reason).toBe('syntax');
    // Columns count in the formula as typed, `=` included.
    expect(e2.position).toBe(8);
    expect((await syntaxError('=SUM(83000;4)')).position).toBe(11);
    expect((await syntaxError('  =SUM(83000;4)')).position).toBe(13);
    // After an inserted omitted-argument sentinel, and at the end of the formula.
    expect((await syntaxError('=IND.ECHO(,1;2)')).position).toBe(13);
    expect((await syntaxError('=IND.ECHO(,1')).position).toBe(13);
  });

  it('reports an unknown function by name', async () => {
    const e = await syntaxError('=IND.NOPE(1)');
    expect(e.reason).toBe('unknownFunction');
    expect(e.detail).toBe('IND.NOPE');
  });

  it('reports a cell reference or a name: there is no workbook', async () => {
    expect((await syntaxError('=IND.ECHO(A1)')).reason).toBe('reference');
    expect((await syntaxError('=IND.ECHO(A1:B2)')).reason).toBe('reference');
    expect((await syntaxError('=IND.ECHO(uren)')).reason).toBe('reference');
  });

  it('reports an empty formula', async () => {
    expect((await syntaxError('=')).reason).toBe('empty');
    expect((await syntaxError('  ')).reason).toBe('empty');
  });
});

describe('toExcelError', () => {
  it('recognises runtime errors, CalcError kinds and nothing else', () => {
    expect(toExcelError({ code: '#N/A', message: 'x' })).toEqual(new ExcelErrorValue('#N/A', 'x'));
    expect(toExcelError({ code: 'invalidNumber', message: 'y' })).toEqual(new ExcelErrorValue('#NUM!', 'y'));
    expect(toExcelError({ excel: 'divisionByZero', message: 'z' })).toEqual(
      new ExcelErrorValue('#DIV/0!', 'z'),
    );
    expect(toExcelError({ code: 'ENOENT', message: 'no file' })).toBeUndefined();
    expect(toExcelError('#VALUE!')).toBeUndefined();
    expect(toExcelError(null)).toBeUndefined();
  });
});
