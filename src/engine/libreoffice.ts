/**
 * LibreOffice as the outside engine: `soffice --headless --convert-to xlsx` recalculates every
 * formula of an .xlsx on load (the profile sets "recalculate on load: always") and writes the file
 * again with the new cached values. Many files go through one process (a process start costs about
 * two seconds), and several processes run in parallel, each with its own user profile
 * (`-env:UserInstallation=file://<own temp dir>`), because two processes on one profile block.
 */
import { execFile } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, delimiter, join, resolve } from 'path';
import { pathToFileURL } from 'url';

/** The command that installs LibreOffice on Debian (what the error message tells the user). */
export const INSTALL_COMMAND = 'sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui';

/** LibreOffice was not found. */
export class SofficeMissingError extends Error {
  constructor(tried: string[]) {
    super(`LibreOffice (soffice) not found; tried ${tried.join(', ')}`);
    this.name = 'SofficeMissingError';
  }
}

/**
 * The soffice executable: `explicit` when given (it must exist), else `soffice` or `libreoffice`
 * on PATH, else the usual install places.
 *
 * @throws SofficeMissingError when none exists.
 */
export function findSoffice(explicit?: string): string {
  const tried: string[] = [];
  if (explicit) {
    if (existsSync(explicit) && statSync(explicit).isFile()) return resolve(explicit);
    throw new SofficeMissingError([explicit]);
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      const p = join(dir, name);
      tried.push(p);
      if (existsSync(p)) return p;
    }
  }
  const places = [
    '/usr/bin/soffice',
    '/usr/lib/libreoffice/program/soffice',
    '/opt/libreoffice/program/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  ];
  for (const p of places) {
    tried.push(p);
    if (existsSync(p)) return p;
  }
  throw new SofficeMissingError(tried);
}

/** The profile settings: recalculate OOXML and ODF files on load, always. */
const RECALC_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh user profile in its own temporary folder, set to recalculate on load. */
function newProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ind-lo-profile-'));
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), RECALC_XCU);
  return dir;
}

/** Options of {@link recalculate}. */
export interface RecalcOptions {
  /** The soffice executable (default: {@link findSoffice}). */
  soffice?: string;
  /** Processes in parallel (default: 2, or fewer when there are fewer files). */
  workers?: number;
  /** Called when a batch finishes, with the files it converted and the time it took. */
  onBatch?: (files: string[], ms: number) => void;
  /** Files per LibreOffice call (default: each worker's whole share in one call). */
  batchSize?: number;
  /** Time limit per process in ms (default 10 minutes). */
  timeoutMs?: number;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((res, rej) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) rej(new Error(`${basename(cmd)} failed: ${err.message}\n${stderr}`));
      else res({ stdout, stderr });
    });
  });
}

/**
 * Files waiting for LibreOffice, filled while earlier files are converted: a worker takes what is
 * ready (up to its batch size) as soon as it is free, so that preparing file k+1 overlaps with
 * LibreOffice converting file k.
 */
export class FileQueue {
  private ready: string[] = [];
  private closed = false;
  private waiters: (() => void)[] = [];

  /** Adds a file (ready to be converted). */
  push(file: string): void {
    if (this.closed) throw new Error('FileQueue: push after close');
    this.ready.push(resolve(file));
    this.wake();
  }

  /** No more files will come. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  /** Up to `max` ready files, waiting for at least one; undefined once closed and empty. */
  async take(max: number): Promise<string[] | undefined> {
    while (this.ready.length === 0 && !this.closed) await new Promise<void>((r) => this.waiters.push(r));
    return this.ready.length === 0 ? undefined : this.ready.splice(0, Math.max(1, max));
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

/** The arguments of one LibreOffice call converting `batch` into `outDir`. */
function convertArgs(profile: string, outDir: string, batch: string[]): string[] {
  return [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--norestore',
    '--nologo',
    '--nodefault',
    '--nolockcheck',
    '--convert-to',
    'xlsx:Calc MS Excel 2007 XML',
    '--outdir',
    resolve(outDir),
    ...batch,
  ];
}

/**
 * Recalculates the files of a {@link FileQueue} as they arrive: `workers` processes, each with its
 * own profile, each taking up to `batchSize` ready files per call (default 8). Resolves when the
 * queue is closed and every file is converted. The base names of the files must be distinct.
 */
export async function recalculateQueue(
  queue: FileQueue,
  outDir: string,
  options: RecalcOptions = {},
): Promise<void> {
  const soffice = options.soffice ?? findSoffice();
  mkdirSync(outDir, { recursive: true });
  const workers = Math.max(1, options.workers ?? 2);
  const size = Math.max(1, options.batchSize ?? 8);
  const worker = async (): Promise<void> => {
    let profile: string | undefined;
    try {
      for (;;) {
        const batch = await queue.take(size);
        if (!batch) break;
        profile ??= newProfile();
        const started = Date.now();
        await run(soffice, convertArgs(profile, outDir, batch), options.timeoutMs ?? 600_000);
        options.onBatch?.(batch, Date.now() - started);
      }
    } finally {
      if (profile) rmSync(profile, { recursive: true, force: true });
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
}

/**
 * Recalculates .xlsx files with LibreOffice and writes each result as `outDir/<same name>.xlsx`.
 * The input files are only read. `workers` processes run in parallel, each with its own profile;
 * each takes the next batch of up to `batchSize` files (default: all its share at once) and
 * converts the whole batch in one call.
 *
 * @param files - paths of .xlsx files; their base names must be distinct.
 * @param outDir - where the recalculated files go (must not be the folder of an input).
 * @returns the output path of each input, in the same order.
 */
export async function recalculate(
  files: string[],
  outDir: string,
  options: RecalcOptions = {},
): Promise<string[]> {
  const soffice = options.soffice ?? findSoffice();
  const names = files.map((f) => basename(f));
  if (new Set(names).size !== names.length) throw new Error('recalculate: input base names must be distinct');
  mkdirSync(outDir, { recursive: true });
  const workers = Math.max(1, Math.min(options.workers ?? 2, files.length));
  const size = Math.max(1, options.batchSize ?? Math.ceil(files.length / workers));
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size).map((f) => resolve(f)));
  let next = 0;
  const worker = async (): Promise<void> => {
    const profile = newProfile();
    try {
      while (next < batches.length) {
        const batch = batches[next++];
        const started = Date.now();
        await run(soffice, convertArgs(profile, outDir, batch), options.timeoutMs ?? 600_000);
        options.onBatch?.(batch, Date.now() - started);
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  const made = new Set(readdirSync(outDir));
  return names.map((n) => {
    const out = n.replace(/\.[^.]+$/, '') + '.xlsx';
    if (!made.has(out)) throw new Error(`LibreOffice wrote no ${out}`);
    return join(outDir, out);
  });
}
