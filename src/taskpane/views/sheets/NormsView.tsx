import { Button, Field, Input, Select, Subtitle2 } from '@fluentui/react-components';
import { formatNumber, t } from '../../i18n';
import type { ViewProps } from '../types';
import { IssueList } from './IssueList';
import { useSheetsStyles } from './Sheets.styles';
import { useNorms } from './useNorms';

/** Rows shown in the preview; the rest is counted. */
const PREVIEW_ROWS = 12;

/** The norm-time view: read from the selection, a table or the fictitious example; check; write. */
export function NormsView({ gateway, lang }: ViewProps): JSX.Element {
  const styles = useSheetsStyles();
  const n = useNorms(gateway, lang);
  const r = n.reading;
  return (
    <div className={styles.root}>
      <Field label={t(lang, 'sheets.norms.version')}>
        <Input value={n.version} onChange={(_, d) => n.setVersion(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button onClick={() => void n.fromSelection()} disabled={n.busy}>
          {t(lang, 'sheets.norms.fromSelection')}
        </Button>
        <Button onClick={n.fromExample} disabled={n.busy}>
          {t(lang, 'sheets.norms.example')}
        </Button>
      </div>
      <div className={styles.row}>
        <Field label={t(lang, 'sheets.norms.table')}>
          <Select value={n.table} onChange={(_, d) => n.setTable(d.value)} disabled={n.tables.length === 0}>
            {n.tables.length === 0 && <option value="">{t(lang, 'sheets.norms.noTables')}</option>}
            {n.tables.map((x) => (
              <option key={x.name} value={x.name}>
                {x.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => void n.fromTable()} disabled={n.busy || !n.table}>
          {t(lang, 'sheets.norms.fromTable')}
        </Button>
      </div>

      {r && (
        <section aria-label={t(lang, 'sheets.norms.preview')} className={styles.section}>
          <Subtitle2 as="h2">{t(lang, 'sheets.norms.preview')}</Subtitle2>
          <p>
            {t(lang, 'sheets.norms.summary', { count: r.rows.length, source: r.source, version: r.version })}
          </p>
          {r.rows.length > 0 && (
            <table className={styles.table} aria-label={t(lang, 'sheets.norms.preview')}>
              <thead>
                <tr>
                  <th className={styles.cell} scope="col">
                    {t(lang, 'sheets.norms.col.code')}
                  </th>
                  <th className={styles.cell} scope="col">
                    {t(lang, 'sheets.norms.col.name')}
                  </th>
                  <th className={styles.number} scope="col">
                    {t(lang, 'sheets.norms.col.minutes')}
                  </th>
                  <th className={styles.number} scope="col">
                    {t(lang, 'sheets.norms.col.year')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.rows.slice(0, PREVIEW_ROWS).map((row, i) => (
                  <tr key={i}>
                    <th className={styles.cell} scope="row">
                      {String(row.code)}
                    </th>
                    <td className={styles.cell}>{row.name}</td>
                    <td className={styles.number}>{formatNumber(lang, row.minutes, 2)}</td>
                    <td className={styles.number}>{row.validFrom ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {r.rows.length > PREVIEW_ROWS && (
            <p>{t(lang, 'sheets.norms.more', { count: r.rows.length - PREVIEW_ROWS })}</p>
          )}
          <IssueList
            lang={lang}
            issues={r.issues}
            acknowledged={n.acknowledged}
            onAcknowledge={n.setAcknowledged}
          />
        </section>
      )}
      <Button appearance="primary" onClick={() => void n.write()} disabled={n.busy || !n.canWrite}>
        {n.busy ? t(lang, 'sheets.busy') : t(lang, 'sheets.norms.write')}
      </Button>
      <p role="status" className={styles.status}>
        {n.written
          ? t(lang, 'sheets.norms.written', { count: n.written.count, versions: n.written.versions })
          : r && !n.canWrite && r.issues.some((i) => i.severity === 'error')
            ? t(lang, 'sheets.nothingWritten')
            : ''}
      </p>
    </div>
  );
}
