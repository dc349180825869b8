/**
 * Numerics at the extremes (issue 12 §4): magnitudes from 1e-300 to 1e300 (and up to the
 * largest double where the issue found a failure). Each result is compared with the exact
 * rational value of the same formula (BigInt arithmetic, `exact.ts`): a result is non-finite
 * only when the exact value is beyond the largest double, never NaN, and otherwise within a few
 * units in the last place (or the error bound of the summation).
 */
import fc from 'fast-check';
import {
  budgetVariance,
  directRatioOf,
  effectiveness,
  headcountToFte,
  lumpsumSplit,
  normVariance,
  turnoverFte,
  workloadHours,
} from '../../src/core';
import { registry } from '../../src/functions/registry';
import { setLanguage } from '../../src/functions/lang';
import { add, closeTo, div, exact, mul, sub, sum, toDouble, type Rational } from './exact';

const SEED = 20260512;
const RUNS = 300;
const params = { seed: SEED, numRuns: RUNS };
const EPS = Number.EPSILON;
const MAX = Number.MAX_VALUE;

/** A positive double spread evenly over the decades from 10^lo to 10^hi. */
function magnitude(lo: number, hi: number): fc.Arbitrary<number> {
  return fc
    .tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: 1000, max: 9999 }))
    .map(([e, m]) => Math.min(MAX, (m / 1000) * 10 ** e));
}
const big = magnitude(-300, 300);
const nonNegative = fc.oneof(big, fc.constant(0));
const ex = (x: number): Rational => exact(x);
const r60 = ex(60);

beforeAll(() => setLanguage('en'));
afterAll(() => setLanguage(undefined));

/** The adapter's result, or the Excel error it throws. */
function adapterValue(name: string, ...args: unknown[]): unknown {
  try {
    return registry[name](...args);
  } catch (e) {
    return e;
  }
}

describe('no spurious overflow (the examples of the issue)', () => {
  test('IND.HEADCOUNTFTE(1.7e308) is the finite 1.629e308', () => {
    const v = adapterValue('IND.HEADCOUNTFTE', 1.7e308, null, null);
    expect(typeof v).toBe('number');
    expect(closeTo(v as number, toDouble(div(mul(ex(1.7e308), ex(34.5)), ex(36))), 2 * EPS)).toBe(true);
  });

  test('a result that is truly beyond the doubles still says so', () => {
    const v = adapterValue('IND.HEADCOUNTFTE', 1.7e308, 40, 36) as { message?: string };
    expect(typeof v).toBe('object');
    expect(v.message).toMatch(/IND.HEADCOUNTFTE: .*(Infinity)/);
  });

  test('IND.WORKLOAD, LUMPSUMSPLIT, TURNOVERFTE, EFFECTIVENESS, NORMVARIANCE and VARIANCE near the largest double', () => {
    expect(
      closeTo(workloadHours([1e300], [1e10]), toDouble(div(mul(ex(1e300), ex(1e10)), r60)), 2 * EPS),
    ).toBe(true);
    expect(Number.isFinite(workloadHours([1e308, 1e308], [30, 30]))).toBe(true);
    const split = lumpsumSplit(1e307, 0.13, 0);
    expect(Number.isFinite(split.lumpsum) && Number.isFinite(split.output)).toBe(true);
    expect(closeTo(split.lumpsum + split.output, 1e307, 4 * EPS)).toBe(true);
    expect(Number.isFinite(turnoverFte(1.7e308, 36, 36))).toBe(true);
    expect(closeTo(effectiveness([1e300], [1e300], [1e300]), 1e300 / 60, 4 * EPS)).toBe(true);
    expect(
      closeTo(
        normVariance(1e307, 0.5, 1e10),
        toDouble(sub(div(mul(ex(1e307), r60), mul(ex(0.5), ex(1e10))), ex(1))),
        4 * EPS,
      ),
    ).toBe(true);
    const v = budgetVariance([1e300], [1e300], [1e300], [1e300]);
    expect(v).toEqual({ volumeInclMix: 0, volume: 0, mix: 0, price: 0, total: 0 });
  });
});

describe('products and quotients are exact to a few ulps or truly infinite', () => {
  test('HEADCOUNTFTE = persons × hours / hoursPerFte', () => {
    fc.assert(
      fc.property(nonNegative, big, big, (p, a, h) => {
        const got = headcountToFte(p, a, h);
        const want = toDouble(div(mul(ex(p), ex(a)), ex(h)));
        return !Number.isNaN(got) && closeTo(got, want, 3 * EPS);
      }),
      params,
    );
  });

  test('TURNOVERFTE = leavers / 2 × hours / hoursPerFte', () => {
    fc.assert(
      fc.property(nonNegative, big, big, (l, a, h) => {
        const got = turnoverFte(l, a, h);
        const want = toDouble(div(mul(div(ex(l), ex(2)), ex(a)), ex(h)));
        return !Number.isNaN(got) && closeTo(got, want, 3 * EPS);
      }),
      params,
    );
  });

  test('NORMVARIANCE = hours × 60 / cases / norm − 1', () => {
    fc.assert(
      fc.property(nonNegative, big, big, (h, n, norm) => {
        const got = normVariance(h, n, norm);
        const want = toDouble(sub(div(mul(ex(h), r60), mul(ex(n), ex(norm))), ex(1)));
        // Four roundings before the subtraction of 1: compare on the scale of the quotient.
        const scale = Math.max(1, Math.abs(want));
        return (
          !Number.isNaN(got) &&
          (Number.isFinite(want) ? Math.abs(got - want) <= 6 * EPS * scale : got === want)
        );
      }),
      params,
    );
  });

  test('through the adapters: "result not finite" only when the exact result is beyond the doubles', () => {
    fc.assert(
      fc.property(big, big, big, (p, a, h) => {
        const got = adapterValue('IND.HEADCOUNTFTE', p, a, h);
        const want = toDouble(div(mul(ex(p), ex(a)), ex(h)));
        if (want <= MAX * (1 - 4 * EPS)) return typeof got === 'number';
        if (want === Infinity) return typeof got === 'object';
        return true; // within rounding of the largest double: either answer is right
      }),
      params,
    );
  });
});

const rows = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(arb, { minLength: 1, maxLength: 12 });
// Factors of the sums of products: a product of two of them never falls below the normal
// doubles (the issue is overflow; a sum of subnormal products keeps only subnormal precision).
const factor = fc.oneof(magnitude(-150, 300), fc.constant(0));
// Pairs whose product overflows while the product / 60 does not (the window the issue found).
const nearMax = fc.tuple(
  fc.integer({ min: 1000, max: 1797 }).map((m) => m * 1e305),
  fc.integer({ min: 2, max: 59 }),
);

describe('sums', () => {
  test('WORKLOAD = Σ volume × norm / 60 (plain sum of non-negative terms: relative error ≤ n·ε)', () => {
    fc.assert(
      fc.property(rows(fc.oneof(fc.tuple(factor, factor), nearMax)), (pairs) => {
        const v = pairs.map((p) => p[0]);
        const m = pairs.map((p) => p[1]);
        const got = workloadHours(v, m);
        const want = toDouble(div(sum(pairs.map(([a, b]) => mul(ex(a), ex(b)))), r60));
        return !Number.isNaN(got) && closeTo(got, want, (pairs.length + 2) * EPS);
      }),
      params,
    );
  });

  test('EFFECTIVENESS = earned hours / Σ direct hours', () => {
    fc.assert(
      fc.property(rows(fc.oneof(fc.tuple(factor, factor), nearMax)), rows(big), (pairs, direct) => {
        const got = effectiveness(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
          direct,
        );
        const earned = div(sum(pairs.map(([a, b]) => mul(ex(a), ex(b)))), r60);
        const want = toDouble(div(earned, sum(direct.map(ex))));
        return !Number.isNaN(got) && closeTo(got, want, (pairs.length + 6) * EPS);
      }),
      params,
    );
  });

  test('VARIANCE: volume incl. mix + price = total, no NaN, finite whenever the exact variance is', () => {
    fc.assert(
      fc.property(rows(fc.tuple(nonNegative, nonNegative, nonNegative, nonNegative)), (rs) => {
        const bV = rs.map((r) => r[0]);
        const bP = rs.map((r) => r[1]);
        const aV = rs.map((r) => r[2]);
        const aP = rs.map((r) => r[3]);
        const got = budgetVariance(bV, bP, aV, aP);
        const vol = sum(rs.map(([bv, bp, av]) => mul(sub(ex(av), ex(bv)), ex(bp))));
        const pri = sum(rs.map(([, bp, av, ap]) => mul(sub(ex(ap), ex(bp)), ex(av))));
        const tot = add(vol, pri);
        // A plain sum's error is bounded by n·ε × Σ|terms| (cancellation is allowed).
        const absTerms = sum(
          rs.flatMap(([bv, bp, av, ap]) => [
            mul(ex(av), ex(ap)),
            mul(ex(bv), ex(bp)),
            mul(ex(av), ex(bp)),
            mul(ex(bv), ex(ap)),
          ]),
        );
        const bound = 4 * (rs.length + 3) * EPS * toDouble(absTerms);
        const ok = (g: number, w: Rational): boolean => {
          if (Number.isNaN(g)) return false;
          const x = toDouble(w);
          if (Math.abs(x) > MAX * (1 - 1e-12) || !Number.isFinite(bound)) return !Number.isNaN(g);
          return Number.isFinite(g) && Math.abs(g - x) <= bound;
        };
        return ok(got.volumeInclMix, vol) && ok(got.price, pri) && ok(got.total, tot);
      }),
      params,
    );
  });

  test('LUMPSUMSPLIT: the parts add up to the whole and stay finite when the whole is', () => {
    fc.assert(
      fc.property(magnitude(-2, 308), fc.double({ min: 0, max: 1, noNaN: true }), nonNegative, (c, s, l) => {
        const got = lumpsumSplit(c, s, l);
        const whole = toDouble(add(ex(c), ex(l)));
        if (!Number.isFinite(whole)) return !Number.isNaN(got.lumpsum) && !Number.isNaN(got.output);
        return (
          Number.isFinite(got.lumpsum) &&
          Number.isFinite(got.output) &&
          closeTo(got.lumpsum + got.output, whole, 8 * EPS + 0.01 / whole)
        );
      }),
      params,
    );
  });
});

describe('DIRECTRATIO', () => {
  const kind = fc.constantFrom('direct', 'indirect', 'absence');
  const hours = fc.oneof(big, fc.constant(0), fc.constant(2 ** 53), fc.integer({ min: 0, max: 100 }));

  test('never above 1, and within a few ulps of the exact ratio (gross and net)', () => {
    fc.assert(
      fc.property(
        rows(fc.tuple(hours, kind)),
        fc.constantFrom<'gross' | 'net'>('gross', 'net'),
        (rs, basis) => {
          const h = rs.map((r) => r[0]);
          const k = rs.map((r) => r[1]);
          const of = (want: string) => sum(rs.filter((r) => r[1] === want).map((r) => ex(r[0])));
          const direct = of('direct');
          const den = basis === 'gross' ? sum(h.map(ex)) : add(direct, of('indirect'));
          if (den.n === 0n) return true;
          const got = directRatioOf(h, k, basis);
          return got >= 0 && got <= 1 && closeTo(got, toDouble(div(direct, den)), 6 * EPS);
        },
      ),
      params,
    );
  });

  test('one-decimal direct and absence hours give a net ratio of exactly 1', () => {
    const tenth = fc.integer({ min: 1, max: 100000 }).map((n) => n / 10);
    fc.assert(
      fc.property(tenth, tenth, (d, a) => directRatioOf([a, d], ['afwezig', 'direct'], 'net') === 1),
      params,
    );
  });

  test('the net ratio fed into IND.FTE is accepted (no "looks like a percentage" advice)', () => {
    const r = adapterValue('IND.DIRECTRATIO', [[1], [7.2]], [['afwezig'], ['direct']], 'netto');
    expect(r).toBe(1);
    expect(typeof adapterValue('IND.FTE', 83000, 4, 36, r, 60)).toBe('number');
  });
});
