/**
 * The Office.js implementation of `WorkbookGateway`: the ONLY module of the task pane that
 * calls `Excel`. Views describe what to write as a `WritePlan`; this module applies it in one
 * `Excel.run` with a constant number of `context.sync()` round trips, whatever the number of rows:
 *
 *   1. load the overview: sheet names and ids, workbook protection, names, tables, registry part;
 *   2. (only when a registry part exists) read the registry XML;
 *   3. (only when a requested sheet is ours) load its protection and content to check the fingerprint;
 *   4. queue every write, plus a read-back of what was written; sync;
 *   5. store the updated registry (fingerprints of what was written).
 *
 * All decisions (redirect, refuse) are made between steps 3 and 4, so a refusal leaves the
 * workbook untouched.
 */
import { CalcError, isCalcError } from '../../core/errors';
import type { Lang } from '../../core/messages/types';
import { t, type StringKey } from '../i18n';
import { cellAddress, parseCell, sheetOf, stripSheet } from './address';
import {
  blockRange,
  resolvePlan,
  rewritePlan,
  sheetsToInspect,
  validatePlan,
  type SheetDetails,
  type WorkbookOverview,
} from './plan';
import {
  fingerprint,
  REGISTRY_NS,
  registryFromXml,
  registryToXml,
  SETTINGS_NS,
  settingsFromXml,
  settingsToXml,
  type SettingsMap,
} from './registry';
import { ownedCells, plannedCells, tableInputRanges, withInputValues } from './cells';
import { adaptPlanToHost, officeSupports, type ApiSetCheck } from './requirements';
import { blockFormats, type CellFormatSpec } from './styles';
import type {
  CellValue,
  ChangeEntry,
  RangeData,
  SourcesData,
  SourcesRequest,
  TableData,
  TableInfo,
  WorkbookGateway,
  WritePlan,
  WriteReport,
} from './types';

/** `Excel.run`'s shape, injectable so that tests can pass the fake. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Options of `ExcelGateway`. */
export interface ExcelGatewayOptions {
  /** Defaults to the global `Excel.run`. */
  run?: ExcelRun;
  /** Language of the change descriptions (default nl). */
  lang?: Lang;
  /** Which requirement sets the host supports (default `Office.context.requirements`). */
  supports?: ApiSetCheck;
}

/** The error code and message of an Office.js error, for `hostOfficeFailed`. */
function describeOfficeError(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; message?: unknown };
    return (
      [o.code, o.message].filter((x) => typeof x === 'string' && x.length > 0).join(': ') || JSON.stringify(e)
    );
  }
  return String(e);
}

function officeCode(e: unknown): string | undefined {
  return e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : undefined;
}

/** A matrix of `rows` × `cols` copies of `v`. */
function filled<V>(rows: number, cols: number, v: V): V[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
}

/** Office.js reads `null` as "leave this cell unchanged"; the pane means "blank", which is ''. */
function toWritable(rows: CellValue[][]): (string | number | boolean)[][] {
  return rows.map((row) => row.map((v) => (v === null ? '' : v)));
}

function applyFormat(range: Excel.Range, spec: CellFormatSpec): void {
  const format = range.format;
  if (spec.fill !== undefined) format.fill.color = spec.fill;
  const font = format.font;
  if (spec.bold !== undefined) font.bold = spec.bold;
  if (spec.italic !== undefined) font.italic = spec.italic;
  if (spec.size !== undefined) font.size = spec.size;
  if (spec.fontColor !== undefined) font.color = spec.fontColor;
  if (spec.wrapText !== undefined) format.wrapText = spec.wrapText;
}

/** The workbook gateway over Office.js. */
export class ExcelGateway implements WorkbookGateway {
  private readonly run: ExcelRun;
  private readonly supports: ApiSetCheck;
  private lang: Lang;

  constructor(options: ExcelGatewayOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.supports = options.supports ?? officeSupports;
    this.lang = options.lang ?? 'nl';
  }

  /** Sets the language of later change descriptions. */
  setLanguage(lang: Lang): void {
    this.lang = lang;
  }

  private say(key: StringKey, vars: Record<string, string | number> = {}): string {
    return t(this.lang, key, vars);
  }

  /** Runs a batch; Office errors become `hostOfficeFailed` so the shell can show them in nl/en. */
  private async batch<T>(action: string, fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(fn);
    } catch (e) {
      if (isCalcError(e)) throw e;
      throw new CalcError('hostOfficeFailed', { argument: action, received: describeOfficeError(e) });
    }
  }

  async apply(requestedPlan: WritePlan): Promise<WriteReport> {
    validatePlan(requestedPlan);
    // Charts newer than the manifest's minimum are checked here and replaced when missing.
    const { plan, fallbacks } = adaptPlanToHost(requestedPlan, this.supports, this.lang);
    if (plan !== requestedPlan) validatePlan(plan);
    return this.batch(plan.action, async (ctx) => {
      const wb = ctx.workbook;

      // Sync 1: the overview.
      const sheets = wb.worksheets.load('items/name,items/id');
      const bookProtection = wb.protection.load('protected');
      const names = wb.names.load('items/name,items/formula');
      const tables = wb.tables.load('items/name,items/worksheet/name');
      const registryParts = wb.customXmlParts.getByNamespace(REGISTRY_NS).load('items/id');
      await ctx.sync();

      // Sync 2: the registry, when the pane wrote this workbook before.
      const registryPart = registryParts.items[0];
      const registryXml = registryPart?.getXml();
      if (registryXml) await ctx.sync();
      const overview: WorkbookOverview = {
        sheets: sheets.items.map((s) => ({ name: s.name, id: s.id })),
        structureProtected: bookProtection.protected,
        tables: tables.items.map((x) => ({ name: x.name, sheet: x.worksheet.name })),
        names: names.items.map((n) => ({ name: n.name, formula: n.formula })),
        registry: registryFromXml(registryXml?.value),
      };

      // Sync 3: protection and content of the requested sheets that are ours, to detect edits.
      const inspected = sheetsToInspect(plan, overview).map((name) => {
        const ws = wb.worksheets.getItem(name);
        return {
          name,
          protection: ws.protection.load('protected'),
          used: ws.getUsedRangeOrNullObject(true).load('address,formulas'),
          tables: ws.tables.load('items/name'),
          charts: ws.charts.load('items/name'),
        };
      });
      if (inspected.length > 0) await ctx.sync();
      const details = new Map<string, SheetDetails>(
        inspected.map((x) => [
          x.name,
          {
            protected: x.protection.protected,
            address: x.used.isNullObject ? '' : stripSheet(x.used.address),
            formulas: x.used.isNullObject ? [] : x.used.formulas,
            tables: x.tables.items.map((tb) => tb.name),
            charts: x.charts.items.length,
          },
        ]),
      );

      // Decide (may throw: nothing has been queued yet).
      const resolution = resolvePlan(plan, overview, details);
      const final = rewritePlan(plan, resolution);

      // Sync 4: every write, then a read-back for the fingerprints. Within the batch, Excel runs
      // the commands in order, so the order matters: (1) all sheets exist, (2) all tables exist
      // with their rows (a formula with a structured reference is refused while its table does
      // not exist, and `[@Col]` is refused outside a table), (3) the names, (4) the blocks, with
      // number formats before formulas so that text-formatted ('@') cells keep their text,
      // (5) charts over the written data.
      const changes: ChangeEntry[] = [];
      /** Indices in `changes` of the charts drawn otherwise or left out (also shown as notices). */
      const fallbackEntries = new Set<number>();
      const sheetsWritten = resolution.targets.map((target, i) => {
        const actual = target.actual;
        if (target.mode === 'create') return { target, sp: final.sheets[i], ws: wb.worksheets.add(actual) };
        // The user's input values replace the planned ones (see `mergeCells`).
        const sp = target.inputValues
          ? withInputValues(final.sheets[i], target.inputValues)
          : final.sheets[i];
        const ws = wb.worksheets.getItem(actual);
        // Ours and unedited (fingerprint matched): clear it completely before rewriting.
        const old = inspected.find((x) => x.name === actual);
        old?.charts.items.forEach((c) => c.delete());
        old?.tables.items.forEach((tb) => tb.delete());
        ws.getRange().clear();
        ws.freezePanes.unfreeze();
        return { target, sp, ws };
      });

      // All tables exist (header row only) before any table body is written: a body may refer
      // to another table of the same plan (e.g. a category lookup table).
      const tablesCreated = sheetsWritten.flatMap(({ target, sp, ws }) =>
        (sp.tables ?? []).map((table) => {
          const grid: CellValue[][] = [table.headers, ...table.rows];
          const address = blockRange(table.at, grid);
          const header = ws.getRange(blockRange(table.at, [table.headers]));
          header.values = [table.headers];
          const created = ws.tables.add(ws.getRange(address), true);
          created.name = table.name;
          applyFormat(header, blockFormats.header);
          return { target, ws, table, address };
        }),
      );
      for (const { target, ws, table, address } of tablesCreated) {
        const at = parseCell(table.at);
        if (at && table.rows.length > 0) {
          const body = ws.getRange(blockRange(cellAddress({ row: at.row + 1, col: at.col }), table.rows));
          const formats = table.columnFormats;
          if (formats?.some((f) => f !== null)) {
            body.numberFormat = table.rows.map(() => table.headers.map((_, j) => formats[j] ?? 'General'));
          }
          body.formulas = toWritable(table.rows);
          // The body of the input columns looks like input (issue 11, Build 10).
          for (const range of tableInputRanges(table)) applyFormat(ws.getRange(range), blockFormats.input);
        }
        const requested = resolution.tableRenames.find((r) => r.actual === table.name)?.requested;
        changes.push({
          sheet: target.actual,
          range: address,
          description: requested
            ? this.say('host.change.tableRenamed', { name: table.name, rows: table.rows.length, requested })
            : this.say('host.change.table', { name: table.name, rows: table.rows.length }),
        });
      }

      for (const name of resolution.replaceNames) wb.names.getItem(name).delete();
      const nameChanges: ChangeEntry[] = [];
      for (const name of final.names ?? []) {
        wb.names.add(name.name, name.ref, name.comment);
        nameChanges.push({
          sheet: this.say('host.change.workbook'),
          range: name.name,
          description: this.say('host.change.name', { name: name.name, ref: name.ref.replace(/^=/, '') }),
        });
      }

      const written = sheetsWritten.map(({ target, sp, ws }, i) => {
        const actual = target.actual;
        for (const block of sp.blocks) {
          const address = blockRange(block.at, block.cells);
          const range = ws.getRange(address);
          const rows = block.cells.length;
          const cols = block.cells[0].length;
          if (block.numberFormat !== undefined) {
            range.numberFormat =
              typeof block.numberFormat === 'string'
                ? filled(rows, cols, block.numberFormat)
                : block.numberFormat;
          }
          range.formulas = toWritable(block.cells);
          if (block.style) applyFormat(range, blockFormats[block.style]);
          if (block.validation) {
            range.dataValidation.rule = { list: { inCellDropDown: true, source: block.validation.list } };
          }
          changes.push({
            sheet: actual,
            range: address,
            description: this.say(rows * cols === 1 ? 'host.change.cell' : 'host.change.block', {
              cells: rows * cols,
              style: this.say(`host.style.${block.style ?? 'plain'}` as StringKey),
            }),
          });
        }
        // The user's notes beside the tables, written back as typed after the clear.
        for (const [address, v] of target.keep ?? []) ws.getRange(address).formulas = toWritable([[v]]);
        (sp.charts ?? []).forEach((chart, ci) => {
          const c = ws.charts.add(
            chart.type as Excel.ChartType,
            ws.getRange(chart.source),
            (chart.seriesBy ?? 'Auto') as Excel.ChartSeriesBy,
          );
          c.title.text = chart.title;
          c.setPosition(chart.at, chart.to);
          const fb = fallbacks.find((f) => f.sheetIndex === i && f.chartIndex === ci);
          if (fb) fallbackEntries.add(changes.length);
          if (fb?.hideFirstSeries) {
            const base = c.series.getItemAt(0).format;
            base.fill.clear();
            base.line.lineStyle = 'None';
          }
          changes.push({
            sheet: actual,
            range: chart.to ? `${chart.at}:${chart.to}` : chart.at,
            description: fb
              ? this.say('host.change.chartFallback', {
                  title: chart.title,
                  requested: fb.requested,
                  set: fb.set.name,
                  version: fb.set.version,
                  helper: fb.helper ?? '',
                })
              : this.say('host.change.chart', { title: chart.title }),
          });
        });
        for (const fb of fallbacks.filter((f) => f.sheetIndex === i && f.chartIndex < 0)) {
          fallbackEntries.add(changes.length);
          changes.push({
            sheet: actual,
            range: '',
            description: this.say('host.change.chartOmitted', {
              title: fb.title,
              requested: fb.requested,
              set: fb.set.name,
              version: fb.set.version,
            }),
          });
        }
        for (const [col, width] of Object.entries(sp.columnWidths ?? {})) {
          ws.getRange(`${col}:${col}`).format.columnWidth = width;
        }
        if (sp.freezeRows) ws.freezePanes.freezeRows(sp.freezeRows);
        if (i === 0) ws.activate();
        ws.load('id');
        return {
          target,
          ws,
          used: ws.getUsedRangeOrNullObject(true).load('address,formulas'),
          tables: ws.tables.load('items/name'),
          charts: ws.charts.load('items/name'),
        };
      });
      changes.push(...nameChanges);
      await ctx.sync();

      // Sync 5: record what the pane now owns, with fingerprints of what Excel actually holds.
      const registry = overview.registry;
      for (const key of Object.keys(registry.sheets)) {
        if (!overview.sheets.some((s) => s.name === key && s.id === registry.sheets[key].id))
          delete registry.sheets[key];
      }
      for (const w of written) {
        const after = {
          address: w.used.isNullObject ? '' : stripSheet(w.used.address),
          formulas: w.used.isNullObject ? [] : w.used.formulas,
          tables: w.tables.items.map((tb) => tb.name),
          charts: w.charts.items.length,
        };
        registry.sheets[w.target.actual] = {
          id: w.ws.id,
          requested: w.target.plan.name,
          fingerprint: fingerprint(after),
          // Roles and input values as planned (before the user's kept values replaced them).
          cells: ownedCells(plannedCells(final.sheets[resolution.targets.indexOf(w.target)]), after),
        };
      }
      const ownedNames = new Set([...registry.names, ...(final.names ?? []).map((n) => n.name)]);
      registry.names = [...ownedNames].filter(
        (n) => overview.names.some((x) => x.name === n) || (final.names ?? []).some((x) => x.name === n),
      );
      const xml = registryToXml(registry);
      if (registryPart) registryPart.setXml(xml);
      else wb.customXmlParts.add(xml);
      await ctx.sync();

      const notices = [
        ...resolution.redirected.flatMap((r) => {
          if (!r.cause || r.cause === 'foreign') return [];
          const vars = { requested: r.requested, actual: r.actual, cell: r.cell ?? '' };
          if (r.cause === 'computed' && r.cell) return [this.say('host.redirect.computed', vars)];
          if (r.cause === 'note' && r.cell) return [this.say('host.redirect.note', vars)];
          return [this.say('host.redirect.layout', vars)];
        }),
        ...resolution.targets.flatMap((tg) =>
          (tg.conflicts ?? []).map((c) =>
            this.say('host.kept.conflict', {
              sheet: tg.actual,
              cell: c.cell,
              kept: String(c.kept ?? ''),
              planned: String(c.planned ?? ''),
            }),
          ),
        ),
        ...changes.filter((_, k) => fallbackEntries.has(k)).map((c) => `${c.sheet}: ${c.description}`),
      ];
      return notices.length > 0
        ? { changes, redirected: resolution.redirected, notices }
        : { changes, redirected: resolution.redirected };
    });
  }

  async readSelection(): Promise<RangeData> {
    return this.batch('readSelection', async (ctx) => {
      const range = ctx.workbook.getSelectedRange().load('address,values,formulas');
      try {
        await ctx.sync();
      } catch (e) {
        if (officeCode(e) === 'InvalidSelection') throw new CalcError('hostSelectionLost', {});
        throw e;
      }
      const values = range.values as CellValue[][];
      const address = stripSheet(range.address);
      if (values.every((row) => row.every((v) => v === '' || v === null))) {
        throw new CalcError('hostSelectionEmpty', { received: address });
      }
      return { sheet: sheetOf(range.address), address, values, formulas: range.formulas as string[][] };
    });
  }

  async listTables(): Promise<TableInfo[]> {
    return this.batch('listTables', async (ctx) => {
      const tables = ctx.workbook.tables.load('items/name,items/worksheet/name');
      await ctx.sync();
      const parts = tables.items.map((tb) => {
        const rows = tb.rows;
        rows.load('count');
        return {
          tb,
          rows,
          range: tb.getRange().load('address'),
          header: tb.getHeaderRowRange().load('values'),
        };
      });
      if (parts.length > 0) await ctx.sync();
      return parts.map((p) => ({
        name: p.tb.name,
        sheet: p.tb.worksheet.name,
        address: stripSheet(p.range.address),
        headers: (p.header.values[0] ?? []).map(String),
        rowCount: p.rows.count,
      }));
    });
  }

  async readTable(name: string): Promise<TableData> {
    return this.batch('readTable', async (ctx) => {
      const all = ctx.workbook.tables.load('items/name');
      const table = ctx.workbook.tables.getItemOrNullObject(name).load('name,worksheet/name');
      await ctx.sync();
      if (table.isNullObject) {
        throw new CalcError('hostTableMissing', {
          argument: name,
          available: all.items.map((x) => x.name).join(', '),
        });
      }
      const range = table.getRange().load('address');
      const header = table.getHeaderRowRange().load('values');
      const body = table.getDataBodyRange().load('values');
      await ctx.sync();
      const rows = body.values as CellValue[][];
      return {
        name: table.name,
        sheet: table.worksheet.name,
        address: stripSheet(range.address),
        headers: (header.values[0] ?? []).map(String),
        rowCount: rows.length,
        rows,
      };
    });
  }

  async readSources(request: SourcesRequest): Promise<SourcesData> {
    return this.batch('readSources', async (ctx) => {
      const wb = ctx.workbook;
      // Sync 1: which names and tables exist, and where the names point.
      const names = wb.names.load('items/name,items/formula');
      const tables = wb.tables.load('items/name,items/worksheet/name');
      await ctx.sync();
      const wantNames = new Set((request.names ?? []).map((n) => n.toLowerCase()));
      const wantTables = new Set((request.tables ?? []).map((n) => n.toLowerCase()));
      const cells = names.items
        .filter((n) => wantNames.has(n.name.toLowerCase()))
        .flatMap((n) => {
          const ref = n.formula.replace(/^=/, '');
          const sheet = sheetOf(ref);
          const first = stripSheet(ref).split(':')[0].replace(/\$/g, '');
          if (!sheet || !parseCell(first)) return [];
          return [{ name: n.name, range: wb.worksheets.getItem(sheet).getRange(first).load('values') }];
        });
      const parts = tables.items
        .filter((tb) => wantTables.has(tb.name.toLowerCase()))
        .map((tb) => ({
          tb,
          range: tb.getRange().load('address'),
          header: tb.getHeaderRowRange().load('values'),
          body: tb.getDataBodyRange().load('values'),
        }));
      // Sync 2: the values.
      if (cells.length + parts.length > 0) await ctx.sync();
      const out: SourcesData = { names: {}, tables: {} };
      for (const c of cells) {
        const requested = (request.names ?? []).find((n) => n.toLowerCase() === c.name.toLowerCase())!;
        out.names[requested] = (c.range.values[0]?.[0] ?? null) as CellValue;
      }
      for (const p of parts) {
        const rows = p.body.values as CellValue[][];
        const requested = (request.tables ?? []).find((n) => n.toLowerCase() === p.tb.name.toLowerCase())!;
        out.tables[requested] = {
          name: p.tb.name,
          sheet: p.tb.worksheet.name,
          address: stripSheet(p.range.address),
          headers: (p.header.values[0] ?? []).map(String),
          rowCount: rows.length,
          rows,
        };
      }
      return out;
    });
  }

  /** Reads the settings part: one sync, plus one when the part exists. */
  private async readSettings(
    ctx: Excel.RequestContext,
  ): Promise<{ part?: Excel.CustomXmlPart; settings: SettingsMap }> {
    const parts = ctx.workbook.customXmlParts.getByNamespace(SETTINGS_NS).load('items/id');
    await ctx.sync();
    const part = parts.items[0];
    if (!part) return { settings: new Map() };
    const xml = part.getXml();
    await ctx.sync();
    return { part, settings: settingsFromXml(xml.value) };
  }

  async loadSetting<T>(key: string): Promise<T | undefined> {
    return this.batch('loadSetting', async (ctx) => {
      const json = (await this.readSettings(ctx)).settings.get(key);
      if (json === undefined) return undefined;
      try {
        return JSON.parse(json) as T;
      } catch (e) {
        throw new CalcError('hostSettingCorrupt', {
          argument: key,
          received: e instanceof Error ? e.message : String(e),
        });
      }
    });
  }

  async saveSetting<T>(key: string, value: T): Promise<void> {
    return this.batch('saveSetting', async (ctx) => {
      const { part, settings } = await this.readSettings(ctx);
      const json = JSON.stringify(value);
      // JSON.stringify(undefined) is undefined: saving undefined removes the setting.
      if (json === undefined) settings.delete(key);
      else settings.set(key, json);
      const next = settingsToXml(settings);
      if (part) part.setXml(next);
      else ctx.workbook.customXmlParts.add(next);
      await ctx.sync();
    });
  }
}
