/**
 * `ind-rekenmodel recalc in.xlsx [more.xlsx …] --out DIR [--report report.csv]`: headless
 * recalculation of control workbooks that Excel saved, with LibreOffice as the engine.
 *
 * Per file: check it (`inputCheck.ts`), read it (IND.* cells in any stored form: `_xldudf_IND_FTE`,
 * `[2]!_xldudf_IND_FTE`), evaluate it with the project's own evaluator (for the adapters'
 * messages and to find circular references), make the portable form, and let LibreOffice
 * recalculate all files in parallel (one process per worker, each with its own profile). The
 * output is the workbook as it was, with the recalculated values cached; the report lists every
 * formula cell whose value changed against the value cached in the input, and every cell in error
 * with its code and, for IND.* cells, the adapter's message.
 *
 * Exit codes: 0 nothing in error, 1 a cell is in error, 2 an input could not be used (or a bad
 * invocation). Inputs are only read.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { readFile, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { basename, join, resolve } from 'path';
import { ExcelErrorValue } from './engine';
import { isFormula, parseKey, type ComputedValue, type WorkbookModel } from '../engine/model';
import { findSoffice, recalculate, SofficeMissingError } from '../engine/libreoffice';
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

/** Compares LibreOffice's values with the cached ones, cell by cell. */
function findings(
  file: string,
  model: WorkbookModel,
  lo: WorkbookModel,
  ours: Map<string, Map<string, EvalValue>>,
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
    const mine = ours.get(s.name) ?? new Map<string, EvalValue>();
    const res = new Map<string, ComputedValue>();
    const spill = new Set<string>();
    const keys = new Set(
      [...s.cells].filter(([, c]) => isFormula(c.content) || c.content === null).map(([k]) => k),
    );
    for (const k of mine.keys()) if (!s.cells.has(k)) keys.add(k);
    for (const k of keys) {
      const c = s.cells.get(k);
      const formula = c && isFormula(c.content) ? c.content : '';
      if (!formula) {
        if (!mine.has(k)) continue;
        spill.add(k);
      } else formulas++;
      const loCell = loSheet?.cells.get(k);
      const value: ComputedValue = loCell
        ? loCell.cached !== undefined
          ? loCell.cached
          : loCell.content
        : null;
      res.set(k, value);
      const { row, col } = parseKey(k);
      const cell = `${columnLetters(col)}${row}`;
      const o = mine.get(k);
      const message = o instanceof ExcelErrorValue ? o.message : '';
      const base = { file, sheet: s.name, cell, formula, cached: c?.cached, value, message };
      if (value !== null && typeof value === 'object')
        list.push({ ...base, kind: 'error', code: value.error });
      else if (!same(c?.cached, value)) list.push({ ...base, kind: 'changed', code: '' });
    }
    results.set(s.name, res);
    spilled.set(s.name, spill);
  }
  return { list, formulas, results, spilled };
}

/**
 * Runs `recalc`.
 *
 * @param argv - the arguments after `recalc`.
 * @returns the exit code (0, 1 or 2).
 */
export async function runRecalc(argv: string[], io: CliIO): Promise<number> {
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
  const work = mkdtempSync(join(tmpdir(), 'ind-recalc-'));
  try {
    interface Job {
      input: string;
      out: string;
      book: Awaited<ReturnType<typeof loadBook>>;
      model: WorkbookModel;
      ours: Map<string, Map<string, EvalValue>>;
      portable: string;
      started: number;
    }
    const jobs: Job[] = [];
    const seen = new Set<string>();
    for (const [i, input] of args.inputs.entries()) {
      const out = join(outDir, basename(input));
      if (resolve(input) === out) {
        io.stderr(t.sameFile(input));
        worst = 2;
        continue;
      }
      if ((existsSync(out) && !args.force) || seen.has(out)) {
        io.stderr(t.outExists(out));
        worst = 2;
        continue;
      }
      const started = Date.now();
      const data = await readInput(input, io, t);
      if (!data) {
        worst = 2;
        continue;
      }
      let book;
      let model: WorkbookModel;
      try {
        book = await loadBook(data);
        model = modelFromBook(book);
      } catch (e) {
        io.stderr(t.cannotRead(input, e instanceof Error ? e.message : String(e)));
        worst = 2;
        continue;
      }
      let ours: Map<string, Map<string, EvalValue>>;
      try {
        ours = new WorkbookEvaluator(model, { lang: args.lang }).computeAll();
      } catch (e) {
        if (e instanceof CircularReferenceError) io.stderr(t.circular(input, e.cells.join(' → ')));
        else if (e instanceof FormulaCellError) io.stderr(t.unreadableFormula(input, e.message));
        else throw e;
        worst = 2;
        continue;
      }
      const portable = join(work, `f${i}-${basename(input).replace(/\.xlsm$/i, '.xlsx')}`);
      await writeFile(portable, await renderXlsx(makePortable(model, { lang: args.lang }).model));
      seen.add(out);
      jobs.push({ input, out, book, model, ours, portable, started });
    }
    const lines: RecalcFinding[] = [];
    let changed = 0;
    let errors = 0;
    let done = 0;
    if (jobs.length > 0) {
      const byPortable = new Map(jobs.map((j) => [resolve(j.portable), j]));
      const loDir = join(work, 'lo');
      const finished: Promise<void>[] = [];
      await recalculate(
        jobs.map((j) => j.portable),
        loDir,
        {
          soffice,
          workers,
          // Small batches, so that each file's progress line comes soon after it is done.
          batchSize: Math.max(1, Math.min(8, Math.ceil(jobs.length / workers))),
          onBatch: (batch) => {
            for (const p of batch) {
              const job = byPortable.get(resolve(p))!;
              finished.push(
                (async () => {
                  const lo = await readXlsx(await readFile(join(loDir, basename(p))), { valuesOnly: true });
                  const f = findings(basename(job.input), job.model, lo, job.ours);
                  setResults(job.book, f.results, f.spilled);
                  await writeFile(job.out, await writeBook(job.book));
                  const e = f.list.filter((x) => x.kind === 'error').length;
                  changed += f.list.length - e;
                  errors += e;
                  lines.push(...f.list);
                  done++;
                  io.stdout(
                    t.progress(
                      done,
                      jobs.length,
                      job.input,
                      f.formulas,
                      f.list.length - e,
                      e,
                      (Date.now() - job.started) / 1000,
                    ),
                  );
                })(),
              );
            }
          },
        },
      );
      await Promise.all(finished);
    }
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
    io.stdout(t.summary(jobs.length, changed, errors, args.report));
    if (errors > 0) worst = Math.max(worst, 1);
    return worst;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
