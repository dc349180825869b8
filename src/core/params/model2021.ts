/**
 * The parameters of the 2021 model (*Calculatiemodel kostprijzen IND 2021*), as cited by the
 * 2021 external review (reference §2). These are the defaults of the IND.* functions; every one
 * can be overridden per call.
 */
import type { ModelParameter } from './types';

const REVIEW = 'Onderzoek verbetermogelijkheden IND (2021)';

/** Hours in one fte per week (*uren per fte*). */
export const HOURS_PER_FTE: ModelParameter = {
  key: 'hoursPerFte',
  value: 36,
  unit: 'hours/week',
  labelNl: 'Uren per fte per week',
  labelEn: 'Hours per fte per week',
  source: `${REVIEW}: "1 fte = 36 uur per week"`,
};

/**
 * The model's direct-hour ratio (*directe uren*). The review never states its basis; it divides
 * by it as if it were a share of gross hours, so it is labelled 'unknown' (reference §5).
 */
export const DIRECT_RATIO_MODEL: ModelParameter = {
  key: 'directRatio',
  value: 0.7473,
  unit: 'fraction',
  basis: 'unknown',
  labelNl: 'Directe uren (model)',
  labelEn: 'Direct-hour ratio (model)',
  source: `${REVIEW}, citing "Begroting 2021: 74,73% directe uren"`,
};

/**
 * Standard upkeep training in the model, share of hours: the staff's own training (*opgeleid
 * worden*), not training others (*opleiden*) and not new-staff induction. The time-recording
 * bridge sets it against the category "opgeleid worden".
 */
export const TRAINING_SHARE_MODEL: ModelParameter = {
  key: 'trainingShare',
  value: 0.019,
  unit: 'fraction',
  basis: 'unknown',
  provenance: 'model',
  labelNl: 'Opleiding, opgeleid worden (model)',
  labelEn: 'Training, being trained (model)',
  source: `${REVIEW}: 1,9% opleiding in het model (alleen standaard bijscholing, geen inwerken)`,
};

/** Coaching time in the model (*begeleiden*), share of hours. */
export const COACHING_SHARE_MODEL: ModelParameter = {
  key: 'coachingShare',
  value: 0.019,
  unit: 'fraction',
  basis: 'unknown',
  labelNl: 'Begeleiden (model)',
  labelEn: 'Coaching (model)',
  source: `${REVIEW}: 1,9% begeleiden in het model`,
};

/** Projects in the model: not budgeted. */
export const PROJECTS_SHARE_MODEL: ModelParameter = {
  key: 'projectsShare',
  value: 0,
  unit: 'fraction',
  basis: 'unknown',
  labelNl: 'Projecten (model)',
  labelEn: 'Projects (model)',
  source: `${REVIEW}: projecten niet begroot`,
};

/** Weeks in one period: the review treats "a month" as 4 weeks, 13 periods a year. */
export const WEEKS_PER_PERIOD: ModelParameter = {
  key: 'weeksPerPeriod',
  value: 4,
  unit: 'weeks',
  labelNl: 'Weken per periode',
  labelEn: 'Weeks per period',
  source: `${REVIEW}: 83.000 uur per 4 weken`,
};

/** Average contract hours at the asylum directorate (*gemiddelde contracturen*). */
export const AVG_CONTRACT_HOURS: ModelParameter = {
  key: 'avgContractHours',
  value: 34.5,
  unit: 'hours/week',
  labelNl: 'Gemiddelde contracturen',
  labelEn: 'Average contract hours',
  source: `${REVIEW}: gemiddeld contract 34,5 uur (directie Asiel)`,
};

/** EY (2020): share of output-funded costs that is really fixed and belongs in the lumpsum. */
export const FIXED_SHARE_EY: ModelParameter = {
  key: 'fixedShare',
  value: 0.13,
  unit: 'fraction',
  labelNl: 'Vast deel outputkosten (EY)',
  labelEn: 'Fixed share of output costs (EY)',
  source: `${REVIEW}, citing EY (2020): 13% van de outputgefinancierde kosten is vast`,
};

/** Lower bound of the normal workload band (*bandbreedte*), handling hours per 4 weeks. */
export const BAND_LOW: ModelParameter = {
  key: 'bandLow',
  value: 76000,
  unit: 'hours/4 weeks',
  labelNl: 'Band ondergrens',
  labelEn: 'Band lower bound',
  source: `${REVIEW}: 76k–93k behandeluren per 4 weken (jan 2019 – mrt 2020, zonder COVID-maanden)`,
};

/** Upper bound of the normal workload band, handling hours per 4 weeks. */
export const BAND_HIGH: ModelParameter = {
  key: 'bandHigh',
  value: 93000,
  unit: 'hours/4 weeks',
  labelNl: 'Band bovengrens',
  labelEn: 'Band upper bound',
  source: BAND_LOW.source,
};

/** Mean workload of the band period. */
export const BAND_MEAN: ModelParameter = {
  key: 'bandMean',
  value: 83000,
  unit: 'hours/4 weeks',
  labelNl: 'Gemiddelde werklast',
  labelEn: 'Mean workload',
  source: BAND_LOW.source,
};

/** A short peak (*korte piek*) is at most this many hours per period above the band. */
export const SHORT_PEAK_EXTRA: ModelParameter = {
  key: 'peakExtra',
  value: 10000,
  unit: 'hours/4 weeks',
  labelNl: 'Korte piek: max. extra uren',
  labelEn: 'Short peak: max. extra hours',
  source: `${REVIEW}: korte piek max. 10k uur per maand boven de band`,
};

/** A short peak lasts at most this many periods. */
export const SHORT_PEAK_PERIODS: ModelParameter = {
  key: 'peakPeriods',
  value: 3,
  unit: 'periods',
  labelNl: 'Korte piek: max. duur',
  labelEn: 'Short peak: max. length',
  source: `${REVIEW}: korte piek duurt max. 3 maanden`,
};

/** Turnover allowance of the review's worked example (fte), as the review states it. */
export const REVIEW_EXTRA_FTE: ModelParameter = {
  key: 'extraFte',
  value: 60,
  unit: 'fte',
  labelNl: 'Extra fte (verloop, review)',
  labelEn: 'Extra fte (turnover, review)',
  source: `${REVIEW}: 115/2 × 36/34,5 = 60 fte (correct is 55,1; zie IND.TURNOVERFTE)`,
};

/** The 2021 model set, in display order. */
export const MODEL_2021: readonly ModelParameter[] = [
  HOURS_PER_FTE,
  DIRECT_RATIO_MODEL,
  TRAINING_SHARE_MODEL,
  COACHING_SHARE_MODEL,
  PROJECTS_SHARE_MODEL,
  WEEKS_PER_PERIOD,
  AVG_CONTRACT_HOURS,
  FIXED_SHARE_EY,
  BAND_LOW,
  BAND_HIGH,
  BAND_MEAN,
  SHORT_PEAK_EXTRA,
  SHORT_PEAK_PERIODS,
];
