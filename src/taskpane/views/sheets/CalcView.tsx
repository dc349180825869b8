import { Button, Checkbox, Field, Select } from '@fluentui/react-components';
import { FigureTable } from '../../components/FigureTable';
import { formatNumber, t } from '../../i18n';
import type { ViewProps } from '../types';
import { IssueList } from './IssueList';
import { useSheetsStyles } from './Sheets.styles';
import { useCalc } from './useCalc';

/** The calculation-sheet view: pick a volume table and a norm version, then create the live sheet. */
export function CalcView({ gateway, lang }: ViewProps): JSX.Element {
  const styles = useSheetsStyles();
  const c = useCalc(gateway);
  return (
    <div className={styles.root}>
      <p>{t(lang, 'sheets.calc.activeSet', { name: c.activeSet })}</p>
      <div className={styles.row}>
        <Field label={t(lang, 'sheets.calc.volume')}>
          <Select value={c.volume} onChange={(_, d) => c.setVolume(d.value)} disabled={c.tables.length === 0}>
            {c.tables.length === 0 && <option value="">{t(lang, 'sheets.norms.noTables')}</option>}
            {c.tables.map((x) => (
              <option key={x.name} value={x.name}>
                {x.name} ({x.sheet})
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => void c.refresh().catch(() => undefined)} disabled={c.busy}>
          {t(lang, 'sheets.calc.refresh')}
        </Button>
      </div>
      <Button onClick={() => void c.writeExampleVolumes()} disabled={c.busy}>
        {t(lang, 'sheets.calc.exampleVolumes')}
      </Button>
      {c.versions.length > 0 ? (
        <Field label={t(lang, 'sheets.calc.version')}>
          <Select value={c.version} onChange={(_, d) => c.setVersion(d.value)}>
            {c.versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <p>{t(lang, 'sheets.calc.noNorms')}</p>
      )}
      <Checkbox
        label={t(lang, 'sheets.calc.grossUp')}
        checked={c.grossUp}
        onChange={(_, d) => c.setGrossUp(d.checked === true)}
      />
      {c.preview ? (
        <>
          <p className={styles.caption}>{t(lang, 'sheets.calc.preview')}</p>
          <FigureTable
            label={t(lang, 'sheets.calc.preview')}
            rows={[
              [t(lang, 'sheets.calc.preview.average'), formatNumber(lang, c.preview.average, 1)],
              [
                t(lang, 'sheets.calc.preview.fteActive', { set: c.preview.activeSet }),
                formatNumber(lang, c.preview.fteActive, 1),
              ],
              [
                t(lang, 'sheets.calc.preview.fteModel', { set: c.preview.modelSet }),
                formatNumber(lang, c.preview.fteModel, 1),
              ],
              [t(lang, 'sheets.calc.preview.gap'), formatNumber(lang, c.preview.gap, 1)],
            ]}
          />
        </>
      ) : (
        <p className={styles.status}>{t(lang, 'sheets.calc.preview.none')}</p>
      )}
      <Button appearance="primary" onClick={() => void c.make()} disabled={c.busy || !c.volume || !c.version}>
        {c.busy ? t(lang, 'sheets.busy') : t(lang, 'sheets.calc.make')}
      </Button>
      <IssueList lang={lang} issues={c.issues} acknowledged={false} onAcknowledge={() => undefined} />
      <p role="status" className={styles.status}>
        {c.made
          ? t(lang, 'sheets.calc.made', { products: c.made.products, periods: c.made.periods })
          : c.issues.some((i) => i.severity === 'error')
            ? t(lang, 'sheets.nothingWritten')
            : ''}
      </p>
    </div>
  );
}
