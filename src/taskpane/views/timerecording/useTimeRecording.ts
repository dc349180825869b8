/**
 * State and actions of the time-recording view. The file is read in the pane (it never leaves
 * the machine), streamed through the core import with progress and cancel, and the analysis is
 * written through `gateway.apply` in one plan, only after the whole analysis succeeded.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CalcError, isCalcError } from '../../../core/errors';
import type { Lang } from '../../../core/messages/types';
import { analyse, type Analysis, type ModelBasis } from '../../../core/timerecording/analysis';
import type { Delimiter } from '../../../core/timerecording/csv';
import {
  importCsv,
  importRows,
  importXlsx,
  readCsvHeader,
  readXlsxHeader,
  type ImportResult,
} from '../../../core/timerecording/import';
import type {
  CategoryClass,
  CategoryMapping,
  ColumnMapping,
  ColumnRole,
  PeriodKind,
} from '../../../core/timerecording/types';
import {
  checkNormCoverage,
  fictitiousNormLabels,
  normCoverage,
  normsFromTable,
  type NormCoverage,
} from '../../../core/timerecording/norms';
import { BAND_MEAN, DIRECT_RATIO_MODEL, HOT_NORM_ABSENCE, REVIEW_EXTRA_FTE } from '../../../core/params';
import {
  checkFraction,
  checkNonNegative,
  checkRatio,
  fieldText,
  readTypedNumber,
  requireTypedNumber,
} from '../../../core/input';
import { usePaneState } from '../../components/paneState';
import { useGuard } from '../../components/viewHooks';
import type { TableInfo, WorkbookGateway } from '../../host/types';
import { formatNumber, t } from '../../i18n';
import { NORM_TABLE } from '../../plans/normTable';
import {
  buildTimeRecordingPlan,
  type TimeRecordingPlanInput,
} from '../../plans/timerecording/timeRecordingPlan';
import type { ParameterSource } from '../../plans/parameterSource';
import { linkedNumber, linkedSetName, withLinked, type LinkSpec } from '../linkedFields';
import { useParameterSource } from '../useParameterSource';
import { msg, type Status } from '../../i18n/message';

/**
 * The fields that come from the workbook's parameter source (issue 11, build 1): the model's
 * direct ratio is the model set's (B5, the bridge starts at the model), the workload and the
 * turnover allowance are the active set's (B4). Each stays editable as a labelled what-if.
 */
export const TR_LINKS: Partial<Record<keyof ParamForm, LinkSpec>> = {
  modelRatio: { set: 'model', key: 'directRatio' },
  workload: { set: 'active', key: 'bandMean' },
  extraFte: { set: 'active', key: 'extraFte' },
};

/**
 * The inputs of the sheet's fte figures that have no field: weeks per period and hours per fte
 * of the active set (the analysis' defaults, 4 and 36, without a parameter sheet).
 */
export function sourceOptions(source: ParameterSource | undefined): { weeks?: number; hoursPerFte?: number } {
  if (!source) return {};
  return {
    weeks: linkedNumber(source, { set: 'active', key: 'weeksPerPeriod' }),
    hoursPerFte: linkedNumber(source, { set: 'active', key: 'hoursPerFte' }),
  };
}

/**
 * The sheet's parameter cells that look their value up in `IND_Parameters`: every linked field
 * the user did not override, and weeks and hours per fte of the active set (no field). None
 * without a parameter sheet.
 */
export function planLinks(
  source: ParameterSource | undefined,
  overrides: readonly string[],
): TimeRecordingPlanInput['links'] {
  if (!source) return undefined;
  const links: NonNullable<TimeRecordingPlanInput['links']> = {
    weeks: { set: source.active, key: 'weeksPerPeriod' },
    hoursPerFte: { set: source.active, key: 'hoursPerFte' },
  };
  for (const k of ['modelRatio', 'workload', 'extraFte'] as const) {
    const spec = TR_LINKS[k];
    if (spec && !overrides.includes(k)) links[k] = { set: linkedSetName(source, spec), key: spec.key };
  }
  return links;
}

/**
 * The analysis options the preview and the sheet both use: the typed fields (with the linked
 * ones as the set holds them unless overridden) and the source's weeks and hours per fte.
 * @throws CalcError naming the field, as `readParams`.
 */
export function analysisInputs(
  params: ParamForm,
  source: ParameterSource | undefined,
  lang: Lang,
): ParamValues & { weeks?: number; hoursPerFte?: number } {
  return { ...readParams(params, lang), ...sourceOptions(source) };
}

/** The default norm-deviation threshold: a fraction, 0,15 = 15%. */
export const NORM_THRESHOLD_DEFAULT = 0.15;

/** Where the mapping is saved in the workbook (custom XML part via the gateway). */
export const MAPPING_SETTING = 'timerecording.mapping';

/** What is saved in the workbook for next time. */
export interface SavedMapping {
  columns: Partial<ColumnMapping>;
  categories: CategoryMapping;
  delimiter: '' | Delimiter;
  periodKind: PeriodKind;
}

/** Roles in display order; the first four are required. */
export const ROLES: ColumnRole[] = ['date', 'team', 'category', 'hours', 'person', 'product', 'cases'];
const REQUIRED: ColumnRole[] = ['date', 'team', 'category', 'hours'];

// Exact (case-insensitive) header names we pre-select; the user sees and can change every choice.
const SYNONYMS: Record<ColumnRole, string[]> = {
  date: ['datum', 'date', 'dag'],
  team: ['team', 'afdeling', 'unit'],
  category: ['activiteit', 'categorie', 'category', 'activity'],
  hours: ['uren', 'hours', 'aantal uren'],
  person: ['medewerker', 'persoon', 'person', 'employee', 'personeelsnummer'],
  product: ['product', 'producttype', 'zaaktype'],
  cases: ['zaken', 'aantal zaken', 'cases'],
};

/** Suggests a column per role: the saved choice when that header exists, else an exact synonym. */
export function suggestColumns(headers: string[], saved?: Partial<ColumnMapping>): Partial<ColumnMapping> {
  const lower = headers.map((h) => h.toLowerCase());
  const out: Partial<ColumnMapping> = {};
  for (const role of ROLES) {
    const s = saved?.[role];
    if (s && headers.includes(s)) out[role] = s;
    else {
      const i = lower.findIndex((h) => SYNONYMS[role].includes(h));
      if (i >= 0) out[role] = headers[i];
    }
  }
  return out;
}

/**
 * Lets the browser paint and handle input between chunks. A MessageChannel message runs as a
 * task without the 4 ms clamp of nested setTimeout calls.
 */
function yieldToUi(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/** Parameters as typed (Dutch decimal comma allowed). */
export interface ParamForm {
  modelRatio: string;
  modelBasis: ModelBasis;
  workload: string;
  /** The HOT norm for absence, a fraction of gross hours (23,6%: derived, aanname). */
  hotNorm: string;
  /** The turnover allowance in fte for S1/S3 (the review: 60). */
  extraFte: string;
  threshold: string;
  hourlyCost: string;
  normTable: string;
}

/** The typed parameters as numbers, read with the pane's one typed-number reader. */
export interface ParamValues {
  modelRatio: number;
  workloadHours: number;
  hotNorm: number;
  extraFte: number;
  normThreshold: number;
  hourlyCost?: number;
}

/**
 * Reads the typed parameters in the pane's language ("83.000" is 83000 in Dutch), naming each
 * field by its label. The preview and the write use this same reading, so they always agree.
 * @throws CalcError `notANumber`, `blankValue`, `negativeValue`, `ratioAsPercent`, …, naming the field.
 */
export function readParams(params: ParamForm, lang: Lang): ParamValues {
  type Typed = 'modelRatio' | 'workload' | 'threshold' | 'hourlyCost' | 'hotNorm' | 'extraFte';
  const place = (k: Typed) => ({ argument: t(lang, `timerecording.param.${k}`) });
  const req = (k: Exclude<Typed, 'hourlyCost'>): number => requireTypedNumber(params[k], lang, place(k));
  const cost = readTypedNumber(params.hourlyCost, lang, place('hourlyCost'));
  const hourlyCost = cost === undefined ? undefined : checkNonNegative(cost, place('hourlyCost').argument);
  return {
    modelRatio: checkRatio(req('modelRatio'), place('modelRatio').argument),
    workloadHours: checkNonNegative(req('workload'), place('workload').argument),
    // A fraction: 8 typed for 8% gets the clean suggestion 0,08 (the one percent check).
    hotNorm: checkFraction(req('hotNorm'), place('hotNorm').argument),
    extraFte: checkNonNegative(req('extraFte'), place('extraFte').argument),
    // A fraction like every ratio field (0,15 = 15%; the field shows the percentage beside it).
    normThreshold: checkFraction(req('threshold'), place('threshold').argument),
    ...(hourlyCost !== undefined ? { hourlyCost } : {}),
  };
}

/** The view's state hook. */
export function useTimeRecording(gateway: WorkbookGateway, lang: Lang) {
  const [sourceKind, setSourceKind] = useState<'file' | 'table'>('file');
  const [file, setFile] = useState<File | undefined>();
  const [tables, setTables] = useState<TableInfo[]>([]);
  const [tableName, setTableName] = useState('');
  const [headers, setHeaders] = useState<string[]>([]);
  const [columns, setColumns] = useState<Partial<ColumnMapping>>({});
  const [delimiter, setDelimiter] = useState<'' | Delimiter>('');
  const [periodKind, setPeriodKind] = useState<PeriodKind>('period4w');
  const [categories, setCategories] = useState<CategoryMapping>({});
  const [result, setResult] = useState<ImportResult | undefined>();
  const [progress, setProgress] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | undefined>();
  const [showPersons, setShowPersons] = useState(false);
  const [params, setParams] = usePaneState<ParamForm>('timerecording.params', {
    modelRatio: fieldText(DIRECT_RATIO_MODEL.value, lang),
    modelBasis: 'unknown',
    workload: fieldText(BAND_MEAN.value, lang),
    hotNorm: fieldText(HOT_NORM_ABSENCE.value, lang),
    extraFte: fieldText(REVIEW_EXTRA_FTE.value, lang),
    threshold: fieldText(NORM_THRESHOLD_DEFAULT, lang),
    hourlyCost: '',
    normTable: '',
  });
  // The fields the user typed over for a what-if (kept with the fields in the workbook).
  const [overrides, setOverrides] = usePaneState<string[]>('timerecording.overrides', []);
  const { source: paramSource, refresh: refreshSource } = useParameterSource(gateway);
  const abort = useRef<AbortController | undefined>();
  const saved = useRef<SavedMapping | undefined>();

  // The linked fields follow the workbook's parameter sets (unless overridden).
  useEffect(() => {
    setParams((p) => withLinked(p, TR_LINKS, paramSource, overrides, (x) => fieldText(x, lang)));
  }, [paramSource, overrides, lang, setParams]);

  const guard = useGuard(setBusy, setStatus, () => setProgress(undefined));

  const loadSaved = useCallback(async (): Promise<SavedMapping | undefined> => {
    saved.current = (await gateway.loadSetting<SavedMapping>(MAPPING_SETTING)) ?? saved.current;
    const s = saved.current;
    if (s) {
      setDelimiter(s.delimiter);
      setPeriodKind(s.periodKind);
      setCategories((c) => ({ ...s.categories, ...c }));
    }
    return s;
  }, [gateway]);

  /** Lists the workbook's tables (sources and norm tables); pre-selects the add-in's norm table. */
  const refreshTables = useCallback(async () => {
    const list = await gateway.listTables();
    setTables(list);
    if (list.some((x) => x.name === NORM_TABLE))
      setParams((p) => (p.normTable ? p : { ...p, normTable: NORM_TABLE }));
  }, [gateway]);

  const chooseFile = useCallback(
    (f: File | undefined) =>
      guard(async () => {
        setFile(f);
        setResult(undefined);
        setStatus(undefined);
        // The previous file's columns never outlive it: an empty, unreadable or cancelled choice
        // leaves no stale mapping behind.
        setHeaders([]);
        setColumns({});
        if (!f) return;
        const s = await loadSaved();
        const isXlsx = /\.xlsx$/i.test(f.name);
        const h = isXlsx
          ? await readXlsxHeader(f)
          : (await readCsvHeader(() => f.stream(), s?.delimiter || undefined)).headers;
        setHeaders(h);
        setColumns(suggestColumns(h, s?.columns));
        await refreshTables();
        setStatus(
          msg((lang) =>
            t(lang, 'timerecording.source.chosen', {
              name: f.name,
              size: formatNumber(lang, f.size / 1024, 0),
              n: h.length,
            }),
          ),
        );
      }),
    [guard, lang, loadSaved, refreshTables],
  );

  const loadTables = useCallback(
    () =>
      guard(async () => {
        await refreshTables();
        await loadSaved();
      }),
    [guard, loadSaved, refreshTables],
  );

  const chooseTable = useCallback(
    (name: string) => {
      setTableName(name);
      setResult(undefined);
      const info = tables.find((x) => x.name === name);
      const h = info?.headers ?? [];
      setHeaders(h);
      setColumns(suggestColumns(h, saved.current?.columns));
    },
    [tables],
  );

  const mapping = useCallback((): ColumnMapping => {
    for (const role of REQUIRED) {
      if (!columns[role]) {
        throw new CalcError('trColumnNotMapped', {
          argument: t(lang, `timerecording.role.${role}` as 'timerecording.role.date'),
          received: headers.map((h) => `"${h}"`).join(', '),
        });
      }
    }
    const m: ColumnMapping = {
      date: columns.date!,
      team: columns.team!,
      category: columns.category!,
      hours: columns.hours!,
    };
    if (columns.person) m.person = columns.person;
    if (columns.product) m.product = columns.product;
    if (columns.cases) m.cases = columns.cases;
    return m;
  }, [columns, headers, lang]);

  const runImport = useCallback(
    () =>
      guard(async () => {
        setResult(undefined);
        const m = mapping();
        const ctrl = new AbortController();
        abort.current = ctrl;
        let r: ImportResult;
        if (sourceKind === 'table') {
          if (!tableName) throw new CalcError('trNoSource');
          const data = await gateway.readTable(tableName);
          r = importRows(data.headers, data.rows, { mapping: m, periodKind });
        } else {
          if (!file) throw new CalcError('trNoSource');
          setProgress(0);
          const total = file.size || 1;
          const opts = {
            mapping: m,
            periodKind,
            signal: ctrl.signal,
            fileName: file.name,
            onProgress: (b: number) => setProgress(Math.min(1, b / total)),
            yieldControl: yieldToUi,
            ...(delimiter ? { delimiter } : {}),
          };
          try {
            r = /\.xlsx$/i.test(file.name)
              ? await importXlsx(file, opts)
              : await importCsv(() => file.stream(), opts);
          } catch (e) {
            // Cancelling is the user's own choice, not an error: a neutral notice, nothing written.
            if (isCalcError(e) && e.code === 'trCancelled') {
              setStatus(msg((lang) => t(lang, 'pane.import.cancelled')));
              return;
            }
            throw e;
          }
        }
        setResult(r);
        setStatus(
          msg(
            (lang) =>
              t(lang, 'timerecording.import.done', {
                read: formatNumber(lang, r.rowsRead, 0),
                ok: formatNumber(lang, r.rowsAccepted, 0),
                bad: formatNumber(lang, r.rowsRejected, 0),
                hours: formatNumber(lang, r.hoursAccepted, 1),
                enc: r.source === 'csv' ? `${r.encoding}${r.bom ? ' (BOM)' : ''}` : r.source,
              }) +
              (r.encodingFallback
                ? ` ${new CalcError('trEncodingFallback', r.encodingFallback).messageIn(lang)}`
                : ''),
          ),
        );
      }),
    [guard, mapping, sourceKind, gateway, tableName, periodKind, file, delimiter, lang],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);

  const setCategory = useCallback((key: string, cls: CategoryClass | '') => {
    setCategories((c) => {
      const next = { ...c };
      if (cls === '') delete next[key];
      else next[key] = cls;
      return next;
    });
  }, []);

  const unmapped = useMemo(
    () => (result ? result.categories.filter((c) => !categories[c.key]) : []),
    [result, categories],
  );

  const analysisOptions = useCallback(
    async (withNorms: boolean) => {
      let norms: Record<string, number> | undefined;
      let coverage: NormCoverage | undefined;
      let fictitious: string[] = [];
      // The typed fields are checked first: a wrong field is reported before any table is read.
      const source = await refreshSource();
      const typed = analysisInputs(
        withLinked(params, TR_LINKS, source, overrides, (x) => fieldText(x, lang)),
        source,
        lang,
      );
      if (withNorms && params.normTable) {
        const nt = await gateway.readTable(params.normTable);
        const products = result
          ? [...new Set(result.cells.map((c) => c.product).filter((p) => p !== ''))]
          : [];
        norms = normsFromTable(nt.headers, nt.rows, products, params.normTable);
        // Refuses when the table's codes do not match the export's products (nothing written).
        coverage = checkNormCoverage(normCoverage(norms, products), norms, params.normTable);
        fictitious = fictitiousNormLabels(nt.headers, nt.rows);
      }
      return {
        options: {
          categoryMapping: categories,
          modelBasis: params.modelBasis,
          ...typed,
          ...(norms ? { norms } : {}),
        },
        links: planLinks(source, overrides),
        coverage,
        fictitious,
      };
    },
    [params, categories, gateway, lang, result, refreshSource, overrides],
  );

  const preview: Analysis | undefined = useMemo(() => {
    if (!result || unmapped.length > 0) return undefined;
    try {
      return analyse(result, {
        categoryMapping: categories,
        modelBasis: params.modelBasis,
        ...analysisInputs(params, paramSource, lang),
      });
    } catch {
      return undefined; // the write action reports the error with its message
    }
  }, [result, unmapped, categories, params, lang, paramSource]);

  const write = useCallback(
    () =>
      guard(async () => {
        if (!result) throw new CalcError('trNoSource');
        const { options, links, coverage, fictitious } = await analysisOptions(true);
        // Built (and validated) completely before anything is written.
        const { plan } = buildTimeRecordingPlan({
          result,
          options,
          sourceName: sourceKind === 'file' ? (file?.name ?? '') : tableName,
          showPersons,
          lang,
          links,
        });
        const report = await gateway.apply(plan);
        const toSave: SavedMapping = { columns, categories, delimiter, periodKind };
        await gateway.saveSetting(MAPPING_SETTING, toSave);
        saved.current = toSave;
        setStatus(
          msg(
            (lang) =>
              t(lang, 'timerecording.written', { n: report.changes.length }) +
              (coverage && params.normTable
                ? ' ' +
                  t(lang, 'timerecording.normCoverage', {
                    matched: coverage.matched.length,
                    total: coverage.total,
                    table: params.normTable,
                  }) +
                  (coverage.missing.length > 0
                    ? ' ' +
                      t(lang, 'timerecording.normMissing', {
                        list: coverage.missing.map((x) => `"${x}"`).join(', '),
                      })
                    : '')
                : '') +
              (fictitious.length > 0
                ? ' ' + t(lang, 'timerecording.normFictitious', { versions: fictitious.join(', ') })
                : ''),
          ),
        );
      }),
    [
      guard,
      result,
      analysisOptions,
      sourceKind,
      file,
      tableName,
      showPersons,
      gateway,
      columns,
      categories,
      delimiter,
      periodKind,
      lang,
      params.normTable,
    ],
  );

  return {
    sourceKind,
    setSourceKind,
    file,
    chooseFile,
    tables,
    loadTables,
    tableName,
    chooseTable,
    headers,
    columns,
    setColumn: (role: ColumnRole, h: string) => setColumns((c) => ({ ...c, [role]: h || undefined })),
    delimiter,
    setDelimiter,
    periodKind,
    setPeriodKind,
    runImport,
    cancel,
    progress,
    busy,
    status,
    result,
    categories,
    setCategory,
    unmapped,
    params,
    setParam: <K extends keyof ParamForm>(k: K, v: ParamForm[K]) => {
      if (TR_LINKS[k] && !overrides.includes(k)) setOverrides((o) => [...o, k]);
      setParams((p) => ({ ...p, [k]: v }));
    },
    /** Back to the set's value for a linked field. */
    resetParam: (k: keyof ParamForm) => setOverrides((o) => o.filter((x) => x !== k)),
    paramSource,
    showPersons,
    setShowPersons,
    preview,
    write,
  };
}
