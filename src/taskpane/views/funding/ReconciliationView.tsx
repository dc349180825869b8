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
  TableRow,
} from '@fluentui/react-components';
import { figureLabel } from '../../../core/figures';
import { formatNumber, t } from '../../i18n';
import { useOnGateway } from '../../components/viewHooks';
import type { ViewProps } from '../types';
import { useFundingStyles } from './FundingView.styles';
import { PeriodPicker } from './PeriodPicker';
import { useReconciliation } from './useReconciliation';

/**
 * Budget reconciliation (*nacalculatie*): choose the budget and realisation tables, the period,
 * the ledger total and the materiality thresholds; one action writes the period's sheet of live
 * variance formulas and its action table (with open actions carried over).
 */
export function ReconciliationView({ gateway, lang }: ViewProps): JSX.Element {
  const styles = useFundingStyles();
  const s = useReconciliation(gateway, lang);
  useOnGateway(gateway, s.refresh);

  const o = s.outcome;
  // The steps in the glossary's order, each labelled with its definition's code.
  const steps: [string, number][] = o
    ? [
        [t(lang, 'funding.step.budget'), o.result.total.budget],
        [figureLabel('varianceVolume', lang), o.result.total.volume],
        [figureLabel('varianceMix', lang), o.result.total.mix],
        [figureLabel('flexedBudget', lang), o.result.total.flexed],
        [figureLabel('varianceProductivity', lang), o.result.total.productivity],
        [figureLabel('varianceEfficiency', lang), o.result.total.efficiency],
        [figureLabel('variancePrice', lang), o.result.total.price],
        [t(lang, 'funding.step.actual'), o.result.total.actual],
        [figureLabel('varianceOther', lang), o.result.other],
        [figureLabel('varianceVolumeInclMix', lang), o.result.total.volumeInclMix],
        [figureLabel('flexedBudgetCostBehaviour', lang), o.result.flexedCostBehaviour],
      ]
    : [];
  const tableOptions = (
    <>
      <option value="">{t(lang, 'funding.recon.choose')}</option>
      {s.tables.map((x) => (
        <option key={x.name} value={x.name}>
          {x.name}
        </option>
      ))}
    </>
  );

  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button onClick={() => void s.insertExample()} disabled={s.busy}>
          {t(lang, 'funding.recon.insertExample')}
        </Button>
        <Button onClick={() => void s.refresh()}>{t(lang, 'funding.recon.refresh')}</Button>
      </div>
      <div className={styles.grid}>
        <Field label={t(lang, 'funding.recon.budgetTable')}>
          <Select value={s.budgetTable} onChange={(_, d) => s.setBudgetTable(d.value)}>
            {tableOptions}
          </Select>
        </Field>
        <Field label={t(lang, 'funding.recon.actualTable')}>
          <Select value={s.actualTable} onChange={(_, d) => s.setActualTable(d.value)}>
            {tableOptions}
          </Select>
        </Field>
        <PeriodPicker lang={lang} period={s.period} onChange={s.setPeriod} />
        <Field label={t(lang, 'funding.recon.ledger')}>
          <Input value={s.ledger} onChange={(_, d) => s.setLedger(d.value)} />
        </Field>
        <Field label={t(lang, 'funding.recon.euro')}>
          <Input value={s.euro} onChange={(_, d) => s.setEuro(d.value)} />
        </Field>
        <Field label={t(lang, 'funding.recon.percent')}>
          <Input value={s.percent} onChange={(_, d) => s.setPercent(d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void s.run()} disabled={s.busy}>
          {t(lang, 'funding.recon.run')}
        </Button>
      </div>
      {o && (
        <>
          <Subtitle2 as="h2">{t(lang, 'funding.recon.result')}</Subtitle2>
          <Table size="small" aria-label={t(lang, 'funding.recon.result')}>
            <TableBody>
              {steps.map(([label, value]) => (
                <TableRow key={label}>
                  <TableCell>{label}</TableCell>
                  <TableCell className={styles.number}>{formatNumber(lang, value, 2)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Body1 role="status" className={styles.status}>
            {t(lang, 'funding.recon.material', { n: o.material })}{' '}
            {o.actionTableExisted
              ? t(lang, 'funding.recon.actionsKept', { table: o.actionTable })
              : o.carriedFrom
                ? t(lang, 'funding.recon.actions', {
                    table: o.actionTable,
                    n: o.actions.length,
                    carried: o.carried,
                    from: o.carriedFrom,
                  })
                : t(lang, 'funding.recon.actionsNew', { table: o.actionTable, n: o.actions.length })}
          </Body1>
        </>
      )}
    </div>
  );
}
