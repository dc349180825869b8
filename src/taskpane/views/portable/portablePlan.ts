/**
 * The portable copy as a `WritePlan` (pure): each of the pane's sheets that calls IND.* functions
 * is written again as a new sheet "<name> (draagbaar)" with every IND.* call replaced by native
 * formulas (`src/engine/portable/`), plus the helper sheet IND_Hulp, the originals on IND_Bron and
 * the overview IND_Draagbaar. Nothing of the original sheets is touched: the copies read the
 * copies: every reference to a copied sheet is renamed to its copy, and structured references
 * become A1 ranges (a copy has no tables of its own); references to other sheets stay.
 */
import type { Lang } from '../../../core/messages/types';
import { columnLetters } from '../../../core/norms/address';
import { isFormula, parseKey, usedRange, type SheetModel, type WorkbookModel } from '../../../engine/model';
import {
  HELPER_SHEET,
  makePortable,
  REPORT_SHEET,
  SOURCE_SHEET,
  type PortableReport,
} from '../../../engine/portable/transform';
import { structuredToA1 } from '../../../engine/structured';
import { renameSheetRefs } from '../../host/address';
import type { CellValue, SheetPlan, WritePlan } from '../../host/types';

/** Name of the copy of a sheet (Excel allows 31 characters). */
export function copyName(sheet: string, lang: Lang): string {
  const suffix = lang === 'nl' ? ' (draagbaar)' : ' (portable)';
  return sheet.slice(0, 31 - suffix.length) + suffix;
}

/** One sheet of the model as a plan sheet (one block over its used range). */
function sheetPlan(
  model: WorkbookModel,
  s: SheetModel,
  name: string,
  original: SheetModel | undefined,
): SheetPlan {
  const used = usedRange(s);
  if (!used) return { name, blocks: [{ at: 'A1', cells: [[null]] }] };
  const rows = used.r1 - used.r0 + 1;
  const cols = used.c1 - used.c0 + 1;
  const cells: CellValue[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => null));
  const formats: string[][] = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => 'General'),
  );
  for (const [k, c] of s.cells) {
    const { row, col } = parseKey(k);
    let v = c.content;
    // In the copy there are no tables: structured references read the original's table cells.
    if (isFormula(v) && original) v = structuredToA1(model, original, row, col, v);
    cells[row - used.r0][col - used.c0] = v;
    if (c.numberFormat) formats[row - used.r0][col - used.c0] = c.numberFormat;
  }
  return { name, blocks: [{ at: `${columnLetters(used.c0)}${used.r0}`, cells, numberFormat: formats }] };
}

/** The plan, and what the transform did; `plan` is null when no sheet calls an IND.* function. */
export function buildPortablePlan(
  model: WorkbookModel,
  lang: Lang,
): { plan: WritePlan | null; report: PortableReport } {
  const { model: portable, report } = makePortable(model, { lang });
  const changed = new Set(report.converted.map((c) => c.sheet));
  if (changed.size === 0) return { plan: null, report };
  const sheets: SheetPlan[] = [];
  for (const s of portable.sheets) {
    if (changed.has(s.name)) {
      const original = model.sheets.find((x) => x.name === s.name);
      sheets.push(sheetPlan(portable, s, copyName(s.name, lang), original));
    } else if ([HELPER_SHEET, SOURCE_SHEET, REPORT_SHEET].includes(s.name)) {
      sheets.push(sheetPlan(portable, s, s.name, undefined));
    }
  }
  // Every reference to a copied sheet points to its copy, so the copies compute on their own.
  const renamed = sheets.map((sp) => ({
    ...sp,
    blocks: sp.blocks.map((b) => ({
      ...b,
      cells: b.cells.map((row) =>
        row.map((v) => {
          if (!isFormula(v)) return v;
          let f = v;
          for (const name of changed) f = renameSheetRefs(f, name, copyName(name, lang));
          return f;
        }),
      ),
    })),
  }));
  return { plan: { action: lang === 'nl' ? 'Draagbaar maken' : 'Make portable', sheets: renamed }, report };
}
