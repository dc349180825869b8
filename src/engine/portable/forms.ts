/**
 * THE portable forms: for every IND.* function (keyed by its Excel name, exactly as in
 * `src/functions/registry.ts`), the native formula that computes the same value in the same
 * cells with classic functions only, and returns an error wherever the adapter returns one. A
 * test checks that every registered function has a form here.
 *
 * Adding a function (the step after the recipe in CONTRIBUTING.md):
 * 1. add an entry `'IND.NAME': { shape, build, lost }` below, mirroring the adapter: the same
 *    argument checks in the same order (see the builders in `excel.ts`), the same arithmetic in the
 *    same order (so results agree to the last bits), and for spills one formula per result cell,
 *    with helper cells (`ctx.helper`) where a cell depends on more than the cell before;
 * 2. run `npx jest test/engine` — the engine test renders every plan in portable form, lets
 *    LibreOffice compute it and compares every cell with the adapters.
 *
 * An argument that is an array expression over ranges (e.g. `IF(mask, Table[Col], "")` or
 * `Table[Days]+5`) reaches a form as a range on IND_Hulp: the transform materialises it there,
 * one helper cell per element (see `transform.ts`).
 */
import type { Lang } from '../../core/messages/types';
import {
  fractionGuard,
  guarded,
  optionalBoolean,
  optionalNumber,
  optionalText,
  ratioGuard,
  rangeGuards,
  requiredNumber,
  text,
  VALUE,
  wholeGuard,
  zeroIfBlank,
  type Arg,
  type Guard,
} from './excel';

/** What a form may ask of the transform. */
export interface FormContext {
  /** Where result element (i, j) is written (absolute, qualified), for recurrences. */
  out(i: number, j: number): string;
  /**
   * Helper cells on the hidden sheet IND_Hulp: a column of `n` cells whose formula (without `=`)
   * for cell i is `formula(i, self)`, `self(k)` being the reference of helper cell k.
   * @returns the reference of each helper cell.
   */
  helper(n: number, formula: (i: number, self: (k: number) => string) => string): (i: number) => string;
  /** One helper cell holding `formula` (without `=`). */
  helperCell(formula: string): string;
}

/** A portable form. */
export interface PortableForm {
  /** Rows × columns of the result (1 × 1: a scalar, replaced in place inside its formula). */
  shape(args: Arg[]): { rows: number; cols: number };
  /** The formula text (without `=`) of result element (i, j). */
  build(args: Arg[], ctx: FormContext): (i: number, j: number) => string;
  /** What the portable form loses, for the sheet that lists the cells. */
  lost: Record<Lang, string>;
}

const MESSAGE_LOST: Record<Lang, string> = {
  nl: 'de uitleg bij een foutwaarde (alleen de foutcode blijft)',
  en: 'the explanation of an error value (only the error code remains)',
};

/** Argument i, or an omitted one. */
function arg(args: Arg[], i: number): Arg {
  return (
    args[i] ?? {
      text: '',
      omitted: true,
      rows: 1,
      cols: 1,
      at: () => '',
      isRange: false,
    }
  );
}

/** Length of a line (a column or a row); undefined for a block. */
function lineLength(a: Arg): number | undefined {
  if (a.rows === 1 || a.cols === 1) return a.rows * a.cols;
  return undefined;
}

/** The i-th element of a line argument. */
function el(a: Arg, i: number): string {
  return a.rows === 1 ? a.at(0, i) : a.at(i, 0);
}

/** A guard that always fails with #VALUE! (e.g. a shape the adapter refuses). */
const REFUSED: Guard = { test: 'TRUE', error: VALUE };

/** `checkSameSize` on two arguments, decided from their static shapes. */
function sameSize(a: Arg, b: Arg): Guard[] {
  const la = lineLength(a);
  const lb = lineLength(b);
  if (la !== undefined && lb !== undefined) return la === lb ? [] : [REFUSED];
  return a.rows === b.rows && a.cols === b.cols ? [] : [REFUSED];
}

/** `toNumberColumn`: a line, not a block. */
function column(a: Arg): Guard[] {
  return lineLength(a) === undefined ? [REFUSED] : [];
}

/** A scalar read as `toNumberGrid` reads it: a blank is 0, text is refused, errors propagate. */
function blankZeroScalar(a: Arg): Guard[] {
  if (a.omitted) return [];
  return [
    { test: `ISERROR(${a.text})`, error: a.text },
    { test: `AND(NOT(ISNUMBER(${a.text})),LEN(TRIM(${a.text}))>0)`, error: VALUE },
    { test: `N(${a.text})<0`, error: VALUE },
  ];
}

/** The range text of a line/range argument (a scalar is its own text). */
const rng = (a: Arg): string => a.text;

/** A scalar form: one expression, shape 1 × 1. */
function scalar(build: (args: Arg[], ctx: FormContext) => string, lost = MESSAGE_LOST): PortableForm {
  return { shape: () => ({ rows: 1, cols: 1 }), build: (args, ctx) => () => build(args, ctx), lost };
}

/** Guards of several checked arguments, in order. */
function all(...gs: Guard[][]): Guard[] {
  return gs.flat();
}

/** Σ volume × norm / 60 with the adapter's checks (`workloadHours`), as {guards, value}. */
function workloadParts(v: Arg, m: Arg): { guards: Guard[]; value: string } {
  return {
    guards: all(
      sameSize(v, m),
      column(v),
      column(m),
      rangeGuards(rng(v)),
      rangeGuards(rng(m), { blank: 'nan' }),
      // A blank norm is allowed only where the volume is 0.
      [{ test: `SUMPRODUCT((LEN(TRIM(${rng(m)}))=0)*(${rng(v)}<>0))>0`, error: VALUE }],
    ),
    value: `SUMPRODUCT(${rng(v)},${rng(m)})/60`,
  };
}

/** The kinds of hours of IND.DIRECTRATIO, in Dutch and English (`parseHourKind`). */
const KIND_WORDS = {
  direct: ['direct', 'directe'],
  indirect: ['indirect', 'indirecte'],
  absence: ['absence', 'afwezig', 'afwezigheid'],
};
const isKind = (k: string, words: string[]): string =>
  `(${words.map((w) => `(TRIM(${k})="${w}")`).join('+')})`;

/** Every portable form by the function's Excel name. */
export const PORTABLE_FORMS: Record<string, PortableForm> = {
  'IND.WORKLOAD': scalar((args) => {
    const [v, m, vc, nc] = [0, 1, 2, 3].map((i) => arg(args, i));
    if (vc.omitted !== nc.omitted) return VALUE;
    if (vc.omitted) {
      const w = workloadParts(v, m);
      return guarded(w.guards, w.value);
    }
    // With codes: each volume's norm is looked up by code (first match, case-insensitive); a code
    // that is missing gives #N/A where its volume is not 0.
    const guards = all(
      sameSize(vc, v),
      sameSize(nc, m),
      column(v),
      column(m),
      rangeGuards(rng(v)),
      rangeGuards(rng(m), { blank: 'nan' }),
      [
        {
          test: `SUMPRODUCT((${rng(v)}<>0)*(COUNTIF(${rng(nc)},${rng(vc)})=0))>0`,
          error: 'NA()',
        },
      ],
    );
    const n = lineLength(v) ?? 1;
    const terms = Array.from(
      { length: n },
      (_, i) =>
        `IF(N(${el(v, i)})=0,0,N(${el(v, i)})*INDEX(${rng(m)},MATCH(TRIM(${el(vc, i)}),${rng(nc)},0)))`,
    );
    return guarded(guards, `(${terms.join('+')})/60`);
  }),

  'IND.FTE': scalar((args) => {
    const h = requiredNumber(arg(args, 0));
    const w = optionalNumber(arg(args, 1), 1, 'any');
    const p = optionalNumber(arg(args, 2), 36, 'any');
    const r = optionalNumber(arg(args, 3), 0.7473, 'any');
    const x = optionalNumber(arg(args, 4), 0);
    const g = optionalBoolean(arg(args, 5), true);
    const guards = all(
      h.guards,
      w.guards,
      p.guards,
      r.guards,
      x.guards,
      g.guards,
      [{ test: `${w.value}<=0`, error: VALUE }],
      [{ test: `${p.value}<=0`, error: VALUE }],
      ratioGuard(r.value),
    );
    const base = `${h.value}/${w.value}/${p.value}`;
    return guarded(guards, `IF(${g.value},(${base}+${x.value})/${r.value},${base}/${r.value}+${x.value})`);
  }),

  'IND.CAPACITY': scalar((args) => {
    const f = requiredNumber(arg(args, 0));
    const w = optionalNumber(arg(args, 1), 1, 'any');
    const p = optionalNumber(arg(args, 2), 36, 'any');
    const r = optionalNumber(arg(args, 3), 0.7473, 'any');
    const guards = all(
      f.guards,
      w.guards,
      p.guards,
      r.guards,
      [{ test: `${w.value}<=0`, error: VALUE }],
      [{ test: `${p.value}<=0`, error: VALUE }],
      ratioGuard(r.value),
    );
    return guarded(guards, `${f.value}*${w.value}*${p.value}*${r.value}`);
  }),

  'IND.HEADCOUNTFTE': scalar((args) => {
    const n = requiredNumber(arg(args, 0));
    const c = optionalNumber(arg(args, 1), 34.5, 'any');
    const p = optionalNumber(arg(args, 2), 36, 'any');
    const guards = all(n.guards, c.guards, p.guards, [
      { test: `${c.value}<=0`, error: VALUE },
      { test: `${p.value}<=0`, error: VALUE },
    ]);
    return guarded(guards, `${n.value}*${c.value}/${p.value}`);
  }),

  'IND.TURNOVERFTE': scalar((args) => {
    const n = requiredNumber(arg(args, 0));
    const c = optionalNumber(arg(args, 1), 34.5, 'any');
    const p = optionalNumber(arg(args, 2), 36, 'any');
    const guards = all(n.guards, c.guards, p.guards, [
      { test: `${c.value}<=0`, error: VALUE },
      { test: `${p.value}<=0`, error: VALUE },
    ]);
    return guarded(guards, `${n.value}/2*${c.value}/${p.value}`);
  }),

  'IND.DIRECTRATIO': scalar((args) => {
    const h = arg(args, 0);
    const k = arg(args, 1);
    const b = optionalText(arg(args, 2), 'gross');
    const basis = b.value;
    const isNet = `OR(${basis}="net",${basis}="netto")`;
    const known = `(${isKind(rng(k), [...KIND_WORDS.direct, ...KIND_WORDS.indirect, ...KIND_WORDS.absence])})`;
    const direct = `SUMPRODUCT(${rng(h)},--${isKind(rng(k), KIND_WORDS.direct)})`;
    const absence = `SUMPRODUCT(${rng(h)},--${isKind(rng(k), KIND_WORDS.absence)})`;
    const indirect = `SUMPRODUCT(${rng(h)},--${isKind(rng(k), KIND_WORDS.indirect)})`;
    // The adapter's parts (directRatioOf): gross = direct + (indirect + absence), net = direct +
    // indirect; never all − absence, which can exceed the ratio 1 by a rounding in floating point.
    const denominator = `IF(${isNet},${direct}+${indirect},${direct}+(${indirect}+${absence}))`;
    const guards = all(
      sameSize(h, k),
      b.guards,
      [{ test: `NOT(OR(${basis}="gross",${basis}="bruto",${isNet}))`, error: VALUE }],
      column(h),
      rangeGuards(rng(h)),
      column(k),
      [{ test: `SUMPRODUCT(--ISERROR(${rng(k)}))>0`, error: `SUM(${rng(k)})` }],
      // An unknown kind is refused unless its row is blank with 0 hours.
      [
        {
          test: `SUMPRODUCT((${known}=0)*(1-((${rng(h)}=0)+(LEN(TRIM(${rng(h)}))=0)>0)*(LEN(TRIM(${rng(k)}))=0)))>0`,
          error: VALUE,
        },
      ],
      [{ test: `NOT(${denominator}>0)`, error: VALUE }],
    );
    return guarded(guards, `${direct}/${denominator}`);
  }),

  'IND.TRAININGLOAD': scalar((args) => {
    const t = requiredNumber(arg(args, 0));
    const c = requiredNumber(arg(args, 1));
    const f = requiredNumber(arg(args, 2), 'any');
    const p = optionalNumber(arg(args, 3), 36, 'any');
    const guards = all(t.guards, c.guards, f.guards, p.guards, [
      { test: `${f.value}<=0`, error: VALUE },
      { test: `${p.value}<=0`, error: VALUE },
    ]);
    return guarded(guards, `(${t.value}+${c.value})/${p.value}/${f.value}`);
  }),

  'IND.COSTPRICE': {
    shape: (args) => {
      const n = arg(args, 0);
      const c = arg(args, 1);
      return n.rows * n.cols >= c.rows * c.cols
        ? { rows: n.rows, cols: n.cols }
        : { rows: c.rows, cols: c.cols };
    },
    build: (args, ctx) => {
      const n = arg(args, 0);
      const c = arg(args, 1);
      const r = optionalNumber(arg(args, 2), 0.7473, 'any');
      const o = optionalNumber(arg(args, 3), 0, 'any');
      const big = n.rows * n.cols >= c.rows * c.cols ? n : c;
      const fits = (a: Arg) => (a.rows === 1 && a.cols === 1) || (a.rows === big.rows && a.cols === big.cols);
      const grid = (a: Arg): Guard[] =>
        a.isRange ? rangeGuards(rng(a), { blank: 'error' }) : requiredNumber(a).guards;
      const guards = all(r.guards, ratioGuard(r.value), o.guards, fractionGuard(o.value), grid(n), grid(c), [
        ...(fits(n) && fits(c) ? [] : [REFUSED]),
      ]);
      const check = big.rows * big.cols > 1 ? ctx.helperCell(guarded(guards, '0')) : undefined;
      return (i, j) => {
        const at = (a: Arg) => (a.rows === 1 && a.cols === 1 ? a.at(0, 0) : a.at(i, j));
        const value = `((${at(n)}/60)*${at(c)}/${r.value})*(1+${o.value})`;
        return check ? `IF(ISERROR(${check}),${check},${value})` : guarded(guards, value);
      };
    },
    lost: MESSAGE_LOST,
  },

  'IND.FUNDING': scalar((args) => {
    const v = arg(args, 0);
    const p = arg(args, 1);
    const l = optionalNumber(arg(args, 2), 0);
    const f = optionalNumber(arg(args, 3), 0);
    const guards = all(
      sameSize(v, p),
      column(v),
      column(p),
      rangeGuards(rng(v)),
      rangeGuards(rng(p), { blank: 'nan' }),
      l.guards,
      f.guards,
      [{ test: `SUMPRODUCT((LEN(TRIM(${rng(p)}))=0)*(${rng(v)}<>0))>0`, error: VALUE }],
    );
    return guarded(guards, `MAX(${f.value},${l.value}+SUMPRODUCT(${rng(v)},${rng(p)}))`);
  }),

  'IND.LUMPSUMSPLIT': {
    shape: () => ({ rows: 1, cols: 2 }),
    build: (args, ctx) => {
      const c = arg(args, 0);
      const s = optionalNumber(arg(args, 1), 0.13, 'any');
      const l = optionalNumber(arg(args, 2), 0);
      const total = c.isRange ? `SUM(${rng(c)})` : `N(${c.text})`;
      const guards = all(
        c.isRange ? rangeGuards(rng(c)) : blankZeroScalar(c),
        s.guards,
        l.guards,
        [{ test: `${total}<0`, error: VALUE }],
        fractionGuard(s.value),
      );
      // Cents: ROUND is half away from zero in Excel, as Math.round for these non-negative amounts.
      const cents = ctx.helperCell(guarded(guards, `ROUND(${total}*100,0)`));
      const moved = ctx.helperCell(`ROUND(${s.value}*${cents},0)`);
      return (_i, j) =>
        j === 0 ? `${l.value}+${moved}/100` : `(${cents}-${moved})/100+(${total}-${cents}/100)`;
    },
    lost: MESSAGE_LOST,
  },

  'IND.FUNDINGPATH': {
    shape: (args) => ({ rows: lineLength(arg(args, 0)) ?? 1, cols: 1 }),
    build: (args, ctx) => {
      const w = arg(args, 0);
      const rate = requiredNumber(arg(args, 1));
      const l = optionalNumber(arg(args, 2), 0);
      const f = optionalNumber(arg(args, 3), 0);
      const d = optionalNumber(arg(args, 4), 1, 'any');
      const c = optionalNumber(arg(args, 5), 1, 'any');
      const n = lineLength(w) ?? 1;
      const guards = all(
        column(w),
        rangeGuards(rng(w)),
        rate.guards,
        l.guards,
        f.guards,
        d.guards,
        c.guards,
        fractionGuard(d.value),
        wholeGuard(c.value, 1),
      );
      const check = ctx.helperCell(guarded(guards, '0'));
      const target = (i: number) => `(${l.value}+${rate.value}*${zeroIfBlank(el(w, i))})`;
      // Periods in a row that the target stayed below the funded level (the core's `below`).
      const below = ctx.helper(n, (i, self) =>
        i === 0 ? '0' : `IF(${target(i)}>=${ctx.out(i - 1, 0)},0,${self(i - 1)}+1)`,
      );
      return (i) => {
        const value =
          i === 0
            ? `MAX(${f.value},${target(0)})`
            : `IF(${target(i)}>=${ctx.out(i - 1, 0)},MAX(${f.value},${target(i)}),IF(${below(i)}>=${c.value},MAX(${f.value},${target(i)},${ctx.out(i - 1, 0)}*(1-${d.value})),${ctx.out(i - 1, 0)}))`;
        return `IF(ISERROR(${check}),${check},${value})`;
      };
    },
    lost: MESSAGE_LOST,
  },

  'IND.SCENARIO': {
    shape: (args) => ({ rows: lineLength(arg(args, 0)) ?? 1, cols: 1 }),
    build: (args, ctx) => {
      const w = arg(args, 0);
      const lo = optionalNumber(arg(args, 1), 76000);
      const hi = optionalNumber(arg(args, 2), 93000);
      const ex = optionalNumber(arg(args, 3), 10000);
      const len = optionalNumber(arg(args, 4), 3, 'any');
      const lang = optionalText(arg(args, 5), 'nl');
      const n = lineLength(w) ?? 1;
      const guards = all(
        lang.guards,
        [{ test: `AND(${lang.value}<>"nl",${lang.value}<>"en")`, error: VALUE }],
        column(w),
        rangeGuards(rng(w)),
        lo.guards,
        hi.guards,
        ex.guards,
        len.guards,
        wholeGuard(len.value, 0),
        [{ test: `${lo.value}>${hi.value}`, error: VALUE }],
      );
      const check = ctx.helperCell(guarded(guards, '0'));
      const x = (i: number) => zeroIfBlank(el(w, i));
      const above = (i: number) => `(${x(i)}>${hi.value})`;
      // Run length and run maximum up to and from each period: the label of a run above the band
      // is judged in hindsight on the whole run.
      const fwdLen = ctx.helper(n, (i, self) => `IF(${above(i)},${i === 0 ? 0 : self(i - 1)}+1,0)`);
      const fwdMax = ctx.helper(
        n,
        (i, self) => `IF(${above(i)},MAX(${i === 0 ? 0 : self(i - 1)},${x(i)}),0)`,
      );
      const bwdLen = ctx.helper(n, (i, self) => `IF(${above(n - 1 - i)},${i === 0 ? 0 : self(i - 1)}+1,0)`);
      const bwdMax = ctx.helper(
        n,
        (i, self) => `IF(${above(n - 1 - i)},MAX(${i === 0 ? 0 : self(i - 1)},${x(n - 1 - i)}),0)`,
      );
      const en = `${lang.value}="en"`;
      const label = (nl: string, enText: string) => `IF(${en},${text(enText)},${text(nl)})`;
      return (i) => {
        const runLen = `(${fwdLen(i)}+${bwdLen(n - 1 - i)}-1)`;
        const runMax = `MAX(${fwdMax(i)},${bwdMax(n - 1 - i)})`;
        const value = `IF(${x(i)}<=${hi.value},IF(${x(i)}<${lo.value},${label('onder band', 'below band')},${label('normaal', 'normal')}),IF(AND(${runLen}<=${len.value},${runMax}<=${hi.value}+${ex.value}),${label('korte piek', 'short peak')},${label('lange piek', 'long peak')}))`;
        return `IF(ISERROR(${check}),${check},${value})`;
      };
    },
    lost: MESSAGE_LOST,
  },

  'IND.BACKLOG': {
    shape: (args) => ({ rows: lineLength(arg(args, 0)) ?? 1, cols: 1 }),
    build: (args, ctx) => {
      const inflow = arg(args, 0);
      const cap = arg(args, 1);
      const b0 = optionalNumber(arg(args, 2), 0);
      const single = cap.rows === 1 && cap.cols === 1;
      const guards = all(
        column(inflow),
        rangeGuards(rng(inflow)),
        single ? requiredNumber(cap).guards : all(sameSize(cap, inflow), column(cap), rangeGuards(rng(cap))),
        b0.guards,
      );
      const check = ctx.helperCell(guarded(guards, '0'));
      const c = (i: number) => (single ? cap.at(0, 0) : zeroIfBlank(el(cap, i)));
      return (i) => {
        const prev = i === 0 ? b0.value : ctx.out(i - 1, 0);
        return `IF(ISERROR(${check}),${check},MAX(0,${prev}+${zeroIfBlank(el(inflow, i))}-${c(i)}))`;
      };
    },
    lost: MESSAGE_LOST,
  },

  'IND.NORMVARIANCE': {
    shape: (args) => {
      const big = [0, 1, 2].map((i) => arg(args, i)).sort((a, b) => b.rows * b.cols - a.rows * a.cols)[0];
      return { rows: big.rows, cols: big.cols };
    },
    build: (args) => {
      const [h, n, m] = [0, 1, 2].map((i) => arg(args, i));
      const grid = (a: Arg, blank: 'zero' | 'nan'): Guard[] =>
        a.isRange ? rangeGuards(rng(a), { blank }) : requiredNumber(a).guards.slice(0, 1);
      // Scalars: a blank counts as 0 (hours, cases) or as "no norm" (norm), text is refused.
      const scalarText = (a: Arg): Guard[] =>
        a.isRange ? [] : [{ test: `AND(NOT(ISNUMBER(${a.text})),LEN(TRIM(${a.text}))>0)`, error: VALUE }];
      const sign = (a: Arg): Guard[] => (a.isRange ? [] : [{ test: `N(${a.text})<0`, error: VALUE }]);
      const whole = all(
        grid(h, 'zero'),
        scalarText(h),
        sign(h),
        grid(n, 'zero'),
        scalarText(n),
        sign(n),
        grid(m, 'nan'),
        scalarText(m),
        sign(m),
      );
      return (i, j) => {
        const at = (a: Arg) => (a.rows === 1 && a.cols === 1 ? a.at(0, 0) : a.at(i, j));
        const hv = zeroIfBlank(at(h));
        const nv = zeroIfBlank(at(n));
        const mv = at(m);
        // Per cell: no cases and no hours → #N/A; hours without cases, a blank or 0 norm → #VALUE!.
        const cell = guarded(
          [
            { test: `AND(LEN(TRIM(${mv}))=0,${hv}=0,${nv}=0)`, error: 'NA()' },
            { test: `LEN(TRIM(${mv}))=0`, error: VALUE },
            { test: `${mv}<=0`, error: VALUE },
            { test: `AND(${nv}=0,${hv}>0)`, error: VALUE },
            { test: `${nv}=0`, error: 'NA()' },
          ],
          `(${hv}*60)/${nv}/${mv}-1`,
        );
        return guarded(whole, cell);
      };
    },
    lost: MESSAGE_LOST,
  },

  'IND.EFFECTIVENESS': scalar((args) => {
    const v = arg(args, 0);
    const m = arg(args, 1);
    const d = arg(args, 2);
    const wl = workloadParts(v, m);
    const direct = d.isRange ? `SUM(${rng(d)})` : `N(${d.text})`;
    const guards = all(
      sameSize(v, m),
      column(v),
      rangeGuards(rng(v)),
      rangeGuards(rng(m), { blank: 'nan' }),
      d.isRange ? rangeGuards(rng(d)) : blankZeroScalar(d),
      wl.guards,
      [{ test: `NOT(${direct}>0)`, error: VALUE }],
    );
    return guarded(guards, `${wl.value}/${direct}`);
  }),

  'IND.VARIANCE': {
    shape: (args) => ({ rows: 1, cols: separateMix(arg(args, 4)) ? 4 : 3 }),
    build: (args, ctx) => {
      const [bv, bp, av, ap] = [0, 1, 2, 3].map((i) => arg(args, i));
      const mix = optionalBoolean(arg(args, 4), false);
      const guards = all(
        sameSize(bp, bv),
        sameSize(av, bv),
        sameSize(ap, bv),
        mix.guards,
        [bv, bp, av, ap].flatMap(column),
        rangeGuards(rng(bv)),
        rangeGuards(rng(bp), { blank: 'nan', sign: 'any' }),
        rangeGuards(rng(av)),
        rangeGuards(rng(ap), { blank: 'nan', sign: 'any' }),
        // A blank price is allowed only where the volume that uses it is 0.
        [
          {
            test: `SUMPRODUCT(((LEN(TRIM(${rng(bp)}))=0)+(LEN(TRIM(${rng(ap)}))=0)>0)*((${rng(bv)}<>0)+(${rng(av)}<>0)>0))>0`,
            error: VALUE,
          },
        ],
        [{ test: `COUNTIF(${rng(bp)},"<0")+COUNTIF(${rng(ap)},"<0")>0`, error: VALUE }],
      );
      const check = ctx.helperCell(guarded(guards, '0'));
      const inclMix = `SUMPRODUCT(${rng(av)}-${rng(bv)},${rng(bp)})`;
      // V1 and V2 (core/variance.ts): the actual total volume at the budget mix, ΣVa × Vb / ΣVb;
      // without any budget volume the whole volume change is V1 and V2 is 0.
      const atMix = `(SUM(${rng(av)})*${rng(bv)})/SUM(${rng(bv)})`;
      const vol = `IF(SUM(${rng(bv)})>0,SUMPRODUCT(${atMix}-${rng(bv)},${rng(bp)}),${inclMix})`;
      const mixStep = `IF(SUM(${rng(bv)})>0,SUMPRODUCT(${rng(av)}-${atMix},${rng(bp)}),0)`;
      const price = `SUMPRODUCT(${rng(ap)}-${rng(bp)},${rng(av)})`;
      const total = `SUMPRODUCT(${rng(av)},${rng(ap)})-SUMPRODUCT(${rng(bv)},${rng(bp)})`;
      const cols = separateMix(arg(args, 4)) ? [vol, mixStep, price, total] : [inclMix, price, total];
      return (_i, j) => `IF(ISERROR(${check}),${check},${cols[j]})`;
    },
    lost: MESSAGE_LOST,
  },

  'IND.FORECASTERROR': scalar((args, ctx) => {
    const a = arg(args, 0);
    const f = arg(args, 1);
    const m = optionalText(arg(args, 2), 'wape');
    // Paired element by element, in row order (a forecast laid out across when the actuals go
    // down is paired the same way).
    const fr = a.rows === f.rows && a.cols === f.cols ? rng(f) : `TRANSPOSE(${rng(f)})`;
    const known = `(LEN(TRIM(${rng(a)}))>0)`;
    const n = `SUMPRODUCT(--${known})`;
    const count = a.rows * a.cols;
    const elem = (x: Arg, k: number) =>
      x.rows === 1 ? x.at(0, k) : x.cols === 1 ? x.at(k, 0) : x.at(Math.floor(k / x.cols), k % x.cols);
    const isKnown = (k: number) => `LEN(TRIM(${elem(a, k)}))>0`;
    // Per period (helper cells; a pending period, whose cells may hold "", gives 0): F − A, |A|,
    // and |F − A| / |A| where A ≠ 0.
    const sameCount = (lineLength(f) ?? f.rows * f.cols) === count;
    const err = sameCount
      ? ctx.helper(count, (k) => `IF(${isKnown(k)},${elem(f, k)}-${elem(a, k)},0)`)
      : () => '0';
    const absA = sameCount ? ctx.helper(count, (k) => `IF(${isKnown(k)},ABS(${elem(a, k)}),0)`) : () => '0';
    const ape = sameCount
      ? ctx.helper(
          count,
          (k) => `IF(AND(${isKnown(k)},N(${elem(a, k)})<>0),ABS(${err(k)})/ABS(${elem(a, k)}),0)`,
        )
      : () => '0';
    const col = (h: (k: number) => string) => `${h(0)}:${h(count - 1).replace(/^.*!/, '')}`;
    const guards = all(
      sameSize(f, a),
      rangeGuards(rng(a), { blank: 'nan', sign: 'any' }),
      rangeGuards(rng(f), { blank: 'nan', sign: 'any' }),
      // A known actual needs its forecast.
      [{ test: `SUMPRODUCT(${known}*(LEN(TRIM(${fr}))=0))>0`, error: VALUE }],
      m.guards,
      [{ test: `AND(${m.value}<>"wape",${m.value}<>"mape",${m.value}<>"bias")`, error: VALUE }],
      // MAPE divides by each actual: an actual of 0 is an error (before "no actuals yet").
      [{ test: `AND(${m.value}="mape",SUMPRODUCT(${known}*(${rng(a)}=0))>0)`, error: VALUE }],
      // Nothing scored yet: pending, #N/A.
      [{ test: `${n}=0`, error: 'NA()' }],
      [{ test: `AND(${m.value}="wape",SUM(${col(absA)})=0)`, error: VALUE }],
    );
    const wape = `SUMPRODUCT(ABS(${col(err)}))/SUM(${col(absA)})`;
    const mape = `SUM(${col(ape)})/${n}`;
    const bias = `SUM(${col(err)})/${n}`;
    return guarded(guards, `IF(${m.value}="wape",${wape},IF(${m.value}="mape",${mape},${bias}))`);
  }),

  'IND.YEAREND': scalar((args) => {
    const r = requiredNumber(arg(args, 0), 'any');
    const d = requiredNumber(arg(args, 1), 'any');
    const y = optionalNumber(arg(args, 2), 13, 'any');
    const m = optionalText(arg(args, 3), 'trend');
    const c = arg(args, 4);
    const isTrend = `${m.value}="trend"`;
    // A blank capacity counts as omitted (isOmitted).
    const noCap = c.omitted ? 'TRUE' : `LEN(TRIM(${c.text}))=0`;
    const guards = all(
      r.guards,
      d.guards,
      y.guards,
      m.guards,
      [{ test: `AND(NOT(${isTrend}),${m.value}<>"capacity",${m.value}<>"capaciteit")`, error: VALUE }],
      c.omitted
        ? []
        : [
            { test: `ISERROR(${c.text})`, error: c.text },
            { test: `AND(NOT(ISNUMBER(${c.text})),LEN(TRIM(${c.text}))>0)`, error: VALUE },
          ],
      [{ test: `${r.value}<0`, error: VALUE }],
      wholeGuard(y.value, 1),
      wholeGuard(d.value, 0),
      [{ test: `${d.value}>${y.value}`, error: VALUE }],
      [{ test: `AND(${isTrend},${d.value}=0)`, error: VALUE }],
      [{ test: `AND(NOT(${isTrend}),${noCap})`, error: VALUE }],
      c.omitted ? [] : [{ test: `AND(NOT(${isTrend}),N(${c.text})<0)`, error: VALUE }],
    );
    const remaining = `(${y.value}-${d.value})`;
    const trend = `${r.value}+(${remaining}*${r.value})/${d.value}`;
    const capacity = c.omitted ? VALUE : `${r.value}+${remaining}*${c.text}`;
    return guarded(guards, `IF(${isTrend},${trend},${capacity})`);
  }),

  'IND.WITHINTERM': scalar((args) => {
    const days = arg(args, 0);
    const term = arg(args, 1);
    const single = term.rows === 1 && term.cols === 1;
    const known = `(LEN(TRIM(${rng(days)}))>0)`;
    const t = single
      ? term.text
      : term.rows === days.rows && term.cols === days.cols
        ? rng(term)
        : `TRANSPOSE(${rng(term)})`;
    const n = `SUMPRODUCT(--${known})`;
    const guards = all(
      rangeGuards(rng(days), { blank: 'nan', sign: 'any' }),
      single
        ? requiredNumber(term, 'any').guards
        : all(sameSize(term, days), rangeGuards(rng(term), { blank: 'nan', sign: 'any' })),
      single
        ? [{ test: `NOT(${t}>0)`, error: VALUE }]
        : [
            // Per case: a blank term, a term of 0 or less.
            { test: `SUMPRODUCT(${known}*(LEN(TRIM(${t}))=0))>0`, error: VALUE },
            { test: `SUMPRODUCT(${known}*(${t}<=0))>0`, error: VALUE },
          ],
      // A decision before its receipt.
      [{ test: `SUMPRODUCT(${known}*(${rng(days)}<0))>0`, error: VALUE }],
      [{ test: `${n}=0`, error: VALUE }],
    );
    // A case decided on its deadline counts as within (isWithinTerm: days <= term).
    return guarded(guards, `SUMPRODUCT(${known}*(${rng(days)}<=${t}))/${n}`);
  }),

  'IND.PENALTY': {
    shape: (args) => {
      const d = arg(args, 0);
      return { rows: d.rows, cols: d.cols };
    },
    build: (args, ctx) => {
      const d = arg(args, 0);
      const s = arg(args, 1);
      const schedule = penaltySchedule(s, ctx);
      const days = d.isRange
        ? all(rangeGuards(rng(d), { sign: 'any' }), [
            { test: `SUMPRODUCT(--(${rng(d)}<>INT(${rng(d)})))>0`, error: VALUE },
          ])
        : blankZeroWhole(d);
      const guards = all(schedule.guards, days);
      const big = d.rows * d.cols > 1;
      const check = big ? ctx.helperCell(guarded(guards, '0')) : undefined;
      return (i, j) => {
        const value = schedule.amount(zeroIfBlank(d.at(i, j)));
        return check ? `IF(ISERROR(${check}),${check},${value})` : guarded(guards, value);
      };
    },
    lost: MESSAGE_LOST,
  },
};

/**
 * IND.VARIANCE's fifth argument `separateMix` decides the width of the spill (3 or 4 columns), so
 * the portable form needs it as a constant: omitted, TRUE/FALSE, 1/0, "WAAR"/"ONWAAR"/"TRUE"/"FALSE".
 * @throws Error for a reference or expression (the cell stays IND.* and is listed as not converted).
 */
function separateMix(a: Arg): boolean {
  if (a.omitted) return false;
  const t = a.text
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim()
    .toUpperCase();
  if (t === '' || t === 'FALSE' || t === 'ONWAAR' || t === '0') return false;
  if (t === 'TRUE' || t === 'WAAR' || t === '1') return true;
  throw new Error('IND.VARIANCE: separateMix must be a constant TRUE or FALSE for the portable form');
}

/** A scalar of whole days as `toNumberGrid` + `penalty` read it: blank 0, text refused, whole. */
function blankZeroWhole(a: Arg): Guard[] {
  return [
    { test: `ISERROR(${a.text})`, error: a.text },
    { test: `AND(NOT(ISNUMBER(${a.text})),LEN(TRIM(${a.text}))>0)`, error: VALUE },
    { test: `N(${a.text})<>INT(N(${a.text}))`, error: VALUE },
  ];
}

/** The Awb schedule (core/params/steering.ts PENALTY_SCHEDULE_AWB), for an omitted schedule. */
const AWB_BLOCKS: readonly [number, number][] = [
  [14, 23],
  [28, 35],
  [42, 45],
];
const AWB_CAP = 1442;

/** A schedule's blocks as expressions: from (the previous block's day), to, rate per day. */
interface BlockText {
  from: string;
  to: string;
  rate: string;
}

/**
 * The penalty of `d` days (penaltyUnchecked): each day costs its block's rate, days beyond the
 * last block nothing, at most the cap (an expression, or undefined: no cap); 0 or fewer days: 0.
 */
function penaltyAmount(blocks: BlockText[], d: string, cap: (sum: string) => string): string {
  const terms = blocks.map((b) => `MAX(0,MIN(${d},${b.to})-${b.from})*${b.rate}`).join('+');
  return `IF(${d}>0,${cap(terms)},0)`;
}

/**
 * The schedule of IND.PENALTY (`readSchedule` + `checkSchedule`): its checks, and the amount of a
 * number of days. A range of two columns (up to day, amount per day) gets two helper columns: the
 * day each block ends (for a row that is no block: the previous end) and the cap in euros so far
 * (the last row with a blank first cell); a row with both cells blank is skipped.
 */
function penaltySchedule(s: Arg, ctx: FormContext): { guards: Guard[]; amount: (d: string) => string } {
  if (!s.isRange) {
    // Omitted, or one blank cell (isOmitted): the Awb schedule; any other single value is not
    // two columns.
    const blocks = AWB_BLOCKS.map(([to, rate], k) => ({
      from: String(k === 0 ? 0 : AWB_BLOCKS[k - 1][0]),
      to: String(to),
      rate: String(rate),
    }));
    return {
      guards: s.omitted ? [] : [{ test: `LEN(TRIM(${s.text}))>0`, error: VALUE }],
      amount: (d) => penaltyAmount(blocks, d, (sum) => `MIN(${sum},${AWB_CAP})`),
    };
  }
  if (s.cols !== 2) return { guards: [REFUSED], amount: () => VALUE };
  const n = s.rows;
  const up = (r: number) => s.at(r, 0);
  const rate = (r: number) => s.at(r, 1);
  const isBlock = (r: number) => `(LEN(TRIM(${up(r)}))>0)`;
  const isCapRow = (r: number) => `AND(LEN(TRIM(${up(r)}))=0,LEN(TRIM(${rate(r)}))>0)`;
  const end = ctx.helper(n, (r, self) => `IF(${isBlock(r)},${up(r)},${r === 0 ? '0' : self(r - 1)})`);
  const capSoFar = ctx.helper(
    n,
    (r, self) => `IF(${isCapRow(r)},${rate(r)},${r === 0 ? '""' : self(r - 1)})`,
  );
  const from = (r: number) => (r === 0 ? '0' : end(r - 1));
  const cap = capSoFar(n - 1);
  const blockBad = Array.from(
    { length: n },
    (_, r) => `AND(${isBlock(r)},OR(N(${up(r)})<>INT(N(${up(r)})),N(${up(r)})<=${from(r)},N(${rate(r)})<0))`,
  );
  const blanks = Array.from({ length: n }, (_, r) => `AND(${isBlock(r)},LEN(TRIM(${rate(r)}))=0)`);
  const guards: Guard[] = [
    ...rangeGuards(rng(s), { blank: 'nan', sign: 'any' }),
    // A block without its amount per day; no block at all; days not whole and rising, an amount
    // below 0; a cap below 0.
    { test: `OR(${blanks.join(',')})`, error: VALUE },
    { test: `AND(${Array.from({ length: n }, (_, r) => `NOT(${isBlock(r)})`).join(',')})`, error: VALUE },
    { test: `OR(${blockBad.join(',')})`, error: VALUE },
    { test: `AND(ISNUMBER(${cap}),N(${cap})<0)`, error: VALUE },
  ];
  const blocks = Array.from({ length: n }, (_, r) => ({
    from: from(r),
    to: end(r),
    rate: `IF(${isBlock(r)},${rate(r)},0)`,
  }));
  return {
    guards,
    amount: (d) => penaltyAmount(blocks, d, (sum) => `IF(ISNUMBER(${cap}),MIN(${sum},${cap}),${sum})`),
  };
}
