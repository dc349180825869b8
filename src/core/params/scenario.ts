/**
 * Parameters of the staffing simulator (*scenario*), defaulted here and nowhere else: the task
 * pane writes each as a row of the `IND Parameters` table, the simulator's `DEFAULT_STAFF` and
 * rule defaults read their values from here, and the CLI's `--set` names are these keys.
 *
 * Figures the review gives cite it; figures it does not give are assumptions of this tool and
 * say so: their source starts with "Aanname".
 */
import type { ModelParameter } from './types';

const REVIEW = 'Onderzoek verbetermogelijkheden IND (2021)';

/** Turnover (*verloop*) per year, as a share of the average staff. */
export const TURNOVER_ANNUAL: ModelParameter = {
  key: 'turnover',
  value: 0.095,
  unit: 'fraction/year',
  labelNl: 'Verloop per jaar',
  labelEn: 'Turnover per year',
  source: `${REVIEW}: verloop 9,5% voor de hele IND (elders 7,5%); aandeel van de gemiddelde bezetting`,
};

/** Induction time of a new case worker, calendar months (the review: 5–18). */
export const INDUCTION_MONTHS: ModelParameter = {
  key: 'inductionMonths',
  value: 12,
  unit: 'months',
  labelNl: 'Inwerktijd nieuw personeel',
  labelEn: 'Induction time of new staff',
  source: `Aanname: 12 maanden, binnen de 5–18 maanden van ${REVIEW}; lineair oplopend, verlies per nieuwe fte = helft van de inwerktijd`,
};

/** Experienced fte that coaching takes per trainee fte at the start of the induction. */
export const COACHING_PER_TRAINEE: ModelParameter = {
  key: 'coachingPerTrainee',
  value: 0.2,
  unit: 'fte/trainee fte',
  labelNl: 'Begeleiding per nieuwe fte',
  labelEn: 'Coaching per new fte',
  source: `Aanname: 0,2 fte ervaren tijd per nieuwe fte bij de start, aflopend met het inwerkverlies (${REVIEW} mat in maart 2021 135 fte begeleiding voor ca. 250 medewerkers in opleiding: meer dan deze aanname)`,
};

/** Recruitment lag: periods from opening a vacancy to the new hire's first day. */
export const RECRUITMENT_LAG: ModelParameter = {
  key: 'recruitmentLag',
  value: 3,
  unit: 'periods',
  labelNl: 'Wervingstijd (vacature tot eerste werkdag)',
  labelEn: 'Recruitment lag (vacancy to first day)',
  source:
    'Aanname: 3 perioden van 4 weken (12 weken) van vacature tot eerste werkdag; de review noemt geen cijfer',
};

/**
 * The hiring policy's rule for leavers: `jaareinde` (the budget rule: a leaver's post is re-opened
 * at the year end) or `direct` (re-opened at once). New funded posts are opened at once in both.
 */
export const HIRING_POLICY: ModelParameter = {
  key: 'hiringPolicy',
  value: 0,
  choices: ['jaareinde', 'direct'],
  unit: 'jaareinde | direct',
  labelNl: 'Vervanging vertrekkers',
  labelEn: 'Replacement of leavers',
  source: `${REVIEW}: vertrekkers worden binnen het jaar niet vervangen (begrotingsregel); daarom bestaat de verloopopslag`,
};

/**
 * Coaching capacity (*begeleidingscapaciteit*): at most this many trainee fte per experienced fte.
 * A hiring wave larger than that starts more slowly; 0 is a hiring freeze.
 */
export const TRAINEE_CAP: ModelParameter = {
  key: 'traineeCap',
  value: 0.3,
  unit: 'trainee fte/experienced fte',
  labelNl: 'Max. nieuwe fte in inwerkperiode per ervaren fte',
  labelEn: 'Max. trainee fte per experienced fte',
  source: `Aanname: 0,3, afgerond van maart 2021 (${REVIEW}: 23,8% in opleiding, dus 0,238 / 0,762 = 0,31 per ervaren medewerker, en de review noemt dat een grens)`,
};

/**
 * The share of the staffing allowance (vacancies, induction loss, coaching) that the funding target
 * pays for: 1 = all of it (default), 0 = none (funding on workload alone).
 */
export const ALLOWANCE_SHARE: ModelParameter = {
  key: 'allowanceShare',
  value: 1,
  unit: 'fraction',
  labelNl: 'Opslag vacatures, inwerken en begeleiding in het financieringsdoel',
  labelEn: 'Allowance for vacancies, induction and coaching in the funding target',
  source: `${REVIEW}: fte = (uren / weken / 36 + extra fte) / directe uren, met extra fte voor verloop; hier extra fte = vacatures + inwerkverlies + begeleiding, berekend uit de parameters`,
};

/** The backlog the 2017 case starts with, hours. */
export const BACKLOG_2017: ModelParameter = {
  key: 'initialBacklog2017',
  value: 83000,
  unit: 'hours',
  labelNl: 'Beginachterstand casus 2017',
  labelEn: 'Initial backlog, the 2017 case',
  source: `Aanname: één periode werk op het bandgemiddelde (83.000 uur); ${REVIEW} benadrukt dat de bestaande achterstand bij de bezuiniging van 2017 werd genegeerd, maar noemt geen omvang`,
};

/** The scenario parameters, in display order. */
export const SCENARIO_2021: readonly ModelParameter[] = [
  TURNOVER_ANNUAL,
  INDUCTION_MONTHS,
  COACHING_PER_TRAINEE,
  RECRUITMENT_LAG,
  HIRING_POLICY,
  TRAINEE_CAP,
  ALLOWANCE_SHARE,
  BACKLOG_2017,
];
