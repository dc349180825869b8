import fc from 'fast-check';
import { CalcError, isCalcError } from '../../src/core/errors';
import { ExcelGateway, type ExcelRun } from '../../src/taskpane/host/excelGateway';
import { REGISTRY_NS, SETTINGS_NS } from '../../src/taskpane/host/registry';
import type { WritePlan } from '../../src/taskpane/host/types';
import {
  createFakeOffice,
  type FakeContext,
  FakeOfficeError,
  type FakeOffice,
  type WorkbookSnapshot,
} from '../browser/fake-office/fakeOffice';

function setup(): { fake: FakeOffice; gw: ExcelGateway } {
  const fake = createFakeOffice();
  fake.workbook.addSheet('Blad1');
  fake.workbook.resetCounters();
  const gw = new ExcelGateway({ run: fake.Excel.run as ExcelRun });
  return { fake, gw };
}

/** A calculation sheet with `rows` product rows: formulas referencing a parameter name and its own sheet. */
function calcPlan(rows: number, extra: Partial<WritePlan> = {}): WritePlan {
  const body = Array.from({ length: rows }, (_, i) => [
    `Product ${i + 1}`,
    100 + i,
    `=B${i + 5}*IND_Minuten/60`,
  ]);
  return {
    action: 'Rekenblad maken',
    sheets: [
      {
        name: 'IND Rekenblad',
        blocks: [
          { at: 'A1', cells: [['Werklast per product']], style: 'title' },
          {
            at: 'A2',
            cells: [['Totaal uren', `=SUM(C5:C${rows + 4})`]],
            numberFormat: '#,##0.0',
            style: 'output',
          },
          { at: 'A4', cells: [['Product', 'Zaken', 'Uren']], style: 'header' },
          { at: 'A5', cells: body, numberFormat: body.map(() => ['@', '#,##0', '#,##0.0']) },
        ],
        charts: [
          {
            type: 'ColumnClustered',
            title: 'Uren per product',
            source: `A4:A${rows + 4}`,
            at: 'E2',
            to: 'L18',
          },
        ],
        columnWidths: { A: 160 },
        freezeRows: 4,
      },
      {
        name: 'IND Parameters',
        blocks: [{ at: 'A1', cells: [['Minuten per zaak', 30]], style: 'input' }],
        tables: [
          {
            name: 'T_Norm',
            at: 'D1',
            headers: ['Product', 'Minuten'],
            rows: [
              ['Spoor 1', 300],
              ['Spoor 4', 900],
            ],
            columnFormats: [null, '#,##0'],
          },
        ],
      },
    ],
    names: [{ name: 'IND_Minuten', ref: "='IND Parameters'!$B$1", comment: 'Minuten per zaak' }],
    ...extra,
  };
}

/** The workbook without the counters, to compare "before" and "after" a refused action. */
function state(fake: FakeOffice): Omit<WorkbookSnapshot, 'syncCount' | 'runCount'> {
  const { syncCount: _s, runCount: _r, ...rest } = fake.workbook.snapshot();
  return rest;
}

async function expectCalcError(p: Promise<unknown>, code: string): Promise<CalcError> {
  try {
    await p;
  } catch (e) {
    expect(isCalcError(e)).toBe(true);
    expect((e as CalcError).code).toBe(code);
    return e as CalcError;
  }
  throw new Error(`expected CalcError ${code}, but the call succeeded`);
}

describe('ExcelGateway.apply: writing', () => {
  it('writes live formulas, formats, styles, a table, a chart, names, widths and frozen rows', async () => {
    const { fake, gw } = setup();
    const report = await gw.apply(calcPlan(3));
    const calc = fake.workbook.sheet('IND Rekenblad')!;
    expect(calc.get('A1')).toBe('Werklast per product');
    expect(calc.get('B2')).toBe('=SUM(C5:C7)');
    expect(calc.get('C5')).toBe('=B5*IND_Minuten/60');
    expect(calc.get('B6')).toBe(101);
    expect(calc.numberFormatAt('B2')).toBe('#,##0.0');
    expect(calc.numberFormatAt('C7')).toBe('#,##0.0');
    expect(calc.formatAt('A4')).toMatchObject({ bold: true, fill: '#F5F5F5' });
    expect(calc.formatAt('A1')).toMatchObject({ bold: true, size: 14 });
    expect(calc.columnWidths.A).toBe(160);
    expect(calc.frozenRows).toBe(4);
    expect(calc.charts).toEqual([
      expect.objectContaining({
        type: 'ColumnClustered',
        title: 'Uren per product',
        source: 'A4:A7',
        topLeft: 'E2',
        bottomRight: 'L18',
      }),
    ]);
    const params = fake.workbook.sheet('IND Parameters')!;
    expect(params.formatAt('B1')).toMatchObject({ fill: '#EBF3FC' });
    expect(fake.workbook.snapshot().tables).toEqual([
      { name: 'T_Norm', sheet: 'IND Parameters', address: 'D1:E3' },
    ]);
    expect(params.numberFormatAt('E2')).toBe('#,##0');
    expect(params.numberFormatAt('D2')).toBe('General');
    expect(fake.workbook.names).toEqual([
      { name: 'IND_Minuten', formula: "='IND Parameters'!$B$1", comment: 'Minuten per zaak' },
    ]);
    expect(fake.workbook.activeSheet).toBe('IND Rekenblad');
    expect(report.redirected).toEqual([]);
    expect(report.changes).toEqual(
      expect.arrayContaining([
        { sheet: 'IND Rekenblad', range: 'A5:C7', description: '9 cellen (waarden en formules)' },
        { sheet: 'IND Rekenblad', range: 'A2:B2', description: '2 cellen (uitkomst)' },
        { sheet: 'IND Rekenblad', range: 'A1', description: '1 cel (titel)' },
        { sheet: 'IND Parameters', range: 'D1:E3', description: 'tabel T_Norm met 2 rijen' },
        { sheet: 'IND Rekenblad', range: 'E2:L18', description: "grafiek 'Uren per product'" },
        {
          sheet: '(werkmap)',
          range: 'IND_Minuten',
          description: "naam IND_Minuten verwijst naar 'IND Parameters'!$B$1",
        },
      ]),
    );
    // The ownership marker lives in the workbook, in its own namespace.
    expect(fake.workbook.xmlParts.map((p) => p.namespaceUri)).toEqual([REGISTRY_NS]);
  });

  it('describes changes in English after setLanguage("en")', async () => {
    const { gw } = setup();
    gw.setLanguage('en');
    const report = await gw.apply(calcPlan(1));
    expect(report.changes).toContainEqual({
      sheet: 'IND Parameters',
      range: 'D1:E3',
      description: 'table T_Norm with 2 rows',
    });
  });

  it('writes null cells as blanks (Office.js would read null as "leave unchanged")', async () => {
    const { fake, gw } = setup();
    // A later block of the same plan blanks a cell an earlier block wrote.
    const blocks = [
      { at: 'A1', cells: [['x', 'y']] },
      { at: 'A1', cells: [[null, 'z']] },
    ];
    await gw.apply({ action: 'a', sheets: [{ name: 'S', blocks }] });
    expect(fake.workbook.sheet('S')!.get('A1')).toBe('');
    expect(fake.workbook.sheet('S')!.get('B1')).toBe('z');
  });
});

describe('ExcelGateway.apply: one batch', () => {
  it.each([
    ['a fresh workbook', false],
    ['a workbook the pane wrote before', true],
  ])('uses the same number of context.sync calls for 10 and 10,000 rows (%s)', async (_label, again) => {
    const counts: number[] = [];
    for (const rows of [10, 10000]) {
      const { fake, gw } = setup();
      if (again) await gw.apply(calcPlan(rows));
      fake.workbook.resetCounters();
      await gw.apply(calcPlan(rows));
      expect(fake.workbook.runCount).toBe(1);
      counts.push(fake.workbook.syncCount);
    }
    expect(counts[0]).toBe(counts[1]);
    // Fresh: overview, write, registry. Again: + registry read + fingerprint check.
    expect(counts[0]).toBe(again ? 5 : 3);
  });

  it('really writes all 10,000 rows in that batch', async () => {
    const { fake, gw } = setup();
    await gw.apply(calcPlan(10000));
    const calc = fake.workbook.sheet('IND Rekenblad')!;
    expect(calc.get('C10004')).toBe('=B10004*IND_Minuten/60');
    expect(calc.get('B2')).toBe('=SUM(C5:C10004)');
  });
});

describe('ExcelGateway.apply: never overwrites the user', () => {
  it('rewrites its own unedited sheet in place and removes what the new plan no longer has', async () => {
    const { fake, gw } = setup();
    await gw.apply(calcPlan(20));
    const report = await gw.apply(calcPlan(3));
    expect(report.redirected).toEqual([]);
    const calc = fake.workbook.sheet('IND Rekenblad')!;
    expect(calc.get('A8')).toBe('');
    expect(calc.get('C7')).toBe('=B7*IND_Minuten/60');
    expect(calc.charts).toHaveLength(1);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(['Blad1', 'IND Rekenblad', 'IND Parameters']);
    expect(fake.workbook.tables.map((t) => t.name)).toEqual(['T_Norm']);
    expect(fake.workbook.names.map((n) => n.name)).toEqual(['IND_Minuten']);
  });

  it('redirects to "IND Rekenblad (2)" when the user edited the sheet, and follows it in formulas', async () => {
    const { fake, gw } = setup();
    await gw.apply(calcPlan(3));
    fake.workbook.setCells('IND Rekenblad', 'B6', [[999]]);
    const before = fake.workbook.snapshot().sheets.find((s) => s.name === 'IND Rekenblad');
    const plan = calcPlan(3);
    plan.sheets[1].blocks.push({ at: 'A3', cells: [["='IND Rekenblad'!B2"]] });
    const report = await gw.apply(plan);
    // B6 holds a computed cell (a planned constant outside an input block): the edit is named.
    expect(report.redirected).toEqual([
      { requested: 'IND Rekenblad', actual: 'IND Rekenblad (2)', cause: 'computed', cell: 'B6' },
    ]);
    expect(report.notices?.[0]).toMatch(/^Cel B6 van blad 'IND Rekenblad' is een berekende cel/);
    expect(fake.workbook.snapshot().sheets.find((s) => s.name === 'IND Rekenblad')).toEqual(before);
    expect(fake.workbook.sheet('IND Rekenblad (2)')!.get('C5')).toBe('=B5*IND_Minuten/60');
    expect(fake.workbook.sheet('IND Parameters')!.get('A3')).toBe("='IND Rekenblad (2)'!B2");
    expect(report.changes.every((c) => c.sheet !== 'IND Rekenblad')).toBe(true);
    // The next action writes the (2) sheet again: it is ours and unedited.
    const third = await gw.apply(plan);
    expect(third.redirected).toEqual([
      { requested: 'IND Rekenblad', actual: 'IND Rekenblad (2)', cause: 'computed', cell: 'B6' },
    ]);
    expect(fake.workbook.sheets.map((s) => s.name)).toContain('IND Rekenblad (2)');
    expect(fake.workbook.sheets.map((s) => s.name)).not.toContain('IND Rekenblad (3)');
  });

  it('keeps a note typed beside the tables and an edited input value, and rewrites in place', async () => {
    const { fake, gw } = setup();
    await gw.apply(calcPlan(3));
    fake.workbook.setCells('IND Parameters', 'Z100', [['mijn notitie']]);
    // B1 is in an input block: the user's 45 survives the rewrite.
    fake.workbook.setCells('IND Parameters', 'B1', [[45]]);
    const report = await gw.apply(calcPlan(3));
    expect(report.redirected).toEqual([]);
    expect(fake.workbook.sheets.map((s) => s.name)).not.toContain('IND Parameters (2)');
    expect(fake.workbook.sheet('IND Parameters')!.get('Z100')).toBe('mijn notitie');
    expect(fake.workbook.sheet('IND Parameters')!.get('B1')).toBe(45);
    expect(fake.workbook.tables.map((t) => `${t.name}@${t.sheet.name}`)).toEqual(['T_Norm@IND Parameters']);
    expect(fake.workbook.names).toEqual([
      { name: 'IND_Minuten', formula: "='IND Parameters'!$B$1", comment: 'Minuten per zaak' },
    ]);
    // And again: the kept cells are the user's, so a third write is in place too.
    fake.workbook.setCells('IND Parameters', 'Z101', [['tweede notitie']]);
    expect((await gw.apply(calcPlan(3))).redirected).toEqual([]);
    expect(fake.workbook.sheet('IND Parameters')!.get('Z100')).toBe('mijn notitie');
    expect(fake.workbook.sheet('IND Parameters')!.get('B1')).toBe(45);
  });

  it("writes the pane's own change of an input, and keeps (and reports) the user's when both changed", async () => {
    const { fake, gw } = setup();
    await gw.apply(calcPlan(3));
    const changed = calcPlan(3);
    changed.sheets[1].blocks[0] = { at: 'A1', cells: [['Minuten per zaak', 40]], style: 'input' };
    await gw.apply(changed);
    expect(fake.workbook.sheet('IND Parameters')!.get('B1')).toBe(40);
    fake.workbook.setCells('IND Parameters', 'B1', [[45]]);
    const report = await gw.apply(calcPlan(3));
    expect(fake.workbook.sheet('IND Parameters')!.get('B1')).toBe(45);
    expect(report.notices).toEqual([
      'IND Parameters!B1: uw waarde 45 is behouden; het taakvenster wilde 30 schrijven. Wijzig de cel zelf als u 30 wilt.',
    ]);
  });

  it('makes a new sheet, naming the cell, when a note sits where the new plan writes', async () => {
    const { fake, gw } = setup();
    await gw.apply(calcPlan(3));
    fake.workbook.setCells('IND Rekenblad', 'A9', [['notitie']]);
    const report = await gw.apply(calcPlan(6));
    expect(report.redirected).toEqual([
      { requested: 'IND Rekenblad', actual: 'IND Rekenblad (2)', cause: 'note', cell: 'A9' },
    ]);
    expect(fake.workbook.sheet('IND Rekenblad')!.get('A9')).toBe('notitie');
  });

  it('makes a new sheet when a table of ours was removed (a changed layout)', async () => {
    const { fake, gw } = setup();
    await gw.apply(calcPlan(3));
    fake.workbook.tables = fake.workbook.tables.filter((t) => t.name !== 'T_Norm');
    const report = await gw.apply(calcPlan(3));
    expect(report.redirected).toEqual([
      { requested: 'IND Parameters', actual: 'IND Parameters (2)', cause: 'layout' },
    ]);
  });

  it("redirects when a sheet of that name is the user's own", async () => {
    const { fake, gw } = setup();
    fake.workbook.setCells('IND Rekenblad', 'A1', [['van de gebruiker']]);
    const report = await gw.apply(calcPlan(2));
    expect(report.redirected).toEqual([
      { requested: 'IND Rekenblad', actual: 'IND Rekenblad (2)', cause: 'foreign' },
    ]);
    expect(fake.workbook.sheet('IND Rekenblad')!.get('A1')).toBe('van de gebruiker');
  });

  it('does not trust a same-named sheet with another id (ours was deleted, the user made a new one)', async () => {
    const { fake, gw } = setup();
    await gw.apply(calcPlan(2));
    fake.workbook.sheets = fake.workbook.sheets.filter((s) => s.name !== 'IND Rekenblad');
    fake.workbook.addSheet('IND Rekenblad');
    const report = await gw.apply(calcPlan(2));
    expect(report.redirected).toEqual([
      { requested: 'IND Rekenblad', actual: 'IND Rekenblad (2)', cause: 'foreign' },
    ]);
  });

  it('renames a table whose name a user table already uses, and rewrites structured references', async () => {
    const { fake, gw } = setup();
    fake.workbook.addTable('Blad1', 'T_Norm', 'A1', ['Eigen'], [[1]]);
    const plan = calcPlan(1);
    plan.sheets[1].blocks.push({ at: 'A2', cells: [['=SUM(T_Norm[Minuten])']] });
    const report = await gw.apply(plan);
    expect(fake.workbook.table('T_Norm')!.sheet.name).toBe('Blad1');
    expect(fake.workbook.table('T_Norm_2')!.sheet.name).toBe('IND Parameters');
    expect(fake.workbook.sheet('IND Parameters')!.get('A2')).toBe('=SUM(T_Norm_2[Minuten])');
    expect(report.changes).toContainEqual({
      sheet: 'IND Parameters',
      range: 'D1:E3',
      description: 'tabel T_Norm_2 met 2 rijen (de naam T_Norm was al in gebruik)',
    });
  });
});

describe('ExcelGateway.apply: invariants (properties)', () => {
  const cellArb = fc.record({
    col: fc.constantFrom('A', 'B', 'C', 'H', 'Z'),
    row: fc.integer({ min: 1, max: 40 }),
    value: fc.oneof(
      fc.integer(),
      fc.string({ minLength: 1 }).filter((v) => v.trim() !== '' && !v.startsWith('=')),
    ),
  });

  it('never changes a sheet after an edit of a computed cell; keeps a note elsewhere in place', async () => {
    const computedAt = (rows: number): Set<string> => {
      const out = new Set(['A1', 'A2', 'B2', 'A4', 'B4', 'C4']);
      for (let r = 5; r < 5 + rows; r++) ['A', 'B', 'C'].forEach((c) => out.add(`${c}${r}`));
      return out;
    };
    await fc.assert(
      fc.asyncProperty(cellArb, fc.integer({ min: 1, max: 30 }), async (edit, rows) => {
        const { fake, gw } = setup();
        await gw.apply(calcPlan(3));
        const address = `${edit.col}${edit.row}`;
        // An "edit" that leaves the content as the pane wrote it is no edit.
        fc.pre(fake.workbook.sheet('IND Rekenblad')!.get(address) !== edit.value);
        fake.workbook.setCells('IND Rekenblad', address, [[edit.value]]);
        // What the cell holds after the edit: Excel (and the fake) read typed "0" as the number 0.
        const typed = fake.workbook.sheet('IND Rekenblad')!.get(address);
        const edited = fake.workbook.snapshot().sheets.find((sh) => sh.name === 'IND Rekenblad');
        const report = await gw.apply(calcPlan(rows));
        const redirect = report.redirected.find((r) => r.requested === 'IND Rekenblad');
        if (computedAt(3).has(address) || computedAt(rows).has(address)) {
          expect(fake.workbook.snapshot().sheets.find((sh) => sh.name === 'IND Rekenblad')).toEqual(edited);
          expect(redirect).toEqual({
            requested: 'IND Rekenblad',
            actual: 'IND Rekenblad (2)',
            cause: computedAt(3).has(address) ? 'computed' : 'note',
            cell: address,
          });
        } else {
          expect(redirect).toBeUndefined();
          expect(fake.workbook.sheet('IND Rekenblad')!.get(address)).toBe(typed);
          expect(fake.workbook.sheet('IND Rekenblad')!.get(`C${rows + 4}`)).toBe(
            `=B${rows + 4}*IND_Minuten/60`,
          );
        }
      }),
      { numRuns: 40 },
    );
  });

  it('uses a number of syncs that does not depend on the number of rows', async () => {
    const syncsFor = async (rows: number, again: boolean): Promise<number> => {
      const { fake, gw } = setup();
      if (again) await gw.apply(calcPlan(rows));
      fake.workbook.resetCounters();
      await gw.apply(calcPlan(rows));
      return fake.workbook.syncCount;
    };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3000 }), fc.boolean(), async (rows, again) => {
        expect(await syncsFor(rows, again)).toBe(await syncsFor(1, again));
      }),
      { numRuns: 15 },
    );
  });
});

describe('ExcelGateway.apply: refusals leave the workbook unchanged', () => {
  it('refuses a protected sheet of its own with hostSheetProtected', async () => {
    const { fake, gw } = setup();
    await gw.apply(calcPlan(2));
    fake.workbook.sheet('IND Rekenblad')!.protected = true;
    const before = state(fake);
    const e = await expectCalcError(gw.apply(calcPlan(5)), 'hostSheetProtected');
    expect(e.messageIn('nl')).toBe(
      "Blad 'IND Rekenblad' is beveiligd, dus het taakvenster kan er niet op schrijven. Er is niets gewijzigd. " +
        'Hef de beveiliging op (Controleren > Beveiliging blad opheffen) en probeer het opnieuw.',
    );
    expect(e.messageIn('en')).toMatch(
      /^Sheet 'IND Rekenblad' is protected.*Unprotect it \(Review > Unprotect Sheet\)/,
    );
    expect(state(fake)).toEqual(before);
  });

  it('refuses to add sheets to a workbook with a protected structure', async () => {
    const { fake, gw } = setup();
    fake.workbook.structureProtected = true;
    const before = state(fake);
    const e = await expectCalcError(gw.apply(calcPlan(2)), 'hostWorkbookProtected');
    expect(e.messageIn('en')).toMatch(/sheet 'IND Rekenblad' cannot be added/);
    expect(state(fake)).toEqual(before);
  });

  it('refuses to replace a defined name the user created, naming it and where it points', async () => {
    const { fake, gw } = setup();
    fake.workbook.names.push({ name: 'IND_Minuten', formula: '=Blad1!$A$1', comment: '' });
    const before = state(fake);
    const e = await expectCalcError(gw.apply(calcPlan(2)), 'hostNameTaken');
    expect(e.messageIn('nl')).toBe(
      "De naam 'IND_Minuten' bestaat al en is niet door het taakvenster gemaakt (verwijst naar =Blad1!$A$1). " +
        'Er is niets gewijzigd. Geef uw naam een andere naam of verwijder hem (Formules > Namen beheren) en probeer het opnieuw.',
    );
    expect(state(fake)).toEqual(before);
  });

  it('rejects an invalid plan before any round trip', async () => {
    const { fake, gw } = setup();
    const ragged = await expectCalcError(
      gw.apply({ action: 'X', sheets: [{ name: 'S', blocks: [{ at: 'A1', cells: [[1, 2], [3]] }] }] }),
      'hostPlanInvalid',
    );
    expect(ragged.messageIn('en')).toBe(
      "Internal error in the write plan 'X': expected a rectangular, non-empty block of cells, received a ragged block at A1 on 'S'. " +
        'Nothing was changed. Please report this to the maintainer of the calculation model.',
    );
    const badName = await expectCalcError(
      gw.apply({ action: 'X', sheets: [{ name: 'a/b', blocks: [] }] }),
      'hostSheetNameInvalid',
    );
    expect(badName.messageIn('nl')).toBe(
      "'a/b' is geen geldige bladnaam: no : \\ / ? * [ or ]. Er is niets gewijzigd. Kies een andere naam.",
    );
    await expectCalcError(
      gw.apply({
        action: 'X',
        sheets: [{ name: 'S', blocks: [{ at: 'A1', cells: [[1, 2]], numberFormat: [['0']] }] }],
      }),
      'hostPlanInvalid',
    );
    expect(fake.workbook.syncCount).toBe(0);
  });

  it("turns an Office.js failure into hostOfficeFailed with the action and Excel's reason", async () => {
    const fake = createFakeOffice();
    const failing: ExcelRun = (batch) =>
      fake.Excel.run(async (ctx: { sync: () => Promise<void> }) => {
        ctx.sync = () => Promise.reject(new FakeOfficeError('GeneralException', 'busy editing a cell'));
        return batch(ctx as never);
      });
    const gw = new ExcelGateway({ run: failing });
    const e = await expectCalcError(gw.apply(calcPlan(1)), 'hostOfficeFailed');
    expect(e.messageIn('en')).toMatch(
      /^Excel rejected the action 'Rekenblad maken' \(GeneralException: busy editing a cell\)/,
    );
  });
});

describe('ExcelGateway reading', () => {
  it('reads the selection with its sheet, address, values and formulas', async () => {
    const { fake, gw } = setup();
    fake.workbook.setCells('Blad1', 'B2', [
      ['Product', 'Zaken'],
      ['Spoor 1', '=1+1'],
    ]);
    fake.workbook.select('Blad1', 'B2:C3');
    fake.workbook.resetCounters();
    const sel = await gw.readSelection();
    expect(sel).toEqual({
      sheet: 'Blad1',
      address: 'B2:C3',
      values: [
        ['Product', 'Zaken'],
        ['Spoor 1', '=1+1'],
      ],
      formulas: [
        ['Product', 'Zaken'],
        ['Spoor 1', '=1+1'],
      ],
    });
    expect(fake.workbook.syncCount).toBe(1);
  });

  it('reports a lost selection (chart selected) and an empty selection', async () => {
    const { fake, gw } = setup();
    fake.workbook.select(null);
    const lost = await expectCalcError(gw.readSelection(), 'hostSelectionLost');
    expect(lost.messageIn('nl')).toMatch(/^Er is geen cellenbereik geselecteerd/);
    fake.workbook.select('Blad1', 'D4:E9');
    const empty = await expectCalcError(gw.readSelection(), 'hostSelectionEmpty');
    expect(empty.messageIn('en')).toBe(
      'The selection D4:E9 contains only blank cells. Select the cells with the data, including the header row, and try again.',
    );
  });

  it('lists tables and reads one with its rows', async () => {
    const { fake, gw } = setup();
    fake.workbook.addTable(
      'Blad1',
      'T_Uren',
      'B2',
      ['Medewerker', 'Uren'],
      [
        ['A', 36],
        ['B', 32],
      ],
    );
    fake.workbook.addTable('Data', 'T_Zaken', 'A1', ['Product'], [['Spoor 4']]);
    expect(await gw.listTables()).toEqual([
      { name: 'T_Uren', sheet: 'Blad1', address: 'B2:C4', headers: ['Medewerker', 'Uren'], rowCount: 2 },
      { name: 'T_Zaken', sheet: 'Data', address: 'A1:A2', headers: ['Product'], rowCount: 1 },
    ]);
    expect(await gw.readTable('T_Uren')).toEqual({
      name: 'T_Uren',
      sheet: 'Blad1',
      address: 'B2:C4',
      headers: ['Medewerker', 'Uren'],
      rowCount: 2,
      rows: [
        ['A', 36],
        ['B', 32],
      ],
    });
  });

  it('names the available tables when the requested one is missing', async () => {
    const { fake, gw } = setup();
    fake.workbook.addTable('Blad1', 'T_Uren', 'A1', ['x'], [[1]]);
    const e = await expectCalcError(gw.readTable('T_Tijd'), 'hostTableMissing');
    expect(e.messageIn('nl')).toBe(
      "Tabel 'T_Tijd' bestaat niet in deze werkmap. Wel aanwezig: T_Uren. Kies een bestaande tabel of maak er een (Invoegen > Tabel).",
    );
    const none = createFakeOffice();
    const e2 = await expectCalcError(
      new ExcelGateway({ run: none.Excel.run as ExcelRun }).readTable('T_Tijd'),
      'hostTableMissing',
    );
    expect(e2.messageIn('en')).toMatch(/The workbook has no tables\./);
  });
});

describe('ExcelGateway settings', () => {
  it('round-trips settings in a workbook custom XML part that another gateway instance also sees', async () => {
    const { fake, gw } = setup();
    expect(await gw.loadSetting('scenario')).toBeUndefined();
    await gw.saveSetting('scenario', { name: 'Hoog', instroom: 22500, ratio: 0.7473 });
    await gw.saveSetting('lang', 'en');
    await gw.saveSetting('scenario', { name: 'Laag <&>', instroom: 18000, ratio: 0.57 });
    const colleague = new ExcelGateway({ run: fake.Excel.run as ExcelRun });
    expect(await colleague.loadSetting('scenario')).toEqual({
      name: 'Laag <&>',
      instroom: 18000,
      ratio: 0.57,
    });
    expect(await colleague.loadSetting('lang')).toBe('en');
    expect(fake.workbook.xmlParts.filter((p) => p.namespaceUri === SETTINGS_NS)).toHaveLength(1);
    await gw.saveSetting('lang', undefined);
    expect(await gw.loadSetting('lang')).toBeUndefined();
  });

  it('reports a damaged setting by key', async () => {
    const { fake, gw } = setup();
    fake.workbook.xmlParts.push({
      id: 'x',
      namespaceUri: SETTINGS_NS,
      xml: `<settings xmlns="${SETTINGS_NS}"><entry key="scenario">{kapot</entry></settings>`,
    });
    const e = await expectCalcError(gw.loadSetting('scenario'), 'hostSettingCorrupt');
    expect(e.messageIn('nl')).toMatch(
      /^De opgeslagen instelling 'scenario' in deze werkmap is beschadigd \(/,
    );
  });
});

describe('ExcelGateway.apply: write order that Excel accepts', () => {
  const structuredPlan: WritePlan = {
    action: 'Tabellen en verwijzingen',
    sheets: [
      {
        // The sheet that refers to the table comes first in the plan, its table second.
        name: 'IND Rekenblad',
        blocks: [
          { at: 'A1', cells: [['Totaal', '=SUM(T_Norm[Minuten])']] },
          { at: 'A2', cells: [['Code', '00123']], numberFormat: [['General', '@']] },
        ],
        // A table whose rows look up in a table that a later sheet of the plan creates.
        tables: [
          {
            name: 'T_Gebruik',
            at: 'D1',
            headers: ['Code', 'Norm'],
            rows: [['B', '=INDEX(T_Norm[Minuten],MATCH([@Code],T_Norm[Code],0))']],
          },
        ],
      },
      {
        name: 'IND Normen',
        blocks: [],
        tables: [
          {
            name: 'T_Norm',
            at: 'A1',
            headers: ['Code', 'Minuten', 'Uren'],
            rows: [
              ['A', 60, '=[@Minuten]/60'],
              ['B', 90, '=[@Minuten]/60'],
            ],
            columnFormats: [null, '#,##0', '#,##0.00'],
          },
        ],
      },
    ],
    names: [{ name: 'IND_NormUren', ref: '=T_Norm[Uren]' }],
  };

  it('creates tables before any formula that refers to them, and [@Col] inside its table', async () => {
    const { fake, gw } = setup();
    await gw.apply(structuredPlan);
    expect(fake.workbook.sheet('IND Rekenblad')!.get('B1')).toBe('=SUM(T_Norm[Minuten])');
    expect(fake.workbook.sheet('IND Normen')!.get('C3')).toBe('=[@Minuten]/60');
    expect(fake.workbook.sheet('IND Normen')!.numberFormatAt('C2')).toBe('#,##0.00');
    expect(fake.workbook.sheet('IND Rekenblad')!.get('E2')).toBe(
      '=INDEX(T_Norm[Minuten],MATCH([@Code],T_Norm[Code],0))',
    );
    expect(fake.workbook.snapshot().tables).toEqual([
      { name: 'T_Gebruik', sheet: 'IND Rekenblad', address: 'D1:E2' },
      { name: 'T_Norm', sheet: 'IND Normen', address: 'A1:C3' },
    ]);
  });

  it('puts an in-cell drop-down on a block that asks for one', async () => {
    const { fake, gw } = setup();
    await gw.apply({
      action: 'Parameters',
      sheets: [
        {
          name: 'IND Parameters',
          blocks: [{ at: 'B4', cells: [['Model 2021']], validation: { list: 'Model 2021,Gemeten' } }],
        },
      ],
    });
    expect(fake.workbook.sheet('IND Parameters')!.validationAt('B4')).toBe('Model 2021,Gemeten');
    expect(fake.workbook.sheet('IND Parameters')!.validationAt('B5')).toBeUndefined();
  });

  it('sets number formats before formulas, so text-formatted codes keep their leading zeros', async () => {
    const { fake, gw } = setup();
    await gw.apply(structuredPlan);
    expect(fake.workbook.sheet('IND Rekenblad')!.numberFormatAt('B2')).toBe('@');
    expect(fake.workbook.sheet('IND Rekenblad')!.get('B2')).toBe('00123');
  });

  it('the fake refuses a structured reference to a table that does not exist yet, as Excel does', async () => {
    const { fake } = setup();
    await expect(
      fake.Excel.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets.getItem('Blad1').getRange('A1').formulas = [['=SUM(T_Later[Minuten])']];
        await ctx.sync();
      }),
    ).rejects.toThrow(/T_Later/);
    await expect(
      fake.Excel.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets.getItem('Blad1').getRange('A1').formulas = [['=[@Minuten]/60']];
        await ctx.sync();
      }),
    ).rejects.toThrow(/outside a table/);
  });
});

describe('ExcelGateway.apply: input columns of a table look like inputs (issue 11, Build 10)', () => {
  it('styles the constant cells of input columns, never a formula cell or another column', async () => {
    const { fake, gw } = setup();
    await gw.apply({
      action: 'Invoer',
      sheets: [
        {
          name: 'IND Invoer',
          blocks: [{ at: 'A1', cells: [['Invoer']], style: 'title' }],
          tables: [
            {
              name: 'T_Invoer',
              at: 'A3',
              headers: ['Sleutel', 'Waarde'],
              rows: [
                ['a', 1],
                ['b', '=B4*2'],
                ['c', 3],
              ],
              inputColumns: ['Waarde'],
            },
          ],
        },
      ],
    });
    const sheet = fake.workbook.sheet('IND Invoer')!;
    expect(sheet.formatAt('B4')).toMatchObject({ fill: '#EBF3FC' });
    expect(sheet.formatAt('B6')).toMatchObject({ fill: '#EBF3FC' });
    expect(sheet.formatAt('B5')?.fill).toBeUndefined();
    expect(sheet.formatAt('A4')?.fill).toBeUndefined();
  });
});
