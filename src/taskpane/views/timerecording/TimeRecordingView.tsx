import {
  Button,
  Checkbox,
  Field,
  Input,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
} from '@fluentui/react-components';
import { FigureTable } from '../../components/FigureTable';
import { CalcError } from '../../../core/errors';
import { fieldText, percentHint } from '../../../core/input';
import { figureLabel } from '../../../core/figures';
import type { ModelBasis } from '../../../core/timerecording/analysis';
import type { Delimiter } from '../../../core/timerecording/csv';
import { ALL_CATEGORY_CLASSES, type CategoryClass, type PeriodKind } from '../../../core/timerecording/types';
import { formatNumber, t, type StringKey } from '../../i18n';
import { FilePicker } from '../../components/FilePicker';
import type { ViewProps } from '../types';
import { useTimeRecordingStyles } from './TimeRecordingView.styles';
import { ROLES, TR_LINKS, useTimeRecording, type ParamForm } from './useTimeRecording';
import { LinkedHint, overriddenKeys } from '../linkedFields';
import { statusText } from '../../i18n/message';

const PERIODS: PeriodKind[] = ['period4w', 'month', 'isoWeek'];
const BASES: ModelBasis[] = ['unknown', 'gross', 'net'];

/**
 * The time-recording analysis: pick a source, map columns and categories, import with
 * progress and cancel, preview the key figures and write the analysis sheets.
 */
export function TimeRecordingView({ gateway, lang }: ViewProps): JSX.Element {
  const styles = useTimeRecordingStyles();
  const s = useTimeRecording(gateway, lang);
  const pct = (v: number) => `${formatNumber(lang, v * 100, 1)}%`;
  const text = (x: number): string => fieldText(x, lang);
  const overridden = overriddenKeys(s.params, TR_LINKS, s.paramSource, text);
  /** The hint of a field that may come from the parameter source (plus its percentage). */
  const hintOf = (k: keyof ParamForm, percent = false): JSX.Element | string | undefined => {
    const spec = TR_LINKS[k];
    const p = percent ? percentHint(s.params[k], lang) : undefined;
    if (!spec || !s.paramSource) return p;
    return (
      <>
        {p}
        {p ? ' ' : ''}
        <LinkedHint
          lang={lang}
          source={s.paramSource}
          spec={spec}
          overridden={overridden.includes(k)}
          text={text}
          onReset={() => s.resetParam(k)}
        />
      </>
    );
  };

  return (
    <div className={styles.root}>
      <Subtitle2 as="h2">{t(lang, 'timerecording.source.title')}</Subtitle2>
      <RadioGroup
        aria-label={t(lang, 'timerecording.source.kind')}
        layout="horizontal"
        value={s.sourceKind}
        onChange={(_, d) => s.setSourceKind(d.value as 'file' | 'table')}
      >
        <Radio value="file" label={t(lang, 'timerecording.source.file')} />
        <Radio value="table" label={t(lang, 'timerecording.source.table')} />
      </RadioGroup>
      {s.sourceKind === 'file' ? (
        <FilePicker
          lang={lang}
          label={t(lang, 'timerecording.source.pick')}
          accept=".csv,.txt,.xlsx,text/csv"
          disabled={s.busy}
          fileName={s.file?.name}
          onFile={(f) => void s.chooseFile(f)}
        />
      ) : (
        <div className={styles.row}>
          <Button onClick={() => void s.loadTables()} disabled={s.busy}>
            {t(lang, 'timerecording.source.loadTables')}
          </Button>
          <Field label={t(lang, 'timerecording.source.tableSelect')}>
            <Select value={s.tableName} onChange={(_, d) => s.chooseTable(d.value)}>
              <option value="">{t(lang, 'timerecording.map.none')}</option>
              {s.tables.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      )}

      {s.headers.length > 0 && (
        <section aria-label={t(lang, 'timerecording.map.title')}>
          <Subtitle2 as="h2">{t(lang, 'timerecording.map.title')}</Subtitle2>
          <div className={styles.grid}>
            {ROLES.map((role) => (
              <Field
                key={role}
                label={t(lang, `timerecording.role.${role}` as StringKey)}
                required={['date', 'team', 'category', 'hours'].includes(role)}
              >
                <Select value={s.columns[role] ?? ''} onChange={(_, d) => s.setColumn(role, d.value)}>
                  <option value="">{t(lang, 'timerecording.map.none')}</option>
                  {s.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
            {s.sourceKind === 'file' && (
              <Field label={t(lang, 'timerecording.map.delimiter')}>
                <Select value={s.delimiter} onChange={(_, d) => s.setDelimiter(d.value as '' | Delimiter)}>
                  <option value="">{t(lang, 'timerecording.map.auto')}</option>
                  <option value=";">;</option>
                  <option value=",">,</option>
                  <option value={'\t'}>tab</option>
                </Select>
              </Field>
            )}
            <Field label={t(lang, 'timerecording.map.period')}>
              <Select value={s.periodKind} onChange={(_, d) => s.setPeriodKind(d.value as PeriodKind)}>
                {PERIODS.map((p) => (
                  <option key={p} value={p}>
                    {t(lang, `timerecording.period.${p}` as StringKey)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void s.runImport()} disabled={s.busy}>
              {t(lang, 'timerecording.import.run')}
            </Button>
            <Button onClick={s.cancel} disabled={!s.busy}>
              {t(lang, 'timerecording.import.cancel')}
            </Button>
          </div>
          {s.progress !== undefined && (
            <Field label={t(lang, 'timerecording.import.progress')} validationState="none">
              <ProgressBar value={s.progress} max={1} aria-label={t(lang, 'timerecording.import.progress')} />
            </Field>
          )}
        </section>
      )}

      <p role="status" className={styles.status}>
        {statusText(lang, s.status)}
      </p>

      {s.result && s.result.issues.length > 0 && (
        <section
          aria-label={t(lang, 'timerecording.import.rejected', {
            n: Math.min(20, s.result.issues.length),
            total: s.result.rowsRejected,
          })}
        >
          <p>
            {t(lang, 'timerecording.import.rejected', {
              n: Math.min(20, s.result.issues.length),
              total: s.result.rowsRejected,
            })}
          </p>
          {/* Scrollable, so it must take keyboard focus to be readable without a mouse. */}
          <ul className={styles.list} tabIndex={0}>
            {s.result.issues.slice(0, 20).map((i) => (
              <li key={i.row}>{new CalcError(i.code, i.details).messageIn(lang)}</li>
            ))}
          </ul>
        </section>
      )}

      {s.result && (
        <section aria-label={t(lang, 'timerecording.cat.title')}>
          <Subtitle2 as="h2">{t(lang, 'timerecording.cat.title')}</Subtitle2>
          <p className={styles.status}>{t(lang, 'timerecording.cat.help')}</p>
          <div className={styles.grid}>
            {s.result.categories.map((c) => (
              <Field key={c.key} label={c.label} hint={`${formatNumber(lang, c.hours, 1)} u`}>
                <Select
                  value={s.categories[c.key] ?? ''}
                  onChange={(_, d) => s.setCategory(c.key, d.value as CategoryClass | '')}
                >
                  <option value="">{t(lang, 'timerecording.cat.choose')}</option>
                  {ALL_CATEGORY_CLASSES.map((cls) => (
                    <option key={cls} value={cls}>
                      {t(lang, `timerecording.class.${cls}` as StringKey)}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
          {s.unmapped.length > 0 && (
            <p className={styles.warning}>
              {t(lang, 'timerecording.cat.unmapped', { n: s.unmapped.length })}
            </p>
          )}
        </section>
      )}

      {s.result && (
        <section aria-label={t(lang, 'timerecording.out.title')}>
          <Subtitle2 as="h2">{t(lang, 'timerecording.out.title')}</Subtitle2>
          <p className={styles.status} data-testid="parameter-source">
            {s.paramSource
              ? t(lang, 'linked.activeSet', { active: s.paramSource.active, model: s.paramSource.model })
              : t(lang, 'linked.noSheet')}
          </p>
          <div className={styles.grid}>
            <Field label={t(lang, 'timerecording.param.modelRatio')} hint={hintOf('modelRatio', true)}>
              <Input
                value={s.params.modelRatio}
                inputMode="decimal"
                onChange={(_, d) => s.setParam('modelRatio', d.value)}
              />
            </Field>
            <Field label={t(lang, 'timerecording.param.modelBasis')}>
              <Select
                value={s.params.modelBasis}
                onChange={(_, d) => s.setParam('modelBasis', d.value as ModelBasis)}
              >
                {BASES.map((b) => (
                  <option key={b} value={b}>
                    {t(lang, `timerecording.basis.${b}` as StringKey)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t(lang, 'timerecording.param.workload')} hint={hintOf('workload')}>
              <Input
                value={s.params.workload}
                inputMode="decimal"
                onChange={(_, d) => s.setParam('workload', d.value)}
              />
            </Field>
            <Field label={t(lang, 'timerecording.param.hotNorm')} hint={percentHint(s.params.hotNorm, lang)}>
              <Input
                value={s.params.hotNorm}
                inputMode="decimal"
                onChange={(_, d) => s.setParam('hotNorm', d.value)}
              />
            </Field>
            <Field label={t(lang, 'timerecording.param.extraFte')} hint={hintOf('extraFte')}>
              <Input
                value={s.params.extraFte}
                inputMode="decimal"
                onChange={(_, d) => s.setParam('extraFte', d.value)}
              />
            </Field>
            <Field
              label={t(lang, 'timerecording.param.threshold')}
              hint={percentHint(s.params.threshold, lang)}
            >
              <Input
                value={s.params.threshold}
                inputMode="decimal"
                onChange={(_, d) => s.setParam('threshold', d.value)}
              />
            </Field>
            <Field label={t(lang, 'timerecording.param.hourlyCost')}>
              <Input
                value={s.params.hourlyCost}
                inputMode="decimal"
                onChange={(_, d) => s.setParam('hourlyCost', d.value)}
              />
            </Field>
            <Field label={t(lang, 'timerecording.param.normTable')}>
              <Select
                value={s.params.normTable}
                onChange={(_, d) => s.setParam('normTable', d.value)}
                onFocus={() => s.tables.length === 0 && void s.loadTables()}
              >
                <option value="">{t(lang, 'timerecording.map.none')}</option>
                {s.tables.map((x) => (
                  <option key={x.name} value={x.name}>
                    {x.name}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Checkbox
            label={t(lang, 'timerecording.privacy.optIn')}
            checked={s.showPersons}
            onChange={(_, d) => s.setShowPersons(d.checked === true)}
          />
          <p className={styles.status}>{t(lang, 'timerecording.privacy.reason')}</p>
          {s.preview && (
            <FigureTable
              label={t(lang, 'timerecording.preview')}
              rows={[
                [t(lang, 'timerecording.preview.gross'), pct(s.preview.gross.value)],
                [t(lang, 'timerecording.preview.net'), pct(s.preview.net.value)],
                [figureLabel('fteGapInclAllowance', lang), formatNumber(lang, s.preview.bridge.fteGap, 1)],
                [
                  figureLabel('fteGapExclAllowance', lang),
                  formatNumber(lang, s.preview.bridge.fteGapExclAllowance, 1),
                ],
                [figureLabel('absenceAboveNorm', lang), pct(s.preview.bridge.absence.aboveNorm)],
                [figureLabel('unusedCapacityHours', lang), formatNumber(lang, s.preview.unused.hours, 1)],
                [
                  figureLabel('notInModelHours', lang),
                  formatNumber(lang, s.preview.unused.notInModelHours, 1),
                ],
                [
                  figureLabel('directHoursWithoutNorm', lang),
                  formatNumber(lang, s.preview.hoursWithoutNorm, 1),
                ],
                [
                  t(lang, 'timerecording.preview.recon'),
                  formatNumber(
                    lang,
                    Math.abs(s.preview.reconciliation.difference) < 1e-9
                      ? 0
                      : s.preview.reconciliation.difference,
                    2,
                  ),
                ],
                [
                  t(lang, 'timerecording.preview.missing'),
                  formatNumber(lang, s.preview.missingTeamPeriods.length, 0),
                ],
                [
                  t(lang, 'timerecording.preview.personWeeks'),
                  formatNumber(lang, s.result.personWeekFlagCount, 0),
                ],
              ]}
            />
          )}
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void s.write()} disabled={s.busy}>
              {t(lang, 'timerecording.write')}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
