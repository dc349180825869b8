/**
 * How many arguments an IND.* function takes, read from the function metadata: the
 * `functions.json` that the build generates from the adapters' `@customfunction` JSDoc
 * (`dist/functions.json`). Excel refuses a formula that passes more arguments than the metadata
 * declares (`=IND.FTE(83000,4,36,0.57,60,TRUE,7,8)`), so the command line refuses it too.
 *
 * This is the one place the command line reads arity from; point it elsewhere (e.g. at the
 * function registry once that carries the metadata) by changing {@link customFunctionArity}.
 * When `dist/functions.json` has not been built (`npm ci` builds only the CLI), the adapter's
 * declared parameter list is used, which is what the metadata generator reads;
 * `test/cli/arity.test.ts` checks that both give the same numbers for every function.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The fewest and most arguments of a function. */
export interface Arity {
  min: number;
  max: number;
}

interface MetadataParam {
  optional?: boolean;
  repeating?: boolean;
}
interface MetadataFunction {
  id: string;
  parameters?: MetadataParam[];
}

let metadata: Map<string, MetadataFunction> | null | undefined;

/** The package root (the folder with this project's package.json), or undefined. */
function packageRoot(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'ind-rekenmodel')
          return dir;
      } catch {
        // not ours; keep looking
      }
    }
    dir = path.dirname(dir);
  }
  return undefined;
}

/**
 * The metadata by function id (`FTE` for `IND.FTE`) from a functions.json file, or `null` when
 * it cannot be read.
 *
 * @param file - the path of a functions.json (default: the build's `dist/functions.json`).
 */
export function loadFunctionMetadata(file?: string): Map<string, MetadataFunction> | null {
  const f =
    file ?? (packageRoot() ? path.join(packageRoot() as string, 'dist', 'functions.json') : undefined);
  if (f === undefined || !fs.existsSync(f)) return null;
  try {
    const json = JSON.parse(fs.readFileSync(f, 'utf8')) as { functions?: MetadataFunction[] };
    return new Map((json.functions ?? []).map((fn) => [fn.id.toUpperCase(), fn]));
  } catch {
    return null;
  }
}

/** The arity declared by one metadata entry: max = parameters (∞ when the last repeats). */
export function arityFromMetadata(fn: MetadataFunction): Arity {
  const params = fn.parameters ?? [];
  const max = params.length > 0 && params[params.length - 1].repeating ? Infinity : params.length;
  let min = 0;
  while (min < params.length && !params[min].optional && !params[min].repeating) min++;
  return { min, max };
}

/**
 * The arity of an IND.* function, from the metadata.
 *
 * @param name - the full name, e.g. `IND.FTE`.
 * @param fn - the adapter (its declared parameters are the fallback when no metadata is built).
 * @returns `min` is 0: a missing required argument reaches the adapter, whose message names it;
 *   `max` is what Excel allows.
 */
export function customFunctionArity(name: string, fn: (...args: never[]) => unknown): Arity {
  if (metadata === undefined) metadata = loadFunctionMetadata();
  const id = name.toUpperCase().replace(/^IND\./, '');
  const entry = metadata?.get(id);
  // Without metadata, the declared parameters; a rest parameter (`...args`, length 0) takes any number.
  const max = entry ? arityFromMetadata(entry).max : fn.length === 0 ? Infinity : fn.length;
  return { min: 0, max };
}
