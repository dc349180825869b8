/**
 * Budget reconciliation (*nacalculatie*, *verschillenanalyse*): budget against realisation per
 * product, decomposed along the flexible-budget waterfall, in the steps a controller recognises:
 *
 *   static budget → V1 volume (quantity) → V2 mix → flexed budget → V4 productivity (direct-hour
 *   ratio) → V5 efficiency (norm time) → V6 price/rate → actual → V8 other / unallocated → ledger.
 *
 * The step formulas are those of `src/core/variance.ts` (one definition, shared with
 * IND.VARIANCE); the glossary (`src/core/figures/glossary.ts`) names and signs them. V4 needs
 * the realisation's paid hours (or its direct-hour ratio) and the budget's direct-hour ratio and
 * hourly cost; without them V4 is 0 and a change in the ratio stays in V6, as before. The steps of
 * each row add up to actual − budget exactly (in real arithmetic). The flexed budget comes in two
 * forms: all flexed (V9 = Σ actual volume × budget price), and by cost behaviour (V10: the fixed
 * share, EY 2020: 13%, not flexed), with their difference V11 = fixed share × (V1 + V2). The
 * "other / unallocated" row is ledger − Σ actual, so that the total ties out to the ledger.
 */
import { CalcError } from '../errors';
import { checkFraction, checkRatio, isBlank, isBlankRow, readCellNumber } from '../input';
import { FIXED_SHARE_EY } from '../params/model2021';
import { varianceSteps, type VarianceSteps } from '../variance';
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
  /** The budget's direct-hour ratio (gross), for the productivity step V4; undefined when not given. */
  directRatio?: number;
  /** The budget's cost of one paid hour (as in the cost price, incl. overhead), for V4. */
  hourlyCost?: number;
}

/** One product of the realisation. */
export interface ActualRow {
  code: string;
  volume: number;
  /** Actual costs (or realised price × volume), euros. */
  costs: number;
  /** Direct hours recorded on the product. */
  hours: number;
  /** Paid (gross) hours behind the direct hours, for V4; from the paid hours or the actual ratio. */
  paidHours?: number;
}

/** Accepted headers of the budget table (first = the name used on the sheet and in messages). */
export const BUDGET_HEADERS = {
  code: ['Product', 'Code', 'Productcode', 'Product code'],
  name: ['Omschrijving', 'Naam', 'Description', 'Name'],
  volume: ['Volume', 'Aantal', 'Cases'],
  price: ['Prijs', 'Kostprijs', 'Price', 'Cost price'],
  normMinutes: ['Normminuten', 'Normtijd', 'Norm minutes'],
  hours: ['Uren', 'Normuren', 'Hours', 'Norm hours'],
  directRatio: ['Directe-urenratio', 'Begrote directe-urenratio', 'Direct-hour ratio', 'Budget direct ratio'],
  hourlyCost: ['Uurkosten', 'Kosten per uur', 'Hourly cost', 'Cost per hour'],
} as const;

/** Accepted headers of the realisation table. */
export const ACTUAL_HEADERS = {
  code: ['Product', 'Code', 'Productcode', 'Product code'],
  volume: ['Volume', 'Aantal', 'Cases'],
  costs: ['Kosten', 'Werkelijke kosten', 'Costs', 'Actual costs'],
  price: ['Prijs', 'Werkelijke prijs', 'Price', 'Actual price'],
  hours: ['Uren', 'Directe uren', 'Hours', 'Direct hours'],
  paidHours: ['Betaalde uren', 'Bruto uren', 'Paid hours', 'Gross hours'],
  directRatio: [
    'Directe-urenratio',
    'Werkelijke directe-urenratio',
    'Direct-hour ratio',
    'Actual direct ratio',
  ],
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
    directRatio: findOptionalColumn(h, BUDGET_HEADERS.directRatio),
    hourlyCost: findOptionalColumn(h, BUDGET_HEADERS.hourlyCost),
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
    const row_: BudgetRow = { code, name, volume, price, normMinutes };
    const ratioArg = `${table}: ${BUDGET_HEADERS.directRatio[0]}`;
    if (c.directRatio >= 0 && !isBlank(r[c.directRatio]))
      row_.directRatio = checkRatio(
        readCellNumber(r[c.directRatio], { argument: ratioArg, row }),
        ratioArg,
        row,
      );
    if (c.hourlyCost >= 0 && !isBlank(r[c.hourlyCost]))
      row_.hourlyCost = readNumber(r[c.hourlyCost], {
        argument: `${table}: ${BUDGET_HEADERS.hourlyCost[0]}`,
        row,
      });
    rows.push(row_);
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
    paidHours: findOptionalColumn(h, ACTUAL_HEADERS.paidHours),
    directRatio: findOptionalColumn(h, ACTUAL_HEADERS.directRatio),
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
    const row_: ActualRow = { code, volume, costs, hours };
    // Paid hours as given, or from the actual direct-hour ratio: paid = direct / ratio.
    if (c.paidHours >= 0 && !isBlank(r[c.paidHours])) {
      row_.paidHours = readNumber(r[c.paidHours], {
        argument: `${table}: ${ACTUAL_HEADERS.paidHours[0]}`,
        row,
      });
    } else if (c.directRatio >= 0 && !isBlank(r[c.directRatio])) {
      const arg = `${table}: ${ACTUAL_HEADERS.directRatio[0]}`;
      row_.paidHours = hours / checkRatio(readCellNumber(r[c.directRatio], { argument: arg, row }), arg, row);
    }
    rows.push(row_);
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

/** The waterfall of one product (or of the total), see `src/core/variance.ts`. All euros, unrounded. */
export type { VarianceSteps } from '../variance';

/** The variance kinds a user explains; `other` is the unallocated tie-out row. */
export type VarianceKind = 'volume' | 'mix' | 'productivity' | 'efficiency' | 'price' | 'other';

/** The full decomposition. */
export interface Reconciliation {
  codes: string[];
  products: VarianceSteps[];
  total: VarianceSteps;
  /** V8 ledger − Σ actual (0 without a ledger total). */
  other: number;
  /** The ledger total the user entered, if any. */
  ledger?: number;
  /** The fixed share of the cost-behaviour flexed budget (EY 2020: 0.13). */
  fixedShare: number;
  /** V10 the flexed budget by cost behaviour: budget + (1 − fixed share) × (V1 + V2). */
  flexedCostBehaviour: number;
  /** V11 = V9 − V10 = fixed share × (V1 + V2): the volume effect on fixed costs. */
  fixedCostVolumeEffect: number;
  /** Whether every product had the data for the productivity step (V4). */
  productivityComplete: boolean;
}

/** Options of {@link decomposeVariance}. */
export interface DecomposeOptions {
  /** The fixed share for the cost-behaviour flexed budget, default EY's 0.13. */
  fixedShare?: number;
}

/**
 * Decomposes budget against realisation per product and in total (see the module comment and
 * `src/core/variance.ts` for the formulas). Every step is unrounded; the steps of each row add up
 * to actual − budget.
 * @throws CalcError `ratioAsPercent` / `fractionOutOfRange` for a fixed share outside [0, 1].
 */
export function decomposeVariance(
  matched: readonly MatchedProduct[],
  ledger?: number,
  opts: DecomposeOptions = {},
): Reconciliation {
  const fixedShare = checkFraction(opts.fixedShare ?? FIXED_SHARE_EY.value, 'Vast deel (kostengedrag)');
  const table = varianceSteps(
    matched.map(({ budget: b }) => ({
      volume: b.volume,
      price: b.price,
      normMinutes: b.normMinutes,
      directRatio: b.directRatio,
      hourlyCost: b.hourlyCost,
    })),
    matched.map(({ actual: a }) => ({
      volume: a.volume,
      costs: a.costs,
      directHours: a.hours,
      paidHours: a.paidHours,
    })),
  );
  const { total } = table;
  const result: Reconciliation = {
    codes: matched.map((m) => m.budget.code),
    products: table.products,
    total,
    other: ledger === undefined ? 0 : ledger - total.actual,
    fixedShare,
    flexedCostBehaviour: total.budget + (1 - fixedShare) * (total.volume + total.mix),
    fixedCostVolumeEffect: fixedShare * (total.volume + total.mix),
    productivityComplete: matched.every(
      ({ budget: b, actual: a }) =>
        a.paidHours !== undefined && b.directRatio !== undefined && b.hourlyCost !== undefined,
    ),
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
 * Selects the variances that need an explanation: each product's volume, mix, productivity,
 * efficiency and price/rate step (relative base: that product's static budget) and the
 * other/unallocated row (relative base: the total static budget), in sheet order.
 */
export function selectMaterial(r: Reconciliation, m: Materiality): MaterialVariance[] {
  const kinds: Exclude<VarianceKind, 'other'>[] = ['volume', 'mix', 'productivity', 'efficiency', 'price'];
  const out: MaterialVariance[] = [];
  r.products.forEach((p, i) => {
    for (const kind of kinds) {
      if (isMaterial(p[kind], p.budget, m)) out.push({ code: r.codes[i], kind, amount: p[kind] });
    }
  });
  if (isMaterial(r.other, r.total.budget, m)) out.push({ code: '', kind: 'other', amount: r.other });
  return out;
}
