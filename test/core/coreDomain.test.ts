/** Domain checks of the core functions when called directly (task pane, CLI, other features). */
import { isCalcError } from '../../src/core/errors';
import {
  alignNormsByCode,
  backlogPath,
  budgetVariance,
  classifyScenarios,
  costPrice,
  directRatioOf,
  effectiveness,
  fteNeeded,
  fundingPath,
  lumpsumSplit,
  normVariance,
  outputFunding,
  parseHourKind,
  realisedMinutesPerCase,
  scenarioLabelText,
  totalFunding,
  trainingLoad,
  workloadHours,
} from '../../src/core';

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isCalcError(e)) return e.code;
    throw e;
  }
  throw new Error('expected a CalcError');
}

test('workloadHours: lengths, negatives, blank norms (NaN) only with volume 0', () => {
  expect(workloadHours([1, 2], [60, 30])).toBe(2);
  expect(code(() => workloadHours([1], [1, 2]))).toBe('lengthMismatch');
  expect(code(() => workloadHours([-1], [1]))).toBe('negativeValue');
  expect(code(() => workloadHours([1], [-1]))).toBe('negativeValue');
  expect(code(() => workloadHours([1], [NaN]))).toBe('blankNorm');
  expect(code(() => workloadHours([1], [Infinity]))).toBe('notFinite');
  expect(workloadHours([0], [NaN])).toBe(0);
});

test('alignNormsByCode: case-insensitive, duplicates, missing', () => {
  expect([...alignNormsByCode([1, 1], ['a', 'B'], [10, 20], ['b', 'A'])]).toEqual([20, 10]);
  expect(code(() => alignNormsByCode([1], ['a'], [1, 2], ['A', 'a']))).toBe('duplicateNormCode');
  expect(code(() => alignNormsByCode([1], ['x'], [1], ['a']))).toBe('missingNormCode');
});

test('fteNeeded: weeks and hoursPerFte must be positive', () => {
  expect(code(() => fteNeeded(1, { weeks: 0 }))).toBe('notPositive');
  expect(code(() => fteNeeded(1, { hoursPerFte: -36 }))).toBe('notPositive');
  expect(code(() => fteNeeded(-1))).toBe('negativeValue');
});

test('directRatioOf: measured 2021 gives 0.57 gross and 0.81 net', () => {
  expect(directRatioOf([57, 13.4, 29.6], ['direct', 'indirect', 'absence'], 'gross')).toBeCloseTo(0.57, 12);
  expect(directRatioOf([57, 13.4, 29.6], ['direct', 'indirect', 'absence'], 'net')).toBeCloseTo(0.8097, 4);
  expect(parseHourKind(' Afwezig ')).toBe('absence');
  expect(parseHourKind('ziek')).toBeUndefined();
  expect(code(() => directRatioOf([1], ['absence'], 'net'))).toBe('noHours');
});

test('trainingLoad and costPrice', () => {
  expect(trainingLoad(36, 0, 1)).toBe(1);
  expect(code(() => trainingLoad(1, 1, 0))).toBe('notPositive');
  expect(costPrice(60, 100, 1, 0.5)).toBe(150);
  expect(code(() => costPrice(60, 100, 0))).toBe('ratioOutOfRange');
});

test('funding: blank prices only with volume 0; floor', () => {
  expect(outputFunding([0, 2], [NaN, 3])).toBe(6);
  expect(code(() => outputFunding([1], [NaN]))).toBe('blankPrice');
  expect(code(() => outputFunding([1], [-1]))).toBe('negativeValue');
  expect(totalFunding([1], [1], 0, 10)).toBe(10);
});

test('lumpsumSplit: exact cents; percent typed as number', () => {
  expect(lumpsumSplit(100, 0.13, 5)).toEqual({ lumpsum: 18, output: 87 });
  expect(lumpsumSplit(0.1, 0.5)).toEqual({ lumpsum: 0.05, output: 0.05 });
  expect(code(() => lumpsumSplit(100, 13))).toBe('ratioAsPercent');
});

test('fundingPath: confirmPeriods 3 waits two periods, then declines by at most maxDecline', () => {
  expect([...fundingPath([10, 5, 5, 5, 5], 1, { confirmPeriods: 3, maxDecline: 0.2 })]).toEqual([
    10, 10, 10, 8, 6.4,
  ]);
  // A rise in between resets the count.
  expect([...fundingPath([10, 5, 10, 5, 5], 1, { confirmPeriods: 2 })]).toEqual([10, 10, 10, 10, 5]);
  expect(code(() => fundingPath([1], 1, { confirmPeriods: 1.5 }))).toBe('notAWholeNumber');
  expect(fundingPath([], 1).length).toBe(0);
});

test('classifyScenarios: a long run relabels its first periods (hindsight); texts in nl and en', () => {
  const w = [94000, 94000, 94000, 94000];
  expect(classifyScenarios(w)).toEqual(['longPeak', 'longPeak', 'longPeak', 'longPeak']);
  expect(classifyScenarios(w.slice(0, 3))).toEqual(['shortPeak', 'shortPeak', 'shortPeak']);
  expect(classifyScenarios([103000.5])).toEqual(['longPeak']);
  expect(classifyScenarios([1, 2], { low: 2, high: 2 })).toEqual(['belowBand', 'normal']);
  expect(scenarioLabelText('longPeak', 'nl')).toBe('lange piek');
  expect(scenarioLabelText('belowBand', 'en')).toBe('below band');
  expect(code(() => classifyScenarios([1], { low: 5, high: 4 }))).toBe('invalidBand');
});

test('backlogPath: single capacity, per-period capacity, initial backlog', () => {
  expect([...backlogPath([5, 5, 0], 3, 1)]).toEqual([3, 5, 2]);
  expect(code(() => backlogPath([1, 2], [1]))).toBe('lengthMismatch');
  expect(code(() => backlogPath([1], -1))).toBe('negativeValue');
});

test('normVariance and realisedMinutesPerCase', () => {
  expect(realisedMinutesPerCase(10, 5)).toBe(120);
  expect(normVariance(10, 5, 100)).toBeCloseTo(0.2, 12);
  expect(code(() => normVariance(10, 0, 100))).toBe('zeroCasesWithHours');
  expect(code(() => normVariance(0, 0, 100))).toBe('noCasesNoHours');
  expect(code(() => normVariance(1, 1, 0))).toBe('notPositive');
});

test('effectiveness and budgetVariance', () => {
  expect(effectiveness([60], [60], [30, 30])).toBe(1);
  expect(code(() => effectiveness([1], [1], [0]))).toBe('noDirectHours');
  // One product: no mix, so volume (quantity) = volume incl. mix.
  expect(budgetVariance([10], [2], [12], [3])).toEqual({
    volumeInclMix: 4,
    volume: 4,
    mix: 0,
    price: 12,
    total: 16,
  });
  expect(budgetVariance([0], [NaN], [0], [NaN])).toEqual({
    volumeInclMix: 0,
    volume: 0,
    mix: 0,
    price: 0,
    total: 0,
  });
  expect(code(() => budgetVariance([1], [NaN], [1], [1]))).toBe('blankPrice');
  expect(code(() => budgetVariance([1], [1, 2], [1], [1]))).toBe('lengthMismatch');
});
