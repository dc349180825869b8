/**
 * The fast paths of issue 8 (one pass, no per-cell allocation) give exactly what the careful
 * paths give: the same numbers, and for bad input the same error, first error first. Each is
 * compared with the plain composition it replaces, over random inputs with odd cells mixed in.
 */
import fc from 'fast-check';
import { CalcError } from '../../src/core/errors';
import { toNumberColumn, toNumber, toBoolean } from '../../src/core/input';
import { checkNonNegativeAll } from '../../src/core/validate';
import { workloadHours, workloadHoursOfPlainColumns } from '../../src/core/workload';
import { workload } from '../../src/functions/workload.fn';
import { scenario } from '../../src/functions/scenario.fn';
import { classifyScenarios, scenarioLabelText } from '../../src/core/scenarioLabel';

function outcome<T>(f: () => T): T | string {
  try {
    return f();
  } catch (e) {
    if (e instanceof CalcError) return `${e.code}:${e.messageIn('en')}`;
    throw e;
  }
}

const cell = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -10, max: 1000, noNaN: true }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(null, '', '12,5', true, { code: '#DIV/0!' }, NaN, Infinity),
  },
);
const column = (n: number) => fc.array(cell, { minLength: n, maxLength: n }).map((xs) => xs.map((x) => [x]));

test('workloadHoursOfPlainColumns: the careful value whenever it answers, and it answers for all plain input', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(column(n), column(n))),
      ([a, b]) => {
        const fast = workloadHoursOfPlainColumns(a, b);
        const careful = outcome(() =>
          workloadHours(toNumberColumn(a, 'volumes'), toNumberColumn(b, 'normMinutes', { blank: 'nan' })),
        );
        const plain = [...a, ...b].every((r) => typeof r[0] === 'number' && r[0] >= 0 && r[0] < Infinity);
        if (fast !== undefined) expect(fast).toBe(careful);
        // It steps aside exactly when a cell is not a plain number >= 0 (no overflow at this size).
        expect(fast === undefined).toBe(!plain);
      },
    ),
  );
  // Other shapes and an overflowing sum go the careful way too.
  expect(workloadHoursOfPlainColumns([[1, 2]], [[1, 2]])).toBeUndefined();
  expect(workloadHoursOfPlainColumns([[1]], [[1], [2]])).toBeUndefined();
  expect(workloadHoursOfPlainColumns([], [])).toBeUndefined();
  expect(workloadHoursOfPlainColumns(5, 5)).toBeUndefined();
  // 1e155 × 1e154 = 1e309 overflows the sum of minutes; the hours (1.67e307) are finite.
  expect(workloadHoursOfPlainColumns([[1e155]], [[1e154]])).toBeUndefined();
  expect(workload([[1e155]], [[1e154]])).toBe(workloadHours([1e155], [1e154]));
  expect(workload([[1e155]], [[1e154]]) / 1e307).toBeCloseTo(10 / 6, 12);
});

/** workloadHours as it was before its checks were fused into one pass. */
function workloadBefore(volumes: ArrayLike<number>, normMinutes: ArrayLike<number>): number {
  checkNonNegativeAll(volumes, 'volumes');
  let minutes = 0;
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i];
    const m = normMinutes[i];
    if (m >= 0 && m < Infinity) minutes += v * m;
    else if (Number.isNaN(m)) {
      if (v !== 0) throw new CalcError('blankNorm', { argument: 'normMinutes', row: i + 1, volume: v });
    } else if (m < 0)
      throw new CalcError('negativeValue', { argument: 'normMinutes', row: i + 1, received: String(m) });
    else throw new CalcError('notFinite', { argument: 'normMinutes', row: i + 1, received: String(m) });
  }
  return minutes / 60;
}

test('workloadHours in one pass: the same sum, and the same first error, as the ordered checks', () => {
  const num = fc.oneof(
    { weight: 8, arbitrary: fc.double({ min: 0, max: 1000, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(-1, NaN, Infinity, 0) },
  );
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 30 })
        .chain((n) =>
          fc.tuple(
            fc.array(num, { minLength: n, maxLength: n }),
            fc.array(num, { minLength: n, maxLength: n }),
          ),
        ),
      ([v, m]) => {
        expect(outcome(() => workloadHours(v, m))).toEqual(outcome(() => workloadBefore(v, m)));
      },
    ),
  );
});

test('IND.WORKLOAD: the adapter equals the core on the coerced columns, for clean and odd input', () => {
  const thrown = (f: () => unknown): string | number => {
    try {
      return f() as number;
    } catch (e) {
      return e instanceof CalcError ? `${e.messageIn('nl')}|${e.messageIn('en')}` : (e as Error).message;
    }
  };
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(column(n), column(n))),
      ([a, b]) => {
        const viaAdapter = thrown(() => workload(a, b));
        const viaCore = thrown(() =>
          workloadHours(toNumberColumn(a, 'volumes'), toNumberColumn(b, 'normMinutes', { blank: 'nan' })),
        );
        if (typeof viaCore === 'number') expect(viaAdapter).toBe(viaCore);
        // An Excel error value in a range comes back as that error; otherwise the core's message.
        else if (typeof viaAdapter === 'string' && viaAdapter !== '')
          expect(viaCore.split('|')).toContain(viaAdapter);
      },
    ),
  );
});

test('IND.SCENARIO shares one row array per label: the same labels as the core, row by row', () => {
  const hours = Array.from({ length: 500 }, (_, i) => 70000 + ((i * 7919) % 40000));
  const out = scenario(hours.map((h) => [h]));
  expect(out.map((r) => r[0])).toEqual(classifyScenarios(hours).map((l) => scenarioLabelText(l, 'nl')));
});

test('the scalar hot paths: toNumber and toBoolean give what the full coercion gives', () => {
  expect(toNumber(5, 'x')).toBe(5);
  expect(toNumber(null, 'x', 7)).toBe(7);
  expect(toNumber([[3]], 'x')).toBe(3);
  expect(outcome(() => toNumber(-1, 'x', undefined, 'nonNegative'))).toMatch(/^negativeValue/);
  expect(outcome(() => toNumber(NaN, 'x'))).toMatch(/^notFinite/);
  expect(outcome(() => toNumber('12,5', 'x'))).toMatch(/^notANumber/);
  expect(toBoolean(false, 'g', true)).toBe(false);
  expect(toBoolean(null, 'g', true)).toBe(true);
  expect(toBoolean('ONWAAR', 'g', true)).toBe(false);
});

test('the bench references compute the same workload as the core (so their speed is comparable)', async () => {
  const { plainCheckedWorkload, float64Dot } = await import('../../bench/functions.bench');
  const v = [3, 0, 12, 7];
  const m = [60, 600, 45.5, 10];
  const expected = workloadHours(v, m);
  expect(
    plainCheckedWorkload(
      v.map((x) => [x]),
      m.map((x) => [x]),
    ),
  ).toBeCloseTo(expected, 12);
  expect(float64Dot(Float64Array.from(v), Float64Array.from(m)) / 60).toBeCloseTo(expected, 12);
  expect(plainCheckedWorkload([[1]], [['x' as unknown as number]])).toBeNaN();
});
