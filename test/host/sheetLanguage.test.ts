/**
 * Sheets in the pane's language (issue 11, problem 13): the Parameters and Normtijden sheets are
 * written in English when the pane is English, Dutch by default. Identifiers stay the same in both
 * (sheet, table and workbook names, the table headers that formulas and the pane's reader use), so
 * the formulas are the same but for the text they show.
 */
import type { WritePlan } from '../../src/taskpane/host/types';
import { formulaShapes, shownTexts } from './planText';
import { buildNormTablePlan, NORM_COLUMNS } from '../../src/taskpane/plans/normTable';
import {
  buildParameterPlan,
  defaultSets,
  MODEL_SET,
  PARAMETER_COLUMNS,
  PARAMETERS,
  setsFromTable,
  unitText,
} from '../../src/taskpane/plans/parameters';
import { exampleNorms } from '../engine/states';

/** Dutch words that must not stay on an English sheet (labels, headers, notes, units, comments). */
const DUTCH =
  /\b(actieve|referentieset|omschrijving|waarde|eenheid|controle|parametersets?|kies|formules|wijzig|uur|uren|fractie|weken|perioden|maanden|let op|legenda|invoer|berekend|naam|normtijden|normminuten|versies|zaak|laatste|zoekt|schrijven|behandeluren|jaareinde|nieuwe|ervaren|cellen|bruto|netto|productief)\b/i;

/** Every text an English reader sees: block cells, text in formulas, unit cells, comments, action. */
function visibleTexts(plan: WritePlan, skipColumns: string[] = []): string[] {
  const out: string[] = [plan.action];
  const add = (v: unknown): void => {
    out.push(...shownTexts(v));
  };
  for (const s of plan.sheets) {
    for (const b of s.blocks) b.cells.forEach((r) => r.forEach(add));
    for (const t of s.tables ?? [])
      t.rows.forEach((r) => r.forEach((v, j) => (skipColumns.includes(t.headers[j]) ? null : add(v))));
  }
  for (const n of plan.names ?? []) add(n.comment);
  return out;
}

const dutchIn = (texts: string[]): string[] => texts.filter((t) => DUTCH.test(t));

describe('Parameters sheet in the pane’s language', () => {
  const nl = buildParameterPlan(defaultSets(), MODEL_SET);
  const en = buildParameterPlan(defaultSets(), MODEL_SET, 'en');

  it('the check finds Dutch on a sheet: the Dutch sheet fails it', () => {
    // Set names and sources are the user's data (the sources cite a Dutch report): not checked.
    expect(dutchIn(visibleTexts(nl, ['Set', 'Bron'])).length).toBeGreaterThan(10);
  });

  it('no Dutch label, header, note, unit or comment remains in English', () => {
    // Kept as written, in both languages: the set names and sources (the user's data; the sources
    // cite a Dutch report) and the codes the reader and the functions take back (the basis
    // 'bruto'/'netto', the choice 'jaareinde'/'direct' in the value column).
    const texts = visibleTexts(en, ['Set', 'Bron', 'Basis', 'Waarde']).filter(
      (t) => !t.includes('Gemeten A&B 2021'),
    );
    expect(dutchIn(texts)).toEqual([]);
    expect(en.sheets[0].blocks[0].cells[0][0]).toBe('IND Parameters: parameter sets and active values');
    for (const p of PARAMETERS) expect(unitText(p, 'en')).not.toMatch(DUTCH);
  });

  it('is Dutch by default, and keeps names, tables, headers and formulas (but for their text)', () => {
    expect(nl.sheets[0].blocks[0].cells[0][0]).toBe('IND Parameters: parametersets en actieve waarden');
    expect(en.sheets.map((s) => s.name)).toEqual(nl.sheets.map((s) => s.name));
    expect(en.sheets[0].tables![0].name).toBe(nl.sheets[0].tables![0].name);
    expect(en.sheets[0].tables![0].headers).toEqual([...PARAMETER_COLUMNS]);
    expect(formulaShapes(en)).toEqual(formulaShapes(nl));
  });

  it('an English sheet reads back as the same sets', () => {
    const t = en.sheets[0].tables![0];
    const tn = nl.sheets[0].tables![0];
    const read = (x: typeof t) => setsFromTable({ headers: x.headers, rows: x.rows });
    expect(read(t)).toEqual(read(tn));
  });
});

describe('Normtijden sheet in the pane’s language', () => {
  it('title, note and legend in English; the table and its headers unchanged', () => {
    const nl = buildNormTablePlan(exampleNorms(), { illustrative: true });
    const en = buildNormTablePlan(exampleNorms(), { illustrative: true, lang: 'en' });
    expect(dutchIn(visibleTexts(nl, [...NORM_COLUMNS])).length).toBeGreaterThan(0);
    expect(dutchIn(visibleTexts(en, [...NORM_COLUMNS]))).toEqual([]);
    expect(en.sheets[0].tables).toEqual(nl.sheets[0].tables);
    expect(formulaShapes(en)).toEqual(formulaShapes(nl));
  });
});
