/**
 * The reconciliation sheet's live formulas compute the core's decomposition, its steps add up,
 * the other/unallocated row ties the total out to the ledger, the materiality flags match the
 * core's selection, and the action table carries open actions over without ever being rewritten.
 */
import cases from './golden/reconciliation.json';
import { CalcError } from '../../src/core/errors';
import {
  KIND_LABELS,
  parseActualTable,
  parseBudgetTable,
  selectMaterial,
  type ActionRow,
} from '../../src/core/funding';
import {
  buildReconciliationPlan,
  INPUT_COLUMNS as IN,
  RESULT_COLUMNS as RC,
  resultCell,
  type ReconciliationPlanInput,
} from '../../src/taskpane/plans/funding/reconciliationPlan';
import { workbookFromPlans } from '../../src/engine/model';
import { errorCode as errorOf, WorkbookEvaluator } from '../../src/engine/workbook';
import { numberFormatAt, shownColour } from '../figures/checkColour';

const c = cases.cases[0];
const base: ReconciliationPlanInput = {
  period: '2026-T1',
  budget: parseBudgetTable(c.budget),
  actual: parseActualTable(c.actual),
  ledger: 32000,
  materiality: { euro: 1000 },
  carried: [],
  actionTableExists: false,
  lang: 'nl',
};

function close(a: unknown, b: number): void {
  expect(typeof a).toBe('number');
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
}

describe('reconciliation plan', () => {
  const { plan, result, layout, actions } = buildReconciliationPlan(base);
  const wb = new WorkbookEvaluator(workbookFromPlans(plan));
  const S = layout.sheet;

  it('writes the period sheet and the period action table, with named inputs', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(['IND Nacalculatie 2026-T1', 'IND Acties 2026-T1']);
    expect(plan.names?.map((n) => n.name)).toEqual([
      'IND_Nac_2026_T1_Grootboek',
      'IND_Nac_2026_T1_DrempelEuro',
      'IND_Nac_2026_T1_DrempelPct',
      'IND_Nac_2026_T1_VastDeel',
    ]);
    expect(plan.sheets[0].charts?.[0].type).toBe('Waterfall');
    expect(plan.sheets[1].tables?.[0].name).toBe('IND_Acties_2026_T1');
  });

  it('every formula evaluates without an error value', () => {
    // The action table's flag formulas use structured references: test/steering evaluates them.
    for (const f of wb.formulaCells().filter((x) => x.sheet !== layout.actionSheet)) {
      expect({ at: f, error: errorOf(wb.value(f.sheet, f.row, f.col)) }).toEqual({ at: f, error: undefined });
    }
  });

  it('per product and in total the sheet equals the core, and the steps add up (check = OK)', () => {
    const cols = [
      'budget',
      'volume',
      'mix',
      'volumeInclMix',
      'flexed',
      'productivity',
      'efficiency',
      'price',
      'actual',
      'total',
    ] as const;
    result.products.forEach((p, i) => {
      for (const key of cols) close(wb.get(S, resultCell(layout, i, RC[key])), p[key]);
      expect(wb.get(S, resultCell(layout, i, RC.check))).toBe('OK');
    });
    for (const key of cols) close(wb.get(S, `${RC[key]}${layout.totalRow}`), result.total[key]);
    expect(wb.get(S, `${RC.check}${layout.totalRow}`)).toBe('OK');
    close(wb.get(S, `${RC.actual}${layout.otherRow}`), 500);
    close(wb.get(S, `${RC.actual}${layout.ledgerRow}`), 32000);
    expect(wb.get(S, `B${layout.tieOutRow}`)).toBe('OK');
    expect(wb.get(S, `B${layout.volumeCheckRow}`)).toBe('OK');
    close(wb.get(S, `B${layout.flexed.all}`), result.total.flexed);
    close(wb.get(S, `B${layout.flexed.costBehaviour}`), result.flexedCostBehaviour);
    close(wb.get(S, `B${layout.flexed.effect}`), result.fixedCostVolumeEffect);
    expect(wb.get(S, `B${layout.flexed.check}`)).toBe('OK');
    expect(wb.get(S, `B${layout.flexed.waterfallCheck}`)).toBe('OK');
  });

  it('the headers say which definition each column shows', () => {
    const header = (c: string) => wb.get(S, `${c}${layout.firstResultRow - 1}`);
    expect(header(RC.volume)).toBe('Volumeverschil (hoeveelheid) [V1]');
    expect(header(RC.mix)).toBe('Mixverschil [V2]');
    expect(header(RC.volumeInclMix)).toBe('Volumeverschil incl. mix [V3]');
    expect(header(RC.productivity)).toBe('Productiviteitsverschil (directe-urenratio) [V4]');
    expect(header(RC.efficiency)).toBe('Efficiëntieverschil (normtijd) [V5]');
    expect(header(RC.price)).toBe('Prijs-/tariefverschil [V6]');
  });

  it('the waterfall block runs budget → flexed → actual → ledger', () => {
    const values = Array.from({ length: 10 }, (_, i) => wb.get(S, `B${layout.waterfallTop + 1 + i}`));
    expect(values).toEqual([30000, 1500, -1500, 30000, 0, 1000, 500, 31500, 500, 32000]);
  });

  it('materiality flags on the sheet match the core selection, and feed the action table', () => {
    const flags = result.products.map((_, i) => wb.get(S, resultCell(layout, i, RC.needs)));
    expect(flags).toEqual(['mix', 'volume mix']);
    expect(actions.map((a) => [a.variance, a.amount, a.status])).toEqual([
      ['P1 · mix', 1500, 'Open'],
      ['P2 · volume', 1000, 'Open'],
      ['P2 · mix', -3000, 'Open'],
    ]);
    expect(selectMaterial(result, base.materiality)).toHaveLength(3);
    // Change the thresholds on the sheet: 5% of budget selects every 500 step of P1.
    const live = new WorkbookEvaluator(workbookFromPlans(plan));
    live.set(S, 'B6', null);
    live.set(S, 'B7', 0.05);
    expect(live.get(S, resultCell(layout, 0, RC.needs))).toBe(
      selectMaterial(result, { percent: 0.05 })
        .filter((v) => v.code === 'P1')
        .map((v) => KIND_LABELS[v.kind].nl)
        .join(' '),
    );
  });

  it('stays live: a corrected realisation cell recomputes; no ledger means other = 0', () => {
    const live = new WorkbookEvaluator(workbookFromPlans(plan));
    live.set(S, `${IN.directHours}${layout.firstInputRow}`, 130); // P1 hours 125 → 130
    close(live.get(S, resultCell(layout, 0, RC.efficiency)), (130 - 120) * 100);
    close(live.get(S, resultCell(layout, 0, RC.price)), 13000 - 130 * 100);
    expect(live.get(S, resultCell(layout, 0, RC.check))).toBe('OK');
    live.set(S, 'B5', null);
    close(live.get(S, `${RC.actual}${layout.otherRow}`), 0);
    expect(live.get(S, `B${layout.tieOutRow}`)).toBe('OK');
  });

  it('a ledger total typed as text on the sheet is not a silent 0: "other" and the tie-out show #VALUE!', () => {
    const live = new WorkbookEvaluator(workbookFromPlans(plan));
    live.set(S, 'B5', '32.000 euro');
    expect(errorOf(live.get(S, `${RC.actual}${layout.otherRow}`))).toBe('#VALUE!');
    expect(errorOf(live.get(S, `B${layout.tieOutRow}`))).toBe('#VALUE!');
  });

  it('identity checks can fail: each one broken on purpose turns red', () => {
    const colour = (w: WorkbookEvaluator, a1: string): string =>
      shownColour(w.get(S, a1), numberFormatAt(plan, S, a1));
    for (const a1 of [
      resultCell(layout, 0, RC.check),
      `${RC.check}${layout.totalRow}`,
      `B${layout.tieOutRow}`,
      `B${layout.volumeCheckRow}`,
      `B${layout.flexed.check}`,
      `B${layout.flexed.waterfallCheck}`,
    ])
      expect({ a1, colour: colour(wb, a1) }).toEqual({ a1, colour: 'style' });
    // A pasted efficiency breaks the row's steps and the tie-out.
    let w = new WorkbookEvaluator(workbookFromPlans(plan));
    w.set(S, resultCell(layout, 0, RC.efficiency), 0);
    expect(colour(w, resultCell(layout, 0, RC.check))).toBe('red');
    expect(colour(w, `B${layout.tieOutRow}`)).toBe('red');
    // "Volume" computed as the quantity step only (as before issue 8) breaks V3 = V1 + V2.
    w = new WorkbookEvaluator(workbookFromPlans(plan));
    w.set(S, `${RC.volumeInclMix}${layout.totalRow}`, `=${RC.volume}${layout.totalRow}`);
    expect(colour(w, `B${layout.volumeCheckRow}`)).toBe('red');
    // A flexed budget that flexes everything put in the cost-behaviour cell breaks both flexed checks.
    w = new WorkbookEvaluator(workbookFromPlans(plan));
    w.set(S, `B${layout.flexed.costBehaviour}`, `=${RC.flexed}${layout.totalRow}+1000`);
    expect(colour(w, `B${layout.flexed.check}`)).toBe('red');
    expect(colour(w, `B${layout.flexed.waterfallCheck}`)).toBe('red');
    // A ledger that does not match the products: the other row absorbs it, the tie-out holds.
    w = new WorkbookEvaluator(workbookFromPlans(plan));
    w.set(S, 'B5', 40000);
    expect(w.get(S, `B${layout.tieOutRow}`)).toBe('OK');
  });

  it('a product code typed over on the realisation side shows where it happens', () => {
    const live = new WorkbookEvaluator(workbookFromPlans(plan));
    live.set(S, `${IN.actualCode}${layout.firstInputRow + 1}`, 'P9');
    expect(live.get(S, resultCell(layout, 1, RC.check))).toBe('Code wijkt af');
  });

  it('open actions carry over first, then the new material variances', () => {
    const carried: ActionRow[] = [
      {
        variance: 'P1 · mix',
        amount: 1500,
        period: '2026-T1',
        cause: 'Meer Dublin',
        action: 'Herplannen',
        owner: 'Team Zuid',
        due: 46100,
        status: 'Loopt',
      },
    ];
    const next = buildReconciliationPlan({
      ...base,
      period: '2026-T2',
      carried,
      carriedFrom: 'IND_Acties_2026_T1',
    });
    const table = next.plan.sheets[1].tables![0];
    expect(table.name).toBe('IND_Acties_2026_T2');
    expect(table.rows[0].slice(0, 8)).toEqual([
      'P1 · mix',
      1500,
      '2026-T1',
      'Meer Dublin',
      'Herplannen',
      'Team Zuid',
      46100,
      'Loopt',
    ]);
    expect(table.rows).toHaveLength(4);
    expect(String(next.plan.sheets[1].blocks[1].cells[0][0])).toContain(
      'Overgenomen open acties uit IND_Acties_2026_T1: 1.',
    );
  });

  it('never rewrites an existing action table', () => {
    const again = buildReconciliationPlan({ ...base, actionTableExists: true });
    expect(again.plan.sheets.map((s) => s.name)).toEqual(['IND Nacalculatie 2026-T1']);
    expect(again.actions).toEqual([]);
  });

  it('different product codes throw before a plan exists (nothing half-written)', () => {
    const actual = parseActualTable([
      ['Product', 'Volume', 'Kosten', 'Uren'],
      ['P1', 1, 1, 1],
      ['P3', 1, 1, 1],
    ]);
    expect(() => buildReconciliationPlan({ ...base, actual })).toThrow(CalcError);
    try {
      buildReconciliationPlan({ ...base, actual });
    } catch (e) {
      expect((e as CalcError).code).toBe('fundingCodeMismatch');
    }
  });
});
