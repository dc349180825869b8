/**
 * The import pipeline the task pane (and the bench) uses: bytes → text → records → aggregate.
 *
 * CSV is read from a `ReadableStream<Uint8Array>` (the browser's `File.stream()`, or a Node
 * stream via `Readable.toWeb`) chunk by chunk with a streaming decoder, so memory stays bounded
 * by the aggregate, never by the file. Encoding: a byte-order mark decides it (UTF-8, or
 * UTF-16LE/BE as Excel's "Unicode text" writes it); without one the file is read as UTF-8, and
 * on the first byte that is not UTF-8 the import either restarts as Windows-1252 (the usual
 * encoding of Dutch Excel CSV exports; the result says so) when no other non-ASCII text came
 * before it, or stops with a message naming the byte and the line, because restarting would
 * corrupt the UTF-8 text already read. Text is never corrupted silently.
 *
 * Every physical line is accounted for: data rows (accepted or rejected) plus the lines that
 * hold no row (header, `sep=` line, blank lines, extra lines of records spanning several).
 */
import { CalcError, isCalcError } from '../errors';
import {
  byteSource,
  DATE1904_OFFSET,
  readXlsxTable,
  type BlobLike,
  type ByteSource,
  type XlsxReadOptions,
  type XlsxTableInfo,
} from '../xlsx';
import { Aggregator, type AggregateOptions, type AggregateResult } from './aggregate';
import { CsvTokenizer, UnterminatedQuote, type CsvRecord, type Delimiter, type LineCounts } from './csv';

/** Text encodings the import recognises. */
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Options of reading a CSV file (also without aggregating it). */
export interface CsvReadOptions {
  /** Fixed delimiter; sniffed from the header (or taken from a `sep=` line) when omitted. */
  delimiter?: Delimiter;
  /** Cancels the import; it then rejects with `trCancelled` and nothing is returned. */
  signal?: AbortSignal;
  /** Called after each chunk with the bytes read so far (for the progress bar). */
  onProgress?: (bytesRead: number) => void;
  /** File name for messages. */
  fileName?: string;
  /**
   * Awaited after each chunk, so the caller's event loop can run (paint the progress bar, handle
   * the Cancel click). A browser's `File.stream()` often has the next chunk ready at once, and a
   * loop of already-resolved reads would otherwise hold the page until the whole file is read.
   */
  yieldControl?: () => Promise<void>;
}

/** Options of a CSV import. */
export interface ImportOptions extends AggregateOptions, CsvReadOptions {}

/** How the physical lines (xlsx: rows) of the source were used; rows + `withoutRow` = `total`. */
export interface ImportLines {
  total: number;
  /** The header line, plus a `sep=` line when there was one. */
  header: number;
  /** Lines (rows) that held nothing. */
  blank: number;
  /** Extra lines of records that span several lines (quoted line breaks). */
  continuation: number;
  /** header + blank + continuation: the lines that are no data row. */
  withoutRow: number;
}

/** The aggregate plus what the import learned about the file itself. */
export interface ImportResult extends AggregateResult {
  source: 'csv' | 'xlsx' | 'table';
  encoding: TextEncodingName;
  bom: boolean;
  /** The delimiter used ('' for xlsx and tables). */
  delimiter: string;
  bytesRead: number;
  lines: ImportLines;
  /** Set when the file was not UTF-8 and was read again as Windows-1252: where UTF-8 failed (1-based). */
  encodingFallback?: { offset: number; line: number };
  /** xlsx only: the workbook's date system (1904: its date serials were shifted by 1462 days). */
  dateSystem?: 1900 | 1904;
}

/** What reading a CSV table learned about the file. */
export interface CsvTableInfo {
  encoding: TextEncodingName;
  bom: boolean;
  delimiter: string;
  bytesRead: number;
  lines: LineCounts;
  encodingFallback?: { offset: number; line: number };
}

/** Receives the header of a table (once) and then each data row. Return `false` from onHeader to stop. */
export interface TableSink {
  onHeader(headers: string[], delimiter: string): boolean | void;
  /** `rowNo` is the record number (the header is row 1); lines are physical, 1-based. */
  onRow(fields: string[], rowNo: number, firstLine: number, lastLine: number): void;
  /**
   * When given, called instead of `onRow` with the row as offsets into the decoded text (no
   * string per field; the record is reused, so it is valid only during the call).
   */
  onRecord?(record: CsvRecord, rowNo: number, firstLine: number, lastLine: number): void;
}

class NotUtf8 extends Error {
  constructor(
    readonly offset: number,
    readonly line: number,
  ) {
    super('not UTF-8');
  }
}

class Stop extends Error {}

/** Largest slice of bytes decoded and tokenized in one go. */
const SLICE = 256 * 1024;

function isDecodeError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'TypeError';
}

const ENCODING_LABEL: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

/**
 * Index of the first byte of the first invalid UTF-8 sequence in `b`, scanning from a sequence
 * boundary; `b.length - k` for an incomplete sequence of k bytes at the end; -1 when valid.
 */
export function utf8ErrorIndex(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) {
      // Fewer bytes left than the sequence needs: check those that are there.
      for (let k = 1; i + k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
      return i;
    }
    let cp = c & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const x = b[i + k];
      if ((x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Line breaks in bytes (ASCII CR, LF; CRLF once), continuing after a CR when `afterCr`. */
function lineBreaks(b: Uint8Array, end: number, afterCr: boolean): number {
  let n = 0;
  let prevCr = afterCr;
  for (let i = 0; i < end; i++) {
    const c = b[i];
    if (c === 13) {
      n++;
      prevCr = true;
    } else {
      if (c === 10 && !prevCr) n++;
      prevCr = false;
    }
  }
  return n;
}

/** Reads the first bytes of a stream to find a byte-order mark, without losing any. */
async function sniffBom(
  reader: ReadableStreamDefaultReader<Uint8Array>,
): Promise<{ first: Uint8Array[]; bom: TextEncodingName | undefined; bomLength: number; done: boolean }> {
  const first: Uint8Array[] = [];
  let have = 0;
  let done = false;
  while (have < 3) {
    const r = await reader.read();
    if (r.done) {
      done = true;
      break;
    }
    first.push(r.value);
    have += r.value.length;
  }
  const head = new Uint8Array(Math.min(have, 3));
  let k = 0;
  for (const c of first) for (let i = 0; i < c.length && k < head.length; i++) head[k++] = c[i];
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { first, bom: 'utf-8', bomLength: 3, done };
  if (head[0] === 0xff && head[1] === 0xfe) return { first, bom: 'utf-16le', bomLength: 2, done };
  if (head[0] === 0xfe && head[1] === 0xff) return { first, bom: 'utf-16be', bomLength: 2, done };
  return { first, bom: undefined, bomLength: 0, done };
}

/**
 * One pass over the file with one encoding (`undefined`: decided by the BOM, else UTF-8 that may
 * turn out not to be). Throws `NotUtf8` when UTF-8 without a BOM fails before other non-ASCII text.
 */
async function readPass(
  open: () => ReadableStream<Uint8Array>,
  forced: 'windows-1252' | undefined,
  opts: CsvReadOptions,
  sink: TableSink,
): Promise<CsvTableInfo> {
  const reader = open().getReader();
  let bytesRead = 0;
  let headerSeen = false;
  const onRecord = sink.onRecord?.bind(sink);
  const tokenizer = CsvTokenizer.withRecords((rec, recordNo, firstLine, lastLine) => {
    if (!headerSeen) {
      headerSeen = true;
      if (sink.onHeader(rec.fields(), tokenizer.delimiterInUse ?? ';') === false) throw new Stop();
      return;
    }
    if (onRecord) onRecord(rec, recordNo, firstLine, lastLine);
    else sink.onRow(rec.fields(), recordNo, firstLine, lastLine);
  }, opts.delimiter);
  const cancelled = (): CalcError => new CalcError('trCancelled', { received: String(bytesRead) });
  let encoding: TextEncodingName = forced ?? 'utf-8';
  let bom = false;
  try {
    const sniffed = await sniffBom(reader);
    if (!forced && sniffed.bom) {
      encoding = sniffed.bom;
      bom = true;
    }
    const strict = encoding !== 'windows-1252';
    // With a BOM the encoding is decided: a bad byte is an error, never a reason to guess.
    const mayFallBack = strict && !bom && encoding === 'utf-8';
    const decoder = new TextDecoder(encoding, { fatal: strict });
    let sawNonAscii = false;
    let prevTail: Uint8Array = new Uint8Array(0); // last bytes of the previous slice (for error positions)
    let prevEndsCr = false;
    const fail = (slice: Uint8Array | undefined, base: number): never => {
      // Where did decoding fail? Re-check the end of the previous slice plus this one.
      const joined = new Uint8Array(prevTail.length + (slice?.length ?? 0));
      joined.set(prevTail);
      if (slice) joined.set(slice, prevTail.length);
      let from = 0;
      while (from < joined.length && from < prevTail.length && (joined[from] & 0xc0) === 0x80) from++;
      let idx = encoding === 'utf-8' ? utf8ErrorIndex(joined.subarray(from)) : -1;
      idx = idx < 0 ? joined.length - 1 : idx + from;
      const offset = base - prevTail.length + idx + 1;
      const inSlice = idx - prevTail.length;
      const line =
        tokenizer.currentLine + (slice && inSlice > 0 ? lineBreaks(slice, inSlice, prevEndsCr) : 0);
      if (mayFallBack && !sawNonAscii) throw new NotUtf8(offset, line);
      throw new CalcError('trCsvEncoding', {
        argument: opts.fileName ?? '',
        encoding: ENCODING_LABEL[encoding],
        offset,
        line,
        bom: bom ? 1 : 0,
      });
    };
    const feed = (slice: Uint8Array | undefined, base: number): void => {
      let text: string;
      try {
        text = slice ? decoder.decode(slice, { stream: true }) : decoder.decode();
      } catch (e) {
        // By name, not instanceof: the decoder's TypeError may come from another realm (jsdom, workers).
        if (isDecodeError(e)) fail(slice, base);
        throw e;
      }
      if (!sawNonAscii && mayFallBack && /[^\x00-\x7f]/.test(text)) sawNonAscii = true;
      tokenizer.push(text);
      if (slice) {
        prevTail = slice.subarray(Math.max(0, slice.length - 4));
        prevEndsCr = slice[slice.length - 1] === 13;
      }
    };
    const chunks = sniffed.first;
    let skip = bom ? sniffed.bomLength : 0;
    const done = sniffed.done;
    for (let c = 0; ; c++) {
      if (opts.signal?.aborted) throw cancelled();
      let value: Uint8Array;
      if (c < chunks.length) value = chunks[c];
      else {
        if (done) break;
        const r = await reader.read();
        if (r.done) break;
        value = r.value;
      }
      // A source may hand over very large chunks; work in slices so progress, cancel and the
      // caller's event loop get a turn at least every SLICE bytes.
      for (let off = 0; off < value.length; off += SLICE) {
        if (off > 0 && opts.signal?.aborted) throw cancelled();
        let part = value.length <= SLICE ? value : value.subarray(off, off + SLICE);
        const base = bytesRead;
        bytesRead += part.length;
        if (skip > 0) {
          // The BOM is not text (TextDecoder would drop it, but only at the very start).
          const k = Math.min(skip, part.length);
          skip -= k;
          part = part.subarray(k);
          if (part.length === 0) continue;
          feed(part, base + k);
        } else feed(part, base);
        opts.onProgress?.(bytesRead);
        if (opts.yieldControl) await opts.yieldControl();
      }
      if (c >= chunks.length - 1 && done) break;
    }
    if (opts.signal?.aborted) throw cancelled();
    feed(undefined, bytesRead);
    tokenizer.end();
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    if (e instanceof Stop) return info();
    if (e instanceof UnterminatedQuote) {
      throw new CalcError('trCsvUnterminatedQuote', {
        argument: opts.fileName ?? '',
        line: e.line,
        row: e.recordNo,
        count: e.linesSwallowed,
      });
    }
    throw e;
  }
  return info();

  function info(): CsvTableInfo {
    if (!headerSeen) throw new CalcError('trEmptyFile', { argument: opts.fileName ?? '', reason: 'noLines' });
    return {
      encoding,
      bom,
      delimiter: tokenizer.delimiterInUse ?? '',
      bytesRead,
      lines: tokenizer.lines,
    };
  }
}

/**
 * Reads a CSV file as a table: the header (first record) and then every data row, with the
 * checks of the import (encoding, BOM, `sep=`, line ends, quotes) but without aggregating.
 * `open` must return a fresh stream of the same bytes each time: the file is read again when
 * it turns out to be Windows-1252. Reusable for any CSV export.
 * @throws CalcError `trEmptyFile`, `trCsvEncoding`, `trCsvUnterminatedQuote`, `trCancelled`.
 */
export async function readCsvTable(
  open: () => ReadableStream<Uint8Array>,
  opts: CsvReadOptions,
  sink: TableSink,
): Promise<CsvTableInfo> {
  try {
    return await readPass(open, undefined, opts, sink);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    const info = await readPass(open, 'windows-1252', opts, sink);
    return { ...info, encodingFallback: { offset: e.offset, line: e.line } };
  }
}

function normHeader(h: string): string {
  return h
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase();
}

/** Refuses a header where a mapped column occurs twice (the import would silently use the first). */
export function checkDuplicateColumns(
  headers: readonly string[],
  mapping: AggregateOptions['mapping'],
): void {
  const seen = new Map<string, number>();
  const wanted = new Set(
    Object.values(mapping)
      .filter((v): v is string => typeof v === 'string' && v !== '')
      .map(normHeader),
  );
  headers.forEach((h, i) => {
    const k = normHeader(h);
    if (!wanted.has(k)) return;
    const first = seen.get(k);
    if (first !== undefined) {
      throw new CalcError('trDuplicateColumn', { expected: h.trim(), first: first + 1, second: i + 1 });
    }
    seen.set(k, i);
  });
}

function linesOf(c: LineCounts): ImportLines {
  const header = 1 + c.sep;
  return {
    total: c.total,
    header,
    blank: c.blank,
    continuation: c.continuation,
    withoutRow: header + c.blank + c.continuation,
  };
}

/**
 * Imports a CSV export. `open` must return a fresh stream of the same bytes each time it is
 * called: the import re-reads the file once when it turns out not to be UTF-8.
 * @throws CalcError `trEmptyFile`, `trMissingColumn`, `trDuplicateColumn`, `trDelimiterMismatch`,
 *   `trCsvEncoding`, `trCsvUnterminatedQuote`, `trCancelled`.
 */
export async function importCsv(
  open: () => ReadableStream<Uint8Array>,
  opts: ImportOptions,
): Promise<ImportResult> {
  let agg: Aggregator | undefined;
  const info = await readCsvTable(open, opts, {
    onHeader(headers, delimiter) {
      checkDuplicateColumns(headers, opts.mapping);
      agg = new Aggregator(headers, opts, delimiter);
    },
    onRow(fields, rowNo) {
      (agg as Aggregator).add(fields, rowNo);
    },
    onRecord(rec, rowNo) {
      (agg as Aggregator).addRecord(rec, rowNo);
    },
  });
  const a = agg as Aggregator;
  if (a.rowCount === 0)
    throw new CalcError('trEmptyFile', { argument: opts.fileName ?? '', reason: 'headerOnly' });
  const result: ImportResult = {
    ...a.result(),
    source: 'csv',
    encoding: info.encoding,
    bom: info.bom,
    delimiter: info.delimiter,
    bytesRead: info.bytesRead,
    lines: linesOf(info.lines),
  };
  if (info.encodingFallback) result.encodingFallback = info.encodingFallback;
  return result;
}

/** Reads only the header of a CSV (for the mapping step): fields, delimiter and encoding. */
export async function readCsvHeader(
  open: () => ReadableStream<Uint8Array>,
  delimiter?: Delimiter,
): Promise<{ headers: string[]; delimiter: string; encoding: TextEncodingName }> {
  let headers: string[] = [];
  const info = await readCsvTable(open, delimiter ? { delimiter } : {}, {
    onHeader(h) {
      headers = h.map((x) => x.replace(/^\ufeff/, '').trim());
      return false;
    },
    onRow() {},
  });
  return { headers, delimiter: info.delimiter || ';', encoding: info.encoding };
}

/** Rows from a workbook table (already typed by Excel). Row numbers count the header as row 1. */
export function importRows(
  headers: string[],
  rows: readonly (readonly unknown[])[],
  opts: AggregateOptions,
): ImportResult {
  if (headers.length === 0 || rows.length === 0) {
    throw new CalcError('trEmptyFile', { reason: headers.length === 0 ? 'noLines' : 'headerOnly' });
  }
  checkDuplicateColumns(headers, opts.mapping);
  const agg = new Aggregator(headers, opts);
  rows.forEach((r, i) => agg.add(r, i + 2));
  return {
    ...agg.result(),
    source: 'table',
    encoding: 'utf-8',
    bom: false,
    delimiter: '',
    bytesRead: 0,
    lines: { total: rows.length + 1, header: 1, blank: 0, continuation: 0, withoutRow: 1 },
  };
}

// ---------------------------------------------------------------------------------------------
// XLSX: streamed from the zip by the core's reader (src/core/xlsx), rows fed one by one to the
// same aggregator as the CSV path.

/** What an .xlsx import accepts: bytes in memory, or a browser `File` (read in slices). */
export type XlsxInput = Uint8Array | BlobLike | ByteSource;

/** The header row of an .xlsx (for the mapping step); reads no further than that row. */
export async function readXlsxHeader(input: XlsxInput, opts: XlsxReadOptions = {}): Promise<string[]> {
  let headers: string[] | undefined;
  await readXlsxTable(input, opts, {
    onHeader(h) {
      headers = h;
      return false;
    },
    onRow() {},
  });
  if (!headers) throw new CalcError('trEmptyFile', { reason: 'noRows' });
  return headers;
}

/**
 * Imports the first worksheet of an .xlsx, streamed: parts are inflated slice by slice (Cancel
 * and progress work during inflation), each checked against its size and CRC-32, and rows are
 * fed one by one to the same aggregator as the CSV path. Numeric cells stay numbers: Excel date
 * serials are dates, shifted to the 1900 system in a workbook that uses the 1904 system.
 * @throws CalcError `trXlsxInvalid`, `trEmptyFile`, `trMissingColumn`, `trDuplicateColumn`, `trCancelled`.
 */
export async function importXlsx(input: XlsxInput, opts: ImportOptions): Promise<ImportResult> {
  let agg: Aggregator | undefined;
  let dateCol = -1;
  let shift = 0;
  const xlsxOpts: XlsxReadOptions = {
    signal: opts.signal,
    onProgress: opts.onProgress,
    yieldControl: opts.yieldControl,
  };
  let info: XlsxTableInfo;
  try {
    info = await readXlsxTable(input, xlsxOpts, {
      onHeader(headers, wb) {
        checkDuplicateColumns(headers, opts.mapping);
        agg = new Aggregator(headers, opts);
        const want = normHeader(opts.mapping.date);
        dateCol = headers.findIndex((h) => normHeader(h) === want);
        shift = wb.date1904 ? DATE1904_OFFSET : 0;
      },
      onRow(cells, rowNo) {
        if (shift !== 0 && typeof cells[dateCol] === 'number')
          cells[dateCol] = (cells[dateCol] as number) + shift;
        (agg as Aggregator).add(cells, rowNo);
      },
    });
  } catch (e) {
    if (isCalcError(e) && e.code === 'trXlsxInvalid' && opts.fileName && !e.details.argument) {
      throw new CalcError('trXlsxInvalid', { ...e.details, argument: opts.fileName });
    }
    throw e;
  }
  if (!agg) throw new CalcError('trEmptyFile', { argument: opts.fileName ?? '', reason: 'noRows' });
  if (agg.rowCount === 0)
    throw new CalcError('trEmptyFile', { argument: opts.fileName ?? '', reason: 'headerOnly' });
  const result = agg.result();
  const size = byteSource(input).size;
  return {
    ...result,
    source: 'xlsx',
    encoding: 'utf-8',
    bom: false,
    delimiter: '',
    bytesRead: size,
    lines: {
      total: info.rowElements,
      header: 1,
      blank: info.blankRows,
      continuation: 0,
      withoutRow: 1 + info.blankRows,
    },
    dateSystem: info.date1904 ? 1904 : 1900,
  };
}
