/**
 * `ind-rekenmodel portable in.xlsx --out out.xlsx`: a portable copy of a workbook, every IND.*
 * formula replaced by native formulas (`src/engine/portable/`), everything else of the file kept
 * (ExcelJS rewrites the file; charts are not kept). `--terug` / `--back` restores the IND.* form.
 * The input file is never written.
 */
import { existsSync } from 'fs';
import { readFile, writeFile } from 'fs/promises';
import { resolve } from 'path';
import type { Lang } from '../core/messages/types';
import { checkWorkbookFile, InputProblemError } from '../engine/inputCheck';
import { isPortable, makePortable, restoreIndForm } from '../engine/portable/transform';
import { applyToBook, loadBook, modelFromBook, writeBook } from '../engine/xlsx';
import type { CliIO } from './main';
import { workbookTexts, type WorkbookTexts } from './workbookMessages';

/** Options shared by the workbook commands. */
export interface WorkbookArgs {
  inputs: string[];
  out?: string;
  report?: string;
  soffice?: string;
  workers?: string;
  force: boolean;
  back: boolean;
  lang: Lang;
  problem?: string;
}

/** Parses the arguments after the command name. */
export function parseWorkbookArgs(argv: string[]): WorkbookArgs {
  const out: WorkbookArgs = { inputs: [], force: false, back: false, lang: 'nl' };
  const value = (i: number, a: string, name: string): [string | undefined, number] =>
    a === name ? [argv[i + 1], i + 1] : [a.slice(name.length + 1), i];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const opt = /^--[a-z]+/.exec(a)?.[0];
    if (
      opt === '--out' ||
      opt === '--report' ||
      opt === '--soffice' ||
      opt === '--workers' ||
      opt === '--lang'
    ) {
      const [v, next] = value(i, a, opt);
      i = next;
      if (v === undefined) out.problem ??= opt;
      else if (opt === '--lang') {
        if (v === 'nl' || v === 'en') out.lang = v;
        else out.problem ??= `--lang=${v}`;
      } else out[opt.slice(2) as 'out' | 'report' | 'soffice' | 'workers'] = v;
    } else if (a === '--force') out.force = true;
    else if (a === '--terug' || a === '--back') out.back = true;
    else if (a.startsWith('--')) out.problem ??= a;
    else out.inputs.push(a);
  }
  return out;
}

/** Reads and checks an input workbook; on a problem, prints it and returns undefined. */
export async function readInput(path: string, io: CliIO, t: WorkbookTexts): Promise<Buffer | undefined> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    io.stderr(t.cannotRead(path, e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  try {
    checkWorkbookFile(path, data);
  } catch (e) {
    if (e instanceof InputProblemError) {
      io.stderr(t.problem(path, e.problem));
      return undefined;
    }
    throw e;
  }
  return data;
}

/**
 * Runs `portable`.
 *
 * @param argv - the arguments after `portable`.
 * @returns the exit code: 0 written, 2 bad input or invocation.
 */
export async function runPortable(argv: string[], io: CliIO): Promise<number> {
  const args = parseWorkbookArgs(argv);
  const t = workbookTexts[args.lang];
  if (args.problem) {
    io.stderr(`${t.unknownOption(args.problem)}\n${t.portableUsage}`);
    return 2;
  }
  if (args.inputs.length !== 1) {
    io.stderr(`${t.missingInput}\n${t.portableUsage}`);
    return 2;
  }
  if (!args.out) {
    io.stderr(`${t.missingOut}\n${t.portableUsage}`);
    return 2;
  }
  const input = args.inputs[0];
  if (resolve(input) === resolve(args.out)) {
    io.stderr(t.sameFile(args.out));
    return 2;
  }
  if (existsSync(args.out) && !args.force) {
    io.stderr(t.outExists(args.out));
    return 2;
  }
  const data = await readInput(input, io, t);
  if (!data) return 2;
  let book;
  try {
    book = await loadBook(data);
  } catch (e) {
    io.stderr(t.cannotRead(input, e instanceof Error ? e.message : String(e)));
    return 2;
  }
  const before = modelFromBook(book);
  if (args.back) {
    if (!isPortable(before)) {
      io.stderr(t.notPortable(input));
      return 2;
    }
    const after = restoreIndForm(before);
    applyToBook(book, before, after);
    await writeFile(args.out, await writeBook(book));
    const src = before.sheets.find((s) => s.name === 'IND_Bron');
    io.stdout(
      t.restored(
        args.out,
        Math.max(0, (src ? [...src.cells.keys()].filter((k) => k.endsWith(',1')).length : 1) - 1),
      ),
    );
    return 0;
  }
  const { model: after, report } = makePortable(before, { lang: args.lang });
  applyToBook(book, before, after);
  await writeFile(args.out, await writeBook(book));
  const spill = report.converted.reduce((s, c) => s + c.spill, 0);
  io.stdout(
    t.portableDone(args.out, report.converted.length, spill, report.helperCells, report.notConverted.length),
  );
  for (const n of report.notConverted) io.stdout(t.notConverted(`${n.sheet}!${n.address}`, n.reason));
  return 0;
}
