/**
 * Norm minutes per product from a workbook table, for the norm comparison. Accepts the
 * add-in's own norm table (`IND_Normtijden`: Code, Naam, Normminuten, Geldig vanaf, …) and
 * simple two-column tables (Product, Normtijd).
 */
import { CalcError } from '../errors';
import { isFictitiousVersion } from '../norms/version';
import { parseDate, parseNumber } from './values';

/**
 * Picks the product column (Product, Naam or Code: the one whose values match most of the
 * imported products) and the norm column (first header containing "norm"), and returns norm
 * minutes per product. When a product has several rows (norm versions), the one with the
 * latest "Geldig vanaf" date wins, else the last row.
 *
 * @param headers - Table headers.
 * @param rows - Table rows.
 * @param products - Product names seen in the import (to choose the product column).
 * @param tableName - For messages.
 * @throws CalcError `trNormTableColumns` when the header has no product or no norm column.
 */
export function normsFromTable(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  products: readonly string[],
  tableName: string,
): Record<string, number> {
  const lower = headers.map((h) => h.trim().toLowerCase());
  const normCol = lower.findIndex((h) => h.includes('norm'));
  const candidates = lower
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => /product|naam|code|name/.test(h) && !h.includes('norm'))
    .map(({ i }) => i);
  const received = headers.map((h) => `"${h}"`).join(', ');
  // The wrong table is recognised by its header before any row is read.
  if (normCol < 0)
    throw new CalcError('trNormTableColumns', { argument: tableName, missing: 'norm', received });
  if (candidates.length === 0)
    throw new CalcError('trNormTableColumns', { argument: tableName, missing: 'product', received });
  const wanted = new Set(products.map((p) => p.trim().toLowerCase()));
  const text = (v: unknown): string =>
    typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
  let productCol = candidates[0];
  let best = -1;
  for (const c of candidates) {
    const hits = rows.filter((r) => wanted.has(text(r[c]).toLowerCase())).length;
    if (hits > best) {
      best = hits;
      productCol = c;
    }
  }
  const fromCol = lower.findIndex((h) => h.startsWith('geldig vanaf') || h === 'valid from');
  const out: Record<string, number> = {};
  const since: Record<string, number> = {};
  for (const r of rows) {
    const name = text(r[productCol]);
    const norm = parseNumber(r[normCol]);
    if (name === '' || !(norm > 0)) continue;
    const from = fromCol >= 0 ? parseDate(r[fromCol]) : NaN;
    const prev = since[name];
    if (prev === undefined || Number.isNaN(from) || Number.isNaN(prev) || from >= prev) {
      out[name] = norm;
      since[name] = from;
    }
  }
  return out;
}

/** How many of the export's products got a norm from the chosen table. */
export interface NormCoverage {
  /** Products of the export with a norm, in the export's order. */
  matched: string[];
  /** Products of the export without a norm. */
  missing: string[];
  total: number;
}

/** Which of `products` have a norm in `norms` (the analysis looks norms up by exact product name). */
export function normCoverage(
  norms: Readonly<Record<string, number>>,
  products: readonly string[],
): NormCoverage {
  const matched: string[] = [];
  const missing: string[] = [];
  for (const p of products) (Object.prototype.hasOwnProperty.call(norms, p) ? matched : missing).push(p);
  return { matched, missing, total: products.length };
}

/** Names listed in a message before "and n more". */
const MAX_LISTED = 5;

/**
 * Refuses a norm comparison whose norm codes do not match the export's products: when fewer than
 * half of the products get a norm (e.g. a table of codes such as S4 against an export of product
 * names such as "Spoor 4 (AA)"), writing would fill most rows with "no norm" and report success.
 * A coverage of half or more passes; the caller reports it ("5 of 6 products have a norm").
 *
 * @throws CalcError `trNormCodesMismatch` with the counts, the products without a norm and the
 *   table's codes.
 */
export function checkNormCoverage(
  coverage: NormCoverage,
  norms: Readonly<Record<string, number>>,
  tableName: string,
): NormCoverage {
  if (coverage.total === 0 || coverage.matched.length * 2 >= coverage.total) return coverage;
  const codes = Object.keys(norms);
  const quote = (xs: readonly string[]) =>
    xs
      .slice(0, MAX_LISTED)
      .map((x) => `"${x}"`)
      .join(', ');
  throw new CalcError('trNormCodesMismatch', {
    argument: tableName,
    matched: coverage.matched.length,
    total: coverage.total,
    missing: quote(coverage.missing),
    missingMore: Math.max(0, coverage.missing.length - MAX_LISTED),
    codes: codes.length > 0 ? quote(codes) : '—',
    codesMore: Math.max(0, codes.length - MAX_LISTED),
  });
}

/** The fictitious version labels ("fictief 2021") in the table's Versie column, if it has one. */
export function fictitiousNormLabels(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
): string[] {
  const col = headers.findIndex((h) => /^(versie|version)$/i.test(h.trim()));
  if (col < 0) return [];
  const out: string[] = [];
  for (const r of rows) {
    const v = typeof r[col] === 'string' ? r[col].trim() : '';
    if (v !== '' && isFictitiousVersion(v) && !out.includes(v)) out.push(v);
  }
  return out;
}
