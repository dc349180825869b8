/**
 * Direct-hour ratio (*directe-urenpercentage*) from recorded hours by kind.
 */
import { CalcError } from './errors';
import { NeumaierSums, SUM_SCALE_EXPONENT } from './numerics';
import { checkNonNegativeAll, checkSameLength } from './validate';

/** Kind of hours: direct (on cases), indirect (training, meetings, …) or absence (leave, sickness). */
export type HourKind = 'direct' | 'indirect' | 'absence';

/** Basis of a ratio: gross = all paid hours; net = all hours minus absence. */
export type DirectRatioBasis = 'gross' | 'net';

const KINDS: Record<string, HourKind> = {
  direct: 'direct',
  directe: 'direct',
  indirect: 'indirect',
  indirecte: 'indirect',
  absence: 'absence',
  afwezig: 'absence',
  afwezigheid: 'absence',
};

/**
 * Parses a kind of hours, case-insensitive: direct/directe, indirect/indirecte,
 * absence/afwezig/afwezigheid.
 *
 * @returns The kind, or `undefined` when the text is not a known kind.
 */
export function parseHourKind(text: string): HourKind | undefined {
  return KINDS[text.trim().toLowerCase()];
}

/**
 * Parses a basis: gross/bruto or net/netto (case-insensitive).
 *
 * @throws CalcError `unknownBasis`.
 */
export function parseRatioBasis(text: string, argument = 'basis'): DirectRatioBasis {
  const t = text.trim().toLowerCase();
  if (t === 'gross' || t === 'bruto') return 'gross';
  if (t === 'net' || t === 'netto') return 'net';
  throw new CalcError('unknownBasis', { argument, received: text });
}

/**
 * Direct-hour ratio: gross = direct / all hours; net = direct / (all hours − absence).
 * Measured 2021: 57% direct, 13.4% indirect, 29.6% absence → 0.57 gross, 0.81 net.
 *
 * The ratio is computed from the parts it is made of: gross = direct / (direct + indirect +
 * absence) and net = direct / (direct + indirect), which is the same in real arithmetic as
 * direct / (all − absence) but can never exceed 1 in floating point. Each part is a compensated
 * (Neumaier) sum, so one huge cell does not swallow the small ones, and when a sum overflows the
 * hours are scaled by a power of two (the ratio does not change).
 *
 * @param hours - Hours per row, ≥ 0.
 * @param kinds - Kind per row (same length). Text is parsed with {@link parseHourKind}; a blank
 *   kind is allowed only on a row with 0 hours.
 * @param basis - 'gross' (default) or 'net'.
 * @returns The ratio in [0, 1], unrounded.
 * @throws CalcError `lengthMismatch`, `negativeValue`, `unknownHourKind`, `noHours`.
 */
export function directRatioOf(
  hours: ArrayLike<number>,
  kinds: readonly string[],
  basis: DirectRatioBasis = 'gross',
): number {
  checkSameLength(hours, 'hours', kinds, 'kinds');
  checkNonNegativeAll(hours, 'hours');
  const rowKinds: Array<HourKind | undefined> = new Array<HourKind | undefined>(hours.length);
  for (let i = 0; i < hours.length; i++) {
    const kind = parseHourKind(kinds[i]);
    if (kind === undefined) {
      if (hours[i] === 0 && kinds[i].trim() === '') continue;
      throw new CalcError('unknownHourKind', { argument: 'kinds', row: i + 1, received: kinds[i] });
    }
    rowKinds[i] = kind;
  }
  let parts = sumByKind(hours, rowKinds, 1);
  if (!parts.every(Number.isFinite)) parts = sumByKind(hours, rowKinds, 2 ** SUM_SCALE_EXPONENT);
  const [direct, indirect, absence] = parts;
  const denominator = basis === 'gross' ? direct + (indirect + absence) : direct + indirect;
  if (!(denominator > 0)) throw new CalcError('noHours', { argument: 'hours', basis });
  return direct / denominator;
}

const KIND_INDEX: Record<HourKind, number> = { direct: 0, indirect: 1, absence: 2 };

/** Compensated sums of direct, indirect and absence hours, each hour multiplied by `scale` (a power of two). */
function sumByKind(
  hours: ArrayLike<number>,
  kinds: ReadonlyArray<HourKind | undefined>,
  scale: number,
): [number, number, number] {
  const sums = new NeumaierSums(3);
  for (let i = 0; i < hours.length; i++) {
    const kind = kinds[i];
    if (kind !== undefined) sums.add(KIND_INDEX[kind], hours[i] * scale);
  }
  return [sums.value(0), sums.value(1), sums.value(2)];
}
