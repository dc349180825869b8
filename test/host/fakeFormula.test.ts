/**
 * The fake refuses a formula that does not parse, as Excel does; every formula the pane's plans
 * write parses.
 */
import { formulaProblem } from '../browser/fake-office/fakeOffice';
import { workbookFromPlans } from '../../src/engine/model';
import { exampleStates } from '../engine/states';

describe('the fake parses formulas', () => {
  it.each([
    '= weken × uren × directe uren',
    '= maanden × 13/12 (13 perioden per jaar)',
    '= 1 − (1 − verloop)^(1/13)',
    '=SUM(A1:A3',
    '=IF(A1,,',
    '=1+',
    '=',
    '="open',
    '=A1 B1',
  ])('refuses %s', (f) => {
    expect(formulaProblem(f)).toBeDefined();
  });

  it.each([
    '=IND.FTE(83000,4,36,0.57,60)',
    "='IND Parameters'!$C$5*2",
    '=IF(A1="x",-B2%,{1,2;3,4})',
    '=SUMIFS(Tab[Uren],Tab[[Team]],"A",Tab[@Soort],">=1")',
    '=IND.SCENARIO(B5:B17,,,,,"en")',
    '=[@[Directe uren]]/[@Zaken]',
    '=Tab[[#This Row],[Col]]&"|"&$A7',
    '=#N/A',
    '=-(A1)^2>=0.5',
  ])('accepts %s', (f) => {
    expect(formulaProblem(f)).toBeUndefined();
  });

  it('every formula of every example plan parses', async () => {
    const bad: string[] = [];
    for (const s of await exampleStates()) {
      for (const sheet of workbookFromPlans(...s.plans).sheets) {
        for (const c of sheet.cells.values()) {
          if (typeof c.content === 'string' && c.content.startsWith('=')) {
            const p = formulaProblem(c.content);
            if (p) bad.push(p);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
