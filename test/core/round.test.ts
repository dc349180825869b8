/** excelRound against values Excel's ROUND returns (half away from zero, 15-digit cleanup). */
import { excelRound } from '../../src/core/round';

test.each([
  // [x, digits, Excel ROUND(x; digits)]
  [2.5, 0, 3],
  [-2.5, 0, -3],
  [0.5, 0, 1],
  [-0.5, 0, -1],
  [1.005, 2, 1.01],
  [-1.005, 2, -1.01],
  [2.675, 2, 2.68],
  [1116.4717348927877, 0, 1116],
  [851.5842217166987, 0, 852],
  [55.104166666666664, 1, 55.1],
  [1234.5, -2, 1200],
  [1250, -2, 1300],
  [-1250, -2, -1300],
  [0, 3, 0],
] as const)('ROUND(%p; %p) = %p', (x, d, expected) => {
  expect(excelRound(x, d)).toBe(expected);
});

test('Math.round differs on negative halves, which is why the helper exists', () => {
  expect(Math.round(-2.5)).toBe(-2);
  expect(excelRound(-2.5)).toBe(-3);
});

test('NaN and infinities pass through; fractional digits are refused', () => {
  expect(excelRound(NaN)).toBeNaN();
  expect(excelRound(Infinity)).toBe(Infinity);
  expect(() => excelRound(1, 0.5)).toThrow(RangeError);
});
