/** Builds the steering plans from the fixtures, as the view does, for the plan and sheet tests. */
import { ExcelErrorValue } from '../../src/cli/engine';
import { a1, topLeft } from '../../src/core/norms/address';
import { readPlan, type VersionRow } from '../../src/core/steering';
import { findTable, workbookFromPlans } from '../../src/engine/model';
import { WorkbookEvaluator } from '../../src/engine/workbook';
import type { Lang } from '../../src/core/messages/types';
import type { WritePlan } from '../../src/taskpane/host/types';
import {
  buildCyclePlan,
  type CyclePlan,
  type CyclePlanInput,
} from '../../src/taskpane/plans/steering/cyclePlan';
import { ST_TABLES } from '../../src/taskpane/plans/steering/names';
import { buildParametersPlan } from '../../src/taskpane/plans/steering/parametersPlan';
import { readCapacity, readParameters, type TableRows } from '../../src/taskpane/plans/steering/readBack';
import { PEIL } from './fixtures';
import { importDecided, importStock } from './helpers';

/** The tables of plans by name, as the gateway's readTable would return them after writing. */
export function tablesOf(...plans: WritePlan[]): Map<string, TableRows> {
  const out = new Map<string, TableRows>();
  for (const p of plans)
    for (const s of p.sheets)
      for (const t of s.tables ?? []) out.set(t.name, { name: t.name, headers: t.headers, rows: t.rows });
  return out;
}

/** The parameter plan of 2026, with the fixtures' terms (NAREIS 90 days: the default). */
export function paramsPlan(lang: Lang = 'nl'): WritePlan {
  return buildParametersPlan({ lang, year: 2026, teams: ['Team Noord', 'Team Zuid'] });
}

/** Fills the team table's blank fte/norm (the plan leaves them for the user) with fictief values. */
export function withTeams(plan: WritePlan): WritePlan {
  const params = plan.sheets[0];
  const t = params.tables!.find((x) => x.name === ST_TABLES.teams)!;
  t.rows = t.rows.map((r, i) => [r[0], 20 - 2 * i, 9, r[3]]);
  const b = params.blocks.find((x) => x.at === 'Q5')!;
  b.cells = t.rows.map((r) => [...r]);
  return plan;
}

/** Puts a plan (received, decided per period) into the production plan table of a params plan. */
export function withProductionPlan(plan: WritePlan, values: Record<string, [number, number][]>): WritePlan {
  const sheet = plan.sheets[1];
  const t = sheet.tables![0];
  t.rows = t.rows.map((r) => {
    const v = values[String(r[0])]?.[Number(String(r[1]).slice(-2)) - 1];
    return v ? [r[0], r[1], v[0], v[1], null, null, null] : r;
  });
  sheet.blocks.find((b) => b.at === 'C5')!.cells = t.rows.map((r) => r.slice(2));
  return plan;
}

/** The cycle plan over the fixtures and a parameter plan. */
export function cycle(
  params: WritePlan,
  over: Partial<CyclePlanInput> = {},
  opts: { decided?: boolean; versions?: VersionRow[] } = {},
): CyclePlan {
  const tables = tablesOf(params);
  const p = readParameters((n) => tables.get(n));
  const stock = importStock();
  const decided = opts.decided === false ? undefined : importDecided();
  const products = [...new Set([...stock.products.keys(), ...(decided?.products.keys() ?? [])])];
  const planTable = tables.get(ST_TABLES.plan)!;
  return buildCyclePlan({
    lang: 'nl',
    peil: PEIL,
    horizon: 4,
    period: '2026-T2',
    params: p,
    capacity: readCapacity(tables.get(ST_TABLES.capacity)!, products),
    stock,
    decided,
    plan: readPlan(planTable.rows, p.calendar, planTable.name),
    versions: opts.versions,
    tableNames: [...tables.keys()],
    sources: { stock: 'voorraad.csv', decided: decided ? 'besloten.csv' : undefined },
    ...over,
  });
}

/** THE evaluator (src/engine/workbook.ts, the registry's adapters) over plans laid out in order. */
export function evaluate(...plans: WritePlan[]): WorkbookEvaluator {
  return new WorkbookEvaluator(workbookFromPlans(...plans));
}

/** The values of `n` cells from `at` to the right. */
export function rowValues(ev: WorkbookEvaluator, sheet: string, at: string, n: number): unknown[] {
  const { row, column } = topLeft(at);
  return Array.from({ length: n }, (_, j) => ev.value(sheet, row, column + j));
}

/** Sets a table cell by column name and 1-based data row, as a user typing into it. */
export function setTableCell(
  ev: WorkbookEvaluator,
  table: string,
  column: string,
  dataRow: number,
  v: string | number | boolean | null,
): void {
  const found = findTable(ev.model, table);
  if (!found) throw new Error(`unknown table ${table}`);
  const i = found.table.headers.indexOf(column);
  if (i < 0) throw new Error(`unknown column ${column}`);
  ev.set(found.sheet.name, a1(found.table.row + dataRow, found.table.col + i), v);
}

/** True for an error value of a formula (`#VALUE!`, `#N/A`, … with the adapter's message). */
export function isError(v: unknown): v is ExcelErrorValue {
  return v instanceof ExcelErrorValue;
}

/** TODAY() as the engine computes it: today's local date as a 1900-system serial. */
export function todaySerial(): number {
  const now = new Date();
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86400000 + 25569;
}
