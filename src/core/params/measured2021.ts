/**
 * "Gemeten A&B 2021": the time categories measured at the asylum directorate, as the 2021
 * review reports them (reference §1, §3). Shares of gross (paid) hours unless stated.
 */
import type { ModelParameter } from './types';

const SOURCE = 'Onderzoek verbetermogelijkheden IND (2021), tijdschrijven directie Asiel & Bescherming';

/** Direct hours as a share of gross hours: 57%. */
export const DIRECT_RATIO_GROSS_MEASURED: ModelParameter = {
  key: 'directRatioGross',
  value: 0.57,
  unit: 'fraction',
  basis: 'gross',
  labelNl: 'Directe uren (gemeten, bruto)',
  labelEn: 'Direct-hour ratio (measured, gross)',
  source: `${SOURCE}: 57% van de bruto tijd`,
};

/** Direct hours as a share of net hours (gross minus leave and sickness): 81%. */
export const DIRECT_RATIO_NET_MEASURED: ModelParameter = {
  key: 'directRatioNet',
  value: 0.81,
  unit: 'fraction',
  basis: 'net',
  labelNl: 'Directe uren (gemeten, netto)',
  labelEn: 'Direct-hour ratio (measured, net)',
  source: `${SOURCE}: 81% van de netto tijd`,
};

/** Indirect hours (*indirecte uren*) as a share of gross hours: 13.4%. */
export const INDIRECT_SHARE_MEASURED: ModelParameter = {
  key: 'indirectShare',
  value: 0.134,
  unit: 'fraction',
  basis: 'gross',
  labelNl: 'Indirecte uren (gemeten)',
  labelEn: 'Indirect hours (measured)',
  source: `${SOURCE}: 13,4% indirect`,
};

/** Absence (*afwezigheid*: leave, special leave, sickness) as a share of gross hours: 29.6%. */
export const ABSENCE_SHARE_MEASURED: ModelParameter = {
  key: 'absenceShare',
  value: 0.296,
  unit: 'fraction',
  basis: 'gross',
  labelNl: 'Afwezigheid (gemeten)',
  labelEn: 'Absence (measured)',
  source: `${SOURCE}: 29,6% afwezigheid`,
};

/** The measured set, in display order. */
export const MEASURED_2021: readonly ModelParameter[] = [
  DIRECT_RATIO_GROSS_MEASURED,
  DIRECT_RATIO_NET_MEASURED,
  INDIRECT_SHARE_MEASURED,
  ABSENCE_SHARE_MEASURED,
];
