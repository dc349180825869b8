/**
 * fast-check invariants of the calculation core: round trips, linearity, monotonicity, sums and
 * bounds. Tolerances are relative, because the core computes in doubles and never rounds.
 */
import fc from 'fast-check';
import {
  backlogPath,
  budgetVariance,
  directCapacity,
  excelRound,
  fteNeeded,
  fundingPath,
  lumpsumSplit,
  workloadHours,
  classifyScenarios,
} from '../../src/core';

const close = (a: number, b: number, rel = 1e-9): boolean =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

const amount = fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true });
const ratio = fc.double({ min: 0.01, max: 1, noNaN: true });
const positive = fc.double({ min: 0.1, max: 1000, noNaN: true });

describe('FTE and CAPACITY', () => {
  test('CAPACITY(FTE(h)) = h (round trip, no extra fte)', () => {
    fc.assert(
      fc.property(amount, positive, positive, ratio, (hours, weeks, hoursPerFte, r) => {
        const f = fteNeeded(hours, { weeks, hoursPerFte, directRatio: r });
        return close(directCapacity(f, { weeks, hoursPerFte, directRatio: r }), hours);
      }),
    );
  });

  test('FTE rises with hours', () => {
    fc.assert(
      fc.property(amount, amount, ratio, (a, b, r) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return fteNeeded(lo, { directRatio: r }) <= fteNeeded(hi, { directRatio: r });
      }),
    );
  });

  test('FTE falls as the ratio rises', () => {
    fc.assert(
      fc.property(amount, ratio, ratio, fc.double({ min: 0, max: 500, noNaN: true }), (h, a, b, extra) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return (
          fteNeeded(h, { directRatio: hi, extraFte: extra }) <=
          fteNeeded(h, { directRatio: lo, extraFte: extra })
        );
      }),
    );
  });

  test('grossing up the extra fte never gives fewer fte', () => {
    fc.assert(
      fc.property(amount, ratio, fc.double({ min: 0, max: 500, noNaN: true }), (h, r, extra) => {
        const up = fteNeeded(h, { directRatio: r, extraFte: extra });
        const after = fteNeeded(h, { directRatio: r, extraFte: extra, grossUpExtra: false });
        return up >= after - 1e-9 * Math.max(1, up);
      }),
    );
  });
});

describe('WORKLOAD is linear', () => {
  const table = fc
    .integer({ min: 1, max: 30 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: n, maxLength: n }),
      ),
    );

  test('scaling the volumes scales the workload', () => {
    fc.assert(
      fc.property(table, fc.double({ min: 0, max: 100, noNaN: true }), ([v, m], k) =>
        close(
          workloadHours(
            v.map((x) => x * k),
            m,
          ),
          k * workloadHours(v, m),
          1e-9,
        ),
      ),
    );
  });

  test('workload of summed volumes = sum of workloads', () => {
    fc.assert(
      fc.property(table, ([v, m, w]) =>
        close(
          workloadHours(
            v.map((x, i) => x + w[i]),
            m,
          ),
          workloadHours(v, m) + workloadHours(w, m),
          1e-9,
        ),
      ),
    );
  });
});

describe('VARIANCE', () => {
  test('volume incl. mix + price = total, and volume + mix + price = total', () => {
    const rows = fc
      .integer({ min: 1, max: 20 })
      .chain((n) =>
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 1e5, noNaN: true }),
            fc.double({ min: 0, max: 1e4, noNaN: true }),
            fc.double({ min: 0, max: 1e5, noNaN: true }),
            fc.double({ min: 0, max: 1e4, noNaN: true }),
          ),
          { minLength: n, maxLength: n },
        ),
      );
    fc.assert(
      fc.property(rows, (rs) => {
        const v = budgetVariance(
          rs.map((r) => r[0]),
          rs.map((r) => r[1]),
          rs.map((r) => r[2]),
          rs.map((r) => r[3]),
        );
        // Terms such as aV × bP reach 1e9 and cancel; compare relative to their size, not to the (small) total.
        // The quantity and mix steps also hold ΣVa × (Vb / ΣVb) × Pb, which can be large where
        // ΣVb is tiny (a budget volume of 1e-13 carries the whole actual volume): count it too.
        const vbTot = rs.reduce((s, r) => s + r[0], 0);
        const vaTot = rs.reduce((s, r) => s + r[2], 0);
        const scale = rs.reduce(
          (s, r) =>
            s +
            r[0] * r[1] +
            r[2] * r[3] +
            r[2] * r[1] +
            r[0] * r[3] +
            (vbTot > 0 ? vaTot * (r[0] / vbTot) * r[1] : 0),
          0,
        );
        return (
          Math.abs(v.volumeInclMix + v.price - v.total) <= 1e-9 * Math.max(1, scale) &&
          Math.abs(v.volume + v.mix + v.price - v.total) <= 1e-9 * Math.max(1, scale)
        );
      }),
    );
  });
});

describe('FUNDINGPATH', () => {
  const args = fc.record({
    workload: fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 40 }),
    rate: fc.double({ min: 0, max: 100, noNaN: true }),
    lumpsum: fc.double({ min: 0, max: 1e6, noNaN: true }),
    floor: fc.double({ min: 0, max: 5e6, noNaN: true }),
    maxDecline: fc.double({ min: 0, max: 1, noNaN: true }),
    confirmPeriods: fc.integer({ min: 1, max: 6 }),
  });

  test('never below the floor and never falls faster than maxDecline', () => {
    fc.assert(
      fc.property(args, (a) => {
        const path = fundingPath(a.workload, a.rate, a);
        for (let t = 0; t < path.length; t++) {
          if (path[t] < a.floor) return false;
          if (t > 0 && path[t] < path[t - 1] * (1 - a.maxDecline) - 1e-9 * path[t - 1]) return false;
        }
        return true;
      }),
    );
  });

  test('a rise of the target is followed at once', () => {
    fc.assert(
      fc.property(args, (a) => {
        const path = fundingPath(a.workload, a.rate, a);
        for (let t = 0; t < path.length; t++) {
          const target = a.lumpsum + a.rate * a.workload[t];
          if (path[t] < Math.min(target, t === 0 ? target : path[t - 1] * (1 - a.maxDecline))) return false;
          if (t > 0 && target >= path[t - 1] && path[t] !== Math.max(a.floor, target)) return false;
        }
        return true;
      }),
    );
  });
});

describe('BACKLOG', () => {
  test('never negative, and never more than initial + Σ inflow', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 1e5, noNaN: true }),
            fc.double({ min: 0, max: 1e5, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 50,
          },
        ),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        (rows, initial) => {
          const b = backlogPath(
            rows.map((r) => r[0]),
            rows.map((r) => r[1]),
            initial,
          );
          let cap = initial;
          for (let t = 0; t < b.length; t++) {
            cap += rows[t][0];
            if (b[t] < 0 || b[t] > cap * (1 + 1e-12)) return false;
          }
          return true;
        },
      ),
    );
  });
});

describe('LUMPSUMSPLIT', () => {
  test('parts sum to C + lumpsum', () => {
    fc.assert(
      fc.property(amount, fc.double({ min: 0, max: 1, noNaN: true }), amount, (c, s, l) => {
        const split = lumpsumSplit(c, s, l);
        return close(split.lumpsum + split.output, c + l, 1e-12) && split.output >= -0.005;
      }),
    );
  });

  test('the moved amount is whole cents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cents, s) => {
          const split = lumpsumSplit(cents / 100, s, 0);
          return Math.abs(split.lumpsum * 100 - Math.round(split.lumpsum * 100)) < 1e-6;
        },
      ),
    );
  });
});

describe('SCENARIO', () => {
  test('periods above the band are peaks, within the band normal, below it below band', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200000 }), { minLength: 1, maxLength: 40 }), (w) => {
        const labels = classifyScenarios(w);
        return w.every((x, i) =>
          x > 93000
            ? labels[i] === 'shortPeak' || labels[i] === 'longPeak'
            : labels[i] === (x < 76000 ? 'belowBand' : 'normal'),
        );
      }),
    );
  });
});

describe('excelRound', () => {
  test('is odd-symmetric (half away from zero) and within half a unit', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const r = excelRound(x, d);
        // === treats -0 and 0 as equal, which is what Excel shows.
        const symmetric = excelRound(-x, d) === -r;
        const near = Math.abs(r - x) <= 0.5 * 10 ** -d + 1e-9 * Math.abs(x);
        return symmetric && near;
      }),
    );
  });
});
