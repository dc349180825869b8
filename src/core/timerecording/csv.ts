/**
 * A streaming CSV tokenizer: text goes in chunk by chunk, records come out as soon as they are
 * complete. Handles quoted fields (with `""` escapes and embedded delimiters or line breaks),
 * CRLF, LF and lone-CR line ends (Excel for Mac), mixed in one file, and Excel's `sep=;` first
 * line. A state machine over the characters: every character is looked at once, whatever the
 * chunking, so a quoted field of any length is read in linear time (the text of an unfinished
 * field is kept as a list of pieces and joined once).
 *
 * It counts physical lines, so that an import can account for every line of the file: the
 * lines of records, the header, blank lines and the extra lines of records that span several.
 */

/** Delimiters we sniff for: `;` (common in Dutch exports, because `,` is the decimal comma), `,` and tab. */
export type Delimiter = ';' | ',' | '\t';

/** Candidate delimiters in order of preference on a tie. */
export const DELIMITERS: readonly Delimiter[] = [';', ',', '\t'];

/** Human-readable name of a delimiter for messages. */
export function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : `"${d}"`;
}

/**
 * Guesses the delimiter from the header line: the candidate that occurs most often outside
 * quotes. Ties prefer `;`. Returns `undefined` when none occurs (a one-column header).
 */
export function sniffDelimiter(headerLine: string): Delimiter | undefined {
  const counts = new Map<string, number>();
  let inQuotes = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (DELIMITERS as readonly string[]).includes(ch))
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: Delimiter | undefined;
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const c = counts.get(d) ?? 0;
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

/** At most this many column names are listed in a message; the rest are counted. */
export const LISTED_COLUMNS = 20;

/**
 * The column names of a header for a message: the first `LISTED_COLUMNS`, quoted, each cut at
 * 60 characters, and how many more there are (the template says "and N more").
 */
export function columnList(headers: readonly string[]): { received: string; more: number } {
  const cut = (h: string): string => (h.length > 60 ? `${h.slice(0, 59)}…` : h);
  return {
    received: headers
      .slice(0, LISTED_COLUMNS)
      .map((h) => `"${cut(h)}"`)
      .join(', '),
    more: Math.max(0, headers.length - LISTED_COLUMNS),
  };
}

/**
 * Receives one record: its fields, its 1-based record number (the header is record 1) and the
 * physical lines it spans (1-based, first and last).
 */
export type RecordSink = (fields: string[], recordNo: number, firstLine: number, lastLine: number) => void;

/**
 * One record as offsets into a text: field `i` is `text.slice(starts[i], ends[i])`. The
 * tokenizer reuses one instance for every record (a sink must not keep it): a line without quotes
 * that lies within one chunk is described by offsets into that chunk, so no string is cut per
 * field; any other record (quoted fields, or one split across chunks) has its fields joined into
 * one text.
 */
export class CsvRecord {
  /** The text the offsets point into. */
  text = '';
  /** Number of fields. */
  count = 0;
  starts = new Int32Array(16);
  ends = new Int32Array(16);

  /** The text of field `i` (`i < count`). */
  field(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  /** Every field as a string (a new array). */
  fields(): string[] {
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.text.slice(this.starts[i], this.ends[i]);
    return out;
  }

  /** Appends a field `[start, end)` of `text`. */
  push(start: number, end: number): void {
    const i = this.count;
    if (i === this.starts.length) this.grow();
    this.starts[i] = start;
    this.ends[i] = end;
    this.count = i + 1;
  }

  /** Describes `fields` (joined into one text). */
  setStrings(fields: readonly string[]): void {
    this.text = fields.length === 1 ? fields[0] : fields.join('');
    this.count = 0;
    let at = 0;
    for (const f of fields) {
      this.push(at, at + f.length);
      at += f.length;
    }
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(this.ends.length * 2);
    ends.set(this.ends);
    this.ends = ends;
  }
}

/** Receives one record as offsets (see `CsvRecord`; valid only during the call). */
export type RecordViewSink = (
  record: CsvRecord,
  recordNo: number,
  firstLine: number,
  lastLine: number,
) => void;

/** How the lines of a file were used. `total` = records' lines + blank + sep. */
export interface LineCounts {
  /** Physical lines (a last line without a line break counts; a final line break starts none). */
  total: number;
  /** Records (including the header). */
  records: number;
  /** Lines that held nothing (skipped). */
  blank: number;
  /** The `sep=` line, when there was one (0 or 1). */
  sep: number;
  /** Lines beyond the first of records that span several lines (quoted line breaks). */
  continuation: number;
}

/** Thrown by `end()` when a quoted field is still open at the end of the text. */
export class UnterminatedQuote extends Error {
  constructor(
    readonly line: number,
    readonly recordNo: number,
    readonly linesSwallowed: number,
  ) {
    super(`unterminated quote opened on line ${line}`);
    this.name = 'UnterminatedQuote';
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Where the machine is: at a field's start, inside an unquoted field, inside quotes, just after a quote. */
const enum S {
  FieldStart,
  Unquoted,
  Quoted,
  AfterQuote,
}

/**
 * Incremental tokenizer. Call `push(text)` for each decoded chunk and `end()` once; records
 * are delivered to the sink in order. The delimiter may be fixed or sniffed from the first line
 * (a first line `sep=X` sets it to X and is not a record).
 */
export class CsvTokenizer {
  private recordNo = 0;
  private delimiter: string | undefined;
  private d = 59; // char code of the delimiter
  private readonly sink: RecordViewSink;
  /** The record handed to the sink (reused). */
  private readonly rec = new CsvRecord();
  /** Text held until the first line is complete (to sniff and to recognise `sep=`). */
  private head: string | undefined = '';
  private state = S.FieldStart;
  private fields: string[] = [];
  /** Pieces of the current field that began in an earlier chunk (or hold quoted text). */
  private pieces: string[] = [];
  /** True when the previous chunk ended in CR: a LF at the start of this one belongs to it. */
  private skipLf = false;
  /** Inside quotes: the previous character was a CR (a following LF is the same line break). */
  private prevCr = false;
  /** Current physical line (1-based), and the line where the current record began. */
  private line = 1;
  private recordLine = 1;
  /** Line where the open quote of the current field began. */
  private quoteLine = 0;
  /** True when the current record has a quoted field (so `""` alone is a record, not a blank line). */
  private recordQuoted = false;
  private readonly counts: LineCounts = { total: 0, records: 0, blank: 0, sep: 0, continuation: 0 };

  /** Records are delivered as arrays of strings (one new array and string per field). */
  constructor(sink: RecordSink, delimiter?: string);
  constructor(sink: RecordSink | undefined, delimiter: string | undefined, view: RecordViewSink);
  constructor(sink: RecordSink | undefined, delimiter?: string, view?: RecordViewSink) {
    this.sink =
      view ?? ((rec, recordNo, first, last) => (sink as RecordSink)(rec.fields(), recordNo, first, last));
    if (delimiter !== undefined) this.setDelimiter(delimiter);
  }

  /** A tokenizer that delivers each record as offsets into the text (no string per field). */
  static withRecords(sink: RecordViewSink, delimiter?: string): CsvTokenizer {
    return new CsvTokenizer(undefined, delimiter, sink);
  }

  private setDelimiter(d: string): void {
    this.delimiter = d;
    this.d = d.charCodeAt(0);
  }

  /** The delimiter in use (after sniffing), or undefined before the first line. */
  get delimiterInUse(): string | undefined {
    return this.delimiter;
  }

  /** Number of records delivered so far. */
  get records(): number {
    return this.recordNo;
  }

  /** The current physical line (1-based): where the next character goes. */
  get currentLine(): number {
    return this.line;
  }

  /** Line counts so far (complete after `end()`). */
  get lines(): LineCounts {
    return { ...this.counts };
  }

  /** Feeds a chunk of text. */
  push(text: string): void {
    if (text.length === 0) return;
    if (this.head !== undefined) {
      this.head += text;
      if (firstLineBreak(this.head) >= 0) this.startBody(false);
      return;
    }
    this.run(text);
  }

  /**
   * Flushes the last record (a file need not end with a line break).
   * @throws UnterminatedQuote when a quoted field is still open.
   */
  end(): void {
    if (this.head !== undefined) this.startBody(true);
    if (this.state === S.Quoted) {
      throw new UnterminatedQuote(this.quoteLine, this.recordNo + 1, this.line - this.quoteLine + 1);
    }
    if (this.state !== S.FieldStart || this.fields.length > 0) {
      this.endField('');
      this.endRecord();
    }
  }

  /** The first line is complete (or the text ended): sniff or read `sep=`, then run the machine. */
  private startBody(final: boolean): void {
    const text = this.head as string;
    this.head = undefined;
    const nl = firstLineBreak(text);
    const first = nl < 0 ? text : text.slice(0, nl);
    const sep = /^\ufeff?sep=(.)$/i.exec(first);
    let body = text;
    if (sep && !/["\r\n]/.test(sep[1])) {
      this.setDelimiter(sep[1]);
      this.counts.sep = 1;
      this.counts.total++;
      this.line++;
      this.recordLine = this.line;
      // Skip the sep line and its line break (CRLF as one).
      let next = nl < 0 ? text.length : nl + 1;
      if (nl >= 0 && text.charCodeAt(nl) === CR) {
        if (next < text.length) {
          if (text.charCodeAt(next) === LF) next++;
        } else if (!final) this.skipLf = true;
      }
      body = text.slice(next);
    } else if (this.delimiter === undefined) {
      // Sniff on the first physical line; a quoted header spanning lines is not supported.
      this.setDelimiter(sniffDelimiter(first) ?? ';');
    }
    if (body.length > 0) this.run(body);
  }

  private endField(tail: string): void {
    if (this.pieces.length > 0) {
      this.pieces.push(tail);
      this.fields.push(this.pieces.join(''));
      this.pieces = [];
    } else this.fields.push(tail);
  }

  /** A record ends (its line break has been seen, or the text ended). */
  private endRecord(): void {
    const fields = this.fields;
    this.fields = [];
    this.state = S.FieldStart;
    if (fields.length === 1 && fields[0] === '' && !this.recordQuoted) this.deliver(true);
    else {
      this.rec.setStrings(fields);
      this.deliver(false);
    }
  }

  /** Counts the lines of the record in `rec` (or of a blank line) and hands it to the sink. */
  private deliver(blank: boolean): void {
    const first = this.recordLine;
    const last = this.line;
    const spanned = last - first + 1;
    this.counts.total += spanned;
    if (blank) {
      this.counts.blank += spanned;
    } else {
      this.counts.records++;
      this.counts.continuation += spanned - 1;
      this.recordNo++;
      this.sink(this.rec, this.recordNo, first, last);
    }
    this.recordQuoted = false;
  }

  private run(text: string): void {
    const n = text.length;
    const d = this.d;
    let i = 0;
    if (this.skipLf) {
      this.skipLf = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    let start = i; // start of the current unquoted piece
    let state = this.state;
    // Next LF, CR and quote at or after i (n when none): found with indexOf, kept until passed,
    // so each search covers new text only and the whole chunk is searched once per character kind.
    let nextLf = -1;
    let nextCr = -1;
    let nextQuote = -1;
    const delim = this.delimiter as string;
    while (i < n) {
      if (state === S.FieldStart && this.fields.length === 0 && this.pieces.length === 0) {
        // Fast path: a whole line without quotes is split in one go.
        if (nextLf < i) nextLf = indexOr(text, '\n', i, n);
        if (nextCr < i) nextCr = indexOr(text, '\r', i, n);
        const end = nextLf < nextCr ? nextLf : nextCr;
        if (end < n) {
          if (nextQuote < i) nextQuote = indexOr(text, '"', i, n);
          if (nextQuote > end) {
            // The fields as offsets into this chunk: no string is cut.
            const rec = this.rec;
            rec.text = text;
            rec.count = 0;
            let from = i;
            for (;;) {
              const k = text.indexOf(delim, from);
              if (k < 0 || k >= end) break;
              rec.push(from, k);
              from = k + 1;
            }
            rec.push(from, end);
            this.deliver(end === i);
            i = end + 1;
            if (end === nextCr) {
              if (i < n) {
                if (text.charCodeAt(i) === LF) i++;
              } else this.skipLf = true;
            }
            this.line++;
            this.recordLine = this.line;
            start = i;
            continue;
          }
        }
      }
      if (state === S.Quoted) {
        // Inside quotes: jump to the next quote, counting the line breaks on the way.
        const q = text.indexOf('"', i);
        const stop = q < 0 ? n : q;
        let prevCr = this.prevCr;
        let line = this.line;
        for (let k = i; k < stop; k++) {
          const c = text.charCodeAt(k);
          if (c === CR) {
            line++;
            prevCr = true;
          } else {
            if (c === LF && !prevCr) line++;
            prevCr = false;
          }
        }
        this.line = line;
        this.prevCr = prevCr;
        this.pieces.push(text.slice(i, stop));
        if (q < 0) {
          i = n;
          start = n;
          break;
        }
        this.prevCr = false;
        i = q + 1;
        start = i;
        state = S.AfterQuote;
        continue;
      }
      const c = text.charCodeAt(i);
      if (state === S.AfterQuote) {
        if (c === QUOTE) {
          // An escaped quote: "" inside a quoted field.
          this.pieces.push('"');
          i++;
          start = i;
          state = S.Quoted;
          continue;
        }
        state = S.Unquoted; // text after the closing quote is kept as it is
        start = i;
      }
      if (c === d) {
        this.endField(text.slice(start, i));
        i++;
        start = i;
        state = S.FieldStart;
        continue;
      }
      if (c === LF || c === CR) {
        this.endField(text.slice(start, i));
        this.endRecord();
        i++;
        if (c === CR) {
          if (i < n) {
            if (text.charCodeAt(i) === LF) i++;
          } else this.skipLf = true;
        }
        this.line++;
        this.recordLine = this.line;
        start = i;
        state = S.FieldStart;
        continue;
      }
      if (state === S.FieldStart) {
        if (c === QUOTE) {
          state = S.Quoted;
          this.quoteLine = this.line;
          this.recordQuoted = true;
          this.pieces.push('');
          i++;
          start = i;
          continue;
        }
        state = S.Unquoted;
      }
      i++;
    }
    if (state === S.Unquoted && start < n) this.pieces.push(text.slice(start, n));
    this.state = state;
  }
}

/** `s.indexOf(c, from)`, or `n` when there is none. */
function indexOr(s: string, c: string, from: number, n: number): number {
  const k = s.indexOf(c, from);
  return k < 0 ? n : k;
}

/** Index of the first CR or LF, or -1. */
function firstLineBreak(s: string): number {
  const a = s.indexOf('\n');
  const b = s.indexOf('\r');
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}
