/**
 * A workbook held in memory: sheets of cells (constants and invariant formulas), tables, defined
 * names and the formats the pane writes. The one shape that the renderer (`xlsx.ts`), the
 * evaluator (`workbook.ts`) and the portable transform (`portable/transform.ts`) share, built
 * either from the task pane's `WritePlan`s or from an .xlsx file. Pure: no I/O.
 */
import { a1, columnLetters, columnNumber, quoteSheet, topLeft } from '../core/norms/address';
import type { BlockStyle, CellValue, WritePlan } from '../taskpane/host/types';
import { isTableInputCell } from '../taskpane/host/cells';

/** A cell value computed by an engine (ours or LibreOffice) or cached in a file. */
export type ComputedValue = number | string | boolean | null | { error: string; message?: string };

/** One cell. `content` is a constant, a formula (`=...`) or null (blank, e.g. only a format). */
export interface CellModel {
  content: CellValue;
  numberFormat?: string;
  style?: BlockStyle;
  /** An in-cell list rule, as in `CellBlock.validation.list`. */
  validation?: string;
  /** The value stored with the formula in a file (what Excel computed last), when read from one. */
  cached?: ComputedValue;
  /** An array formula's range (`H5:H17`), when the file stores the cell as one. */
  arrayRef?: string;
}

/** An Excel table: header row at (`row`, `col`), 1-based, `rows` data rows below it. */
export interface TableModel {
  name: string;
  row: number;
  col: number;
  headers: string[];
  rows: number;
}

/** One sheet. Cells are keyed `row,col` (1-based). */
export interface SheetModel {
  name: string;
  cells: Map<string, CellModel>;
  tables: TableModel[];
  columnWidths?: Record<string, number>;
  freezeRows?: number;
  /** 'hidden' for the transform's helper sheets. */
  state?: 'visible' | 'hidden';
  /** Charts the plan asked for; the renderer writes a note instead (see `xlsx.ts`). */
  charts?: { title: string; at: string }[];
}

/** A workbook-scoped defined name; `ref` like `='IND Parameters'!$C$5`. */
export interface NameModel {
  name: string;
  ref: string;
  comment?: string;
}

/** A whole workbook. */
export interface WorkbookModel {
  sheets: SheetModel[];
  names: NameModel[];
}

/** The key of a cell in `SheetModel.cells`. */
export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

/** Row and column of a cell key. */
export function parseKey(key: string): { row: number; col: number } {
  const comma = key.indexOf(',');
  return { row: Number(key.slice(0, comma)), col: Number(key.slice(comma + 1)) };
}

/** True for a formula (a string beginning with `=`). */
export function isFormula(v: unknown): v is string {
  return typeof v === 'string' && v.startsWith('=');
}

/** An empty workbook. */
export function emptyWorkbook(): WorkbookModel {
  return { sheets: [], names: [] };
}

/** The sheet of that name (case-insensitive, as Excel), or undefined. */
export function findSheet(wb: WorkbookModel, name: string): SheetModel | undefined {
  const lower = name.toLowerCase();
  return wb.sheets.find((s) => s.name.toLowerCase() === lower);
}

/** The sheet of that name, created (appended) when missing. */
export function ensureSheet(wb: WorkbookModel, name: string): SheetModel {
  const found = findSheet(wb, name);
  if (found) return found;
  const sheet: SheetModel = { name, cells: new Map(), tables: [] };
  wb.sheets.push(sheet);
  return sheet;
}

/** Writes cells at `at` (top-left A1) onto a sheet, with the block's format and style. */
function putBlock(
  sheet: SheetModel,
  at: string,
  cells: CellValue[][],
  extra: (i: number, j: number) => Partial<CellModel>,
): void {
  const tl = topLeft(at);
  cells.forEach((line, i) =>
    line.forEach((v, j) => {
      const k = cellKey(tl.row + i, tl.column + j);
      const prev = sheet.cells.get(k);
      sheet.cells.set(k, { ...prev, content: v, ...extra(i, j) });
    }),
  );
}

/**
 * Lays one plan into the workbook as the gateway writes it: a sheet of the plan replaces a sheet
 * of the same name (the pane's own sheet is cleared and rewritten), tables first, then blocks,
 * then names (a name of the same name is replaced).
 */
export function addPlan(wb: WorkbookModel, plan: WritePlan): void {
  for (const sp of plan.sheets) {
    const existing = findSheet(wb, sp.name);
    const sheet: SheetModel = {
      name: sp.name,
      cells: new Map(),
      tables: [],
      columnWidths: sp.columnWidths,
      freezeRows: sp.freezeRows,
      charts: sp.charts?.map((c) => ({ title: c.title, at: c.at })),
    };
    if (existing) wb.sheets[wb.sheets.indexOf(existing)] = sheet;
    else wb.sheets.push(sheet);
    for (const t of sp.tables ?? []) {
      const tl = topLeft(t.at);
      sheet.tables.push({
        name: t.name,
        row: tl.row,
        col: tl.column,
        headers: t.headers,
        rows: t.rows.length,
      });
      putBlock(sheet, t.at, [t.headers], () => ({ style: 'header' }));
      // The cells the user edits have the input style, by the gateway's own rule.
      putBlock(sheet, a1(tl.row + 1, tl.column), t.rows, (i, j) => {
        const nf = t.columnFormats?.[j];
        return {
          ...(nf ? { numberFormat: nf } : {}),
          ...(isTableInputCell(t, i, j) ? { style: 'input' as const } : {}),
        };
      });
    }
    for (const b of sp.blocks) {
      putBlock(sheet, b.at, b.cells, (i, j) => ({
        numberFormat: typeof b.numberFormat === 'string' ? b.numberFormat : b.numberFormat?.[i]?.[j],
        style: b.style,
        validation: b.validation?.list,
      }));
    }
  }
  for (const n of plan.names ?? []) {
    const ref = n.ref.startsWith('=') ? n.ref : `=${n.ref}`;
    const i = wb.names.findIndex((x) => x.name.toLowerCase() === n.name.toLowerCase());
    const entry: NameModel = { name: n.name, ref, comment: n.comment };
    if (i >= 0) wb.names[i] = entry;
    else wb.names.push(entry);
  }
}

/** A workbook made of plans applied in order, like the pane's actions one after another. */
export function workbookFromPlans(...plans: WritePlan[]): WorkbookModel {
  const wb = emptyWorkbook();
  for (const p of plans) addPlan(wb, p);
  return wb;
}

/** A deep copy (cells and tables copied; values are immutable). */
export function cloneWorkbook(wb: WorkbookModel): WorkbookModel {
  return {
    sheets: wb.sheets.map((s) => ({
      ...s,
      cells: new Map([...s.cells].map(([k, c]) => [k, { ...c }])),
      tables: s.tables.map((t) => ({ ...t, headers: [...t.headers] })),
      charts: s.charts?.map((c) => ({ ...c })),
    })),
    names: wb.names.map((n) => ({ ...n })),
  };
}

/** The table of that name anywhere in the workbook, with its sheet. */
export function findTable(
  wb: WorkbookModel,
  name: string,
): { sheet: SheetModel; table: TableModel } | undefined {
  const lower = name.toLowerCase();
  for (const sheet of wb.sheets) {
    const table = sheet.tables.find((t) => t.name.toLowerCase() === lower);
    if (table) return { sheet, table };
  }
  return undefined;
}

/** The table on `sheet` whose data rows contain (row, col), if any. */
export function tableAt(sheet: SheetModel, row: number, col: number): TableModel | undefined {
  return sheet.tables.find(
    (t) => row > t.row && row <= t.row + t.rows && col >= t.col && col < t.col + t.headers.length,
  );
}

/** The cell address `'Sheet'!B5`. */
export function qualified(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${columnLetters(col)}${row}`;
}

/** The used rectangle of a sheet (1-based, inclusive), or undefined when it has no cells. */
export function usedRange(sheet: SheetModel): { r0: number; c0: number; r1: number; c1: number } | undefined {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = 0;
  let c1 = 0;
  for (const k of sheet.cells.keys()) {
    const { row, col } = parseKey(k);
    r0 = Math.min(r0, row);
    c0 = Math.min(c0, col);
    r1 = Math.max(r1, row);
    c1 = Math.max(c1, col);
  }
  return r1 === 0 ? undefined : { r0, c0, r1, c1 };
}

/** Parses a cell reference `B5` / `$B$5` to 1-based row and column, or undefined. */
export function parseCellRef(text: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text);
  if (!m) return undefined;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}
