/**
 * `npm run demo`: the main job on an embedded default. It evaluates, as formula TEXT through the
 * same `evaluate()` the command line uses (so through the Excel adapters), the review's staffing
 * example (*Onderzoek verbetermogelijkheden IND*, 2021, the worked example of the calculation
 * model §4) and a scenario series, and prints a small table: Dutch labels, Dutch number format for
 * display, and the formula behind every figure so it can be traced and retyped in Excel.
 *
 * Exit code 1 when any formula returns an error value.
 */
import { FIGURES, figureLabel, STAFFING_FORMULAS, type FigureId } from '../core/figures';
import { excelRound } from '../core/round';
import type { Lang } from '../core/messages/types';
import { ExcelErrorValue, type CellValue, type FormulaValue } from './engine';
import { formatCell, hasError } from './format';

/** Evaluates one formula (the CLI's `evaluate`, injectable for tests). */
export type DemoEvaluate = (formula: string, lang: Lang) => Promise<FormulaValue>;

/** One figure of the demo: its label, formula and value. */
export interface DemoFigure {
  /** Stable key for tests and scripts, e.g. `fteMeasured`. */
  key: string;
  /** Dutch label shown in the table. */
  label: string;
  /** The formula exactly as evaluated (invariant syntax). */
  formula: string;
  /** The value as evaluated (unrounded). */
  value: FormulaValue;
  /** Decimals for display. */
  decimals: number;
  /** What the review reports, when it reports this figure. */
  review?: string;
}

/** The result of {@link runDemo}. */
export interface DemoResult {
  /** The printed lines. */
  lines: string[];
  /** Every figure, in order. */
  figures: DemoFigure[];
  /** How many formulas returned an error value. */
  errors: number;
}

/** The review's worked example (reference §4): 83,000 hours per 4 weeks, 36 h per fte, 60 fte turnover. */
const HOURS = 83000;
const WEEKS = 4;
const HOURS_PER_FTE = 36;
const RATIO_MEASURED = 0.57;
const RATIO_MODEL = 0.7473;
const TURNOVER_FTE_REVIEW = 60;
const EMPLOYED_FTE = 1050;

/**
 * Thirteen four-week periods (one year) of workload in hours, around the 76k–93k band: a normal
 * stretch, a short peak (3 periods, at most 10k above the band), a dip below the band, and a long
 * peak (5 periods, up to 15k above the band). Illustrative (*fictief*), not IND data.
 */
export const DEMO_SERIES = [
  83000, 86000, 91000, 97000, 101000, 95000, 88000, 74000, 96000, 104000, 108000, 99000, 94000,
];

/** Funding parameters for the series, per period. Illustrative (*fictief*). */
const RATE_PER_HOUR = 300;
const LUMPSUM = 5000000;
const FLOOR = 27700000; // ≈ €360M a year / 13 periods, the 2019–2021 funding floor (ondergrens)
const MAX_DECLINE = 0.05;
const CONFIRM_PERIODS = 2;

/**
 * Formats a number the Dutch way for display: thousands with `.`, decimals with `,`, rounded at
 * this output edge only, half away from zero like Excel's ROUND (`1116.47` → `1.116,5`).
 *
 * @param x - the unrounded value.
 * @param decimals - decimals to show.
 * @returns e.g. `1.116,5`.
 */
export function formatNl(x: number, decimals: number): string {
  const r = excelRound(x, decimals);
  const [int, frac] = Math.abs(r).toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${r < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

function displayCell(v: CellValue, decimals: number): string {
  if (typeof v === 'number') return formatNl(v, decimals);
  return formatCell(v);
}

/** The single column of a spill (n×1), or the cell repeated as a one-element column. */
function column(v: FormulaValue): CellValue[] {
  if (Array.isArray(v)) return v.map((row) => row[0] ?? null);
  return [v];
}

/**
 * Runs the demo: evaluates every formula, builds the table.
 *
 * @param evaluate - the evaluator (by default the CLI's, over the real registry).
 * @param lang - message language for error values (labels stay Dutch: the demo is for IND users).
 * @returns the lines, the figures and the error count.
 */
export async function runDemo(evaluate?: DemoEvaluate, lang: Lang = 'nl'): Promise<DemoResult> {
  const evalFn: DemoEvaluate = evaluate ?? (await import('./evaluate')).evaluate;
  const figures: DemoFigure[] = [];
  let errors = 0;

  // Every staffing figure is written with the glossary's one formula (src/core/figures).
  const at = { hours: String(HOURS), weeks: String(WEEKS), hoursPerFte: String(HOURS_PER_FTE) };
  const fte = (ratio: number, gross?: boolean, extra: number = TURNOVER_FTE_REVIEW): string =>
    STAFFING_FORMULAS.fteNeeded({
      ...at,
      ratio: String(ratio),
      extra: String(extra),
      ...(gross === undefined ? {} : { grossUp: gross ? 'TRUE' : 'FALSE' }),
    });
  const gap = (extra: number): string =>
    STAFFING_FORMULAS.fteGap({
      ...at,
      modelRatio: String(RATIO_MODEL),
      measuredRatio: String(RATIO_MEASURED),
      extra: String(extra),
    });
  const glossary = (id: FigureId, suffix = ''): { key: string; label: string } => ({
    key: id,
    label: `${figureLabel(id, 'nl')}${suffix}`,
  });

  const scalarSpecs: Array<Omit<DemoFigure, 'value'>> = [
    {
      key: 'fteMeasured',
      label: `${figureLabel('fteNeeded', 'nl')} bij gemeten 57% directe uren`,
      formula: `=${fte(RATIO_MEASURED)}`,
      decimals: 1,
      review: '1.116',
    },
    {
      key: 'fteModel',
      label: `${figureLabel('fteNeeded', 'nl')} bij model 74,73% directe uren`,
      formula: `=${fte(RATIO_MODEL)}`,
      decimals: 1,
      review: '851',
    },
    {
      ...glossary('fteGapInclAllowance'),
      formula: `=${gap(TURNOVER_FTE_REVIEW)}`,
      decimals: 1,
      review: '265',
    },
    {
      ...glossary('fteGapExclAllowance'),
      formula: `=${gap(0)}`,
      decimals: 1,
    },
    {
      key: 'factor',
      label: 'Factor 74,73% / 57%',
      formula: `=${RATIO_MODEL}/${RATIO_MEASURED}`,
      decimals: 3,
      review: '1,311',
    },
    {
      ...glossary('capacityShortageFte', ` bij 57%, ${formatNl(EMPLOYED_FTE, 0)} fte in dienst`),
      formula: `=${STAFFING_FORMULAS.capacityShortageFte(fte(RATIO_MEASURED), String(EMPLOYED_FTE))}`,
      decimals: 1,
      review: '66 (60–70)',
    },
    {
      key: 'fteNoGrossUp',
      label: `${figureLabel('fteNeeded', 'nl')}, verloop NIET opgehoogd (57%)`,
      formula: `=${fte(RATIO_MEASURED, false)}`,
      decimals: 1,
    },
    {
      key: 'grossUpEffect',
      label: 'Effect van ophogen verloop (fte)',
      formula: `=${fte(RATIO_MEASURED, true)}-${fte(RATIO_MEASURED, false)}`,
      decimals: 1,
      review: '≈ 45',
    },
    {
      key: 'turnoverCorrect',
      label: 'Verloop 115 vertrekkers → fte (34,5 u contract)',
      formula: '=IND.TURNOVERFTE(115,34.5,36)',
      decimals: 1,
    },
    {
      key: 'turnoverReview',
      label: 'Verloop zoals het onderzoek rekent (115/2 × 36/34,5)',
      formula: '=115/2*36/34.5',
      decimals: 1,
      review: '60',
    },
  ];

  for (const spec of scalarSpecs) {
    const value = await evalFn(spec.formula, lang);
    if (hasError(value)) errors++;
    figures.push({ ...spec, value });
  }

  const series = `{${DEMO_SERIES.join(';')}}`;
  const capacity = `IND.CAPACITY(${EMPLOYED_FTE},${WEEKS},${HOURS_PER_FTE},${RATIO_MEASURED})`;
  const seriesSpecs: Array<Omit<DemoFigure, 'value'>> = [
    {
      key: 'capacity',
      label: `Directe capaciteit per periode, ${formatNl(EMPLOYED_FTE, 0)} fte bij 57% (uren)`,
      formula: `=${capacity}`,
      decimals: 0,
    },
    { key: 'scenario', label: 'Scenario per periode', formula: `=IND.SCENARIO(${series})`, decimals: 0 },
    {
      key: 'backlog',
      label: 'Werkvoorraad bij vaste capaciteit (uren)',
      formula: `=IND.BACKLOG(${series},${capacity})`,
      decimals: 0,
    },
    {
      key: 'fundingPath',
      label: 'Financiering zonder grote schokken (€, fictieve tarieven)',
      formula: `=IND.FUNDINGPATH(${series},${RATE_PER_HOUR},${LUMPSUM},${FLOOR},${MAX_DECLINE},${CONFIRM_PERIODS})`,
      decimals: 0,
    },
  ];
  for (const spec of seriesSpecs) {
    const value = await evalFn(spec.formula, lang);
    if (hasError(value)) errors++;
    figures.push({ ...spec, value });
  }

  const lines: string[] = [];
  lines.push('IND Rekenmodel: demo op het rekenvoorbeeld uit "Onderzoek verbetermogelijkheden IND" (2021)');
  lines.push(
    `Werklast ${formatNl(HOURS, 0)} uur per ${WEEKS} weken, ${HOURS_PER_FTE} uur per fte, verloop ${TURNOVER_FTE_REVIEW} fte.`,
  );
  lines.push('Elke waarde is uitgerekend met de formule eronder, via dezelfde functies als in Excel.');
  lines.push('');
  const labelWidth = Math.max(...figures.slice(0, scalarSpecs.length).map((f) => f.label.length));
  for (const f of figures.slice(0, scalarSpecs.length)) {
    const shown = Array.isArray(f.value) ? formatCell(null) : displayCell(f.value, f.decimals);
    const review = f.review ? `   (onderzoek: ${f.review})` : '';
    lines.push(`${f.label.padEnd(labelWidth)}  ${shown.padStart(9)}${review}`);
    lines.push(`${''.padEnd(labelWidth)}  ${f.formula}`);
  }
  lines.push('');
  lines.push('Definities (begrippenlijst, src/core/figures):');
  for (const id of [
    'fteNeeded',
    'fteGapExclAllowance',
    'fteGapInclAllowance',
    'capacityShortageFte',
  ] as const) {
    const f = FIGURES[id];
    lines.push(`  [${f.code}] ${f.name.nl}: ${f.definition.nl}. Teken: ${f.sign.nl}.`);
  }
  lines.push('');
  lines.push(
    'Scenario over 13 perioden van 4 weken (fictieve werklast rond de bandbreedte 76.000–93.000 uur)',
  );
  const [capFig, scenFig, backlogFig, fundFig] = figures.slice(scalarSpecs.length);
  lines.push(`${capFig.label}: ${displayCell(column(capFig.value)[0], 0)}`);
  lines.push(`  ${capFig.formula}`);
  const scen = column(scenFig.value);
  const backlog = column(backlogFig.value);
  const funding = column(fundFig.value);
  const header = ['Periode', 'Werklast (u)', 'Scenario', 'Werkvoorraad (u)', 'Financiering (€)'];
  const widths = [7, 12, 12, 16, 16];
  lines.push(header.map((h, i) => (i === 2 ? h.padEnd(widths[i]) : h.padStart(widths[i]))).join('  '));
  for (let p = 0; p < DEMO_SERIES.length; p++) {
    const cells = [
      String(p + 1),
      formatNl(DEMO_SERIES[p], 0),
      displayCell(scen[p] ?? null, 0),
      displayCell(backlog[p] ?? null, 0),
      displayCell(funding[p] ?? null, 0),
    ];
    lines.push(cells.map((c, i) => (i === 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  }
  lines.push('Formules:');
  for (const f of [scenFig, backlogFig, fundFig]) lines.push(`  ${f.label}: ${f.formula}`);

  const failed = figures.filter((f) => hasError(f.value));
  if (failed.length > 0) {
    lines.push('');
    lines.push(`FOUT: ${failed.length} formule(s) gaven een foutwaarde:`);
    for (const f of failed) {
      const v = Array.isArray(f.value) ? f.value.flat().find((c) => c instanceof ExcelErrorValue) : f.value;
      lines.push(`  ${f.formula}  →  ${formatCell(v ?? null)}`);
    }
  }
  return { lines, figures, errors };
}

if (require.main === module) {
  runDemo().then(
    (res) => {
      process.stdout.write(`${res.lines.join('\n')}\n`);
      process.exitCode = res.errors > 0 ? 1 : 0;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
