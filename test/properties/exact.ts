/**
 * Exact rational arithmetic on doubles (BigInt numerator / denominator), the oracle of the
 * numerics properties: every double is a rational m × 2^e, so sums, products and quotients of
 * doubles are computed without any rounding and rounded once at the end.
 */

/** An exact rational n / d with d > 0. */
export interface Rational {
  n: bigint;
  d: bigint;
}

const view = new DataView(new ArrayBuffer(8));

/** The exact value of a finite double. */
export function exact(x: number): Rational {
  if (!Number.isFinite(x)) throw new Error(`not finite: ${x}`);
  if (x === 0) return { n: 0n, d: 1n };
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (biased === 0) {
    e = -1074;
  } else {
    mant |= 1n << 52n;
    e = biased - 1075;
  }
  return e >= 0 ? { n: sign * (mant << BigInt(e)), d: 1n } : { n: sign * mant, d: 1n << BigInt(-e) };
}

/** a + b. */
export function add(a: Rational, b: Rational): Rational {
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

/** a − b. */
export function sub(a: Rational, b: Rational): Rational {
  return { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
}

/** a × b. */
export function mul(a: Rational, b: Rational): Rational {
  return { n: a.n * b.n, d: a.d * b.d };
}

/** a / b (b ≠ 0). */
export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new Error('division by zero');
  const s = b.n < 0n ? -1n : 1n;
  return { n: a.n * b.d * s, d: a.d * b.n * s };
}

/** Σ of exact values. */
export function sum(xs: readonly Rational[]): Rational {
  let acc: Rational = { n: 0n, d: 1n };
  for (const x of xs) acc = add(acc, x);
  return acc;
}

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/**
 * The rational rounded to a double (to within one unit in the last place; ±Infinity beyond the
 * largest double).
 */
export function toDouble(r: Rational): number {
  if (r.n === 0n) return 0;
  const neg = r.n < 0n;
  const n = neg ? -r.n : r.n;
  // Scale so that the integer quotient has about 80 significant bits.
  const shift = 80 - (bitLength(n) - bitLength(r.d));
  const q = shift >= 0 ? (n << BigInt(shift)) / r.d : n / (r.d << BigInt(-shift));
  let v = Number(q);
  let k = -shift;
  while (k > 1000) {
    v *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    v *= 2 ** -1000;
    k += 1000;
  }
  v *= 2 ** k;
  return neg ? -v : v;
}

/** |a − b| ≤ rel × |b| (b the exact value as a double); both infinite with the same sign counts as equal. */
export function closeTo(a: number, b: number, rel: number): boolean {
  if (!Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= rel * Math.abs(b) + Number.MIN_VALUE;
}
