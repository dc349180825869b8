/**
 * The calculation sheet `IND Rekenblad` (*rekenblad*): live formulas from a volume table
 * (product codes × 4-week periods), the norm table `IND_Normtijden` and the named parameters
 * of `IND Parameters`. Nothing is pasted: every number on the sheet is a formula that an
 * auditor can follow back to a volume cell, a norm row or a named parameter.
 *
 * Pure: validated input → `WritePlan`. Nothing is produced when the input has errors.
 */
import type { Issue, NormRow, VolumeTableInput } from '../../core/norms';
import {
  hasErrors,
  isFictitiousVersion,
  missingCodesIssue,
  missingNormCodes,
  normVersions,
  validateVolumeTable,
} from '../../core/norms';
import type { Lang } from '../../core/messages/types';
import type { CellBlock, CellValue, TableData, WritePlan } from '../host/types';
import { a1, columnLetters, columnRef, headerRef, textLiteral } from './formula';
import { NORM_TABLE } from './normTable';
import { ACTIVE_SET_NAME, MODEL_RATIO_NAME, RATIO_CHECK_NAME, nameOf } from './parameters';
import { withLegend } from './styleLegend';
import { NF } from './formats';

/** Sheet name of the calculation sheet. */
export const CALC_SHEET = 'IND Rekenblad';

/** Minutes per hour: a unit conversion, the only numeric literal the sheet's formulas use. */
export const MINUTES_PER_HOUR = 60;

/** Fixed rows of the layout. Products start below `headerRow`. */
export const CALC_LAYOUT = {
  versionCell: 'B3',
  grossUpCell: 'B4',
  headerRow: 6,
} as const;

/** What the user picked. */
export interface CalcSheetInput {
  /** The volume table: codes in the first column, one column per period. */
  volume: TableData | VolumeTableInput;
  /** All rows of `IND_Normtijden` (every version). */
  norms: readonly NormRow[];
  /** The norm version to use, e.g. "2021". */
  version: string;
  /** Gross up the turnover allowance with the rest, as the review does (default true). */
  grossUpExtra?: boolean;
  /** Language of the scenario labels that IND.SCENARIO writes (default nl). */
  lang?: Lang;
}

/** Where things landed, for tests and the change report. */
export interface CalcSheetLayout {
  products: number;
  periods: number;
  firstProductRow: number;
  lastProductRow: number;
  totalRow: number;
  periodHeaderRow: number;
  firstPeriodRow: number;
  lastPeriodRow: number;
  summaryRow: number;
  totalColumn: number;
}

/** The outcome: a plan, or the problems that stopped it (then `plan` is null). */
export interface CalcSheetResult {
  plan: WritePlan | null;
  issues: Issue[];
  layout: CalcSheetLayout | null;
}

/** The parameter names the FTE formulas use, in IND.FTE's argument order after the hours. */
function fteFormula(hoursCell: string, ratioName: string, grossUpCell: string): string {
  return `=IND.FTE(${hoursCell},${nameOf('weeksPerPeriod')},${nameOf('hoursPerFte')},${ratioName},${nameOf('extraFte')},${grossUpCell})`;
}

/**
 * Validates the picked volume table against the norm version and, when clean, builds the sheet:
 *
 * - rows 3–4: the norm version (input, text) and the turnover gross-up choice (input, TRUE as the
 *   review), plus the active parameter set (`=IND_ActieveSet`);
 * - the workload block: per product the code and norm minutes (lookups), per period
 *   volume × norm / 60 in hours, and totals per product, per period and overall;
 * - the period block: workload, band (`IND_BandOnder`/`IND_BandBoven`), FTE at the active
 *   ratio and at the model ratio (`IND.FTE`), the gap in fte, and one `IND.SCENARIO` spill
 *   over the period totals;
 * - a summary at the average workload, and a line chart of workload against the band.
 *
 * Errors (nothing is written): the volume table's own problems, an unknown norm version, and
 * codes missing from that version (listed).
 */
function buildCalcSheetPlanSheets(input: CalcSheetInput): CalcSheetResult {
  const { volume, norms } = input;
  const version = input.version.trim();
  const { shape, issues } = validateVolumeTable(volume);
  const versions = normVersions(norms);
  if (!versions.some((v) => v.toUpperCase() === version.toUpperCase())) {
    issues.push({
      code: 'normVersionUnknown',
      severity: 'error',
      details: { received: version, expected: versions.join(', ') },
    });
  } else if (!hasErrors(issues)) {
    issues.push(...missingCodesIssue(volume.name, version, missingNormCodes(shape.codes, norms, version)));
  }
  if (hasErrors(issues)) return { plan: null, issues, layout: null };

  const vol = volume.name;
  const n = shape.codes.length;
  const p = shape.periods.length;
  const H = CALC_LAYOUT.headerRow;
  const first = H + 1;
  const last = H + n;
  const totalRow = last + 1;
  const periodHeader = totalRow + 2;
  const firstPeriod = periodHeader + 1;
  const lastPeriod = periodHeader + p;
  const summary = lastPeriod + 2;
  const firstPeriodCol = 3;
  const totalCol = firstPeriodCol + p;
  const col = (c: number) => columnLetters(c);
  const versionRef = `$${CALC_LAYOUT.versionCell[0]}$${CALC_LAYOUT.versionCell.slice(1)}`;
  const grossUpRef = `$${CALC_LAYOUT.grossUpCell[0]}$${CALC_LAYOUT.grossUpCell.slice(1)}`;
  const codeCol = columnRef(vol, shape.codeHeader);

  // Workload block: header + one row per product + totals.
  const header: CellValue[] = [
    'Code',
    'Normminuten',
    ...shape.periods.map((name) => `=${headerRef(vol, name)}`),
    'Totaal (uur)',
  ];
  const productRows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const r = first + i;
    const row: CellValue[] = [
      // The row's position in the volume table; no literal, so inserted rows keep working.
      `=INDEX(${codeCol},ROWS($A$${first}:$A${r}))`,
      `=INDEX(${columnRef(NORM_TABLE, 'Normminuten')},MATCH(${versionRef}&"|"&$A${r},${columnRef(NORM_TABLE, 'Sleutel')},0))`,
    ];
    shape.periods.forEach((period) => {
      row.push(`=INDEX(${columnRef(vol, period)},MATCH($A${r},${codeCol},0))*$B${r}/${MINUTES_PER_HOUR}`);
    });
    row.push(`=SUM(${col(firstPeriodCol)}${r}:${col(totalCol - 1)}${r})`);
    productRows.push(row);
  }
  const totals: CellValue[] = ['Totaal', null];
  for (let c = firstPeriodCol; c <= totalCol; c++) totals.push(`=SUM(${col(c)}${first}:${col(c)}${last})`);

  const minutesFmt = NF.minutes;
  const hoursFmt = NF.hoursPrecise;
  const productFormats: string[][] = productRows.map(() => [
    NF.general,
    minutesFmt,
    ...Array<string>(p + 1).fill(hoursFmt),
  ]);

  // Period block: one row per period, ready for the chart (Periode, Werklast, Bandonder, Bandboven).
  const periodRows: CellValue[][] = shape.periods.map((_, j) => {
    const r = firstPeriod + j;
    return [
      `=${col(firstPeriodCol + j)}${H}`,
      `=${col(firstPeriodCol + j)}${totalRow}`,
      `=${nameOf('bandLow')}`,
      `=${nameOf('bandHigh')}`,
      fteFormula(`B${r}`, nameOf('directRatio'), grossUpRef),
      fteFormula(`B${r}`, MODEL_RATIO_NAME, grossUpRef),
      `=E${r}-F${r}`,
      // IND.SCENARIO judges each run of periods in hindsight, so it takes the whole column and
      // spills one label per period; the cells below it stay empty for the spill.
      j === 0
        ? `=IND.SCENARIO(B${firstPeriod}:B${lastPeriod},${nameOf('bandLow')},${nameOf('bandHigh')},${nameOf('peakExtra')},${nameOf('peakPeriods')},${textLiteral(input.lang ?? 'nl')})`
        : null,
    ];
  });
  const periodFormats: string[][] = periodRows.map(() => [
    NF.general,
    NF.count,
    NF.count,
    NF.count,
    NF.fte,
    NF.fte,
    NF.fte,
    NF.general,
  ]);

  const s = summary;
  const summaryRows: CellValue[][] = [
    ['Totaal werklast (uur)', `=SUM(B${firstPeriod}:B${lastPeriod})`],
    ['Gemiddelde werklast per periode (uur)', `=AVERAGE(B${firstPeriod}:B${lastPeriod})`],
    ['Directe uren, actieve set', `=${nameOf('directRatio')}`],
    ['Directe uren, model', `=${MODEL_RATIO_NAME}`],
    ['Fte nodig bij gemiddelde, actieve set', fteFormula(`B${s + 1}`, nameOf('directRatio'), grossUpRef)],
    ['Fte nodig bij gemiddelde, model', fteFormula(`B${s + 1}`, MODEL_RATIO_NAME, grossUpRef)],
    ['Verschil (fte)', `=B${s + 4}-B${s + 5}`],
    // Comparing ratios on different bases is flagged next to the gap, not hidden (reference §5).
    ['Controle basis directe uren', `=${RATIO_CHECK_NAME}`],
  ];
  const summaryFormats: string[][] = [
    [NF.general, hoursFmt],
    [NF.general, hoursFmt],
    [NF.general, NF.ratio],
    [NF.general, NF.ratio],
    [NF.general, NF.fte],
    [NF.general, NF.fte],
    [NF.general, NF.fte],
    [NF.general, NF.general],
  ];

  const blocks: CellBlock[] = [
    { at: 'A1', cells: [['IND Rekenblad: werklast en fte per periode']], style: 'title' },
    {
      at: 'A2',
      cells: [
        [
          // Fictitious norms stay marked wherever they are used (issue 11, Build 8).
          (isFictitiousVersion(version)
            ? `FICTIEF: normversie "${version}" is illustratief, niet de normen van de IND. `
            : '') +
            `Werklast = volume (tabel ${vol}) × normminuten (${NORM_TABLE}, versie in ${CALC_LAYOUT.versionCell}) / ${MINUTES_PER_HOUR}. Fte via IND.FTE met de benoemde parameters van IND Parameters. Alle getallen zijn formules.`,
        ],
      ],
      style: isFictitiousVersion(version) ? 'check' : 'note',
    },
    { at: 'A3', cells: [['Normversie']], style: 'header' },
    { at: CALC_LAYOUT.versionCell, cells: [[version]], numberFormat: NF.text, style: 'input' },
    { at: 'C3', cells: [['Parameterset', `=${ACTIVE_SET_NAME}`, 'Volumetabel', vol]], style: 'note' },
    { at: 'A4', cells: [['Verloop meebruteren']], style: 'header' },
    { at: CALC_LAYOUT.grossUpCell, cells: [[input.grossUpExtra ?? true]], style: 'input' },
    {
      at: 'C4',
      cells: [
        [
          `WAAR = zoals het onderzoek: extra fte (${nameOf('extraFte')}) vóór de deling door de ratio; ONWAAR = erna.`,
        ],
      ],
      style: 'note',
    },
    { at: `A${H}`, cells: [header], style: 'header' },
    { at: `A${first}`, cells: productRows, numberFormat: productFormats, style: 'output' },
    {
      at: `A${totalRow}`,
      cells: [totals],
      numberFormat: [[NF.general, NF.general, ...Array<string>(p + 1).fill(hoursFmt)]],
      style: 'output',
    },
    {
      at: `A${periodHeader}`,
      cells: [
        [
          'Periode',
          'Werklast (uur)',
          'Bandonder',
          'Bandboven',
          'Fte (actieve set)',
          'Fte (model)',
          'Verschil (fte)',
          'Scenario',
        ],
      ],
      style: 'header',
    },
    { at: `A${firstPeriod}`, cells: periodRows, numberFormat: periodFormats, style: 'output' },
    { at: `A${s}`, cells: summaryRows, numberFormat: summaryFormats, style: 'output' },
  ];

  const widths: Record<string, number> = { A: 200, B: 100 };
  for (let c = firstPeriodCol; c <= Math.max(totalCol, 8); c++) widths[col(c)] = 90;

  const plan: WritePlan = {
    action: 'Rekenblad maken',
    sheets: [
      {
        name: CALC_SHEET,
        blocks,
        charts: [
          {
            type: 'Line',
            title: 'Werklast tegen bandbreedte (uur per 4 weken)',
            source: `A${periodHeader}:D${lastPeriod}`,
            seriesBy: 'Columns',
            at: a1(periodHeader, 10),
            to: a1(periodHeader + 18, 17),
          },
        ],
        columnWidths: widths,
        freezeRows: H,
      },
    ],
  };
  return {
    plan,
    issues,
    layout: {
      products: n,
      periods: p,
      firstProductRow: first,
      lastProductRow: last,
      totalRow,
      periodHeaderRow: periodHeader,
      firstPeriodRow: firstPeriod,
      lastPeriodRow: lastPeriod,
      summaryRow: summary,
      totalColumn: totalCol,
    },
  };
}

/** The plan of {@link buildCalcSheetPlanSheets}, with the style legend on every sheet (styleLegend.ts). */
export function buildCalcSheetPlan(
  ...args: Parameters<typeof buildCalcSheetPlanSheets>
): ReturnType<typeof buildCalcSheetPlanSheets> {
  return withLegend(buildCalcSheetPlanSheets(...args), args[0].lang ?? 'nl');
}
