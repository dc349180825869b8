/**
 * The write plan of the "Financiering" view: one sheet of live formulas that computes cost
 * prices, output funding, the lumpsum split, the floor and cap, and total funding for two
 * parameter sets side by side, with the gap in euros and fte and a check cell per identity.
 *
 * Inputs (parameters and the product table) are written as visible, editable cells; parameters
 * get workbook names `IND_Fin_…` so the sheet works without the `IND Parameters` sheet. Every
 * result is a formula (IND.COSTPRICE, IND.FUNDING and plain Excel), so editing an input
 * recomputes the sheet in Excel without the pane.
 *
 * The builder validates everything first through the pure core (`compareFunding`): bad input
 * throws a CalcError before a plan exists, so nothing is ever half-written.
 */
import {
  compareFunding,
  type FundingComparison,
  type FundingParams,
  type ParameterSet,
  type ProductRow,
} from '../../../core/funding';
import {
  CAPACITY_STATE_TEXT,
  CHECK_FORMAT,
  checkFormula,
  EURO_TOLERANCE,
  figureLabel,
  STAFFING_FORMULAS,
  type FigureId,
} from '../../../core/figures';
import type { Lang } from '../../../core/messages/types';
import type { CellBlock, CellValue, NamePlan, WritePlan } from '../../host/types';
import { setValue, setValueFormula, type ParameterSource } from '../parameterSource';
import { a1, absoluteRef } from '../formula';
import { PARAMETER_TABLE } from '../parameters';
import { legendBlocks } from './legend';
import { withLegend } from '../styleLegend';
import { NF } from '../formats';

/** The sheet this plan writes. Not localised: formulas and names refer to it. */
export const FUNDING_SHEET = 'IND Financiering';

/** Everything the funding sheet needs. */
export interface FundingPlanInput {
  products: ProductRow[];
  params: FundingParams;
  sets: [ParameterSet, ParameterSet];
  lang: Lang;
  /**
   * Link to the `IND Parameters` sheet (when the workbook has it): `sets[0].label` and
   * `sets[1].label` are then NAMES of parameter sets in its table, and set A's ratio, set B's
   * ratio, and set B's hours per fte and lumpsum share become lookups of those named sets
   * (`setValueFormula`), never of "whatever is active". The pane previews with the same values
   * read from the same table (`linkedFundingValues`), so preview and sheet agree.
   */
  linkParameters?: boolean;
}

/**
 * Which parameter of which set (0 = A, 1 = B) each linked cell looks up in `IND_Parameters`.
 * The shared parameters (hours per fte, lumpsum share) come from set B, the set under study.
 */
export const LINKED_PARAMETERS: Partial<Record<ParamKey, { key: string; set: 0 | 1 }>> = {
  hoursPerFte: { key: 'hoursPerFte', set: 1 },
  share: { key: 'fixedShare', set: 1 },
  ratioA: { key: 'directRatio', set: 0 },
  ratioB: { key: 'directRatio', set: 1 },
};

/**
 * The values a linked sheet's lookups find, for the pane's preview: set A's and set B's ratio,
 * and set B's hours per fte and lumpsum share, from the workbook's parameter table.
 */
export function linkedFundingValues(
  source: ParameterSource,
  setA: string,
  setB: string,
): { ratioA: number; ratioB: number; hoursPerFte: number; share: number } {
  const names = [setA, setB];
  const v = (k: ParamKey): number => {
    const l = LINKED_PARAMETERS[k]!;
    return setValue(source, names[l.set], l.key);
  };
  return { ratioA: v('ratioA'), ratioB: v('ratioB'), hoursPerFte: v('hoursPerFte'), share: v('share') };
}

/** The table that marks a workbook with the parameter sheet. */
export const PARAMETER_TABLE_NAME = PARAMETER_TABLE;

/** What the builder returns: the plan plus the core's own result, for the pane to show. */
export interface FundingPlanResult {
  plan: WritePlan;
  result: FundingComparison;
  /** Where things are on the sheet, for tests and for the change report. */
  layout: FundingLayout;
}

/** Cell positions of the funding sheet. */
export interface FundingLayout {
  firstProductRow: number;
  lastProductRow: number;
  totalRow: number;
  /** Row of each summary line, by key. */
  summary: Record<SummaryKey, number>;
  /** Columns of the summary: set A, set B, gap. */
  summaryCols: { a: number; b: number; gap: number };
  /** Name of each parameter, by key. */
  names: Record<ParamKey, string>;
}

export type ParamKey =
  | 'lumpsum'
  | 'floor'
  | 'cap'
  | 'share'
  | 'ratioA'
  | 'ratioB'
  | 'weeks'
  | 'hoursPerFte'
  | 'extraFte'
  | 'staff'
  | 'capCost'
  | 'capOverhead';

type SummaryKey =
  | 'workload'
  | 'output'
  | 'lumpsum'
  | 'beforeFloor'
  | 'topUp'
  | 'capCut'
  | 'total'
  | 'checkFunding'
  | 'lumpsumSplit'
  | 'outputSplit'
  | 'checkSplit'
  | 'fte'
  | 'fteExcl'
  | 'allowance'
  | 'fteGapIncl'
  | 'fteGapExcl'
  | 'staff'
  | 'shortageFte'
  | 'capacityState'
  | 'costPerFte'
  | 'shortageEuro'
  | 'checkShortage'
  | 'staffCost'
  | 'productCosts'
  | 'allowanceCost'
  | 'checkCapacity';

/** The glossary figure each summary row shows (its label carries the code; the legend defines it). */
const SUMMARY_FIGURES: Partial<Record<SummaryKey, FigureId>> = {
  fte: 'fteNeeded',
  allowance: 'allowanceFte',
  fteGapIncl: 'fteGapInclAllowance',
  fteGapExcl: 'fteGapExclAllowance',
  shortageFte: 'capacityShortageFte',
  costPerFte: 'costPerFte',
  shortageEuro: 'capacityShortageEuro',
};

const EURO = NF.amountCents;
const HOURS = NF.fte;
const FTE = NF.fte;
const PCT = NF.ratio;

/** Labels in both languages; the first column of each block. */
const L = {
  title: {
    nl: 'Financieringsmodel: kostprijzen, outputfinanciering, lumpsum en ondergrens',
    en: 'Funding model: cost prices, output funding, lumpsum and floor',
  },
  note: {
    nl: 'Lichtblauwe cellen zijn invoer; al het andere zijn formules die meerekenen. Normtijden zijn fictief tenzij u ze zelf invult. Controlecellen tonen OK of het verschil.',
    en: 'Light blue cells are inputs; everything else is live formulas. Norm times are illustrative unless you enter your own. Check cells show OK or the difference.',
  },
  paramHeader: { nl: ['Parameter', 'Waarde', 'Toelichting'], en: ['Parameter', 'Value', 'Note'] },
  productsTitle: { nl: 'Producttabel', en: 'Product table' },
  summaryTitle: { nl: 'Uitkomst per parameterset', en: 'Result per parameter set' },
  chartTitle: { nl: 'Financiering per parameterset', en: 'Funding per parameter set' },
  total: { nl: 'Totaal', en: 'Total' },
  gap: { nl: 'Verschil (B − A)', en: 'Gap (B − A)' },
  result: { nl: 'Uitkomst', en: 'Result' },
} as const;

const PARAMS: { key: ParamKey; name: string; format: string; nl: [string, string]; en: [string, string] }[] =
  [
    {
      key: 'lumpsum',
      name: 'IND_Fin_Lumpsum',
      format: EURO,
      nl: ['Lumpsum (€)', 'Vast bedrag vóór de split'],
      en: ['Lumpsum (€)', 'Fixed amount before the split'],
    },
    {
      key: 'floor',
      name: 'IND_Fin_Ondergrens',
      format: EURO,
      nl: ['Ondergrens (€)', 'Minimale financiering; 0 = geen'],
      en: ['Floor (€)', 'Minimum funding; 0 = none'],
    },
    {
      key: 'cap',
      name: 'IND_Fin_Plafond',
      format: EURO,
      nl: ['Plafond (€)', 'Leeg = geen plafond'],
      en: ['Cap (€)', 'Blank = no cap'],
    },
    {
      key: 'share',
      name: 'IND_Fin_LumpsumAandeel',
      format: PCT,
      nl: ['Lumpsum-aandeel', 'Deel van de outputkosten dat vast is (EY 2020: 13%)'],
      en: ['Lumpsum share', 'Share of output costs that is fixed (EY 2020: 13%)'],
    },
    {
      key: 'ratioA',
      name: 'IND_Fin_DirectA',
      format: PCT,
      nl: ['Directe uren, set A', 'Bruto: directe uren / betaalde uren'],
      en: ['Direct hours, set A', 'Gross: direct hours / paid hours'],
    },
    {
      key: 'ratioB',
      name: 'IND_Fin_DirectB',
      format: PCT,
      nl: ['Directe uren, set B', 'Bruto: directe uren / betaalde uren'],
      en: ['Direct hours, set B', 'Gross: direct hours / paid hours'],
    },
    {
      key: 'weeks',
      name: 'IND_Fin_Weken',
      format: NF.integer,
      nl: ['Weken in de periode', 'Waarover de volumes gaan (4 = periode, 52 = jaar)'],
      en: ['Weeks in the period', 'What the volumes cover (4 = period, 52 = year)'],
    },
    {
      key: 'hoursPerFte',
      name: 'IND_Fin_UrenPerFte',
      format: NF.oneDecimal,
      nl: ['Uren per fte per week', '1 fte = 36 uur'],
      en: ['Hours per fte per week', '1 fte = 36 hours'],
    },
    {
      key: 'extraFte',
      name: 'IND_Fin_ExtraFte',
      format: FTE,
      nl: ['Extra fte (verloop)', 'Opgeteld vóór deling door de ratio, zoals het onderzoek'],
      en: ['Extra fte (turnover)', 'Added before dividing by the ratio, as the review does'],
    },
    {
      key: 'staff',
      name: 'IND_Fin_Bezetting',
      format: FTE,
      nl: ['Bezetting (fte)', 'Leeg = onbekend'],
      en: ['Staff (fte)', 'Blank = unknown'],
    },
    {
      key: 'capCost',
      name: 'IND_Fin_UurkostenCap',
      format: EURO,
      nl: ['Uurkosten capaciteit (€)', 'Kosten van een betaald uur; leeg = geen capaciteitscontrole'],
      en: ['Capacity hourly cost (€)', 'Cost of a paid hour; blank = no capacity check'],
    },
    {
      key: 'capOverhead',
      name: 'IND_Fin_OpslagCap',
      format: PCT,
      nl: ['Opslag capaciteit', 'Overheadopslag op de capaciteitskosten'],
      en: ['Capacity overhead', 'Overhead surcharge on capacity cost'],
    },
  ];

const PRODUCT_COLS = {
  nl: [
    'Code',
    'Omschrijving',
    'Volume',
    'Normminuten',
    'Uurkosten (€)',
    'Opslag',
    'Werklast (uur)',
    'Kostprijs A (€)',
    'Kostprijs B (€)',
    'Output A (€)',
    'Output B (€)',
    'Output A na split (€)',
    'Controle capaciteit A',
    'Controle capaciteit B',
  ],
  en: [
    'Code',
    'Description',
    'Volume',
    'Norm minutes',
    'Hourly cost (€)',
    'Overhead',
    'Workload (hours)',
    'Cost price A (€)',
    'Cost price B (€)',
    'Output A (€)',
    'Output B (€)',
    'Output A after split (€)',
    'Capacity check A',
    'Capacity check B',
  ],
};

/** "OK" within half a cent, else the difference itself (in red), so a break shows its size where it happens. */
function okOrDiff(expr: string): string {
  return checkFormula(expr, EURO_TOLERANCE);
}

/**
 * Builds the funding sheet. Validates through the core first.
 * @throws CalcError for any bad input (see `compareFunding`).
 */
function buildFundingPlanSheets(input: FundingPlanInput): FundingPlanResult {
  const { products, params, sets, lang } = input;
  const result = compareFunding(products, params, sets);
  const S = FUNDING_SHEET;

  // Parameters: A4 header, rows 5..16.
  const paramTop = 5;
  const names = {} as Record<ParamKey, string>;
  const nameRef = {} as Record<ParamKey, string>;
  const linked = (k: ParamKey): { key: string; set: 0 | 1 } | undefined =>
    input.linkParameters ? LINKED_PARAMETERS[k] : undefined;
  const constants: Record<ParamKey, CellValue> = {
    lumpsum: params.lumpsum,
    floor: params.floor,
    cap: params.cap ?? null,
    share: params.lumpsumShare,
    ratioA: sets[0].directRatio,
    ratioB: sets[1].directRatio,
    weeks: params.weeks,
    hoursPerFte: params.hoursPerFte,
    extraFte: params.extraFte,
    staff: params.staffFte ?? null,
    capCost: params.capacityHourlyCost ?? null,
    capOverhead: params.capacityOverheadRate ?? 0,
  };
  const values = {} as Record<ParamKey, CellValue>;
  for (const k of Object.keys(constants) as ParamKey[]) {
    const l = linked(k);
    values[k] = l ? `=${setValueFormula(sets[l.set].label, l.key)}` : constants[k];
  }
  const linkNote = (k: ParamKey): string => {
    const l = linked(k)!;
    const set = `${l.set === 0 ? 'A' : 'B'}: ${sets[l.set].label}`;
    return lang === 'nl'
      ? `uit IND Parameters, set ${set} (wijzig de waarde daar)`
      : `from IND Parameters, set ${set} (change the value there)`;
  };
  const setHeader = (i: 0 | 1): string => sets[i].label;
  const namePlans: NamePlan[] = PARAMS.map((p, i) => {
    names[p.key] = p.name;
    nameRef[p.key] = p.name;
    return { name: p.name, ref: absoluteRef(S, paramTop + i, 2), comment: p[lang][0] };
  });
  const labelFor = (p: (typeof PARAMS)[number]): string =>
    p.key === 'ratioA' || p.key === 'ratioB'
      ? `${p[lang][0]} (${sets[p.key === 'ratioA' ? 0 : 1].label})`
      : p[lang][0];
  const n = nameRef;

  // Products: header at 19, rows 20..19+k, total row after.
  const head = paramTop + PARAMS.length + 2; // 19
  const first = head + 1;
  const last = head + products.length;
  const totalRow = last + 1;
  const rng = (c: number): string => `${a1(first, c)}:${a1(last, c)}`;
  const capCheck = (outCol: number, ratio: string, r: number): string => {
    const diff = `${a1(r, outCol)}-${a1(r, 7)}*${n.capCost}/${ratio}*(1+${n.capOverhead})`;
    return `=IF(ISNUMBER(${n.capCost}),${okOrDiff(diff)},"–")`;
  };
  const productInputs: CellValue[][] = products.map((p) => [
    p.code,
    p.name,
    p.volume,
    p.normMinutes,
    p.hourlyCost,
    p.overheadRate,
  ]);
  const productFormulas: CellValue[][] = products.map((_, i) => {
    const r = first + i;
    return [
      `=${a1(r, 3)}*${a1(r, 4)}/60`,
      `=IND.COSTPRICE(${a1(r, 4)},${a1(r, 5)},${n.ratioA},${a1(r, 6)})`,
      `=IND.COSTPRICE(${a1(r, 4)},${a1(r, 5)},${n.ratioB},${a1(r, 6)})`,
      `=${a1(r, 3)}*${a1(r, 8)}`,
      `=${a1(r, 3)}*${a1(r, 9)}`,
      `=${a1(r, 10)}*(1-${n.share})`,
      capCheck(10, n.ratioA, r),
      capCheck(11, n.ratioB, r),
    ];
  });
  const totals: CellValue[] = [
    L.total[lang],
    null,
    `=SUM(${rng(3)})`,
    null,
    null,
    null,
    `=SUM(${rng(7)})`,
    null,
    null,
    `=SUM(${rng(10)})`,
    `=SUM(${rng(11)})`,
    `=SUM(${rng(12)})`,
    null,
    null,
  ];

  // Summary: header at totalRow + 3, set A in B, set B in C, gap in D.
  const sumHead = totalRow + 3;
  const keys: SummaryKey[] = [
    'workload',
    'output',
    'lumpsum',
    'beforeFloor',
    'topUp',
    'capCut',
    'total',
    'checkFunding',
    'lumpsumSplit',
    'outputSplit',
    'checkSplit',
    'fte',
    'fteExcl',
    'allowance',
    'fteGapIncl',
    'fteGapExcl',
    'staff',
    'shortageFte',
    'capacityState',
    'costPerFte',
    'shortageEuro',
    'checkShortage',
    'staffCost',
    'productCosts',
    'allowanceCost',
    'checkCapacity',
  ];
  const summary = {} as Record<SummaryKey, number>;
  keys.forEach((k, i) => (summary[k] = sumHead + 1 + i));
  const at = (k: SummaryKey, c: number): string => a1(summary[k], c);
  const setCol = [2, 3] as const;
  const grossUp = (params.extraFteMode ?? 'beforeRatio') === 'beforeRatio' ? 'TRUE' : 'FALSE';
  const perSet = (k: SummaryKey, s: 0 | 1): string | null => {
    const c = setCol[s];
    const ratio = s === 0 ? n.ratioA : n.ratioB;
    const outCol = s === 0 ? 10 : 11;
    const priceCol = s === 0 ? 8 : 9;
    const capIn = `AND(ISNUMBER(${n.staff}),ISNUMBER(${n.capCost}))`;
    switch (k) {
      case 'workload':
        return `=${a1(totalRow, 7)}`;
      case 'output':
        return `=${a1(totalRow, outCol)}`;
      case 'lumpsum':
        return `=${n.lumpsum}`;
      case 'beforeFloor':
        return `=${at('lumpsum', c)}+${at('output', c)}`;
      case 'topUp':
        return `=MAX(0,${n.floor}-${at('beforeFloor', c)})`;
      case 'capCut':
        return `=IF(ISNUMBER(${n.cap}),MAX(0,${at('beforeFloor', c)}+${at('topUp', c)}-${n.cap}),0)`;
      case 'total': {
        const f = `IND.FUNDING(${rng(3)},${rng(priceCol)},${n.lumpsum},${n.floor})`;
        return `=IF(ISNUMBER(${n.cap}),MIN(${n.cap},${f}),${f})`;
      }
      case 'checkFunding':
        return `=${okOrDiff(`${at('total', c)}-(${n.lumpsum}+SUMPRODUCT(${rng(3)},${rng(priceCol)})+${at('topUp', c)}-${at('capCut', c)})`)}`;
      case 'lumpsumSplit':
        return `=${n.lumpsum}+${n.share}*${at('output', c)}`;
      case 'outputSplit':
        return `=(1-${n.share})*${at('output', c)}`;
      case 'checkSplit':
        return `=${okOrDiff(`${at('lumpsumSplit', c)}+${at('outputSplit', c)}-${at('beforeFloor', c)}`)}`;
      case 'fte':
      case 'fteExcl':
        return `=${STAFFING_FORMULAS.fteNeeded({
          hours: at('workload', c),
          weeks: n.weeks,
          hoursPerFte: n.hoursPerFte,
          ratio,
          extra: k === 'fte' ? n.extraFte : '0',
          grossUp: grossUp,
        })}`;
      case 'allowance':
        return `=${at('fte', c)}-${at('fteExcl', c)}`;
      case 'fteGapIncl':
      case 'fteGapExcl':
        return null;
      case 'staff':
        return `=IF(ISNUMBER(${n.staff}),${n.staff},"")`;
      case 'shortageFte':
        return `=IF(ISNUMBER(${n.staff}),${STAFFING_FORMULAS.capacityShortageFte(at('fte', c), n.staff)},"")`;
      case 'capacityState': {
        const x = at('shortageFte', c);
        const w = (st: keyof typeof CAPACITY_STATE_TEXT): string => `"${CAPACITY_STATE_TEXT[st][lang]}"`;
        return `=IF(${x}="","",IF(ABS(${x})<0.05,${w('balanced')},IF(${x}>0,${w('missing')},${w('overcapacity')})))`;
      }
      case 'costPerFte':
        return `=IF(ISNUMBER(${n.capCost}),${STAFFING_FORMULAS.costPerFte(n.weeks, n.hoursPerFte, n.capCost, n.capOverhead)},"")`;
      case 'shortageEuro':
        return `=IF(AND(${capIn},${at('shortageFte', c)}<>"",${at('costPerFte', c)}<>""),${STAFFING_FORMULAS.capacityShortageEuro(at('shortageFte', c), at('costPerFte', c))},"")`;
      case 'checkShortage':
        // S7 = S5 × S6 with the same sign: breaks when the € figure is computed another way.
        return `=IF(OR(${at('shortageEuro', c)}="",${at('shortageFte', c)}=""),"–",${checkFormula(`${at('shortageEuro', c)}-${at('shortageFte', c)}*${at('costPerFte', c)}`, EURO_TOLERANCE)})`;
      case 'staffCost':
        return `=IF(${capIn},${n.staff}*${at('costPerFte', c)},"")`;
      case 'productCosts':
        return `=${at('output', c)}`;
      case 'allowanceCost':
        return `=IF(${capIn},${at('allowance', c)}*${at('costPerFte', c)},"")`;
      case 'checkCapacity':
        return `=IF(OR(${at('staffCost', c)}="",${at('shortageEuro', c)}=""),"–",${okOrDiff(`${at('productCosts', c)}+${at('allowanceCost', c)}-${at('staffCost', c)}-${at('shortageEuro', c)}`)})`;
    }
  };
  const gapKeys = new Set<SummaryKey>([
    'workload',
    'output',
    'beforeFloor',
    'topUp',
    'capCut',
    'total',
    'lumpsumSplit',
    'outputSplit',
  ]);
  const gapOf = (k: SummaryKey): string | null => {
    // S3 and S2 are the gaps of the fte with and without the allowance: their own labelled rows.
    if (k === 'fteGapIncl') return `=${at('fte', 3)}-${at('fte', 2)}`;
    if (k === 'fteGapExcl') return `=${at('fteExcl', 3)}-${at('fteExcl', 2)}`;
    return gapKeys.has(k) ? `=IF(OR(${at(k, 2)}="",${at(k, 3)}=""),"",${at(k, 3)}-${at(k, 2)})` : null;
  };
  const SUMMARY_LABELS: Record<SummaryKey, Record<Lang, string>> = {
    workload: { nl: 'Werklast (uur)', en: 'Workload (hours)' },
    output: { nl: 'Outputfinanciering Σ prijs × volume (€)', en: 'Output funding Σ price × volume (€)' },
    lumpsum: { nl: 'Lumpsum (€)', en: 'Lumpsum (€)' },
    beforeFloor: { nl: 'Lumpsum + output (€)', en: 'Lumpsum + output (€)' },
    topUp: { nl: 'Aanvulling tot ondergrens (€)', en: 'Top-up to the floor (€)' },
    capCut: { nl: 'Korting door plafond (€)', en: 'Cut by the cap (€)' },
    total: { nl: 'Totale financiering (€)', en: 'Total funding (€)' },
    checkFunding: {
      nl: 'Controle: totaal = lumpsum + Σ prijs × volume (+ aanvulling − korting)',
      en: 'Check: total = lumpsum + Σ price × volume (+ top-up − cut)',
    },
    lumpsumSplit: { nl: 'Lumpsum na split (€)', en: 'Lumpsum after the split (€)' },
    outputSplit: { nl: 'Output na split (€)', en: 'Output after the split (€)' },
    checkSplit: { nl: 'Controle: split verandert het totaal niet', en: 'Check: the split keeps the total' },
    fte: { nl: '', en: '' },
    fteExcl: { nl: 'Benodigde fte zonder verloopopslag', en: 'Fte needed without the turnover allowance' },
    allowance: { nl: '', en: '' },
    fteGapIncl: { nl: '', en: '' },
    fteGapExcl: { nl: '', en: '' },
    staff: { nl: 'Bezetting (fte)', en: 'Staff (fte)' },
    shortageFte: { nl: '', en: '' },
    capacityState: { nl: 'Dat is', en: 'That is' },
    costPerFte: { nl: '', en: '' },
    shortageEuro: { nl: '', en: '' },
    checkShortage: {
      nl: 'Controle: S7 = S5 × S6 (zelfde teken)',
      en: 'Check: S7 = S5 × S6 (same sign)',
    },
    staffCost: { nl: 'Kosten bezetting (€)', en: 'Cost of staff (€)' },
    productCosts: {
      nl: 'Productkosten Σ volume × kostprijs (€)',
      en: 'Product costs Σ volume × cost price (€)',
    },
    allowanceCost: { nl: 'Kosten verloopopslag S4 × S6 (€)', en: 'Cost of the allowance S4 × S6 (€)' },
    checkCapacity: {
      nl: 'Controle: productkosten + kosten verloopopslag − kosten bezetting = S7',
      en: 'Check: product costs + cost of the allowance − cost of staff = S7',
    },
  };
  const labelOf = (k: SummaryKey): string => {
    const id = SUMMARY_FIGURES[k];
    return id ? figureLabel(id, lang) : SUMMARY_LABELS[k][lang];
  };
  const fmt = (k: SummaryKey): string =>
    k === 'workload'
      ? HOURS
      : ['fte', 'fteExcl', 'allowance', 'fteGapIncl', 'fteGapExcl', 'staff', 'shortageFte'].includes(k)
        ? FTE
        : k.startsWith('check')
          ? CHECK_FORMAT
          : k === 'capacityState'
            ? NF.general
            : EURO;
  const summaryRows: CellValue[][] = keys.map((k) => [labelOf(k), perSet(k, 0), perSet(k, 1), gapOf(k)]);
  const checkRows = new Set(keys.filter((k) => k.startsWith('check')).map((k) => summary[k]));
  // The definitions of every glossary figure on this sheet, below the summary.
  const legendTop = sumHead + keys.length + 2;
  const legend = legendBlocks(
    legendTop - 1,
    [
      'fteNeeded',
      'fteGapExclAllowance',
      'fteGapInclAllowance',
      'allowanceFte',
      'capacityShortageFte',
      'costPerFte',
      'capacityShortageEuro',
    ],
    lang,
  );

  // Chart data: beside the summary, stacked lumpsum / output / top-up per set.
  const chartTop = sumHead;
  const chartCol = 6;
  const chartRows: CellValue[][] = [
    [null, `=${a1(sumHead, 2)}`, `=${a1(sumHead, 3)}`],
    [SUMMARY_LABELS.lumpsumSplit[lang], `=${at('lumpsumSplit', 2)}`, `=${at('lumpsumSplit', 3)}`],
    [SUMMARY_LABELS.outputSplit[lang], `=${at('outputSplit', 2)}`, `=${at('outputSplit', 3)}`],
    [SUMMARY_LABELS.topUp[lang], `=${at('topUp', 2)}`, `=${at('topUp', 3)}`],
    [SUMMARY_LABELS.capCut[lang], `=-${at('capCut', 2)}`, `=-${at('capCut', 3)}`],
  ];

  const blocks: CellBlock[] = [
    { at: 'A1', cells: [[L.title[lang]]], style: 'title' },
    { at: 'A2', cells: [[L.note[lang]]], style: 'note' },
    { at: 'A4', cells: [[...L.paramHeader[lang]]], style: 'header' },
    { at: `A${paramTop}`, cells: PARAMS.map((p) => [labelFor(p)]) },
    // One cell per parameter: a linked cell is a formula (output style), never an input.
    ...PARAMS.map((p, i): CellBlock => ({
      at: `B${paramTop + i}`,
      cells: [[values[p.key]]],
      numberFormat: [[p.format]],
      style: linked(p.key) ? 'output' : 'input',
    })),
    {
      at: `C${paramTop}`,
      cells: PARAMS.map((p) => [
        linked(p.key) ? `${linkNote(p.key)} · ${p.name}` : `${p[lang][1]} · ${p.name}`,
      ]),
      style: 'note',
    },
    { at: `A${head - 1}`, cells: [[L.productsTitle[lang]]], style: 'title' },
    { at: `A${head}`, cells: [PRODUCT_COLS[lang]], style: 'header' },
    {
      at: `A${first}`,
      cells: productInputs,
      style: 'input',
      numberFormat: productInputs.map(() => [NF.text, NF.text, NF.count, NF.fte, EURO, PCT]),
    },
    {
      at: `G${first}`,
      cells: productFormulas,
      style: 'output',
      numberFormat: productFormulas.map(() => [
        HOURS,
        EURO,
        EURO,
        EURO,
        EURO,
        EURO,
        CHECK_FORMAT,
        CHECK_FORMAT,
      ]),
    },
    {
      at: `A${totalRow}`,
      cells: [totals],
      style: 'output',
      numberFormat: [totals.map((_, i) => (i === 2 ? NF.count : i === 6 ? HOURS : EURO))],
    },
    { at: `A${sumHead - 1}`, cells: [[L.summaryTitle[lang]]], style: 'title' },
    {
      at: `A${sumHead}`,
      cells: [[L.result[lang], setHeader(0), setHeader(1), L.gap[lang]]],
      style: 'header',
    },
    ...summaryRows.map((row, i): CellBlock => ({
      at: `A${sumHead + 1 + i}`,
      cells: [row],
      style: checkRows.has(sumHead + 1 + i) ? 'check' : 'output',
      numberFormat: [row.map((_, j) => (j === 0 ? NF.general : fmt(keys[i])))],
    })),
    ...legend,
    {
      at: a1(chartTop, chartCol),
      cells: chartRows,
      style: 'output',
      numberFormat: chartRows.map((r, i) => r.map((_, j) => (i === 0 || j === 0 ? NF.general : EURO))),
    },
  ];
  const plan: WritePlan = {
    action: lang === 'nl' ? 'Financieringsblad maken' : 'Create funding sheet',
    sheets: [
      {
        name: S,
        blocks,
        charts: [
          {
            type: 'ColumnStacked',
            title: L.chartTitle[lang],
            source: `${a1(chartTop, chartCol)}:${a1(chartTop + chartRows.length - 1, chartCol + 2)}`,
            seriesBy: 'Rows',
            at: a1(chartTop, chartCol + 4),
            to: a1(chartTop + 16, chartCol + 11),
          },
        ],
        columnWidths: {
          A: 260,
          B: 120,
          C: 120,
          D: 110,
          E: 110,
          F: 110,
          G: 110,
          H: 110,
          I: 110,
          J: 120,
          K: 120,
          L: 130,
          M: 120,
          N: 120,
        },
      },
    ],
    names: namePlans,
  };
  return {
    plan,
    result,
    layout: {
      firstProductRow: first,
      lastProductRow: last,
      totalRow,
      summary,
      summaryCols: { a: 2, b: 3, gap: 4 },
      names,
    },
  };
}

/** The plan of {@link buildFundingPlanSheets}, with the style legend on every sheet (styleLegend.ts). */
export function buildFundingPlan(
  ...args: Parameters<typeof buildFundingPlanSheets>
): ReturnType<typeof buildFundingPlanSheets> {
  return withLegend(buildFundingPlanSheets(...args), args[0].lang);
}
