/**
 * The funding model (*financieringsmodel*): from a product table to cost prices, output funding
 * (*outputbekostiging*), the lumpsum split, the floor (*ondergrens*) and total funding, for two
 * parameter sets side by side (the model's 74.73% direct hours against the measured 57%), with
 * the gap in euros and in fte stated as unused or missing capacity.
 *
 * Formulas follow `calculation-model.md` §3 and are kept unrounded; round only for display. The
 * cost price and the fte formula are the core's own (`costPrice.ts`, `fte.ts`), reused here.
 */
import { CalcError } from '../errors';
import { costPrice } from '../costPrice';
import {
  allowanceFte,
  capacityShortageEuro,
  capacityShortageFte,
  costPerFte,
  fteNeededFor,
  type StaffingInput,
} from '../figures/staffing';
import { checkFraction, checkNonNegative, checkPositive, checkRatio } from '../input';
import type { ProductRow } from './products';
import { splitLumpsumCents, type SplitCents } from './split';

/** One parameter set to compare, e.g. the 2021 model or the measured 2021 ratio. */
export interface ParameterSet {
  /** Shown as the column header, e.g. "Model 2021 (74,73%)". */
  label: string;
  /** *Directe uren*: direct hours / paid hours, gross basis. */
  directRatio: number;
}

/** Where the turnover allowance `extraFte` is added: the review's order (before dividing by the ratio) or after. */
export type ExtraFteMode = 'beforeRatio' | 'afterRatio';

/** Inputs of the funding model other than the product table. */
export interface FundingParams {
  /** Lumpsum for fixed costs before the split, euros. */
  lumpsum: number;
  /** Funding floor (*ondergrens*), euros; 0 for none. */
  floor: number;
  /** Funding cap (*plafond*), euros; undefined for none. Must not be below the floor. */
  cap?: number;
  /** Share of output-funded costs moved into the lumpsum (EY 2020: 0.13). */
  lumpsumShare: number;
  /** Weeks in the period the volumes cover (4 for a period, 52 for a year). */
  weeks: number;
  /** Hours per fte per week (36). */
  hoursPerFte: number;
  /** Allowance such as vacancies from turnover, fte. */
  extraFte: number;
  extraFteMode?: ExtraFteMode;
  /** Staff employed (*bezetting*) in fte; undefined when unknown. */
  staffFte?: number;
  /** Cost of one paid hour of the staff as a whole, for the capacity identity; undefined to skip it. */
  capacityHourlyCost?: number;
  /** Overhead surcharge on the capacity cost (fraction). */
  capacityOverheadRate?: number;
}

/** The result for one parameter set. */
export interface SetResult {
  label: string;
  directRatio: number;
  /** Per product: normMinutes / 60 × hourlyCost / directRatio × (1 + overheadRate). */
  costPrices: number[];
  /** Per product: volume × cost price. */
  productFunding: number[];
  /** Σ volume × price. */
  output: number;
  /** After the split: lumpsum + share × output. */
  lumpsumAfterSplit: number;
  /** After the split: (1 − share) × output. */
  outputAfterSplit: number;
  /** The split at the output edge, in whole cents by largest remainder (parts add up to the cent). */
  splitCents: SplitCents;
  /** lumpsum + output, before the floor and cap. */
  beforeFloor: number;
  /** What the floor adds: max(0, floor − beforeFloor). */
  floorTopUp: number;
  /** What the cap takes off (≥ 0). */
  capCut: number;
  /** min(cap, max(floor, lumpsum + output)). */
  total: number;
  /** Σ volume × normMinutes / 60. */
  workloadHours: number;
  /** S1 Fte the workload needs at this ratio, with the turnover allowance. */
  fteNeeded: number;
  /** S1 without the allowance. */
  fteNeededExclAllowance: number;
  /** S4 The allowance's part of `fteNeeded`. */
  allowanceFte: number;
  /** S5 fteNeeded − staff: positive = shortage (missing capacity), negative = overcapacity; undefined without staff. */
  shortageFte?: number;
  /** The capacity figures in euros, when the capacity hourly cost and staff are known. */
  capacity?: CapacityCosts;
}

/**
 * The capacity in euros. S7 (the shortage in euros) is S5 × S6; the cost-based identity
 * product costs + cost of the allowance − cost of staff = S7 holds when every product is costed
 * at the capacity rate, and each product that is not shows its difference.
 */
export interface CapacityCosts {
  /** S6 weeks × hoursPerFte × hourlyCost × (1 + overhead). */
  costPerFte: number;
  /** staff × S6. */
  staffCost: number;
  /** Σ volume × cost price (each product at its own rates). */
  productCosts: number;
  /** S4 × S6. */
  allowanceCost: number;
  /** S7 = S5 × S6: positive = shortage, negative = overcapacity (the sign of S5). */
  shortageEuro: number;
  /** productCosts + allowanceCost − staffCost − shortageEuro; 0 when the identity holds. */
  difference: number;
  /** Per product: cost at its own rates − cost at the capacity rate. Sums to `difference`. */
  productDifferences: number[];
}

/** Both sets and their gap (B − A). */
export interface FundingComparison {
  sets: [SetResult, SetResult];
  /** total(B) − total(A), euros. */
  gapEuro: number;
  /** output(B) − output(A), euros. */
  gapOutputEuro: number;
  /** S3 fteNeeded(B) − fteNeeded(A), both with the allowance. Positive = B needs more. */
  gapFte: number;
  /** S2 the same without the allowance. */
  gapFteExclAllowance: number;
}

/**
 * Total funding = min(cap, max(floor, lumpsum + output)). Checks floor ≤ cap.
 * @throws CalcError `fundingFloorAboveCap`.
 */
export function totalFunding(lumpsum: number, output: number, floor: number, cap?: number): number {
  checkFloorCap(floor, cap);
  const raised = Math.max(floor, lumpsum + output);
  return cap === undefined ? raised : Math.min(cap, raised);
}

/** @throws CalcError `fundingFloorAboveCap` when a cap is set below the floor. */
export function checkFloorCap(floor: number, cap?: number): void {
  if (cap !== undefined && floor > cap) throw new CalcError('fundingFloorAboveCap', { floor, cap });
}

/** Checks the scalar parameters, naming the field as the pane and the sheet show it. */
function validateParams(p: FundingParams, sets: readonly ParameterSet[]): void {
  const nonNeg: [string, number | undefined][] = [
    ['Lumpsum', p.lumpsum],
    ['Ondergrens', p.floor],
    ['Plafond', p.cap],
    ['Extra fte', p.extraFte],
    ['Bezetting (fte)', p.staffFte],
    ['Uurkosten capaciteit', p.capacityHourlyCost],
  ];
  for (const [argument, v] of nonNeg) if (v !== undefined) checkNonNegative(v, argument);
  checkPositive(p.weeks, 'Weken');
  checkPositive(p.hoursPerFte, 'Uren per fte');
  checkFraction(p.lumpsumShare, 'Lumpsum-aandeel');
  if (p.capacityOverheadRate !== undefined) checkNonNegative(p.capacityOverheadRate, 'Opslag capaciteit');
  for (const s of sets) checkRatio(s.directRatio, `Directe uren (${s.label})`);
  checkFloorCap(p.floor, p.cap);
}

/** Computes the funding model for one parameter set. Inputs must already be validated. */
function computeSet(products: readonly ProductRow[], p: FundingParams, set: ParameterSet): SetResult {
  const costPrices = products.map((x) =>
    costPrice(x.normMinutes, x.hourlyCost, set.directRatio, x.overheadRate),
  );
  const productFunding = products.map((x, i) => x.volume * costPrices[i]);
  const output = productFunding.reduce((a, b) => a + b, 0);
  const beforeFloor = p.lumpsum + output;
  const raised = Math.max(p.floor, beforeFloor);
  const total = p.cap === undefined ? raised : Math.min(p.cap, raised);
  const workloadHours = products.reduce((a, x) => a + (x.volume * x.normMinutes) / 60, 0);
  const staffing: StaffingInput = {
    workloadHours,
    weeks: p.weeks,
    hoursPerFte: p.hoursPerFte,
    extraFte: p.extraFte,
    grossUpExtra: (p.extraFteMode ?? 'beforeRatio') === 'beforeRatio',
  };
  const need = fteNeededFor(staffing, set.directRatio);
  const result: SetResult = {
    label: set.label,
    directRatio: set.directRatio,
    costPrices,
    productFunding,
    output,
    lumpsumAfterSplit: p.lumpsum + p.lumpsumShare * output,
    outputAfterSplit: (1 - p.lumpsumShare) * output,
    splitCents: splitLumpsumCents(p.lumpsum, productFunding, p.lumpsumShare),
    beforeFloor,
    floorTopUp: raised - beforeFloor,
    capCut: raised - total,
    total,
    workloadHours,
    fteNeeded: need,
    fteNeededExclAllowance: fteNeededFor(staffing, set.directRatio, false),
    allowanceFte: allowanceFte(staffing, set.directRatio),
  };
  if (p.staffFte !== undefined) result.shortageFte = capacityShortageFte(need, p.staffFte);
  if (p.staffFte !== undefined && p.capacityHourlyCost !== undefined) {
    const overhead = p.capacityOverheadRate ?? 0;
    const perFte = costPerFte(p.weeks, p.hoursPerFte, p.capacityHourlyCost, overhead);
    const ratePerDirectHour = (p.capacityHourlyCost / set.directRatio) * (1 + overhead);
    const staffCost = p.staffFte * perFte;
    const allowanceCost = result.allowanceFte * perFte;
    const shortageEuro = capacityShortageEuro(result.shortageFte as number, perFte);
    const productDifferences = products.map(
      (x, i) => productFunding[i] - ((x.volume * x.normMinutes) / 60) * ratePerDirectHour,
    );
    result.capacity = {
      costPerFte: perFte,
      staffCost,
      productCosts: output,
      allowanceCost,
      shortageEuro,
      difference: output + allowanceCost - staffCost - shortageEuro,
      productDifferences,
    };
  }
  return result;
}

/**
 * Computes the funding model for two parameter sets side by side and their gap (B − A).
 *
 * @example The review's staffing example (§4): one product of 8,300 cases × 600 minutes =
 * 83,000 hours per 4 weeks, 60 fte extra, ratios 0.7473 and 0.57 → 851.6 and 1,116.5 fte needed,
 * a gap of 264.9 fte (S3; 239.9 without the allowance, S2); with 1,050 fte employed, a shortage
 * of +66.5 fte (S5) at the measured ratio.
 * @throws CalcError for a parameter out of range (see the funding messages), including
 *   `fundingFloorAboveCap`.
 */
export function compareFunding(
  products: readonly ProductRow[],
  params: FundingParams,
  sets: readonly [ParameterSet, ParameterSet],
): FundingComparison {
  validateParams(params, sets);
  if (products.length === 0) throw new CalcError('fundingEmptyTable', { argument: 'Producttabel' });
  const a = computeSet(products, params, sets[0]);
  const b = computeSet(products, params, sets[1]);
  return {
    sets: [a, b],
    gapEuro: b.total - a.total,
    gapOutputEuro: b.output - a.output,
    gapFte: b.fteNeeded - a.fteNeeded,
    gapFteExclAllowance: b.fteNeededExclAllowance - a.fteNeededExclAllowance,
  };
}
