/**
 * The analysis of an imported time recording: direct-hour ratios (gross and net), the bridge
 * from the model's 74.73% to the measured ratio, norms against recorded time, effectiveness per
 * team with its spread, unused capacity (TDABC) and the controller's checks.
 *
 * Every figure here is also written to the workbook as a live formula (see the plan builder);
 * these functions compute the same figures for the task-pane preview and the tests. Nothing is
 * rounded here.
 */
import { teamEffectiveness } from '../figures/timeRecording';
import { CalcError, formatError } from '../errors';
import { fteGap } from '../figures/staffing';
import { checkFraction, checkNonNegative, checkPositive, checkRatio } from '../input';
import { normVariance } from '../normVariance';
import {
  COACHING_SHARE_MODEL,
  DIRECT_RATIO_MODEL,
  HOURS_PER_FTE,
  PROJECTS_SHARE_MODEL,
  TRAINING_SHARE_MODEL,
  WEEKS_PER_PERIOD,
  BAND_MEAN,
  REVIEW_EXTRA_FTE,
  HOT_NORM_ABSENCE,
} from '../params';
import type { AggregateResult } from './aggregate';
import {
  ABSENCE_CATEGORIES,
  ALL_CATEGORY_CLASSES,
  INDIRECT_CATEGORIES,
  kindOf,
  type AbsenceCategory,
  type CategoryClass,
  type CategoryMapping,
  type IndirectCategory,
  type LabelledRatio,
} from './types';

/** A non-direct category. */
export type NonDirectCategory = IndirectCategory | AbsenceCategory;

/** Basis of the model ratio: the review never states it (reference §5), so 'unknown' is the default. */
export type ModelBasis = 'gross' | 'net' | 'unknown';

/** Options of the analysis; every default is the 2021 model or the review. */
export interface AnalysisOptions {
  categoryMapping: CategoryMapping;
  /** The model's direct-hour ratio, default 0.7473. */
  modelRatio?: number;
  /** Basis of the model ratio, default 'unknown'. A basis other than 'gross' is flagged in the bridge. */
  modelBasis?: ModelBasis;
  /**
   * Model shares of paid hours per INDIRECT category; a category without one is "not in the
   * model". Default: being trained (*opgeleid worden*, the model's standard upkeep training) 1.9%,
   * coaching 1.9%, projects 0% (reference §2).
   */
  modelShares?: Partial<Record<IndirectCategory, number>>;
  /**
   * The HOT norm for absence as a share of gross hours (the model's allowance for absence), default
   * 23.6% (derived, *aanname*, `HOT_NORM_ABSENCE`). The bridge shows absence in full and above it.
   */
  hotNorm?: number;
  /** Workload in hours per `weeks` weeks for the fte cost of the bridge, default 83,000. */
  workloadHours?: number;
  /** Weeks the workload covers, default 4. */
  weeks?: number;
  /** Hours per fte per week, default 36. */
  hoursPerFte?: number;
  /** The turnover allowance in fte for the fte figures (S1, S3), default the review's 60. */
  extraFte?: number;
  /** Norm minutes per product (product name as in the export). */
  norms?: Record<string, number>;
  /** Cases per product from another source (production figures); overrides the export's cases. */
  cases?: Record<string, number>;
  /** Flag a product whose |deviation| exceeds this fraction, default 0.15. */
  normThreshold?: number;
  /** Cost of one paid hour in euros, for unused capacity in euros (optional). */
  hourlyCost?: number;
}

/**
 * The default model shares (reference §2). The model's 1.9% "training" is standard upkeep
 * training of the staff themselves, so it is set against *opgeleid worden* (being trained), not
 * against *opleiden* (training others), which the model does not budget.
 */
export const DEFAULT_MODEL_SHARES: Readonly<Partial<Record<IndirectCategory, number>>> = {
  beingTrained: TRAINING_SHARE_MODEL.value,
  coaching: COACHING_SHARE_MODEL.value,
  projects: PROJECTS_SHARE_MODEL.value,
};

/** Hours per category class. */
export type HoursByClass = Record<CategoryClass, number>;

/** Hours of one team. */
export interface TeamHours {
  team: string;
  byClass: HoursByClass;
  direct: number;
  indirect: number;
  absence: number;
  total: number;
  /** Null when the team has no hours on that basis. */
  gross: LabelledRatio | null;
  net: LabelledRatio | null;
}

/**
 * One step of the bridge (glossary B1): `value` = measured share − model share, in ratio points
 * (fractions); positive = more non-direct time than the model budgets. Σ values = start − end
 * (model ratio − measured ratio).
 */
export interface BridgeStep {
  /**
   * An indirect category (against its own model share, or "not in the model"), the absence above
   * the HOT norm, the model's non-direct time it does not split out, or the remainder.
   */
  id: IndirectCategory | 'absenceAboveNorm' | 'unsplitModel' | 'remainder';
  /** 'model': against a model share; 'notInModel': the model has no share for it; else a tie-out row. */
  kind: 'model' | 'notInModel' | 'absence' | 'unsplit' | 'remainder';
  /** Model share of paid hours (the HOT norm for absence; undefined: not in the model). */
  modelShare?: number;
  /** Measured share of paid hours (absence: in full, glossary B3). */
  measuredShare?: number;
  value: number;
  /** Share of the total gap (value / (start − end)); NaN when there is no gap. */
  shareOfGap: number;
  /** Glossary B2: fte this step costs, its share of the fte gap with the allowance (S3). */
  fte: number;
}

/** Absence in full, per category and in total, next to the HOT norm (glossary B3, B4). */
export interface AbsenceAgainstNorm {
  /** Measured share of paid hours per absence category. */
  byCategory: { category: AbsenceCategory; share: number }[];
  /** B3 absence in full: Σ absence / all paid hours. */
  measured: number;
  /** The HOT norm. */
  hotNorm: number;
  /** B4 absence above the norm: measured − HOT norm (negative: below it). */
  aboveNorm: number;
}

/** The bridge from the model ratio to the measured gross ratio. */
export interface Bridge {
  start: number;
  end: number;
  modelBasis: ModelBasis;
  /** True when the model basis is not 'gross', so the comparison crosses bases. */
  crossBasis: boolean;
  steps: BridgeStep[];
  absence: AbsenceAgainstNorm;
  /**
   * 1 − model ratio − Σ model shares − HOT norm: the model's non-direct time it does not split
   * out. Negative when the model's own shares and the HOT norm exceed 1 − model ratio: then the
   * model ratio is probably not a share of gross hours (see `crossBasis`).
   */
  unsplitModelShare: number;
  /** S1 at the model ratio and at the measured ratio for the workload, with the allowance. */
  fteModel: number;
  fteMeasured: number;
  /** S3 the fte gap with the turnover allowance (fteMeasured − fteModel); the steps' fte add up to it. */
  fteGap: number;
  /** S2 the fte gap without the turnover allowance. */
  fteGapExclAllowance: number;
  /** The turnover allowance used, fte. */
  extraFte: number;
}

/** Norm against recorded time for one product. */
export interface ProductNorm {
  product: string;
  directHours: number;
  cases: number;
  normMinutes?: number;
  /** Realised minutes per case: the norm the recorded time implies. */
  realisedMinutes?: number;
  deviation?: number;
  status: 'ok' | 'flag' | 'noNorm' | 'noCases';
}

/**
 * Effectiveness of one team, on two bases side by side: glossary E1 (normed hours only) and E2
 * (every direct hour; hours on products without a norm earn nothing), with E3 the hours without
 * a norm.
 */
export interface TeamEffectiveness {
  team: string;
  /** Σ cases × norm / 60 on products with a norm. */
  earnedHours: number;
  /** Direct hours on products with a norm. */
  directHours: number;
  /** E3 direct hours on products without a norm. */
  hoursWithoutNorm: number;
  /** E1 earned / direct hours with a norm; undefined when the team has none. */
  value?: number;
  /** E2 earned / all direct hours. */
  valueAllDirect: number;
}

/** Spread of a set of values as a distribution (no names). */
export interface Distribution {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** Bin upper bounds (exclusive) and counts; the last bin is open-ended. */
  bins: { from: number | null; to: number | null; count: number }[];
}

/**
 * Unused capacity in the TDABC sense (glossary T1, T2): indirect hours above the model's share,
 * only for categories the model budgets; hours of categories without a model share are "not in
 * the model" (T3), a figure of their own and no unused capacity.
 */
export interface UnusedCapacity {
  byCategory: {
    category: IndirectCategory;
    hours: number;
    /** Model share × all hours; undefined: not in the model. */
    budget?: number;
    /** max(0, hours − budget); 0 when not in the model. */
    unused: number;
    /** The hours when the model has no share for the category, else 0. */
    notInModel: number;
  }[];
  /** T1. */
  hours: number;
  /** T2 = T1 × cost per paid hour, or null without a cost. */
  euros: number | null;
  /** T3. */
  notInModelHours: number;
}

/** Reconciliation of totals. */
export interface Reconciliation {
  /** Every readable hours value in the file, by absolute value. */
  importedHours: number;
  /** Hours on accepted rows, by kind. */
  direct: number;
  indirect: number;
  absence: number;
  /** Readable hours on rejected rows, by absolute value (a negative row counts as rejected hours). */
  rejectedHours: number;
  rejectedRows: number;
  rejectedRowsWithoutHours: number;
  /** importedHours − direct − indirect − absence − rejectedHours; 0 up to float noise. */
  difference: number;
}

/** Everything the analysis yields. */
export interface Analysis {
  total: HoursByClass;
  totals: { direct: number; indirect: number; absence: number; all: number };
  gross: LabelledRatio;
  net: LabelledRatio;
  teams: TeamHours[];
  bridge: Bridge;
  products: ProductNorm[];
  effectiveness: TeamEffectiveness[];
  /** Spread of E1 over the teams that have one. */
  effectivenessSpread: Distribution | null;
  /** E3 in total: direct hours on products without a norm (not in E1, in E2). */
  hoursWithoutNorm: number;
  unused: UnusedCapacity;
  reconciliation: Reconciliation;
  missingTeamPeriods: { team: string; period: string }[];
}

/** Label for direct rows without a product. */
export const NO_PRODUCT = '(zonder product)';

function emptyHours(): HoursByClass {
  const h = {} as HoursByClass;
  for (const c of ALL_CATEGORY_CLASSES) h[c] = 0;
  return h;
}

/**
 * Maps every raw category of the import to its class.
 * @throws CalcError `trUnknownCategory` listing every category not in the mapping: the tool asks, it never guesses.
 */
export function resolveCategories(
  result: AggregateResult,
  mapping: CategoryMapping,
): Map<string, CategoryClass> {
  const out = new Map<string, CategoryClass>();
  const unknown: string[] = [];
  for (const c of result.categories) {
    const cls = mapping[c.key];
    if (cls === undefined || !(ALL_CATEGORY_CLASSES as readonly string[]).includes(cls))
      unknown.push(`"${c.label}"`);
    else out.set(c.key, cls);
  }
  if (unknown.length > 0) {
    throw new CalcError('trUnknownCategory', { count: unknown.length, received: unknown.join(', ') });
  }
  return out;
}

/** Ratio with its basis, or null when the denominator is 0. */
function ratio(direct: number, denominator: number, basis: 'gross' | 'net'): LabelledRatio | null {
  return denominator > 0 ? { value: direct / denominator, basis } : null;
}

/**
 * Refuses to compare two ratios on different bases.
 * @returns a − b, only when both have the same basis.
 * @throws CalcError `trBasisMismatch`.
 */
export function compareRatios(a: LabelledRatio, b: LabelledRatio, argument = 'ratio'): number {
  if (a.basis !== b.basis)
    throw new CalcError('trBasisMismatch', { argument, received: a.basis, expected: b.basis });
  return a.value - b.value;
}

/** QUARTILE.INC / PERCENTILE.INC of sorted values (linear interpolation), as Excel computes it. */
export function percentileInc(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The bin edges of the effectiveness distribution. */
export const EFFECTIVENESS_BIN_EDGES: readonly number[] = [0.8, 0.9, 1.0, 1.1, 1.2];

/** Distribution of values over `edges` (first bin < edges[0], last bin ≥ last edge), with quartiles. */
export function distribution(
  values: readonly number[],
  edges: readonly number[] = EFFECTIVENESS_BIN_EDGES,
): Distribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const bins: Distribution['bins'] = [];
  for (let i = 0; i <= edges.length; i++) {
    const from = i === 0 ? null : edges[i - 1];
    const to = i === edges.length ? null : edges[i];
    const count = sorted.filter((v) => (from === null || v >= from) && (to === null || v < to)).length;
    bins.push({ from, to, count });
  }
  return {
    n: sorted.length,
    min: sorted[0],
    q1: percentileInc(sorted, 0.25),
    median: percentileInc(sorted, 0.5),
    q3: percentileInc(sorted, 0.75),
    max: sorted[sorted.length - 1],
    bins,
  };
}

/**
 * Builds the bridge from the model ratio to the measured gross ratio (glossary B1–B4).
 *
 * Steps, each measured share − model share (positive = more non-direct time than the model
 * budgets), in order: every indirect category against its own model share, or against nothing
 * when the model has no share for it ("not in the model"); the absence above the HOT norm
 * (absence in full − HOT norm); minus the model's non-direct time it does not split out
 * (1 − model ratio − Σ model shares − HOT norm); and an explicit "other / unexplained" remainder
 * = (start − end) − Σ steps, so that the bridge always ties out exactly. The fte cost of a step
 * is its share of the gap times the fte gap with the allowance (S3), which is order-independent
 * and sums exactly to S3.
 */
export function buildBridge(
  hours: HoursByClass,
  opts: {
    modelRatio: number;
    modelBasis: ModelBasis;
    modelShares: Partial<Record<IndirectCategory, number>>;
    hotNorm?: number;
    workloadHours: number;
    weeks: number;
    hoursPerFte: number;
    extraFte?: number;
  },
): Bridge {
  let all = 0;
  for (const c of ALL_CATEGORY_CLASSES) all += hours[c];
  if (!(all > 0))
    throw new CalcError('trNoValidRows', { received: '0', reasonNl: 'geen uren', reasonEn: 'no hours' });
  const start = opts.modelRatio;
  const end = hours.direct / all;
  const hotNorm = opts.hotNorm ?? HOT_NORM_ABSENCE.value;
  const steps: BridgeStep[] = [];
  let sumShares = 0;
  let sumSteps = 0;
  for (const c of INDIRECT_CATEGORIES) {
    const model = opts.modelShares[c];
    const measured = hours[c] / all;
    const value = measured - (model ?? 0);
    if (model !== undefined) sumShares += model;
    sumSteps += value;
    steps.push({
      id: c,
      kind: model === undefined ? 'notInModel' : 'model',
      modelShare: model,
      measuredShare: measured,
      value,
      shareOfGap: NaN,
      fte: NaN,
    });
  }
  let absenceHours = 0;
  for (const c of ABSENCE_CATEGORIES) absenceHours += hours[c];
  const absence: AbsenceAgainstNorm = {
    byCategory: ABSENCE_CATEGORIES.map((category) => ({ category, share: hours[category] / all })),
    measured: absenceHours / all,
    hotNorm,
    aboveNorm: absenceHours / all - hotNorm,
  };
  steps.push({
    id: 'absenceAboveNorm',
    kind: 'absence',
    modelShare: hotNorm,
    measuredShare: absence.measured,
    value: absence.aboveNorm,
    shareOfGap: NaN,
    fte: NaN,
  });
  sumSteps += absence.aboveNorm;
  const unsplit = 1 - start - sumShares - hotNorm;
  steps.push({
    id: 'unsplitModel',
    kind: 'unsplit',
    modelShare: unsplit,
    value: -unsplit,
    shareOfGap: NaN,
    fte: NaN,
  });
  sumSteps -= unsplit;
  steps.push({
    id: 'remainder',
    kind: 'remainder',
    value: start - end - sumSteps,
    shareOfGap: NaN,
    fte: NaN,
  });
  const gap = start - end;
  const extraFte = opts.extraFte ?? 0;
  const staffing = {
    workloadHours: opts.workloadHours,
    weeks: opts.weeks,
    hoursPerFte: opts.hoursPerFte,
    extraFte,
  };
  // Without any direct hours the measured ratio is 0 and no fte is enough.
  const gaps =
    end > 0
      ? fteGap(staffing, start, end)
      : {
          fteModel: fteGap(staffing, start, start).fteModel,
          fteMeasured: Infinity,
          inclAllowance: Infinity,
          exclAllowance: Infinity,
        };
  for (const s of steps) {
    s.shareOfGap = gap !== 0 ? s.value / gap : NaN;
    s.fte = gap !== 0 ? s.shareOfGap * gaps.inclAllowance : 0;
  }
  return {
    start,
    end,
    modelBasis: opts.modelBasis,
    crossBasis: opts.modelBasis !== 'gross',
    steps,
    absence,
    unsplitModelShare: unsplit,
    fteModel: gaps.fteModel,
    fteMeasured: gaps.fteMeasured,
    fteGap: gaps.inclAllowance,
    fteGapExclAllowance: gaps.exclAllowance,
    extraFte,
  };
}

/**
 * Runs the whole analysis on an import.
 * @throws CalcError `trUnknownCategory` (ask the user), `trNoValidRows`, and the input checks
 *   (`ratioAsPercent`, `ratioOutOfRange`, `fractionOutOfRange`, `negativeValue`, `notPositive`).
 */
export function analyse(result: AggregateResult, options: AnalysisOptions): Analysis {
  if (result.rowsAccepted === 0) {
    const first = result.issues[0];
    // The first reason in each language (the row's own message), never a code or "rij/row".
    throw new CalcError('trNoValidRows', {
      received: String(result.rowsRead),
      reasonNl: first ? formatError(first.code, first.details, 'nl') : '-',
      reasonEn: first ? formatError(first.code, first.details, 'en') : '-',
    });
  }
  const classes = resolveCategories(result, options.categoryMapping);
  const modelRatio = checkRatio(options.modelRatio ?? DIRECT_RATIO_MODEL.value, 'modelRatio');
  const modelShares = { ...(options.modelShares ?? DEFAULT_MODEL_SHARES) };
  for (const [k, v] of Object.entries(modelShares)) if (v !== undefined) checkFraction(v, `modelShares.${k}`);
  const workloadHours = checkNonNegative(options.workloadHours ?? BAND_MEAN.value, 'workloadHours');
  const weeks = checkPositive(options.weeks ?? WEEKS_PER_PERIOD.value, 'weeks');
  const hoursPerFte = checkPositive(options.hoursPerFte ?? HOURS_PER_FTE.value, 'hoursPerFte');
  const extraFte = checkNonNegative(options.extraFte ?? REVIEW_EXTRA_FTE.value, 'extraFte');
  const hotNorm = checkFraction(options.hotNorm ?? HOT_NORM_ABSENCE.value, 'hotNorm');
  const threshold = checkNonNegative(options.normThreshold ?? 0.15, 'normThreshold');

  const total = emptyHours();
  const teamMap = new Map<string, HoursByClass>();
  const productMap = new Map<string, { hours: number; cases: number }>();
  const teamProduct = new Map<string, Map<string, { hours: number; cases: number }>>();
  const teamPeriods = new Map<string, Set<number>>();
  for (const cell of result.cells) {
    const cls = classes.get(cell.categoryKey) as CategoryClass;
    total[cls] += cell.hours;
    let t = teamMap.get(cell.team);
    if (!t) teamMap.set(cell.team, (t = emptyHours()));
    t[cls] += cell.hours;
    let tp = teamPeriods.get(cell.team);
    if (!tp) teamPeriods.set(cell.team, (tp = new Set()));
    tp.add(cell.periodIndex);
    if (cls === 'direct') {
      const product = cell.product === '' ? NO_PRODUCT : cell.product;
      const p = productMap.get(product) ?? { hours: 0, cases: 0 };
      p.hours += cell.hours;
      p.cases += cell.cases;
      productMap.set(product, p);
      let m = teamProduct.get(cell.team);
      if (!m) teamProduct.set(cell.team, (m = new Map()));
      const q = m.get(product) ?? { hours: 0, cases: 0 };
      q.hours += cell.hours;
      q.cases += cell.cases;
      m.set(product, q);
    }
  }
  const sumKinds = (h: HoursByClass): { direct: number; indirect: number; absence: number; all: number } => {
    let direct = 0;
    let indirect = 0;
    let absence = 0;
    for (const c of ALL_CATEGORY_CLASSES) {
      const k = kindOf(c);
      if (k === 'direct') direct += h[c];
      else if (k === 'indirect') indirect += h[c];
      else absence += h[c];
    }
    return { direct, indirect, absence, all: direct + indirect + absence };
  };
  const totals = sumKinds(total);
  const teams: TeamHours[] = [...teamMap.entries()].map(([team, byClass]) => {
    const s = sumKinds(byClass);
    return {
      team,
      byClass,
      direct: s.direct,
      indirect: s.indirect,
      absence: s.absence,
      total: s.all,
      gross: ratio(s.direct, s.all, 'gross'),
      net: ratio(s.direct, s.all - s.absence, 'net'),
    };
  });
  const gross = ratio(totals.direct, totals.all, 'gross') ?? { value: NaN, basis: 'gross' as const };
  const net = ratio(totals.direct, totals.all - totals.absence, 'net') ?? {
    value: NaN,
    basis: 'net' as const,
  };

  const bridge = buildBridge(total, {
    modelRatio,
    modelBasis: options.modelBasis ?? 'unknown',
    modelShares,
    hotNorm,
    workloadHours,
    weeks,
    hoursPerFte,
    extraFte,
  });

  const norms = options.norms ?? {};
  const casesOverride = options.cases ?? {};
  const products: ProductNorm[] = [...productMap.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([product, p]) => {
      const cases = casesOverride[product] ?? p.cases;
      const norm = norms[product];
      const row: ProductNorm = { product, directHours: p.hours, cases, normMinutes: norm, status: 'ok' };
      if (!(cases > 0)) {
        row.status = 'noCases';
        return row;
      }
      row.realisedMinutes = (p.hours * 60) / cases;
      if (norm === undefined || !(norm > 0)) {
        row.status = 'noNorm';
        return row;
      }
      row.deviation = normVariance(p.hours, cases, norm);
      row.status = Math.abs(row.deviation) > threshold ? 'flag' : 'ok';
      return row;
    });

  const eff: TeamEffectiveness[] = [];
  let hoursWithoutNorm = 0;
  for (const [team, m] of [...teamProduct.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const vols: number[] = [];
    const nms: number[] = [];
    const hrs: number[] = [];
    let without = 0;
    for (const [product, q] of m) {
      const norm = norms[product];
      if (norm === undefined || !(norm > 0)) {
        without += q.hours;
        continue;
      }
      vols.push(q.cases);
      nms.push(norm);
      hrs.push(q.hours);
    }
    hoursWithoutNorm += without;
    const direct = hrs.reduce((a, b) => a + b, 0);
    if (!(direct + without > 0)) continue;
    const e = direct > 0 ? teamEffectiveness(vols, nms, hrs, without) : undefined;
    eff.push({
      team,
      earnedHours: e?.earnedHours ?? 0,
      directHours: direct,
      hoursWithoutNorm: without,
      ...(e ? { value: e.normed } : {}),
      valueAllDirect: e?.allDirect ?? 0,
    });
  }

  const shares = modelShares;
  const byCategory = INDIRECT_CATEGORIES.map((category) => {
    const h = total[category];
    const share = shares[category];
    if (share === undefined) return { category, hours: h, unused: 0, notInModel: h };
    const budget = share * totals.all;
    return { category, hours: h, budget, unused: Math.max(0, h - budget), notInModel: 0 };
  });
  const unusedHours = byCategory.reduce((a, b) => a + b.unused, 0);
  const unused: UnusedCapacity = {
    byCategory,
    hours: unusedHours,
    euros: options.hourlyCost !== undefined ? unusedHours * options.hourlyCost : null,
    notInModelHours: byCategory.reduce((a, b) => a + b.notInModel, 0),
  };

  const reconciliation: Reconciliation = {
    importedHours: result.hoursRead,
    direct: totals.direct,
    indirect: totals.indirect,
    absence: totals.absence,
    rejectedHours: result.hoursRejected,
    rejectedRows: result.rowsRejected,
    rejectedRowsWithoutHours: result.rejectedWithoutHours,
    difference: result.hoursRead - totals.direct - totals.indirect - totals.absence - result.hoursRejected,
  };

  const missingTeamPeriods: { team: string; period: string }[] = [];
  for (const team of result.teams) {
    const seen = teamPeriods.get(team) ?? new Set<number>();
    for (const p of result.periods)
      if (!seen.has(p.index)) missingTeamPeriods.push({ team, period: p.label });
  }

  return {
    total,
    totals,
    gross,
    net,
    teams,
    bridge,
    products,
    effectiveness: eff,
    effectivenessSpread: distribution(eff.flatMap((e) => (e.value === undefined ? [] : [e.value]))),
    hoursWithoutNorm,
    unused,
    reconciliation,
    missingTeamPeriods,
  };
}
