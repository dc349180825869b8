/**
 * Runs the real command, `bin/ind-rekenmodel.js` over the compiled `dist-cli/`, as a child
 * process; rebuilds the CLI first when a source is newer than the build.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'child_process';
import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';

export const root = join(__dirname, '..', '..');
/** The command; `IND_CLI_BIN` points the tests at another build (e.g. to show a test fails before a fix). */
export const bin = process.env.IND_CLI_BIN ?? join(root, 'bin', 'ind-rekenmodel.js');
const compiled = join(root, 'dist-cli', 'src', 'cli', 'main.js');

function newestTs(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestTs(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the CLI (`tsc -p tsconfig.cli.json`) when it is missing or older than its sources. */
export function ensureBuilt(): void {
  if (process.env.IND_CLI_BIN) return;
  const sources = Math.max(...['src/cli', 'src/functions', 'src/core'].map((d) => newestTs(join(root, d))));
  if (!existsSync(compiled) || statSync(compiled).mtimeMs < sources) {
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
        cwd: root,
        stdio: 'pipe',
      });
    } catch {
      /* type errors elsewhere still emit JavaScript; the file must exist afterwards */
    }
  }
  if (!existsSync(compiled)) throw new Error('dist-cli was not built');
}

/** Runs the command with arguments and optional standard input (bytes or text). */
export function runBin(args: string[], input?: string | Buffer, timeout = 60_000): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** A JavaScript stack trace or a Node crash report in the text. */
export const STACK_TRACE =
  /^\s+at .+(:\d+|\(native\))|node:internal|Node\.js v\d|RangeError|TypeError|ReferenceError|\[object /m;
