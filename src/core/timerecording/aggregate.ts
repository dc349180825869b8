/**
 * On-the-fly aggregation of time-recording rows by team × period × product × raw category.
 * Rows are never kept: each row is read, checked and added to its bucket. Rows that cannot be
 * read are counted (all of them) and listed with row number and reason (up to a cap).
 *
 * Person ids are used for one thing only: summing hours per person-week for the plausibility
 * check (more than 60 recorded hours in a week is implausible). They do not appear in the
 * aggregated cells.
 */
import { CalcError } from '../errors';
import type { ErrorCode, ErrorDetails } from '../messages';
import { columnList, DELIMITERS, delimiterName, type CsvRecord } from './csv';
import { Interner, PairIds } from './intern';
import { categoryKey, type ColumnMapping, type ColumnRole, type PeriodKind } from './types';
import { isoWeek, parseDate, parseNumber, periodIndex, periodLabel, weekIndex } from './values';

/** One bucket of the aggregation. `product` is '' when the row had none. */
export interface AggCell {
  team: string;
  periodIndex: number;
  period: string;
  product: string;
  /** Normalised raw category, see `categoryKey`. */
  categoryKey: string;
  hours: number;
  cases: number;
  rows: number;
}

/** A raw category as seen in the file. */
export interface CategorySeen {
  key: string;
  /** The label as first seen in the file. */
  label: string;
  hours: number;
  rows: number;
}

/** A row that could not be read. */
export interface RowIssue {
  row: number;
  code: ErrorCode;
  details: ErrorDetails;
  /** The row's hours when they were readable (they count in the reconciliation). */
  hours?: number;
}

/** A person-week above the plausibility bound. */
export interface PersonWeekFlag {
  person: string;
  team: string;
  /** ISO week label, e.g. 2021-W09. */
  week: string;
  hours: number;
}

/** Everything the import learned, without any individual row. */
export interface AggregateResult {
  periodKind: PeriodKind;
  headers: string[];
  /** Data rows read (the header is not counted). */
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** Sum of every readable hours value, accepted or not, by absolute value (a −5 counts as 5). */
  hoursRead: number;
  hoursAccepted: number;
  /**
   * Readable hours on rejected rows, by absolute value: a negative row is rejected, and its hours
   * must not net against other rejected hours, or "rejected hours" would understate what was rejected.
   */
  hoursRejected: number;
  /** Rejected rows whose hours were not readable (so they add no hours anywhere). */
  rejectedWithoutHours: number;
  issues: RowIssue[];
  issueCounts: Partial<Record<ErrorCode, number>>;
  cells: AggCell[];
  categories: CategorySeen[];
  teams: string[];
  /** Every period from the first to the last seen, in order (gaps included). */
  periods: { index: number; label: string }[];
  personWeekCount: number;
  personWeekFlags: PersonWeekFlag[];
  personWeekFlagCount: number;
  personWeekLimit: number;
  /** True when a person column was mapped (else the person-week check could not run). */
  personCheckRan: boolean;
}

/** Options of the aggregation. */
export interface AggregateOptions {
  mapping: ColumnMapping;
  periodKind: PeriodKind;
  /** Stored issues and flags are capped at this number; all are counted. Default 1000. */
  maxStored?: number;
  /** Plausibility bound per person-week in hours. Default 60. */
  personWeekLimit?: number;
  /** Hours above this on one row are absurd. Default 24 (one line is one day). */
  maxHoursPerRow?: number;
}

const ROLE_NAMES: Record<ColumnRole, string> = {
  person: 'medewerker',
  date: 'datum',
  team: 'team',
  category: 'categorie',
  product: 'product',
  hours: 'uren',
  cases: 'zaken',
};

function normHeader(h: string): string {
  return h
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase();
}

/**
 * Resolves the mapped columns to indices in `headers`; throws `trDelimiterMismatch` when the
 * header would split into the mapped columns with another delimiter, else `trMissingColumn`.
 */
export function resolveColumns(
  headers: string[],
  mapping: ColumnMapping,
  delimiterUsed?: string,
): Partial<Record<ColumnRole, number>> {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = normHeader(h);
    if (!index.has(k)) index.set(k, i);
  });
  const out: Partial<Record<ColumnRole, number>> = {};
  const wanted = Object.entries(mapping).filter(([, v]) => typeof v === 'string' && v !== '') as [
    ColumnRole,
    string,
  ][];
  for (const [role, name] of wanted) {
    const i = index.get(normHeader(name));
    if (i !== undefined) {
      out[role] = i;
      continue;
    }
    if (delimiterUsed !== undefined) {
      const line = headers.join(delimiterUsed);
      for (const d of DELIMITERS) {
        if (d === delimiterUsed) continue;
        const split = line.split(d).map(normHeader);
        if (wanted.every(([, n]) => split.includes(normHeader(n)))) {
          throw new CalcError('trDelimiterMismatch', {
            delimiter: delimiterName(delimiterUsed),
            received: String(headers.length),
            expected: wanted.map(([, n]) => n).join(', '),
            suggestion: delimiterName(d),
          });
        }
      }
    }
    throw new CalcError('trMissingColumn', {
      argument: ROLE_NAMES[role],
      expected: name,
      ...columnList(headers),
    });
  }
  return out;
}

/** Day, period and week of a date, remembered per distinct date text. */
interface DateInfo {
  day: number;
  period: number;
  week: number;
}

/** Whitespace as `String.prototype.trim` removes it can only be at an end that is not printable ASCII. */
function plainEnds(text: string, start: number, end: number): boolean {
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(end - 1);
  return a > 32 && a < 127 && b > 32 && b < 127;
}

/**
 * The number in `text[start, end)` when it is plain (`[+-]digits[,|.digits]`, at most 15 digits):
 * the integer of its digits divided by a power of ten, which is the correctly rounded value,
 * exactly what `Number` gives for the same text. `undefined` for anything else (read it with
 * `parseNumber`, which knows every other form).
 */
function plainNumber(text: string, start: number, end: number): number | undefined {
  let k = start;
  let neg = false;
  const c0 = text.charCodeAt(k);
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    k++;
  }
  let m = 0;
  let digits = 0;
  let scale = 0;
  let sawSep = false;
  let intDigits = 0;
  for (; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (sawSep) scale++;
      else intDigits++;
    } else if ((c === 44 || c === 46) && !sawSep && intDigits > 0) sawSep = true;
    else return undefined;
  }
  if (intDigits === 0 || (sawSep && scale === 0) || digits > 15) return undefined;
  const v = scale === 0 ? m : m / POW10[scale];
  return neg ? -v : v;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Streaming aggregator. Create it with the header, `add` every data row (or `addRecord` every
 * CSV record), then `result()`. Throws (at construction) when the mapped columns are not in the
 * header.
 *
 * The hot loop allocates nothing per accepted row: text fields are interned to small integer ids
 * (one hash lookup per field, on the characters of the chunk, with a shortcut for the previous
 * row's value), buckets and person-weeks are found by those ids, and numbers and dates of CSV
 * text are read from the characters. Messages of rejected rows cut the strings they quote.
 */
export class Aggregator {
  private readonly col: Partial<Record<ColumnRole, number>>;
  private readonly headers: string[];
  private readonly opts: Required<Omit<AggregateOptions, 'mapping'>> & { mapping: ColumnMapping };
  private readonly issues: RowIssue[] = [];
  private readonly issueCounts: Partial<Record<ErrorCode, number>> = {};
  private rowsRead = 0;
  private rowsAccepted = 0;
  private hoursRead = 0;
  private hoursAccepted = 0;
  private hoursRejected = 0;
  private rejectedWithoutHours = 0;
  private minPeriod = Infinity;
  private maxPeriod = -Infinity;
  private readonly maxIndex: number;
  private readonly maxHours: number;
  /** Columns (-1: not mapped). */
  private readonly cHours: number;
  private readonly cDate: number;
  private readonly cTeam: number;
  private readonly cCat: number;
  private readonly cCases: number;
  private readonly cProduct: number;
  private readonly cPerson: number;
  /**
   * Date text → day and period. An export has few distinct dates and millions of rows, so this
   * saves the date arithmetic per row; it is cleared when it grows, to keep memory bounded.
   */
  private readonly dateCache = new Map<string, DateInfo>();
  /** The same for plain d-m-yyyy text, keyed by yyyymmdd (no string cut). */
  private readonly dmyCache = new Map<number, DateInfo>();
  /** The previous row's date text (at most a few characters: V8 copies short substrings). */
  private lastDateText = '';
  private lastDateInfo: DateInfo | undefined;

  private readonly teams = new Interner();
  private readonly products = new Interner();
  private noProduct = -1;
  private readonly persons = new Interner();
  private readonly labels = new Interner();
  /** Label id → category index (-1 until seen). */
  private labelCat: number[] = [];
  private readonly catIndex = new Map<string, number>();
  private readonly cats: CategorySeen[] = [];
  /** Buckets: (team, period) → (…, product) → (…, category) → cell. */
  private readonly teamPeriod = new PairIds();
  private readonly withProduct = new PairIds();
  private readonly withCat = new PairIds();
  private readonly cells: AggCell[] = [];
  /** The previous accepted row's bucket (a speed-up only). */
  private lastTeam = -1;
  private lastPeriod = 0;
  private lastProduct = -1;
  private lastCat = -1;
  private lastCell: AggCell | undefined;
  /** Person-weeks: (person, week) → id, with hours, team (of its first line), week and person. */
  private readonly pwIds = new PairIds();
  private readonly pwHours: number[] = [];
  private readonly pwTeam: number[] = [];
  private readonly pwWeek: number[] = [];
  private readonly pwPerson: number[] = [];
  private lastPerson = -1;
  private lastWeek = 0;
  private lastPw = -1;

  constructor(headers: string[], options: AggregateOptions, delimiterUsed?: string) {
    this.headers = headers.map((h) => h.replace(/^\ufeff/, '').trim());
    this.opts = {
      maxStored: 1000,
      personWeekLimit: 60,
      maxHoursPerRow: 24,
      ...options,
    };
    this.col = resolveColumns(this.headers, options.mapping, delimiterUsed);
    this.maxIndex = Math.max(...Object.values(this.col).map((v) => v));
    this.maxHours = this.opts.maxHoursPerRow;
    this.cHours = this.col.hours ?? -1;
    this.cDate = this.col.date ?? -1;
    this.cTeam = this.col.team ?? -1;
    this.cCat = this.col.category ?? -1;
    this.cCases = this.col.cases ?? -1;
    this.cProduct = this.col.product ?? -1;
    this.cPerson = this.col.person ?? -1;
  }

  private reject(row: number, code: ErrorCode, details: ErrorDetails, hours: number): void {
    this.issueCounts[code] = (this.issueCounts[code] ?? 0) + 1;
    if (Number.isNaN(hours)) this.rejectedWithoutHours++;
    else this.hoursRejected += Math.abs(hours);
    if (this.issues.length < this.opts.maxStored) {
      const issue: RowIssue = { row, code, details: { row, ...details } };
      if (!Number.isNaN(hours)) issue.hours = hours;
      this.issues.push(issue);
    }
  }

  private text(fields: readonly unknown[], role: ColumnRole): string {
    const i = this.col[role];
    if (i === undefined) return '';
    const v = fields[i];
    if (v === null || v === undefined) return '';
    return asText(v).trim();
  }

  /** Data rows added so far. */
  get rowCount(): number {
    return this.rowsRead;
  }

  /** The day, period and week of a date value (remembered per distinct text). */
  private dateOf(dateRaw: unknown): DateInfo {
    let cached = typeof dateRaw === 'string' ? this.dateCache.get(dateRaw) : undefined;
    if (!cached) {
      const d = parseDate(typeof dateRaw === 'string' ? dateRaw.trim() : dateRaw);
      cached = Number.isNaN(d)
        ? { day: d, period: NaN, week: NaN }
        : { day: d, period: periodIndex(this.opts.periodKind, d), week: weekIndex(d) };
      if (typeof dateRaw === 'string') {
        if (this.dateCache.size >= 10000) this.dateCache.clear();
        this.dateCache.set(own(dateRaw), cached);
      }
    }
    return cached;
  }

  /** Adds one data row; `row` is its 1-based number in the source (the header is row 1). */
  add(fields: readonly unknown[], row: number): void {
    this.rowsRead++;
    const m = this.opts.mapping;
    const hoursRaw = this.col.hours !== undefined ? fields[this.col.hours] : undefined;
    const hours = parseNumber(hoursRaw);
    if (hours !== hours) {
      // NaN: not counted in hoursRead.
    } else {
      // By absolute value, like the rejected hours, so that read = accepted + rejected still holds.
      this.hoursRead += Math.abs(hours);
    }
    // Extra fields are tolerated only when empty (a trailing delimiter on every line is common).
    const extraFilled =
      fields.length > this.headers.length &&
      fields.slice(this.headers.length).some((f) => asText(f).trim() !== '');
    if (extraFilled || fields.length <= this.maxIndex) {
      this.reject(
        row,
        'trRowColumnCount',
        { received: String(fields.length), expected: String(this.headers.length) },
        hours,
      );
      return;
    }
    if (Number.isNaN(hours)) {
      this.reject(
        row,
        'trRowHoursNotNumber',
        { argument: m.hours, received: asText(hoursRaw).trim() },
        hours,
      );
      return;
    }
    if (hours < 0) {
      this.reject(row, 'trRowHoursNegative', { argument: m.hours, received: asText(hoursRaw).trim() }, hours);
      return;
    }
    if (hours > this.opts.maxHoursPerRow) {
      this.reject(
        row,
        'trRowHoursAbsurd',
        { argument: m.hours, received: asText(hoursRaw).trim(), expected: String(this.opts.maxHoursPerRow) },
        hours,
      );
      return;
    }
    const dateRaw = fields[this.col.date as number];
    const date = this.dateOf(dateRaw);
    if (Number.isNaN(date.day)) {
      this.reject(row, 'trRowDateInvalid', { argument: m.date, received: asText(dateRaw).trim() }, hours);
      return;
    }
    const team = this.text(fields, 'team');
    if (team === '') {
      this.reject(row, 'trRowFieldBlank', { argument: m.team }, hours);
      return;
    }
    const catLabel = this.text(fields, 'category');
    if (catLabel === '') {
      this.reject(row, 'trRowFieldBlank', { argument: m.category }, hours);
      return;
    }
    let cases = 0;
    if (this.col.cases !== undefined) {
      const raw = fields[this.col.cases];
      const s = asText(raw).trim();
      if (s !== '') {
        cases = parseNumber(raw);
        if (!Number.isInteger(cases) || cases < 0) {
          this.reject(row, 'trRowCasesInvalid', { argument: m.cases, received: s }, hours);
          return;
        }
      }
    }
    const product = this.text(fields, 'product');
    const person = this.text(fields, 'person');
    this.accept(
      hours,
      cases,
      date,
      this.teams.id(team),
      this.labels.id(catLabel),
      this.products.id(product),
      person === '' ? -1 : this.persons.id(person),
    );
  }

  /**
   * Adds one CSV record (the same checks and messages as `add` with its fields as strings), read
   * from its offsets: plain numbers, dates and texts are read from the characters of the chunk.
   */
  addRecord(rec: CsvRecord, row: number): void {
    this.rowsRead++;
    const m = this.opts.mapping;
    const text = rec.text;
    const starts = rec.starts;
    const ends = rec.ends;
    const n = rec.count;
    const ch = this.cHours;
    let hours = NaN;
    if (ch >= 0 && ch < n) {
      const s = starts[ch];
      const e = ends[ch];
      const plain = s < e ? plainNumber(text, s, e) : undefined;
      hours = plain !== undefined ? plain : parseNumber(text.slice(s, e));
    }
    if (hours !== hours) {
      // NaN: not counted in hoursRead.
    } else {
      this.hoursRead += Math.abs(hours);
    }
    let extraFilled = false;
    for (let i = this.headers.length; i < n && !extraFilled; i++) {
      if (starts[i] < ends[i] && rec.field(i).trim() !== '') extraFilled = true;
    }
    if (extraFilled || n <= this.maxIndex) {
      this.reject(
        row,
        'trRowColumnCount',
        { received: String(n), expected: String(this.headers.length) },
        hours,
      );
      return;
    }
    if (Number.isNaN(hours) || hours < 0 || hours > this.maxHours) {
      const received = ch >= 0 ? rec.field(ch).trim() : '';
      if (Number.isNaN(hours))
        this.reject(row, 'trRowHoursNotNumber', { argument: m.hours, received }, hours);
      else if (hours < 0) this.reject(row, 'trRowHoursNegative', { argument: m.hours, received }, hours);
      else {
        this.reject(
          row,
          'trRowHoursAbsurd',
          { argument: m.hours, received, expected: String(this.opts.maxHoursPerRow) },
          hours,
        );
      }
      return;
    }
    const cd = this.cDate;
    const date = cd >= 0 ? this.dateOfSpan(text, starts[cd], ends[cd]) : this.dateOf(undefined);
    if (Number.isNaN(date.day)) {
      this.reject(
        row,
        'trRowDateInvalid',
        { argument: m.date, received: cd >= 0 ? rec.field(cd).trim() : '' },
        hours,
      );
      return;
    }
    const team = this.cTeam >= 0 ? this.spanId(this.teams, text, starts[this.cTeam], ends[this.cTeam]) : -1;
    if (team < 0) {
      this.reject(row, 'trRowFieldBlank', { argument: m.team }, hours);
      return;
    }
    const label = this.cCat >= 0 ? this.spanId(this.labels, text, starts[this.cCat], ends[this.cCat]) : -1;
    if (label < 0) {
      this.reject(row, 'trRowFieldBlank', { argument: m.category }, hours);
      return;
    }
    let cases = 0;
    const cc = this.cCases;
    if (cc >= 0) {
      const s = starts[cc];
      const e = ends[cc];
      if (s < e) {
        const plain = plainNumber(text, s, e);
        if (plain !== undefined) cases = plain;
        else {
          const raw = text.slice(s, e);
          const trimmed = raw.trim();
          if (trimmed !== '') cases = parseNumber(raw);
        }
        if (!Number.isInteger(cases) || cases < 0) {
          this.reject(row, 'trRowCasesInvalid', { argument: m.cases, received: rec.field(cc).trim() }, hours);
          return;
        }
      }
    }
    const cp = this.cProduct;
    const product = cp >= 0 ? this.spanId(this.products, text, starts[cp], ends[cp]) : -1;
    const cpe = this.cPerson;
    const person = cpe >= 0 ? this.spanId(this.persons, text, starts[cpe], ends[cpe]) : -1;
    this.accept(hours, cases, date, team, label, product < 0 ? this.blankProduct() : product, person);
  }

  /** The product id of a row without a product (''). */
  private blankProduct(): number {
    if (this.noProduct < 0) this.noProduct = this.products.id('');
    return this.noProduct;
  }

  /** The id of the trimmed text of a span, or -1 when it is blank. */
  private spanId(intern: Interner, text: string, start: number, end: number): number {
    if (start >= end) return -1;
    if (plainEnds(text, start, end)) return intern.idOfSpan(text, start, end);
    const t = text.slice(start, end).trim();
    return t === '' ? -1 : intern.id(t);
  }

  /** `dateOf` for the text of a span; plain d-m-yyyy is read from the characters. */
  private dateOfSpan(text: string, start: number, end: number): DateInfo {
    // Consecutive rows mostly carry the same date: compare with the previous one's text first.
    const lastText = this.lastDateText;
    if (end - start === lastText.length && lastText !== '' && text.startsWith(lastText, start)) {
      return this.lastDateInfo as DateInfo;
    }
    const info = this.dateOfNewSpan(text, start, end);
    this.lastDateText = text.slice(start, end);
    this.lastDateInfo = info;
    return info;
  }

  private dateOfNewSpan(text: string, start: number, end: number): DateInfo {
    const key = dmyKey(text, start, end);
    if (key < 0) return this.dateOf(text.slice(start, end));
    let info = this.dmyCache.get(key);
    if (!info) {
      info = this.dateOf(text.slice(start, end));
      if (this.dmyCache.size >= 10000) this.dmyCache.clear();
      this.dmyCache.set(key, info);
    }
    return info;
  }

  /** Adds an accepted row to its bucket, category and person-week. */
  private accept(
    hours: number,
    cases: number,
    date: DateInfo,
    team: number,
    label: number,
    product: number,
    person: number,
  ): void {
    const pIndex = date.period;
    let cat = label < this.labelCat.length ? this.labelCat[label] : -1;
    if (cat < 0) cat = this.categoryOf(label);

    this.rowsAccepted++;
    this.hoursAccepted += hours;
    if (pIndex < this.minPeriod) this.minPeriod = pIndex;
    if (pIndex > this.maxPeriod) this.maxPeriod = pIndex;

    // Consecutive lines of an export often fall in the same bucket: compare ids before looking up.
    let cell = this.lastCell;
    if (
      cell === undefined ||
      this.lastTeam !== team ||
      this.lastPeriod !== pIndex ||
      this.lastProduct !== product ||
      this.lastCat !== cat
    ) {
      const id = this.withCat.id(this.withProduct.id(this.teamPeriod.id(team, pIndex), product), cat);
      if (id === this.cells.length) {
        this.cells.push({
          team: this.teams.get(team),
          periodIndex: pIndex,
          period: periodLabel(this.opts.periodKind, pIndex),
          product: this.products.get(product),
          categoryKey: this.cats[cat].key,
          hours: 0,
          cases: 0,
          rows: 0,
        });
      }
      cell = this.cells[id];
      this.lastCell = cell;
      this.lastTeam = team;
      this.lastPeriod = pIndex;
      this.lastProduct = product;
      this.lastCat = cat;
    }
    cell.hours += hours;
    cell.cases += cases;
    cell.rows++;

    const c = this.cats[cat];
    c.hours += hours;
    c.rows++;

    if (person >= 0) {
      const w = date.week;
      if (person === this.lastPerson && w === this.lastWeek) this.pwHours[this.lastPw] += hours;
      else {
        const id = this.pwIds.id(person, w);
        if (id === this.pwHours.length) {
          // The team of a person-week is the team of its first line (a transfer mid-week is rare).
          this.pwHours.push(hours);
          this.pwTeam.push(team);
          this.pwWeek.push(w);
          this.pwPerson.push(person);
        } else this.pwHours[id] += hours;
        this.lastPerson = person;
        this.lastWeek = w;
        this.lastPw = id;
      }
    }
  }

  /** The category index of a label seen for the first time (labels with the same key share one). */
  private categoryOf(label: number): number {
    const text = this.labels.get(label);
    const key = categoryKey(text);
    let cat = this.catIndex.get(key);
    if (cat === undefined) {
      cat = this.cats.length;
      this.cats.push({ key: own(key), label: text, hours: 0, rows: 0 });
      this.catIndex.set(this.cats[cat].key, cat);
    }
    while (this.labelCat.length <= label) this.labelCat.push(-1);
    this.labelCat[label] = cat;
    return cat;
  }

  /** The aggregate. Cells are sorted by team, period, product, category. */
  result(): AggregateResult {
    const cells = [...this.cells];
    cells.sort(
      (a, b) =>
        cmp(a.team, b.team) ||
        a.periodIndex - b.periodIndex ||
        cmp(a.product, b.product) ||
        cmp(a.categoryKey, b.categoryKey),
    );
    const teams = [...new Set(cells.map((c) => c.team))].sort(cmp);
    const periods: { index: number; label: string }[] = [];
    if (Number.isFinite(this.minPeriod)) {
      for (let i = this.minPeriod; i <= this.maxPeriod; i++) {
        periods.push({ index: i, label: periodLabel(this.opts.periodKind, i) });
      }
    }
    // Person-weeks above the bound, by week, then by person.
    const over: { id: number; key: string }[] = [];
    for (let id = 0; id < this.pwHours.length; id++) {
      if (this.pwHours[id] > this.opts.personWeekLimit) {
        over.push({ id, key: `${this.persons.get(this.pwPerson[id])}\u001f${this.pwWeek[id]}` });
      }
    }
    over.sort((a, b) => this.pwWeek[a.id] - this.pwWeek[b.id] || cmp(a.key, b.key));
    const flags: PersonWeekFlag[] = over.slice(0, this.opts.maxStored).map(({ id }) => {
      const { year, week } = isoWeek(this.pwWeek[id] * 7 - 3);
      return {
        person: this.persons.get(this.pwPerson[id]),
        team: this.teams.get(this.pwTeam[id]),
        week: `${year}-W${String(week).padStart(2, '0')}`,
        hours: this.pwHours[id],
      };
    });
    return {
      periodKind: this.opts.periodKind,
      headers: this.headers,
      rowsRead: this.rowsRead,
      rowsAccepted: this.rowsAccepted,
      rowsRejected: this.rowsRead - this.rowsAccepted,
      hoursRead: this.hoursRead,
      hoursAccepted: this.hoursAccepted,
      hoursRejected: this.hoursRejected,
      rejectedWithoutHours: this.rejectedWithoutHours,
      issues: this.issues,
      issueCounts: { ...this.issueCounts },
      cells,
      categories: [...this.cats].sort((a, b) => cmp(a.key, b.key)),
      teams,
      periods,
      personWeekCount: this.pwHours.length,
      personWeekFlags: flags,
      personWeekFlagCount: over.length,
      personWeekLimit: this.opts.personWeekLimit,
      personCheckRan: this.col.person !== undefined,
    };
  }
}

/**
 * yyyymmdd of a plain `d-m-yyyy` text (one or two digits for day and month, `-`, `/` or `.`
 * between them, nothing around it), or -1 for any other text. Only a cache key: the date itself
 * is read and checked by `parseDate`, once per key.
 */
function dmyKey(text: string, start: number, end: number): number {
  const len = end - start;
  if (len < 8 || len > 10) return -1;
  let k = start;
  let d = 0;
  let n = 0;
  for (; k < end && n < 3; k++, n++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) break;
    d = d * 10 + (c - 48);
  }
  if (n === 0 || n > 2 || k >= end || !isDateSep(text.charCodeAt(k))) return -1;
  k++;
  let mo = 0;
  n = 0;
  for (; k < end && n < 3; k++, n++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) break;
    mo = mo * 10 + (c - 48);
  }
  if (n === 0 || n > 2 || k >= end || !isDateSep(text.charCodeAt(k))) return -1;
  k++;
  if (end - k !== 4) return -1;
  let y = 0;
  for (; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
    y = y * 10 + (c - 48);
  }
  return y * 10000 + mo * 100 + d;
}

function isDateSep(c: number): boolean {
  return c === 45 || c === 47 || c === 46;
}

/**
 * A copy of `s` that does not share memory with the text chunk it was cut from. V8 keeps a
 * substring as a view on its parent, so storing a field of one row in a long-lived map would
 * keep that row's whole 64 KB chunk alive, and memory would grow with the file. Only called when
 * a new bucket is created, so the cost is per bucket, not per row.
 */
function own(s: string): string {
  return s.length === 0 ? '' : (JSON.parse(JSON.stringify(s)) as string);
}

/** The text of a field: strings as they are, numbers and booleans printed, anything else blank. */
function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** Plain code-unit comparison, so the order does not depend on the locale of the machine. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
