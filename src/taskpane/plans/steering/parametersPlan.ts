/**
 * The parameter sheet of the steering cycle (`IND Sturing Parameters`) and the production plan's
 * input sheet (`IND Productieplan`). Both are written once, when missing: afterwards they hold
 * what the user typed, and the pane only reads them. Every value is an input cell with its source
 * or the word *aanname*; the result sheets compute from these cells.
 *
 * Input cells inside a table are marked by an input-styled block over the table body with the
 * same values: the gateway writes blocks after table bodies, so only the format is added.
 *
 * Pure: input → `WritePlan`.
 */
import { DIRECT_RATIO_MODEL, HOURS_PER_FTE } from '../../../core/params/model2021';
import {
  AWB_4_17_SOURCE,
  DEADLINES_DEFAULT,
  FUNDING_RULE_DEFAULT,
  KPI_MATERIALITY,
  NOTICE_ASSUMPTIONS,
  PENALTY_SCHEDULE_AWB,
  PENALTY_START_DAYS,
  WEEKS_PER_PERIOD,
} from '../../../core/params/steering';
import { buildCalendar, CALENDAR_HEADERS, excelSerial } from '../../../core/steering/calendar';
import { PLAN_HEADERS } from '../../../core/steering/kpi';
import type { Lang } from '../../../core/messages/types';
import type { CellValue, NamePlan, SheetPlan, TablePlan, WritePlan } from '../../host/types';
import { absoluteRef } from '../formula';
import {
  CAPACITY_HEADERS,
  DEADLINE_HEADERS,
  PARAM_HEADERS,
  SCHEDULE_HEADERS,
  ST_NAMES,
  ST_SHEETS,
  ST_TABLES,
  TEAM_HEADERS,
} from './names';
import { withLegend } from '../styleLegend';
import { NF } from '../formats';

/** Illustrative capacity per product (*fictief*). */
export const CAPACITY_DEFAULT: Record<string, { fte: number; normMinutes: number }> = {
  AA: { fte: 120, normMinutes: 480 },
  VA: { fte: 60, normMinutes: 900 },
  SPOOR2: { fte: 20, normMinutes: 240 },
  NAREIS: { fte: 30, normMinutes: 300 },
  REGULIER: { fte: 40, normMinutes: 120 },
};

/** Illustrative teams (*fictief*). */
export const TEAMS_DEFAULT = [
  { team: 'Team Noord', fte: 20, norm: 9 },
  { team: 'Team Zuid', fte: 18, norm: 9 },
];

/** One general parameter: key, label, default, unit, source. */
interface GeneralParam {
  key: keyof typeof ST_NAMES;
  label: { nl: string; en: string };
  value: number;
  unit: string;
  source: string;
  format: string;
}

/** The general parameters, in table order. Each gets a named cell. */
export const GENERAL_PARAMS: readonly GeneralParam[] = [
  {
    key: 'hoursPerFte',
    label: { nl: 'Uren per fte per week', en: 'Hours per fte per week' },
    value: HOURS_PER_FTE.value,
    unit: 'uur/week',
    source: HOURS_PER_FTE.source,
    format: NF.oneDecimal,
  },
  {
    key: 'directRatio',
    label: { nl: 'Directe uren (fractie van betaalde uren)', en: 'Direct-hour ratio (share of paid hours)' },
    value: DIRECT_RATIO_MODEL.value,
    unit: 'fractie',
    source: `${DIRECT_RATIO_MODEL.source}; basis onbekend (model). Gemeten A&B 2021: 0,57 bruto`,
    format: NF.ratio,
  },
  {
    key: 'weeks',
    label: { nl: 'Weken per periode', en: 'Weeks per period' },
    value: WEEKS_PER_PERIOD,
    unit: 'weken',
    source: '13 perioden van 4 weken per jaar (referentie §2)',
    format: NF.integer,
  },
  {
    key: 'start',
    label: {
      nl: 'Dagen na ingebrekestelling tot de dwangsom loopt',
      en: 'Days after the notice of default until the penalty runs',
    },
    value: PENALTY_START_DAYS.value,
    unit: 'dagen',
    source: PENALTY_START_DAYS.source,
    format: NF.integer,
  },
  {
    key: 'share',
    label: {
      nl: 'Aandeel te late zaken met een ingebrekestelling (als de export geen datum heeft)',
      en: 'Share of late cases with a notice of default (when the export has no date)',
    },
    value: NOTICE_ASSUMPTIONS.shareWithNotice.value,
    unit: 'fractie',
    source: NOTICE_ASSUMPTIONS.shareWithNotice.source,
    format: NF.percent,
  },
  {
    key: 'toNotice',
    label: {
      nl: 'Dagen van verstreken termijn tot ingebrekestelling (als de export geen datum heeft)',
      en: 'Days from the passed deadline to the notice (when the export has no date)',
    },
    value: NOTICE_ASSUMPTIONS.daysToNotice.value,
    unit: 'dagen',
    source: NOTICE_ASSUMPTIONS.daysToNotice.source,
    format: NF.integer,
  },
  {
    key: 'materiality',
    label: {
      nl: 'Materialiteit KPI-afwijking (fractie van plan)',
      en: 'Materiality of a KPI deviation (share of plan)',
    },
    value: KPI_MATERIALITY.value,
    unit: 'fractie',
    source: KPI_MATERIALITY.source,
    format: NF.percent,
  },
  {
    key: 'rate',
    label: {
      nl: 'Financieringsregel: tarief per werklastuur (€)',
      en: 'Funding rule: rate per workload hour (€)',
    },
    value: FUNDING_RULE_DEFAULT.ratePerHour.value,
    unit: '€/uur',
    source: FUNDING_RULE_DEFAULT.ratePerHour.source,
    format: NF.amountCents,
  },
  {
    key: 'lumpsum',
    label: { nl: 'Financieringsregel: lumpsum per periode (€)', en: 'Funding rule: lumpsum per period (€)' },
    value: FUNDING_RULE_DEFAULT.lumpsum.value,
    unit: '€',
    source: FUNDING_RULE_DEFAULT.lumpsum.source,
    format: NF.count,
  },
  {
    key: 'floor',
    label: { nl: 'Financieringsregel: ondergrens per periode (€)', en: 'Funding rule: floor per period (€)' },
    value: FUNDING_RULE_DEFAULT.floor.value,
    unit: '€',
    source: FUNDING_RULE_DEFAULT.floor.source,
    format: NF.count,
  },
  {
    key: 'maxDecline',
    label: {
      nl: 'Financieringsregel: grootste daling per periode (fractie)',
      en: 'Funding rule: largest fall per period (share)',
    },
    value: FUNDING_RULE_DEFAULT.maxDecline.value,
    unit: 'fractie',
    source: FUNDING_RULE_DEFAULT.maxDecline.source,
    format: NF.percent,
  },
  {
    key: 'confirm',
    label: {
      nl: 'Financieringsregel: perioden onder niveau voor een daling',
      en: 'Funding rule: periods below level before a fall',
    },
    value: FUNDING_RULE_DEFAULT.confirmPeriods.value,
    unit: 'perioden',
    source: FUNDING_RULE_DEFAULT.confirmPeriods.source,
    format: NF.integer,
  },
];

/** Input of the parameter plan. */
export interface ParametersPlanInput {
  lang: Lang;
  /** The calendar year (ISO year of the peildatum). */
  year: number;
  /** Products the export has that the defaults lack: added with a blank term to fill in. */
  extraProducts?: readonly string[];
  /** Teams of the decided export, when known (else the illustrative two). */
  teams?: readonly string[];
}

const T = {
  title: { nl: 'Sturing: parameters', en: 'Steering: parameters' },
  note: {
    nl: 'Lichtblauwe cellen zijn invoer: pas ze aan, met de bron of "aanname". De sturingsbladen rekenen met deze cellen. Het taakvenster overschrijft dit blad nooit. Producten en termijnen zijn fictief tot u ze vervangt.',
    en: 'Light blue cells are inputs: change them, with their source or "aanname" (assumption). The steering sheets compute from these cells. The task pane never overwrites this sheet. Products and terms are illustrative (fictief) until you replace them.',
  },
  general: {
    nl: 'Algemeen (sorteer deze tabel niet: de namen wijzen naar vaste cellen)',
    en: 'General (do not sort this table: the names point to fixed cells)',
  },
  schedule: {
    nl: 'Dwangsomschema (Awb art. 4:17); een rij zonder "Tot en met dag" is het maximum per zaak',
    en: 'Penalty schedule (Awb art. 4:17); a row without "Tot en met dag" is the maximum per case',
  },
  deadlines: { nl: 'Beslistermijnen per product', en: 'Legal deadlines per product' },
  capacity: { nl: 'Capaciteit per product', en: 'Capacity per product' },
  teams: { nl: 'Teams en hun norm', en: 'Teams and their norm' },
  calendar: {
    nl: 'Kalender: 13 perioden van 4 weken, maand en tertaal',
    en: 'Calendar: 13 four-week periods, month and tertaal',
  },
  fill: { nl: 'aanname: vul de wettelijke termijn in', en: 'aanname: fill in the legal deadline' },
  fictief: { nl: 'fictief: vervang door de eigen capaciteit', en: 'fictief: replace with your own capacity' },
  teamFictief: { nl: 'fictief: vervang door de teamnorm', en: 'fictief: replace with the team norm' },
  calendarNote: {
    nl: 'Periode p = ISO-weken 4p−3 … 4p (week 53 hoort bij periode 13); maand = maand van de middelste dag; T1 = jan–apr, T2 = mei–aug, T3 = sep–dec',
    en: 'Period p = ISO weeks 4p−3 … 4p (week 53 belongs to period 13); month = month of the middle day; T1 = Jan–Apr, T2 = May–Aug, T3 = Sep–Dec',
  },
  planTitle: { nl: 'Productieplan per product en periode', en: 'Production plan per product and period' },
  planNote: {
    nl: 'Vul het plan in (lichtblauwe cellen); leeg = geen plan voor die KPI. Het taakvenster overschrijft dit blad nooit en leest het bij elke berekening.',
    en: 'Fill in the plan (light blue cells); blank = no plan for that KPI. The task pane never overwrites this sheet and reads it at every run.',
  },
} as const;

/** The defined name of each general parameter's value cell. */
function generalNames(sheet: string, firstRow: number): NamePlan[] {
  return GENERAL_PARAMS.map((p, i) => ({
    name: ST_NAMES[p.key],
    ref: absoluteRef(sheet, firstRow + i, 3),
    comment: p.label.nl,
  }));
}

/** The parameter sheet (and, in the same plan, the production plan's input sheet). */
function buildParametersPlanSheets(input: ParametersPlanInput): WritePlan {
  const { lang } = input;
  const cal = buildCalendar(input.year);
  const known = new Set(DEADLINES_DEFAULT.map((d) => d.product));
  const extra = (input.extraProducts ?? []).filter((p) => !known.has(p));
  const products = [...DEADLINES_DEFAULT.map((d) => d.product), ...extra];

  const generalRows: CellValue[][] = GENERAL_PARAMS.map((p) => [
    p.key,
    p.label[lang],
    p.value,
    p.unit,
    p.source,
  ]);
  const scheduleRows: CellValue[][] = [
    ...PENALTY_SCHEDULE_AWB.blocks.map((b, i): CellValue[] => [
      b.upToDay,
      b.perDay,
      i === 0 ? `Dag 1–${b.upToDay}` : `Dag ${PENALTY_SCHEDULE_AWB.blocks[i - 1].upToDay + 1}–${b.upToDay}`,
      AWB_4_17_SOURCE,
    ]),
    [
      null,
      PENALTY_SCHEDULE_AWB.maxAmount,
      lang === 'nl' ? 'Maximum per zaak (€)' : 'Maximum per case (€)',
      AWB_4_17_SOURCE,
    ],
  ];
  const deadlineRows: CellValue[][] = [
    ...DEADLINES_DEFAULT.map((d): CellValue[] => [d.product, d.description, d.termDays, d.source]),
    ...extra.map((p): CellValue[] => [p, '', null, T.fill[lang]]),
  ];
  const capacityRows: CellValue[][] = products.map((p) => {
    const c = CAPACITY_DEFAULT[p];
    return [
      p,
      c?.fte ?? null,
      c?.normMinutes ?? null,
      c ? T.fictief[lang] : T.fill[lang].replace(/termijn|deadline/, 'fte'),
    ];
  });
  const teamRows: CellValue[][] =
    input.teams && input.teams.length > 0
      ? input.teams.map((t) => [t, null, null, T.teamFictief[lang]])
      : TEAMS_DEFAULT.map((t) => [t.team, t.fte, t.norm, T.teamFictief[lang]]);
  const calendarRows: CellValue[][] = cal.periods.map((p) => [
    p.period,
    p.label,
    excelSerial(p.start),
    excelSerial(p.end),
    p.month,
    `T${p.tertaal}`,
  ]);

  const table = (
    name: string,
    at: string,
    headers: readonly string[],
    rows: CellValue[][],
    formats?: (string | null)[],
  ): TablePlan => ({
    name,
    at,
    headers: [...headers],
    rows,
    columnFormats: formats,
  });
  const sheet = ST_SHEETS.params;
  const paramsAt = 4; // header row; values from row 5
  const scheduleTitle = paramsAt + GENERAL_PARAMS.length + 3;
  const params: SheetPlan = {
    name: sheet,
    blocks: [
      { at: 'A1', cells: [[T.title[lang]]], style: 'title' },
      { at: 'A2', cells: [[T.note[lang]]], style: 'note' },
      { at: 'A3', cells: [[T.general[lang]]], style: 'header' },
      {
        at: `C${paramsAt + 1}`,
        cells: GENERAL_PARAMS.map((p) => [p.value]),
        style: 'input',
        numberFormat: GENERAL_PARAMS.map((p) => [p.format]),
      },
      { at: `A${scheduleTitle}`, cells: [[T.schedule[lang]]], style: 'header' },
      { at: `A${scheduleTitle + 2}`, cells: scheduleRows.map((r) => [r[0], r[1]]), style: 'input' },
      { at: 'G3', cells: [[T.deadlines[lang]]], style: 'header' },
      { at: 'G5', cells: deadlineRows.map((r) => [r[0], r[1], r[2], r[3]]), style: 'input' },
      { at: 'L3', cells: [[T.capacity[lang]]], style: 'header' },
      { at: 'L5', cells: capacityRows.map((r) => [r[0], r[1], r[2], r[3]]), style: 'input' },
      { at: 'Q3', cells: [[T.teams[lang]]], style: 'header' },
      { at: 'Q5', cells: teamRows.map((r) => [r[0], r[1], r[2], r[3]]), style: 'input' },
      { at: 'V2', cells: [[T.calendarNote[lang]]], style: 'note' },
      { at: 'V3', cells: [[T.calendar[lang]]], style: 'header' },
      {
        at: 'V5',
        cells: calendarRows,
        style: 'input',
        numberFormat: calendarRows.map(() => [NF.integer, NF.text, NF.date, NF.date, NF.integer, NF.text]),
      },
    ],
    tables: [
      table(ST_TABLES.params, `A${paramsAt}`, PARAM_HEADERS, generalRows),
      table(ST_TABLES.schedule, `A${scheduleTitle + 1}`, SCHEDULE_HEADERS, scheduleRows, [
        NF.integer,
        NF.count,
        null,
        null,
      ]),
      table(ST_TABLES.deadlines, 'G4', DEADLINE_HEADERS, deadlineRows, [NF.text, null, NF.integer, null]),
      table(ST_TABLES.capacity, 'L4', CAPACITY_HEADERS, capacityRows, [
        NF.text,
        NF.oneDecimal,
        NF.integer,
        null,
      ]),
      table(ST_TABLES.teams, 'Q4', TEAM_HEADERS, teamRows, [NF.text, NF.oneDecimal, NF.oneDecimal, null]),
      table(ST_TABLES.calendar, 'V4', CALENDAR_HEADERS, calendarRows, [
        NF.integer,
        NF.text,
        NF.date,
        NF.date,
        NF.integer,
        NF.text,
      ]),
    ],
    columnWidths: {
      A: 120,
      B: 300,
      C: 80,
      D: 70,
      E: 320,
      G: 80,
      H: 200,
      I: 90,
      J: 320,
      L: 80,
      M: 90,
      N: 110,
      O: 220,
      Q: 110,
      R: 60,
      S: 110,
      T: 200,
      V: 60,
      W: 80,
      X: 80,
      Y: 80,
      Z: 60,
      AA: 60,
    },
  };

  const planRows: CellValue[][] = products.flatMap((p) =>
    cal.periods.map((q): CellValue[] => [p, q.label, null, null, null, null, null]),
  );
  const plan: SheetPlan = {
    name: ST_SHEETS.plan,
    blocks: [
      { at: 'A1', cells: [[`${T.planTitle[lang]} ${input.year}`]], style: 'title' },
      { at: 'A2', cells: [[T.planNote[lang]]], style: 'note' },
      // Input style over the plan columns of the table body (same values, written after it).
      { at: 'C5', cells: planRows.map((r) => r.slice(2)), style: 'input' },
    ],
    tables: [
      table(ST_TABLES.plan, 'A4', PLAN_HEADERS, planRows, [
        NF.text,
        NF.text,
        NF.count,
        NF.count,
        NF.count,
        NF.percent,
        NF.integer,
      ]),
    ],
    columnWidths: { A: 90, B: 90, C: 110, D: 110, E: 150, F: 150, G: 150 },
    freezeRows: 4,
  };
  return {
    action: lang === 'nl' ? 'Sturing: parameterblad schrijven' : 'Steering: write parameter sheet',
    sheets: [params, plan],
    names: generalNames(sheet, paramsAt + 1),
  };
}

/** The plan of {@link buildParametersPlanSheets}, with the style legend on every sheet (styleLegend.ts). */
export function buildParametersPlan(
  ...args: Parameters<typeof buildParametersPlanSheets>
): ReturnType<typeof buildParametersPlanSheets> {
  return withLegend(buildParametersPlanSheets(...args), args[0].lang);
}
