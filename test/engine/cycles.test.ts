/**
 * The static circular-reference check (src/engine/cycles.ts) that `recalc` runs instead of
 * evaluating the whole workbook: it finds the loops the evaluator finds (also in a branch not
 * taken), and none where there is none (shape-only references, ranges beside the cell), and it
 * agrees with the evaluator on every plan state of the engine test.
 */
import { findCircularReference } from '../../src/engine/cycles';
import { workbookFromPlans, type WorkbookModel } from '../../src/engine/model';
import { makePortable } from '../../src/engine/portable/transform';
import { CircularReferenceError, WorkbookEvaluator } from '../../src/engine/workbook';
import type { WritePlan } from '../../src/taskpane/host/types';
import { exampleStates } from './states';

const plan = (cells: (string | number | null)[][], extra: Partial<WritePlan> = {}): WritePlan => ({
  action: 't',
  sheets: [{ name: 'Blad 1', blocks: [{ at: 'A1', cells }] }],
  ...extra,
});

/** The evaluator's verdict: the loop it throws, or undefined. */
function evaluatorLoop(model: WorkbookModel): string[] | undefined {
  try {
    new WorkbookEvaluator(model).computeAll();
    return undefined;
  } catch (e) {
    if (e instanceof CircularReferenceError) return e.cells;
    throw e;
  }
}

describe('findCircularReference', () => {
  it.each<[string, (string | number | null)[][], string[] | undefined]>([
    ['two cells', [['=B1+1', '=A1*2']], ['Blad 1!A1', 'Blad 1!B1', 'Blad 1!A1']],
    ['a cell on itself', [[1, '=B1+A1']], ['Blad 1!B1', 'Blad 1!B1']],
    ['a branch of IF not taken', [['=IF(FALSE,A1,1)']], ['Blad 1!A1', 'Blad 1!A1']],
    ['a range holding the cell', [[1, 2], ['=SUM(A1:B3)']], ['Blad 1!A2', 'Blad 1!A2']],
    ['a whole column holding the cell', [[1], ['=SUM(A:A)']], ['Blad 1!A2', 'Blad 1!A2']],
    ['through a chain', [['=C1', '=A1', '=B1']], ['Blad 1!A1', 'Blad 1!C1', 'Blad 1!B1', 'Blad 1!A1']],
    ['no loop: a chain', [[1, '=A1', '=B1*2', '=SUM(A1:C1)']], undefined],
    ['no loop: shape-only references', [['=ROWS($A$1:$A1)', '=ROWS(B1)+COLUMNS(A1:C1)']], undefined],
    ['no loop: a range beside the cell', [[1, 2, '=SUM(A1:B1)', '=SUM($A$1:C1)']], undefined],
  ])('%s', (_what, cells, loop) => {
    const model = workbookFromPlans(plan(cells));
    expect(findCircularReference(model)).toEqual(loop);
    // The evaluator agrees that there is a loop (its first cell may differ).
    expect(evaluatorLoop(model) !== undefined).toBe(loop !== undefined);
  });

  it('follows defined names and other sheets', () => {
    const model = workbookFromPlans(
      plan([['=X_Naam+1']], { names: [{ name: 'X_Naam', ref: "='Blad 2'!$A$1" }] }),
      { action: 't', sheets: [{ name: 'Blad 2', blocks: [{ at: 'A1', cells: [["='Blad 1'!A1*2"]] }] }] },
    );
    expect(findCircularReference(model)).toEqual(['Blad 1!A1', 'Blad 2!A1', 'Blad 1!A1']);
    const fine = workbookFromPlans(
      plan([['=X_Naam+1']], { names: [{ name: 'X_Naam', ref: "='Blad 2'!$A$1" }] }),
      { action: 't', sheets: [{ name: 'Blad 2', blocks: [{ at: 'A1', cells: [[5]] }] }] },
    );
    expect(findCircularReference(fine)).toBeUndefined();
  });

  it('follows structured references', () => {
    const table = (second: string): WritePlan => ({
      action: 't',
      sheets: [
        {
          name: 'Blad 1',
          tables: [
            {
              name: 'T_X',
              at: 'A1',
              headers: ['a', 'b'],
              rows: [
                [1, second],
                [2, second],
              ],
            },
          ],
          blocks: [{ at: 'D1', cells: [['=SUM(T_X[b])']] }],
        },
      ],
    });
    expect(findCircularReference(workbookFromPlans(table('=[@a]*2')))).toBeUndefined();
    expect(findCircularReference(workbookFromPlans(table('=[@a]*$D$1')))).toEqual([
      'Blad 1!D1',
      'Blad 1!B3',
      'Blad 1!D1',
    ]);
  });

  it('finds no loop in any example state of the engine test, nor in its portable form', async () => {
    const states = await exampleStates();
    expect(states.length).toBeGreaterThan(5);
    for (const state of states) {
      const model = workbookFromPlans(...state.plans);
      expect([state.name, findCircularReference(model)]).toEqual([state.name, undefined]);
      const portable = makePortable(model).model;
      expect([state.name, findCircularReference(portable)]).toEqual([state.name, undefined]);
    }
  });
});
