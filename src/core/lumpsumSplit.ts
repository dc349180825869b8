/**
 * Lumpsum split: move the fixed part of output-funded costs into the lumpsum (EY 2020).
 */
import { FIXED_SHARE_EY } from './params/model2021';
import { excelRound } from './round';
import { checkFinite, checkFraction, checkNonNegative } from './validate';

/** The two parts after the split. */
export interface LumpsumSplit {
  /** lumpsum′ = lumpsum + s·C. */
  lumpsum: number;
  /** output′ = (1 − s)·C. */
  output: number;
}

/**
 * Splits output-funded costs C: lumpsum′ = lumpsum + s·C, output′ = (1 − s)·C.
 *
 * Money is split in whole cents: C and the moved amount s·C are rounded to cents with Excel's
 * ROUND (half away from zero, `excelRound`) and the output part is what remains, so lumpsum′ + output′ = lumpsum + C in cents, the
 * Dinero-style guarantee that parts add up to the whole.
 *
 * @param outputCosts - C, the output-funded costs, ≥ 0.
 * @param fixedShare - s, share that is really fixed, 0 ≤ s ≤ 1 (default 0.13, EY).
 * @param lumpsum - Current lumpsum, ≥ 0 (default 0).
 * @returns Both parts.
 * @throws CalcError `negativeValue`, `ratioAsPercent`, `fractionOutOfRange`, `notFinite`.
 */
export function lumpsumSplit(
  outputCosts: number,
  fixedShare: number = FIXED_SHARE_EY.value,
  lumpsum = 0,
): LumpsumSplit {
  checkNonNegative(outputCosts, 'outputCosts');
  checkFraction(checkFinite(fixedShare, 'fixedShare'), 'fixedShare');
  checkNonNegative(lumpsum, 'lumpsum');
  // Excel's ROUND, half away from zero: ROUND(1,005; 2) = 1,01 where rounding 100.49999… the JavaScript way gives 100.
  const totalCents = excelRound(outputCosts, 2) * 100;
  if (!Number.isFinite(totalCents)) {
    // C above ~1.8e306: C × 100 overflows. A cent is then far below one unit in the last place
    // of C, so split C itself; the parts still add up to the whole.
    const moved = fixedShare * outputCosts;
    return { lumpsum: lumpsum + moved, output: outputCosts - moved };
  }
  const movedCents = excelRound(fixedShare * totalCents);
  // Sub-cent residue of C stays with the output part so that nothing is lost.
  const residue = outputCosts - totalCents / 100;
  return {
    lumpsum: lumpsum + movedCents / 100,
    output: (totalCents - movedCents) / 100 + residue,
  };
}
