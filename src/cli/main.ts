/**
 * The `ind-rekenmodel` command. `ind-rekenmodel eval "=IND.FTE(83000,4,36,0.57,60)"` prints
 * `1116.0818713450293`: the formula runs through the same adapters Excel calls.
 *
 * Exit codes: 0 fine, 1 a formula returned an error value, 2 invalid formula or invocation.
 */
import { readFile } from 'fs/promises';
import type { Lang } from '../core/messages/types';
import { FormulaSyntaxError, type FormulaValue } from './engine';
import { formatValue, formatValueInline, hasError } from './format';
import { cliTexts } from './messages';

/** Where the command writes and reads; injected by tests. */
export interface CliIO {
  /** Writes one line (without newline) to standard output. */
  stdout: (line: string) => void;
  /** Writes one line (without newline) to standard error. */
  stderr: (line: string) => void;
  /** Reads a UTF-8 text file. */
  readFile: (path: string) => Promise<string>;
}

/** Evaluates one formula in a message language. */
export type Evaluate = (formula: string, lang: Lang) => Promise<FormulaValue>;

/** Exit codes of the command. */
export const EXIT = { ok: 0, errorValue: 1, usage: 2 } as const;

/** The process's own streams and file system. */
export const nodeIO: CliIO = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  // `--file -` reads standard input, so formulas can be piped in.
  readFile: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

interface ParsedArgs {
  command?: string;
  lang: Lang;
  file?: string;
  help: boolean;
  rest: string[];
  problem?: string;
}

function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { lang: 'nl', help: false, rest: [] };
  let langProblem: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      out.help = true;
    } else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a === '--lang' ? (argv[++i] ?? '') : a.slice('--lang='.length);
      if (v === 'nl' || v === 'en') out.lang = v;
      else langProblem = v;
    } else if (a === '--file' || a.startsWith('--file=')) {
      out.file = a === '--file' ? (argv[++i] ?? '') : a.slice('--file='.length);
    } else if (a.startsWith('--')) {
      out.problem ??= a;
    } else if (out.command === undefined && out.rest.length === 0 && !a.startsWith('=')) {
      out.command = a;
    } else {
      out.rest.push(a);
    }
  }
  // A formula typed without `eval` is still clearly a formula.
  if (out.command === undefined && out.rest.length > 0) out.command = 'eval';
  if (langProblem !== undefined) out.problem = `--lang=${langProblem}`;
  return out;
}

/**
 * Runs the command.
 *
 * @param argv - the arguments after the program name, e.g. `['eval', '=IND.FTE(83000,4)']`.
 * @param io - output and file access (the process's by default).
 * @param evaluate - the evaluator; by default the one bound to the real function registry.
 * @returns the exit code.
 */
export async function main(argv: string[], io: CliIO = nodeIO, evaluate?: Evaluate): Promise<number> {
  // The workbook commands parse their own options (src/cli/portable.ts, src/cli/recalc.ts).
  if (argv[0] === 'portable') return (await import('./portable')).runPortable(argv.slice(1), io);
  if (argv[0] === 'recalc') return (await import('./recalc')).runRecalc(argv.slice(1), io);
  const args = parseArgs(argv);
  const t = cliTexts[args.lang];
  if (args.problem !== undefined) {
    const m = /^--lang=(.*)$/.exec(args.problem);
    io.stderr(m ? t.badLang(m[1]) : t.unknownOption(args.problem));
    return EXIT.usage;
  }
  if (args.help || args.command === undefined) {
    (args.help ? io.stdout : io.stderr)(t.help);
    return args.help ? EXIT.ok : EXIT.usage;
  }
  if (args.command !== 'eval') {
    io.stderr(t.unknownCommand(args.command));
    return EXIT.usage;
  }
  // Loaded lazily so that `--help` works even when the function registry fails to load.
  const evalFn = evaluate ?? (await import('./evaluate')).evaluate;

  if (args.file !== undefined) {
    let text: string;
    try {
      text = await io.readFile(args.file);
    } catch (e) {
      io.stderr(t.cannotRead(args.file, e instanceof Error ? e.message : String(e)));
      return EXIT.usage;
    }
    return evalFile(text, args.lang, io, evalFn);
  }

  // Unquoted formulas with spaces arrive as several shell words; Excel ignores the spaces.
  const formula = args.rest.join(' ');
  if (formula.trim() === '') {
    io.stderr(t.missingFormula);
    return EXIT.usage;
  }
  try {
    const value = await evalFn(formula, args.lang);
    // An error cell inside a spill prints with its message too (`#N/A message` in its cell).
    io.stdout(formatValue(value));
    return hasError(value) ? EXIT.errorValue : EXIT.ok;
  } catch (e) {
    if (e instanceof FormulaSyntaxError) {
      io.stderr(t.syntax(e, formula));
      return EXIT.usage;
    }
    throw e;
  }
}

/** `eval --file`: one formula per line, printed as `formula<TAB>result`. */
async function evalFile(text: string, lang: Lang, io: CliIO, evalFn: Evaluate): Promise<number> {
  const t = cliTexts[lang];
  let worst: number = EXIT.ok;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const formula = lines[i].trim();
    if (formula === '') continue;
    try {
      const value = await evalFn(formula, lang);
      io.stdout(`${formula}\t${formatValueInline(value)}`);
      if (hasError(value)) worst = Math.max(worst, EXIT.errorValue);
    } catch (e) {
      if (!(e instanceof FormulaSyntaxError)) throw e;
      // `#ERROR!` is not an Excel error value, so it cannot be mistaken for a calculated result.
      io.stdout(`${formula}\t#ERROR! ${t.lineLabel(i + 1)}: ${t.syntax(e, formula)}`);
      worst = EXIT.usage;
    }
  }
  return worst;
}

/**
 * Entry point for the `bin/ind-rekenmodel.js` shim: runs with the process's arguments and sets
 * the exit code. An unexpected failure (a bug, not a user error) prints its stack and exits 3.
 */
export function runFromProcess(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}

if (require.main === module) runFromProcess();
