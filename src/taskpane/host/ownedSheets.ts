/**
 * Reads the sheets the pane created (those in the ownership registry) as a workbook model, for the
 * portable copy: their formulas, the workbook's tables and defined names. Three `context.sync`
 * calls whatever the size: the overview, the registry part, the used ranges and table shapes.
 * Read only.
 */
import { addPlan, emptyWorkbook, type WorkbookModel } from '../../engine/model';
import { parseCell, stripSheet } from './address';
import type { ExcelRun } from './excelGateway';
import { REGISTRY_NS, registryFromXml } from './registry';
import type { CellValue } from './types';

/** The pane's own sheets, with every table and name of the workbook (formulas may refer to them). */
export async function readOwnedSheets(run: ExcelRun = (b) => Excel.run(b)): Promise<WorkbookModel> {
  return run(async (ctx) => {
    const wb = ctx.workbook;
    const parts = wb.customXmlParts.getByNamespace(REGISTRY_NS).load('items/id');
    const sheets = wb.worksheets.load('items/name,items/id');
    const names = wb.names.load('items/name,items/formula');
    const tables = wb.tables.load('items/name,items/worksheet/name');
    await ctx.sync();
    const xml = parts.items[0]?.getXml();
    const ranges = sheets.items.map((s) => ({
      name: s.name,
      id: s.id,
      used: s.getUsedRangeOrNullObject(true).load('address,formulas'),
    }));
    const shapes = tables.items.map((t) => ({
      name: t.name,
      sheet: t.worksheet.name,
      range: t.getRange().load('address'),
      header: t.getHeaderRowRange().load('values'),
    }));
    await ctx.sync();
    const registry = registryFromXml(xml?.value);
    const model = emptyWorkbook();
    for (const r of ranges) {
      const owned = registry.sheets[r.name];
      if (!owned || owned.id !== r.id || r.used.isNullObject) continue;
      const address = stripSheet(r.used.address);
      const tableRows = shapes.filter((t) => t.sheet === r.name);
      addPlan(model, {
        action: 'read',
        sheets: [
          {
            name: r.name,
            blocks: [{ at: address.split(':')[0], cells: r.used.formulas as CellValue[][] }],
            tables: tableRows.map((t) => {
              const a = stripSheet(t.range.address).split(':');
              const tl = parseCell(a[0]);
              const br = parseCell(a[1] ?? a[0]);
              const rows = tl && br ? br.row - tl.row : 0;
              // Only the shape matters here: the cells come from the used range above.
              return {
                name: t.name,
                at: a[0],
                headers: (t.header.values[0] ?? []).map(String),
                rows: Array.from({ length: rows }, () => []),
              };
            }),
          },
        ],
      });
    }
    // Tables on sheets that are not ours keep their shape too (formulas may refer to them).
    const owned = new Set(model.sheets.map((s) => s.name));
    for (const t of shapes) {
      if (owned.has(t.sheet)) continue;
      const a = stripSheet(t.range.address).split(':');
      const tl = parseCell(a[0]);
      const br = parseCell(a[1] ?? a[0]);
      if (!tl || !br) continue;
      let sheet = model.sheets.find((s) => s.name === t.sheet);
      if (!sheet) {
        sheet = { name: t.sheet, cells: new Map(), tables: [], state: 'hidden' };
        model.sheets.push(sheet);
      }
      const headers = (t.header.values[0] ?? []).map(String);
      sheet.tables.push({ name: t.name, row: tl.row + 1, col: tl.col + 1, headers, rows: br.row - tl.row });
    }
    model.names = names.items.map((n) => ({ name: n.name, ref: n.formula }));
    return model;
  });
}
