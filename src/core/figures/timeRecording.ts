/**
 * The time-recording figures of the glossary that are not the bridge itself: effectiveness on
 * normed hours (E1) and on all direct hours (E2) side by side. The arithmetic of effectiveness
 * is `effectiveness` (`src/core/effectiveness.ts`, the function behind IND.EFFECTIVENESS).
 */
import { effectiveness } from '../effectiveness';

/** E1 and E2 of one team, and the earned norm hours behind both. */
export interface TeamEffectivenessFigures {
  /** Σ cases × norm minutes / 60. */
  earnedHours: number;
  /** E1 earned / direct hours on products with a norm (IND.EFFECTIVENESS). */
  normed: number;
  /** E2 earned / all direct hours (hours without a norm earn nothing). */
  allDirect: number;
}

/**
 * E1 and E2 for one team.
 *
 * @param cases - Cases per product WITH a norm.
 * @param normMinutes - Norm minutes of those products.
 * @param directHours - Direct hours on those products (Σ > 0).
 * @param hoursWithoutNorm - E3: direct hours on the team's products without a norm, ≥ 0.
 * @example 13 earned hours on 10 normed hours and 3.7 hours without a norm: E1 = 1.30, E2 = 0.95.
 */
export function teamEffectiveness(
  cases: ArrayLike<number>,
  normMinutes: ArrayLike<number>,
  directHours: ArrayLike<number>,
  hoursWithoutNorm: number,
): TeamEffectivenessFigures {
  const normed = effectiveness(cases, normMinutes, directHours);
  let direct = 0;
  for (let i = 0; i < directHours.length; i++) direct += directHours[i];
  const earnedHours = normed * direct;
  return { earnedHours, normed, allDirect: earnedHours / (direct + hoursWithoutNorm) };
}
