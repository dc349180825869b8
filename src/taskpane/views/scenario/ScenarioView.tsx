import {
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Textarea,
} from '@fluentui/react-components';
import { HIRING_POLICIES, type HiringPolicy, type RulePreset, type TemplateId } from '../../../core/scenario';
import { formatNumber, t } from '../../i18n';
import {
  FIELD_KEYS,
  FIELD_LABEL,
  fieldText,
  PARAM_FIELD_KEYS,
  type FieldKey,
} from '../../plans/scenario/form';
import { LinkedHint, overriddenKeys } from '../linkedFields';
import { versionOf } from '../../plans/scenario/scenarioSheet';
import { useOnGateway } from '../../components/viewHooks';
import type { ViewProps } from '../types';
import { useScenarioStyles } from './ScenarioView.styles';
import { SCENARIO_LINKS, useScenario } from './useScenario';
import { statusText } from '../../i18n/message';

const TEMPLATES: TemplateId[] = ['normal', 'shortPeak', 'longPeak', 'case2017'];
const PRESETS: RulePreset[] = ['advance2017', 'path', 'recommended'];
const POLICIES = Object.keys(HIRING_POLICIES) as HiringPolicy[];

/**
 * The scenario and funding-path simulator: a workload series (typed, pasted, read from the
 * selection or generated from a template), the funding rule, the staffing parameters (rows of the
 * IND Parameters table), and actions to simulate, write the live sheet, save the scenario in the
 * workbook (each save a dated version) and compare saved ones.
 */
export function ScenarioView({ gateway, lang }: ViewProps): JSX.Element {
  const styles = useScenarioStyles();
  const s = useScenario(gateway, lang);
  useOnGateway(gateway, s.loadSaved);

  const summaryRows: [string, string][] = s.summary
    ? [
        [t(lang, 'scenario.kf.maxBacklog'), formatNumber(lang, s.summary.maxBacklog, 0)],
        [t(lang, 'scenario.compare.maxBacklogPeriod'), formatNumber(lang, s.summary.maxBacklogPeriod, 0)],
        [t(lang, 'scenario.kf.finalBacklog'), formatNumber(lang, s.summary.finalBacklog, 0)],
        [
          t(lang, 'scenario.compare.periodsToClear'),
          s.summary.periodsToClear === undefined
            ? t(lang, 'scenario.compare.never')
            : formatNumber(lang, s.summary.periodsToClear, 0),
        ],
        [t(lang, 'scenario.kf.minFte'), formatNumber(lang, s.summary.minStaffFte, 1)],
        [t(lang, 'scenario.kf.notReplaced'), formatNumber(lang, s.summary.totalNotReplacedFte, 1)],
        [t(lang, 'scenario.kf.reductions'), formatNumber(lang, s.summary.totalReductionsFte, 1)],
        [t(lang, 'scenario.kf.hires'), formatNumber(lang, s.summary.totalHiresFte, 1)],
        [t(lang, 'scenario.kf.maxFlex'), formatNumber(lang, s.summary.maxFlexNeedFte, 1)],
        [t(lang, 'scenario.kf.shortfall'), formatNumber(lang, s.summary.productionShortfallHours, 0)],
      ]
    : [];

  const overridden = overriddenKeys(s.form.fields, SCENARIO_LINKS, s.paramSource, fieldText);
  const hintOf = (k: FieldKey): JSX.Element | undefined => {
    const spec = SCENARIO_LINKS[k];
    if (!spec || !s.paramSource) return undefined;
    return (
      <LinkedHint
        lang={lang}
        source={s.paramSource}
        spec={spec}
        overridden={overridden.includes(k)}
        text={(x) => fieldText(x)}
        onReset={() => s.resetField(k)}
      />
    );
  };

  const field = (k: FieldKey): JSX.Element => (
    <Field key={k} label={t(lang, FIELD_LABEL[k])} className={styles.wide} hint={hintOf(k)}>
      <Input
        className={styles.fill}
        value={s.form.fields[k]}
        onChange={(_, d) => s.setField(k, d.value)}
        inputMode="decimal"
      />
    </Field>
  );

  return (
    <div className={styles.root}>
      <Subtitle2 as="h2">{t(lang, 'scenario.ui.series')}</Subtitle2>
      <div className={styles.row}>
        <Field label={t(lang, 'scenario.ui.template')}>
          <Select value={s.template} onChange={(_, d) => s.setTemplate(d.value as TemplateId)}>
            {TEMPLATES.map((id) => (
              <option key={id} value={id}>
                {t(lang, `scenario.tpl.${id}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={s.generate} disabled={s.busy}>
          {t(lang, 'scenario.ui.generate')}
        </Button>
        <Button onClick={() => void s.readSelection()} disabled={s.busy}>
          {t(lang, 'scenario.ui.readSelection')}
        </Button>
      </div>
      <Field label={t(lang, 'scenario.ui.paste')}>
        <Textarea
          className={styles.series}
          value={s.form.seriesText}
          onChange={(_, d) => s.setSeries(d.value)}
          resize="vertical"
        />
      </Field>

      <Subtitle2 as="h2">{t(lang, 'scenario.ui.params')}</Subtitle2>
      <div className={styles.row}>
        <Field label={t(lang, 'scenario.ui.name')} className={styles.fill}>
          <Input className={styles.fill} value={s.form.name} onChange={(_, d) => s.setName(d.value)} />
        </Field>
        <Field label={t(lang, 'scenario.ui.rule')} className={styles.fill}>
          <Select
            className={styles.fill}
            value={s.form.preset}
            onChange={(_, d) => s.setPreset(d.value as RulePreset)}
          >
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(lang, `scenario.rule.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox
          label={t(lang, 'scenario.in.countBacklog')}
          checked={s.form.countBacklog}
          onChange={(_, d) => s.setCountBacklog(d.checked === true)}
        />
        <Checkbox
          label={t(lang, 'scenario.in.activeReduction')}
          checked={s.form.activeReduction}
          onChange={(_, d) => s.setActiveReduction(d.checked === true)}
        />
      </div>
      <p className={styles.status} data-testid="parameter-source">
        {s.paramSource
          ? t(lang, 'linked.activeSet', { active: s.paramSource.active, model: s.paramSource.model })
          : t(lang, 'linked.noSheet')}
      </p>
      <div className={styles.grid}>{FIELD_KEYS.map(field)}</div>

      <section aria-label={t(lang, 'scenario.ui.staffing')} className={styles.root}>
        <Subtitle2 as="h2">{t(lang, 'scenario.ui.staffing')}</Subtitle2>
        <p className={styles.status}>
          {t(lang, s.paramSet?.fromTable ? 'scenario.ui.staffingFromTable' : 'scenario.ui.staffingNoTable', {
            set: s.paramSet?.name ?? '',
          })}
        </p>
        <Field label={t(lang, 'scenario.in.hiringPolicy')} className={styles.fill}>
          <Select
            className={styles.fill}
            value={s.form.hiringPolicy}
            onChange={(_, d) => s.setHiringPolicy(d.value as HiringPolicy)}
          >
            {POLICIES.map((p) => (
              <option key={p} value={p}>
                {t(lang, `scenario.policy.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.grid}>{PARAM_FIELD_KEYS.map(field)}</div>
      </section>

      <div className={styles.row}>
        <Button appearance="secondary" onClick={s.runSimulation} disabled={s.busy}>
          {t(lang, 'scenario.ui.simulate')}
        </Button>
        <Button appearance="primary" onClick={() => void s.write()} disabled={s.busy}>
          {t(lang, 'scenario.ui.write')}
        </Button>
        <Button onClick={() => void s.save()} disabled={s.busy}>
          {t(lang, 'scenario.ui.save')}
        </Button>
        <Button onClick={() => void s.compare()} disabled={s.busy}>
          {t(lang, 'scenario.ui.compare')}
        </Button>
        <Checkbox
          label={t(lang, 'scenario.ui.allVersions')}
          checked={s.allVersions}
          onChange={(_, d) => s.setAllVersions(d.checked === true)}
        />
      </div>
      <p role="status" className={styles.status}>
        {statusText(lang, s.status)}
      </p>

      {s.summary && (
        <section aria-label={t(lang, 'scenario.ui.results')}>
          <Subtitle2 as="h2">{t(lang, 'scenario.ui.results')}</Subtitle2>
          <Table size="extra-small" aria-label={t(lang, 'scenario.ui.results')}>
            <TableBody>
              {summaryRows.map(([label, value]) => (
                <TableRow key={label}>
                  <TableCell>{label}</TableCell>
                  <TableCell>{value}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {s.warnings.length > 0 && (
            <ul aria-label={t(lang, 'scenario.ui.warnings')} className={styles.warnings}>
              {s.warnings.map((w, i) => (
                <li key={i}>{w.render(lang)}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-label={t(lang, 'scenario.ui.saved')}>
        <Subtitle2 as="h2">{t(lang, 'scenario.ui.saved')}</Subtitle2>
        {s.saved.length === 0 ? (
          <p className={styles.status}>{t(lang, 'scenario.ui.noneSaved')}</p>
        ) : (
          <ul>
            {s.saved.map((x) => (
              <li key={`${x.name}|${versionOf(x)}`}>
                {x.name} — {t(lang, `scenario.rule.${x.preset}`)}
                {x.version !== undefined &&
                  ` (${t(lang, 'scenario.compare.version', { v: versionOf(x) })}${x.savedAt ? `, ${x.savedAt}` : ''})`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
