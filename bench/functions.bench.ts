/**
 * Throughput of the core functions AND of the Excel adapters (what a recalculation costs) for
 * WORKLOAD, FTE and SCENARIO at 10³, 10⁴, 10⁵ and 10⁶ rows.
 *
 * - WORKLOAD and SCENARIO take a column of n rows in ONE call (a product table, a period series).
 * - FTE is a scalar function: n rows means n calls, as a column of n `=IND.FTE(...)` cells.
 *
 * Each case is warmed up, then timed several times; the median is printed with rows/s, ms per
 * call, and the growth factor time(n) / time(n/10): about 10 means the cost grows linearly.
 * The fastest run is printed too (on a shared machine it varies less than the median).
 * A checksum of the results is printed so the work cannot be optimised away and so that a
 * broken function shows up as NaN instead of as an impressive speed.
 *
 * Then the targets of issue 8, each as a ratio of two cases timed in the same run (interleaved,
 * so a busy machine slows both alike), never as an absolute time:
 * - IND.WORKLOAD's adapter on a 1,048,576-row column (Excel-shaped `number[][]`) against
 *   SUMPRODUCT of @formulajs/formulajs (MIT, a dev dependency of this bench) on the same inputs
 *   (target: at least 2× as fast) and against a plain loop over the same `number[][]` that does
 *   the same checks (target: within 1.5×), with a plain Float64Array dot product of the same size
 *   as the memory-bandwidth reference;
 * - IND.SCENARIO's adapter: t(10⁶) / t(10⁵) (target: at most 12, i.e. linear);
 * - IND.FTE's adapter against a direct call of the core function (target: within 1.5×).
 */
import { SUMPRODUCT } from '@formulajs/formulajs';
import { classifyScenarios, fteNeeded, workloadHours } from '../src/core';
import { registry } from '../src/functions/registry';

type Log = (line: string) => void;

/** Deterministic pseudo-random numbers (LCG), so runs are comparable. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Inputs {
  volumes: Float64Array;
  norms: Float64Array;
  hours: Float64Array;
  volumes2d: number[][];
  norms2d: number[][];
  hours2d: number[][];
}

function makeInputs(n: number): Inputs {
  const rnd = lcg(n);
  const volumes = new Float64Array(n);
  const norms = new Float64Array(n);
  const hours = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    volumes[i] = Math.floor(rnd() * 500);
    norms[i] = 30 + rnd() * 900;
    // Workload per period around the 76k–93k band, with excursions above and below it.
    hours[i] = 70000 + rnd() * 35000;
  }
  const col = (a: Float64Array): number[][] => Array.from(a, (x) => [x]);
  return { volumes, norms, hours, volumes2d: col(volumes), norms2d: col(norms), hours2d: col(hours) };
}

/** Sums numbers and counts labels, so every result is consumed. */
function checksum(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.length;
  if (Array.isArray(v)) {
    let s = 0;
    for (const x of v) s += checksum(x);
    return s;
  }
  return Number.NaN; // an error object or anything unexpected
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

interface Case {
  name: string;
  layer: 'core' | 'adapter';
  /** Calls made per measurement for n rows (n for FTE, 1 for column functions). */
  calls: (n: number) => number;
  run: (inp: Inputs, n: number) => number;
}

function adapter(name: string): (...args: unknown[]) => unknown {
  const fn = registry[name];
  if (typeof fn !== 'function') throw new Error(`registry has no ${name}`);
  return fn as (...args: unknown[]) => unknown;
}

function cases(): Case[] {
  const fteFn = adapter('IND.FTE');
  const workloadFn = adapter('IND.WORKLOAD');
  const scenarioFn = adapter('IND.SCENARIO');
  return [
    {
      name: 'WORKLOAD',
      layer: 'core',
      calls: () => 1,
      run: (inp) => workloadHours(inp.volumes, inp.norms),
    },
    {
      name: 'WORKLOAD',
      layer: 'adapter',
      calls: () => 1,
      run: (inp) => checksum(workloadFn(inp.volumes2d, inp.norms2d, null, null)),
    },
    {
      name: 'FTE',
      layer: 'core',
      calls: (n) => n,
      run: (inp, n) => {
        let s = 0;
        for (let i = 0; i < n; i++)
          s += fteNeeded(inp.hours[i], {
            weeks: 4,
            hoursPerFte: 36,
            directRatio: 0.57,
            extraFte: 60,
            grossUpExtra: true,
          });
        return s;
      },
    },
    {
      name: 'FTE',
      layer: 'adapter',
      calls: (n) => n,
      run: (inp, n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += checksum(fteFn(inp.hours[i], 4, 36, 0.57, 60, null));
        return s;
      },
    },
    {
      name: 'SCENARIO',
      layer: 'core',
      calls: () => 1,
      run: (inp) => classifyScenarios(inp.hours).length,
    },
    {
      name: 'SCENARIO',
      layer: 'adapter',
      calls: () => 1,
      run: (inp) => checksum(scenarioFn(inp.hours2d, null, null, null, null, null)),
    },
  ];
}

const SIZES = [1e3, 1e4, 1e5, 1e6];

function pad(s: string, w: number): string {
  return s.length >= w ? s : ' '.repeat(w - s.length) + s;
}

/** Formats a count with thousands separators (1,000,000), for readability in a log. */
function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * Measures every case at every size and prints one line per measurement.
 *
 * @param log - where the lines go.
 */
export async function run(log: Log): Promise<void> {
  const inputs = new Map(SIZES.map((n) => [n, makeInputs(n)]));
  log(
    'function  layer         rows   median ms      min ms       rows/s     ms/call   t(n)/t(n/10)  checksum',
  );
  for (const c of cases()) {
    // Warm-up: let the JIT compile the hot paths before anything is timed.
    const warm = inputs.get(1e4)!;
    for (let i = 0; i < 5; i++) c.run(warm, 1e4);
    let prev: number | undefined;
    for (const n of SIZES) {
      const inp = inputs.get(n)!;
      const repeats = n >= 1e6 ? 3 : n >= 1e5 ? 5 : 9;
      const times: number[] = [];
      let sum = 0;
      for (let r = 0; r < repeats; r++) {
        const t0 = process.hrtime.bigint();
        sum = c.run(inp, n);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      const ms = median(times);
      const ratio = prev === undefined ? '' : (ms / prev).toFixed(1);
      prev = ms;
      log(
        [
          c.name.padEnd(9),
          c.layer.padEnd(8),
          pad(count(n), 10),
          pad(ms.toFixed(3), 11),
          pad(Math.min(...times).toFixed(3), 11),
          pad(count((n / ms) * 1000), 12),
          pad((ms / c.calls(n)).toPrecision(3), 11),
          pad(ratio, 14),
          '  ' + sum.toPrecision(8),
        ].join(' '),
      );
      // Let the event loop breathe between big cases (GC, output flushing).
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  log('ms/call: FTE is one call per row; WORKLOAD and SCENARIO take the whole column in one call.');
  log('t(n)/t(n/10) ≈ 10 means linear cost; well above 10 would mean a quadratic hot spot.');
  log('rows/s and the ratio use the median; min shows the best run, a steadier figure on a busy machine.');
  log('');
  await targets(log);
}

/** Excel's largest column: 2^20 rows. */
export const EXCEL_ROWS = 1_048_576;

/**
 * The reference loop: the same work as IND.WORKLOAD's happy path over Excel-shaped input, written
 * as plainly as possible: per row, both cells must be finite numbers ≥ 0, then Σ v × m / 60.
 * A cell that is not is counted (so the checks cannot be optimised away), not thrown.
 */
export function plainCheckedWorkload(volumes: number[][], norms: number[][]): number {
  let minutes = 0;
  let odd = 0;
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i][0];
    const m = norms[i][0];
    if (typeof v === 'number' && typeof m === 'number' && v >= 0 && m >= 0 && v < Infinity && m < Infinity)
      minutes += v * m;
    else odd++;
  }
  return odd > 0 ? NaN : minutes / 60;
}

/** The memory-bandwidth reference: a dot product of two Float64Arrays of the same length. */
export function float64Dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Written by {@link settle}, so that its garbage cannot be optimised away. */
let settled = 0;

/**
 * Untimed, between two timed cases: allocates about 32 MB of short-lived objects, so that the
 * young-generation collection the previous case's garbage would cause runs here and not inside the
 * next case's timing (formulajs allocates much; the adapter and the loops allocate almost nothing).
 */
function settle(): void {
  let last: number[] = [];
  for (let i = 0; i < 1_000_000; i++) last = [i, i];
  settled += last[0];
}

/** Times several cases interleaved (round-robin), so machine load hits each alike; medians in ms. */
function interleaved(
  cases: Record<string, () => number>,
  rounds: number,
): Record<string, { ms: number; sum: number }> {
  const names = Object.keys(cases);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const sums: Record<string, number> = {};
  for (const n of names) for (let w = 0; w < 3; w++) sums[n] = cases[n](); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const n of names) {
      settle();
      const t0 = process.hrtime.bigint();
      sums[n] = cases[n]();
      times[n].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  if (settled < 0) throw new Error('unreachable');
  return Object.fromEntries(names.map((n) => [n, { ms: median(times[n]), sum: sums[n] }]));
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'NOT met';
}

/** Prints the issue-8 targets as ratios measured in this run. */
async function targets(log: Log): Promise<void> {
  log('Targets (issue 8), each a ratio of two cases timed in this run, interleaved; medians:');
  const n = EXCEL_ROWS;
  const inp = makeInputs(n);
  const workloadFn = adapter('IND.WORKLOAD');
  const w = interleaved(
    {
      adapter: () => checksum(workloadFn(inp.volumes2d, inp.norms2d, null, null)),
      plainLoop: () => plainCheckedWorkload(inp.volumes2d, inp.norms2d),
      formulajs: () => (SUMPRODUCT(inp.volumes2d, inp.norms2d) as number) / 60,
      float64Dot: () => float64Dot(inp.volumes, inp.norms) / 60,
    },
    15,
  );
  const rate = (ms: number): string => pad(count((n / ms) * 1000), 13);
  for (const [name, r] of Object.entries(w))
    log(
      `  WORKLOAD ${name.padEnd(11)} ${pad(r.ms.toFixed(2), 9)} ms ${rate(r.ms)} rows/s   checksum ${r.sum.toPrecision(10)}`,
    );
  const vsFormulajs = w.formulajs.ms / w.adapter.ms;
  const vsPlain = w.adapter.ms / w.plainLoop.ms;
  log(
    `  WORKLOAD adapter speed-up over formulajs SUMPRODUCT: ${vsFormulajs.toFixed(2)}× (target ≥ 2): ${verdict(vsFormulajs >= 2)}`,
  );
  log(
    `  WORKLOAD adapter time / plain checked 2-D loop:      ${vsPlain.toFixed(2)}× (target ≤ 1.5): ${verdict(vsPlain <= 1.5)}`,
  );
  log(
    `  WORKLOAD adapter time / Float64Array dot product:    ${(w.adapter.ms / w.float64Dot.ms).toFixed(2)}× (memory-bandwidth reference)`,
  );
  log(
    `  plain 2-D loop time / Float64Array dot product:      ${(w.plainLoop.ms / w.float64Dot.ms).toFixed(2)}× (the cost of Excel-shaped input)`,
  );
  await new Promise((resolve) => setImmediate(resolve));

  const scenarioFn = adapter('IND.SCENARIO');
  const small = makeInputs(1e5);
  const big = makeInputs(1e6);
  const sc = interleaved(
    {
      '10^5': () => checksum(scenarioFn(small.hours2d, null, null, null, null, null)),
      '10^6': () => checksum(scenarioFn(big.hours2d, null, null, null, null, null)),
    },
    5,
  );
  const growth = sc['10^6'].ms / sc['10^5'].ms;
  log(
    `  SCENARIO adapter ${pad(sc['10^5'].ms.toFixed(2), 9)} ms at 10^5 rows, ${pad(sc['10^6'].ms.toFixed(2), 9)} ms at 10^6 rows`,
  );
  log(
    `  SCENARIO adapter t(10^6) / t(10^5):                   ${growth.toFixed(2)} (target ≤ 12): ${verdict(growth <= 12)}`,
  );
  await new Promise((resolve) => setImmediate(resolve));

  const fteFn = adapter('IND.FTE');
  const calls = 1e6;
  const f = interleaved(
    {
      core: () => {
        let s = 0;
        for (let i = 0; i < calls; i++)
          s += fteNeeded(big.hours[i], { weeks: 4, hoursPerFte: 36, directRatio: 0.57, extraFte: 60 });
        return s;
      },
      adapter: () => {
        let s = 0;
        for (let i = 0; i < calls; i++) s += checksum(fteFn(big.hours[i], 4, 36, 0.57, 60, null));
        return s;
      },
    },
    7,
  );
  const fteRatio = f.adapter.ms / f.core.ms;
  log(
    `  FTE core    ${pad(((f.core.ms / calls) * 1e6).toFixed(1), 7)} ns/call; adapter ${pad(((f.adapter.ms / calls) * 1e6).toFixed(1), 7)} ns/call`,
  );
  log(
    `  FTE adapter time / direct core call:                  ${fteRatio.toFixed(2)}× (target ≤ 1.5): ${verdict(fteRatio <= 1.5)}`,
  );
}
