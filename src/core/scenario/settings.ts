/**
 * The simulator's scalar settings by name: one registry for the sheet's Parameter column, the
 * task pane's form and the CLI's `--set name=value`, so a name means the same everywhere. The
 * names of the staffing parameters are the keys of their rows in the `IND Parameters` table.
 */
import { CalcError } from '../errors';
import {
  ALLOWANCE_SHARE,
  COACHING_PER_TRAINEE,
  HIRING_POLICY,
  INDUCTION_MONTHS,
  RECRUITMENT_LAG,
  TRAINEE_CAP,
  TURNOVER_ANNUAL,
} from '../params/scenario';
import type { ModelParameter } from '../params/types';
import { parseHiringPolicy, HIRING_POLICIES, type FundingBasis, type SimInput } from './simulate';
import { PERIODS_PER_YEAR } from './units';

/** How a setting's text is read. */
export type SettingKind =
  /** a number */
  | 'number'
  /** a number, or blank / `none` for "not set" (no cap, default initial staff, full-cost rate) */
  | 'optional'
  /** true / false (also waar / onwaar, 1 / 0) */
  | 'boolean'
  /** a hiring policy name */
  | 'policy'
  /** realised / forecast (also realisatie / prognose) */
  | 'basis';

/** One named setting. */
export interface ScenarioSetting {
  /** The name on the sheet (Parameter column), in the form and after `--set`. */
  key: string;
  kind: SettingKind;
  /** The `IND Parameters` row this setting is, when it is one. */
  param?: ModelParameter;
  /** The setting's value in an input (`undefined` = not set). */
  get: (i: SimInput) => number | boolean | string | undefined;
  /** A copy of the input with the setting changed. */
  set: (i: SimInput, v: number | boolean | string | undefined) => SimInput;
}

const num = (v: unknown): number => v as number;
const rule = (i: SimInput, patch: Partial<SimInput['rule']>): SimInput => ({
  ...i,
  rule: { ...i.rule, ...patch },
});
const staff = (i: SimInput, patch: Partial<SimInput['staff']>): SimInput => ({
  ...i,
  staff: { ...i.staff, ...patch },
});
const band = (i: SimInput, patch: Partial<SimInput['band']>): SimInput => ({
  ...i,
  band: { ...i.band, ...patch },
});

/** Every setting, in the order of the sheet's input block. */
export const SCENARIO_SETTINGS: readonly ScenarioSetting[] = [
  {
    key: 'basis',
    kind: 'basis',
    get: (i) => i.rule.basis,
    set: (i, v) => rule(i, { basis: v as FundingBasis }),
  },
  { key: 'bandLow', kind: 'number', get: (i) => i.band.low, set: (i, v) => band(i, { low: num(v) }) },
  { key: 'bandHigh', kind: 'number', get: (i) => i.band.high, set: (i, v) => band(i, { high: num(v) }) },
  {
    key: 'peakExtra',
    kind: 'number',
    get: (i) => i.band.peakExtra,
    set: (i, v) => band(i, { peakExtra: num(v) }),
  },
  {
    key: 'peakPeriods',
    kind: 'number',
    get: (i) => i.band.peakPeriods,
    set: (i, v) => band(i, { peakPeriods: num(v) }),
  },
  {
    key: 'hoursPerFte',
    kind: 'number',
    get: (i) => i.staff.hoursPerFte,
    set: (i, v) => staff(i, { hoursPerFte: num(v) }),
  },
  {
    key: 'directRatio',
    kind: 'number',
    get: (i) => i.staff.directRatio,
    set: (i, v) => staff(i, { directRatio: num(v) }),
  },
  {
    key: 'costPerFteYear',
    kind: 'number',
    get: (i) => i.staff.costPerFtePeriod * PERIODS_PER_YEAR,
    set: (i, v) => staff(i, { costPerFtePeriod: num(v) / PERIODS_PER_YEAR }),
  },
  {
    key: 'ratePerHour',
    kind: 'optional',
    get: (i) => i.ratePerHour,
    set: (i, v) => ({ ...i, ratePerHour: v as number | undefined }),
  },
  { key: 'lumpsum', kind: 'number', get: (i) => i.lumpsum, set: (i, v) => ({ ...i, lumpsum: num(v) }) },
  { key: 'floor', kind: 'number', get: (i) => i.rule.floor, set: (i, v) => rule(i, { floor: num(v) }) },
  {
    key: 'cap',
    kind: 'optional',
    get: (i) => (Number.isFinite(i.rule.cap) ? i.rule.cap : undefined),
    set: (i, v) => rule(i, { cap: v === undefined ? Infinity : num(v) }),
  },
  {
    key: 'maxDecline',
    kind: 'number',
    get: (i) => i.rule.maxDecline,
    set: (i, v) => rule(i, { maxDecline: num(v) }),
  },
  {
    key: 'confirmPeriods',
    kind: 'number',
    get: (i) => i.rule.confirmPeriods,
    set: (i, v) => rule(i, { confirmPeriods: num(v) }),
  },
  {
    key: 'countBacklog',
    kind: 'boolean',
    get: (i) => i.rule.countBacklog,
    set: (i, v) => rule(i, { countBacklog: v as boolean }),
  },
  {
    key: 'backlogClearPeriods',
    kind: 'number',
    get: (i) => i.rule.backlogClearPeriods,
    set: (i, v) => rule(i, { backlogClearPeriods: num(v) }),
  },
  {
    key: 'activeReduction',
    kind: 'boolean',
    get: (i) => i.rule.activeReduction,
    set: (i, v) => rule(i, { activeReduction: v as boolean }),
  },
  {
    key: ALLOWANCE_SHARE.key,
    kind: 'number',
    param: ALLOWANCE_SHARE,
    get: (i) => i.rule.allowanceShare,
    set: (i, v) => rule(i, { allowanceShare: num(v) }),
  },
  {
    key: INDUCTION_MONTHS.key,
    kind: 'number',
    param: INDUCTION_MONTHS,
    get: (i) => i.staff.inductionMonths,
    set: (i, v) => staff(i, { inductionMonths: num(v) }),
  },
  {
    key: TURNOVER_ANNUAL.key,
    kind: 'number',
    param: TURNOVER_ANNUAL,
    get: (i) => i.staff.turnoverAnnual,
    set: (i, v) => staff(i, { turnoverAnnual: num(v) }),
  },
  {
    key: COACHING_PER_TRAINEE.key,
    kind: 'number',
    param: COACHING_PER_TRAINEE,
    get: (i) => i.staff.coachingShare,
    set: (i, v) => staff(i, { coachingShare: num(v) }),
  },
  {
    key: RECRUITMENT_LAG.key,
    kind: 'number',
    param: RECRUITMENT_LAG,
    get: (i) => i.staff.recruitmentLag,
    set: (i, v) => staff(i, { recruitmentLag: num(v) }),
  },
  {
    key: HIRING_POLICY.key,
    kind: 'policy',
    param: HIRING_POLICY,
    get: (i) => HIRING_POLICIES[i.staff.hiringPolicy],
    set: (i, v) => staff(i, { hiringPolicy: parseHiringPolicy(String(v)) }),
  },
  {
    key: TRAINEE_CAP.key,
    kind: 'number',
    param: TRAINEE_CAP,
    get: (i) => i.staff.traineeCap,
    set: (i, v) => staff(i, { traineeCap: num(v) }),
  },
  {
    key: 'flexFte',
    kind: 'number',
    get: (i) => i.staff.flexFte,
    set: (i, v) => staff(i, { flexFte: num(v) }),
  },
  {
    key: 'initialStaff',
    kind: 'optional',
    get: (i) => i.staff.initialStaffFte,
    set: (i, v) => staff(i, { initialStaffFte: v as number | undefined }),
  },
  {
    key: 'initialPipeline',
    kind: 'optional',
    get: (i) => i.staff.initialPipelineFte,
    set: (i, v) => staff(i, { initialPipelineFte: v as number | undefined }),
  },
  {
    key: 'initialBacklog',
    kind: 'number',
    get: (i) => i.initialBacklog,
    set: (i, v) => ({ ...i, initialBacklog: num(v) }),
  },
];

/** A setting by name (case-insensitive). */
export function settingByKey(key: string): ScenarioSetting | undefined {
  const k = key.trim().toLowerCase();
  return SCENARIO_SETTINGS.find((s) => s.key.toLowerCase() === k);
}

/** A plain number as scripts write it: dot decimals, no grouping, optional exponent. */
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Reads a setting's value from text as scripts write it (dot decimals, no grouping).
 * @throws CalcError scenarioBadSetting | scenarioUnknownPolicy
 */
export function parseSettingText(s: ScenarioSetting, text: string): number | boolean | string | undefined {
  const v = text.trim();
  const bad = (expected: string): never => {
    throw new CalcError('scenarioBadSetting', { argument: s.key, expected, received: text });
  };
  switch (s.kind) {
    case 'boolean': {
      const l = v.toLowerCase();
      if (['true', 'waar', '1', 'ja', 'yes'].includes(l)) return true;
      if (['false', 'onwaar', '0', 'nee', 'no'].includes(l)) return false;
      return bad('true of false / true or false');
    }
    case 'policy':
      return HIRING_POLICIES[parseHiringPolicy(v, s.key)];
    case 'basis': {
      const l = v.toLowerCase();
      if (l === 'realised' || l === 'realisatie') return 'realised';
      if (l === 'forecast' || l === 'prognose') return 'forecast';
      return bad('realisatie | prognose (realised | forecast)');
    }
    case 'optional':
    case 'number': {
      const l = v.toLowerCase();
      if (s.kind === 'optional' && (v === '' || l === 'none' || l === 'geen')) return undefined;
      if (!PLAIN_NUMBER.test(v))
        return bad('een getal met een punt als decimaalteken / a number with a dot as decimal separator');
      return Number(v);
    }
  }
}

/**
 * Applies `name=value` settings to an input, in order. The result still has to pass
 * `validateSimInput` (ranges, a percentage typed for a fraction, …).
 * @throws CalcError scenarioUnknownSetting | scenarioBadSetting | scenarioUnknownPolicy
 */
export function applySettings(input: SimInput, pairs: readonly (readonly [string, string])[]): SimInput {
  let out = input;
  for (const [key, text] of pairs) {
    const s = settingByKey(key);
    if (!s) {
      throw new CalcError('scenarioUnknownSetting', {
        received: key,
        expected: SCENARIO_SETTINGS.map((x) => x.key).join(', '),
      });
    }
    out = s.set(out, parseSettingText(s, text));
  }
  return out;
}
