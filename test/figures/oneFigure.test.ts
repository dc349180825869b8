/**
 * One figure, one definition, one number in every view (issue 8). Each test takes the review's
 * own inputs (83,000 h per 4 weeks, 36 h per fte, 60 fte turnover allowance, 74.73% → 57%, 1,050
 * fte employed, €60 per paid hour) and reads the same figure from every view that shows it: the
 * demo (through the CLI evaluator), the Financiering sheet (its live formulas, evaluated), the
 * time-recording bridge sheet (evaluated) and the analysis the pane previews.
 *
 * On the code before issue 8 these fail: the bridge gave 239.9 fte (without the allowance) where
 * the demo and the Financiering sheet gave 264.9, no cell said which definition it showed, and
 * the Financiering sheet showed −66.5 fte "ontbrekende capaciteit" next to +€335k "onbenutte
 * capaciteit" with a check cell reading OK.
 */
import { FIGURES, figureLabel, fteGap, type FigureId } from '../../src/core/figures';
import { buildFundingPlan, FUNDING_SHEET } from '../../src/taskpane/plans/funding/fundingPlan';
import {
  buildTimeRecordingPlan,
  TS_NAMES,
  TS_SHEETS,
} from '../../src/taskpane/plans/timerecording/timeRecordingPlan';
import { runDemo } from '../../src/cli/demo';
import { workbookFromPlans } from '../../src/engine/model';
import { WorkbookEvaluator } from '../../src/engine/workbook';
import { numberFormatAt, shownColour } from './checkColour';
import { MEASURED57_MAPPING, measured57 } from './fixtures';

/** The review's worked example (calculation-model.md §4). */
const REVIEW = { hours: 83000, weeks: 4, hoursPerFte: 36, extraFte: 60, model: 0.7473, measured: 0.57 };
const S3 = 264.887513176089; // 1,116.47 − 851.58 (the review: 265)
const S2 = 239.91339582731757; // 1,011.21 − 771.31, the bridge's old figure

function close(a: unknown, b: number, tol = 1e-6): void {
  expect(typeof a).toBe('number');
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
}

/** The Financiering sheet of the review example: one product of 8,300 cases × 600 min = 83,000 h. */
function fundingSheet() {
  return buildFundingPlan({
    products: [{ code: 'ASIEL', name: '', volume: 8300, normMinutes: 600, hourlyCost: 60, overheadRate: 0 }],
    params: {
      lumpsum: 0,
      floor: 0,
      lumpsumShare: 0.13,
      weeks: REVIEW.weeks,
      hoursPerFte: REVIEW.hoursPerFte,
      extraFte: REVIEW.extraFte,
      staffFte: 1050,
      capacityHourlyCost: 60,
      capacityOverheadRate: 0,
    },
    sets: [
      { label: 'Model 2021', directRatio: REVIEW.model },
      { label: 'Gemeten 2021', directRatio: REVIEW.measured },
    ],
    lang: 'nl',
  });
}

function timeRecordingSheet() {
  return buildTimeRecordingPlan({
    result: measured57(),
    options: {
      categoryMapping: MEASURED57_MAPPING,
      modelRatio: REVIEW.model,
      workloadHours: REVIEW.hours,
      weeks: REVIEW.weeks,
      hoursPerFte: REVIEW.hoursPerFte,
      extraFte: REVIEW.extraFte,
    },
    sourceName: 'gemeten-57.csv',
  });
}

/** Finds the row whose column-A label carries the figure's code, and returns the label and row. */
function rowOf(wb: { get(sheet: string, a1: string): unknown }, sheet: string, id: FigureId): number {
  for (let r = 1; r < 400; r++) {
    const label = wb.get(sheet, `A${r}`);
    if (
      typeof label === 'string' &&
      label.includes(`[${FIGURES[id].code}]`) &&
      label.startsWith(FIGURES[id].name.nl)
    )
      return r;
  }
  throw new Error(`${sheet}: no row labelled ${figureLabel(id, 'nl')}`);
}

describe('the fte gap model → measured: one definition per figure, the same number everywhere', () => {
  test('the core: S3 with the allowance, S2 without', () => {
    const g = fteGap(
      {
        workloadHours: REVIEW.hours,
        weeks: REVIEW.weeks,
        hoursPerFte: REVIEW.hoursPerFte,
        extraFte: REVIEW.extraFte,
      },
      REVIEW.model,
      REVIEW.measured,
    );
    close(g.inclAllowance, S3);
    close(g.exclAllowance, S2);
  });

  test('the demo, the Financiering sheet, the bridge sheet and the pane preview all show S3 = 264.9 and S2 = 239.9, labelled', async () => {
    const demo = await runDemo();
    const fig = (key: string) => demo.figures.find((f) => f.key === key)!;
    close(fig('fteGapInclAllowance').value, S3);
    close(fig('fteGapExclAllowance').value, S2);
    expect(fig('fteGapInclAllowance').label).toBe(figureLabel('fteGapInclAllowance', 'nl'));

    const fin = fundingSheet();
    const wb = new WorkbookEvaluator(workbookFromPlans(fin.plan));
    close(wb.get(FUNDING_SHEET, `D${rowOf(wb, FUNDING_SHEET, 'fteGapInclAllowance')}`), S3);
    close(wb.get(FUNDING_SHEET, `D${rowOf(wb, FUNDING_SHEET, 'fteGapExclAllowance')}`), S2);
    close(fin.result.gapFte, S3);
    close(fin.result.gapFteExclAllowance, S2);

    const ts = timeRecordingSheet();
    const book = new WorkbookEvaluator(workbookFromPlans(ts.plan));
    close(book.name(TS_NAMES.fteGapIncl), S3);
    close(book.name(TS_NAMES.fteGapExcl), S2);
    close(book.get(TS_SHEETS.analysis, `B${rowOf(book, TS_SHEETS.analysis, 'fteGapInclAllowance')}`), S3);
    close(book.get(TS_SHEETS.analysis, `B${rowOf(book, TS_SHEETS.analysis, 'fteGapExclAllowance')}`), S2);
    // What the pane previews is the core analysis the sheet was built from.
    close(ts.analysis.bridge.fteGap, S3);
    close(ts.analysis.bridge.fteGapExclAllowance, S2);
  });

  test('every sheet lists the definitions of the codes it shows', () => {
    const legendOf = (
      plan: { sheets: { name: string; blocks: { cells: unknown[][] }[] }[] },
      sheet: string,
    ) =>
      plan.sheets
        .find((s) => s.name === sheet)!
        .blocks.flatMap((b) => b.cells)
        .filter((r) => typeof r[0] === 'string' && /^[SVTBE]\d+$/.test(r[0]))
        .map((r) => r[0]);
    expect(legendOf(fundingSheet().plan, FUNDING_SHEET)).toEqual(
      expect.arrayContaining(['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7']),
    );
    expect(legendOf(timeRecordingSheet().plan, TS_SHEETS.analysis)).toEqual(
      expect.arrayContaining(['S2', 'S3']),
    );
  });
});

describe('missing capacity: one sign, in fte and in euros', () => {
  test('at 57% with 1,050 staff the shortage is +66.5 fte and +€574k, both "tekort", and the check holds', () => {
    const fin = fundingSheet();
    const wb = new WorkbookEvaluator(workbookFromPlans(fin.plan));
    const S = FUNDING_SHEET;
    const fte = wb.get(S, `C${rowOf(wb, S, 'capacityShortageFte')}`) as number;
    const euro = wb.get(S, `C${rowOf(wb, S, 'capacityShortageEuro')}`) as number;
    const perFte = wb.get(S, `C${rowOf(wb, S, 'costPerFte')}`) as number;
    close(fte, 66.47173489278771);
    close(perFte, 4 * 36 * 60);
    close(euro, 66.47173489278771 * 8640);
    expect(Math.sign(euro)).toBe(Math.sign(fte));
    expect(wb.get(S, `C${fin.layout.summary.capacityState}`)).toBe('tekort: ontbrekende capaciteit');
    expect(wb.get(S, `C${fin.layout.summary.checkShortage}`)).toBe('OK');
    expect(wb.get(S, `C${fin.layout.summary.checkCapacity}`)).toBe('OK');
    // The core says the same.
    close(fin.result.sets[1].shortageFte!, fte);
    close(fin.result.sets[1].capacity!.shortageEuro, euro);
    // And the model set: overcapacity, negative in both units.
    expect(Math.sign(wb.get(S, `B${rowOf(wb, S, 'capacityShortageFte')}`) as number)).toBe(-1);
    expect(Math.sign(wb.get(S, `B${rowOf(wb, S, 'capacityShortageEuro')}`) as number)).toBe(-1);
    expect(wb.get(S, `B${fin.layout.summary.capacityState}`)).toBe('overcapaciteit');
  });
});

describe('identity checks of the Financiering sheet can fail: broken on purpose, the cell turns red', () => {
  const fin = fundingSheet();
  const S = FUNDING_SHEET;
  const sum = fin.layout.summary;
  const colourOf = (wb: WorkbookEvaluator, a1: string) =>
    shownColour(wb.get(S, a1), numberFormatAt(fin.plan, S, a1));

  test('intact: every check cell shows OK in the check style', () => {
    const wb = new WorkbookEvaluator(workbookFromPlans(fin.plan));
    for (const k of ['checkFunding', 'checkSplit', 'checkShortage', 'checkCapacity'] as const) {
      for (const c of ['B', 'C']) {
        expect({ k, c, v: wb.get(S, `${c}${sum[k]}`) }).toEqual({ k, c, v: 'OK' });
        expect(colourOf(wb, `${c}${sum[k]}`)).toBe('style');
      }
    }
  });

  test('the € shortage computed as before issue 8 (without the allowance) breaks the sign check', () => {
    const wb = new WorkbookEvaluator(workbookFromPlans(fin.plan));
    // The old "onbenutte capaciteit (€)": (direct capacity − workload) × rate, i.e. without the allowance,
    // with the opposite sign: +€335k at 57%.
    wb.set(
      S,
      `C${sum.shortageEuro}`,
      '=(IND_Fin_Bezetting*IND_Fin_Weken*IND_Fin_UrenPerFte*IND_Fin_DirectB-C' +
        sum.workload +
        ')*IND_Fin_UurkostenCap/IND_Fin_DirectB',
    );
    close(wb.get(S, `C${sum.shortageEuro}`), 335157.8947368406);
    expect(typeof wb.get(S, `C${sum.checkShortage}`)).toBe('number');
    expect(colourOf(wb, `C${sum.checkShortage}`)).toBe('red');
    expect(colourOf(wb, `C${sum.checkCapacity}`)).toBe('red');
  });

  test('a pasted total breaks the funding check; a pasted split breaks the split check', () => {
    const wb = new WorkbookEvaluator(workbookFromPlans(fin.plan));
    wb.set(S, `B${sum.total}`, 123);
    expect(colourOf(wb, `B${sum.checkFunding}`)).toBe('red');
    wb.set(S, `C${sum.lumpsumSplit}`, 1);
    expect(colourOf(wb, `C${sum.checkSplit}`)).toBe('red');
  });

  test('a product costed at another rate than the capacity breaks the capacity identity, shown per product', () => {
    const wb = new WorkbookEvaluator(workbookFromPlans(fin.plan));
    wb.set(S, `E${fin.layout.firstProductRow}`, 70); // hourly cost of the product ≠ capacity hourly cost
    expect(colourOf(wb, `C${sum.checkCapacity}`)).toBe('red');
    expect(colourOf(wb, `N${fin.layout.firstProductRow}`)).toBe('red');
    expect(wb.get(S, `C${sum.checkShortage}`)).toBe('OK'); // S7 = S5 × S6 still holds
  });
});
