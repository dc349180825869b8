/**
 * Actions that close the loop, on the reconciliation's action table and the steering cycle's:
 * each fresh row links to the cell of the variance (or KPI) it answers, the overdue and
 * recurring flags are live formulas that agree with the core, and carry-over keeps the link,
 * the capacity estimate and the history, never overwriting.
 */
import cases from '../funding/golden/reconciliation.json';
import { carryOverOpenActions, parseActualTable, parseBudgetTable } from '../../src/core/funding';
import { loopFlags, LOOP_HEADERS } from '../../src/core/steering';
import {
  buildReconciliationPlan,
  type ReconciliationPlanInput,
} from '../../src/taskpane/plans/funding/reconciliationPlan';
import { ST_SHEETS } from '../../src/taskpane/plans/steering/names';
import {
  cycle,
  evaluate,
  paramsPlan,
  setTableCell,
  tablesOf,
  todaySerial,
  withProductionPlan,
  withTeams,
} from './planHelpers';

const g = cases.cases[0];
const base: ReconciliationPlanInput = {
  period: '2026-T1',
  budget: parseBudgetTable(g.budget),
  actual: parseActualTable(g.actual),
  ledger: 32000,
  materiality: { euro: 1000 },
  carried: [],
  actionTableExists: false,
  lang: 'nl',
};

describe('the reconciliation action table', () => {
  const t1 = buildReconciliationPlan(base);
  const table = t1.plan.sheets[1].tables![0];
  const book = evaluate(t1.plan);

  test('gains the loop columns', () => {
    expect(table.headers.slice(8)).toEqual([...LOOP_HEADERS]);
  });

  test('each fresh row links to the cell that holds its variance', () => {
    expect(t1.actions.length).toBeGreaterThan(0);
    for (const a of t1.actions) {
      const [sheet, cell] = a.link!.split('!');
      expect(sheet).toBe(t1.layout.sheet);
      expect(book.get(sheet, cell)).toBeCloseTo(Number(a.amount), 2);
      expect(a.history).toBe('aangemaakt 2026-T1');
    }
  });

  test('overdue is live: a passed due date on an open action, not on a closed one', () => {
    const b = evaluate(t1.plan);
    const T = table.name;
    setTableCell(b, T, 'Vervaldatum', 1, todaySerial() - 1);
    setTableCell(b, T, 'Vervaldatum', 2, todaySerial() + 10);
    const overdue = () => b.column(T, 'Achterstallig');
    expect(overdue().slice(0, 2)).toEqual(['ja', '']);
    setTableCell(b, T, 'Status', 1, 'Afgerond');
    expect(overdue()[0]).toBe('');
    setTableCell(b, T, 'Vervaldatum', 3, '31-12-2025'); // text, not a date: never overdue
    expect(overdue()[2]).toBe('');
  });

  test('carry-over keeps link, capacity and history; recurring when the variance returns unclosed', () => {
    // T1's table as the user left it: one action in progress with a capacity estimate.
    const rows = table.rows.map((r) => r.slice());
    rows[0][7] = 'Loopt';
    rows[0][9] = 120;
    const carried = carryOverOpenActions(table.name, table.headers, rows);
    expect(carried[0]).toMatchObject({
      link: t1.actions[0].link,
      capacityHours: 120,
      history: 'aangemaakt 2026-T1; overgenomen uit IND_Acties_2026_T1 (Loopt)',
    });
    // T2 with the same budget and actuals: the same variances are material again.
    const t2 = buildReconciliationPlan({ ...base, period: '2026-T2', carried, carriedFrom: table.name });
    const t2table = t2.plan.sheets[1].tables![0];
    const b = evaluate(t2.plan);
    const flags = b.column(t2table.name, 'Terugkerend');
    const core = loopFlags(
      t2.actions.map((a) => ({ variance: a.variance, period: a.period, due: a.due, status: a.status })),
      todaySerial(),
    );
    expect(flags).toEqual(core.map((f) => (f.recurring ? 'ja' : '')));
    expect(flags[0]).toBe('ja');
    // Closing one action of that variance clears the flag on all its rows.
    setTableCell(b, t2table.name, 'Status', 1, 'gereed');
    const v = t2.actions[0].variance;
    const again = b.column(t2table.name, 'Terugkerend');
    t2.actions.forEach((a, i) => {
      if (a.variance === v) expect(again[i]).toBe('');
    });
  });
});

describe('the steering action table', () => {
  const params = withProductionPlan(withTeams(paramsPlan()), {
    AA: Array.from({ length: 13 }, () => [1, 2]),
  });

  test('carries open KPI actions over with their history, and flags a returning deviation', () => {
    const t2 = cycle(params);
    const first = t2.plan.sheets.find((s) => s.name === t2.layout.actionSheet)!.tables![0];
    const rows = first.rows.map((r) => r.slice());
    rows[0][7] = 'Open';
    const prev = { name: first.name, headers: first.headers, rows };
    const t3 = cycle(params, {
      period: '2026-T3',
      previousActions: prev,
      tableNames: [...tablesOf(params).keys(), first.name],
    });
    expect(t3.carriedFrom).toBe('IND_StuurActies_2026_T2');
    const carried = t3.actions.filter((a) => a.period === '2026-T2');
    expect(carried.length).toBe(first.rows.length);
    expect(carried[0].history).toBe('aangemaakt 2026-T2; overgenomen uit IND_StuurActies_2026_T2 (Open)');
    expect(carried[0].link).toBe(`${ST_SHEETS.kpi}!${String(first.rows[0][8]).split('!')[1]}`);
    const book = evaluate(params, t3.plan);
    const t3table = t3.plan.sheets.find((s) => s.name === t3.layout.actionSheet)!.tables![0];
    expect(book.column(t3table.name, 'Terugkerend').every((f) => f === 'ja')).toBe(true);
  });

  test('an existing action table of the period is never rewritten', () => {
    const t = cycle(params, { tableNames: ['IND_StuurActies_2026_T2'] });
    expect(t.actionTableExisted).toBe(true);
    expect(t.plan.sheets.some((s) => s.name.startsWith(ST_SHEETS.actions))).toBe(false);
  });
});
