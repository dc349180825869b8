/**
 * Excel built-ins that the pane's sheets use and fast-formula-parser 1.0.19 leaves as empty stubs
 * (MATCH, SUMIFS, MEDIAN, QUARTILE.INC) or lacks (COUNTIFS), plus a value-returning INDEX (the
 * parser's own INDEX loses the sheet of a reference on another sheet). Each follows Excel's
 * documented behaviour for the forms the sheets write; anything else is refused with #VALUE!,
 * never a guess.
 *
 * INTERIM: `src/cli/engine.ts` is being taught the same functions (filled from
 * `@formulajs/formulajs`). Once it has them, delete the duplicates here; the workbook evaluator
 * passes only what is left (the reference functions) through `WorkbookHooks.functions`.
 */
import { FormulaError, type ParserArg } from 'fast-formula-parser';
import { OMITTED_SENTINEL } from '../cli/preprocess';

/** Excel's PERCENTILE.INC over sorted numbers. */
function percentileInc(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The cells of an argument, row by row. */
function cells(a: ParserArg | undefined): unknown[] {
  if (!a) return [];
  const v = a.value;
  if (Array.isArray(v)) return (v as unknown[]).flatMap((r) => (Array.isArray(r) ? (r as unknown[]) : [r]));
  return [v];
}

function isOmittedArg(a: ParserArg | undefined): boolean {
  return a === undefined || a === null || a.omitted === true || a.value === OMITTED_SENTINEL;
}

/** A scalar argument (the first cell of a 1 × 1 range); errors are thrown. */
function scalar(a: ParserArg | undefined): unknown {
  const v = a?.value;
  const s = Array.isArray(v) ? cells(a)[0] : v;
  if (s instanceof FormulaError) throw s;
  return s;
}

/** Numbers of the arguments as Excel's statistical functions read them: in ranges only numbers. */
function numbers(args: ParserArg[]): number[] {
  const out: number[] = [];
  for (const a of args) {
    if (a.isArray || Array.isArray(a.value)) {
      for (const c of cells(a)) {
        if (c instanceof FormulaError) throw c;
        if (typeof c === 'number') out.push(c);
      }
    } else {
      const v = a.value;
      if (v instanceof FormulaError) throw v;
      if (typeof v === 'number') out.push(v);
      else if (typeof v === 'boolean') out.push(v ? 1 : 0);
      else if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) out.push(Number(v));
      else if (v !== null && v !== undefined && v !== '') throw FormulaError.VALUE;
    }
  }
  return out;
}

/** Text as Excel compares it in look-ups and criteria (case-insensitive). */
function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return typeof v === 'number' || typeof v === 'string' ? String(v) : '';
}

/** A wildcard pattern (`*`, `?`, `~` escapes) as a RegExp, case-insensitive, whole text. */
function wildcard(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '~' && i + 1 < pattern.length) {
      re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

/** Excel's criteria of SUMIFS/COUNTIFS: a number, `""`, `=x`, `<>x`, `>=n`, text with wildcards. */
export function criterionMatcher(crit: unknown): (v: unknown) => boolean {
  if (typeof crit === 'number') return (v) => typeof v === 'number' && v === crit;
  if (typeof crit === 'boolean') return (v) => v === crit;
  const c = text(crit);
  const m = /^(>=|<=|<>|>|<|=)?([\s\S]*)$/.exec(c)!;
  const op = m[1] ?? '=';
  const rhs = m[2];
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  if (rhs === '') {
    if (op === '=') return blank;
    if (op === '<>') return (v) => !blank(v);
  }
  const n = Number(rhs);
  if (rhs.trim() !== '' && Number.isFinite(n)) {
    const cmp = (v: unknown): number | undefined => (typeof v === 'number' ? v - n : undefined);
    switch (op) {
      case '>=':
        return (v) => (cmp(v) ?? -1) >= 0;
      case '<=':
        return (v) => (cmp(v) ?? 1) <= 0;
      case '>':
        return (v) => (cmp(v) ?? -1) > 0;
      case '<':
        return (v) => (cmp(v) ?? 1) < 0;
      case '<>':
        return (v) => cmp(v) !== 0;
      default:
        return (v) => cmp(v) === 0;
    }
  }
  const re = wildcard(rhs);
  switch (op) {
    case '=':
      return (v) => typeof v === 'string' && re.test(v);
    case '<>':
      return (v) => !(typeof v === 'string' && re.test(v));
    default: {
      // Text comparisons (> "m"): Excel compares case-insensitively; numbers never match.
      const r = rhs.toLowerCase();
      const test = {
        '>': (x: string) => x > r,
        '<': (x: string) => x < r,
        '>=': (x: string) => x >= r,
        '<=': (x: string) => x <= r,
      }[op as '>' | '<' | '>=' | '<='];
      return (v) => typeof v === 'string' && test(v.toLowerCase());
    }
  }
}

/** The rows that meet every (range, criterion) pair; all ranges must have the same size. */
function matching(pairs: ParserArg[]): boolean[] {
  if (pairs.length === 0 || pairs.length % 2 !== 0) throw FormulaError.VALUE;
  let size = -1;
  let ok: boolean[] = [];
  for (let k = 0; k < pairs.length; k += 2) {
    const range = cells(pairs[k]);
    const test = criterionMatcher(scalar(pairs[k + 1]));
    if (size < 0) {
      size = range.length;
      ok = new Array<boolean>(size).fill(true);
    } else if (range.length !== size) throw FormulaError.VALUE;
    range.forEach((v, i) => {
      if (ok[i] && !test(v)) ok[i] = false;
    });
  }
  return ok;
}

/**
 * Excel's error propagation for these functions: an error value as a scalar argument is the
 * result (`INDEX(range, #N/A)` is #N/A), and an error met inside is returned, never turned into
 * another code.
 */
function propagating(fn: (...args: ParserArg[]) => unknown): (...args: ParserArg[]) => unknown {
  return (...args) => {
    for (const a of args) if (a && !Array.isArray(a.value) && a.value instanceof FormulaError) return a.value;
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof FormulaError) return e;
      throw e;
    }
  };
}

/** IFERROR / IFNA element by element; a blank value is 0 (`=IFERROR(A1,"")` with A1 blank shows 0). */
function ifError(test: (e: FormulaError) => boolean) {
  return (value: ParserArg, alt: ParserArg): unknown => {
    const fallback = isOmittedArg(alt) ? 0 : alt.value;
    const one = (v: unknown) =>
      v instanceof FormulaError && test(v) ? fallback : v === null || v === undefined ? 0 : v;
    const v = value.value;
    return Array.isArray(v)
      ? (v as unknown[][]).map((r) => (Array.isArray(r) ? r.map(one) : one(r)))
      : one(v);
  };
}

/** Built-ins that must see error values as values (not propagated). */
export const ERROR_HANDLERS: Record<string, (...args: ParserArg[]) => unknown> = {
  IFERROR: ifError(() => true),
  IFNA: ifError((e) => e.error === '#N/A'),
};

const BUILTINS: Record<string, (...args: ParserArg[]) => unknown> = {
  MATCH: (lookup, range, type) => {
    const t = isOmittedArg(type) ? 1 : Number(scalar(type));
    if (t !== 0) return new FormulaError('#VALUE!', 'only exact MATCH(…,0) is supported');
    const needle = scalar(lookup);
    const hay = cells(range);
    let i: number;
    if (typeof needle === 'string') {
      const re = wildcard(needle);
      i = hay.findIndex((h) => typeof h === 'string' && re.test(h));
    } else {
      i = hay.findIndex((h) => h === needle);
    }
    return i < 0 ? FormulaError.NA : i + 1;
  },
  XINDEX: (range, rowNo, colNo) => {
    const v = range.value;
    const grid: unknown[][] = Array.isArray(v)
      ? (v as unknown[]).map((r) => (Array.isArray(r) ? (r as unknown[]) : [r]))
      : [[v]];
    let r = isOmittedArg(rowNo) ? 0 : Number(scalar(rowNo));
    let c = isOmittedArg(colNo) ? 0 : Number(scalar(colNo));
    if (!Number.isFinite(r) || !Number.isFinite(c)) return FormulaError.VALUE;
    r = Math.trunc(r);
    c = Math.trunc(c);
    // A single column or row takes one index, as Excel.
    if (grid[0].length === 1 && c === 0) c = 1;
    else if (grid.length === 1 && c === 0 && r > 0) {
      c = r;
      r = 1;
    }
    if (r < 1 || c < 1 || r > grid.length || c > grid[0].length) return FormulaError.REF;
    const out = grid[r - 1][c - 1];
    return out === undefined || out === null ? 0 : out;
  },
  SUMIFS: (sum, ...pairs) => {
    const values = cells(sum);
    const ok = matching(pairs);
    if (ok.length !== values.length) return FormulaError.VALUE;
    let total = 0;
    for (let i = 0; i < ok.length; i++) {
      if (!ok[i]) continue;
      const x = values[i];
      if (x instanceof FormulaError) return x;
      if (typeof x === 'number') total += x;
    }
    return total;
  },
  COUNTIFS: (...pairs) => matching(pairs).filter(Boolean).length,
  MEDIAN: (...args) => {
    const xs = numbers(args).sort((a, b) => a - b);
    return xs.length === 0 ? FormulaError.NUM : percentileInc(xs, 0.5);
  },
  'QUARTILE.INC': (range, q) => {
    const xs = numbers([range]).sort((a, b) => a - b);
    const k = Math.trunc(Number(scalar(q)));
    if (xs.length === 0 || !(k >= 0 && k <= 4)) return FormulaError.NUM;
    return percentileInc(xs, k / 4);
  },
};

/** The interim built-ins, by name. */
export const INTERIM_BUILTINS: Record<string, (...args: ParserArg[]) => unknown> = {
  ...Object.fromEntries(Object.entries(BUILTINS).map(([name, fn]) => [name, propagating(fn)])),
  ...ERROR_HANDLERS,
};
