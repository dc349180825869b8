/**
 * A deterministic, seeded generator of realistic time-recording exports (*tijdschrijven*) with
 * KNOWN true ratios and norms, so the analysis can be tested on whether it recovers them.
 *
 * Design of one export: teams of persons with different contracts (36/32/28 h a week); each
 * working day a person is either absent the whole day (leave, special leave, sickness, with
 * day probabilities equal to the true absence shares) or works, and each half hour of a working
 * day falls in a category with probability true share / (1 − absence share). Direct half hours
 * go to products by fixed weights. Cases completed are written on direct rows so that the true
 * minutes per case of product p in team t is norm_p × (1 + deviation_p) × speed_t.
 *
 * The norm minutes are ILLUSTRATIVE (*fictief*): the review does not publish the real norms.
 *
 * This file is compiled by tsconfig.cli.json for the bench: no Jest imports here.
 */

/** Category labels as they appear in the generated export, with their true class. */
export const GENERATED_CATEGORIES = {
  direct: 'Behandelen zaak',
  training: 'Opleiden',
  beingTrained: 'Opgeleid worden',
  coaching: 'Begeleiden',
  coordination: 'Coördinatie',
  meetings: 'Overleg',
  projects: 'Projecten',
  sideTasks: 'Neventaken',
  leave: 'Verlof',
  specialLeave: 'Bijzonder verlof',
  sickness: 'Ziekte',
} as const;

/** A category class of the generator (same names as the core's CategoryClass). */
export type GenClass = keyof typeof GENERATED_CATEGORIES;

/** The review's measured breakdown: 57% direct, 13.4% indirect, 29.6% absence (split is illustrative). */
export const REVIEW_SHARES: Record<GenClass, number> = {
  direct: 0.57,
  training: 0.03,
  beingTrained: 0.035,
  coaching: 0.025,
  coordination: 0.012,
  meetings: 0.02,
  projects: 0.008,
  sideTasks: 0.004,
  leave: 0.2,
  specialLeave: 0.03,
  sickness: 0.066,
};

/** A product with its (fictitious) norm, the true deviation and its weight in direct time. */
export interface GenProduct {
  name: string;
  normMinutes: number;
  /** True realised / norm − 1 (before team speed). */
  deviation: number;
  /** Share of direct hours. */
  weight: number;
}

/** Fictitious products (*fictief*) loosely named after the asylum product types. */
export const DEFAULT_PRODUCTS: GenProduct[] = [
  { name: 'Spoor 1 (Dublin)', normMinutes: 240, deviation: 0.05, weight: 0.15 },
  { name: 'Spoor 2 (veilig land)', normMinutes: 300, deviation: -0.1, weight: 0.1 },
  { name: 'Spoor 4 (AA)', normMinutes: 720, deviation: 0.3, weight: 0.4 },
  { name: 'AMV', normMinutes: 900, deviation: 0.0, weight: 0.1 },
  { name: 'Nareis', normMinutes: 180, deviation: -0.2, weight: 0.15 },
  { name: 'Herbeoordeling', normMinutes: 360, deviation: 0.1, weight: 0.1 },
];

/** What to generate. */
export interface GenSpec {
  seed: number;
  teams: number;
  personsPerTeam: number;
  weeks: number;
  /** First Monday, as [year, month, day]. Default 2021-01-04 (ISO week 1 of 2021). */
  start?: [number, number, number];
  shares?: Record<GenClass, number>;
  products?: GenProduct[];
  /** Speed factor per team (minutes per case multiplier); default 1 for every team. */
  teamSpeed?: number[];
  delimiter?: ';' | ',' | '\t';
  /** Write hours with a decimal comma (7,5). Default true. */
  decimalComma?: boolean;
  /** 'dmy' = dd-mm-jjjj (default), 'iso' = jjjj-mm-dd. */
  dateFormat?: 'dmy' | 'iso';
  /** Team index and week index (0-based) with no records at all. */
  silentTeamWeeks?: { team: number; week: number }[];
  /** Person-weeks (team, person, week indices) with 8 extra direct hours every day, no absence. */
  overtime?: { team: number; person: number; week: number }[];
  /** Every n-th data row is replaced by an unreadable row (0 = none). */
  badEvery?: number;
}

/** The truth the analysis must recover. */
export interface GenTruth {
  shares: Record<GenClass, number>;
  /** Expected gross and net ratio from the design shares. */
  gross: number;
  net: number;
  products: GenProduct[];
  teamSpeed: number[];
  teamNames: string[];
  /** Ledger kept while writing, independent of any parser. */
  ledger: {
    dataRows: number;
    hoursByClass: Record<GenClass, number>;
    casesByProduct: Record<string, number>;
    directHoursByProduct: Record<string, number>;
    badRows: number;
    overtimeWeeks: number;
  };
}

/** mulberry32: small, fast, deterministic PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLASSES = Object.keys(GENERATED_CATEGORIES) as GenClass[];
const ABSENCE: GenClass[] = ['leave', 'specialLeave', 'sickness'];
const WORKING: GenClass[] = CLASSES.filter((c) => !ABSENCE.includes(c));
const HEADER = ['Medewerker', 'Datum', 'Team', 'Activiteit', 'Product', 'Uren', 'Zaken'];

/** The column mapping a user would choose for the generated export. */
export const GENERATED_COLUMNS = {
  person: 'Medewerker',
  date: 'Datum',
  team: 'Team',
  category: 'Activiteit',
  product: 'Product',
  hours: 'Uren',
  cases: 'Zaken',
};

/** The category mapping a user would choose (keys normalised as the core does: trimmed, lower case). */
export function generatedCategoryMapping(): Record<string, GenClass> {
  const out: Record<string, GenClass> = {};
  for (const c of CLASSES) out[GENERATED_CATEGORIES[c].toLowerCase()] = c;
  return out;
}

const TEAM_NAMES = [
  'Noord',
  'Oost',
  'Zuid',
  'West',
  'Midden',
  'Zevenaar',
  'Ter Apel',
  'Den Bosch',
  'Rijswijk',
  'Schiphol',
];

function teamName(i: number): string {
  const base = TEAM_NAMES[i % TEAM_NAMES.length];
  return i < TEAM_NAMES.length ? `Team ${base}` : `Team ${base} ${Math.floor(i / TEAM_NAMES.length) + 1}`;
}

/**
 * Generates the export line by line (header first, no line breaks in the strings), so a
 * million rows can be streamed to a file. `truth` is filled in as lines are produced; read it
 * after the iterator is exhausted.
 */
export function generateLines(spec: GenSpec): { lines: Iterable<string>; truth: GenTruth } {
  const shares = spec.shares ?? REVIEW_SHARES;
  const products = spec.products ?? DEFAULT_PRODUCTS;
  const teamSpeed = spec.teamSpeed ?? Array.from({ length: spec.teams }, () => 1);
  const d = spec.delimiter ?? ';';
  const comma = spec.decimalComma ?? true;
  const absTotal = ABSENCE.reduce((a, c) => a + shares[c], 0);
  const gross = shares.direct;
  const net = shares.direct / (1 - absTotal);
  const ledger: GenTruth['ledger'] = {
    dataRows: 0,
    hoursByClass: Object.fromEntries(CLASSES.map((c) => [c, 0])) as Record<GenClass, number>,
    casesByProduct: Object.fromEntries(products.map((p) => [p.name, 0])),
    directHoursByProduct: Object.fromEntries(products.map((p) => [p.name, 0])),
    badRows: 0,
    overtimeWeeks: 0,
  };
  const truth: GenTruth = {
    shares,
    gross,
    net,
    products,
    teamSpeed,
    teamNames: Array.from({ length: spec.teams }, (_, i) => teamName(i)),
    ledger,
  };
  const start = spec.start ?? [2021, 1, 4];
  const startDay = Date.UTC(start[0], start[1] - 1, start[2]) / 86400000;
  const fmtHours = (h: number): string => {
    const s = String(h);
    return comma ? s.replace('.', ',') : s;
  };
  const fmtDate = (day: number): string => {
    const dt = new Date(day * 86400000);
    const y = dt.getUTCFullYear();
    const m = String(dt.getUTCMonth() + 1).padStart(2, '0');
    const dd = String(dt.getUTCDate()).padStart(2, '0');
    return spec.dateFormat === 'iso' ? `${y}-${m}-${dd}` : `${dd}-${m}-${y}`;
  };
  const quote = (s: string): string => (s.includes(d) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);

  function* lines(): Generator<string> {
    const rnd = mulberry32(spec.seed);
    yield HEADER.join(d);
    const contracts = [36, 36, 32, 28, 36, 32];
    // Fractional cases carried per team × product, so realised minutes per case are exact up to < 1 case.
    const carry = new Map<string, number>();
    const workCum: number[] = [];
    let acc = 0;
    for (const c of WORKING) {
      acc += shares[c] / (1 - absTotal);
      workCum.push(acc);
    }
    const prodCum: number[] = [];
    acc = 0;
    for (const p of products) {
      acc += p.weight;
      prodCum.push(acc);
    }
    const pick = (cum: number[], r: number): number => {
      const x = r * cum[cum.length - 1];
      for (let i = 0; i < cum.length; i++) if (x < cum[i]) return i;
      return cum.length - 1;
    };
    let rowNo = 0;
    for (let w = 0; w < spec.weeks; w++) {
      for (let t = 0; t < spec.teams; t++) {
        if (spec.silentTeamWeeks?.some((s) => s.team === t && s.week === w)) continue;
        const team = teamName(t);
        for (let p = 0; p < spec.personsPerTeam; p++) {
          const person = `M${String(t * 1000 + p).padStart(5, '0')}`;
          const contract = contracts[(t + p) % contracts.length];
          const overtime =
            spec.overtime?.some((o) => o.team === t && o.person === p && o.week === w) ?? false;
          if (overtime) ledger.overtimeWeeks++;
          for (let wd = 0; wd < 5; wd++) {
            const day = startDay + w * 7 + wd;
            const dayHours = contract / 5;
            const rows: [GenClass, string, number, number][] = [];
            const r = rnd();
            let absentClass: GenClass | undefined;
            let cum = 0;
            for (const c of ABSENCE) {
              cum += shares[c];
              if (r < cum) {
                absentClass = c;
                break;
              }
            }
            // An overtime week is worked in full, so it is plainly implausible (> 60 h).
            if (overtime) absentClass = undefined;
            if (absentClass) rows.push([absentClass, '', dayHours, 0]);
            else {
              const slots = Math.round(dayHours * 2) + (overtime ? 16 : 0);
              const byKey = new Map<string, [GenClass, string, number]>();
              for (let s = 0; s < slots; s++) {
                // Overtime slots are direct, so the flagged week is plainly implausible.
                const cls = s >= Math.round(dayHours * 2) ? 'direct' : WORKING[pick(workCum, rnd())];
                const product = cls === 'direct' ? products[pick(prodCum, rnd())].name : '';
                const key = `${cls}|${product}`;
                const e = byKey.get(key);
                if (e) e[2] += 0.5;
                else byKey.set(key, [cls, product, 0.5]);
              }
              for (const [cls, product, h] of byKey.values()) {
                let cases = 0;
                if (cls === 'direct') {
                  const prod = products.find((x) => x.name === product) as GenProduct;
                  const minutes = prod.normMinutes * (1 + prod.deviation) * teamSpeed[t];
                  const k = `${t}|${product}`;
                  const c = (carry.get(k) ?? 0) + (h * 60) / minutes;
                  cases = Math.floor(c + 1e-9);
                  carry.set(k, c - cases);
                }
                rows.push([cls, product, h, cases]);
              }
            }
            for (const [cls, product, h, cases] of rows) {
              rowNo++;
              if (spec.badEvery && rowNo % spec.badEvery === 0) {
                // An unreadable row: hours as text. Its hours are unknown, so none are counted.
                ledger.badRows++;
                ledger.dataRows++;
                yield [
                  person,
                  fmtDate(day),
                  quote(team),
                  quote(GENERATED_CATEGORIES[cls]),
                  quote(product),
                  'n.v.t.',
                  '',
                ].join(d);
                continue;
              }
              ledger.dataRows++;
              ledger.hoursByClass[cls] += h;
              if (cls === 'direct') {
                ledger.casesByProduct[product] += cases;
                ledger.directHoursByProduct[product] += h;
              }
              yield [
                person,
                fmtDate(day),
                quote(team),
                quote(GENERATED_CATEGORIES[cls]),
                quote(product),
                fmtHours(h),
                cls === 'direct' ? String(cases) : '',
              ].join(d);
            }
          }
        }
      }
    }
  }
  return { lines: lines(), truth };
}

/** Encodes text as Windows-1252 (only the Latin-1 range is needed here). */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 256 ? c : 0x3f;
  }
  return out;
}

/** Generates the whole export as one string (for tests; the bench streams `generateLines`). */
export function generateExport(spec: GenSpec): { text: string; truth: GenTruth } {
  const { lines, truth } = generateLines(spec);
  const text = [...lines].join('\r\n') + '\r\n';
  return { text, truth };
}
