/**
 * Defaults of the steering cycle (*sturing*, reference §8): legal deadlines per product, the
 * statutory penalty schedule, the assumptions used where an export lacks a notice of default,
 * and the calendar of 13 four-week periods. Every value is written to a visible, editable
 * parameter table with its source or the word *aanname* (assumption); the sheets compute from
 * those cells, never from these constants directly.
 */

/** Where the statutory penalty schedule comes from. */
export const AWB_4_17_SOURCE =
  'Awb art. 4:17 (dwangsom bij niet tijdig beslissen): € 23 per dag de eerste 14 dagen, € 35 de volgende 14, € 45 daarna, ten hoogste 42 dagen; verschuldigd vanaf twee weken na de ingebrekestelling';

/** A legal deadline (*beslistermijn*) of one product. */
export interface DeadlineDefault {
  readonly product: string;
  readonly description: string;
  /** The term in days from receipt (an extension or suspension shows in the export per case). */
  readonly termDays: number;
  /** Source, or "aanname: …" when the figure is an assumption. */
  readonly source: string;
}

/**
 * Illustrative products and terms (*fictief*: the review publishes no product list). The asylum
 * term is six months (Vreemdelingenwet 2000 art. 42 lid 1), here 183 days; check every term
 * against the rules for the case type before relying on it.
 */
export const DEADLINES_DEFAULT: readonly DeadlineDefault[] = [
  {
    product: 'AA',
    description: 'Algemene asielprocedure (fictief)',
    termDays: 183,
    source: 'aanname: 6 maanden (Vw 2000 art. 42 lid 1) ≈ 183 dagen; verlenging staat per zaak in de export',
  },
  {
    product: 'VA',
    description: 'Verlengde asielprocedure (fictief)',
    termDays: 183,
    source: 'aanname: 6 maanden (Vw 2000 art. 42 lid 1) ≈ 183 dagen; verlenging staat per zaak in de export',
  },
  {
    product: 'SPOOR2',
    description: 'Veilig land van herkomst (fictief)',
    termDays: 183,
    source: 'aanname: 6 maanden (Vw 2000 art. 42 lid 1) ≈ 183 dagen',
  },
  {
    product: 'NAREIS',
    description: 'Nareis (fictief)',
    termDays: 90,
    source: 'aanname: 90 dagen; controleer de geldende termijn',
  },
  {
    product: 'REGULIER',
    description: 'Regulier verblijf (fictief)',
    termDays: 90,
    source: 'aanname: 90 dagen; controleer de geldende termijn',
  },
];

/** One block of the penalty schedule: days up to and including `upToDay` cost `perDay` each. */
export interface PenaltyBlock {
  readonly upToDay: number;
  readonly perDay: number;
}

/**
 * A penalty schedule (*dwangsomregeling*). The cap in days is the last block's `upToDay`; the cap
 * in euros is `maxAmount`. Both apply: the lower one binds.
 */
export interface PenaltySchedule {
  readonly blocks: readonly PenaltyBlock[];
  readonly maxAmount: number;
}

/** Awb art. 4:17: € 23 / € 35 / € 45 a day in blocks of 14 days, at most 42 days and € 1,442 per case. */
export const PENALTY_SCHEDULE_AWB: PenaltySchedule = {
  blocks: [
    { upToDay: 14, perDay: 23 },
    { upToDay: 28, perDay: 35 },
    { upToDay: 42, perDay: 45 },
  ],
  maxAmount: 1442,
};

/** Days after the notice of default (*ingebrekestelling*) before the penalty starts to run. */
export const PENALTY_START_DAYS = { value: 14, source: AWB_4_17_SOURCE } as const;

/** The two assumptions for cases whose export row has no notice-of-default date. */
export const NOTICE_ASSUMPTIONS = {
  /** Share of late cases whose applicant sends a notice of default. */
  shareWithNotice: {
    value: 0.5,
    source: 'aanname (fictief): de helft van de te late zaken krijgt een ingebrekestelling',
  },
  /** Days from the passed deadline to the notice of default. */
  daysToNotice: {
    value: 14,
    source: 'aanname (fictief): de ingebrekestelling komt twee weken na het verstrijken van de termijn',
  },
} as const;

/** Materiality of a KPI deviation from plan, as a fraction of the plan (*materialiteit*). */
export const KPI_MATERIALITY = {
  value: 0.1,
  source: 'aanname: een afwijking van 10% of meer van het plan vraagt een toelichting en een actie',
} as const;

/** Periods a year and weeks a period of the calendar (reference §2: 13 periods of 4 weeks). */
export const PERIODS_PER_YEAR = 13;
export const WEEKS_PER_PERIOD = 4;

/** Upper bounds of the ageing buckets in days late: within term (≤ 0), 1–14, 15–28, 29–42, > 42. */
export const AGEING_BOUNDS = [0, 14, 28, 42] as const;

/** The funding rule the forecast-bias check uses by default: funding follows workload at once. */
export const FUNDING_RULE_DEFAULT = {
  ratePerHour: { value: 100, source: 'aanname (fictief): € 100 per behandeluur' },
  lumpsum: { value: 0, source: 'aanname: geen lumpsum in deze toets' },
  floor: { value: 0, source: 'aanname: geen ondergrens in deze toets' },
  maxDecline: { value: 1, source: 'regel "volgt direct": geen grens aan de daling' },
  confirmPeriods: { value: 1, source: 'regel "volgt direct": een daling telt meteen' },
} as const;
