/**
 * fast-check invariants of the funding model and the reconciliation: the variance steps sum to
 * the total, funding never drops below the floor (nor above the cap), money splits add up to the
 * cent, and the identities hold whenever the model computed the figures itself.
 */
import fc from 'fast-check';
import {
  allocateCents,
  checkCapacityIdentity,
  checkFundingIdentity,
  compareFunding,
  decomposeVariance,
  isMaterial,
  selectMaterial,
  splitLumpsumCents,
  type MatchedProduct,
  type ProductRow,
} from '../../src/core/funding';
import { budgetVariance } from '../../src/core/variance';

const money = fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true });
const volume = fc.integer({ min: 0, max: 100_000 });
const norm = fc.double({ min: 1, max: 6000, noNaN: true, noDefaultInfinity: true });
const ratio = fc.double({ min: 0.2, max: 1, noNaN: true, noDefaultInfinity: true });

const product = fc.record({
  code: fc.constant(''),
  name: fc.constant(''),
  volume,
  normMinutes: norm,
  hourlyCost: fc.double({ min: 1, max: 200, noNaN: true, noDefaultInfinity: true }),
  overheadRate: fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }),
});
const products = fc
  .array(product, { minLength: 1, maxLength: 20 })
  .map((ps) => ps.map((p, i): ProductRow => ({ ...p, code: `P${i + 1}` })));

/** Tolerance for sums of doubles of this size. */
function near(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, scale);
}

describe('funding never below the floor (nor above the cap)', () => {
  it('holds for both parameter sets, any products, lumpsum, floor ≤ cap and share', () => {
    fc.assert(
      fc.property(
        products,
        money,
        money,
        fc.option(money, { nil: undefined }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ratio,
        ratio,
        (ps, lumpsum, floor, capRaw, share, ra, rb) => {
          const cap = capRaw === undefined ? undefined : floor + capRaw;
          const r = compareFunding(
            ps,
            { lumpsum, floor, cap, lumpsumShare: share, weeks: 4, hoursPerFte: 36, extraFte: 0 },
            [
              { label: 'A', directRatio: ra },
              { label: 'B', directRatio: rb },
            ],
          );
          for (const s of r.sets) {
            expect(s.total).toBeGreaterThanOrEqual(floor);
            if (cap !== undefined) expect(s.total).toBeLessThanOrEqual(cap);
            // The floor top-up and the cap cut explain the whole distance to lumpsum + output.
            expect(near(s.total, s.beforeFloor + s.floorTopUp - s.capCut, s.beforeFloor)).toBe(true);
            expect(
              checkFundingIdentity({
                lumpsum,
                floor,
                cap,
                total: s.total,
                volumes: ps.map((p) => p.volume),
                prices: s.costPrices,
              }),
            ).toEqual([]);
            // The split moves money between lumpsum and output but never changes the sum.
            expect(near(s.lumpsumAfterSplit + s.outputAfterSplit, s.beforeFloor, s.beforeFloor)).toBe(true);
          }
        },
      ),
    );
  });

  it('a lower direct ratio never lowers funding or the fte needed', () => {
    fc.assert(
      fc.property(products, ratio, ratio, (ps, x, y) => {
        const [lo, hi] = x < y ? [x, y] : [y, x];
        const r = compareFunding(
          ps,
          { lumpsum: 0, floor: 0, lumpsumShare: 0.13, weeks: 4, hoursPerFte: 36, extraFte: 5 },
          [
            { label: 'hi', directRatio: hi },
            { label: 'lo', directRatio: lo },
          ],
        );
        expect(r.gapEuro).toBeGreaterThanOrEqual(-1e-6);
        expect(r.gapFte).toBeGreaterThanOrEqual(-1e-9);
      }),
    );
  });
});

describe('capacity identity', () => {
  it('product costs + unused capacity = total cost when every product is costed at the capacity rate', () => {
    fc.assert(
      fc.property(
        products,
        ratio,
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        (ps, r, rate, oh, staff) => {
          const same = ps.map((p) => ({ ...p, hourlyCost: rate, overheadRate: oh }));
          const params = {
            lumpsum: 0,
            floor: 0,
            lumpsumShare: 0,
            weeks: 4,
            hoursPerFte: 36,
            extraFte: 0,
            staffFte: staff,
            capacityHourlyCost: rate,
            capacityOverheadRate: oh,
          };
          const res = compareFunding(same, params, [
            { label: 'a', directRatio: r },
            { label: 'b', directRatio: r },
          ]).sets[0];
          const c = res.capacity!;
          expect(Math.abs(c.difference)).toBeLessThanOrEqual(1e-9 * Math.max(1, c.staffCost, c.productCosts));
          // S7 = S5 × S6 with the sign of S5 (positive = shortage).
          expect(c.shortageEuro).toBe(res.shortageFte! * c.costPerFte);
          const breaks = checkCapacityIdentity({
            codes: same.map((p) => p.code),
            productCosts: res.productFunding,
            normHours: same.map((p) => (p.volume * p.normMinutes) / 60),
            staffFte: staff,
            weeks: 4,
            hoursPerFte: 36,
            directRatio: r,
            capacityHourlyCost: rate,
            capacityOverheadRate: oh,
          });
          expect(breaks.filter((b) => Math.abs(b.difference) > 1e-6 * Math.max(1, c.productCosts))).toEqual(
            [],
          );
        },
      ),
    );
  });

  it('the per-product breaks add up to the identity difference', () => {
    fc.assert(
      fc.property(products, ratio, (ps, r) => {
        const params = {
          lumpsum: 0,
          floor: 0,
          lumpsumShare: 0,
          weeks: 4,
          hoursPerFte: 36,
          extraFte: 0,
          staffFte: 100,
          capacityHourlyCost: 60,
          capacityOverheadRate: 0.1,
        };
        const c = compareFunding(ps, params, [
          { label: 'a', directRatio: r },
          { label: 'b', directRatio: r },
        ]).sets[0].capacity!;
        const sum = c.productDifferences.reduce((a, b) => a + b, 0);
        expect(near(sum, c.difference, Math.max(c.staffCost, c.productCosts))).toBe(true);
      }),
    );
  });
});

describe('money splits add up to the cent', () => {
  it('allocateCents: parts sum exactly and each is within one cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = allocateCents(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          if (sum > 0)
            parts.forEach((p, i) =>
              expect(Math.abs(p - (total * weights[i]) / sum)).toBeLessThan(1 + 1e-6 * Math.abs(total)),
            );
          parts.forEach((p) => expect(Number.isInteger(p)).toBe(true));
        },
      ),
    );
  });

  it('splitLumpsumCents: lumpsum + Σ products = the rounded total', () => {
    fc.assert(
      fc.property(
        money,
        fc.array(money, { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lumpsum, funding, share) => {
          const s = splitLumpsumCents(lumpsum, funding, share);
          expect(s.lumpsumCents + s.productCents.reduce((a, b) => a + b, 0)).toBe(s.totalCents);
        },
      ),
    );
  });
});

const matchedProduct = fc.record({
  vb: volume,
  pb: fc.double({ min: 0, max: 10_000, noNaN: true }),
  nb: norm,
  va: volume,
  ca: money,
  ha: fc.double({ min: 0, max: 1e6, noNaN: true }),
  // The productivity data (V4), present on some rows only.
  productivity: fc.option(
    fc.record({
      rb: ratio,
      cb: fc.double({ min: 1, max: 200, noNaN: true, noDefaultInfinity: true }),
      pa: fc.double({ min: 0, max: 2e6, noNaN: true }),
    }),
    { nil: undefined },
  ),
});
const matched = fc.array(matchedProduct, { minLength: 1, maxLength: 20 }).map((rows) =>
  rows.map((x, i): MatchedProduct => ({
    budget: {
      code: `P${i}`,
      name: '',
      volume: x.vb,
      price: x.pb,
      normMinutes: x.nb,
      ...(x.productivity ? { directRatio: x.productivity.rb, hourlyCost: x.productivity.cb } : {}),
    },
    actual: {
      code: `P${i}`,
      volume: x.va,
      costs: x.ca,
      hours: x.ha,
      ...(x.productivity ? { paidHours: x.productivity.pa } : {}),
    },
  })),
);

describe('the variance steps sum to the total', () => {
  it('per product and in total: budget + volume + mix + productivity + efficiency + price = actual; + other = ledger', () => {
    fc.assert(
      fc.property(matched, fc.option(money, { nil: undefined }), (m, ledger) => {
        const r = decomposeVariance(m, ledger);
        const scale = (s: { budget: number; actual: number; flexed: number; productivity: number }): number =>
          Math.max(
            Math.abs(s.budget),
            Math.abs(s.actual),
            Math.abs(s.flexed),
            Math.abs(s.productivity),
            ...m.map((x) => (x.actual.hours * x.budget.price) / (x.budget.normMinutes / 60)),
          );
        for (const s of [...r.products, r.total]) {
          expect(near(s.budget + s.volume + s.mix, s.flexed, scale(s) * 10)).toBe(true);
          expect(near(s.volume + s.mix, s.volumeInclMix, scale(s) * 10)).toBe(true);
          expect(near(s.flexed + s.productivity + s.efficiency + s.price, s.actual, scale(s) * 10)).toBe(
            true,
          );
          expect(near(s.productivity + s.efficiency + s.price, s.pricePerCase, scale(s) * 10)).toBe(true);
          expect(
            near(s.volume + s.mix + s.productivity + s.efficiency + s.price, s.total, scale(s) * 10),
          ).toBe(true);
        }
        const t = r.total;
        const end = ledger ?? t.actual;
        expect(
          near(
            t.budget + t.volume + t.mix + t.productivity + t.efficiency + t.price + r.other,
            end,
            scale(t) * 100,
          ),
        ).toBe(true);
        // The cost-behaviour flexed budget: actual − V10 = V11 + V4 + V5 + V6.
        expect(
          near(
            t.actual - r.flexedCostBehaviour,
            r.fixedCostVolumeEffect + t.productivity + t.efficiency + t.price,
            scale(t) * 100,
          ),
        ).toBe(true);
        // The total row is the sum of the product rows, step by step.
        for (const k of ['volume', 'mix', 'productivity', 'efficiency', 'price'] as const) {
          expect(
            near(
              r.products.reduce((a, p) => a + p[k], 0),
              t[k],
              scale(t),
            ),
          ).toBe(true);
        }
      }),
    );
  });

  it('IND.VARIANCE (core budgetVariance) has the same volume, mix and volume incl. mix as the reconciliation, and price = V4 + V5 + V6', () => {
    fc.assert(
      fc.property(matched, (m) => {
        const r = decomposeVariance(m);
        const v = budgetVariance(
          m.map((x) => x.budget.volume),
          m.map((x) => x.budget.price),
          m.map((x) => x.actual.volume),
          m.map((x) => (x.actual.volume === 0 ? 0 : x.actual.costs / x.actual.volume)),
        );
        const scale = Math.max(1, r.total.budget, r.total.actual, r.total.flexed);
        expect(Math.abs(r.total.volumeInclMix - v.volumeInclMix)).toBeLessThanOrEqual(1e-8 * scale);
        expect(Math.abs(r.total.volume - v.volume)).toBeLessThanOrEqual(1e-8 * scale);
        expect(Math.abs(r.total.mix - v.mix)).toBeLessThanOrEqual(1e-8 * scale);
        expect(Math.abs(v.volume + v.mix - v.volumeInclMix)).toBeLessThanOrEqual(1e-8 * scale);
        // Products with no actual volume but actual costs have no price in budgetVariance.
        if (m.every((x) => x.actual.volume > 0)) {
          const p = r.total.productivity + r.total.efficiency + r.total.price;
          expect(Math.abs(p - v.price)).toBeLessThanOrEqual(
            1e-7 * Math.max(scale, Math.abs(r.total.productivity)),
          );
        }
      }),
    );
  });

  it('with no volume change and budget mix, volume and mix variances are zero', () => {
    fc.assert(
      fc.property(matched, (m) => {
        const same = m.map((x) => ({ budget: x.budget, actual: { ...x.actual, volume: x.budget.volume } }));
        const r = decomposeVariance(same);
        r.products.forEach((p) => {
          expect(Math.abs(p.volume)).toBeLessThanOrEqual(1e-9 * Math.max(1, p.budget));
          expect(Math.abs(p.mix)).toBeLessThanOrEqual(1e-9 * Math.max(1, p.budget));
        });
      }),
    );
  });
});

describe('materiality', () => {
  it('raising a threshold never selects more variances', () => {
    fc.assert(
      fc.property(matched, money, money, fc.double({ min: 0, max: 1, noNaN: true }), (m, e1, e2, pct) => {
        const r = decomposeVariance(m);
        const [lo, hi] = e1 < e2 ? [e1, e2] : [e2, e1];
        expect(selectMaterial(r, { euro: hi, percent: pct }).length).toBeLessThanOrEqual(
          selectMaterial(r, { euro: lo, percent: pct }).length,
        );
      }),
    );
  });

  it('a zero variance is never material, and no threshold selects nothing', () => {
    fc.assert(
      fc.property(money, (base) => {
        expect(isMaterial(0, base, { euro: 0, percent: 0 })).toBe(false);
        expect(isMaterial(base + 1, base, {})).toBe(false);
      }),
    );
  });
});
