/**
 * The written workbook: structure, privacy and, evaluated formula by formula, the same figures
 * as the core analysis. The bridge ties out in the workbook, not only in TypeScript.
 */
import { CalcError } from '../../src/core/errors';
import { importCsv } from '../../src/core/timerecording/import';
import type { CategoryMapping } from '../../src/core/timerecording/types';
import {
  buildTimeRecordingPlan,
  exactCriterion,
  TS_NAMES,
  TS_SHEETS,
  TS_TABLES,
} from '../../src/taskpane/plans/timerecording/timeRecordingPlan';
import {
  DEFAULT_PRODUCTS,
  GENERATED_COLUMNS,
  generateExport,
  generatedCategoryMapping,
} from '../generators/timeRecordingExport';
import { streamOf, utf8 } from './helpers';
import { workbookFromPlans } from '../../src/engine/model';
import { WorkbookEvaluator } from '../../src/engine/workbook';

const norms = Object.fromEntries(DEFAULT_PRODUCTS.map((p) => [p.name, p.normMinutes]));

async function build(showPersons = false) {
  const { text } = generateExport({
    seed: 42,
    teams: 3,
    personsPerTeam: 5,
    weeks: 8,
    teamSpeed: [0.9, 1, 1.2],
    silentTeamWeeks: [0, 1, 2, 3].map((week) => ({ team: 2, week })),
    overtime: [{ team: 0, person: 1, week: 6 }],
    badEvery: 97,
  });
  const result = await importCsv(streamOf(utf8(text), 1000), {
    mapping: GENERATED_COLUMNS,
    periodKind: 'period4w',
  });
  const out = buildTimeRecordingPlan({
    result,
    options: { categoryMapping: generatedCategoryMapping(), norms, hourlyCost: 80 },
    sourceName: 'export.csv',
    showPersons,
  });
  return { result, ...out };
}

describe('time-recording plan', () => {
  test('four sheets, one batch, live formulas referencing named parameter cells', async () => {
    const { plan } = await build();
    expect(plan.sheets.map((s) => s.name)).toEqual(Object.values(TS_SHEETS));
    const names = (plan.names ?? []).map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(Object.values(TS_NAMES)));
    const an = plan.sheets[1];
    expect(an.charts?.[0].type).toBe('Waterfall');
    const bridge = an.tables!.find((t) => t.name === TS_TABLES.bridge)!;
    expect(bridge.rows[0][0]).toBe('Model: directe uren');
    expect(bridge.rows[bridge.rows.length - 2][0]).toBe('Overig / onverklaard');
    // Every ratio and step is a formula, not a pasted value.
    for (const row of bridge.rows.slice(1, -1)) expect(String(row[3]).startsWith('=')).toBe(true);
    expect(String(bridge.rows[0][4]).startsWith('=')).toBe(true);
    expect(String(bridge.rows[bridge.rows.length - 1][4]).startsWith('=')).toBe(true);
    const ratios = an.tables!.find((t) => t.name === TS_TABLES.ratios)!;
    expect(ratios.headers).toEqual(expect.arrayContaining(['Directe uren % bruto', 'Directe uren % netto']));
    expect(JSON.stringify(plan)).toContain('IND.NORMVARIANCE(');
    expect(JSON.stringify(plan)).toContain('IND.EFFECTIVENESS(');
  });

  test('evaluated in a workbook, the formulas give the core analysis figures and the bridge ties out', async () => {
    const { plan, analysis } = await build();
    const wb = new WorkbookEvaluator(workbookFromPlans(plan));
    expect(wb.name(TS_NAMES.totalHours)).toBeCloseTo(analysis.totals.all, 9);
    expect(wb.name(TS_NAMES.grossMeasured)).toBeCloseTo(analysis.gross.value, 12);
    const teams = wb.column(TS_TABLES.ratios, 'Team');
    const gross = wb.column(TS_TABLES.ratios, 'Directe uren % bruto');
    const net = wb.column(TS_TABLES.ratios, 'Directe uren % netto');
    analysis.teams.forEach((t) => {
      const i = teams.indexOf(t.team);
      expect(gross[i]).toBeCloseTo(t.gross!.value, 12);
      expect(net[i]).toBeCloseTo(t.net!.value, 12);
    });
    expect(net[teams.indexOf('Alle teams')]).toBeCloseTo(analysis.net.value, 12);

    const effects = wb.column(TS_TABLES.bridge, 'Effect') as number[];
    const cumulative = wb.column(TS_TABLES.bridge, 'Cumulatief') as number[];
    const steps = wb.column(TS_TABLES.bridge, 'Stap');
    expect(cumulative[0]).toBe(0.7473);
    // The steps (measured − model share) add up to model − measured.
    const sum = effects.slice(1, -1).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - (0.7473 - analysis.gross.value))).toBeLessThan(1e-12);
    expect(Math.abs(cumulative[cumulative.length - 2] - cumulative[cumulative.length - 1])).toBeLessThan(
      1e-12,
    );
    analysis.bridge.steps.forEach((s, i) => expect(effects[i + 1]).toBeCloseTo(s.value, 12));
    const fte = wb.column(TS_TABLES.bridge, 'Fte-kosten') as number[];
    const fteSum = fte.slice(1, -1).reduce((a, b) => a + b, 0);
    expect(fteSum).toBeCloseTo(analysis.bridge.fteGap, 9);
    expect(steps[steps.length - 1]).toBe('Gemeten: directe uren (bruto)');

    // Norms per product and effectiveness per team.
    const dev = wb.column(TS_TABLES.norms, 'Afwijking');
    analysis.products.forEach((p, i) => expect(dev[i]).toBeCloseTo(p.deviation as number, 12));
    const eff = wb.column(TS_TABLES.effectiveness, 'Effectiviteit');
    const effAll = wb.column(TS_TABLES.effectiveness, 'Effectiviteit alle directe uren');
    const without = wb.column(TS_TABLES.effectiveness, 'Uren zonder norm');
    analysis.effectiveness.forEach((e, i) => {
      expect(eff[i]).toBeCloseTo(e.value!, 12);
      expect(effAll[i]).toBeCloseTo(e.valueAllDirect, 12);
      expect(without[i]).toBeCloseTo(e.hoursWithoutNorm, 9);
    });
    expect(new Set(wb.column(TS_TABLES.effectiveness, 'Controle'))).toEqual(new Set(['OK']));

    // Unused capacity in hours and euros.
    const unused = wb.column(TS_TABLES.unused, 'Onbenut') as number[];
    expect(unused.reduce((a, b) => a + b, 0)).toBeCloseTo(analysis.unused.hours, 9);

    // Every formula evaluates to a value, not an error.
    for (const f of wb.formulaCells()) {
      const v = wb.value(f.sheet, f.row, f.col);
      const isError = typeof v === 'object' && v !== null && !Array.isArray(v);
      expect(isError ? `${f.sheet}!${f.row},${f.col}: ${JSON.stringify(v)}` : 'ok').toBe('ok');
    }
  });

  test('the workbook recomputes: a model share typed by the user moves the unsplit step, the bridge still ties out', async () => {
    const { plan } = await build();
    const wb = new WorkbookEvaluator(workbookFromPlans(plan));
    const bridge = plan.sheets[1].tables!.find((t) => t.name === TS_TABLES.bridge)!;
    const headerRow = Number(bridge.at.slice(1));
    const coordinationRow = headerRow + 1 + bridge.rows.findIndex((r) => r[0] === 'coördinatie');
    const unsplitRow =
      headerRow + 1 + bridge.rows.findIndex((r) => String(r[0]).startsWith('Model: niet-directe tijd'));
    expect(wb.get(TS_SHEETS.analysis, `H${coordinationRow}`)).toBe('niet in het model');
    const before = wb.get(TS_SHEETS.analysis, `D${unsplitRow}`) as number;
    wb.set(TS_SHEETS.analysis, `B${coordinationRow}`, 0.02);
    expect(wb.get(TS_SHEETS.analysis, `D${unsplitRow}`)).toBeCloseTo(before + 0.02, 12);
    expect(wb.get(TS_SHEETS.analysis, `H${coordinationRow}`)).toBe('tegen modelaandeel');
    const cumulative = wb.column(TS_TABLES.bridge, 'Cumulatief') as number[];
    expect(Math.abs(cumulative[cumulative.length - 2] - cumulative[cumulative.length - 1])).toBeLessThan(
      1e-12,
    );
    // The basis flag: the model basis is unknown, so the comparison is flagged.
    const note = plan.sheets[1].blocks.find((b) =>
      String(b.cells[1]?.[0] ?? '').includes(TS_NAMES.modelBasis),
    )!;
    const noteRow = Number(note.at.slice(1)) + 1;
    expect(wb.get(TS_SHEETS.analysis, `A${noteRow}`)).toContain('LET OP');
  });

  test('checks: reconciliation ties out, silent periods and implausible person-weeks are listed', async () => {
    const { plan, result } = await build();
    const wb = new WorkbookEvaluator(workbookFromPlans(plan));
    expect(wb.get(TS_SHEETS.checks, 'B10')).toBeCloseTo(0, 6);
    expect(wb.get(TS_SHEETS.checks, 'B11')).toBe('OK');
    expect(wb.get(TS_SHEETS.checks, 'B16')).toBe(0);
    expect(result.rowsRejected).toBeGreaterThan(0);
    expect(wb.column(TS_TABLES.missing, 'Team')).toEqual(['Team Zuid']);
    expect(wb.column(TS_TABLES.personWeeks, 'Team')).toEqual(['Team Noord']);
    expect(wb.column(TS_TABLES.rejected, 'Rij')).toHaveLength(result.rowsRejected);
  });

  test('privacy: no person id anywhere unless the user opts in, and the reason is stated', async () => {
    const { plan } = await build(false);
    const text = JSON.stringify(plan);
    expect(text).not.toMatch(/M\d{5}/);
    expect(text).toContain('afrekencultuur');
    const { plan: opted } = await build(true);
    const pw = opted.sheets[3].tables!.find((t) => t.name === TS_TABLES.personWeeks)!;
    expect(pw.headers[0]).toBe('Medewerker');
    expect(pw.rows[0][0]).toBe('M00001');
  });

  test('nothing is planned when a category is unknown (nothing written half-way)', async () => {
    const { result } = await build();
    const mapping = generatedCategoryMapping() as CategoryMapping;
    delete mapping['overleg'];
    expect(() =>
      buildTimeRecordingPlan({ result, options: { categoryMapping: mapping }, sourceName: 'x' }),
    ).toThrow(CalcError);
  });

  test('a ratio typed as a percentage is refused with its own message', async () => {
    const { result } = await build();
    try {
      buildTimeRecordingPlan({
        result,
        options: { categoryMapping: generatedCategoryMapping(), modelRatio: 74.73 },
        sourceName: 'x',
      });
      throw new Error('not refused');
    } catch (e) {
      expect((e as CalcError).code).toBe('ratioAsPercent');
      expect((e as CalcError).messageIn('nl')).toBe(
        'modelRatio: verwacht een fractie tussen 0 en 1, ontvangen 74,73. Dit lijkt een percentage: gebruik 0,7473 (74,73 → 0,7473), of typ 74,73%.',
      );
    }
  });

  test('without norms every formula still evaluates: products say "geen norm", effectiveness is empty', async () => {
    const { result } = await build();
    const { plan } = buildTimeRecordingPlan({
      result,
      options: { categoryMapping: generatedCategoryMapping() },
      sourceName: 'x',
    });
    const wb = new WorkbookEvaluator(workbookFromPlans(plan));
    expect(new Set(wb.column(TS_TABLES.norms, 'Signaal'))).toEqual(new Set(['geen norm']));
    // Without norms every team still has E2 = 0 and all its direct hours without a norm (E3).
    // The plan writes '' there; Excel (and LibreOffice) keep such a cell blank, which the
    // evaluator reads as null.
    expect(
      plan.sheets
        .flatMap((s) => s.tables ?? [])
        .find((t) => t.name === TS_TABLES.effectiveness)!
        .rows.map((r) => r[1]),
    ).toEqual(wb.column(TS_TABLES.effectiveness, 'Team').map(() => ''));
    expect(wb.column(TS_TABLES.effectiveness, 'Effectiviteit')).toEqual(
      wb.column(TS_TABLES.effectiveness, 'Team').map(() => null),
    );
    expect(new Set(wb.column(TS_TABLES.effectiveness, 'Effectiviteit alle directe uren'))).toEqual(
      new Set([0]),
    );
    for (const f of wb.formulaCells()) {
      const v = wb.value(f.sheet, f.row, f.col);
      const isError = typeof v === 'object' && v !== null && !Array.isArray(v);
      expect(isError ? `${f.sheet}!${f.row},${f.col}: ${JSON.stringify(v)}` : 'ok').toBe('ok');
    }
  });

  test('the evaluator does not hide a failing IND.* call in a branch that is taken', async () => {
    const { plan } = await build();
    const wb = new WorkbookEvaluator(workbookFromPlans(plan));
    wb.set(TS_SHEETS.norms, 'Z1', '=IF(1=1,IND.NORMVARIANCE(10,0,60),"")');
    const v = wb.get(TS_SHEETS.norms, 'Z1');
    // An error value (an object, not a number or text): the "every formula evaluates" checks flag it.
    expect(typeof v === 'object' && v !== null && !Array.isArray(v)).toBe(true);
    expect(JSON.stringify(v)).toContain('#VALUE!');
  });

  test('structured references put column names with spaces or signs in double brackets, as Excel requires', async () => {
    const { plan } = await build();
    const formulas = JSON.stringify(plan).match(/=[^"]*/g) ?? [];
    for (const f of formulas) {
      for (const m of f.matchAll(/[A-Za-z_]\w*\[([^[\]@]+)\]|\[@([^[\]]+)\]/g)) {
        const column = m[1] ?? m[2];
        expect(`${column} in ${f}`).toMatch(/^[\p{L}\d_]+ in /u);
      }
    }
  });

  test('SUMIFS criteria are exact: wildcards and operators in names are escaped', () => {
    expect(exactCriterion('Spoor *4?')).toBe('"Spoor ~*4~?"');
    expect(exactCriterion('<50 jaar')).toBe('"=<50 jaar"');
    expect(exactCriterion('')).toBe('""');
  });
});
