/**
 * Bench: a 1,000,000-row time-recording CSV, generated to a temp file, streamed through the
 * same parse + aggregate code the task pane runs on `File.stream()` (`importCsv`). Each size
 * runs in a fresh child process, which reports its wall time, its peak heap (sampled every
 * 10 ms) and its peak RSS (`process.resourceUsage().maxRSS`). Comparing 100k with 1M rows shows
 * that memory is bounded by the aggregate, not by the file: the file is never one string.
 */
import { fork } from 'child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { importCsv } from '../src/core/timerecording/import';
import { GENERATED_COLUMNS, generateLines } from '../test/generators/timeRecordingExport';

const CHILD_FLAG = '--timerecording-bench-child';

/** Writes the first `rows` data rows of a generated export (40 teams × 70 persons) to `path`. */
function writeExport(path: string, rows: number): void {
  const { lines } = generateLines({ seed: 1, teams: 40, personsPerTeam: 70, weeks: 52 });
  const fd = openSync(path, 'w');
  let batch: string[] = [];
  let n = -1; // the header is not a data row
  for (const line of lines) {
    batch.push(line);
    n++;
    if (batch.length >= 10000) {
      writeSync(fd, batch.join('\r\n') + '\r\n');
      batch = [];
    }
    if (n >= rows) break;
  }
  if (batch.length > 0) writeSync(fd, batch.join('\r\n') + '\r\n');
  closeSync(fd);
}

interface ChildReport {
  ms: number;
  rows: number;
  accepted: number;
  cells: number;
  peakHeapMB: number;
  maxRssMB: number;
  baseHeapMB: number;
}

async function child(path: string): Promise<void> {
  const mb = (b: number) => b / 1048576;
  const baseHeap = process.memoryUsage().heapUsed;
  let peakHeap = baseHeap;
  const timer = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 10);
  const t0 = process.hrtime.bigint();
  // A pull-based byte stream, like the browser's File.stream(): the next 64 KB chunk is read only
  // when the parser asks for it. (Node's Readable.toWeb reads ahead without back-pressure.)
  const open = (): ReadableStream<Uint8Array> => {
    let fd = -1;
    return new ReadableStream<Uint8Array>({
      start() {
        fd = openSync(path, 'r');
      },
      pull(controller) {
        const buf = new Uint8Array(64 * 1024);
        const n = readSync(fd, buf, 0, buf.length, null);
        if (n === 0) {
          closeSync(fd);
          controller.close();
        } else controller.enqueue(n === buf.length ? buf : buf.subarray(0, n));
      },
      cancel() {
        closeSync(fd);
      },
    });
  };
  const r = await importCsv(open, { mapping: GENERATED_COLUMNS, periodKind: 'period4w' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  clearInterval(timer);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const report: ChildReport = {
    ms,
    rows: r.rowsRead,
    accepted: r.rowsAccepted,
    cells: r.cells.length,
    peakHeapMB: mb(peakHeap),
    baseHeapMB: mb(baseHeap),
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.send?.(report);
}

function runChild(path: string, execArgv: string[] = []): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const c = fork(__filename, [CHILD_FLAG, path], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv,
    });
    c.once('message', (m) => resolve(m as ChildReport));
    c.once('error', reject);
    c.once('exit', (code) => {
      if (code !== 0) reject(new Error(`bench child exited with ${code}`));
    });
  });
}

/** Bench entry point (see bench/run.ts). */
export async function run(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ind-tr-bench-'));
  try {
    const results: { rows: number; size: number; rep: ChildReport }[] = [];
    for (const rows of [100_000, 1_000_000]) {
      const path = join(dir, `export-${rows}.csv`);
      const g0 = Date.now();
      writeExport(path, rows);
      const size = statSync(path).size;
      log(
        `generated ${rows.toLocaleString('en')} rows, ${(size / 1048576).toFixed(1)} MB, in ${((Date.now() - g0) / 1000).toFixed(1)} s`,
      );
      const rep = await runChild(path);
      results.push({ rows, size, rep });
      log(
        `import+aggregate ${rep.rows.toLocaleString('en')} rows (${rep.accepted.toLocaleString('en')} accepted, ${rep.cells.toLocaleString('en')} aggregate cells): ` +
          `${(rep.ms / 1000).toFixed(2)} s (${Math.round(rep.rows / (rep.ms / 1000)).toLocaleString('en')} rows/s), ` +
          `peak heap ${rep.peakHeapMB.toFixed(1)} MB (start ${rep.baseHeapMB.toFixed(1)} MB), max RSS ${rep.maxRssMB.toFixed(1)} MB`,
      );
    }
    // The proof that nothing holds the file: the 1M-row import under a V8 heap cap smaller than the file.
    const capMB = 32;
    const capped = await runChild(join(dir, 'export-1000000.csv'), [`--max-old-space-size=${capMB}`]);
    log(
      `1M rows again with the heap capped at ${capMB} MB (--max-old-space-size; the file is ${(results[1].size / 1048576).toFixed(0)} MB): ` +
        `completed in ${(capped.ms / 1000).toFixed(2)} s, peak heap ${capped.peakHeapMB.toFixed(1)} MB, max RSS ${capped.maxRssMB.toFixed(1)} MB, ${capped.accepted.toLocaleString('en')} rows accepted`,
    );
    const [small, big] = results;
    log(
      `bounded memory: 10× the rows (${(big.size / small.size).toFixed(1)}× the bytes) → peak heap ×${(big.rep.peakHeapMB / small.rep.peakHeapMB).toFixed(2)}, max RSS ×${(big.rep.maxRssMB / small.rep.maxRssMB).toFixed(2)}; ` +
        `uncapped peak heap includes garbage V8 has not yet collected; state kept is the aggregate (${big.rep.cells.toLocaleString('en')} cells) plus one sum per person-week`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD_FLAG) {
  child(process.argv[3]).then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
