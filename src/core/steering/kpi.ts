/**
 * The production plan against realisation on KPIs (*productieplan tegen realisatie*), per product
 * and period: cases received, cases decided, stock at the period's end, share decided within the
 * legal deadline and average lead time; production per fte against the norm. Variance =
 * realisation − plan (positive = more than planned). Year to date covers the completed periods.
 */
import { CalcError } from '../errors';
import { cellText } from '../funding/cells';
import { isBlank, readCellNumber } from '../input';
import { completedPeriods, periodOf, type Calendar, type DayNumber } from './calendar';
import type { DecidedResult, PeriodCounts, StockResult } from './caseImport';

/** Where a period stands at the peildatum. */
export type PeriodStatus = 'afgerond' | 'lopend' | 'toekomst';

/** The realisation of one product in one period (aggregates only). */
export interface KpiRealisation {
  product: string;
  period: number;
  label: string;
  status: PeriodStatus;
  received?: number;
  decided?: number;
  decidedWithinTerm?: number;
  leadDaysTotal?: number;
  /** Open cases at the period's end (at the peildatum for the current period). */
  stockEnd?: number;
}

/**
 * Realisation per product (in the order given) and period of the calendar. Without the decided
 * export only the current period's stock is known; the other figures stay undefined (blank).
 * Stock at the end of a completed period p = open cases received by then (stock export) + decided
 * cases received by then and decided after.
 */
export function buildRealisation(
  products: readonly string[],
  stock: StockResult,
  decided: DecidedResult | undefined,
  cal: Calendar,
): KpiRealisation[] {
  const peil = stock.peil;
  const current = periodOf(cal, peil);
  const done = completedPeriods(cal, peil);
  const zero = (): PeriodCounts => new Array<number>(15).fill(0);
  const out: KpiRealisation[] = [];
  for (const product of products) {
    const sr = stock.receivedByPeriod.get(product) ?? zero();
    const dr = decided?.received.get(product) ?? zero();
    const dd = decided?.decided.get(product) ?? zero();
    const dw = decided?.within.get(product) ?? zero();
    const dl = decided?.leadDays.get(product) ?? zero();
    const open = decided?.openDelta.get(product) ?? zero();
    let cumStock = sr[0];
    let cumOpen = 0;
    for (const p of cal.periods) {
      cumStock += sr[p.period];
      cumOpen += open[p.period];
      const status: PeriodStatus =
        p.period <= done ? 'afgerond' : p.period === current ? 'lopend' : 'toekomst';
      const row: KpiRealisation = { product, period: p.period, label: p.label, status };
      if (status !== 'toekomst' && decided) {
        row.received = sr[p.period] + dr[p.period];
        row.decided = dd[p.period];
        row.decidedWithinTerm = dw[p.period];
        row.leadDaysTotal = dl[p.period];
      }
      if (status === 'lopend') row.stockEnd = stock.products.get(product)?.count ?? 0;
      else if (status === 'afgerond' && decided) row.stockEnd = cumStock + cumOpen;
      out.push(row);
    }
  }
  return out;
}

/** The plan of one product in one period; a blank cell is undefined (no plan). */
export interface KpiPlan {
  product: string;
  period: number;
  received?: number;
  decided?: number;
  stockEnd?: number;
  /** Share decided within term, 0–1. */
  withinShare?: number;
  /** Average lead time in days. */
  leadDays?: number;
}

/** Headers of the plan table (`IND_Productieplan`), in order. */
export const PLAN_HEADERS = [
  'Product',
  'Periode',
  'Plan ontvangen',
  'Plan besloten',
  'Plan voorraad (einde periode)',
  'Plan binnen termijn (fractie)',
  'Plan doorlooptijd (dagen)',
] as const;

/**
 * Reads the plan table. Text in a number cell is refused naming the column and row.
 * @throws CalcError `notANumber`, `negativeValue`, `steerForecastPeriod`.
 */
export function readPlan(rows: readonly (readonly unknown[])[], cal: Calendar, table: string): KpiPlan[] {
  return rows
    .filter((r) => !r.every(isBlank))
    .map((r, i) => {
      const row = i + 1;
      const num = (k: number): number | undefined =>
        isBlank(r[k])
          ? undefined
          : readCellNumber(r[k], { argument: `${table} · ${PLAN_HEADERS[k]}`, row }, { sign: 'nonNegative' });
      const label = cellText(r[1]).trim();
      const p = cal.periods.find((x) => x.label === label || String(x.period) === label);
      if (!p)
        throw new CalcError('steerForecastPeriod', {
          argument: table,
          row,
          received: label,
          expected: cal.periods[0].label,
        });
      return {
        product: cellText(r[0]).trim(),
        period: p.period,
        received: num(2),
        decided: num(3),
        stockEnd: num(4),
        withinShare: num(5),
        leadDays: num(6),
      };
    });
}

/** The KPIs that can raise an action. */
export type KpiName = 'ontvangen' | 'besloten' | 'voorraad' | 'binnenTermijn' | 'doorlooptijd';

export const KPI_LABELS: Record<KpiName, { nl: string; en: string }> = {
  ontvangen: { nl: 'ontvangen', en: 'received' },
  besloten: { nl: 'besloten', en: 'decided' },
  voorraad: { nl: 'voorraad', en: 'stock' },
  binnenTermijn: { nl: 'binnen termijn', en: 'within term' },
  doorlooptijd: { nl: 'doorlooptijd', en: 'lead time' },
};

/** Year to date of one product: plan and realisation over the completed periods. */
export interface KpiYearToDate {
  product: string;
  periodsDone: number;
  plan: Partial<Record<KpiName, number>>;
  real: Partial<Record<KpiName, number>>;
}

function sum(xs: (number | undefined)[]): number | undefined {
  const v = xs.filter((x): x is number => x !== undefined);
  return v.length === 0 ? undefined : v.reduce((a, b) => a + b, 0);
}
function mean(xs: (number | undefined)[]): number | undefined {
  const v = xs.filter((x): x is number => x !== undefined);
  return v.length === 0 ? undefined : v.reduce((a, b) => a + b, 0) / v.length;
}

/**
 * Year to date per product: flows (received, decided) are sums over the completed periods; the
 * stock is the last completed period's; the share within term is Σ decided within term / Σ
 * decided, the lead time Σ lead days / Σ decided; planned shares and lead times are the mean of
 * the completed periods' plans. The same definitions as the KPI sheet's year-to-date block.
 */
export function yearToDate(
  products: readonly string[],
  real: readonly KpiRealisation[],
  plan: readonly KpiPlan[],
  periodsDone: number,
): KpiYearToDate[] {
  return products.map((product) => {
    const r = real.filter((x) => x.product === product && x.period <= periodsDone);
    const p = plan.filter((x) => x.product === product && x.period <= periodsDone);
    const last = (xs: { period: number; v?: number }[]) => xs.find((x) => x.period === periodsDone)?.v;
    const decided = sum(r.map((x) => x.decided));
    const within = sum(r.map((x) => x.decidedWithinTerm));
    const lead = sum(r.map((x) => x.leadDaysTotal));
    return {
      product,
      periodsDone,
      plan: {
        ontvangen: sum(p.map((x) => x.received)),
        besloten: sum(p.map((x) => x.decided)),
        voorraad: last(p.map((x) => ({ period: x.period, v: x.stockEnd }))),
        binnenTermijn: mean(p.map((x) => x.withinShare)),
        doorlooptijd: mean(p.map((x) => x.leadDays)),
      },
      real: {
        ontvangen: sum(r.map((x) => x.received)),
        besloten: decided,
        voorraad: last(r.map((x) => ({ period: x.period, v: x.stockEnd }))),
        binnenTermijn: decided ? (within ?? 0) / decided : undefined,
        doorlooptijd: decided ? (lead ?? 0) / decided : undefined,
      },
    };
  });
}

/** A KPI deviation at or above materiality. */
export interface MaterialKpi {
  product: string;
  kpi: KpiName;
  plan: number;
  real: number;
  /** real − plan. */
  variance: number;
}

/** KPIs whose |real − plan| ≥ materiality × |plan| (a plan of 0 with any deviation counts). */
export function materialKpis(ytd: readonly KpiYearToDate[], materiality: number): MaterialKpi[] {
  const out: MaterialKpi[] = [];
  for (const y of ytd) {
    for (const kpi of Object.keys(KPI_LABELS) as KpiName[]) {
      const plan = y.plan[kpi];
      const real = y.real[kpi];
      if (plan === undefined || real === undefined) continue;
      const variance = real - plan;
      if (variance !== 0 && Math.abs(variance) >= materiality * Math.abs(plan))
        out.push({ product: y.product, kpi, plan, real, variance });
    }
  }
  return out;
}

/** Decided cases per fte per period that the norm allows: weeks × hours × directRatio × 60 / norm minutes. */
export function normPerFte(
  normMinutes: number,
  p: { weeksPerPeriod: number; hoursPerFte: number; directRatio: number },
): number {
  return (p.weeksPerPeriod * p.hoursPerFte * p.directRatio * 60) / normMinutes;
}

/** The peildatum's place in the calendar. */
export function periodsAt(cal: Calendar, peil: DayNumber): { current: number; done: number } {
  return { current: periodOf(cal, peil), done: completedPeriods(cal, peil) };
}
