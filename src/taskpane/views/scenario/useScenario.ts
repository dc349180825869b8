/**
 * State and actions of the scenario view. Every action validates the whole form first and
 * throws (via the shell's error bar) before anything is written, so nothing is half-written;
 * writes go through `gateway.apply` with one plan per action.
 *
 * The staffing parameters live in the `IND Parameters` table: the form shows the active set's
 * values (read when the view opens), and "write" re-reads the table, keeps any value the user
 * changed there but not in the form, and writes the form's own changes back into the table in
 * the same batch as the scenario sheet.
 */
import { useCallback, useRef, useState } from 'react';
import { usePaneState, usePaneStateLoaded } from '../../components/paneState';
import type { Lang } from '../../../core/messages/types';
import { CalcError, formatError } from '../../../core/errors';
import {
  generateTemplate,
  REVIEW_BAND,
  simulate,
  summarize,
  type HiringPolicy,
  type RulePreset,
  type SimSummary,
  type TemplateId,
} from '../../../core/scenario';
import type { WorkbookGateway } from '../../host/types';
import { useGuard } from '../../components/viewHooks';
import { t } from '../../i18n';
import {
  defaultSets,
  MODEL_SET,
  PARAMETER_TABLE,
  setsFromTable,
  type ParameterSet,
} from '../../plans/parameters';
import {
  cellsToText,
  defaultForm,
  effectivePreset,
  fieldText,
  formToInput,
  formWithSet,
  PARAM_FIELD_KEYS,
  paramFieldsFromSet,
  seriesToText,
  setWithForm,
  withPreset,
  type FieldKey,
  type ScenarioForm,
} from '../../plans/scenario/form';
import {
  addVersion,
  buildComparePlan,
  buildScenarioPlan,
  type SavedScenario,
} from '../../plans/scenario/scenarioSheet';
import { ACTIVE_KEY } from '../sheets/useParameters';
import type { ParameterSource } from '../../plans/parameterSource';
import { linkedNumber, withLinked, type LinkSpec } from '../linkedFields';
import { readParameterSource } from '../useParameterSource';
import { localizeDetails, msg, type Msg, type Status } from '../../i18n/message';

/**
 * The scenario fields that the workbook's parameter source defines (issue 11, build 1): hours
 * per fte, the direct ratio and the band, all of the active set (B4). The sheet shows the set's
 * value beside each (column E); a value typed here for a what-if is labelled as an override.
 */
export const SCENARIO_LINKS: Partial<Record<FieldKey, LinkSpec>> = {
  hoursPerFte: { set: 'active', key: 'hoursPerFte' },
  directRatio: { set: 'active', key: 'directRatio' },
  bandLow: { set: 'active', key: 'bandLow' },
  bandHigh: { set: 'active', key: 'bandHigh' },
  peakExtra: { set: 'active', key: 'peakExtra' },
  peakPeriods: { set: 'active', key: 'peakPeriods' },
};

/**
 * The form as the workbook's parameter source sets it: the linked fields (unless in `overrides`)
 * and the staffing fields of the active set. Without a source the form is unchanged.
 */
export function formWithSource(
  form: ScenarioForm,
  source: ParameterSource | undefined,
  overrides: readonly string[],
): ScenarioForm {
  if (!source) return form;
  const set = source.sets.find((x) => x.name === source.active);
  const base = set ? formWithSet(form, set) : form;
  const fields = withLinked(base.fields, SCENARIO_LINKS, source, overrides, fieldText);
  return fields === base.fields ? base : { ...base, fields };
}

/**
 * The sheet inputs that read the active set (by its workbook name) rather than a typed value:
 * every linked field not overridden. (The weeks per period stay 4 on the sheet: the simulator's
 * periods are 4 weeks, 13 a year, whatever the set says.)
 */
export function scenarioFromSet(overrides: readonly string[]): string[] {
  const keys = (Object.entries(SCENARIO_LINKS) as [string, LinkSpec | undefined][])
    .filter(([k, spec]) => spec && !overrides.includes(k))
    .map(([, spec]) => spec!.key);
  return keys;
}

/** The workbook setting that holds the saved scenarios (shared with every user of the file). */
export const SAVED_KEY = 'ind.scenario.saved';

/** The workbook's parameter sets as last read, and the active one. */
interface ParamState {
  sets: ParameterSet[];
  active: string;
  /** The workbook's parameter source (B4 and the table), when it has the sheet. */
  source?: ParameterSource;
  /** True when the sets came from the workbook's table (false: defaults, no table yet). */
  fromTable: boolean;
  /** The staffing fields' text as read, to tell the user's edits in the form from the table's. */
  shown: Partial<Record<FieldKey, string>> & { hiringPolicy?: HiringPolicy };
}

/** Everything the view renders and can do. */
export interface ScenarioState {
  form: ScenarioForm;
  template: TemplateId;
  summary?: SimSummary;
  /** Warnings about the settings, rendered in the pane's language. */
  warnings: Msg[];
  saved: SavedScenario[];
  /** Compare every saved version side by side (else the latest of each name). */
  allVersions: boolean;
  /** The active parameter set the staffing fields belong to, and whether its table exists. */
  paramSet?: { name: string; fromTable: boolean };
  /** The workbook's parameter source, for the linked fields' hints. */
  paramSource?: ParameterSource;
  /** Back to the set's value for a linked field. */
  resetField: (k: FieldKey) => void;
  status?: Status;
  busy: boolean;
  setTemplate: (id: TemplateId) => void;
  setField: (k: FieldKey, v: string) => void;
  setName: (v: string) => void;
  setSeries: (v: string) => void;
  setPreset: (p: RulePreset) => void;
  setCountBacklog: (v: boolean) => void;
  setActiveReduction: (v: boolean) => void;
  setHiringPolicy: (v: HiringPolicy) => void;
  setAllVersions: (v: boolean) => void;
  generate: () => void;
  readSelection: () => Promise<void>;
  runSimulation: () => void;
  write: () => Promise<void>;
  save: () => Promise<void>;
  compare: () => Promise<void>;
  loadSaved: () => Promise<void>;
}

/** Today as yyyy-mm-dd (the date a version is saved). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The scenario view's state hook. */
export function useScenario(gateway: WorkbookGateway, lang: Lang): ScenarioState {
  const [form, setForm] = usePaneState<ScenarioForm>('scenario.form', defaultForm);
  // The linked fields the user typed over for a what-if.
  const [overrides, setOverrides] = usePaneState<string[]>('scenario.overrides', []);
  const [paramSource, setParamSource] = useState<ParameterSource | undefined>();
  const paneLoaded = usePaneStateLoaded();
  const [template, setTemplate] = usePaneState<TemplateId>('scenario.template', 'case2017');
  const [summary, setSummary] = useState<SimSummary | undefined>();
  const [warnings, setWarnings] = useState<Msg[]>([]);
  const [saved, setSaved] = useState<SavedScenario[]>([]);
  const [allVersions, setAllVersions] = useState(false);
  const [status, setStatus] = useState<Status | undefined>();
  const [busy, setBusy] = useState(false);
  const params = useRef<ParamState | undefined>(undefined);
  const [paramSet, setParamSet] = useState<{ name: string; fromTable: boolean } | undefined>();

  const guard = useGuard(setBusy, setStatus);

  /** Reads the workbook's parameter sets (the table wins) and the active set's name. */
  const readParams = useCallback(async (): Promise<Omit<ParamState, 'shown'>> => {
    // The one source: B4 and the table of IND Parameters.
    const source = await readParameterSource(gateway);
    setParamSource(source);
    if (source) return { sets: source.sets, active: source.active, fromTable: true, source };
    const tables = await gateway.listTables();
    const fromTable = tables.some((x) => x.name === PARAMETER_TABLE);
    const sets = fromTable ? setsFromTable(await gateway.readTable(PARAMETER_TABLE)) : defaultSets();
    const wanted = (await gateway.loadSetting<string>(ACTIVE_KEY)) ?? MODEL_SET;
    const active = sets.some((s) => s.name === wanted) ? wanted : sets[0].name;
    return { sets, active, fromTable };
  }, [gateway]);

  const shownOf = (set: ParameterSet): ParamState['shown'] => {
    const p = paramFieldsFromSet(set);
    return { ...p.fields, hiringPolicy: p.hiringPolicy };
  };

  const generate = useCallback(() => {
    const s = generateTemplate(template, REVIEW_BAND);
    setForm((f) => {
      const base = template === 'case2017' ? withPreset(f, 'advance2017') : f;
      // The 2017 case starts with its (assumed) existing backlog; the other templates with none.
      const backlog = template === 'case2017' ? f.fields.initialBacklog2017 : '0';
      return {
        ...base,
        name: f.name || t(lang, `scenario.tpl.${template}`),
        seriesText: seriesToText(s.workload, s.forecast),
        fields: { ...base.fields, initialBacklog: backlog },
      };
    });
    setStatus(msg((lang) => t(lang, 'scenario.ui.periodsRead', { n: s.workload.length })));
  }, [template, lang]);

  const readSelection = useCallback(
    () =>
      guard(async () => {
        const sel = await gateway.readSelection();
        const text = cellsToText(sel.values);
        setForm((f) => ({ ...f, seriesText: text }));
        setStatus(msg((lang) => t(lang, 'scenario.ui.periodsRead', { n: sel.values.length })));
      }),
    [gateway, guard, lang],
  );

  const show = useCallback(
    (input: ReturnType<typeof formToInput>) => {
      const result = simulate(input);
      setSummary(summarize(result));
      setWarnings(
        result.warnings.map((w) => msg((l) => formatError(w.code, localizeDetails(w.details, l), l))),
      );
      return result;
    },
    [lang],
  );

  const runSimulation = useCallback(() => {
    void guard(() => {
      show(formToInput(form, lang));
    });
  }, [form, lang, guard, show]);

  const write = useCallback(
    () =>
      guard(async () => {
        formToInput(form, lang); // validate first: nothing is read or written for a bad form
        // The table as it is now: a value changed there (and not in the form) is kept.
        const fresh = await readParams();
        const set = fresh.sets.find((s) => s.name === fresh.active)!;
        const before = params.current?.shown ?? {};
        const fromTable = shownOf(set);
        const merged: ScenarioForm = {
          ...form,
          fields: withLinked({ ...form.fields }, SCENARIO_LINKS, fresh.source, overrides, fieldText),
        };
        for (const k of PARAM_FIELD_KEYS) {
          const untouched = before[k] === undefined || before[k] === form.fields[k];
          if (untouched && fromTable[k] !== undefined) merged.fields[k] = fromTable[k];
        }
        if ((before.hiringPolicy ?? form.hiringPolicy) === form.hiringPolicy && fromTable.hiringPolicy)
          merged.hiringPolicy = fromTable.hiringPolicy;
        const input = formToInput(merged, lang);
        const result = show(input);
        const updated = setWithForm(set, merged, lang);
        const sets = fresh.sets.map((s) => (s.name === set.name ? updated.set : s));
        const writeParams = !fresh.fromTable || updated.changed.length > 0;
        const plan = buildScenarioPlan(input, result, {
          name: form.name || t(lang, `scenario.rule.${form.preset}`),
          lang,
          preset: effectivePreset(input, form.preset),
          parameters: {
            sets,
            active: fresh.active,
            write: writeParams,
            fromSet: fresh.source ? scenarioFromSet(overrides) : [],
          },
        });
        const report = await gateway.apply(plan);
        params.current = { sets, active: fresh.active, fromTable: true, shown: shownOf(updated.set) };
        setParamSet({ name: fresh.active, fromTable: true });
        setForm(merged);
        setStatus(
          msg((lang) =>
            writeParams
              ? t(lang, 'scenario.ui.writtenWithParams', { n: report.changes.length, set: fresh.active })
              : t(lang, 'scenario.ui.written', { n: report.changes.length }),
          ),
        );
      }),
    [form, lang, gateway, guard, readParams, show, overrides],
  );

  const loadSaved = useCallback(
    () =>
      guard(async () => {
        setSaved((await gateway.loadSetting<SavedScenario[]>(SAVED_KEY)) ?? []);
        const p = await readParams();
        const set = p.sets.find((s) => s.name === p.active)!;
        params.current = { ...p, shown: shownOf(set) };
        setParamSet({ name: p.active, fromTable: p.fromTable });
        // The form kept in the workbook first, then the parameter sheet's values over it.
        const kept = await paneLoaded();
        const over = (kept.get('scenario.overrides') as string[] | undefined) ?? overrides;
        if (p.source) setForm((f) => formWithSource(f, p.source, over));
        else if (p.fromTable) setForm((f) => formWithSet(f, set));
      }),
    [gateway, guard, readParams, paneLoaded, overrides],
  );

  const save = useCallback(
    () =>
      guard(async () => {
        const name = form.name.trim();
        if (name === '') throw new CalcError('scenarioSavedNameMissing', {});
        const input = formToInput(form, lang);
        const existing = (await gateway.loadSetting<SavedScenario[]>(SAVED_KEY)) ?? [];
        // Saving under an existing name adds a version: the earlier ones stay, with their dates.
        const next = addVersion(existing, name, effectivePreset(input, form.preset), input, today());
        await gateway.saveSetting(SAVED_KEY, next);
        setSaved(next);
        const version = next[next.length - 1].version ?? 1;
        setStatus(
          msg((lang) =>
            version > 1
              ? t(lang, 'scenario.ui.savedVersion', { name, v: version })
              : t(lang, 'scenario.ui.savedOk', { name }),
          ),
        );
      }),
    [form, lang, gateway, guard],
  );

  const compare = useCallback(
    () =>
      guard(async () => {
        const list = (await gateway.loadSetting<SavedScenario[]>(SAVED_KEY)) ?? [];
        setSaved(list);
        if (list.length === 0) {
          setStatus(msg((lang) => t(lang, 'scenario.ui.noneSaved')));
          return;
        }
        const report = await gateway.apply(
          buildComparePlan(list, lang, { versions: allVersions ? 'all' : 'latest' }),
        );
        setStatus(msg((lang) => t(lang, 'scenario.ui.written', { n: report.changes.length })));
      }),
    [gateway, guard, lang, allVersions],
  );

  return {
    form,
    template,
    summary,
    warnings,
    saved,
    allVersions,
    paramSet,
    status,
    busy,
    setTemplate,
    paramSource,
    resetField: (k) => {
      setOverrides((o) => o.filter((x) => x !== k));
      const spec = SCENARIO_LINKS[k];
      if (paramSource && spec)
        setForm((f) => ({ ...f, fields: { ...f.fields, [k]: fieldText(linkedNumber(paramSource, spec)) } }));
    },
    setField: (k, v) => {
      if (SCENARIO_LINKS[k] && !overrides.includes(k)) setOverrides((o) => [...o, k]);
      setForm((f) => ({ ...f, fields: { ...f.fields, [k]: v } }));
    },
    setName: (v) => setForm((f) => ({ ...f, name: v })),
    setSeries: (v) => setForm((f) => ({ ...f, seriesText: v })),
    setPreset: (p) => setForm((f) => withPreset(f, p)),
    setCountBacklog: (v) => setForm((f) => ({ ...f, countBacklog: v })),
    setActiveReduction: (v) => setForm((f) => ({ ...f, activeReduction: v })),
    setHiringPolicy: (v) => setForm((f) => ({ ...f, hiringPolicy: v })),
    setAllVersions,
    generate,
    readSelection,
    runSimulation,
    write,
    save,
    compare,
    loadSaved,
  };
}
