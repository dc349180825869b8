/**
 * Case-level exports of the steering cycle, aggregated while they stream in: the stock of open
 * cases at a reference date (*peildatum*) and the cases decided. Only aggregates leave this
 * module: counts per product, per ageing profile key, per period and per team. A case id is read
 * only to refuse duplicates and is never stored in a result; columns that are not mapped (such as
 * an applicant's or an official's name) are never read at all.
 *
 * A bad row stops the import with a message naming the row and the fix (and how many more rows
 * fail), so nothing is half-written. Dates are dd-mm-jjjj, ISO or Excel serials
 * (`parseDate` of the time-recording import).
 */
import { CalcError } from '../errors';
import { cellText } from '../funding/cells';
import { parseDate, type DayNumber } from '../timerecording/values';
import { formatDay, periodOf, type Calendar } from './calendar';
import { isWithinTerm } from './withinTerm';

/** Columns of the stock export. */
export type StockRole = 'caseId' | 'product' | 'received' | 'adjusted' | 'notice' | 'status';
/** Columns of the decided-cases export. */
export type DecidedRole = 'caseId' | 'product' | 'received' | 'decided' | 'team';

/** A column the import looks for: its role, whether it must exist, and header names it recognises. */
export interface ColumnSpec<R extends string> {
  role: R;
  required: boolean;
  /** Recognised header names, compared without case, spaces and punctuation. */
  synonyms: readonly string[];
  label: { nl: string; en: string };
}

export const STOCK_COLUMNS: readonly ColumnSpec<StockRole>[] = [
  {
    role: 'caseId',
    required: false,
    synonyms: ['zaaknummer', 'zaak', 'zaakid', 'zaaknr', 'dossiernummer', 'caseid', 'case', 'casenumber'],
    label: {
      nl: 'Zaaknummer (alleen voor de controle op dubbele zaken)',
      en: 'Case id (only to refuse duplicates)',
    },
  },
  {
    role: 'product',
    required: true,
    synonyms: ['product', 'producttype', 'zaaktype', 'soortzaak', 'procedure', 'casetype'],
    label: { nl: 'Product', en: 'Product' },
  },
  {
    role: 'received',
    required: true,
    synonyms: [
      'datumontvangst',
      'ontvangstdatum',
      'ontvangen',
      'datumaanvraag',
      'aanvraagdatum',
      'datereceived',
      'received',
    ],
    label: { nl: 'Datum ontvangst', en: 'Date received' },
  },
  {
    role: 'adjusted',
    required: false,
    synonyms: [
      'opschortingverlengingtot',
      'verlengdtot',
      'opgeschorttot',
      'datumopschortingverlenging',
      'datumverlenging',
      'datumopschorting',
      'uitersteBeslisdatum',
      'uiterstebeslisdatum',
      'extendeduntil',
      'suspendeduntil',
    ],
    label: {
      nl: 'Termijn opgeschort/verlengd tot (datum; leeg = ontvangst + termijn)',
      en: 'Term suspended/extended until (date; blank = receipt + term)',
    },
  },
  {
    role: 'notice',
    required: false,
    synonyms: ['ingebrekestelling', 'datumingebrekestelling', 'noticeofdefault', 'noticedate'],
    label: { nl: 'Datum ingebrekestelling', en: 'Date of notice of default' },
  },
  {
    role: 'status',
    required: false,
    synonyms: ['status', 'fase', 'stand'],
    label: { nl: 'Status', en: 'Status' },
  },
];

export const DECIDED_COLUMNS: readonly ColumnSpec<DecidedRole>[] = [
  STOCK_COLUMNS[0] as ColumnSpec<DecidedRole>,
  STOCK_COLUMNS[1] as ColumnSpec<DecidedRole>,
  STOCK_COLUMNS[2] as ColumnSpec<DecidedRole>,
  {
    role: 'decided',
    required: true,
    synonyms: [
      'datumbesluit',
      'besluitdatum',
      'beslisdatum',
      'datumbeslissing',
      'beslist',
      'datedecided',
      'decided',
    ],
    label: { nl: 'Datum besluit', en: 'Date decided' },
  },
  {
    role: 'team',
    required: false,
    synonyms: ['team', 'afdeling', 'unit', 'eenheid'],
    label: { nl: 'Team (voor productie per team)', en: 'Team (for production per team)' },
  },
];

/** Header text as compared: lower case, letters and digits only. */
export function headerKey(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Column index per role (-1 = absent) from the header, with optional choices by header name. */
export function resolveColumns<R extends string>(
  headers: readonly unknown[],
  specs: readonly ColumnSpec<R>[],
  file: string,
  chosen: Partial<Record<R, string>> = {},
): Record<R, number> {
  const keys = headers.map((h) => headerKey(cellText(h)));
  const out = {} as Record<R, number>;
  for (const spec of specs) {
    const pick = chosen[spec.role];
    let idx: number;
    if (pick !== undefined) idx = pick === '' ? -1 : keys.indexOf(headerKey(pick));
    else idx = keys.findIndex((k) => spec.synonyms.some((s) => headerKey(s) === k));
    if (idx < 0 && spec.required)
      throw new CalcError('steerMissingColumn', {
        file,
        argument: spec.label.nl,
        expected: pick ?? spec.synonyms[0],
        received: headers.map((h) => cellText(h)).join(', '),
      });
    out[spec.role] = idx;
  }
  return out;
}

/** Whether a stock case's deadline is counted from receipt (the product's term) or was adjusted. */
export type DeadlineBasis = 'ontvangst' | 'verlengd';

/** One key of the stock profile: cases of one product with the same days and notice state. */
export interface StockProfileRow {
  product: string;
  basis: DeadlineBasis;
  /** basis 'ontvangst': days since receipt; basis 'verlengd': days past the adjusted deadline. */
  days: number;
  /** True when the export has a notice-of-default date for these cases. */
  notice: boolean;
  count: number;
}

/** Cases with a known notice of default, by days since the notice (capped at {@link NOTICE_DAYS_CAP}). */
export interface NoticeRow {
  product: string;
  days: number;
  count: number;
}

/** Days since a notice are stored up to this cap: any penalty schedule of up to a year is exact. */
export const NOTICE_DAYS_CAP = 365;

/** Counts per product and period of the calendar: index 0 = before the year, 1–13, 14 = after. */
export type PeriodCounts = number[];

function periodCounts(): PeriodCounts {
  return new Array<number>(15).fill(0);
}

/** What an import learned beyond the aggregates. */
interface ImportBase {
  file: string;
  cases: number;
  /** Products in first-seen order, with their case count and first row. */
  products: Map<string, { count: number; firstRow: number }>;
}

/** The aggregate of a stock export. */
export interface StockResult extends ImportBase {
  peil: DayNumber;
  profile: StockProfileRow[];
  notices: NoticeRow[];
  hasAdjustedColumn: boolean;
  hasNoticeColumn: boolean;
  hasCaseIdColumn: boolean;
  /** Open cases by the period of their receipt (for the stock at each period end). */
  receivedByPeriod: Map<string, PeriodCounts>;
  statusCounts: Map<string, number>;
}

/** The aggregate of a decided-cases export. */
export interface DecidedResult extends ImportBase {
  hasTeamColumn: boolean;
  hasCaseIdColumn: boolean;
  /** Per product: cases received, decided, decided within term, lead time (days) by period. */
  received: Map<string, PeriodCounts>;
  decided: Map<string, PeriodCounts>;
  within: Map<string, PeriodCounts>;
  leadDays: Map<string, PeriodCounts>;
  /** Per product: +1 at the period after receipt… the change in open cases at each period end. */
  openDelta: Map<string, PeriodCounts>;
  /** Per team: cases decided by period. */
  teams: Map<string, PeriodCounts>;
  /** The term used per product (from the deadline table at import). */
  termsUsed: Map<string, number>;
}

/** Options of both imports. */
export interface CaseImportOptions<R extends string> {
  /** File (or table) name for messages. */
  file: string;
  peil: DayNumber;
  calendar: Calendar;
  /** Legal deadline in days per product (the deadline table). */
  terms: ReadonlyMap<string, number>;
  /** Column choices by header name (role → header); '' = not used. */
  columns?: Partial<Record<R, string>>;
}

/** Collects the first row error and counts the others, so one message says how many rows fail. */
class Problems {
  first: CalcError | undefined;
  count = 0;
  add(e: CalcError): void {
    if (!this.first) this.first = e;
    this.count++;
  }
  throwIfAny(): void {
    if (!this.first) return;
    throw new CalcError(this.first.code, { ...this.first.details, more: this.count - 1 });
  }
}

function text(v: unknown): string {
  return cellText(v).trim();
}

function blank(v: unknown): boolean {
  return text(v) === '';
}

/** Shared row checks: product, receipt date, case id. */
abstract class CaseAggregator<R extends string> {
  protected readonly cols: Record<R, number>;
  protected readonly problems = new Problems();
  protected readonly ids = new Map<string, number>();
  protected readonly products = new Map<string, { count: number; firstRow: number }>();
  protected cases = 0;

  constructor(
    headers: readonly unknown[],
    specs: readonly ColumnSpec<R>[],
    protected readonly opts: CaseImportOptions<R>,
    private readonly otherIds?: { file: string; ids: ReadonlyMap<string, number> },
  ) {
    this.cols = resolveColumns(headers, specs, opts.file, opts.columns);
  }

  /** A date column, or NaN with the problem recorded. Blank is `undefined`. */
  protected date(fields: readonly unknown[], col: number, label: string, row: number): DayNumber | undefined {
    const v = fields[col];
    if (blank(v)) return undefined;
    const d = parseDate(v);
    if (Number.isNaN(d)) {
      this.problems.add(
        new CalcError('steerBadDate', { file: this.opts.file, row, argument: label, received: text(v) }),
      );
      return NaN;
    }
    return d;
  }

  protected afterPeil(d: DayNumber, label: string, row: number): boolean {
    if (d <= this.opts.peil) return false;
    this.problems.add(
      new CalcError('steerAfterPeildatum', {
        file: this.opts.file,
        row,
        argument: label,
        date: formatDay(d),
        peildatum: formatDay(this.opts.peil),
      }),
    );
    return true;
  }

  /** Product and receipt date of a row, or undefined when the row has a problem. */
  protected base(
    fields: readonly unknown[],
    row: number,
    idCol: number,
    productCol: number,
    receivedCol: number,
  ) {
    const f = this.opts.file;
    if (idCol >= 0) {
      const id = text(fields[idCol]);
      if (id === '') {
        this.problems.add(new CalcError('steerBlankField', { file: f, row, argument: 'Zaaknummer' }));
        return undefined;
      }
      const first = this.ids.get(id) ?? this.otherIds?.ids.get(id);
      if (first !== undefined) {
        this.problems.add(
          new CalcError('steerDuplicateCase', {
            file: f,
            firstRow: first,
            row,
            other: this.ids.has(id) ? undefined : this.otherIds?.file,
          }),
        );
        return undefined;
      }
      this.ids.set(id, row);
    }
    const product = text(fields[productCol]);
    if (product === '') {
      this.problems.add(new CalcError('steerBlankField', { file: f, row, argument: 'Product' }));
      return undefined;
    }
    const received = this.date(fields, receivedCol, 'Datum ontvangst', row);
    if (received === undefined) {
      this.problems.add(new CalcError('steerBlankField', { file: f, row, argument: 'Datum ontvangst' }));
      return undefined;
    }
    if (Number.isNaN(received) || this.afterPeil(received, 'Datum ontvangst', row)) return undefined;
    const p = this.products.get(product);
    if (p) p.count++;
    else this.products.set(product, { count: 1, firstRow: row });
    this.cases++;
    return { product, received };
  }

  /** Throws the first row problem, then `steerMissingDeadline` for a product without a term. */
  protected finish(): ImportBase {
    this.problems.throwIfAny();
    if (this.cases === 0) throw new CalcError('steerEmptyExport', { file: this.opts.file });
    for (const [product, p] of this.products) {
      if (!this.opts.terms.has(product))
        throw new CalcError('steerMissingDeadline', {
          file: this.opts.file,
          argument: 'IND_Beslistermijnen',
          received: product,
          count: p.count,
          row: p.firstRow,
        });
    }
    return { file: this.opts.file, cases: this.cases, products: this.products };
  }

  /** The case ids seen (row by id), for the check across the two exports. */
  get caseIds(): ReadonlyMap<string, number> {
    return this.ids;
  }
}

function bump(map: Map<string, PeriodCounts>, key: string, period: number, by = 1): void {
  let c = map.get(key);
  if (!c) map.set(key, (c = periodCounts()));
  c[period] += by;
}

/** Aggregates a stock export (open cases at the peildatum). Feed it records, then call `result()`. */
export class StockAggregator extends CaseAggregator<StockRole> {
  private readonly profile = new Map<string, number>();
  private readonly notices = new Map<string, number>();
  private readonly received = new Map<string, PeriodCounts>();
  private readonly status = new Map<string, number>();

  constructor(headers: readonly unknown[], opts: CaseImportOptions<StockRole>) {
    super(headers, STOCK_COLUMNS, opts);
  }

  /** Adds one data record (`row` = its 1-based number in the file, the header being 1). */
  add(fields: readonly unknown[], row: number): void {
    if (fields.every(blank)) return;
    const c = this.cols;
    const b = this.base(fields, row, c.caseId, c.product, c.received);
    if (!b) return;
    const peil = this.opts.peil;
    let basis: DeadlineBasis = 'ontvangst';
    let days = peil - b.received;
    if (c.adjusted >= 0) {
      const adj = this.date(fields, c.adjusted, 'Termijn opgeschort/verlengd tot', row);
      if (adj !== undefined) {
        if (Number.isNaN(adj)) return;
        if (adj < b.received) {
          this.problems.add(
            new CalcError('steerDateBeforeReceived', {
              file: this.opts.file,
              row,
              argument: 'Termijn opgeschort/verlengd tot',
              date: formatDay(adj),
              received: formatDay(b.received),
            }),
          );
          return;
        }
        basis = 'verlengd';
        days = peil - adj;
      }
    }
    let notice = false;
    if (c.notice >= 0) {
      const nd = this.date(fields, c.notice, 'Datum ingebrekestelling', row);
      if (nd !== undefined) {
        if (Number.isNaN(nd) || this.afterPeil(nd, 'Datum ingebrekestelling', row)) return;
        if (nd < b.received) {
          this.problems.add(
            new CalcError('steerDateBeforeReceived', {
              file: this.opts.file,
              row,
              argument: 'Datum ingebrekestelling',
              date: formatDay(nd),
              received: formatDay(b.received),
            }),
          );
          return;
        }
        notice = true;
        const k = `${b.product}\u0001${Math.min(peil - nd, NOTICE_DAYS_CAP)}`;
        this.notices.set(k, (this.notices.get(k) ?? 0) + 1);
      }
    }
    const key = `${b.product}\u0001${basis}\u0001${days}\u0001${notice ? 1 : 0}`;
    this.profile.set(key, (this.profile.get(key) ?? 0) + 1);
    bump(this.received, b.product, periodOf(this.opts.calendar, b.received));
    if (c.status >= 0) {
      const s = text(fields[c.status]) || '(leeg)';
      this.status.set(s, (this.status.get(s) ?? 0) + 1);
    }
  }

  /** The aggregate. @throws CalcError the first row problem (with the count of others), `steerEmptyExport`, `steerMissingDeadline`. */
  result(): StockResult {
    const base = this.finish();
    const profile: StockProfileRow[] = [...this.profile].map(([k, count]) => {
      const [product, basis, days, notice] = k.split('\u0001');
      return { product, basis: basis as DeadlineBasis, days: Number(days), notice: notice === '1', count };
    });
    profile.sort(
      (a, b) =>
        cmp(a.product, b.product) ||
        cmp(a.basis, b.basis) ||
        a.days - b.days ||
        Number(a.notice) - Number(b.notice),
    );
    const notices: NoticeRow[] = [...this.notices].map(([k, count]) => {
      const [product, days] = k.split('\u0001');
      return { product, days: Number(days), count };
    });
    notices.sort((a, b) => cmp(a.product, b.product) || a.days - b.days);
    return {
      ...base,
      peil: this.opts.peil,
      profile,
      notices,
      hasAdjustedColumn: this.cols.adjusted >= 0,
      hasNoticeColumn: this.cols.notice >= 0,
      hasCaseIdColumn: this.cols.caseId >= 0,
      receivedByPeriod: this.received,
      statusCounts: this.status,
    };
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Aggregates an export of decided cases. Feed it records, then call `result()`. */
export class DecidedAggregator extends CaseAggregator<DecidedRole> {
  private readonly received = new Map<string, PeriodCounts>();
  private readonly decided = new Map<string, PeriodCounts>();
  private readonly within = new Map<string, PeriodCounts>();
  private readonly lead = new Map<string, PeriodCounts>();
  private readonly open = new Map<string, PeriodCounts>();
  private readonly teams = new Map<string, PeriodCounts>();

  /**
   * @param stockIds - The stock export's case ids, so that a case in both exports is refused.
   */
  constructor(
    headers: readonly unknown[],
    opts: CaseImportOptions<DecidedRole>,
    stockIds?: { file: string; ids: ReadonlyMap<string, number> },
  ) {
    super(headers, DECIDED_COLUMNS, opts, stockIds);
  }

  /** Adds one data record (`row` = its 1-based number in the file). */
  add(fields: readonly unknown[], row: number): void {
    if (fields.every(blank)) return;
    const c = this.cols;
    const b = this.base(fields, row, c.caseId, c.product, c.received);
    if (!b) return;
    const decided = this.date(fields, c.decided, 'Datum besluit', row);
    if (decided === undefined) {
      this.problems.add(
        new CalcError('steerBlankField', { file: this.opts.file, row, argument: 'Datum besluit' }),
      );
      return;
    }
    if (Number.isNaN(decided) || this.afterPeil(decided, 'Datum besluit', row)) return;
    if (decided < b.received) {
      this.problems.add(
        new CalcError('steerDecidedBeforeReceived', {
          file: this.opts.file,
          row,
          decided: formatDay(decided),
          received: formatDay(b.received),
        }),
      );
      return;
    }
    const cal = this.opts.calendar;
    const r = periodOf(cal, b.received);
    const d = periodOf(cal, decided);
    bump(this.received, b.product, r);
    bump(this.decided, b.product, d);
    const lead = decided - b.received;
    bump(this.lead, b.product, d, lead);
    const term = this.opts.terms.get(b.product);
    if (term !== undefined && isWithinTerm(lead, term)) bump(this.within, b.product, d);
    // Open at the end of periods max(r, 1) … d − 1.
    const from = Math.max(r, 1);
    if (from < d) {
      bump(this.open, b.product, from, 1);
      if (d <= 13) bump(this.open, b.product, d, -1);
    }
    if (c.team >= 0) bump(this.teams, text(fields[c.team]) || '(geen team)', d);
  }

  /** The aggregate. @throws CalcError the first row problem (with the count of others), `steerEmptyExport`, `steerMissingDeadline`. */
  result(): DecidedResult {
    const base = this.finish();
    const termsUsed = new Map<string, number>();
    for (const p of base.products.keys()) termsUsed.set(p, this.opts.terms.get(p) as number);
    return {
      ...base,
      hasTeamColumn: this.cols.team >= 0,
      hasCaseIdColumn: this.cols.caseId >= 0,
      received: this.received,
      decided: this.decided,
      within: this.within,
      leadDays: this.lead,
      openDelta: this.open,
      teams: this.teams,
      termsUsed,
    };
  }
}
