/**
 * A streaming .xlsx reader: the rows of one worksheet, with typed cells, read part by part from
 * the zip (`zip.ts`) and tokenized by saxes (a maintained, well-formedness-checking streaming
 * XML parser). Element names are matched by their local name, so `<x:row>` (the .NET Open XML
 * SDK's prefixed output) reads like `<row>`. Nothing is matched with regular expressions over
 * the XML, and no part is held as one string: time is linear in the file and memory holds the
 * shared strings plus one row.
 *
 * Checks, each ending in `trXlsxInvalid` with its reason: malformed XML (with line and column),
 * character references outside Unicode, cell references outside Excel's grid (A..XFD,
 * 1..1,048,576), rows or cells out of order, a numeric cell that is no number (quoted), a shared
 * string index that does not exist; plus the zip checks (sizes, ratio, CRC-32).
 *
 * Cell values: numbers as stored (dates are serial numbers in the workbook's date system, see
 * `date1904`), text (shared, inline with rich-text runs and CDATA, or formula results), booleans,
 * error values as their text ('#N/A'), and ISO date cells (`t="d"`) as their ISO text.
 */
import { SaxesParser, type SaxesAttributePlain, type SaxesTagPlain } from 'saxes';
import { CalcError } from '../errors';
import { ZipArchive, type BlobLike, type ByteSource, type ReadControl, type ZipLimits } from './zip';

/** A cell value as the reader yields it ('' for an empty cell). */
export type XlsxValue = string | number | boolean;

/** Excel's grid. */
export const XLSX_MAX_ROWS = 1048576;
export const XLSX_MAX_COLS = 16384;

/** Days between the 1900 and the 1904 date systems: serial(1900) = serial(1904) + 1462. */
export const DATE1904_OFFSET = 1462;

/** What the workbook says about itself. */
export interface WorkbookInfo {
  /** Sheet names in workbook order. */
  sheets: string[];
  /** The sheet read. */
  sheet: string;
  /** True for the 1904 date system (Excel for Mac before 2011): add `DATE1904_OFFSET` to date serials. */
  date1904: boolean;
}

/** Options of reading a sheet. */
export interface XlsxReadOptions extends ZipLimits {
  /** Sheet name or 0-based index (default: the first sheet). */
  sheet?: string | number;
  signal?: AbortSignal;
  /** Bytes of the file processed so far (monotonic; the last call reports the file size). */
  onProgress?: (bytes: number) => void;
  yieldControl?: () => Promise<void>;
}

/** Stops the reader from a row callback without an error. */
export class StopReading extends Error {
  constructor() {
    super('stop');
    this.name = 'StopReading';
  }
}

/** Largest part other than a worksheet or the shared strings that is read (workbook, rels). */
const SMALL_PART = 64 * 1024 * 1024;

function invalid(reason: string, extra: Record<string, string | number> = {}): CalcError {
  return new CalcError('trXlsxInvalid', { reason, ...extra });
}

const local = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** The value of an attribute by local name (any prefix, or none when `prefixed` is false). */
function attr(tag: SaxesTagPlain, name: string, prefixed?: boolean): string | undefined {
  const a = tag.attributes as Record<string, string>;
  if (prefixed !== true && a[name] !== undefined) return a[name];
  return prefixedAttr(a, name);
}

/** The first attribute `p:name` (any prefix but `xmlns`), in the order the tag lists them. */
function prefixedAttr(a: Record<string, string>, name: string): string | undefined {
  for (const k in a) {
    const i = k.indexOf(':');
    if (i >= 0 && k.length - i - 1 === name.length && k.endsWith(name) && k.slice(0, i) !== 'xmlns')
      return a[k];
  }
  return undefined;
}

/** What `parsePart` calls: tags with their names as written (`x:row`), text and CDATA. */
interface PartHandlers {
  open: (tag: SaxesTagPlain) => void;
  close: (tag: SaxesTagPlain) => void;
  text: (t: string) => void;
  /** Each attribute, in the order written, before the `open` of its tag. */
  attribute?: (a: SaxesAttributePlain) => void;
  /** An error a handler lets through from its consumer (`onRow`), so that it is not taken for broken XML. */
  thrown?: unknown;
}

/** Handlers by local name, for the small parts (workbook, relationships). */
function byLocalName(h: {
  open(name: string, tag: SaxesTagPlain): void;
  close(name: string): void;
}): PartHandlers {
  return {
    open: (tag) => h.open(local(tag.name), tag),
    close: (tag) => h.close(local(tag.name)),
    text: () => {},
  };
}

/**
 * Streams one XML part through saxes. `handlers` see open and close tags and text.
 * Malformed XML ends in `trXlsxInvalid` naming the part, line and column.
 */
async function parsePart(
  zip: ZipArchive,
  part: string,
  handlers: PartHandlers,
  control: ReadControl,
): Promise<void> {
  const entry = zip.entry(part);
  if (!entry) throw invalid('partMissing', { part });
  const parser = new SaxesParser({ xmlns: false, position: true });
  // The handlers are the parser's own (no wrapper per event). What saxes throws is a plain
  // `Error` ("line:column: message"); a check of ours (a CalcError), a consumer's error that a
  // handler lets through (`thrown`) and any other error class pass through as they are.
  parser.on('opentag', handlers.open);
  parser.on('closetag', handlers.close);
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  if (handlers.attribute) parser.on('attribute', handlers.attribute);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const xmlError = (e: unknown): unknown => {
    if (e instanceof CalcError || (handlers.thrown !== undefined && e === handlers.thrown)) return e;
    if (e instanceof Error && e.constructor !== Error) return e;
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /^(\d+):(\d+):/.exec(msg);
    return invalid(/character (entity|reference)/i.test(msg) ? 'charRef' : 'xml', {
      part,
      line: pos ? Number(pos[1]) : parser.line,
      column: pos ? Number(pos[2]) : parser.column,
    });
  };
  const write = (text: string): void => {
    try {
      parser.write(text);
    } catch (e) {
      throw xmlError(e);
    }
  };
  // A flipped byte often shows first as broken XML or an odd cell. For a part of ordinary size
  // the rest is still inflated (not parsed) so that its CRC-32 can say "damaged" instead; a
  // consumer that stops (`StopReading`) or cancels is never kept waiting.
  let deferred: unknown;
  const defer = (e: unknown): void => {
    if ((e as { name?: string }).name === 'StopReading' || entry.size > CHECK_CRC_AFTER_ERROR_UP_TO) throw e;
    deferred = e;
  };
  const streaming = { stream: true };
  await zip.read(
    entry,
    (chunk) => {
      if (deferred !== undefined) return;
      let text: string;
      try {
        text = decoder.decode(chunk, streaming);
      } catch {
        defer(invalid('xml', { part, line: parser.line, column: parser.column }));
        return;
      }
      try {
        write(text);
      } catch (e) {
        defer(e);
      }
    },
    control,
  );
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- an Error (ours or the parser's), kept as it was
  if (deferred !== undefined) throw deferred;
  try {
    write(decoder.decode());
    parser.close();
  } catch (e) {
    throw xmlError(e);
  }
}

/** After an error in a part up to this size, the rest is inflated to check its CRC-32. */
const CHECK_CRC_AFTER_ERROR_UP_TO = 64 * 1024 * 1024;

/** Reads a small XML part completely into handlers (workbook, relationships). */
function small(zip: ZipArchive, part: string): boolean {
  const e = zip.entry(part);
  if (e && e.size > SMALL_PART)
    throw invalid('tooLarge', { part, expected: SMALL_PART, received: `${e.size} bytes` });
  return e !== undefined;
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsPath(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

async function readRels(
  zip: ZipArchive,
  part: string,
  control: ReadControl,
): Promise<Map<string, { target: string; type: string }>> {
  const rels = new Map<string, { target: string; type: string }>();
  const path = relsPath(part);
  if (!small(zip, path)) return rels;
  await parsePart(
    zip,
    path,
    byLocalName({
      open(name, tag) {
        if (name !== 'Relationship') return;
        const id = attr(tag, 'Id');
        const target = attr(tag, 'Target');
        if (id !== undefined && target !== undefined && attr(tag, 'TargetMode') !== 'External') {
          rels.set(id, { target: resolveTarget(part, target), type: attr(tag, 'Type') ?? '' });
        }
      },
      close() {},
    }),
    control,
  );
  return rels;
}

/** Zero-based column of the letters of a cell reference; -1 past XFD (checked letter by letter). */
function columnOf(ref: string): { col: number; rest: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    if (col > XLSX_MAX_COLS) return { col: -1, rest: i };
  }
  return { col: col - 1, rest: i };
}

/**
 * True when `s` is a plain decimal number as a worksheet stores one: the same strings as
 * `/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/` (no hex, no `Infinity`, no spaces), by char codes.
 */
export function isDecimal(s: string): boolean {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 43 || c === 45) c = s.charCodeAt(++i); // + -
  let digits = 0;
  while (c >= 48 && c <= 57) {
    digits++;
    c = s.charCodeAt(++i);
  }
  if (c === 46) {
    // .
    c = s.charCodeAt(++i);
    while (c >= 48 && c <= 57) {
      digits++;
      c = s.charCodeAt(++i);
    }
  }
  if (digits === 0) return false;
  if (c === 101 || c === 69) {
    // e E
    c = s.charCodeAt(++i);
    if (c === 43 || c === 45) c = s.charCodeAt(++i);
    let exp = 0;
    while (c >= 48 && c <= 57) {
      exp++;
      c = s.charCodeAt(++i);
    }
    if (exp === 0) return false;
  }
  return i === n;
}

/** The value of a string of 1 to 15 ASCII digits, else -1 (the caller then checks the slow way). */
function digitsValue(s: string): number {
  const n = s.length;
  if (n === 0 || n > 15) return -1;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    k = k * 10 + c;
  }
  return k;
}

/** A row number of 1 to 7 ASCII digits, else NaN (as `/^\d{1,7}$/` then `Number`). */
function rowNumber(s: string): number {
  const n = s.length;
  if (n === 0 || n > 7) return NaN;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    k = k * 10 + c;
  }
  return k;
}

/** An open .xlsx: its workbook and shared strings, ready to stream a sheet's rows. */
export class XlsxWorkbook {
  private constructor(
    private readonly zip: ZipArchive,
    readonly info: WorkbookInfo,
    private readonly sheetPart: string,
    private readonly sharedPart: string | undefined,
    private readonly opts: XlsxReadOptions,
  ) {}

  /** Opens the workbook and resolves the sheet to read. */
  static async open(
    input: Uint8Array | BlobLike | ByteSource,
    opts: XlsxReadOptions = {},
  ): Promise<XlsxWorkbook> {
    const zip = await ZipArchive.open(input, opts);
    const control: ReadControl = { signal: opts.signal, yieldControl: opts.yieldControl };
    const root = await readRels(zip, '', control);
    let wbPart = 'xl/workbook.xml';
    for (const r of root.values()) if (/\/officeDocument$/.test(r.type)) wbPart = r.target;
    if (!small(zip, wbPart)) throw invalid('partMissing', { part: wbPart });
    const sheets: { name: string; rid?: string }[] = [];
    let date1904 = false;
    await parsePart(
      zip,
      wbPart,
      byLocalName({
        open(name, tag) {
          if (name === 'sheet') sheets.push({ name: attr(tag, 'name') ?? '', rid: attr(tag, 'id', true) });
          else if (name === 'workbookPr') {
            const v = attr(tag, 'date1904');
            date1904 = v === '1' || v === 'true';
          }
        },
        close() {},
      }),
      control,
    );
    const rels = await readRels(zip, wbPart, control);
    if (sheets.length === 0) throw invalid('noSheet');
    const want = opts.sheet ?? 0;
    const idx = typeof want === 'number' ? want : sheets.findIndex((s) => s.name === want);
    const chosen = sheets[idx];
    if (!chosen) throw invalid('partMissing', { part: String(want) });
    const target = chosen.rid !== undefined ? rels.get(chosen.rid)?.target : undefined;
    const sheetPart = target ?? `xl/worksheets/sheet${idx + 1}.xml`;
    let sharedPart: string | undefined;
    for (const r of rels.values()) if (/\/sharedStrings$/.test(r.type)) sharedPart = r.target;
    if (!sharedPart && zip.entry('xl/sharedStrings.xml')) sharedPart = 'xl/sharedStrings.xml';
    return new XlsxWorkbook(
      zip,
      { sheets: sheets.map((s) => s.name), sheet: chosen.name, date1904 },
      sheetPart,
      sharedPart,
      opts,
    );
  }

  /**
   * Streams the rows of the sheet to `onRow`: the 1-based sheet row number and the cells by
   * column (index 0 = A; missing cells are ''; trailing empty cells are absent). Empty rows
   * that the file lists (`<row r="5"/>`) are delivered with no cells. Throw `StopReading` from
   * `onRow` to stop early. Resolves to the number of row elements read.
   */
  async rows(onRow: (rowNo: number, cells: XlsxValue[]) => void): Promise<number> {
    const { zip, opts } = this;
    let done = 0;
    const total = this.zip.source.size;
    const sharedEntry = this.sharedPart ? zip.entry(this.sharedPart) : undefined;
    const sheetEntry = zip.entry(this.sheetPart);
    if (!sheetEntry) throw invalid('partMissing', { part: this.sheetPart });
    const controlFor = (base: number): ReadControl => ({
      signal: opts.signal,
      yieldControl: opts.yieldControl,
      onSlice: (n) => opts.onProgress?.(Math.min(total, base + n)),
    });

    // Shared strings first (Excel writes them after the sheets).
    const shared: string[] = [];
    if (sharedEntry) {
      let inSi = false;
      let inT = false;
      let skip = 0; // inside <rPh> (phonetic runs): not part of the text
      let text = '';
      const openSst = (name: string, prefixed: boolean): void => {
        switch (name) {
          case 't':
            if (inSi && skip === 0) inT = true;
            return;
          case 'si':
            inSi = true;
            text = '';
            return;
          case 'rPh':
            skip++;
            return;
          default:
            if (!prefixed) {
              const i = name.indexOf(':');
              if (i >= 0) openSst(name.slice(i + 1), true);
            }
        }
      };
      const closeSst = (name: string, prefixed: boolean): void => {
        switch (name) {
          case 't':
            inT = false;
            return;
          case 'si':
            shared.push(text);
            inSi = false;
            return;
          case 'rPh':
            skip--;
            return;
          default:
            if (!prefixed) {
              const i = name.indexOf(':');
              if (i >= 0) closeSst(name.slice(i + 1), true);
            }
        }
      };
      await parsePart(
        zip,
        sharedEntry.name,
        {
          open: (tag) => openSst(tag.name, false),
          close: (tag) => closeSst(tag.name, false),
          text: (t) => {
            if (inT) text += t;
          },
        },
        controlFor(0),
      );
      done = sharedEntry.compressedSize;
    }

    const part = this.sheetPart;
    let rowNo = 0;
    let rowCount = 0;
    let inRow = false;
    let cells: XlsxValue[] = [];
    let col = -1;
    let ref = '';
    let type = 'n';
    let inCell = false;
    let inV = false;
    let inIs = false;
    let inT = false;
    let skip = 0;
    let v = '';
    let isText = '';
    const cellName = (c: number): string => {
      let n = c + 1;
      let s = '';
      while (n > 0) {
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
        n = Math.floor((n - 1) / 26);
      }
      return `${s}${rowNo}`;
    };
    // Tags are matched by the name as written first; only a name with a prefix (`x:c`) is
    // matched again by its local name, as `local()` gives it (what follows the first colon).
    const open = (name: string, tag: SaxesTagPlain, prefixed: boolean): void => {
      switch (name) {
        case 'c': {
          if (!inRow) return;
          // As attr(tag, 'r') and attr(tag, 't'): unprefixed, else the first prefixed one.
          const r = attrR ?? prefR;
          const t = attrT ?? prefT;
          let c = col + 1;
          if (r !== undefined) {
            const p = columnOf(r);
            if (p.col < 0 || p.rest === 0) throw invalid('cellRef', { part, received: r.slice(0, 20) });
            c = p.col;
            if (c <= col) throw invalid('order', { part, received: r.slice(0, 20), expected: cellName(col) });
          }
          if (c >= XLSX_MAX_COLS)
            throw invalid('tooManyColumns', { part, row: rowNo, expected: XLSX_MAX_COLS });
          col = c;
          ref = r ?? cellName(c);
          type = t ?? 'n';
          inCell = true;
          v = '';
          isText = '';
          return;
        }
        case 'v':
          if (inCell) inV = true;
          return;
        case 'row': {
          const r = attrR ?? prefR;
          let next = rowNo + 1;
          if (r !== undefined) {
            next = rowNumber(r);
            if (!(next >= 1 && next <= XLSX_MAX_ROWS))
              throw invalid('cellRef', { part, received: `row ${r.slice(0, 20)}` });
            if (next <= rowNo)
              throw invalid('order', { part, received: `row ${next}`, expected: `row ${rowNo}` });
          }
          rowNo = next;
          if (rowNo > XLSX_MAX_ROWS) throw invalid('cellRef', { part, received: `row ${rowNo}` });
          inRow = true;
          cells = [];
          col = -1;
          return;
        }
        case 'is':
          if (inCell) inIs = true;
          return;
        case 'rPh':
          skip++;
          return;
        case 't':
          if (inIs && skip === 0) inT = true;
          return;
        default:
          if (!prefixed) {
            const i = name.indexOf(':');
            if (i >= 0) open(name.slice(i + 1), tag, true);
          }
      }
    };
    // The r and t attributes of the tag being opened, from saxes's attribute events (reading
    // them from `tag.attributes` needs a loop over its keys whenever one is absent).
    let attrR: string | undefined;
    let attrT: string | undefined;
    let prefR: string | undefined;
    let prefT: string | undefined;
    const handlers: PartHandlers = {
      attribute: (a) => {
        const n = a.name;
        if (n === 'r') attrR = a.value;
        else if (n === 't') attrT = a.value;
        else if (n.length >= 2 && n.charCodeAt(n.length - 2) === 58 /* : */) {
          // p:r or p:t, any prefix but xmlns (the first one written)
          const l = n.charCodeAt(n.length - 1);
          if ((l === 114 || l === 116) && n.indexOf(':') === n.length - 2 && !n.startsWith('xmlns:')) {
            if (l === 114) prefR ??= a.value;
            else prefT ??= a.value;
          }
        }
      },
      open: (tag) => {
        open(tag.name, tag, false);
        attrR = attrT = prefR = prefT = undefined;
      },
      close: (tag) => close(tag.name, false),
      text: (t) => {
        if (inV) v += t;
        else if (inT) isText += t;
      },
    };
    const close = (name: string, prefixed: boolean): void => {
      switch (name) {
        case 'v':
          inV = false;
          return;
        case 'c': {
          if (!inCell) return;
          inCell = false;
          const raw = v;
          let value: XlsxValue = '';
          switch (type) {
            case 's': {
              if (raw === '') break;
              let k = digitsValue(raw);
              if (k < 0) k = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : -1;
              if (!(k >= 0 && k < shared.length))
                throw invalid('sharedString', { cell: ref, received: raw.slice(0, 40) });
              value = shared[k];
              break;
            }
            case 'inlineStr':
              value = isText;
              break;
            case 'str':
            case 'e':
            case 'd':
              value = raw;
              break;
            case 'b':
              value = raw.trim() === '1' || raw.trim() === 'true';
              break;
            case 'n':
            default: {
              const s = raw.trim();
              if (s === '') break;
              const x = isDecimal(s) ? Number(s) : NaN;
              if (!Number.isFinite(x))
                throw invalid('numberCell', { part, cell: ref, received: s.slice(0, 40) });
              value = x;
            }
          }
          if (value !== '') {
            while (cells.length < col) cells.push('');
            cells[col] = value;
          }
          return;
        }
        case 'row':
          if (!inRow) return;
          inRow = false;
          rowCount++;
          try {
            onRow(rowNo, cells);
          } catch (e) {
            handlers.thrown = e;
            throw e;
          }
          return;
        case 't':
          inT = false;
          return;
        case 'rPh':
          skip--;
          return;
        case 'is':
          inIs = false;
          return;
        default:
          if (!prefixed) {
            const i = name.indexOf(':');
            if (i >= 0) close(name.slice(i + 1), true);
          }
      }
    };
    await parsePart(zip, part, handlers, controlFor(done));
    opts.onProgress?.(total);
    return rowCount;
  }
}
