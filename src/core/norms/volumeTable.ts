/**
 * Validation of a volume table (*volumes*): product codes down the first column, one column per
 * 4-week period, cases per product and period in the cells. Checked before the calculation
 * sheet is generated, so that nothing is written on bad input.
 */
import { cellAt } from './address';
import { codeKey, isBlank } from './normTable';
import type { Cell, Issue, NormRow } from './types';

/** A workbook table with its header row and data rows (mirrors the pane's `TableData`). */
export interface VolumeTableInput {
  name: string;
  sheet: string;
  /** Address of the whole table including the header row, without sheet. */
  address: string;
  headers: string[];
  rows: Cell[][];
}

/** The shape of a valid volume table. */
export interface VolumeShape {
  /** The header of the code column, e.g. 'Code'. */
  codeHeader: string;
  /** Period headers, in order. */
  periods: string[];
  /** Product codes, in table order (type as stored, so that Excel lookups keep matching). */
  codes: (string | number)[];
}

/** Codes that are shown in a message before "and n more". */
export const MAX_CODES_LISTED = 20;

/**
 * Validates a volume table: at least one period column and one row, no blank or duplicate
 * codes (compared as Excel's MATCH does, ignoring case), and every volume a number ≥ 0 or blank
 * (Excel counts a blank as 0, which is what an empty period means).
 */
export function validateVolumeTable(table: VolumeTableInput): { shape: VolumeShape; issues: Issue[] } {
  const issues: Issue[] = [];
  const periods = table.headers.slice(1);
  const codes: (string | number)[] = [];
  const nonBlank = table.rows.filter((r) => !r.every((v) => isBlank(v)));
  const shape: VolumeShape = { codeHeader: table.headers[0] ?? '', periods, codes };
  if (table.headers.length < 2 || nonBlank.length === 0) {
    issues.push({
      code: 'volumeTableEmpty',
      severity: 'error',
      details: { table: table.name, rows: nonBlank.length, columns: table.headers.length },
    });
    return { shape, issues };
  }
  const seen = new Map<string, string>();
  const lastUsed = table.rows.reduce((last, row, i) => (row.every((v) => isBlank(v)) ? last : i), -1);
  table.rows.forEach((row, i) => {
    // Row 0 of the table range is the header, so data row i sits at offset i + 1.
    const cell = (c: number): string => cellAt(table.sheet, table.address, i + 1, c);
    const raw = row[0];
    if (isBlank(raw) || typeof raw === 'boolean') {
      // A blank row between products breaks the sheet's row-by-row lookup of codes; trailing
      // blank rows (a table's empty last row) are harmless and skipped.
      if (!row.every((v) => isBlank(v)) || i < lastUsed) {
        issues.push({
          code: 'volumeCodeBlank',
          severity: 'error',
          details: { table: table.name, cell: cell(0), row: i + 1 },
        });
      }
      return;
    }
    const code = raw as string | number;
    codes.push(code);
    const key = codeKey(code);
    const prev = seen.get(key);
    if (prev !== undefined) {
      issues.push({
        code: 'volumeCodeDuplicate',
        severity: 'error',
        details: { table: table.name, cell: prev, otherCell: cell(0), received: String(code) },
      });
    } else {
      seen.set(key, cell(0));
    }
    periods.forEach((p, j) => {
      const v = row[j + 1] ?? null;
      if (isBlank(v)) return;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        issues.push({
          code: 'volumeValueInvalid',
          severity: 'error',
          details: {
            table: table.name,
            cell: cell(j + 1),
            code: String(code),
            period: p,
            received: String(v),
          },
        });
      }
    });
  });
  return { shape, issues };
}

/**
 * Codes of the volume table that have no norm in `version`. Compared as the sheet's lookup
 * does (text, ignoring case, spaces significant), so an empty result means every lookup hits.
 */
export function missingNormCodes(
  codes: readonly (string | number)[],
  norms: readonly NormRow[],
  version: string,
): string[] {
  const v = version.trim().toUpperCase();
  const have = new Set(
    norms.filter((n) => n.version.trim().toUpperCase() === v).map((n) => String(n.code).toUpperCase()),
  );
  const missing: string[] = [];
  const reported = new Set<string>();
  for (const c of codes) {
    const k = String(c).toUpperCase();
    if (!have.has(k) && !reported.has(k)) {
      reported.add(k);
      missing.push(String(c));
    }
  }
  return missing;
}

/** The `volumeCodesMissing` issue for a list of missing codes, or none when the list is empty. */
export function missingCodesIssue(table: string, version: string, missing: readonly string[]): Issue[] {
  if (missing.length === 0) return [];
  const shown = missing.slice(0, MAX_CODES_LISTED).map((c) => `"${c}"`);
  const more = missing.length - shown.length;
  return [
    {
      code: 'volumeCodesMissing',
      severity: 'error',
      details: {
        table,
        version,
        count: missing.length,
        codes: shown.join(', ') + (more > 0 ? ` (+${more})` : ''),
      },
    },
  ];
}
