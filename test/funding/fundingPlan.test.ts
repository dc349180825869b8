/**
 * The funding sheet's live formulas compute what the pure core computes (evaluated with
 * the one evaluator, through the adapters), its identities show OK, and a break shows its difference where it happens.
 */
import {
  compareFunding,
  type FundingParams,
  type ParameterSet,
  type ProductRow,
} from '../../src/core/funding';
import {
  buildFundingPlan,
  FUNDING_SHEET,
  LINKED_PARAMETERS,
} from '../../src/taskpane/plans/funding/fundingPlan';
import { buildParameterPlan, defaultSets, MEASURED_SET } from '../../src/taskpane/plans/parameters';
import type { WritePlan } from '../../src/taskpane/host/types';
import { workbookFromPlans } from '../../src/engine/model';
import { errorCode as errorOf, WorkbookEvaluator } from '../../src/engine/workbook';
import { CalcError } from '../../src/core/errors';

const products: ProductRow[] = [
  { code: 'A', name: 'Spoor 4 (fictief)', volume: 100, normMinutes: 120, hourlyCost: 50, overheadRate: 0.1 },
  { code: 'B', name: 'Dublin (fictief)', volume: 50, normMinutes: 30, hourlyCost: 40, overheadRate: 0 },
  { code: 'C', name: 'Nareis (fictief)', volume: 320, normMinutes: 45, hourlyCost: 50, overheadRate: 0 },
];
const params: FundingParams = {
  lumpsum: 5000,
  floor: 0,
  lumpsumShare: 0.13,
  weeks: 4,
  hoursPerFte: 36,
  extraFte: 2,
  staffFte: 10,
  capacityHourlyCost: 50,
  capacityOverheadRate: 0,
};
const sets: [ParameterSet, ParameterSet] = [
  { label: 'Model 2021', directRatio: 0.7473 },
  { label: 'Gemeten 2021', directRatio: 0.57 },
];

function close(a: unknown, b: number): void {
  expect(typeof a).toBe('number');
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b)));
}

describe('funding plan', () => {
  const { plan, result, layout } = buildFundingPlan({ products, params, sets, lang: 'nl' });
  const wb = new WorkbookEvaluator(workbookFromPlans(plan));
  const S = FUNDING_SHEET;
  const sum = (k: keyof typeof layout.summary, c: 'B' | 'C' | 'D'): unknown =>
    wb.get(S, `${c}${layout.summary[k]}`);

  it('writes one sheet, names for every parameter, and formulas for every result', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([S]);
    expect(plan.names?.map((n) => n.name)).toContain('IND_Fin_DirectA');
    expect(wb.raw(S, `H${layout.firstProductRow}`)).toBe(
      `=IND.COSTPRICE(D${layout.firstProductRow},E${layout.firstProductRow},IND_Fin_DirectA,F${layout.firstProductRow})`,
    );
    expect(wb.raw(S, `B${layout.summary.total}`)).toContain('IND.FUNDING(');
    expect(plan.sheets[0].charts?.length).toBe(1);
  });

  it('every formula evaluates without an error value', () => {
    for (const f of wb.formulaCells()) {
      expect({ at: f, error: errorOf(wb.value(f.sheet, f.row, f.col)) }).toEqual({ at: f, error: undefined });
    }
  });

  it('the sheet agrees with the core for both sets', () => {
    (
      [
        ['B', 0],
        ['C', 1],
      ] as const
    ).forEach(([c, i]) => {
      const s = result.sets[i];
      close(sum('workload', c), s.workloadHours);
      close(sum('output', c), s.output);
      close(sum('total', c), s.total);
      close(sum('lumpsumSplit', c), s.lumpsumAfterSplit);
      close(sum('outputSplit', c), s.outputAfterSplit);
      close(sum('fte', c), s.fteNeeded);
      close(sum('fteExcl', c), s.fteNeededExclAllowance);
      close(sum('allowance', c), s.allowanceFte);
      close(sum('shortageFte', c), s.shortageFte!);
      close(sum('costPerFte', c), s.capacity!.costPerFte);
      close(sum('staffCost', c), s.capacity!.staffCost);
      close(sum('allowanceCost', c), s.capacity!.allowanceCost);
      close(sum('shortageEuro', c), s.capacity!.shortageEuro);
      products.forEach((_, j) =>
        close(wb.get(S, `${c === 'B' ? 'H' : 'I'}${layout.firstProductRow + j}`), s.costPrices[j]),
      );
    });
    close(sum('total', 'D'), result.gapEuro);
    close(sum('fteGapIncl', 'D'), result.gapFte);
    close(sum('fteGapExcl', 'D'), result.gapFteExclAllowance);
    expect(sum('capacityState', 'B')).toBe(
      result.sets[0].shortageFte! > 0 ? 'tekort: ontbrekende capaciteit' : 'overcapaciteit',
    );
  });

  it('identity checks show OK, and the capacity break shows per product where it happens', () => {
    expect(sum('checkFunding', 'B')).toBe('OK');
    expect(sum('checkFunding', 'C')).toBe('OK');
    expect(sum('checkSplit', 'B')).toBe('OK');
    // Product A carries a 10% overhead and B a lower hourly cost than the staff as a whole.
    const diffs = result.sets[0].capacity!.productDifferences;
    close(wb.get(S, `M${layout.firstProductRow}`), diffs[0]);
    close(wb.get(S, `M${layout.firstProductRow + 1}`), diffs[1]);
    expect(wb.get(S, `M${layout.firstProductRow + 2}`)).toBe('OK');
    close(sum('checkCapacity', 'B'), result.sets[0].capacity!.difference);
  });

  it('stays live: editing an input on the sheet recomputes, and an overwritten result breaks its check', () => {
    const live = new WorkbookEvaluator(workbookFromPlans(plan));
    live.set(S, `C${layout.firstProductRow}`, 200); // double product A's volume
    const changed = compareFunding([{ ...products[0], volume: 200 }, products[1], products[2]], params, sets);
    close(live.get(S, `B${layout.summary.total}`), changed.sets[0].total);
    live.set(S, 'B6', 1e6); // floor parameter
    close(live.get(S, `B${layout.summary.total}`), 1e6);
    close(live.get(S, `B${layout.summary.topUp}`), 1e6 - changed.sets[0].beforeFloor);
    expect(live.get(S, `B${layout.summary.checkFunding}`)).toBe('OK');
    // A user pastes a value over the total: the check cell shows the difference.
    live.set(S, `B${layout.summary.total}`, 123);
    close(live.get(S, `B${layout.summary.checkFunding}`), 123 - 1e6);
  });

  it('the review staffing example on the sheet: 851.6 and 1,116.5 fte, 66.5 fte missing', () => {
    const p = buildFundingPlan({
      products: [
        { code: 'ASIEL', name: '', volume: 8300, normMinutes: 600, hourlyCost: 60, overheadRate: 0 },
      ],
      params: {
        lumpsum: 0,
        floor: 0,
        lumpsumShare: 0.13,
        weeks: 4,
        hoursPerFte: 36,
        extraFte: 60,
        staffFte: 1050,
      },
      sets,
      lang: 'nl',
    });
    const w = new WorkbookEvaluator(workbookFromPlans(p.plan));
    close(w.get(S, `B${p.layout.summary.fte}`), 851.5842217166987);
    close(w.get(S, `C${p.layout.summary.fte}`), 1116.4717348927877);
    close(w.get(S, `D${p.layout.summary.fteGapIncl}`), 264.887513176089);
    close(w.get(S, `C${p.layout.summary.shortageFte}`), 66.47173489278771);
    expect(w.get(S, `C${p.layout.summary.capacityState}`)).toBe('tekort: ontbrekende capaciteit');
    expect(w.get(S, `B${p.layout.summary.capacityState}`)).toBe('overcapaciteit');
    expect(w.get(S, `B${p.layout.summary.checkCapacity}`)).toBe('–');
  });

  it('bad input throws before a plan exists (nothing half-written)', () => {
    expect(() =>
      buildFundingPlan({ products, params: { ...params, floor: 10, cap: 5 }, sets, lang: 'nl' }),
    ).toThrow(CalcError);
  });

  it('English labels, same formulas and names', () => {
    const en = buildFundingPlan({ products, params, sets, lang: 'en' });
    expect(en.plan.action).toBe('Create funding sheet');
    expect(en.plan.names).toEqual(plan.names?.map((n, i) => ({ ...n, comment: en.plan.names![i].comment })));
    expect(new WorkbookEvaluator(workbookFromPlans(en.plan)).get(S, `B${en.layout.summary.total}`)).toBe(
      wb.get(S, `B${layout.summary.total}`),
    );
  });
});

describe('funding plan linked to the IND Parameters sheet', () => {
  /** A stand-in for the parameter sheet: the four names as plain value cells. */
  const stand = (ratio: number): WritePlan => ({
    action: 'stand-in',
    sheets: [{ name: 'IND Parameters', blocks: [{ at: 'B1', cells: [[36], [0.13], [0.7473], [ratio]] }] }],
    names: ['IND_UrenPerFte', 'IND_VastDeel', 'IND_DirecteUrenModel', 'IND_DirecteUren'].map((name, i) => ({
      name,
      ref: `='IND Parameters'!$B$${i + 1}`,
    })),
  });

  it('uses names the parameter sheet really defines', () => {
    const names = buildParameterPlan(defaultSets(), MEASURED_SET).names!.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(Object.values(LINKED_PARAMETERS)));
  });

  it('writes formulas on those names, and switching the active set recomputes the sheet', () => {
    const linked = buildFundingPlan({ products, params, sets, lang: 'nl', linkParameters: true });
    const S = FUNDING_SHEET;
    const wb = new WorkbookEvaluator(workbookFromPlans(stand(0.57), linked.plan));
    expect(wb.raw(S, 'B9')).toBe('=IND_DirecteUrenModel');
    expect(wb.raw(S, 'B10')).toBe('=IND_DirecteUren');
    expect(wb.get(S, `C${linked.layout.summary.fte - 12}`)).toBe('Actieve set (IND Parameters)');
    close(wb.get(S, `C${linked.layout.summary.total}`), linked.result.sets[1].total);
    // The parameter sheet's active set switches to a ratio of 0.65.
    const switched = new WorkbookEvaluator(workbookFromPlans(stand(0.65), linked.plan));
    const expected = compareFunding(products, params, [sets[0], { label: 'x', directRatio: 0.65 }]);
    close(switched.get(S, `C${linked.layout.summary.total}`), expected.sets[1].total);
    close(switched.get(S, `D${linked.layout.summary.fteGapIncl}`), expected.gapFte);
  });
});
