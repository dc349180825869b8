/**
 * Table-driven runner for the funding golden cases (test/funding/golden/*.json). Each case cites
 * its source; see the JSON files for the hand calculations.
 */
import fundingCases from './golden/funding.json';
import reconciliationCases from './golden/reconciliation.json';
import {
  compareFunding,
  decomposeVariance,
  matchProducts,
  parseActualTable,
  parseBudgetTable,
  selectMaterial,
  varianceLabel,
  type Materiality,
  type ParameterSet,
} from '../../src/core/funding';
import { excelRound } from '../../src/core/round';

/** Reads `a.b.0.c` from an object (a boolean reads as 1 or 0). */
function at(obj: unknown, path: string): number {
  const v = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
  if (typeof v === 'boolean') return Number(v);
  if (typeof v !== 'number') throw new Error(`${path} is not a number: ${String(v)}`);
  return v;
}

function closeTo(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('funding model golden cases', () => {
  for (const c of fundingCases.cases) {
    describe(`${c.id} (${c.source.slice(0, 60)}…)`, () => {
      const result = compareFunding(c.products, c.params, c.sets as unknown as [ParameterSet, ParameterSet]);
      for (const [path, expected] of Object.entries(c.expect)) {
        it(`${path} = ${expected} (${c.rounding})`, () => {
          const actual = at(result, path);
          if (c.rounding === 'review') {
            // The review rounds each step; the printed whole number is within `tolerance` of the exact value,
            // and ROUND of the exact value is what the sheet shows.
            expect(Math.abs(actual - expected)).toBeLessThanOrEqual((c as { tolerance: number }).tolerance);
            expect(Math.abs(excelRound(actual) - expected)).toBeLessThanOrEqual(1);
          } else {
            closeTo(actual, expected);
          }
        });
      }
    });
  }
});

describe('reconciliation golden cases', () => {
  for (const c of reconciliationCases.cases) {
    describe(c.id, () => {
      const budget = parseBudgetTable(c.budget);
      const actual = parseActualTable(c.actual);
      const r = decomposeVariance(matchProducts(budget, actual), (c as { ledger?: number }).ledger);
      for (const [path, expected] of Object.entries(c.expect)) {
        it(`${path} = ${expected}`, () => closeTo(at(r, path), expected));
      }
      for (const m of c.materiality) {
        const { selected, ...thresholds } = m as Materiality & { selected: string[] };
        it(`materiality ${JSON.stringify(thresholds)} selects ${selected.length}`, () => {
          expect(selectMaterial(r, thresholds).map((v) => varianceLabel(v))).toEqual(selected);
        });
      }
    });
  }
});
