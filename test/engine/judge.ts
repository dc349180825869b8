/**
 * The engine test's judge: lay a state out, evaluate it with the project's evaluator (through the
 * adapters), let LibreOffice recalculate the rendered file, and compare cell by cell.
 */
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ExcelErrorValue } from '../../src/cli/engine';
import { recalculate } from '../../src/engine/libreoffice';
import {
  cellKey,
  cloneWorkbook,
  isFormula,
  parseKey,
  type ComputedValue,
  type WorkbookModel,
} from '../../src/engine/model';
import { WorkbookEvaluator, type EvalValue } from '../../src/engine/workbook';
import { readXlsx, renderXlsx } from '../../src/engine/xlsx';
import { columnLetters } from '../../src/core/norms/address';

/** True for a formula (a non-narrowing form of `isFormula`). */
const isF = (v: unknown): boolean => typeof v === 'string' && v.startsWith('=');

/** An evaluated value as a plain computed value. */
export function plain(v: EvalValue): ComputedValue {
  if (v instanceof ExcelErrorValue) return { error: v.code, message: v.message };
  return v;
}

/** True when a formula calls an IND.* function. */
export const callsInd = (f: string): boolean => /(^|[^A-Za-z0-9_.])IND\.[A-Z]+\s*\(/i.test(f);

/**
 * The IND.* form with stand-in values: every cell whose formula calls an IND.* function, and every
 * cell it spills into, becomes the constant our evaluator computed (LibreOffice has no add-in).
 */
export function withStandIns(
  model: WorkbookModel,
  computed?: Map<string, Map<string, EvalValue>>,
): { model: WorkbookModel; values: Map<string, Map<string, EvalValue>> } {
  const values = computed ?? new WorkbookEvaluator(model).computeAll();
  const out = cloneWorkbook(model);
  for (const s of out.sheets) {
    const vals = values.get(s.name)!;
    const ind = [...s.cells].filter(([, c]) => isFormula(c.content) && callsInd(c.content));
    for (const [k, c] of ind) {
      const v = vals.get(k)!;
      c.content = standIn(v);
    }
    // Spilled cells of IND anchors: blank in the model, a value in the evaluation.
    for (const [k, v] of vals) {
      if (!s.cells.has(k) || s.cells.get(k)!.content === null) {
        s.cells.set(k, { ...s.cells.get(k), content: standIn(v) });
      }
    }
  }
  return { model: out, values };
}

function standIn(v: EvalValue): string | number | boolean | null {
  if (v instanceof ExcelErrorValue) return v.code === '#N/A' ? '=NA()' : `=${v.code}`;
  return v;
}

/**
 * Our evaluation of `portable` against `expected` (no LibreOffice): the same cells as {@link judge}.
 */
export function selfCheck(
  formulas: WorkbookModel,
  portable: WorkbookModel,
  expected: Map<string, Map<string, EvalValue>>,
): Difference[] {
  const ev = new WorkbookEvaluator(portable);
  const out: Difference[] = [];
  for (const s of formulas.sheets) {
    for (const [k, v] of expected.get(s.name)!) {
      const c = s.cells.get(k);
      if (c && !isF(c.content) && c.content !== null && c.content !== '') continue;
      const { row, col } = parseKey(k);
      const got = plain(ev.value(s.name, row, col));
      if (!same(plain(v), got)) {
        out.push({
          cell: `${s.name}!${columnLetters(col)}${row}`,
          formula: String(portable.sheets.find((x) => x.name === s.name)?.cells.get(k)?.content ?? ''),
          ours: plain(v),
          libreoffice: got,
        });
      }
    }
  }
  return out;
}

/** One difference between LibreOffice and our evaluation. */
export interface Difference {
  cell: string;
  formula: string;
  ours: ComputedValue;
  libreoffice: ComputedValue | undefined;
}

/** Compares numbers within 1e-9 relative, text and booleans exactly, errors by code. */
export function same(ours: ComputedValue, lo: ComputedValue | undefined): boolean {
  const o = ours === null ? 0 : ours;
  const l = lo === undefined || lo === null ? (typeof o === 'string' ? '' : 0) : lo;
  if (typeof o === 'number')
    return typeof l === 'number' && Math.abs(o - l) <= 1e-9 * Math.max(1, Math.abs(o));
  if (typeof o === 'object' && o !== null) return typeof l === 'object' && l !== null && l.error === o.error;
  return o === l;
}

/**
 * Renders each model, recalculates all of them in LibreOffice in one batch, and returns per model
 * the differences on every formula cell of the ORIGINAL model (`compareWith`), LibreOffice's values
 * against `expected`.
 */
export async function judge(
  cases: {
    name: string;
    rendered: WorkbookModel;
    formulas: WorkbookModel;
    expected: Map<string, Map<string, EvalValue>>;
  }[],
  workers = 2,
): Promise<{ name: string; differences: Difference[]; cells: number }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ind-judge-'));
  const inDir = join(dir, 'in');
  mkdirSync(inDir);
  const files: string[] = [];
  for (let i = 0; i < cases.length; i++) {
    const f = join(inDir, `case${i}.xlsx`);
    writeFileSync(f, await renderXlsx(cases[i].rendered));
    files.push(f);
  }
  const outs = await recalculate(files, join(dir, 'out'), { workers });
  const results = [];
  for (let i = 0; i < cases.length; i++) {
    const lo = await readXlsx(readFileSync(outs[i]));
    const differences: Difference[] = [];
    let cells = 0;
    for (const s of cases[i].formulas.sheets) {
      const loSheet = lo.sheets.find((x) => x.name === s.name);
      const exp = cases[i].expected.get(s.name)!;
      for (const [k, v] of exp) {
        const c = s.cells.get(k);
        // Formula cells and the cells their spills fill; constants are not compared.
        if (c && !isF(c.content) && c.content !== null && c.content !== '') continue;
        cells++;
        const ours = plain(v);
        const loCell = loSheet?.cells.get(k);
        const loValue = loCell
          ? loCell.cached !== undefined
            ? loCell.cached
            : (loCell.content as ComputedValue)
          : undefined;
        if (!same(ours, loValue)) {
          const { row, col } = parseKey(k);
          differences.push({
            cell: `${s.name}!${columnLetters(col)}${row}`,
            formula: String(c?.content ?? '(spill)'),
            ours,
            libreoffice: loValue,
          });
        }
      }
    }
    results.push({ name: cases[i].name, differences, cells });
  }
  return results;
}

export { cellKey };
