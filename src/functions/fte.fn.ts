import { fteNeeded } from '../core/fte';
import { DIRECT_RATIO_MODEL, HOURS_PER_FTE } from '../core/params/model2021';
import { toBoolean, toNumber } from '../core/validate';
import { finite, rethrowAsExcelError } from './toExcelError';

/**
 * FTE needed for a workload: (hours / weeks / hoursPerFte + extraFte) / directRatio. With grossUpExtra FALSE the extra fte are added after the division, which gives fewer fte.
 * @customfunction FTE
 * @param hours Handling hours over the given weeks (e.g. 83000 per 4 weeks).
 * @param [weeks] Weeks the hours cover. Default 1.
 * @param [hoursPerFte] Hours per fte per week. Default 36.
 * @param [directRatio] Share of paid hours spent on cases, between 0 and 1 (0.7473 = 74.73%). Default 0.7473. Type 0.747, not 74.7.
 * @param [extraFte] Extra fte added, such as vacancies from turnover (see IND.TURNOVERFTE). Default 0.
 * @param [grossUpExtra] TRUE (default, as the 2021 review): extraFte is divided by the ratio too. FALSE: added after the division.
 * @returns FTE needed, unrounded.
 */
export function fte(
  hours: any,
  weeks?: any,
  hoursPerFte?: any,
  directRatio?: any,
  extraFte?: any,
  grossUpExtra?: any,
): number {
  // The one coercion per argument (signs and ranges are fteNeeded's checks), then the core.
  // try/catch in place rather than guard(): a column of =IND.FTE(…) calls this once per row.
  try {
    return finite(
      fteNeeded(toNumber(hours, 'hours'), {
        weeks: toNumber(weeks, 'weeks', 1),
        hoursPerFte: toNumber(hoursPerFte, 'hoursPerFte', HOURS_PER_FTE.value),
        directRatio: toNumber(directRatio, 'directRatio', DIRECT_RATIO_MODEL.value),
        extraFte: toNumber(extraFte, 'extraFte', 0),
        grossUpExtra: toBoolean(grossUpExtra, 'grossUpExtra', true),
      }),
      'IND.FTE',
    );
  } catch (e) {
    return rethrowAsExcelError(e, 'IND.FTE');
  }
}
