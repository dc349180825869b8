/** The parameter sets carry value, unit, basis and source, as the reference states them. */
import { MEASURED_2021, MODEL_2021, DIRECT_RATIO_MODEL, HOURS_PER_FTE } from '../../src/core/params';

test('the 2021 model defaults', () => {
  expect(HOURS_PER_FTE.value).toBe(36);
  expect(DIRECT_RATIO_MODEL.value).toBe(0.7473);
  const byKey = Object.fromEntries(MODEL_2021.map((p) => [p.key, p.value]));
  expect(byKey).toMatchObject({
    trainingShare: 0.019,
    coachingShare: 0.019,
    projectsShare: 0,
    weeksPerPeriod: 4,
    avgContractHours: 34.5,
    fixedShare: 0.13,
    bandLow: 76000,
    bandHigh: 93000,
  });
});

test('measured 2021: 57% gross, 81% net, 13.4% indirect, 29.6% absence; shares of gross add to 100%', () => {
  const byKey = Object.fromEntries(MEASURED_2021.map((p) => [p.key, p]));
  expect(byKey.directRatioGross.value).toBe(0.57);
  expect(byKey.directRatioGross.basis).toBe('gross');
  expect(byKey.directRatioNet.value).toBe(0.81);
  expect(byKey.directRatioNet.basis).toBe('net');
  expect(byKey.directRatioGross.value + byKey.indirectShare.value + byKey.absenceShare.value).toBeCloseTo(
    1,
    12,
  );
  // 81% net is 57 / (100 - 29.6), rounded.
  expect(Math.round((0.57 / (1 - 0.296)) * 100) / 100).toBe(byKey.directRatioNet.value);
});

test('every parameter has a unique key, a unit, labels and a source; ratios state their basis', () => {
  const all = [...MODEL_2021, ...MEASURED_2021];
  expect(new Set(all.map((p) => p.key)).size).toBe(all.length);
  for (const p of all) {
    expect(p.unit.length).toBeGreaterThan(0);
    expect(p.labelNl.length).toBeGreaterThan(0);
    expect(p.labelEn.length).toBeGreaterThan(0);
    expect(p.source.length).toBeGreaterThan(10);
    if (p.unit === 'fraction' && p.key !== 'fixedShare') expect(p.basis).toBeDefined();
  }
});
