/**
 * The renderer: a {@link WorkbookModel} (the pane's plans laid out, or a portable workbook) to an
 * .xlsx file, and an .xlsx file back to a model, with ExcelJS (MIT, maintained; it writes tables,
 * defined names, formulas with cached results, number formats, data validation and styles, so no
 * OOXML is written by hand).
 *
 * What the file stores is the file format's spelling, not the Excel UI's (see `fileForm.ts` and
 * `structured.ts`): `_xldudf_IND_FTE(...)`, `_xlfn.QUARTILE.INC(...)`, `Table[[#This Row],[Col]]`.
 *
 * Not written: charts. Every chart a plan asks for becomes a note cell at the chart's place saying
 * that it was left out (and docs/engine.md says so).
 */
import ExcelJS from 'exceljs';
import { columnNumber } from '../core/norms/address';
import { blockFormats } from '../taskpane/host/styles';
import type { BlockStyle } from '../taskpane/host/types';
import { fromFileFormula, toFileFormula } from './fileForm';
import {
  cellKey,
  isFormula,
  parseCellRef,
  parseKey,
  type CellModel,
  type ComputedValue,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
} from './model';
import { structuredToFileForm } from './structured';

/** The note written where a plan asked for a chart (Dutch first, English after). */
export function chartNote(title: string): string {
  return (
    `Grafiek "${title}" is niet in dit bestand opgenomen (het .xlsx-bestand wordt zonder Excel ` +
    `geschreven). / Chart "${title}" is not included in this file (written without Excel).`
  );
}

/** Options of {@link renderXlsx}. */
export interface RenderOptions {
  /** Cached results per sheet and cell key (`row,col`), written with the formulas. */
  cached?: Map<string, Map<string, ComputedValue>>;
}

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

function applyStyle(cell: ExcelJS.Cell, style: BlockStyle): void {
  const f = blockFormats[style];
  cell.font = {
    ...(f.bold !== undefined ? { bold: f.bold } : {}),
    ...(f.italic !== undefined ? { italic: f.italic } : {}),
    ...(f.size !== undefined ? { size: f.size } : {}),
    ...(f.fontColor ? { color: { argb: argb(f.fontColor) } } : {}),
  };
  if (f.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.fill) } };
  if (f.wrapText) cell.alignment = { wrapText: true };
}

function toExcelResult(v: ComputedValue | undefined): ExcelJS.CellFormulaValue['result'] {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object') return { error: v.error as ExcelJS.ErrorValue };
  return v;
}

/** The formula of a cell as the file stores it (without the leading `=`, as ExcelJS wants it). */
export function fileFormulaOf(
  wb: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  f: string,
): string {
  return toFileFormula(structuredToFileForm(wb, sheet, row, col, f)).slice(1);
}

function cellValue(
  wb: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  c: CellModel,
  cached: ComputedValue | undefined,
): ExcelJS.CellValue {
  const v = c.content;
  if (v === null || v === '') return null;
  if (isFormula(v)) {
    const formula = fileFormulaOf(wb, sheet, row, col, v);
    const result = toExcelResult(cached ?? c.cached);
    if (c.arrayRef) {
      return { formula, result, shareType: 'array', ref: c.arrayRef } as unknown as ExcelJS.CellValue;
    }
    return result === undefined ? { formula } : { formula, result };
  }
  return v;
}

/** Writes the model to an .xlsx file. */
export async function renderXlsx(model: WorkbookModel, options: RenderOptions = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'IND Rekenmodel';
  book.calcProperties.fullCalcOnLoad = true;
  for (const s of model.sheets) {
    const ws = book.addWorksheet(s.name, { state: s.state ?? 'visible' });
    const cached = options.cached?.get(s.name);
    const inTable = new Set<string>();
    for (const t of s.tables) addTable(model, s, ws, t, cached, inTable);
    for (const [k, c] of s.cells) {
      const { row, col } = parseKey(k);
      const cell = ws.getCell(row, col);
      if (!inTable.has(k)) cell.value = cellValue(model, s, row, col, c, cached?.get(k));
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      if (c.style) applyStyle(cell, c.style);
      if (c.validation) cell.dataValidation = listValidation(c.validation);
    }
    for (const ch of s.charts ?? []) {
      const at = parseCellRef(ch.at);
      if (!at) continue;
      const cell = ws.getCell(at.row, at.col);
      if (cell.value === null || cell.value === undefined) {
        cell.value = chartNote(ch.title);
        applyStyle(cell, 'note');
      } else cell.note = chartNote(ch.title);
    }
    for (const [letters, points] of Object.entries(s.columnWidths ?? {})) {
      // Excel's width unit is one character of the default font, about 7 px = 5.25 pt.
      ws.getColumn(columnNumber(letters)).width = Math.round((points / 5.25) * 100) / 100;
    }
    if (s.freezeRows) ws.views = [{ state: 'frozen', ySplit: s.freezeRows }];
  }
  for (const n of model.names) {
    book.definedNames.add(n.ref.replace(/^=/, ''), n.name);
  }
  const out = await book.xlsx.writeBuffer();
  return Buffer.from(out);
}

/** An Excel list rule: values separated by commas, or a reference (`=$A$2:$A$5`). */
function listValidation(list: string): ExcelJS.DataValidation {
  const formula = list.startsWith('=') ? list.slice(1) : `"${list.replace(/"/g, '""')}"`;
  return { type: 'list', allowBlank: true, showErrorMessage: true, formulae: [formula] };
}

function addTable(
  model: WorkbookModel,
  s: SheetModel,
  ws: ExcelJS.Worksheet,
  t: TableModel,
  cached: Map<string, ComputedValue> | undefined,
  inTable: Set<string>,
): void {
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 1; r <= Math.max(1, t.rows); r++) {
    const line: ExcelJS.CellValue[] = [];
    for (let j = 0; j < t.headers.length; j++) {
      const k = cellKey(t.row + r, t.col + j);
      const c = s.cells.get(k);
      inTable.add(k);
      line.push(c ? cellValue(model, s, t.row + r, t.col + j, c, cached?.get(k)) : null);
    }
    rows.push(line);
  }
  for (let j = 0; j < t.headers.length; j++) inTable.add(cellKey(t.row, t.col + j));
  ws.addTable({
    name: t.name,
    ref: ws.getCell(t.row, t.col).address,
    headerRow: true,
    style: { theme: 'TableStyleLight1', showRowStripes: true },
    columns: t.headers.map((h) => ({ name: h, filterButton: true })),
    rows,
  });
}

/** A computed value of a file cell (its cached result), or undefined when it has none. */
function resultOf(v: ExcelJS.CellValue): ComputedValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object' && 'error' in v) return { error: String(v.error) };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.getTime() / 86400000 + 25569;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((p) => p.text).join('');
  return undefined;
}

/** Options of {@link readXlsx}. */
export interface ReadOptions {
  /** Keep cached results only (no formulas), e.g. to read what LibreOffice computed. */
  valuesOnly?: boolean;
}

/** Reads an .xlsx file into a model: formulas in the invariant form, cached results kept. */
export async function readXlsx(
  data: Buffer | ArrayBuffer,
  options: ReadOptions = {},
): Promise<WorkbookModel> {
  return modelFromBook(await loadBook(data), options);
}

/**
 * Loads an .xlsx with ExcelJS, with every shared formula turned into a plain one (so that a cell
 * can be rewritten without breaking the cells that shared its formula).
 */
export async function loadBook(data: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as ArrayBuffer);
  book.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as {
          sharedFormula?: string;
          shareType?: string;
          formula?: string;
          result?: unknown;
        } | null;
        if (v && typeof v === 'object' && (v.sharedFormula !== undefined || v.shareType === 'shared')) {
          const formula = cell.formula;
          cell.value = { formula, result: v.result } as ExcelJS.CellFormulaValue;
        }
      });
    });
  });
  return book;
}

/** The model of a loaded workbook (see {@link readXlsx}). */
export function modelFromBook(book: ExcelJS.Workbook, options: ReadOptions = {}): WorkbookModel {
  const model: WorkbookModel = { sheets: [], names: [] };
  book.eachSheet((ws) => {
    const sheet: SheetModel = {
      name: ws.name,
      cells: new Map(),
      tables: [],
      state: ws.state === 'visible' ? 'visible' : 'hidden',
    };
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value;
        const m: CellModel = { content: null };
        if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
          const fv = v as ExcelJS.CellFormulaValue & {
            sharedFormula?: string;
            shareType?: string;
            ref?: string;
          };
          const f = fv.formula ?? cell.formula;
          m.cached = resultOf(fv.result ?? null) ?? null;
          if (options.valuesOnly) m.content = m.cached as CellModel['content'];
          else if (f) {
            m.content = fromFileFormula(`=${f}`);
            if (fv.shareType === 'array' && fv.ref) m.arrayRef = fv.ref;
          } else m.content = m.cached as CellModel['content'];
        } else {
          const rv = resultOf(v);
          m.content = rv !== undefined && typeof rv === 'object' && rv !== null ? rv.error : (rv ?? null);
          if (rv !== undefined && typeof rv === 'object' && rv !== null) m.cached = rv;
        }
        if (cell.numFmt && cell.numFmt !== 'General') m.numberFormat = cell.numFmt;
        sheet.cells.set(cellKey(r, c), m);
      });
    });
    // The other cells of an array formula (a dynamic-array spill) hold only cached values: they
    // are the formula's, not constants a user typed.
    for (const [k, c] of [...sheet.cells]) {
      if (!c.arrayRef || options.valuesOnly) continue;
      const [a, b] = c.arrayRef.split(':');
      const tl = parseCellRef(a.replace(/\$/g, ''));
      const br = parseCellRef((b ?? a).replace(/\$/g, ''));
      if (!tl || !br) continue;
      for (let r = tl.row; r <= br.row; r++) {
        for (let col = tl.col; col <= br.col; col++) {
          const key = cellKey(r, col);
          const other = sheet.cells.get(key);
          if (key !== k && other && !isFormula(other.content)) {
            sheet.cells.set(key, {
              ...other,
              cached: other.cached ?? other.content,
              content: null,
            });
          }
        }
      }
    }
    const tables = (
      ws as unknown as {
        tables?: Record<string, { table?: ExcelJS.TableProperties & { tableRef?: string } }>;
      }
    ).tables;
    for (const t of Object.values(tables ?? {})) {
      const tp = t.table;
      if (!tp) continue;
      const ref = (tp.tableRef ?? tp.ref).split(':');
      const tl = parseCellRef(ref[0].replace(/\$/g, ''));
      const br = parseCellRef((ref[1] ?? ref[0]).replace(/\$/g, ''));
      if (!tl || !br) continue;
      sheet.tables.push({
        name: tp.name,
        row: tl.row,
        col: tl.col,
        headers: tp.columns.map((c) => c.name),
        rows: br.row - tl.row - (tp.totalsRow ? 1 : 0),
      });
    }
    model.sheets.push(sheet);
  });
  const names = (book.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const n of names) {
    if (n.ranges.length === 1) model.names.push({ name: n.name, ref: `=${n.ranges[0]}` });
  }
  return model;
}

/**
 * Writes the differences between two models into a loaded workbook, keeping everything else of
 * the file (styles, widths, validation): changed cells get their new content, sheets only in
 * `after` are added (hidden ones hidden), sheets only in `before` are removed.
 */
export function applyToBook(book: ExcelJS.Workbook, before: WorkbookModel, after: WorkbookModel): void {
  for (const s of before.sheets) {
    if (!after.sheets.some((x) => x.name === s.name)) {
      const ws = book.getWorksheet(s.name);
      if (ws) book.removeWorksheet(ws.id);
    }
  }
  for (const s of after.sheets) {
    const old = before.sheets.find((x) => x.name === s.name);
    let ws = book.getWorksheet(s.name);
    if (!ws) ws = book.addWorksheet(s.name, { state: s.state ?? 'visible' });
    const keys = new Set([...s.cells.keys(), ...(old?.cells.keys() ?? [])]);
    for (const k of keys) {
      const c = s.cells.get(k);
      const o = old?.cells.get(k);
      if (old && c && o && c.content === o.content) continue;
      const { row, col } = parseKey(k);
      const cell = ws.getCell(row, col);
      cell.value = c ? cellValue(after, s, row, col, { ...c, cached: undefined }, undefined) : null;
      if (!old && c) {
        if (c.numberFormat) cell.numFmt = c.numberFormat;
        if (c.style) applyStyle(cell, c.style);
      }
    }
    if (!old) {
      for (const [letters, points] of Object.entries(s.columnWidths ?? {})) {
        ws.getColumn(columnNumber(letters)).width = Math.round((points / 5.25) * 100) / 100;
      }
    }
  }
}

/**
 * Sets the cached result of formula cells in a loaded workbook, and the values of the cells that
 * array formulas spill into (`spilled`: cell keys by sheet).
 */
export function setResults(
  book: ExcelJS.Workbook,
  results: Map<string, Map<string, ComputedValue>>,
  spilled: Map<string, Set<string>> = new Map(),
): void {
  for (const [sheet, values] of results) {
    const ws = book.getWorksheet(sheet);
    if (!ws) continue;
    for (const [k, v] of values) {
      const { row, col } = parseKey(k);
      const cell = ws.getCell(row, col);
      const cur = cell.value;
      if (cur !== null && typeof cur === 'object' && 'formula' in cur) {
        cell.value = { ...cur, result: toExcelResult(v) };
      } else if (spilled.get(sheet)?.has(k)) {
        cell.value = v !== null && typeof v === 'object' ? { error: v.error as ExcelJS.ErrorValue } : v;
      }
    }
  }
}

/** Writes a loaded workbook to a buffer. */
export async function writeBook(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}
