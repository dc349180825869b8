/**
 * Bench: a 500,000-case stock export (CSV, 7 columns including a name column that is never read),
 * generated to a temp file and streamed through the same code the *Sturing* tab runs on
 * `File.stream()` (`importStockExport`: the one row adapter, the CsvTokenizer, the aggregator),
 * then the cycle's write plan built from the aggregate. It runs in a fresh child process that
 * reports wall times, its peak heap (sampled every 10 ms) and its peak RSS. The peer in the same
 * process is a 50,000-case export: time(500k) / time(50k) is about 10 when the cost is linear.
 * Memory held is the aggregate plus one entry per case id (to refuse duplicates), never the file.
 */
import { fork } from 'child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEADLINES_DEFAULT } from '../src/core/params/steering';
import { buildCalendar, importStockExport, parseDate } from '../src/core/steering';
import { generateStockCsv } from '../test/generators/steeringExport';
import { fileStream } from './fileStream';

const CHILD_FLAG = '--steering-bench-child';
const PEIL = '30-04-2026';

interface Measured {
  cases: number;
  profileRows: number;
  ms: number;
}

interface ChildReport {
  runs: Measured[];
  planMs: number;
  planCells: number;
  peakHeapMB: number;
  baseHeapMB: number;
  maxRssMB: number;
}

async function child(paths: string[]): Promise<void> {
  const mb = (b: number) => b / 1048576;
  const baseHeap = process.memoryUsage().heapUsed;
  let peakHeap = baseHeap;
  const timer = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 10);
  const peil = parseDate(PEIL);
  const calendar = buildCalendar(2026);
  const terms = new Map(DEADLINES_DEFAULT.map((d) => [d.product, d.termDays]));
  const runs: Measured[] = [];
  let last: Awaited<ReturnType<typeof importStockExport>> | undefined;
  for (const path of paths) {
    const t0 = process.hrtime.bigint();
    last = await importStockExport(
      { kind: 'csv', open: fileStream(path) },
      { file: path, peil, calendar, terms },
    );
    runs.push({
      cases: last.result.cases,
      profileRows: last.result.profile.length,
      ms: Number(process.hrtime.bigint() - t0) / 1e6,
    });
  }
  // The write plan of the cycle over the biggest aggregate (parameters as the sheet's defaults).
  const { buildCyclePlan } = await import('../src/taskpane/plans/steering/cyclePlan');
  const { GENERAL_PARAMS } = await import('../src/taskpane/plans/steering/parametersPlan');
  const { PENALTY_SCHEDULE_AWB } = await import('../src/core/params/steering');
  const general = Object.fromEntries(GENERAL_PARAMS.map((p) => [p.key, p.value])) as never;
  const t1 = process.hrtime.bigint();
  const built = buildCyclePlan({
    lang: 'nl',
    peil,
    horizon: 4,
    period: '2026-T2',
    params: {
      general,
      schedule: PENALTY_SCHEDULE_AWB,
      terms,
      calendar,
      teams: new Map(),
      capacityTable: { name: 'IND_Capaciteit', headers: [], rows: [] },
    },
    capacity: new Map([...terms.keys()].map((p) => [p, { fte: 50, normMinutes: 480 }])),
    stock: last!.result,
    plan: [],
    tableNames: [],
    sources: { stock: 'voorraad.csv' },
  });
  const planMs = Number(process.hrtime.bigint() - t1) / 1e6;
  const planCells = built.plan.sheets.reduce(
    (s, sh) =>
      s +
      sh.blocks.reduce((b, x) => b + x.cells.length * x.cells[0].length, 0) +
      (sh.tables ?? []).reduce((b, t) => b + (t.rows.length + 1) * t.headers.length, 0),
    0,
  );
  clearInterval(timer);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const report: ChildReport = {
    runs,
    planMs,
    planCells,
    peakHeapMB: mb(peakHeap),
    baseHeapMB: mb(baseHeap),
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.send?.(report);
}

function runChild(paths: string[]): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const c = fork(__filename, [CHILD_FLAG, ...paths], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    c.once('message', (m) => resolve(m as ChildReport));
    c.once('error', reject);
    c.once('exit', (code) => {
      if (code !== 0) reject(new Error(`bench child exited with ${code}`));
    });
  });
}

/** Bench entry point (see bench/run.ts). */
export async function run(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ind-steer-bench-'));
  try {
    const paths: string[] = [];
    for (const cases of [50_000, 500_000]) {
      const path = join(dir, `voorraad-${cases}.csv`);
      const g0 = Date.now();
      writeFileSync(path, generateStockCsv({ seed: 11, cases, peil: PEIL, withNames: true }));
      log(
        `generated a stock export of ${cases.toLocaleString('en')} cases, ${(statSync(path).size / 1048576).toFixed(1)} MB, in ${((Date.now() - g0) / 1000).toFixed(1)} s`,
      );
      paths.push(path);
    }
    const rep = await runChild(paths);
    for (const r of rep.runs) {
      log(
        `import + ageing aggregate of ${r.cases.toLocaleString('en')} cases: ${(r.ms / 1000).toFixed(2)} s ` +
          `(${Math.round(r.cases / (r.ms / 1000)).toLocaleString('en')} cases/s), ${r.profileRows.toLocaleString('en')} profile rows`,
      );
    }
    const [peer, big] = rep.runs;
    log(`time(500k) / time(50k) = ${(big.ms / peer.ms).toFixed(2)} (10 = linear)`);
    log(
      `cycle write plan from the 500k aggregate: ${rep.planMs.toFixed(0)} ms, ${rep.planCells.toLocaleString('en')} cells (aggregates and formulas only)`,
    );
    log(
      `peak heap ${rep.peakHeapMB.toFixed(1)} MB (start ${rep.baseHeapMB.toFixed(1)} MB), max RSS ${rep.maxRssMB.toFixed(1)} MB ` +
        `(includes one map entry per case id, to refuse duplicates)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD_FLAG) {
  child(process.argv.slice(3)).then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
