/**
 * Gzipped sizes of the built add-in (`dist/`, from `npm run build`): the task-pane bundle (every
 * JavaScript chunk of the taskpane entry) and the custom-functions bundle (`functions.js`), as a
 * user's Office downloads them. Missing files are reported, never guessed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';
import { gzipSync } from 'zlib';

type Log = (line: string) => void;

/** Raw and gzipped size of one file. */
export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

/**
 * Measures a file's size and its gzip size (level 9, as a web server would serve it at best).
 *
 * @param path - the file.
 * @returns its sizes in bytes.
 */
export function measure(path: string): FileSize {
  const data = readFileSync(path);
  return { file: path, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

/**
 * Splits the JavaScript files of `dist/` into the two bundles: `functions*.js` is the
 * custom-functions bundle; every other `.js` (the `taskpane` entry and any chunk it loads) belongs
 * to the task pane. Source maps and `.LICENSE.txt` files are not downloaded by users and are left out.
 *
 * @param distDir - the build output folder.
 * @returns the file names per bundle.
 */
export function classifyDist(distDir: string): { functions: string[]; taskpane: string[] } {
  const js = readdirSync(distDir)
    .filter((f) => f.endsWith('.js') && statSync(join(distDir, f)).isFile())
    .sort();
  return {
    functions: js.filter((f) => /^functions([.-].*)?\.js$/.test(f)),
    taskpane: js.filter((f) => !/^functions([.-].*)?\.js$/.test(f)),
  };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/**
 * Prints the size of each bundle and of its files.
 *
 * @param log - where the lines go.
 * @param distDir - the build output (default: `dist/` of the repository).
 */
export async function run(log: Log, distDir = resolve(__dirname, '..', '..', 'dist')): Promise<void> {
  if (!existsSync(distDir)) {
    log(`No build output at ${distDir}: run \`npm run build\` first (npm run bench does).`);
    return;
  }
  const { functions, taskpane } = classifyDist(distDir);
  const bundles: Array<[string, string[]]> = [
    ['task pane (taskpane entry + chunks)', taskpane],
    ['custom functions (functions.js)', functions],
  ];
  for (const [label, files] of bundles) {
    if (files.length === 0) {
      log(`${label}: no JavaScript files found in ${distDir}.`);
      continue;
    }
    const sizes = files.map((f) => measure(join(distDir, f)));
    const raw = sizes.reduce((s, x) => s + x.raw, 0);
    const gz = sizes.reduce((s, x) => s + x.gzip, 0);
    log(`${label}: ${kb(gz)} gzipped (${kb(raw)} minified), ${files.length} file(s)`);
    for (const s of sizes)
      log(`  ${s.file.slice(distDir.length + 1)}: ${kb(s.gzip)} gzipped, ${kb(s.raw)} raw`);
  }
  for (const meta of ['functions.json', 'functions.nl.json', 'taskpane.html']) {
    const p = join(distDir, meta);
    if (existsSync(p)) {
      const s = measure(p);
      log(`${meta}: ${kb(s.gzip)} gzipped, ${kb(s.raw)} raw`);
    }
  }
}
