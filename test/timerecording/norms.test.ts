import { CalcError } from '../../src/core/errors';
import { normsFromTable } from '../../src/core/timerecording/norms';

describe('normsFromTable', () => {
  test("the add-in's IND_Normtijden: product column chosen by overlap (Naam), latest version wins", () => {
    const headers = ['Code', 'Naam', 'Normminuten', 'Geldig vanaf', 'Versie', 'Sleutel'];
    const rows = [
      ['S4', 'Spoor 4 (AA)', 700, '01-01-2020', 'v1', 'x'],
      ['S4', 'Spoor 4 (AA)', 720, '01-01-2021', 'v2', 'y'],
      ['NR', 'Nareis', '180', 44197, 'v2', 'z'],
      ['AMV', 'AMV', '', 44197, 'v2', 'z'], // no norm: skipped
    ];
    expect(normsFromTable(headers, rows, ['Spoor 4 (AA)', 'Nareis', 'AMV'], 'IND_Normtijden')).toEqual({
      'Spoor 4 (AA)': 720,
      Nareis: 180,
    });
    // With codes in the export, the Code column is chosen.
    expect(normsFromTable(headers, rows, ['S4', 'NR'], 'IND_Normtijden')).toEqual({ S4: 720, NR: 180 });
  });

  test('a simple Product / Normtijd table with Dutch decimals', () => {
    expect(normsFromTable(['Product', 'Normtijd (min)'], [['X', '12,5']], ['X'], 'T')).toEqual({ X: 12.5 });
  });

  test('a table without a norm column names the table and the columns found', () => {
    try {
      normsFromTable(['Product', 'Zaken'], [['X', 1]], ['X'], 'T_Zaken');
      throw new Error('not refused');
    } catch (e) {
      // By its header: "not a norm table", never "the column for T_Zaken" with a bilingual list.
      expect((e as CalcError).code).toBe('trNormTableColumns');
      expect((e as CalcError).messageIn('nl')).toBe(
        'T_Zaken is geen normtabel: de kopregel ("Product", "Zaken") heeft geen kolom met normminuten. Verwacht: een productkolom (Product, Naam of Code) en een kolom met "norm" in de naam (Normminuten, Normtijd). Kies een andere normtabel, of laat het veld Normtabel leeg.',
      );
      expect((e as CalcError).messageIn('en')).toContain('T_Zaken is not a norm table');
    }
  });
});
