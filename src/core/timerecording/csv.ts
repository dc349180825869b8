/**
 * A streaming CSV tokenizer: text goes in chunk by chunk, records come out as soon as they are
 * complete. Handles quoted fields (with `""` escapes and embedded delimiters or line breaks),
 * CRLF and LF line ends. It never holds more than one incomplete record of text.
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

/** Receives one record: its fields and its 1-based record number (the header is record 1). */
export type RecordSink = (fields: string[], recordNo: number) => void;

/**
 * Incremental tokenizer. Call `push(text)` for each decoded chunk and `end()` once; records
 * are delivered to the sink in order. The delimiter may be fixed or sniffed from the first line.
 */
export class CsvTokenizer {
  private buf = '';
  private recordNo = 0;
  private delimiter: string | undefined;
  /** Whole lines are skipped when completely empty (trailing newline, blank lines). */
  private readonly sink: RecordSink;

  constructor(sink: RecordSink, delimiter?: Delimiter) {
    this.sink = sink;
    this.delimiter = delimiter;
  }

  /** The delimiter in use (after sniffing), or undefined before the first line. */
  get delimiterInUse(): string | undefined {
    return this.delimiter;
  }

  /** Number of records delivered so far. */
  get records(): number {
    return this.recordNo;
  }

  /** Feeds a chunk of text. */
  push(text: string): void {
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    this.drain(false);
  }

  /** Flushes the last record (a file need not end with a line break). */
  end(): void {
    this.drain(true);
    this.buf = '';
  }

  private drain(final: boolean): void {
    const buf = this.buf;
    let pos = 0;
    const n = buf.length;
    while (pos < n) {
      const nl = buf.indexOf('\n', pos);
      if (nl < 0 && !final) break;
      const lineEnd = nl < 0 ? n : nl;
      if (this.delimiter === undefined) {
        // Sniff on the first physical line; a quoted header spanning lines is not supported.
        this.delimiter = sniffDelimiter(buf.slice(pos, lineEnd)) ?? ';';
      }
      const q = buf.indexOf('"', pos);
      if (q < 0 || q > lineEnd) {
        // Fast path: no quotes in this line.
        let line = buf.slice(pos, lineEnd);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        pos = nl < 0 ? n : nl + 1;
        if (line.length === 0) continue;
        this.recordNo++;
        this.sink(line.split(this.delimiter), this.recordNo);
        continue;
      }
      const parsed = this.parseQuoted(buf, pos, final);
      if (parsed === undefined) break; // need more text
      pos = parsed.next;
      if (parsed.fields.length === 1 && parsed.fields[0] === '' && !parsed.quoted) continue;
      this.recordNo++;
      this.sink(parsed.fields, this.recordNo);
    }
    this.buf = pos >= n ? '' : buf.slice(pos);
  }

  /** Parses one record that contains quotes; undefined when it is not complete in `buf`. */
  private parseQuoted(
    buf: string,
    start: number,
    final: boolean,
  ): { fields: string[]; next: number; quoted: boolean } | undefined {
    const d = this.delimiter as string;
    const fields: string[] = [];
    let field = '';
    let i = start;
    let quoted = false;
    const n = buf.length;
    for (;;) {
      if (i >= n) {
        if (!final) return undefined;
        fields.push(field);
        return { fields, next: n, quoted };
      }
      const ch = buf[i];
      if (ch === '"' && field.length === 0 && !quoted) {
        // Quoted field: read to the closing quote.
        quoted = true;
        i++;
        for (;;) {
          const close = buf.indexOf('"', i);
          if (close < 0) {
            if (!final) return undefined;
            field += buf.slice(i);
            i = n;
            break;
          }
          field += buf.slice(i, close);
          if (close + 1 >= n && !final) return undefined; // cannot tell "" from end quote yet
          if (buf[close + 1] === '"') {
            field += '"';
            i = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        continue;
      }
      if (ch === d) {
        fields.push(field);
        field = '';
        quoted = false;
        i++;
        continue;
      }
      if (ch === '\n' || ch === '\r') {
        fields.push(field);
        let next = i + 1;
        if (ch === '\r') {
          if (next >= n && !final) return undefined;
          if (buf[next] === '\n') next++;
        }
        return { fields, next, quoted: quoted || fields.length > 1 };
      }
      field += ch;
      i++;
    }
  }
}
