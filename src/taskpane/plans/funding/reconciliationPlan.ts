/**
 * The write plan of the "Nacalculatie" view: per period, one sheet that keeps the budget and the
 * realisation visible as inputs and decomposes the difference with live formulas in the steps
 * of the glossary (volume V1, mix V2, productivity V4, efficiency V5, price/rate V6, the other /
 * unallocated tie-out row V8), the flexed budget in both forms (all flexed V9; by cost behaviour
 * V10, with the fixed share not flexed), check cells that turn red when an identity breaks,
 * materiality flags and a waterfall, plus the period's action table on a sheet of its own.
 *
 * The action table is a record the user fills in (cause, action, owner, due date, status). The
 * pane never overwrites it: when the period's table already exists the plan leaves it out, and a
 * new period's table starts with the open actions carried over from the previous one.
 *
 * The builder validates through the pure core first (`matchProducts`, `decomposeVariance`), so
 * bad input throws a CalcError before a plan exists and nothing is half-written.
 */
import {
  actionTableName,
  buildActionRows,
  decomposeVariance,
  matchProducts,
  periodSlug,
  selectMaterial,
  type ActionRow,
  type ActualRow,
  type BudgetRow,
  type Materiality,
  type Reconciliation,
} from '../../../core/funding';
import {
  CHECK_FORMAT,
  checkFormula,
  EURO_TOLERANCE,
  figureLabel,
  type FigureId,
} from '../../../core/figures';
import type { Lang } from '../../../core/messages/types';
import type { CellBlock, CellValue, NamePlan, SheetPlan, WritePlan } from '../../host/types';
import { a1, absoluteRef } from '../formula';
import { ACTION_TABLE_WIDTHS, actionTablePlan, linkFreshActions } from '../steering/actionTable';
import { legendBlocks } from './legend';
import { withLegend } from '../styleLegend';
import { NF } from '../formats';

/** Everything the reconciliation needs. */
export interface ReconciliationPlanInput {
  /** Period label, e.g. "2026-T1" (four-monthly) or "2026-03" (monthly). */
  period: string;
  budget: BudgetRow[];
  actual: ActualRow[];
  /** The ledger total the user entered (*grootboek*); undefined = no tie-out. */
  ledger?: number;
  materiality: Materiality;
  /** Open actions of the previous period (already read and filtered). */
  carried: ActionRow[];
  /** The previous action table they came from, for the note. */
  carriedFrom?: string;
  /** True when this period's action table exists already: it is then left alone. */
  actionTableExists: boolean;
  /** The fixed share of the cost-behaviour flexed budget (default EY's 0.13). */
  fixedShare?: number;
  lang: Lang;
}

/** What the builder returns. */
export interface ReconciliationPlanResult {
  plan: WritePlan;
  result: Reconciliation;
  /** The rows written to the action table (empty when it already existed). */
  actions: ActionRow[];
  layout: ReconciliationLayout;
}

/** The columns of the result block, by step (A is the product code). */
export const RESULT_COLUMNS = {
  budget: 'B',
  volume: 'C',
  mix: 'D',
  volumeInclMix: 'E',
  flexed: 'F',
  productivity: 'G',
  efficiency: 'H',
  price: 'I',
  actual: 'J',
  total: 'K',
  check: 'L',
  needs: 'M',
} as const;

/** The columns of the input block: budget A..G, realisation I..M, on the same rows. */
export const INPUT_COLUMNS = {
  budgetCode: 'A',
  budgetVolume: 'C',
  budgetPrice: 'D',
  normMinutes: 'E',
  budgetRatio: 'F',
  budgetHourlyCost: 'G',
  actualCode: 'I',
  actualVolume: 'J',
  actualCosts: 'K',
  directHours: 'L',
  paidHours: 'M',
} as const;

/** Cell positions, for tests and the pane's summary. */
export interface ReconciliationLayout {
  sheet: string;
  actionSheet: string;
  actionTable: string;
  firstInputRow: number;
  firstResultRow: number;
  lastResultRow: number;
  totalRow: number;
  otherRow: number;
  ledgerRow: number;
  tieOutRow: number;
  /** Check: V3 = V1 + V2. */
  volumeCheckRow: number;
  /** The flexed budget in both forms: V9, V10, V11 and their checks. */
  flexed: { all: number; costBehaviour: number; effect: number; check: number; waterfallCheck: number };
  waterfallTop: number;
  names: { ledger: string; euro: string; percent: string; fixedShare: string };
}

const EURO = NF.amountCents;

/** The glossary figure of each result column, whose code its header carries. */
const COLUMN_FIGURES: Partial<Record<keyof typeof RESULT_COLUMNS, FigureId>> = {
  volume: 'varianceVolume',
  mix: 'varianceMix',
  volumeInclMix: 'varianceVolumeInclMix',
  flexed: 'flexedBudget',
  productivity: 'varianceProductivity',
  efficiency: 'varianceEfficiency',
  price: 'variancePrice',
  total: 'varianceTotal',
};

/** The figures this sheet shows, for its legend. */
const RECON_FIGURES: FigureId[] = [
  'varianceTotal',
  'varianceVolume',
  'varianceMix',
  'varianceVolumeInclMix',
  'varianceProductivity',
  'varianceEfficiency',
  'variancePrice',
  'varianceOther',
  'flexedBudget',
  'flexedBudgetCostBehaviour',
  'fixedCostVolumeEffect',
];

const T = {
  title: { nl: 'Nacalculatie', en: 'Budget reconciliation' },
  note: {
    nl: 'Lichtblauwe cellen zijn invoer (begroting en realisatie per product); de verschillen zijn formules. Statisch budget → volume [V1] → mix [V2] → flexibel budget [V9] → productiviteit (directe-urenratio) [V4] → efficiëntie (normtijd) [V5] → prijs/tarief [V6] → werkelijk → overig [V8] → grootboek. Elke formule staat bij de definities onderaan.',
    en: 'Light blue cells are inputs (budget and realisation per product); the variances are formulas. Static budget → volume [V1] → mix [V2] → flexed budget [V9] → productivity (direct-hour ratio) [V4] → efficiency (norm time) [V5] → price/rate [V6] → actual → other [V8] → ledger. Each formula is listed with the definitions below.',
  },
  params: {
    nl: [
      'Periode',
      'Grootboektotaal (€)',
      'Materialiteit: drempel (€)',
      'Materialiteit: drempel (% van budget)',
      'Vast deel van de kosten (kostengedrag)',
    ],
    en: [
      'Period',
      'Ledger total (€)',
      'Materiality: threshold (€)',
      'Materiality: threshold (% of budget)',
      'Fixed share of the costs (cost behaviour)',
    ],
  },
  paramNotes: {
    nl: [
      '',
      'Leeg = geen aansluiting op het grootboek; tekst geeft #WAARDE! in "overig"',
      'Leeg = niet gebruiken',
      'Leeg = niet gebruiken; een van beide drempels volstaat',
      'EY 2020: 13% van de outputgefinancierde kosten is vast; voor het flexibele budget naar kostengedrag [V10]',
    ],
    en: [
      '',
      'Blank = no tie-out to the ledger; text gives #VALUE! in "other"',
      'Blank = not used',
      'Blank = not used; either threshold suffices',
      'EY 2020: 13% of output-funded costs is fixed; for the flexed budget by cost behaviour [V10]',
    ],
  },
  budget: { nl: 'Begroting', en: 'Budget' },
  actual: { nl: 'Realisatie', en: 'Realisation' },
  budgetCols: {
    nl: [
      'Product',
      'Omschrijving',
      'Volume',
      'Prijs (€)',
      'Normminuten',
      'Directe-urenratio (begroot)',
      'Uurkosten (€ per betaald uur)',
    ],
    en: [
      'Product',
      'Description',
      'Volume',
      'Price (€)',
      'Norm minutes',
      'Direct-hour ratio (budget)',
      'Hourly cost (€ per paid hour)',
    ],
  },
  actualCols: {
    nl: ['Product', 'Volume', 'Kosten (€)', 'Directe uren', 'Betaalde uren'],
    en: ['Product', 'Volume', 'Costs (€)', 'Direct hours', 'Paid hours'],
  },
  results: { nl: 'Verschillen per product', en: 'Variances per product' },
  staticBudget: { nl: 'Statisch budget', en: 'Static budget' },
  actualCol: { nl: 'Werkelijk', en: 'Actual' },
  checkCol: { nl: 'Controle', en: 'Check' },
  needsCol: { nl: 'Toelichting nodig', en: 'Needs explanation' },
  total: { nl: 'Totaal producten', en: 'Total products' },
  other: { nl: 'Overig / niet toegerekend [V8]', en: 'Other / unallocated [V8]' },
  ledger: { nl: 'Grootboek', en: 'Ledger' },
  tieOut: { nl: 'Controle: budget + alle stappen = grootboek', en: 'Check: budget + all steps = ledger' },
  volumeCheck: {
    nl: 'Controle: V3 = V1 + V2 (volume incl. mix, zoals IND.VARIANCE, = volume + mix)',
    en: 'Check: V3 = V1 + V2 (volume incl. mix, as IND.VARIANCE, = volume + mix)',
  },
  flexedTitle: { nl: 'Flexibel budget in twee vormen', en: 'The flexed budget in two forms' },
  flexedCheck: {
    nl: 'Controle: V9 − V10 = V11 (= vast deel × (V1 + V2))',
    en: 'Check: V9 − V10 = V11 (= fixed share × (V1 + V2))',
  },
  flexedWaterfall: {
    nl: 'Controle: werkelijk − V10 = V11 + V4 + V5 + V6',
    en: 'Check: actual − V10 = V11 + V4 + V5 + V6',
  },
  productivityMissing: {
    nl: 'Productiviteit [V4] niet berekend voor producten zonder begrote directe-urenratio, uurkosten of betaalde uren: een lagere directe-urenratio staat daar in prijs/tarief [V6].',
    en: 'Productivity [V4] is not computed for products without a budget direct-hour ratio, hourly cost or paid hours: a lower direct-hour ratio stays in price/rate [V6] there.',
  },
  waterfall: { nl: 'Waterval', en: 'Waterfall' },
  flags: {
    nl: ['volume', 'mix', 'productiviteit', 'efficiëntie', 'prijs/tarief', 'overig'],
    en: ['volume', 'mix', 'productivity', 'efficiency', 'price/rate', 'other'],
  },
  codeMismatch: { nl: 'Code wijkt af', en: 'Code differs' },
  actionsTitle: { nl: 'Acties bij verschillen', en: 'Actions on variances' },
  actionsNote: {
    nl: 'Vul per verschil oorzaak, actie, eigenaar, vervaldatum en status in. Het taakvenster overschrijft deze tabel nooit; open acties gaan mee naar de volgende periode.',
    en: 'For each variance fill in cause, action, owner, due date and status. The task pane never overwrites this table; open actions carry over to the next period.',
  },
  carriedNote: {
    nl: 'Overgenomen open acties uit {table}: {n}.',
    en: 'Open actions carried over from {table}: {n}.',
  },
} as const;

/** A result column's header: the figure's label with its code, or the plain header. */
function columnHeader(key: keyof typeof RESULT_COLUMNS, lang: Lang): string {
  const id = COLUMN_FIGURES[key];
  if (id) return figureLabel(id, lang);
  if (key === 'budget') return T.staticBudget[lang];
  if (key === 'actual') return T.actualCol[lang];
  if (key === 'check') return T.checkCol[lang];
  return T.needsCol[lang];
}

/**
 * Builds the reconciliation sheet and (unless it exists) the period's action table.
 * @throws CalcError `fundingBadPeriod`, `fundingCodeMismatch`, and the table parsers' errors.
 */
function buildReconciliationPlanSheets(input: ReconciliationPlanInput): ReconciliationPlanResult {
  const { lang } = input;
  const slug = periodSlug(input.period);
  const matched = matchProducts(input.budget, input.actual);
  const result = decomposeVariance(matched, input.ledger, { fixedShare: input.fixedShare });
  const material = selectMaterial(result, input.materiality);
  const sheet = `IND Nacalculatie ${input.period.trim()}`;
  const actionSheet = `IND Acties ${input.period.trim()}`;
  const tableName = actionTableName(input.period);
  const names = {
    ledger: `IND_Nac_${slug}_Grootboek`,
    euro: `IND_Nac_${slug}_DrempelEuro`,
    percent: `IND_Nac_${slug}_DrempelPct`,
    fixedShare: `IND_Nac_${slug}_VastDeel`,
  };
  const k = matched.length;

  // Parameters rows 4..8, inputs from row 11, results after.
  const paramTop = 4;
  const inputHead = 11;
  const first = inputHead + 1;
  const last = inputHead + k;
  const inTotal = last + 1;
  const resHead = inTotal + 3;
  const r0 = resHead + 1;
  const rN = resHead + k;
  const totalRow = rN + 1;
  const otherRow = totalRow + 1;
  const ledgerRow = otherRow + 1;
  const tieOutRow = ledgerRow + 2;
  const volumeCheckRow = tieOutRow + 1;
  const flexTop = volumeCheckRow + 3; // header of the flexed-budget block
  const flexed = {
    all: flexTop + 1,
    costBehaviour: flexTop + 2,
    effect: flexTop + 3,
    check: flexTop + 4,
    waterfallCheck: flexTop + 5,
  };
  const noteRow = flexed.waterfallCheck + 2;
  const waterfallTop = noteRow + 2;

  // Budget inputs in A..G, realisation in I..M, aligned by row in budget order.
  const budgetCells: CellValue[][] = matched.map(({ budget: b }) => [
    b.code,
    b.name,
    b.volume,
    b.price,
    b.normMinutes,
    b.directRatio ?? null,
    b.hourlyCost ?? null,
  ]);
  const actualCells: CellValue[][] = matched.map(({ actual: a }) => [
    a.code,
    a.volume,
    a.costs,
    a.hours,
    a.paidHours ?? null,
  ]);
  const I = INPUT_COLUMNS;
  const R = RESULT_COLUMNS;
  const vbTot = `$${I.budgetVolume}$${inTotal}`;
  const vaTot = `$${I.actualVolume}$${inTotal}`;
  const { ledger: LG, euro: EU, percent: PC, fixedShare: FX } = names;

  /** Materiality of the amount in `x` relative to the static budget in `base` (no division: works for a zero budget). */
  const mat = (x: string, base: string): string =>
    `AND(${x}<>0,OR(IF(ISNUMBER(${EU}),ABS(${x})>=${EU},FALSE),IF(AND(ISNUMBER(${PC}),${base}<>0),ABS(${x})>=${PC}*ABS(${base}),FALSE)))`;
  const flags = T.flags[lang];
  const flagged: (keyof typeof RESULT_COLUMNS)[] = ['volume', 'mix', 'productivity', 'efficiency', 'price'];
  const needs = (r: number): string =>
    `=TRIM(${flagged.map((key, i) => `IF(${mat(`${R[key]}${r}`, `${R.budget}${r}`)},"${flags[i]} ","")`).join('&')})`;
  const stepsSum = (r: number): string =>
    [R.budget, R.volume, R.mix, R.productivity, R.efficiency, R.price].map((c) => `${c}${r}`).join('+');
  const stepsCheck = (r: number, codeCheck: string | null): string => {
    const ok = checkFormula(`${stepsSum(r)}-${R.actual}${r}`, EURO_TOLERANCE);
    return codeCheck === null ? `=${ok}` : `=IF(${codeCheck},${ok},"${T.codeMismatch[lang]}")`;
  };

  const resultRows: CellValue[][] = matched.map((_, i) => {
    const r = r0 + i;
    const b = first + i; // input row
    const at = (c: string): string => `${c}${b}`;
    const n = `(${at(I.normMinutes)}/60)`;
    const [Vb, Pb, Va, Ca, Ha, Pa] = [
      at(I.budgetVolume),
      at(I.budgetPrice),
      at(I.actualVolume),
      at(I.actualCosts),
      at(I.directHours),
      at(I.paidHours),
    ];
    const [rb, cb] = [at(I.budgetRatio), at(I.budgetHourlyCost)];
    return [
      `=${at(I.budgetCode)}`,
      `=${Vb}*${Pb}`,
      `=IF(${vbTot}=0,(${Va}-${Vb})*${Pb},(${vaTot}*${Vb}/${vbTot}-${Vb})*${Pb})`,
      `=IF(${vbTot}=0,0,(${Va}-${vaTot}*${Vb}/${vbTot})*${Pb})`,
      `=(${Va}-${Vb})*${Pb}`,
      `=${Va}*${Pb}`,
      `=IF(AND(ISNUMBER(${rb}),ISNUMBER(${cb}),ISNUMBER(${Pa})),(${Pa}-${Ha}/${rb})*${cb},0)`,
      `=(${Ha}-${Va}*${n})*${Pb}/${n}`,
      `=${Ca}-${Ha}*${Pb}/${n}-${R.productivity}${r}`,
      `=${Ca}`,
      `=${R.actual}${r}-${R.budget}${r}`,
      stepsCheck(r, `${at(I.actualCode)}=${at(I.budgetCode)}`),
      needs(r),
    ];
  });
  const sumCol = (c: string): string => `=SUM(${c}${r0}:${c}${rN})`;
  const totalLine: CellValue[] = [
    T.total[lang],
    ...[
      R.budget,
      R.volume,
      R.mix,
      R.volumeInclMix,
      R.flexed,
      R.productivity,
      R.efficiency,
      R.price,
      R.actual,
      R.total,
    ].map(sumCol),
    stepsCheck(totalRow, null),
    needs(totalRow),
  ];
  // A blank ledger means no tie-out; text in the ledger cell gives #VALUE! here, never a silent 0.
  const otherAmount = `IF(${LG}="",0,${LG}-${R.actual}${totalRow})`;
  const nulls = (n: number): null[] => Array.from({ length: n }, () => null);
  const otherLine: CellValue[] = [
    T.other[lang],
    ...nulls(8),
    `=${otherAmount}`,
    `=${R.actual}${otherRow}`,
    null,
    `=IF(${mat(`${R.actual}${otherRow}`, `${R.budget}${totalRow}`)},"${flags[5]}","")`,
  ];
  const ledgerLine: CellValue[] = [
    T.ledger[lang],
    `=${R.budget}${totalRow}`,
    ...nulls(7),
    `=IF(${LG}="",${R.actual}${totalRow},${LG})`,
    `=${R.actual}${ledgerRow}-${R.budget}${ledgerRow}`,
    null,
    null,
  ];
  const tot = (c: string): string => `${c}${totalRow}`;
  const tieDiff = `${stepsSum(totalRow)}+${R.actual}${otherRow}-${R.actual}${ledgerRow}`;
  const checks: CellValue[][] = [
    [T.tieOut[lang], `=${checkFormula(tieDiff, EURO_TOLERANCE)}`],
    [
      T.volumeCheck[lang],
      `=${checkFormula(`${tot(R.volumeInclMix)}-${tot(R.volume)}-${tot(R.mix)}`, EURO_TOLERANCE)}`,
    ],
  ];
  const flexedBlock: CellValue[][] = [
    [figureLabel('flexedBudget', lang), `=${tot(R.flexed)}`],
    [
      figureLabel('flexedBudgetCostBehaviour', lang),
      `=${tot(R.budget)}+(1-${FX})*(${tot(R.volume)}+${tot(R.mix)})`,
    ],
    [figureLabel('fixedCostVolumeEffect', lang), `=${FX}*(${tot(R.volume)}+${tot(R.mix)})`],
    [
      T.flexedCheck[lang],
      `=${checkFormula(`B${flexed.all}-B${flexed.costBehaviour}-B${flexed.effect}`, EURO_TOLERANCE)}`,
    ],
    [
      T.flexedWaterfall[lang],
      `=${checkFormula(`${tot(R.actual)}-B${flexed.costBehaviour}-(B${flexed.effect}+${tot(R.productivity)}+${tot(R.efficiency)}+${tot(R.price)})`, EURO_TOLERANCE)}`,
    ],
  ];
  const waterfallLabels =
    lang === 'nl'
      ? [
          'Statisch budget',
          'Volume',
          'Mix',
          'Flexibel budget',
          'Productiviteit',
          'Efficiëntie',
          'Prijs/tarief',
          'Werkelijk (producten)',
          'Overig / niet toegerekend',
          'Grootboek',
        ]
      : [
          'Static budget',
          'Volume',
          'Mix',
          'Flexed budget',
          'Productivity',
          'Efficiency',
          'Price/rate',
          'Actual (products)',
          'Other / unallocated',
          'Ledger',
        ];
  const waterfallRefs = [
    tot(R.budget),
    tot(R.volume),
    tot(R.mix),
    tot(R.flexed),
    tot(R.productivity),
    tot(R.efficiency),
    tot(R.price),
    tot(R.actual),
    `${R.actual}${otherRow}`,
    `${R.actual}${ledgerRow}`,
  ];
  const waterfall: CellValue[][] = [
    [T.waterfall[lang], '€'],
    ...waterfallLabels.map((l, i) => [l, `=${waterfallRefs[i]}`]),
  ];

  const paramValues: CellValue[] = [
    input.period.trim(),
    input.ledger ?? null,
    input.materiality.euro ?? null,
    input.materiality.percent ?? null,
    result.fixedShare,
  ];
  const resultFormats = (row: CellValue[]): string[] =>
    row.map((_, j) => (j === 0 || j === 12 ? NF.general : j === 11 ? CHECK_FORMAT : EURO));
  const allResults = [...resultRows, totalLine, otherLine, ledgerLine];
  const legendTop = waterfallTop + waterfall.length + 2;
  const blocks: CellBlock[] = [
    { at: 'A1', cells: [[`${T.title[lang]} ${input.period.trim()}`]], style: 'title' },
    { at: 'A2', cells: [[T.note[lang]]], style: 'note' },
    { at: `A${paramTop}`, cells: T.params[lang].map((l) => [l]) },
    {
      at: `B${paramTop}`,
      cells: paramValues.map((v) => [v]),
      style: 'input',
      numberFormat: [[NF.text], [EURO], [EURO], [NF.share], [NF.percent]],
    },
    {
      at: `C${paramTop}`,
      cells: T.paramNotes[lang].map((l, i) => [i === 0 ? '' : `${l} · ${[null, LG, EU, PC, FX][i]}`]),
      style: 'note',
    },
    { at: `A${inputHead - 1}`, cells: [[T.budget[lang]]], style: 'title' },
    { at: `${I.actualCode}${inputHead - 1}`, cells: [[T.actual[lang]]], style: 'title' },
    { at: `A${inputHead}`, cells: [[...T.budgetCols[lang]]], style: 'header' },
    { at: `${I.actualCode}${inputHead}`, cells: [[...T.actualCols[lang]]], style: 'header' },
    {
      at: `A${first}`,
      cells: budgetCells,
      style: 'input',
      numberFormat: budgetCells.map(() => [NF.text, NF.text, NF.count, EURO, NF.fte, NF.ratio, EURO]),
    },
    {
      at: `${I.actualCode}${first}`,
      cells: actualCells,
      style: 'input',
      numberFormat: actualCells.map(() => [NF.text, NF.count, EURO, NF.fte, NF.fte]),
    },
    {
      at: `A${inTotal}`,
      cells: [
        [
          T.total[lang],
          null,
          `=SUM(${I.budgetVolume}${first}:${I.budgetVolume}${last})`,
          null,
          null,
          null,
          null,
          null,
          null,
          `=SUM(${I.actualVolume}${first}:${I.actualVolume}${last})`,
          `=SUM(${I.actualCosts}${first}:${I.actualCosts}${last})`,
          `=SUM(${I.directHours}${first}:${I.directHours}${last})`,
          `=SUM(${I.paidHours}${first}:${I.paidHours}${last})`,
        ],
      ],
      style: 'output',
      numberFormat: [
        [
          NF.general,
          NF.general,
          NF.count,
          NF.general,
          NF.general,
          NF.general,
          NF.general,
          NF.general,
          NF.general,
          NF.count,
          EURO,
          NF.fte,
          NF.fte,
        ],
      ],
    },
    { at: `A${resHead - 1}`, cells: [[T.results[lang]]], style: 'title' },
    {
      at: `A${resHead}`,
      cells: [['Product', ...(Object.keys(R) as (keyof typeof R)[]).map((key) => columnHeader(key, lang))]],
      style: 'header',
    },
    {
      at: `A${r0}`,
      cells: allResults,
      style: 'output',
      numberFormat: allResults.map(resultFormats),
    },
    {
      at: `A${tieOutRow}`,
      cells: checks,
      style: 'check',
      numberFormat: checks.map(() => [NF.general, CHECK_FORMAT]),
    },
    { at: `A${flexTop}`, cells: [[T.flexedTitle[lang], '€']], style: 'header' },
    {
      at: `A${flexed.all}`,
      cells: flexedBlock.slice(0, 3),
      style: 'output',
      numberFormat: [0, 1, 2].map(() => [NF.general, EURO]),
    },
    {
      at: `A${flexed.check}`,
      cells: flexedBlock.slice(3),
      style: 'check',
      numberFormat: [0, 1].map(() => [NF.general, CHECK_FORMAT]),
    },
    {
      at: `A${noteRow}`,
      cells: [[result.productivityComplete ? '' : T.productivityMissing[lang]]],
      style: 'note',
    },
    {
      at: `A${waterfallTop}`,
      cells: waterfall,
      style: 'output',
      numberFormat: waterfall.map((_, i) => [NF.general, i === 0 ? NF.general : EURO]),
    },
    ...legendBlocks(legendTop, RECON_FIGURES, lang),
  ];
  const sheets: SheetPlan[] = [
    {
      name: sheet,
      blocks,
      charts: [
        {
          type: 'Waterfall',
          title: `${T.waterfall[lang]} ${input.period.trim()}`,
          source: `A${waterfallTop + 1}:B${waterfallTop + waterfallLabels.length}`,
          seriesBy: 'Columns',
          at: `D${waterfallTop}`,
          to: `K${waterfallTop + 18}`,
        },
      ],
      columnWidths: {
        A: 200,
        B: 120,
        C: 110,
        D: 110,
        E: 120,
        F: 120,
        G: 120,
        H: 110,
        I: 110,
        J: 120,
        K: 120,
        L: 90,
        M: 200,
      },
    },
  ];
  const namePlans: NamePlan[] = [
    { name: LG, ref: absoluteRef(sheet, paramTop + 1, 2), comment: T.params[lang][1] },
    { name: EU, ref: absoluteRef(sheet, paramTop + 2, 2), comment: T.params[lang][2] },
    { name: PC, ref: absoluteRef(sheet, paramTop + 3, 2), comment: T.params[lang][3] },
    { name: FX, ref: absoluteRef(sheet, paramTop + 4, 2), comment: T.params[lang][4] },
  ];

  let actions: ActionRow[] = [];
  if (!input.actionTableExists) {
    actions = linkFreshActions(
      buildActionRows(input.carried, material, input.period.trim(), lang),
      material,
      sheet,
      input.period.trim(),
      // The cell that shows the variance: the step's column of the product's result line, or
      // the amount of the "other / not allocated" row (one map: RESULT_COLUMNS).
      (v) =>
        v.code === '' || v.kind === 'other'
          ? `${RESULT_COLUMNS.actual}${otherRow}`
          : `${RESULT_COLUMNS[v.kind]}${r0 + result.codes.indexOf(v.code)}`,
      lang,
    );
    const carriedNote = input.carriedFrom
      ? T.carriedNote[lang].replace('{table}', input.carriedFrom).replace('{n}', String(input.carried.length))
      : '';
    sheets.push({
      name: actionSheet,
      blocks: [
        { at: 'A1', cells: [[`${T.actionsTitle[lang]} ${input.period.trim()}`]], style: 'title' },
        { at: 'A2', cells: [[`${T.actionsNote[lang]} ${carriedNote}`.trim()]], style: 'note' },
      ],
      tables: [actionTablePlan(tableName, 'A4', actions, lang)],
      columnWidths: ACTION_TABLE_WIDTHS,
    });
  }

  return {
    plan: {
      action:
        lang === 'nl'
          ? `Nacalculatie ${input.period.trim()} maken`
          : `Create reconciliation ${input.period.trim()}`,
      sheets,
      names: namePlans,
    },
    result,
    actions,
    layout: {
      sheet,
      actionSheet,
      actionTable: tableName,
      firstInputRow: first,
      firstResultRow: r0,
      lastResultRow: rN,
      totalRow,
      otherRow,
      ledgerRow,
      tieOutRow,
      volumeCheckRow,
      flexed,
      waterfallTop,
      names,
    },
  };
}

/** The cell of a product's result line, e.g. `resultCell(layout, 0, RESULT_COLUMNS.efficiency)`. */
export function resultCell(layout: ReconciliationLayout, index: number, column: string): string {
  return a1(layout.firstResultRow + index, column.charCodeAt(0) - 64);
}

/** The plan of {@link buildReconciliationPlanSheets}, with the style legend on every sheet (styleLegend.ts). */
export function buildReconciliationPlan(
  ...args: Parameters<typeof buildReconciliationPlanSheets>
): ReturnType<typeof buildReconciliationPlanSheets> {
  return withLegend(buildReconciliationPlanSheets(...args), args[0].lang);
}
