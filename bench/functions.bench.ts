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
 */
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
          s += fteNeeded(inp.hours[i], { weeks: 4, directRatio: 0.57, extraFte: 60 });
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
}
