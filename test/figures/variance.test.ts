/**
 * "Volume" means one thing per definition (issue 8). Before, the Nacalculatie sheet's "Volume"
 * was the quantity variance (mix a separate step) and IND.VARIANCE's "volume" was volume + mix,
 * both unlabelled. Now the same data give, labelled: V1 volume (quantity) and V2 mix on the
 * sheet and in IND.VARIANCE(…;TRUE), and V3 volume incl. mix on the sheet and in IND.VARIANCE's
 * first cell. And a falling direct-hour ratio is productivity (V4), not price/rate.
 */
import { FIGURES } from '../../src/core/figures';
import { parseActualTable, parseBudgetTable } from '../../src/core/funding';
import { variance } from '../../src/functions/variance.fn';
import {
  buildReconciliationPlan,
  RESULT_COLUMNS as RC,
} from '../../src/taskpane/plans/funding/reconciliationPlan';
import metadata from '../expected/functions.json';
import { workbookFromPlans } from '../../src/engine/model';
import { WorkbookEvaluator } from '../../src/engine/workbook';

const budget = [
  ['Product', 'Volume', 'Prijs', 'Normminuten'],
  ['P1', 100, 10, 6],
  ['P2', 50, 20, 12],
];
const actual = [
  ['Product', 'Volume', 'Kosten', 'Uren'],
  ['P1', 120, 1320, 12],
  ['P2', 40, 760, 8],
];

function close(a: unknown, b: number): void {
  expect(typeof a).toBe('number');
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
}

describe('volume, mix and volume incl. mix: the same data, the same figures, labelled', () => {
  const built = buildReconciliationPlan({
    period: '2026-T1',
    budget: parseBudgetTable(budget),
    actual: parseActualTable(actual),
    materiality: {},
    carried: [],
    actionTableExists: false,
    lang: 'nl',
  });
  const wb = new WorkbookEvaluator(workbookFromPlans(built.plan));
  const S = built.layout.sheet;
  const total = (c: string) => wb.get(S, `${c}${built.layout.totalRow}`);
  const header = (c: string) => wb.get(S, `${c}${built.layout.firstResultRow - 1}`);
  const args = [
    [[100], [50]],
    [[10], [20]],
    [[120], [40]],
    [[1320 / 120], [760 / 40]],
  ] as const;

  test('IND.VARIANCE keeps three cells; the first is V3, volume incl. mix, as on the sheet', () => {
    const [[v3, price, sum]] = variance(...(args as unknown as [any[][], any[][], any[][], any[][]]));
    close(v3, total(RC.volumeInclMix) as number);
    expect(header(RC.volumeInclMix)).toBe('Volumeverschil incl. mix [V3]');
    close(
      price,
      (total(RC.productivity) as number) + (total(RC.efficiency) as number) + (total(RC.price) as number),
    );
    close(sum, total(RC.total) as number);
    const fn = metadata.functions.find((f) => f.id === 'VARIANCE')!;
    expect(fn.description).toContain('volume variance incl. mix');
  });

  test('IND.VARIANCE(…;TRUE) spills volume, mix, price, total; volume and mix are V1 and V2 of the sheet', () => {
    const [[v1, v2, price, sum]] = variance(
      ...(args as unknown as [any[][], any[][], any[][], any[][]]),
      true,
    );
    close(v1, total(RC.volume) as number);
    close(v2, total(RC.mix) as number);
    expect(header(RC.volume)).toBe('Volumeverschil (hoeveelheid) [V1]');
    expect(header(RC.mix)).toBe('Mixverschil [V2]');
    close(v1 + v2, total(RC.volumeInclMix) as number);
    close(price + v1 + v2, sum);
    expect(FIGURES.varianceVolumeInclMix.definition.nl).toContain('V1 + V2');
  });
});

describe('a falling direct-hour ratio is productivity, not price/rate', () => {
  test('same cases, norm hours and hourly cost, only the ratio falls from 0.75 to 0.625', () => {
    const built = buildReconciliationPlan({
      period: '2026-T2',
      budget: parseBudgetTable([
        ['Product', 'Volume', 'Prijs', 'Normminuten', 'Directe-urenratio', 'Uurkosten'],
        ['X', 100, 80, 60, 0.75, 60],
      ]),
      actual: parseActualTable([
        ['Product', 'Volume', 'Kosten', 'Uren', 'Betaalde uren'],
        ['X', 100, 9600, 100, 160],
      ]),
      materiality: {},
      carried: [],
      actionTableExists: false,
      lang: 'nl',
    });
    const wb = new WorkbookEvaluator(workbookFromPlans(built.plan));
    const S = built.layout.sheet;
    const t = (c: string) => wb.get(S, `${c}${built.layout.totalRow}`);
    close(t(RC.productivity), 1600);
    close(t(RC.price), 0);
    close(t(RC.efficiency), 0);
    close(built.result.total.productivity, 1600);
    expect(built.result.total.price).toBeCloseTo(0, 9);
  });
});
