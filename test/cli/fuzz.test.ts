/**
 * Fuzzing of `eval` and `eval --file` (issue 12, "Must show"): random and mutated formulas
 * (fast-check, fixed seed, bounded time). Every result is exit 0, 1 or 2, with at most one line
 * on standard error, never a stack trace, and `--file` prints exactly one line per input line.
 * In-process through `main()` for many cases, then through the real binary for a sample.
 */
import fc from 'fast-check';
import { main, type CliIO } from '../../src/cli/main';
import { ensureBuilt, runBin, STACK_TRACE } from './binary';

const SEED = 20261201;

/** Valid formulas to mutate: IND functions, built-ins, arrays, text, operators. */
const CORPUS = [
  '=IND.FTE(83000,4,36,0.57,60)',
  '=IND.HEADCOUNTFTE(100)',
  '=IND.DIRECTRATIO({1;7.2},{"afwezig";"direct"},"netto")',
  '=IND.SCENARIO({80000;95000;70000})',
  '=SUM(IND.LUMPSUMSPLIT(1000000,0.13,50000))',
  '=ROUND(IND.FTE(83000,4,36,,60),0)',
  '=IF(TRUE,{"a";"b"}&CHAR(10))',
  '=SUMPRODUCT({1;2}>1)',
  '=INDEX({1,2;3,4},2,1)',
  '=TEXTJOIN("-",TRUE,{"a","","b"})',
  '=MATCH(3,{1,3,5},0)',
  '=0.1+0.2=0.3',
  '=REPT("ab",3)',
  '=IFERROR(1/0,"x")',
];

/** Pieces of formulas and odd text: operators, brackets, names, quotes, control and odd Unicode. */
const PIECES = [
  '=',
  '==',
  '(',
  ')',
  '{',
  '}',
  ',',
  ';',
  '"',
  "'",
  '1',
  '-2.5',
  '1e308',
  '.5',
  '%',
  '&',
  '+',
  '-',
  '*',
  '/',
  '^',
  '<>',
  ' ',
  'A1',
  'H',
  'A1:B2',
  'Blad1!',
  '#N/A',
  'TRUE',
  'IND.FTE(',
  'IND.NOPE(',
  'SUM(',
  'INDEX(',
  'TEXT(',
  'REPT("a",1e9)',
  'CHAR(10)',
  '@',
  '$',
  '[',
  ']',
  '!',
  ':',
  '\t',
  '\r',
  '\u2028',
  '\u0085',
  '\u0000',
  '\ud800',
  '\udc00',
  '😀',
  'é',
  '\\',
  '(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((',
];

const fromPieces = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));
const mutated = fc
  .tuple(
    fc.constantFrom(...CORPUS),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...PIECES)), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([f, edits]) => {
    let s = f;
    for (const [at, del, ins] of edits) {
      const i = at % (s.length + 1);
      s = s.slice(0, i) + ins + s.slice(i + del);
    }
    return s;
  });
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const formula = fc.oneof(mutated, fromPieces, anyText);

function capture(file = ''): { io: CliIO; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (l) => out.push(l), stderr: (l) => err.push(l), readFile: async () => file },
  };
}

/** A printed line never contains a line break of its own. */
const LINE_BREAK = /[\n\r\u2028\u2029\u0085]/;

describe('fuzz, in-process (bounded to a few seconds)', () => {
  test('eval: exit 0/1/2, at most one line of message, no stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(formula, async (f) => {
        const c = capture();
        const code = await main(['eval', f], c.io);
        if (![0, 1, 2].includes(code)) return false;
        if (c.err.length > 1 || c.err.some((l) => LINE_BREAK.test(l))) return false;
        return ![...c.out, ...c.err].some((l) => STACK_TRACE.test(l));
      }),
      { seed: SEED, numRuns: 3000, interruptAfterTimeLimit: 4000, markInterruptAsFailure: false },
    );
  });

  test('--file: exactly one output line per input line', async () => {
    const lineEnd = fc.constantFrom('\n', '\r\n');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(formula, lineEnd), { maxLength: 12 }), async (rows) => {
        const text = rows.map(([f, e]) => f.replace(/\n/g, ' ') + e).join('');
        const c = capture(text);
        const code = await main(['eval', '--file', 'f.txt'], c.io);
        if (![0, 1, 2].includes(code)) return false;
        if (c.out.length !== rows.length || c.err.length !== 0) return false;
        return !c.out.some((l) => LINE_BREAK.test(l) || STACK_TRACE.test(l));
      }),
      { seed: SEED, numRuns: 500, interruptAfterTimeLimit: 4000, markInterruptAsFailure: false },
    );
  });
});

describe('fuzz, through the real binary', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  test('--file with 400 generated lines: one line each, exit 0/1/2, nothing on stderr', () => {
    const lines = fc.sample(formula, { seed: SEED, numRuns: 400 }).map((f) => f.replace(/\n/g, ' '));
    const r = runBin(['eval', '--file', '-'], `${lines.join('\n')}\n`);
    expect([0, 1, 2]).toContain(r.status);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(STACK_TRACE);
    const out = r.stdout.split('\n');
    expect(out.pop()).toBe('');
    expect(out).toHaveLength(lines.length);
  });

  test('eval with generated formulas: exit 0/1/2, at most one line on stderr, no stack trace', () => {
    // Text that the operating system can pass as an argument (no NUL, valid UTF-16).
    const args = fc
      .sample(formula, { seed: SEED + 1, numRuns: 12 })
      .map((f) => f.replace(/\u0000/g, '').replace(/[\ud800-\udfff]/g, '?'));
    for (const f of args) {
      const r = runBin(['eval', f]);
      expect([0, 1, 2]).toContain(r.status);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(r.stdout).not.toMatch(STACK_TRACE);
      expect(r.stderr.split('\n').filter((l) => l !== '').length).toBeLessThanOrEqual(1);
    }
  }, 120_000);
});
