/**
 * Budget reconciliation (*nacalculatie*, *verschillenanalyse*): budget against realisation per
 * product, decomposed along the flexible-budget waterfall
 *
 *   static budget → (volume) → (mix) → flexed budget → (price/rate) → (efficiency) → actual
 *   → (other / unallocated) → ledger total.
 *
 * Per product i, with budget volume Vbᵢ, price Pbᵢ and norm hours per case nᵢ = normMinutes / 60,
 * actual volume Vaᵢ, costs Caᵢ and direct hours Haᵢ, totals Vb = Σ Vbᵢ and Va = Σ Vaᵢ, the
 * budget mix mᵢ = Vbᵢ / Vb and the budget rate per norm hour rᵢ = Pbᵢ / nᵢ:
 *
 * - static budget   Bᵢ = Vbᵢ × Pbᵢ
 * - volume          (Va × mᵢ − Vbᵢ) × Pbᵢ      (total volume change at budget mix and price)
 * - mix             (Vaᵢ − Va × mᵢ) × Pbᵢ      (shift between products at budget price)
 * - flexed budget   Fᵢ = Vaᵢ × Pbᵢ             (actual volume at budget price)
 * - efficiency      (Haᵢ − Vaᵢ × nᵢ) × rᵢ      (hours above the norm hours for the actual volume)
 * - price/rate      Caᵢ − Haᵢ × rᵢ             (actual cost per hour against the budget rate)
 * - actual          Aᵢ = Caᵢ
 *
 * so Bᵢ + volume + mix = Fᵢ and Fᵢ + efficiency + price/rate = Aᵢ exactly: the steps add up. With
 * no budget volume at all (Vb = 0) the mix is undefined; then the whole volume change is volume
 * variance and the mix is 0. The "other / unallocated" row is ledger − Σ Aᵢ, so that the total
 * ties out to the ledger total the user enters.
 */
import { CalcError } from '../errors';
import { checkFraction, isBlank, isBlankRow, readCellNumber } from '../input';
import { findColumn, findOptionalColumn, readCode, type Cell } from './cells';

/** A required number ≥ 0 from a table cell (`blankValue`, `notANumber`, `negativeValue`, …). */
function readNumber(cell: Cell, place: { argument: string; row?: number }): number {
  return readCellNumber(cell, place, { sign: 'nonNegative' });
}

/** One product of the budget. */
export interface BudgetRow {
  code: string;
  name: string;
  volume: number;
  /** Budget price (cost price) per case, euros. */
  price: number;
  /** Norm minutes per case. */
  normMinutes: number;
}

/** One product of the realisation. */
export interface ActualRow {
  code: string;
  volume: number;
  /** Actual costs (or realised price × volume), euros. */
  costs: number;
  /** Direct hours recorded on the product. */
  hours: number;
}

/** Accepted headers of the budget table (first = the name used on the sheet and in messages). */
export const BUDGET_HEADERS = {
  code: ['Product', 'Code', 'Productcode', 'Product code'],
  name: ['Omschrijving', 'Naam', 'Description', 'Name'],
  volume: ['Volume', 'Aantal', 'Cases'],
  price: ['Prijs', 'Kostprijs', 'Price', 'Cost price'],
  normMinutes: ['Normminuten', 'Normtijd', 'Norm minutes'],
  hours: ['Uren', 'Normuren', 'Hours', 'Norm hours'],
} as const;

/** Accepted headers of the realisation table. */
export const ACTUAL_HEADERS = {
  code: ['Product', 'Code', 'Productcode', 'Product code'],
  volume: ['Volume', 'Aantal', 'Cases'],
  costs: ['Kosten', 'Werkelijke kosten', 'Costs', 'Actual costs'],
  price: ['Prijs', 'Werkelijke prijs', 'Price', 'Actual price'],
  hours: ['Uren', 'Directe uren', 'Hours', 'Direct hours'],
} as const;

/**
 * Parses the budget table: product, volume, price and either norm minutes or budget hours (then
 * norm minutes = hours × 60 / volume). Rows are 1-based under the header.
 * @throws CalcError for a missing column, blank code, duplicate code, text, blank or negative
 *   number, or a missing norm.
 */
export function parseBudgetTable(cells: readonly (readonly Cell[])[], table = 'Begroting'): BudgetRow[] {
  if (cells.length < 2) throw new CalcError('fundingEmptyTable', { argument: table });
  const h = cells[0];
  const c = {
    code: findColumn(h, BUDGET_HEADERS.code, table),
    name: findOptionalColumn(h, BUDGET_HEADERS.name),
    volume: findColumn(h, BUDGET_HEADERS.volume, table),
    price: findColumn(h, BUDGET_HEADERS.price, table),
    normMinutes: findOptionalColumn(h, BUDGET_HEADERS.normMinutes),
    hours: findOptionalColumn(h, BUDGET_HEADERS.hours),
  };
  if (c.normMinutes < 0 && c.hours < 0) findColumn(h, BUDGET_HEADERS.normMinutes, table);
  const rows: BudgetRow[] = [];
  const seen = new Map<string, number>();
  cells.slice(1).forEach((r, i) => {
    const row = i + 1;
    if (isBlankRow(r)) return;
    const code = uniqueCode(r[c.code], row, seen, `${table}: ${BUDGET_HEADERS.code[0]}`);
    const volume = readNumber(r[c.volume], { argument: `${table}: ${BUDGET_HEADERS.volume[0]}`, row });
    const price = readNumber(r[c.price], { argument: `${table}: ${BUDGET_HEADERS.price[0]}`, row });
    let normMinutes: number;
    if (c.normMinutes >= 0) {
      const cell = r[c.normMinutes];
      if (isBlank(cell) || cell === 0)
        throw new CalcError('fundingMissingNorm', {
          row,
          product: code,
          received: isBlank(cell) ? '' : String(cell),
        });
      normMinutes = readNumber(cell, { argument: `${table}: ${BUDGET_HEADERS.normMinutes[0]}`, row });
    } else {
      const hours = readNumber(r[c.hours], { argument: `${table}: ${BUDGET_HEADERS.hours[0]}`, row });
      if (!(volume > 0 && hours > 0))
        throw new CalcError('fundingMissingNorm', { row, product: code, received: String(hours) });
      normMinutes = (hours * 60) / volume;
    }
    const name = c.name >= 0 && !isBlank(r[c.name]) ? String(r[c.name]).trim() : '';
    rows.push({ code, name, volume, price, normMinutes });
  });
  if (rows.length === 0) throw new CalcError('fundingEmptyTable', { argument: table });
  return rows;
}

/**
 * Parses the realisation table: product, volume, costs (or price, then costs = price × volume)
 * and direct hours.
 * @throws CalcError as {@link parseBudgetTable}.
 */
export function parseActualTable(cells: readonly (readonly Cell[])[], table = 'Realisatie'): ActualRow[] {
  if (cells.length < 2) throw new CalcError('fundingEmptyTable', { argument: table });
  const h = cells[0];
  const c = {
    code: findColumn(h, ACTUAL_HEADERS.code, table),
    volume: findColumn(h, ACTUAL_HEADERS.volume, table),
    costs: findOptionalColumn(h, ACTUAL_HEADERS.costs),
    price: findOptionalColumn(h, ACTUAL_HEADERS.price),
    hours: findColumn(h, ACTUAL_HEADERS.hours, table),
  };
  if (c.costs < 0 && c.price < 0) findColumn(h, ACTUAL_HEADERS.costs, table);
  const rows: ActualRow[] = [];
  const seen = new Map<string, number>();
  cells.slice(1).forEach((r, i) => {
    const row = i + 1;
    if (isBlankRow(r)) return;
    const code = uniqueCode(r[c.code], row, seen, `${table}: ${ACTUAL_HEADERS.code[0]}`);
    const volume = readNumber(r[c.volume], { argument: `${table}: ${ACTUAL_HEADERS.volume[0]}`, row });
    const costs =
      c.costs >= 0
        ? readNumber(r[c.costs], { argument: `${table}: ${ACTUAL_HEADERS.costs[0]}`, row })
        : volume * readNumber(r[c.price], { argument: `${table}: ${ACTUAL_HEADERS.price[0]}`, row });
    const hours = readNumber(r[c.hours], { argument: `${table}: ${ACTUAL_HEADERS.hours[0]}`, row });
    rows.push({ code, volume, costs, hours });
  });
  if (rows.length === 0) throw new CalcError('fundingEmptyTable', { argument: table });
  return rows;
}

function uniqueCode(cell: Cell, row: number, seen: Map<string, number>, argument: string): string {
  const code = readCode(cell, { argument, row });
  const first = seen.get(code);
  if (first !== undefined)
    throw new CalcError('fundingDuplicateCode', { argument, row, received: code, firstRow: first });
  seen.set(code, row);
  return code;
}

/** A budget row and the realisation row with the same code. */
export interface MatchedProduct {
  budget: BudgetRow;
  actual: ActualRow;
}

/**
 * Pairs budget and realisation by product code, in budget order (the two-set comparison).
 * @throws CalcError `fundingCodeMismatch` listing the codes found only in one of the tables.
 */
export function matchProducts(budget: readonly BudgetRow[], actual: readonly ActualRow[]): MatchedProduct[] {
  const byCode = new Map(actual.map((a) => [a.code, a]));
  const budgetCodes = new Set(budget.map((b) => b.code));
  const onlyBudget = budget.filter((b) => !byCode.has(b.code)).map((b) => b.code);
  const onlyActual = actual.filter((a) => !budgetCodes.has(a.code)).map((a) => a.code);
  if (onlyBudget.length > 0 || onlyActual.length > 0) {
    throw new CalcError('fundingCodeMismatch', {
      onlyBudget: onlyBudget.join(', '),
      onlyActual: onlyActual.join(', '),
    });
  }
  return budget.map((b) => ({ budget: b, actual: byCode.get(b.code) as ActualRow }));
}

/** The waterfall of one product (or of the total). All euros, unrounded. */
export interface VarianceSteps {
  budget: number;
  volume: number;
  mix: number;
  flexed: number;
  price: number;
  efficiency: number;
  actual: number;
}

/** The variance kinds a user explains; `other` is the unallocated tie-out row. */
export type VarianceKind = 'volume' | 'mix' | 'price' | 'efficiency' | 'other';

/** The full decomposition. */
export interface Reconciliation {
  codes: string[];
  products: VarianceSteps[];
  total: VarianceSteps;
  /** ledger − Σ actual (0 without a ledger total). */
  other: number;
  /** The ledger total the user entered, if any. */
  ledger?: number;
}

/**
 * Decomposes budget against realisation per product and in total (see the module comment for
 * the formulas). Every step is unrounded; the steps of each row add up to actual − budget.
 */
export function decomposeVariance(matched: readonly MatchedProduct[], ledger?: number): Reconciliation {
  const vbTot = matched.reduce((a, m) => a + m.budget.volume, 0);
  const vaTot = matched.reduce((a, m) => a + m.actual.volume, 0);
  const products = matched.map(({ budget: b, actual: a }): VarianceSteps => {
    const n = b.normMinutes / 60;
    const rate = b.price / n;
    // Actual volume at budget mix: the flexed volume before the mix shift.
    const atBudgetMix = vbTot > 0 ? (vaTot * b.volume) / vbTot : a.volume;
    return {
      budget: b.volume * b.price,
      volume: (atBudgetMix - b.volume) * b.price,
      mix: (a.volume - atBudgetMix) * b.price,
      flexed: a.volume * b.price,
      efficiency: (a.hours - a.volume * n) * rate,
      price: a.costs - a.hours * rate,
      actual: a.costs,
    };
  });
  const sum = (k: keyof VarianceSteps): number => products.reduce((acc, p) => acc + p[k], 0);
  const total: VarianceSteps = {
    budget: sum('budget'),
    volume: sum('volume'),
    mix: sum('mix'),
    flexed: sum('flexed'),
    price: sum('price'),
    efficiency: sum('efficiency'),
    actual: sum('actual'),
  };
  const result: Reconciliation = {
    codes: matched.map((m) => m.budget.code),
    products,
    total,
    other: ledger === undefined ? 0 : ledger - total.actual,
  };
  if (ledger !== undefined) result.ledger = ledger;
  return result;
}

/** Materiality thresholds: either one selects a variance; a blank (undefined) one is not used. */
export interface Materiality {
  /** Absolute threshold in euros: |variance| ≥ euro. */
  euro?: number;
  /** Relative threshold as a fraction of the product's static budget: |variance| / |budget| ≥ percent. */
  percent?: number;
}

/** Reads the thresholds from cells (blank = not used). @throws CalcError `fundingBadThreshold` / ratio errors. */
export function readMateriality(euroCell: Cell, percentCell: Cell): Materiality {
  const m: Materiality = {};
  if (!isBlank(euroCell)) {
    try {
      m.euro = readNumber(euroCell, { argument: 'Drempel (€)' });
    } catch {
      throw new CalcError('fundingBadThreshold', { argument: 'Drempel (€)', received: String(euroCell) });
    }
  }
  if (!isBlank(percentCell))
    m.percent = checkFraction(readCellNumber(percentCell, { argument: 'Drempel (%)' }), 'Drempel (%)');
  return m;
}

/** True when `amount` needs an explanation under `m`, relative to `base` (a budget amount). */
export function isMaterial(amount: number, base: number, m: Materiality): boolean {
  const abs = Math.abs(amount);
  if (abs === 0) return false;
  if (m.euro !== undefined && abs >= m.euro) return true;
  return m.percent !== undefined && base !== 0 && abs / Math.abs(base) >= m.percent;
}

/** One variance that needs an explanation. */
export interface MaterialVariance {
  /** Product code, or '' for the other/unallocated row. */
  code: string;
  kind: VarianceKind;
  amount: number;
}

/**
 * Selects the variances that need an explanation: each product's volume, mix, price/rate and
 * efficiency step (relative base: that product's static budget) and the other/unallocated row
 * (relative base: the total static budget), in sheet order.
 */
export function selectMaterial(r: Reconciliation, m: Materiality): MaterialVariance[] {
  const kinds: Exclude<VarianceKind, 'other'>[] = ['volume', 'mix', 'price', 'efficiency'];
  const out: MaterialVariance[] = [];
  r.products.forEach((p, i) => {
    for (const kind of kinds) {
      if (isMaterial(p[kind], p.budget, m)) out.push({ code: r.codes[i], kind, amount: p[kind] });
    }
  });
  if (isMaterial(r.other, r.total.budget, m)) out.push({ code: '', kind: 'other', amount: r.other });
  return out;
}
