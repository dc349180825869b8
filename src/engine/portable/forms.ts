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
 * Known changes on their way (other branches), each a small edit here:
 * - IND.DIRECTRATIO basis net: `direct / (direct + indirect)` instead of `direct / (all − absence)`
 *   (the same number while every kind is one of the three; see `netDenominator`);
 * - IND.VARIANCE with the optional argument that spills volume, mix, price, total (4 columns):
 *   `shape` returns 4 columns when that argument is TRUE, `build` adds the mix column;
 * - IND.FORECASTERROR, IND.YEAREND, IND.WITHINTERM, IND.PENALTY: new entries.
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
    const allHours = `SUMPRODUCT(${rng(h)},--${known})`;
    const absence = `SUMPRODUCT(${rng(h)},--${isKind(rng(k), KIND_WORDS.absence)})`;
    // netDenominator: all − absence today; direct + indirect after the numerics change.
    const denominator = `IF(${isNet},${allHours}-${absence},${allHours})`;
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
    shape: () => ({ rows: 1, cols: 3 }),
    build: (args, ctx) => {
      const [bv, bp, av, ap] = [0, 1, 2, 3].map((i) => arg(args, i));
      const guards = all(
        sameSize(bp, bv),
        sameSize(av, bv),
        sameSize(ap, bv),
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
      const vol = `SUMPRODUCT(${rng(av)}-${rng(bv)},${rng(bp)})`;
      const price = `SUMPRODUCT(${rng(ap)}-${rng(bp)},${rng(av)})`;
      const total = `SUMPRODUCT(${rng(av)},${rng(ap)})-SUMPRODUCT(${rng(bv)},${rng(bp)})`;
      return (_i, j) => `IF(ISERROR(${check}),${check},${[vol, price, total][j]})`;
    },
    lost: MESSAGE_LOST,
  },
};
