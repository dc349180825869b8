/**
 * Source labels of the "Gemeten A&B 2021" set (issue 8): the review gives 57% direct, 43% not
 * direct and 81% net, measured; the split of the 43% into 13.4% indirect and 29.6% absence is
 * derived (57 / 0.81 ≈ 70.4% of gross hours is net time, so absence ≈ 29.6 and indirect ≈ 13.4
 * points), and each label and source says which is which and how. Before, 13.4% and 29.6% were
 * labelled "(gemeten)" with the source "13,4% indirect" as if the review had measured them.
 */
import {
  ABSENCE_SHARE_MEASURED,
  DIRECT_RATIO_GROSS_MEASURED,
  DIRECT_RATIO_NET_MEASURED,
  INDIRECT_SHARE_MEASURED,
  MEASURED_2021,
  NOT_DIRECT_SHARE_MEASURED,
  TRAINING_SHARE_MODEL,
} from '../../src/core/params';

test('measured: 57% direct (gross), 43% not direct, 81% net, as the review gives them', () => {
  for (const p of [DIRECT_RATIO_GROSS_MEASURED, NOT_DIRECT_SHARE_MEASURED, DIRECT_RATIO_NET_MEASURED]) {
    expect({ key: p.key, provenance: p.provenance }).toEqual({ key: p.key, provenance: 'measured' });
    expect(p.labelNl).toContain('gemeten');
    expect(p.source).toContain('gemeten');
  }
  expect(NOT_DIRECT_SHARE_MEASURED.value).toBe(0.43);
  expect(DIRECT_RATIO_GROSS_MEASURED.value + NOT_DIRECT_SHARE_MEASURED.value).toBe(1);
});

test('derived: 13.4% indirect and 29.6% absence, labelled derived, with the derivation in the source', () => {
  for (const p of [INDIRECT_SHARE_MEASURED, ABSENCE_SHARE_MEASURED]) {
    expect({ key: p.key, provenance: p.provenance }).toEqual({ key: p.key, provenance: 'derived' });
    expect(p.labelNl).toContain('afgeleid');
    expect(p.labelNl).not.toContain('(gemeten)');
    expect(p.labelEn).toContain('derived');
    expect(p.source).toContain('57 / 0,81');
    expect(p.source).toMatch(/niet gemeten|not measured/);
  }
  // The derivation itself: net time = 57 / 0.81 of gross; absence = the rest; indirect = 43 − absence.
  const net = 0.57 / 0.81;
  expect(Number((1 - net).toFixed(3))).toBe(ABSENCE_SHARE_MEASURED.value);
  expect(Number((0.43 - ABSENCE_SHARE_MEASURED.value).toFixed(3))).toBe(INDIRECT_SHARE_MEASURED.value);
  expect(MEASURED_2021.map((p) => p.key)).toEqual([
    'directRatioGross',
    'notDirectShare',
    'directRatioNet',
    'indirectShare',
    'absenceShare',
  ]);
});

test("the model's 1.9% training is labelled as upkeep training of the staff themselves (opgeleid worden)", () => {
  expect(TRAINING_SHARE_MODEL.labelNl).toContain('opgeleid worden');
  expect(TRAINING_SHARE_MODEL.value).toBe(0.019);
});
