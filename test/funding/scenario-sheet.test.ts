/**
 * The "IND Scenario" sheet plan, evaluated: every formula the plan writes is computed with
 * fast-formula-parser (Excel syntax, built-ins) and the REAL IND.SCENARIO / IND.BACKLOG adapters,
 * on a small in-memory grid with spills and defined names. The sheet must then show exactly what
 * the simulator computed — so the live formulas and the core cannot drift apart.
 */
import FormulaParser, { FormulaError } from 'fast-formula-parser';
import { registry } from '../../src/functions/registry';
import {
  DEFAULT_STAFF,
  generateTemplate,
  labelText,
  REVIEW_BAND,
  RULE_PRESETS,
  simulate,
  summarize,
  type RulePreset,
  type SimInput,
} from '../../src/core/scenario';
import { parseCell } from '../../src/taskpane/host/address';
import type { CellValue, WritePlan } from '../../src/taskpane/host/types';
import {
  buildComparePlan,
  buildScenarioPlan,
  colOf,
  fromSaved,
  SCENARIO_SHEET,
  TABLE_HEADER_ROW,
  toSaved,
} from '../../src/taskpane/plans/scenario/scenarioSheet';

type V = number | string | boolean | null | FormulaError;

interface Operand {
  val: unknown;
  isArray: boolean;
}
interface ParserUtils {
  extractRefValue(o: unknown): Operand;
  _applyInfix(a: Operand, op: string, b: Operand): unknown;
  _applyPrefix(prefixes: string[], val: unknown, isArray: boolean): unknown;
}

/**
 * Dynamic-array Excel computes `(A5-A1:A5)<R` element by element; fast-formula-parser applies
 * implicit intersection instead, and does not even mark a range reference as an array. This
 * patches one parser instance to broadcast operators over arrays (as the CLI engine does for
 * array constants), so that the sheet's SUMPRODUCT ramp evaluates as in Excel.
 */
function withArrayOperators(parser: FormulaParser): FormulaParser {
  const u = (parser as unknown as { utils: ParserUtils }).utils;
  const extract = u.extractRefValue.bind(u);
  const infix = u._applyInfix.bind(u);
  const prefix = u._applyPrefix.bind(u);
  u.extractRefValue = (o) => {
    const r = extract(o);
    return { val: r.val, isArray: Array.isArray(r.val) };
  };
  u._applyInfix = (a, op, b) => {
    if (!a.isArray && !b.isArray) return infix(a, op, b);
    const shape = (a.isArray ? a.val : b.val) as unknown[][];
    return shape.map((row, i) =>
      row.map((_, j) =>
        infix({ val: a.isArray ? (a.val as unknown[][])[i][j] : a.val, isArray: false }, op, {
          val: b.isArray ? (b.val as unknown[][])[i][j] : b.val,
          isArray: false,
        }),
      ),
    );
  };
  u._applyPrefix = (prefixes, val, isArray) =>
    isArray
      ? (val as unknown[][]).map((row) => row.map((c) => prefix(prefixes, c, false)))
      : prefix(prefixes, val, false);
  return parser;
}

/** A tiny spreadsheet over one sheet of a plan: constants, formulas, spills and names. */
class Grid {
  private content = new Map<string, CellValue>();
  private value = new Map<string, V>();
  private anchors: { row: number; col: number }[] = [];
  private names = new Map<string, { row: number; col: number }>();
  // fast-formula-parser is not re-entrant: a formula evaluated from inside onCell needs its own
  // parser instance, one per nesting depth.
  private parsers: FormulaParser[] = [];
  private depth = 0;
  private readonly config: ConstructorParameters<typeof FormulaParser>[0];
  private evaluating = new Set<string>();

  /**
   * @param extraNames - defined names of another sheet (e.g. the parameter sheet), with their values;
   *   any other unknown name evaluates to #NAME?, as in Excel.
   */
  constructor(plan: WritePlan, sheet: string, extraNames: Record<string, number> = {}) {
    Object.entries(extraNames).forEach(([name, v], i) => {
      // Park the other sheet's cells far below this sheet's used range.
      this.content.set(`${100000 + i},1`, v);
      this.names.set(name.toUpperCase(), { row: 100000 + i, col: 1 });
    });
    const s = plan.sheets.find((x) => x.name === sheet)!;
    for (const b of s.blocks) {
      const at = parseCell(b.at)!;
      b.cells.forEach((row, i) =>
        row.forEach((c, j) => {
          if (c === null) return;
          const r = at.row + i + 1;
          const col = at.col + j + 1;
          this.content.set(`${r},${col}`, c);
          if (typeof c === 'string' && /^=IND\.(SCENARIO|BACKLOG)\(/.test(c))
            this.anchors.push({ row: r, col });
        }),
      );
    }
    for (const n of plan.names ?? []) {
      const m = /!\$([A-Z]+)\$(\d+)$/.exec(n.ref)!;
      const p = parseCell(`${m[1]}${m[2]}`)!;
      this.names.set(n.name.toUpperCase(), { row: p.row + 1, col: p.col + 1 });
    }
    const flat = (args: { value: unknown }[]): number[] =>
      args
        .flatMap((a) => (Array.isArray(a.value) ? (a.value as unknown[][]).flat() : [a.value]))
        .filter((x): x is number => typeof x === 'number');
    const bridge =
      (fn: (...a: unknown[]) => unknown) =>
      (...args: ({ value: unknown } | null)[]) => {
        const res = fn(...args.map((a) => (a === null ? null : a.value)));
        if (!Array.isArray(res)) throw new Error(`adapter returned ${String(res)}`);
        return res;
      };
    this.config = {
      functions: {
        MIN: (...a: { value: unknown }[]) => Math.min(...flat(a)),
        MAX: (...a: { value: unknown }[]) => Math.max(...flat(a)),
        'IND.SCENARIO': bridge(registry['IND.SCENARIO'] as (...a: unknown[]) => unknown),
        'IND.BACKLOG': bridge(registry['IND.BACKLOG'] as (...a: unknown[]) => unknown),
      },
      onCell: ({ row, col }: { row: number; col: number }) => this.get(row, col),
      onRange: (ref: unknown) => {
        const { from, to } = ref as { from: { row: number; col: number }; to: { row: number; col: number } };
        const out: V[][] = [];
        for (let r = from.row; r <= to.row; r++) {
          const line: V[] = [];
          for (let c = from.col; c <= to.col; c++) line.push(this.get(r, c));
          out.push(line);
        }
        return out;
      },
      onVariable: (name: string) => {
        const p = this.names.get(name.toUpperCase());
        if (!p) {
          // An undefined name: a reference to a parked cell holding #NAME?, as Excel evaluates it.
          this.value.set('200000,1', FormulaError.NAME);
          return { row: 200000, col: 1 };
        }
        return { row: p.row, col: p.col };
      },
    };
  }

  /** The value of a cell (1-based row and column), evaluating formulas and spills on demand. */
  get(row: number, col: number): V {
    const key = `${row},${col}`;
    if (this.value.has(key)) return this.value.get(key)!;
    const c = this.content.get(key);
    if (c === undefined) {
      // Maybe inside a spill: evaluate the anchor above in this column.
      const anchor = this.anchors.find((a) => a.col === col && a.row < row);
      if (anchor && !this.value.has(`${anchor.row},${anchor.col}`)) this.get(anchor.row, anchor.col);
      return this.value.has(key) ? this.value.get(key)! : null;
    }
    if (typeof c !== 'string' || !c.startsWith('=')) {
      this.value.set(key, c);
      return c;
    }
    if (this.evaluating.has(key)) throw new Error(`circular reference at ${key}`);
    this.evaluating.add(key);
    let res: unknown;
    try {
      this.parsers[this.depth] ??= withArrayOperators(new FormulaParser(this.config));
      const parser = this.parsers[this.depth];
      this.depth++;
      try {
        res = parser.parse(c.slice(1), { sheet: SCENARIO_SHEET, row, col }, true);
      } finally {
        this.depth--;
      }
    } catch (e) {
      throw new Error(`${c} at R${row}C${col}: ${(e as Error).message}\n${(e as Error).stack}`);
    }
    this.evaluating.delete(key);
    if (Array.isArray(res)) {
      (res as V[][]).forEach((line, i) => line.forEach((v, j) => this.value.set(`${row + i},${col + j}`, v)));
      return this.value.get(key)!;
    }
    this.value.set(key, res as V);
    return res as V;
  }

  /** A cell by A1 address. */
  at(a1: string): V {
    const p = parseCell(a1)!;
    return this.get(p.row + 1, p.col + 1);
  }
}

function inputFor(
  preset: RulePreset,
  tpl: Parameters<typeof generateTemplate>[0],
  over: Partial<SimInput> = {},
): SimInput {
  const s = generateTemplate(tpl, REVIEW_BAND);
  return {
    workload: s.workload,
    forecast: s.forecast,
    band: REVIEW_BAND,
    rule: { ...RULE_PRESETS[preset], floor: 0, cap: Infinity },
    staff: DEFAULT_STAFF,
    lumpsum: 0,
    initialBacklog: 0,
    ...over,
  };
}

/** Asserts that every computed column of the sheet equals the simulator, period by period. */
function expectSheetMatches(input: SimInput, lang: 'nl' | 'en' = 'nl'): Grid {
  const result = simulate(input);
  const plan = buildScenarioPlan(input, result, { name: 'Test', lang, preset: 'custom' });
  const g = new Grid(plan, SCENARIO_SHEET);
  const r0 = TABLE_HEADER_ROW + 1;
  const close = (v: V, expected: number, what: string, t: number): void => {
    if (typeof v !== 'number') throw new Error(`${what} in period ${t + 1}: ${String(v)} is not a number`);
    if (Math.abs(v - expected) > 1e-6 * Math.max(1, Math.abs(expected))) {
      throw new Error(`${what} in period ${t + 1}: sheet ${v}, simulator ${expected}`);
    }
  };
  for (let t = 0; t < result.periods; t++) {
    const row = r0 + t;
    expect(g.at(`${colOf('label')}${row}`)).toBe(labelText(result.labels[t], lang));
    close(g.at(`${colOf('target')}${row}`), result.fundingTarget[t], 'target', t);
    close(g.at(`${colOf('funding')}${row}`), result.funding[t], 'funding', t);
    close(g.at(`${colOf('fundedFte')}${row}`), result.fundedFte[t], 'funded fte', t);
    close(g.at(`${colOf('hires')}${row}`), result.hiresFte[t], 'hires', t);
    close(g.at(`${colOf('leavers')}${row}`), result.leaversFte[t], 'leavers', t);
    close(g.at(`${colOf('cuts')}${row}`), result.cutsFte[t], 'cuts', t);
    close(g.at(`${colOf('trainees')}${row}`), result.traineeFte[t], 'trainees', t);
    close(g.at(`${colOf('inductionLoss')}${row}`), result.inductionLossFte[t], 'induction loss', t);
    close(g.at(`${colOf('coaching')}${row}`), result.coachingFte[t], 'coaching', t);
    close(g.at(`${colOf('productive')}${row}`), result.productiveFte[t], 'productive', t);
    close(g.at(`${colOf('staffCapacity')}${row}`), result.staffCapacityHours[t], 'staff capacity', t);
    close(g.at(`${colOf('flexNeed')}${row}`), result.flexNeedFte[t], 'flex need', t);
    close(g.at(`${colOf('flexHours')}${row}`), result.flexHours[t], 'flex hours', t);
    close(g.at(`${colOf('capacity')}${row}`), result.capacityHours[t], 'capacity', t);
    close(g.at(`${colOf('constrained')}${row}`), result.constrainedHours[t], 'constrained', t);
    close(g.at(`${colOf('backlog')}${row}`), result.backlog[t], 'backlog', t);
  }
  const s = summarize(result);
  close(g.at('F4'), s.maxBacklog, 'max backlog', 0);
  close(g.at('F6'), s.totalFunding, 'total funding', 0);
  close(g.at('F9'), s.totalCutsFte, 'cuts', 0);
  close(g.at('F14'), s.productionShortfallHours, 'shortfall', 0);
  expect(g.at('F15')).toBe(lang === 'nl' ? 'klopt' : 'OK');
  expect(g.at('F16')).toBe(lang === 'nl' ? 'klopt' : 'OK');
  return g;
}

describe('the scenario sheet computes what the simulator computes', () => {
  test('2017 case, cut in advance on the forecast', () => {
    const g = expectSheetMatches(inputFor('advance2017', 'case2017'));
    // The inputs are visible, named cells.
    expect(g.at('B5')).toBe('prognose');
    expect(g.at('B24')).toBe(13); // 12 months × 13/12
  });
  test('2017 case, recommended rule (backlog counted) with turnover', () => {
    expectSheetMatches(inputFor('recommended', 'case2017'));
  });
  test('long peak, funding path with a floor, a cap and a lumpsum (English sheet)', () => {
    const base = inputFor('path', 'longPeak');
    expectSheetMatches(
      {
        ...base,
        lumpsum: 500000,
        initialBacklog: 20000,
        rule: { ...base.rule, floor: 6_000_000, cap: 7_000_000 },
      },
      'en',
    );
  });
  test('short peak absorbed by a flex shell', () => {
    const base = inputFor('recommended', 'shortPeak');
    const g = expectSheetMatches({ ...base, staff: { ...DEFAULT_STAFF, flexFte: 120, inductionMonths: 5 } });
    // The peak periods (14–16) call on the flex shell.
    expect(g.at(`${colOf('flexNeed')}${TABLE_HEADER_ROW + 14}`)).toBeCloseTo(8000 / (4 * 36 * 0.57), 9);
  });
});

describe('the parameter-sheet column', () => {
  const input = inputFor('path', 'normal');
  const plan = buildScenarioPlan(input, simulate(input), { name: 'P', lang: 'nl', preset: 'path' });
  test('shows the shared parameter when the parameter sheet defines it', () => {
    const g = new Grid(plan, SCENARIO_SHEET, { IND_BandOnder: 75000, IND_DirecteUren: 0.7473 });
    expect(g.at('D6')).toBe(75000);
    expect(g.at('D12')).toBe(0.7473);
    expect(g.at('B6')).toBe(76000); // the scenario's own input is unchanged
  });
  test('stays blank when there is no parameter sheet', () => {
    const g = new Grid(plan, SCENARIO_SHEET);
    expect(g.at('D6')).toBe('');
    expect(g.at('D4')).toBeNull(); // no shared parameter for the rule
  });
});

describe('scenario plan shape', () => {
  const input = inputFor('recommended', 'case2017');
  const plan = buildScenarioPlan(input, simulate(input), {
    name: 'Aanbevolen',
    lang: 'nl',
    preset: 'recommended',
  });
  const sheet = plan.sheets[0];

  test('one sheet, one chart of workload, band, capacity and backlog over the chart-data block', () => {
    expect(plan.sheets).toHaveLength(1);
    expect(sheet.charts).toHaveLength(1);
    const chartData = sheet.blocks.find((b) => b.cells[0][0] === 'Periode' && b.cells[0].length === 6)!;
    expect(chartData.cells[0]).toEqual([
      'Periode',
      'Werklast (uren)',
      'Band onder',
      'Band boven',
      'Capaciteit (uren)',
      'Achterstand (uren)',
    ]);
    expect(chartData.cells).toHaveLength(79);
    expect(sheet.charts![0].source).toBe(`AA${TABLE_HEADER_ROW}:AE${TABLE_HEADER_ROW + 78}`);
  });

  test('labels and backlog are IND.* formulas over the sheet columns; inputs are named', () => {
    const formulas = sheet.blocks
      .flatMap((b) => b.cells.flat())
      .filter((c): c is string => typeof c === 'string' && c.startsWith('='));
    expect(formulas).toContain(
      `=IND.SCENARIO(B37:B114,IND_Sim_BandOnder,IND_Sim_BandBoven,IND_Sim_PiekExtra,IND_Sim_PiekPerioden,"nl")`,
    );
    expect(formulas).toContain(
      '=IF(SUMPRODUCT((IND.BACKLOG(B37:B114,U37:U114,IND_Sim_Beginachterstand)-X37:X114)^2)<0.000001,"klopt","KLOPT NIET")',
    );
    expect(formulas).toContain('=MAX(0,X37+B38-U38)');
    expect(plan.names!.map((n) => n.name)).toEqual(
      expect.arrayContaining([
        'IND_Sim_Ondergrens',
        'IND_Sim_Plafond',
        'IND_Sim_MaxDaling',
        'IND_Sim_Bevestig',
      ]),
    );
    expect(plan.names!.every((n) => n.name.startsWith('IND_Sim_'))).toBe(true);
    // The cohort model is live too: a SUMPRODUCT ramp over the hires so far.
    expect(formulas).toContain(
      '=IF(IND_Sim_InwerkPerioden<=0,0,SUMPRODUCT($K$37:K40,((A40-$A$37:A40)<IND_Sim_InwerkPerioden)*(1-(A40-$A$37:A40)/IND_Sim_InwerkPerioden)))',
    );
  });
});

describe('saved scenarios', () => {
  test('round trip through JSON keeps the input (no cap survives as no cap)', () => {
    const input = inputFor('advance2017', 'case2017');
    const saved = JSON.parse(JSON.stringify(toSaved('2017', 'advance2017', input)));
    expect(fromSaved(saved)).toEqual({
      ...input,
      workload: [...input.workload],
      forecast: [...input.forecast!],
    });
    expect(fromSaved(saved).rule.cap).toBe(Infinity);
  });

  test('the comparison sheet puts the scenarios side by side with their key figures', () => {
    const a = inputFor('advance2017', 'case2017');
    const b = inputFor('recommended', 'case2017');
    const plan = buildComparePlan(
      [toSaved('Vooraf 2017', 'advance2017', a), toSaved('Aanbevolen', 'recommended', b)],
      'nl',
    );
    const sheet = plan.sheets[0];
    expect(sheet.blocks.find((x) => x.at === 'A4')!.cells[0]).toEqual([
      'Kenmerk',
      'Vooraf 2017',
      'Aanbevolen',
    ]);
    const labels = sheet.blocks.find((x) => x.at === 'A5')!.cells.map((r) => r[0]);
    const values = sheet.blocks.find((x) => x.at === 'B5')!.cells;
    const row = values[labels.indexOf('Grootste achterstand (uren)')];
    expect(row[0]).toBeCloseTo(summarize(simulate(a)).maxBacklog, 6);
    expect(row[1]).toBeCloseTo(summarize(simulate(b)).maxBacklog, 6);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts![0].source).toBe('B27:C105');
  });
});
