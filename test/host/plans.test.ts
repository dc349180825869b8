/**
 * Node tests of the pure plan builders of the sheets feature: formulas reference the named
 * cells (never constants), every number on the calculation sheet is a formula, counts are right,
 * and bad input produces no plan.
 */
import fc from 'fast-check';
import { isCalcError } from '../../src/core/errors';
import type { NormRow } from '../../src/core/norms';
import type { CellValue, SheetPlan, TableData, WritePlan } from '../../src/taskpane/host/types';
import {
  ACTIVE_SET_NAME,
  buildCalcSheetPlan,
  buildNormTablePlan,
  buildParameterPlan,
  CALC_SHEET,
  columnRef,
  defaultSets,
  deriveSet,
  headerRef,
  MEASURED_SET,
  MODEL_RATIO_NAME,
  MODEL_SET,
  modelSet,
  NORM_COLUMNS,
  NORM_TABLE,
  normRowsFromTable,
  PARAMETER_LAYOUT,
  PARAMETER_SHEET,
  PARAMETER_TABLE,
  PARAMETERS,
  setsFromTable,
} from '../../src/taskpane/plans';

const allCells = (sheet: SheetPlan): CellValue[] => sheet.blocks.flatMap((b) => b.cells.flat());
const formulas = (sheet: SheetPlan): string[] =>
  allCells(sheet).filter((c): c is string => typeof c === 'string' && c.startsWith('='));
/** Numeric literals inside a formula, ignoring cell addresses, names and quoted text. */
function numericLiterals(formula: string): number[] {
  let noText = formula.replace(/"(?:[^"]|"")*"/g, '""');
  // Structured references name columns, e.g. Volumes[[Periode 1]]: not numbers.
  for (let prev = ''; prev !== noText;) {
    prev = noText;
    noText = noText.replace(/\[(?:[^[\]']|'.)*\]/g, '');
  }
  const noRefs = noText.replace(/\$?[A-Z]{1,3}\$?\d+/g, 'REF').replace(/[A-Za-z_][A-Za-z0-9_.]*/g, 'ID');
  return (noRefs.match(/\d+(\.\d+)?/g) ?? []).map(Number);
}

const norm = (
  code: string | number,
  minutes: number,
  version = '2021',
  name = `Product ${code}`,
): NormRow => ({
  code,
  name,
  minutes,
  validFrom: null,
  version,
});
function volumeTable(
  codes: (string | number)[],
  periods: string[],
  value = (i: number, j: number) => (i + 1) * 10 + j,
): TableData {
  return {
    name: 'Volumes',
    sheet: 'Invoer',
    address: `A1:${String.fromCharCode(65 + periods.length)}${codes.length + 1}`,
    headers: ['Code', ...periods],
    rowCount: codes.length,
    rows: codes.map((c, i) => [c, ...periods.map((_, j) => value(i, j))]),
  };
}
const periods13 = Array.from({ length: 13 }, (_, i) => `2024-P${String(i + 1).padStart(2, '0')}`);

describe('parameter sheet plan', () => {
  const plan = buildParameterPlan(defaultSets(), MODEL_SET);
  const sheet = plan.sheets[0];

  it('writes one table row per set and parameter, with value, unit, basis, source and key', () => {
    expect(sheet.name).toBe(PARAMETER_SHEET);
    const table = sheet.tables![0];
    expect(table.name).toBe(PARAMETER_TABLE);
    expect(table.headers).toEqual(['Set', 'Parameter', 'Waarde', 'Eenheid', 'Basis', 'Bron', 'Sleutel']);
    expect(table.rows).toHaveLength(2 * PARAMETERS.length);
    const ratio = table.rows.filter((r) => r[1] === 'directRatio');
    expect(ratio.map((r) => [r[0], r[2], r[4]])).toEqual([
      [MODEL_SET, 0.7473, 'model (onbekend)'],
      [MEASURED_SET, 0.57, 'bruto'],
    ]);
    const first = PARAMETER_LAYOUT.tableHeaderRow + 1;
    expect(table.rows.every((r, i) => r[6] === `=A${first + i}&"|"&B${first + i}`)).toBe(true);
    expect(table.at).toBe(`A${PARAMETER_LAYOUT.tableHeaderRow}`);
    expect(table.rows.every((r) => typeof r[5] === 'string' && r[5].length > 10)).toBe(true);
  });

  it('offers the set names as a drop-down on the active-set cell', () => {
    const cell = sheet.blocks.find((b) => b.at === `B${PARAMETER_LAYOUT.activeSetCell.row}`)!;
    expect(cell.cells).toEqual([[MODEL_SET]]);
    expect(cell.validation).toEqual({ list: `${MODEL_SET},${MEASURED_SET}` });
  });

  it('gives no drop-down when a set name has a comma (Excel list sources are comma-separated)', () => {
    const sets = [...defaultSets(), { ...defaultSets()[1], name: 'Gemeten, variant B' }];
    const p = buildParameterPlan(sets, MODEL_SET).sheets[0];
    const cell = p.blocks.find((b) => b.at === `B${PARAMETER_LAYOUT.activeSetCell.row}`)!;
    expect(cell.validation).toBeUndefined();
  });

  it('carries the 2021 model values of reference §2', () => {
    const v = modelSet().values;
    expect(v.hoursPerFte.value).toBe(36);
    expect(v.directRatio.value).toBe(0.7473);
    expect(v.trainingShare.value).toBe(0.019);
    expect(v.coachingShare.value).toBe(0.019);
    expect(v.projectsShare.value).toBe(0);
    expect(v.weeksPerPeriod.value).toBe(4);
    expect(v.periodsPerYear.value).toBe(13);
    expect(v.avgContractHours.value).toBe(34.5);
    expect([v.inductionMin.value, v.inductionMax.value]).toEqual([5, 18]);
    expect([v.bandLow.value, v.bandHigh.value, v.peakExtra.value, v.peakPeriods.value]).toEqual([
      76000, 93000, 10000, 3,
    ]);
    expect(v.flexShell.value).toBe(120);
    expect(v.extraFte.value).toBe(60);
  });

  it('defines every required name, pointing at a formula cell that looks up the active set', () => {
    const names = new Map(plan.names!.map((n) => [n.name, n.ref]));
    for (const required of [
      'IND_ActieveSet',
      'IND_UrenPerFte',
      'IND_DirecteUren',
      'IND_DirecteUrenModel',
      'IND_Periodeweken',
      'IND_BandOnder',
      'IND_BandBoven',
      'IND_PiekExtra',
      'IND_PiekPerioden',
      'IND_ContractUren',
      'IND_VerloopFte',
    ]) {
      expect(names.has(required)).toBe(true);
    }
    expect(names.get(ACTIVE_SET_NAME)).toBe(`='IND Parameters'!$B$${PARAMETER_LAYOUT.activeSetCell.row}`);
    const valuesBlock = sheet.blocks.find((b) => b.at === `A${PARAMETER_LAYOUT.valuesHeaderRow + 1}`)!;
    PARAMETERS.forEach((p, i) => {
      const row = PARAMETER_LAYOUT.valuesHeaderRow + 1 + i;
      expect(names.get(p.excelName)).toBe(`='IND Parameters'!$D$${row}`);
      // A1 ranges over the table's Waarde and Sleutel columns (the table is created in the same batch).
      const f = PARAMETER_LAYOUT.tableHeaderRow + 1;
      const l = PARAMETER_LAYOUT.tableHeaderRow + 2 * PARAMETERS.length;
      expect(valuesBlock.cells[i][3]).toBe(
        `=INDEX($C$${f}:$C$${l},MATCH(IND_ActieveSet&"|"&$B${row},$G$${f}:$G$${l},0))`,
      );
      expect(valuesBlock.cells[i][1]).toBe(p.key);
    });
    const ratioRow =
      PARAMETER_LAYOUT.valuesHeaderRow + 1 + PARAMETERS.findIndex((p) => p.key === 'directRatio');
    expect(names.get(MODEL_RATIO_NAME)).toBe(`='IND Parameters'!$G$${ratioRow}`);
    expect(valuesBlock.cells[ratioRow - PARAMETER_LAYOUT.valuesHeaderRow - 1][6]).toContain(
      'MATCH(IND_ModelSet&"|"&',
    );
  });

  it('puts no numeric constant in any formula and no number outside the table', () => {
    for (const f of formulas(sheet)) expect(numericLiterals(f).filter((x) => x !== 0)).toEqual([]);
    expect(allCells(sheet).filter((c) => typeof c === 'number')).toEqual([]);
  });

  it('flags a basis that differs from the model in a check formula', () => {
    const valuesBlock = sheet.blocks.find((b) => b.at === `A${PARAMETER_LAYOUT.valuesHeaderRow + 1}`)!;
    expect(valuesBlock.cells[0][8]).toMatch(/^=IF\(F8=H8,"","Let op: andere basis dan het model \("&F8/);
  });

  it('never formats a formula cell as text', () => {
    for (const b of sheet.blocks) {
      if (!Array.isArray(b.numberFormat)) continue;
      b.cells.forEach((row, r) =>
        row.forEach((c, k) => {
          if (typeof c === 'string' && c.startsWith('='))
            expect((b.numberFormat as string[][])[r][k]).not.toBe('@');
        }),
      );
    }
  });

  it('rejects an unknown active set and bad values before building anything', () => {
    expect(() => buildParameterPlan(defaultSets(), 'Bestaat niet')).toThrow(
      expect.objectContaining({ code: 'paramSetUnknown' }),
    );
    const bad = modelSet();
    bad.values.directRatio = { ...bad.values.directRatio, value: 74.73 };
    try {
      buildParameterPlan([bad], MODEL_SET);
      throw new Error('expected a CalcError');
    } catch (e) {
      expect(isCalcError(e) && e.code).toBe('paramValueInvalid');
      if (isCalcError(e)) {
        expect(e.messageIn('nl')).toBe(
          'Parameter Directe uren (model) (IND_DirecteUren) in set "Model 2021": verwacht een fractie tussen 0 en 1, ontvangen "74.73". Typ een verhouding als fractie: 0.7473 in plaats van 74.73.',
        );
      }
    }
  });
});

describe('setsFromTable', () => {
  const table = () => {
    const t = buildParameterPlan(defaultSets(), MODEL_SET).sheets[0].tables![0];
    return { headers: t.headers, rows: t.rows.map((r) => [...r]) };
  };
  it('reads the written table back into the same sets (round trip)', () => {
    expect(setsFromTable(table())).toEqual(defaultSets());
  });
  it('takes a value a user edited in the sheet', () => {
    const t = table();
    const row = t.rows.find((r) => r[0] === MEASURED_SET && r[1] === 'directRatio')!;
    row[2] = 0.6;
    expect(setsFromTable(t).find((x) => x.name === MEASURED_SET)!.values.directRatio.value).toBe(0.6);
  });
  it('rejects a ratio typed as a percentage and a missing parameter, naming the set', () => {
    const t = table();
    t.rows.find((r) => r[0] === MODEL_SET && r[1] === 'directRatio')![2] = 74.73;
    expect(() => setsFromTable(t)).toThrow(expect.objectContaining({ code: 'paramValueInvalid' }));
    const u = table();
    u.rows = u.rows.filter((r) => !(r[0] === MEASURED_SET && r[1] === 'hoursPerFte'));
    try {
      setsFromTable(u);
      throw new Error('expected a CalcError');
    } catch (e) {
      expect(isCalcError(e) && e.messageIn('nl')).toBe(
        'Parameter Uren per fte per week (IND_UrenPerFte) in set "Gemeten A&B 2021": verwacht een getal, ontvangen (leeg). Corrigeer de waarde.',
      );
    }
  });
});

describe('deriveSet', () => {
  it('derives a measured set with its own basis and source', () => {
    const s = deriveSet([modelSet()], modelSet(), ' Gemeten 2022 ', {
      directRatio: { value: 0.6, basis: 'bruto', source: 'Tijdschrijven 2022' },
    });
    expect(s.name).toBe('Gemeten 2022');
    expect(s.values.directRatio).toEqual({ value: 0.6, basis: 'bruto', source: 'Tijdschrijven 2022' });
    expect(s.values.hoursPerFte).toEqual(modelSet().values.hoursPerFte);
  });
  it.each([
    ['', 'de naam is leeg'],
    ['a|b', 'het teken | is niet toegestaan'],
    ['model 2021', 'er bestaat al een set met deze naam'],
  ])('rejects the name %j', (name, why) => {
    expect(() => deriveSet([modelSet()], modelSet(), name, {})).toThrow(
      expect.objectContaining({
        code: 'paramSetNameInvalid',
        message: expect.stringContaining(why === 'de naam is leeg' ? 'Parameter set name' : 'invalid'),
      }),
    );
    try {
      deriveSet([modelSet()], modelSet(), name, {});
    } catch (e) {
      expect(isCalcError(e) && e.messageIn('nl')).toContain(why);
    }
  });
  it('rejects a band whose upper bound is not above the lower bound', () => {
    expect(() => deriveSet([], modelSet(), 'X', { bandHigh: { value: 70000 } })).toThrow(
      expect.objectContaining({ code: 'paramValueInvalid' }),
    );
  });
  it('property: any ratio in (1, 100] is caught as a percentage typed as a whole number', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.0001, max: 100, noNaN: true }), (v) => {
        try {
          deriveSet([], modelSet(), 'X', { directRatio: { value: v } });
          return false;
        } catch (e) {
          return isCalcError(e) && e.code === 'paramValueInvalid' && e.details.hint === 'percentAsWhole';
        }
      }),
    );
  });
});

describe('norm table plan', () => {
  const rows = [norm('S1', 120), norm(1234, 95.5), norm('S1', 130, 'na tijdschrijven')];
  const plan = buildNormTablePlan(rows, { source: 'Blad1!A1:C3' });
  it('writes a normalised table with versions side by side and a key formula', () => {
    const t = plan.sheets[0].tables![0];
    expect(t.name).toBe(NORM_TABLE);
    expect(t.headers).toEqual([...NORM_COLUMNS]);
    expect(t.at).toBe('A4');
    expect(t.rows).toEqual([
      ['S1', 'Product S1', 120, null, '2021', '=E5&"|"&A5'],
      [1234, 'Product 1234', 95.5, null, '2021', '=E6&"|"&A6'],
      ['S1', 'Product S1', 130, null, 'na tijdschrijven', '=E7&"|"&A7'],
    ]);
    expect(String(plan.sheets[0].blocks[1].cells[0][0])).toContain('2021, na tijdschrijven');
  });
  it('says FICTIEF for the illustrative table', () => {
    const p = buildNormTablePlan(rows, { illustrative: true });
    expect(String(p.sheets[0].blocks[1].cells[0][0])).toMatch(/^FICTIEF/);
  });
  it('reads its own table back (round trip)', () => {
    const t = plan.sheets[0].tables![0];
    const data: TableData = {
      name: NORM_TABLE,
      sheet: 'IND Normtijden',
      address: 'A4:F7',
      headers: t.headers,
      rowCount: 3,
      rows: t.rows.map((r) => [...r.slice(0, 5), '2021|S1']),
    };
    const back = normRowsFromTable(data);
    expect(back.issues).toEqual([]);
    expect(back.rows).toEqual(rows);
  });
});

describe('calculation sheet plan', () => {
  const norms = [norm('S1', 120), norm('S2', 45), norm(1234, 95.5), norm('S1', 999, 'na tijdschrijven')];

  it('has a row per product and a column per period, plus totals', () => {
    const vol = volumeTable(['S1', 'S2', 1234], periods13);
    const { plan, issues, layout } = buildCalcSheetPlan({ volume: vol, norms, version: '2021' });
    expect(issues).toEqual([]);
    expect(layout).toMatchObject({
      products: 3,
      periods: 13,
      firstProductRow: 7,
      lastProductRow: 9,
      totalRow: 10,
    });
    const sheet = plan!.sheets[0];
    expect(sheet.name).toBe(CALC_SHEET);
    const header = sheet.blocks.find((b) => b.at === 'A6')!.cells[0];
    expect(header).toHaveLength(2 + 13 + 1);
    expect(header[2]).toBe(`=${headerRef('Volumes', '2024-P01')}`);
    const products = sheet.blocks.find((b) => b.at === 'A7')!.cells;
    expect(products).toHaveLength(3);
    expect(products[0][0]).toBe('=INDEX(Volumes[[Code]],ROWS($A$7:$A7))');
    expect(products[1][1]).toBe(
      '=INDEX(IND_Normtijden[[Normminuten]],MATCH($B$3&"|"&$A8,IND_Normtijden[[Sleutel]],0))',
    );
    expect(products[2][2]).toBe('=INDEX(Volumes[[2024-P01]],MATCH($A9,Volumes[[Code]],0))*$B9/60');
    expect(products[0][15]).toBe('=SUM(C7:O7)');
    const totals = sheet.blocks.find((b) => b.at === 'A10')!.cells[0];
    expect(totals.slice(2)).toEqual([
      ...Array.from(
        { length: 13 },
        (_, j) => `=SUM(${String.fromCharCode(67 + j)}7:${String.fromCharCode(67 + j)}9)`,
      ),
      '=SUM(P7:P9)',
    ]);
    const periodBlock = sheet.blocks.find((b) => b.at === `A${layout!.firstPeriodRow}`)!.cells;
    expect(periodBlock).toHaveLength(13);
    expect(sheet.charts![0]).toMatchObject({
      type: 'Line',
      source: `A${layout!.periodHeaderRow}:D${layout!.lastPeriodRow}`,
    });
  });

  it('computes FTE from the named parameters at the active and the model ratio, and one scenario spill', () => {
    const { plan, layout } = buildCalcSheetPlan({
      volume: volumeTable(['S1'], ['P1', 'P2', 'P3']),
      norms,
      version: '2021',
    });
    const sheet = plan!.sheets[0];
    const r = layout!.firstPeriodRow;
    const rows = sheet.blocks.find((b) => b.at === `A${r}`)!.cells;
    expect(rows[0]).toEqual([
      '=C6',
      '=C8',
      '=IND_BandOnder',
      '=IND_BandBoven',
      `=IND.FTE(B${r},IND_Periodeweken,IND_UrenPerFte,IND_DirecteUren,IND_VerloopFte,$B$4)`,
      `=IND.FTE(B${r},IND_Periodeweken,IND_UrenPerFte,IND_DirecteUrenModel,IND_VerloopFte,$B$4)`,
      `=E${r}-F${r}`,
      `=IND.SCENARIO(B${r}:B${r + 2},IND_BandOnder,IND_BandBoven,IND_PiekExtra,IND_PiekPerioden,"nl")`,
    ]);
    expect(rows[1][7]).toBeNull();
    expect(rows[2][7]).toBeNull();
  });

  it('property: every number on the sheet is a formula, and formulas carry no constant but 60', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 14 }), (nProducts, nPeriods) => {
        const codes = Array.from({ length: nProducts }, (_, i) => (i % 2 ? `P${i}` : 1000 + i));
        const ns = codes.map((c) => norm(c, 30));
        const periods = Array.from({ length: nPeriods }, (_, j) => `Periode ${j + 1}`);
        const { plan, layout } = buildCalcSheetPlan({
          volume: volumeTable(codes, periods),
          norms: ns,
          version: '2021',
        });
        const sheet = plan!.sheets[0];
        const cells = allCells(sheet);
        const numbers = cells.filter((c) => typeof c === 'number');
        const literals = formulas(sheet)
          .flatMap(numericLiterals)
          .filter((x) => x !== 0 && x !== 60);
        return (
          numbers.length === 0 &&
          literals.length === 0 &&
          layout!.products === nProducts &&
          layout!.periods === nPeriods &&
          sheet.blocks
            .find((b) => b.at === `A${layout!.firstProductRow}`)!
            .cells.every((r) => r.length === nPeriods + 3)
        );
      }),
    );
  });

  it('escapes awkward period headers in structured references', () => {
    expect(columnRef('Vol', "P1 [jan] #2 'x'")).toBe("Vol[[P1 '[jan'] '#2 ''x'']]");
    const { plan } = buildCalcSheetPlan({
      volume: volumeTable(['S1'], ['Jan [2024]']),
      norms,
      version: '2021',
    });
    const products = plan!.sheets[0].blocks.find((b) => b.at === 'A7')!.cells;
    expect(products[0][2]).toBe("=INDEX(Volumes[[Jan '[2024']]],MATCH($A7,Volumes[[Code]],0))*$B7/60");
  });

  it('refuses codes missing from the chosen norm version and lists them', () => {
    const res = buildCalcSheetPlan({
      volume: volumeTable(['S1', 'S2', 'X9', 1234], ['P1']),
      norms,
      version: 'na tijdschrijven',
    });
    expect(res.plan).toBeNull();
    expect(res.issues.map((i) => i.code)).toEqual(['volumeCodesMissing']);
    expect(res.issues[0].details.codes).toBe('"S2", "X9", "1234"');
  });

  it('refuses an unknown norm version, bad volumes and an empty table', () => {
    expect(
      buildCalcSheetPlan({ volume: volumeTable(['S1'], ['P1']), norms, version: '2030' }).issues.map(
        (i) => i.code,
      ),
    ).toEqual(['normVersionUnknown']);
    const bad = volumeTable(['S1', 'S2'], ['P1'], (i) => (i === 1 ? ('12,5' as unknown as number) : 3));
    const res = buildCalcSheetPlan({ volume: bad, norms, version: '2021' });
    expect(res.plan).toBeNull();
    expect(res.issues.map((i) => [i.code, i.details.cell])).toEqual([['volumeValueInvalid', 'Invoer!B3']]);
    expect(buildCalcSheetPlan({ volume: volumeTable([], ['P1']), norms, version: '2021' }).plan).toBeNull();
  });

  it('version matching ignores case like Excel', () => {
    expect(
      buildCalcSheetPlan({ volume: volumeTable(['S1'], ['P1']), norms, version: 'NA TIJDSCHRIJVEN' }).plan,
    ).not.toBeNull();
  });
});

export type { WritePlan };
