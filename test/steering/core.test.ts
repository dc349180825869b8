/**
 * Golden tests of the steering core, worked by hand (see fixtures.ts): the ageing of 20 cases,
 * the penalties of 10, 20 and 50 days, the exposure, WAPE and bias of a 6-period series, the
 * year-end forecast both ways, the calendar, the expected deadline passings and the KPI
 * realisation rebuilt from the two exports.
 */
import { PENALTY_SCHEDULE_AWB } from '../../src/core/params/steering';
import {
  ageingByProduct,
  buildRealisation,
  comingPeriodEnds,
  dueByPeriod,
  expectedPassing,
  exposure,
  forecastError,
  formatDay,
  parseDate,
  penalty,
  periodOf,
  shareOverForecast,
  shareWithinTerm,
  yearEnd,
} from '../../src/core/steering';
import { CAL, EXPECTED_AGEING, EXPECTED_EXPOSURE, PEIL, STOCK_ROWS, TERMS } from './fixtures';
import { importDecided, importStock } from './helpers';

const ASSUME = { shareWithNotice: 0.5, daysToNotice: 14, startDays: 14 };

describe('ageing of 20 cases (hand-worked)', () => {
  const stock = importStock();
  const { products, total } = ageingByProduct(stock.profile, TERMS);

  test.each(Object.keys(EXPECTED_AGEING).filter((k) => k !== 'total'))('%s', (product) => {
    const p = products.find((x) => x.product === product)!;
    const b = p.buckets;
    expect([p.stock, b.within, b.late1to14, b.late15to28, b.late29to42, b.lateOver42]).toEqual(
      EXPECTED_AGEING[product],
    );
  });

  test('total and shares within term', () => {
    const b = total.buckets;
    expect([total.stock, b.within, b.late1to14, b.late15to28, b.late29to42, b.lateOver42]).toEqual(
      EXPECTED_AGEING.total,
    );
    expect(products.find((p) => p.product === 'AA')!.shareWithinTerm).toBe(3 / 12);
    expect(products.find((p) => p.product === 'NAREIS')!.shareWithinTerm).toBe(2 / 6);
    expect(total.shareWithinTerm).toBe(6 / 20);
  });

  test('the import keeps aggregates only: no case id, no name', () => {
    const text = JSON.stringify({
      ...stock,
      products: [...stock.products],
      receivedByPeriod: [...stock.receivedByPeriod],
      statusCounts: [...stock.statusCounts],
    });
    for (const r of STOCK_ROWS) {
      expect(text).not.toContain(String(r[0]));
      expect(text).not.toContain(String(r[6]));
    }
    expect(stock.cases).toBe(20);
    expect(stock.hasNoticeColumn).toBe(true);
    expect(stock.notices).toEqual([{ product: 'AA', days: 29, count: 1 }]);
  });
});

describe('penalty (Awb art. 4:17), hand-worked', () => {
  test.each([
    [10, 230], // 10 × 23
    [20, 532], // 14 × 23 + 6 × 35
    [50, 1442], // capped at 42 days: 322 + 490 + 630
    [14, 322],
    [15, 357],
    [28, 812],
    [42, 1442],
    [0, 0],
    [-7, 0],
  ])('%i days → € %i', (days, euro) => {
    expect(penalty(days, PENALTY_SCHEDULE_AWB)).toBe(euro);
  });

  test('the lower cap binds: euros below the day cap, and days below the euro cap', () => {
    const euroCap = { ...PENALTY_SCHEDULE_AWB, maxAmount: 1000 };
    expect(penalty(42, euroCap)).toBe(1000);
    expect(penalty(20, euroCap)).toBe(532);
    const dayCap = { blocks: [{ upToDay: 10, perDay: 23 }], maxAmount: 1442 };
    expect(penalty(30, dayCap)).toBe(230);
  });

  test('exposure now of the 20 cases', () => {
    const stock = importStock();
    const x = exposure(stock.profile, stock.notices, TERMS, PENALTY_SCHEDULE_AWB, ASSUME, 0);
    expect(x.byProduct.get('AA')).toBe(EXPECTED_EXPOSURE.AA);
    expect(x.byProduct.get('NAREIS')).toBe(EXPECTED_EXPOSURE.NAREIS);
    expect(x.byProduct.get('VA')).toBe(EXPECTED_EXPOSURE.VA);
    expect(x.total).toBe(EXPECTED_EXPOSURE.total);
  });
});

describe('forecast error on a 6-period series (hand-worked)', () => {
  // F − A = 10, −5, 15, 0, −10, 20: Σ|F − A| = 60, Σ|A| = 600, Σ(F − A) = 30.
  const A = [100, 120, 80, 110, 90, 100];
  const F = [110, 115, 95, 110, 80, 120];
  test('WAPE = 60 / 600 = 0.1', () => expect(forecastError(A, F, 'wape')).toBeCloseTo(0.1, 15));
  test('bias = 30 / 6 = 5 (over-forecast)', () => expect(forecastError(A, F, 'bias')).toBe(5));
  test('MAPE = mean(0.1, 5/120, 15/80, 0, 10/90, 0.2)', () =>
    expect(forecastError(A, F, 'mape')).toBeCloseTo((0.1 + 5 / 120 + 15 / 80 + 0 + 10 / 90 + 0.2) / 6, 15));
  test('share of periods over-forecast = 3 / 6', () => expect(shareOverForecast(A, F)).toBe(0.5));
  test('a pending period (no actual yet) is skipped, not an error', () => {
    expect(forecastError([...A, NaN], [...F, 500], 'wape')).toBeCloseTo(0.1, 15);
    expect(forecastError([...A, NaN], [...F, 500], 'bias')).toBe(5);
  });
  test('MAPE names the row where the actual is 0', () => {
    expect(() => forecastError([100, 0], [90, 5], 'mape')).toThrow(
      expect.objectContaining({ code: 'steerActualZero' }),
    );
    try {
      forecastError([100, 0], [90, 5], 'mape');
    } catch (e) {
      expect((e as { messageIn: (l: string) => string }).messageIn('nl')).toContain('actual, rij 2');
    }
  });
});

describe('year-end forecast (hand-worked)', () => {
  test('trend: 600 decided in 4 of 13 periods → 600 + 9 × 150 = 1950', () =>
    expect(yearEnd(600, 4, { method: 'trend' })).toBe(1950));
  test('capacity: 10 fte × 4 weeks × 36 h × 0.7473 × 60 / 600 min = 107.6112 a period → 600 + 9 × 107.6112', () => {
    const cap = (10 * 4 * 36 * 0.7473 * 60) / 600;
    expect(cap).toBeCloseTo(107.6112, 10);
    expect(yearEnd(600, 4, { method: 'capacity', capacityPerPeriod: cap })).toBeCloseTo(1568.5008, 9);
  });
  test('at the year end both equal the realisation', () => {
    expect(yearEnd(1900, 13)).toBe(1900);
    expect(yearEnd(1900, 13, { method: 'capacity', capacityPerPeriod: 99 })).toBe(1900);
  });
});

describe('share within term', () => {
  test('a case decided on its deadline counts as within', () => {
    expect(shareWithinTerm([90, 91, 30], 90)).toBeCloseTo(2 / 3, 15);
    expect(shareWithinTerm([90, 91, 30], [90, 183, 20])).toBeCloseTo(2 / 3, 15);
  });
});

describe('calendar 2026 (13 four-week periods)', () => {
  test('periods, months and tertalen', () => {
    const p = CAL.periods;
    expect(formatDay(p[0].start)).toBe('29-12-2025'); // ISO week 1 of 2026 starts on Monday 29-12-2025
    expect(formatDay(p[0].end)).toBe('25-01-2026');
    expect(formatDay(p[12].end)).toBe('03-01-2027'); // 2026 has an ISO week 53: period 13 has 5 weeks
    // Middle days: P05 03-05, P06 31-05 (both May), P07 28-06, …, P13 13-12.
    expect(p.map((x) => x.month)).toEqual([1, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(p.map((x) => x.tertaal)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3]);
    expect(periodOf(CAL, PEIL)).toBe(5); // 30-04-2026 is in period 5 (20-04 … 17-05)
  });
});

describe('cases passing their deadline in the coming periods, given the capacity', () => {
  test('hand-worked: 5 late now, 10 / 8 / 6 due, capacity 9 a period', () => {
    // cumulative due 10, 18, 24; capacity 9, 18, 27 → open of those due: min(10, 5+10−9) = 6,
    // min(8, 5+18−18) = 5, min(6, max(0, 5+24−27)) = 2
    expect(expectedPassing(5, [10, 8, 6], [9, 18, 27])).toEqual([6, 5, 2]);
  });
  test('from the 20 cases: due per coming period', () => {
    const stock = importStock();
    const ends = comingPeriodEnds(CAL, PEIL, 4).map((e) => e - PEIL); // days to each period end
    expect(ends).toEqual([17, 45, 73, 101]); // 17-05, 14-06, 12-07, 09-08
    // Z-0002 (AA) and Z-0014 (NAREIS) reach their deadline on the peildatum itself and Z-0011
    // (adjusted to 15-05: 15 days) soon after: all due in the rest of P05; Z-0001 (AA, 64 days to
    // go) in P07; Z-0013 (NAREIS, 90 days) in P08; Z-0019 (VA, 123 days) after the horizon.
    const due = dueByPeriod(stock.profile, TERMS, ends);
    expect(due.get('AA')).toEqual([2, 0, 1, 0]);
    expect(due.get('NAREIS')).toEqual([1, 0, 0, 1]);
    expect(due.get('VA')).toBeUndefined();
  });
});

describe('KPI realisation rebuilt from the two exports', () => {
  test('received, decided, within term, lead time and stock at each period end', () => {
    const stock = importStock();
    const decided = importDecided();
    const real = buildRealisation(['AA', 'NAREIS', 'VA'], stock, decided, CAL);
    const aa = real.filter((r) => r.product === 'AA');
    expect(aa.map((r) => r.status).slice(0, 6)).toEqual([
      'afgerond',
      'afgerond',
      'afgerond',
      'afgerond',
      'lopend',
      'toekomst',
    ]);
    // AA decided: P01 1 (B-02, 188 days: late), P02 1 (B-01, 36: within), P04 1 (B-03, 120: within)
    expect(aa.slice(0, 5).map((r) => r.decided)).toEqual([1, 1, 0, 1, 0]);
    expect(aa.slice(0, 5).map((r) => r.decidedWithinTerm)).toEqual([0, 1, 0, 1, 0]);
    expect(aa.slice(0, 5).map((r) => r.leadDaysTotal)).toEqual([188, 36, 0, 120, 0]);
    // AA received in 2026 periods: Z-0001 (01-01, P01), B-01 (05-01, P01)
    expect(aa.slice(0, 5).map((r) => r.received)).toEqual([2, 0, 0, 0, 0]);
    // Stock at the end of P01 (25-01-2026): open AA received by then: Z-0001..Z-0012 = 12, plus
    // decided cases received by then and decided after: B-01 (decided P02), B-03 (P04) = 14.
    // End P02: 12 + B-03 = 13; P03: 13; P04: 12; at the peildatum: 12 (the export).
    expect(aa.slice(0, 5).map((r) => r.stockEnd)).toEqual([14, 13, 13, 12, 12]);
    expect(aa[5].stockEnd).toBeUndefined();
    const nareis = real.filter((r) => r.product === 'NAREIS');
    expect(nareis[3].decided).toBe(2);
    expect(nareis[3].decidedWithinTerm).toBe(1); // 90 days = on the deadline → within; 91 late
  });

  test('the dates in the fixtures are where the comments say', () => {
    expect(periodOf(CAL, parseDate('31-03-2026'))).toBe(4);
    expect(periodOf(CAL, parseDate('10-02-2026'))).toBe(2);
    expect(periodOf(CAL, parseDate('05-01-2026'))).toBe(1);
    expect(periodOf(CAL, parseDate('28-04-2026'))).toBe(5);
  });
});
