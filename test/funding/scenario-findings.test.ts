/**
 * The three findings of issue 9, each reproduced as a test that failed on the old model
 * (staff reset to the funded level every period, compounding turnover, leavers replaced at once):
 * 1. a normal workload built a backlog for ever (nonzero in 77 of 78 periods);
 * 2. 9.5% turnover removed 9.94% of a constant staff a year;
 * 3. leavers were replaced within the year, against the budget rule.
 */
import {
  DEFAULT_STAFF,
  generateTemplate,
  PERIODS_PER_YEAR,
  REVIEW_BAND,
  RULE_PRESETS,
  simulate,
  type SimInput,
} from '../../src/core/scenario';

function input(over: Partial<SimInput> = {}): SimInput {
  const s = generateTemplate('normal', REVIEW_BAND);
  return {
    workload: s.workload,
    band: REVIEW_BAND,
    rule: { ...RULE_PRESETS.recommended, floor: 0, cap: Infinity },
    staff: DEFAULT_STAFF,
    lumpsum: 0,
    initialBacklog: 0,
    ...over,
  };
}

/** The largest backlog of each year (13 periods). */
function yearlyMax(backlog: readonly number[]): number[] {
  const out: number[] = [];
  for (let y = 0; y * PERIODS_PER_YEAR < backlog.length; y++)
    out.push(Math.max(...backlog.slice(y * PERIODS_PER_YEAR, (y + 1) * PERIODS_PER_YEAR)));
  return out;
}

describe('finding 1: a normal workload no longer builds a backlog for ever', () => {
  test('recommended rule, normal template, default staff: the backlog returns to zero within every year', () => {
    const r = simulate(input());
    for (let y = 0; y < 6; y++) {
      const year = r.backlog.slice(y * 13, (y + 1) * 13);
      expect(Math.min(...year)).toBe(0);
    }
    const max = yearlyMax(r.backlog);
    // Bounded: no year after the first replacement wave (year 2) has a larger maximum, and the
    // cycle has settled: the last two years' maxima agree to 0.1%.
    for (let y = 2; y < max.length; y++) expect(max[y]).toBeLessThanOrEqual(max[1]);
    expect(Math.abs(max[5] - max[4])).toBeLessThanOrEqual(0.001 * max[4]);
    expect(r.backlog[r.periods - 1]).toBe(0);
  });
});

describe('finding 2: a yearly turnover share a removes a × the staff in a year', () => {
  test('13 periods of constant staff lose exactly 9.5% of it', () => {
    // Constant staff: leavers replaced at once, no recruitment lag, no induction, flat workload.
    const flat = Array.from({ length: 13 }, () => 83000);
    const staff = { ...DEFAULT_STAFF, inductionMonths: 0 };
    const r = simulate(input({ workload: flat, staff: { ...staff, ...immediate() } }));
    const leavers = r.leaversFte.reduce((a, b) => a + b, 0);
    expect(r.staffFte.every((s) => Math.abs(s - r.staffFte[0]) < 1e-9)).toBe(true);
    expect(leavers / r.staffFte[0]).toBeCloseTo(0.095, 12);
  });
});

describe('finding 3: leavers are not replaced within the year (budget rule)', () => {
  test('under the default policy nobody is hired in the first year on a flat workload and funding', () => {
    const flat = Array.from({ length: 26 }, () => 83000);
    const r = simulate(input({ workload: flat, rule: { ...RULE_PRESETS.path, floor: 0, cap: Infinity } }));
    // Funding is flat, so every hire would replace a leaver: none before the year end (up to the
    // rounding noise of doubles, 1e-13 fte).
    expect(r.hiresFte.slice(0, 12).every((h) => Math.abs(h) < 1e-9)).toBe(true);
    expect(r.openedFte.slice(0, 12).every((h) => Math.abs(h) < 1e-9)).toBe(true);
    // At the year end (period 13) the year's leavers' posts are re-opened at once …
    const yearLeavers = r.leaversFte.slice(0, 13).reduce((a, b) => a + b, 0);
    expect(r.openedFte[12]).toBeCloseTo(yearLeavers, 9);
    // … and filled after the recruitment lag (3 periods): period 16.
    expect(r.hiresFte[15]).toBeCloseTo(yearLeavers, 9);
    expect(r.leaversFte.slice(0, 12).every((l) => l > 0)).toBe(true);
    // Staff falls by the leavers during the year.
    expect(r.staffFte[11]).toBeLessThan(r.staffFte[0]);
  });
});

/** Staff settings for a constant staff: leavers replaced at once, hires start without a lag. */
function immediate(): { hiringPolicy: 'immediate'; recruitmentLag: number } {
  return { hiringPolicy: 'immediate', recruitmentLag: 0 };
}
