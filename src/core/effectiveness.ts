/**
 * Effectiveness (*effectiviteit*): earned norm hours per recorded direct hour.
 */
import { CalcError } from './errors';
import { checkNonNegativeAll } from './validate';
import { workloadHours } from './workload';

/**
 * Effectiveness = earned norm hours (Σ volume × norm / 60) / Σ direct hours recorded.
 * 1.0 means exactly on norm; 0.8 means the cases took 25% longer than their norms.
 *
 * @param volumes - Cases completed per product, ≥ 0.
 * @param normMinutes - Norm minutes per product, same length; NaN = blank (only with volume 0).
 * @param directHours - Direct hours recorded (any length), ≥ 0, total > 0.
 * @returns The ratio, unrounded.
 * @throws CalcError as {@link workloadHours}, and `noDirectHours`, `negativeValue`.
 */
export function effectiveness(
  volumes: ArrayLike<number>,
  normMinutes: ArrayLike<number>,
  directHours: ArrayLike<number>,
): number {
  const earned = workloadHours(volumes, normMinutes);
  checkNonNegativeAll(directHours, 'directHours');
  let direct = 0;
  for (let i = 0; i < directHours.length; i++) direct += directHours[i];
  if (!(direct > 0)) throw new CalcError('noDirectHours', { argument: 'directHours' });
  return earned / direct;
}
