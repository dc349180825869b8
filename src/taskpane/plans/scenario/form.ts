/**
 * The scenario form as the pane holds it (text fields, as typed) and its conversion to a
 * simulator input. Pure: every field is parsed with Dutch or plain notation, and a bad field
 * throws a `CalcError` that names the field as the user sees it — before anything is written.
 */
import { CalcError } from '../../../core/errors';
import type { Lang } from '../../../core/messages/types';
import {
  DEFAULT_STAFF,
  parseLocaleNumber,
  parsePastedSeries,
  PERIODS_PER_YEAR,
  REVIEW_BAND,
  RULE_PRESETS,
  validateSimInput,
  type RulePreset,
  type SimInput,
} from '../../../core/scenario';
import { t, type StringKey } from '../../i18n';

/** The numeric fields of the form, in display order. */
export const FIELD_KEYS = [
  'bandLow',
  'bandHigh',
  'peakExtra',
  'peakPeriods',
  'floor',
  'cap',
  'maxDecline',
  'confirm',
  'clearPeriods',
  'lumpsum',
  'hoursPerFte',
  'directRatio',
  'costPerFte',
  'inductionMonths',
  'turnover',
  'coaching',
  'flexFte',
  'initialBacklog',
] as const;

/** One numeric field. */
export type FieldKey = (typeof FIELD_KEYS)[number];

/** The form state: text as typed, the rule, and the pasted series. */
export interface ScenarioForm {
  name: string;
  preset: RulePreset;
  /** Whether the rule's backlog switch is on (the recommended preset turns it on). */
  countBacklog: boolean;
  /** Pasted or generated series: one period per line, optional second column = forecast. */
  seriesText: string;
  fields: Record<FieldKey, string>;
}

/** The label key of each field (the same labels as on the sheet). */
export const FIELD_LABEL: Record<FieldKey, StringKey> = {
  bandLow: 'scenario.in.bandLow',
  bandHigh: 'scenario.in.bandHigh',
  peakExtra: 'scenario.in.peakExtra',
  peakPeriods: 'scenario.in.peakPeriods',
  floor: 'scenario.in.floor',
  cap: 'scenario.in.cap',
  maxDecline: 'scenario.in.maxDecline',
  confirm: 'scenario.in.confirm',
  clearPeriods: 'scenario.in.clearPeriods',
  lumpsum: 'scenario.in.lumpsum',
  hoursPerFte: 'scenario.in.hoursPerFte',
  directRatio: 'scenario.in.directRatio',
  costPerFte: 'scenario.in.costPerFteYear',
  inductionMonths: 'scenario.in.inductionMonths',
  turnover: 'scenario.in.turnover',
  coaching: 'scenario.in.coaching',
  flexFte: 'scenario.in.flexFte',
  initialBacklog: 'scenario.in.initialBacklog',
};

/**
 * Formats a number for a text field in Dutch notation without grouping (0,095; 6538,4615384615385),
 * using the shortest text that reads back as exactly the same double, so nothing is rounded.
 */
export function fieldText(x: number): string {
  const plain = String(x);
  if (!/e/i.test(plain)) return plain.replace('.', ',');
  return new Intl.NumberFormat('nl-NL', { useGrouping: false, maximumFractionDigits: 20 }).format(x);
}

/** The default form: the review's band and staff figures, the recommended rule. */
export function defaultForm(): ScenarioForm {
  const rule = RULE_PRESETS.recommended;
  const s = DEFAULT_STAFF;
  return {
    name: '',
    preset: 'recommended',
    countBacklog: rule.countBacklog,
    seriesText: '',
    fields: {
      bandLow: fieldText(REVIEW_BAND.low),
      bandHigh: fieldText(REVIEW_BAND.high),
      peakExtra: fieldText(REVIEW_BAND.peakExtra),
      peakPeriods: fieldText(REVIEW_BAND.peakPeriods),
      floor: '0',
      cap: '',
      maxDecline: fieldText(rule.maxDecline),
      confirm: fieldText(rule.confirmPeriods),
      clearPeriods: fieldText(rule.backlogClearPeriods),
      lumpsum: '0',
      hoursPerFte: fieldText(s.hoursPerFte),
      directRatio: fieldText(s.directRatio),
      // Asked per year (as budgets state it) and divided by 13 periods, so the default stays exact.
      costPerFte: fieldText(s.costPerFtePeriod * PERIODS_PER_YEAR),
      inductionMonths: fieldText(s.inductionMonths),
      turnover: fieldText(s.turnoverAnnual),
      coaching: fieldText(s.coachingShare),
      flexFte: fieldText(s.flexFte),
      initialBacklog: '0',
    },
  };
}

/** The form after picking a preset: the preset's rule fields, the rest unchanged. */
export function withPreset(form: ScenarioForm, preset: RulePreset): ScenarioForm {
  const r = RULE_PRESETS[preset];
  return {
    ...form,
    preset,
    countBacklog: r.countBacklog,
    fields: {
      ...form.fields,
      maxDecline: fieldText(r.maxDecline),
      confirm: fieldText(r.confirmPeriods),
      clearPeriods: fieldText(r.backlogClearPeriods),
    },
  };
}

/** Series as text for the form: one period per line, a tab before the forecast. */
export function seriesToText(workload: readonly number[], forecast?: readonly number[]): string {
  return workload
    .map((w, i) => (forecast ? `${fieldText(w)}\t${fieldText(forecast[i])}` : fieldText(w)))
    .join('\n');
}

/** One cell as form text: numbers in exact Dutch notation, text as is, anything else blank. */
function cellText(v: unknown): string {
  if (typeof v === 'number') return fieldText(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  return '';
}

/** Cells of a selection (one or two columns) as form text; numbers stay exact. */
export function cellsToText(values: readonly (readonly unknown[])[]): string {
  return values.map((row) => row.slice(0, 2).map(cellText).join('\t')).join('\n');
}

/**
 * Converts the form to a validated simulator input.
 * @throws CalcError naming the field (in `lang`) for text, a blank required field, a percentage
 *   typed for a fraction, a floor above the cap, or a bad series.
 */
export function formToInput(form: ScenarioForm, lang: Lang): SimInput {
  const f = form.fields;
  const num = (k: FieldKey, blankAllowed = false): number | undefined => {
    const argument = t(lang, FIELD_LABEL[k]);
    const text = f[k].trim();
    if (text === '') {
      if (blankAllowed) return undefined;
      throw new CalcError('scenarioOutOfRange', {
        argument,
        expected: lang === 'nl' ? 'een getal' : 'a number',
        received: lang === 'nl' ? 'leeg' : 'blank',
      });
    }
    const n = parseLocaleNumber(text);
    if (n === undefined) throw new CalcError('scenarioNotNumber', { argument, received: text });
    return n;
  };
  const req = (k: FieldKey): number => num(k) as number;
  const series = parsePastedSeries(
    form.seriesText,
    t(lang, 'scenario.col.workload'),
    t(lang, 'scenario.col.forecast'),
  );
  const preset = RULE_PRESETS[form.preset];
  const input: SimInput = {
    workload: series.workload,
    forecast: series.forecast,
    band: {
      low: req('bandLow'),
      high: req('bandHigh'),
      peakExtra: req('peakExtra'),
      peakPeriods: req('peakPeriods'),
    },
    rule: {
      basis: preset.basis,
      floor: req('floor'),
      cap: num('cap', true) ?? Infinity,
      maxDecline: req('maxDecline'),
      confirmPeriods: req('confirm'),
      countBacklog: form.countBacklog,
      backlogClearPeriods: req('clearPeriods'),
    },
    staff: {
      hoursPerFte: req('hoursPerFte'),
      directRatio: req('directRatio'),
      costPerFtePeriod: req('costPerFte') / PERIODS_PER_YEAR,
      inductionMonths: req('inductionMonths'),
      turnoverAnnual: req('turnover'),
      coachingShare: req('coaching'),
      flexFte: req('flexFte'),
    },
    lumpsum: req('lumpsum'),
    initialBacklog: req('initialBacklog'),
  };
  validateSimInput(input);
  return input;
}

/**
 * The preset that really describes `input`'s rule: the picked one when every rule field still
 * matches it, else 'custom' — so a sheet never claims "recommended" for an edited rule.
 */
export function effectivePreset(input: SimInput, picked: RulePreset): RulePreset | 'custom' {
  const p = RULE_PRESETS[picked];
  const r = input.rule;
  const same =
    r.basis === p.basis &&
    r.maxDecline === p.maxDecline &&
    r.confirmPeriods === p.confirmPeriods &&
    r.countBacklog === p.countBacklog &&
    r.backlogClearPeriods === p.backlogClearPeriods;
  return same ? picked : 'custom';
}
