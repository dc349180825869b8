import {
  Body1,
  Button,
  Field,
  Input,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { DECIDED_COLUMNS, STOCK_COLUMNS, type ColumnSpec } from '../../../core/steering';
import { formatNumber, t } from '../../i18n';
import { FilePicker } from '../../components/FilePicker';
import type { ViewProps } from '../types';
import { useSteeringStyles } from './SteeringView.styles';
import { useSteering, type ChosenFile } from './useSteering';
import { statusText } from '../../i18n/message';

/**
 * The steering cycle (*Sturing*): parameters, the two case exports with their columns, one action
 * that writes the cycle's sheets, and forecasts recorded as versions. Each step's inputs sit next
 * to its outcome; the status line says what the last action did.
 */
export function SteeringView({ gateway, lang }: ViewProps): JSX.Element {
  const styles = useSteeringStyles();
  const s = useSteering(gateway, lang);
  const o = s.outcome?.summary;

  const columnSelects = <R extends string>(
    chosen: ChosenFile<R> | undefined,
    specs: readonly ColumnSpec<R>[],
    set: (role: R, header: string) => void,
  ) =>
    chosen && (
      <div className={styles.columns}>
        {specs.map((spec) => (
          <Field key={spec.role} label={spec.label[lang]} required={spec.required}>
            <Select value={chosen.columns[spec.role] ?? ''} onChange={(_, d) => set(spec.role, d.value)}>
              <option value="">{t(lang, 'steering.exports.none')}</option>
              {chosen.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
    );

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-label={t(lang, 'steering.params.title')}>
        <Subtitle2 as="h2">{t(lang, 'steering.params.title')}</Subtitle2>
        <div className={styles.row}>
          <Field label={t(lang, 'steering.params.peil')}>
            <Input value={s.peilText} onChange={(_, d) => s.setPeilText(d.value)} />
          </Field>
          <Button onClick={() => void s.writeParameters()} disabled={s.busy}>
            {t(lang, 'steering.params.write')}
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-label={t(lang, 'steering.exports.title')}>
        <Subtitle2 as="h2">{t(lang, 'steering.exports.title')}</Subtitle2>
        <FilePicker
          lang={lang}
          label={t(lang, 'steering.exports.stock')}
          accept=".csv,.txt,.xlsx,text/csv"
          disabled={s.busy}
          fileName={s.stockFile?.file.name}
          onFile={(f) => void s.chooseStock(f)}
        />
        {columnSelects(s.stockFile, STOCK_COLUMNS, s.setStockColumn)}
        <FilePicker
          lang={lang}
          label={t(lang, 'steering.exports.decided')}
          accept=".csv,.txt,.xlsx,text/csv"
          disabled={s.busy}
          fileName={s.decidedFile?.file.name}
          onFile={(f) => void s.chooseDecided(f)}
        />
        {columnSelects(s.decidedFile, DECIDED_COLUMNS, s.setDecidedColumn)}
        <div className={styles.row}>
          <Button onClick={() => void s.readExports()} disabled={s.busy || !s.stockFile}>
            {t(lang, 'steering.exports.read')}
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-label={t(lang, 'steering.run.title')}>
        <Subtitle2 as="h2">{t(lang, 'steering.run.title')}</Subtitle2>
        <div className={styles.columns}>
          <Field label={t(lang, 'steering.run.horizon')}>
            <Input value={s.horizonText} onChange={(_, d) => s.setHorizonText(d.value)} />
          </Field>
          <Field label={t(lang, 'steering.run.period')}>
            <Input value={s.period} onChange={(_, d) => s.setPeriod(d.value)} />
          </Field>
        </div>
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void s.run()} disabled={s.busy || !s.imported}>
            {t(lang, 'steering.run.run')}
          </Button>
        </div>
        {o && (
          <Table size="small" aria-label={t(lang, 'steering.run.result')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.head}>{t(lang, 'steering.run.product')}</TableHeaderCell>
                <TableHeaderCell className={styles.head}>{t(lang, 'steering.run.stock')}</TableHeaderCell>
                <TableHeaderCell className={styles.head}>{t(lang, 'steering.run.late')}</TableHeaderCell>
                <TableHeaderCell className={styles.head}>{t(lang, 'steering.run.exposure')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...o.ageing, { ...o.ageingTotal, product: t(lang, 'steering.run.total') }].map((a) => (
                <TableRow key={a.product}>
                  <TableCell>{a.product}</TableCell>
                  <TableCell className={styles.number}>{formatNumber(lang, a.stock, 0)}</TableCell>
                  <TableCell className={styles.number}>
                    {formatNumber(lang, a.stock - a.buckets.within, 0)}
                  </TableCell>
                  <TableCell className={styles.number}>
                    {formatNumber(
                      lang,
                      a === o.ageing.find((x) => x.product === a.product)
                        ? (o.exposureNow.byProduct.get(a.product) ?? 0)
                        : o.exposureNow.total,
                      0,
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section className={styles.section} aria-label={t(lang, 'steering.forecast.title')}>
        <Subtitle2 as="h2">{t(lang, 'steering.forecast.title')}</Subtitle2>
        <div className={styles.row}>
          <Button onClick={() => void s.prepareForecast()} disabled={s.busy}>
            {t(lang, 'steering.forecast.prepare')}
          </Button>
        </div>
        <div className={styles.row}>
          <Field label={t(lang, 'steering.forecast.who')}>
            <Input value={s.who} onChange={(_, d) => s.setWho(d.value)} />
          </Field>
          <Button onClick={() => void s.recordForecast()} disabled={s.busy}>
            {t(lang, 'steering.forecast.record')}
          </Button>
        </div>
      </section>

      {s.status && (
        <Body1 role="status" className={styles.status}>
          {statusText(lang, s.status)}
        </Body1>
      )}
    </div>
  );
}
