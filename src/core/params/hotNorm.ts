/**
 * The HOT norm for absence (*HOT-norm*, *Handleiding Overheidstarieven*): the central-government
 * standard for leave and sickness. The review says only that the IND's actual absence runs
 * "about 6 points above" it (reference §1, §7); it gives no value. The value here is DERIVED,
 * and an ASSUMPTION (*aanname*): the derived 29.6% absence of "Gemeten A&B 2021" (57% gross /
 * 81% net, see `measured2021.ts`) minus those 6 points. Replace it with the HOT's own figure.
 */
import { ABSENCE_SHARE_MEASURED } from './measured2021';
import type { ModelParameter } from './types';

/** The review's "about 6 points above the HOT norm", as a fraction. */
export const ABSENCE_ABOVE_HOT_REVIEW = 0.06;

/** Absence under the HOT norm, as a share of gross (paid) hours: 29.6% − 6 points = 23.6% (derived, aanname). */
export const HOT_NORM_ABSENCE: ModelParameter = {
  key: 'hotNormAbsence',
  // 0.296 − 0.06 in decimal: 0.236 (the binary difference is 0.23599999999999996).
  value: Number((ABSENCE_SHARE_MEASURED.value - ABSENCE_ABOVE_HOT_REVIEW).toPrecision(12)),
  unit: 'fraction',
  basis: 'gross',
  provenance: 'assumption',
  labelNl: 'Afwezigheid volgens de HOT-norm (afgeleid, aanname)',
  labelEn: 'Absence under the HOT norm (derived, assumption)',
  source:
    'Afgeleid, aanname: 29,6% afwezigheid (zelf afgeleid uit 57% bruto en 81% netto, zie "Gemeten A&B 2021") ' +
    'min "ongeveer 6 punten boven de HOT-norm" (Onderzoek verbetermogelijkheden IND, 2021) = 23,6% van de bruto uren. ' +
    'Niet uit de HOT zelf; vervang door de waarde uit de Handleiding Overheidstarieven.',
};
