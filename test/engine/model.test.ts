/**
 * The engine's workbook model styles a table's input columns as the gateway does in Excel: the
 * constant cells of a column in `inputColumns` carry the input style, a formula there stays computed.
 */
import { addPlan, cellKey, emptyWorkbook, findSheet } from '../../src/engine/model';
import type { WritePlan } from '../../src/taskpane/host/types';

test('table input columns: constants input-styled, formulas and other columns not', () => {
  const plan = {
    sheets: [
      {
        name: 'S',
        blocks: [],
        tables: [
          {
            name: 'T',
            at: 'B2',
            headers: ['Code', 'Minuten'],
            rows: [
              ['a', 30],
              ['b', '=2*15'],
            ],
            inputColumns: ['Minuten'],
          },
        ],
      },
    ],
  } as unknown as WritePlan;
  const wb = emptyWorkbook();
  addPlan(wb, plan);
  const sheet = findSheet(wb, 'S')!;
  // B2 = headers; row 3 = first data row, column C = Minuten.
  expect(sheet.cells.get(cellKey(3, 3))?.style).toBe('input');
  expect(sheet.cells.get(cellKey(4, 3))?.style).toBeUndefined();
  expect(sheet.cells.get(cellKey(3, 2))?.style).toBeUndefined();
  expect(sheet.cells.get(cellKey(2, 3))?.style).toBe('header');
});
