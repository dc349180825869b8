/**
 * Plan kit (issue 10, Build 5): workbook names come from the one parameter list. Every `IND_…`
 * name a plan's formulas refer to is defined by the parameter plan or by the plans of the same
 * workbook state (its own names and tables, the norm table, the example volume table); a
 * parameter's name is written only through `nameOf(key)`.
 */
import type { WritePlan } from '../../src/taskpane/host/types';
import {
  buildParameterPlan,
  defaultSets,
  MODEL_SET,
  nameOf,
  PARAMETERS,
} from '../../src/taskpane/plans/parameters';
import { exampleStates } from '../engine/states';

/** Every formula text a plan writes: cells, table rows, name references, validation lists. */
function formulasOf(plan: WritePlan): string[] {
  const out: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string' && v.startsWith('=')) out.push(v);
  };
  for (const sheet of plan.sheets) {
    for (const b of sheet.blocks) {
      b.cells.forEach((r) => r.forEach(add));
      if (b.validation) add(b.validation.list);
    }
    for (const t of sheet.tables ?? []) t.rows.forEach((r) => r.forEach(add));
  }
  for (const n of plan.names ?? []) add(n.ref);
  return out;
}

/** The `IND_…` names and tables a formula refers to, outside string literals. */
function referencedNames(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, '');
  return [...code.matchAll(/(?<![A-Za-z0-9_.])IND_[A-Za-z0-9_]+/g)].map((m) => m[0]);
}

function definedBy(plans: WritePlan[]): Set<string> {
  const out = new Set<string>();
  for (const plan of plans) {
    for (const n of plan.names ?? []) out.add(n.name.toLowerCase());
    for (const s of plan.sheets) for (const t of s.tables ?? []) out.add(t.name.toLowerCase());
  }
  return out;
}

/** Names referred to but not defined, as 'state: name'. */
function dangling(name: string, plans: WritePlan[]): string[] {
  const defined = definedBy([buildParameterPlan(defaultSets(), MODEL_SET), ...plans]);
  const missing = new Set<string>();
  for (const plan of plans)
    for (const f of formulasOf(plan))
      for (const ref of referencedNames(f))
        if (!defined.has(ref.toLowerCase())) missing.add(`${name}: ${ref}`);
  return [...missing];
}

describe('workbook names of the plans', () => {
  it('nameOf gives the parameter list’s name and refuses an unknown key', () => {
    for (const p of PARAMETERS) expect(nameOf(p.key)).toBe(p.excelName);
    expect(nameOf('directRatio')).toBe('IND_DirecteUren');
    expect(() => nameOf('directRatioo')).toThrow(/unknown parameter key directRatioo/);
  });

  it('the check finds a dangling name (a renamed parameter) and ignores text and sheet names', () => {
    expect(referencedNames(`=IND.FTE(B5,IND_Periodeweken,"IND_Nee",'IND_Blad'!A1)`)).toEqual([
      'IND_Periodeweken',
    ]);
    const plan: WritePlan = {
      action: 'x',
      sheets: [{ name: 'X', blocks: [{ at: 'A1', cells: [['=IND_DirecteUrenn*2', '=IND_DirecteUren']] }] }],
    };
    expect(dangling('x', [plan])).toEqual(['x: IND_DirecteUrenn']);
  });

  it('every IND_ name a plan refers to is defined by the parameter plan or the state’s plans', async () => {
    const missing: string[] = [];
    const seen = new Set<string>();
    for (const s of await exampleStates()) {
      missing.push(...dangling(s.name, s.plans));
      s.plans.forEach((p) => formulasOf(p).forEach((f) => referencedNames(f).forEach((n) => seen.add(n))));
    }
    expect(missing).toEqual([]);
    // Not vacuous: the Rekenblad's and Scenario's formulas do refer to the parameter names.
    for (const key of ['directRatio', 'hoursPerFte', 'weeksPerPeriod', 'bandLow', 'extraFte'])
      expect(seen).toContain(nameOf(key));
  });
});
