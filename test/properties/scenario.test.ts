/**
 * Invariants of the scenario simulator (fast-check): the backlog is never negative, funding
 * never drops below the floor, with no hiring lag and no turnover capacity follows funding
 * exactly, and the simulator agrees with the core's IND.FUNDINGPATH and IND.BACKLOG.
 */
import fc from 'fast-check';
import { backlogPath } from '../../src/core/backlog';
import { fundingPath } from '../../src/core/fundingPath';
import { parsePastedSeries, simulateUnchecked, simulate, type SimInput } from '../../src/core/scenario';

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

  test('with no hiring lag and no turnover, capacity follows funding exactly', () => {
    fc.assert(
      fc.property(simInput, (g) => {
        const input: SimInput = {
          ...g,
          staff: { ...g.staff, inductionMonths: 0, turnoverAnnual: 0, flexFte: 0 },
        };
        const r = simulateUnchecked(input);
        const h = r.hoursPerFtePeriod;
        r.funding.forEach((f, t) => {
          const expected = (Math.max(0, f - input.lumpsum) / input.staff.costPerFtePeriod) * h;
          expect(Math.abs(r.capacityHours[t] - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
          expect(r.traineeFte[t]).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  test('staff on the payroll always equals the staff funding pays for (hire up, cut down)', () => {
    fc.assert(
      fc.property(simInput, (input) => {
        const r = simulateUnchecked(input);
        r.staffFte.forEach((s, t) =>
          expect(Math.abs(s - r.fundedFte[t])).toBeLessThanOrEqual(1e-9 * Math.max(1, s)),
        );
      }),
      { numRuns: 200 },
    );
  });

  test('without cap and backlog counting, funding equals the core funding path (IND.FUNDINGPATH)', () => {
    fc.assert(
      fc.property(simInput, (g) => {
        const input: SimInput = { ...g, rule: { ...g.rule, cap: Infinity, countBacklog: false } };
        const r = simulate(input);
        const basis = input.rule.basis === 'forecast' ? input.forecast! : input.workload;
        const core = fundingPath(basis, r.ratePerHour, {
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
