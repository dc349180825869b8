/**
 * A deterministic, seeded generator of case-level exports for the steering cycle (*fictief*):
 * a stock export of open cases at a reference date and an export of decided cases. Case ids,
 * names and teams are invented; the products and terms are the illustrative ones of
 * `src/core/params/steering.ts`. Used by the browser test, the bench (500,000 cases) and the
 * example files in `assets/examples/steering/`.
 *
 * This file is compiled by tsconfig.cli.json for the bench: no Jest imports here.
 */

/** Options of both generators. */
export interface SteeringExportOptions {
  seed: number;
  cases: number;
  /** The reference date as dd-mm-yyyy. */
  peil: string;
  /** Add a column of (fictitious) applicant names, which the import must never read. */
  withNames?: boolean;
  /** Field delimiter (default ';', as Dutch exports). */
  delimiter?: string;
}

/** Products with their term in days and their share of the cases (fictief). */
export const GENERATED_PRODUCTS = [
  { code: 'AA', term: 183, weight: 0.4 },
  { code: 'VA', term: 183, weight: 0.2 },
  { code: 'SPOOR2', term: 183, weight: 0.1 },
  { code: 'NAREIS', term: 90, weight: 0.2 },
  { code: 'REGULIER', term: 90, weight: 0.1 },
];

/** Mulberry32: a small seeded PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dayOf(ddmmyyyy: string): number {
  const [d, m, y] = ddmmyyyy.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}

function fmt(day: number): string {
  const dt = new Date(day * 86400000);
  return `${String(dt.getUTCDate()).padStart(2, '0')}-${String(dt.getUTCMonth() + 1).padStart(2, '0')}-${dt.getUTCFullYear()}`;
}

function pick(r: () => number): (typeof GENERATED_PRODUCTS)[number] {
  let x = r();
  for (const p of GENERATED_PRODUCTS) {
    if ((x -= p.weight) <= 0) return p;
  }
  return GENERATED_PRODUCTS[0];
}

const FIRST = ['Fictief', 'Testpersoon', 'Voorbeeld'];
const STATUSES = ['In behandeling', 'Nieuw', 'Opgeschort', 'In behandeling'];

/**
 * The stock export: one line per open case. About 5% have a suspended/extended term, and a
 * fifth of the late ones a notice of default.
 */
export function generateStockCsv(o: SteeringExportOptions): string {
  const r = rng(o.seed);
  const d = o.delimiter ?? ';';
  const peil = dayOf(o.peil);
  const header = [
    'Zaaknummer',
    'Product',
    'Datum ontvangst',
    'Verlengd tot',
    'Datum ingebrekestelling',
    'Status',
  ];
  if (o.withNames) header.push('Naam aanvrager');
  const lines: string[] = [header.join(d)];
  for (let i = 0; i < o.cases; i++) {
    const p = pick(r);
    const age = Math.floor(r() * r() * 500);
    const received = peil - age;
    const adjusted = r() < 0.05 ? received + p.term + 60 + Math.floor(r() * 200) : undefined;
    const deadline = adjusted ?? received + p.term;
    const late = peil - deadline;
    const noticeDay =
      late > 20 && r() < 0.2 ? deadline + 14 + Math.floor(r() * Math.min(200, late - 14)) : undefined;
    const fields = [
      `Z-${o.seed}-${String(i).padStart(7, '0')}`,
      p.code,
      fmt(received),
      adjusted === undefined ? '' : fmt(adjusted),
      noticeDay === undefined || noticeDay > peil ? '' : fmt(noticeDay),
      STATUSES[Math.floor(r() * STATUSES.length)],
    ];
    if (o.withNames) fields.push(`${FIRST[i % 3]} Aanvrager ${i}`);
    lines.push(fields.join(d));
  }
  return `${lines.join('\n')}\n`;
}

/** The decided export: one line per decided case in the months before the reference date. */
export function generateDecidedCsv(o: SteeringExportOptions): string {
  const r = rng(o.seed + 1);
  const d = o.delimiter ?? ';';
  const peil = dayOf(o.peil);
  const header = ['Zaaknummer', 'Product', 'Datum ontvangst', 'Datum besluit', 'Team'];
  if (o.withNames) header.push('Behandelaar');
  const lines: string[] = [header.join(d)];
  for (let i = 0; i < o.cases; i++) {
    const p = pick(r);
    const decided = peil - Math.floor(r() * 120);
    const lead = 20 + Math.floor(r() * (p.term * 1.4));
    const fields = [
      `B-${o.seed}-${String(i).padStart(7, '0')}`,
      p.code,
      fmt(decided - lead),
      fmt(decided),
      r() < 0.5 ? 'Team Noord' : 'Team Zuid',
    ];
    if (o.withNames) fields.push(`Behandelaar ${i % 17}`);
    lines.push(fields.join(d));
  }
  return `${lines.join('\n')}\n`;
}
