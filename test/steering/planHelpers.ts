/** Builds the steering plans from the fixtures, as the view does, for the plan and sheet tests. */
import { readPlan, type VersionRow } from '../../src/core/steering';
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
