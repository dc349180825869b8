/**
 * Bench: a 1,000,000-row time-recording CSV, generated to a temp file, streamed through the
 * same parse + aggregate code the task pane runs on `File.stream()` (`importCsv`). Each size
 * runs in a fresh child process, which reports its wall time, its peak heap (sampled every
 * 10 ms) and its peak RSS (`process.resourceUsage().maxRSS`). Comparing 100k with 1M rows shows
 * that memory is bounded by the aggregate, not by the file: the file is never one string.
 *
 * Then the same 1,000,000 rows as an .xlsx (shared strings after the sheet, as Excel writes
 * them) through `importXlsx`, with time and peak memory next to the CSV figure; and the CSV
 * import side by side with Papa Parse streaming the same file and summing hours per team, in
 * one process, alternating the two, over several rounds: the printed ratio is the median of the
 * rounds' ratios, so a machine that other work slows down slows both sides of each round (printed
 * twice: with asynchronous reads on both sides, and with the import reading synchronously).
 */
import { fork } from 'child_process';
import {
  closeSync,
  createReadStream,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'fs';
import { open, type FileHandle } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import Papa from 'papaparse';
import { importCsv, importXlsx } from '../src/core/timerecording/import';
import { byteSource } from '../src/core/xlsx';
import { GENERATED_COLUMNS, generateLines } from '../test/generators/timeRecordingExport';
import { fileStream } from './fileStream';

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

/** Excel serial of a dd-mm-yyyy date (1900 system). */
function serial(dmy: string): number {
  const [d, m, y] = dmy.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000 + 25569;
}

/**
 * Writes the same first `rows` data rows as an .xlsx, streamed with fflate's `Zip` (never one
 * string): text as shared strings, dates as serials, hours and cases as numbers. The shared
 * strings part comes after the sheet, as in files Excel writes.
 */
function writeXlsx(path: string, rows: number): void {
  const { lines } = generateLines({ seed: 1, teams: 40, personsPerTeam: 70, weeks: 52 });
  const fd = openSync(path, 'w');
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    writeSync(fd, chunk);
  });
  const add = (name: string, text: string): void => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  );
  add(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  add(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  add(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  const shared = new Map<string, number>();
  const sst = (s: string): number => {
    let k = shared.get(s);
    if (k === undefined) {
      k = shared.size;
      shared.set(s, k);
    }
    return k;
  };
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  sheet.push(
    strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
  );
  const cols = 'ABCDEFG';
  let batch: string[] = [];
  let r = 0;
  for (const line of lines) {
    r++;
    const f = line.split(';');
    const cells = f.map((v, j) => {
      const ref = `${cols[j]}${r}`;
      if (v === '') return '';
      if (r > 1 && j === 1) return `<c r="${ref}" s="1"><v>${serial(v)}</v></c>`;
      if (r > 1 && (j === 5 || j === 6) && /^\d+(,\d+)?$/.test(v))
        return `<c r="${ref}"><v>${v.replace(',', '.')}</v></c>`;
      return `<c r="${ref}" t="s"><v>${sst(v)}</v></c>`;
    });
    batch.push(`<row r="${r}">${cells.join('')}</row>`);
    if (batch.length >= 5000) {
      sheet.push(strToU8(batch.join('')));
      batch = [];
    }
    if (r > rows) break;
  }
  sheet.push(strToU8(`${batch.join('')}</sheetData></worksheet>`), true);
  add(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.size}" uniqueCount="${shared.size}">${[...shared.keys()].map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`,
  );
  zip.end();
  closeSync(fd);
}

/** Random access to a file (what a browser File gives through slice()). */
function fileSource(path: string) {
  const fd = openSync(path, 'r');
  const size = statSync(path).size;
  return {
    source: byteSource({
      size,
      read: (offset: number, length: number) => {
        const buf = new Uint8Array(Math.min(length, size - offset));
        readSync(fd, buf, 0, buf.length, offset);
        return Promise.resolve(buf);
      },
    }),
    close: () => closeSync(fd),
  };
}

/** Papa Parse streaming the file and summing hours per team (the minimum an import must do). */
function papaSumPerTeam(path: string): Promise<{ rows: number; teams: number; hours: number }> {
  return new Promise((resolve, reject) => {
    const sums = new Map<string, number>();
    let rows = -1; // the header
    Papa.parse<string[]>(createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 }), {
      delimiter: ';',
      chunk(res) {
        for (const row of res.data) {
          if (rows++ < 0 || row.length < 6) continue;
          const h = parseFloat(row[5].replace(',', '.'));
          sums.set(row[2], (sums.get(row[2]) ?? 0) + h);
        }
      },
      complete: () =>
        resolve({ rows, teams: sums.size, hours: [...sums.values()].reduce((a, b) => a + b, 0) }),
      error: (e: Error) => reject(e),
    });
  });
}

/**
 * A pull-based byte stream over a file whose reads are asynchronous (`FileHandle.read`), as the
 * browser's `File.stream()` and Papa Parse's `fs.createReadStream` read: the stream asks for the
 * next 64 KB chunk while the parser works on the previous one (one chunk ahead, back-pressure
 * kept). With synchronous reads (`fileStream`) the process never waits, and on a loaded machine
 * the scheduler then gives it less time than the peer that waits for its reads: the ratio
 * measured the I/O model, not the parser. Both are printed.
 */
function asyncFileStream(path: string): () => ReadableStream<Uint8Array> {
  return () => {
    let fh: FileHandle | undefined;
    return new ReadableStream<Uint8Array>({
      async start() {
        fh = await open(path, 'r');
      },
      async pull(controller) {
        const buf = new Uint8Array(64 * 1024);
        const { bytesRead } = await (fh as FileHandle).read(buf, 0, buf.length, null);
        if (bytesRead === 0) {
          await (fh as FileHandle).close();
          controller.close();
        } else controller.enqueue(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
      },
      async cancel() {
        await fh?.close();
      },
    });
  };
}

interface CompareReport {
  rounds: { ours: number; papa: number }[];
  oursRows: number;
  papaRows: number;
  oursHours: number;
  papaHours: number;
}

async function compare(path: string, rounds: number, io: 'async' | 'sync'): Promise<void> {
  const out: CompareReport = { rounds: [], oursRows: 0, papaRows: 0, oursHours: 0, papaHours: 0 };
  const stream = io === 'async' ? asyncFileStream(path) : fileStream(path);
  const ours = async (): Promise<number> => {
    const t0 = process.hrtime.bigint();
    const r = await importCsv(stream, { mapping: GENERATED_COLUMNS, periodKind: 'period4w' });
    out.oursRows = r.rowsRead;
    out.oursHours = r.hoursAccepted;
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const papa = async (): Promise<number> => {
    const t0 = process.hrtime.bigint();
    const r = await papaSumPerTeam(path);
    out.papaRows = r.rows;
    out.papaHours = r.hours;
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  await ours(); // warm both up once (JIT), not counted
  await papa();
  for (let i = 0; i < rounds; i++) {
    // Alternate which runs first, so a burst of load elsewhere does not always hit the same side.
    if (i % 2 === 0) {
      const a = await ours();
      const b = await papa();
      out.rounds.push({ ours: a, papa: b });
    } else {
      const b = await papa();
      const a = await ours();
      out.rounds.push({ ours: a, papa: b });
    }
  }
  process.send?.(out);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

interface ChildReport {
  ms: number;
  rows: number;
  accepted: number;
  cells: number;
  peakHeapMB: number;
  maxRssMB: number;
  baseHeapMB: number;
}

async function child(path: string, kind = 'csv'): Promise<void> {
  const mb = (b: number) => b / 1048576;
  const baseHeap = process.memoryUsage().heapUsed;
  let peakHeap = baseHeap;
  const timer = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 10);
  const t0 = process.hrtime.bigint();
  // A pull-based byte stream, like the browser's File.stream(): the next 64 KB chunk is read only
  // when the parser asks for it. (Node's Readable.toWeb reads ahead without back-pressure.)
  const opts = { mapping: GENERATED_COLUMNS, periodKind: 'period4w' as const };
  let r;
  if (kind === 'xlsx') {
    const f = fileSource(path);
    try {
      r = await importXlsx(f.source, opts);
    } finally {
      f.close();
    }
  } else r = await importCsv(fileStream(path), opts);
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

function runChild<T = ChildReport>(path: string, execArgv: string[] = [], kind = 'csv'): Promise<T> {
  return new Promise((resolve, reject) => {
    const c = fork(__filename, [CHILD_FLAG, path, kind], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv,
    });
    c.once('message', (m) => resolve(m as T));
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

    // The same 1M rows as .xlsx, next to the CSV figure.
    const xlsxPath = join(dir, 'export-1000000.xlsx');
    const x0 = Date.now();
    writeXlsx(xlsxPath, 1_000_000);
    const xlsxSize = statSync(xlsxPath).size;
    log(
      `generated the same 1,000,000 rows as .xlsx, ${(xlsxSize / 1048576).toFixed(1)} MB, in ${((Date.now() - x0) / 1000).toFixed(1)} s`,
    );
    const xr = await runChild(xlsxPath, [], 'xlsx');
    log(
      `xlsx import+aggregate ${xr.rows.toLocaleString('en')} rows (${xr.accepted.toLocaleString('en')} accepted): ${(xr.ms / 1000).toFixed(2)} s ` +
        `(${Math.round(xr.rows / (xr.ms / 1000)).toLocaleString('en')} rows/s), peak heap ${xr.peakHeapMB.toFixed(1)} MB, max RSS ${xr.maxRssMB.toFixed(1)} MB; ` +
        `csv of the same rows: ${(big.rep.ms / 1000).toFixed(2)} s, peak heap ${big.rep.peakHeapMB.toFixed(1)} MB, max RSS ${big.rep.maxRssMB.toFixed(1)} MB (xlsx/csv time ×${(xr.ms / big.rep.ms).toFixed(2)})`,
    );

    // CSV import against Papa Parse, same file, same process, alternating, median of the rounds:
    // first with asynchronous reads on both sides (Papa Parse's fs stream; ours like File.stream()),
    // then with ours reading synchronously (see asyncFileStream).
    const rounds = 7;
    for (const io of ['async', 'sync'] as const) {
      const cmp = await runChild<CompareReport>(
        join(dir, 'export-1000000.csv'),
        [],
        `compare:${rounds}:${io}`,
      );
      const ratios = cmp.rounds.map((x) => x.ours / x.papa);
      log(
        `csv vs Papa Parse (same ${(big.size / 1048576).toFixed(0)} MB file, one process, ${rounds} alternating rounds after a warm-up, ` +
          `importCsv reading ${io === 'async' ? 'asynchronously like Papa Parse' : 'synchronously'}): ` +
          `importCsv median ${(median(cmp.rounds.map((x) => x.ours)) / 1000).toFixed(2)} s (every check, aggregate by team × period × product × category, person-weeks), ` +
          `Papa Parse median ${(median(cmp.rounds.map((x) => x.papa)) / 1000).toFixed(2)} s (parse + hours per team); ` +
          `ratio median ×${median(ratios).toFixed(2)} (rounds: ${ratios.map((x) => x.toFixed(2)).join(', ')}); ` +
          `rows ${cmp.oursRows.toLocaleString('en')} vs ${cmp.papaRows.toLocaleString('en')}, hours ${cmp.oursHours.toFixed(1)} vs ${cmp.papaHours.toFixed(1)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD_FLAG) {
  const kind = process.argv[4] ?? 'csv';
  const [, roundsArg, io] = kind.split(':');
  (kind.startsWith('compare:')
    ? compare(process.argv[3], Number(roundsArg), io === 'sync' ? 'sync' : 'async')
    : child(process.argv[3], kind)
  ).then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
