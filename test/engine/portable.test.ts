/**
 * The portable form: every example state with each IND.* call replaced by classic native formulas,
 * evaluated by our own evaluator: every value must equal the adapters' (the IND.* form evaluated
 * through the registry); LibreOffice's verdict is in engine.test.ts. And the way back restores
 * every formula exactly.
 */
import { workbookFromPlans, isFormula } from '../../src/engine/model';
import { makePortable, restoreIndForm } from '../../src/engine/portable/transform';
import { WorkbookEvaluator } from '../../src/engine/workbook';
import { exampleStates } from './states';
import { selfCheck } from './judge';

jest.setTimeout(600_000);

describe('portable form of the example states', () => {
  it('our evaluator gives the same values on the portable form as the adapters on the IND.* form', async () => {
    for (const s of await exampleStates()) {
      const model = workbookFromPlans(...s.plans);
      const expected = new WorkbookEvaluator(model).computeAll();
      const { model: portable, report } = makePortable(model);
      expect({ state: s.name, notConverted: report.notConverted }).toEqual({
        state: s.name,
        notConverted: [],
      });
      const diffs = selfCheck(model, portable, expected);
      expect({ state: s.name, diffs: diffs.slice(0, 5) }).toEqual({ state: s.name, diffs: [] });
    }
  });

  it('the way back restores every formula exactly', async () => {
    for (const s of await exampleStates()) {
      const model = workbookFromPlans(...s.plans);
      const back = restoreIndForm(makePortable(model).model);
      expect(back.sheets.map((x) => x.name)).toEqual(model.sheets.map((x) => x.name));
      for (const sheet of model.sheets) {
        const other = back.sheets.find((x) => x.name === sheet.name)!;
        const formulas = (m: typeof sheet) =>
          [...m.cells]
            .filter(([, c]) => isFormula(c.content) || c.content !== null)
            .map(([k, c]) => [k, c.content]);
        expect(formulas(other)).toEqual(formulas(sheet));
      }
    }
  });
});

describe('the portable forms module', () => {
  it('has a form for every function of the registry (a new function needs one)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { functionNames } = require('../../src/functions/registry') as { functionNames: string[] };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PORTABLE_FORMS } = require('../../src/engine/portable/forms') as { PORTABLE_FORMS: object };
    expect(functionNames.filter((n) => !(n in PORTABLE_FORMS))).toEqual([]);
    expect(Object.keys(PORTABLE_FORMS).filter((n) => !functionNames.includes(n))).toEqual([]);
  });
});
