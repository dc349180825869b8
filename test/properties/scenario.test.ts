/**
 * Invariants of the scenario simulator (fast-check): the backlog is never negative and work is
 * conserved; funding stays between floor and cap; staff is a stock (it changes only by hires,
 * leavers and reductions); a yearly turnover share removes that share of a constant staff in
 * any 13 periods; with no induction, no turnover and immediate active reduction capacity equals
 * (funding − lumpsum) / rate; a longer recruitment lag or induction never lowers the backlog;
 * and the simulator agrees with the core's IND.FUNDINGPATH and IND.BACKLOG.
 */
import fc from 'fast-check';
import { backlogPath } from '../../src/core/backlog';
import { fundingPath } from '../../src/core/fundingPath';
import {
  parsePastedSeries,
  simulateUnchecked,
  simulate,
  type HiringPolicy,
  type SimInput,
} from '../../src/core/scenario';

const hours = fc.double({ min: 0, max: 200000, noNaN: true, noDefaultInfinity: true });
const series = fc.array(hours, { minLength: 1, maxLength: 60 });
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

/** A random but valid simulation input. */
const simInput: fc.Arbitrary<SimInput> = fc
  .record({
    workload: series,
    forecastShift: fc.double({ min: 0.5, max: 1.5, noNaN: true }),
    basis: fc.constantFrom('realised' as const, 'forecast' as const),
    floor: fc.double({ min: 0, max: 5e6, noNaN: true }),
    capExtra: fc.option(fc.double({ min: 0, max: 1e7, noNaN: true }), { nil: undefined }),
    maxDecline: fraction,
    confirmPeriods: fc.integer({ min: 1, max: 6 }),
    countBacklog: fc.boolean(),
    backlogClearPeriods: fc.integer({ min: 1, max: 13 }),
    directRatio: fc.double({ min: 0.3, max: 1, noNaN: true }),
    costPerFtePeriod: fc.double({ min: 1000, max: 20000, noNaN: true }),
    inductionMonths: fc.double({ min: 0, max: 18, noNaN: true }),
    turnoverAnnual: fc.double({ min: 0, max: 0.5, noNaN: true }),
    coachingShare: fraction,
    flexFte: fc.double({ min: 0, max: 200, noNaN: true }),
    initialStaffFte: fc.option(fc.double({ min: 0, max: 3000, noNaN: true }), { nil: undefined }),
    lumpsum: fc.double({ min: 0, max: 1e6, noNaN: true }),
    initialBacklog: fc.double({ min: 0, max: 500000, noNaN: true }),
    lagWish: fc.integer({ min: 0, max: 8 }),
    hiringPolicy: fc.constantFrom<HiringPolicy>('yearEnd', 'immediate'),
    traineeCap: fc.double({ min: 0, max: 2, noNaN: true }),
    allowanceShare: fraction,
    activeReduction: fc.boolean(),
  })
  .map((g) => ({
    workload: g.workload,
    forecast: g.workload.map((w) => w * g.forecastShift),
    band: { low: 76000, high: 93000, peakExtra: 10000, peakPeriods: 3 },
    rule: {
      basis: g.basis,
      floor: g.floor,
      cap: g.capExtra === undefined ? Infinity : g.floor + g.capExtra,
      maxDecline: g.maxDecline,
      confirmPeriods: g.confirmPeriods,
      countBacklog: g.countBacklog,
      backlogClearPeriods: g.backlogClearPeriods,
      allowanceShare: g.allowanceShare,
      activeReduction: g.activeReduction,
    },
    staff: {
      hoursPerFte: 36,
      directRatio: g.directRatio,
      costPerFtePeriod: g.costPerFtePeriod,
      inductionMonths: g.inductionMonths,
      turnoverAnnual: g.turnoverAnnual,
      coachingShare: g.coachingShare,
      flexFte: g.flexFte,
      initialStaffFte: g.initialStaffFte,
      // The lag must be shorter than the series.
      recruitmentLag: Math.min(g.lagWish, g.workload.length - 1),
      hiringPolicy: g.hiringPolicy,
      traineeCap: g.traineeCap,
    },
    lumpsum: g.lumpsum,
    initialBacklog: g.initialBacklog,
  }));

describe('scenario simulator invariants', () => {
  test('the backlog is never negative, and work is conserved', () => {
    fc.assert(
      fc.property(simInput, (input) => {
        const r = simulate(input);
        expect(r.backlog.every((b) => b >= 0)).toBe(true);
        // What came in = what was produced + what is still waiting.
        const inflow = input.initialBacklog + input.workload.reduce((s, w) => s + w, 0);
        const out = r.constrainedHours.reduce((s, p) => s + p, 0) + r.backlog[r.periods - 1];
        expect(Math.abs(inflow - out)).toBeLessThanOrEqual(1e-6 * Math.max(1, inflow));
        // Capacity-constrained production never exceeds needs-based production plus the backlog.
        r.constrainedHours.forEach((p, t) => expect(p).toBeLessThanOrEqual(r.capacityHours[t] + 1e-9));
      }),
      { numRuns: 300 },
    );
  });

  test('funding never drops below the floor, nor rises above the cap', () => {
    fc.assert(
      fc.property(simInput, (input) => {
        const r = simulate(input);
        for (const f of r.funding) {
          expect(f).toBeGreaterThanOrEqual(input.rule.floor);
          expect(f).toBeLessThanOrEqual(input.rule.cap);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('staff never jumps: it changes only by hires, leavers and reductions', () => {
    fc.assert(
      fc.property(simInput, (input) => {
        const r = simulateUnchecked(input);
        let prev = r.initialStaffFte;
        r.staffFte.forEach((s, t) => {
          const expected = prev + r.hiresFte[t] - r.leaversFte[t] - r.reductionsFte[t];
          expect(Math.abs(s - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, prev));
          expect(s).toBeGreaterThanOrEqual(-1e-9 * Math.max(1, prev));
          prev = s;
        });
        // Hires, leavers and reductions are never negative; before the lag has passed only the
        // vacancies in recruitment at the start can be filled.
        let early = 0;
        for (let t = 0; t < r.periods; t++) {
          expect(r.hiresFte[t]).toBeGreaterThanOrEqual(0);
          expect(r.leaversFte[t]).toBeGreaterThanOrEqual(0);
          expect(r.reductionsFte[t]).toBeGreaterThanOrEqual(0);
          if (t < input.staff.recruitmentLag) early += r.hiresFte[t];
        }
        expect(early).toBeLessThanOrEqual(r.initialPipelineFte * (1 + 1e-9));
        if (!input.rule.activeReduction) expect(r.reductionsFte.every((x) => x === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('leavers over any 13 periods of constant staff equal the yearly turnover share of it', () => {
    fc.assert(
      fc.property(
        simInput,
        fc.integer({ min: 13, max: 40 }),
        fc.double({ min: 1000, max: 200000, noNaN: true }),
        (g, n, level) => {
          // A constant staff: flat workload, leavers replaced at once without a lag, no induction.
          const input: SimInput = {
            ...g,
            workload: Array.from({ length: n }, () => level),
            forecast: undefined,
            rule: { ...g.rule, basis: 'realised' },
            staff: {
              ...g.staff,
              inductionMonths: 0,
              recruitmentLag: 0,
              hiringPolicy: 'immediate',
              initialStaffFte: undefined,
            },
          };
          const r = simulateUnchecked(input);
          const staff = r.staffFte[0];
          r.staffFte.forEach((s) =>
            expect(Math.abs(s - staff)).toBeLessThanOrEqual(1e-9 * Math.max(1, staff)),
          );
          for (let from = 0; from + 13 <= n; from++) {
            const leavers = r.leaversFte.slice(from, from + 13).reduce((a, b) => a + b, 0);
            expect(Math.abs(leavers - input.staff.turnoverAnnual * staff)).toBeLessThanOrEqual(
              1e-9 * Math.max(1, staff),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  test('with no induction, no turnover and immediate active reduction, capacity = (funding − lumpsum) / rate', () => {
    fc.assert(
      fc.property(simInput, (g) => {
        const input: SimInput = {
          ...g,
          rule: { ...g.rule, activeReduction: true },
          staff: { ...g.staff, inductionMonths: 0, turnoverAnnual: 0, flexFte: 0, recruitmentLag: 0 },
        };
        const r = simulateUnchecked(input);
        r.funding.forEach((f, t) => {
          const expected = Math.max(0, f - input.lumpsum) / r.ratePerHour;
          expect(Math.abs(r.capacityHours[t] - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
          expect(r.traineeFte[t]).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  test('with no coaching and no backlog term, a longer recruitment lag or induction never lowers the backlog', () => {
    // The allowance is switched off as well: it pays for the lag and the induction by design, so
    // with it a longer lag raises funding, and then the comparison is no longer like for like.
    fc.assert(
      fc.property(
        simInput,
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: 0, max: 12, noNaN: true }),
        (g, extraLag, extraMonths) => {
          const input: SimInput = {
            ...g,
            rule: { ...g.rule, countBacklog: false, allowanceShare: 0 },
            staff: { ...g.staff, coachingShare: 0 },
          };
          const longerLag: SimInput = {
            ...input,
            staff: {
              ...input.staff,
              recruitmentLag: Math.min(input.staff.recruitmentLag + extraLag, input.workload.length - 1),
            },
          };
          const longerInduction: SimInput = {
            ...input,
            staff: { ...input.staff, inductionMonths: input.staff.inductionMonths + extraMonths },
          };
          const b = simulateUnchecked(input).backlog;
          for (const other of [longerLag, longerInduction]) {
            const b2 = simulateUnchecked(other).backlog;
            b2.forEach((x, t) => expect(x).toBeGreaterThanOrEqual(b[t] - 1e-6 * Math.max(1, b[t])));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('without cap and backlog counting, funding equals the core funding path (IND.FUNDINGPATH)', () => {
    fc.assert(
      fc.property(simInput, (g) => {
        const input: SimInput = { ...g, rule: { ...g.rule, cap: Infinity, countBacklog: false } };
        const r = simulate(input);
        const basis = input.rule.basis === 'forecast' ? input.forecast! : input.workload;
        // The allowance scales the target: rate × (workload + allowance hours) = rate' × workload.
        const scaled =
          r.ratePerHour * (1 + input.rule.allowanceShare * (r.allowance.fundedPerProductive - 1));
        const core = fundingPath(basis, scaled, {
          lumpsum: input.lumpsum,
          floor: input.rule.floor,
          maxDecline: input.rule.maxDecline,
          confirmPeriods: input.rule.confirmPeriods,
        });
        r.funding.forEach((f, t) => expect(Math.abs(f - core[t])).toBeLessThanOrEqual(1e-9 * Math.max(1, f)));
      }),
      { numRuns: 200 },
    );
  });

  test('the backlog equals the core backlog (IND.BACKLOG) over the simulated capacity', () => {
    fc.assert(
      fc.property(simInput, (input) => {
        const r = simulate(input);
        const core = backlogPath(input.workload, r.capacityHours, input.initialBacklog);
        r.backlog.forEach((b, t) => expect(Math.abs(b - core[t])).toBeLessThanOrEqual(1e-6 * Math.max(1, b)));
      }),
      { numRuns: 200 },
    );
  });

  test('pasting Dutch-formatted numbers returns the same numbers', () => {
    const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2, useGrouping: true });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 30 }),
        (cents) => {
          const values = cents.map((c) => c / 100);
          const text = values.map((v) => nl.format(v)).join('\n');
          const parsed = parsePastedSeries(text).workload;
          parsed.forEach((p, i) => expect(p).toBeCloseTo(values[i], 9));
        },
      ),
    );
  });
});
