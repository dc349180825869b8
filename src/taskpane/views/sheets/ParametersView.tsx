import { Button, Field, Input, Select, Subtitle2 } from '@fluentui/react-components';
import { formatNumber, t, type StringKey } from '../../i18n';
import type { SheetBasis } from '../../plans';
import type { ViewProps } from '../types';
import { useSheetsStyles } from './Sheets.styles';
import { useParameters } from './useParameters';

/** The basis code of a set (as the sheet stores it) in the pane's language; another text as it is. */
function basisText(code: string | undefined, lang: ViewProps['lang']): string {
  const short: Record<string, StringKey> = {
    bruto: 'sheets.basis.short.bruto',
    netto: 'sheets.basis.short.netto',
    productief: 'sheets.basis.short.productief',
    'model (onbekend)': 'sheets.basis.short.model',
  };
  const key = code === undefined ? undefined : short[code];
  return key ? t(lang, key) : (code ?? '');
}

const BASES: { value: SheetBasis; label: StringKey }[] = [
  { value: 'bruto', label: 'sheets.basis.bruto' },
  { value: 'netto', label: 'sheets.basis.netto' },
  { value: 'productief', label: 'sheets.basis.productief' },
  { value: 'model (onbekend)', label: 'sheets.basis.model' },
];

/** The parameter view: sets side by side, the active set, a new set, and writing the sheet. */
export function ParametersView({ gateway, lang }: ViewProps): JSX.Element {
  const styles = useSheetsStyles();
  const p = useParameters(gateway);
  return (
    <div className={styles.root}>
      <Subtitle2 as="h2">{t(lang, 'sheets.params.sets')}</Subtitle2>
      <table className={styles.table} aria-label={t(lang, 'sheets.params.sets')}>
        <thead>
          <tr>
            <th className={styles.cell} scope="col">
              {t(lang, 'sheets.params.col.set')}
            </th>
            <th className={styles.number} scope="col">
              {t(lang, 'sheets.params.col.ratio')}
            </th>
            <th className={styles.cell} scope="col">
              {t(lang, 'sheets.params.col.basis')}
            </th>
          </tr>
        </thead>
        <tbody>
          {p.sets.map((s) => (
            <tr key={s.name}>
              <th className={styles.cell} scope="row">
                {s.name}
              </th>
              <td className={styles.number}>
                {formatNumber(lang, (s.values.directRatio?.value ?? NaN) * 100, 2)}%
              </td>
              <td className={styles.cell}>{basisText(s.values.directRatio?.basis, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Field label={t(lang, 'sheets.params.active')}>
        <Select value={p.active} onChange={(_, d) => p.setActive(d.value)}>
          {p.sets.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="primary" onClick={() => void p.write()} disabled={p.busy}>
        {p.busy ? t(lang, 'sheets.busy') : t(lang, 'sheets.params.write')}
      </Button>

      <form
        className={styles.section}
        aria-label={t(lang, 'sheets.params.new')}
        onSubmit={(e) => {
          e.preventDefault();
          p.addSet();
        }}
      >
        <Subtitle2 as="h2">{t(lang, 'sheets.params.new')}</Subtitle2>
        <Field label={t(lang, 'sheets.params.new.name')}>
          <Input value={p.form.name} onChange={(_, d) => p.setForm({ ...p.form, name: d.value })} />
        </Field>
        <Field label={t(lang, 'sheets.params.new.ratio')}>
          <Input
            inputMode="decimal"
            value={p.form.ratio}
            onChange={(_, d) => p.setForm({ ...p.form, ratio: d.value })}
          />
        </Field>
        <Field label={t(lang, 'sheets.params.new.basis')}>
          <Select
            value={p.form.basis}
            onChange={(_, d) => p.setForm({ ...p.form, basis: d.value as SheetBasis })}
          >
            {BASES.map((b) => (
              <option key={b.value} value={b.value}>
                {t(lang, b.label)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t(lang, 'sheets.params.new.source')}>
          <Input value={p.form.source} onChange={(_, d) => p.setForm({ ...p.form, source: d.value })} />
        </Field>
        <Button type="submit">{t(lang, 'sheets.params.new.add')}</Button>
      </form>
      <p role="status" className={styles.status}>
        {p.status
          ? t(
              lang,
              p.status.key === 'added' ? 'sheets.params.new.added' : 'sheets.params.written',
              p.status.vars,
            )
          : ''}
      </p>
    </div>
  );
}
