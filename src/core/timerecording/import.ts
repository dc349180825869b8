/**
 * The import pipeline the task pane (and the bench) uses: bytes → text → records → aggregate.
 *
 * CSV is read from a `ReadableStream<Uint8Array>` (the browser's `File.stream()`, or a Node
 * stream via `Readable.toWeb`) chunk by chunk with a streaming decoder, so memory stays bounded
 * by the aggregate, never by the file. Encoding: a UTF-8 byte-order mark is detected and
 * skipped; bytes that are not valid UTF-8 make the import restart as Windows-1252 (the usual
 * encoding of Dutch Excel CSV exports), so "é" comes out right either way.
 */
import { unzipSync } from 'fflate';
import { CalcError, isCalcError } from '../errors';
import { Aggregator, type AggregateOptions, type AggregateResult } from './aggregate';
import { CsvTokenizer, type Delimiter } from './csv';

/** Text encodings the import recognises. */
export type TextEncodingName = 'utf-8' | 'windows-1252';

/** Options of a CSV import. */
export interface ImportOptions extends AggregateOptions {
  /** Fixed delimiter; sniffed from the header when omitted. */
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

/** The aggregate plus what the import learned about the file itself. */
export interface ImportResult extends AggregateResult {
  source: 'csv' | 'xlsx' | 'table';
  encoding: TextEncodingName;
  bom: boolean;
  /** The delimiter used ('' for xlsx and tables). */
  delimiter: string;
  bytesRead: number;
}

class NotUtf8 extends Error {}

/** Largest slice of bytes decoded and tokenized in one go. */
const SLICE = 256 * 1024;

function isDecodeError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'TypeError';
}

function checkEmpty(agg: Aggregator | undefined, fileName: string | undefined): Aggregator {
  if (!agg)
    throw new CalcError('trEmptyFile', { argument: fileName ?? '', received: 'geen regels / no lines' });
  if (agg.rowCount === 0) {
    throw new CalcError('trEmptyFile', {
      argument: fileName ?? '',
      received: 'alleen een kopregel / only a header line',
    });
  }
  return agg;
}

async function attempt(
  open: () => ReadableStream<Uint8Array>,
  encoding: TextEncodingName,
  opts: ImportOptions,
): Promise<ImportResult> {
  const reader = open().getReader();
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let agg: Aggregator | undefined;
  let bytesRead = 0;
  let bom = false;
  const head: number[] = [];
  const tokenizer = new CsvTokenizer((fields, recordNo) => {
    if (recordNo === 1) {
      agg = new Aggregator(fields, opts, tokenizer.delimiterInUse);
      return;
    }
    (agg as Aggregator).add(fields, recordNo);
  }, opts.delimiter);
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch (e) {
      // By name, not instanceof: the decoder's TypeError may come from another realm (jsdom, workers).
      if (isDecodeError(e)) throw new NotUtf8();
      throw e;
    }
  };
  try {
    for (;;) {
      if (opts.signal?.aborted) throw new CalcError('trCancelled', { received: String(bytesRead) });
      const { done, value } = await reader.read();
      if (done) break;
      // The BOM may straddle chunks; look at the first three bytes, wherever they arrive.
      for (let i = 0; i < value.length && head.length < 3; i++) head.push(value[i]);
      if (head.length === 3) bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
      // A source may hand over very large chunks; work in slices so progress, cancel and the
      // caller's event loop get a turn at least every SLICE bytes.
      for (let off = 0; off < value.length; off += SLICE) {
        if (off > 0 && opts.signal?.aborted)
          throw new CalcError('trCancelled', { received: String(bytesRead) });
        const part = value.length <= SLICE ? value : value.subarray(off, off + SLICE);
        bytesRead += part.length;
        tokenizer.push(decode(part));
        opts.onProgress?.(bytesRead);
        if (opts.yieldControl) await opts.yieldControl();
      }
    }
    if (opts.signal?.aborted) throw new CalcError('trCancelled', { received: String(bytesRead) });
    tokenizer.push(decode());
    tokenizer.end();
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    throw e;
  }
  const result = checkEmpty(agg, opts.fileName).result();
  return {
    ...result,
    source: 'csv',
    encoding,
    bom,
    delimiter: tokenizer.delimiterInUse ?? '',
    bytesRead,
  };
}

/**
 * Imports a CSV export. `open` must return a fresh stream of the same bytes each time it is
 * called: the import re-reads the file once when it turns out not to be UTF-8.
 * @throws CalcError `trEmptyFile`, `trMissingColumn`, `trDelimiterMismatch`, `trCancelled`.
 */
export async function importCsv(
  open: () => ReadableStream<Uint8Array>,
  opts: ImportOptions,
): Promise<ImportResult> {
  try {
    return await attempt(open, 'utf-8', opts);
  } catch (e) {
    if (e instanceof NotUtf8) return attempt(open, 'windows-1252', opts);
    throw e;
  }
}

/** Reads only the header of a CSV (for the mapping step): fields, delimiter and encoding. */
export async function readCsvHeader(
  open: () => ReadableStream<Uint8Array>,
  delimiter?: Delimiter,
): Promise<{ headers: string[]; delimiter: string; encoding: TextEncodingName }> {
  for (const encoding of ['utf-8', 'windows-1252'] as const) {
    const reader = open().getReader();
    const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
    let headers: string[] | undefined;
    const tok = new CsvTokenizer((f, n) => {
      if (n === 1) headers = f.map((h) => h.replace(/^\ufeff/, '').trim());
    }, delimiter);
    let bad = false;
    try {
      while (!headers) {
        const { done, value } = await reader.read();
        if (done) {
          tok.push(decoder.decode());
          tok.end();
          break;
        }
        tok.push(decoder.decode(value, { stream: true }));
      }
    } catch (e) {
      if (!isDecodeError(e) || isCalcError(e)) throw e;
      bad = true;
    } finally {
      await reader.cancel().catch(() => undefined);
    }
    if (bad) continue;
    if (!headers) throw new CalcError('trEmptyFile', { received: 'geen regels / no lines' });
    return { headers, delimiter: tok.delimiterInUse ?? ';', encoding };
  }
  throw new CalcError('trEmptyFile', { received: 'geen leesbare tekst / no readable text' });
}

/** Rows from a workbook table (already typed by Excel). Row numbers count the header as row 1. */
export function importRows(
  headers: string[],
  rows: readonly (readonly unknown[])[],
  opts: AggregateOptions,
): ImportResult {
  if (headers.length === 0 || rows.length === 0) {
    throw new CalcError('trEmptyFile', {
      received: rows.length === 0 ? 'alleen een kopregel / only a header line' : 'geen regels / no lines',
    });
  }
  const agg = new Aggregator(headers, opts);
  rows.forEach((r, i) => agg.add(r, i + 2));
  return { ...agg.result(), source: 'table', encoding: 'utf-8', bom: false, delimiter: '', bytesRead: 0 };
}

// ---------------------------------------------------------------------------------------------
// XLSX: an .xlsx is a zip of XML parts. We read the first worksheet and the shared strings.

function xmlUnescape(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (m, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** Text of all `<t>` elements inside an XML fragment (rich text runs are concatenated). */
function textOf(fragment: string): string {
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fragment))) out += xmlUnescape(m[1]);
  return out;
}

function colIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** The path of the first worksheet, from workbook.xml and its relationships. */
function firstSheetPath(files: Record<string, Uint8Array>): string {
  const dec = new TextDecoder('utf-8');
  const wb = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (wb && rels) {
    const sheet =
      /<sheet\b[^>]*\br:id="([^"]+)"/.exec(dec.decode(wb)) ??
      /<sheet\b[^>]*\bid="([^"]+)"/.exec(dec.decode(wb));
    if (sheet) {
      const relRe = new RegExp(`<Relationship\\b[^>]*Id="${sheet[1]}"[^>]*Target="([^"]+)"`);
      const relRe2 = new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${sheet[1]}"`);
      const text = dec.decode(rels);
      const t = relRe.exec(text) ?? relRe2.exec(text);
      if (t) return t[1].startsWith('/') ? t[1].slice(1) : `xl/${t[1]}`;
    }
  }
  return 'xl/worksheets/sheet1.xml';
}

/** Unzips an .xlsx and yields the rows of its first worksheet: 1-based row number and typed fields. */
function* xlsxRows(
  bytes: Uint8Array,
  signal?: AbortSignal,
): Generator<{ rowNo: number; fields: unknown[]; offset: number }> {
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
  const path = firstSheetPath(files);
  const sheet = files[path];
  if (!sheet) throw new CalcError('trXlsxInvalid', { received: `${path} ontbreekt / missing` });
  const dec = new TextDecoder('utf-8');
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
  let seq = 0;
  while ((m = rowRe.exec(xml))) {
    if (signal?.aborted) throw new CalcError('trCancelled', { received: String(m.index) });
    seq++;
    const rAttr = /\br="(\d+)"/.exec(m[1]);
    const rowNo = rAttr ? Number(rAttr[1]) : seq;
    const fields: unknown[] = [];
    let c: RegExpExecArray | null;
    cellRe.lastIndex = 0;
    let next = 0;
    while ((c = cellRe.exec(m[2]))) {
      const attrs = c[1];
      const ref = /\br="([A-Z]+)\d+"/.exec(attrs);
      const ci = ref ? colIndex(ref[1]) : next;
      next = ci + 1;
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1] ?? 'n';
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
    yield { rowNo, fields, offset: m.index };
  }
}

/** The header row of an .xlsx (for the mapping step). */
export function readXlsxHeader(bytes: Uint8Array): string[] {
  for (const { fields } of xlsxRows(bytes)) return fields.map((f) => String(f).trim());
  throw new CalcError('trEmptyFile', { received: 'geen regels / no lines' });
}

/**
 * Imports the first worksheet of an .xlsx. The zip is inflated in memory (an .xlsx is
 * compressed, typically 5-10× smaller than its CSV), then rows are fed one by one to the same
 * aggregator as the CSV path. Numeric cells stay numbers (Excel date serials are dates).
 * @throws CalcError `trXlsxInvalid`, `trEmptyFile`, `trMissingColumn`, `trCancelled`.
 */
export function importXlsx(bytes: Uint8Array, opts: ImportOptions): ImportResult {
  let agg: Aggregator | undefined;
  let headerLen = 0;
  for (const { rowNo, fields, offset } of xlsxRows(bytes, opts.signal)) {
    if (!agg) {
      agg = new Aggregator(
        fields.map((f) => String(f)),
        opts,
      );
      headerLen = fields.length;
      continue;
    }
    // Trailing blank cells are absent in the XML; pad so the column count check is fair.
    while (fields.length < headerLen) fields.push('');
    agg.add(fields, rowNo);
    opts.onProgress?.(offset);
  }
  const result = checkEmpty(agg, opts.fileName).result();
  return { ...result, source: 'xlsx', encoding: 'utf-8', bom: false, delimiter: '', bytesRead: bytes.length };
}
