/**
 * @deprecated A thin shim over THE evaluator, `src/engine/workbook.ts` (formulas through the CLI
 * engine and the function registry's adapters, as Excel calls them). Kept with its old exports so
 * that tests written against it keep working; the integrator deletes it after the merge. New tests:
 * use `WorkbookEvaluator` and `workbookFromPlans` directly.
 */
import { findTable, workbookFromPlans, type WorkbookModel } from '../../src/engine/model';
import { structuredToA1 } from '../../src/engine/structured';
import { WorkbookEvaluator } from '../../src/engine/workbook';
import type { CellValue, WritePlan } from '../../src/taskpane/host/types';

type Pos = { sheet: string; row: number; col: number };

/** An error value of a formula (the evaluator's `ExcelErrorValue` has `code` and `message`). */
export interface ErrorValue {
  code: string;
  message: string;
}

interface TableMeta {
  sheet: string;
  headerRow: number;
  col: number;
  headers: string[];
  rows: number;
}

/** A workbook built from a plan, evaluated by `WorkbookEvaluator`. */
export class PlanBook {
  readonly cells = new Map<string, CellValue>();
  readonly names = new Map<string, Pos>();
  readonly tables = new Map<string, TableMeta>();
  private readonly model: WorkbookModel;
  private readonly ev: WorkbookEvaluator;

  constructor(plan: WritePlan) {
    this.model = workbookFromPlans(plan);
    this.ev = new WorkbookEvaluator(this.model);
    for (const s of this.model.sheets) {
      for (const [k, c] of s.cells) this.cells.set(`${s.name}!${k}`, c.content);
      for (const t of s.tables)
        this.tables.set(t.name, {
          sheet: s.name,
          headerRow: t.row,
          col: t.col,
          headers: t.headers,
          rows: t.rows,
        });
    }
    for (const n of this.model.names) {
      const m = /^='?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(n.ref);
      if (m) {
        const col = m[2].split('').reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
        this.names.set(n.name, { sheet: m[1].replace(/''/g, "'"), row: Number(m[3]), col });
      }
    }
  }

  /** Replaces structured references with A1 ranges for a formula at (sheet,row). */
  translate(formula: string, sheet: string, row: number): string {
    const s = this.model.sheets.find((x) => x.name === sheet)!;
    const t = s.tables.find((x) => row > x.row && row <= x.row + x.rows);
    return structuredToA1(this.model, s, row, t?.col ?? 1, `=${formula}`).slice(1);
  }

  /** The value of a cell given as A1 on a sheet. */
  get(sheet: string, a1: string): unknown {
    return this.ev.get(sheet, a1);
  }

  /** The value of a defined name. */
  name(n: string): unknown {
    return this.ev.name(n);
  }

  /** The values of a table column. */
  column(table: string, column: string): unknown[] {
    const found = findTable(this.model, table);
    if (!found) throw new Error(`unknown table ${table}`);
    const t = found.table;
    const i = t.headers.indexOf(column);
    if (i < 0) throw new Error(`unknown column ${column}`);
    return Array.from({ length: t.rows }, (_, k) =>
      this.ev.value(found.sheet.name, t.row + 1 + k, t.col + i),
    );
  }

  /** Sets a cell as a user would type it; everything recomputes. */
  set(sheet: string, a1: string, v: CellValue): void {
    this.ev.set(sheet, a1, v);
  }

  /** Every formula cell. */
  formulas(): Pos[] {
    return this.ev.formulaCells().map(({ sheet, row, col }) => ({ sheet, row, col }));
  }

  value(sheet: string, row: number, col: number): unknown {
    return this.ev.value(sheet, row, col);
  }
}
