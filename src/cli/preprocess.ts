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
  let out = '';
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
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '(' && i > 0 && IDENT_CHAR.test(formula[i - 1])) {
      // A function call's opening parenthesis: fill a leading empty argument slot.
      out += ch;
      i++;
      let k = i;
      while (k < n && WS.test(formula[k])) k++;
      if (formula[k] === ',') {
        out += SENTINEL_LITERAL;
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
      let lit = formula.slice(i, j);
      if ((formula[j] === 'e' || formula[j] === 'E') && DIGIT.test(formula[j + 1] ?? '')) {
        lit += 'E+';
        j++;
      }
      out += lit;
      i = j;
      continue;
    }
    if (ch === '.' && DIGIT.test(formula[i + 1] ?? '') && (i === 0 || !IDENT_CHAR.test(formula[i - 1]))) {
      // `.5` → `0.5`
      out += '0';
      out += ch;
      i++;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
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
