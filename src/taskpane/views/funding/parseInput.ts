/**
 * Numbers typed into the pane's fields. Dutch users type 1.116,5 and English users 1,116.5; a
 * field shows and accepts its own language's notation. Ambiguous text is not guessed at beyond
 * these rules: anything else gets the funding catalogue's "not a number" message.
 */
import { CalcError } from '../../../core/errors';
import { readFraction } from '../../../core/funding';
import type { Lang } from '../../../core/messages/types';

/**
 * Converts field text to a number. In Dutch "," is the decimal sign and "." groups thousands
 * ("1.250" = 1250); a lone "." is still read as a decimal sign when it cannot be grouping
 * ("0.7473", "74.7"). English mirrors this. Returns undefined for a blank field.
 * @throws CalcError `fundingNotNumber` naming the field and the text.
 */
export function parseNumberText(text: string, lang: Lang, argument: string): number | undefined {
  const s = text.replace(/[\s\u00a0€]/g, '');
  if (s === '') return undefined;
  const [dec, group] = lang === 'nl' ? [',', '.'] : ['.', ','];
  let plain: string;
  if (s.includes(dec)) {
    plain = s.split(group).join('').replace(dec, '.');
  } else if (new RegExp(`^-?[1-9]\\d{0,2}(\\${group}\\d{3})+$`).test(s)) {
    plain = s.split(group).join('');
  } else {
    plain = s.replace(group, '.');
  }
  if (!/^-?\d+(\.\d+)?$/.test(plain)) throw new CalcError('fundingNotNumber', { argument, received: text });
  return Number(plain);
}

/** A required number ≥ 0. @throws CalcError `fundingBlank`, `fundingNotNumber`, `fundingNegative`. */
export function requiredNumber(text: string, lang: Lang, argument: string, strict = false): number {
  const v = parseNumberText(text, lang, argument);
  if (v === undefined) throw new CalcError('fundingBlank', { argument });
  if (v < 0 || (strict && v === 0))
    throw new CalcError('fundingNegative', {
      argument,
      received: String(v),
      strict: strict ? 'yes' : undefined,
    });
  return v;
}

/** An optional number ≥ 0 (blank = undefined). */
export function optionalNumber(text: string, lang: Lang, argument: string): number | undefined {
  return text.trim() === '' ? undefined : requiredNumber(text, lang, argument);
}

/** A required fraction; 74.73 typed for 0.7473 gets its own message. */
export function requiredFraction(text: string, lang: Lang, argument: string, positive = false): number {
  const v = parseNumberText(text, lang, argument);
  if (v === undefined) throw new CalcError('fundingBlank', { argument });
  return readFraction(v, { argument }, positive);
}

/** A number written back into a field in the pane's notation, without grouping. */
export function numberText(value: number | undefined, lang: Lang): string {
  if (value === undefined) return '';
  const s = String(value);
  return lang === 'nl' ? s.replace('.', ',') : s;
}
