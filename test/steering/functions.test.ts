/**
 * Properties of the four steering functions through their adapters (as Excel calls them): the
 * spill of IND.PENALTY is the core's penalty per cell; IND.FORECASTERROR of a perfect forecast is
 * 0 and its bias grows when the forecast is scaled up; IND.WITHINTERM stays within 0–1 and never
 * falls when the term grows; IND.YEAREND by trend is never below the realisation.
 */
import fc from 'fast-check';
import { PENALTY_SCHEDULE_AWB } from '../../src/core/params/steering';
import { penalty } from '../../src/core/steering';
import { registry } from '../../src/functions/registry';

const col = (xs: number[]): number[][] => xs.map((x) => [x]);

test('IND.PENALTY spills the core penalty per row, monotone and capped', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -30, max: 400 }), { minLength: 1, maxLength: 40 }), (days) => {
      const out = registry['IND.PENALTY'](col(days), null) as number[][];
      expect(out.map((r) => r[0])).toEqual(days.map((d) => penalty(d, PENALTY_SCHEDULE_AWB)));
      const sorted = [...days].sort((a, b) => a - b);
      const s = (registry['IND.PENALTY'](col(sorted), null) as number[][]).map((r) => r[0]);
      for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThanOrEqual(s[i - 1]);
      for (const x of s) expect(x).toBeLessThanOrEqual(1442);
    }),
  );
});

test('IND.FORECASTERROR: perfect forecast 0; scaling up raises the bias', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 10000 }), { minLength: 1, maxLength: 26 }),
      fc.double({ min: 1.01, max: 3, noNaN: true }),
      (a, k) => {
        const f = registry['IND.FORECASTERROR'];
        expect(f(col(a), col(a), 'wape')).toBe(0);
        expect(f(col(a), col(a), 'bias')).toBe(0);
        const up = a.map((x) => x * k);
        expect(f(col(a), col(up), 'bias') as number).toBeGreaterThan(0);
      },
    ),
  );
});

test('IND.WITHINTERM is a share that never falls when the term grows', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 50 }),
      fc.integer({ min: 1, max: 400 }),
      fc.integer({ min: 0, max: 200 }),
      (days, term, more) => {
        const w = registry['IND.WITHINTERM'];
        const a = w(col(days), term) as number;
        const b = w(col(days), term + more) as number;
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(1);
        expect(b).toBeGreaterThanOrEqual(a);
      },
    ),
  );
});

test('IND.YEAREND by trend is at least the realisation and linear in it', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 1, max: 13 }), (r, done) => {
      const y = registry['IND.YEAREND'];
      const t = y(r, done, 13, 'trend', null) as number;
      expect(t).toBeGreaterThanOrEqual(r);
      expect(y(2 * r, done, 13, 'trend', null) as number).toBeCloseTo(2 * t, 6);
    }),
  );
});
