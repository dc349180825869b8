/**
 * Reconciliation periods (*nacalculatie*) as a controlled choice: a year and a four-month
 * period (*tertaal*, T1–T3) or a calendar month (01–12), written `2026-T1` or `2026-03`. Free text
 * ("eerste tertaal") would create its own sheets and break the carry-over of open actions, which
 * finds the previous period by sorting the action tables' names; only these labels sort by time.
 */
import { CalcError } from '../errors';

/** The part of a period after the year: a tertaal or a month. */
export type PeriodPart =
  'T1' | 'T2' | 'T3' | '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12';

/** The tertalen, then the months, in the order the pane lists them. */
export const PERIOD_PARTS: readonly PeriodPart[] = [
  'T1',
  'T2',
  'T3',
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
];

/** The accepted form of a period label. */
export const PERIOD_PATTERN = /^(\d{4})-(T[1-3]|0[1-9]|1[0-2])$/;

/** Years offered around `year`: two back, one ahead. */
export function periodYears(year: number): number[] {
  return [year - 2, year - 1, year, year + 1];
}

/** The label of a year and a part: 2026, 'T1' → "2026-T1". */
export function periodLabel(year: number, part: PeriodPart): string {
  return `${year}-${part}`;
}

/**
 * Splits a period label into its year and part.
 * @throws CalcError `fundingBadPeriod` for anything that is not `jjjj-T1..T3` or `jjjj-01..12`.
 */
export function parsePeriod(label: string): { year: number; part: PeriodPart } {
  const m = PERIOD_PATTERN.exec(label.trim());
  if (!m) throw new CalcError('fundingBadPeriod', { received: label });
  return { year: Number(m[1]), part: m[2] as PeriodPart };
}

/** The tertaal of a date: 2026-05-10 → "2026-T2". */
export function tertaalOf(date: Date): string {
  return periodLabel(date.getFullYear(), `T${Math.floor(date.getMonth() / 4) + 1}` as PeriodPart);
}

/** The period after `label`, of the same kind: 2026-T3 → 2027-T1, 2026-12 → 2027-01. */
export function nextPeriod(label: string): string {
  const { year, part } = parsePeriod(label);
  if (part.startsWith('T')) {
    const t = Number(part.slice(1));
    return t === 3 ? periodLabel(year + 1, 'T1') : periodLabel(year, `T${t + 1}` as PeriodPart);
  }
  const m = Number(part);
  return m === 12
    ? periodLabel(year + 1, '01')
    : periodLabel(year, String(m + 1).padStart(2, '0') as PeriodPart);
}

/**
 * The default period, taken from the data where it can be: the period after the latest action
 * table already in the workbook (`IND_Acties_2026_T1` → 2026-T2), else the tertaal of `today`.
 */
export function defaultPeriod(tableNames: readonly string[], today: Date): string {
  const done = tableNames
    .map((n) => /^IND_Acties_(\d{4})_(T[1-3]|0[1-9]|1[0-2])$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}-${m[2]}`)
    .sort();
  const latest = done.pop();
  return latest ? nextPeriod(latest) : tertaalOf(today);
}
