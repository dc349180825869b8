/**
 * Building blocks of the portable forms: classic-Excel expressions (Excel 2010, LibreOffice 7.4,
 * Google Sheets; no LET, IFS, MAXIFS, XLOOKUP) that check an argument the way the adapters do
 * (`src/core/validate.ts`) and yield an error value, never a number, where the adapter would
 * return an error:
 *
 * - an error value in an argument propagates (as the adapters pass it on);
 * - text (other than blank) or a boolean where a number belongs gives #VALUE!;
 * - a blank required number gives #VALUE!; a blank optional one takes the default;
 * - sign and range checks (ratio 0 < r ≤ 1, so 74.7 gives #VALUE!) give #VALUE!.
 *
 * A check is a {@link Guard}: a test that is TRUE when the argument is bad, evaluated only after
 * the guards before it passed, and the value to return then. {@link guarded} nests them in IFs.
 */

/** A bad-argument test and what to return when it holds. */
export interface Guard {
  test: string;
  error: string;
}

/** `IF(g1, e1, IF(g2, e2, … value))`. */
export function guarded(guards: readonly Guard[], value: string): string {
  let out = value;
  for (let i = guards.length - 1; i >= 0; i--) out = `IF(${guards[i].test},${guards[i].error},${out})`;
  return out;
}

/** The #VALUE! error literal. */
export const VALUE = '#VALUE!';

/** One argument of an IND.* call, as the transform resolved it. */
export interface Arg {
  /** The argument's text (references qualified and absolute), '' when omitted. */
  text: string;
  omitted: boolean;
  /** Rows × columns when the argument is a reference or an array constant; 1 × 1 for a scalar. */
  rows: number;
  cols: number;
  /** The element at row i, column j (a cell reference or literal); a scalar gives its own text. */
  at(i: number, j: number): string;
  /** True when the argument is a reference to a range (or an array constant), not a scalar. */
  isRange: boolean;
}

/** Sign policy of a number, as in `validate.ts`. */
export type Sign = 'any' | 'nonNegative' | 'positive';

function signGuard(x: string, sign: Sign): Guard[] {
  if (sign === 'nonNegative') return [{ test: `${x}<0`, error: VALUE }];
  if (sign === 'positive') return [{ test: `${x}<=0`, error: VALUE }];
  return [];
}

/** A checked scalar: the guards, and the number expression to use after them. */
export interface Checked {
  guards: Guard[];
  value: string;
}

/**
 * A required number (`toNumber(x, name)`): error propagates, blank/text/boolean → #VALUE!, sign.
 */
export function requiredNumber(a: Arg, sign: Sign = 'nonNegative'): Checked {
  if (a.omitted) return { guards: [{ test: 'TRUE', error: VALUE }], value: '0' };
  const x = a.text;
  return {
    guards: [
      { test: `ISERROR(${x})`, error: x },
      { test: `NOT(ISNUMBER(${x}))`, error: VALUE },
      ...signGuard(x, sign),
    ],
    value: x,
  };
}

/**
 * An optional number with a default (`toNumber(x, name, d, sign)`): blank or omitted → d.
 */
export function optionalNumber(a: Arg, fallback: number, sign: Sign = 'nonNegative'): Checked {
  if (a.omitted) return { guards: [], value: String(fallback) };
  const x = a.text;
  const v = `IF(ISNUMBER(${x}),${x},${fallback})`;
  return {
    guards: [
      { test: `ISERROR(${x})`, error: x },
      { test: `AND(NOT(ISNUMBER(${x})),LEN(TRIM(${x}))>0)`, error: VALUE },
      ...signGuard(v, sign),
    ],
    value: v,
  };
}

/** A ratio 0 < r ≤ 1 (`checkRatio`): 74.7 (a percentage typed as a number) gives #VALUE!. */
export function ratioGuard(v: string): Guard[] {
  return [{ test: `OR(${v}<=0,${v}>1)`, error: VALUE }];
}

/** A fraction 0 ≤ x ≤ 1 (`checkFraction`). */
export function fractionGuard(v: string): Guard[] {
  return [{ test: `OR(${v}<0,${v}>1)`, error: VALUE }];
}

/** A whole number ≥ min (`checkWholeNumber`). */
export function wholeGuard(v: string, min: number): Guard[] {
  return [{ test: `OR(${v}<>INT(${v}),${v}<${min})`, error: VALUE }];
}

/**
 * An optional boolean (`toBoolean`, default `fallback`): TRUE/FALSE, 1/0, the texts
 * WAAR/ONWAAR/TRUE/FALSE; anything else → #VALUE!.
 */
export function optionalBoolean(a: Arg, fallback: boolean): Checked {
  const d = fallback ? 'TRUE' : 'FALSE';
  if (a.omitted) return { guards: [], value: d };
  const x = a.text;
  // Text comparison with = ignores case in Excel, as toBoolean does.
  const t = `TRIM(${x})`;
  return {
    guards: [
      { test: `ISERROR(${x})`, error: x },
      {
        test: `NOT(OR(ISLOGICAL(${x}),AND(ISNUMBER(${x}),OR(${x}=0,${x}=1)),LEN(TRIM(${x}))=0,${t}="WAAR",${t}="ONWAAR",${t}="TRUE",${t}="FALSE"))`,
        error: VALUE,
      },
    ],
    value: `IF(ISLOGICAL(${x}),${x},IF(ISNUMBER(${x}),${x}=1,IF(LEN(TRIM(${x}))=0,${d},OR(${t}="WAAR",${t}="TRUE"))))`,
  };
}

/**
 * An optional text (`toText`, default `fallback`), as an expression giving the trimmed text.
 */
export function optionalText(a: Arg, fallback: string): Checked {
  const d = `"${fallback.replace(/"/g, '""')}"`;
  if (a.omitted) return { guards: [], value: d };
  const x = a.text;
  return {
    guards: [{ test: `ISERROR(${x})`, error: x }],
    value: `IF(LEN(TRIM(${x}))=0,${d},TRIM(${x}))`,
  };
}

/** Options of {@link rangeGuards}. */
export interface RangeCheck {
  /** Blank cells: 0 (default), "nan" (the caller checks them against a volume), or an error. */
  blank?: 'zero' | 'nan' | 'error';
  sign?: Sign;
}

/**
 * The checks of a numeric range (`toNumberGrid`): an error cell propagates (SUM returns it), text
 * (not blank) or a boolean → #VALUE!, a blank when blanks are not allowed → #VALUE!, sign.
 */
export function rangeGuards(range: string, opts: RangeCheck = {}): Guard[] {
  const out: Guard[] = [
    { test: `SUMPRODUCT(--ISERROR(${range}))>0`, error: `SUM(${range})` },
    {
      test: `SUMPRODUCT(ISTEXT(${range})*(LEN(TRIM(${range}))>0)+ISLOGICAL(${range}))>0`,
      error: VALUE,
    },
  ];
  if (opts.blank === 'error') out.push({ test: `SUMPRODUCT(--(LEN(TRIM(${range}))=0))>0`, error: VALUE });
  const sign = opts.sign ?? 'nonNegative';
  if (sign === 'nonNegative') out.push({ test: `COUNTIF(${range},"<0")>0`, error: VALUE });
  if (sign === 'positive') out.push({ test: `COUNTIF(${range},"<=0")>0`, error: VALUE });
  return out;
}

/** An element of a range as a number, with a blank counting as 0. */
export function zeroIfBlank(cell: string): string {
  return `N(${cell})`;
}

/** A text literal. */
export function text(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
