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
        cells: [['Tijdschrijven: geaggregeerde uren (team × periode × product × categorie)']],
        style: 'title',
      },
      {
        at: 'A2',
        cells: [
          [
            `Bron: ${input.sourceName} (${result.rowsRead} regels gelezen, ${result.rowsAccepted} ingelezen, ${result.rowsRejected} afgekeurd; ${result.source === 'csv' ? `codering ${result.encoding}${result.bom ? ' met BOM' : ''}, scheidingsteken ${result.delimiter === '\t' ? 'tab' : result.delimiter}` : result.source}). Geen gegevens per persoon. Wijzig een klasse in ${TS_TABLES.categories}: alle uitkomsten rekenen mee.`,
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
  const names: NamePlan[] = [];
  const an = TS_SHEETS.analysis;
  const params: [string, string, CellValue, string | null, string][] = [
    [
      TS_NAMES.modelRatio,
      'Directe uren in het model',
      options.modelRatio ?? 0.7473,
      PCT2,
      'Begroting 2021: 74,73% directe uren',
    ],
    [
      TS_NAMES.modelBasis,
      'Basis van de modelratio (bruto/netto/onbekend)',
      modelBasisLabel(options.modelBasis),
      null,
      'Het onderzoek noemt de basis niet',
    ],
    [
      TS_NAMES.workload,
      'Werklast (uren per periode)',
      options.workloadHours ?? 83000,
      INT,
      'Onderzoek: gemiddeld 83.000 uur per 4 weken',
    ],
    [TS_NAMES.weeks, 'Weken per periode', options.weeks ?? 4, INT, '13 perioden van 4 weken'],
    [TS_NAMES.hoursPerFte, 'Uren per fte per week', options.hoursPerFte ?? 36, INT, '1 fte = 36 uur'],
    [
      TS_NAMES.extraFte,
      'Extra fte (verloopopslag)',
      analysis.bridge.extraFte,
      NF.fte,
      `${REVIEW_EXTRA_FTE.source}; 0 = zonder verloopopslag`,
    ],
    [
      TS_NAMES.hotNorm,
      HOT_NORM_ABSENCE.labelNl,
      analysis.bridge.absence.hotNorm,
      PCT,
      HOT_NORM_ABSENCE.source,
    ],
    [
      TS_NAMES.threshold,
      'Drempel normafwijking',
      options.normThreshold ?? 0.15,
      PCT,
      'Signaal bij |afwijking| boven deze drempel',
    ],
    [
      TS_NAMES.hourlyCost,
      'Kosten per betaald uur (euro)',
      options.hourlyCost ?? null,
      NF.amountCents,
      'Vul in voor onbenutte capaciteit in euro',
    ],
  ];
  const P0 = 4; // first parameter row
  const paramBlock: CellBlock = {
    at: `A${P0}`,
    cells: params.map(([, label, value, , source]) => [label, value, source]),
    numberFormat: params.map(([, , , fmt]) => [NF.text, fmt ?? NF.general, NF.text]),
    style: 'input',
  };
  params.forEach(([name], i) => names.push({ name, ref: absoluteRef(an, P0 + i, 2), comment: params[i][1] }));

  // Totals block, named, referenced by the ratio and bridge formulas.
  const T0 = P0 + params.length + 1;
  const totalsBlock: CellBlock = {
    at: `A${T0}`,
    cells: [
      ['Alle geregistreerde uren (ingelezen)', `=${sumHours(H.hours)}`, 'Som van TS_Uren'],
      [
        'Directe uren % bruto (gemeten)',
        `=IF(${TS_NAMES.totalHours}=0,NA(),${sumHours(H.hours, [H.kind, '"direct"'])}/${TS_NAMES.totalHours})`,
        'basis: bruto = direct / alle uren',
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
      team ?? 'Alle teams',
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
        'Directe-urenratio per team. Bruto = direct / alle uren; netto = direct / (alle uren − verlof, bijzonder verlof en verzuim). Vergelijk alleen ratio’s met dezelfde basis.',
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
    ['Model: directe uren', `=${TS_NAMES.modelRatio}`, null, null, `=B${first}`, null, null, 'start'],
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
      `=IF(ISNUMBER(B${row}),"tegen modelaandeel","niet in het model")`,
    ]);
  });
  bridgeRows.push([
    `${figureLabel('absenceAboveNorm', 'nl')} (gemeten volledig [B3] − HOT-norm)`,
    `=${TS_NAMES.hotNorm}`,
    `=${classShare(ABSENCE_CATEGORIES.map((c) => CLASS_LABEL[c]))}`,
    `=C${absenceRow}-B${absenceRow}`,
    cumulative(absenceRow),
    shareCell(absenceRow),
    fteCell(absenceRow),
    'HOT-norm',
  ]);
  bridgeRows.push([
    'Model: niet-directe tijd niet uitgesplitst (1 − modelratio − modelaandelen − HOT-norm)',
    `=1-${TS_NAMES.modelRatio}-SUM(B${first + 1}:B${absenceRow})`,
    null,
    `=-B${unsplitRow}`,
    cumulative(unsplitRow),
    shareCell(unsplitRow),
    fteCell(unsplitRow),
    'model',
  ]);
  bridgeRows.push([
    'Overig / onverklaard',
    null,
    null,
    `=${gap}-SUM(D${first + 1}:D${unsplitRow})`,
    cumulative(remainderRow),
    shareCell(remainderRow),
    fteCell(remainderRow),
    'restpost',
  ]);
  bridgeRows.push([
    'Gemeten: directe uren (bruto)',
    null,
    `=${TS_NAMES.grossMeasured}`,
    null,
    `=C${endRow}`,
    null,
    null,
    'eind',
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
        `Brug van de modelratio naar de gemeten bruto ratio. Effect = ${figureLabel('bridgeStep', 'nl')}: gemeten aandeel − modelaandeel, positief = meer niet-directe tijd dan het model begroot; Fte-kosten = ${figureLabel('bridgeStepFte', 'nl')}. Elke indirecte categorie staat tegen haar eigen modelaandeel, of "niet in het model" (leeg model-aandeel; vul er een in om haar mee te nemen). Afwezigheid staat tegen de HOT-norm; "niet uitgesplitst" is de niet-directe modeltijd die het model niet per categorie noemt; "overig / onverklaard" is 0 zolang elk uur in een categorie valt.`,
      ],
      [
        `=IF(${TS_NAMES.modelBasis}="bruto","Basis: model en meting beide bruto.","LET OP: de basis van de modelratio is "&${TS_NAMES.modelBasis}&", de meting is bruto. Deze vergelijking gaat over bases heen.")`,
      ],
      [
        // FIXED, not TEXT(x,"0.00%"): TEXT's format code is read in the user's locale (a Dutch
        // Excel takes "." as the thousands sign), FIXED's decimals are a number.
        `=IF(B${unsplitRow}<0,"LET OP: modelaandelen + HOT-norm zijn samen meer dan 1 − modelratio ("&FIXED(-B${unsplitRow}*100,2)&"% te veel): de modelratio is waarschijnlijk geen aandeel van de bruto uren.","")`,
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
        'Controle: brug sluit (cumulatief = gemeten)',
        `=${checkFormula(`E${remainderRow}-C${endRow}`, POINTS_TOLERANCE)}`,
        null,
      ],
      [
        'Controle: restpost = 0 (elk uur valt in een categorie)',
        `=${checkFormula(`D${remainderRow}`, POINTS_TOLERANCE)}`,
        'Een klasse in TS_Categorieen die geen categorie is, laat uren buiten de brug',
      ],
      [
        `Controle: Σ ${figureLabel('bridgeStepFte', 'nl')} = S3`,
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
        figureLabel('fteGapInclAllowance', 'nl'),
        `=${fteGap(TS_NAMES.extraFte)}`,
        `IND.FTE bij de gemeten en bij de modelratio, met ${TS_NAMES.extraFte} fte verloopopslag`,
      ],
      [
        figureLabel('fteGapExclAllowance', 'nl'),
        `=${fteGap('0')}`,
        'IND.FTE bij de gemeten en bij de modelratio, zonder verloopopslag',
      ],
      [`${figureLabel('fteNeeded', 'nl')} bij de modelratio`, `=${fteAt(TS_NAMES.modelRatio)}`, null],
      [`${figureLabel('fteNeeded', 'nl')} bij de gemeten ratio`, `=${fteAt(TS_NAMES.grossMeasured)}`, null],
    ],
    numberFormat: [0, 1, 2, 3].map(() => [NF.text, FTE, NF.text]),
    style: 'output',
  };
  names.push({ name: TS_NAMES.fteGapIncl, ref: absoluteRef(an, fteTop, 2) });
  names.push({ name: TS_NAMES.fteGapExcl, ref: absoluteRef(an, fteTop + 1, 2) });

  // Absence in full and against the HOT norm, per category (B3, B4).
  const A0 = fteTop + 6;
  const absRows: CellValue[][] = ABSENCE_CATEGORIES.map((c) => [
    `Afwezigheid: ${CLASS_LABEL[c]}`,
    `=${classShare([CLASS_LABEL[c]])}`,
  ]);
  const absTotal = A0 + 1 + absRows.length;
  const absenceBlock: CellBlock[] = [
    {
      at: `A${A0}`,
      cells: [['Afwezigheid volledig en boven de HOT-norm (aandeel van alle betaalde uren)', null]],
      style: 'header',
    },
    {
      at: `A${A0 + 1}`,
      cells: [
        ...absRows,
        [figureLabel('absenceMeasured', 'nl'), `=SUM(B${A0 + 1}:B${A0 + absRows.length})`],
        ['HOT-norm (aanname)', `=${TS_NAMES.hotNorm}`],
        [figureLabel('absenceAboveNorm', 'nl'), `=B${absTotal}-B${absTotal + 1}`],
      ],
      numberFormat: [...absRows.map(() => [NF.text, PCT]), [NF.text, PCT], [NF.text, PCT], [NF.text, PCT]],
      style: 'output',
    },
    {
      at: `A${absTotal + 3}`,
      cells: [
        [
          'Controle: B4 in de brug = B3 − HOT-norm',
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
      ['Stap', 'Effect op de ratio'],
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
    title: 'Brug directe uren: model → gemeten (bruto)',
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
          `${figureLabel('unusedCapacityHours', 'nl')}: kolom Onbenut. ${figureLabel('notInModelHours', 'nl')}: kolom Niet in het model, een eigen regel en geen onbenutte capaciteit. Niet verstopt in de kostprijs.`,
        ],
      ],
      style: 'note',
    },
    {
      at: `A${unusedEnd + 1}`,
      cells: [
        [figureLabel('unusedCapacityHours', 'nl'), `=SUM(${TS_TABLES.unused}[Onbenut])`],
        [
          figureLabel('unusedCapacityEuro', 'nl'),
          `=IF(ISNUMBER(${TS_NAMES.hourlyCost}),${TS_NAMES.hourlyCost}*B${unusedEnd + 1},"vul kosten per uur in")`,
        ],
        [figureLabel('notInModelHours', 'nl'), `=SUM(${TS_TABLES.unused}[Niet in het model])`],
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
          'Controle: indirecte uren = binnen modelaandeel + onbenut [T1] + niet in het model [T3]',
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
        cells: [['Tijdschrijven: directe-urenratio en de brug van 74,73% naar gemeten']],
        style: 'title',
      },
      { at: `A${P0 - 1}`, cells: [['Parameters (invoer)', null, 'Bron / toelichting']], style: 'header' },
      paramBlock,
      totalsBlock,
      ratioNote,
      bridgeNote,
      bridgeChecks,
      fteBlock,
      ...absenceBlock,
      chartData,
      ...unusedBlock,
      ...legendBlocks(unusedEnd + 7, ANALYSIS_FIGURES, 'nl'),
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
    `=IF([@Afwijking]="",IF(N([@[Normtijd (min)]])=0,"geen norm","geen zaken"),IF(ABS([@Afwijking])>${TS_NAMES.threshold},"afwijking boven drempel",""))`,
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
    rows: tpRows.length > 0 ? tpRows : [['(geen producten met norm)', null, null, null, null]],
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
    rows: effRows.length > 0 ? effRows : [['(geen)', null, null, null, null, null, null, null]],
    columnFormats: [null, NF.twoDecimals, NF.twoDecimals, HOURS, HOURS, HOURS, HOURS, CHECK_FORMAT],
  };
  // The spread as a distribution: counts per band and quartiles, no ranking of names.
  const D0 = E0 + Math.max(1, effRows.length) + 3;
  const effCol = `${TS_TABLES.effectiveness}[Effectiviteit]`;
  const edges = [0.8, 0.9, 1.0, 1.1, 1.2];
  const binRows: CellValue[][] = [['Band', 'Aantal teams']];
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
    ['Aantal teams', `=COUNT(${effCol})`],
    // Blank rather than #NUM! when no team has a norm-covered product yet.
    ['Minimum', `=IF(COUNT(${effCol})=0,"",MIN(${effCol}))`],
    ['Eerste kwartiel', `=IF(COUNT(${effCol})=0,"",QUARTILE.INC(${effCol},1))`],
    ['Mediaan', `=IF(COUNT(${effCol})=0,"",MEDIAN(${effCol}))`],
    ['Derde kwartiel', `=IF(COUNT(${effCol})=0,"",QUARTILE.INC(${effCol},3))`],
    ['Maximum', `=IF(COUNT(${effCol})=0,"",MAX(${effCol}))`],
  ];
  const normsLegendTop = D0 + Math.max(binRows.length, statsRows.length) + 2;
  const normsSheet: SheetPlan = {
    name: TS_SHEETS.norms,
    blocks: [
      {
        at: 'A1',
        cells: [['Normtijd tegen tijdschrijven per product, en effectiviteit per team']],
        style: 'title',
      },
      {
        at: 'A2',
        cells: [
          [
            'Afwijking = IND.NORMVARIANCE(directe uren; zaken; normtijd) = gerealiseerde minuten per zaak / norm − 1. Normtijden zijn invoer: vul ze in of pas ze aan (meegeleverde normen zijn fictief).',
          ],
        ],
        style: 'note',
      },
      {
        at: `A${TP0 - 1}`,
        cells: [
          [
            `Effectiviteit per team, twee grondslagen naast elkaar (tabel ${TS_TABLES.effectiveness}): kolom Effectiviteit = ${figureLabel('effectivenessNormed', 'nl')}, IND.EFFECTIVENESS over de producten met een norm; kolom Effectiviteit alle directe uren = ${figureLabel('effectivenessAllDirect', 'nl')}; kolom Uren zonder norm = ${figureLabel('directHoursWithoutNorm', 'nl')} (totaal ${formatHours(analysis.hoursWithoutNorm)} uur). De spreiding hieronder is die van E1.`,
          ],
        ],
        style: 'note',
      },
      {
        at: `A${D0 - 1}`,
        cells: [['Spreiding van de effectiviteit over teams (verdeling, geen ranglijst)']],
        style: 'header',
      },
      { at: `A${D0}`, cells: binRows, style: 'output' },
      {
        at: `D${D0}`,
        cells: statsRows,
        numberFormat: statsRows.map((_, i) => [NF.text, i === 0 ? INT : NF.twoDecimals]),
        style: 'output',
      },
      ...legendBlocks(normsLegendTop, NORMS_FIGURES, 'nl'),
    ],
    tables: [normsTable, tpTable, effTable],
    charts: [
      {
        type: 'ColumnClustered',
        title: 'Teams per effectiviteitsband',
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
  const r = result;
  const recon: CellValue[][] = [
    ['Geïmporteerd totaal (alle leesbare uren in het bestand, absolute waarde)', r.hoursRead],
    ['Gecategoriseerd: direct', `=${sumHours(H.hours, [H.kind, '"direct"'])}`],
    ['Gecategoriseerd: indirect', `=${sumHours(H.hours, [H.kind, '"indirect"'])}`],
    ['Gecategoriseerd: afwezig', `=${sumHours(H.hours, [H.kind, '"afwezig"'])}`],
    [
      'Uren op afgekeurde regels (absolute waarde: een negatieve regel telt als afgekeurde uren)',
      r.hoursRejected,
    ],
    ['Verschil (moet 0 zijn)', '=B5-B6-B7-B8-B9'],
    [
      'Controle: sluit aan (bij een verschil: zie afgekeurde regels en categorieën)',
      `=${checkFormula('B10', FTE_TOLERANCE)}`,
    ],
    ['Regels gelezen', r.rowsRead],
    ['Regels ingelezen', `=SUM(${TS_TABLES.hours}[${H.rows}])`],
    ['Regels afgekeurd', r.rowsRejected],
    ['   waarvan zonder leesbare uren', r.rejectedWithoutHours],
    ['Regels: gelezen − ingelezen − afgekeurd', '=B12-B13-B14'],
  ];
  const C_PW = 4 + recon.length + 3;
  const showPersons = input.showPersons === true;
  const pwHeaders = showPersons ? ['Medewerker', 'Team', 'Week', 'Uren'] : ['Team', 'Week', 'Uren'];
  const pwRows: CellValue[][] = r.personWeekFlags.map((f) =>
    showPersons ? [f.person, f.team, f.week, f.hours] : [f.team, f.week, f.hours],
  );
  const pwNote = !r.personCheckRan
    ? 'Persoonsweken: niet gecontroleerd (geen kolom medewerker gekoppeld).'
    : `Persoonsweken boven ${r.personWeekLimit} uur: ${r.personWeekFlagCount} van ${r.personWeekCount}${r.personWeekFlagCount > r.personWeekFlags.length ? ` (eerste ${r.personWeekFlags.length} getoond)` : ''}. ${showPersons ? 'Medewerkers zichtbaar op uitdrukkelijk verzoek; deel deze lijst niet breder dan nodig (afrekencultuur).' : 'Zonder namen: medewerkers vrezen een afrekencultuur. Tonen kan alleen op uitdrukkelijk verzoek in het taakvenster.'}`;
  const pwTable: TablePlan = {
    name: TS_TABLES.personWeeks,
    at: `A${C_PW + 1}`,
    headers: pwHeaders,
    rows: pwRows.length > 0 ? pwRows : [pwHeaders.map((_, i) => (i === 0 ? '(geen)' : null))],
    columnFormats: pwHeaders.map((h) => (h === 'Uren' ? HOURS : null)),
  };
  const C_MISS = C_PW + 1 + Math.max(1, pwRows.length) + 3;
  const missRows: CellValue[][] = analysis.missingTeamPeriods.map((m) => [m.team, m.period]);
  const missTable: TablePlan = {
    name: TS_TABLES.missing,
    at: `A${C_MISS + 1}`,
    headers: ['Team', 'Periode zonder registraties'],
    rows: missRows.length > 0 ? missRows : [['(geen)', null]],
  };
  const C_REJ = C_MISS + 1 + Math.max(1, missRows.length) + 3;
  const rejRows: CellValue[][] = r.issues.map((i) => [
    i.row,
    i.code,
    i.hours ?? null,
    formatError(i.code, i.details, 'nl'),
  ]);
  const rejTable: TablePlan = {
    name: TS_TABLES.rejected,
    at: `A${C_REJ + 1}`,
    headers: ['Rij', 'Code', 'Uren', 'Reden'],
    rows: rejRows.length > 0 ? rejRows : [['(geen)', null, null, null]],
    columnFormats: [INT, null, HOURS, null],
  };
  const checksSheet: SheetPlan = {
    name: TS_SHEETS.checks,
    blocks: [
      {
        at: 'A1',
        cells: [
          [
            'Controles: aansluiting van totalen, persoonsweken, perioden zonder registraties, afgekeurde regels',
          ],
        ],
        style: 'title',
      },
      { at: 'A3', cells: [['Aansluiting', 'Uren / regels']], style: 'header' },
      {
        at: 'A4',
        cells: [['Bron', input.sourceName], ...recon],
        numberFormat: [
          [NF.text, NF.text],
          ...recon.map((_, i) => [NF.text, i === 6 ? CHECK_FORMAT : i >= 7 ? INT : HOURS]),
        ],
        style: 'check',
      },
      { at: `A${C_PW}`, cells: [[pwNote]], style: 'note' },
      {
        at: `A${C_MISS}`,
        cells: [[`Teams zonder registraties in een periode: ${missRows.length}.`]],
        style: 'note',
      },
      {
        at: `A${C_REJ}`,
        cells: [
          [
            `Afgekeurde regels: ${r.rowsRejected}${r.rowsRejected > r.issues.length ? ` (eerste ${r.issues.length} getoond)` : ''}. Ze tellen mee in de aansluiting hierboven.`,
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
      action: 'Tijdschrijven-analyse schrijven',
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
  return withLegend(buildTimeRecordingPlanSheets(...args), 'nl');
}
