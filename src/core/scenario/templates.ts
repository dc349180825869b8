/**
 * Workload series templates: normal band, short peak, long peak and the 2017 case. They are
 * deterministic (no randomness), so tests and saved scenarios reproduce exactly. The shapes
 * are illustrative (*fictief*): the review gives the band and peak limits, not a series.
 */
import { BAND_MEAN } from '../params/model2021';
import { BACKLOG_2017 } from '../params/scenario';
import type { Band } from './labels';
import { PERIODS_PER_YEAR } from './units';

/** The templates a user can generate. */
export type TemplateId = 'normal' | 'shortPeak' | 'longPeak' | 'case2017';

/**
 * A generated series: realised workload and, for the 2017 case, the forecast used to cut and the
 * backlog it starts with. A template without a forecast runs a forecast rule with
 * forecast = workload (the simulator and the sheet say so).
 */
export interface TemplateSeries {
  workload: number[];
  forecast?: number[];
  /** The backlog the template starts with, hours (the 2017 case: an assumption, see params). */
  initialBacklog?: number;
}

/** Options of {@link generateTemplate}. */
export interface TemplateOptions {
  /** Mean workload of the band, hours per period. Default: the review's 83,000 (`BAND_MEAN`). */
  mean?: number;
  /** The 2017 case's starting backlog, hours. Default: `BACKLOG_2017` (an assumption). */
  initialBacklog2017?: number;
}

/**
 * The funding levels of 2017 (€451M → €396M → €332M), as factors of the first year. The
 * 2017 template's forecast follows these factors: the expected fall in inflow that was used to
 * cut about 300 fte in advance, and that never came.
 */
export const FUNDING_2017_FACTORS: readonly number[] = [1, 396 / 451, 332 / 451];

/**
 * A seasonal wave inside the band: the band's mean ± 40% of the band's half-width, one cycle a
 * year (review band: 83,000 ± 3,400 hours, so 79,600 … 86,400, inside 76k–93k).
 */
function normalWave(band: Band, periods: number, mean: number): number[] {
  const amp = ((band.high - band.low) / 2) * 0.4;
  return Array.from(
    { length: periods },
    (_, t) => mean + amp * Math.sin((2 * Math.PI * t) / PERIODS_PER_YEAR),
  );
}

/**
 * Generates a template series.
 * - `normal`: a seasonal wave inside the band around its mean (83,000 h per 4 weeks).
 * - `shortPeak`: the wave plus, from period 14, `peakPeriods` periods at high + 80% of `peakExtra`
 *   (a short peak that a flex shell can absorb).
 * - `longPeak`: the wave plus, from period 14, 13 periods at high + 150% of `peakExtra`.
 * - `case2017`: a flat workload at the band's mean, with a forecast that falls by the 2017
 *   funding factors for one year each (years 2 and 3) and then returns to the realised level
 *   (the fall did not come), starting with an existing backlog (*aanname*, `BACKLOG_2017`).
 * Peak lengths are in periods: the review's "month" in the short-peak rule is a four-week period.
 *
 * @param id - which template
 * @param band - the band (hours per period)
 * @param periods - length in four-week periods (default 78 = 6 years)
 * @param opts - the band's mean and the 2017 case's starting backlog
 */
export function generateTemplate(
  id: TemplateId,
  band: Band,
  periods = 6 * PERIODS_PER_YEAR,
  opts: TemplateOptions = {},
): TemplateSeries {
  const mean = opts.mean ?? BAND_MEAN.value;
  const wave = normalWave(band, periods, mean);
  const peakStart = 13;
  switch (id) {
    case 'normal':
      return { workload: wave };
    case 'shortPeak':
      return {
        workload: wave.map((w, t) =>
          t >= peakStart && t < peakStart + band.peakPeriods ? band.high + 0.8 * band.peakExtra : w,
        ),
      };
    case 'longPeak':
      return {
        workload: wave.map((w, t) =>
          t >= peakStart && t < peakStart + PERIODS_PER_YEAR ? band.high + 1.5 * band.peakExtra : w,
        ),
      };
    case 'case2017': {
      const workload = Array.from({ length: periods }, () => mean);
      const forecast = workload.map((w, t) => {
        const year = Math.floor(t / PERIODS_PER_YEAR);
        const factor = year >= 1 && year <= 2 ? FUNDING_2017_FACTORS[year] : 1;
        return w * factor;
      });
      return { workload, forecast, initialBacklog: opts.initialBacklog2017 ?? BACKLOG_2017.value };
    }
  }
}
