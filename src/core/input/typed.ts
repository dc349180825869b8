/**
 * The one reader of numbers TYPED as text into the task pane (a field, a form, a pasted value),
 * in the user's language. Every tab uses it, so "1.250" means the same everywhere.
 *
 * Dutch (`nl`), in this order:
 * - `12,5` = 12.5: a comma is the decimal sign;
 * - `1.250` = 1250, `83.000` = 83000, `1.250.000` = 1250000: a dot followed by groups of exactly
 *   three digits groups thousands, unless the part before the first dot is 0;
 * - `1.250,5` = 1250.5: grouping dots with a decimal comma;
 * - `0.57` = 0.57, `0.747` = 0.747, `74.7` = 74.7: otherwise a single dot is read as a decimal
 *   point, as Dutch users also type it;
 * - `1,250.5` (English grouping) is refused with a message that shows the Dutch form `1.250,5`.
 *
 * English (`en`): standard en-US. `1,250.5` = 1250.5, `1,250` = 1250, `1.25` = 1.25; `12,5` is
 * refused with a message that shows `12.5`.
 *
 * In both languages: white space and a leading or trailing `€` are ignored, a leading `-` or `+`
 * is a sign, a blank field is `undefined` (the caller decides what blank means). Anything else
 * (units, `%`, exponents, letters) is refused with `notANumber`, naming the field.
 *
 * Files are not typed text: a time-recording export has one decimal sign per file, which its
 * importer detects. Cells are not typed text either: a number stored as text in a cell is refused
 * (see `cells.ts`), because SUM() elsewhere in the workbook skips it.
 */
import { CalcError } from '../errors';
import type { Lang } from '../messages/types';
import { isBlank } from './blank';

const STRIP = /[\s\u00a0\u202f€]/g;
const DIGITS = /^\d+$/;
/** Dutch decimal comma without grouping: 12,5 · 1250,5. */
const NL_COMMA = /^\d+,\d+$/;
/** Dutch grouping dots (first group not 0), optionally with a decimal comma: 1.250 · 1.250,5. */
const NL_GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
/** One dot as a decimal point: 0.57 · 74.7 · .5 */
const DOT_DECIMAL = /^\d*\.\d+$/;
/** English grouping commas (first group not 0), optionally with a decimal point: 1,250 · 1,250.5. */
const EN_GROUPED = /^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;

/** Where a typed value sits, for the message: the field's label as the user sees it, and a row. */
export interface TypedPlace {
  argument: string;
  row?: number;
}

/** The digits-only form ("1250.5") of `s` under Dutch rules, or undefined. `s` has no sign. */
function dutchPlain(s: string): string | undefined {
  if (DIGITS.test(s)) return s;
  if (NL_COMMA.test(s)) return s.replace(',', '.');
  if (NL_GROUPED.test(s)) return s.replace(/\./g, '').replace(',', '.');
  if (DOT_DECIMAL.test(s)) return s;
  return undefined;
}

/** The plain form of `s` under English rules, or undefined. */
function englishPlain(s: string): string | undefined {
  if (DIGITS.test(s) || DOT_DECIMAL.test(s)) return s;
  if (EN_GROUPED.test(s)) return s.replace(/,/g, '');
  return undefined;
}

function plainIn(lang: Lang, s: string): string | undefined {
  return lang === 'nl' ? dutchPlain(s) : englishPlain(s);
}

/**
 * The shortest round-trip digits of a non-negative number without an exponent: String() writes
 * 1e-7 and 1e21 with one, which no user types; "1.5e-7" becomes "0.00000015", exactly.
 */
function withoutExponent(s: string): string {
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[1] + (m[2] ?? '');
  const exp = Number(m[3]);
  if (exp < 0) return `0.${'0'.repeat(-exp - 1)}${digits}`;
  return digits.length - 1 <= exp
    ? digits + '0'.repeat(exp - (digits.length - 1))
    : `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/**
 * Writes a number the way a user of `lang` types it, grouped in thousands: 1250.5 → "1.250,5"
 * (nl) or "1,250.5" (en). Used for the suggestion in a refusal, so it always reads back to `x`.
 */
export function typedNumberText(x: number, lang: Lang, grouped = true): string {
  if (!Number.isFinite(x)) return String(x);
  const [int, frac] = withoutExponent(String(Math.abs(x))).split('.');
  const [dec, group] = lang === 'nl' ? [',', '.'] : ['.', ','];
  const intText = grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, group) : int;
  return `${x < 0 ? '-' : ''}${intText}${frac ? dec + frac : ''}`;
}

/**
 * Reads a number typed as text in `lang` (rules in the module comment).
 *
 * @param text - What the user typed.
 * @param lang - The language of the pane, which is the notation the user types in.
 * @param place - The field's label (and row) for the message.
 * @returns The number, or `undefined` for a blank field.
 * @throws CalcError `notANumber` (with the correctly written form as `suggestion` when the text
 *   is a number in the other notation), `notFinite` for a number too large for a double.
 */
export function readTypedNumber(text: string, lang: Lang, place: TypedPlace): number | undefined {
  if (isBlank(text)) return undefined;
  let s = text.replace(STRIP, '');
  let sign = '';
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s[0] === '-' ? '-' : '';
    s = s.slice(1);
  }
  const plain = plainIn(lang, s);
  if (plain === undefined) {
    const other = plainIn(lang === 'nl' ? 'en' : 'nl', s);
    const details = {
      argument: place.argument,
      row: place.row,
      received: text.trim(),
      source: 'typed',
      notation: lang,
    };
    if (other !== undefined) {
      const value = Number(sign + other);
      throw new CalcError('notANumber', { ...details, suggestion: typedNumberText(value, lang) });
    }
    throw new CalcError('notANumber', details);
  }
  const value = Number(sign + plain);
  if (!Number.isFinite(value))
    throw new CalcError('notFinite', { argument: place.argument, row: place.row, received: text.trim() });
  return value === 0 ? 0 : value; // "-0" is 0
}

/**
 * Like {@link readTypedNumber}, for a field that must be filled in.
 * @throws CalcError `blankValue` for a blank field, and those of {@link readTypedNumber}.
 */
export function requireTypedNumber(text: string, lang: Lang, place: TypedPlace): number {
  const v = readTypedNumber(text, lang, place);
  if (v === undefined)
    throw new CalcError('blankValue', { argument: place.argument, row: place.row, source: 'typed' });
  return v;
}

/**
 * Writes a number back into a field so that {@link readTypedNumber} reads exactly that number:
 * no grouping, the language's decimal sign, never an exponent ("0,7473", "83000", "1e-7" → "0,0000001").
 */
export function fieldText(value: number | undefined, lang: Lang): string {
  if (value === undefined) return '';
  return typedNumberText(value, lang, false);
}

/**
 * THE percentage convention of the pane: every ratio or share field takes a FRACTION (0,15), and
 * shows what it means as a percentage beside it. This is that visible hint: "= 15%" (nl "= 15%",
 * with the language's decimal sign: 0,7473 → "= 74,73%"), or '' when the text is blank or not a
 * number in `lang` (the field's own check reports that).
 */
export function percentHint(text: string, lang: Lang): string {
  let x: number | undefined;
  try {
    x = readTypedNumber(text, lang, { argument: '' });
  } catch {
    return '';
  }
  if (x === undefined) return '';
  return `= ${typedNumberText(Number((x * 100).toPrecision(12)), lang)}%`;
}
