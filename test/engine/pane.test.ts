/**
 * *Draagbaar maken* in the pane, over the workbook fake: it reads the pane's own sheets in a
 * constant number of syncs, writes portable copies as new sheets without touching a cell of the
 * originals, and the copies compute (our evaluator over what the fake holds) what the adapters
 * compute on the originals.
 */
import { ExcelGateway, type ExcelRun } from '../../src/taskpane/host/excelGateway';
import { readOwnedSheets } from '../../src/taskpane/host/ownedSheets';
import { buildPortablePlan, copyName } from '../../src/taskpane/views/portable/portablePlan';
import { workbookFromPlans } from '../../src/engine/model';
import { WorkbookEvaluator } from '../../src/engine/workbook';
import { createFakeOffice } from '../browser/fake-office/fakeOffice';
import { plain, same } from './judge';
import { calcState } from './states';

jest.setTimeout(120_000);

describe('Draagbaar maken', () => {
  it('writes portable copies next to the originals, which stay as they were', async () => {
    const fake = createFakeOffice();
    const run = fake.Excel.run as ExcelRun;
    const gw = new ExcelGateway({ run });
    const state = calcState();
    for (const p of state.plans) await gw.apply(p);
    const before = JSON.stringify(fake.workbook.snapshot().sheets);

    fake.workbook.resetCounters();
    const model = await readOwnedSheets(run);
    expect(fake.workbook.syncCount).toBeLessThanOrEqual(3);
    const { plan, report } = buildPortablePlan(model, 'nl');
    expect(report.notConverted).toEqual([]);
    expect(plan!.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining([copyName('IND Rekenblad', 'nl'), 'IND_Hulp', 'IND_Bron', 'IND_Draagbaar']),
    );
    const written = await gw.apply(plan!);
    expect(written.redirected).toEqual([]);

    // The originals are untouched.
    const after = fake.workbook.snapshot().sheets;
    const originals = JSON.parse(before) as { name: string }[];
    for (const o of originals) expect(after.find((s) => s.name === o.name)).toEqual(o);

    // The copy computes what the adapters compute on the original, without any IND.* call.
    const copy = copyName('IND Rekenblad', 'nl');
    const ind = new WorkbookEvaluator(workbookFromPlans(...state.plans));
    const portable = new WorkbookEvaluator(workbookFromPlans(...state.plans, plan!));
    const sheet = workbookFromPlans(plan!).sheets.find((s) => s.name === copy)!;
    let compared = 0;
    for (const [k, c] of sheet.cells) {
      if (typeof c.content !== 'string' || !c.content.startsWith('=')) continue;
      expect(c.content).not.toMatch(/IND\.[A-Z]+\(/);
      const [row, col] = k.split(',').map(Number);
      const a = plain(ind.value('IND Rekenblad', row, col));
      const b = plain(portable.value(copy, row, col));
      expect({ k, same: same(a, b) }).toEqual({ k, same: true });
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
