/**
 * The IND.* form judged by LibreOffice: every workbook state the pane writes, rendered to .xlsx
 * with each IND.* cell given its adapter value (LibreOffice has no add-in), recalculated by
 * LibreOffice; every native formula cell must equal the project's own evaluation.
 */
import { workbookFromPlans } from '../../src/engine/model';
import { exampleStates } from './states';
import { judge, withStandIns } from './judge';

jest.setTimeout(300_000);

describe('IND.* form with stand-in values, recalculated by LibreOffice', () => {
  it('every native formula cell of every example state equals our evaluation', async () => {
    const states = await exampleStates();
    const cases = states.map((s) => {
      const model = workbookFromPlans(...s.plans);
      const { model: rendered, values } = withStandIns(model);
      return { name: s.name, rendered, formulas: model, expected: values };
    });
    const results = await judge(cases);
    for (const r of results)
      console.log(`${r.name}: ${r.cells} formula cells, ${r.differences.length} differences`);
    expect(results.flatMap((r) => r.differences.slice(0, 20))).toEqual([]);
  });
});
