/**
 * Effectiveness (*effectiviteit*): earned norm hours per recorded direct hour.
 */
import { CalcError } from './errors';
import { checkNonNegativeAll } from './validate';
import { frexp, ldexp, NeumaierSums, SUM_SCALE_EXPONENT } from './numerics';
import { scaledWorkloadHours } from './workload';

/**
 * Effectiveness = earned norm hours (Σ volume × norm / 60) / Σ direct hours recorded.
 * 1.0 means exactly on norm; 0.8 means the cases took 25% longer than their norms.
 *
 * @param volumes - Cases completed per product, ≥ 0.
 * @param normMinutes - Norm minutes per product, same length; NaN = blank (only with volume 0).
 * @param directHours - Direct hours recorded (any length), ≥ 0, total > 0.
 * @returns The ratio, unrounded.
 * @throws CalcError as `workloadHours`, and `noDirectHours`, `negativeValue`.
 */
export function effectiveness(
  volumes: ArrayLike<number>,
  normMinutes: ArrayLike<number>,
  directHours: ArrayLike<number>,
): number {
  const earned = scaledWorkloadHours(volumes, normMinutes);
  checkNonNegativeAll(directHours, 'directHours');
  let direct = directSum(directHours, 1);
  let directExponent = 0;
  if (!Number.isFinite(direct)) {
    direct = directSum(directHours, 2 ** SUM_SCALE_EXPONENT);
    directExponent = SUM_SCALE_EXPONENT;
  }
  if (!(direct > 0)) throw new CalcError('noDirectHours', { argument: 'directHours' });
  if (earned.exponent === 0 && directExponent === 0) return earned.hours / direct;
  // Scaled parts: divide the mantissas and apply the exponent once, so that only a result that
  // is truly beyond the doubles overflows.
  const [me, ee] = frexp(earned.hours);
  const [md, ed] = frexp(direct);
  return ldexp(me / md, ee - ed + earned.exponent - directExponent);
}

/** The compensated (Neumaier) sum of the direct hours, each multiplied by `scale` (a power of two). */
function directSum(directHours: ArrayLike<number>, scale: number): number {
  const sums = new NeumaierSums(1);
  for (let i = 0; i < directHours.length; i++) sums.add(0, directHours[i] * scale);
  return sums.value(0);
}
