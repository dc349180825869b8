/**
 * THE one adapter between the steering import and the file readers: every case export (CSV, XLSX
 * or a workbook table) reaches the steering core as records `(fields, recordNo)`, record 1 being
 * the header. CSV goes through the time-recording import's `CsvTokenizer` (with its delimiter
 * sniffing) and the same encoding rule (UTF-8, else Windows-1252). When the streaming XLSX reader
 * replaces today's one, only this file changes.
 *
 * `src/core/timerecording/import.ts` exposes no row-level XLSX function today (its `xlsxRows` is
 * private to its aggregator), so {@link readXlsxRecords} reads the first worksheet here with the
 * same approach (fflate, shared strings, typed cells), to be re-pointed to the streaming reader.
 */
import { unzipSync } from 'fflate';
import { CalcError } from '../errors';
import { CsvTokenizer } from '../timerecording/csv';

/** Receives one record: its fields (text from CSV, typed from XLSX and tables) and its 1-based number. */
export type RecordSink = (fields: readonly unknown[], recordNo: number) => void;

/** Options of {@link readCsvRecords}. */
export interface ReadOptions {
  signal?: AbortSignal;
  /** Bytes read so far, after each chunk. */
  onProgress?: (bytesRead: number) => void;
  /** Awaited after each chunk so that the page can repaint and handle a Cancel click. */
  yieldControl?: () => Promise<void>;
}

class NotUtf8 extends Error {}

/** Throws `trCancelled` when the signal fired. */
function checkAbort(signal: AbortSignal | undefined, bytes: number): void {
  if (signal?.aborted) throw new CalcError('trCancelled', { received: String(bytes) });
}

async function csvAttempt(
  open: () => ReadableStream<Uint8Array>,
  encoding: 'utf-8' | 'windows-1252',
  sink: RecordSink,
  opts: ReadOptions,
): Promise<number> {
  const reader = open().getReader();
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const tokenizer = new CsvTokenizer((fields, recordNo) => {
    // The header may start with a UTF-8 byte-order mark.
    if (recordNo === 1 && fields.length > 0) fields[0] = fields[0].replace(/^\ufeff/, '');
    sink(fields, recordNo);
  });
  let bytes = 0;
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch (e) {
      if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'TypeError')
        throw new NotUtf8();
      throw e;
    }
  };
  try {
    for (;;) {
      checkAbort(opts.signal, bytes);
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      tokenizer.push(decode(value));
      opts.onProgress?.(bytes);
      if (opts.yieldControl) await opts.yieldControl();
    }
    tokenizer.push(decode());
    tokenizer.end();
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    throw e;
  }
  return tokenizer.records;
}

/**
 * Streams a CSV export into records. `makeSink` is called once per attempt: when the bytes turn
 * out not to be UTF-8, the file is read again as Windows-1252 into a fresh sink.
 *
 * @returns The number of records (header included).
 * @throws CalcError `trCancelled`; whatever the sink throws.
 */
export async function readCsvRecords(
  open: () => ReadableStream<Uint8Array>,
  makeSink: () => RecordSink,
  opts: ReadOptions = {},
): Promise<number> {
  try {
    return await csvAttempt(open, 'utf-8', makeSink(), opts);
  } catch (e) {
    if (e instanceof NotUtf8) return csvAttempt(open, 'windows-1252', makeSink(), opts);
    throw e;
  }
}

/** Records of a workbook table: the header, then its rows (already typed by Excel). */
export function readTableRecords(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  sink: RecordSink,
): number {
  sink(headers, 1);
  rows.forEach((r, i) => sink(r, i + 2));
  return rows.length + 1;
}

function xmlUnescape(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, x: string) => {
    if (x === 'lt') return '<';
    if (x === 'gt') return '>';
    if (x === 'amp') return '&';
    if (x === 'quot') return '"';
    if (x === 'apos') return "'";
    return String.fromCodePoint(x[1] === 'x' ? parseInt(x.slice(2), 16) : parseInt(x.slice(1), 10));
  });
}

function textOf(fragment: string): string {
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fragment))) out += xmlUnescape(m[1]);
  return out;
}

function columnIndex(ref: string): number {
  let k = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    k = k * 26 + (c - 64);
  }
  return k - 1;
}

/**
 * Records of the first worksheet of an .xlsx: numbers stay numbers (Excel date serials are read
 * as dates by the aggregators), shared and inline strings become text, blank rows are skipped.
 * @throws CalcError `trXlsxInvalid`, `trCancelled`; whatever the sink throws.
 */
export function readXlsxRecords(bytes: Uint8Array, sink: RecordSink, opts: ReadOptions = {}): number {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) =>
        f.name === 'xl/sharedStrings.xml' ||
        f.name === 'xl/workbook.xml' ||
        f.name === 'xl/_rels/workbook.xml.rels' ||
        f.name.startsWith('xl/worksheets/sheet'),
    });
  } catch (e) {
    throw new CalcError('trXlsxInvalid', { received: e instanceof Error ? e.message : String(e) });
  }
  const dec = new TextDecoder('utf-8');
  let path = 'xl/worksheets/sheet1.xml';
  const wb = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (wb && rels) {
    const id = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(dec.decode(wb))?.[1];
    const relText = dec.decode(rels);
    const target =
      id === undefined
        ? undefined
        : (new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(relText) ??
          new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(relText));
    if (target) path = target[1].startsWith('/') ? target[1].slice(1) : `xl/${target[1]}`;
  }
  const sheet = files[path];
  if (!sheet) throw new CalcError('trXlsxInvalid', { received: `${path} ontbreekt / missing` });
  const shared: string[] = [];
  const ss = files['xl/sharedStrings.xml'];
  if (ss) {
    const re = /<si>([\s\S]*?)<\/si>/g;
    const text = dec.decode(ss);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) shared.push(textOf(m[1]));
  }
  const xml = dec.decode(sheet);
  const rowRe = /<row\b([^>]*)>([\s\S]*?)<\/row>/g;
  const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let m: RegExpExecArray | null;
  let records = 0;
  let width = 0;
  while ((m = rowRe.exec(xml))) {
    checkAbort(opts.signal, m.index);
    const fields: unknown[] = [];
    cellRe.lastIndex = 0;
    let next = 0;
    let c: RegExpExecArray | null;
    while ((c = cellRe.exec(m[2]))) {
      const ref = /\br="([A-Z]+)\d+"/.exec(c[1]);
      const ci = ref ? columnIndex(ref[1]) : next;
      next = ci + 1;
      const type = /\bt="([^"]+)"/.exec(c[1])?.[1] ?? 'n';
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: unknown = '';
      if (type === 's') value = v === undefined ? '' : (shared[Number(v)] ?? '');
      else if (type === 'inlineStr') value = textOf(body);
      else if (type === 'str' || type === 'e') value = v === undefined ? '' : xmlUnescape(v);
      else if (type === 'b') value = v === '1';
      else value = v === undefined || v === '' ? '' : Number(v);
      while (fields.length < ci) fields.push('');
      fields[ci] = value;
    }
    if (fields.every((f) => f === '')) continue;
    records++;
    if (records === 1) width = fields.length;
    // Trailing blank cells are absent in the XML.
    while (fields.length < width) fields.push('');
    sink(fields, records === 1 ? 1 : Number(/\br="(\d+)"/.exec(m[1])?.[1] ?? records));
    opts.onProgress?.(m.index);
  }
  return records;
}
