/**
 * Input cells look like inputs everywhere (issue 11, Build 10 / problem 11): per plan, every cell
 * with the input role (an input block, or the body of a table's input column: parameter values,
 * volumes, norm minutes, model shares) has the input style, and no formula cell has it (a linked
 * value is computed). The tables a user is meant to edit declare their input columns.
 */
import { parseCell } from '../../src/taskpane/host/address';
import { plannedCells, tableInputRanges } from '../../src/taskpane/host/cells';
import type { BlockStyle, SheetPlan, TablePlan, WritePlan } from '../../src/taskpane/host/types';
import { buildExampleInputPlan } from '../../src/taskpane/plans/funding/exampleInputPlan';
import { a1 } from '../../src/taskpane/plans/formula';
import { NORM_TABLE } from '../../src/taskpane/plans/normTable';
import { EXAMPLE_VOLUME_TABLE } from '../../src/taskpane/plans/examples';
import { PARAMETER_TABLE } from '../../src/taskpane/plans/parameters';
import { TS_TABLES } from '../../src/taskpane/plans/timerecording/timeRecordingPlan';
import { exampleStates, fundingState } from '../engine/states';

/** Every A1 cell of a range like 'C5:C9'. */
function cellsOf(range: string): string[] {
  const [p, q = p] = range.split(':').map((x) => parseCell(x)!);
  const out: string[] = [];
  for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) out.push(a1(r + 1, c + 1));
  return out;
}

/**
 * The style each written cell ends with, as the gateway applies them: table headers 'header', the
 * table input ranges 'input', then styled blocks in order.
 */
function stylesOf(sheet: SheetPlan): Map<string, BlockStyle> {
  const out = new Map<string, BlockStyle>();
  for (const t of sheet.tables ?? []) {
    const at = parseCell(t.at)!;
    t.headers.forEach((_, j) => out.set(a1(at.row + 1, at.col + 1 + j), 'header'));
    for (const range of tableInputRanges(t)) for (const cell of cellsOf(range)) out.set(cell, 'input');
  }
  for (const b of sheet.blocks) {
    if (!b.style) continue;
    const at = parseCell(b.at)!;
    b.cells.forEach((r, i) => r.forEach((_, j) => out.set(a1(at.row + 1 + i, at.col + 1 + j), b.style!)));
  }
  return out;
}

/** What breaks the rule on a sheet: input cells without the input style, formula cells with it. */
function problems(sheet: SheetPlan): string[] {
  const styles = stylesOf(sheet);
  // Cells a user may edit that are not inputs (a note column) keep their own style.
  const free = new Set<string>();
  for (const b of sheet.blocks.filter((x) => x.editable && x.style !== 'input')) {
    const at = parseCell(b.at)!;
    b.cells.forEach((r, i) => r.forEach((_, j) => free.add(a1(at.row + 1 + i, at.col + 1 + j))));
  }
  const out: string[] = [];
  for (const [addr, cell] of plannedCells(sheet)) {
    const style = styles.get(addr);
    if (cell.role === 'input' && !free.has(addr) && style !== 'input')
      out.push(`${sheet.name}!${addr}: input without the input style (${style ?? 'none'})`);
    if (typeof cell.value === 'string' && cell.value.startsWith('=') && style === 'input')
      out.push(`${sheet.name}!${addr}: formula with the input style`);
    if (typeof cell.value === 'string' && cell.value.startsWith('=') && cell.role === 'input')
      out.push(`${sheet.name}!${addr}: formula with the input role`);
  }
  return out;
}

async function plans(): Promise<{ name: string; plan: WritePlan }[]> {
  const out: { name: string; plan: WritePlan }[] = [];
  for (const s of await exampleStates())
    s.plans.forEach((plan, i) => out.push({ name: `${s.name} #${i}`, plan }));
  out.push({ name: 'Financiering (en)', plan: fundingState(undefined, 'en').plans[0] });
  out.push({ name: 'Voorbeeldinvoer', plan: buildExampleInputPlan('nl') });
  return out;
}

describe('input cells look like inputs', () => {
  it('the check finds a table input column without the input style, and a formula styled as input', () => {
    const sheet: SheetPlan = {
      name: 'X',
      blocks: [{ at: 'E1', cells: [['=A2*2']], style: 'input' }],
      tables: [
        {
          name: 'T',
          at: 'A1',
          headers: ['K', 'V'],
          rows: [
            ['a', 1],
            ['b', '=B2'],
          ],
          inputColumns: ['V'],
        },
      ],
    };
    expect(problems(sheet)).toEqual([
      'X!E1: formula with the input style',
      'X!E1: formula with the input role',
    ]);
    // The table's constant input is styled and has the input role; the linked formula in the input
    // column stays computed.
    expect(stylesOf(sheet).get('B2')).toBe('input');
    expect(stylesOf(sheet).get('B3')).toBeUndefined();
    expect(plannedCells(sheet).get('B3')?.role).toBe('computed');
    expect(
      tableInputRanges({
        ...sheet.tables![0],
        rows: [
          [1, 2],
          [3, 4],
          [5, '=1'],
          [6, 7],
        ],
      }),
    ).toEqual(['B2:B3', 'B5']);
  });

  it('every plan: each input cell has the input style, no formula cell has it', async () => {
    const found: string[] = [];
    for (const { name, plan } of await plans())
      for (const sheet of plan.sheets) found.push(...problems(sheet).map((p) => `${name}: ${p}`));
    expect(found).toEqual([]);
  });

  it('the tables a user edits declare their input columns, and their bodies are styled', async () => {
    const tables = new Map<string, { table: TablePlan; inputs: string[] }>();
    for (const { plan } of await plans())
      for (const sheet of plan.sheets)
        for (const t of sheet.tables ?? []) tables.set(t.name, { table: t, inputs: t.inputColumns ?? [] });
    const expected: [string, string][] = [
      [PARAMETER_TABLE, 'Waarde'],
      [NORM_TABLE, 'Normminuten'],
      [EXAMPLE_VOLUME_TABLE, '2024-P01'],
      [TS_TABLES.categories, 'Klasse'],
      [TS_TABLES.bridge, 'Model-aandeel'],
      [TS_TABLES.norms, 'Normtijd (min)'],
    ];
    for (const [table, column] of expected) {
      const t = tables.get(table);
      expect({ table, inputs: t?.inputs }).toEqual({ table, inputs: expect.arrayContaining([column]) });
      expect(tableInputRanges(t!.table).length).toBeGreaterThan(0);
    }
  });
});
