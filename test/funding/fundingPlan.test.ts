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
import {
  ACTIVE_SET_NAME,
  buildParameterPlan,
  defaultSets,
  MEASURED_SET,
  MODEL_SET,
  MODEL_SET_NAME,
} from '../../src/taskpane/plans/parameters';
import { parameterSourceFrom } from '../../src/taskpane/plans/parameterSource';
import { linkInput } from '../../src/taskpane/views/funding/useFunding';
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

describe('funding plan linked to the IND Parameters sheet (issue 11: one parameter source)', () => {
  const paramPlan = (active: string) => buildParameterPlan(defaultSets(), active);
  const source = (active: string) => {
    const table = paramPlan(active).sheets[0].tables![0];
    return parameterSourceFrom({
      names: { [ACTIVE_SET_NAME]: active, [MODEL_SET_NAME]: MODEL_SET },
      tables: {
        [table.name]: { ...table, sheet: 'IND Parameters', address: '', rowCount: table.rows.length },
      },
    })!;
  };

  it('looks every linked value up by the set NAME, never through the active set', () => {
    const src = source(MODEL_SET);
    const named: [ParameterSet, ParameterSet] = [
      { label: MODEL_SET, directRatio: 0.1 },
      { label: MEASURED_SET, directRatio: 0.2 },
    ];
    const linked = buildFundingPlan(linkInput({ products, params, sets: named, lang: 'nl' }, src, 'nl'));
    const wb = new WorkbookEvaluator(workbookFromPlans(paramPlan(MODEL_SET), linked.plan));
    const S = FUNDING_SHEET;
    expect(wb.raw(S, 'B9')).toBe(
      '=INDEX(IND_Parameters[Waarde],MATCH("Model 2021|directRatio",IND_Parameters[Sleutel],0))',
    );
    expect(wb.raw(S, 'B10')).toBe(
      '=INDEX(IND_Parameters[Waarde],MATCH("Gemeten A&B 2021|directRatio",IND_Parameters[Sleutel],0))',
    );
    expect(JSON.stringify(linked.plan)).not.toMatch(/=IND_DirecteUren\b/);
    // With the active set = set A, set B still is 57%: the sheet's gap is not 0.
    expect(wb.get(S, 'B10')).toBe(0.57);
    expect(wb.get(S, `D${linked.layout.summary.fteGapIncl}`)).not.toBe(0);
    // Linked cells are formulas in the output style, never the input style.
    const blockAt = (at: string) => linked.plan.sheets[0].blocks.find((b) => b.at === at)!;
    expect(['B5', 'B8', 'B9', 'B10', 'B12'].map((a) => [a, blockAt(a).style])).toEqual([
      ['B5', 'input'],
      ['B8', 'output'],
      ['B9', 'output'],
      ['B10', 'output'],
      ['B12', 'output'],
    ]);
    expect(wb.get(S, `B${linked.layout.summary.fte - 12}`)).toBe('Model 2021');
    expect(wb.get(S, `C${linked.layout.summary.fte - 12}`)).toBe(MEASURED_SET);
  });

  it.each([
    ['set A = Model 2021, set B = Gemeten (active Model 2021)', MODEL_SET, MODEL_SET, MEASURED_SET],
    ['set A = Model 2021, set B = Gemeten (active Gemeten)', MEASURED_SET, MODEL_SET, MEASURED_SET],
    ['set A = Gemeten, set B = Model 2021', MODEL_SET, MEASURED_SET, MODEL_SET],
  ])('preview = sheet formula result through WorkbookEvaluator: %s', (_label, active, a, b) => {
    const src = source(active);
    const input = linkInput(
      {
        products,
        params,
        sets: [
          { label: a, directRatio: 0.1 },
          { label: b, directRatio: 0.2 },
        ],
        lang: 'nl',
      },
      src,
      'nl',
    );
    const built = buildFundingPlan(input);
    // The preview: the pane's own figures (the core, on the workbook's values for A and B).
    const preview = compareFunding(products, input.params, input.sets);
    expect(preview).toEqual(built.result);
    const wb = new WorkbookEvaluator(workbookFromPlans(paramPlan(active), built.plan));
    const S = FUNDING_SHEET;
    const at = (k: keyof typeof built.layout.summary, c: string) =>
      wb.get(S, `${c}${built.layout.summary[k]}`);
    close(at('total', 'B'), preview.sets[0].total);
    close(at('total', 'C'), preview.sets[1].total);
    close(at('fte', 'B'), preview.sets[0].fteNeeded);
    close(at('fte', 'C'), preview.sets[1].fteNeeded);
    close(at('fteGapIncl', 'D'), preview.gapFte);
    close(at('total', 'D'), preview.gapEuro);
    // Changing set B's value in the table (as a user would) moves the sheet, as the preview would.
    const edited = paramPlan(active);
    const row = edited.sheets[0].tables![0].rows.findIndex((r) => r[0] === b && r[1] === 'directRatio');
    edited.sheets[0].tables![0].rows[row][2] = 0.6;
    const wb2 = new WorkbookEvaluator(workbookFromPlans(edited, built.plan));
    const moved = compareFunding(products, input.params, [input.sets[0], { label: b, directRatio: 0.6 }]);
    close(wb2.get(S, `C${built.layout.summary.total}`), moved.sets[1].total);
  });

  it('refuses a set name the parameter sheet does not have, naming the field', () => {
    expect(() =>
      linkInput(
        {
          products,
          params,
          sets: [
            { label: 'Bestaat niet', directRatio: 0.7 },
            { label: MEASURED_SET, directRatio: 0.57 },
          ],
          lang: 'nl',
        },
        source(MODEL_SET),
        'nl',
      ),
    ).toThrow(CalcError);
  });

  it('maps every linked cell to a parameter the sheet really has', () => {
    const keys = buildParameterPlan(defaultSets(), MEASURED_SET).sheets[0].tables![0].rows.map((r) => r[1]);
    for (const l of Object.values(LINKED_PARAMETERS)) expect(keys).toContain(l.key);
  });
});
