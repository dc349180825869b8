/**
 * Case exports from a source (CSV stream, XLSX bytes or a workbook table) through the one row
 * adapter (`rows.ts`) into the aggregators. Pure: the view hands over `File.stream()` or bytes.
 */
import { CalcError } from '../errors';
import {
  DecidedAggregator,
  StockAggregator,
  type CaseImportOptions,
  type DecidedResult,
  type DecidedRole,
  type StockResult,
  type StockRole,
} from './caseImport';
import { readCsvRecords, readTableRecords, readXlsxRecords, type ReadOptions, type RecordSink } from './rows';

/** Where an export comes from. */
export type CaseSource =
  | { kind: 'csv'; open: () => ReadableStream<Uint8Array> }
  | { kind: 'xlsx'; bytes: Uint8Array }
  | { kind: 'table'; headers: readonly string[]; rows: readonly (readonly unknown[])[] };

/** Feeds every record of `source` to the sink made by `makeSink` (a fresh one per read attempt). */
async function feed(source: CaseSource, makeSink: () => RecordSink, read: ReadOptions): Promise<void> {
  if (source.kind === 'csv') await readCsvRecords(source.open, makeSink, read);
  else if (source.kind === 'xlsx') readXlsxRecords(source.bytes, makeSink(), read);
  else readTableRecords(source.headers, source.rows, makeSink());
}

/** Imports a stock export. @throws CalcError the aggregator's errors, `steerEmptyExport`. */
export async function importStockExport(
  source: CaseSource,
  opts: CaseImportOptions<StockRole>,
  read: ReadOptions = {},
): Promise<{ result: StockResult; ids: ReadonlyMap<string, number> }> {
  let agg: StockAggregator | undefined;
  await feed(
    source,
    () => {
      agg = undefined;
      return (fields, n) => {
        if (n === 1) agg = new StockAggregator(fields, opts);
        else agg?.add(fields, n);
      };
    },
    read,
  );
  if (!agg) throw new CalcError('steerEmptyExport', { file: opts.file });
  return { result: agg.result(), ids: agg.caseIds };
}

/** Imports an export of decided cases. `stockIds` refuses a case that is in both exports. */
export async function importDecidedExport(
  source: CaseSource,
  opts: CaseImportOptions<DecidedRole>,
  stockIds?: { file: string; ids: ReadonlyMap<string, number> },
  read: ReadOptions = {},
): Promise<DecidedResult> {
  let agg: DecidedAggregator | undefined;
  await feed(
    source,
    () => {
      agg = undefined;
      return (fields, n) => {
        if (n === 1) agg = new DecidedAggregator(fields, opts, stockIds);
        else agg?.add(fields, n);
      };
    },
    read,
  );
  if (!agg) throw new CalcError('steerEmptyExport', { file: opts.file });
  return agg.result();
}

/** The header of a source (for the column choices), read without importing the rows. */
export async function readSourceHeader(source: CaseSource): Promise<string[]> {
  if (source.kind === 'table') return source.headers.map(String);
  let header: string[] | undefined;
  const stop = new Error('header read');
  try {
    await feed(
      source,
      () => (fields, n) => {
        if (n === 1) {
          header = fields.map((f) => (typeof f === 'string' ? f.trim() : String(f as number)));
          throw stop;
        }
      },
      {},
    );
  } catch (e) {
    if (e !== stop) throw e;
  }
  if (!header) throw new CalcError('steerEmptyExport', { file: '' });
  return header;
}
