/**
 * Scenario and funding-path simulator: hand-checked cases, the 2017 case, parsing and bad input.
 * Every expected number below is worked out by hand in the comment next to it.
 */
import { CalcError } from '../../src/core/errors';
import {
  annualToPeriodRate,
  DEFAULT_STAFF,
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
  summarize,
  workloadFromProducts,
  type SimInput,
  type StaffParams,
} from '../../src/core/scenario';

/** h = 4 weeks × 36 h × 0.5 = 72 direct hours per fte-period; cost 7,200 → full-cost rate €100/h. */
const simpleStaff: StaffParams = {
  hoursPerFte: 36,
  directRatio: 0.5,
  costPerFtePeriod: 7200,
  inductionMonths: 0,
  turnoverAnnual: 0,
  coachingShare: 0,
  flexFte: 0,
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
  test('annual turnover compounds to a per-period rate', () => {
    // 1 − 0.9^13 a year is exactly 10% a period.
    expect(annualToPeriodRate(1 - Math.pow(0.9, 13))).toBeCloseTo(0.1, 12);
    expect(annualToPeriodRate(0)).toBe(0);
  });
  test('ramp: 0 at hiring, linear, 1 after the induction; 1 at once without induction', () => {
    expect(rampShare(0, 4)).toBe(0);
    expect(rampShare(1, 4)).toBe(0.25);
    expect(rampShare(9, 4)).toBe(1);
    expect(rampShare(0, 0)).toBe(1);
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
    // No lag and no turnover: capacity = funding / cost × 72 h = funding / 100.
    expect(r.capacityHours.map((c) => c)).toEqual(
      [100, 100, 100, 90, 81, 72.9].map((x) => expect.closeTo(x, 9)),
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

describe('hiring lag, coaching and turnover (hand-checked)', () => {
  test('a cohort ramps up over the induction and absorbs coaching', () => {
    // Induction of 24/13 months = 2 periods; coaching 0.2 fte per unproductive trainee fte.
    const r = simulate(
      base({
        workload: [72, 144, 144, 144],
        staff: { ...simpleStaff, inductionMonths: 24 / 13, coachingShare: 0.2, initialStaffFte: 1 },
      }),
    );
    expect(r.inductionPeriods).toBeCloseTo(2, 12);
    expect(r.hiresFte).toEqual([0, 1, 0, 0].map((x) => expect.closeTo(x, 9)));
    // t2: 1 + 0 − 0.2 = 0.8; t3: 1 + 0.5 − 0.2 × 0.5 = 1.4; t4: 2.
    expect(r.productiveFte).toEqual([1, 0.8, 1.4, 2].map((x) => expect.closeTo(x, 9)));
    expect(r.coachingFte).toEqual([0, 0.2, 0.1, 0].map((x) => expect.closeTo(x, 9)));
    // Capacity × 72: 72, 57.6, 100.8, 144 → backlog 0, 86.4, 129.6, 129.6.
    expect(r.backlog).toEqual([0, 86.4, 129.6, 129.6].map((x) => expect.closeTo(x, 9)));
    expect(r.constrainedHours[1]).toBeCloseTo(57.6, 9);
  });

  test('leavers are replaced by hires that start in induction', () => {
    const r = simulate(
      base({
        workload: [720, 720],
        staff: { ...simpleStaff, turnoverAnnual: 1 - Math.pow(0.9, 13), inductionMonths: 12 },
      }),
    );
    // 10 fte funded; 10% leave each period; 1 fte hired at ramp 0 → productive 9, capacity 648.
    expect(r.leaversFte[0]).toBeCloseTo(1, 9);
    expect(r.hiresFte[0]).toBeCloseTo(1, 9);
    expect(r.staffFte[0]).toBeCloseTo(10, 9);
    expect(r.productiveFte[0]).toBeCloseTo(9, 9);
    expect(r.backlog[0]).toBeCloseTo(72, 9);
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
    const staff = { ...DEFAULT_STAFF, turnoverAnnual: 0, inductionMonths: 0 };
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
    expect(
      scenarioLabels(generateTemplate('normal', REVIEW_BAND).workload, REVIEW_BAND).every(
        (l) => l === 'normal',
      ),
    ).toBe(true);
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

describe('the 2017 case', () => {
  // Realised workload flat at the band mean (84,500 h); the forecast falls by €451M → €396M → €332M
  // in years 2 and 3 and is corrected in year 4 (period 40, index 39). Induction 12 months = 13 periods.
  const series = generateTemplate('case2017', REVIEW_BAND);
  const staff: StaffParams = { ...DEFAULT_STAFF, turnoverAnnual: 0 };
  const run = (
    preset: keyof typeof RULE_PRESETS,
    over: Partial<SimInput['rule']> = {},
    s: StaffParams = staff,
  ) =>
    simulate({
      workload: series.workload,
      forecast: series.forecast,
      band: REVIEW_BAND,
      rule: { ...RULE_PRESETS[preset], floor: 0, cap: Infinity, ...over },
      staff: s,
      lumpsum: 0,
      initialBacklog: 0,
    });
  const tolerance = 0.01 * 84500;

  test('cutting in advance cuts about 270 fte and the backlog never clears without backlog funding', () => {
    const r = run('advance2017');
    const s = summarize(r);
    // Staff funded for 84,500 h: 84,500 / 82.08 = 1,029.5 fte; at 332/451 of that: 757.8 fte.
    expect(r.staffFte[0]).toBeCloseTo(84500 / 82.08, 6);
    expect(s.minStaffFte).toBeCloseTo((84500 * 332) / 451 / 82.08, 6);
    expect(s.totalCutsFte).toBeCloseTo((84500 * (1 - 332 / 451)) / 82.08, 6); // 271.6 fte (review: "about 300")
    // The backlog at the correction: 13 periods × 84,500 × (1 − 396/451) + 13 × 84,500 × (1 − 332/451).
    const built = 13 * 84500 * (1 - 396 / 451) + 13 * 84500 * (1 - 332 / 451);
    expect(r.backlog[38]).toBeCloseTo(built, 4);
    expect(Math.round(r.backlog[38])).toBe(423812);
    // Rehired staff needs 13 periods of induction: Σ over the ramp of the lost share adds to the backlog.
    expect(Math.round(s.maxBacklog)).toBe(611098);
    expect(periodsToClear(r.backlog, 39, tolerance)).toBeUndefined();
  });

  test('even when the backlog is funded afterwards, clearing takes longer than the induction time', () => {
    const r = run('advance2017', { countBacklog: true });
    const clear = periodsToClear(r.backlog, 39, tolerance);
    expect(Math.round(r.backlog[38])).toBe(178645);
    expect(clear).toBe(37);
    expect(clear!).toBeGreaterThan(r.inductionPeriods);
  });

  test('under the recommended rule the backlog stays small', () => {
    const r = run('recommended');
    // Funding follows the realised (flat) workload: no cut, no backlog.
    expect(summarize(r).totalCutsFte).toBe(0);
    expect(summarize(r).maxBacklog).toBe(0);
    // With 9.5% turnover replaced through induction, the recommended rule keeps the backlog below one
    // period of workload, while the advance cut builds more than 3 times as much.
    const withTurnover = { ...staff, turnoverAnnual: 0.095 };
    const rec = summarize(run('recommended', {}, withTurnover));
    const adv = summarize(run('advance2017', { countBacklog: true }, withTurnover));
    expect(Math.round(rec.maxBacklog)).toBe(60346);
    expect(Math.round(adv.maxBacklog)).toBe(205379);
    expect(rec.maxBacklog).toBeLessThan(84500);
    expect(adv.maxBacklog).toBeGreaterThan(3 * rec.maxBacklog);
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
    expectCalcError(
      () => simulate(base({ rule: { ...base().rule, basis: 'forecast' } })),
      'scenarioForecastMissing',
    );
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
});
