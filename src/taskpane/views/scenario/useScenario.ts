/**
 * State and actions of the scenario view. Every action validates the whole form first and
 * throws (via the shell's error bar) before anything is written, so nothing is half-written;
 * writes go through `gateway.apply` with one plan per action.
 */
import { useCallback, useState } from 'react';
import type { Lang } from '../../../core/messages/types';
import { CalcError } from '../../../core/errors';
import {
  generateTemplate,
  REVIEW_BAND,
  simulate,
  summarize,
  type RulePreset,
  type SimSummary,
  type TemplateId,
} from '../../../core/scenario';
import type { WorkbookGateway } from '../../host/types';
import { useGuard } from '../../components/viewHooks';
import { t } from '../../i18n';
import {
  cellsToText,
  defaultForm,
  effectivePreset,
  formToInput,
  seriesToText,
  withPreset,
  type FieldKey,
  type ScenarioForm,
} from '../../plans/scenario/form';
import {
  buildComparePlan,
  buildScenarioPlan,
  toSaved,
  type SavedScenario,
} from '../../plans/scenario/scenarioSheet';

/** The workbook setting that holds the saved scenarios (shared with every user of the file). */
export const SAVED_KEY = 'ind.scenario.saved';

/** Everything the view renders and can do. */
export interface ScenarioState {
  form: ScenarioForm;
  template: TemplateId;
  summary?: SimSummary;
  saved: SavedScenario[];
  status?: string;
  busy: boolean;
  setTemplate: (id: TemplateId) => void;
  setField: (k: FieldKey, v: string) => void;
  setName: (v: string) => void;
  setSeries: (v: string) => void;
  setPreset: (p: RulePreset) => void;
  setCountBacklog: (v: boolean) => void;
  generate: () => void;
  readSelection: () => Promise<void>;
  runSimulation: () => void;
  write: () => Promise<void>;
  save: () => Promise<void>;
  compare: () => Promise<void>;
  loadSaved: () => Promise<void>;
}

/** The scenario view's state hook. */
export function useScenario(gateway: WorkbookGateway, lang: Lang): ScenarioState {
  const [form, setForm] = useState<ScenarioForm>(defaultForm);
  const [template, setTemplate] = useState<TemplateId>('case2017');
  const [summary, setSummary] = useState<SimSummary | undefined>();
  const [saved, setSaved] = useState<SavedScenario[]>([]);
  const [status, setStatus] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const guard = useGuard(setBusy, setStatus);

  const generate = useCallback(() => {
    const s = generateTemplate(template, REVIEW_BAND);
    setForm((f) => ({
      ...(template === 'case2017' ? withPreset(f, 'advance2017') : f),
      name: f.name || t(lang, `scenario.tpl.${template}`),
      seriesText: seriesToText(s.workload, s.forecast),
    }));
    setStatus(t(lang, 'scenario.ui.periodsRead', { n: s.workload.length }));
  }, [template, lang]);

  const readSelection = useCallback(
    () =>
      guard(async () => {
        const sel = await gateway.readSelection();
        const text = cellsToText(sel.values);
        setForm((f) => ({ ...f, seriesText: text }));
        setStatus(t(lang, 'scenario.ui.periodsRead', { n: sel.values.length }));
      }),
    [gateway, guard, lang],
  );

  const runSimulation = useCallback(() => {
    void guard(() => {
      const input = formToInput(form, lang);
      setSummary(summarize(simulate(input)));
    });
  }, [form, lang, guard]);

  const write = useCallback(
    () =>
      guard(async () => {
        const input = formToInput(form, lang);
        const result = simulate(input);
        setSummary(summarize(result));
        const plan = buildScenarioPlan(input, result, {
          name: form.name || t(lang, `scenario.rule.${form.preset}`),
          lang,
          preset: effectivePreset(input, form.preset),
        });
        const report = await gateway.apply(plan);
        setStatus(t(lang, 'scenario.ui.written', { n: report.changes.length }));
      }),
    [form, lang, gateway, guard],
  );

  const loadSaved = useCallback(
    () =>
      guard(async () => {
        setSaved((await gateway.loadSetting<SavedScenario[]>(SAVED_KEY)) ?? []);
      }),
    [gateway, guard],
  );

  const save = useCallback(
    () =>
      guard(async () => {
        const name = form.name.trim();
        if (name === '') throw new CalcError('scenarioSavedNameMissing', {});
        const input = formToInput(form, lang);
        const existing = (await gateway.loadSetting<SavedScenario[]>(SAVED_KEY)) ?? [];
        // Saving under an existing name replaces that scenario instead of adding a twin.
        const next = [
          ...existing.filter((s) => s.name !== name),
          toSaved(name, effectivePreset(input, form.preset), input),
        ];
        await gateway.saveSetting(SAVED_KEY, next);
        setSaved(next);
        setStatus(t(lang, 'scenario.ui.savedOk', { name }));
      }),
    [form, lang, gateway, guard],
  );

  const compare = useCallback(
    () =>
      guard(async () => {
        const list = (await gateway.loadSetting<SavedScenario[]>(SAVED_KEY)) ?? [];
        setSaved(list);
        if (list.length === 0) {
          setStatus(t(lang, 'scenario.ui.noneSaved'));
          return;
        }
        const report = await gateway.apply(buildComparePlan(list, lang));
        setStatus(t(lang, 'scenario.ui.written', { n: report.changes.length }));
      }),
    [gateway, guard, lang],
  );

  return {
    form,
    template,
    summary,
    saved,
    status,
    busy,
    setTemplate,
    setField: (k, v) => setForm((f) => ({ ...f, fields: { ...f.fields, [k]: v } })),
    setName: (v) => setForm((f) => ({ ...f, name: v })),
    setSeries: (v) => setForm((f) => ({ ...f, seriesText: v })),
    setPreset: (p) => setForm((f) => withPreset(f, p)),
    setCountBacklog: (v) => setForm((f) => ({ ...f, countBacklog: v })),
    generate,
    readSelection,
    runSimulation,
    write,
    save,
    compare,
    loadSaved,
  };
}
