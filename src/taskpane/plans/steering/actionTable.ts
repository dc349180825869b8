/**
 * The action table with the loop columns (`src/core/steering/actionLoop.ts`): the action
 * table's own columns, then the link to the variance or KPI, the capacity the action needs, the
 * live *overdue* and *recurring* flags and the history. Used by the reconciliation plan
 * (*Nacalculatie*) and by the steering cycle, so both tables have the same columns and flags.
 */
import { ACTION_HEADERS, type ActionRow } from '../../../core/funding/actions';
import type { MaterialVariance } from '../../../core/funding/reconcile';
import {
  createdHistory,
  linkTo,
  LOOP_HEADERS,
  overdueFormula,
  recurringFormula,
  type ActionLoopFields,
} from '../../../core/steering/actionLoop';
import type { Lang } from '../../../core/messages/types';
import type { CellValue, TablePlan } from '../../host/types';
import { NF } from '../formats';

/** An action row with (possibly empty) loop fields. */
export type LoopActionRow = ActionRow & Partial<ActionLoopFields>;

/** Column widths of an action sheet (the table at A4, thirteen columns). */
export const ACTION_TABLE_WIDTHS: Record<string, number> = {
  A: 200,
  B: 110,
  C: 80,
  D: 220,
  E: 220,
  F: 120,
  G: 100,
  H: 90,
  I: 200,
  J: 110,
  K: 90,
  L: 90,
  M: 300,
};

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
      amountHeader ? NF.amountFlexible : NF.amountCents,
      NF.text,
      null,
      null,
      null,
      NF.date,
      null,
      NF.text,
      NF.fte,
      null,
      null,
      null,
    ],
  };
}

/**
 * Gives the fresh rows of the reconciliation's action table (the last `material.length` rows,
 * one per material variance, after the carried ones) their link to the variance's cell and their
 * history. `cellOf` is the reconciliation layout's answer to "where is this variance on the sheet".
 */
export function linkFreshActions(
  actions: readonly ActionRow[],
  material: readonly MaterialVariance[],
  sheet: string,
  period: string,
  cellOf: (v: MaterialVariance) => string,
  lang: Lang,
): LoopActionRow[] {
  const first = actions.length - material.length;
  return actions.map((a, i) =>
    i < first
      ? a
      : { ...a, link: linkTo(sheet, cellOf(material[i - first])), history: createdHistory(period, lang) },
  );
}
