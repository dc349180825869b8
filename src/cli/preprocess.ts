/**
 * Text-level normalisation of an invariant (`Range.formulas`) formula before it reaches
 * fast-formula-parser. The parser is correct for almost all of Excel's invariant syntax, but it
 * has three gaps that matter for controllers typing formulas on the command line:
 *
 * 1. It silently DROPS leading empty arguments: `IND.FTE(,2)` reaches the function as the single
 *    argument `2`. Excel passes `null` for the omitted first argument. We insert a sentinel
 *    string literal in every leading empty slot; the evaluator turns it back into "omitted".
 *    (Empty arguments after the first one are kept by the parser itself as `null`.)
 * 2. Its number token needs a signed exponent (`1E+3`); Excel also accepts `1E3`.
 * 3. It rejects a bare leading decimal point (`.5`), which Excel reads as `0.5`.
 *
 * The scanner skips string literals (`"..."` with `""` escapes) and quoted sheet names
 * (`'...'`), so text inside them is never changed.
 */

/**
 * The sentinel that stands for an omitted argument. It is a private-use Unicode character that no
 * one types in a formula, wrapped so that it is also unlikely to be produced by a function.
 */
export const OMITTED_SENTINEL = '\uE000IND-OMITTED\uE000';

/** The sentinel as a formula string literal. */
const SENTINEL_LITERAL = `"${OMITTED_SENTINEL}"`;

const IDENT_CHAR = /[A-Za-z0-9_.]/;
const DIGIT = /[0-9]/;
const WS = /\s/;

/**
 * Rewrites `formula` (without the leading `=`) so that fast-formula-parser sees every omitted
 * argument and every Excel number literal. Pure; returns the input unchanged when nothing applies.
 *
 * @param formula - an invariant formula, e.g. `IND.FTE(,4,36,0.57)`.
 * @returns the normalised formula text, e.g. `IND.FTE("<sentinel>",4,36,0.57)`.
 */
export function normaliseFormula(formula: string): string {
  return normaliseWithMap(formula).text;
}

/** A normalised formula and, for each of its characters, the index of its source character. */
export interface NormalisedFormula {
  /** The text for the parser. */
  text: string;
  /** `sourceIndex[k]` is the index in the input of `text[k]` (inserted text maps to the next input character). */
  sourceIndex: number[];
}

/**
 * {@link normaliseFormula} with a position map, so that a syntax error found in the normalised
 * text can be reported at the column the user typed.
 *
 * @param formula - an invariant formula without the leading `=`.
 * @returns the normalised text and its map back to `formula`.
 */
export function normaliseWithMap(formula: string): NormalisedFormula {
  let out = '';
  const sourceIndex: number[] = [];
  const emit = (text: string, from: number, copied: boolean): void => {
    out += text;
    for (let k = 0; k < text.length; k++) sourceIndex.push(copied ? from + k : from);
  };
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // Copy a whole string literal / quoted sheet name; a doubled quote is an escaped quote.
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      emit(formula.slice(i, j + 1), i, true);
      i = j + 1;
      continue;
    }
    if (ch === '(' && i > 0 && IDENT_CHAR.test(formula[i - 1])) {
      // A function call's opening parenthesis: fill a leading empty argument slot.
      emit(ch, i, true);
      i++;
      let k = i;
      while (k < n && WS.test(formula[k])) k++;
      if (formula[k] === ',') {
        emit(SENTINEL_LITERAL, k, false);
      }
      continue;
    }
    if (DIGIT.test(ch) && (i === 0 || !/[A-Za-z_$]/.test(prevIdentStart(formula, i)))) {
      // A number literal: copy it, adding the exponent sign Excel allows you to omit.
      let j = i;
      while (j < n && DIGIT.test(formula[j])) j++;
      if (formula[j] === '.') {
        j++;
        while (j < n && DIGIT.test(formula[j])) j++;
      }
      emit(formula.slice(i, j), i, true);
      if ((formula[j] === 'e' || formula[j] === 'E') && DIGIT.test(formula[j + 1] ?? '')) {
        emit('E', j, true);
        emit('+', j + 1, false);
        j++;
      }
      i = j;
      continue;
    }
    if (ch === '.' && DIGIT.test(formula[i + 1] ?? '') && (i === 0 || !IDENT_CHAR.test(formula[i - 1]))) {
      // `.5` → `0.5`
      emit('0', i, false);
      emit(ch, i, true);
      i++;
      continue;
    }
    emit(ch, i, true);
    i++;
  }
  return { text: out, sourceIndex };
}

/**
 * The first character of the identifier-like run that ends just before `i` (or `''`), so that the
 * digits in `A1`, `IND.X2` or `Sheet1` are not mistaken for number literals.
 */
function prevIdentStart(s: string, i: number): string {
  let k = i - 1;
  while (k >= 0 && /[A-Za-z0-9_.$]/.test(s[k])) k--;
  return k + 1 < i ? s[k + 1] : '';
}
