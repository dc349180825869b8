/**
 * The write plan of the steering cycle (*sturingscyclus*), one action that writes:
 * - `IND Voorraad`: the stock profile (aggregates, never a case id or a name) with live columns
 *   (term, days late, ageing bucket, deadline period, penalty now), the ageing per product with an
 *   identity check, the coming periods, the cases expected to pass their deadline given the
 *   capacity, the penalty exposure now and at each coming period's end, the stock burn-down
 *   against capacity and the share within term, with two charts;
 * - `IND KPI`: the production plan against realisation per product and period (`IND_KPI`), year
 *   to date, production per fte against the norm, the year-end forecast by trend and by capacity
 *   (labelled), the "needs explanation" flags, and production per team against its norm;
 * - when forecasts were recorded: `IND Prognoses` (every version, carried over verbatim, with
 *   live scoring columns) and `IND Prognosekwaliteit` (accuracy and bias per product, series and
 *   horizon through IND.FORECASTERROR, what the bias would do to funding through
 *   IND.FUNDINGPATH, and a chart of forecast against realisation);
 * - the period's action table for the material KPI deviations, unless it exists (never
 *   overwritten), with open actions carried over and their history kept.
 *
 * The only constants are the aggregates of the exports and the user's inputs; every result is a
 * live formula over the parameter sheet's cells. The core computes the same figures
 * (`summary`), and the tests evaluate the sheets against it. Pure: input → `WritePlan`.
 */
import type { ActionRow } from '../../../core/funding/actions';
import { OPEN_STATUS, isOpen, periodSlug } from '../../../core/funding/actions';
import { cellText } from '../../../core/funding/cells';
import { isBlank } from '../../../core/input';
import type { Lang } from '../../../core/messages/types';
import { backlogPath } from '../../../core/backlog';
import {
  ageingByProduct,
  BUCKETS,
  BUCKET_LABELS,
  dueByPeriod,
  expectedPassing,
  exposure,
  type ProductAgeing,
} from '../../../core/steering/ageing';
import {
  createdHistory,
  linkTo,
  previousTable,
  readLoopFields,
  STEERING_ACTION_PREFIX,
} from '../../../core/steering/actionLoop';
import {
  comingPeriodEnds,
  excelSerial,
  type Calendar,
  type DayNumber,
} from '../../../core/steering/calendar';
import type { DecidedResult, StockResult } from '../../../core/steering/caseImport';
import {
  scoreForecasts,
  VERSION_HEADERS,
  type ForecastScore,
  type VersionRow,
} from '../../../core/steering/forecasts';
import {
  buildRealisation,
  KPI_LABELS,
  materialKpis,
  periodsAt,
  yearToDate,
  type KpiName,
  type KpiPlan,
  type KpiRealisation,
  type MaterialKpi,
} from '../../../core/steering/kpi';
import { yearEnd } from '../../../core/steering/yearEnd';
import type {
  CellBlock,
  CellValue,
  ChartPlan,
  NamePlan,
  SheetPlan,
  TablePlan,
  WritePlan,
} from '../../host/types';
import { absoluteRef, columnLetters, columnRef, escapeColumn, textLiteral } from '../formula';
import { actionTablePlan, type LoopActionRow } from './actionTable';
import { SCHEDULE_REF, ST_NAMES, ST_SHEETS, ST_TABLES } from './names';
import type { GeneralValues, ProductCapacity, SteeringParameters, TableRows } from './readBack';
import { withLegend } from '../styleLegend';
import { NF, times } from '../formats';

/** Largest horizon (coming periods): the blocks left of the profile table have room for six. */
export const MAX_HORIZON = 6;

/** Columns of the stock profile table. */
export const PROFILE_HEADERS = [
  'Product',
  'Basis',
  'Dagen',
  'Ingebrekestelling bekend',
  'Aantal',
  'Termijn (dagen)',
  'Dagen te laat',
  'Categorie',
  'Termijnperiode',
  'Gewicht',
  'Dwangsomdagen nu',
  'Dwangsom nu (€)',
] as const;

/** Columns of the table of cases with a known notice of default. */
export const NOTICE_HEADERS = [
  'Product',
  'Dagen sinds ingebrekestelling',
  'Aantal',
  'Dwangsomdagen nu',
  'Dwangsom nu (€)',
] as const;

/** Columns of `IND_KPI`. */
export const KPI_HEADERS = [
  'Product',
  'Periode',
  'Label',
  'Status',
  'Ontvangen plan',
  'Ontvangen real.',
  'Ontvangen verschil',
  'Besloten plan',
  'Besloten real.',
  'Besloten verschil',
  'Voorraad plan',
  'Voorraad real.',
  'Voorraad verschil',
  'Binnen termijn plan',
  'Binnen termijn real.',
  'Binnen termijn verschil',
  'Doorlooptijd plan',
  'Doorlooptijd real.',
  'Doorlooptijd verschil',
  'Besloten binnen termijn (aantal)',
  'Doorlooptijd totaal (dagen)',
  'Termijn gebruikt (dagen)',
  'Termijn gewijzigd sinds berekening',
] as const;

/** Columns of the team table. */
export const TEAM_KPI_HEADERS = [
  'Team',
  'Periode',
  'Label',
  'Status',
  'Besloten',
  'Fte',
  'Norm per fte',
  'Normproductie',
  'Productie t.o.v. norm',
] as const;

/** The live scoring columns appended to the versions table. */
export const SCORING_HEADERS = [
  'Realisatie',
  'Status',
  'Fout (P − R)',
  'Absolute fout',
  'Boven realisatie',
] as const;

/** Input of the cycle plan. */
export interface CyclePlanInput {
  lang: Lang;
  peil: DayNumber;
  /** Coming periods, 1 … {@link MAX_HORIZON}. */
  horizon: number;
  /** Label of the action period, e.g. "2026-T2" (tertaal) or "2026-05" (month). */
  period: string;
  params: SteeringParameters;
  capacity: Map<string, ProductCapacity>;
  stock: StockResult;
  decided?: DecidedResult;
  plan: readonly KpiPlan[];
  /** Every recorded forecast row (from `IND_Prognoses`), carried over verbatim. */
  versions?: readonly VersionRow[];
  /** Table names in the workbook (to find the previous action table). */
  tableNames: readonly string[];
  /** The previous steering action table, read, when there is one. */
  previousActions?: TableRows;
  sources: { stock: string; decided?: string };
}

/** What the core computes for the same inputs: the pane's summary and the tests' oracle. */
export interface CycleSummary {
  products: string[];
  ageing: ProductAgeing[];
  ageingTotal: ProductAgeing;
  exposureNow: { byProduct: Map<string, number>; total: number };
  /** Exposure at the end of each coming period (upper bound: none of these cases decided). */
  exposureAt: number[];
  /** Days from the peildatum to each coming period's end. */
  comingDays: number[];
  /** Per product: cases passing their deadline undecided in each coming period. */
  passing: Map<string, number[]>;
  capacityPerPeriod: Map<string, number>;
  burnDown: number[];
  realisation: KpiRealisation[];
  material: MaterialKpi[];
  yearEnd: Map<string, { trend?: number; capacity?: number }>;
  scores: ForecastScore[];
  periodsDone: number;
  currentPeriod: number;
}

/** Cell positions, for the tests and the pane. */
export interface CycleLayout {
  stock: {
    ageingFirstRow: number;
    ageingTotalRow: number;
    checkRow: number;
    comingFirstRow: number;
    dueFirstRow: number;
    passingFirstRow: number;
    passingTotalRow: number;
    exposureFirstRow: number;
    exposureTotalRow: number;
    burnFirstRow: number;
    shareFirstRow: number;
  };
  kpi: { ytdFirstRow: number; ytdTotalRow: number; tableRow: number; teamRow?: number };
  quality?: {
    groupFirstRow: number;
    fundingFirstRow: number;
    fundingTotalRow: number;
    chartFirstRow: number;
  };
  actionSheet?: string;
  actionTable: string;
}

/** The result of {@link buildCyclePlan}. */
export interface CyclePlan {
  plan: WritePlan;
  summary: CycleSummary;
  layout: CycleLayout;
  /** Rows written to the action table ([] when it existed already). */
  actions: LoopActionRow[];
  actionTableExisted: boolean;
  carriedFrom?: string;
}

const T = {
  stockTitle: { nl: 'Voorraad en beslistermijnen op', en: 'Stock and legal deadlines at' },
  stockNote: {
    nl: 'Alleen aantallen per product, nooit een zaaknummer of naam. Profiel rechts (N…): de export geaggregeerd op peildatum; termijn, dagen te laat, categorie en dwangsom rekenen live met IND Sturing Parameters. Dwangsom: Awb art. 4:17.',
    en: 'Counts per product only, never a case id or a name. Profile on the right (N…): the export aggregated at the reference date; term, days late, bucket and penalty compute live from IND Sturing Parameters. Penalty: Awb art. 4:17.',
  },
  info: {
    nl: [
      'Peildatum',
      'Bron (voorraad)',
      'Zaken in de export',
      'Horizon (komende perioden)',
      'Huidige periode',
      'Afgeronde perioden',
      'Ingebrekestelling',
    ],
    en: [
      'Reference date',
      'Source (stock)',
      'Cases in the export',
      'Horizon (coming periods)',
      'Current period',
      'Completed periods',
      'Notice of default',
    ],
  },
  infoNotes: {
    nl: [
      'uit het taakvenster: de datum van de export',
      '',
      '',
      'uit het taakvenster',
      'periode die de peildatum bevat',
      'perioden waarvan het einde op of vóór de peildatum ligt',
      '',
    ],
    en: [
      'from the task pane: the date of the export',
      '',
      '',
      'from the task pane',
      'period holding the reference date',
      'periods ending on or before the reference date',
      '',
    ],
  },
  noticeKnown: {
    nl: (n: number, total: number) =>
      `datum uit de export bij ${n} van ${total} zaken; de andere: aanname ${ST_NAMES.share} en ${ST_NAMES.toNotice}`,
    en: (n: number, total: number) =>
      `date from the export for ${n} of ${total} cases; the others: assumption ${ST_NAMES.share} and ${ST_NAMES.toNotice}`,
  },
  noticeNone: {
    nl: `de export heeft geen datum: aanname ${ST_NAMES.share} en ${ST_NAMES.toNotice}`,
    en: `the export has no date: assumption ${ST_NAMES.share} and ${ST_NAMES.toNotice}`,
  },
  ageing: {
    nl: 'Ouderdom ten opzichte van de beslistermijn (aantal zaken)',
    en: 'Age against the legal deadline (cases)',
  },
  ageingCols: {
    nl: [
      'Product',
      'Voorraad',
      ...BUCKETS.map((b) => BUCKET_LABELS[b].nl),
      'Aandeel binnen termijn',
      'Controle (som = voorraad)',
      'Dwangsomrisico nu (€)',
      'Te laat (aantal)',
    ],
    en: [
      'Product',
      'Stock',
      ...BUCKETS.map((b) => BUCKET_LABELS[b].en),
      'Share within term',
      'Check (sum = stock)',
      'Penalty exposure now (€)',
      'Late (cases)',
    ],
  },
  total: { nl: 'Totaal', en: 'Total' },
  check: { nl: 'Controle: voorraad = zaken in de export', en: 'Check: stock = cases in the export' },
  coming: { nl: 'Komende perioden', en: 'Coming periods' },
  comingCols: {
    nl: ['k', 'Periode', 'Einde', 'Dagen vanaf peildatum'],
    en: ['k', 'Period', 'End', 'Days from reference date'],
  },
  rest: { nl: ' (rest)', en: ' (rest)' },
  due: {
    nl: 'Zaken die nu binnen termijn zijn en hun termijn bereiken in periode k',
    en: 'Cases within term now that reach their deadline in period k',
  },
  passing: {
    nl: 'Verwacht aantal zaken dat zijn termijn passeert zonder besluit (capaciteit beslist de vroegste termijn eerst; nieuwe instroom niet meegeteld)',
    en: 'Expected cases passing their deadline undecided (capacity decides the earliest deadline first; new inflow not counted)',
  },
  capacityCol: { nl: 'Capaciteit per periode (zaken)', en: 'Capacity per period (cases)' },
  lateNow: { nl: 'Te laat nu', en: 'Late now' },
  exposureTitle: {
    nl: 'Dwangsomrisico (€) nu en aan het eind van periode k, als deze zaken niet eerder worden beslist (bovengrens)',
    en: 'Penalty exposure (€) now and at the end of period k, if these cases are not decided earlier (upper bound)',
  },
  now: { nl: 'Nu', en: 'Now' },
  burn: {
    nl: 'Voorraad tegen capaciteit (IND.BACKLOG in zaken)',
    en: 'Stock against capacity (IND.BACKLOG in cases)',
  },
  burnCols: {
    nl: ['Periode', 'Voorraad (prognose)', 'Capaciteit (zaken)', 'Instroom (plan)'],
    en: ['Period', 'Stock (forecast)', 'Capacity (cases)', 'Inflow (plan)'],
  },
  burnStart: { nl: 'Peildatum', en: 'Reference date' },
  share: { nl: 'Aandeel binnen termijn', en: 'Share within term' },
  shareCols: {
    nl: ['Product', 'Voorraad binnen termijn', 'Besloten binnen termijn (jaar tot nu)'],
    en: ['Product', 'Stock within term', 'Decided within term (year to date)'],
  },
  chartBurn: { nl: 'Voorraad tegen capaciteit', en: 'Stock against capacity' },
  chartShare: { nl: 'Aandeel binnen termijn', en: 'Share within term' },
  kpiTitle: { nl: 'Productieplan tegen realisatie', en: 'Production plan against realisation' },
  kpiNote: {
    nl: 'Verschil = realisatie − plan (positief = meer dan gepland). Jaar tot nu = de afgeronde perioden. Prognose jaareinde twee manieren: trend (gerealiseerd tempo doorgetrokken) en capaciteit (fte × weken × uren × directe uren × 60 / normtijd). Plan: IND Productieplan.',
    en: 'Variance = realisation − plan (positive = more than planned). Year to date = the completed periods. Year-end forecast two ways: trend (realised rate carried forward) and capacity (fte × weeks × hours × direct ratio × 60 / norm time). Plan: IND Productieplan.',
  },
  kpiInfo: {
    nl: ['Peildatum', 'Afgeronde perioden', 'Bron (besloten zaken)'],
    en: ['Reference date', 'Completed periods', 'Source (decided cases)'],
  },
  noDecided: {
    nl: 'geen export van besloten zaken: ontvangen, besloten, binnen termijn en doorlooptijd blijven leeg',
    en: 'no export of decided cases: received, decided, within term and lead time stay blank',
  },
  ytd: { nl: 'Jaar tot nu per product', en: 'Year to date per product' },
  ytdCols: {
    nl: [
      'Product',
      'Ontvangen: plan',
      'Ontvangen: realisatie',
      'Ontvangen: verschil',
      'Besloten: plan',
      'Besloten: realisatie',
      'Besloten: verschil',
      'Voorraad: plan (laatste afgeronde periode)',
      'Voorraad: realisatie',
      'Voorraad: verschil',
      'Binnen termijn besloten: plan',
      'Binnen termijn besloten: realisatie',
      'Binnen termijn: verschil',
      'Doorlooptijd (dagen): plan',
      'Doorlooptijd: realisatie',
      'Doorlooptijd: verschil',
      'Productie per fte per periode',
      'Norm per fte per periode',
      'Productie t.o.v. norm',
      'Prognose jaareinde besloten: TREND',
      'Capaciteit per periode (zaken)',
      'Prognose jaareinde besloten: CAPACITEIT',
      'Plan jaar besloten',
      'Toelichting nodig (≥ materialiteit)',
    ],
    en: [
      'Product',
      'Received: plan',
      'Received: realisation',
      'Received: variance',
      'Decided: plan',
      'Decided: realisation',
      'Decided: variance',
      'Stock: plan (last completed period)',
      'Stock: realisation',
      'Stock: variance',
      'Decided within term: plan',
      'Decided within term: realisation',
      'Within term: variance',
      'Lead time (days): plan',
      'Lead time: realisation',
      'Lead time: variance',
      'Production per fte per period',
      'Norm per fte per period',
      'Production against norm',
      'Year-end forecast decided: TREND',
      'Capacity per period (cases)',
      'Year-end forecast decided: CAPACITY',
      'Plan year decided',
      'Needs explanation (≥ materiality)',
    ],
  },
  kpiTable: { nl: 'Per product en periode', en: 'Per product and period' },
  teams: { nl: 'Productie per team tegen de teamnorm', en: 'Production per team against the team norm' },
  changed: { nl: 'ja: bereken opnieuw', en: 'yes: run again' },
  versionsTitle: { nl: 'Prognoseversies', en: 'Forecast versions' },
  versionsNote: {
    nl: 'Elke vastgelegde prognose blijft staan (versie, datum, wie, horizon in perioden vooruit). Realisatie en fout rekenen live zodra de periode is afgerond; tot dan: wacht op realisatie.',
    en: 'Every recorded forecast stays (version, date, who, horizon in periods ahead). Realisation and error compute live once the period is complete; until then: pending.',
  },
  qualityTitle: { nl: 'Prognosekwaliteit', en: 'Forecast quality' },
  qualityNote: {
    nl: 'P = prognose, R = realisatie. WAPE = Σ|P − R| / Σ|R|; MAPE = gemiddelde |P − R| / |R| (fout bij R = 0, met de rij); bias = gemiddelde (P − R), positief = te hoog voorspeld. Alle via IND.FORECASTERROR.',
    en: 'F = forecast, A = actual. WAPE = Σ|F − A| / Σ|A|; MAPE = mean |F − A| / |A| (error at A = 0, naming the row); bias = mean (F − A), positive = over-forecast. All through IND.FORECASTERROR.',
  },
  forecastHorizon: {
    nl: 'Horizon voor de financieringstoets en de grafiek',
    en: 'Horizon of the funding check and the chart',
  },
  groupCols: {
    nl: [
      'Product',
      'Reeks',
      'Horizon',
      'Gescoord',
      'Wacht op realisatie',
      'WAPE',
      'MAPE',
      'Bias',
      'Aandeel te hoog',
    ],
    en: ['Product', 'Series', 'Horizon', 'Scored', 'Pending', 'WAPE', 'MAPE', 'Bias', 'Share over-forecast'],
  },
  pending: { nl: 'wacht op realisatie', en: 'pending' },
  funding: {
    nl: 'Wat de bias van de prognose (ontvangen) met de financiering zou doen: IND.FUNDINGPATH op de gerealiseerde werklast, en op de werklast plus de bias',
    en: 'What the bias of the forecast (received) would do to funding: IND.FUNDINGPATH on the realised workload, and on the workload plus the bias',
  },
  fundingProductCols: {
    nl: ['Product', 'Normtijd (min)', 'Bias ontvangen (zaken per periode)', 'Bias (uren per periode)'],
    en: ['Product', 'Norm time (min)', 'Bias received (cases per period)', 'Bias (hours per period)'],
  },
  fundingCols: {
    nl: [
      'Periode',
      'Werklast gerealiseerd (uren)',
      'Werklast met bias (uren)',
      'Financiering gerealiseerd (€)',
      'Financiering met bias (€)',
      'Verschil door bias (€)',
    ],
    en: [
      'Period',
      'Workload realised (hours)',
      'Workload with bias (hours)',
      'Funding realised (€)',
      'Funding with bias (€)',
      'Difference from bias (€)',
    ],
  },
  noPeriods: {
    nl: 'nog geen afgeronde periode met realisatie',
    en: 'no completed period with realisation yet',
  },
  chartData: {
    nl: 'Prognose tegen realisatie (ontvangen, alle producten)',
    en: 'Forecast against realisation (received, all products)',
  },
  chartCols: { nl: ['Periode', 'Realisatie', 'Prognose'], en: ['Period', 'Realisation', 'Forecast'] },
  actionsTitle: { nl: 'Acties bij KPI-afwijkingen', en: 'Actions on KPI deviations' },
  actionsNote: {
    nl: 'Vul per afwijking oorzaak, actie, eigenaar, vervaldatum, status en de benodigde capaciteit in. Achterstallig en terugkerend rekenen live. Het taakvenster overschrijft deze tabel nooit; open acties gaan met hun historie mee naar de volgende periode.',
    en: 'For each deviation fill in cause, action, owner, due date, status and the capacity needed. Overdue and recurring compute live. The task pane never overwrites this table; open actions carry over with their history to the next period.',
  },
  amountHeader: { nl: 'Afwijking (eenheid van de KPI)', en: 'Deviation (unit of the KPI)' },
} as const;

const me = (column: string): string => `[@[${escapeColumn(column)}]]`;
const col = (table: string, column: string): string => columnRef(table, column);
const A = (c: number, r: number): string => `${columnLetters(c)}${r}`;
const ABS = (c: number, r: number): string => `$${columnLetters(c)}$${r}`;

/** The products of the cycle: those of the deadline table that have cases, then any others, in that order. */
function productsOf(input: CyclePlanInput): string[] {
  const seen = new Set<string>([...input.stock.products.keys(), ...(input.decided?.products.keys() ?? [])]);
  const ordered = [...input.params.terms.keys()].filter((p) => seen.has(p));
  return [...ordered, ...[...seen].filter((p) => !ordered.includes(p)).sort()];
}

/** Cases per period the capacity of a product allows: fte × weeks × hours × ratio × 60 / norm. */
function capacityOf(c: ProductCapacity, g: GeneralValues): number {
  return (c.fte * g.weeks * g.hoursPerFte * g.directRatio * 60) / c.normMinutes;
}

/** Builds the cycle's plan and the core's summary of the same figures. */
function buildCyclePlanSheets(input: CyclePlanInput): CyclePlan {
  const { lang, params } = input;
  const g = params.general;
  const cal = params.calendar;
  const products = productsOf(input);
  const { current, done } = periodsAt(cal, input.peil);
  const H = Math.min(Math.max(1, Math.round(input.horizon)), MAX_HORIZON);

  // ---- The core's figures (summary and oracle) ----
  const ag = ageingByProduct(input.stock.profile, params.terms);
  const ends = comingPeriodEnds(cal, input.peil, H, g.weeks).map((e) => e - input.peil);
  const assumptions = { shareWithNotice: g.share, daysToNotice: g.toNotice, startDays: g.start };
  const exposureNow = exposure(
    input.stock.profile,
    input.stock.notices,
    params.terms,
    params.schedule,
    assumptions,
    0,
  );
  const exposureAt = ends.map(
    (d) =>
      exposure(input.stock.profile, input.stock.notices, params.terms, params.schedule, assumptions, d).total,
  );
  const due = dueByPeriod(input.stock.profile, params.terms, ends);
  const capacityPerPeriod = new Map(products.map((p) => [p, capacityOf(input.capacity.get(p)!, g)]));
  const passing = new Map(
    products.map((p) => {
      const pa = ag.products.find((x) => x.product === p);
      const late = pa ? pa.stock - pa.buckets.within : 0;
      const cap = capacityPerPeriod.get(p)!;
      return [
        p,
        expectedPassing(
          late,
          due.get(p) ?? ends.map(() => 0),
          ends.map((d) => (cap * d) / (7 * g.weeks)),
        ),
      ];
    }),
  );
  const totalCap = [...capacityPerPeriod.values()].reduce((s, x) => s + x, 0);
  const spans = ends.map((d, k) => (d - (k === 0 ? 0 : ends[k - 1])) / (7 * g.weeks));
  const inflow = spans.map((span, k) => {
    const idx = current + k;
    if (idx > cal.periods.length) return 0;
    return input.plan.filter((x) => x.period === idx).reduce((s, x) => s + (x.received ?? 0), 0) * span;
  });
  const burnDown = Array.from(
    backlogPath(
      inflow,
      spans.map((s) => totalCap * s),
      ag.total.stock,
    ),
  );
  const realisation = buildRealisation(products, input.stock, input.decided, cal);
  const ytd = yearToDate(products, realisation, input.plan, done);
  const material = materialKpis(ytd, g.materiality);
  const yearEnds = new Map(
    ytd.map((y) => {
      const dec = y.real.besloten;
      return [
        y.product,
        {
          trend: dec !== undefined && done > 0 ? yearEnd(dec, done, { method: 'trend' }) : undefined,
          capacity:
            dec !== undefined
              ? yearEnd(dec, done, {
                  method: 'capacity',
                  capacityPerPeriod: capacityPerPeriod.get(y.product)!,
                })
              : undefined,
        },
      ];
    }),
  );
  const actualOf = (product: string, series: string, label: string): number | undefined => {
    const r = realisation.find((x) => x.product === product && x.label === label);
    if (!r || r.status !== 'afgerond') return undefined;
    return series === 'ontvangen' ? r.received : r.decided;
  };
  const scores = input.versions && input.versions.length > 0 ? scoreForecasts(input.versions, actualOf) : [];

  // ---- Sheets ----
  const names: NamePlan[] = [];
  const stock = stockSheet(input, products, H, ag.products, names);
  const kpi = kpiSheet(input, products, realisation, names);
  const sheets: SheetPlan[] = [stock.sheet, kpi.sheet];
  let quality: CycleLayout['quality'];
  if (input.versions && input.versions.length > 0) {
    sheets.push(versionsSheet(input.versions, lang));
    const q = qualitySheet(lang, cal, products, input.versions, done, names);
    sheets.push(q.sheet);
    quality = q.layout;
  }
  // Cross-sheet reference for the share chart: the KPI sheet's year-to-date share per product.
  const shareBlock = stock.sheet.blocks.find((b) => b.at === `A${stock.layout.shareFirstRow}`)!;
  products.forEach((_, i) => {
    shareBlock.cells[i][2] =
      `=IF(${q(ST_SHEETS.kpi)}!${A(12, kpi.layout.ytdFirstRow + i)}="",NA(),${q(ST_SHEETS.kpi)}!${A(12, kpi.layout.ytdFirstRow + i)})`;
  });

  // ---- Actions ----
  const slug = periodSlug(input.period);
  const actionTable = `${STEERING_ACTION_PREFIX}${slug}`;
  const actionSheet = `${ST_SHEETS.actions} ${input.period.trim()}`;
  const existed = input.tableNames.some((n) => n.toLowerCase() === actionTable.toLowerCase());
  let actions: LoopActionRow[] = [];
  let carriedFrom: string | undefined;
  if (!existed) {
    carriedFrom =
      input.previousActions?.name ?? previousTable(input.tableNames, STEERING_ACTION_PREFIX, actionTable);
    const carried = input.previousActions ? carryOver(input.previousActions) : [];
    const fresh = material.map((m): LoopActionRow => {
      const i = products.indexOf(m.product);
      const column = { ontvangen: 4, besloten: 7, voorraad: 10, binnenTermijn: 13, doorlooptijd: 16 }[m.kpi];
      const c = input.capacity.get(m.product)!;
      return {
        variance: `${m.product} · ${KPI_LABELS[m.kpi][lang]}`,
        amount: m.variance,
        period: input.period.trim(),
        cause: '',
        action: '',
        owner: '',
        due: '',
        status: OPEN_STATUS,
        link: linkTo(ST_SHEETS.kpi, A(column, kpi.layout.ytdFirstRow + i)),
        // Fewer decisions than planned: the shortfall × norm time is the capacity to catch up.
        capacityHours: m.kpi === 'besloten' && m.variance < 0 ? (-m.variance * c.normMinutes) / 60 : '',
        history: createdHistory(input.period.trim(), lang),
      };
    });
    actions = [...carried, ...fresh];
    sheets.push({
      name: actionSheet,
      blocks: [
        { at: 'A1', cells: [[`${T.actionsTitle[lang]} ${input.period.trim()}`]], style: 'title' },
        { at: 'A2', cells: [[T.actionsNote[lang]]], style: 'note' },
      ],
      tables: [actionTablePlan(actionTable, 'A4', actions, lang, T.amountHeader[lang])],
      columnWidths: {
        A: 180,
        B: 110,
        C: 80,
        D: 200,
        E: 200,
        F: 120,
        G: 100,
        H: 90,
        I: 160,
        J: 110,
        K: 90,
        L: 90,
        M: 300,
      },
    });
  }

  return {
    plan: {
      action:
        lang === 'nl'
          ? `Sturing berekenen (${input.period.trim()})`
          : `Run steering cycle (${input.period.trim()})`,
      sheets,
      names,
    },
    summary: {
      products,
      ageing: ag.products,
      ageingTotal: ag.total,
      exposureNow,
      exposureAt,
      comingDays: ends,
      passing,
      capacityPerPeriod,
      burnDown,
      realisation,
      material,
      yearEnd: yearEnds,
      scores,
      periodsDone: done,
      currentPeriod: current,
    },
    layout: {
      stock: stock.layout,
      kpi: kpi.layout,
      quality,
      actionSheet: existed ? undefined : actionSheet,
      actionTable,
    },
    actions,
    actionTableExisted: existed,
    carriedFrom,
  };
}

/** A sheet name quoted for a formula. */
function q(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** Open rows of the previous steering action table, with their loop fields and history. */
function carryOver(t: TableRows): LoopActionRow[] {
  const keys = t.headers.map((h) => h.trim().toLowerCase());
  const at = (names: string[]): number => keys.findIndex((k) => names.includes(k));
  const c = {
    variance: at(['verschil', 'variance']),
    amount: at(['afwijking (eenheid van de kpi)', 'deviation (unit of the kpi)', 'bedrag (€)', 'amount (€)']),
    period: at(['periode', 'period']),
    cause: at(['oorzaak', 'cause']),
    action: at(['actie', 'action']),
    owner: at(['eigenaar', 'owner']),
    due: at(['vervaldatum', 'due date']),
    status: at(['status']),
  };
  const text = (v: unknown): string => (isBlank(v) ? '' : cellText(v));
  return t.rows
    .filter((r) => !r.every(isBlank) && isOpen(c.status >= 0 ? r[c.status] : ''))
    .map((r): LoopActionRow => {
      const status = c.status >= 0 && !isBlank(r[c.status]) ? cellText(r[c.status]) : OPEN_STATUS;
      const amount = c.amount >= 0 ? r[c.amount] : '';
      const dueV = c.due >= 0 ? r[c.due] : '';
      const row: ActionRow = {
        variance: text(r[c.variance]),
        amount: typeof amount === 'number' ? amount : text(amount),
        period: text(r[c.period]),
        cause: c.cause >= 0 ? text(r[c.cause]) : '',
        action: c.action >= 0 ? text(r[c.action]) : '',
        owner: c.owner >= 0 ? text(r[c.owner]) : '',
        due: typeof dueV === 'number' ? dueV : text(dueV),
        status,
      };
      return { ...row, ...readLoopFields(t.headers, r, t.name, status) };
    });
}

// ----------------------------------------------------------------------------------------------
// IND Voorraad

function stockSheet(
  input: CyclePlanInput,
  products: string[],
  H: number,
  ageing: ProductAgeing[],
  names: NamePlan[],
): { sheet: SheetPlan; layout: CycleLayout['stock'] } {
  const { lang } = input;
  const sheet = ST_SHEETS.stock;
  const P = products.length;
  const PR = ST_TABLES.profile;
  const NT = ST_TABLES.notices;
  const labels = BUCKETS.map((b) => BUCKET_LABELS[b][lang]);
  const noticeCases = input.stock.notices.reduce((s, r) => s + r.count, 0);

  // Info block rows 4..10.
  const info: CellValue[] = [
    excelSerial(input.peil),
    input.sources.stock,
    input.stock.cases,
    H,
    `=COUNTIF(${col(ST_TABLES.calendar, 'Begin')},"<="&${ST_NAMES.peil})`,
    `=COUNTIF(${col(ST_TABLES.calendar, 'Einde')},"<="&${ST_NAMES.peil})`,
    input.stock.hasNoticeColumn ? T.noticeKnown[lang](noticeCases, input.stock.cases) : T.noticeNone[lang],
  ];
  names.push(
    { name: ST_NAMES.peil, ref: absoluteRef(sheet, 4, 2), comment: T.info.nl[0] },
    { name: ST_NAMES.horizon, ref: absoluteRef(sheet, 7, 2), comment: T.info.nl[3] },
    { name: ST_NAMES.current, ref: absoluteRef(sheet, 8, 2), comment: T.info.nl[4] },
    { name: ST_NAMES.done, ref: absoluteRef(sheet, 9, 2), comment: T.info.nl[5] },
  );

  // Ageing: header 12, products 13…, total.
  const aHead = 12;
  const a0 = aHead + 1;
  const aTot = a0 + P;
  const aCheck = aTot + 1;
  const ageRow = (p: string, r: number): CellValue[] => {
    const by = (extra: string): string =>
      `=SUMIFS(${col(PR, 'Aantal')},${col(PR, 'Product')},$A${r}${extra})`;
    return [
      p,
      by(''),
      ...labels.map((l) => by(`,${col(PR, 'Categorie')},${textLiteral(l)}`)),
      `=IF(B${r}=0,"",C${r}/B${r})`,
      `=IF(SUM(C${r}:G${r})=B${r},"OK","fout: "&(SUM(C${r}:G${r})-B${r}))`,
      `=SUMIFS(${col(PR, 'Dwangsom nu (€)')},${col(PR, 'Product')},$A${r})+SUMIFS(${col(NT, 'Dwangsom nu (€)')},${col(NT, 'Product')},$A${r})`,
      `=SUM(D${r}:G${r})`,
    ];
  };
  const sumCol = (c: string): string => `=SUM(${c}${a0}:${c}${aTot - 1})`;
  const ageingRows: CellValue[][] = [
    ...products.map((p, i) => ageRow(p, a0 + i)),
    [
      T.total[lang],
      sumCol('B'),
      sumCol('C'),
      sumCol('D'),
      sumCol('E'),
      sumCol('F'),
      sumCol('G'),
      `=IF(B${aTot}=0,"",C${aTot}/B${aTot})`,
      `=IF(SUM(C${aTot}:G${aTot})=B${aTot},"OK","fout: "&(SUM(C${aTot}:G${aTot})-B${aTot}))`,
      sumCol('J'),
      sumCol('K'),
    ],
  ];

  // Coming periods.
  const cTitle = aCheck + 2;
  const cHead = cTitle + 1;
  const c0 = cHead + 1;
  const KAL = ST_TABLES.calendar;
  const comingRows: CellValue[][] = Array.from({ length: H }, (_, i) => {
    const k = i + 1;
    const r = c0 + i;
    const idx = `${ST_NAMES.current}+${k - 1}`;
    return [
      k,
      k === 1
        ? `=INDEX(${col(KAL, 'Label')},${ST_NAMES.current})&${textLiteral(T.rest[lang])}`
        : `=IF(${idx}<=13,INDEX(${col(KAL, 'Label')},MIN(13,${idx})),INDEX(${col(KAL, 'Label')},13)&" +"&(${idx}-13))`,
      k === 1
        ? `=INDEX(${col(KAL, 'Einde')},${ST_NAMES.current})`
        : `=IF(${idx}<=13,INDEX(${col(KAL, 'Einde')},MIN(13,${idx})),C${r - 1}+7*${ST_NAMES.weeks})`,
      `=C${r}-${ST_NAMES.peil}`,
    ];
  });
  names.push({ name: ST_NAMES.ends, ref: `='${sheet}'!$C$${c0}:$C$${c0 + H - 1}`, comment: T.coming.nl });
  const Dk = (k: number): string => (k === 0 ? '0' : ABS(4, c0 + k - 1));

  // Due per coming period.
  const dTitle = c0 + H + 1;
  const dHead = dTitle + 1;
  const d0 = dHead + 1;
  const dueRows: CellValue[][] = [
    ...products.map((p, i) => [
      p,
      ...Array.from(
        { length: H },
        (_, j) =>
          `=SUMIFS(${col(PR, 'Aantal')},${col(PR, 'Product')},$A${d0 + i},${col(PR, 'Termijnperiode')},${j + 1})`,
      ),
    ]),
    [T.total[lang], ...Array.from({ length: H }, (_, j) => `=SUM(${A(j + 2, d0)}:${A(j + 2, d0 + P - 1)})`)],
  ];

  // Expected passings.
  const pTitle = d0 + P + 2;
  const pHead = pTitle + 1;
  const p0 = pHead + 1;
  const pTot = p0 + P;
  const CAP = ST_TABLES.capacity;
  const match = (r: number): string => `MATCH($A${r},${col(CAP, 'Product')},0)`;
  const capFormula = (r: number): string =>
    `=IND.CAPACITY(INDEX(${col(CAP, 'Fte beschikbaar')},${match(r)}),${ST_NAMES.weeks},${ST_NAMES.hoursPerFte},${ST_NAMES.directRatio})*60/INDEX(${col(CAP, 'Normtijd (min per zaak)')},${match(r)})`;
  const passingRows: CellValue[][] = [
    ...products.map((p, i) => {
      const r = p0 + i;
      const dr = d0 + i;
      return [
        p,
        capFormula(r),
        `=K${a0 + i}`,
        ...Array.from({ length: H }, (_, j) => {
          const dueCell = A(j + 2, dr);
          return `=MIN(${dueCell},MAX(0,$C${r}+SUM($B${dr}:${dueCell})-$B${r}*${Dk(j + 1)}/(7*${ST_NAMES.weeks})))`;
        }),
        `=SUM(${A(4, r)}:${A(3 + H, r)})`,
      ];
    }),
    [
      T.total[lang],
      `=SUM(B${p0}:B${pTot - 1})`,
      `=SUM(C${p0}:C${pTot - 1})`,
      ...Array.from({ length: H + 1 }, (_, j) => `=SUM(${A(j + 4, p0)}:${A(j + 4, pTot - 1)})`),
    ],
  ];

  // Exposure now and at each coming period's end.
  const eTitle = pTot + 2;
  const eHead = eTitle + 1;
  const e0 = eHead + 1;
  const eTot = e0 + P;
  const penaltyAt = (r: number, k: number): string =>
    `=SUMPRODUCT((${col(PR, 'Product')}=$A${r})*${col(PR, 'Aantal')}*${col(PR, 'Gewicht')}*IND.PENALTY(${col(PR, 'Dwangsomdagen nu')}+${Dk(k)},${SCHEDULE_REF}))` +
    `+SUMPRODUCT((${col(NT, 'Product')}=$A${r})*${col(NT, 'Aantal')}*IND.PENALTY(${col(NT, 'Dwangsomdagen nu')}+${Dk(k)},${SCHEDULE_REF}))`;
  const exposureRows: CellValue[][] = [
    ...products.map((p, i) => [
      p,
      `=J${a0 + i}`,
      ...Array.from({ length: H }, (_, j) => penaltyAt(e0 + i, j + 1)),
    ]),
    [
      T.total[lang],
      ...Array.from({ length: H + 1 }, (_, j) => `=SUM(${A(j + 2, e0)}:${A(j + 2, eTot - 1)})`),
    ],
  ];

  // Burn-down (chart data): k = 0 … H.
  const bTitle = eTot + 2;
  const bHead = bTitle + 1;
  const b0 = bHead + 1;
  const bFirst = b0 + 1;
  const bLast = b0 + H;
  const burnRows: CellValue[][] = [
    [T.burnStart[lang], `=B${aTot}`, null, null],
    ...Array.from({ length: H }, (_, i): CellValue[] => {
      const k = i + 1;
      const span = `(${Dk(k)}-${Dk(k - 1)})/(7*${ST_NAMES.weeks})`;
      const idx = `${ST_NAMES.current}+${k - 1}`;
      return [
        `=B${c0 + i}`,
        `=INDEX(IND.BACKLOG($D$${bFirst}:$D$${bLast},$C$${bFirst}:$C$${bLast},$B$${b0}),${k})`,
        `=$B$${pTot}*${span}`,
        `=IF(${idx}>13,0,SUMIFS(${col(ST_TABLES.plan, 'Plan ontvangen')},${col(ST_TABLES.plan, 'Periode')},INDEX(${col(KAL, 'Label')},MIN(13,${idx}))))*${span}`,
      ];
    }),
  ];

  // Share within term (chart data); column C is filled in by the caller (KPI sheet reference).
  const sTitle = bLast + 2;
  const sHead = sTitle + 1;
  const s0 = sHead + 1;
  const shareRows: CellValue[][] = products.map((p, i) => [p, `=IF(H${a0 + i}="",NA(),H${a0 + i})`, null]);

  // Tables on the right.
  const profileRows: CellValue[][] = input.stock.profile.map((r) => [
    r.product,
    r.basis,
    r.days,
    r.notice ? 'ja' : 'nee',
    r.count,
    `=IF([@Basis]="ontvangst",INDEX(${col(ST_TABLES.deadlines, 'Termijn (dagen)')},MATCH([@Product],${col(ST_TABLES.deadlines, 'Product')},0)),"")`,
    `=IF([@Basis]="ontvangst",[@Dagen]-${me('Termijn (dagen)')},[@Dagen])`,
    `=IF(${me('Dagen te laat')}<=0,${textLiteral(labels[0])},IF(${me('Dagen te laat')}<=14,${textLiteral(labels[1])},IF(${me('Dagen te laat')}<=28,${textLiteral(labels[2])},IF(${me('Dagen te laat')}<=42,${textLiteral(labels[3])},${textLiteral(labels[4])}))))`,
    `=IF(${me('Dagen te laat')}>0,0,IF(COUNTIF(${ST_NAMES.ends},"<"&(${ST_NAMES.peil}-${me('Dagen te laat')}))+1>${ST_NAMES.horizon},"",COUNTIF(${ST_NAMES.ends},"<"&(${ST_NAMES.peil}-${me('Dagen te laat')}))+1))`,
    `=IF(${me('Ingebrekestelling bekend')}="ja",0,${ST_NAMES.share})`,
    `=${me('Dagen te laat')}-${ST_NAMES.toNotice}-${ST_NAMES.start}`,
    `=[@Aantal]*[@Gewicht]*IND.PENALTY(${me('Dwangsomdagen nu')},${SCHEDULE_REF})`,
  ]);
  const noticeRows: CellValue[][] = (
    input.stock.notices.length > 0
      ? input.stock.notices
      : [{ product: lang === 'nl' ? '(geen)' : '(none)', days: 0, count: 0 }]
  ).map((r) => [
    r.product,
    r.days,
    r.count,
    `=${me('Dagen sinds ingebrekestelling')}-${ST_NAMES.start}`,
    `=[@Aantal]*IND.PENALTY(${me('Dwangsomdagen nu')},${SCHEDULE_REF})`,
  ]);
  const profileTable: TablePlan = {
    name: PR,
    at: 'N4',
    headers: [...PROFILE_HEADERS],
    rows: profileRows,
    columnFormats: [
      NF.text,
      NF.text,
      NF.integer,
      NF.text,
      NF.count,
      NF.integer,
      NF.integer,
      null,
      NF.integer,
      NF.percent,
      NF.integer,
      NF.amountCents,
    ],
  };
  const noticeTable: TablePlan = {
    name: NT,
    at: 'AA4',
    headers: [...NOTICE_HEADERS],
    rows: noticeRows,
    columnFormats: [NF.text, NF.integer, NF.count, NF.integer, NF.amountCents],
  };

  const horizonHeaders = (prefix: string): string[] =>
    Array.from({ length: H }, (_, j) => `${prefix}k = ${j + 1}`);
  const blocks: CellBlock[] = [
    { at: 'A1', cells: [[`${T.stockTitle[lang]} ${fmtDate(input.peil)}`]], style: 'title' },
    { at: 'A2', cells: [[T.stockNote[lang]]], style: 'note' },
    { at: 'A4', cells: T.info[lang].map((l) => [l]), style: 'header' },
    {
      at: 'B4',
      cells: info.map((v) => [v]),
      style: 'output',
      numberFormat: [[NF.date], [NF.text], [NF.count], [NF.integer], [NF.integer], [NF.integer], [NF.text]],
    },
    { at: 'C4', cells: T.infoNotes[lang].map((l) => [l]), style: 'note' },
    { at: `A${aHead - 1}`, cells: [[T.ageing[lang]]], style: 'title' },
    { at: `A${aHead}`, cells: [[...T.ageingCols[lang]]], style: 'header' },
    {
      at: `A${a0}`,
      cells: ageingRows,
      style: 'output',
      numberFormat: ageingRows.map(() => [
        NF.text,
        ...times(6, NF.count),
        NF.share,
        NF.text,
        NF.amountCents,
        NF.count,
      ]),
    },
    {
      at: `A${aCheck}`,
      cells: [[T.check[lang], `=IF(B${aTot}=B6,"OK","fout: "&(B${aTot}-B6))`]],
      style: 'check',
    },
    { at: `A${cTitle}`, cells: [[T.coming[lang]]], style: 'title' },
    { at: `A${cHead}`, cells: [[...T.comingCols[lang]]], style: 'header' },
    {
      at: `A${c0}`,
      cells: comingRows,
      style: 'output',
      numberFormat: comingRows.map(() => [NF.integer, NF.text, NF.date, NF.integer]),
    },
    { at: `A${dTitle}`, cells: [[T.due[lang]]], style: 'title' },
    { at: `A${dHead}`, cells: [['Product', ...horizonHeaders('')]], style: 'header' },
    {
      at: `A${d0}`,
      cells: dueRows,
      style: 'output',
      numberFormat: dueRows.map((r) => r.map((_, j) => (j === 0 ? NF.text : NF.count))),
    },
    { at: `A${pTitle}`, cells: [[T.passing[lang]]], style: 'title' },
    {
      at: `A${pHead}`,
      cells: [['Product', T.capacityCol[lang], T.lateNow[lang], ...horizonHeaders(''), T.total[lang]]],
      style: 'header',
    },
    {
      at: `A${p0}`,
      cells: passingRows,
      style: 'output',
      numberFormat: passingRows.map((r) => r.map((_, j) => (j === 0 ? NF.text : NF.fte))),
    },
    { at: `A${eTitle}`, cells: [[T.exposureTitle[lang]]], style: 'title' },
    { at: `A${eHead}`, cells: [['Product', T.now[lang], ...horizonHeaders('')]], style: 'header' },
    {
      at: `A${e0}`,
      cells: exposureRows,
      style: 'output',
      numberFormat: exposureRows.map((r) => r.map((_, j) => (j === 0 ? NF.text : NF.amountCents))),
    },
    { at: `A${bTitle}`, cells: [[T.burn[lang]]], style: 'title' },
    { at: `A${bHead}`, cells: [[...T.burnCols[lang]]], style: 'header' },
    {
      at: `A${b0}`,
      cells: burnRows,
      style: 'output',
      numberFormat: burnRows.map(() => [NF.text, NF.fte, NF.fte, NF.fte]),
    },
    { at: `A${sTitle}`, cells: [[T.share[lang]]], style: 'title' },
    { at: `A${sHead}`, cells: [[...T.shareCols[lang]]], style: 'header' },
    {
      at: `A${s0}`,
      cells: shareRows,
      style: 'output',
      numberFormat: shareRows.map(() => [NF.text, NF.share, NF.share]),
    },
  ];
  const charts: ChartPlan[] = [
    {
      type: 'Line',
      title: T.chartBurn[lang],
      source: `A${bHead}:D${bLast}`,
      seriesBy: 'Columns',
      at: `F${bTitle}`,
      to: `L${bTitle + 16}`,
    },
    {
      type: 'ColumnClustered',
      title: T.chartShare[lang],
      source: `A${sHead}:C${s0 + products.length - 1}`,
      seriesBy: 'Columns',
      at: `F${sTitle}`,
      to: `L${sTitle + 16}`,
    },
  ];
  void ageing;
  return {
    sheet: {
      name: sheet,
      blocks,
      tables: [profileTable, noticeTable],
      charts,
      columnWidths: { A: 150, B: 110, C: 110, D: 110, E: 110, F: 110, G: 110, H: 110, I: 120, J: 130, K: 90 },
    },
    layout: {
      ageingFirstRow: a0,
      ageingTotalRow: aTot,
      checkRow: aCheck,
      comingFirstRow: c0,
      dueFirstRow: d0,
      passingFirstRow: p0,
      passingTotalRow: pTot,
      exposureFirstRow: e0,
      exposureTotalRow: eTot,
      burnFirstRow: b0,
      shareFirstRow: s0,
    },
  };
}

function fmtDate(day: DayNumber): string {
  const d = new Date(day * 86400000);
  return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
}

// ----------------------------------------------------------------------------------------------
// IND KPI

/** The plan columns of IND_Productieplan behind each KPI. */
const PLAN_COLUMN: Record<KpiName, string> = {
  ontvangen: 'Plan ontvangen',
  besloten: 'Plan besloten',
  voorraad: 'Plan voorraad (einde periode)',
  binnenTermijn: 'Plan binnen termijn (fractie)',
  doorlooptijd: 'Plan doorlooptijd (dagen)',
};

function kpiSheet(
  input: CyclePlanInput,
  products: string[],
  real: KpiRealisation[],
  names: NamePlan[],
): { sheet: SheetPlan; layout: CycleLayout['kpi'] } {
  const { lang } = input;
  void names;
  const K = ST_TABLES.kpi;
  const PL = ST_TABLES.plan;
  const CAP = ST_TABLES.capacity;
  const P = products.length;
  const yHead = 10;
  const y0 = yHead + 1;
  const yTot = y0 + P;
  const tHead = yTot + 4;

  const planCell = (name: string): string =>
    `=IF(COUNTIFS(${col(PL, 'Product')},[@Product],${col(PL, 'Periode')},[@Label],${col(PL, name)},">=0")=0,"",SUMIFS(${col(PL, name)},${col(PL, 'Product')},[@Product],${col(PL, 'Periode')},[@Label]))`;
  const variance = (kpi: string): string =>
    `=IF(OR(${me(`${kpi} plan`)}="",${me(`${kpi} real.`)}=""),"",${me(`${kpi} real.`)}-${me(`${kpi} plan`)})`;
  const value = (v: number | undefined): CellValue => (v === undefined ? null : v);
  const termOf = (p: string): CellValue =>
    input.decided ? (input.decided.termsUsed.get(p) ?? input.params.terms.get(p) ?? null) : null;
  const kpiRows: CellValue[][] = real.map((r) => [
    r.product,
    r.period,
    r.label,
    r.status,
    planCell(PLAN_COLUMN.ontvangen),
    value(r.received),
    variance('Ontvangen'),
    planCell(PLAN_COLUMN.besloten),
    value(r.decided),
    variance('Besloten'),
    planCell(PLAN_COLUMN.voorraad),
    value(r.stockEnd),
    variance('Voorraad'),
    planCell(PLAN_COLUMN.binnenTermijn),
    `=IF(N(${me('Besloten real.')})=0,"",${me('Besloten binnen termijn (aantal)')}/${me('Besloten real.')})`,
    variance('Binnen termijn'),
    planCell(PLAN_COLUMN.doorlooptijd),
    `=IF(N(${me('Besloten real.')})=0,"",${me('Doorlooptijd totaal (dagen)')}/${me('Besloten real.')})`,
    variance('Doorlooptijd'),
    value(r.decidedWithinTerm),
    value(r.leadDaysTotal),
    termOf(r.product),
    `=IF(${me('Termijn gebruikt (dagen)')}="","",IF(${me('Termijn gebruikt (dagen)')}=INDEX(${col(ST_TABLES.deadlines, 'Termijn (dagen)')},MATCH([@Product],${col(ST_TABLES.deadlines, 'Product')},0)),"",${textLiteral(T.changed[lang])}))`,
  ]);

  // Year to date per product.
  const ytdRow = (p: string, r: number): CellValue[] => {
    const crit = `${col(K, 'Product')},$A${r},${col(K, 'Periode')},"<="&${ST_NAMES.done}`;
    const atDone = `${col(K, 'Product')},$A${r},${col(K, 'Periode')},${ST_NAMES.done}`;
    const sumIf = (c: string, where: string): string =>
      `=IF(COUNTIFS(${where},${col(K, c)},">=0")=0,"",SUMIFS(${col(K, c)},${where}))`;
    const avgIf = (c: string): string =>
      `=IF(COUNTIFS(${crit},${col(K, c)},">=0")=0,"",AVERAGEIFS(${col(K, c)},${crit}))`;
    const diff = (plan: string, realC: string): string =>
      `=IF(OR(${plan}${r}="",${realC}${r}=""),"",${realC}${r}-${plan}${r})`;
    const m = `MATCH($A${r},${col(CAP, 'Product')},0)`;
    const capacity = `IND.CAPACITY(INDEX(${col(CAP, 'Fte beschikbaar')},${m}),${ST_NAMES.weeks},${ST_NAMES.hoursPerFte},${ST_NAMES.directRatio})*60/INDEX(${col(CAP, 'Normtijd (min per zaak)')},${m})`;
    const flag = (plan: string, v: string, label: string): string =>
      `IF(AND(N(${v}${r})<>0,ABS(N(${v}${r}))>=${ST_NAMES.materiality}*ABS(N(${plan}${r}))),${textLiteral(`${label}; `)},"")`;
    return [
      p,
      sumIf('Ontvangen plan', crit),
      sumIf('Ontvangen real.', crit),
      diff('B', 'C'),
      sumIf('Besloten plan', crit),
      sumIf('Besloten real.', crit),
      diff('E', 'F'),
      sumIf('Voorraad plan', atDone),
      sumIf('Voorraad real.', atDone),
      diff('H', 'I'),
      avgIf('Binnen termijn plan'),
      `=IF(N(F${r})=0,"",SUMIFS(${col(K, 'Besloten binnen termijn (aantal)')},${crit})/F${r})`,
      diff('K', 'L'),
      avgIf('Doorlooptijd plan'),
      `=IF(N(F${r})=0,"",SUMIFS(${col(K, 'Doorlooptijd totaal (dagen)')},${crit})/F${r})`,
      diff('N', 'O'),
      `=IF(OR(F${r}="",${ST_NAMES.done}=0),"",F${r}/${ST_NAMES.done}/INDEX(${col(CAP, 'Fte beschikbaar')},${m}))`,
      `=IND.CAPACITY(1,${ST_NAMES.weeks},${ST_NAMES.hoursPerFte},${ST_NAMES.directRatio})*60/INDEX(${col(CAP, 'Normtijd (min per zaak)')},${m})`,
      `=IF(Q${r}="","",Q${r}/R${r})`,
      `=IF(OR(F${r}="",${ST_NAMES.done}=0),"",IND.YEAREND(F${r},${ST_NAMES.done},13,"trend"))`,
      `=${capacity}`,
      `=IF(F${r}="","",IND.YEAREND(F${r},${ST_NAMES.done},13,"capaciteit",U${r}))`,
      `=IF(COUNTIFS(${col(K, 'Product')},$A${r},${col(K, 'Besloten plan')},">=0")=0,"",SUMIFS(${col(K, 'Besloten plan')},${col(K, 'Product')},$A${r}))`,
      `=TRIM(${flag('B', 'D', KPI_LABELS.ontvangen[lang])}&${flag('E', 'G', KPI_LABELS.besloten[lang])}&${flag('H', 'J', KPI_LABELS.voorraad[lang])}&${flag('K', 'M', KPI_LABELS.binnenTermijn[lang])}&${flag('N', 'P', KPI_LABELS.doorlooptijd[lang])})`,
    ];
  };
  const s = (c: string): string => `=SUM(${c}${y0}:${c}${yTot - 1})`;
  const ytdRows: CellValue[][] = [
    ...products.map((p, i) => ytdRow(p, y0 + i)),
    [
      T.total[lang],
      s('B'),
      s('C'),
      s('D'),
      s('E'),
      s('F'),
      s('G'),
      s('H'),
      s('I'),
      s('J'),
      null,
      `=IF(N(F${yTot})=0,"",SUMIFS(${col(K, 'Besloten binnen termijn (aantal)')},${col(K, 'Periode')},"<="&${ST_NAMES.done})/F${yTot})`,
      null,
      null,
      `=IF(N(F${yTot})=0,"",SUMIFS(${col(K, 'Doorlooptijd totaal (dagen)')},${col(K, 'Periode')},"<="&${ST_NAMES.done})/F${yTot})`,
      null,
      null,
      null,
      null,
      s('T'),
      s('U'),
      s('V'),
      s('W'),
      null,
    ],
  ];
  // The KPI measures (counts, shares, averages) as both the year-to-date rows and the table show them.
  const measureFormats = [...times(9, NF.count), ...times(3, NF.share), ...times(3, NF.oneDecimal)];
  const ytdFormats = ytdRows.map(() => [
    NF.text,
    ...measureFormats,
    NF.twoDecimals,
    NF.twoDecimals,
    NF.share,
    NF.count,
    NF.fte,
    NF.count,
    NF.count,
    NF.text,
  ]);

  const tables: TablePlan[] = [
    {
      name: K,
      at: `A${tHead}`,
      headers: [...KPI_HEADERS],
      rows: kpiRows,
      columnFormats: [
        NF.text,
        NF.integer,
        NF.text,
        NF.text,
        ...measureFormats,
        NF.count,
        NF.count,
        NF.integer,
        NF.text,
      ],
    },
  ];
  let teamRow: number | undefined;
  const d = input.decided;
  if (d && d.hasTeamColumn && d.teams.size > 0) {
    teamRow = tHead + kpiRows.length + 4;
    const cal = input.params.calendar;
    const { done, current } = periodsAt(cal, input.peil);
    const TM = ST_TABLES.teams;
    const rows: CellValue[][] = [...d.teams.keys()]
      .sort()
      .flatMap((team) =>
        cal.periods
          .filter((p) => p.period <= Math.max(done, current))
          .map((p): CellValue[] => [
            team,
            p.period,
            p.label,
            p.period <= done ? 'afgerond' : 'lopend',
            d.teams.get(team)![p.period],
            `=INDEX(${col(TM, 'Fte')},MATCH([@Team],${col(TM, 'Team')},0))`,
            `=INDEX(${col(TM, 'Norm (besluiten per fte per periode)')},MATCH([@Team],${col(TM, 'Team')},0))`,
            `=[@Fte]*${me('Norm per fte')}`,
            `=IF(N([@Normproductie])=0,"",[@Besloten]/[@Normproductie])`,
          ]),
      );
    tables.push({
      name: ST_TABLES.teamKpi,
      at: `A${teamRow}`,
      headers: [...TEAM_KPI_HEADERS],
      rows,
      columnFormats: [
        NF.text,
        NF.integer,
        NF.text,
        NF.text,
        NF.count,
        NF.oneDecimal,
        NF.oneDecimal,
        NF.fte,
        NF.share,
      ],
    });
  }

  const blocks: CellBlock[] = [
    { at: 'A1', cells: [[`${T.kpiTitle[lang]} ${input.params.calendar.year}`]], style: 'title' },
    { at: 'A2', cells: [[T.kpiNote[lang]]], style: 'note' },
    { at: 'A4', cells: T.kpiInfo[lang].map((l) => [l]), style: 'header' },
    {
      at: 'B4',
      cells: [[`=${ST_NAMES.peil}`], [`=${ST_NAMES.done}`], [input.sources.decided ?? T.noDecided[lang]]],
      style: 'output',
      numberFormat: [[NF.date], [NF.integer], [NF.text]],
    },
    { at: `A${yHead - 1}`, cells: [[T.ytd[lang]]], style: 'title' },
    { at: `A${yHead}`, cells: [[...T.ytdCols[lang]]], style: 'header' },
    { at: `A${y0}`, cells: ytdRows, style: 'output', numberFormat: ytdFormats },
    { at: `A${tHead - 1}`, cells: [[T.kpiTable[lang]]], style: 'title' },
  ];
  if (teamRow !== undefined) blocks.push({ at: `A${teamRow - 1}`, cells: [[T.teams[lang]]], style: 'title' });
  return {
    sheet: { name: ST_SHEETS.kpi, blocks, tables, columnWidths: { A: 130 }, freezeRows: 0 },
    layout: { ytdFirstRow: y0, ytdTotalRow: yTot, tableRow: tHead, teamRow },
  };
}

// ----------------------------------------------------------------------------------------------
// IND Prognoses and IND Prognosekwaliteit

/** The versions sheet: every recorded row verbatim, then the live scoring columns. */
export function versionsSheet(rows: readonly VersionRow[], lang: Lang): SheetPlan {
  const K = ST_TABLES.kpi;
  const realOf = (c: string): string =>
    `IF(COUNTIFS(${col(K, 'Label')},[@Periode],${col(K, 'Product')},[@Product],${col(K, 'Status')},"afgerond",${col(K, c)},">=0")=0,"",SUMIFS(${col(K, c)},${col(K, 'Label')},[@Periode],${col(K, 'Product')},[@Product]))`;
  const pending = textLiteral(T.pending.nl);
  return {
    name: ST_SHEETS.versions,
    blocks: [
      { at: 'A1', cells: [[T.versionsTitle[lang]]], style: 'title' },
      { at: 'A2', cells: [[T.versionsNote[lang]]], style: 'note' },
    ],
    tables: [
      {
        name: ST_TABLES.versions,
        at: 'A4',
        headers: [...VERSION_HEADERS, ...SCORING_HEADERS],
        rows: rows.map((r) => [
          r.version,
          r.date,
          r.who,
          r.product,
          r.series,
          r.period,
          r.horizon,
          r.value,
          `=IF([@Reeks]="ontvangen",${realOf('Ontvangen real.')},${realOf('Besloten real.')})`,
          `=IF([@Realisatie]="",${pending},"gescoord")`,
          `=IF([@Realisatie]="","",[@Prognose]-[@Realisatie])`,
          `=IF([@Realisatie]="","",ABS(${me('Fout (P − R)')}))`,
          `=IF([@Realisatie]="","",IF([@Prognose]>[@Realisatie],1,0))`,
        ]),
        columnFormats: [
          NF.integer,
          NF.date,
          NF.text,
          NF.text,
          NF.text,
          NF.text,
          NF.integer,
          NF.fte,
          NF.fte,
          NF.text,
          NF.fte,
          NF.fte,
          NF.integer,
        ],
      },
    ],
    columnWidths: { A: 60, B: 90, C: 140, D: 80, E: 90, F: 90, G: 70, H: 90, I: 90, J: 140 },
    freezeRows: 4,
  };
}

function qualitySheet(
  lang: Lang,
  calendar: Calendar,
  products: readonly string[],
  versions: readonly VersionRow[],
  done: number,
  names: NamePlan[],
): { sheet: SheetPlan; layout: NonNullable<CycleLayout['quality']> } {
  const V = ST_TABLES.versions;
  const K = ST_TABLES.kpi;
  const sheet = ST_SHEETS.quality;
  names.push({
    name: ST_NAMES.forecastHorizon,
    ref: absoluteRef(sheet, 4, 2),
    comment: T.forecastHorizon.nl,
  });
  const seen = new Map<string, { product: string; series: string; horizon: number }>();
  for (const v of versions) seen.set(`${v.product}\u0001${v.series}\u0001${v.horizon}`, v);
  const groups = [...seen.values()].sort(
    (a, b) =>
      (a.product < b.product ? -1 : a.product > b.product ? 1 : 0) ||
      (a.series < b.series ? -1 : a.series > b.series ? 1 : 0) ||
      a.horizon - b.horizon,
  );
  const gHead = 6;
  const g0 = gHead + 1;
  const gN = g0 + Math.max(groups.length, 1) - 1;
  const mask = (r: number): string =>
    `(${col(V, 'Product')}=$A${r})*(${col(V, 'Reeks')}=$B${r})*(${col(V, 'Horizon')}=$C${r})`;
  const fe = (r: number, measure: string): string =>
    `=IF($D${r}=0,${textLiteral(T.pending[lang])},IND.FORECASTERROR(IF(${mask(r)},${col(V, 'Realisatie')},""),IF(${mask(r)},${col(V, 'Prognose')},""),"${measure}"))`;
  const crit = (r: number): string =>
    `${col(V, 'Product')},$A${r},${col(V, 'Reeks')},$B${r},${col(V, 'Horizon')},$C${r}`;
  const groupRows: CellValue[][] = groups.map((s, i) => {
    const r = g0 + i;
    return [
      s.product,
      s.series,
      s.horizon,
      `=COUNTIFS(${crit(r)},${col(V, 'Status')},"gescoord")`,
      `=COUNTIFS(${crit(r)},${col(V, 'Status')},${textLiteral(T.pending.nl)})`,
      fe(r, 'wape'),
      fe(r, 'mape'),
      fe(r, 'bias'),
      `=IF($D${r}=0,"",SUMIFS(${col(V, 'Boven realisatie')},${crit(r)})/$D${r})`,
    ];
  });

  // Funding check: per product the bias at the chosen horizon (series received) in hours.
  const fTitle = gN + 3;
  const fpHead = fTitle + 1;
  const fp0 = fpHead + 1;
  const fpN = fp0 + products.length - 1;
  const fpTot = fpN + 1;
  const CAP = ST_TABLES.capacity;
  const productRows: CellValue[][] = [
    ...products.map((p, i) => {
      const r = fp0 + i;
      return [
        p,
        `=INDEX(${col(CAP, 'Normtijd (min per zaak)')},MATCH($A${r},${col(CAP, 'Product')},0))`,
        `=SUMIFS($H$${g0}:$H$${gN},$A$${g0}:$A$${gN},$A${r},$B$${g0}:$B$${gN},"ontvangen",$C$${g0}:$C$${gN},${ST_NAMES.forecastHorizon})`,
        `=C${r}*B${r}/60`,
      ];
    }),
    [T.total[lang], null, null, `=SUM(D${fp0}:D${fpN})`],
  ];
  const fHead = fpTot + 2;
  const f0 = fHead + 1;
  const periods = calendar.periods.filter((p) => p.period <= done);
  const fN = f0 + Math.max(periods.length, 1) - 1;
  const fTot = fN + 1;
  const hoursOf = (label: string): string =>
    `(${products
      .map(
        (p, i) =>
          `SUMIFS(${col(K, 'Ontvangen real.')},${col(K, 'Label')},${textLiteral(label)},${col(K, 'Product')},${textLiteral(p)})*$B$${fp0 + i}`,
      )
      .join('+')})/60`;
  const fund = (range: string, k: number): string =>
    `=INDEX(IND.FUNDINGPATH(${range},${ST_NAMES.rate},${ST_NAMES.lumpsum},${ST_NAMES.floor},${ST_NAMES.maxDecline},${ST_NAMES.confirm}),${k})`;
  const fundingRows: CellValue[][] =
    periods.length === 0
      ? [[T.noPeriods[lang], null, null, null, null, null]]
      : periods.map((p, i) => {
          const r = f0 + i;
          return [
            p.label,
            `=${hoursOf(p.label)}`,
            `=MAX(0,B${r}+$D$${fpTot})`,
            fund(`$B$${f0}:$B$${fN}`, i + 1),
            fund(`$C$${f0}:$C$${fN}`, i + 1),
            `=E${r}-D${r}`,
          ];
        });
  const fundingTotal: CellValue[] =
    periods.length === 0
      ? [T.total[lang], null, null, null, null, null]
      : [
          T.total[lang],
          `=SUM(B${f0}:B${fN})`,
          `=SUM(C${f0}:C${fN})`,
          `=SUM(D${f0}:D${fN})`,
          `=SUM(E${f0}:E${fN})`,
          `=SUM(F${f0}:F${fN})`,
        ];

  // Chart data: forecast (latest version at the chosen horizon) against realisation per period.
  const cTitle = fTot + 2;
  const cHead = cTitle + 1;
  const c0 = cHead + 1;
  const crit2 = (label: string): string =>
    `${col(V, 'Periode')},${textLiteral(label)},${col(V, 'Reeks')},"ontvangen",${col(V, 'Horizon')},${ST_NAMES.forecastHorizon}`;
  const chartRows: CellValue[][] = calendar.periods.map((p) => [
    p.label,
    `=IF(COUNTIFS(${col(K, 'Label')},${textLiteral(p.label)},${col(K, 'Status')},"afgerond",${col(K, 'Ontvangen real.')},">=0")=0,NA(),SUMIFS(${col(K, 'Ontvangen real.')},${col(K, 'Label')},${textLiteral(p.label)}))`,
    `=IF(COUNTIFS(${crit2(p.label)})=0,NA(),SUMIFS(${col(V, 'Prognose')},${crit2(p.label)},${col(V, 'Versie')},MAXIFS(${col(V, 'Versie')},${crit2(p.label)})))`,
  ]);
  const cN = c0 + chartRows.length - 1;

  const blocks: CellBlock[] = [
    { at: 'A1', cells: [[T.qualityTitle[lang]]], style: 'title' },
    { at: 'A2', cells: [[T.qualityNote[lang]]], style: 'note' },
    { at: 'A4', cells: [[T.forecastHorizon[lang]]], style: 'header' },
    { at: 'B4', cells: [[1]], style: 'input', numberFormat: NF.integer },
    { at: `A${gHead}`, cells: [[...T.groupCols[lang]]], style: 'header' },
    {
      at: `A${g0}`,
      cells:
        groupRows.length > 0
          ? groupRows
          : [[T.pending[lang], null, null, null, null, null, null, null, null]],
      style: 'output',
      numberFormat: (groupRows.length > 0 ? groupRows : [[]]).map(() => [
        NF.text,
        NF.text,
        NF.integer,
        NF.integer,
        NF.integer,
        NF.share,
        NF.share,
        NF.fte,
        NF.percent,
      ]),
    },
    { at: `A${fTitle}`, cells: [[T.funding[lang]]], style: 'title' },
    { at: `A${fpHead}`, cells: [[...T.fundingProductCols[lang]]], style: 'header' },
    {
      at: `A${fp0}`,
      cells: productRows,
      style: 'output',
      numberFormat: productRows.map(() => [NF.text, NF.integer, NF.fte, NF.fte]),
    },
    { at: `A${fHead}`, cells: [[...T.fundingCols[lang]]], style: 'header' },
    {
      at: `A${f0}`,
      cells: [...fundingRows, fundingTotal],
      style: 'output',
      numberFormat: [...fundingRows, fundingTotal].map(() => [NF.text, ...times(5, NF.count)]),
    },
    { at: `A${cTitle}`, cells: [[T.chartData[lang]]], style: 'title' },
    { at: `A${cHead}`, cells: [[...T.chartCols[lang]]], style: 'header' },
    {
      at: `A${c0}`,
      cells: chartRows,
      style: 'output',
      numberFormat: chartRows.map(() => [NF.text, NF.count, NF.count]),
    },
  ];
  return {
    sheet: {
      name: sheet,
      blocks,
      charts: [
        {
          type: 'Line',
          title: T.chartData[lang],
          source: `A${cHead}:C${cN}`,
          seriesBy: 'Columns',
          at: `E${cTitle}`,
          to: `L${cTitle + 16}`,
        },
      ],
      columnWidths: { A: 130, B: 130, C: 130, D: 130, E: 130, F: 130, G: 90, H: 90, I: 110 },
    },
    layout: { groupFirstRow: g0, fundingFirstRow: f0, fundingTotalRow: fTot, chartFirstRow: c0 },
  };
}

/** Input of {@link buildForecastSheetsPlan}: recording a forecast version. */
export interface ForecastSheetsInput {
  lang: Lang;
  calendar: Calendar;
  /** The day the version is recorded (its periods done decide the funding check's rows). */
  date: DayNumber;
  products: readonly string[];
  /** Every row: the existing versions verbatim, then the new one. */
  versions: readonly VersionRow[];
}

/**
 * The versions sheet and the quality sheet alone (the action "record a forecast"). They refer
 * to `IND_KPI`, which the cycle writes: record after the cycle has run once.
 */
function buildForecastSheetsPlanSheets(input: ForecastSheetsInput): {
  plan: WritePlan;
  layout: NonNullable<CycleLayout['quality']>;
} {
  const names: NamePlan[] = [];
  const done = periodsAt(input.calendar, input.date).done;
  const products = [...new Set([...input.products, ...input.versions.map((v) => v.product)])];
  const q = qualitySheet(input.lang, input.calendar, products, input.versions, done, names);
  const version = input.versions.reduce((m, v) => Math.max(m, v.version), 0);
  return {
    plan: {
      action:
        input.lang === 'nl'
          ? `Prognose vastleggen (versie ${version})`
          : `Record forecast (version ${version})`,
      sheets: [versionsSheet(input.versions, input.lang), q.sheet],
      names,
    },
    layout: q.layout,
  };
}

/** The plan of {@link buildCyclePlanSheets}, with the style legend on every sheet (styleLegend.ts). */
export function buildCyclePlan(
  ...args: Parameters<typeof buildCyclePlanSheets>
): ReturnType<typeof buildCyclePlanSheets> {
  return withLegend(buildCyclePlanSheets(...args), args[0].lang);
}

/** The plan of {@link buildForecastSheetsPlanSheets}, with the style legend on every sheet (styleLegend.ts). */
export function buildForecastSheetsPlan(
  ...args: Parameters<typeof buildForecastSheetsPlanSheets>
): ReturnType<typeof buildForecastSheetsPlanSheets> {
  return withLegend(buildForecastSheetsPlanSheets(...args), args[0].lang);
}
