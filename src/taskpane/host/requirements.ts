/**
 * Office requirement sets at run time. `manifest.xml` declares the minimum the add-in needs
 * (`MANIFEST_SETS`): Office does not load the add-in where those are missing, so the pane uses
 * them without a check. Everything newer is checked here, with
 * `Office.context.requirements.isSetSupported`, before a plan is written, and replaced by
 * something the host can do, with a notice in the change report: never an unexplained failure.
 *
 * Today one feature is newer than the minimum: the Waterfall chart (ExcelApi 1.9). Where it is
 * missing the bridge is drawn as a stacked column chart over three helper columns (an
 * invisible base, the increases and the decreases), which puts every bar where the waterfall
 * puts it. Pure except for `officeSupports`, which reads the global `Office`.
 */
import type { Lang } from '../../core/messages/types';
import { t } from '../i18n';
import { parseCell } from './address';
import { columnLetters } from '../plans/formula';
import type { CellBlock, CellValue, ChartPlan, SheetPlan, WritePlan } from './types';

/** A requirement set and the minimum version a feature needs. */
export interface ApiSet {
  name: string;
  version: string;
}

/** `Office.context.requirements.isSetSupported`, injectable so tests can switch a set off. */
export type ApiSetCheck = (name: string, version: string) => boolean;

/** The sets manifest.xml declares (a test keeps the two equal). */
export const MANIFEST_SETS: readonly ApiSet[] = [
  { name: 'SharedRuntime', version: '1.1' },
  { name: 'CustomFunctionsRuntime', version: '1.3' },
  { name: 'ExcelApi', version: '1.8' },
];

const EXCEL_1_9: ApiSet = { name: 'ExcelApi', version: '1.9' };

/** Chart types newer than the manifest's ExcelApi 1.8 (from the Office.js reference). */
export const CHART_TYPE_SETS: Readonly<Record<string, ApiSet>> = {
  Waterfall: EXCEL_1_9,
  BoxWhisker: EXCEL_1_9,
  Funnel: EXCEL_1_9,
  Pareto: EXCEL_1_9,
  RegionMap: EXCEL_1_9,
  Sunburst: EXCEL_1_9,
  Treemap: EXCEL_1_9,
};

/**
 * The host's answer. Outside Office (node tests that inject their own `Excel.run`) there is no
 * `Office.context.requirements`, and every set counts as supported; pass an `ApiSetCheck` to the
 * gateway to test a missing set.
 */
export const officeSupports: ApiSetCheck = (name, version) => {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== 'function') return true;
  return requirements.isSetSupported(name, version);
};

/** What was done with a chart the host cannot draw. */
export interface ChartFallback {
  sheetIndex: number;
  /** Index in the adapted sheet's charts, or -1 when the chart was left out. */
  chartIndex: number;
  title: string;
  /** The chart type the plan asked for. */
  requested: string;
  set: ApiSet;
  /** The chart type drawn instead, or undefined when the chart was left out. */
  drawnAs?: string;
  /** Address of the helper columns the fallback chart draws from. */
  helper?: string;
  /** The first series is the invisible base of the bridge: the gateway clears its fill. */
  hideFirstSeries?: boolean;
}

/** A plan the host can write, and what had to change for that. */
export interface AdaptedPlan {
  plan: WritePlan;
  fallbacks: ChartFallback[];
}

/** A rectangle of a source address 'R4:S12' (zero-based). */
function rect(address: string): { r0: number; c0: number; r1: number; c1: number } | undefined {
  const [a, b = a] = address.split(':');
  const p = parseCell(a);
  const q = parseCell(b);
  if (!p || !q) return undefined;
  return { r0: p.row, c0: p.col, r1: q.row, c1: q.col };
}

/** The planned content of one cell of a sheet plan, and its number format (blocks only). */
function plannedCell(sheet: SheetPlan, row: number, col: number): { value: CellValue; format?: string } {
  for (const b of sheet.blocks) {
    const at = parseCell(b.at);
    if (!at) continue;
    const i = row - at.row;
    const j = col - at.col;
    if (i < 0 || j < 0 || i >= b.cells.length || j >= (b.cells[i]?.length ?? 0)) continue;
    const nf = b.numberFormat;
    return { value: b.cells[i][j], format: typeof nf === 'string' ? nf : nf?.[i]?.[j] };
  }
  return { value: null };
}

/** The first column right of everything the sheet plan writes or places, plus one blank column. */
function freeColumn(sheet: SheetPlan): number {
  let last = 0;
  const see = (address: string | undefined): void => {
    if (!address) return;
    for (const part of address.split(':')) {
      const p = parseCell(part);
      if (p) last = Math.max(last, p.col);
    }
  };
  for (const b of sheet.blocks) {
    const at = parseCell(b.at);
    if (at) last = Math.max(last, at.col + Math.max(...b.cells.map((r) => r.length)) - 1);
  }
  for (const tb of sheet.tables ?? []) {
    const at = parseCell(tb.at);
    if (at) last = Math.max(last, at.col + tb.headers.length - 1);
  }
  for (const c of sheet.charts ?? []) {
    see(c.source);
    see(c.at);
    see(c.to);
  }
  return last + 2;
}

const isHeaderValue = (v: CellValue): boolean =>
  typeof v === 'string' && !v.startsWith('=') && Number.isNaN(Number(v));

/**
 * The stacked-column version of a waterfall over a two-column source (label, change), or
 * undefined when the source is not of that shape. For each row with change v and running total
 * c (the sum up to and including the row): base = c − max(v, 0), increase = max(v, 0),
 * decrease = max(−v, 0). Each bar then spans from the running total before the row to the one
 * after it, as in the waterfall (exact while the running total stays at or above zero).
 */
function waterfallAsStackedColumns(
  sheet: SheetPlan,
  chart: ChartPlan,
  lang: Lang,
): { block: CellBlock; chart: ChartPlan; helper: string } | undefined {
  const r = rect(chart.source);
  if (!r || r.c1 - r.c0 !== 1 || r.r1 < r.r0) return undefined;
  const label = columnLetters(r.c0 + 1);
  const value = columnLetters(r.c1 + 1);
  const header = isHeaderValue(plannedCell(sheet, r.r0, r.c1).value);
  const first = r.r0 + (header ? 1 : 0) + 1; // one-based first data row
  const last = r.r1 + 1;
  if (last < first) return undefined;
  const format = plannedCell(sheet, first - 1, r.c1).format ?? 'General';
  const col = freeColumn(sheet);
  const cells: CellValue[][] = [
    [
      t(lang, 'host.fallback.step'),
      t(lang, 'host.fallback.base'),
      t(lang, 'host.fallback.increase'),
      t(lang, 'host.fallback.decrease'),
    ],
  ];
  for (let row = first; row <= last; row++) {
    const v = `N(${value}${row})`;
    const running = `SUM(${value}$${first}:${value}${row})`;
    cells.push([`=${label}${row}&""`, `=${running}-MAX(${v},0)`, `=MAX(${v},0)`, `=MAX(-${v},0)`]);
  }
  const at = `${columnLetters(col + 1)}${r.r0 + 1}`;
  const helper = `${at}:${columnLetters(col + 4)}${r.r0 + cells.length}`;
  const block: CellBlock = {
    at,
    cells,
    numberFormat: cells.map((row, i) => row.map((_, j) => (i === 0 || j === 0 ? '@' : format))),
    style: 'note',
  };
  return { block, chart: { ...chart, type: 'ColumnStacked', source: helper, seriesBy: 'Columns' }, helper };
}

/**
 * Replaces every chart the host cannot draw: a Waterfall by its stacked-column equivalent
 * (helper columns added to the same sheet, right of everything else), any other newer type by
 * nothing. Returns the plan unchanged (same object) when the host supports everything.
 */
export function adaptPlanToHost(plan: WritePlan, supports: ApiSetCheck, lang: Lang): AdaptedPlan {
  const fallbacks: ChartFallback[] = [];
  const verdict = new Map<string, boolean>();
  const supported = (set: ApiSet): boolean => {
    const key = `${set.name} ${set.version}`;
    let ok = verdict.get(key);
    if (ok === undefined) {
      ok = supports(set.name, set.version);
      verdict.set(key, ok);
    }
    return ok;
  };
  const sheets = plan.sheets.map((sheet, sheetIndex) => {
    if (!sheet.charts?.some((c) => CHART_TYPE_SETS[c.type] && !supported(CHART_TYPE_SETS[c.type])))
      return sheet;
    const blocks = [...sheet.blocks];
    const charts: ChartPlan[] = [];
    sheet.charts.forEach((chart) => {
      const set = CHART_TYPE_SETS[chart.type];
      if (!set || supported(set)) {
        charts.push(chart);
        return;
      }
      const chartIndex = charts.length;
      const alt =
        chart.type === 'Waterfall' ? waterfallAsStackedColumns({ ...sheet, blocks }, chart, lang) : undefined;
      if (!alt) {
        fallbacks.push({ sheetIndex, chartIndex: -1, title: chart.title, requested: chart.type, set });
        return;
      }
      blocks.push(alt.block);
      charts.push(alt.chart);
      fallbacks.push({
        sheetIndex,
        chartIndex,
        title: chart.title,
        requested: chart.type,
        set,
        drawnAs: alt.chart.type,
        helper: alt.helper,
        hideFirstSeries: true,
      });
    });
    return { ...sheet, blocks, charts };
  });
  if (fallbacks.length === 0) return { plan, fallbacks };
  return { plan: { ...plan, sheets }, fallbacks };
}
