/**
 * Bad input for EVERY IND.* adapter, driven by one table of valid calls: each argument is
 * mutated in turn (text "12,5", a negative number, an Excel error value, a blank, a range of the
 * wrong size) and the test asserts the Excel error code AND the message in Dutch and English.
 */
import { registry } from '../../src/functions/registry';
import { expectExcelError } from './helpers';

/** 'text': text is rejected, but the rule for negative numbers is the function's own (tested in its golden table). */
type Check = 'nonNegative' | 'positive' | 'ratio' | 'fraction' | 'text' | 'none';

interface ArgSpec {
  name: string;
  range: boolean;
  check: Check;
  /** For ranges: a blank cell means 0. */
  blankIsZero?: boolean;
}

interface AdapterSpec {
  fn: string;
  args: unknown[];
  spec: ArgSpec[];
  /** Pairs of range arguments that must have the same size: [index, index]. */
  sameSize?: [number, number][];
}

const R = (name: string, check: Check = 'nonNegative', blankIsZero = true): ArgSpec => ({
  name,
  range: true,
  check,
  blankIsZero,
});
const S = (name: string, check: Check = 'nonNegative'): ArgSpec => ({ name, range: false, check });

const adapters: AdapterSpec[] = [
  {
    fn: 'IND.WORKLOAD',
    args: [
      [[100], [50]],
      [[60], [240]],
    ],
    spec: [R('volumes'), R('normMinutes', 'nonNegative', false)],
    sameSize: [[0, 1]],
  },
  {
    fn: 'IND.FTE',
    args: [83000, 4, 36, 0.57, 60, true],
    spec: [
      S('hours'),
      S('weeks', 'positive'),
      S('hoursPerFte', 'positive'),
      S('directRatio', 'ratio'),
      S('extraFte'),
      S('grossUpExtra', 'none'),
    ],
  },
  {
    fn: 'IND.CAPACITY',
    args: [100, 4, 36, 0.7473],
    spec: [S('fte'), S('weeks', 'positive'), S('hoursPerFte', 'positive'), S('directRatio', 'ratio')],
  },
  {
    fn: 'IND.HEADCOUNTFTE',
    args: [10, 34.5, 36],
    spec: [S('persons'), S('avgContractHours', 'positive'), S('hoursPerFte', 'positive')],
  },
  {
    fn: 'IND.TURNOVERFTE',
    args: [115, 34.5, 36],
    spec: [S('leaversPerYear'), S('avgContractHours', 'positive'), S('hoursPerFte', 'positive')],
  },
  {
    fn: 'IND.DIRECTRATIO',
    args: [[[57], [13.4], [29.6]], [['direct'], ['indirect'], ['absence']], 'gross'],
    spec: [R('hours'), { name: 'kinds', range: true, check: 'none' }, S('basis', 'none')],
    sameSize: [[0, 1]],
  },
  {
    fn: 'IND.TRAININGLOAD',
    args: [10, 10, 100, 36],
    spec: [
      S('traineeHoursPerWeek'),
      S('coachHoursPerWeek'),
      S('totalFte', 'positive'),
      S('hoursPerFte', 'positive'),
    ],
  },
  {
    fn: 'IND.COSTPRICE',
    args: [[[60], [90]], [[70], [75]], 0.7473, 0.1],
    spec: [
      R('normMinutes', 'nonNegative', false),
      R('hourlyCost', 'nonNegative', false),
      S('directRatio', 'ratio'),
      S('overheadRate', 'fraction'),
    ],
    sameSize: [[0, 1]],
  },
  {
    fn: 'IND.FUNDING',
    args: [[[100], [200]], [[1000], [2500]], 50000, 0],
    spec: [R('volumes'), R('prices', 'nonNegative', false), S('lumpsum'), S('floor')],
    sameSize: [[0, 1]],
  },
  {
    fn: 'IND.LUMPSUMSPLIT',
    args: [[[1000000]], 0.13, 200000],
    spec: [R('outputCosts'), S('fixedShare', 'fraction'), S('lumpsum')],
  },
  {
    fn: 'IND.FUNDINGPATH',
    args: [[[100], [80]], 10, 0, 0, 0.1, 1],
    spec: [
      R('workloadHours'),
      S('ratePerHour'),
      S('lumpsum'),
      S('floor'),
      S('maxDecline', 'fraction'),
      S('confirmPeriods', 'none'),
    ],
  },
  {
    fn: 'IND.SCENARIO',
    args: [[[80000], [95000]], 76000, 93000, 10000, 3, 'nl'],
    spec: [
      R('workloadHours'),
      S('low'),
      S('high'),
      S('peakExtra'),
      S('peakPeriods', 'none'),
      S('language', 'none'),
    ],
  },
  {
    fn: 'IND.BACKLOG',
    args: [[[90000], [95000]], [[83000], [83000]], 0],
    spec: [R('inflowHours'), R('capacityHours'), S('initialBacklog')],
    sameSize: [[1, 0]],
  },
  {
    fn: 'IND.NORMVARIANCE',
    args: [
      [[250], [100]],
      [[100], [60]],
      [[120], [100]],
    ],
    spec: [
      R('recordedHours', 'nonNegative', false),
      R('cases', 'nonNegative', false),
      R('normMinutes', 'positive', false),
    ],
    sameSize: [[0, 1]],
  },
  {
    fn: 'IND.EFFECTIVENESS',
    args: [
      [[60], [30]],
      [[60], [120]],
      [[60], [60]],
    ],
    spec: [R('volumes'), R('normMinutes', 'nonNegative', false), R('directHours')],
    sameSize: [[0, 1]],
  },
  {
    fn: 'IND.VARIANCE',
    args: [
      [[100], [50]],
      [[10], [20]],
      [[120], [40]],
      [[11], [19]],
    ],
    spec: [
      R('budgetVolumes'),
      R('budgetPrices', 'nonNegative', false),
      R('actualVolumes'),
      R('actualPrices', 'nonNegative', false),
    ],
    sameSize: [
      [1, 0],
      [2, 0],
      [3, 0],
    ],
  },
  {
    fn: 'IND.FORECASTERROR',
    args: [[[100], [120]], [[110], [115]], 'wape'],
    spec: [R('actual', 'text', false), R('forecast', 'text', false), S('measure', 'none')],
    sameSize: [[1, 0]],
  },
  {
    fn: 'IND.YEAREND',
    args: [600, 4, 13, 'trend', 100],
    spec: [
      S('realisedToDate'),
      S('periodsDone'),
      S('periodsInYear', 'text'),
      S('method', 'none'),
      S('capacityPerPeriod'),
    ],
  },
  {
    fn: 'IND.WITHINTERM',
    args: [
      [[90], [91], [30]],
      [[90], [90], [90]],
    ],
    spec: [R('daysTaken', 'nonNegative', false), R('termDays', 'text', false)],
    sameSize: [[1, 0]],
  },
  {
    fn: 'IND.PENALTY',
    args: [
      [[10], [20]],
      [
        [14, 23],
        [28, 35],
        [42, 45],
      ],
    ],
    spec: [R('penaltyDays', 'text'), R('schedule', 'text', false)],
  },
];

/** A copy of `args` with argument i replaced; for ranges `cell` goes into the last row. */
function withArg(args: unknown[], i: number, spec: ArgSpec, cell: unknown): unknown[] {
  const copy = args.slice();
  if (spec.range) {
    const rows = (args[i] as unknown[][]).map((r) => r.slice());
    rows[rows.length - 1][0] = cell;
    copy[i] = rows;
  } else {
    copy[i] = cell;
  }
  return copy;
}

/** Where a message points for a mutated argument: "volumes, rij 2" or just "hours". */
function place(args: unknown[], i: number, spec: ArgSpec, lang: 'nl' | 'en'): string {
  if (!spec.range) return `${spec.name}:`;
  const row = (args[i] as unknown[][]).length;
  return `${spec.name}, ${lang === 'nl' ? 'rij' : 'row'} ${row}`;
}

test('the table covers every registered function', () => {
  expect(adapters.map((a) => a.fn).sort()).toEqual(Object.keys(registry).sort());
});

describe.each(adapters.map((a) => [a.fn, a] as const))('%s', (fnName, a) => {
  const fn = registry[fnName];

  test('the valid call returns a result', () => {
    expect(() => fn(...a.args)).not.toThrow();
  });

  const numeric = a.spec.map((s, i) => [s.name, i, s] as const).filter(([, , s]) => s.check !== 'none');
  const signed = numeric.filter(([, , s]) => s.check !== 'text');

  if (numeric.length > 0) {
    test.each(numeric)('text "12,5" in %s is rejected with the cell text and the fix', (_n, i, s) => {
      expectExcelError(
        () => fn(...withArg(a.args, i, s, '12,5')),
        '#VALUE!',
        [place(a.args, i, s, 'nl'), 'ontvangen tekst "12,5"', 'WAARDE()'],
        [place(a.args, i, s, 'en'), 'received text "12,5"', 'VALUE()'],
      );
    });
  }
  if (signed.length > 0) {
    test.each(signed)('a negative %s is rejected naming the argument', (_n, i, s) => {
      const expected: Record<Exclude<Check, 'none' | 'text'>, [string, string]> = {
        nonNegative: ['verwacht 0 of meer, ontvangen -5', 'expected 0 or more, received -5'],
        positive: ['groter dan 0, ontvangen -5', 'greater than 0, received -5'],
        ratio: ['groter dan 0 en hoogstens 1', 'greater than 0 and at most 1'],
        fraction: ['van 0 tot en met 1', 'from 0 to 1 inclusive'],
      };
      const [nl, en] = expected[s.check as Exclude<Check, 'none' | 'text'>];
      expectExcelError(
        () => fn(...withArg(a.args, i, s, -5)),
        '#VALUE!',
        [place(a.args, i, s, 'nl'), nl],
        [place(a.args, i, s, 'en'), en],
      );
    });
  }

  const ranges = a.spec.map((s, i) => [s.name, i, s] as const).filter(([, , s]) => s.range);
  if (ranges.length > 0) {
    test.each(ranges)('an Excel error value in %s propagates (first error wins)', (_n, i) => {
      const rows = (a.args[i] as unknown[][]).map((r) => r.slice());
      rows.push([{ code: '#DIV/0!' }], [{ code: '#N/A' }]);
      const args = a.args.slice();
      args[i] = rows;
      // Other ranges of the same size grow too, so the size check is not what fails.
      const linked = new Set((a.sameSize ?? []).flat());
      if (linked.has(i)) {
        for (const other of linked) {
          if (other !== i)
            args[other] = [...(a.args[other] as unknown[][]), ...(a.args[other] as unknown[][]).slice(0, 2)];
        }
      }
      const e = expectExcelErrorCode(() => fn(...args));
      expect(e.code).toBe('#DIV/0!');
    });

    test.each(ranges)('an Excel #N/A in %s propagates as #N/A with the cell named', (_n, i, s) => {
      expectExcelError(
        () => fn(...withArg(a.args, i, s, { code: '#N/A' })),
        '#N/A',
        [place(a.args, i, s, 'nl'), 'foutwaarde #N/A'],
        [place(a.args, i, s, 'en'), 'error value #N/A'],
      );
    });
  }

  const zeroBlanks = a.spec
    .map((s, i) => [s.name, i, s] as const)
    .filter(([, , s]) => s.range && s.blankIsZero === true);
  if (zeroBlanks.length > 0) {
    test.each(zeroBlanks)('a blank cell in %s counts as 0 (both "" and null)', (_n, i, s) => {
      const zero = fn(...withArg(a.args, i, s, 0));
      expect(fn(...withArg(a.args, i, s, ''))).toEqual(zero);
      expect(fn(...withArg(a.args, i, s, null))).toEqual(zero);
    });
  }

  for (const [x, y] of a.sameSize ?? []) {
    test(`${a.spec[x].name} and ${a.spec[y].name} of different sizes are named with both sizes`, () => {
      const args = a.args.slice();
      const longer = [...(a.args[x] as unknown[][]), ...(a.args[x] as unknown[][])];
      args[x] = longer;
      const nx = longer.length;
      const ny = (a.args[y] as unknown[][]).length;
      const e = thrownCode(() => fn(...args));
      expect(e.code).toBe('#VALUE!');
      expect(e.message).toContain(a.spec[x].name);
      expect(e.message).toContain(a.spec[y].name);
      expect(e.message).toContain(String(nx));
      expect(e.message).toContain(String(ny));
    });
  }
});

function thrownCode(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected an Excel error');
}

function expectExcelErrorCode(call: () => unknown): { code: string; message: string } {
  return thrownCode(call);
}
