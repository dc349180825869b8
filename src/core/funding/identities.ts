/**
 * The funding identities, checked in the pure core as the sheet checks them with live formulas:
 *
 * 1. total funding = lumpsum + Σ price × volume + floor top-up − cap cut;
 * 2. product costs + unused capacity = total cost of capacity.
 *
 * A check returns the breaks, each saying where it happens, instead of a bare true/false.
 */

/** Differences within half a cent are floating-point noise, not breaks. */
export const IDENTITY_TOLERANCE_EURO = 0.005;

/** One identity that does not hold. */
export interface IdentityBreak {
  identity: 'funding' | 'capacity';
  /** Where: 'total', or the product code whose row causes it. */
  where: string;
  /** Left side − right side, euros. */
  difference: number;
}

/** Inputs of identity 1, as found on the sheet or computed. */
export interface FundingIdentityInput {
  lumpsum: number;
  volumes: readonly number[];
  prices: readonly number[];
  floor: number;
  cap?: number;
  /** The total funding to check. */
  total: number;
}

/**
 * Checks total = lumpsum + Σ price × volume, with the floor and cap applied: the expected total
 * is min(cap, max(floor, lumpsum + Σ pᵢvᵢ)). Returns the break (at 'total') or nothing.
 */
export function checkFundingIdentity(x: FundingIdentityInput): IdentityBreak[] {
  const output = x.volumes.reduce((a, v, i) => a + v * x.prices[i], 0);
  const raised = Math.max(x.floor, x.lumpsum + output);
  const expected = x.cap === undefined ? raised : Math.min(x.cap, raised);
  const difference = x.total - expected;
  return Math.abs(difference) > IDENTITY_TOLERANCE_EURO
    ? [{ identity: 'funding', where: 'total', difference }]
    : [];
}

/** Inputs of identity 2. */
export interface CapacityIdentityInput {
  codes: readonly string[];
  /** Per product: product cost (volume × its cost price). */
  productCosts: readonly number[];
  /** Per product: norm hours (volume × norm minutes / 60). */
  normHours: readonly number[];
  staffFte: number;
  weeks: number;
  hoursPerFte: number;
  directRatio: number;
  capacityHourlyCost: number;
  capacityOverheadRate: number;
}

/**
 * Checks product costs + unused capacity = total cost, where the total cost is what the staff
 * cost and unused capacity is the direct hours not spent on norm work, at the capacity rate.
 * The identity breaks when a product is costed at other rates than the staff as a whole; each
 * such product is reported as a break of its own, so the user sees where it happens.
 */
export function checkCapacityIdentity(x: CapacityIdentityInput): IdentityBreak[] {
  const oh = 1 + x.capacityOverheadRate;
  const rate = (x.capacityHourlyCost / x.directRatio) * oh;
  const breaks: IdentityBreak[] = [];
  x.codes.forEach((code, i) => {
    const difference = x.productCosts[i] - x.normHours[i] * rate;
    if (Math.abs(difference) > IDENTITY_TOLERANCE_EURO)
      breaks.push({ identity: 'capacity', where: code, difference });
  });
  return breaks;
}
