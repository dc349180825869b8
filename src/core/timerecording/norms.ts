/**
 * Norm minutes per product from a workbook table, for the norm comparison. Accepts the
 * add-in's own norm table (`IND_Normtijden`: Code, Naam, Normminuten, Geldig vanaf, …) and
 * simple two-column tables (Product, Normtijd).
 */
import { CalcError } from '../errors';
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
 * @throws CalcError `trMissingColumn` when no product or norm column is found.
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
  if (normCol < 0)
    throw new CalcError('trMissingColumn', {
      argument: tableName,
      expected: 'Normminuten / Normtijd',
      received,
    });
  if (candidates.length === 0)
    throw new CalcError('trMissingColumn', {
      argument: tableName,
      expected: 'Product / Naam / Code',
      received,
    });
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
