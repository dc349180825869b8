/**
 * THE engine test: for every plan, on the bundled examples and on random inputs (fast-check; user
 * edits included, such as a ratio typed as 74.7, a blank or text volume, a code missing from the
 * norms), render to .xlsx, let LibreOffice recalculate, and compare every cell with the project's
 * own evaluation through the adapters: numbers within 1e-9 × max(1, |b|), text exactly, errors by
 * code.
 *
 * - portable form: every formula cell and every spilled cell;
 * - IND.* form: the native cells, with each IND.* cell given its adapter value (stand-ins).
 *
 * All files go through LibreOffice in one batch (2 processes, each converting its half), which
 * keeps the test at a few minutes. Run alone: `npx jest --selectProjects engine`.
 */
import fc from 'fast-check';
import { parseProductTable, type ProductRow } from '../../src/core/funding';
import type { NormRow } from '../../src/core/norms';
import type { TemplateId } from '../../src/core/scenario';
import { RULE_PRESETS } from '../../src/core/scenario';
import { cellKey, findSheet, workbookFromPlans, type WorkbookModel } from '../../src/engine/model';
import { makePortable } from '../../src/engine/portable/transform';
import { WorkbookEvaluator, type EvalValue } from '../../src/engine/workbook';
import { EXAMPLE_ACTUAL, EXAMPLE_BUDGET, EXAMPLE_PRODUCTS } from '../../src/taskpane/plans/funding/examples';
import type { CellValue } from '../../src/taskpane/host/types';
import { MEASURED_SET, MODEL_SET } from '../../src/taskpane/plans';
import { judge, withStandIns, type Difference } from './judge';
import {
  calcState,
  exampleNorms,
  exampleStates,
  fundingState,
  normsState,
  parametersState,
  reconciliationState,
  scenarioState,
  timeRecordingState,
  volumeArb,
  type State,
} from './states';

jest.setTimeout(1_200_000);

/** A user's edit after the pane wrote the sheets: a cell typed over. */
interface Edit {
  name?: string;
  sheet?: string;
  a1?: string;
  value: CellValue;
}

/** Applies edits to a laid-out model (a named cell, or a cell by sheet and address). */
function applyEdits(model: WorkbookModel, edits: Edit[]): void {
  for (const e of edits) {
    let sheet = e.sheet;
    let key: string | undefined;
    if (e.name) {
      const n = model.names.find((x) => x.name === e.name);
      const m = n && /^='?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(n.ref);
      if (!m) continue;
      sheet = m[1].replace(/''/g, "'");
      key = cellKey(Number(m[3]), m[2].charCodeAt(0) - 64);
    } else if (e.a1) {
      const m = /^([A-Z]+)(\d+)$/.exec(e.a1)!;
      key = cellKey(Number(m[2]), m[1].charCodeAt(0) - 64);
    }
    const s = sheet && findSheet(model, sheet);
    if (!s || !key) continue;
    s.cells.set(key, { ...s.cells.get(key), content: e.value });
  }
}

/** A bad or odd value a user might type into a parameter cell. */
const parameterEdit = (name: string, good: fc.Arbitrary<number>): fc.Arbitrary<Edit[]> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant<Edit[]>([]) },
    { weight: 3, arbitrary: good.map((v) => [{ name, value: v }]) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<CellValue>(74.7, null, 'abc', -1).map((v) => [{ name, value: v }]),
    },
  );

interface Case {
  state: State;
  edits: Edit[];
}

/** Random cases per plan (a third of it for the two large sheets); `ENGINE_CASES=24` for a longer run. */
const N = Number(process.env.ENGINE_CASES ?? 8);
const sample = <T>(arb: fc.Arbitrary<T>, n: number, seed: number): T[] =>
  fc.sample(arb, { numRuns: n, seed });

function randomCases(): (Case | Promise<Case>)[] {
  const norms = exampleNorms();
  const codes = [...new Set(norms.map((n) => n.code))];
  const out: (Case | Promise<Case>)[] = [];
  // The error cases, always: a ratio typed as 74.7, a blank and a text volume, a missing code.
  const V = 'IND Voorbeeldvolumes';
  for (const edits of [
    [{ name: 'IND_DirecteUren', value: 74.7 }],
    [{ sheet: V, a1: 'B5', value: null }],
    [{ sheet: V, a1: 'B5', value: 'x' }],
    [{ sheet: V, a1: 'A5', value: 'ONBEKEND' }],
  ] as Edit[][])
    out.push({ state: calcState(), edits });
  // Parameters: active set and edits of named values.
  for (const [active, edits] of sample(
    fc.tuple(
      fc.constantFrom(MODEL_SET, MEASURED_SET),
      parameterEdit('IND_DirecteUren', fc.double({ min: 0.3, max: 1, noNaN: true })),
    ),
    N,
    1,
  ))
    out.push({ state: parametersState(active), edits });
  // Norm tables: random minutes for the example codes.
  for (const minutes of sample(
    fc.array(fc.double({ min: 1, max: 2000, noNaN: true }), {
      minLength: norms.length,
      maxLength: norms.length,
    }),
    N,
    2,
  ))
    out.push({ state: normsState(norms.map((n: NormRow, i) => ({ ...n, minutes: minutes[i] }))), edits: [] });
  // Calculation sheet: random volumes, gross-up choice, active set; user edits of parameters and volumes.
  for (const [vol, gross, active, ratioEdit, extraEdit, volEdit] of sample(
    fc.tuple(
      volumeArb(codes),
      fc.boolean(),
      fc.constantFrom(MODEL_SET, MEASURED_SET),
      parameterEdit('IND_DirecteUren', fc.double({ min: 0.3, max: 1, noNaN: true })),
      parameterEdit('IND_VerloopFte', fc.double({ min: 0, max: 200, noNaN: true })),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant<Edit[]>([]) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom<CellValue>(null, 'x', 12.5, 0)
            .map((v) => [{ sheet: 'IND Voorbeeldvolumes', a1: 'B5', value: v }]),
        },
        // A code that is not in the norm table: INDEX/MATCH gives #N/A.
        {
          weight: 1,
          arbitrary: fc.constant<Edit[]>([{ sheet: 'IND Voorbeeldvolumes', a1: 'A5', value: 'ONBEKEND' }]),
        },
      ),
    ),
    N,
    3,
  ))
    out.push({
      state: calcState(vol, norms, { grossUpExtra: gross, active }),
      edits: [...ratioEdit, ...extraEdit, ...volEdit],
    });
  // Time recording: generated exports.
  for (const [seed, teams, weeks] of sample(
    fc.tuple(
      fc.integer({ min: 1, max: 1e6 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 4, max: 12 }),
    ),
    Math.ceil(N / 3),
    4,
  ))
    out.push(timeRecordingState(seed, { teams, weeks }).then((state) => ({ state, edits: [] })));
  // Scenarios: templates, backlog, lumpsum, rule presets, language; edits of the band.
  for (const [tpl, backlog, lumpsum, preset, lang, bandEdit] of sample(
    fc.tuple(
      fc.constantFrom<TemplateId>('normal', 'shortPeak', 'longPeak', 'case2017'),
      fc.integer({ min: 0, max: 50000 }),
      fc.integer({ min: 0, max: 1e7 }),
      fc.constantFrom(...(Object.keys(RULE_PRESETS) as (keyof typeof RULE_PRESETS)[])),
      fc.constantFrom<'nl' | 'en'>('nl', 'en'),
      parameterEdit('IND_BandBoven', fc.integer({ min: 80000, max: 100000 })),
    ),
    Math.ceil(N / 3),
    5,
  )) {
    // Only the 2017 template has a forecast series; the other templates take a rule without one.
    const usable = (Object.keys(RULE_PRESETS) as (keyof typeof RULE_PRESETS)[]).filter(
      (p) => tpl === 'case2017' || RULE_PRESETS[p].basis !== 'forecast',
    );
    const rule = { ...RULE_PRESETS[usable.includes(preset) ? preset : usable[0]], floor: 0, cap: Infinity };
    out.push({
      state: scenarioState(tpl, { initialBacklog: backlog, lumpsum, rule }, lang),
      edits: bandEdit,
    });
  }
  // Funding: random product tables.
  const base = parseProductTable(EXAMPLE_PRODUCTS);
  for (const [rows, lang] of sample(
    fc.tuple(
      fc.array(
        fc.record({
          volume: fc.integer({ min: 0, max: 5000 }),
          normMinutes: fc.double({ min: 1, max: 900, noNaN: true }),
          hourlyCost: fc.double({ min: 20, max: 150, noNaN: true }),
          overheadRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
        }),
        { minLength: 1, maxLength: base.length },
      ),
      fc.constantFrom<'nl' | 'en'>('nl', 'en'),
    ),
    N,
    6,
  )) {
    const products: ProductRow[] = rows.map((r, i) => ({ ...base[i], ...r }));
    out.push({ state: fundingState(products, lang), edits: [] });
  }
  // Reconciliation: the example tables with random volumes, costs and ledger.
  for (const [factors, ledgerDelta] of sample(
    fc.tuple(
      fc.array(fc.double({ min: 0.1, max: 2, noNaN: true }), { minLength: 40, maxLength: 40 }),
      fc.integer({ min: -50000, max: 50000 }),
    ),
    N,
    7,
  )) {
    let k = 0;
    const scale = (rows: CellValue[][]) =>
      rows.map((r, i) =>
        i === 0
          ? r
          : r.map((v) => (typeof v === 'number' ? Math.max(1, Math.round(v * factors[k++ % 40])) : v)),
      );
    const actual = scale(EXAMPLE_ACTUAL);
    const sum = actual.slice(1).reduce((s, r) => s + (typeof r[2] === 'number' ? r[2] : 0), 0);
    out.push({
      state: reconciliationState(scale(EXAMPLE_BUDGET), actual, Math.max(0, sum + ledgerDelta)),
      edits: [],
    });
  }
  return out;
}

/** A portable model with one converted formula broken on purpose (the test must see it). */
function broken(portable: WorkbookModel): WorkbookModel {
  const sheet = findSheet(portable, 'IND Rekenblad')!;
  for (const c of sheet.cells.values()) {
    if (typeof c.content === 'string' && c.content.startsWith('=(IF(ISERROR(')) {
      c.content = `${c.content}+1`;
      break;
    }
  }
  return portable;
}

describe('the engine test: LibreOffice judges every plan', () => {
  let results: { name: string; differences: Difference[]; cells: number }[] = [];
  const names: string[] = [];

  beforeAll(async () => {
    const examples = (await exampleStates()).map((state) => ({ state, edits: [] as Edit[] }));
    const all = [...examples, ...(await Promise.all(randomCases().map((c) => Promise.resolve(c))))];
    const cases = [];
    for (const [i, c] of all.entries()) {
      const model = workbookFromPlans(...c.state.plans);
      applyEdits(model, c.edits);
      const expected: Map<string, Map<string, EvalValue>> = new WorkbookEvaluator(model).computeAll();
      const { model: portable } = makePortable(model);
      const tag = `${c.state.name} #${i}${c.edits.length ? ` (edits ${JSON.stringify(c.edits)})` : ''}`;
      cases.push({ name: `portable ${tag}`, rendered: portable, formulas: model, expected });
      cases.push({
        name: `IND.* ${tag}`,
        rendered: withStandIns(model, expected).model,
        formulas: model,
        expected,
      });
      names.push(c.state.name);
    }
    // The judge must be able to fail: a wrong portable formula, on purpose.
    const calc = workbookFromPlans(...calcState().plans);
    cases.push({
      name: 'broken on purpose',
      rendered: broken(makePortable(calc).model),
      formulas: calc,
      expected: new WorkbookEvaluator(calc).computeAll(),
    });
    const started = Date.now();
    results = await judge(cases);
    const cells = results.reduce((s, r) => s + r.cells, 0);
    console.log(
      `engine test: ${cases.length} workbooks (${names.length} states × 2 forms + 1), ${cells} cells compared, LibreOffice batch ${Math.round((Date.now() - started) / 1000)} s`,
    );
  });

  it('covers every plan with a few dozen random cases besides the examples', () => {
    const count = (n: string) => names.filter((x) => x === n).length;
    for (const n of ['Parameters', 'Normtijden', 'Rekenblad', 'Financiering', 'Nacalculatie'])
      expect(count(n)).toBeGreaterThanOrEqual(N);
    for (const n of ['Tijdschrijven', "Scenario's"])
      expect(count(n)).toBeGreaterThanOrEqual(Math.ceil(N / 3));
  });

  it('the portable form: every cell equals the adapters’ value', () => {
    const bad = results
      .filter((r) => r.name.startsWith('portable'))
      .flatMap((r) => r.differences.slice(0, 3).map((d) => ({ case: r.name, ...d })));
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('the IND.* form: every native cell equals our evaluation (IND.* cells at their adapter values)', () => {
    const bad = results
      .filter((r) => r.name.startsWith('IND.*'))
      .flatMap((r) => r.differences.slice(0, 3).map((d) => ({ case: r.name, ...d })));
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('a portable formula broken on purpose is caught', () => {
    const r = results.find((x) => x.name === 'broken on purpose')!;
    expect(r.differences.length).toBeGreaterThan(0);
  });

  it('the random cases include the error cases: a ratio typed as 74.7, blank or text input, a missing code', () => {
    expect(results.some((r) => r.name.includes('74.7'))).toBe(true);
    expect(results.some((r) => r.name.includes('"value":null'))).toBe(true);
    expect(results.some((r) => r.name.includes('ONBEKEND'))).toBe(true);
  });
});
