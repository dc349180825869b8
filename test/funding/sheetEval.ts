/**
 * @deprecated A thin shim over THE evaluator, `src/engine/workbook.ts` (formulas through the CLI
 * engine and the function registry's adapters, as Excel calls them). Kept with its old exports so
 * that tests written against it keep working; the integrator deletes it after the merge. New tests:
 * use `WorkbookEvaluator` and `workbookFromPlans` directly.
 */
import { ExcelErrorValue } from '../../src/cli/engine';
import { addPlan, emptyWorkbook, type WorkbookModel } from '../../src/engine/model';
import { WorkbookEvaluator } from '../../src/engine/workbook';
import type { CellValue, WritePlan } from '../../src/taskpane/host/types';

type Pos = { sheet: string; row: number; col: number };

/** Parses "B12" into 1-based row/col. */
export function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad address ${a1}`);
  const col = m[1].split('').reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

/** The Excel error a formula produced ("#DIV/0!", "#VALUE!", ...), or undefined for a value. */
export function errorOf(v: unknown): string | undefined {
  if (v instanceof ExcelErrorValue) return v.code;
  if (typeof v === 'object' && v !== null && '_error' in v) return (v as { _error: string })._error;
  return typeof v === 'string' && /^#[A-Z/0!?]+$/.test(v) ? v : undefined;
}

/** A workbook built from plans, evaluated by `WorkbookEvaluator`. */
export class PlanWorkbook {
  private readonly model: WorkbookModel = emptyWorkbook();
  private readonly ev: WorkbookEvaluator;

  constructor(...plans: WritePlan[]) {
    for (const plan of plans) addPlan(this.model, plan);
    this.ev = new WorkbookEvaluator(this.model);
  }

  /** Lays out one more plan (a sheet of the same name is rewritten, as the gateway does). */
  add(plan: WritePlan): void {
    addPlan(this.model, plan);
    this.ev.invalidate();
  }

  /** Sets one cell, as a user typing into the sheet would. */
  set(sheet: string, a1: string, v: CellValue): void {
    this.ev.set(sheet, a1, v);
  }

  /** The raw content (constant or formula) of a cell. */
  raw(sheet: string, a1: string): CellValue | undefined {
    const { row, col } = parseA1(a1);
    const s = this.model.sheets.find((x) => x.name === sheet);
    return s?.cells.get(`${row},${col}`)?.content;
  }

  /** The computed value of a cell. */
  get(sheet: string, a1: string): unknown {
    return this.ev.get(sheet, a1);
  }

  /** Where a defined name points. */
  namePos(name: string): Pos | undefined {
    const n = this.model.names.find((x) => x.name === name);
    const m = n && /^='?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(n.ref);
    return m ? { sheet: m[1].replace(/''/g, "'"), ...parseA1(`${m[2]}${m[3]}`) } : undefined;
  }

  /** The computed value of a defined name. */
  getName(name: string): unknown {
    return this.ev.name(name);
  }

  /** Every formula cell, for "all formulas evaluate without error" checks. */
  formulaCells(): Pos[] & { formula: string }[] {
    return this.ev.formulaCells();
  }

  value(sheet: string, row: number, col: number): unknown {
    return this.ev.value(sheet, row, col);
  }
}
