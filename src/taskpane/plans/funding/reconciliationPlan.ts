/**
 * The write plan of the "Nacalculatie" view: per period, one sheet that keeps the budget and the
 * realisation visible as inputs and decomposes the difference with live formulas (volume, mix,
 * price/rate, efficiency, the flexed budget, the other/unallocated tie-out row, materiality
 * flags and a waterfall), plus the period's action table on a sheet of its own.
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
import type { Lang } from '../../../core/messages/types';
import type { CellBlock, CellValue, NamePlan, SheetPlan, WritePlan } from '../../host/types';
import { cell, sheetRef } from './a1';
import { ACTION_TABLE_WIDTHS, actionTablePlan, linkFreshActions } from '../steering/actionTable';

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
  waterfallTop: number;
  names: { ledger: string; euro: string; percent: string };
}

const EURO = '#,##0.00';

const T = {
  title: { nl: 'Nacalculatie', en: 'Budget reconciliation' },
  note: {
    nl: 'Gele cellen zijn invoer (begroting en realisatie per product); de verschillen zijn formules. Statisch budget → volume → mix → flexibel budget → prijs/tarief → efficiëntie → werkelijk → overig → grootboek.',
    en: 'Yellow cells are inputs (budget and realisation per product); the variances are formulas. Static budget → volume → mix → flexed budget → price/rate → efficiency → actual → other → ledger.',
  },
  params: {
    nl: [
      'Periode',
      'Grootboektotaal (€)',
      'Materialiteit: drempel (€)',
      'Materialiteit: drempel (% van budget)',
    ],
    en: ['Period', 'Ledger total (€)', 'Materiality: threshold (€)', 'Materiality: threshold (% of budget)'],
  },
  paramNotes: {
    nl: [
      '',
      'Leeg = geen aansluiting op het grootboek',
      'Leeg = niet gebruiken',
      'Leeg = niet gebruiken; een van beide drempels volstaat',
    ],
    en: [
      '',
      'Blank = no tie-out to the ledger',
      'Blank = not used',
      'Blank = not used; either threshold suffices',
    ],
  },
  budget: { nl: 'Begroting', en: 'Budget' },
  actual: { nl: 'Realisatie', en: 'Realisation' },
  budgetCols: {
    nl: ['Product', 'Omschrijving', 'Volume', 'Prijs (€)', 'Normminuten'],
    en: ['Product', 'Description', 'Volume', 'Price (€)', 'Norm minutes'],
  },
  actualCols: {
    nl: ['Product', 'Volume', 'Kosten (€)', 'Uren'],
    en: ['Product', 'Volume', 'Costs (€)', 'Hours'],
  },
  results: { nl: 'Verschillen per product', en: 'Variances per product' },
  resultCols: {
    nl: [
      'Product',
      'Statisch budget',
      'Volume',
      'Mix',
      'Flexibel budget',
      'Prijs/tarief',
      'Efficiëntie',
      'Werkelijk',
      'Totaal verschil',
      'Controle',
      'Toelichting nodig',
    ],
    en: [
      'Product',
      'Static budget',
      'Volume',
      'Mix',
      'Flexed budget',
      'Price/rate',
      'Efficiency',
      'Actual',
      'Total variance',
      'Check',
      'Needs explanation',
    ],
  },
  total: { nl: 'Totaal producten', en: 'Total products' },
  other: { nl: 'Overig / niet toegerekend', en: 'Other / unallocated' },
  ledger: { nl: 'Grootboek', en: 'Ledger' },
  tieOut: { nl: 'Controle: budget + alle stappen = grootboek', en: 'Check: budget + all steps = ledger' },
  waterfall: { nl: 'Waterval', en: 'Waterfall' },
  flags: {
    nl: ['volume', 'mix', 'prijs/tarief', 'efficiëntie', 'overig'],
    en: ['volume', 'mix', 'price/rate', 'efficiency', 'other'],
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

/**
 * Builds the reconciliation sheet and (unless it exists) the period's action table.
 * @throws CalcError `fundingBadPeriod`, `fundingCodeMismatch`, and the table parsers' errors.
 */
export function buildReconciliationPlan(input: ReconciliationPlanInput): ReconciliationPlanResult {
  const { lang } = input;
  const slug = periodSlug(input.period);
  const matched = matchProducts(input.budget, input.actual);
  const result = decomposeVariance(matched, input.ledger);
  const material = selectMaterial(result, input.materiality);
  const sheet = `IND Nacalculatie ${input.period.trim()}`;
  const actionSheet = `IND Acties ${input.period.trim()}`;
  const tableName = actionTableName(input.period);
  const names = {
    ledger: `IND_Nac_${slug}_Grootboek`,
    euro: `IND_Nac_${slug}_DrempelEuro`,
    percent: `IND_Nac_${slug}_DrempelPct`,
  };
  const k = matched.length;

  // Parameters rows 4..7, inputs from row 10, results after.
  const paramTop = 4;
  const inputHead = 10;
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
  const waterfallTop = tieOutRow + 3;

  // Budget inputs in A..E, realisation in G..J, aligned by row in budget order.
  const budgetCells: CellValue[][] = matched.map(({ budget: b }) => [
    b.code,
    b.name,
    b.volume,
    b.price,
    b.normMinutes,
  ]);
  const actualCells: CellValue[][] = matched.map(({ actual: a }) => [a.code, a.volume, a.costs, a.hours]);
  const vbTot = `$C$${inTotal}`;
  const vaTot = `$H$${inTotal}`;
  const { ledger: LG, euro: EU, percent: PC } = names;

  /** Materiality of the amount in `x` relative to the static budget in `base` (no division: works for a zero budget). */
  const mat = (x: string, base: string): string =>
    `AND(${x}<>0,OR(IF(ISNUMBER(${EU}),ABS(${x})>=${EU},FALSE),IF(AND(ISNUMBER(${PC}),${base}<>0),ABS(${x})>=${PC}*ABS(${base}),FALSE)))`;
  const flags = T.flags[lang];
  const needs = (r: number): string =>
    `=TRIM(IF(${mat(`C${r}`, `B${r}`)},"${flags[0]} ","")&IF(${mat(`D${r}`, `B${r}`)},"${flags[1]} ","")&IF(${mat(`F${r}`, `B${r}`)},"${flags[2]} ","")&IF(${mat(`G${r}`, `B${r}`)},"${flags[3]}",""))`;
  const stepsCheck = (r: number, codeCheck: string | null): string => {
    const diff = `B${r}+C${r}+D${r}+F${r}+G${r}-H${r}`;
    const ok = `IF(ABS(${diff})<0.005,"OK",${diff})`;
    return codeCheck === null ? `=${ok}` : `=IF(${codeCheck},${ok},"${T.codeMismatch[lang]}")`;
  };

  const resultRows: CellValue[][] = matched.map((_, i) => {
    const r = r0 + i;
    const b = first + i; // input row
    const n = `(E${b}/60)`;
    return [
      `=A${b}`,
      `=C${b}*D${b}`,
      `=IF(${vbTot}=0,(H${b}-C${b})*D${b},(${vaTot}*C${b}/${vbTot}-C${b})*D${b})`,
      `=IF(${vbTot}=0,0,(H${b}-${vaTot}*C${b}/${vbTot})*D${b})`,
      `=H${b}*D${b}`,
      `=I${b}-J${b}*D${b}/${n}`,
      `=(J${b}-H${b}*${n})*D${b}/${n}`,
      `=I${b}`,
      `=H${r}-B${r}`,
      stepsCheck(r, `G${b}=A${b}`),
      needs(r),
    ];
  });
  const sumCol = (c: string): string => `=SUM(${c}${r0}:${c}${rN})`;
  const totalLine: CellValue[] = [
    T.total[lang],
    sumCol('B'),
    sumCol('C'),
    sumCol('D'),
    sumCol('E'),
    sumCol('F'),
    sumCol('G'),
    sumCol('H'),
    sumCol('I'),
    stepsCheck(totalRow, null),
    needs(totalRow),
  ];
  const otherAmount = `IF(ISNUMBER(${LG}),${LG}-H${totalRow},0)`;
  const otherLine: CellValue[] = [
    T.other[lang],
    null,
    null,
    null,
    null,
    null,
    null,
    `=${otherAmount}`,
    `=H${otherRow}`,
    null,
    `=IF(${mat(`H${otherRow}`, `B${totalRow}`)},"${flags[4]}","")`,
  ];
  const ledgerLine: CellValue[] = [
    T.ledger[lang],
    `=B${totalRow}`,
    null,
    null,
    null,
    null,
    null,
    `=IF(ISNUMBER(${LG}),${LG},H${totalRow})`,
    `=H${ledgerRow}-B${ledgerRow}`,
    null,
    null,
  ];
  const tieDiff = `B${totalRow}+C${totalRow}+D${totalRow}+F${totalRow}+G${totalRow}+H${otherRow}-H${ledgerRow}`;
  const waterfallLabels =
    lang === 'nl'
      ? [
          'Statisch budget',
          'Volume',
          'Mix',
          'Flexibel budget',
          'Prijs/tarief',
          'Efficiëntie',
          'Werkelijk (producten)',
          'Overig / niet toegerekend',
          'Grootboek',
        ]
      : [
          'Static budget',
          'Volume',
          'Mix',
          'Flexed budget',
          'Price/rate',
          'Efficiency',
          'Actual (products)',
          'Other / unallocated',
          'Ledger',
        ];
  const waterfallRefs = [
    `B${totalRow}`,
    `C${totalRow}`,
    `D${totalRow}`,
    `E${totalRow}`,
    `F${totalRow}`,
    `G${totalRow}`,
    `H${totalRow}`,
    `H${otherRow}`,
    `H${ledgerRow}`,
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
  ];
  const blocks: CellBlock[] = [
    { at: 'A1', cells: [[`${T.title[lang]} ${input.period.trim()}`]], style: 'title' },
    { at: 'A2', cells: [[T.note[lang]]], style: 'note' },
    { at: `A${paramTop}`, cells: T.params[lang].map((l) => [l]) },
    {
      at: `B${paramTop}`,
      cells: paramValues.map((v) => [v]),
      style: 'input',
      numberFormat: [['@'], [EURO], [EURO], ['0.0%']],
    },
    {
      at: `C${paramTop}`,
      cells: T.paramNotes[lang].map((l, i) => [i === 0 ? '' : `${l} · ${[null, LG, EU, PC][i]}`]),
      style: 'note',
    },
    { at: `A${inputHead - 1}`, cells: [[T.budget[lang]]], style: 'title' },
    { at: `G${inputHead - 1}`, cells: [[T.actual[lang]]], style: 'title' },
    { at: `A${inputHead}`, cells: [[...T.budgetCols[lang]]], style: 'header' },
    { at: `G${inputHead}`, cells: [[...T.actualCols[lang]]], style: 'header' },
    {
      at: `A${first}`,
      cells: budgetCells,
      style: 'input',
      numberFormat: budgetCells.map(() => ['@', '@', '#,##0', EURO, '#,##0.0']),
    },
    {
      at: `G${first}`,
      cells: actualCells,
      style: 'input',
      numberFormat: actualCells.map(() => ['@', '#,##0', EURO, '#,##0.0']),
    },
    {
      at: `A${inTotal}`,
      cells: [
        [
          T.total[lang],
          null,
          `=SUM(C${first}:C${last})`,
          null,
          null,
          null,
          null,
          `=SUM(H${first}:H${last})`,
          `=SUM(I${first}:I${last})`,
          `=SUM(J${first}:J${last})`,
        ],
      ],
      style: 'output',
      numberFormat: [
        ['General', 'General', '#,##0', 'General', 'General', 'General', 'General', '#,##0', EURO, '#,##0.0'],
      ],
    },
    { at: `A${resHead - 1}`, cells: [[T.results[lang]]], style: 'title' },
    { at: `A${resHead}`, cells: [[...T.resultCols[lang]]], style: 'header' },
    {
      at: `A${r0}`,
      cells: [...resultRows, totalLine, otherLine, ledgerLine],
      style: 'output',
      numberFormat: [...resultRows, totalLine, otherLine, ledgerLine].map(() => [
        'General',
        EURO,
        EURO,
        EURO,
        EURO,
        EURO,
        EURO,
        EURO,
        EURO,
        EURO,
        'General',
      ]),
    },
    {
      at: `A${tieOutRow}`,
      cells: [[T.tieOut[lang], `=IF(ABS(${tieDiff})<0.005,"OK",${tieDiff})`]],
      style: 'check',
      numberFormat: [['General', EURO]],
    },
    {
      at: `A${waterfallTop}`,
      cells: waterfall,
      style: 'output',
      numberFormat: waterfall.map((_, i) => ['General', i === 0 ? 'General' : EURO]),
    },
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
      columnWidths: { A: 200, B: 120, C: 110, D: 110, E: 120, F: 110, G: 110, H: 120, I: 120, J: 90, K: 200 },
    },
  ];
  const namePlans: NamePlan[] = [
    { name: LG, ref: sheetRef(sheet, 2, paramTop + 1), comment: T.params[lang][1] },
    { name: EU, ref: sheetRef(sheet, 2, paramTop + 2), comment: T.params[lang][2] },
    { name: PC, ref: sheetRef(sheet, 2, paramTop + 3), comment: T.params[lang][3] },
  ];

  let actions: ActionRow[] = [];
  if (!input.actionTableExists) {
    actions = linkFreshActions(
      buildActionRows(input.carried, material, input.period.trim(), lang),
      material,
      sheet,
      input.period.trim(),
      (v) =>
        v.code === ''
          ? `H${otherRow}`
          : `${{ volume: 'C', mix: 'D', price: 'F', efficiency: 'G', other: 'H' }[v.kind]}${r0 + result.codes.indexOf(v.code)}`,
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
      waterfallTop,
      names,
    },
  };
}

/** The cell of a product's result line, e.g. `resultCell(layout, 0, 'G')` = efficiency of the first product. */
export function resultCell(layout: ReconciliationLayout, index: number, column: string): string {
  return cell(column.charCodeAt(0) - 64, layout.firstResultRow + index);
}
