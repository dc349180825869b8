/**
 * `ind-rekenmodel recalc in.xlsx [more.xlsx …] --out DIR [--report report.csv]`: headless
 * recalculation of control workbooks that Excel saved, with LibreOffice as the engine.
 *
 * Per file: check it (`inputCheck.ts`), read it (IND.* cells in any stored form: `_xldudf_IND_FTE`,
 * `[2]!_xldudf_IND_FTE`), look for circular references (a static check, `cycles.ts`), make the
 * portable form, and let LibreOffice recalculate all files in parallel (one process per worker,
 * each with its own profile). The values are LibreOffice's: the project's own evaluator runs only
 * for the cells LibreOffice reports in error, to give the adapters' messages (and it refuses the
 * file when it meets a loop or a formula it cannot read there). The output is the workbook as it
 * was, with the recalculated values cached; the report lists every formula cell whose value
 * changed against the value cached in the input, and every cell in error with its code and, for
 * IND.* cells, the adapter's message.
 *
 * Exit codes: 0 nothing in error, 1 a cell is in error, 2 an input could not be used (or a bad
 * invocation). Inputs are only read.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { readFile, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { basename, join, resolve } from 'path';
import { ExcelErrorValue } from './engine';
import { findCircularReference } from '../engine/cycles';
import {
  cellKey,
  isFormula,
  parseCellRef,
  parseKey,
  type ComputedValue,
  type SheetModel,
  type WorkbookModel,
} from '../engine/model';
import { FileQueue, findSoffice, recalculateQueue, SofficeMissingError } from '../engine/libreoffice';
import { makePortable } from '../engine/portable/transform';
import {
  CircularReferenceError,
  FormulaCellError,
  WorkbookEvaluator,
  type EvalValue,
} from '../engine/workbook';
import { loadBook, modelFromBook, readXlsx, renderXlsx, setResults, writeBook } from '../engine/xlsx';
import { columnLetters } from '../core/norms/address';
import type { CliIO } from './main';
import { parseWorkbookArgs, readInput } from './portable';
import { workbookTexts } from './workbookMessages';

/** One line of the report. */
export interface RecalcFinding {
  file: string;
  sheet: string;
  cell: string;
  kind: 'changed' | 'error';
  formula: string;
  cached: ComputedValue | undefined;
  value: ComputedValue;
  code: string;
  message: string;
}

/** Numbers within 1e-9 relative, everything else exactly (errors by code). */
function same(a: ComputedValue | undefined, b: ComputedValue | undefined): boolean {
  const norm = (v: ComputedValue | undefined) => (v === undefined ? null : v);
  const x = norm(a);
  const y = norm(b);
  if (typeof x === 'number' && typeof y === 'number')
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));
  if (x !== null && typeof x === 'object') return y !== null && typeof y === 'object' && x.error === y.error;
  if (x === null || y === null) return (x ?? 0) === (y ?? 0) || (x ?? '') === (y ?? '');
  return x === y;
}

const show = (v: ComputedValue | undefined): string =>
  v === undefined || v === null ? '' : typeof v === 'object' ? v.error : String(v);

/** RFC 4180 quoting. */
const csv = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The keys of the cells that the portable form filled in for a spill (blank in the original). */
function spillKeys(original: SheetModel, portable: SheetModel | undefined): Set<string> {
  const out = new Set<string>();
  for (const [k, c] of portable?.cells ?? []) {
    if (!isFormula(c.content)) continue;
    const o = original.cells.get(k);
    if (!o || o.content === null || o.content === '') out.add(k);
  }
  // An array formula the file keeps as one (not an IND.* call) fills its range in LibreOffice.
  for (const [k, c] of original.cells) {
    if (!c.arrayRef || !isFormula(c.content)) continue;
    const [a, b] = c.arrayRef.split(':');
    const tl = parseCellRef(a.replace(/\$/g, ''));
    const br = parseCellRef((b ?? a).replace(/\$/g, ''));
    if (!tl || !br) continue;
    for (let r = tl.row; r <= br.row; r++)
      for (let col = tl.col; col <= br.col; col++) if (cellKey(r, col) !== k) out.add(cellKey(r, col));
  }
  return out;
}

/**
 * Compares LibreOffice's values with the cached ones, cell by cell. `ownValue` gives the
 * project's own value of a cell (for its message), asked only for the cells in error.
 */
function findings(
  file: string,
  model: WorkbookModel,
  portable: WorkbookModel,
  lo: WorkbookModel,
  ownValue: (sheet: string, row: number, col: number) => EvalValue,
): {
  list: RecalcFinding[];
  formulas: number;
  results: Map<string, Map<string, ComputedValue>>;
  spilled: Map<string, Set<string>>;
} {
  const list: RecalcFinding[] = [];
  const results = new Map<string, Map<string, ComputedValue>>();
  const spilled = new Map<string, Set<string>>();
  let formulas = 0;
  for (const s of model.sheets) {
    const loSheet = lo.sheets.find((x) => x.name === s.name);
    const spills = spillKeys(
      s,
      portable.sheets.find((x) => x.name === s.name),
    );
    const res = new Map<string, ComputedValue>();
    const spill = new Set<string>();
    const keys = new Set([...s.cells].filter(([, c]) => isFormula(c.content)).map(([k]) => k));
    for (const k of spills) keys.add(k);
    for (const k of keys) {
      const c = s.cells.get(k);
      const formula = c && isFormula(c.content) ? c.content : '';
      const loCell = loSheet?.cells.get(k);
      const value: ComputedValue = loCell
        ? loCell.cached !== undefined
          ? loCell.cached
          : loCell.content
        : null;
      const { row, col } = parseKey(k);
      const isError = value !== null && typeof value === 'object';
      const own = isError ? ownValue(s.name, row, col) : undefined;
      // The portable form gives an error in every cell of a failing spill; Excel shows it once, at
      // the anchor, and the cells below stay blank (as the evaluator says).
      if (!formula && isError && own === null) continue;
      if (!formula) spill.add(k);
      else formulas++;
      res.set(k, value);
      const cell = `${columnLetters(col)}${row}`;
      const base = { file, sheet: s.name, cell, formula, cached: c?.cached, value };
      if (isError) {
        const message = own instanceof ExcelErrorValue ? own.message : '';
        list.push({ ...base, kind: 'error', code: value.error, message });
      } else if (!same(c?.cached, value)) list.push({ ...base, kind: 'changed', code: '', message: '' });
    }
    results.set(s.name, res);
    spilled.set(s.name, spill);
  }
  return { list, formulas, results, spilled };
}

/** Options of {@link runRecalc} beyond the command line. */
export interface RecalcRunOptions {
  /** Filled with the milliseconds spent per phase (summed over files; LibreOffice per process). */
  phases?: Map<string, number>;
}

/**
 * Runs `recalc`.
 *
 * @param argv - the arguments after `recalc`.
 * @returns the exit code (0, 1 or 2).
 */
export async function runRecalc(argv: string[], io: CliIO, options: RecalcRunOptions = {}): Promise<number> {
  const args = parseWorkbookArgs(argv);
  const t = workbookTexts[args.lang];
  if (args.problem || args.back) {
    io.stderr(`${t.unknownOption(args.problem ?? '--back')}\n${t.recalcUsage}`);
    return 2;
  }
  if (args.inputs.length === 0) {
    io.stderr(`${t.missingInput}\n${t.recalcUsage}`);
    return 2;
  }
  if (!args.out) {
    io.stderr(`${t.missingOut}\n${t.recalcUsage}`);
    return 2;
  }
  const workers = args.workers === undefined ? 2 : Number(args.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 16) {
    io.stderr(t.badWorkers(String(args.workers)));
    return 2;
  }
  let soffice: string;
  try {
    soffice = findSoffice(args.soffice);
  } catch (e) {
    if (e instanceof SofficeMissingError) {
      io.stderr(t.sofficeMissing(e.message.replace(/^.*tried /, '')));
      return 2;
    }
    throw e;
  }
  const outDir = resolve(args.out);
  mkdirSync(outDir, { recursive: true });
  let worst = 0;
  const phases = options.phases;
  const timed = async <T>(phase: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = Date.now();
    try {
      return await f();
    } finally {
      phases?.set(phase, (phases.get(phase) ?? 0) + Date.now() - t0);
    }
  };
  const work = mkdtempSync(join(tmpdir(), 'ind-recalc-'));
  try {
    interface Job {
      input: string;
      out: string;
      book: Awaited<ReturnType<typeof loadBook>>;
      model: WorkbookModel;
      portableModel: WorkbookModel;
      portable: string;
      started: number;
    }
    const lines: RecalcFinding[] = [];
    let changed = 0;
    let errors = 0;
    let done = 0;
    let refused = 0;
    const byPortable = new Map<string, Job>();
    const loDir = join(work, 'lo');
    const finished: Promise<void>[] = [];
    const queue = new FileQueue();
    /** The findings of one file LibreOffice converted, and its output written. */
    const complete = async (job: Job, p: string): Promise<void> => {
      const lo = await timed('read LibreOffice result', async () =>
        readXlsx(await readFile(join(loDir, basename(p))), { valuesOnly: true }),
      );
      // The own evaluation, only for the cells LibreOffice reports in error (for their messages).
      let evaluator: WorkbookEvaluator | undefined;
      const ownValue = (sheet: string, row: number, col: number): EvalValue => {
        const t0 = Date.now();
        try {
          evaluator ??= new WorkbookEvaluator(job.model, { lang: args.lang });
          return evaluator.value(sheet, row, col);
        } finally {
          const phase = 'own evaluation (error cells)';
          phases?.set(phase, (phases.get(phase) ?? 0) + Date.now() - t0);
        }
      };
      let f: ReturnType<typeof findings>;
      try {
        f = await timed('compare', () =>
          findings(basename(job.input), job.model, job.portableModel, lo, ownValue),
        );
      } catch (e) {
        if (e instanceof CircularReferenceError) io.stderr(t.circular(job.input, e.cells.join(' → ')));
        else if (e instanceof FormulaCellError) io.stderr(t.unreadableFormula(job.input, e.message));
        else throw e;
        worst = 2;
        refused++;
        return;
      }
      await timed('write output', async () => {
        setResults(job.book, f.results, f.spilled);
        await writeFile(job.out, await writeBook(job.book));
      });
      const e = f.list.filter((x) => x.kind === 'error').length;
      changed += f.list.length - e;
      errors += e;
      lines.push(...f.list);
      done++;
      io.stdout(
        t.progress(
          done,
          args.inputs.length - refused,
          job.input,
          f.formulas,
          f.list.length - e,
          e,
          (Date.now() - job.started) / 1000,
        ),
      );
    };
    // LibreOffice starts on the first file while the next ones are prepared.
    const converting = recalculateQueue(queue, loDir, {
      soffice,
      workers: Math.min(workers, args.inputs.length),
      // Small batches, so that each file's progress line comes soon after it is done.
      batchSize: Math.max(1, Math.min(8, Math.ceil(args.inputs.length / workers))),
      onBatch: (batch, ms) => {
        phases?.set('LibreOffice (per process)', (phases.get('LibreOffice (per process)') ?? 0) + ms);
        for (const p of batch) {
          const pending = complete(byPortable.get(p)!, p);
          pending.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
          finished.push(pending);
        }
      },
    });
    converting.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    const seen = new Set<string>();
    try {
      for (const [i, input] of args.inputs.entries()) {
        const out = join(outDir, basename(input));
        if (resolve(input) === out) {
          io.stderr(t.sameFile(input));
          worst = 2;
          refused++;
          continue;
        }
        if ((existsSync(out) && !args.force) || seen.has(out)) {
          io.stderr(t.outExists(out));
          worst = 2;
          refused++;
          continue;
        }
        const started = Date.now();
        const data = await timed('read input', () => readInput(input, io, t));
        if (!data) {
          worst = 2;
          refused++;
          continue;
        }
        let book: Job['book'];
        let model: WorkbookModel;
        try {
          book = await timed('read input', () => loadBook(data));
          model = await timed('read input', () => modelFromBook(book));
        } catch (e) {
          io.stderr(t.cannotRead(input, e instanceof Error ? e.message : String(e)));
          worst = 2;
          refused++;
          continue;
        }
        const loop = await timed('circular check', () => findCircularReference(model));
        if (loop) {
          io.stderr(t.circular(input, loop.join(' → ')));
          worst = 2;
          refused++;
          continue;
        }
        const portable = resolve(join(work, `f${i}-${basename(input).replace(/\.xlsm$/i, '.xlsx')}`));
        const portableModel = await timed(
          'portable form',
          () => makePortable(model, { lang: args.lang }).model,
        );
        await timed('render portable', async () => writeFile(portable, await renderXlsx(portableModel)));
        seen.add(out);
        byPortable.set(portable, { input, out, book, model, portableModel, portable, started });
        queue.push(portable);
      }
    } finally {
      queue.close();
      await converting;
    }
    await Promise.all(finished);
    if (args.report) {
      const header =
        args.lang === 'nl'
          ? 'bestand,blad,cel,soort,formule,bewaarde waarde,herberekende waarde,foutcode,melding'
          : 'file,sheet,cell,kind,formula,cached value,recalculated value,error code,message';
      const kind = (k: string) => (args.lang === 'nl' ? (k === 'error' ? 'fout' : 'gewijzigd') : k);
      const body = lines.map((l) =>
        [l.file, l.sheet, l.cell, kind(l.kind), l.formula, show(l.cached), show(l.value), l.code, l.message]
          .map(csv)
          .join(','),
      );
      await writeFile(args.report, [header, ...body].join('\n') + '\n');
    }
    io.stdout(t.summary(done, changed, errors, args.report));
    if (errors > 0) worst = Math.max(worst, 1);
    return worst;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
