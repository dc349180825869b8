/**
 * The one evaluator (src/engine/workbook.ts): plans laid out as Excel would hold them, evaluated
 * through the function registry's adapters.
 */
import { ExcelErrorValue } from '../../src/cli/engine';
import { workbookFromPlans } from '../../src/engine/model';
import { FormulaCellError, WorkbookEvaluator } from '../../src/engine/workbook';
import type { WritePlan } from '../../src/taskpane/host/types';

const plan = (cells: (string | number | null)[][], extra: Partial<WritePlan> = {}): WritePlan => ({
  action: 't',
  sheets: [{ name: 'Blad 1', blocks: [{ at: 'A1', cells }] }],
  ...extra,
});

describe('WorkbookEvaluator', () => {
  it('computes references, names and IND.* through the adapters', () => {
    const wb = new WorkbookEvaluator(
      workbookFromPlans(
        plan([[83000, 4, 36, 0.57, 60, '=IND.FTE(A1,B1,C1,D1,E1)', '=F1*2', '=X_Ratio']], {
          names: [{ name: 'X_Ratio', ref: "='Blad 1'!$D$1" }],
        }),
      ),
    );
    expect(wb.get('Blad 1', 'F1')).toBeCloseTo(1116.4717348927877, 10);
    expect(wb.get('Blad 1', 'G1')).toBeCloseTo(2 * 1116.4717348927877, 10);
    expect(wb.get('Blad 1', 'H1')).toBe(0.57);
  });

  it('ISBLANK is TRUE only for an empty cell, not for a formula\'s "" (as Excel; the parser said TRUE)', () => {
    const wb = new WorkbookEvaluator(
      workbookFromPlans(plan([[null, '=""', 0, '=ISBLANK(A1)', '=ISBLANK(B1)', '=ISBLANK(C1)']])),
    );
    expect([wb.get('Blad 1', 'D1'), wb.get('Blad 1', 'E1'), wb.get('Blad 1', 'F1')]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('a blank hours cell gives the adapter error with its message, not 0', () => {
    const wb = new WorkbookEvaluator(workbookFromPlans(plan([[null, '=IND.FTE(A1,4,36,0.57)']])));
    const v = wb.get('Blad 1', 'B1');
    expect(v).toBeInstanceOf(ExcelErrorValue);
    expect((v as ExcelErrorValue).code).toBe('#VALUE!');
    expect((v as ExcelErrorValue).message).toMatch(/hours/);
  });

  it('spills an IND.SCENARIO column into the cells below, read by other formulas', () => {
    const wb = new WorkbookEvaluator(
      workbookFromPlans(
        plan([
          [80000, '=IND.SCENARIO(A1:A3)', '=B2'],
          [95000, null, '=COUNTIF(B1:B3,"normaal")'],
          [70000, null, null],
        ]),
      ),
    );
    expect(wb.get('Blad 1', 'C1')).toBe('korte piek');
    expect(wb.get('Blad 1', 'B3')).toBe('onder band');
    expect(wb.get('Blad 1', 'C2')).toBe(1);
  });

  it('resolves structured references and this-row references', () => {
    const p: WritePlan = {
      action: 't',
      sheets: [
        {
          name: 'T',
          blocks: [{ at: 'F1', cells: [['=SUM(Tab[Uren])', '=SUMIFS(Tab[Uren],Tab[Team],"A")']] }],
          tables: [
            {
              name: 'Tab',
              at: 'A1',
              headers: ['Team', 'Uren', 'Dubbel'],
              rows: [
                ['A', 10, '=[@Uren]*2'],
                ['B', 5, '=[@[Uren]]*2'],
                ['A', 1, '=Tab[[#This Row],[Uren]]*2'],
              ],
            },
          ],
        },
      ],
    };
    const wb = new WorkbookEvaluator(workbookFromPlans(p));
    expect(wb.get('T', 'F1')).toBe(16);
    expect(wb.get('T', 'G1')).toBe(11);
    expect([wb.get('T', 'C2'), wb.get('T', 'C3'), wb.get('T', 'C4')]).toEqual([20, 10, 2]);
  });

  it('reads the file forms of a custom function', () => {
    const wb = new WorkbookEvaluator(
      workbookFromPlans(
        plan([[83000, '=_xldudf_IND_FTE(A1,4,36,0.57,60)', '=[2]!_xldudf_IND_FTE(A1,4,36,0.57,60)']]),
      ),
    );
    expect(wb.get('Blad 1', 'B1')).toBeCloseTo(1116.4717348927877, 10);
    expect(wb.get('Blad 1', 'C1')).toBeCloseTo(1116.4717348927877, 10);
  });
});

describe('WorkbookEvaluator, as Excel (differences LibreOffice found)', () => {
  it('a formula that is only a reference to an error cell shows that error, not #VALUE!', () => {
    const wb = new WorkbookEvaluator(workbookFromPlans(plan([['=NA()', '=A1', '=SUM(A1)']])));
    expect((wb.get('Blad 1', 'B1') as ExcelErrorValue).code).toBe('#N/A');
    expect((wb.get('Blad 1', 'C1') as ExcelErrorValue).code).toBe('#N/A');
  });

  it('IFERROR of a blank reference is 0, and of an error the alternative', () => {
    const wb = new WorkbookEvaluator(
      workbookFromPlans(plan([[null, '=IFERROR(A1,"")', '=IFERROR(1/0,"x")', '=IFNA(NA(),2)']])),
    );
    expect([wb.get('Blad 1', 'B1'), wb.get('Blad 1', 'C1'), wb.get('Blad 1', 'D1')]).toEqual([0, 'x', 2]);
  });

  it('ROWS reads only the shape of its reference: a running count over its own cell is no loop', () => {
    const wb = new WorkbookEvaluator(
      workbookFromPlans(plan([['=ROWS($A$1:A1)'], ['=ROWS($A$1:A2)'], ['=COLUMNS(A1:C3)+A2']])),
    );
    expect([wb.get('Blad 1', 'A1'), wb.get('Blad 1', 'A2'), wb.get('Blad 1', 'A3')]).toEqual([1, 2, 5]);
  });

  it('the criteria functions and MATCH skip an error cell that does not count; a blank INDEX is blank', () => {
    const wb = new WorkbookEvaluator(
      workbookFromPlans(
        plan([
          ['A', 1, '=SUMIFS(B1:B3,A1:A3,"B")', '=MATCH("C",A1:A3,0)', '=INDEX(F1:F3,2)&"x"', 5],
          ['=NA()', 2, '=SUMIFS(B1:B3,A1:A3,"A")', '=COUNTIFS(A1:A3,"C",B1:B3,">1")', null, null],
          ['C', 3, '=SUM(A1:A3)', '=INDEX(B1:B3,MATCH("x",A1:A3,0))', null, 7],
        ]),
      ),
    );
    expect([wb.get('Blad 1', 'C1'), wb.get('Blad 1', 'D1'), wb.get('Blad 1', 'E1')]).toEqual([0, 3, 'x']);
    expect([wb.get('Blad 1', 'C2'), wb.get('Blad 1', 'D2')]).toEqual([1, 1]);
    expect((wb.get('Blad 1', 'C3') as ExcelErrorValue).code).toBe('#N/A');
    expect((wb.get('Blad 1', 'D3') as ExcelErrorValue).code).toBe('#N/A');
  });

  it('a function the engine does not support is refused in a workbook too, never a stub value', () => {
    const wb = new WorkbookEvaluator(workbookFromPlans(plan([[1, '=VLOOKUP(1,A1:A1,1,FALSE)']])));
    expect(() => wb.get('Blad 1', 'B1')).toThrow(FormulaCellError);
  });

  it('INDEX of an #N/A position propagates #N/A (not #VALUE!)', () => {
    const wb = new WorkbookEvaluator(workbookFromPlans(plan([[1, '=INDEX(A1:A1,MATCH("x",A1:A1,0))']])));
    expect((wb.get('Blad 1', 'B1') as ExcelErrorValue).code).toBe('#N/A');
  });

  it('a range read by many formulas is read the same by each (the cached rows are never changed)', () => {
    // The parser's own SUMPRODUCT set non-numbers to 0 and multiplied in place; the evaluator hands
    // every formula the same cached rows, so a change there would show in the formulas after it.
    const wb = new WorkbookEvaluator(
      workbookFromPlans(
        plan([
          [2, 5, '=SUMPRODUCT(A1:A3,B1:B3)', '=SUMPRODUCT(A1:A3,B1:B3)', '=SUM(A1:A3)', '=COUNTA(A1:A3)'],
          ['x', 7, '=SUMPRODUCT((A1:A3>1)*B1:B3)', '=INDEX(A1:A3,2)', '=SUM(B1:B3)', '=MATCH("x",A1:A3,0)'],
          [3, 11, '=SUMPRODUCT(A1:A3*B1:B3)', '=INDEX(A1:A3,3)*2', '=SUMPRODUCT(A1:A3,B1:B3)', '=A1'],
        ]),
      ),
    );
    const got = ['C1', 'D1', 'E1', 'F1', 'C2', 'D2', 'E2', 'F2', 'E3', 'F3'].map((a) => wb.get('Blad 1', a));
    // Excel: SUMPRODUCT counts 'x' as 0 (2·5 + 3·11 = 43); 'x'>1 is TRUE in Excel's order (text > numbers).
    expect(got).toEqual([43, 43, 5, 3, 5 + 7 + 11, 'x', 23, 2, 43, 2]);
    expect((wb.get('Blad 1', 'C3') as ExcelErrorValue).code).toBe('#VALUE!');
    expect(wb.get('Blad 1', 'D3')).toBe(6);
  });
});
