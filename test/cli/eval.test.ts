/**
 * Formulas through the CLI's `evaluate()` and the REAL adapter registry: what the command prints
 * must be what Excel computes. Expected values are computed here from the formulas of the
 * calculation model (reference §3/§4), and error messages are compared with what the adapter
 * itself produces, so the CLI is shown to pass them on verbatim.
 */
import { evaluate } from '../../src/cli/evaluate';
import { ExcelErrorValue } from '../../src/cli/engine';
import { formatValue } from '../../src/cli/format';
import { registry } from '../../src/functions/registry';
import { setLanguage } from '../../src/functions/lang';

/** Prints a formula's value exactly as `ind-rekenmodel eval` does. */
async function printed(formula: string, lang: 'nl' | 'en' = 'nl'): Promise<string> {
  return formatValue(await evaluate(formula, lang));
}

/** What an adapter throws or returns for these arguments, printed as the CLI prints errors. */
function adapterError(name: string, args: unknown[], lang: 'nl' | 'en' = 'nl'): string {
  setLanguage(lang);
  let out: unknown;
  try {
    out = registry[name](...args);
  } catch (e) {
    out = e;
  }
  const e = out as { code?: string; message?: string };
  if (typeof e?.code !== 'string') throw new Error(`${name} did not fail: ${String(out)}`);
  return `${e.code} ${e.message}`;
}

afterAll(() => setLanguage(undefined));

describe('the review worked example (reference §4)', () => {
  it('prints 1,116 fte at the measured ratio in full precision', async () => {
    // (83,000 h / 4 weeks / 36 h + 60 fte turnover) / 0.57, unrounded.
    const expected = (83000 / 4 / 36 + 60) / 0.57;
    const out = await printed('=IND.FTE(83000,4,36,0.57,60)');
    expect(out).toBe(String(expected));
    expect(out).toBe('1116.4717348927877');
  });

  it('gives 851 fte at the model ratio and a gap of 265', async () => {
    const model = await evaluate('=IND.FTE(83000,4,36,0.7473,60)');
    expect(model).toBe((83000 / 4 / 36 + 60) / 0.7473);
    expect(Math.round(model as number)).toBe(852); // review: 851, rounding at every step
    const gap = await evaluate('=ROUND(IND.FTE(83000,4,36,0.57,60)-IND.FTE(83000,4,36,0.7473,60),0)');
    expect(gap).toBe(265);
  });

  it('grossUpExtra=FALSE gives about 45 fte less', async () => {
    const diff = await evaluate('=IND.FTE(83000,4,36,0.57,60,TRUE)-IND.FTE(83000,4,36,0.57,60,FALSE)');
    // 60/0.57 − 60 = 45.26…
    expect(diff).toBeCloseTo(60 / 0.57 - 60, 9);
  });
});

describe('argument passing as in Excel', () => {
  it('an empty argument takes the default (null reaches the adapter)', async () => {
    // The default direct ratio is the 2021 model's 0.7473.
    expect(await printed('=IND.FTE(83000,4,36,,60)')).toBe(await printed('=IND.FTE(83000,4,36,0.7473,60)'));
    expect(await printed('=IND.FTE(83000,4,,0.57,60)')).toBe(await printed('=IND.FTE(83000,4,36,0.57,60)'));
  });

  it('a leading empty argument arrives as null, not dropped (IND.FTE(,4) is a blank hours)', async () => {
    const out = await printed('=IND.FTE(,4)');
    expect(out).toBe(adapterError('IND.FTE', [null, 4]));
    // Had the parser dropped it, 4 would be the hours and the result a number.
    expect(out.startsWith('#VALUE! hours')).toBe(true);
  });

  it('array constants arrive as 2-D arrays', async () => {
    // 100 × 120 min + 50 × 600 min = 42,000 min = 700 h
    expect(await printed('=IND.WORKLOAD({100;50},{120;600})')).toBe('700');
    expect(await printed('=IND.WORKLOAD({100,50},{120,600})')).toBe('700');
  });

  it('string arguments reach the adapter as text', async () => {
    // Net ratio = direct / (all − absence) = 57 / (100 − 29.6)
    const v = await evaluate('=IND.DIRECTRATIO({57;13.4;29.6},{"direct";"indirect";"afwezig"},"netto")');
    expect(v).toBeCloseTo(57 / (100 - 29.6), 12);
  });

  it('text where a number belongs gives the adapter message for text', async () => {
    const out = await printed('=IND.FTE("83000",4)');
    expect(out).toBe(adapterError('IND.FTE', ['83000', 4]));
    expect(out).toMatch(/^#VALUE! hours: /);
  });
});

describe('spills', () => {
  it('prints one line per row and a tab between cells', async () => {
    expect(await printed('=IND.SCENARIO({80000;95000;70000})')).toBe('normaal\nkorte piek\nonder band');
    // Labels follow the function's own language argument, after four empty (default) arguments.
    expect(await printed('=IND.SCENARIO({80000;95000;70000},,,,,"en")')).toBe(
      'normal\nshort peak\nbelow band',
    );
    expect(await printed('=IND.LUMPSUMSPLIT(1000000,0.13,50000)')).toBe('180000\t870000');
    expect(await printed('=IND.BACKLOG({90000;95000;70000},85000)')).toBe('5000\n15000\n0');
  });
});

describe('nesting with Excel functions', () => {
  it('ROUND and SUM around IND functions', async () => {
    expect(await printed('=ROUND(IND.FTE(83000,4,36,0.57,60),0)')).toBe('1116');
    expect(await printed('=ROUND(IND.FTE(83000,4,36,0.57,60),1)')).toBe('1116.5');
    expect(await printed('=SUM(IND.LUMPSUMSPLIT(1000000,0.13,50000))')).toBe('1050000');
    expect(await printed('=MAX(IND.BACKLOG({90000;95000;70000},85000))')).toBe('15000');
  });

  it('IND functions inside IND functions', async () => {
    // Capacity of 1,050 fte at 57% over 4 weeks as the capacity of the backlog.
    const cap = 1050 * 4 * 36 * 0.57;
    const out = await printed('=IND.BACKLOG({90000;80000},IND.CAPACITY(1050,4,36,0.57))');
    expect(out).toBe(
      `${String(Math.max(0, 90000 - cap))}\n${String(Math.max(0, Math.max(0, 90000 - cap) + 80000 - cap))}`,
    );
  });
});

describe('errors', () => {
  it('a ratio typed as a percentage prints #VALUE! with the catalogue message (nl and en)', async () => {
    const nl = await printed('=IND.FTE(83000,4,36,74.7,60)');
    expect(nl).toBe(adapterError('IND.FTE', [83000, 4, 36, 74.7, 60, null], 'nl'));
    expect(nl).toMatch(/^#VALUE! directRatio: .*74,7.*0,747/);
    const en = await printed('=IND.FTE(83000,4,36,74.7,60)', 'en');
    expect(en).toBe(adapterError('IND.FTE', [83000, 4, 36, 74.7, 60, null], 'en'));
    expect(en).toMatch(/^#VALUE! directRatio: .*74\.7.*0\.747/);
  });

  it('propagates through SUM with its message', async () => {
    const direct = await evaluate('=IND.LUMPSUMSPLIT(1000000,13,50000)');
    expect(direct).toBeInstanceOf(ExcelErrorValue);
    const viaSum = await evaluate('=SUM(IND.LUMPSUMSPLIT(1000000,13,50000))');
    expect(viaSum).toEqual(direct);
    expect(formatValue(viaSum)).toBe(adapterError('IND.LUMPSUMSPLIT', [1000000, 13, 50000]));
  });

  it('ranges of different lengths name both lengths', async () => {
    const out = await printed('=IND.WORKLOAD({100;50},{120})');
    expect(out).toBe(adapterError('IND.WORKLOAD', [[[100], [50]], [[120]], null, null]));
    expect(out).toMatch(/^#VALUE! volumes .*2.*normMinutes.*1/);
  });

  it('an error inside an array constant is reported by the adapter, naming argument and row', async () => {
    const out = await printed('=IND.WORKLOAD({100;#N/A},{120;600})');
    expect(out.startsWith('#N/A')).toBe(true);
    expect(out).toContain('volumes');
  });
});
