/**
 * Input cells look like inputs on every sheet the pane writes (issue 11, Build 10 / problem 11):
 * over every plan (the bundled examples, English and Dutch, linked and unlinked), every cell with
 * the input style holds a constant, never a formula; every sheet carries the style legend; the
 * legend names the colours the styles really have, and no sheet names another colour for inputs;
 * the computed fill is visibly apart from white and from the input fill.
 */
import { topLeft } from '../../src/core/norms/address';
import { blockFormats } from '../../src/taskpane/host/styles';
import type { SheetPlan, WritePlan } from '../../src/taskpane/host/types';
import { buildExampleInputPlan } from '../../src/taskpane/plans/funding/exampleInputPlan';
import { EXAMPLE_FUNDING_PARAMS, EXAMPLE_PRODUCTS } from '../../src/taskpane/plans/funding/examples';
import { buildFundingPlan } from '../../src/taskpane/plans/funding/fundingPlan';
import { parseProductTable } from '../../src/core/funding';
import { buildForecastInputPlan } from '../../src/taskpane/plans/steering/forecastPlan';
import { fillName, LEGEND_TITLE, legendLines, withStyleLegend } from '../../src/taskpane/plans/styleLegend';
import { exampleStates, fundingState } from '../engine/states';
import { CAL, PEIL } from '../steering/fixtures';
import { cycle, paramsPlan, withProductionPlan, withTeams } from '../steering/planHelpers';

async function everyPlan(): Promise<{ name: string; plan: WritePlan; lang: 'nl' | 'en' }[]> {
  const out: { name: string; plan: WritePlan; lang: 'nl' | 'en' }[] = [];
  for (const s of await exampleStates())
    s.plans.forEach((plan, i) => out.push({ name: `${s.name} #${i}`, plan, lang: 'nl' }));
  out.push({ name: 'Financiering (en)', plan: fundingState(undefined, 'en').plans[0], lang: 'en' });
  const p = EXAMPLE_FUNDING_PARAMS;
  const linked = buildFundingPlan({
    products: parseProductTable(EXAMPLE_PRODUCTS),
    params: { ...p, cap: undefined },
    sets: [
      { label: 'Model 2021', directRatio: 0.7473 },
      { label: 'Gemeten 2021', directRatio: 0.57 },
    ],
    linkParameters: true,
    lang: 'nl',
  }).plan;
  out.push({ name: 'Financiering (gekoppeld)', plan: linked, lang: 'nl' });
  out.push({ name: 'Voorbeeldinvoer', plan: buildExampleInputPlan('nl'), lang: 'nl' });
  out.push({ name: 'Example input', plan: buildExampleInputPlan('en'), lang: 'en' });
  for (const lang of ['nl', 'en'] as const) {
    const params = withProductionPlan(withTeams(paramsPlan(lang)), {
      AA: Array.from({ length: 13 }, () => [1, 2]),
    });
    out.push({ name: `Sturing parameters (${lang})`, plan: params, lang });
    out.push({ name: `Sturing cyclus (${lang})`, plan: cycle(params, { lang }).plan, lang });
  }
  out.push({
    name: 'Prognose-invoer',
    plan: buildForecastInputPlan({
      lang: 'nl',
      calendar: CAL,
      peil: PEIL,
      products: ['AA'],
      realisation: [],
    }),
    lang: 'nl',
  });
  return out;
}

/** Every (address, content) a block with the input style writes. */
function inputCells(sheet: SheetPlan): { at: string; content: unknown }[] {
  const out: { at: string; content: unknown }[] = [];
  for (const b of sheet.blocks) {
    if (b.style !== 'input') continue;
    const tl = topLeft(b.at);
    b.cells.forEach((r, i) =>
      r.forEach((c, j) => out.push({ at: `${tl.row + i},${tl.column + j}`, content: c })),
    );
  }
  return out;
}

function legendOf(sheet: SheetPlan, lang: 'nl' | 'en'): string[][] | undefined {
  const title = sheet.blocks.find((b) => b.cells[0]?.[0] === LEGEND_TITLE[lang]);
  if (!title) return undefined;
  const tl = topLeft(title.at);
  const at = (row: number, col: number): unknown =>
    sheet.blocks.find((b) => {
      const t = topLeft(b.at);
      return t.row === row && t.column === col;
    })?.cells[0]?.[0];
  const style = (row: number, col: number) =>
    sheet.blocks.find((b) => {
      const t = topLeft(b.at);
      return t.row === row && t.column === col;
    })?.style;
  return [1, 2].map((k) => [
    String(style(tl.row + k, tl.column)),
    String(at(tl.row + k, tl.column)),
    String(at(tl.row + k, tl.column + 1)),
  ]);
}

const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

describe('input and computed styles on every sheet the pane writes', () => {
  let plans: Awaited<ReturnType<typeof everyPlan>>;
  beforeAll(async () => {
    plans = await everyPlan();
  });

  test('a cell with the input style holds a constant, never a formula', () => {
    const bad: string[] = [];
    for (const { name, plan } of plans)
      for (const s of plan.sheets)
        for (const c of inputCells(s))
          if (typeof c.content === 'string' && c.content.startsWith('='))
            bad.push(`${name} / ${s.name} ${c.at}: ${c.content}`);
    expect(bad).toEqual([]);
  });

  test('every sheet has the legend, in the sheet language, with the styles it names', () => {
    const bad: string[] = [];
    for (const { name, plan, lang } of plans)
      for (const s of plan.sheets) {
        const legend = legendOf(s, lang);
        if (!legend) bad.push(`${name} / ${s.name}: no legend`);
        else expect(legend).toEqual(legendLines(lang).map((l) => [l.style, l.word, l.text]));
      }
    expect(bad).toEqual([]);
  });

  test("the legend's wording names the colour each style has; no sheet speaks of yellow inputs", () => {
    for (const lang of ['nl', 'en'] as const) {
      const [input, output] = legendLines(lang);
      expect(input.text.toLowerCase()).toContain(fillName('input', lang));
      expect(output.text.toLowerCase()).toContain(fillName('output', lang));
    }
    expect(fillName('input', 'nl')).toBe('lichtblauwe');
    const texts: string[] = [];
    for (const { plan } of plans)
      for (const s of plan.sheets)
        for (const b of s.blocks)
          for (const r of b.cells) for (const c of r) if (typeof c === 'string') texts.push(c);
    expect(texts.filter((t) => /gele cel|yellow cell|\(gele|\(yellow/i.test(t))).toEqual([]);
  });

  test('the legend check can fail: a sheet without it, or an input cell with a formula, is found', () => {
    const plan: WritePlan = {
      action: 'x',
      sheets: [{ name: 'S', blocks: [{ at: 'A1', cells: [['=B1']], style: 'input' }] }],
    };
    expect(legendOf(plan.sheets[0], 'nl')).toBeUndefined();
    expect(inputCells(plan.sheets[0])[0].content).toBe('=B1');
    const labelled = withStyleLegend(plan, 'en');
    expect(legendOf(labelled.sheets[0], 'en')?.[0]).toEqual(['input', 'Input', legendLines('en')[0].text]);
    expect(topLeft(labelled.sheets[0].blocks[1].at).column).toBe(3); // right of everything, one column free
  });

  test('the computed fill is visibly apart from white and from the input fill', () => {
    const out = blockFormats.output.fill!;
    const inp = blockFormats.input.fill!;
    expect(1 - luminance(out)).toBeGreaterThan(0.08);
    expect(out.toUpperCase()).not.toBe(inp.toUpperCase());
    expect(Math.abs(luminance(out) - luminance(inp))).toBeGreaterThan(0.03);
  });
});
