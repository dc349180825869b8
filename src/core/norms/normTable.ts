/**
 * Validation and normalisation of norm-time tables (*normtijden*) before anything is written.
 *
 * Why so strict: a norm time feeds every workload and fte figure downstream, and Excel hides
 * the typical mistakes. A number stored as text ("12,5") is ignored by SUM, a blank counts as
 * 0, a duplicate code makes MATCH silently pick the first row, and hours typed as minutes make
 * the workload 60 times too small. Each of these gets its own message with the cell address.
 */
import { isBlank } from '../input';
import { cellAt } from './address';
import type { Cell, Issue, NormRow, RangeInput, Validated } from './types';

/** Norms below this many minutes per case are flagged: probably hours typed as minutes. */
export const MIN_PLAUSIBLE_MINUTES = 1;
/** Norms above this (100 hours per case) are flagged: probably seconds or a total. */
export const MAX_PLAUSIBLE_MINUTES = 6000;
/** When every norm is at most this, the whole set looks like hours. */
export const ALL_SMALL_LIMIT = 10;
/** The all-small check needs at least this many norms to mean anything. */
export const ALL_SMALL_MIN_COUNT = 3;
/** Earliest accepted valid-from year (the optional Geldig vanaf column). */
export const YEAR_MIN = 1990;
/** Latest accepted valid-from year. */
export const YEAR_MAX = 2100;

/** Column positions (0-based) inside the selection; -1 when absent. */
export interface NormColumns {
  code: number;
  name: number;
  minutes: number;
  validFrom: number;
  version: number;
}

const HEADER_SYNONYMS: Record<keyof NormColumns, string[]> = {
  code: ['code', 'productcode', 'product', 'productnummer'],
  name: ['naam', 'omschrijving', 'productnaam', 'name', 'description', 'productname'],
  minutes: [
    'normminuten',
    'normtijd',
    'normtijdminuten',
    'minuten',
    'norm',
    'normminutes',
    'minutes',
    'normtime',
  ],
  validFrom: ['geldigvanaf', 'vanaf', 'jaar', 'validfrom', 'year'],
  version: ['versie', 'version', 'normversie'],
};

function headerKey(v: Cell): string {
  return typeof v === 'string' ? v.toLowerCase().replace(/[^a-z0-9]/g, '') : '';
}

/** The one blank test of the input vocabulary (null, undefined or a string of spaces). */
export { isBlank };

/** True when text looks like a number a person typed (e.g. "12,5", "1.116,5", "30"). */
export function looksNumeric(text: string): boolean {
  return /^[-+]?(\d{1,3}([.,]\d{3})*|\d+)([.,]\d+)?$/.test(text.trim());
}

/**
 * Finds the columns of a norm table. When the first row is a header (it has text where the
 * minutes should be), columns are matched by name (Dutch or English); otherwise, and for any
 * required column the header does not name, the fixed order Code, Naam, Normminuten, Geldig
 * vanaf, Versie applies.
 */
export function detectNormColumns(values: Cell[][]): { header: boolean; columns: NormColumns } {
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const positional: NormColumns = {
    code: 0,
    name: 1,
    minutes: 2,
    validFrom: width > 3 ? 3 : -1,
    version: width > 4 ? 4 : -1,
  };
  const first = values[0] ?? [];
  const keys = first.map(headerKey);
  const found = (k: keyof NormColumns): number =>
    keys.findIndex((h) => h !== '' && HEADER_SYNONYMS[k].includes(h));
  const named: NormColumns = {
    code: found('code'),
    name: found('name'),
    minutes: found('minutes'),
    validFrom: found('validFrom'),
    version: found('version'),
  };
  const namesSomething = Object.values(named).some((i) => i >= 0);
  const minutesCell = first[named.minutes >= 0 ? named.minutes : 2];
  const header =
    namesSomething ||
    (typeof minutesCell === 'string' && !looksNumeric(minutesCell) && typeof first[0] === 'string');
  if (!header) return { header: false, columns: positional };
  if (named.code >= 0 && named.name >= 0 && named.minutes >= 0) return { header: true, columns: named };
  return { header: true, columns: positional };
}

/** Headers listed in a message before "and n more". */
const MAX_HEADERS_LISTED = 6;

/** A header cell that names a period (P01, T1, 2021, 2026-03, P01 2021, Periode 4): a volume table's column. */
function isPeriodHeader(h: string): boolean {
  const rest = h
    .replace(/\b(19|20)\d{2}\b/g, ' ')
    .replace(/^[\s\-_/]+|[\s\-_/]+$/g, '')
    .trim();
  return rest === '' || /^(p|t|m|periode|period|maand|month|tertaal)?\s*\d{1,2}$/i.test(rest);
}

/**
 * The `normNotANormTable` issue when a header row names no norm-minutes column, else undefined.
 * Recognises a volume table (most columns after the first name a period) to say so.
 */
export function notANormTable(headerRow: readonly Cell[], rangeLabel: string): Issue | undefined {
  const keys = headerRow.map(headerKey);
  if (keys.some((h) => h !== '' && HEADER_SYNONYMS.minutes.includes(h))) return undefined;
  const texts = headerRow.map((h) => displayValue(h).trim()).filter((h) => h !== '');
  const rest = texts.slice(1);
  const periods = rest.filter(isPeriodHeader).length;
  return {
    code: 'normNotANormTable',
    severity: 'error',
    details: {
      received: rangeLabel,
      headers: texts.slice(0, MAX_HEADERS_LISTED).join(', '),
      headersMore: Math.max(0, texts.length - MAX_HEADERS_LISTED),
      looksLike: rest.length > 0 && periods * 2 >= rest.length ? 'volumes' : 'other',
    },
  };
}

function displayValue(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'WAAR/TRUE' : 'ONWAAR/FALSE';
  return String(v);
}

/** Excel's MATCH compares text without case, so codes are compared on this key. */
export function codeKey(code: string | number): string {
  return String(code).trim().toUpperCase();
}

/**
 * Validates a norm-time range (a selection or a table with its header) and returns the clean
 * rows plus every problem, each with its cell address. Blank rows are skipped, so selecting
 * whole columns works. `version` names the norm set for rows that have no Versie column.
 *
 * Nothing here rounds: minutes are kept exactly as typed.
 *
 * @example
 * validateNormRange({ sheet: 'Blad1', address: 'A1:C3', values: [['Code','Naam','Normminuten'],
 *   ['S1','Spoor 1',120],['S4','Spoor 4','12,5']] }, '2021').issues[0].details.cell // 'Blad1!C3'
 */
export function validateNormRange(input: RangeInput, version: string): Validated<NormRow> {
  const issues: Issue[] = [];
  const rows: NormRow[] = [];
  const { values, sheet, address } = input;
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const rangeLabel = `${sheet}!${address}`;
  if (values.length === 0 || values.every((r) => r.every((v) => isBlank(v)))) {
    issues.push({ code: 'normSelectionEmpty', severity: 'error', details: { received: rangeLabel } });
    return { rows, issues };
  }
  if (width < 3) {
    issues.push({
      code: 'normColumnsMissing',
      severity: 'error',
      details: { received: rangeLabel, columns: width },
    });
    return { rows, issues };
  }
  const { header, columns } = detectNormColumns(values);
  // The wrong table is recognised by its header, before any row is checked: a volume table read
  // as norms gets one "not a norm table", not one year error per row.
  const wrong = header ? notANormTable(values[0] ?? [], rangeLabel) : undefined;
  if (wrong) {
    issues.push(wrong);
    return { rows, issues };
  }
  const start = header ? 1 : 0;
  const defaultVersion = version.trim();
  const seen = new Map<string, string>();
  let dataRows = 0;
  let versionMissingReported = false;

  for (let r = start; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    dataRows++;
    const cell = (c: number): string => cellAt(sheet, address, r, c);
    const rowNo = r + 1;
    let ok = true;

    const rawCode = row[columns.code];
    let code: string | number | null = null;
    if (isBlank(rawCode) || typeof rawCode === 'boolean') {
      issues.push({
        code: 'normCodeBlank',
        severity: 'error',
        details: { cell: cell(columns.code), row: rowNo },
      });
      ok = false;
    } else {
      code = typeof rawCode === 'string' ? rawCode.trim() : rawCode;
      if (typeof code === 'string' && /[*?~]/.test(code)) {
        issues.push({
          code: 'normCodeWildcard',
          severity: 'error',
          details: { cell: cell(columns.code), row: rowNo, received: code },
        });
        ok = false;
      }
    }
    const codeText = code === null ? '' : String(code);

    const rawVersion = columns.version >= 0 ? row[columns.version] : null;
    const rowVersion = isBlank(rawVersion) ? defaultVersion : displayValue(rawVersion).trim();
    if (rowVersion === '') {
      if (!versionMissingReported) {
        issues.push({ code: 'normVersionBlank', severity: 'error', details: { argument: 'Versie' } });
        versionMissingReported = true;
      }
      ok = false;
    }

    const rawMinutes = row[columns.minutes];
    let minutes: number | null = null;
    const mCell = cell(columns.minutes);
    if (isBlank(rawMinutes)) {
      issues.push({
        code: 'normMinutesBlank',
        severity: 'error',
        details: { cell: mCell, row: rowNo, code: codeText },
      });
    } else if (typeof rawMinutes !== 'number' || !Number.isFinite(rawMinutes)) {
      const text = displayValue(rawMinutes);
      issues.push({
        code: 'normMinutesText',
        severity: 'error',
        details: {
          cell: mCell,
          row: rowNo,
          code: codeText,
          received: text,
          hint: typeof rawMinutes === 'string' && looksNumeric(rawMinutes) ? 'decimalText' : 'text',
        },
      });
    } else if (rawMinutes < 0) {
      issues.push({
        code: 'normMinutesNegative',
        severity: 'error',
        details: { cell: mCell, row: rowNo, code: codeText, received: String(rawMinutes) },
      });
    } else {
      minutes = rawMinutes;
      if (rawMinutes < MIN_PLAUSIBLE_MINUTES) {
        issues.push({
          code: 'normMinutesTooSmall',
          severity: 'warning',
          details: { cell: mCell, row: rowNo, code: codeText, received: String(rawMinutes) },
        });
      } else if (rawMinutes > MAX_PLAUSIBLE_MINUTES) {
        issues.push({
          code: 'normMinutesTooLarge',
          severity: 'warning',
          details: {
            cell: mCell,
            row: rowNo,
            code: codeText,
            received: String(rawMinutes),
            limit: MAX_PLAUSIBLE_MINUTES,
          },
        });
      }
    }
    if (minutes === null) ok = false;

    let validFrom: number | null = null;
    if (columns.validFrom >= 0 && !isBlank(row[columns.validFrom])) {
      const y = row[columns.validFrom];
      if (typeof y === 'number' && Number.isInteger(y) && y >= YEAR_MIN && y <= YEAR_MAX) {
        validFrom = y;
      } else {
        issues.push({
          code: 'normYearInvalid',
          severity: 'error',
          details: {
            cell: cell(columns.validFrom),
            row: rowNo,
            code: codeText,
            received: displayValue(y),
            min: YEAR_MIN,
            max: YEAR_MAX,
          },
        });
        ok = false;
      }
    }

    if (code !== null && rowVersion !== '') {
      const key = `${rowVersion.toUpperCase()}|${codeKey(code)}`;
      const prev = seen.get(key);
      if (prev !== undefined) {
        issues.push({
          code: 'normCodeDuplicate',
          severity: 'error',
          details: {
            cell: prev,
            otherCell: cell(columns.code),
            row: rowNo,
            received: codeText,
            version: rowVersion,
          },
        });
        ok = false;
      } else {
        seen.set(key, cell(columns.code));
      }
    }

    const name = displayValue(columns.name >= 0 ? row[columns.name] : null).trim();
    if (ok && code !== null && minutes !== null) {
      rows.push({ code, name, minutes, validFrom, version: rowVersion });
    }
  }

  if (dataRows === 0) {
    issues.push({ code: 'normSelectionEmpty', severity: 'error', details: { received: rangeLabel } });
  }
  const valid = rows.map((r) => r.minutes);
  if (valid.length >= ALL_SMALL_MIN_COUNT && valid.every((m) => m <= ALL_SMALL_LIMIT)) {
    issues.push({
      code: 'normMinutesAllSmall',
      severity: 'warning',
      details: { count: valid.length, range: rangeLabel, limit: ALL_SMALL_LIMIT },
    });
  }
  return { rows, issues };
}

/**
 * Merges freshly imported norms into the existing table: every version present in `incoming`
 * replaces that version's rows; other versions stay side by side, unchanged and in place.
 * Incoming versions that are new are appended after the existing ones.
 */
export function mergeNormVersions(existing: readonly NormRow[], incoming: readonly NormRow[]): NormRow[] {
  const replaced = new Set(incoming.map((r) => r.version.toUpperCase()));
  const out: NormRow[] = [];
  const emitted = new Set<string>();
  for (const r of existing) {
    const v = r.version.toUpperCase();
    if (!replaced.has(v)) {
      out.push(r);
    } else if (!emitted.has(v)) {
      // Put the new rows of a replaced version where that version used to be.
      emitted.add(v);
      out.push(...incoming.filter((n) => n.version.toUpperCase() === v));
    }
  }
  for (const r of incoming) {
    if (!emitted.has(r.version.toUpperCase())) out.push(r);
  }
  return out;
}

/** The distinct versions of a norm table, in first-seen order. */
export function normVersions(rows: readonly NormRow[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const k = r.version.toUpperCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(r.version);
    }
  }
  return out;
}
