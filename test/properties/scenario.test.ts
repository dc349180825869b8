/**
 * Invariants of the scenario simulator (fast-check): the backlog is never negative and work is
 * conserved; funding stays between floor and cap; staff is a stock (it changes only by hires,
 * leavers and reductions); a yearly turnover share removes that share of a constant staff in
 * any 13 periods; with no induction, no turnover and immediate active reduction capacity equals
 * (funding − lumpsum) / rate; from the same starting state a longer recruitment lag or
 * induction never lowers the backlog (a longer lag's own stable start has fewer vacancies at the
 * year start, and from the second year on its stable year delivers no more capacity); and the
 * simulator agrees with the core's IND.FUNDINGPATH and IND.BACKLOG.
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

/** The input CI's run found (seed -161635200): two stable starts, lag 0 against lag 1. */
const ciCounterexample: SimInput = {
  workload: [0.00006665716000228578, 0],
  forecast: [0.00003332858000114289, 0],
  band: { low: 76000, high: 93000, peakExtra: 10000, peakPeriods: 3 },
  rule: {
    basis: 'realised',
    floor: 0,
    cap: Infinity,
    maxDecline: 0,
    confirmPeriods: 1,
    countBacklog: false,
    backlogClearPeriods: 1,
    allowanceShare: 0,
    activeReduction: false,
  },
  staff: {
    hoursPerFte: 36,
    directRatio: 0.364754616754222,
    costPerFtePeriod: 1010.239088499006,
    inductionMonths: 0,
    turnoverAnnual: 0.49999999999999895,
    coachingShare: 0,
    flexFte: 0,
    initialStaffFte: undefined,
    recruitmentLag: 0,
    hiringPolicy: 'yearEnd',
    traineeCap: 0,
  },
  lumpsum: 0,
  initialBacklog: 0,
};

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

  test('from the same starting state, with no coaching and no backlog term, a longer recruitment lag or induction never lowers the backlog', () => {
    // The allowance is switched off as well: it pays for the lag and the induction by design, so
    // with it a longer lag raises funding, and then the comparison is no longer like for like.
    // The runs share the starting state (staff and vacancies in recruitment at the start): each
    // lag has a stable start of its own, and a longer lag's stable state has fewer vacancies at
    // the year start (its staff sits below the funded level for longer, so fewer people are
    // there to leave; see the next test). Comparing two stable starts compares two different
    // organisations, and the one with the longer lag can then have the smaller backlog in the
    // first periods (CI found it: seed -161635200, lag 0 → 1 at 50% turnover).
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
          const stable = simulateUnchecked(input);
          // The same staff and vacancies, given explicitly (so all experienced, in every run).
          const sameStart = (s: SimInput['staff']): SimInput['staff'] => ({
            ...s,
            initialStaffFte: stable.initialStaffFte,
            initialPipelineFte: stable.initialPipelineFte,
          });
          const base = simulateUnchecked({ ...input, staff: sameStart(input.staff) });
          const longerLag: SimInput = {
            ...input,
            staff: sameStart({
              ...input.staff,
              recruitmentLag: Math.min(input.staff.recruitmentLag + extraLag, input.workload.length - 1),
            }),
          };
          const longerInduction: SimInput = {
            ...input,
            staff: sameStart({ ...input.staff, inductionMonths: input.staff.inductionMonths + extraMonths }),
          };
          const b = base.backlog;
          for (const other of [longerLag, longerInduction]) {
            const b2 = simulateUnchecked(other).backlog;
            b2.forEach((x, t) => expect(x).toBeGreaterThanOrEqual(b[t] - 1e-9 * Math.max(1, b[t])));
          }
        },
      ),
      { numRuns: 300, examples: [[ciCounterexample, 1, 0]] },
    );
  });

  test('the stable start: a longer lag leaves fewer vacancies at the year start, and from the second year on a stable year delivers no more capacity', () => {
    // Why two stable starts are not like for like (the test above): under year-end replacement
    // the posts re-opened at the year end stay vacant for the lag, fewer people are on the
    // payroll meanwhile, so fewer leave in the year and fewer posts are re-opened at its end.
    // What a longer lag costs shows over a whole year (years 2 and 3; the stable start's year 1
    // repeats year 2 on a flat workload, see the next test).
    fc.assert(
      fc.property(
        fc.double({ min: 20000, max: 200000, noNaN: true }),
        fc.double({ min: 0.01, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 12, noNaN: true }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom<HiringPolicy>('yearEnd', 'immediate'),
        (hours, turnoverAnnual, inductionMonths, lag, extraLag, hiringPolicy) => {
          const run = (recruitmentLag: number) =>
            simulateUnchecked({
              workload: new Array<number>(39).fill(hours),
              band: { low: 76000, high: 93000, peakExtra: 10000, peakPeriods: 3 },
              rule: {
                basis: 'realised',
                floor: 0,
                cap: Infinity,
                maxDecline: 0.1,
                confirmPeriods: 1,
                countBacklog: false,
                backlogClearPeriods: 1,
                allowanceShare: 0,
                activeReduction: false,
              },
              staff: {
                hoursPerFte: 36,
                directRatio: 0.7473,
                costPerFtePeriod: 9000,
                inductionMonths,
                turnoverAnnual,
                coachingShare: 0,
                flexFte: 0,
                initialStaffFte: undefined,
                recruitmentLag,
                hiringPolicy,
                traineeCap: 2,
              },
              lumpsum: 0,
              initialBacklog: 0,
            });
          const longer = Math.min(lag + extraLag, 12);
          const a = run(lag);
          const b = run(longer);
          if (hiringPolicy === 'yearEnd' && lag >= 1) {
            expect(b.initialPipelineFte).toBeLessThanOrEqual(a.initialPipelineFte * (1 + 1e-12));
          }
          const year = (r: typeof a, y: number) =>
            r.capacityHours.slice(13 * y, 13 * y + 13).reduce((s, x) => s + x, 0);
          for (const y of [1, 2]) expect(year(b, y)).toBeLessThanOrEqual(year(a, y) * (1 + 1e-12));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('the stable start on a flat workload: year 1 equals year 2, period by period, for every policy and lag', () => {
    // The cohorts hired before period 1 that are still in induction at the start are part of the
    // stable staff (preStartCohorts): they cost induction loss and coaching and take coaching
    // room in the first periods as the same cohorts of year 1 do in year 2. The coaching capacity
    // is set so it does not bind (a binding capacity delays hires, a transient of its own).
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 18, noNaN: true }),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom<HiringPolicy>('yearEnd', 'immediate'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0, 1),
        (turnoverAnnual, inductionMonths, recruitmentLag, hiringPolicy, coachingShare, allowanceShare) => {
          const r = simulateUnchecked({
            workload: new Array<number>(39).fill(83000),
            band: { low: 76000, high: 93000, peakExtra: 10000, peakPeriods: 3 },
            rule: {
              basis: 'realised',
              floor: 0,
              cap: Infinity,
              maxDecline: 0.05,
              confirmPeriods: 3,
              countBacklog: false,
              backlogClearPeriods: 6,
              allowanceShare,
              activeReduction: false,
            },
            staff: {
              hoursPerFte: 36,
              directRatio: 0.57,
              costPerFtePeriod: 85000 / 13,
              inductionMonths,
              turnoverAnnual,
              coachingShare,
              flexFte: 0,
              initialStaffFte: undefined,
              recruitmentLag,
              hiringPolicy,
              traineeCap: 1,
            },
            lumpsum: 0,
            initialBacklog: 0,
          });
          const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
          for (let t = 0; t < 13; t++) {
            for (const x of [
              r.capacityHours,
              r.productiveFte,
              r.inductionLossFte,
              r.traineeFte,
              r.hiresFte,
              r.staffFte,
            ])
              if (!same(x[t], x[t + 13]))
                throw new Error(`period ${t + 1}: year 1 ${x[t]}, year 2 ${x[t + 13]}`);
          }
          // Compared: the staffing and the capacity (the backlog carries over, so it need not repeat).
        },
      ),
      { numRuns: 150 },
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
