/**
 * The time-recording sheets in the pane's language (issue 11, problem 13): with `lang: 'en'` every
 * title, label, note, chart title, check text and message is English; the identifiers stay the
 * same in both languages (sheet, table and workbook names, the table headers the formulas refer
 * to, the class and kind labels that are SUMIFS criteria), so the formulas are identical but for
 * the text they show. Dutch stays the default.
 */
import { HOT_NORM_ABSENCE, REVIEW_EXTRA_FTE } from '../../src/core/params';
import type { WritePlan } from '../../src/taskpane/host/types';
import { formulaShapes, shownTexts } from '../host/planText';
import { CLASS_LABEL, KIND_LABEL } from '../../src/taskpane/plans/timerecording/labels';
import {
  buildTimeRecordingPlan,
  TS_NAMES,
  TS_TABLES,
  type TimeRecordingPlanInput,
} from '../../src/taskpane/plans/timerecording/timeRecordingPlan';
import { DEFAULT_PRODUCTS } from '../generators/timeRecordingExport';
import { generatedPlanInput } from './helpers';

/** Dutch words of the sheets' own texts (not identifiers, not the user's data). */
const DUTCH =
  /\b(uren|uur|regels|gelezen|ingelezen|afgekeurd|afgekeurde|controle|controles|brug|werklast|weken|drempel|kosten|afwezigheid|gemeten|aandeel|spreiding|geen|normtijd|normtijden|mediaan|kwartiel|aantal|bron|toelichting|persoonsweken|medewerkers|zonder|vul|tegen|onverklaard|restpost|eind|invoer|legenda|berekend|tijdschrijven|aansluiting|verschil|betaald|zaken|perioden|teams zonder|waarvan|sluit|niet|bij|van|het|een|de)\b/i;

const input = (lang?: 'nl' | 'en'): Promise<TimeRecordingPlanInput> =>
  generatedPlanInput({ seed: 11, badEvery: 30, normProducts: 4, lang });

/** Every text a reader sees: cells (and the text inside formulas), chart titles, the action. */
function texts(plan: WritePlan): string[] {
  const out: string[] = [plan.action];
  const add = (v: unknown): void => {
    out.push(...shownTexts(v));
  };
  for (const s of plan.sheets) {
    for (const b of s.blocks) b.cells.forEach((r) => r.forEach(add));
    for (const t of s.tables ?? []) t.rows.forEach((r) => r.forEach(add));
    for (const c of s.charts ?? []) out.push(c.title);
  }
  return out;
}

/** A text without the identifiers and data it may name (headers, tables, names, labels, sources). */
function withoutIdentifiers(plan: WritePlan, inp: TimeRecordingPlanInput): (t: string) => string {
  const ids = new Set<string>([
    ...plan.sheets.flatMap((s) => (s.tables ?? []).flatMap((t) => [t.name, ...t.headers])),
    ...Object.values(TS_TABLES),
    ...Object.values(TS_NAMES),
    ...Object.values(CLASS_LABEL),
    ...Object.values(KIND_LABEL),
    ...inp.result.teams,
    ...inp.result.categories.map((c) => c.label),
    ...DEFAULT_PRODUCTS.map((p) => p.name),
    REVIEW_EXTRA_FTE.source,
    HOT_NORM_ABSENCE.source,
    'TS_Uren',
    'TS_Categorieen',
    'bruto/netto/onbekend',
  ]);
  const sorted = [...ids].filter((x) => x.length > 0).sort((a, b) => b.length - a.length);
  return (t) => sorted.reduce((acc, id) => acc.split(id).join(' '), t);
}

describe('time-recording sheets in the pane’s language', () => {
  let nl: WritePlan;
  let en: WritePlan;
  let def: WritePlan;
  let inpEn: TimeRecordingPlanInput;
  beforeAll(async () => {
    nl = buildTimeRecordingPlan(await input('nl')).plan;
    inpEn = await input('en');
    en = buildTimeRecordingPlan(inpEn).plan;
    def = buildTimeRecordingPlan(await input()).plan;
  });

  it('Dutch is the default', () => {
    expect(def).toEqual(nl);
    expect(nl.sheets[0].blocks[0].cells[0][0]).toMatch(/^Tijdschrijven: geaggregeerde uren/);
  });

  it('the check finds Dutch: the Dutch sheets fail it', () => {
    const strip = withoutIdentifiers(nl, inpEn);
    expect(
      texts(nl)
        .map(strip)
        .filter((t) => DUTCH.test(t)).length,
    ).toBeGreaterThan(30);
  });

  it('no Dutch label, note, title or message remains in English', () => {
    const strip = withoutIdentifiers(en, inpEn);
    expect(
      texts(en)
        .map(strip)
        .filter((t) => DUTCH.test(t)),
    ).toEqual([]);
    expect(en.sheets[0].blocks[0].cells[0][0]).toMatch(/^Time recording: aggregated hours/);
    expect(en.action).toBe('Write time-recording analysis');
  });

  it('names, tables, headers and formulas (but for their text) are the same in both languages', () => {
    expect(en.sheets.map((s) => s.name)).toEqual(nl.sheets.map((s) => s.name));
    const tables = (p: WritePlan) =>
      p.sheets.flatMap((s) => (s.tables ?? []).map((t) => [t.name, t.at, t.headers]));
    expect(tables(en)).toEqual(tables(nl));
    // The names' comments follow the language; the names and what they refer to do not.
    const names = (p: WritePlan) => (p.names ?? []).map((n) => [n.name, n.ref]);
    expect(names(en)).toEqual(names(nl));
    expect(formulaShapes(en)).toEqual(formulaShapes(nl));
  });
});
