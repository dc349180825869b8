/**
 * Scenario and funding-path simulator: hand-checked cases, the 2017 case, parsing and bad input.
 * Every expected number below is worked out by hand in the comment next to it.
 */
import { CalcError } from '../../src/core/errors';
import { formatError } from '../../src/core/errors';
import { fteNeeded } from '../../src/core/fte';
import { SCENARIO_2021 } from '../../src/core/params';
import {
  allowanceFte,
  annualToPeriodRate,
  DEFAULT_STAFF,
  inductionLossPerHire,
  inductionLossShare,
  generateTemplate,
  monthsToPeriods,
  parseLocaleNumber,
  parsePastedSeries,
  periodsToClear,
  rampShare,
  readSeries,
  REVIEW_BAND,
  RULE_PRESETS,
  scenarioLabels,
  simulate,
  staffingAllowance,
  summarize,
  workloadFromProducts,
  parseHiringPolicy,
  type HiringPolicy,
  type SimInput,
  type SimResult,
  type StaffParams,
} from '../../src/core/scenario';

/**
 * h = 4 weeks × 36 h × 0.5 = 72 direct hours per fte-period; cost 7,200 → full-cost rate €100/h.
 * No turnover and no induction, so no allowance (m = 1); leavers' posts re-opened at once, no
 * recruitment lag: staff can follow funding exactly.
 */
const simpleStaff: StaffParams = {
  hoursPerFte: 36,
  directRatio: 0.5,
  costPerFtePeriod: 7200,
  inductionMonths: 0,
  turnoverAnnual: 0,
  coachingShare: 0,
  flexFte: 0,
  recruitmentLag: 0,
  hiringPolicy: 'immediate',
  traineeCap: 10,
};
const wideBand = { low: 0, high: 1e9, peakExtra: 0, peakPeriods: 3 };

function base(over: Partial<SimInput> = {}): SimInput {
  return {
    workload: [100],
    band: wideBand,
    rule: {
      basis: 'realised',
      floor: 0,
      cap: Infinity,
      maxDecline: 1,
      confirmPeriods: 1,
      countBacklog: false,
      backlogClearPeriods: 1,
      allowanceShare: 1,
      activeReduction: true,
    },
    staff: simpleStaff,
    lumpsum: 0,
    initialBacklog: 0,
    ...over,
  };
}

/** Asserts that `fn` throws a CalcError with `code`, and returns it for message checks. */
function expectCalcError(fn: () => unknown, code: string): CalcError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CalcError);
    expect((e as CalcError).code).toBe(code);
    return e as CalcError;
  }
  throw new Error(`expected CalcError ${code}, nothing was thrown`);
}

describe('units', () => {
  test('months → four-week periods is months × 13/12, unrounded', () => {
    expect(monthsToPeriods(12)).toBe(13);
    expect(monthsToPeriods(5)).toBeCloseTo(5.416667, 6);
    expect(monthsToPeriods(18)).toBe(19.5);
  });
  test('a yearly turnover share is a / 13 per period of the staff at its start (no compounding)', () => {
    // 9.5% a year: 0.7308% a period; 13 periods of a constant 1,000 fte lose 95 fte (9.5%), where
    // the old 1 − (1 − a)^(1/13) lost 99.4.
    expect(annualToPeriodRate(0.095)).toBe(0.095 / 13);
    expect(13 * annualToPeriodRate(0.095) * 1000).toBeCloseTo(95, 12);
    expect(annualToPeriodRate(0)).toBe(0);
  });
  test('ramp: the loss share averages 1 − s/k over each period; a hire costs k/2 periods of work', () => {
    // k = 4: ages 0…3 lose 1 − 0.5/4, 1 − 1.5/4, 1 − 2.5/4, 1 − 3.5/4 = 0.875, 0.625, 0.375, 0.125.
    expect([0, 1, 2, 3, 4].map((a) => inductionLossShare(a, 4))).toEqual([0.875, 0.625, 0.375, 0.125, 0]);
    expect([0, 1, 2, 3].reduce((s, a) => s + inductionLossShare(a, 4), 0)).toBe(2); // = k/2
    // k = 2.5: 1 − 0.5/2.5 = 0.8, 1 − 1.5/2.5 = 0.4, the last half period (2.5 − 2)² / (2 × 2.5) = 0.05.
    expect(inductionLossShare(0, 2.5)).toBeCloseTo(0.8, 12);
    expect(inductionLossShare(1, 2.5)).toBeCloseTo(0.4, 12);
    expect(inductionLossShare(2, 2.5)).toBeCloseTo(0.05, 12);
    expect(0.8 + 0.4 + 0.05).toBeCloseTo(inductionLossPerHire(2.5), 12); // 1.25 = 2.5 / 2
    // 12 months = 13 periods: 6.5 periods of work per hire, the sheet's "verlies per nieuwe fte".
    expect(inductionLossPerHire(monthsToPeriods(12))).toBe(6.5);
    expect(rampShare(0, 4)).toBe(0.125);
    expect(rampShare(0, 0)).toBe(1);
    expect(inductionLossShare(0, 0)).toBe(0);
  });
  test('the loss of one hire, summed by the simulator over the series, is k/2 periods', () => {
    // One new post in period 2, 18 months' induction (19.5 periods), 30 periods to see it through.
    const r = simulate(
      base({
        workload: [72, ...Array.from({ length: 29 }, () => 144)],
        staff: { ...simpleStaff, inductionMonths: 18, initialStaffFte: 1 },
        rule: { ...base().rule, allowanceShare: 0 },
      }),
    );
    expect(r.hiresFte[1]).toBeCloseTo(1, 12);
    expect(r.inductionLossFte.reduce((a, b) => a + b, 0)).toBeCloseTo(19.5 / 2, 9);
  });
});

describe('the scenario parameters are defaulted in one place (src/core/params/scenario.ts)', () => {
  test('each has a unit, labels and a source; assumptions say so', () => {
    expect(new Set(SCENARIO_2021.map((p) => p.key)).size).toBe(SCENARIO_2021.length);
    for (const p of SCENARIO_2021) {
      expect(p.unit.length).toBeGreaterThan(0);
      expect(p.labelNl.length).toBeGreaterThan(0);
      expect(p.labelEn.length).toBeGreaterThan(0);
      expect(p.source.length).toBeGreaterThan(20);
    }
    const assumed = SCENARIO_2021.filter((p) => p.source.startsWith('Aanname')).map((p) => p.key);
    expect(assumed).toEqual([
      'inductionMonths',
      'coachingPerTrainee',
      'recruitmentLag',
      'traineeCap',
      'initialBacklog2017',
    ]);
  });
  test('the simulator, the rules and the templates take their defaults from there', () => {
    const byKey = Object.fromEntries(SCENARIO_2021.map((p) => [p.key, p.value]));
    expect(DEFAULT_STAFF).toMatchObject({
      turnoverAnnual: byKey.turnover,
      inductionMonths: byKey.inductionMonths,
      coachingShare: byKey.coachingPerTrainee,
      recruitmentLag: byKey.recruitmentLag,
      traineeCap: byKey.traineeCap,
      hiringPolicy: 'yearEnd',
    });
    for (const r of Object.values(RULE_PRESETS)) expect(r.allowanceShare).toBe(byKey.allowanceShare);
    expect(generateTemplate('case2017', REVIEW_BAND).initialBacklog).toBe(byKey.initialBacklog2017);
  });
});

describe('funding path (hand-checked)', () => {
  test('a fall is followed only after confirmPeriods, then by at most maxDecline', () => {
    const r = simulate(
      base({
        workload: [100, 100, 50, 50, 50, 50],
        rule: { ...base().rule, confirmPeriods: 2, maxDecline: 0.1 },
      }),
    );
    // rate €100/h: targets 10,000 10,000 5,000 …; period 3 waits (1 of 2), then −10% a period.
    expect(r.funding).toEqual([10000, 10000, 10000, 9000, 8100, 7290].map((x) => expect.closeTo(x, 9)));
    // No lag, no turnover, active reduction: capacity = funding / cost × 72 h = funding / 100.
    expect(r.capacityHours.map((c) => c)).toEqual(
      [100, 100, 100, 90, 81, 72.9].map((x) => expect.closeTo(x, 9)),
    );
    expect(r.reductionsFte).toEqual(
      [0, 0, 0, 1 / 7.2, 0.9 / 7.2, 0.81 / 7.2].map((x) => expect.closeTo(x, 9)),
    );
    expect(r.backlog.every((b) => b === 0)).toBe(true);
  });

  test('the cap limits funding, and a shortfall builds a backlog', () => {
    const r = simulate(base({ workload: [100, 150, 150, 50], rule: { ...base().rule, cap: 12000 } }));
    expect(r.funding).toEqual([10000, 12000, 12000, 5000].map((x) => expect.closeTo(x, 9)));
    // Capacity 100 120 120 50 against inflow 100 150 150 50: backlog 0, 30, 60, 60.
    expect(r.backlog).toEqual([0, 30, 60, 60].map((x) => expect.closeTo(x, 9)));
    // Needs-based handles all inflow; capacity-constrained only min(backlog before + inflow, capacity).
    expect(r.needsBasedHours).toEqual([100, 150, 150, 50]);
    expect(r.constrainedHours).toEqual([100, 120, 120, 50].map((x) => expect.closeTo(x, 9)));
  });

  test('the floor holds funding up; lumpsum funds no staff', () => {
    const r = simulate(base({ workload: [100, 10], lumpsum: 1000, rule: { ...base().rule, floor: 5000 } }));
    // Targets 1,000 + 10,000 = 11,000 and 1,000 + 1,000 = 2,000 → floor 5,000.
    expect(r.funding).toEqual([11000, 5000]);
    // Funded fte = (funding − lumpsum) / 7,200.
    expect(r.fundedFte[1]).toBeCloseTo(4000 / 7200, 12);
  });

  test('counting the backlog adds backlog / clearPeriods hours to the target', () => {
    const r = simulate(
      base({
        workload: [100, 100],
        initialBacklog: 40,
        rule: { ...base().rule, countBacklog: true, backlogClearPeriods: 4 },
      }),
    );
    // Period 1: 100 + 40/4 = 110 h → €11,000 → capacity 110 → backlog 40 + 100 − 110 = 30.
    // Period 2: 100 + 30/4 = 107.5 h → but a fall with confirm 1, maxDecline 100% → €10,750 → backlog 22.5.
    expect(r.funding).toEqual([11000, 10750].map((x) => expect.closeTo(x, 9)));
    expect(r.backlog).toEqual([30, 22.5].map((x) => expect.closeTo(x, 9)));
  });
});

describe('the funding target with the staffing allowance (hand-checked)', () => {
  test('defaults: at 83,000 h per 4 weeks and 57% the target pays for 1,143 fte (the review: 1,116)', () => {
    // h = 4 × 36 × 0.57 = 82.08; B = 83,000 / 82.08 = 1,011.21 productive fte.
    // a = 0.095, k = 13 periods, c = 0.2, L = 3, year-end replacement (H = 6.5):
    //   induction share a·k/26 = 0.0475, coaching 0.2 × 0.0475 = 0.0095, vacancies a·(6.5 + 3)/13 = 0.069423;
    //   staff S = B / (1 − 0.057) = 1,072.33; V = 74.44, I = 50.94, C = 10.19: extraFte = 135.57;
    //   FTE = 83,000 / 4 / 36 / 0.57 + 135.57 = 1,146.78 (the reference's formula, extra after the ratio).
    const al = staffingAllowance(DEFAULT_STAFF);
    expect(al.inductionShare).toBeCloseTo(0.0475, 12);
    expect(al.coachingShare).toBeCloseTo(0.0095, 12);
    expect(al.vacancyShare).toBeCloseTo((0.095 * 9.5) / 13, 12);
    const B = 83000 / 82.08;
    const parts = allowanceFte(B, al);
    expect(parts.staff).toBeCloseTo(B / 0.943, 9);
    expect(parts.total).toBeCloseTo(135.57, 2);
    expect(B + parts.total).toBeCloseTo(
      fteNeeded(83000, {
        weeks: 4,
        hoursPerFte: 36,
        directRatio: 0.57,
        extraFte: parts.total,
        grossUpExtra: false,
      }),
      9,
    );
    expect(B + parts.total).toBeCloseTo(1146.78, 2);
    // The simulator's first target: the same fte at €85,000 / 13 per fte-period; without: B.
    const r = simulate({
      workload: Array.from({ length: 13 }, () => 83000),
      band: REVIEW_BAND,
      rule: { ...RULE_PRESETS.path, floor: 0, cap: Infinity },
      staff: DEFAULT_STAFF,
      lumpsum: 0,
      initialBacklog: 0,
    });
    expect(r.fundedFte[0]).toBeCloseTo(B + parts.total, 9);
    expect(r.allowanceFte[0]).toBeCloseTo(parts.total, 9);
    expect(r.fundingTargetBase[0]).toBeCloseTo(B * DEFAULT_STAFF.costPerFtePeriod, 6);
    expect(r.warnings).toEqual([]);
  });

  test('without the allowance funding pays for the workload alone, and the warning says why with figures', () => {
    // Funded 1,011.21 fte where 1,146.78 are needed: productive staff ≈ 1,011.21 / m with
    // m = 1,146.78 / 1,011.21 = 1.13407, i.e. 891.67 fte, short by 119.54 fte × 82.08 h = 9,811.9 h.
    const r = simulate({
      workload: Array.from({ length: 26 }, () => 83000),
      band: REVIEW_BAND,
      rule: { ...RULE_PRESETS.path, floor: 0, cap: Infinity, allowanceShare: 0 },
      staff: DEFAULT_STAFF,
      lumpsum: 0,
      initialBacklog: 0,
    });
    expect(r.fundedFte[0]).toBeCloseTo(83000 / 82.08, 9);
    expect(r.warnings.map((w) => w.code)).toEqual(['scenarioUnsustainable']);
    const w = r.warnings[0];
    expect(formatError(w.code, w.details, 'nl')).toBe(
      'Let op: bij de gemiddelde werklast (83000.0 uur per periode) betaalt de financiering 1011.2 fte; een stabiele bezetting vraagt 1011.2 productieve fte plus het vaste verlies aan vacatures, inwerken en begeleiding van 135.6 fte (74.4 + 50.9 + 10.2) = 1146.8 fte. De achterstand groeit dan met ongeveer 9811.9 uur per periode. Zet de opslag in het doel op 1 of verhoog plafond of tarief.',
    );
  });
});

describe('staff as a stock: hires, leavers, reductions (hand-checked)', () => {
  test('a cohort ramps up over the induction and absorbs coaching', () => {
    // Induction of 24/13 months = 2 periods (loss 0.75 then 0.25); coaching 0.2 of the loss.
    const r = simulate(
      base({
        workload: [72, 144, 144, 144],
        staff: { ...simpleStaff, inductionMonths: 24 / 13, coachingShare: 0.2, initialStaffFte: 1 },
      }),
    );
    expect(r.inductionPeriods).toBeCloseTo(2, 12);
    expect(r.hiresFte).toEqual([0, 1, 0, 0].map((x) => expect.closeTo(x, 9)));
    expect(r.inductionLossFte).toEqual([0, 0.75, 0.25, 0].map((x) => expect.closeTo(x, 9)));
    // t2: 2 − 0.75 − 0.15 = 1.1; t3: 2 − 0.25 − 0.05 = 1.7; t4: 2.
    expect(r.productiveFte).toEqual([1, 1.1, 1.7, 2].map((x) => expect.closeTo(x, 9)));
    expect(r.coachingFte).toEqual([0, 0.15, 0.05, 0].map((x) => expect.closeTo(x, 9)));
    // Capacity × 72: 72, 79.2, 122.4, 144 → backlog 0, 64.8, 86.4, 86.4.
    expect(r.backlog).toEqual([0, 64.8, 86.4, 86.4].map((x) => expect.closeTo(x, 9)));
    expect(r.constrainedHours[1]).toBeCloseTo(79.2, 9);
  });

  test('replaced at once, leavers make room for hires that start in induction', () => {
    // 10 fte funded (allowance off); 0.65 a year = 0.05 a period: 0.5 fte leaves and 0.5 fte
    // starts at once (no lag) at loss 1 − 0.5/13 = 25/26. The stable start also holds the 12
    // cohorts of 0.5 fte hired in the 12 periods before, at ages 1 … 12: their loss is
    // 0.5 × Σ (1 − (a + ½)/13) = 0.5 × 12²/26 = 2.76923. Productive 10 − 0.48077 − 2.76923 = 6.75:
    // the steady state's loss, 0.65 × 10 × 13/26 = 3.25.
    const r = simulate(
      base({
        workload: [720, 720],
        rule: { ...base().rule, allowanceShare: 0 },
        staff: { ...simpleStaff, turnoverAnnual: 0.65, inductionMonths: 12 },
      }),
    );
    expect(r.leaversFte[0]).toBeCloseTo(0.5, 12);
    expect(r.hiresFte[0]).toBeCloseTo(0.5, 12);
    expect(r.staffFte[0]).toBeCloseTo(10, 12);
    expect(r.inductionLossFte[0] - r.preStartLossFte[0]).toBeCloseTo(0.5 * (25 / 26), 12);
    expect(r.preStartLossFte[0]).toBeCloseTo((0.5 * 144) / 26, 12);
    expect(r.traineeFte[0]).toBeCloseTo(13 * 0.5, 12);
    expect(r.productiveFte[0]).toBeCloseTo(6.75, 12);
    expect(r.productiveFte[1]).toBeCloseTo(6.75, 12);
    expect(r.backlog[0]).toBeCloseTo(720 - 6.75 * 72, 9);
  });

  test('budget rule: leavers are replaced at the year end, after the recruitment lag', () => {
    // 10 fte, 0.05 of them leave each period and nobody is replaced within the year:
    // staff 10 × 0.95^t; at the year end (period 13) the year's leavers 10 − 10 × 0.95^13 = 4.8666
    // are re-opened, and start two periods later (period 15): 0.95 × 0.95^13 × 10 × 0.95 + 4.8666.
    const r = simulate(
      base({
        workload: Array.from({ length: 16 }, () => 720),
        rule: { ...base().rule, allowanceShare: 0 },
        // A start with every post filled (no vacancies in recruitment), not the stable start.
        staff: {
          ...simpleStaff,
          turnoverAnnual: 0.65,
          recruitmentLag: 2,
          hiringPolicy: 'yearEnd',
          initialPipelineFte: 0,
        },
      }),
    );
    for (let t = 0; t < 13; t++) expect(r.staffFte[t]).toBeCloseTo(10 * 0.95 ** (t + 1), 12);
    const yearLeavers = 10 - 10 * 0.95 ** 13;
    expect(r.openedFte[12]).toBeCloseTo(yearLeavers, 12);
    expect(r.pipelineFte[12]).toBeCloseTo(yearLeavers, 12);
    expect(r.hiresFte.slice(0, 14).every((h) => Math.abs(h) < 1e-12)).toBe(true);
    expect(r.hiresFte[14]).toBeCloseTo(yearLeavers, 12);
    expect(r.staffFte[14]).toBeCloseTo(10 * 0.95 ** 15 + yearLeavers, 12);
    // Posts held for the year end in period 14: the leavers of period 14 (0.05 × staff of 13).
    expect(r.heldFte[13]).toBeCloseTo(0.05 * 10 * 0.95 ** 13, 12);
  });

  test('the coaching capacity makes a hiring wave slower', () => {
    // 10 experienced fte, funding doubles in period 2, cap 0.5 trainee per experienced fte, 13
    // periods' induction: 5 start at once, the other 5 only when the first 5 finish (period 15).
    const r = simulate(
      base({
        workload: [720, ...Array.from({ length: 16 }, () => 1440)],
        staff: { ...simpleStaff, inductionMonths: 12, traineeCap: 0.5 },
        rule: { ...base().rule, allowanceShare: 0 },
      }),
    );
    expect(r.hiresFte[1]).toBeCloseTo(5, 12);
    expect(r.hiresFte.slice(2, 14).every((h) => h === 0)).toBe(true);
    expect(r.pipelineFte[13]).toBeCloseTo(5, 12);
    expect(r.hiresFte[14]).toBeCloseTo(5, 12);
    expect(r.traineeFte[13]).toBeCloseTo(5, 12);
  });

  test('a cut: not replacing leavers, or (when the rule says so) active reduction — separate rows', () => {
    // 10 fte, funding falls to 8 fte in period 3; 0.05 leave a period, replaced at once otherwise.
    const staff = { ...simpleStaff, turnoverAnnual: 0.65 };
    const workload = [720, 720, 576, 576, 576];
    const attrition = simulate(
      base({ workload, staff, rule: { ...base().rule, activeReduction: false, allowanceShare: 0 } }),
    );
    // Not replaced: 0.5, 0.475, 0.45125 — staff 9.5, 9.025, 8.57 and no reduction.
    expect(attrition.notReplacedFte).toEqual([0, 0, 0.5, 0.475, 0.45125].map((x) => expect.closeTo(x, 12)));
    expect(attrition.staffFte.slice(2)).toEqual([9.5, 9.025, 8.57375].map((x) => expect.closeTo(x, 12)));
    expect(attrition.reductionsFte.every((x) => x === 0)).toBe(true);
    const active = simulate(
      base({ workload, staff, rule: { ...base().rule, activeReduction: true, allowanceShare: 0 } }),
    );
    // Period 3: 0.5 leaves (not replaced) and 1.5 is reduced; from then on leavers are replaced.
    expect(active.notReplacedFte[2]).toBeCloseTo(0.5, 12);
    expect(active.reductionsFte).toEqual([0, 0, 1.5, 0, 0].map((x) => expect.closeTo(x, 12)));
    expect(active.staffFte.slice(2)).toEqual([8, 8, 8].map((x) => expect.closeTo(x, 12)));
  });
});

describe('labels, flex shell and templates', () => {
  test('labels follow the review band (76k–93k, short peak ≤ +10k for ≤ 3 periods)', () => {
    const w = [70000, 80000, 95000, 100000, 80000, 104000, 80000, 94000, 94000, 94000, 94000];
    expect(scenarioLabels(w, REVIEW_BAND)).toEqual([
      'belowBand',
      'normal',
      'shortPeak',
      'shortPeak',
      'normal',
      'longPeak', // 104k > 93k + 10k
      'normal',
      'longPeak', // 4 periods > 3
      'longPeak',
      'longPeak',
      'longPeak',
    ]);
  });

  test('the flex shell covers a short peak; the need is the hours above the band in fte', () => {
    // No turnover, no induction, no lag: no allowance, staff = funded.
    const staff = { ...DEFAULT_STAFF, turnoverAnnual: 0, inductionMonths: 0, recruitmentLag: 0 };
    const workload = [83000, 101000, 83000];
    const rule = { ...RULE_PRESETS.path, floor: 0, cap: Infinity };
    // Funding is capped at the band's level so that only the flex shell covers the peak.
    const capped = { ...rule, cap: (DEFAULT_STAFF.costPerFtePeriod / (4 * 36 * 0.57)) * 93000 };
    const h = 4 * 36 * 0.57;
    const without = simulate({
      workload,
      band: REVIEW_BAND,
      rule: capped,
      staff,
      lumpsum: 0,
      initialBacklog: 0,
    });
    // 8,000 hours above 93k → 8,000 / 82.08 = 97.5 fte of flex shell needed.
    expect(without.flexNeedFte[1]).toBeCloseTo(8000 / h, 9);
    expect(without.backlog[1]).toBeCloseTo(8000, 6);
    const withFlex = simulate({
      workload,
      band: REVIEW_BAND,
      rule: capped,
      staff: { ...staff, flexFte: 120 },
      lumpsum: 0,
      initialBacklog: 0,
    });
    expect(withFlex.flexHours[1]).toBeCloseTo(8000, 6);
    expect(withFlex.backlog.every((b) => Math.abs(b) < 1e-6)).toBe(true);
  });

  test('templates produce the shapes they promise', () => {
    const normal = generateTemplate('normal', REVIEW_BAND).workload;
    expect(scenarioLabels(normal, REVIEW_BAND).every((l) => l === 'normal')).toBe(true);
    // The band's mean of the review, 83,000 h per 4 weeks (not the midpoint 84,500): six whole
    // years of a sine average exactly to the mean; the wave is 83,000 ± 0.4 × 8,500 = ± 3,400.
    expect(normal.reduce((a, b) => a + b, 0) / normal.length).toBeCloseTo(83000, 6);
    expect(Math.min(...normal)).toBeGreaterThanOrEqual(76000);
    expect(Math.max(...normal)).toBeLessThanOrEqual(93000);
    expect(Math.max(...normal)).toBeCloseTo(83000 + 3400 * Math.sin((2 * Math.PI * 3) / 13), 6);
    expect(generateTemplate('normal', REVIEW_BAND).initialBacklog).toBeUndefined();
    const short = scenarioLabels(generateTemplate('shortPeak', REVIEW_BAND).workload, REVIEW_BAND);
    expect(short.filter((l) => l === 'shortPeak')).toHaveLength(3);
    expect(short.includes('longPeak')).toBe(false);
    const long = scenarioLabels(generateTemplate('longPeak', REVIEW_BAND).workload, REVIEW_BAND);
    expect(long.filter((l) => l === 'longPeak')).toHaveLength(13);
    const c = generateTemplate('case2017', REVIEW_BAND);
    expect(c.workload).toHaveLength(78);
    expect(c.forecast![13] / c.forecast![0]).toBeCloseTo(396 / 451, 12);
    expect(c.forecast![26] / c.forecast![0]).toBeCloseTo(332 / 451, 12);
    expect(c.forecast![39]).toBe(c.workload[39]);
    expect(c.workload[0]).toBe(83000);
    // The 2017 case starts with the existing backlog the cut ignored (an assumption, BACKLOG_2017).
    expect(c.initialBacklog).toBe(83000);
    expect(generateTemplate('case2017', REVIEW_BAND, 78, { initialBacklog2017: 0 }).initialBacklog).toBe(0);
    // Peak lengths are in periods (the review's "month" there is 4 weeks): 3 periods, not 3 × 13/12.
    const shortPeak = generateTemplate('shortPeak', REVIEW_BAND).workload;
    expect(shortPeak.slice(13, 16)).toEqual([101000, 101000, 101000]);
    expect(shortPeak[16]).toBeLessThan(93000);
  });

  test('workload from 2 products: Σ volume × norm / 60', () => {
    expect(
      workloadFromProducts(
        [
          [60, 120],
          [30, 0],
        ],
        [30, 120],
      ),
    ).toEqual([90, 60]);
  });
});

describe('golden: a constant workload at the band mean, 9.5% turnover, 12 months, recommended rule', () => {
  /*
   * Worked by hand (defaults; h = 4 × 36 × 0.57 = 82.08 h per fte-period; need
   * B = 83,000 / 82.08 = 1,011.21 fte; q = 0.095 / 13 = 0.73077% a period, u = 1 − q):
   * - Target: the reference's FTE with extraFte = the allowance (vacancies + induction +
   *   coaching): F = 1,146.78 fte funded, flat (the workload is flat, so is the funding path).
   * - Stable start (no transient): under the budget rule the posts re-opened at the last year end
   *   are in recruitment at the start, P = F(1 − u¹³) / (1 + u¹⁰(1 − u³)) = 102.23 fte, and the
   *   staff is F − P = 1,044.55 fte. Check: the year's leavers from that start are exactly P again
   *   (staff is back at 1,044.55 at the end of period 13), so every year repeats the first.
   * - Periods 1–2: nobody is hired (leavers wait for the year end); productive staff is above B
   *   (1,022.76 and 1,024.62 fte): no backlog. The stable staff still carries the last 1.5/13 and
   *   0.5/13 of last year's cohort's ramp (102.23 fte hired in period 3 of the year before, ages
   *   11 and 12: loss 11.80 and 3.93 fte, plus 20% coaching), as every later year does.
   * - Period 3: the 102.23 fte in recruitment start (the 3-period lag). In their first period
   *   they deliver 1/26 of an fte each (loss 102.23 × 25/26 = 98.29) and absorb 0.2 × 98.29 =
   *   19.66 in coaching: productive 1,124.04 − 98.29 − 19.66 = 1,006.09 < 1,011.21, so the
   *   backlog is (1,011.21 − 1,006.09) × 82.08 = 420.05 h.
   * - From period 4 the recommended rule funds backlog / 6 as temporary capacity (70.01 h in
   *   period 4), while the ramp returns 102.23 / 13 × 1.2 = 9.44 fte a period and ≈ 8.1 fte leave:
   *   the deficit shrinks (3.90, 2.61, 1.27 fte in periods 4–6) and turns into a surplus in
   *   period 7. The backlog PEAKS AT THE END OF PERIOD 5: 669.79 + 2.61 × 82.08 − 669.79 / 6 =
   *   772.67 h; in period 6 the deficit (104.4 h) is smaller than the temporary capacity (128.8 h).
   * - It is gone in period 10 (62.09 h at the end of period 9, cleared by 10.35 h of temporary
   *   capacity and the surplus), and stays 0 until period 3 of the next year.
   * So, under the default hiring policy the backlog peaks in period 5 of every year: two periods
   * after the year-end wave of replacements starts (period 3, after the lag), because new staff
   * cost work before they deliver it and the leavers are not replaced until the next year end.
   * Every year is the same: 772.67 h (the path rule, which funds no backlog, peaks in period 6
   * at 1,058.71 h, also every year).
   */
  const flat = Array.from({ length: 130 }, () => 83000);
  const run = (preset: 'recommended' | 'path') =>
    simulate({
      workload: flat,
      band: REVIEW_BAND,
      rule: { ...RULE_PRESETS[preset], floor: 0, cap: Infinity },
      staff: DEFAULT_STAFF,
      lumpsum: 0,
      initialBacklog: 0,
    });
  const r = run('recommended');
  const years = (x: SimResult) => Array.from({ length: 10 }, (_, y) => x.backlog.slice(13 * y, 13 * y + 13));
  const max = years(r).map((b) => Math.max(...b));
  const B = 83000 / 82.08;

  test('the hand-worked steps', () => {
    const F = r.fundedFte[0];
    const u = 1 - 0.095 / 13;
    expect(F).toBeCloseTo(1146.78, 2);
    expect(r.fundedFte.every((f) => f === F)).toBe(true);
    expect(r.initialPipelineFte).toBeCloseTo((F * (1 - u ** 13)) / (1 + u ** 10 * (1 - u ** 3)), 9);
    expect(r.initialPipelineFte).toBeCloseTo(102.23, 2);
    expect(r.initialStaffFte).toBeCloseTo(1044.55, 2);
    // The year's leavers are the pipeline it started with: the staff is back where it started.
    const leavers1 = r.leaversFte.slice(0, 13).reduce((a, b) => a + b, 0);
    expect(leavers1).toBeCloseTo(r.initialPipelineFte, 9);
    expect(r.staffFte[12]).toBeCloseTo(r.initialStaffFte, 9);
    // Last year's cohort, hired before period 1, in its last two periods of induction.
    expect(r.initialCohortFte).toBeCloseTo(r.initialPipelineFte, 9);
    expect(r.inductionLossFte[0]).toBeCloseTo(102.225 * (1.5 / 13), 2);
    expect(r.inductionLossFte[1]).toBeCloseTo(102.225 * (0.5 / 13), 2);
    expect(r.productiveFte[0]).toBeCloseTo(1022.76, 2);
    expect(r.productiveFte[1]).toBeCloseTo(1024.62, 2);
    expect(r.productiveFte[0]).toBeCloseTo(r.productiveFte[13], 9);
    expect(r.hiresFte[2]).toBeCloseTo(102.23, 2);
    expect(r.inductionLossFte[2]).toBeCloseTo(98.29, 2);
    expect(r.coachingFte[2]).toBeCloseTo(19.66, 2);
    expect(r.productiveFte[2]).toBeCloseTo(1006.09, 2);
    expect(r.backlog[2]).toBeCloseTo(420.05, 2);
    expect(r.backlogHours[3]).toBeCloseTo(420.05 / 6, 2);
    expect(r.productiveFte[5]).toBeLessThan(B);
    expect(r.productiveFte[6]).toBeGreaterThan(B);
    expect(r.backlog[4]).toBeCloseTo(772.67, 2);
    expect(r.backlog[8]).toBeCloseTo(62.09, 2);
    expect(r.backlog[9]).toBe(0);
    // The backlog's funding opens no posts: staff is the same as under the path rule.
    expect(run('path').staffFte).toEqual(r.staffFte);
  });

  test('bounded, the same every year: the yearly maximum does not grow, and it is in period 5', () => {
    for (let y = 0; y < 10; y++) {
      expect(years(r)[y].indexOf(max[y]) + 1).toBe(5);
      expect(max[y]).toBeCloseTo(772.67, 2);
      // Does not grow (to 1e-9 h, the rounding noise of doubles).
      if (y > 0) expect(max[y]).toBeLessThanOrEqual(max[y - 1] + 1e-9);
    }
    const path = years(run('path')).map((b) => Math.max(...b));
    for (let y = 0; y < 10; y++) {
      expect(path[y]).toBeCloseTo(1058.71, 2);
      if (y > 0) expect(path[y]).toBeLessThanOrEqual(path[y - 1] + 1e-9);
    }
  });

  test('returns to zero within each year: from period 10 until the next wave (period 3)', () => {
    for (let y = 0; y < 10; y++) {
      for (const p of [1, 2, 10, 11, 12, 13]) expect(years(r)[y][p - 1]).toBe(0);
      expect(years(r)[y][2]).toBeGreaterThan(0);
    }
    expect(r.backlog[129]).toBe(0);
  });

  test('a start with every post filled (the former default) swings about that cycle instead', () => {
    // All 1,146.78 funded fte on the payroll and nothing in recruitment: no backlog in year 1,
    // a first wave of 104.29 fte that is too large, and then years that alternate about the cycle.
    const full = simulate({
      workload: flat,
      band: REVIEW_BAND,
      rule: { ...RULE_PRESETS.path, floor: 0, cap: Infinity },
      staff: { ...DEFAULT_STAFF, initialPipelineFte: 0, initialStaffFte: 1146.776021022546 },
      lumpsum: 0,
      initialBacklog: 0,
    });
    const m = years(full).map((b) => Math.max(...b));
    expect(m[0]).toBe(0);
    expect(m[3]).toBeGreaterThan(m[2] + 1); // 1,045 → 1,059: it grows in alternate years
  });
});

describe('the 2017 case', () => {
  // Realised workload flat at the band mean (83,000 h); the forecast falls by €451M → €396M → €332M
  // in years 2 and 3 and is corrected in year 4 (period 40, index 39). Induction 12 months = 13
  // periods, recruitment lag 3 periods, coaching capacity 0.3 trainee per experienced fte.
  const series = generateTemplate('case2017', REVIEW_BAND);
  const h = 4 * 36 * 0.57; // 82.08 direct hours per fte-period
  const run = (
    preset: keyof typeof RULE_PRESETS,
    over: Partial<SimInput['rule']> = {},
    s: StaffParams = DEFAULT_STAFF,
    initialBacklog = series.initialBacklog!,
  ) =>
    simulate({
      workload: series.workload,
      forecast: series.forecast,
      band: REVIEW_BAND,
      rule: { ...RULE_PRESETS[preset], floor: 0, cap: Infinity, ...over },
      staff: s,
      lumpsum: 0,
      initialBacklog,
    });

  test('cutting in advance reduces staff actively; rehiring is slowed by the lag, the coaching capacity and the induction', () => {
    // Without turnover there is no allowance (m = 1), so every figure follows by hand:
    // staff 83,000 / 82.08 = 1,011.21 fte; at 332/451 of that 744.39 fte: 266.82 fte reduced actively.
    const r = run('advance2017', {}, { ...DEFAULT_STAFF, turnoverAnnual: 0 }, 0);
    const s = summarize(r);
    const F = 83000 / h;
    expect(r.staffFte[0]).toBeCloseTo(F, 9);
    expect(s.minStaffFte).toBeCloseTo((F * 332) / 451, 9);
    expect(s.totalReductionsFte).toBeCloseTo(F * (1 - 332 / 451), 9); // 266.8 fte (review: "about 300")
    expect(s.totalNotReplacedFte).toBe(0); // nobody leaves
    // The backlog at the correction: 13 periods × 83,000 × (1 − 396/451) + 13 × 83,000 × (1 − 332/451).
    const built = 13 * 83000 * (1 - 396 / 451) + 13 * 83000 * (1 - 332 / 451);
    expect(r.backlog[38]).toBeCloseTo(built, 6); // 416,288 h
    // The 266.82 posts re-opened in period 40 start after 3 periods (period 43), but only
    // 0.3 × 744.39 = 223.32 fte can be coached; the other 43.50 fte start when the first cohort
    // finishes its 13 periods (period 56).
    const cut = F * (1 - 332 / 451);
    const first = 0.3 * ((F * 332) / 451);
    expect(r.hiresFte[42]).toBeCloseTo(first, 9);
    expect(r.hiresFte[55]).toBeCloseTo(cut - first, 9);
    // The backlog then keeps growing until the second cohort is productive (period 68):
    // + 3 periods without the 266.82 fte, + 13 periods without the waiting 43.50 fte, + each
    // cohort's induction and coaching: fte × 13/2 periods × 1.2, all × 82.08 h.
    const peak = built + (3 * cut + 13 * (cut - first) + (first + (cut - first)) * 6.5 * 1.2) * h;
    expect(s.maxBacklog).toBeCloseTo(peak, 4); // 699,224 h
    expect(s.maxBacklogPeriod).toBe(68);
    // Funding then pays exactly for the workload: the backlog never clears.
    expect(periodsToClear(r.backlog, 39, 830)).toBeUndefined();
  });

  test('even when the backlog is funded afterwards, clearing takes longer than the induction time', () => {
    // With the default 9.5% turnover and the assumed starting backlog of 83,000 h. The advance
    // cut builds the backlog up to 120,923 h (period 46, after the rebuilt staff's induction);
    // funded at 1/6 a period it then takes 30 periods to fall below 5,000 h, and it is not below
    // 1% of the workload (830 h) by the end of the series: far longer than the 13-period induction.
    const r = run('advance2017', { countBacklog: true });
    const s = summarize(r);
    expect(Math.round(s.maxBacklog)).toBe(120923);
    expect(s.maxBacklogPeriod).toBe(46);
    expect(s.periodsToClear).toBeUndefined();
    expect(periodsToClear(r.backlog, 45, 5000)).toBe(30);
    expect(periodsToClear(r.backlog, 45, 5000)).toBeGreaterThan(r.inductionPeriods);
  });

  test('under the recommended rule the existing backlog is cleared and the backlog stays small', () => {
    const recR = run('recommended');
    const rec = summarize(recR);
    const path = summarize(run('path'));
    const adv = summarize(run('advance2017', { countBacklog: true }));
    // No cut: funding follows the realised (flat) workload.
    expect(rec.totalReductionsFte).toBe(0);
    // The 83,000 h it starts with are funded at 1/6 a period as temporary capacity: period 1
    // already ends lower (the largest backlog is the end of period 1, below the 83,000 h), and it
    // is below 1% of the workload after 21 periods. The path rule, which does not count the
    // backlog, leaves it to a stable staff sized for the workload: it never clears (60,520 h
    // left after 6 years; 58,971 h before the stable start counted its cohorts still in
    // induction, whose first year then delivered 1,549 h more than a stable year).
    expect(rec.maxBacklogPeriod).toBe(1);
    expect(rec.maxBacklog).toBeLessThan(83000);
    expect(rec.periodsToClear).toBe(21);
    expect(rec.finalBacklog).toBe(0);
    expect(path.periodsToClear).toBeUndefined();
    expect(Math.round(path.finalBacklog)).toBe(60520);
    // The advance cut builds far more (and later), even when it funds the backlog afterwards.
    expect(adv.maxBacklog).toBeGreaterThan(1.5 * rec.maxBacklog);
    expect(adv.maxBacklogPeriod).toBeGreaterThan(3 * 13);
  });
});

describe('parsing pasted series', () => {
  test('Dutch decimal commas, thousands dots, tabs and newlines', () => {
    expect(parseLocaleNumber('83.000,5')).toBe(83000.5);
    expect(parseLocaleNumber('83000,5')).toBe(83000.5);
    expect(parseLocaleNumber('83.000')).toBe(83000);
    expect(parseLocaleNumber('83000.5')).toBe(83000.5);
    expect(parseLocaleNumber('1.116,5')).toBe(1116.5);
    expect(parseLocaleNumber('abc')).toBeUndefined();
    expect(parsePastedSeries('83.000,5\n84000\r\n76.500\n\n')).toEqual({ workload: [83000.5, 84000, 76500] });
  });
  test('header, period column and forecast column', () => {
    const text = 'Periode\tWerklast\tPrognose\n1\t83.000\t83.000\n2\t84.000\t70.000,5\n3\t85.000\t70.000\n';
    expect(parsePastedSeries(text)).toEqual({
      workload: [83000, 84000, 85000],
      forecast: [83000, 70000.5, 70000],
    });
  });
  test('semicolons work as a separator', () => {
    expect(parsePastedSeries('83000;80000\n84000;80000')).toEqual({
      workload: [83000, 84000],
      forecast: [80000, 80000],
    });
  });
});

describe('bad input: a clear message each, with code and text', () => {
  test('a period missing from a series (blank in the middle)', () => {
    const e = expectCalcError(() => readSeries([83000, '', 84000], 'Werklast', 5), 'scenarioMissingPeriod');
    expect(e.messageIn('nl')).toBe(
      'Werklast: periode 2 ontbreekt in rij 6. Verwacht: een getal voor elke periode, zonder gaten; ontvangen: leeg / blank. Vul de ontbrekende periode in (0 als er echt geen werk was).',
    );
    expect(e.messageIn('en')).toContain('period 2 is missing in row 6');
    // null from Office.js is a blank as well; trailing blanks are not missing periods.
    expectCalcError(
      () => simulate(base({ workload: [100, null as unknown as number, 100] })),
      'scenarioMissingPeriod',
    );
    expect(readSeries([1, 2, null, ''], 'Werklast')).toEqual([1, 2]);
  });

  test('a period number skipped in a pasted table', () => {
    const e = expectCalcError(
      () => parsePastedSeries('1\t83000\n2\t84000\n4\t85000'),
      'scenarioMissingPeriod',
    );
    expect(e.messageIn('nl')).toContain('Periode: periode 3 ontbreekt in rij 3');
    expect(e.messageIn('nl')).toContain('ontvangen: periode 4');
  });

  test('a floor above the cap', () => {
    const e = expectCalcError(
      () => simulate(base({ rule: { ...base().rule, floor: 400, cap: 300 } })),
      'scenarioFloorAboveCap',
    );
    expect(e.messageIn('nl')).toBe(
      'Ondergrens (400) ligt boven het plafond (300). Verwacht: ondergrens ≤ plafond. Verlaag de ondergrens of verhoog het plafond (leeg plafond = geen plafond).',
    );
    expect(e.messageIn('en')).toContain('Floor (400) is above the cap (300)');
  });

  test('text in a numeric cell', () => {
    const e = expectCalcError(
      () => readSeries([83000, '84000 uur', 85000], 'Werklast', 10),
      'scenarioNotNumber',
    );
    expect(e.messageIn('nl')).toBe(
      'Werklast in rij 11: verwacht een getal (uren), ontvangen tekst "84000 uur". Typ alleen het getal, bijvoorbeeld 83000 of 83.000,5, zonder eenheid.',
    );
    expect(e.messageIn('en')).toContain('received text "84000 uur"');
    expectCalcError(() => parsePastedSeries('83000\nveel\n85000'), 'scenarioNotNumber');
    expectCalcError(() => readSeries([true], 'Werklast'), 'scenarioNotNumber');
  });

  test('a ratio typed as a percentage', () => {
    const e = expectCalcError(
      () => simulate(base({ staff: { ...simpleStaff, turnoverAnnual: 9.5 } })),
      'scenarioRatioAsPercent',
    );
    expect(e.messageIn('nl')).toBe(
      'Verloop per jaar / turnover: verwacht een fractie tussen 0 en 1, ontvangen 9.5. Dit lijkt een percentage; typ 0.095 in plaats van 9.5.',
    );
    expectCalcError(
      () => simulate(base({ staff: { ...simpleStaff, directRatio: 57 } })),
      'scenarioRatioAsPercent',
    );
  });

  test('negative hours, empty series, forecast problems, out-of-range parameters', () => {
    expect(expectCalcError(() => readSeries([-5], 'Werklast'), 'scenarioNegative').messageIn('en')).toBe(
      'Werklast in row 1: expected 0 or more, received -5. Hours and amounts cannot be negative; correct the sign.',
    );
    expectCalcError(() => simulate(base({ workload: [] })), 'scenarioSeriesEmpty');
    expectCalcError(() => parsePastedSeries('Werklast\n\n'), 'scenarioPasteNoNumbers');
    // A forecast rule without a forecast runs on forecast = workload, and says so.
    const noForecast = simulate(base({ workload: [100, 50], rule: { ...base().rule, basis: 'forecast' } }));
    expect(noForecast.forecastFromWorkload).toBe(true);
    expect(noForecast.basisHours).toEqual([100, 50]);
    expect(simulate(base({ workload: [100], forecast: [90] })).forecastFromWorkload).toBe(false);
    const e = expectCalcError(
      () => simulate(base({ workload: [1, 2, 3], forecast: [1, 2] })),
      'scenarioLengthMismatch',
    );
    expect(e.messageIn('nl')).toContain('Prognose / forecast heeft 2 perioden, de werklast 3');
    expect(
      expectCalcError(
        () => simulate(base({ rule: { ...base().rule, confirmPeriods: 0 } })),
        'scenarioOutOfRange',
      ).messageIn('en'),
    ).toBe('Bevestigingsperioden / confirmPeriods: expected 1 – 1000, received 0. Adjust the value.');
    expectCalcError(
      () => simulate(base({ rule: { ...base().rule, confirmPeriods: 1.5 } })),
      'scenarioOutOfRange',
    );
    expectCalcError(
      () => simulate(base({ staff: { ...simpleStaff, inductionMonths: 100 } })),
      'scenarioOutOfRange',
    );
  });

  test('a recruitment lag as long as the series or longer: nothing could be filled, refused', () => {
    const e = expectCalcError(
      () => simulate(base({ workload: [100, 100, 100], staff: { ...simpleStaff, recruitmentLag: 5 } })),
      'scenarioLagTooLong',
    );
    expect(e.messageIn('nl')).toBe(
      'Wervingstijd / recruitmentLag: 5 perioden is minstens zo lang als de reeks (3 perioden), dus geen enkele vacature wordt binnen de reeks vervuld. Verwacht: een wervingstijd korter dan de reeks. Verkort de wervingstijd of verleng de reeks.',
    );
    expect(e.messageIn('en')).toContain('5 periods is at least as long as the series (3 periods)');
    expectCalcError(
      () => simulate(base({ workload: [100, 100, 100], staff: { ...simpleStaff, recruitmentLag: 3 } })),
      'scenarioLagTooLong',
    );
    expectCalcError(
      () => simulate(base({ workload: [100, 100, 100], staff: { ...simpleStaff, recruitmentLag: 1.5 } })),
      'scenarioOutOfRange',
    );
    expect(
      simulate(base({ workload: [100, 100, 100], staff: { ...simpleStaff, recruitmentLag: 2 } })).periods,
    ).toBe(3);
  });

  test('a negative trainee cap is refused; a cap of 0 is a hiring freeze, allowed with a warning', () => {
    const e = expectCalcError(
      () => simulate(base({ staff: { ...simpleStaff, traineeCap: -0.1 } })),
      'scenarioNegativeCap',
    );
    expect(e.messageIn('nl')).toBe(
      'Max. nieuwe fte per ervaren fte / traineeCap: verwacht 0 of meer, ontvangen -0.1. Het is het aantal fte in de inwerkperiode dat één ervaren fte kan begeleiden (0 = vacaturestop). Typ bijvoorbeeld 0.3.',
    );
    const frozen = simulate({
      workload: Array.from({ length: 26 }, () => 83000),
      band: REVIEW_BAND,
      rule: { ...RULE_PRESETS.path, floor: 0, cap: Infinity },
      staff: { ...DEFAULT_STAFF, traineeCap: 0 },
      lumpsum: 0,
      initialBacklog: 0,
    });
    expect(frozen.warnings.map((w) => w.code)).toEqual(['scenarioHiringFreeze']);
    expect(formatError('scenarioHiringFreeze', {}, 'en')).toBe(
      'Note: a coaching capacity of 0 is a hiring freeze. Nobody is hired; staff falls with every leaver.',
    );
    expect(frozen.hiresFte.every((x) => x === 0)).toBe(true);
    expect(frozen.staffFte[25]).toBeLessThan(frozen.staffFte[0]);
  });

  test('a yearly turnover typed as 9.5 instead of 0.095: the message suggests 0.095', () => {
    const e = expectCalcError(
      () => simulate(base({ staff: { ...simpleStaff, turnoverAnnual: 9.5 } })),
      'scenarioRatioAsPercent',
    );
    expect(e.messageIn('en')).toBe(
      'Verloop per jaar / turnover: expected a fraction between 0 and 1, received 9.5. This looks like a percentage; type 0.095 instead of 9.5.',
    );
  });

  test('a hiring policy name that does not exist', () => {
    const e = expectCalcError(
      () => simulate(base({ staff: { ...simpleStaff, hiringPolicy: 'kwartaal' as HiringPolicy } })),
      'scenarioUnknownPolicy',
    );
    expect(e.messageIn('nl')).toBe(
      'Vervanging vertrekkers / hiringPolicy: het wervingsbeleid "kwartaal" bestaat niet. Verwacht: jaareinde | direct (jaareinde = vertrekkers pas aan het jaareinde vervangen, de begrotingsregel; direct = meteen). Typ een van deze namen.',
    );
    expect(parseHiringPolicy('Jaareinde')).toBe('yearEnd');
    expect(parseHiringPolicy('direct')).toBe('immediate');
    expect(parseHiringPolicy('immediate')).toBe('immediate');
  });
});
