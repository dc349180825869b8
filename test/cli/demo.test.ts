/**
 * `npm run demo`: the key figures of the review's worked example and the scenario series, as
 * evaluated through the CLI path, and the printed table. Expected values are computed here from
 * the formulas of the calculation model, not copied from the demo's output.
 */
import { DEMO_SERIES, formatNl, runDemo, type DemoFigure } from '../../src/cli/demo';
import { ExcelErrorValue } from '../../src/cli/engine';

function fig(figures: DemoFigure[], key: string): DemoFigure {
  const f = figures.find((x) => x.key === key);
  if (!f) throw new Error(`no figure ${key}`);
  return f;
}

describe('formatNl', () => {
  it('formats the Dutch way, rounding half away from zero at the edge only', () => {
    expect(formatNl(1116.4717348927877, 1)).toBe('1.116,5');
    expect(formatNl(851.5842217166987, 0)).toBe('852');
    expect(formatNl(27700000, 0)).toBe('27.700.000');
    expect(formatNl(-2.5, 0)).toBe('-3');
    expect(formatNl(0.05, 1)).toBe('0,1');
    expect(formatNl(1.311, 3)).toBe('1,311');
  });
});

describe('runDemo', () => {
  let result: Awaited<ReturnType<typeof runDemo>>;
  beforeAll(async () => {
    result = await runDemo();
  });

  it('evaluates every formula without an error value', () => {
    expect(result.errors).toBe(0);
    for (const f of result.figures) {
      const cells = Array.isArray(f.value) ? f.value.flat() : [f.value];
      expect(cells.some((c) => c instanceof ExcelErrorValue)).toBe(false);
    }
  });

  it('reproduces the review: 1,116 and 851 fte, a gap of 265, shortage 66', () => {
    const measured = (83000 / 4 / 36 + 60) / 0.57;
    const model = (83000 / 4 / 36 + 60) / 0.7473;
    expect(fig(result.figures, 'fteMeasured').value).toBe(measured);
    expect(fig(result.figures, 'fteModel').value).toBe(model);
    expect(Math.trunc(measured)).toBe(1116);
    expect(Math.trunc(model)).toBe(851);
    expect(Math.round(fig(result.figures, 'fteGapInclAllowance').value as number)).toBe(265);
    expect(fig(result.figures, 'fteGapExclAllowance').value).toBeCloseTo(
      83000 / 4 / 36 / 0.57 - 83000 / 4 / 36 / 0.7473,
      9,
    );
    // Positive = shortage (glossary S5), the same sign as on the Financiering sheet.
    expect(Math.trunc(fig(result.figures, 'capacityShortageFte').value as number)).toBe(66);
  });

  it('shows the grossUpExtra=FALSE variant about 45 fte lower', () => {
    expect(fig(result.figures, 'fteNoGrossUp').value).toBeCloseTo(83000 / 4 / 36 / 0.57 + 60, 9);
    expect(fig(result.figures, 'grossUpEffect').value).toBeCloseTo(60 / 0.57 - 60, 9);
  });

  it('converts 115 leavers to 55.1 fte, next to the review 60', () => {
    expect(fig(result.figures, 'turnoverCorrect').value).toBeCloseTo(((115 / 2) * 34.5) / 36, 12);
    expect(fig(result.figures, 'turnoverReview').value).toBeCloseTo(60, 12);
  });

  it('labels the 13 periods: normal, a short peak, below band, a long peak', () => {
    const labels = (fig(result.figures, 'scenario').value as unknown[][]).map((r) => r[0]);
    expect(labels).toHaveLength(DEMO_SERIES.length);
    expect(labels).toEqual([
      'normaal',
      'normaal',
      'normaal',
      'korte piek',
      'korte piek',
      'korte piek',
      'normaal',
      'onder band',
      'lange piek',
      'lange piek',
      'lange piek',
      'lange piek',
      'lange piek',
    ]);
  });

  it('computes the backlog at the fixed capacity of 1,050 fte at 57%', () => {
    const cap = 1050 * 4 * 36 * 0.57;
    let b = 0;
    const expected = DEMO_SERIES.map((w) => (b = Math.max(0, b + w - cap)));
    const got = (fig(result.figures, 'backlog').value as number[][]).map((r) => r[0]);
    expect(got).toHaveLength(13);
    got.forEach((g, i) => expect(g).toBeCloseTo(expected[i], 6));
  });

  it('funding follows the rise at once and never drops below the floor', () => {
    const path = (fig(result.figures, 'fundingPath').value as number[][]).map((r) => r[0]);
    expect(path).toHaveLength(13);
    expect(path[0]).toBe(5000000 + 300 * 83000);
    for (let t = 1; t < path.length; t++) {
      const target = 5000000 + 300 * DEMO_SERIES[t];
      if (target > path[t - 1]) expect(path[t]).toBe(target);
      // A fall is at most 5% a period.
      expect(path[t]).toBeGreaterThanOrEqual(path[t - 1] * 0.95 - 1e-6);
      expect(path[t]).toBeGreaterThanOrEqual(27700000);
    }
  });

  it('prints Dutch figures with the formula under each', () => {
    const text = result.lines.join('\n');
    expect(text).toMatch(/Benodigde fte \[S1\] bij gemeten 57% directe uren +1\.116,5/);
    expect(text).toMatch(/Benodigde fte \[S1\] bij model 74,73% directe uren +851,6/);
    expect(text).toMatch(/Fte-verschil model → gemeten, met verloopopslag \[S3\] +264,9/);
    expect(text).toMatch(/Fte-verschil model → gemeten, zonder verloopopslag \[S2\] +239,9/);
    expect(text).toMatch(/Capaciteitstekort \(fte\) \[S5\] bij 57%, 1\.050 fte in dienst +66,5/);
    expect(text).toContain('[S3] Fte-verschil model → gemeten, met verloopopslag: S1 bij de gemeten ratio');
    expect(text).toMatch(/Verloop 115 vertrekkers → fte \(34,5 u contract\) +55,1/);
    expect(text).toContain('=IND.FTE(83000,4,36,0.57,60)');
    expect(text).toContain('=IND.FTE(83000,4,36,0.57,60,FALSE)');
    expect(text).toContain(
      '=IND.SCENARIO({83000;86000;91000;97000;101000;95000;88000;74000;96000;104000;108000;99000;94000})',
    );
    // One table row per period.
    expect(
      result.lines.filter((l) => /^ +\d{1,2} +[\d.]+ +(normaal|korte piek|lange piek|onder band) /.test(l)),
    ).toHaveLength(13);
  });

  it('counts error values and lists them (exit code 1 in npm run demo)', async () => {
    const failing = await runDemo(async (formula, lang) => {
      const { evaluate } = await import('../../src/cli/evaluate');
      // Break one formula the way a user could: a ratio typed as a percentage.
      return evaluate(formula.replace('0.7473', '74.73'), lang);
    });
    expect(failing.errors).toBeGreaterThanOrEqual(2); // fteModel and the gap that uses it
    expect(failing.lines.join('\n')).toMatch(/FOUT: \d+ formule\(s\) gaven een foutwaarde/);
    expect(failing.lines.join('\n')).toContain('#VALUE! directRatio');
  });
});
