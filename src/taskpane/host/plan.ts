/**
 * The pure half of applying a `WritePlan`: validating it, deciding where each sheet goes
 * (our own unedited sheet, or a new "Name (2)" when the user edited ours or owns the name),
 * renaming tables whose names are taken, and refusing names the pane does not own. Everything
 * here runs BEFORE any write is queued, so a refusal leaves the workbook untouched.
 * Office-free: `excelGateway.ts` feeds it what it loaded.
 */
import { CalcError } from '../../core/errors';
import { blockAddress, parseCell, renameSheetRefs, renameTableRefs, sheetNameProblem } from './address';
import { fingerprint, type Registry, type SheetState } from './registry';
import { checkCells, mergeCells, plannedCells, type KeptConflict } from './cells';
import type { CellValue, Redirect, SheetPlan, WritePlan } from './types';

/** Throws `hostPlanInvalid` for `what` in `plan`. */
function invalid(plan: WritePlan, expected: string, received: string): never {
  throw new CalcError('hostPlanInvalid', { argument: plan.action, expected, received });
}

function isRect(cells: unknown[][]): boolean {
  return (
    cells.length > 0 &&
    cells.every((row) => Array.isArray(row) && row.length === cells[0].length && row.length > 0)
  );
}

/**
 * Checks a plan's shape: valid sheet names (each once), valid top-left cells, rectangular
 * blocks within Excel's grid, number-format matrices matching their block, tables with
 * headers and rows of the header's width, and names that look like names.
 */
export function validatePlan(plan: WritePlan): void {
  const seen = new Set<string>();
  const tables = new Set<string>();
  for (const sheet of plan.sheets) {
    const problem = sheetNameProblem(sheet.name);
    if (problem)
      throw new CalcError('hostSheetNameInvalid', {
        argument: 'sheet',
        received: sheet.name,
        expected: problem,
      });
    if (seen.has(sheet.name.toLowerCase()))
      invalid(plan, 'each sheet once per plan', `'${sheet.name}' twice`);
    seen.add(sheet.name.toLowerCase());
    for (const block of sheet.blocks) {
      const at = parseCell(block.at);
      if (!at) invalid(plan, 'a top-left cell like B2', `'${block.at}' on '${sheet.name}'`);
      if (!isRect(block.cells))
        invalid(
          plan,
          'a rectangular, non-empty block of cells',
          `a ragged block at ${block.at} on '${sheet.name}'`,
        );
      const rows = block.cells.length;
      const cols = block.cells[0].length;
      if (at.row + rows > 1048576 || at.col + cols > 16384)
        invalid(plan, 'a block inside the sheet', `${rows}×${cols} cells at ${block.at}`);
      if (Array.isArray(block.numberFormat)) {
        const nf = block.numberFormat;
        if (nf.length !== rows || nf.some((r) => !Array.isArray(r) || r.length !== cols)) {
          invalid(
            plan,
            `one number format per cell (${rows}×${cols})`,
            `a format matrix of another size at ${block.at}`,
          );
        }
      }
    }
    for (const table of sheet.tables ?? []) {
      if (!parseCell(table.at))
        invalid(plan, 'a top-left cell like A4', `'${table.at}' for table ${table.name}`);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(table.name))
        invalid(plan, 'a table name of letters, digits and _', `'${table.name}'`);
      if (tables.has(table.name.toLowerCase()))
        invalid(plan, 'each table name once per plan', `'${table.name}' twice`);
      tables.add(table.name.toLowerCase());
      if (table.headers.length === 0)
        invalid(plan, 'at least one header', `table ${table.name} without headers`);
      const bad = table.rows.findIndex((r) => r.length !== table.headers.length);
      if (bad >= 0)
        invalid(
          plan,
          `${table.headers.length} cells per row`,
          `${table.rows[bad].length} in row ${bad + 1} of ${table.name}`,
        );
      if (table.columnFormats && table.columnFormats.length !== table.headers.length) {
        invalid(
          plan,
          `${table.headers.length} column formats`,
          `${table.columnFormats.length} for ${table.name}`,
        );
      }
    }
    for (const chart of sheet.charts ?? []) {
      if (!parseCell(chart.at) || (chart.to !== undefined && !parseCell(chart.to))) {
        invalid(
          plan,
          'chart corners like H2',
          `'${chart.at}'${chart.to ? `–'${chart.to}'` : ''} for chart '${chart.title}'`,
        );
      }
    }
  }
  for (const name of plan.names ?? []) {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name.name) || /^[A-Za-z]{1,3}\d+$/.test(name.name)) {
      invalid(plan, 'a defined name of letters, digits and _ that is not a cell address', `'${name.name}'`);
    }
  }
}

/** The address of a block written at `at` with `cells`. */
export function blockRange(at: string, cells: unknown[][]): string {
  const pos = parseCell(at);
  if (!pos)
    throw new CalcError('hostPlanInvalid', { argument: at, expected: 'a cell like B2', received: at });
  return blockAddress(pos, cells.length, cells[0]?.length ?? 1);
}

/** Candidate sheet names for a requested one: 'X', 'X (2)', 'X (3)', … truncated to Excel's 31 characters. */
export function candidateName(requested: string, n: number): string {
  if (n === 1) return requested;
  const suffix = ` (${n})`;
  return requested.slice(0, 31 - suffix.length) + suffix;
}

/** What the first load told the gateway about the workbook. */
export interface WorkbookOverview {
  sheets: { name: string; id: string }[];
  structureProtected: boolean;
  tables: { name: string; sheet: string }[];
  names: { name: string; formula: string }[];
  registry: Registry;
}

/** Sheet names whose details (protection, content) the gateway must load to decide. */
export function sheetsToInspect(plan: WritePlan, ov: WorkbookOverview): string[] {
  const out: string[] = [];
  for (const sheet of plan.sheets) {
    for (let n = 1; ; n++) {
      const name = candidateName(sheet.name, n);
      const existing = ov.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (!existing) break;
      if (ov.registry.sheets[existing.name]?.id === existing.id) out.push(existing.name);
    }
  }
  return out;
}

/** Details loaded for one sheet named by `sheetsToInspect`. */
export interface SheetDetails extends SheetState {
  protected: boolean;
}

/** Where one planned sheet goes. */
export interface Target {
  plan: SheetPlan;
  actual: string;
  /** 'create' a new sheet, or 'rewrite' our own unedited sheet (clear it first). */
  mode: 'create' | 'rewrite';
  /** On 'rewrite': the tables and charts currently on it (ours), to delete before writing. */
  existingTables: string[];
  existingCharts: number;
  /** On 'rewrite': the user's input values that replace the planned ones, by A1 address. */
  inputValues?: Map<string, CellValue>;
  /** On 'rewrite': the user's notes to write back after clearing, by A1 address. */
  keep?: Map<string, CellValue>;
  /** On 'rewrite': inputs both the user and the pane changed (the user's value is kept). */
  conflicts?: KeptConflict[];
}

/** The decisions for a plan, and the plan with references rewritten to follow them. */
export interface Resolution {
  targets: Target[];
  redirected: Redirect[];
  /** Table renames (requested → actual) because the name was taken by something not ours. */
  tableRenames: { requested: string; actual: string }[];
  /** Names the pane owns already and replaces (delete + add). */
  replaceNames: string[];
}

/**
 * Decides where every sheet of the plan goes and which names may be (re)written, or throws a
 * `CalcError` (protected sheet, protected workbook, a name the pane does not own). Pure.
 */
export function resolvePlan(
  plan: WritePlan,
  ov: WorkbookOverview,
  details: Map<string, SheetDetails>,
): Resolution {
  const claimed = new Set<string>();
  const targets: Target[] = [];
  const redirected: Resolution['redirected'] = [];
  for (const sheet of plan.sheets) {
    let cause: Pick<Redirect, 'cause' | 'cell'> | undefined;
    const because = (c: Pick<Redirect, 'cause' | 'cell'>): void => {
      cause ??= c;
    };
    for (let n = 1; ; n++) {
      const name = candidateName(sheet.name, n);
      if (claimed.has(name.toLowerCase())) continue;
      const existing = ov.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (!existing) {
        if (ov.structureProtected) throw new CalcError('hostWorkbookProtected', { argument: name });
        targets.push({ plan: sheet, actual: name, mode: 'create', existingTables: [], existingCharts: 0 });
        claimed.add(name.toLowerCase());
        break;
      }
      const owned = ov.registry.sheets[existing.name];
      const d = details.get(existing.name);
      if (!owned || owned.id !== existing.id || !d) {
        because({ cause: 'foreign' });
        continue;
      }
      // A protected sheet of ours gets its own message (never a silent copy).
      if (d.protected) throw new CalcError('hostSheetProtected', { argument: existing.name });
      const base = {
        plan: sheet,
        actual: existing.name,
        mode: 'rewrite' as const,
        existingTables: d.tables,
        existingCharts: d.charts,
      };
      if (owned.cells) {
        const check = checkCells(owned.cells, d);
        if (check.edit) {
          because({ cause: check.edit.kind, ...(check.edit.cell ? { cell: check.edit.cell } : {}) });
          continue;
        }
        const merge = mergeCells(owned.cells, check, plannedCells(sheet));
        if (merge.blockedBy) {
          because({ cause: 'note', cell: merge.blockedBy });
          continue;
        }
        targets.push({
          ...base,
          inputValues: merge.inputValues,
          keep: merge.keep,
          conflicts: merge.conflicts,
        });
      } else {
        // Written before the pane kept cell roles: any change makes the sheet the user's.
        if (fingerprint(d) !== owned.fingerprint) {
          because({ cause: 'computed' });
          continue;
        }
        targets.push(base);
      }
      claimed.add(name.toLowerCase());
      break;
    }
    const actual = targets[targets.length - 1].actual;
    if (actual !== sheet.name) redirected.push({ requested: sheet.name, actual, ...cause });
  }

  // Tables: a name is free when no table or defined name uses it, or when the table sits on a
  // sheet we are about to rewrite (it is ours and goes away first).
  const freed = new Set(targets.flatMap((t) => t.existingTables.map((n) => n.toLowerCase())));
  const taken = new Set([
    ...ov.tables.map((t) => t.name.toLowerCase()).filter((n) => !freed.has(n)),
    ...ov.names.map((n) => n.name.toLowerCase()),
  ]);
  const tableRenames: Resolution['tableRenames'] = [];
  for (const sheet of plan.sheets) {
    for (const table of sheet.tables ?? []) {
      let actual = table.name;
      for (let n = 2; taken.has(actual.toLowerCase()); n++) actual = `${table.name}_${n}`;
      taken.add(actual.toLowerCase());
      if (actual !== table.name) tableRenames.push({ requested: table.name, actual });
    }
  }

  const replaceNames: string[] = [];
  const tableNames = new Set(ov.tables.map((t) => t.name.toLowerCase()));
  for (const name of plan.names ?? []) {
    const existing = ov.names.find((n) => n.name.toLowerCase() === name.name.toLowerCase());
    if (existing) {
      if (!ov.registry.names.some((n) => n.toLowerCase() === name.name.toLowerCase())) {
        throw new CalcError('hostNameTaken', { argument: name.name, received: existing.formula });
      }
      replaceNames.push(existing.name);
    } else if (tableNames.has(name.name.toLowerCase())) {
      throw new CalcError('hostNameTaken', { argument: name.name, received: `table ${name.name}` });
    }
  }
  return { targets, redirected, tableRenames, replaceNames };
}

/** Applies `fn` to every formula of a value (constants pass through). */
function mapFormula(v: CellValue, fn: (f: string) => string): CellValue {
  return typeof v === 'string' && v.startsWith('=') ? fn(v) : v;
}

/**
 * The plan with every formula and name reference rewritten to follow redirected sheets and
 * renamed tables, so that a write to "IND Rekenblad (2)" still refers to itself.
 */
export function rewritePlan(plan: WritePlan, res: Resolution): WritePlan {
  if (res.redirected.length === 0 && res.tableRenames.length === 0) return plan;
  const fix = (f: string): string => {
    let out = f;
    for (const r of res.redirected) out = renameSheetRefs(out, r.requested, r.actual);
    for (const r of res.tableRenames) out = renameTableRefs(out, r.requested, r.actual);
    return out;
  };
  const renamedTable = (n: string): string => res.tableRenames.find((r) => r.requested === n)?.actual ?? n;
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) => ({
        ...b,
        cells: b.cells.map((row) => row.map((v) => mapFormula(v, fix))),
      })),
      tables: s.tables?.map((t) => ({
        ...t,
        name: renamedTable(t.name),
        rows: t.rows.map((row) => row.map((v) => mapFormula(v, fix))),
      })),
    })),
    names: plan.names?.map((n) => ({ ...n, ref: fix(n.ref.startsWith('=') ? n.ref : `=${n.ref}`) })),
  };
}
