/**
 * Invariants of the CLI's formula layer (fast-check): numbers print and read back exactly,
 * an inline spill is an array constant that evaluates to the same array, omitted arguments
 * arrive as null in exactly the omitted positions, array operators work element by element,
 * and the text normalisation is idempotent and leaves string literals alone.
 */
import fc from 'fast-check';
import { FormulaEngine, type CellValue } from '../../src/cli/engine';
import { formatValue, formatValueInline } from '../../src/cli/format';
import { normaliseFormula } from '../../src/cli/preprocess';

const calls: unknown[][] = [];
const engine = new FormulaEngine({
  registry: {
    'IND.ECHO': (...args: unknown[]) => {
      calls.push(args);
      return args.length;
    },
  },
});

const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });

describe('properties of the formula layer', () => {
  it('a number typed in full precision prints back identically', async () => {
    await fc.assert(
      fc.asyncProperty(finiteDouble, async (x) => {
        const text = String(x);
        const printed = formatValue(await engine.evaluate(`=${text}`));
        // -0 prints as 0, as in Excel.
        expect(printed).toBe(Object.is(x, -0) ? '0' : text);
      }),
      { numRuns: 300 },
    );
  });

  it('an inline spill is an array constant that evaluates back to the same array', async () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      finiteDouble.map((x) => (Object.is(x, -0) ? 0 : x)),
      fc.string({ maxLength: 8 }).filter((s) => !s.includes('\uE000')),
      fc.boolean(),
    );
    const grid = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .filter(([r, c]) => r * c > 1)
      .chain(([r, c]) =>
        fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
      );
    await fc.assert(
      fc.asyncProperty(grid, async (g) => {
        const text = formatValueInline(g);
        expect(await engine.evaluate(`=${text}`)).toEqual(g);
      }),
      { numRuns: 200 },
    );
  });

  it('omitted arguments arrive as null exactly where they were left empty', async () => {
    const slots = fc.array(fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }), {
      minLength: 1,
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(slots, async (args) => {
        calls.length = 0;
        const text = `=IND.ECHO(${args.map((a) => (a === null ? '' : String(a))).join(',')})`;
        await engine.evaluate(text);
        // A single empty slot is `IND.ECHO()`, which Excel also calls with no arguments.
        expect(calls[0]).toEqual(args.length === 1 && args[0] === null ? [] : args);
      }),
      { numRuns: 300 },
    );
  });

  it('array operators work element by element', async () => {
    const small = fc.integer({ min: -1000, max: 1000 });
    const pair = fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
      .chain(([r, c]) =>
        fc.tuple(
          fc.array(fc.array(small, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
          fc.array(fc.array(small, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
        ),
      );
    await fc.assert(
      fc.asyncProperty(pair, fc.constantFrom('+', '-', '*'), async ([a, b], op) => {
        const v = await engine.evaluate(`=${formatValueInline(a)}${op}${formatValueInline(b)}`);
        const expected = a.map((row, i) =>
          row.map((x, j) => (op === '+' ? x + b[i][j] : op === '-' ? x - b[i][j] : x * b[i][j]) + 0),
        );
        expect(v).toEqual(expected.length === 1 && expected[0].length === 1 ? expected[0][0] : expected);
      }),
      { numRuns: 200 },
    );
  });

  it('normalisation is idempotent and never changes string literals', () => {
    const piece = fc.oneof(
      fc.constantFrom('IND.FTE(', 'SUM(', ',', ')', '(', '1e3', '.5', '0.57', ' ', '{1,2;3,4}', '+', 'A1'),
      fc.string({ maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const f = pieces.join('');
        const once = normaliseFormula(f);
        expect(normaliseFormula(once)).toBe(once);
        const literals = (s: string) =>
          s.match(/"(?:""|[^"])*"/g)?.filter((l) => !l.includes('\uE000')) ?? [];
        expect(literals(once)).toEqual(literals(f));
      }),
      { numRuns: 500 },
    );
  });
});
