/**
 * The review's worked example (domain reference §4) end to end through the core: 1,116 fte at
 * the measured ratio, 851 at the model ratio, a gap of 265, a factor of 1.311, and about 45 fte
 * less when the extra fte are added after the division.
 */
import { directCapacity, excelRound, fteNeeded, turnoverFte, headcountToFte } from '../../src/core';
import { DIRECT_RATIO_GROSS_MEASURED, DIRECT_RATIO_MODEL } from '../../src/core/params';

const hours = 83000;
const weeks = 4;
const measured = fteNeeded(hours, { weeks, directRatio: DIRECT_RATIO_GROSS_MEASURED.value, extraFte: 60 });
const model = fteNeeded(hours, { weeks, directRatio: DIRECT_RATIO_MODEL.value, extraFte: 60 });

test('1,116 fte at the measured 57%', () => {
  expect(measured).toBeCloseTo((83000 / 4 / 36 + 60) / 0.57, 10);
  expect(excelRound(measured)).toBe(1116);
});

test('851 fte at the model 74.73% when the review rounds 576.39 to 576 first; 852 unrounded', () => {
  expect(excelRound(model)).toBe(852);
  const stepwise = fteNeeded(excelRound(hours / weeks / 36) * 36 * weeks, {
    weeks,
    directRatio: 0.7473,
    extraFte: 60,
  });
  expect(excelRound(stepwise)).toBe(851);
});

test('the gap between model and reality is 265 fte, a factor 1.311', () => {
  expect(excelRound(measured - model)).toBe(265);
  expect(excelRound(measured / model, 3)).toBe(1.311);
});

test('shortage against 1,050 employed is 66 fte', () => {
  expect(excelRound(measured - 1050)).toBe(66);
});

test('adding extraFte after the ratio gives about 45 fte less', () => {
  const after = fteNeeded(hours, { weeks, directRatio: 0.57, extraFte: 60, grossUpExtra: false });
  expect(excelRound(measured - after)).toBe(45);
  expect(measured - after).toBeCloseTo(60 / 0.57 - 60, 10);
});

test('the review turnover 60 vs the correct 55.1', () => {
  expect(excelRound(turnoverFte(115), 1)).toBe(55.1);
  // The review's arithmetic inverts the ratio: 115/2 × 36/34.5.
  expect(excelRound((115 / 2) * (36 / 34.5))).toBe(60);
});

test('capacity of the measured fte at 57% covers the hours plus the extra fte', () => {
  expect(directCapacity(measured, { weeks, directRatio: 0.57 })).toBeCloseTo(hours + 60 * 36 * weeks, 6);
  expect(headcountToFte(1050, 36, 36)).toBe(1050);
});
