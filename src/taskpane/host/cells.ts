/**
 * Edits in place: which cells of a sheet the pane computes and which a user is meant to edit.
 *
 * - **Input cells** are blocks styled `input` (or marked `editable`) and the table columns named in
 *   `TablePlan.inputColumns`: parameter values, the active-set choice, volume inputs. A user may
 *   change them; a rewrite keeps the user's value unless the pane itself changes that cell.
 * - **Computed cells** are every other non-blank cell the pane writes (titles, headers, formulas).
 *   An edit to one of them, or a moved or removed one (an inserted row, a deleted table), makes the
 *   sheet the user's: the next write goes to a new sheet and says which cell caused it.
 * - **Free cells** are all others: a note typed beside a table is kept as it is on a rewrite,
 *   unless the new plan needs that cell (then a new sheet, naming the cell).
 *
 * Pure and Office-free: the gateway feeds it what it loaded and read back.
 */
import { cellAddress, parseCell } from './address';
import { columnLetters } from '../plans/formula';
import { hashText, type OwnedCells, type SheetState } from './registry';
import type { CellValue, SheetPlan, TablePlan } from './types';

/** A cell the pane writes. */
export interface PlannedCell {
  role: 'computed' | 'input';
  value: CellValue;
}

const blank = (v: unknown): boolean => v === null || v === undefined || v === '';
const isFormula = (v: unknown): boolean => typeof v === 'string' && v.startsWith('=');

/** Values compared as Excel hands them back (null, undefined and '' are one blank). */
export function sameValue(a: unknown, b: unknown): boolean {
  // Loose on type: a number written into a text-formatted cell reads back as its text.
  return blank(a) ? blank(b) : !blank(b) && String(a) === String(b);
}

/**
 * True when cell (i, j) of a table's body is the user's to edit: its column is one of the table's
 * `inputColumns` and it holds no formula (a formula there, e.g. a linked value, is computed).
 * The one rule behind the cells' roles, the input style in Excel and in the rendered .xlsx.
 */
export function isTableInputCell(table: TablePlan, i: number, j: number): boolean {
  return (table.inputColumns ?? []).includes(table.headers[j]) && !isFormula(table.rows[i]?.[j]);
}

/** Every cell a sheet plan writes, by A1 address, with its role (later blocks win, as in Excel). */
export function plannedCells(sp: SheetPlan): Map<string, PlannedCell> {
  const out = new Map<string, PlannedCell>();
  const put = (row: number, col: number, value: CellValue, input: boolean): void => {
    const addr = cellAddress({ row, col });
    if (input) out.set(addr, { role: 'input', value });
    else if (!blank(value)) out.set(addr, { role: 'computed', value });
    else out.delete(addr);
  };
  for (const table of sp.tables ?? []) {
    const at = parseCell(table.at);
    if (!at) continue;
    table.headers.forEach((h, j) => put(at.row, at.col + j, h, false));
    table.rows.forEach((row, i) =>
      row.forEach((v, j) => put(at.row + 1 + i, at.col + j, v, isTableInputCell(table, i, j))),
    );
  }
  for (const block of sp.blocks) {
    const at = parseCell(block.at);
    if (!at) continue;
    const input = block.style === 'input' || block.editable === true;
    block.cells.forEach((row, i) => row.forEach((v, j) => put(at.row + i, at.col + j, v, input)));
  }
  return out;
}

/**
 * The input cells of a table's body, as blocks of one column: each run of consecutive non-formula
 * cells of each of its `inputColumns` (A1 address of the run, e.g. 'C5:C40'). The gateway gives
 * them the input style, so the values a user is meant to edit (parameter values, volumes, norm
 * minutes, model shares) look like inputs; a formula in an input column (a linked value) is
 * computed and keeps the table's look.
 */
export function tableInputRanges(table: TablePlan): string[] {
  const at = parseCell(table.at);
  if (!at) return [];
  const out: string[] = [];
  for (const header of table.inputColumns ?? []) {
    const j = table.headers.indexOf(header);
    if (j < 0) continue;
    let start = -1;
    const flush = (end: number): void => {
      if (start < 0) return;
      const top = cellAddress({ row: at.row + 1 + start, col: at.col + j });
      const bottom = cellAddress({ row: at.row + end, col: at.col + j });
      out.push(end - start === 1 ? top : `${top}:${bottom}`);
      start = -1;
    };
    table.rows.forEach((_r, i) => {
      if (!isTableInputCell(table, i, j)) flush(i);
      else if (start < 0) start = i;
    });
    flush(table.rows.length);
  }
  return out;
}

/** The content of one cell in a loaded used range ('' outside it). */
export function cellOf(state: SheetState, addr: string): CellValue {
  const tl = parseCell(state.address.split(':')[0] ?? '');
  const pos = parseCell(addr);
  if (!tl || !pos) return '';
  const v = state.formulas[pos.row - tl.row]?.[pos.col - tl.col];
  return v === undefined || v === null ? '' : (v as CellValue);
}

/** Every non-blank cell of a loaded used range, by A1 address. */
function filledCells(state: SheetState): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const tl = parseCell(state.address.split(':')[0] ?? '');
  if (!tl) return out;
  state.formulas.forEach((row, i) =>
    row.forEach((v, j) => {
      if (!blank(v)) out.set(cellAddress({ row: tl.row + i, col: tl.col + j }), v as CellValue);
    }),
  );
  return out;
}

/** "1-3,5" for columns [1, 2, 3, 5] (1-based). */
function packCols(cols: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < cols.length;) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
    parts.push(i === j ? `${cols[i]}` : `${cols[i]}-${cols[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

function unpackCols(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(',')) {
    if (part === '') continue;
    const [a, b] = part.split('-').map(Number);
    for (let c = a; c <= (b ?? a); c++) out.push(c);
  }
  return out;
}

/** Row and column hashes of the computed cells `rows` (1-based row → sorted 1-based columns). */
function hashes(
  rows: Map<number, number[]>,
  valueAt: (addr: string) => CellValue,
): { rows: OwnedCells['rows']; cols: OwnedCells['cols'] } {
  const outRows: OwnedCells['rows'] = {};
  const colValues = new Map<number, unknown[]>();
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const cols = rows.get(r)!;
    const values = cols.map((c) => {
      const v = valueAt(`${columnLetters(c)}${r}`);
      const list = colValues.get(c) ?? [];
      list.push(r, v);
      colValues.set(c, list);
      return v;
    });
    outRows[String(r)] = { cols: packCols(cols), hash: hashText(JSON.stringify(values)) };
  }
  const outCols: OwnedCells['cols'] = {};
  for (const [c, values] of colValues) outCols[columnLetters(c)] = hashText(JSON.stringify(values));
  return { rows: outRows, cols: outCols };
}

/**
 * What the registry keeps of a sheet just written: the computed cells as Excel holds them after
 * the write (read back, so that later comparisons see Excel's own spelling), and the input cells
 * as the pane PLANNED them (its intent, before a user's kept value replaced it): a user's value
 * kept once stays the user's on every later rewrite until the pane plans another value.
 */
export function ownedCells(planned: Map<string, PlannedCell>, after: SheetState): OwnedCells {
  const rows = new Map<number, number[]>();
  const inputs: OwnedCells['inputs'] = {};
  for (const [addr, cell] of planned) {
    const pos = parseCell(addr)!;
    if (cell.role === 'input') {
      inputs[addr] = cell.value === null ? '' : cell.value;
    } else {
      const list = rows.get(pos.row + 1) ?? [];
      list.push(pos.col + 1);
      rows.set(pos.row + 1, list);
    }
  }
  for (const list of rows.values()) list.sort((a, b) => a - b);
  const h = hashes(rows, (a) => cellOf(after, a));
  return { ...h, inputs, tables: [...after.tables].sort(), charts: after.charts };
}

/** Why a sheet of the pane's is no longer rewritten in place. */
export interface EditFound {
  /** 'computed': a computed cell changed; 'layout': tables or charts changed. */
  kind: 'computed' | 'layout';
  /** The first computed cell found changed (A1), when a cell is the cause. */
  cell?: string;
}

/** The state of a sheet the pane owns, compared with what the pane left there. */
export interface CellCheck {
  edit?: EditFound;
  /** Current values of the input cells the pane wrote. */
  inputs: Map<string, CellValue>;
  /** Non-blank cells the pane did not write (notes), by A1 address. */
  free: Map<string, CellValue>;
}

/** Compares a loaded sheet with what the pane left on it. */
export function checkCells(owned: OwnedCells, now: SheetState): CellCheck {
  const inputs = new Map<string, CellValue>();
  for (const addr of Object.keys(owned.inputs)) inputs.set(addr, cellOf(now, addr));
  const rows = new Map<number, number[]>();
  const computed = new Set<string>();
  for (const [r, { cols }] of Object.entries(owned.rows)) {
    const list = unpackCols(cols);
    rows.set(Number(r), list);
    for (const c of list) computed.add(`${columnLetters(c)}${r}`);
  }
  const free = new Map<string, CellValue>();
  for (const [addr, v] of filledCells(now))
    if (!computed.has(addr) && !(addr in owned.inputs)) free.set(addr, v);

  let edit: EditFound | undefined;
  const h = hashes(rows, (a) => cellOf(now, a));
  const badRow = Object.keys(owned.rows)
    .map(Number)
    .sort((a, b) => a - b)
    .find((r) => h.rows[String(r)]?.hash !== owned.rows[String(r)].hash);
  if (badRow !== undefined) {
    const cols = rows.get(badRow)!;
    const badCol = cols.find((c) => h.cols[columnLetters(c)] !== owned.cols[columnLetters(c)]);
    edit = { kind: 'computed', cell: `${columnLetters(badCol ?? cols[0])}${badRow}` };
  } else if (
    JSON.stringify([...now.tables].sort()) !== JSON.stringify([...owned.tables].sort()) ||
    now.charts !== owned.charts
  ) {
    edit = { kind: 'layout' };
  }
  return edit ? { edit, inputs, free } : { inputs, free };
}

/** A user's value the rewrite keeps although the pane planned another one. */
export interface KeptConflict {
  cell: string;
  kept: CellValue;
  planned: CellValue;
}

/** How a rewrite merges the user's cells with a new plan, or the cell that prevents it. */
export interface Merge {
  /** A free or input cell with the user's content where the new plan writes a computed cell. */
  blockedBy?: string;
  /** Input cells whose current (user's) value replaces the planned one. */
  inputValues: Map<string, CellValue>;
  /** Notes to write back after the rewrite (the sheet is cleared first). */
  keep: Map<string, CellValue>;
  conflicts: KeptConflict[];
}

/**
 * Three-way merge of an input cell: the value the pane wrote before (`owned.inputs`), the value
 * now (a user's edit when it differs) and the planned value (the pane's change when it differs
 * from before). A user's edit is kept; when both changed, the user's value is kept and reported.
 */
export function mergeCells(owned: OwnedCells, check: CellCheck, planned: Map<string, PlannedCell>): Merge {
  const inputValues = new Map<string, CellValue>();
  const conflicts: KeptConflict[] = [];
  const keep = new Map<string, CellValue>();
  for (const [addr, v] of check.free) {
    const p = planned.get(addr);
    if (p) return { blockedBy: addr, inputValues, keep, conflicts };
    keep.set(addr, v);
  }
  for (const [addr, now] of check.inputs) {
    const before = owned.inputs[addr];
    if (sameValue(now, before)) continue;
    const p = planned.get(addr);
    if (!p) {
      // The new plan no longer writes this input: keep the user's value as a note.
      if (!blank(now)) keep.set(addr, now);
      continue;
    }
    if (p.role === 'computed') return { blockedBy: addr, inputValues, keep, conflicts };
    if (!sameValue(p.value, before) && !sameValue(p.value, now))
      conflicts.push({ cell: addr, kept: now, planned: p.value });
    inputValues.set(addr, now);
  }
  return { inputValues, keep, conflicts };
}

/** The sheet plan with the user's input values in place of the planned ones. */
export function withInputValues(sp: SheetPlan, values: Map<string, CellValue>): SheetPlan {
  if (values.size === 0) return sp;
  const at = (a: string) => parseCell(a)!;
  const swap = (row: number, col: number, v: CellValue): CellValue => {
    const addr = cellAddress({ row, col });
    return values.has(addr) ? values.get(addr)! : v;
  };
  return {
    ...sp,
    blocks: sp.blocks.map((b) => {
      const p = at(b.at);
      return { ...b, cells: b.cells.map((row, i) => row.map((v, j) => swap(p.row + i, p.col + j, v))) };
    }),
    tables: sp.tables?.map((t) => {
      const p = at(t.at);
      return { ...t, rows: t.rows.map((row, i) => row.map((v, j) => swap(p.row + 1 + i, p.col + j, v))) };
    }),
  };
}
