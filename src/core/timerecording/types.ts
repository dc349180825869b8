/**
 * Shapes of the time-recording analysis (*tijdschrijven*: staff record hours per activity and
 * product). Pure data; no DOM, no Office.
 */

/** The three kinds of recorded time. *Directe uren* are hours spent on cases. */
export type Kind = 'direct' | 'indirect' | 'absence';

/**
 * Indirect categories (*indirecte uren*): training others (*opleiden*), being trained
 * (*opgeleid worden*), coaching (*begeleiden*), coordination, meetings (*overleg*), projects and
 * side tasks (*neventaken*).
 */
export type IndirectCategory =
  'training' | 'beingTrained' | 'coaching' | 'coordination' | 'meetings' | 'projects' | 'sideTasks';

/** Absence categories (*afwezigheid*): leave (*verlof*), special leave (*bijzonder verlof*), sickness (*verzuim*). */
export type AbsenceCategory = 'leave' | 'specialLeave' | 'sickness';

/** What a raw activity category of the export is mapped to. */
export type CategoryClass = 'direct' | IndirectCategory | AbsenceCategory;

/** Indirect categories in display order. */
export const INDIRECT_CATEGORIES: readonly IndirectCategory[] = [
  'training',
  'beingTrained',
  'coaching',
  'coordination',
  'meetings',
  'projects',
  'sideTasks',
];

/** Absence categories in display order. */
export const ABSENCE_CATEGORIES: readonly AbsenceCategory[] = ['leave', 'specialLeave', 'sickness'];

/** Every non-direct category, in display order (indirect first, then absence). */
export const NON_DIRECT_CATEGORIES: readonly (IndirectCategory | AbsenceCategory)[] = [
  ...INDIRECT_CATEGORIES,
  ...ABSENCE_CATEGORIES,
];

/** Every category class in display order. */
export const ALL_CATEGORY_CLASSES: readonly CategoryClass[] = ['direct', ...NON_DIRECT_CATEGORIES];

/** The kind of a category class. */
export function kindOf(c: CategoryClass): Kind {
  if (c === 'direct') return 'direct';
  return (ABSENCE_CATEGORIES as readonly string[]).includes(c) ? 'absence' : 'indirect';
}

/** Roles a column of the export can play. */
export type ColumnRole = 'person' | 'date' | 'team' | 'category' | 'product' | 'hours' | 'cases';

/**
 * Which header of the export plays which role. `date`, `team`, `category` and `hours` are
 * required; `person` only feeds the person-week plausibility check; `product` is needed for
 * the norm comparison; `cases` (cases completed, on direct lines) for norms and effectiveness.
 */
export interface ColumnMapping {
  date: string;
  team: string;
  category: string;
  hours: string;
  person?: string;
  product?: string;
  cases?: string;
}

/** Raw category (normalised key, see `categoryKey`) → class. Saved in the workbook. */
export type CategoryMapping = Record<string, CategoryClass>;

/** How dates are grouped: 4-week periods (13 a year, the review's "month"), calendar months or ISO weeks. */
export type PeriodKind = 'period4w' | 'month' | 'isoWeek';

/** A ratio always carries its basis. Gross: direct / all paid hours; net: direct / (all − absence). */
export type RatioBasis = 'gross' | 'net';

/** A labelled ratio. */
export interface LabelledRatio {
  value: number;
  basis: RatioBasis;
}

/** The normalised key of a raw category label: trimmed, inner whitespace collapsed, lower case. */
export function categoryKey(raw: string): string {
  // Few distinct labels, millions of lines: remember them (bounded).
  let k = KEY_CACHE.get(raw);
  if (k === undefined) {
    k = raw.trim().replace(/\s+/g, ' ').toLowerCase();
    if (KEY_CACHE.size >= 4096) KEY_CACHE.clear();
    // Copies: a key cut from a chunk of the file would keep that whole chunk alive.
    KEY_CACHE.set(JSON.parse(JSON.stringify(raw)) as string, JSON.parse(JSON.stringify(k)) as string);
  }
  return k;
}

const KEY_CACHE = new Map<string, string>();
