/**
 * Issue 10 item 4: the command line's formula engine computes like Excel or refuses, never a
 * wrong value. Every function name fast-formula-parser knows (and the newer Excel names it does
 * not) is called: a supported one must match Excel's value in every case of `builtins.cases.ts`,
 * every other one must be refused with `unsupportedFunction`, never answer with a stub's value.
 */
import * as fs from 'fs';
import * as path from 'path';
import FormulaParser from 'fast-formula-parser';
import { supportedBuiltinNames, SUPPORTED_BUILTINS } from '../../src/cli/builtins';
import { ExcelErrorValue, FormulaEngine, FormulaSyntaxError, type FormulaValue } from '../../src/cli/engine';
import { CASES, OPERATOR_CASES, SHEET, type Expected } from './builtins.cases';

interface RangeRef {
  from: { row: number; col: number };
  to: { row: number; col: number };
}

const sheetCell = (row: number, col: number): unknown => SHEET[row - 1]?.[col - 1] ?? null;

/** An engine over the small sheet of the cases (cell hooks, as a workbook evaluator would give). */
const engine = new FormulaEngine({
  registry: {},
  onCell: (ref) => sheetCell(ref.row, ref.col),
  onRange: (ref) => {
    const r = ref as RangeRef;
    const rows: unknown[][] = [];
    for (let i = r.from.row; i <= r.to.row; i++) {
      const row: unknown[] = [];
      for (let j = r.from.col; j <= r.to.col; j++) row.push(sheetCell(i, j));
      rows.push(row);
    }
    return rows;
  },
});

/** Evaluates, turning a refusal into `{ refused: reason }`. */
async function run(formula: string): Promise<FormulaValue | { refused: string }> {
  try {
    return await engine.evaluate(formula);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { refused: e.reason };
    throw e;
  }
}

function matches(actual: unknown, expected: Expected): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((row, i) => {
        const a = (actual as unknown[][])[i];
        return Array.isArray(a) && a.length === row.length && row.every((c, j) => matches(a[j], c));
      })
    );
  }
  if (typeof expected === 'object') {
    if (expected.error === 'range') return (actual as { refused?: string }).refused === 'rangeRequired';
    return actual instanceof ExcelErrorValue && actual.code === expected.error;
  }
  if (typeof expected === 'number' && typeof actual === 'number')
    return Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
  return actual === expected;
}

const parserNames = Object.keys(new FormulaParser({}).functions);
const newerExcelNames = ['XLOOKUP', 'LET', 'FILTER', 'SEQUENCE', 'UNIQUE', 'VALUE', 'COUNTBLANK'];
const allNames = [
  ...new Set([...parserNames, ...newerExcelNames, ...Object.keys(SUPPORTED_BUILTINS)]),
].sort();

describe('every function name: correct against Excel, or refused', () => {
  test('the parser knows hundreds of names, and each is classified', () => {
    expect(parserNames.length).toBeGreaterThan(300);
    for (const name of Object.keys(SUPPORTED_BUILTINS)) expect(CASES[name]?.length ?? 0).toBeGreaterThan(0);
    for (const name of Object.keys(CASES)) expect(SUPPORTED_BUILTINS[name]).toBeDefined();
  });

  test.each(allNames.filter((n) => !(n in SUPPORTED_BUILTINS)))('%s is refused', async (name) => {
    // Any argument count: a refused function never computes, also with a plausible argument.
    expect(await run(`=${name}()`)).toEqual({ refused: 'unsupportedFunction' });
    expect(await run(`=${name}(1,2)`)).toEqual({ refused: 'unsupportedFunction' });
    // Even where an error would be swallowed: IFERROR must not turn a refusal into a value.
    expect(await run(`=IFERROR(${name}(1),0)`)).toEqual({ refused: 'unsupportedFunction' });
  });

  const supportedCases = Object.entries(CASES).flatMap(([name, cases]) =>
    cases.map(([formula, expected]) => [name, formula, expected] as const),
  );
  test.each(supportedCases)('%s: %s', async (_name, formula, expected) => {
    const actual = await run(formula);
    if (!matches(actual, expected)) {
      throw new Error(`${formula}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
  });

  test.each(OPERATOR_CASES)('operator: %s', async (formula, expected) => {
    const actual = await run(formula);
    if (!matches(actual, expected))
      throw new Error(`${formula}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  });

  test('the matcher itself fails on a wrong value, a wrong error and a wrong shape', () => {
    expect(matches(1, 2)).toBe(false);
    expect(matches(new ExcelErrorValue('#N/A', ''), { error: '#VALUE!' })).toBe(false);
    expect(matches([[1, 2]], [[1], [2]])).toBe(false);
    expect(matches({ refused: 'unsupportedFunction' }, { error: 'range' })).toBe(false);
  });
});

describe('argument counts, as Excel refuses the formula', () => {
  test.each([
    ['=INDEX(2)', 'argumentCount'],
    ['=MAX()', 'argumentCount'],
    ['=ROUND(1)', 'argumentCount'],
    ['=ROUND(1,2,3)', 'argumentCount'],
    ['=PI(1)', 'argumentCount'],
    ['=IF(TRUE)', 'argumentCount'],
  ])('%s', async (formula, reason) => {
    expect(await run(formula)).toEqual({ refused: reason });
  });
});

describe('docs/cli.md lists exactly the supported functions', () => {
  test('the list in the doc is the list in the code', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../docs/cli.md'), 'utf8');
    const m = /<!-- supported-functions:start -->([\s\S]*?)<!-- supported-functions:end -->/.exec(doc);
    expect(m).not.toBeNull();
    const listed = [...(m as RegExpExecArray)[1].matchAll(/`([A-Z][A-Z0-9.]*)`/g)].map((x) => x[1]).sort();
    expect(listed).toEqual(supportedBuiltinNames());
  });
});

describe('the functions the task pane writes', () => {
  /** Every function name in the formulas of src/taskpane/plans (IND.* aside). */
  function planFunctions(dir: string): Set<string> {
    const names = new Set<string>();
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) for (const n of planFunctions(p)) names.add(n);
      else if (e.name.endsWith('.ts')) {
        // Only the text of string and template literals is formula text; code such as
        // `A(col, row)` (an address helper) and template holes `${…}` are not.
        const source = fs.readFileSync(p, 'utf8');
        for (const lit of source.matchAll(/`(?:\\.|[^`\\])*`|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g)) {
          const text = lit[0].replace(/\$\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g, ' ');
          for (const m of text.matchAll(/\b([A-Z][A-Z0-9]*(?:\.[A-Z0-9]+)*)\(/g))
            if (!m[1].startsWith('IND.')) names.add(m[1]);
        }
      }
    }
    return names;
  }

  test('are all supported (the workbook evaluator can compute every plan)', () => {
    const used = [...planFunctions(path.join(__dirname, '../../src/taskpane/plans'))].sort();
    expect(used.length).toBeGreaterThan(15);
    expect(used.filter((n) => !(n in SUPPORTED_BUILTINS))).toEqual([]);
  });
});
