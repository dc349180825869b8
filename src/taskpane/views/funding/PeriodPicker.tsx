import { Field, Select } from '@fluentui/react-components';
import {
  PERIOD_PARTS,
  periodLabel,
  periodYears,
  PERIOD_PATTERN,
  type PeriodPart,
} from '../../../core/funding';
import type { Lang } from '../../../core/messages/types';
import { t } from '../../i18n';

/** Props of `PeriodPicker`. */
export interface PeriodPickerProps {
  lang: Lang;
  /** The chosen period, `2026-T1` or `2026-03`. */
  period: string;
  onChange: (period: string) => void;
}

/**
 * The reconciliation period as a controlled choice: a year and a tertaal or month, each from a
 * list, so that only labels that sort by time (and carry open actions over) can be chosen.
 */
export function PeriodPicker({ lang, period, onChange }: PeriodPickerProps): JSX.Element {
  const m = PERIOD_PATTERN.exec(period);
  const thisYear = new Date().getFullYear();
  const year = m ? Number(m[1]) : thisYear;
  const part = (m ? m[2] : 'T1') as PeriodPart;
  const years = periodYears(thisYear);
  if (!years.includes(year)) years.push(year);
  years.sort((a, b) => a - b);
  return (
    <>
      <Field label={t(lang, 'funding.recon.periodYear')}>
        <Select value={String(year)} onChange={(_, d) => onChange(periodLabel(Number(d.value), part))}>
          {years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(lang, 'funding.recon.periodPart')}>
        <Select value={part} onChange={(_, d) => onChange(periodLabel(year, d.value as PeriodPart))}>
          {PERIOD_PARTS.map((p) => (
            <option key={p} value={p}>
              {p.startsWith('T')
                ? t(lang, 'funding.recon.tertaal', { n: p.slice(1) })
                : t(lang, 'funding.recon.month', { name: monthName(lang, Number(p)) })}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}

const MONTHS: Record<Lang, string[]> = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** The month's name in `lang` (1 = January). */
function monthName(lang: Lang, month: number): string {
  return MONTHS[lang][month - 1];
}
