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
import { columnList, DELIMITERS, delimiterName } from './csv';
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

interface Bucket {
  cell: AggCell;
}

/**
 * Streaming aggregator. Create it with the header, `add` every data row, then `result()`.
 * Throws (at construction) when the mapped columns are not in the header.
 */
export class Aggregator {
  private readonly col: Partial<Record<ColumnRole, number>>;
  private readonly headers: string[];
  private readonly opts: Required<Omit<AggregateOptions, 'mapping'>> & { mapping: ColumnMapping };
  private readonly buckets = new Map<string, Bucket>();
  private readonly cats = new Map<string, CategorySeen>();
  private readonly personWeeks = new Map<string, { hours: number; team: string; week: number }>();
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
  /**
   * Date text → day and period. An export has few distinct dates and millions of rows, so this
   * saves the date arithmetic per row; it is cleared when it grows, to keep memory bounded.
   */
  private readonly dateCache = new Map<string, { day: number; period: number }>();
  /** The bucket and person-week of the previous accepted line (a speed-up only, see `add`). */
  private lastBucket: Bucket | undefined;
  /** The buckets by team, period, product and category key (the same objects as `buckets`). */
  private readonly index = new Map<string, Map<number, Map<string, Map<string, Bucket>>>>();
  private lastPerson = '';
  private lastPersonWeek: { hours: number; team: string; week: number } | undefined;

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
    let cached = typeof dateRaw === 'string' ? this.dateCache.get(dateRaw) : undefined;
    if (!cached) {
      const d = parseDate(typeof dateRaw === 'string' ? dateRaw.trim() : dateRaw);
      cached = { day: d, period: Number.isNaN(d) ? NaN : periodIndex(this.opts.periodKind, d) };
      if (typeof dateRaw === 'string') {
        if (this.dateCache.size >= 10000) this.dateCache.clear();
        this.dateCache.set(own(dateRaw), cached);
      }
    }
    const day = cached.day;
    if (Number.isNaN(day)) {
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
    const pIndex = cached.period;
    const cKey = categoryKey(catLabel);

    this.rowsAccepted++;
    this.hoursAccepted += hours;
    if (pIndex < this.minPeriod) this.minPeriod = pIndex;
    if (pIndex > this.maxPeriod) this.maxPeriod = pIndex;

    // Consecutive lines of an export mostly fall in the same bucket: compare before looking up;
    // the lookup goes team → period → product → category (no key string built per line).
    const last = this.lastBucket;
    let b =
      last &&
      last.cell.team === team &&
      last.cell.periodIndex === pIndex &&
      last.cell.product === product &&
      last.cell.categoryKey === cKey
        ? last
        : undefined;
    if (!b) {
      let byPeriod = this.index.get(team);
      if (!byPeriod) this.index.set(own(team), (byPeriod = new Map()));
      let byProduct = byPeriod.get(pIndex);
      if (!byProduct) byPeriod.set(pIndex, (byProduct = new Map()));
      let byCat = byProduct.get(product);
      if (!byCat) byProduct.set(own(product), (byCat = new Map()));
      b = byCat.get(cKey);
      if (!b) {
        const key = `${team}\u001f${pIndex}\u001f${product}\u001f${cKey}`;
        b = {
          cell: {
            team: own(team),
            periodIndex: pIndex,
            period: periodLabel(this.opts.periodKind, pIndex),
            product: own(product),
            categoryKey: own(cKey),
            hours: 0,
            cases: 0,
            rows: 0,
          },
        };
        this.buckets.set(own(key), b);
        byCat.set(b.cell.categoryKey, b);
      }
    }
    this.lastBucket = b;
    b.cell.hours += hours;
    b.cell.cases += cases;
    b.cell.rows++;

    let c = this.cats.get(cKey);
    if (!c) {
      c = { key: own(cKey), label: own(catLabel), hours: 0, rows: 0 };
      this.cats.set(c.key, c);
    }
    c.hours += hours;
    c.rows++;

    if (person !== '') {
      const w = weekIndex(day);
      // Consecutive lines are mostly the same person in the same week: compare before hashing.
      let pw =
        this.lastPersonWeek !== undefined && this.lastPerson === person && this.lastPersonWeek.week === w
          ? this.lastPersonWeek
          : undefined;
      if (!pw) {
        const pk = `${person}\u001f${w}`;
        pw = this.personWeeks.get(pk);
        // The team of a person-week is the team of its first line (a transfer mid-week is rare).
        if (pw) pw.hours += hours;
        else {
          pw = { hours, team: own(team), week: w };
          this.personWeeks.set(own(pk), pw);
        }
        this.lastPerson = person; // one string at a time: it may keep only one chunk alive
      } else pw.hours += hours;
      this.lastPersonWeek = pw;
    }
  }

  /** The aggregate. Cells are sorted by team, period, product, category. */
  result(): AggregateResult {
    const cells = [...this.buckets.values()].map((b) => b.cell);
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
    const flags: PersonWeekFlag[] = [];
    let flagCount = 0;
    const sortedPw = [...this.personWeeks.entries()].sort((a, b) => a[1].week - b[1].week || cmp(a[0], b[0]));
    for (const [k, v] of sortedPw) {
      if (v.hours > this.opts.personWeekLimit) {
        flagCount++;
        if (flags.length < this.opts.maxStored) {
          const { year, week } = isoWeek(v.week * 7 - 3);
          flags.push({
            person: k.slice(0, k.indexOf('\u001f')),
            team: v.team,
            week: `${year}-W${String(week).padStart(2, '0')}`,
            hours: v.hours,
          });
        }
      }
    }
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
      categories: [...this.cats.values()].sort((a, b) => cmp(a.key, b.key)),
      teams,
      periods,
      personWeekCount: this.personWeeks.size,
      personWeekFlags: flags,
      personWeekFlagCount: flagCount,
      personWeekLimit: this.opts.personWeekLimit,
      personCheckRan: this.col.person !== undefined,
    };
  }
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
