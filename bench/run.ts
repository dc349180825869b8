/**
 * `npm run bench`: runs every `*.bench.js` module next to this file (compiled from `bench/*.ts` by
 * `npm run build:cli`), one after the other, each under its own header.
 *
 * Bench contract: a module exports `run(log)` and prints its own measured figures through `log`.
 * Timings are printed, never asserted (tests assert counts instead).
 *
 * Usage: `node dist-cli/bench/run.js [name-filter ...]`, e.g. `node dist-cli/bench/run.js functions`.
 */
import { readdirSync } from 'fs';
import { join } from 'path';

/** What every bench module exports. */
export interface BenchModule {
  run: (log: (line: string) => void) => Promise<void>;
}

/**
 * The bench modules in `dir`, sorted by name, optionally filtered by substrings of their names.
 *
 * @param dir - the folder holding the compiled `*.bench.js` files.
 * @param filters - keep a module when its name (without `.bench.js`) contains one of these (all when empty).
 * @returns the file names.
 */
export function findBenchModules(dir: string, filters: string[] = []): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.slice(0, -'.bench.js'.length).includes(x)))
    .sort();
}

/**
 * Runs the bench modules of `dir` in sequence.
 *
 * @param dir - the folder holding the compiled `*.bench.js` files.
 * @param filters - name filters (see {@link findBenchModules}).
 * @param log - where lines go (stdout by default).
 * @returns the number of modules that failed (a failing module does not stop the others).
 */
export async function runAll(
  dir: string,
  filters: string[] = [],
  log: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<number> {
  const files = findBenchModules(dir, filters);
  if (files.length === 0) log(`No *.bench.js modules found in ${dir}.`);
  log(`Node ${process.version}, ${process.platform}/${process.arch}`);
  let failed = 0;
  for (const file of files) {
    log('');
    log(`=== ${file.replace(/\.bench\.js$/, '')} ===`);
    const started = process.hrtime.bigint();
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(join(dir, file)) as Partial<BenchModule>;
      if (typeof mod.run !== 'function') throw new Error(`${file} does not export run(log)`);
      await mod.run(log);
    } catch (e) {
      failed++;
      log(`FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    log(`(${file} took ${seconds.toFixed(1)} s)`);
  }
  return failed;
}

if (require.main === module) {
  runAll(__dirname, process.argv.slice(2)).then(
    (failed) => {
      process.exitCode = failed > 0 ? 1 : 0;
    },
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
