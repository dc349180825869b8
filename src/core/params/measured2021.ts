/**
 * "Gemeten A&B 2021": the time categories at the asylum directorate, as the 2021 review reports
 * them (reference §1, §3, §7). Shares of gross (paid) hours unless stated.
 *
 * What is MEASURED and what is DERIVED: the review gives only 57% direct (of gross time), 43% not
 * direct and 81% direct of net time (gross minus leave and sickness), from the memo of 4 May 2021
 * (1 January – 30 April 2021, without the Taskforce, management and special teams). The split of
 * the 43% into 13.4% indirect and 29.6% absence is ours: net time = 57 / 0.81 = 70.37% of gross
 * time, so absence = 100 − 70.37 = 29.6 points and indirect = 43 − 29.6 = 13.4 points. Each
 * parameter's `provenance` and source say which it is.
 */
import type { ModelParameter } from './types';

const SOURCE = 'Onderzoek verbetermogelijkheden IND (2021), tijdschrijven directie Asiel & Bescherming';
const DERIVATION =
  'afgeleid, niet gemeten: netto tijd = 57 / 0,81 = 70,37% van de bruto tijd, dus afwezigheid = 100 − 70,37 = 29,6 punten en indirect = 43 − 29,6 = 13,4 punten (het onderzoek geeft alleen 57%, 43% en 81%)';

/** Direct hours as a share of gross hours: 57% (measured). */
export const DIRECT_RATIO_GROSS_MEASURED: ModelParameter = {
  key: 'directRatioGross',
  value: 0.57,
  unit: 'fraction',
  basis: 'gross',
  provenance: 'measured',
  labelNl: 'Directe uren (gemeten, bruto)',
  labelEn: 'Direct-hour ratio (measured, gross)',
  source: `${SOURCE}: gemeten, 57% van de bruto tijd`,
};

/** Not-direct time (indirect and absence together) as a share of gross hours: 43% (measured). */
export const NOT_DIRECT_SHARE_MEASURED: ModelParameter = {
  key: 'notDirectShare',
  value: 0.43,
  unit: 'fraction',
  basis: 'gross',
  provenance: 'measured',
  labelNl: 'Niet-directe tijd (gemeten, bruto: indirect en afwezigheid samen)',
  labelEn: 'Not-direct time (measured, gross: indirect and absence together)',
  source: `${SOURCE}: gemeten, 43% "indirect" inclusief neventaken, verlof en verzuim`,
};

/** Direct hours as a share of net hours (gross minus leave and sickness): 81% (measured). */
export const DIRECT_RATIO_NET_MEASURED: ModelParameter = {
  key: 'directRatioNet',
  value: 0.81,
  unit: 'fraction',
  basis: 'net',
  provenance: 'measured',
  labelNl: 'Directe uren (gemeten, netto)',
  labelEn: 'Direct-hour ratio (measured, net)',
  source: `${SOURCE}: gemeten, 81% van de netto tijd (zonder verlof en verzuim)`,
};

/** Indirect hours (*indirecte uren*) as a share of gross hours: 13.4% (derived). */
export const INDIRECT_SHARE_MEASURED: ModelParameter = {
  key: 'indirectShare',
  value: 0.134,
  unit: 'fraction',
  basis: 'gross',
  provenance: 'derived',
  labelNl: 'Indirecte uren (afgeleid uit 57% en 81%)',
  labelEn: 'Indirect hours (derived from 57% and 81%)',
  source: `${SOURCE}: 13,4% indirect, ${DERIVATION}`,
};

/** Absence (*afwezigheid*: leave, special leave, sickness) as a share of gross hours: 29.6% (derived). */
export const ABSENCE_SHARE_MEASURED: ModelParameter = {
  key: 'absenceShare',
  value: 0.296,
  unit: 'fraction',
  basis: 'gross',
  provenance: 'derived',
  labelNl: 'Afwezigheid (afgeleid uit 57% en 81%)',
  labelEn: 'Absence (derived from 57% and 81%)',
  source: `${SOURCE}: 29,6% afwezigheid, ${DERIVATION}`,
};

/** The measured set, in display order: what is measured first, then what is derived from it. */
export const MEASURED_2021: readonly ModelParameter[] = [
  DIRECT_RATIO_GROSS_MEASURED,
  NOT_DIRECT_SHARE_MEASURED,
  DIRECT_RATIO_NET_MEASURED,
  INDIRECT_SHARE_MEASURED,
  ABSENCE_SHARE_MEASURED,
];
