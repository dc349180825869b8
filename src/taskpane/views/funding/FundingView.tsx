import {
  Body1,
  Button,
  Checkbox,
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
import { CAPACITY_STATE_TEXT, capacityState, figureLabel } from '../../../core/figures';
import { formatNumber, t } from '../../i18n';
import { useOnGateway } from '../../components/viewHooks';
import type { ViewProps } from '../types';
import { useFundingStyles } from './FundingView.styles';
import { FUNDING_FIELDS, FUNDING_FIELD_LABEL, productSourceText, useFunding } from './useFunding';
import { statusText } from '../../i18n/message';

/**
 * The funding model: a product table (from the selection or the example), the parameters of
 * two sets, the result side by side in the pane, and one action that writes the live sheet.
 */
export function FundingView({ gateway, lang }: ViewProps): JSX.Element {
  const styles = useFundingStyles();
  const s = useFunding(gateway, lang);
  // Look for the parameter sheet once per gateway.
  useOnGateway(gateway, s.detectParameters);
  const r = s.result;
  const outputCents = (i: 0 | 1): number =>
    r ? r.sets[i].splitCents.productCents.reduce((a, b) => a + b, 0) : 0;
  const rows: [string, number, number, number][] = r
    ? [
        [t(lang, 'funding.result.output'), r.sets[0].output, r.sets[1].output, 2],
        // The split as booked: whole cents, so lumpsum + output add up to the total exactly.
        [
          t(lang, 'funding.result.lumpsumSplit'),
          r.sets[0].splitCents.lumpsumCents / 100,
          r.sets[1].splitCents.lumpsumCents / 100,
          2,
        ],
        [t(lang, 'funding.result.outputSplit'), outputCents(0) / 100, outputCents(1) / 100, 2],
        [t(lang, 'funding.result.floorTopUp'), r.sets[0].floorTopUp, r.sets[1].floorTopUp, 2],
        [t(lang, 'funding.result.total'), r.sets[0].total, r.sets[1].total, 2],
        [figureLabel('fteNeeded', lang), r.sets[0].fteNeeded, r.sets[1].fteNeeded, 1],
      ]
    : [];
  const stateText = (x: number | undefined): string =>
    x === undefined ? '' : CAPACITY_STATE_TEXT[capacityState(x)][lang];
  const euro = (i: 0 | 1): number | undefined => r?.sets[i].capacity?.shortageEuro;

  return (
    <div className={styles.root}>
      <Subtitle2 as="h2">{t(lang, 'funding.products')}</Subtitle2>
      <Body1 role="note">
        {s.products
          ? t(lang, 'funding.products.count', {
              n: s.products.length,
              source: productSourceText(lang, s.source),
            })
          : t(lang, 'funding.products.none')}
      </Body1>
      <div className={styles.row}>
        <Button onClick={() => void s.readSelection()}>{t(lang, 'funding.readSelection')}</Button>
        <Button onClick={s.loadExample}>{t(lang, 'funding.useExample')}</Button>
      </div>

      <Subtitle2 as="h2">{t(lang, 'funding.params')}</Subtitle2>
      <div className={styles.grid}>
        {FUNDING_FIELDS.map((f) => {
          const label = t(lang, FUNDING_FIELD_LABEL[f]);
          const link = s.linked[f];
          // Linked to IND Parameters: the set is chosen from the table, its values are read-only.
          if (s.parameterSource && s.linkParameters && (f === 'labelA' || f === 'labelB'))
            return (
              <Field key={f} label={label}>
                <Select value={s.fields[f]} onChange={(_, d) => s.setField(f, d.value)}>
                  {!s.parameterSource.sets.some((x) => x.name === s.fields[f]) && (
                    <option value={s.fields[f]}>{s.fields[f]}</option>
                  )}
                  {s.parameterSource.sets.map((x) => (
                    <option key={x.name} value={x.name}>
                      {x.name}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          if (link)
            return (
              <Field key={f} label={label} hint={t(lang, 'linked.fromSet', { set: link.set })}>
                <Input value={link.value} readOnly appearance="filled-darker" />
              </Field>
            );
          return (
            <Field key={f} label={label}>
              <Input value={s.fields[f]} onChange={(_, d) => s.setField(f, d.value)} />
            </Field>
          );
        })}
      </div>
      {s.parametersAvailable && (
        <Checkbox
          checked={s.linkParameters}
          onChange={(_, d) => s.setLinkParameters(d.checked === true)}
          label={t(lang, 'funding.linkParameters')}
        />
      )}
      <div className={styles.row}>
        <Button onClick={s.calculate} disabled={!s.products}>
          {t(lang, 'funding.calculate')}
        </Button>
        <Button appearance="primary" onClick={() => void s.write()} disabled={!s.products || s.busy}>
          {t(lang, 'funding.write')}
        </Button>
      </div>

      {r && (
        <>
          <Table size="small" aria-label={t(lang, 'funding.result')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t(lang, 'funding.metric')}</TableHeaderCell>
                <TableHeaderCell>{r.sets[0].label}</TableHeaderCell>
                <TableHeaderCell>{r.sets[1].label}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map(([label, a, b, digits]) => (
                <TableRow key={label}>
                  <TableCell>{label}</TableCell>
                  <TableCell className={styles.number}>{formatNumber(lang, a, digits)}</TableCell>
                  <TableCell className={styles.number}>{formatNumber(lang, b, digits)}</TableCell>
                </TableRow>
              ))}
              {r.sets[0].shortageFte !== undefined && (
                <TableRow>
                  <TableCell>{figureLabel('capacityShortageFte', lang)}</TableCell>
                  {([0, 1] as const).map((i) => (
                    <TableCell key={i} className={styles.number}>
                      {formatNumber(lang, r.sets[i].shortageFte ?? 0, 1)} ({stateText(r.sets[i].shortageFte)})
                    </TableCell>
                  ))}
                </TableRow>
              )}
              {euro(0) !== undefined && (
                <TableRow>
                  <TableCell>{figureLabel('capacityShortageEuro', lang)}</TableCell>
                  {([0, 1] as const).map((i) => (
                    <TableCell key={i} className={styles.number}>
                      {formatNumber(lang, euro(i) ?? 0, 2)}
                    </TableCell>
                  ))}
                </TableRow>
              )}
            </TableBody>
          </Table>
          <Body1>
            {t(lang, 'funding.result.gap', {
              euro: formatNumber(lang, r.gapEuro, 2),
              fte: formatNumber(lang, r.gapFte, 1),
              fteLabel: figureLabel('fteGapInclAllowance', lang),
              fteExcl: formatNumber(lang, r.gapFteExclAllowance, 1),
              fteExclLabel: figureLabel('fteGapExclAllowance', lang),
            })}
          </Body1>
        </>
      )}
      {s.status && (
        <Body1 role="status" className={styles.status}>
          {statusText(lang, s.status)}
        </Body1>
      )}
    </div>
  );
}
