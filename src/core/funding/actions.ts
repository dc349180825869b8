/**
 * The action table (*actietabel*) of the reconciliation: per variance that needs an explanation,
 * its cause, the action, the owner, the due date and the status. It is a workbook table that the
 * pane never overwrites: each period gets its own table (`IND_Acties_<period>`), seeded with the
 * open actions of the previous period's table (carry-over) and a fresh row per material variance.
 */
import { CalcError } from '../errors';
import { parsePeriod } from './period';
import { isBlank } from '../input';
import { excelRound } from '../round';
import { findColumn, headerKey, type Cell } from './cells';
import type { MaterialVariance } from './reconcile';
import { readLoopFields, type ActionLoopFields } from '../steering/actionFields';

/** Column headers of the action table, in order (Dutch, as the workbook shows them). */
export const ACTION_HEADERS = [
  'Verschil',
  'Bedrag (€)',
  'Periode',
  'Oorzaak',
  'Actie',
  'Eigenaar',
  'Vervaldatum',
  'Status',
] as const;

/** English equivalents accepted when reading a table back. */
const ACTION_HEADERS_EN: Record<(typeof ACTION_HEADERS)[number], string> = {
  Verschil: 'Variance',
  'Bedrag (€)': 'Amount (€)',
  Periode: 'Period',
  Oorzaak: 'Cause',
  Actie: 'Action',
  Eigenaar: 'Owner',
  Vervaldatum: 'Due date',
  Status: 'Status',
};

/** One action row. Dates stay as the workbook holds them (a date serial or text). */
export interface ActionRow extends Partial<ActionLoopFields> {
  variance: string;
  amount: number | string;
  /** The period in which the variance was first raised. */
  period: string;
  cause: string;
  action: string;
  owner: string;
  due: number | string;
  status: string;
}

/** Statuses that close an action (case-insensitive, nl/en); anything else, or blank, is open. */
export const CLOSED_STATUSES = [
  'afgerond',
  'gereed',
  'gesloten',
  'klaar',
  'vervallen',
  'done',
  'closed',
  'completed',
  'cancelled',
];

/** The status a new action starts with. */
export const OPEN_STATUS = 'Open';

/** True when the status does not close the action. */
export function isOpen(status: unknown): boolean {
  return isBlank(status) || !CLOSED_STATUSES.includes(String(status).trim().toLowerCase());
}

/**
 * Turns a period label into the suffix of table names ("2026-T1" → "2026_T1").
 * @throws CalcError `fundingBadPeriod` for anything but a year and a tertaal or month
 *   (`2026-T1`, `2026-03`: see `period.ts`), so that action tables sort by time.
 */
export function periodSlug(period: string): string {
  const p = period.trim();
  parsePeriod(p);
  return p.replace(/[ -]/g, '_');
}

/** The action table's name for a period. */
export function actionTableName(period: string): string {
  return `IND_Acties_${periodSlug(period)}`;
}

/**
 * The previous period's action table among `tableNames`: the last action table whose name sorts
 * before the current one (period labels of one form, like 2026-T1 or 2026-03, sort by time).
 */
export function previousActionTable(tableNames: readonly string[], period: string): string | undefined {
  const current = actionTableName(period);
  return tableNames
    .filter((n) => n.startsWith('IND_Acties_') && n !== current && n < current)
    .sort()
    .pop();
}

function text(cell: Cell): string {
  return isBlank(cell) ? '' : String(cell);
}

/**
 * Reads the rows of an existing action table and keeps the open ones (carry-over). The header
 * is matched by name (nl or en), so a user who moved columns loses nothing.
 * @throws CalcError `fundingActionTableHeaders` when a column is missing; nothing is written then.
 */
export function carryOverOpenActions(
  name: string,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
): ActionRow[] {
  const col = (h: (typeof ACTION_HEADERS)[number]): number => {
    try {
      return findColumn(headers, [h, ACTION_HEADERS_EN[h]], name);
    } catch {
      throw new CalcError('fundingActionTableHeaders', {
        argument: name,
        expected: h,
        received: headers.join(', '),
      });
    }
  };
  const c = {
    variance: col('Verschil'),
    amount: col('Bedrag (€)'),
    period: col('Periode'),
    cause: col('Oorzaak'),
    action: col('Actie'),
    owner: col('Eigenaar'),
    due: col('Vervaldatum'),
    status: col('Status'),
  };
  return rows
    .filter((r) => !r.every(isBlank) && isOpen(r[c.status]))
    .map((r) => ({
      variance: text(r[c.variance]),
      amount: typeof r[c.amount] === 'number' ? (r[c.amount] as number) : text(r[c.amount]),
      period: text(r[c.period]),
      cause: text(r[c.cause]),
      action: text(r[c.action]),
      owner: text(r[c.owner]),
      due: typeof r[c.due] === 'number' ? (r[c.due] as number) : text(r[c.due]),
      status: isBlank(r[c.status]) ? OPEN_STATUS : String(r[c.status]),
      ...readLoopFields(headers, r, name, isBlank(r[c.status]) ? OPEN_STATUS : String(r[c.status])),
    }));
}

/** Labels of the variance kinds in the action table. */
export const KIND_LABELS: Record<MaterialVariance['kind'], { nl: string; en: string }> = {
  volume: { nl: 'volume', en: 'volume' },
  mix: { nl: 'mix', en: 'mix' },
  productivity: { nl: 'productiviteit', en: 'productivity' },
  price: { nl: 'prijs/tarief', en: 'price/rate' },
  efficiency: { nl: 'efficiëntie', en: 'efficiency' },
  other: { nl: 'overig/niet toegerekend', en: 'other/unallocated' },
};

/** The variance's name in the action table, e.g. "A4 · efficiëntie". */
export function varianceLabel(v: Pick<MaterialVariance, 'code' | 'kind'>, lang: 'nl' | 'en' = 'nl'): string {
  const kind = KIND_LABELS[v.kind][lang];
  return v.code === '' ? kind : `${v.code} · ${kind}`;
}

/**
 * The rows of this period's action table: the carried-over open actions first (unchanged), then
 * a new open row per material variance, amounts rounded to the cent for the record (Excel's ROUND).
 */
export function buildActionRows(
  carried: readonly ActionRow[],
  material: readonly MaterialVariance[],
  period: string,
  lang: 'nl' | 'en' = 'nl',
): ActionRow[] {
  const fresh = material.map((v): ActionRow => ({
    variance: varianceLabel(v, lang),
    // Excel's ROUND(amount; 2): half away from zero, 1,005 → 1,01 (Math.round gives 1 and −0,12 for −0,125).
    amount: excelRound(v.amount, 2),
    period,
    cause: '',
    action: '',
    owner: '',
    due: '',
    status: OPEN_STATUS,
  }));
  return [...carried, ...fresh];
}

/** Header match helper for views that must find an action table among others. */
export function looksLikeActionTable(headers: readonly string[]): boolean {
  const keys = new Set(headers.map(headerKey));
  return ['Verschil', 'Status'].every(
    (h) => keys.has(headerKey(h)) || keys.has(headerKey(ACTION_HEADERS_EN[h as 'Verschil'])),
  );
}
