/**
 * Workload (*werklast*, *werkaanbod*) in handling hours: Σ volume × norm minutes / 60.
 */
import { CalcError } from './errors';
import { ldexp, PRODUCT_SCALE_EXPONENT } from './numerics';
import { checkNonNegativeAll, checkSameLength } from './validate';

/**
 * Workload in hours (*behandeluren*) = Σ volumeᵢ × normMinutesᵢ / 60.
 *
 * A NaN norm stands for a blank cell: it is allowed only when its volume is 0 (a product with no
 * cases needs no norm), otherwise the row is named in a `blankNorm` error.
 *
 * @param volumes - Cases per product, ≥ 0.
 * @param normMinutes - Norm time per case in minutes (*normtijd*), ≥ 0, same length; NaN = blank.
 * @returns Hours, unrounded.
 * @throws CalcError `lengthMismatch`, `negativeValue`, `notFinite`, `blankNorm`.
 */
export function workloadHours(volumes: ArrayLike<number>, normMinutes: ArrayLike<number>): number {
  const w = scaledWorkloadHours(volumes, normMinutes);
  return w.exponent === 0 ? w.hours : ldexp(w.hours, w.exponent);
}

/**
 * {@link workloadHours} straight from Excel-shaped columns (`[[v₁], [v₂], …]`), in ONE pass: the
 * hot path of `IND.WORKLOAD`. Each cell is read once and checked by the same rule as
 * {@link workloadHours} (a finite number ≥ 0); nothing is copied or allocated.
 *
 * It answers only when every row passes and the sum is finite. Otherwise (a blank, text, an Excel
 * error value, a negative or non-finite number, another shape, an overflow) it returns
 * `undefined`, and the caller takes the careful path (coercion, then {@link workloadHours}), which
 * reports the first problem exactly as it always has. So the two paths cannot disagree on a value:
 * the sum is the same loop in the same order.
 *
 * @param volumes - The volumes argument as Excel passes it.
 * @param normMinutes - The norm-minutes argument as Excel passes it.
 * @returns Hours, unrounded, or `undefined` when the careful path must decide.
 */
export function workloadHoursOfPlainColumns(volumes: unknown, normMinutes: unknown): number | undefined {
  if (!Array.isArray(volumes) || !Array.isArray(normMinutes)) return undefined;
  const n = volumes.length;
  if (n === 0 || normMinutes.length !== n) return undefined;
  const a = volumes as unknown[][];
  const b = normMinutes as unknown[][];
  if (!Array.isArray(a[0]) || !Array.isArray(b[0]) || a[0].length !== 1 || b[0].length !== 1)
    return undefined;
  let minutes = 0;
  for (let r = 0; r < n; r++) {
    const v = a[r][0];
    const m = b[r][0];
    // NaN fails every comparison, so it leaves too.
    if (typeof v !== 'number' || typeof m !== 'number' || !(v >= 0 && v < Infinity && m >= 0 && m < Infinity))
      return undefined;
    minutes += v * m;
  }
  return minutes < Infinity ? minutes / 60 : undefined;
}

/** Hours as `hours × 2^exponent`, so that a caller dividing them (a ratio) need not overflow. */
export interface ScaledHours {
  hours: number;
  exponent: number;
}

/**
 * {@link workloadHours} as `hours × 2^exponent`. The plain loop runs first (exponent 0); only
 * when its sum of minutes overflows is it summed again over factors scaled by a power of two.
 *
 * @throws CalcError as {@link workloadHours}.
 */
export function scaledWorkloadHours(volumes: ArrayLike<number>, normMinutes: ArrayLike<number>): ScaledHours {
  checkSameLength(volumes, 'volumes', normMinutes, 'normMinutes');
  // One pass that checks every cell once; only when a cell fails does the ordered check below run,
  // so the error (and which one comes first: volumes, then norms) is exactly as before.
  let minutes = 0;
  let odd = false;
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i];
    const m = normMinutes[i];
    if (v >= 0 && v < Infinity && m >= 0 && m < Infinity) minutes += v * m;
    else if (!(v === 0 && Number.isNaN(m))) {
      odd = true;
      break;
    }
  }
  if (odd) throwFirstProblem(volumes, normMinutes);
  if (Number.isFinite(minutes)) return { hours: minutes / 60, exponent: 0 };
  // A product or the sum overflowed: every row has passed the checks, so sum scaled factors.
  const f = 2 ** PRODUCT_SCALE_EXPONENT;
  let scaled = 0;
  for (let i = 0; i < volumes.length; i++) {
    const m = normMinutes[i];
    if (m >= 0 && m < Infinity) scaled += volumes[i] * f * (m * f);
  }
  return { hours: scaled / 60, exponent: -2 * PRODUCT_SCALE_EXPONENT };
}

/** Throws the first problem in the order the checks have always reported it. */
function throwFirstProblem(volumes: ArrayLike<number>, normMinutes: ArrayLike<number>): void {
  checkNonNegativeAll(volumes, 'volumes');
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i];
    const m = normMinutes[i];
    if (m >= 0 && m < Infinity) continue;
    if (Number.isNaN(m)) {
      if (v !== 0) throw new CalcError('blankNorm', { argument: 'normMinutes', row: i + 1, volume: v });
    } else if (m < 0) {
      throw new CalcError('negativeValue', { argument: 'normMinutes', row: i + 1, received: String(m) });
    } else {
      throw new CalcError('notFinite', { argument: 'normMinutes', row: i + 1, received: String(m) });
    }
  }
}

/** Normalises a product code for matching: trimmed, case-insensitive. */
function codeKey(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * Looks up each volume's norm by product code, so that volume and norm tables need not be in the
 * same order. A volume of 0 with an unknown or blank code is skipped (nothing to weigh).
 *
 * @param volumes - Cases per row of the volume table.
 * @param volumeCodes - Product code per volume row, same length.
 * @param normMinutes - Norm minutes per row of the norm table; NaN = blank.
 * @param normCodes - Product code per norm row, same length, unique (case-insensitive).
 * @returns The norm minutes aligned with `volumes` (NaN where the volume is 0 and no norm exists).
 * @throws CalcError `lengthMismatch`, `duplicateNormCode`, `blankCode`, `missingNormCode` (#N/A).
 */
export function alignNormsByCode(
  volumes: ArrayLike<number>,
  volumeCodes: readonly string[],
  normMinutes: ArrayLike<number>,
  normCodes: readonly string[],
): Float64Array {
  checkSameLength(volumeCodes, 'volumeCodes', volumes, 'volumes');
  checkSameLength(normCodes, 'normCodes', normMinutes, 'normMinutes');
  const index = new Map<string, number>();
  for (let j = 0; j < normCodes.length; j++) {
    const key = codeKey(normCodes[j]);
    if (key === '') continue;
    const first = index.get(key);
    if (first !== undefined) {
      throw new CalcError('duplicateNormCode', {
        argument: 'normCodes',
        received: normCodes[j],
        firstRow: first + 1,
        row: j + 1,
      });
    }
    index.set(key, j);
  }
  const aligned = new Float64Array(volumes.length);
  for (let i = 0; i < volumes.length; i++) {
    const key = codeKey(volumeCodes[i]);
    const j = key === '' ? undefined : index.get(key);
    if (j !== undefined) {
      aligned[i] = normMinutes[j];
    } else if (volumes[i] === 0) {
      aligned[i] = NaN;
    } else if (key === '') {
      throw new CalcError('blankCode', { argument: 'volumeCodes', row: i + 1, volume: volumes[i] });
    } else {
      throw new CalcError('missingNormCode', {
        argument: 'volumeCodes',
        row: i + 1,
        received: volumeCodes[i],
        other: 'normCodes',
      });
    }
  }
  return aligned;
}

/**
 * Workload in hours with volumes matched to norms by product code.
 * See {@link alignNormsByCode} and {@link workloadHours}.
 */
export function workloadHoursByCode(
  volumes: ArrayLike<number>,
  volumeCodes: readonly string[],
  normMinutes: ArrayLike<number>,
  normCodes: readonly string[],
): number {
  return workloadHours(volumes, alignNormsByCode(volumes, volumeCodes, normMinutes, normCodes));
}
