/**
 * The change report in the pane's language, and grouped by sheet. The gateway writes each
 * change's description in the language active at the time of the write; when the user switches
 * language afterwards, `describeChange` recognises the description as one of the gateway's
 * templates (`host.change.*`, with its `host.style.*` word) and says it again in the new language,
 * and `summarizeSheet` counts a sheet's changes by kind for the one-line summary.
 * Pure: no DOM, no Office.
 */
import type { Lang } from '../../core/messages/types';
import type { ChangeEntry } from '../host/types';
import { strings, t, type StringKey } from '../i18n';

/** The kinds a change description can be recognised as. */
export type ChangeKind = 'cells' | 'table' | 'chart' | 'name' | 'other';

const KIND: Record<string, ChangeKind> = {
  'host.change.block': 'cells',
  'host.change.cell': 'cells',
  'host.change.table': 'table',
  'host.change.tableRenamed': 'table',
  'host.change.chart': 'chart',
  'host.change.chartFallback': 'chart',
  'host.change.chartOmitted': 'other',
  'host.change.name': 'name',
};
const CHANGE_KEYS = Object.keys(KIND) as StringKey[];
const STYLE_KEYS = (Object.keys(strings) as StringKey[]).filter((k) => k.startsWith('host.style.'));
const LANGS: Lang[] = ['nl', 'en'];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Compiled {
  key: StringKey;
  lang: Lang;
  re: RegExp;
  vars: string[];
}

let compiled: Compiled[] | undefined;

/** One anchored pattern per template and language, `{name}` matching any text. */
function patterns(): Compiled[] {
  if (compiled) return compiled;
  compiled = [];
  for (const key of CHANGE_KEYS) {
    for (const lang of LANGS) {
      const template: string = strings[key][lang];
      const vars: string[] = [];
      const source = template
        .split(/(\{\w+\})/)
        .map((part) => {
          const m = /^\{(\w+)\}$/.exec(part);
          if (!m) return escapeRegExp(part);
          vars.push(m[1]);
          return '([\\s\\S]*?)';
        })
        .join('');
      compiled.push({ key, lang, re: new RegExp(`^${source}$`), vars });
    }
  }
  // Longer templates first: 'tabel {name} met {rows} rijen (…)' before 'tabel {name} met {rows} rijen'.
  compiled.sort((a, b) => b.re.source.length - a.re.source.length);
  return compiled;
}

/** What a description says: its template, values and kind; undefined when it is no gateway template. */
export function parseChange(
  description: string,
): { key: StringKey; vars: Record<string, string>; kind: ChangeKind } | undefined {
  for (const p of patterns()) {
    const m = p.re.exec(description);
    if (!m) continue;
    const vars: Record<string, string> = {};
    p.vars.forEach((name, i) => (vars[name] = m[i + 1]));
    return { key: p.key, vars, kind: KIND[p.key] };
  }
  return undefined;
}

/** The word for a style (`host.style.*`) in `lang`, whichever language it was written in. */
function styleIn(word: string, lang: Lang): string {
  for (const key of STYLE_KEYS) {
    if (LANGS.some((l) => strings[key][l] === word)) return t(lang, key);
  }
  return word;
}

/** A change's description in `lang` (unchanged when it is not one of the gateway's templates). */
export function describeChange(description: string, lang: Lang): string {
  const parsed = parseChange(description);
  if (!parsed) return description;
  const vars = { ...parsed.vars };
  if (vars.style !== undefined) vars.style = styleIn(vars.style, lang);
  return t(lang, parsed.key, vars);
}

/** A sheet column value in `lang`: the gateway's "(werkmap)" / "(workbook)" label is translated. */
export function sheetLabel(sheet: string, lang: Lang): string {
  return LANGS.some((l) => strings['host.change.workbook'][l] === sheet)
    ? t(lang, 'host.change.workbook')
    : sheet;
}

/** The number of cells in an A1 range ('B2:C9' → 16, 'A1' → 1); 0 when it is not a cell range. */
export function cellsInRange(range: string): number {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(range.trim());
  if (!m) return 0;
  const col = (s: string): number => [...s].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const c1 = col(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}

/** One sheet's changes. */
export interface SheetGroup {
  sheet: string;
  changes: ChangeEntry[];
}

/** The changes grouped by sheet, in the order each sheet first appears. */
export function groupBySheet(changes: ChangeEntry[]): SheetGroup[] {
  const groups = new Map<string, SheetGroup>();
  for (const c of changes) {
    const g = groups.get(c.sheet) ?? { sheet: c.sheet, changes: [] };
    g.changes.push(c);
    groups.set(c.sheet, g);
  }
  return [...groups.values()];
}

/** The one-line summary of a sheet's changes in `lang`, e.g. '240 cellen, 1 tabel, 2 grafieken'. */
export function summarizeSheet(changes: ChangeEntry[], lang: Lang): string {
  let cells = 0;
  const counts: Record<Exclude<ChangeKind, 'cells'>, number> = { table: 0, chart: 0, name: 0, other: 0 };
  for (const c of changes) {
    const parsed = parseChange(c.description);
    const kind = parsed?.kind ?? 'other';
    if (kind === 'cells') cells += Number(parsed?.vars.cells ?? NaN) || cellsInRange(c.range) || 1;
    else counts[kind] += 1;
  }
  const part = (n: number, one: StringKey, many: StringKey): string[] =>
    n === 0
      ? []
      : [n === 1 ? t(lang, one) : t(lang, many, { n: n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB') })];
  return [
    ...part(cells, 'pane.report.cell', 'pane.report.cells'),
    ...part(counts.table, 'pane.report.table', 'pane.report.tables'),
    ...part(counts.chart, 'pane.report.chart', 'pane.report.charts'),
    ...part(counts.name, 'pane.report.name', 'pane.report.names'),
    ...part(counts.other, 'pane.report.other', 'pane.report.others'),
  ].join(', ');
}
