/**
 * Budget variance (*verschillenanalyse*) along the flexible budget, as ONE set of step formulas
 * used by `IND.VARIANCE` and by the reconciliation (*nacalculatie*) alike (glossary codes V0–V7,
 * `src/core/figures/glossary.ts`). Per product, with budget volume Vb, price Pb, norm hours per
 * case n, budget direct-hour ratio rb and budget cost per paid hour cb; actual volume Va, costs
 * Ca, direct hours Ha and paid hours Pa; totals ΣVb and ΣVa and the budget mix Vb / ΣVb:
 *
 * - V1 volume (quantity)  = (ΣVa × Vb / ΣVb − Vb) × Pb
 * - V2 mix                = (Va − ΣVa × Vb / ΣVb) × Pb
 * - V3 volume incl. mix   = (Va − Vb) × Pb = V1 + V2
 * - flexed budget         = Va × Pb
 * - V4 productivity       = (Pa − Ha / rb) × cb          (paid hours the direct hours did not need at the budget ratio)
 * - V5 efficiency         = (Ha − Va × n) × Pb / n       (direct hours above the norm hours)
 * - V6 price/rate         = Ca − Ha × Pb / n − V4        (what is left: the cost per hour)
 * - V7 price per case     = Ca − Va × Pb = V4 + V5 + V6  (without hours: all of it is price)
 * - V0 total              = Ca − Vb × Pb = V1 + V2 + V4 + V5 + V6
 *
 * With no budget volume at all (ΣVb = 0) the mix is undefined: the whole volume change is V1 and
 * V2 is 0. Without hours (IND.VARIANCE) V4 = V5 = 0 and V6 = V7. Without paid hours, a budget
 * ratio or a budget hourly cost, V4 = 0 and a change in the direct-hour ratio stays in V6.
 * Positive = realisation above budget. Nothing is rounded.
 */
import { CalcError } from './errors';
import { ldexp } from './numerics';
import { checkNonNegativeAll, checkSameLength } from './validate';

/** One product of the budget. */
export interface VarianceBudgetLine {
  volume: number;
  /** Budget price (cost price) per case. */
  price: number;
  /** Norm minutes per case; needed for V5 (efficiency). */
  normMinutes?: number;
  /** Budget direct-hour ratio (gross); needed for V4 (productivity). */
  directRatio?: number;
  /** Budget cost of one paid hour, as in the cost price (incl. overhead); needed for V4. */
  hourlyCost?: number;
}

/** One product of the realisation. */
export interface VarianceActualLine {
  volume: number;
  /** Actual costs (or actual price × volume). */
  costs: number;
  /** Direct hours recorded; needed for V5 and V4. */
  directHours?: number;
  /** Paid (gross) hours; needed for V4. */
  paidHours?: number;
}

/** The steps of one product (or of the total). Euros, unrounded. */
export interface VarianceSteps {
  /** Static budget Vb × Pb. */
  budget: number;
  /** V1 volume (quantity). */
  volume: number;
  /** V2 mix. */
  mix: number;
  /** V3 volume incl. mix = V1 + V2. */
  volumeInclMix: number;
  /** Flexed budget Va × Pb (all flexed, V9). */
  flexed: number;
  /** V4 productivity (direct-hour ratio). */
  productivity: number;
  /** V5 efficiency (norm time). */
  efficiency: number;
  /** V6 price/rate. */
  price: number;
  /** V7 price per case = V4 + V5 + V6. */
  pricePerCase: number;
  /** Actual costs Ca. */
  actual: number;
  /** V0 total = actual − budget. */
  total: number;
}

/** The keys of {@link VarianceSteps}, in sheet order. */
export const VARIANCE_STEP_KEYS: readonly (keyof VarianceSteps)[] = [
  'budget',
  'volume',
  'mix',
  'volumeInclMix',
  'flexed',
  'productivity',
  'efficiency',
  'price',
  'pricePerCase',
  'actual',
  'total',
];

/**
 * The steps of one product. `atBudgetMix` is ΣVa × Vb / ΣVb (or Va when ΣVb = 0).
 * Every formula of the module comment, in one place.
 */
export function productVarianceSteps(
  b: VarianceBudgetLine,
  a: VarianceActualLine,
  atBudgetMix: number,
): VarianceSteps {
  const budget = b.volume * b.price;
  const flexed = a.volume * b.price;
  const n = b.normMinutes === undefined ? NaN : b.normMinutes / 60;
  const hasHours = a.directHours !== undefined && n > 0;
  const efficiency = hasHours ? ((a.directHours as number) - a.volume * n) * (b.price / n) : 0;
  const hasProductivity =
    hasHours &&
    a.paidHours !== undefined &&
    b.directRatio !== undefined &&
    b.directRatio > 0 &&
    b.hourlyCost !== undefined;
  const productivity = hasProductivity
    ? ((a.paidHours as number) - (a.directHours as number) / (b.directRatio as number)) *
      (b.hourlyCost as number)
    : 0;
  const price = hasHours
    ? a.costs - (a.directHours as number) * (b.price / n) - productivity
    : a.costs - flexed - productivity;
  return {
    budget,
    volume: (atBudgetMix - b.volume) * b.price,
    mix: (a.volume - atBudgetMix) * b.price,
    volumeInclMix: (a.volume - b.volume) * b.price,
    flexed,
    productivity,
    efficiency,
    price,
    pricePerCase: a.costs - flexed,
    actual: a.costs,
    total: a.costs - budget,
  };
}

/** The steps per product and their totals. */
export interface VarianceTable {
  products: VarianceSteps[];
  total: VarianceSteps;
}

/**
 * The steps of every product (budget and realisation in the same order) and their sums. The
 * budget mix uses the total budget volume, so each product's volume and mix steps depend on all
 * products. Inputs must already be checked.
 */
export function varianceSteps(
  budget: readonly VarianceBudgetLine[],
  actual: readonly VarianceActualLine[],
): VarianceTable {
  let vbTot = 0;
  let vaTot = 0;
  for (let i = 0; i < budget.length; i++) {
    vbTot += budget[i].volume;
    vaTot += actual[i].volume;
  }
  // The budget mix as a share first (≤ 1), so that ΣVa × share cannot overflow where ΣVa × Vb would.
  const products = budget.map((b, i) =>
    productVarianceSteps(b, actual[i], vbTot > 0 ? vaTot * (b.volume / vbTot) : actual[i].volume),
  );
  const total = {} as VarianceSteps;
  for (const k of VARIANCE_STEP_KEYS) total[k] = products.reduce((acc, p) => acc + p[k], 0);
  return { products, total };
}

/** The variance split of IND.VARIANCE (no hours: V4 = V5 = 0, so price = V7). */
export interface BudgetVariance {
  /** V3 Σ (actualVol − budgetVol) × budgetPrice: the volume variance incl. mix. */
  volumeInclMix: number;
  /** V1 the volume (quantity) variance at the budget mix. */
  volume: number;
  /** V2 the mix variance. V1 + V2 = V3. */
  mix: number;
  /** V7 Σ (actualPrice − budgetPrice) × actualVol. */
  price: number;
  /** V0 Σ actualVol × actualPrice − Σ budgetVol × budgetPrice = V3 + price. */
  total: number;
}

/** Replaces a blank (NaN) price by 0 when no volume uses it, else names the row. */
function priceOrZero(p: number, usedBy: number, argument: string, row: number): number {
  if (!Number.isNaN(p)) return p;
  if (usedBy !== 0) throw new CalcError('blankPrice', { argument, row, volume: usedBy });
  return 0;
}

/**
 * Splits the difference between realisation and budget along the flexible budget, for prices
 * per case (IND.VARIANCE). Positive = more than budgeted.
 *
 * @param budgetVolumes - Budgeted cases per product, ≥ 0.
 * @param budgetPrices - Budgeted price per case, ≥ 0; NaN = blank (allowed when both volumes are 0).
 * @param actualVolumes - Realised cases, ≥ 0.
 * @param actualPrices - Realised price per case, ≥ 0; NaN = blank (allowed when both volumes are 0).
 * @returns V3 (volume incl. mix), V1 (volume), V2 (mix), the price variance and the total, unrounded.
 * @throws CalcError `lengthMismatch`, `negativeValue`, `blankPrice`, `notFinite`.
 */
export function budgetVariance(
  budgetVolumes: ArrayLike<number>,
  budgetPrices: ArrayLike<number>,
  actualVolumes: ArrayLike<number>,
  actualPrices: ArrayLike<number>,
): BudgetVariance {
  checkSameLength(budgetPrices, 'budgetPrices', budgetVolumes, 'budgetVolumes');
  checkSameLength(actualVolumes, 'actualVolumes', budgetVolumes, 'budgetVolumes');
  checkSameLength(actualPrices, 'actualPrices', budgetVolumes, 'budgetVolumes');
  checkNonNegativeAll(budgetVolumes, 'budgetVolumes');
  checkNonNegativeAll(actualVolumes, 'actualVolumes');
  const bPs: number[] = [];
  const aPs: number[] = [];
  for (let i = 0; i < budgetVolumes.length; i++) {
    const bV = budgetVolumes[i];
    const aV = actualVolumes[i];
    const used = bV !== 0 ? bV : aV;
    const bP = priceOrZero(budgetPrices[i], used, 'budgetPrices', i + 1);
    const aP = priceOrZero(actualPrices[i], used, 'actualPrices', i + 1);
    if (bP < 0)
      throw new CalcError('negativeValue', { argument: 'budgetPrices', row: i + 1, received: String(bP) });
    if (aP < 0)
      throw new CalcError('negativeValue', { argument: 'actualPrices', row: i + 1, received: String(aP) });
    bPs.push(bP);
    aPs.push(aP);
  }
  const plain = varianceSplit(budgetVolumes, bPs, actualVolumes, aPs, 0, 0);
  if ([plain.volumeInclMix, plain.volume, plain.mix, plain.price, plain.total].every(Number.isFinite))
    return plain;
  // A product overflowed (and ∞ − ∞ gave NaN) in some step. A step whose plain sum is finite had
  // no overflow and stays as it is; every other step is a volume times a price, so it is computed
  // again on volumes scaled by 2^−ev and prices by 2^−ep (ev, ep: the exponents of the largest
  // volume and price) and scaled back: only a variance truly beyond the doubles comes out infinite.
  const ev = exponentOfMax(budgetVolumes, actualVolumes);
  const ep = exponentOfMax(bPs, aPs);
  const scaled = varianceSplit(budgetVolumes, bPs, actualVolumes, aPs, -ev, -ep);
  const pick = (a: number, b: number): number => (Number.isFinite(a) ? a : ldexp(b, ev + ep));
  return {
    volumeInclMix: pick(plain.volumeInclMix, scaled.volumeInclMix),
    volume: pick(plain.volume, scaled.volume),
    mix: pick(plain.mix, scaled.mix),
    price: pick(plain.price, scaled.price),
    total: pick(plain.total, scaled.total),
  };
}

/** The binary exponent of the largest finite value of `a` and `b` (0 when all are 0). */
function exponentOfMax(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) if (a[i] > max) max = a[i];
  for (let i = 0; i < b.length; i++) if (b[i] > max) max = b[i];
  return max > 0 && Number.isFinite(max) ? Math.floor(Math.log2(max)) : 0;
}

/**
 * {@link budgetVariance} through {@link varianceSteps}, every volume multiplied by 2^volumeExp and
 * every price by 2^priceExp (exact, unless a value becomes subnormal).
 */
function varianceSplit(
  budgetVolumes: ArrayLike<number>,
  budgetPrices: readonly number[],
  actualVolumes: ArrayLike<number>,
  actualPrices: readonly number[],
  volumeExp: number,
  priceExp: number,
): BudgetVariance {
  const v = (x: number): number => (volumeExp === 0 ? x : ldexp(x, volumeExp));
  const p = (x: number): number => (priceExp === 0 ? x : ldexp(x, priceExp));
  const budget: VarianceBudgetLine[] = [];
  const actual: VarianceActualLine[] = [];
  for (let i = 0; i < budgetVolumes.length; i++) {
    const aV = v(actualVolumes[i]);
    budget.push({ volume: v(budgetVolumes[i]), price: p(budgetPrices[i]) });
    actual.push({ volume: aV, costs: aV * p(actualPrices[i]) });
  }
  const { total } = varianceSteps(budget, actual);
  return {
    volumeInclMix: total.volumeInclMix,
    volume: total.volume,
    mix: total.mix,
    price: total.pricePerCase,
    total: total.total,
  };
}
