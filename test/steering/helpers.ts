/** Shared helpers of the steering tests: import the fixtures through the real aggregators. */
import {
  DecidedAggregator,
  readTableRecords,
  StockAggregator,
  type DecidedResult,
  type StockResult,
} from '../../src/core/steering';
import { CAL, DECIDED_HEADERS, DECIDED_ROWS, PEIL, STOCK_HEADERS, STOCK_ROWS, TERMS } from './fixtures';

/** The stock fixture (or other rows) through the StockAggregator; `ids` receives its case ids. */
export function importStock(
  rows: readonly (readonly unknown[])[] = STOCK_ROWS,
  headers: readonly string[] = STOCK_HEADERS,
  terms: ReadonlyMap<string, number> = TERMS,
  ids?: { map?: ReadonlyMap<string, number> },
): StockResult {
  let agg: StockAggregator | undefined;
  readTableRecords(headers, rows, (f, n) => {
    if (n === 1) agg = new StockAggregator(f, { file: 'voorraad.csv', peil: PEIL, calendar: CAL, terms });
    else agg!.add(f, n);
  });
  const result = agg!.result();
  if (ids) ids.map = agg!.caseIds;
  return result;
}

/** The decided fixture (or other rows) through the DecidedAggregator. */
export function importDecided(
  rows: readonly (readonly unknown[])[] = DECIDED_ROWS,
  headers: readonly string[] = DECIDED_HEADERS,
  stockIds?: ReadonlyMap<string, number>,
): DecidedResult {
  let agg: DecidedAggregator | undefined;
  readTableRecords(headers, rows, (f, n) => {
    if (n === 1)
      agg = new DecidedAggregator(
        f,
        { file: 'besloten.csv', peil: PEIL, calendar: CAL, terms: TERMS },
        stockIds ? { file: 'voorraad.csv', ids: stockIds } : undefined,
      );
    else agg!.add(f, n);
  });
  return agg!.result();
}
