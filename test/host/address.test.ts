import fc from 'fast-check';
import {
  blockAddress,
  cellAddress,
  parseCell,
  quoteSheet,
  renameSheetRefs,
  renameTableRefs,
  sheetNameProblem,
  sheetOf,
  stripSheet,
} from '../../src/taskpane/host/address';
import * as hostAddress from '../../src/taskpane/host/address';
import { columnLetters, columnNumber } from '../../src/taskpane/plans/formula';

describe('A1 address arithmetic', () => {
  // One A1 helper set (plans/formula.ts, 1-based); the gateway's zero-based cells build on it.
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [28, 'AB'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('column %i is %s', (i, letters) => {
    expect(columnLetters(i)).toBe(letters);
    expect(columnNumber(letters)).toBe(i);
    expect(cellAddress({ row: 0, col: i - 1 })).toBe(`${letters}1`);
  });

  it('has no zero-based column helper of its own', () => {
    expect(Object.keys(hostAddress)).not.toContain('columnLetters');
    expect(Object.keys(hostAddress)).not.toContain('columnIndex');
  });

  it('round-trips every column number (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (i) => columnNumber(columnLetters(i)) === i));
  });

  it('round-trips every cell (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1048575 }), fc.integer({ min: 0, max: 16383 }), (row, col) => {
        expect(parseCell(cellAddress({ row, col }))).toEqual({ row, col });
      }),
    );
  });

  it('parses absolute cells and rejects what is not a cell inside the grid', () => {
    expect(parseCell('$C$5')).toEqual({ row: 4, col: 2 });
    expect(parseCell('b2')).toEqual({ row: 1, col: 1 });
    expect(parseCell('A0')).toBeUndefined();
    expect(parseCell('A1048577')).toBeUndefined();
    expect(parseCell('XFE1')).toBeUndefined();
    expect(parseCell('A1:B2')).toBeUndefined();
    expect(parseCell('Sheet1')).toBeUndefined();
  });

  it('computes block addresses', () => {
    expect(blockAddress({ row: 1, col: 1 }, 2, 3)).toBe('B2:D3');
    expect(blockAddress({ row: 0, col: 0 }, 1, 1)).toBe('A1');
    expect(blockAddress({ row: 3, col: 0 }, 10000, 5)).toBe('A4:E10003');
  });

  it('strips and extracts sheet prefixes, including quoted names with apostrophes', () => {
    expect(stripSheet("'IND Blad'!A1:B2")).toBe('A1:B2');
    expect(stripSheet('A1')).toBe('A1');
    expect(sheetOf("'IND Blad'!A1:B2")).toBe('IND Blad');
    expect(sheetOf("'Jan''s blad'!C3")).toBe("Jan's blad");
    expect(sheetOf('Blad1!A1')).toBe('Blad1');
    expect(sheetOf('A1')).toBe('');
  });

  it('quotes sheet names only when Excel needs it', () => {
    expect(quoteSheet('Blad1')).toBe('Blad1');
    expect(quoteSheet('IND Parameters')).toBe("'IND Parameters'");
    expect(quoteSheet("Jan's")).toBe("'Jan''s'");
    expect(quoteSheet('AB12')).toBe("'AB12'");
    expect(quoteSheet('2021')).toBe("'2021'");
  });

  it('explains invalid sheet names', () => {
    expect(sheetNameProblem('IND Rekenblad')).toBeUndefined();
    expect(sheetNameProblem('')).toMatch(/1 to 31/);
    expect(sheetNameProblem('x'.repeat(32))).toMatch(/at most 31 characters \(this one has 32\)/);
    expect(sheetNameProblem('a/b')).toMatch(/no :/);
    expect(sheetNameProblem("'quoted")).toMatch(/apostrophe/);
  });
});

describe('renameSheetRefs', () => {
  it('rewrites quoted and unquoted references but not text inside string literals', () => {
    expect(renameSheetRefs("='IND Rekenblad'!B2*2", 'IND Rekenblad', 'IND Rekenblad (2)')).toBe(
      "='IND Rekenblad (2)'!B2*2",
    );
    expect(renameSheetRefs('=Calc!A1+XCalc!A1', 'Calc', 'Calc (2)')).toBe("='Calc (2)'!A1+XCalc!A1");
    expect(renameSheetRefs(`="'Calc'!A1"&Calc!A1`, 'Calc', 'New')).toBe(`="'Calc'!A1"&New!A1`);
  });

  it('leaves formulas without the sheet unchanged (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const f = `=${s.replace(/!/g, '')}`;
        expect(renameSheetRefs(f, 'IND Blad', 'Ander')).toBe(f);
      }),
    );
  });
});

describe('renameTableRefs', () => {
  it('rewrites structured references to the table only', () => {
    expect(renameTableRefs('=SUM(T_Norm[Minuten])+T_Norm2[x]', 'T_Norm', 'T_Norm_2')).toBe(
      '=SUM(T_Norm_2[Minuten])+T_Norm2[x]',
    );
    expect(renameTableRefs('="T_Norm[x]"', 'T_Norm', 'T_Norm_2')).toBe('="T_Norm[x]"');
  });
});
