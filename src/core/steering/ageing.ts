/**
 * Ageing of the stock against the legal deadline (*ouderdom van de voorraad*), the expected
 * number of cases that pass their deadline in the coming periods given the capacity, and the
 * penalty exposure (*dwangsomrisico*) now and at the end of each coming period. These are the
 * definitions the sheets' live formulas implement; tests evaluate the sheets against them.
 */
import { AGEING_BOUNDS, type PenaltySchedule } from '../params/steering';
import type { StockProfileRow, NoticeRow } from './caseImport';
import { penaltyUnchecked } from './penalty';

/** The five buckets, in order. */
export const BUCKETS = ['within', 'late1to14', 'late15to28', 'late29to42', 'lateOver42'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** Dutch and English labels of the buckets (also the texts the sheet's bucket column shows). */
export const BUCKET_LABELS: Record<Bucket, { nl: string; en: string }> = {
  within: { nl: 'binnen termijn', en: 'within term' },
  late1to14: { nl: '1–14 dagen te laat', en: '1–14 days late' },
  late15to28: { nl: '15–28 dagen te laat', en: '15–28 days late' },
  late29to42: { nl: '29–42 dagen te laat', en: '29–42 days late' },
  lateOver42: { nl: 'meer dan 42 dagen te laat', en: 'more than 42 days late' },
};

/** Days past the deadline (≤ 0 = within term) of a profile row under the product's term. */
export function daysLate(row: Pick<StockProfileRow, 'basis' | 'days'>, termDays: number): number {
  return row.basis === 'ontvangst' ? row.days - termDays : row.days;
}

/** The bucket of a number of days late: ≤ 0 within term; then 1–14, 15–28, 29–42, over 42. */
export function bucketOf(late: number): Bucket {
  if (late <= AGEING_BOUNDS[0]) return 'within';
  if (late <= AGEING_BOUNDS[1]) return 'late1to14';
  if (late <= AGEING_BOUNDS[2]) return 'late15to28';
  if (late <= AGEING_BOUNDS[3]) return 'late29to42';
  return 'lateOver42';
}

/** The ageing of one product. */
export interface ProductAgeing {
  product: string;
  stock: number;
  buckets: Record<Bucket, number>;
  /** buckets.within / stock; NaN for a product without stock. */
  shareWithinTerm: number;
}

/**
 * Ageing per product (in first-seen order of the profile) plus the total; the buckets add up to
 * the stock by construction.
 */
export function ageingByProduct(
  profile: readonly StockProfileRow[],
  terms: ReadonlyMap<string, number>,
): { products: ProductAgeing[]; total: ProductAgeing } {
  const by = new Map<string, ProductAgeing>();
  const empty = (product: string): ProductAgeing => ({
    product,
    stock: 0,
    buckets: { within: 0, late1to14: 0, late15to28: 0, late29to42: 0, lateOver42: 0 },
    shareWithinTerm: NaN,
  });
  const total = empty('');
  for (const r of profile) {
    let p = by.get(r.product);
    if (!p) by.set(r.product, (p = empty(r.product)));
    const b = bucketOf(daysLate(r, terms.get(r.product) as number));
    p.stock += r.count;
    p.buckets[b] += r.count;
    total.stock += r.count;
    total.buckets[b] += r.count;
  }
  const products = [...by.values()];
  for (const p of [...products, total]) p.shareWithinTerm = p.stock === 0 ? NaN : p.buckets.within / p.stock;
  return { products, total };
}

/**
 * Cases that pass their deadline undecided in each coming period, when the capacity decides the
 * cases with the earliest deadline first (late cases first): with L cases late now, d_k cases due
 * in period k, D_k = d_1 + … + d_k and C_k the capacity up to the end of period k, the cases due in
 * k still open at its end are min(d_k, max(0, L + D_k − C_k)).
 *
 * @param lateNow - Cases past their deadline at the peildatum.
 * @param due - Cases whose deadline falls in each coming period.
 * @param cumulativeCapacity - Cases the capacity decides from the peildatum to each period's end.
 */
export function expectedPassing(
  lateNow: number,
  due: readonly number[],
  cumulativeCapacity: readonly number[],
): number[] {
  const out: number[] = [];
  let cumDue = 0;
  due.forEach((d, k) => {
    cumDue += d;
    out.push(Math.min(d, Math.max(0, lateNow + cumDue - cumulativeCapacity[k])));
  });
  return out;
}

/** The assumptions for cases without a notice-of-default date. */
export interface NoticeAssumptions {
  /** Share of late cases that get a notice, 0–1. */
  shareWithNotice: number;
  /** Days from the passed deadline to the notice. */
  daysToNotice: number;
  /** Days from the notice until the penalty runs (Awb: two weeks). */
  startDays: number;
}

/**
 * Penalty exposure (€) of the stock `shiftDays` days after the peildatum (0 = now), if none of
 * these cases is decided by then (an upper bound for a later date):
 * - a case with a notice-of-default date: penalty(days since notice + shift − startDays);
 * - a case without one: shareWithNotice × penalty(days late + shift − daysToNotice − startDays).
 * Whole days; each case is capped by the schedule.
 */
export function exposure(
  profile: readonly StockProfileRow[],
  notices: readonly NoticeRow[],
  terms: ReadonlyMap<string, number>,
  schedule: PenaltySchedule,
  a: NoticeAssumptions,
  shiftDays = 0,
): { byProduct: Map<string, number>; total: number } {
  const byProduct = new Map<string, number>();
  let total = 0;
  const add = (p: string, x: number): void => {
    byProduct.set(p, (byProduct.get(p) ?? 0) + x);
    total += x;
  };
  for (const r of profile) {
    if (r.notice) continue;
    const late = daysLate(r, terms.get(r.product) as number) + shiftDays;
    add(
      r.product,
      r.count * a.shareWithNotice * penaltyUnchecked(late - a.daysToNotice - a.startDays, schedule),
    );
  }
  for (const r of notices)
    add(r.product, r.count * penaltyUnchecked(r.days + shiftDays - a.startDays, schedule));
  return { byProduct, total };
}

/**
 * Cases due in each coming period, per product, from the profile: the deadline of a row is
 * peil − daysLate; a case still within term (daysLate ≤ 0, so also one whose deadline is the
 * peildatum itself) passes it in the first coming period whose end is on or after the deadline.
 *
 * @param ends - Days after the peildatum at which each coming period ends (ascending).
 */
export function dueByPeriod(
  profile: readonly StockProfileRow[],
  terms: ReadonlyMap<string, number>,
  ends: readonly number[],
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of profile) {
    const until = -daysLate(r, terms.get(r.product) as number); // days from peil to the deadline
    if (until < 0) continue;
    const k = ends.findIndex((e) => until <= e);
    if (k < 0) continue;
    let arr = out.get(r.product);
    if (!arr) out.set(r.product, (arr = new Array<number>(ends.length).fill(0)));
    arr[k] += r.count;
  }
  return out;
}
