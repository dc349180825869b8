/** Helpers of the sheet-language tests: what a plan shows, and the shape of its formulas. */
import type { WritePlan } from '../../src/taskpane/host/types';

/** The texts a cell shows: the cell's own text, or the text literals inside its formula. */
export function shownTexts(v: unknown): string[] {
  if (typeof v !== 'string') return [];
  return v.startsWith('=') ? [...v.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]) : [v];
}

/** Every formula of a plan with its text literals blanked, by place, and every name's reference. */
export function formulaShapes(plan: WritePlan): string[] {
  const out: string[] = [];
  const add = (where: string, v: unknown): void => {
    if (typeof v === 'string' && v.startsWith('='))
      out.push(`${where} ${v.replace(/"(?:[^"]|"")*"/g, '""')}`);
  };
  for (const s of plan.sheets) {
    for (const b of s.blocks)
      b.cells.forEach((r, i) => r.forEach((v, j) => add(`${s.name}!${b.at}+${i},${j}`, v)));
    for (const t of s.tables ?? [])
      t.rows.forEach((r, i) => r.forEach((v, j) => add(`${t.name}[${i},${j}]`, v)));
  }
  for (const n of plan.names ?? []) out.push(`${n.name} ${n.ref}`);
  return out;
}
