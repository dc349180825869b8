/**
 * The staffing figures of the glossary (S1–S7), as ONE function each, and the Excel formula of
 * each as the sheets write it. The funding model, the time-recording bridge, the calculation
 * sheet and the demo compute these figures here and nowhere else.
 *
 * The arithmetic of the fte formula itself is `fteNeeded` (`src/core/fte.ts`); these functions
 * only say which ratio and which allowance each figure uses, and with which sign.
 */
import { fteNeeded } from '../fte';

/** The inputs every staffing figure shares (reference §3, "FTE needed"). */
export interface StaffingInput {
  /** Workload in handling hours over `weeks` weeks (e.g. 83,000 per 4 weeks). */
  workloadHours: number;
  weeks: number;
  hoursPerFte: number;
  /** The turnover allowance (*verloop*) in fte, e.g. the review's 60. */
  extraFte: number;
  /** True (default, as the review): the allowance is divided by the ratio too. */
  grossUpExtra?: boolean;
}

/** S1 Fte needed at `directRatio`, with the allowance (or without it: `withAllowance` false). */
export function fteNeededFor(input: StaffingInput, directRatio: number, withAllowance = true): number {
  return fteNeeded(input.workloadHours, {
    weeks: input.weeks,
    hoursPerFte: input.hoursPerFte,
    directRatio,
    extraFte: withAllowance ? input.extraFte : 0,
    grossUpExtra: input.grossUpExtra ?? true,
  });
}

/** Both fte gaps model → measured: S2 (without the allowance) and S3 (with it). */
export interface FteGaps {
  /** S1 at the model ratio, with the allowance. */
  fteModel: number;
  /** S1 at the measured ratio, with the allowance. */
  fteMeasured: number;
  /** S2: S1(measured) − S1(model), both without the allowance. Positive = shortage. */
  exclAllowance: number;
  /** S3: S1(measured) − S1(model), both with the allowance. Positive = shortage. */
  inclAllowance: number;
}

/**
 * S2 and S3, the fte gap between the model ratio and the measured ratio.
 *
 * @example The review (§4): 83,000 h per 4 weeks, 36 h, 60 fte allowance, 0.7473 → 0.57:
 *   S3 = 1,116.47 − 851.58 = 264.89 (the review: 265); S2 = 1,011.21 − 771.31 = 239.90.
 */
export function fteGap(input: StaffingInput, modelRatio: number, measuredRatio: number): FteGaps {
  const fteModel = fteNeededFor(input, modelRatio);
  const fteMeasured = fteNeededFor(input, measuredRatio);
  return {
    fteModel,
    fteMeasured,
    exclAllowance: fteNeededFor(input, measuredRatio, false) - fteNeededFor(input, modelRatio, false),
    inclAllowance: fteMeasured - fteModel,
  };
}

/** S4 The allowance's part of the fte needed at `directRatio`: S1 with − S1 without. */
export function allowanceFte(input: StaffingInput, directRatio: number): number {
  return fteNeededFor(input, directRatio) - fteNeededFor(input, directRatio, false);
}

/** S5 Capacity shortage in fte: fte needed − staff. Positive = shortage, negative = overcapacity. */
export function capacityShortageFte(fteNeededValue: number, staffFte: number): number {
  return fteNeededValue - staffFte;
}

/** S6 Cost of one fte over the period: weeks × hours per fte × cost per paid hour × (1 + overhead). */
export function costPerFte(weeks: number, hoursPerFte: number, hourlyCost: number, overheadRate = 0): number {
  return weeks * hoursPerFte * hourlyCost * (1 + overheadRate);
}

/** S7 Capacity shortage in euros: S5 × S6, with the sign of S5. */
export function capacityShortageEuro(shortageFte: number, costOfOneFte: number): number {
  return shortageFte * costOfOneFte;
}

/** Where a capacity shortage puts the staff: missing capacity, overcapacity or balanced (|S5| < 0.05 fte). */
export type CapacityState = 'missing' | 'overcapacity' | 'balanced';

/** The state of a capacity shortage S5 (within 0.05 fte counts as balanced). */
export function capacityState(shortageFte: number): CapacityState {
  if (Math.abs(shortageFte) < 0.05) return 'balanced';
  return shortageFte > 0 ? 'missing' : 'overcapacity';
}

/** The words of each state, as the sheets and the pane show them. */
export const CAPACITY_STATE_TEXT: Record<CapacityState, { nl: string; en: string }> = {
  missing: { nl: 'tekort: ontbrekende capaciteit', en: 'shortage: missing capacity' },
  overcapacity: { nl: 'overcapaciteit', en: 'overcapacity' },
  balanced: { nl: 'in evenwicht', en: 'balanced' },
};

/**
 * The Excel formulas of the staffing figures, over cell references or names given as text. The
 * sheets and the demo build their formulas here, so a figure's formula is written in one place.
 */
export const STAFFING_FORMULAS = {
  /** S1 via IND.FTE; `grossUp` is a cell or TRUE/FALSE (omitted: the function's default TRUE). */
  fteNeeded(a: {
    hours: string;
    weeks: string;
    hoursPerFte: string;
    ratio: string;
    extra: string;
    grossUp?: string;
  }): string {
    return `IND.FTE(${a.hours},${a.weeks},${a.hoursPerFte},${a.ratio},${a.extra}${a.grossUp === undefined ? '' : `,${a.grossUp}`})`;
  },
  /** S2/S3: S1 at the measured ratio − S1 at the model ratio, with `extra` as the allowance (0 for S2). */
  fteGap(a: {
    hours: string;
    weeks: string;
    hoursPerFte: string;
    modelRatio: string;
    measuredRatio: string;
    extra: string;
    grossUp?: string;
  }): string {
    const s1 = (ratio: string): string => STAFFING_FORMULAS.fteNeeded({ ...a, ratio });
    return `${s1(a.measuredRatio)}-${s1(a.modelRatio)}`;
  },
  /** S5: fte needed − staff. */
  capacityShortageFte(fteNeededRef: string, staffRef: string): string {
    return `${fteNeededRef}-${staffRef}`;
  },
  /** S6: weeks × hours per fte × hourly cost × (1 + overhead). */
  costPerFte(weeks: string, hoursPerFte: string, hourlyCost: string, overhead: string): string {
    return `${weeks}*${hoursPerFte}*${hourlyCost}*(1+${overhead})`;
  },
  /** S7: S5 × S6. */
  capacityShortageEuro(shortageFteRef: string, costPerFteRef: string): string {
    return `${shortageFteRef}*${costPerFteRef}`;
  },
};
