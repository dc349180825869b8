/**
 * The product table of the funding model (*producttabel*): one row per product type with its
 * volume, norm time (*normtijd*), the cost of one paid hour and an overhead surcharge. Parsed
 * from worksheet cells (header row + data rows) with a clear message per bad cell.
 */
import { CalcError } from '../errors';
import { isBlank, isBlankRow, readCellNumber } from '../input';
import { findColumn, findOptionalColumn, readCode, type Cell } from './cells';

/** A required number ≥ 0 from a table cell (`blankValue`, `notANumber`, `negativeValue`, …). */
const amount = (cell: Cell, argument: string, row: number): number =>
  readCellNumber(cell, { argument, row }, { sign: 'nonNegative' });

/** One product type. */
export interface ProductRow {
  /** Product code, unique within the table, e.g. "A4" (spoor 4). */
  code: string;
  /** Description shown beside the code; may be empty. */
  name: string;
  /** Cases in the period. */
  volume: number;
  /** *Normtijd*: standard handling minutes per case. */
  normMinutes: number;
  /** Cost of one paid (gross) hour in euros. */
  hourlyCost: number;
  /** Overhead surcharge as a fraction (0.1 = +10%). */
  overheadRate: number;
}

/** Accepted headers per column (first = the name in messages and on the sheet). */
export const PRODUCT_HEADERS = {
  code: ['Code', 'Productcode', 'Product code', 'Product'],
  name: ['Omschrijving', 'Naam', 'Description', 'Name'],
  volume: ['Volume', 'Aantal', 'Zaken', 'Cases'],
  normMinutes: ['Normminuten', 'Normtijd', 'Norm minutes', 'Norm time'],
  hourlyCost: ['Uurkosten', 'Kosten per uur', 'Hourly cost', 'Uurtarief'],
  overheadRate: ['Opslag', 'Overhead', 'Overheadopslag', 'Overhead rate'],
} as const;

/**
 * Parses a product table from cells: the first row holds the headers (Dutch or English, in any
 * order), the rest are products. Blank rows are skipped; a blank overhead counts as 0 (the model
 * has no surcharge by default), every other blank is an error. Rows in messages are 1-based data
 * rows, i.e. the row under the header is row 1.
 *
 * @throws CalcError `fundingEmptyTable`, `fundingMissingColumn`, `fundingBlankCode`,
 *   `fundingDuplicateCode`, `blankValue`, `notANumber`, `negativeValue`, `fundingMissingNorm`.
 */
export function parseProductTable(cells: readonly (readonly Cell[])[], table = 'Producttabel'): ProductRow[] {
  if (cells.length < 2) throw new CalcError('fundingEmptyTable', { argument: table });
  const headers = cells[0];
  const col = {
    code: findColumn(headers, PRODUCT_HEADERS.code, table),
    name: findOptionalColumn(headers, PRODUCT_HEADERS.name),
    volume: findColumn(headers, PRODUCT_HEADERS.volume, table),
    normMinutes: findColumn(headers, PRODUCT_HEADERS.normMinutes, table),
    hourlyCost: findColumn(headers, PRODUCT_HEADERS.hourlyCost, table),
    overheadRate: findOptionalColumn(headers, PRODUCT_HEADERS.overheadRate),
  };
  const products: ProductRow[] = [];
  const seen = new Map<string, number>();
  cells.slice(1).forEach((r, i) => {
    const row = i + 1;
    if (isBlankRow(r)) return;
    const code = readCode(r[col.code], { argument: PRODUCT_HEADERS.code[0], row });
    const first = seen.get(code);
    if (first !== undefined) {
      throw new CalcError('fundingDuplicateCode', {
        argument: PRODUCT_HEADERS.code[0],
        row,
        received: code,
        firstRow: first,
      });
    }
    seen.set(code, row);
    const norm = r[col.normMinutes];
    if (isBlank(norm) || norm === 0) {
      throw new CalcError('fundingMissingNorm', {
        row,
        product: code,
        received: isBlank(norm) ? '' : String(norm),
      });
    }
    const overheadCell = col.overheadRate >= 0 ? r[col.overheadRate] : null;
    products.push({
      code,
      name: col.name >= 0 && !isBlank(r[col.name]) ? String(r[col.name]).trim() : '',
      volume: amount(r[col.volume], PRODUCT_HEADERS.volume[0], row),
      normMinutes: amount(norm, PRODUCT_HEADERS.normMinutes[0], row),
      hourlyCost: amount(r[col.hourlyCost], PRODUCT_HEADERS.hourlyCost[0], row),
      overheadRate: isBlank(overheadCell) ? 0 : amount(overheadCell, PRODUCT_HEADERS.overheadRate[0], row),
    });
  });
  if (products.length === 0) throw new CalcError('fundingEmptyTable', { argument: table });
  return products;
}
