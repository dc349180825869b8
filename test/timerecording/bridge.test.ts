import fc from 'fast-check';
import { CalcError } from '../../src/core/errors';
import {
  buildBridge,
  compareRatios,
  distribution,
  percentileInc,
  type HoursByClass,
} from '../../src/core/timerecording/analysis';
import {
  ALL_CATEGORY_CLASSES,
  INDIRECT_CATEGORIES,
  NON_DIRECT_CATEGORIES,
} from '../../src/core/timerecording/types';
import golden from './golden/bridge.json';

function hours(partial: Partial<HoursByClass>): HoursByClass {
  const h = {} as HoursByClass;
  for (const c of ALL_CATEGORY_CLASSES) h[c] = partial[c] ?? 0;
  return h;
}

const base = {
  modelRatio: 0.7473,
  modelBasis: 'unknown' as const,
  modelShares: { beingTrained: 0.019, coaching: 0.019, projects: 0 },
  hotNorm: 0.236,
  workloadHours: 83000,
  weeks: 4,
  hoursPerFte: 36,
};

describe('bridge golden rows with the HOT norm (review §2, §3, §7), worked by hand', () => {
  test.each(golden.rows)('$source', (row) => {
    const b = buildBridge(hours(row.hours), { ...base, ...(row.options ?? {}) });
    expect(b.start).toBe(row.expected.start);
    expect(b.end).toBeCloseTo(row.expected.end, 12);
    expect(b.fteModel).toBeCloseTo(row.expected.fteModel, 6);
    expect(b.fteMeasured).toBeCloseTo(row.expected.fteMeasured, 6);
    expect(b.absence.measured).toBeCloseTo(row.expected.absenceMeasured, 12);
    expect(b.absence.aboveNorm).toBeCloseTo(row.expected.absenceAboveNorm, 12);
    expect(b.unsplitModelShare).toBeCloseTo(row.expected.unsplitModelShare, 12);
    for (const [id, v] of Object.entries(row.expected.steps)) {
      expect({ id, v: b.steps.find((s) => s.id === id)!.value }).toEqual({
        id,
        v: expect.closeTo(v as number, 12),
      });
    }
    for (const [id, kind] of Object.entries(row.expected.kinds))
      expect({ id, kind: b.steps.find((s) => s.id === id)!.kind }).toEqual({ id, kind });
    // The steps add up to model − measured.
    expect(b.steps.reduce((a, s) => a + s.value, 0)).toBeCloseTo(b.start - b.end, 12);
  });

  test("the model's 1.9% training is set against being trained (opgeleid worden), not training others (opleiden)", () => {
    const b = buildBridge(hours({ direct: 570, beingTrained: 50, training: 10, leave: 370 }), base);
    expect(b.steps.find((s) => s.id === 'beingTrained')!.modelShare).toBe(0.019);
    expect(b.steps.find((s) => s.id === 'training')!.modelShare).toBeUndefined();
    expect(b.steps.find((s) => s.id === 'training')!.kind).toBe('notInModel');
  });
});

describe('bridge properties', () => {
  const shareArb = fc.double({ min: 0, max: 0.2, noNaN: true });
  const hoursArb = fc
    .record(
      Object.fromEntries(
        ALL_CATEGORY_CLASSES.map((c) => [c, fc.double({ min: 0, max: 1e6, noNaN: true })]),
      ) as Record<string, fc.Arbitrary<number>>,
    )
    .filter((h) => h.direct > 1);

  test('the steps sum to model − measured (start − Σ steps = end, the remainder ties it out), Σ fte = fte gap, Σ share = 1', () => {
    fc.assert(
      fc.property(
        hoursArb,
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        fc.dictionary(fc.constantFrom(...INDIRECT_CATEGORIES), shareArb),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (h, modelRatio, shares, hotNorm) => {
          const b = buildBridge(h as HoursByClass, { ...base, modelRatio, modelShares: shares, hotNorm });
          // Summed in the workbook's order: start, then minus each step.
          let acc = b.start;
          for (const s of b.steps) acc -= s.value;
          expect(Math.abs(acc - b.end)).toBeLessThanOrEqual(1e-12);
          expect(b.absence.aboveNorm).toBeCloseTo(b.absence.measured - hotNorm, 12);
          const fte = b.steps.reduce((a, s) => a + s.fte, 0);
          if (b.end !== b.start) {
            // Float noise scales with the steps' size relative to the gap (a tiny gap amplifies it).
            const noise =
              (1e-13 * (b.steps.reduce((a, s) => a + Math.abs(s.value), 0) + 1)) / Math.abs(b.end - b.start) +
              1e-12;
            expect(Math.abs(b.steps.reduce((a, s) => a + s.shareOfGap, 0) - 1)).toBeLessThan(noise);
            expect(Math.abs(fte - b.fteGap)).toBeLessThanOrEqual(noise * Math.max(1, Math.abs(b.fteGap)));
          }
          // With every hour categorised, the remainder is float noise.
          expect(Math.abs(b.steps[b.steps.length - 1].value)).toBeLessThan(1e-12);
        },
      ),
    );
  });

  test('more hours in one non-direct category never raises the measured ratio (monotone)', () => {
    fc.assert(
      fc.property(
        hoursArb,
        fc.constantFrom(...NON_DIRECT_CATEGORIES),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        (h, c, extra) => {
          const a = buildBridge(h as HoursByClass, base);
          const b = buildBridge({ ...(h as HoursByClass), [c]: h[c] + extra }, base);
          expect(b.end).toBeLessThanOrEqual(a.end + 1e-15);
        },
      ),
    );
  });
});

describe('ratio bases', () => {
  test('comparing gross with net is refused with a clear message', () => {
    expect(compareRatios({ value: 0.6, basis: 'gross' }, { value: 0.57, basis: 'gross' })).toBeCloseTo(
      0.03,
      12,
    );
    try {
      compareRatios({ value: 0.81, basis: 'net' }, { value: 0.7473, basis: 'gross' }, 'gemeten ratio');
      throw new Error('not refused');
    } catch (e) {
      expect((e as CalcError).code).toBe('trBasisMismatch');
      expect((e as CalcError).messageIn('nl')).toBe(
        'Vergelijking geweigerd: gemeten ratio heeft basis "net", de andere ratio basis "gross". Bruto (direct / alle betaalde uren) en netto (direct / uren zonder verlof en verzuim) zijn verschillende grootheden. Reken één van beide om naar dezelfde basis.',
      );
    }
  });

  test('the bridge flags a model ratio whose basis is not gross', () => {
    const h = hours({ direct: 57, training: 13.4, leave: 29.6 });
    expect(buildBridge(h, base).crossBasis).toBe(true);
    expect(buildBridge(h, { ...base, modelBasis: 'gross' }).crossBasis).toBe(false);
  });
});

describe('distribution (QUARTILE.INC as Excel)', () => {
  test('Excel examples: QUARTILE.INC({1,2,4,7,8,9,10,12},1) = 3.5', () => {
    expect(percentileInc([1, 2, 4, 7, 8, 9, 10, 12], 0.25)).toBe(3.5);
    expect(percentileInc([1, 2, 4, 7, 8, 9, 10, 12], 0.5)).toBe(7.5);
  });
  test('bins count every value once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (xs) => {
          const d = distribution(xs)!;
          expect(d.bins.reduce((a, b) => a + b.count, 0)).toBe(xs.length);
          expect(d.min).toBeLessThanOrEqual(d.q1);
          expect(d.q1).toBeLessThanOrEqual(d.median);
          expect(d.median).toBeLessThanOrEqual(d.q3);
          expect(d.q3).toBeLessThanOrEqual(d.max);
        },
      ),
    );
  });
});
