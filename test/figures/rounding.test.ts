/**
 * Rounding through Excel's ROUND everywhere (issue 8): half away from zero, with 1.005 as Excel
 * stores it. `Math.round(v * 100) / 100` gives −0.12 for −0.125 and 1 for 1.005 where ROUND gives
 * −0.13 and 1.01; it was used for the action table's amounts and for the lumpsum split.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { buildActionRows } from '../../src/core/funding';
import { lumpsumSplit as lumpsumSplitCore } from '../../src/core/lumpsumSplit';
import { excelRound } from '../../src/core/round';
import { lumpsumSplit } from '../../src/functions/lumpsumSplit.fn';

test('the action table records amounts with ROUND(amount; 2): −0,125 → −0,13 and 1,005 → 1,01', () => {
  expect(excelRound(-0.125, 2)).toBe(-0.13);
  expect(excelRound(1.005, 2)).toBe(1.01);
  const rows = buildActionRows(
    [],
    [
      { code: 'A', kind: 'price', amount: -0.125 },
      { code: 'B', kind: 'mix', amount: 1.005 },
      { code: '', kind: 'other', amount: 2.5 },
    ],
    '2026-T1',
  );
  expect(rows.map((r) => r.amount)).toEqual([-0.13, 1.01, 2.5]);
});

test('IND.LUMPSUMSPLIT(1,005; 0,5) = 0,51 / 0,495, as a ROUND-based formula gives', () => {
  // ROUND(1,005 × 100; 0) = 101 cents; ROUND(0,5 × 101; 0) = 51 moved; 1,005 − 0,51 stays.
  const [[lump, out]] = lumpsumSplit([[1.005]], 0.5, null) as number[][];
  expect(lump).toBe(0.51);
  expect(out).toBeCloseTo(0.495, 12); // the sub-cent residue of C stays with the output part
  const s = lumpsumSplitCore(1.005, 0.5, 0);
  expect(s.lumpsum).toBe(0.51);
  expect(s.output).toBeCloseTo(0.495, 12);
  // The parts always add up to the whole.
  expect(s.lumpsum + s.output).toBeCloseTo(1.005, 12);
  // ROUND(12,5 cents) = 13 and ROUND(0,5 × 13) = 7 moved, both half away from zero (Math.round: 6).
  expect(lumpsumSplitCore(0.125, 0.5, 0).lumpsum).toBe(0.07);
});

test('no Math.round(… * 100) / 100 left in the areas of issue 8', () => {
  const root = join(__dirname, '../..');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
    });
  const offenders = [
    'src/core/funding',
    'src/core/lumpsumSplit.ts',
    'src/core/figures',
    'src/taskpane/plans/funding',
    'src/taskpane/plans/timerecording',
  ]
    .flatMap((p) => (p.endsWith('.ts') ? [join(root, p)] : files(join(root, p))))
    .filter((p) => /Math\.round\(/.test(readFileSync(p, 'utf8')))
    .map((p) => relative(root, p));
  expect(offenders).toEqual([]);
});
