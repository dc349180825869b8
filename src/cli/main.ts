/**
 * The `ind-rekenmodel` command. `ind-rekenmodel eval "=IND.FTE(83000,4,36,0.57,60)"` prints
 * `1116.0818713450293`: the formula runs through the same adapters Excel calls.
 *
 * Exit codes: 0 fine, 1 a formula returned an error value, 2 invalid formula or invocation (and
 * an internal failure, reported in one line, never as a stack trace).
 *
 * Commands are entries of {@link COMMANDS}: a new command is one entry (its options and its
 * `run`), plus its help text in `messages.ts`. A command with options of its own (`simulate`,
 * `portable`, `recalc`) says `ownOptions` and reads them from `argv`.
 */
import { readFile } from 'fs/promises';
import type { Lang } from '../core/messages/types';
import { FormulaSyntaxError, type FormulaValue } from './engine';
import { escapeLine, formatValue, formatValueInline, hasError } from './format';
import { cliTexts } from './messages';

/** Where the command writes and reads; injected by tests. */
export interface CliIO {
  /** Writes one line (without newline) to standard output. */
  stdout: (line: string) => void;
  /** Writes one line (without newline) to standard error. */
  stderr: (line: string) => void;
  /** Reads a UTF-8 text file. */
  readFile: (path: string) => Promise<string>;
  /** True once standard output is closed (e.g. piped into `head -1`): stop writing. */
  closed?: () => boolean;
}

/** Evaluates one formula in a message language. */
export type Evaluate = (formula: string, lang: Lang) => Promise<FormulaValue>;

/** Exit codes of the command. */
export const EXIT = { ok: 0, errorValue: 1, usage: 2 } as const;

let stdoutClosed = false;

/** The process's own streams and file system. */
export const nodeIO: CliIO = {
  stdout: (line) => {
    if (!stdoutClosed) process.stdout.write(`${line}\n`);
  },
  stderr: (line) => process.stderr.write(`${line}\n`),
  // `--file -` reads standard input, so formulas can be piped in.
  readFile: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
  closed: () => stdoutClosed,
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The parsed command line. */
export interface ParsedArgs {
  command?: string;
  lang: Lang;
  help: boolean;
  /** `--name value` and `--name=value` options, by name without the dashes. */
  options: Record<string, string>;
  /** Arguments that are not options. */
  rest: string[];
  /** The first unknown option, or a bad `--lang`. */
  problem?: string;
}

/** What a command gets to run. */
export interface CommandContext {
  /** The parsed command line (for a command with `ownOptions`: only its name and `rest`). */
  args: ParsedArgs;
  /** The arguments after the command's name, as typed. */
  argv: string[];
  io: CliIO;
  /** The evaluator (the real registry's unless a test injects one). */
  evaluate?: Evaluate;
}

/** One command of the table. */
export interface Command {
  /** Options that take a value (`--file PATH`), without the dashes. */
  options: readonly string[];
  /**
   * The command parses its own options, `--lang` and `--help` from `argv` (and reports their
   * problems itself); `main` only dispatches to it.
   */
  ownOptions?: boolean;
  /** Runs the command; returns the exit code. */
  run: (ctx: CommandContext) => Promise<number>;
}

/** Every command by name. The commands with options of their own are loaded when they run. */
export const COMMANDS: Record<string, Command> = {
  eval: { options: ['file'], run: runEval },
  simulate: {
    options: [],
    ownOptions: true,
    run: async ({ argv, io }) => (await import('./simulate')).simulateCommand(argv, io),
  },
  portable: {
    options: [],
    ownOptions: true,
    run: async ({ argv, io }) => (await import('./portable')).runPortable(argv, io),
  },
  recalc: {
    options: [],
    ownOptions: true,
    run: async ({ argv, io }) => (await import('./recalc')).runRecalc(argv, io),
  },
};

/** The command of that name, if there is one (never an inherited property such as `toString`). */
function commandNamed(name: string | undefined): Command | undefined {
  return name !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, name)
    ? COMMANDS[name]
    : undefined;
}

/** Options every command knows. */
const GLOBAL_VALUE_OPTIONS = ['lang'];

function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { lang: 'nl', help: false, options: {}, rest: [] };
  // The command decides which options take a value; find it first.
  const first = argv.find((a) => !a.startsWith('-') && !a.startsWith('='));
  const commandOptions = commandNamed(first)?.options ?? COMMANDS.eval.options;
  const valueOptions = new Set([...GLOBAL_VALUE_OPTIONS, ...commandOptions]);
  let langProblem: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      out.help = true;
      continue;
    }
    const m = /^--([A-Za-z][\w-]*)(?:=([\s\S]*))?$/.exec(a);
    if (m && valueOptions.has(m[1])) {
      const v = m[2] ?? argv[++i] ?? '';
      if (m[1] === 'lang') {
        if (v === 'nl' || v === 'en') out.lang = v;
        else langProblem = v;
      } else out.options[m[1]] = v;
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
 * @returns the exit code (0, 1 or 2).
 */
export async function main(argv: string[], io: CliIO = nodeIO, evaluate?: Evaluate): Promise<number> {
  const own = commandNamed(argv[0]);
  if (own?.ownOptions) {
    const rest = argv.slice(1);
    const args: ParsedArgs = { command: argv[0], lang: 'nl', help: false, options: {}, rest };
    return runCommand(own, { args, argv: rest, io, evaluate });
  }
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
  const command = commandNamed(args.command);
  if (command === undefined) {
    io.stderr(t.unknownCommand(args.command));
    return EXIT.usage;
  }
  const at = argv.indexOf(args.command);
  return runCommand(command, { args, argv: at < 0 ? argv : argv.slice(at + 1), io, evaluate });
}

/** Runs one command; a bug inside it ends in one line and exit code 2, never a stack trace. */
async function runCommand(command: Command, ctx: CommandContext): Promise<number> {
  try {
    return await command.run(ctx);
  } catch (e) {
    // A bug, not a user error: one line, never a stack trace, and a documented exit code.
    ctx.io.stderr(cliTexts[ctx.args.lang].internalError(oneLine(e)));
    return EXIT.usage;
  }
}

/** An unexpected error as one short line. */
function oneLine(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const line = escapeLine(text.split('\n')[0]);
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

async function runEval({ args, io, evaluate }: CommandContext): Promise<number> {
  const t = cliTexts[args.lang];
  // Loaded lazily so that `--help` works even when the function registry fails to load.
  const evalFn = evaluate ?? (await import('./evaluate')).evaluate;
  const file = args.options.file;
  if (file !== undefined) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (e) {
      io.stderr(t.cannotRead(file, e instanceof Error ? e.message : String(e)));
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
      io.stderr(escapeLine(t.syntax(e, formula)));
      return EXIT.usage;
    }
    throw e;
  }
}

/**
 * The lines of a `--file` input: split at LF (a CR before it is part of the line end), the
 * empty piece after a final line end dropped. Nothing else ends a line, so the output has
 * exactly one line per input line.
 */
export function inputLines(text: string): string[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * `eval --file`: one output line per input line, `formula<TAB>result`; a blank input line gives
 * a blank output line. Characters that could end or split a line are escaped (see
 * {@link escapeLine}), so the output always has exactly as many lines as the input.
 */
async function evalFile(text: string, lang: Lang, io: CliIO, evalFn: Evaluate): Promise<number> {
  const t = cliTexts[lang];
  let worst: number = EXIT.ok;
  const lines = inputLines(text);
  for (let i = 0; i < lines.length; i++) {
    if (io.closed?.()) break;
    const formula = lines[i].trim();
    if (formula === '') {
      io.stdout('');
      continue;
    }
    const shown = escapeLine(formula);
    try {
      const value = await evalFn(formula, lang);
      io.stdout(`${shown}\t${escapeLine(formatValueInline(value))}`);
      if (hasError(value)) worst = Math.max(worst, EXIT.errorValue);
    } catch (e) {
      // `#ERROR!` is not an Excel error value, so it cannot be mistaken for a calculated result.
      const why = e instanceof FormulaSyntaxError ? t.syntax(e, formula) : t.internalError(oneLine(e));
      io.stdout(`${shown}\t#ERROR! ${t.lineLabel(i + 1)}: ${escapeLine(why)}`);
      worst = EXIT.usage;
    }
  }
  return worst;
}

/**
 * Entry point for the `bin/ind-rekenmodel.js` shim: runs with the process's arguments and sets
 * the exit code. Whatever happens, the process ends with 0, 1 or 2 and at most one line on
 * standard error, never a stack trace: a closed standard output (`| head -1`) ends the run
 * quietly, and an unexpected failure is reported in one line with exit code 2.
 */
export function runFromProcess(): void {
  const fail = (e: unknown): void => {
    try {
      process.stderr.write(`${cliTexts.nl.internalError(oneLine(e))}\n`);
    } finally {
      process.exit(EXIT.usage);
    }
  };
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      stdoutClosed = true;
      return;
    }
    fail(e);
  });
  process.on('unhandledRejection', fail);
  process.on('uncaughtException', fail);
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, fail);
}

if (require.main === module) runFromProcess();
