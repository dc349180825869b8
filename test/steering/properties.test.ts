/**
 * Invariants of the steering core (fast-check): the ageing buckets add up to the stock; the
 * penalty exposure is monotone in days late and never above the cap per case; a perfect forecast
 * has WAPE 0 and bias 0; scaling a forecast up raises its bias.
 */
import fc from 'fast-check';
import { PENALTY_SCHEDULE_AWB, type PenaltySchedule } from '../../src/core/params/steering';
import {
  ageingByProduct,
  BUCKETS,
  exposure,
  forecastError,
  formatDay,
  penaltyUnchecked,
  readTableRecords,
  StockAggregator,
  yearEnd,
  type StockProfileRow,
} from '../../src/core/steering';
import { CAL, PEIL, TERMS } from './fixtures';

const products = ['AA', 'VA', 'NAREIS'];

const caseArb = fc.record({
  product: fc.constantFrom(...products),
  age: fc.integer({ min: 0, max: 900 }),
  adjusted: fc.option(fc.integer({ min: -200, max: 300 }), { nil: undefined }),
});

test('ageing buckets add up to the stock, per product and in total', () => {
  fc.assert(
    fc.property(fc.array(caseArb, { minLength: 1, maxLength: 200 }), (cases) => {
      const rows = cases.map((c, i) => [
        `Z${i}`,
        c.product,
        formatDay(PEIL - c.age),
        // an adjusted deadline never lies before the receipt
        c.adjusted === undefined ? '' : formatDay(Math.max(PEIL - c.age, PEIL + c.adjusted)),
      ]);
      let agg: StockAggregator | undefined;
      readTableRecords(['Zaaknummer', 'Product', 'Datum ontvangst', 'Verlengd tot'], rows, (f, n) => {
        if (n === 1) agg = new StockAggregator(f, { file: 'x', peil: PEIL, calendar: CAL, terms: TERMS });
        else agg!.add(f, n);
      });
      const stock = agg!.result();
      const { products: ps, total } = ageingByProduct(stock.profile, TERMS);
      for (const p of [...ps, total]) {
        expect(BUCKETS.reduce((s, b) => s + p.buckets[b], 0)).toBe(p.stock);
      }
      expect(total.stock).toBe(cases.length);
      for (const p of ps) expect(p.stock).toBe(cases.filter((c) => c.product === p.product).length);
    }),
    { numRuns: 150 },
  );
});

const scheduleArb: fc.Arbitrary<PenaltySchedule> = fc
  .array(fc.record({ len: fc.integer({ min: 1, max: 20 }), perDay: fc.integer({ min: 0, max: 100 }) }), {
    minLength: 1,
    maxLength: 4,
  })
  .chain((blocks) =>
    fc.integer({ min: 0, max: 3000 }).map((maxAmount) => {
      let upTo = 0;
      return {
        blocks: blocks.map((b) => ({ upToDay: (upTo += b.len), perDay: b.perDay })),
        maxAmount,
      };
    }),
  );

test('the penalty is monotone in days and never above either cap', () => {
  fc.assert(
    fc.property(
      scheduleArb,
      fc.integer({ min: -50, max: 400 }),
      fc.integer({ min: 0, max: 400 }),
      (s, d, extra) => {
        const a = penaltyUnchecked(d, s);
        const b = penaltyUnchecked(d + extra, s);
        expect(a).toBeLessThanOrEqual(b);
        const full = s.blocks.reduce(
          (sum, x, i) => sum + (x.upToDay - (i === 0 ? 0 : s.blocks[i - 1].upToDay)) * x.perDay,
          0,
        );
        expect(b).toBeLessThanOrEqual(Math.min(s.maxAmount, full));
        expect(a).toBeGreaterThanOrEqual(0);
      },
    ),
  );
});

const profileArb = fc.array(
  fc.record({
    product: fc.constantFrom(...products),
    basis: fc.constantFrom('ontvangst' as const, 'verlengd' as const),
    days: fc.integer({ min: -100, max: 600 }),
    notice: fc.boolean(),
    count: fc.integer({ min: 1, max: 50 }),
  }),
  { minLength: 1, maxLength: 60 },
);
const noticeArb = fc.array(
  fc.record({
    product: fc.constantFrom(...products),
    days: fc.integer({ min: 0, max: 365 }),
    count: fc.integer({ min: 1, max: 20 }),
  }),
  { maxLength: 20 },
);

test('exposure is monotone in days late (a later date) and at most the cap per case', () => {
  fc.assert(
    fc.property(
      profileArb,
      noticeArb,
      fc.integer({ min: 0, max: 120 }),
      fc.integer({ min: 0, max: 120 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (profile: StockProfileRow[], notices, s1, extra, share) => {
        const a = { shareWithNotice: share, daysToNotice: 14, startDays: 14 };
        const now = exposure(profile, notices, TERMS, PENALTY_SCHEDULE_AWB, a, s1);
        const later = exposure(profile, notices, TERMS, PENALTY_SCHEDULE_AWB, a, s1 + extra);
        expect(now.total).toBeLessThanOrEqual(later.total + 1e-9);
        const cases =
          profile.filter((r) => !r.notice).reduce((s, r) => s + r.count, 0) +
          notices.reduce((s, r) => s + r.count, 0);
        expect(later.total).toBeLessThanOrEqual(cases * PENALTY_SCHEDULE_AWB.maxAmount + 1e-9);
      },
    ),
  );
});

const seriesArb = fc.array(fc.integer({ min: 1, max: 100000 }), { minLength: 1, maxLength: 26 });

test('a perfect forecast has WAPE 0 and bias 0', () => {
  fc.assert(
    fc.property(seriesArb, (a) => {
      expect(forecastError(a, a, 'wape')).toBe(0);
      expect(forecastError(a, a, 'bias')).toBe(0);
      expect(forecastError(a, a, 'mape')).toBe(0);
    }),
  );
});

test('scaling a forecast up raises the bias (by (k − 1) × mean F)', () => {
  fc.assert(
    fc.property(seriesArb, seriesArb, fc.double({ min: 1.001, max: 5, noNaN: true }), (a0, f0, k) => {
      const n = Math.min(a0.length, f0.length);
      const a = a0.slice(0, n);
      const f = f0.slice(0, n);
      const up = f.map((x) => x * k);
      const b = forecastError(a, f, 'bias');
      const bUp = forecastError(a, up, 'bias');
      expect(bUp).toBeGreaterThan(b);
      const meanF = f.reduce((s, x) => s + x, 0) / n;
      expect(bUp - b).toBeCloseTo((k - 1) * meanF, 6);
    }),
  );
});

test('year end: trend and capacity agree when the capacity equals the realised rate', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 0, max: 100000 }), (done, realised) => {
      const t = yearEnd(realised, done, { method: 'trend' });
      const c = yearEnd(realised, done, { method: 'capacity', capacityPerPeriod: realised / done });
      expect(c).toBeCloseTo(t, 6);
      expect(t).toBeGreaterThanOrEqual(realised);
    }),
  );
});
