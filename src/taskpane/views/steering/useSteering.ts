/**
 * State and actions of the *Sturing* tab. Files are read in the pane (they never leave the
 * machine) through the core's one row adapter; everything typed or read is validated before a
 * plan exists, and each action writes in one batch, so a refusal leaves the workbook untouched.
 */
import { useCallback, useState } from 'react';
import { usePaneState } from '../../components/paneState';
import { CalcError } from '../../../core/errors';
import type { Lang } from '../../../core/messages/types';
import {
  ageingByProduct,
  calendarYearOf,
  DECIDED_COLUMNS,
  formatDay,
  importDecidedExport,
  importStockExport,
  newVersion,
  parseDate,
  periodOf,
  readPlan,
  readSourceHeader,
  resolveColumns,
  STEERING_ACTION_PREFIX,
  STOCK_COLUMNS,
  type CaseSource,
  type ColumnSpec,
  type DayNumber,
  type DecidedResult,
  type DecidedRole,
  type StockResult,
  type StockRole,
  type VersionRow,
} from '../../../core/steering';
import { useGuard } from '../../components/viewHooks';
import type { TableInfo, WorkbookGateway } from '../../host/types';
import { formatNumber, t } from '../../i18n';
import {
  buildCyclePlan,
  buildForecastSheetsPlan,
  MAX_HORIZON,
  type CyclePlan,
} from '../../plans/steering/cyclePlan';
import { buildForecastInputPlan, readInputTable, readVersions } from '../../plans/steering/forecastPlan';
import { ST_TABLES } from '../../plans/steering/names';
import { buildParametersPlan } from '../../plans/steering/parametersPlan';
import {
  PARAMETER_TABLES,
  readCapacity,
  readParameters,
  type SteeringParameters,
  type TableRows,
} from '../../plans/steering/readBack';
import { typedNumber } from './typedNumber';
import { msg, type Status } from '../../i18n/message';

/** A chosen export file, its header and the column chosen per role. */
export interface ChosenFile<R extends string> {
  file: File;
  headers: string[];
  columns: Partial<Record<R, string>>;
}

/** The source of a file: CSV streamed, XLSX as bytes. */
async function sourceOf(file: File): Promise<CaseSource> {
  return /\.xlsx$/i.test(file.name)
    ? { kind: 'xlsx', bytes: new Uint8Array(await file.arrayBuffer()) }
    : { kind: 'csv', open: () => file.stream() };
}

/** The column each role would take from this header, by the recognised names ('' = none). */
export function suggestColumns<R extends string>(
  headers: string[],
  specs: readonly ColumnSpec<R>[],
): Partial<Record<R, string>> {
  const out: Partial<Record<R, string>> = {};
  for (const spec of specs) {
    try {
      const idx = resolveColumns(headers, [{ ...spec, required: false }], '')[spec.role];
      out[spec.role] = idx >= 0 ? headers[idx] : '';
    } catch {
      out[spec.role] = '';
    }
  }
  return out;
}

/** Today as dd-mm-jjjj. */
function todayText(): string {
  const d = new Date();
  return `${String(d.getDate()).padStart(2, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${d.getFullYear()}`;
}

/** What the last import produced. */
interface Imported {
  peil: DayNumber;
  stock: StockResult;
  stockIds: ReadonlyMap<string, number>;
  decided?: DecidedResult;
  params: SteeringParameters;
}

/** The view's state hook. */
export function useSteering(gateway: WorkbookGateway, lang: Lang) {
  const [peilText, setPeilText] = usePaneState('steering.peil', todayText);
  const [horizonText, setHorizonText] = usePaneState('steering.horizon', '4');
  const [period, setPeriod] = usePaneState('steering.period', '');
  const [who, setWho] = usePaneState('steering.who', '');
  const [stockFile, setStockFile] = useState<ChosenFile<StockRole> | undefined>();
  const [decidedFile, setDecidedFile] = useState<ChosenFile<DecidedRole> | undefined>();
  const [imported, setImported] = useState<Imported | undefined>();
  const [outcome, setOutcome] = useState<CyclePlan | undefined>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | undefined>();
  const guard = useGuard(setBusy, setStatus);

  const peil = useCallback((): DayNumber => {
    const text = peilText.trim();
    if (text === '')
      throw new CalcError('steerBadPeildatum', { argument: t(lang, 'steering.params.peil'), received: '' });
    const d = parseDate(text);
    if (Number.isNaN(d))
      throw new CalcError('steerBadPeildatum', { argument: t(lang, 'steering.params.peil'), received: text });
    return d;
  }, [lang, peilText]);

  /** Reads the tables that exist among `names` (one gateway read each). */
  const readTables = useCallback(
    async (names: readonly string[], list?: TableInfo[]): Promise<Map<string, TableRows>> => {
      const existing = new Set((list ?? (await gateway.listTables())).map((x) => x.name));
      const out = new Map<string, TableRows>();
      for (const name of names) {
        if (!existing.has(name)) continue;
        const d = await gateway.readTable(name);
        out.set(name, { name: d.name, headers: d.headers, rows: d.rows });
      }
      return out;
    },
    [gateway],
  );

  const readParams = useCallback(
    async (list?: TableInfo[]): Promise<SteeringParameters> => {
      const tables = await readTables(PARAMETER_TABLES, list);
      if (tables.size === 0) throw new CalcError('paneNeedSteeringParams');
      return readParameters((n) => tables.get(n));
    },
    [lang, readTables],
  );

  const writeParameters = useCallback(
    () =>
      guard(async () => {
        const d = peil();
        const list = await gateway.listTables();
        if (list.some((x) => x.name === ST_TABLES.deadlines)) {
          setStatus(msg((lang) => t(lang, 'steering.params.exists')));
          return;
        }
        const year = calendarYearOf(d);
        await gateway.apply(
          buildParametersPlan({
            lang,
            year,
            extraProducts: imported ? [...imported.stock.products.keys()] : undefined,
            teams: imported?.decided?.hasTeamColumn ? [...imported.decided.teams.keys()] : undefined,
          }),
        );
        setStatus(msg((lang) => t(lang, 'steering.params.written', { year })));
      }),
    [gateway, guard, imported, lang, peil],
  );

  const chooseStock = useCallback(
    (f: File | undefined) =>
      guard(async () => {
        setImported(undefined);
        // The previous file's columns never outlive it, even when the new file cannot be read.
        setStockFile(undefined);
        if (!f) return;
        const headers = await readSourceHeader(await sourceOf(f));
        setStockFile({ file: f, headers, columns: suggestColumns(headers, STOCK_COLUMNS) });
        setStatus(msg((lang) => t(lang, 'steering.exports.chosen', { name: f.name, n: headers.length })));
      }),
    [guard, lang],
  );

  const chooseDecided = useCallback(
    (f: File | undefined) =>
      guard(async () => {
        setImported(undefined);
        setDecidedFile(undefined);
        if (!f) return;
        const headers = await readSourceHeader(await sourceOf(f));
        setDecidedFile({ file: f, headers, columns: suggestColumns(headers, DECIDED_COLUMNS) });
        setStatus(msg((lang) => t(lang, 'steering.exports.chosen', { name: f.name, n: headers.length })));
      }),
    [guard, lang],
  );

  const readExports = useCallback(
    () =>
      guard(async () => {
        setImported(undefined);
        setOutcome(undefined);
        const d = peil();
        if (!stockFile) throw new CalcError('steerNoExport');
        const params = await readParams();
        const base = { peil: d, calendar: params.calendar, terms: params.terms };
        const stock = await importStockExport(await sourceOf(stockFile.file), {
          ...base,
          file: stockFile.file.name,
          columns: stockFile.columns,
        });
        const decided = decidedFile
          ? await importDecidedExport(
              await sourceOf(decidedFile.file),
              { ...base, file: decidedFile.file.name, columns: decidedFile.columns },
              { file: stockFile.file.name, ids: stock.ids },
            )
          : undefined;
        setImported({ peil: d, stock: stock.result, stockIds: stock.ids, decided, params });
        if (period.trim() === '') {
          const p = params.calendar.periods[Math.min(Math.max(periodOf(params.calendar, d), 1), 13) - 1];
          setPeriod(`${params.calendar.year}-T${p.tertaal}`);
        }
        const { total } = ageingByProduct(stock.result.profile, params.terms);
        const late = total.stock - total.buckets.within;
        setStatus(
          msg((lang) =>
            t(lang, 'steering.exports.readDone', {
              cases: formatNumber(lang, stock.result.cases, 0),
              products: stock.result.products.size,
              late: formatNumber(lang, late, 0),
              decided: formatNumber(lang, decided?.cases ?? 0, 0),
            }),
          ),
        );
      }),
    [decidedFile, guard, lang, peil, period, readParams, stockFile],
  );

  const run = useCallback(
    () =>
      guard(async () => {
        if (!imported) throw new CalcError('steerNoExport');
        const horizon = typedNumber(horizonText, lang, t(lang, 'steering.run.horizon'));
        if (horizon === undefined || !Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON)
          throw new CalcError('notAWholeNumber', {
            argument: t(lang, 'steering.run.horizon'),
            received: horizonText,
            min: 1,
          });
        const list = await gateway.listTables();
        const params = await readParams(list);
        const names = list.map((x) => x.name);
        const slugPeriod = period.trim();
        const current = `${STEERING_ACTION_PREFIX}${slugPeriod.replace(/[ -]/g, '_')}`;
        const previous = names
          .filter((n) => n.startsWith(STEERING_ACTION_PREFIX) && n !== current && n < current)
          .sort()
          .pop();
        const extra = await readTables(
          [ST_TABLES.plan, ST_TABLES.capacity, ST_TABLES.versions, ...(previous ? [previous] : [])],
          list,
        );
        const planTable = extra.get(ST_TABLES.plan);
        const products = [
          ...new Set([...imported.stock.products.keys(), ...(imported.decided?.products.keys() ?? [])]),
        ];
        const versionsTable = extra.get(ST_TABLES.versions);
        const built = buildCyclePlan({
          lang,
          peil: imported.peil,
          horizon,
          period: slugPeriod,
          params,
          capacity: readCapacity(extra.get(ST_TABLES.capacity)!, products),
          stock: imported.stock,
          decided: imported.decided,
          plan: planTable ? readPlan(planTable.rows, params.calendar, planTable.name) : [],
          versions: versionsTable ? readVersions(versionsTable) : undefined,
          tableNames: names,
          previousActions: previous ? extra.get(previous) : undefined,
          sources: { stock: stockFile?.file.name ?? '', decided: decidedFile?.file.name },
        });
        await gateway.apply(built.plan);
        setOutcome(built);
        setStatus(
          msg((lang) =>
            t(lang, 'steering.run.summary', {
              material: built.summary.material.length,
              actions: built.actionTableExisted
                ? t(lang, 'steering.run.actionsKept', { table: built.layout.actionTable })
                : t(lang, 'steering.run.actionsNew', {
                    table: built.layout.actionTable,
                    n: built.actions.length,
                    carried: built.actions.filter((a) => a.period !== slugPeriod).length,
                  }),
            }),
          ),
        );
      }),
    [decidedFile, gateway, guard, horizonText, imported, lang, period, readParams, readTables, stockFile],
  );

  const prepareForecast = useCallback(
    () =>
      guard(async () => {
        const list = await gateway.listTables();
        if (list.some((x) => x.name === ST_TABLES.input)) {
          setStatus(msg((lang) => t(lang, 'steering.forecast.inputExists')));
          return;
        }
        const params = await readParams(list);
        const products = outcome?.summary.products ?? [...params.terms.keys()];
        await gateway.apply(
          buildForecastInputPlan({
            lang,
            calendar: params.calendar,
            peil: imported?.peil ?? peil(),
            products,
            realisation: outcome?.summary.realisation ?? [],
          }),
        );
        setStatus(msg((lang) => t(lang, 'steering.forecast.prepared')));
      }),
    [gateway, guard, imported, lang, outcome, peil, readParams],
  );

  const recordForecast = useCallback(
    () =>
      guard(async () => {
        if (who.trim() === '')
          throw new CalcError('steerBlankWho', { argument: t(lang, 'steering.forecast.who') });
        const date = imported?.peil ?? peil();
        const list = await gateway.listTables();
        if (!list.some((x) => x.name === ST_TABLES.kpi)) throw new CalcError('paneNeedSteeringCycle');
        const params = await readParams(list);
        const tables = await readTables([ST_TABLES.input, ST_TABLES.versions], list);
        const input = tables.get(ST_TABLES.input);
        if (!input) throw new CalcError('steerTableMissing', { argument: ST_TABLES.input });
        const typed = readInputTable(input, params.calendar);
        const existing: VersionRow[] = tables.has(ST_TABLES.versions)
          ? readVersions(tables.get(ST_TABLES.versions)!)
          : [];
        const fresh = newVersion(typed, existing, {
          date,
          who,
          calendar: params.calendar,
          table: input.name,
        });
        await gateway.apply(
          buildForecastSheetsPlan({
            lang,
            calendar: params.calendar,
            date,
            products: [...new Set(typed.map((x) => x.product))],
            versions: [...existing, ...fresh],
          }).plan,
        );
        setStatus(
          msg((lang) =>
            t(lang, 'steering.forecast.recorded', {
              version: fresh[0].version,
              n: fresh.length,
              before: existing.length,
            }),
          ),
        );
      }),
    [gateway, guard, imported, lang, peil, readParams, readTables, who],
  );

  const setStockColumn = (role: StockRole, header: string) =>
    setStockFile((f) => (f ? { ...f, columns: { ...f.columns, [role]: header } } : f));
  const setDecidedColumn = (role: DecidedRole, header: string) =>
    setDecidedFile((f) => (f ? { ...f, columns: { ...f.columns, [role]: header } } : f));

  return {
    peilText,
    setPeilText,
    horizonText,
    setHorizonText,
    period,
    setPeriod,
    who,
    setWho,
    stockFile,
    decidedFile,
    chooseStock,
    chooseDecided,
    setStockColumn,
    setDecidedColumn,
    imported,
    outcome,
    busy,
    status,
    writeParameters,
    readExports,
    run,
    prepareForecast,
    recordForecast,
    peilShown: imported ? formatDay(imported.peil) : undefined,
  };
}
