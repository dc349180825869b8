/**
 * FTE needed (*benodigde fte*) for a workload, grossed up for unproductive time.
 */
import { DIRECT_RATIO_MODEL, HOURS_PER_FTE } from './params/model2021';
import { checkFinite, checkNonNegative, checkPositive, checkRatio } from './validate';

/** Options of {@link fteNeeded}; every one defaults to the 2021 model. */
export interface FteOptions {
  /** Weeks the hours cover (default 1; 4 for a period). */
  weeks?: number;
  /** Hours per fte per week (default 36). */
  hoursPerFte?: number;
  /** Direct-hour ratio, 0 < r ≤ 1 (default 0.7473). */
  directRatio?: number;
  /** Extra fte such as vacancies from turnover (default 0). */
  extraFte?: number;
  /**
   * True (default, as the review): extraFte is added before dividing by the ratio, so it is
   * grossed up too. False: it is added after, which gives fewer fte (≈45 in the review example).
   */
  grossUpExtra?: boolean;
}

/**
 * FTE needed = (hours / weeks / hoursPerFte + extraFte) / directRatio, or with
 * `grossUpExtra: false`, hours / weeks / hoursPerFte / directRatio + extraFte.
 *
 * Review example: `fteNeeded(83000, { weeks: 4, directRatio: 0.57, extraFte: 60 })` = 1,116.47… (the review, rounding each step, prints 1,116)
 *
 * @param hours - Handling hours (workload) over `weeks` weeks, ≥ 0.
 * @param opts - See {@link FteOptions}.
 * @returns FTE, unrounded.
 * @throws CalcError `negativeValue`, `notPositive`, `ratioAsPercent`, `ratioOutOfRange`, `notFinite`.
 */
export function fteNeeded(hours: number, opts: FteOptions = {}): number {
  const weeks = checkPositive(opts.weeks ?? 1, 'weeks');
  const hoursPerFte = checkPositive(opts.hoursPerFte ?? HOURS_PER_FTE.value, 'hoursPerFte');
  const ratio = checkRatio(
    checkFinite(opts.directRatio ?? DIRECT_RATIO_MODEL.value, 'directRatio'),
    'directRatio',
  );
  const extra = checkNonNegative(opts.extraFte ?? 0, 'extraFte');
  checkNonNegative(hours, 'hours');
  const base = hours / weeks / hoursPerFte;
  return (opts.grossUpExtra ?? true) ? (base + extra) / ratio : base / ratio + extra;
}
