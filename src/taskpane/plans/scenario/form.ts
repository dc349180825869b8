/**
 * The scenario form as the pane holds it (text fields, as typed) and its conversion to a
 * simulator input. Pure: every field is parsed with Dutch or plain notation, and a bad field
 * throws a `CalcError` that names the field as the user sees it — before anything is written.
 *
 * Field names are the setting names of the core (`SCENARIO_SETTINGS`), the sheet's Parameter
 * column and the CLI's `--set`. The staffing fields are rows of the `IND Parameters` table: the
 * form shows the active set's values and a write puts the form's values back there.
 */
import { CalcError } from '../../../core/errors';
import type { Lang } from '../../../core/messages/types';
import { BACKLOG_2017 } from '../../../core/params/scenario';
import {
  DEFAULT_STAFF,
  HIRING_POLICIES,
  parseHiringPolicy,
  parseLocaleNumber,
  parsePastedSeries,
  PERIODS_PER_YEAR,
  REVIEW_BAND,
  RULE_PRESETS,
  validateSimInput,
  type HiringPolicy,
  type RulePreset,
  type SimInput,
} from '../../../core/scenario';
import { t, type StringKey } from '../../i18n';
import type { ParameterSet } from '../parameters';

/** The numeric fields of the form that belong to the scenario itself, in display order. */
export const FIELD_KEYS = [
  'bandLow',
  'bandHigh',
  'peakExtra',
  'peakPeriods',
  'floor',
  'cap',
  'maxDecline',
  'confirmPeriods',
  'backlogClearPeriods',
  'lumpsum',
  'hoursPerFte',
  'directRatio',
  'costPerFteYear',
  'flexFte',
  'initialBacklog',
] as const;

/** The numeric staffing fields: rows of the `IND Parameters` table, in display order. */
export const PARAM_FIELD_KEYS = [
  'turnover',
  'inductionMonths',
  'coachingPerTrainee',
  'recruitmentLag',
  'traineeCap',
  'allowanceShare',
  'initialBacklog2017',
] as const;

/** One numeric field. */
export type FieldKey = (typeof FIELD_KEYS)[number] | (typeof PARAM_FIELD_KEYS)[number];

/** The form state: text as typed, the rule, the hiring policy and the pasted series. */
export interface ScenarioForm {
  name: string;
  preset: RulePreset;
  /** Whether the rule's backlog switch is on (the recommended preset turns it on). */
  countBacklog: boolean;
  /** Whether the rule reduces staff actively on a cut (the 2017 preset does). */
  activeReduction: boolean;
  /** When leavers' posts are re-opened (an `IND Parameters` row). */
  hiringPolicy: HiringPolicy;
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
  confirmPeriods: 'scenario.in.confirm',
  backlogClearPeriods: 'scenario.in.clearPeriods',
  lumpsum: 'scenario.in.lumpsum',
  hoursPerFte: 'scenario.in.hoursPerFte',
  directRatio: 'scenario.in.directRatio',
  costPerFteYear: 'scenario.in.costPerFteYear',
  flexFte: 'scenario.in.flexFte',
  initialBacklog: 'scenario.in.initialBacklog',
  turnover: 'scenario.in.turnover',
  inductionMonths: 'scenario.in.inductionMonths',
  coachingPerTrainee: 'scenario.in.coaching',
  recruitmentLag: 'scenario.in.recruitmentLag',
  traineeCap: 'scenario.in.traineeCap',
  allowanceShare: 'scenario.in.allowanceShare',
  initialBacklog2017: 'scenario.in.initialBacklog2017',
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
    activeReduction: rule.activeReduction,
    hiringPolicy: s.hiringPolicy,
    seriesText: '',
    fields: {
      bandLow: fieldText(REVIEW_BAND.low),
      bandHigh: fieldText(REVIEW_BAND.high),
      peakExtra: fieldText(REVIEW_BAND.peakExtra),
      peakPeriods: fieldText(REVIEW_BAND.peakPeriods),
      floor: '0',
      cap: '',
      maxDecline: fieldText(rule.maxDecline),
      confirmPeriods: fieldText(rule.confirmPeriods),
      backlogClearPeriods: fieldText(rule.backlogClearPeriods),
      lumpsum: '0',
      hoursPerFte: fieldText(s.hoursPerFte),
      directRatio: fieldText(s.directRatio),
      // Asked per year (as budgets state it) and divided by 13 periods, so the default stays exact.
      costPerFteYear: fieldText(s.costPerFtePeriod * PERIODS_PER_YEAR),
      flexFte: fieldText(s.flexFte),
      initialBacklog: '0',
      turnover: fieldText(s.turnoverAnnual),
      inductionMonths: fieldText(s.inductionMonths),
      coachingPerTrainee: fieldText(s.coachingShare),
      recruitmentLag: fieldText(s.recruitmentLag),
      traineeCap: fieldText(s.traineeCap),
      allowanceShare: fieldText(rule.allowanceShare),
      initialBacklog2017: fieldText(BACKLOG_2017.value),
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
    activeReduction: r.activeReduction,
    fields: {
      ...form.fields,
      maxDecline: fieldText(r.maxDecline),
      confirmPeriods: fieldText(r.confirmPeriods),
      backlogClearPeriods: fieldText(r.backlogClearPeriods),
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
 * Reads one numeric field.
 * @throws CalcError scenarioOutOfRange (blank) | scenarioNotNumber (text), naming the field in `lang`
 */
export function fieldNumber(
  form: ScenarioForm,
  k: FieldKey,
  lang: Lang,
  blankAllowed = false,
): number | undefined {
  const argument = t(lang, FIELD_LABEL[k]);
  const text = form.fields[k].trim();
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
}

/**
 * Converts the form to a validated simulator input.
 * @throws CalcError naming the field (in `lang`) for text, a blank required field, a percentage
 *   typed for a fraction, a floor above the cap, or a bad series.
 */
export function formToInput(form: ScenarioForm, lang: Lang): SimInput {
  const req = (k: FieldKey): number => fieldNumber(form, k, lang) as number;
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
      cap: fieldNumber(form, 'cap', lang, true) ?? Infinity,
      maxDecline: req('maxDecline'),
      confirmPeriods: req('confirmPeriods'),
      countBacklog: form.countBacklog,
      backlogClearPeriods: req('backlogClearPeriods'),
      allowanceShare: req('allowanceShare'),
      activeReduction: form.activeReduction,
    },
    staff: {
      hoursPerFte: req('hoursPerFte'),
      directRatio: req('directRatio'),
      costPerFtePeriod: req('costPerFteYear') / PERIODS_PER_YEAR,
      inductionMonths: req('inductionMonths'),
      turnoverAnnual: req('turnover'),
      coachingShare: req('coachingPerTrainee'),
      flexFte: req('flexFte'),
      recruitmentLag: req('recruitmentLag'),
      hiringPolicy: parseHiringPolicy(form.hiringPolicy, t(lang, 'scenario.in.hiringPolicy')),
      traineeCap: req('traineeCap'),
    },
    lumpsum: req('lumpsum'),
    initialBacklog: req('initialBacklog'),
  };
  validateSimInput(input);
  // The 2017 case's starting backlog is a parameter too (used when the template is generated).
  const b2017 = req('initialBacklog2017');
  if (b2017 < 0) {
    throw new CalcError('scenarioNegative', {
      argument: t(lang, FIELD_LABEL.initialBacklog2017),
      received: String(b2017),
    });
  }
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
    r.backlogClearPeriods === p.backlogClearPeriods &&
    r.allowanceShare === p.allowanceShare &&
    r.activeReduction === p.activeReduction;
  return same ? picked : 'custom';
}

/** The source written for a value set in the scenario form. */
export const PANE_SOURCE = 'Ingesteld in het scenariovenster van de invoegtoepassing';

/** The staffing fields' text as a set holds them (for the form). */
export function paramFieldsFromSet(set: ParameterSet): {
  fields: Partial<Record<FieldKey, string>>;
  hiringPolicy?: HiringPolicy;
} {
  const fields: Partial<Record<FieldKey, string>> = {};
  for (const k of PARAM_FIELD_KEYS) {
    const v = set.values[k];
    if (v) fields[k] = fieldText(v.value);
  }
  const policy = set.values.hiringPolicy;
  const ids = Object.keys(HIRING_POLICIES) as HiringPolicy[];
  return { fields, hiringPolicy: policy ? ids[policy.value] : undefined };
}

/** The form with the staffing fields of `set` (the rest unchanged). */
export function formWithSet(form: ScenarioForm, set: ParameterSet): ScenarioForm {
  const p = paramFieldsFromSet(set);
  return {
    ...form,
    hiringPolicy: p.hiringPolicy ?? form.hiringPolicy,
    fields: { ...form.fields, ...p.fields },
  };
}

/**
 * `set` with the staffing values of the form (validated first with `formToInput`), and the keys
 * that changed. Sources of changed values say that the task pane's scenario form set them.
 */
export function setWithForm(
  set: ParameterSet,
  form: ScenarioForm,
  lang: Lang,
): { set: ParameterSet; changed: string[] } {
  const values = { ...set.values };
  const changed: string[] = [];
  const put = (key: string, value: number): void => {
    const old = values[key];
    if (old && old.value === value) return;
    changed.push(key);
    values[key] = {
      value,
      basis: old?.basis ?? '',
      // The table is Dutch (like its other sources); the user's value is no longer the default's.
      source: PANE_SOURCE,
    };
  };
  for (const k of PARAM_FIELD_KEYS) put(k, fieldNumber(form, k, lang) as number);
  put('hiringPolicy', (Object.keys(HIRING_POLICIES) as HiringPolicy[]).indexOf(form.hiringPolicy));
  return { set: { name: set.name, values }, changed };
}
