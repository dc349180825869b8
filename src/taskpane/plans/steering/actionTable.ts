/**
 * The action table with the loop columns (`src/core/steering/actionLoop.ts`): the action
 * table's own columns, then the link to the variance or KPI, the capacity the action needs, the
 * live *overdue* and *recurring* flags and the history. Used by the reconciliation plan
 * (*Nacalculatie*) and by the steering cycle, so both tables have the same columns and flags.
 */
import { ACTION_HEADERS, type ActionRow } from '../../../core/funding/actions';
import {
  LOOP_HEADERS,
  overdueFormula,
  recurringFormula,
  type ActionLoopFields,
} from '../../../core/steering/actionLoop';
import type { Lang } from '../../../core/messages/types';
import type { CellValue, TablePlan } from '../../host/types';

/** An action row with (possibly empty) loop fields. */
export type LoopActionRow = ActionRow & Partial<ActionLoopFields>;

/** The word the flags show. */
export function flagWord(lang: Lang): string {
  return lang === 'nl' ? 'ja' : 'yes';
}

/**
 * The table plan: headers = the action table's + {@link LOOP_HEADERS}; per row the stored values,
 * then the two flag formulas. `amountHeader` replaces "Bedrag (€)" where the deviation is not in
 * euros (the steering cycle's KPI deviations).
 */
export function actionTablePlan(
  name: string,
  at: string,
  rows: readonly LoopActionRow[],
  lang: Lang,
  amountHeader?: string,
): TablePlan {
  const yes = flagWord(lang);
  const headers: string[] = [...ACTION_HEADERS, ...LOOP_HEADERS];
  if (amountHeader) headers[1] = amountHeader;
  return {
    name,
    at,
    headers,
    rows: rows.map((a): CellValue[] => [
      a.variance,
      a.amount,
      a.period,
      a.cause,
      a.action,
      a.owner,
      a.due,
      a.status,
      a.link ?? '',
      a.capacityHours ?? '',
      overdueFormula(yes),
      recurringFormula(name, yes),
      a.history ?? '',
    ]),
    columnFormats: [
      null,
      amountHeader ? '#,##0.0##' : '#,##0.00',
      '@',
      null,
      null,
      null,
      'dd-mm-yyyy',
      null,
      '@',
      '#,##0.0',
      null,
      null,
      null,
    ],
  };
}
