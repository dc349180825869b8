/**
 * The write plan of the time-recording analysis: four sheets with the aggregated hours, the
 * ratios and the bridge, norms and effectiveness, and the checks. Pure: input → `WritePlan`.
 *
 * Auditable by construction: the only constants are the aggregated hours (team × period ×
 * product × category, never per person), the category mapping, the user's parameters and the
 * facts about the file. Every ratio, bridge step, norm deviation, effectiveness and check is a
 * live formula over those cells, so a controller can trace and change any of them in Excel.
 *
 * The analysis is run first (`analyse`): when it refuses (unknown categories, no readable
 * rows, a percentage typed as a ratio) nothing is planned, so nothing is written half-way.
 */
import {
  analyse,
  NO_PRODUCT,
  type Analysis,
  type AnalysisOptions,
} from '../../../core/timerecording/analysis';
import type { ImportResult } from '../../../core/timerecording/import';
import { formatError } from '../../../core/errors';
import { ABSENCE_CATEGORIES, INDIRECT_CATEGORIES } from '../../../core/timerecording/types';
import type { CellBlock, CellValue, NamePlan, SheetPlan, TablePlan, WritePlan } from '../../host/types';
import { absoluteRef, textLiteral } from '../formula';
import {
  CHECK_FORMAT,
  CHECK_FORMAT_POINTS,
  checkFormula,
  figureLabel,
  FTE_TOLERANCE,
  POINTS_TOLERANCE,
  STAFFING_FORMULAS,
  type FigureId,
} from '../../../core/figures';
import { HOT_NORM_ABSENCE, REVIEW_EXTRA_FTE } from '../../../core/params';
import { excelRound } from '../../../core/round';
import { legendBlocks } from '../funding/legend';

/** The glossary figures the analysis sheet shows, in the order of its legend. */
const ANALYSIS_FIGURES: FigureId[] = [
  'fteNeeded',
  'fteGapExclAllowance',
  'fteGapInclAllowance',
  'bridgeStep',
  'bridgeStepFte',
  'absenceMeasured',
  'absenceAboveNorm',
  'unusedCapacityHours',
  'unusedCapacityEuro',
  'notInModelHours',
];

/** The glossary figures the norms sheet shows. */
const NORMS_FIGURES: FigureId[] = ['effectivenessNormed', 'effectivenessAllDirect', 'directHoursWithoutNorm'];
import { CLASS_LABEL, KIND_LABEL } from './labels';
import { withLegend } from '../styleLegend';
import { NF } from '../formats';
import { setValueFormula } from '../parameterSource';
import type { Lang } from '../../../core/messages/types';

/** Sheet names. Stable: the formulas reference them. */
export const TS_SHEETS = {
  hours: 'IND TS Uren',
  analysis: 'IND TS Analyse',
  norms: 'IND TS Normen',
  checks: 'IND TS Controles',
} as const;

/** Table names. */
export const TS_TABLES = {
  hours: 'TS_Uren',
  categories: 'TS_Categorieen',
  ratios: 'TS_Ratios',
  bridge: 'TS_Brug',
  unused: 'TS_Onbenut',
  norms: 'TS_Normen',
  teamProduct: 'TS_TeamProduct',
  effectiveness: 'TS_Effectiviteit',
  missing: 'TS_Ontbrekend',
  personWeeks: 'TS_Persoonweken',
  rejected: 'TS_Afgekeurd',
} as const;

/** Defined names of the parameter cells. */
export const TS_NAMES = {
  modelRatio: 'IND_TS_ModelRatio',
  modelBasis: 'IND_TS_ModelBasis',
  workload: 'IND_TS_Werklast',
  weeks: 'IND_TS_Weken',
  hoursPerFte: 'IND_TS_UrenPerFte',
  threshold: 'IND_TS_Drempel',
  hourlyCost: 'IND_TS_Uurkosten',
  totalHours: 'IND_TS_TotaalUren',
  grossMeasured: 'IND_TS_GemetenBruto',
  extraFte: 'IND_TS_VerloopFte',
  hotNorm: 'IND_TS_HOTNorm',
  fteGapIncl: 'IND_TS_FteVerschilMetVerloop',
  fteGapExcl: 'IND_TS_FteVerschilZonderVerloop',
} as const;

/** Input of the plan. */
export interface TimeRecordingPlanInput {
  result: ImportResult;
  options: AnalysisOptions;
  /** File or table name, written as the source note. */
  sourceName: string;
  /**
   * Explicit opt-in to show person ids in the person-week check. Default false: staff fear a
   * blame culture (*afrekencultuur*), so results stay at team level.
   */
  showPersons?: boolean;
  /**
   * The pane's language for every label, note and title (default Dutch). Table headers, class and
   * kind labels, codes and workbook names stay the same in both: formulas refer to them.
   */
  lang?: Lang;
  /**
   * Parameter cells that look their value up in `IND_Parameters` (set and key) instead of holding
   * a number: the one parameter source (issue 11). A later change to the set then flows through.
   * A parameter without a link (no parameter sheet, or a what-if value the user typed) is an input.
   */
  links?: Partial<Record<LinkedTsParameter, { set: string; key: string }>>;
}

/** The parameter cells of the analysis sheet that can be linked to the parameter table. */
export type LinkedTsParameter = 'modelRatio' | 'workload' | 'weeks' | 'hoursPerFte' | 'extraFte';

/** The text in the plan's language: `tx(input)('Dutch', 'English')`. */
function tx(input: TimeRecordingPlanInput): (nl: string, en: string) => string {
  return (nl, en) => (input.lang === 'en' ? en : nl);
}

/** The plan and the analysis it was built from (for the task-pane preview). */
export interface TimeRecordingPlan {
  plan: WritePlan;
  analysis: Analysis;
}

const PCT = NF.share;
const PCT2 = NF.ratio;
const HOURS = NF.hoursPrecise;
const FTE = NF.fte;
const INT = NF.count;

const H = {
  team: 'Team',
  period: 'Periode',
  product: 'Product',
  category: 'Categorie',
  cls: 'Klasse',
  kind: 'Soort',
  hours: 'Uren',
  cases: 'Zaken',
  rows: 'Regels',
};

/** The kind of a class, as a formula over the categories table's class column. */
const KIND_FORMULA = `=IF(OR(${[...ABSENCE_CATEGORIES].map((c) => `[@${'Klasse'}]=${textLiteral(CLASS_LABEL[c])}`).join(',')}),${textLiteral(KIND_LABEL.absence)},IF([@Klasse]=${textLiteral(CLASS_LABEL.direct)},${textLiteral(KIND_LABEL.direct)},${textLiteral(KIND_LABEL.indirect)}))`;

/** Hours as Dutch text for a note (e.g. "3,7"), one decimal, no grouping. */
function formatHours(x: number): string {
  return String(excelRound(x, 1)).replace('.', ',');
}

/** SUMIFS over the hours table. Criteria pairs: [column header, criterion formula text]. */
function sumHours(column: string, ...criteria: [string, string][]): string {
  if (criteria.length === 0) return `SUM(${TS_TABLES.hours}[${column}])`;
  return `SUMIFS(${TS_TABLES.hours}[${column}],${criteria.map(([c, v]) => `${TS_TABLES.hours}[${c}],${v}`).join(',')})`;
}

/**
 * A SUMIFS criterion that matches `text` exactly: SUMIFS treats * ? ~ as wildcards and a leading
 * < > = as an operator, so those are escaped; a blank matches empty cells.
 */
export function exactCriterion(text: string): string {
  if (text === '') return '""';
  const escaped = text.replace(/[~*?]/g, (c) => `~${c}`);
  return textLiteral(/^[<>=]/.test(escaped) ? `=${escaped}` : escaped);
}

function modelBasisLabel(b: AnalysisOptions['modelBasis']): string {
  return b === 'gross' ? 'bruto' : b === 'net' ? 'netto' : 'onbekend';
}

/**
 * Sheet 1, `Tijdschrijven Uren`: the aggregated hours (team × period × product × category) and the
 * category table whose class drives every result.
 */
export function buildTimeRecordingHoursSheet(input: TimeRecordingPlanInput): SheetPlan {
  const { result, options } = input;
  const T = tx(input);
  const catEntries = result.categories.map((c) => ({
    label: c.label,
    cls: options.categoryMapping[c.key],
  }));
  const categoriesTable: TablePlan = {
    name: TS_TABLES.categories,
    at: 'L4',
    headers: ['Categorie in export', H.cls, H.kind],
    // The kind follows the class (a formula), so editing a class moves its hours everywhere.
    rows: catEntries.map((c) => [c.label, CLASS_LABEL[c.cls], KIND_FORMULA]),
    // The class is the user's choice: changing it moves the category's hours everywhere.
    inputColumns: [H.cls],
  };
  const lookup = (col: string): string =>
    `=INDEX(${TS_TABLES.categories}[${col}],MATCH([@${H.category}],${TS_TABLES.categories}[[Categorie in export]],0))`;
  const hoursTable: TablePlan = {
    name: TS_TABLES.hours,
    at: 'A4',
    headers: [H.team, H.period, H.product, H.category, H.cls, H.kind, H.hours, H.cases, H.rows],
    rows: result.cells.map((c) => {
      const label = result.categories.find((k) => k.key === c.categoryKey)?.label ?? c.categoryKey;
      return [c.team, c.period, c.product, label, lookup(H.cls), lookup(H.kind), c.hours, c.cases, c.rows];
    }),
    columnFormats: [null, null, null, null, null, null, HOURS, INT, INT],
  };
  const hoursSheet: SheetPlan = {
    name: TS_SHEETS.hours,
    blocks: [
      {
        at: 'A1',
        cells: [
          [
            T(
              'Tijdschrijven: geaggregeerde uren (team × periode × product × categorie)',
              'Time recording: aggregated hours (team × period × product × category)',
            ),
          ],
        ],
        style: 'title',
      },
      {
        at: 'A2',
        cells: [
          [
            T(
              `Bron: ${input.sourceName} (${result.rowsRead} regels gelezen, ${result.rowsAccepted} ingelezen, ${result.rowsRejected} afgekeurd; ${result.source === 'csv' ? `codering ${result.encoding}${result.bom ? ' met BOM' : ''}, scheidingsteken ${result.delimiter === '\t' ? 'tab' : result.delimiter}` : result.source}). Geen gegevens per persoon. Wijzig een klasse in ${TS_TABLES.categories}: alle uitkomsten rekenen mee.`,
              `Source: ${input.sourceName} (${result.rowsRead} rows read, ${result.rowsAccepted} imported, ${result.rowsRejected} rejected; ${result.source === 'csv' ? `encoding ${result.encoding}${result.bom ? ' with BOM' : ''}, delimiter ${result.delimiter === '\t' ? 'tab' : result.delimiter}` : result.source}). No data per person. Change a class in ${TS_TABLES.categories}: every result follows.`,
            ),
          ],
        ],
        style: 'note',
      },
    ],
    tables: [hoursTable, categoriesTable],
    freezeRows: 4,
    columnWidths: { A: 110, B: 70, C: 130, D: 130, E: 90, F: 70, L: 150, M: 100 },
  };
  return hoursSheet;
}

/**
 * Sheet 2, `Tijdschrijven Analyse`: parameters, totals, the ratios per team, the bridge from the
 * model's ratio to the measured one, the fte gap, absence and unused capacity; with the workbook
 * names it defines.
 */
export function buildTimeRecordingAnalysisSheet(
  input: TimeRecordingPlanInput,
  analysis: Analysis,
): { sheet: SheetPlan; names: NamePlan[] } {
  const { result, options } = input;
  const T = tx(input);
  const lang = input.lang ?? 'nl';
  const names: NamePlan[] = [];
  const an = TS_SHEETS.analysis;
  const params: [string, string, CellValue, string | null, string][] = [
    [
      TS_NAMES.modelRatio,
      T('Directe uren in het model', 'Direct hours in the model'),
      options.modelRatio ?? 0.7473,
      PCT2,
      T('Begroting 2021: 74,73% directe uren', 'Budget 2021: 74.73% direct hours'),
    ],
    [
      TS_NAMES.modelBasis,
      T('Basis van de modelratio (bruto/netto/onbekend)', 'Basis of the model ratio (bruto/netto/onbekend)'),
      modelBasisLabel(options.modelBasis),
      null,
      T('Het onderzoek noemt de basis niet', 'The review does not state the basis'),
    ],
    [
      TS_NAMES.workload,
      T('Werklast (uren per periode)', 'Workload (hours per period)'),
      options.workloadHours ?? 83000,
      INT,
      T('Onderzoek: gemiddeld 83.000 uur per 4 weken', 'Review: on average 83,000 hours per 4 weeks'),
    ],
    [
      TS_NAMES.weeks,
      T('Weken per periode', 'Weeks per period'),
      options.weeks ?? 4,
      INT,
      T('13 perioden van 4 weken', '13 periods of 4 weeks'),
    ],
    [
      TS_NAMES.hoursPerFte,
      T('Uren per fte per week', 'Hours per fte per week'),
      options.hoursPerFte ?? 36,
      INT,
      T('1 fte = 36 uur', '1 fte = 36 hours'),
    ],
    [
      TS_NAMES.extraFte,
      T('Extra fte (verloopopslag)', 'Extra fte (turnover allowance)'),
      analysis.bridge.extraFte,
      NF.fte,
      `${REVIEW_EXTRA_FTE.source}; ${T('0 = zonder verloopopslag', '0 = without turnover allowance')}`,
    ],
    [
      TS_NAMES.hotNorm,
      lang === 'en' ? HOT_NORM_ABSENCE.labelEn : HOT_NORM_ABSENCE.labelNl,
      analysis.bridge.absence.hotNorm,
      PCT,
      HOT_NORM_ABSENCE.source,
    ],
    [
      TS_NAMES.threshold,
      T('Drempel normafwijking', 'Norm deviation threshold'),
      options.normThreshold ?? 0.15,
      PCT,
      T('Signaal bij |afwijking| boven deze drempel', 'Signal when |deviation| exceeds this threshold'),
    ],
    [
      TS_NAMES.hourlyCost,
      T('Kosten per betaald uur (euro)', 'Cost per paid hour (euro)'),
      options.hourlyCost ?? null,
      NF.amountCents,
      T('Vul in voor onbenutte capaciteit in euro', 'Fill in for unused capacity in euro'),
    ],
  ];
  const P0 = 4; // first parameter row
  // A linked parameter is a lookup into the parameter table (formula-styled, never an input).
  const linkOf = (name: string): { set: string; key: string } | undefined => {
    const k = (Object.keys(TS_NAMES) as (keyof typeof TS_NAMES)[]).find((x) => TS_NAMES[x] === name);
    return k ? input.links?.[k as LinkedTsParameter] : undefined;
  };
  const paramBlocks: CellBlock[] = params.map(([name, label, value, fmt, source], i) => {
    const link = linkOf(name);
    return {
      at: `A${P0 + i}`,
      cells: [
        link
          ? [
              label,
              `=${setValueFormula(link.set, link.key)}`,
              T(
                `Uit IND Parameters, set ${link.set} (${link.key})`,
                `From IND Parameters, set ${link.set} (${link.key})`,
              ),
            ]
          : [label, value, source],
      ],
      numberFormat: [[NF.text, fmt ?? NF.general, NF.text]],
      style: link ? 'output' : 'input',
    };
  });
  params.forEach(([name], i) => names.push({ name, ref: absoluteRef(an, P0 + i, 2), comment: params[i][1] }));

  // Totals block, named, referenced by the ratio and bridge formulas.
  const T0 = P0 + params.length + 1;
  const totalsBlock: CellBlock = {
    at: `A${T0}`,
    cells: [
      [
        T('Alle geregistreerde uren (ingelezen)', 'All recorded hours (imported)'),
        `=${sumHours(H.hours)}`,
        T('Som van TS_Uren', 'Sum of TS_Uren'),
      ],
      [
        T('Directe uren % bruto (gemeten)', 'Direct hours % gross (measured)'),
        `=IF(${TS_NAMES.totalHours}=0,NA(),${sumHours(H.hours, [H.kind, '"direct"'])}/${TS_NAMES.totalHours})`,
        T('basis: bruto = direct / alle uren', 'basis: gross = direct / all hours'),
      ],
    ],
    numberFormat: [
      [NF.text, HOURS, NF.text],
      [NF.text, PCT, NF.text],
    ],
    style: 'output',
  };
  names.push({ name: TS_NAMES.totalHours, ref: absoluteRef(an, T0, 2) });
  names.push({ name: TS_NAMES.grossMeasured, ref: absoluteRef(an, T0 + 1, 2) });

  // Ratios per team and in total. Headers carry the basis; the note spells it out.
  const R0 = T0 + 4;
  const ratioHeaders = [
    'Team',
    'Direct',
    'Indirect',
    'Afwezig',
    'Totaal',
    'Directe uren % bruto',
    'Directe uren % netto',
  ];
  const teamRow = (team: string | null): CellValue[] => {
    const crit: [string, string][] = team === null ? [] : [[H.team, '[@Team]']];
    return [
      team ?? T('Alle teams', 'All teams'),
      `=${sumHours(H.hours, ...crit, [H.kind, '"direct"'])}`,
      `=${sumHours(H.hours, ...crit, [H.kind, '"indirect"'])}`,
      `=${sumHours(H.hours, ...crit, [H.kind, '"afwezig"'])}`,
      '=[@Direct]+[@Indirect]+[@Afwezig]',
      '=IF([@Totaal]=0,"",[@Direct]/[@Totaal])',
      '=IF([@Totaal]-[@Afwezig]=0,"",[@Direct]/([@Totaal]-[@Afwezig]))',
    ];
  };
  const ratiosTable: TablePlan = {
    name: TS_TABLES.ratios,
    at: `A${R0 + 1}`,
    headers: ratioHeaders,
    rows: [...result.teams.map((t) => teamRow(t)), teamRow(null)],
    columnFormats: [null, HOURS, HOURS, HOURS, HOURS, PCT, PCT],
  };
  const ratioNote: CellBlock = {
    at: `A${R0}`,
    cells: [
      [
        T(
          'Directe-urenratio per team. Bruto = direct / alle uren; netto = direct / (alle uren − verlof, bijzonder verlof en verzuim). Vergelijk alleen ratio’s met dezelfde basis.',
          'Direct-hours ratio per team. Gross (bruto) = direct / all hours; net (netto) = direct / (all hours − leave, special leave and sickness). Compare only ratios on the same basis.',
        ),
      ],
    ],
    style: 'note',
  };

  // The bridge. Columns: A Stap, B Model-aandeel, C Gemeten aandeel, D Effect (B1), E Cumulatief,
  // F Aandeel van verschil, G Fte-kosten (B2), H Soort.
  const B0 = R0 + 1 + ratiosTable.rows.length + 4; // header row of the bridge table
  const bridgeHeaders = [
    'Stap',
    'Model-aandeel',
    'Gemeten aandeel',
    'Effect',
    'Cumulatief',
    'Aandeel van verschil',
    'Fte-kosten',
    'Soort',
  ];
  const first = B0 + 1;
  const catRows = INDIRECT_CATEGORIES.length;
  const absenceRow = first + 1 + catRows;
  const unsplitRow = absenceRow + 1;
  const remainderRow = unsplitRow + 1;
  const endRow = remainderRow + 1;
  // The gap in the glossary's sign: model − measured (the steps add up to it).
  const gap = `(${TS_NAMES.modelRatio}-${TS_NAMES.grossMeasured})`;
  const fteAt = (ratio: string, extra: string = TS_NAMES.extraFte): string =>
    STAFFING_FORMULAS.fteNeeded({
      hours: TS_NAMES.workload,
      weeks: TS_NAMES.weeks,
      hoursPerFte: TS_NAMES.hoursPerFte,
      ratio,
      extra,
    });
  const fteGapCell = TS_NAMES.fteGapIncl;
  const shareCell = (row: number): string => `=IF(${gap}=0,"",D${row}/${gap})`;
  const fteCell = (row: number): string => `=IF(${gap}=0,0,F${row}*${fteGapCell})`;
  const cumulative = (row: number): string => `=E${row - 1}-D${row}`;
  const modelShares = analysis.bridge.steps;
  const shareOf = (c: string): number | undefined => modelShares.find((x) => x.id === c)?.modelShare;
  const classShare = (classes: string[]): string =>
    `IF(${TS_NAMES.totalHours}=0,0,(${classes.map((c) => sumHours(H.hours, [H.cls, exactCriterion(c)])).join('+')})/${TS_NAMES.totalHours})`;
  const bridgeRows: CellValue[][] = [
    [
      T('Model: directe uren', 'Model: direct hours'),
      `=${TS_NAMES.modelRatio}`,
      null,
      null,
      `=B${first}`,
      null,
      null,
      'start',
    ],
  ];
  INDIRECT_CATEGORIES.forEach((c, i) => {
    const row = first + 1 + i;
    const share = shareOf(c);
    bridgeRows.push([
      CLASS_LABEL[c],
      share === undefined ? null : share,
      `=${classShare([CLASS_LABEL[c]])}`,
      `=C${row}-N(B${row})`,
      cumulative(row),
      shareCell(row),
      fteCell(row),
      `=IF(ISNUMBER(B${row}),${textLiteral(T('tegen modelaandeel', 'against the model share'))},${textLiteral(T('niet in het model', 'not in the model'))})`,
    ]);
  });
  bridgeRows.push([
    `${figureLabel('absenceAboveNorm', lang)} ${T('(gemeten volledig [B3] − HOT-norm)', '(measured in full [B3] − HOT norm)')}`,
    `=${TS_NAMES.hotNorm}`,
    `=${classShare(ABSENCE_CATEGORIES.map((c) => CLASS_LABEL[c]))}`,
    `=C${absenceRow}-B${absenceRow}`,
    cumulative(absenceRow),
    shareCell(absenceRow),
    fteCell(absenceRow),
    T('HOT-norm', 'HOT norm'),
  ]);
  bridgeRows.push([
    T(
      'Model: niet-directe tijd niet uitgesplitst (1 − modelratio − modelaandelen − HOT-norm)',
      'Model: non-direct time not split (1 − model ratio − model shares − HOT norm)',
    ),
    `=1-${TS_NAMES.modelRatio}-SUM(B${first + 1}:B${absenceRow})`,
    null,
    `=-B${unsplitRow}`,
    cumulative(unsplitRow),
    shareCell(unsplitRow),
    fteCell(unsplitRow),
    'model',
  ]);
  bridgeRows.push([
    T('Overig / onverklaard', 'Other / unexplained'),
    null,
    null,
    `=${gap}-SUM(D${first + 1}:D${unsplitRow})`,
    cumulative(remainderRow),
    shareCell(remainderRow),
    fteCell(remainderRow),
    T('restpost', 'remainder'),
  ]);
  bridgeRows.push([
    T('Gemeten: directe uren (bruto)', 'Measured: direct hours (gross)'),
    null,
    `=${TS_NAMES.grossMeasured}`,
    null,
    `=C${endRow}`,
    null,
    null,
    T('eind', 'end'),
  ]);
  const bridgeTable: TablePlan = {
    name: TS_TABLES.bridge,
    at: `A${B0}`,
    headers: bridgeHeaders,
    rows: bridgeRows,
    columnFormats: [null, PCT2, PCT2, PCT2, PCT2, PCT, FTE, null],
    // The model's shares per category are inputs (the 2021 model's values); its linked rows are formulas.
    inputColumns: ['Model-aandeel'],
  };
  const bridgeNote: CellBlock = {
    at: `A${B0 - 3}`,
    cells: [
      [
        T(
          `Brug van de modelratio naar de gemeten bruto ratio. Effect = ${figureLabel('bridgeStep', 'nl')}: gemeten aandeel − modelaandeel, positief = meer niet-directe tijd dan het model begroot; Fte-kosten = ${figureLabel('bridgeStepFte', 'nl')}. Elke indirecte categorie staat tegen haar eigen modelaandeel, of "niet in het model" (leeg model-aandeel; vul er een in om haar mee te nemen). Afwezigheid staat tegen de HOT-norm; "niet uitgesplitst" is de niet-directe modeltijd die het model niet per categorie noemt; "overig / onverklaard" is 0 zolang elk uur in een categorie valt.`,
          `Bridge from the model ratio to the measured gross ratio. Effect = ${figureLabel('bridgeStep', 'en')}: measured share − model share, positive = more non-direct time than the model budgets; Fte-kosten (fte cost) = ${figureLabel('bridgeStepFte', 'en')}. Each indirect category stands against its own model share, or "not in the model" (empty model share; fill one in to include it). Absence stands against the HOT norm; "not split" is the model's non-direct time that the model does not name per category; "other / unexplained" is 0 as long as every hour falls in a category.`,
        ),
      ],
      [
        `=IF(${TS_NAMES.modelBasis}="bruto",${textLiteral(T('Basis: model en meting beide bruto.', 'Basis: model and measurement both gross.'))},${textLiteral(T('LET OP: de basis van de modelratio is ', 'NOTE: the basis of the model ratio is '))}&${TS_NAMES.modelBasis}&${textLiteral(T(', de meting is bruto. Deze vergelijking gaat over bases heen.', ', the measurement is gross. This comparison crosses bases.'))})`,
      ],
      [
        // FIXED, not the TEXT function with a "0.00%" code: its format code is read in the user's locale (a Dutch
        // Excel takes "." as the thousands sign), FIXED's decimals are a number.
        `=IF(B${unsplitRow}<0,${textLiteral(T('LET OP: modelaandelen + HOT-norm zijn samen meer dan 1 − modelratio (', 'NOTE: model shares + HOT norm together exceed 1 − model ratio ('))}&FIXED(-B${unsplitRow}*100,2)&${textLiteral(T('% te veel): de modelratio is waarschijnlijk geen aandeel van de bruto uren.', '% too much): the model ratio is probably not a share of the gross hours.'))},"")`,
      ],
    ],
    style: 'note',
  };
  const checksTop = endRow + 2;
  const fteGap = (extra: string): string =>
    STAFFING_FORMULAS.fteGap({
      hours: TS_NAMES.workload,
      weeks: TS_NAMES.weeks,
      hoursPerFte: TS_NAMES.hoursPerFte,
      modelRatio: TS_NAMES.modelRatio,
      measuredRatio: TS_NAMES.grossMeasured,
      extra,
    });
  const bridgeChecks: CellBlock = {
    at: `A${checksTop}`,
    cells: [
      [
        T('Controle: brug sluit (cumulatief = gemeten)', 'Check: the bridge closes (cumulative = measured)'),
        `=${checkFormula(`E${remainderRow}-C${endRow}`, POINTS_TOLERANCE)}`,
        null,
      ],
      [
        T(
          'Controle: restpost = 0 (elk uur valt in een categorie)',
          'Check: remainder = 0 (every hour falls in a category)',
        ),
        `=${checkFormula(`D${remainderRow}`, POINTS_TOLERANCE)}`,
        T(
          'Een klasse in TS_Categorieen die geen categorie is, laat uren buiten de brug',
          'A class in TS_Categorieen that is not a category leaves hours outside the bridge',
        ),
      ],
      [
        `${T('Controle', 'Check')}: Σ ${figureLabel('bridgeStepFte', lang)} = S3`,
        `=${checkFormula(`SUM(G${first + 1}:G${remainderRow})-${fteGapCell}`, FTE_TOLERANCE)}`,
        null,
      ],
    ],
    numberFormat: [
      [NF.text, CHECK_FORMAT_POINTS, NF.text],
      [NF.text, CHECK_FORMAT_POINTS, NF.text],
      [NF.text, CHECK_FORMAT, NF.text],
    ],
    style: 'check',
  };
  const fteTop = checksTop + 4;
  const fteBlock: CellBlock = {
    at: `A${fteTop}`,
    cells: [
      [
        figureLabel('fteGapInclAllowance', lang),
        `=${fteGap(TS_NAMES.extraFte)}`,
        T(
          `IND.FTE bij de gemeten en bij de modelratio, met ${TS_NAMES.extraFte} fte verloopopslag`,
          `IND.FTE at the measured and at the model ratio, with ${TS_NAMES.extraFte} fte turnover allowance`,
        ),
      ],
      [
        figureLabel('fteGapExclAllowance', lang),
        `=${fteGap('0')}`,
        T(
          'IND.FTE bij de gemeten en bij de modelratio, zonder verloopopslag',
          'IND.FTE at the measured and at the model ratio, without turnover allowance',
        ),
      ],
      [
        `${figureLabel('fteNeeded', lang)} ${T('bij de modelratio', 'at the model ratio')}`,
        `=${fteAt(TS_NAMES.modelRatio)}`,
        null,
      ],
      [
        `${figureLabel('fteNeeded', lang)} ${T('bij de gemeten ratio', 'at the measured ratio')}`,
        `=${fteAt(TS_NAMES.grossMeasured)}`,
        null,
      ],
    ],
    numberFormat: [0, 1, 2, 3].map(() => [NF.text, FTE, NF.text]),
    style: 'output',
  };
  names.push({ name: TS_NAMES.fteGapIncl, ref: absoluteRef(an, fteTop, 2) });
  names.push({ name: TS_NAMES.fteGapExcl, ref: absoluteRef(an, fteTop + 1, 2) });

  // Absence in full and against the HOT norm, per category (B3, B4).
  const A0 = fteTop + 6;
  const absRows: CellValue[][] = ABSENCE_CATEGORIES.map((c) => [
    `${T('Afwezigheid', 'Absence')}: ${CLASS_LABEL[c]}`,
    `=${classShare([CLASS_LABEL[c]])}`,
  ]);
  const absTotal = A0 + 1 + absRows.length;
  const absenceBlock: CellBlock[] = [
    {
      at: `A${A0}`,
      cells: [
        [
          T(
            'Afwezigheid volledig en boven de HOT-norm (aandeel van alle betaalde uren)',
            'Absence in full and above the HOT norm (share of all paid hours)',
          ),
          null,
        ],
      ],
      style: 'header',
    },
    {
      at: `A${A0 + 1}`,
      cells: [
        ...absRows,
        [figureLabel('absenceMeasured', lang), `=SUM(B${A0 + 1}:B${A0 + absRows.length})`],
        [T('HOT-norm (aanname)', 'HOT norm (assumption)'), `=${TS_NAMES.hotNorm}`],
        [figureLabel('absenceAboveNorm', lang), `=B${absTotal}-B${absTotal + 1}`],
      ],
      numberFormat: [...absRows.map(() => [NF.text, PCT]), [NF.text, PCT], [NF.text, PCT], [NF.text, PCT]],
      style: 'output',
    },
    {
      at: `A${absTotal + 3}`,
      cells: [
        [
          T('Controle: B4 in de brug = B3 − HOT-norm', 'Check: B4 in the bridge = B3 − HOT norm'),
          `=${checkFormula(`D${absenceRow}-B${absTotal + 2}`, POINTS_TOLERANCE)}`,
        ],
      ],
      numberFormat: [[NF.text, CHECK_FORMAT_POINTS]],
      style: 'check',
    },
  ];

  // Chart data: label and effect on the ratio side by side (a chart wants one contiguous source):
  // the start, each step as a fall of the ratio (−effect), the end.
  const chartData: CellBlock = {
    at: `R${B0}`,
    cells: [
      [T('Stap', 'Step'), T('Effect op de ratio', 'Effect on the ratio')],
      ...bridgeRows.map((_, i) => {
        const row = first + i;
        const v = i === 0 ? `=B${row}` : row === endRow ? `=C${row}` : `=-D${row}`;
        return [`=A${row}`, v];
      }),
    ],
    numberFormat: [[NF.text, NF.text], ...bridgeRows.map(() => [NF.text, PCT2])],
    style: 'note',
  };
  const waterfall = {
    type: 'Waterfall',
    title: T('Brug directe uren: model → gemeten (bruto)', 'Direct-hours bridge: model → measured (gross)'),
    source: `R${B0}:S${endRow}`,
    seriesBy: 'Columns' as const,
    at: `J${B0}`,
    to: `Q${B0 + 22}`,
  };

  // Unused capacity (TDABC, T1/T2): indirect hours above the model's share, only where the model
  // has one; hours of a category without a share are "not in the model" (T3), not unused capacity.
  const U0 = absTotal + 6;
  const shareLookup = `INDEX(${TS_TABLES.bridge}[[Model-aandeel]],MATCH([@Categorie],${TS_TABLES.bridge}[Stap],0))`;
  const unusedRows: CellValue[][] = INDIRECT_CATEGORIES.map((c) => [
    CLASS_LABEL[c],
    `=${sumHours(H.hours, [H.cls, exactCriterion(CLASS_LABEL[c])])}`,
    `=IF(ISNUMBER(${shareLookup}),${shareLookup},"")`,
    `=IF(ISNUMBER([@Modelaandeel]),[@Modelaandeel]*${TS_NAMES.totalHours},"")`,
    '=IF(ISNUMBER([@Modelaandeel]),MIN([@Uren],[@Begroot]),0)',
    '=IF(ISNUMBER([@Modelaandeel]),MAX(0,[@Uren]-[@Begroot]),0)',
    '=IF(ISNUMBER([@Modelaandeel]),0,[@Uren])',
  ]);
  const unusedTable: TablePlan = {
    name: TS_TABLES.unused,
    at: `A${U0 + 1}`,
    headers: [
      'Categorie',
      'Uren',
      'Modelaandeel',
      'Begroot',
      'Binnen modelaandeel',
      'Onbenut',
      'Niet in het model',
    ],
    rows: unusedRows,
    columnFormats: [null, HOURS, PCT2, HOURS, HOURS, HOURS, HOURS],
  };
  const unusedEnd = U0 + 1 + unusedRows.length + 1;
  const unusedBlock: CellBlock[] = [
    {
      at: `A${U0}`,
      cells: [
        [
          T(
            `${figureLabel('unusedCapacityHours', 'nl')}: kolom Onbenut. ${figureLabel('notInModelHours', 'nl')}: kolom Niet in het model, een eigen regel en geen onbenutte capaciteit. Niet verstopt in de kostprijs.`,
            `${figureLabel('unusedCapacityHours', 'en')}: column Onbenut. ${figureLabel('notInModelHours', 'en')}: column Niet in het model, a line of its own and not unused capacity. Not hidden in the cost price.`,
          ),
        ],
      ],
      style: 'note',
    },
    {
      at: `A${unusedEnd + 1}`,
      cells: [
        [figureLabel('unusedCapacityHours', lang), `=SUM(${TS_TABLES.unused}[Onbenut])`],
        [
          figureLabel('unusedCapacityEuro', lang),
          `=IF(ISNUMBER(${TS_NAMES.hourlyCost}),${TS_NAMES.hourlyCost}*B${unusedEnd + 1},${textLiteral(T('vul kosten per uur in', 'fill in the cost per hour'))})`,
        ],
        [figureLabel('notInModelHours', lang), `=SUM(${TS_TABLES.unused}[Niet in het model])`],
      ],
      numberFormat: [
        [NF.text, HOURS],
        [NF.text, NF.count],
        [NF.text, HOURS],
      ],
      style: 'output',
    },
    {
      at: `A${unusedEnd + 4}`,
      cells: [
        [
          T(
            'Controle: indirecte uren = binnen modelaandeel + onbenut [T1] + niet in het model [T3]',
            'Check: indirect hours = within model share + unused [T1] + not in the model [T3]',
          ),
          `=${checkFormula(`${sumHours(H.hours, [H.kind, '"indirect"'])}-SUM(${TS_TABLES.unused}[Binnen modelaandeel])-SUM(${TS_TABLES.unused}[Onbenut])-SUM(${TS_TABLES.unused}[Niet in het model])`, FTE_TOLERANCE)}`,
        ],
      ],
      numberFormat: [[NF.text, CHECK_FORMAT]],
      style: 'check',
    },
  ];

  const analysisSheet: SheetPlan = {
    name: an,
    blocks: [
      {
        at: 'A1',
        cells: [
          [
            T(
              'Tijdschrijven: directe-urenratio en de brug van 74,73% naar gemeten',
              'Time recording: direct-hours ratio and the bridge from 74.73% to measured',
            ),
          ],
        ],
        style: 'title',
      },
      {
        at: `A${P0 - 1}`,
        cells: [
          [T('Parameters (invoer)', 'Parameters (input)'), null, T('Bron / toelichting', 'Source / note')],
        ],
        style: 'header',
      },
      ...paramBlocks,
      totalsBlock,
      ratioNote,
      bridgeNote,
      bridgeChecks,
      fteBlock,
      ...absenceBlock,
      chartData,
      ...unusedBlock,
      ...legendBlocks(unusedEnd + 7, ANALYSIS_FIGURES, lang),
    ],
    tables: [ratiosTable, bridgeTable, unusedTable],
    charts: [waterfall],
    columnWidths: { A: 260, B: 90, C: 90, D: 80, E: 80, F: 90, G: 80, H: 120 },
  };
  return { sheet: analysisSheet, names };
}

/** Sheet 3, `Tijdschrijven Normen`: norm time against recorded time per product, and effectiveness per team. */
export function buildTimeRecordingNormsSheet(input: TimeRecordingPlanInput, analysis: Analysis): SheetPlan {
  const { options } = input;
  const T = tx(input);
  const lang = input.lang ?? 'nl';
  const norms = options.norms ?? {};
  const casesOverride = options.cases ?? {};
  const productNames = analysis.products.map((p) => p.product);
  const productCrit = (p: string): [string, string] => [H.product, exactCriterion(p === NO_PRODUCT ? '' : p)];
  const normRows: CellValue[][] = productNames.map((p) => [
    p,
    `=${sumHours(H.hours, productCrit(p), [H.kind, '"direct"'])}`,
    casesOverride[p] !== undefined
      ? casesOverride[p]
      : `=${sumHours(H.cases, productCrit(p), [H.kind, '"direct"'])}`,
    norms[p] ?? null,
    '=IF(N([@Zaken])>0,[@[Directe uren]]*60/[@Zaken],"")',
    '=IF(AND(N([@Zaken])>0,N([@[Normtijd (min)]])>0),IND.NORMVARIANCE([@[Directe uren]],[@Zaken],[@[Normtijd (min)]]),"")',
    '=[@[Gerealiseerd (min per zaak)]]',
    `=IF([@Afwijking]="",IF(N([@[Normtijd (min)]])=0,${textLiteral(T('geen norm', 'no norm'))},${textLiteral(T('geen zaken', 'no cases'))}),IF(ABS([@Afwijking])>${TS_NAMES.threshold},${textLiteral(T('afwijking boven drempel', 'deviation above threshold'))},""))`,
  ]);
  const normsTable: TablePlan = {
    name: TS_TABLES.norms,
    at: 'A4',
    headers: [
      'Product',
      'Directe uren',
      'Zaken',
      'Normtijd (min)',
      'Gerealiseerd (min per zaak)',
      'Afwijking',
      'Impliciete norm (min)',
      'Signaal',
    ],
    rows: normRows,
    columnFormats: [null, HOURS, INT, NF.count, NF.fte, PCT, NF.fte, null],
    // Norm times are inputs: fill them in or change them (the bundled norms are illustrative).
    inputColumns: ['Normtijd (min)'],
  };
  // Team × product rows with a norm, contiguous per team, so IND.EFFECTIVENESS gets plain ranges.
  const TP0 = 4 + normRows.length + 4; // header row
  const tpRows: CellValue[][] = [];
  const teamRanges: { team: string; from: number; to: number }[] = [];
  const withNorm = productNames.filter((p) => norms[p] !== undefined && norms[p] > 0);
  for (const team of analysis.effectiveness.filter((e) => e.value !== undefined).map((e) => e.team)) {
    const from = TP0 + 1 + tpRows.length;
    for (const p of withNorm) {
      tpRows.push([
        team,
        p,
        `=${sumHours(H.cases, [H.team, '[@Team]'], productCrit(p), [H.kind, '"direct"'])}`,
        `=INDEX(${TS_TABLES.norms}[[Normtijd (min)]],MATCH([@Product],${TS_TABLES.norms}[Product],0))`,
        `=${sumHours(H.hours, [H.team, '[@Team]'], productCrit(p), [H.kind, '"direct"'])}`,
      ]);
    }
    teamRanges.push({ team, from, to: TP0 + tpRows.length });
  }
  const tpTable: TablePlan = {
    name: TS_TABLES.teamProduct,
    at: `A${TP0}`,
    headers: ['Team', 'Product', 'Zaken', 'Normtijd (min)', 'Directe uren'],
    rows:
      tpRows.length > 0
        ? tpRows
        : [[T('(geen producten met norm)', '(no products with a norm)'), null, null, null, null]],
    columnFormats: [null, null, INT, NF.count, HOURS],
  };
  const E0 = TP0 + Math.max(1, tpRows.length) + 3; // header of the effectiveness table
  // E1 on normed hours and E2 on all direct hours side by side, with the hours without a norm (E3).
  const effRows: CellValue[][] = analysis.effectiveness.map((e) => {
    const r = teamRanges.find((x) => x.team === e.team);
    const rng = (c: string): string => (r ? `${c}${r.from}:${c}${r.to}` : '');
    return [
      e.team,
      r ? `=IND.EFFECTIVENESS(${rng('C')},${rng('D')},${rng('E')})` : '',
      '=IF([@[Directe uren]]=0,"",[@[Verdiende normuren]]/[@[Directe uren]])',
      r ? `=SUMPRODUCT(${rng('C')},${rng('D')})/60` : 0,
      r ? `=SUM(${rng('E')})` : 0,
      '=[@[Directe uren]]-[@[Uren met norm]]',
      `=${sumHours(H.hours, [H.team, '[@Team]'], [H.kind, '"direct"'])}`,
      `=IF(N([@Effectiviteit])=0,"–",${checkFormula('[@Effectiviteit]*[@[Uren met norm]]-[@[Verdiende normuren]]', FTE_TOLERANCE)})`,
    ];
  });
  const effTable: TablePlan = {
    name: TS_TABLES.effectiveness,
    at: `A${E0}`,
    headers: [
      'Team',
      'Effectiviteit',
      'Effectiviteit alle directe uren',
      'Verdiende normuren',
      'Uren met norm',
      'Uren zonder norm',
      'Directe uren',
      'Controle',
    ],
    rows: effRows.length > 0 ? effRows : [[T('(geen)', '(none)'), null, null, null, null, null, null, null]],
    columnFormats: [null, NF.twoDecimals, NF.twoDecimals, HOURS, HOURS, HOURS, HOURS, CHECK_FORMAT],
  };
  // The spread as a distribution: counts per band and quartiles, no ranking of names.
  const D0 = E0 + Math.max(1, effRows.length) + 3;
  const effCol = `${TS_TABLES.effectiveness}[Effectiviteit]`;
  const edges = [0.8, 0.9, 1.0, 1.1, 1.2];
  const binRows: CellValue[][] = [[T('Band', 'Band'), T('Aantal teams', 'Number of teams')]];
  for (let i = 0; i <= edges.length; i++) {
    const from = i === 0 ? null : edges[i - 1];
    const to = i === edges.length ? null : edges[i];
    const label = from === null ? `< ${to}` : to === null ? `≥ ${from}` : `${from} – ${to}`;
    const crit = [from !== null ? `${effCol},">="&${from}` : null, to !== null ? `${effCol},"<"&${to}` : null]
      .filter(Boolean)
      .join(',');
    binRows.push([label, `=COUNTIFS(${crit})`]);
  }
  const statsRows: CellValue[][] = [
    [T('Aantal teams', 'Number of teams'), `=COUNT(${effCol})`],
    // Blank rather than #NUM! when no team has a norm-covered product yet.
    [T('Minimum', 'Minimum'), `=IF(COUNT(${effCol})=0,"",MIN(${effCol}))`],
    [T('Eerste kwartiel', 'First quartile'), `=IF(COUNT(${effCol})=0,"",QUARTILE.INC(${effCol},1))`],
    [T('Mediaan', 'Median'), `=IF(COUNT(${effCol})=0,"",MEDIAN(${effCol}))`],
    [T('Derde kwartiel', 'Third quartile'), `=IF(COUNT(${effCol})=0,"",QUARTILE.INC(${effCol},3))`],
    [T('Maximum', 'Maximum'), `=IF(COUNT(${effCol})=0,"",MAX(${effCol}))`],
  ];
  const normsLegendTop = D0 + Math.max(binRows.length, statsRows.length) + 2;
  const normsSheet: SheetPlan = {
    name: TS_SHEETS.norms,
    blocks: [
      {
        at: 'A1',
        cells: [
          [
            T(
              'Normtijd tegen tijdschrijven per product, en effectiviteit per team',
              'Norm time against recorded time per product, and effectiveness per team',
            ),
          ],
        ],
        style: 'title',
      },
      {
        at: 'A2',
        cells: [
          [
            T(
              'Afwijking = IND.NORMVARIANCE(directe uren; zaken; normtijd) = gerealiseerde minuten per zaak / norm − 1. Normtijden zijn invoer: vul ze in of pas ze aan (meegeleverde normen zijn fictief).',
              'Afwijking (deviation) = IND.NORMVARIANCE(direct hours, cases, norm time) = realised minutes per case / norm − 1. Norm times are inputs: fill them in or change them (the bundled norms are fictitious).',
            ),
          ],
        ],
        style: 'note',
      },
      {
        at: `A${TP0 - 1}`,
        cells: [
          [
            T(
              `Effectiviteit per team, twee grondslagen naast elkaar (tabel ${TS_TABLES.effectiveness}): kolom Effectiviteit = ${figureLabel('effectivenessNormed', 'nl')}, IND.EFFECTIVENESS over de producten met een norm; kolom Effectiviteit alle directe uren = ${figureLabel('effectivenessAllDirect', 'nl')}; kolom Uren zonder norm = ${figureLabel('directHoursWithoutNorm', 'nl')} (totaal ${formatHours(analysis.hoursWithoutNorm)} uur). De spreiding hieronder is die van E1.`,
              `Effectiveness per team, two bases side by side (table ${TS_TABLES.effectiveness}): column Effectiviteit = ${figureLabel('effectivenessNormed', 'en')}, IND.EFFECTIVENESS over the products with a norm; column Effectiviteit alle directe uren = ${figureLabel('effectivenessAllDirect', 'en')}; column Uren zonder norm = ${figureLabel('directHoursWithoutNorm', 'en')} (total ${formatHours(analysis.hoursWithoutNorm)} hours). The spread below is that of E1.`,
            ),
          ],
        ],
        style: 'note',
      },
      {
        at: `A${D0 - 1}`,
        cells: [
          [
            T(
              'Spreiding van de effectiviteit over teams (verdeling, geen ranglijst)',
              'Spread of effectiveness over teams (a distribution, not a ranking)',
            ),
          ],
        ],
        style: 'header',
      },
      { at: `A${D0}`, cells: binRows, style: 'output' },
      {
        at: `D${D0}`,
        cells: statsRows,
        numberFormat: statsRows.map((_, i) => [NF.text, i === 0 ? INT : NF.twoDecimals]),
        style: 'output',
      },
      ...legendBlocks(normsLegendTop, NORMS_FIGURES, lang),
    ],
    tables: [normsTable, tpTable, effTable],
    charts: [
      {
        type: 'ColumnClustered',
        title: T('Teams per effectiviteitsband', 'Teams per effectiveness band'),
        source: `A${D0}:B${D0 + edges.length + 1}`,
        seriesBy: 'Columns',
        at: `G${D0}`,
        to: `M${D0 + 14}`,
      },
    ],
    columnWidths: { A: 150, B: 90, C: 80, D: 100, E: 120, F: 80, G: 110, H: 160 },
  };
  return normsSheet;
}

/** Sheet 4, `Tijdschrijven Controles`: reconciliation of totals, person-weeks, missing periods, rejected rows. */
export function buildTimeRecordingChecksSheet(input: TimeRecordingPlanInput, analysis: Analysis): SheetPlan {
  const { result } = input;
  const T = tx(input);
  const lang = input.lang ?? 'nl';
  const r = result;
  const recon: CellValue[][] = [
    [
      T(
        'Geïmporteerd totaal (alle leesbare uren in het bestand, absolute waarde)',
        'Imported total (all readable hours in the file, absolute value)',
      ),
      r.hoursRead,
    ],
    [T('Gecategoriseerd: direct', 'Categorised: direct'), `=${sumHours(H.hours, [H.kind, '"direct"'])}`],
    [
      T('Gecategoriseerd: indirect', 'Categorised: indirect'),
      `=${sumHours(H.hours, [H.kind, '"indirect"'])}`,
    ],
    [T('Gecategoriseerd: afwezig', 'Categorised: absent'), `=${sumHours(H.hours, [H.kind, '"afwezig"'])}`],
    [
      T(
        'Uren op afgekeurde regels (absolute waarde: een negatieve regel telt als afgekeurde uren)',
        'Hours on rejected rows (absolute value: a negative row counts as rejected hours)',
      ),
      r.hoursRejected,
    ],
    [T('Verschil (moet 0 zijn)', 'Difference (must be 0)'), '=B5-B6-B7-B8-B9'],
    [
      T(
        'Controle: sluit aan (bij een verschil: zie afgekeurde regels en categorieën)',
        'Check: reconciles (on a difference: see rejected rows and categories)',
      ),
      `=${checkFormula('B10', FTE_TOLERANCE)}`,
    ],
    [T('Regels gelezen', 'Rows read'), r.rowsRead],
    [T('Regels ingelezen', 'Rows imported'), `=SUM(${TS_TABLES.hours}[${H.rows}])`],
    [T('Regels afgekeurd', 'Rows rejected'), r.rowsRejected],
    [T('   waarvan zonder leesbare uren', '   of which without readable hours'), r.rejectedWithoutHours],
    [T('Regels: gelezen − ingelezen − afgekeurd', 'Rows: read − imported − rejected'), '=B12-B13-B14'],
  ];
  const C_PW = 4 + recon.length + 3;
  const showPersons = input.showPersons === true;
  const pwHeaders = showPersons ? ['Medewerker', 'Team', 'Week', 'Uren'] : ['Team', 'Week', 'Uren'];
  const pwRows: CellValue[][] = r.personWeekFlags.map((f) =>
    showPersons ? [f.person, f.team, f.week, f.hours] : [f.team, f.week, f.hours],
  );
  const pwNote = !r.personCheckRan
    ? T(
        'Persoonsweken: niet gecontroleerd (geen kolom medewerker gekoppeld).',
        'Person-weeks: not checked (no employee column mapped).',
      )
    : T(
        `Persoonsweken boven ${r.personWeekLimit} uur: ${r.personWeekFlagCount} van ${r.personWeekCount}${r.personWeekFlagCount > r.personWeekFlags.length ? ` (eerste ${r.personWeekFlags.length} getoond)` : ''}. ${showPersons ? 'Medewerkers zichtbaar op uitdrukkelijk verzoek; deel deze lijst niet breder dan nodig (afrekencultuur).' : 'Zonder namen: medewerkers vrezen een afrekencultuur. Tonen kan alleen op uitdrukkelijk verzoek in het taakvenster.'}`,
        `Person-weeks above ${r.personWeekLimit} hours: ${r.personWeekFlagCount} of ${r.personWeekCount}${r.personWeekFlagCount > r.personWeekFlags.length ? ` (first ${r.personWeekFlags.length} shown)` : ''}. ${showPersons ? 'Employees shown on explicit request; do not share this list more widely than needed (blame culture).' : 'Without names: staff fear a blame culture. Showing them is only possible on explicit request in the task pane.'}`,
      );
  const pwTable: TablePlan = {
    name: TS_TABLES.personWeeks,
    at: `A${C_PW + 1}`,
    headers: pwHeaders,
    rows: pwRows.length > 0 ? pwRows : [pwHeaders.map((_, i) => (i === 0 ? T('(geen)', '(none)') : null))],
    columnFormats: pwHeaders.map((h) => (h === 'Uren' ? HOURS : null)),
  };
  const C_MISS = C_PW + 1 + Math.max(1, pwRows.length) + 3;
  const missRows: CellValue[][] = analysis.missingTeamPeriods.map((m) => [m.team, m.period]);
  const missTable: TablePlan = {
    name: TS_TABLES.missing,
    at: `A${C_MISS + 1}`,
    headers: ['Team', 'Periode zonder registraties'],
    rows: missRows.length > 0 ? missRows : [[T('(geen)', '(none)'), null]],
  };
  const C_REJ = C_MISS + 1 + Math.max(1, missRows.length) + 3;
  const rejRows: CellValue[][] = r.issues.map((i) => [
    i.row,
    i.code,
    i.hours ?? null,
    formatError(i.code, i.details, lang),
  ]);
  const rejTable: TablePlan = {
    name: TS_TABLES.rejected,
    at: `A${C_REJ + 1}`,
    headers: ['Rij', 'Code', 'Uren', 'Reden'],
    rows: rejRows.length > 0 ? rejRows : [[T('(geen)', '(none)'), null, null, null]],
    columnFormats: [INT, null, HOURS, null],
  };
  const checksSheet: SheetPlan = {
    name: TS_SHEETS.checks,
    blocks: [
      {
        at: 'A1',
        cells: [
          [
            T(
              'Controles: aansluiting van totalen, persoonsweken, perioden zonder registraties, afgekeurde regels',
              'Checks: reconciliation of totals, person-weeks, periods without records, rejected rows',
            ),
          ],
        ],
        style: 'title',
      },
      {
        at: 'A3',
        cells: [[T('Aansluiting', 'Reconciliation'), T('Uren / regels', 'Hours / rows')]],
        style: 'header',
      },
      {
        at: 'A4',
        cells: [[T('Bron', 'Source'), input.sourceName], ...recon],
        numberFormat: [
          [NF.text, NF.text],
          ...recon.map((_, i) => [NF.text, i === 6 ? CHECK_FORMAT : i >= 7 ? INT : HOURS]),
        ],
        style: 'check',
      },
      { at: `A${C_PW}`, cells: [[pwNote]], style: 'note' },
      {
        at: `A${C_MISS}`,
        cells: [
          [
            T(
              `Teams zonder registraties in een periode: ${missRows.length}.`,
              `Teams without records in a period: ${missRows.length}.`,
            ),
          ],
        ],
        style: 'note',
      },
      {
        at: `A${C_REJ}`,
        cells: [
          [
            T(
              `Afgekeurde regels: ${r.rowsRejected}${r.rowsRejected > r.issues.length ? ` (eerste ${r.issues.length} getoond)` : ''}. Ze tellen mee in de aansluiting hierboven.`,
              `Rejected rows: ${r.rowsRejected}${r.rowsRejected > r.issues.length ? ` (first ${r.issues.length} shown)` : ''}. They count in the reconciliation above.`,
            ),
          ],
        ],
        style: 'note',
      },
    ],
    tables: [pwTable, missTable, rejTable],
    columnWidths: { A: 300, B: 110, C: 90, D: 420 },
  };
  return checksSheet;
}

/**
 * Builds the plan: the four sheets, each by its own function.
 * @throws CalcError from `analyse` (`trUnknownCategory`, `trNoValidRows`, `ratioAsPercent`, …).
 */
function buildTimeRecordingPlanSheets(input: TimeRecordingPlanInput): TimeRecordingPlan {
  const analysis = analyse(input.result, input.options);
  const { sheet: analysisSheet, names } = buildTimeRecordingAnalysisSheet(input, analysis);
  return {
    plan: {
      action: tx(input)('Tijdschrijven-analyse schrijven', 'Write time-recording analysis'),
      sheets: [
        buildTimeRecordingHoursSheet(input),
        analysisSheet,
        buildTimeRecordingNormsSheet(input, analysis),
        buildTimeRecordingChecksSheet(input, analysis),
      ],
      names,
    },
    analysis,
  };
}

/** Column letters of the bridge table, exported for tests that locate cells. */
export const BRIDGE_COLUMNS = {
  step: 'A',
  model: 'B',
  measured: 'C',
  effect: 'D',
  cumulative: 'E',
  share: 'F',
  fte: 'G',
} as const;

/** The plan of {@link buildTimeRecordingPlanSheets}, with the style legend on every sheet (styleLegend.ts). */
export function buildTimeRecordingPlan(
  ...args: Parameters<typeof buildTimeRecordingPlanSheets>
): ReturnType<typeof buildTimeRecordingPlanSheets> {
  return withLegend(buildTimeRecordingPlanSheets(...args), args[0].lang ?? 'nl');
}
