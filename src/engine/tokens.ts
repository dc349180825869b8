/**
 * A lossless tokenizer of Excel formulas in the invariant (`Range.formulas`) syntax. Joining the
 * tokens' `text` gives back the formula exactly, so a transform can rewrite single tokens (a
 * structured reference, a function name, a cell reference) and leave everything else as it was.
 *
 * Only what the engine needs is classified: strings, numbers, error literals, function names,
 * references (cells, ranges, names, sheet-qualified), structured references with their brackets,
 * and punctuation. It does not build a tree; {@link callArguments} finds a call's arguments.
 */

/** The kind of a token. */
export type TokenKind =
  | 'string'
  | 'number'
  | 'error'
  | 'bool'
  | 'func'
  | 'ref'
  | 'struct'
  | 'open'
  | 'close'
  | 'comma'
  | 'semicolon'
  | 'braceOpen'
  | 'braceClose'
  | 'op'
  | 'space';

/** One token: its kind and its exact text. */
export interface Token {
  kind: TokenKind;
  text: string;
}

const ERRORS = ['#DIV/0!', '#N/A', '#NAME?', '#NULL!', '#NUM!', '#REF!', '#VALUE!', '#CALC!', '#SPILL!'];

/** Reads a bracketed part starting at `i` (which is `[`), nested brackets and `'` escapes included. */
function readBrackets(s: string, i: number): number {
  let depth = 0;
  let k = i;
  while (k < s.length) {
    const ch = s[k];
    if (ch === "'" && depth > 0) {
      k += 2; // Excel's escape inside a structured reference: '[ '] '# ''
      continue;
    }
    if (ch === '[') depth++;
    else if (ch === ']') {
      depth--;
      if (depth === 0) return k + 1;
    }
    k++;
  }
  throw new SyntaxError(`unclosed [ in ${s}`);
}

/**
 * Splits a formula (with or without its leading `=`, which is not a token) into tokens.
 *
 * @throws SyntaxError on an unclosed string, quote or bracket.
 */
export function tokenize(formula: string): Token[] {
  const s = formula.startsWith('=') ? formula.slice(1) : formula;
  const out: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number): void => {
    out.push({ kind, text: s.slice(i, end) });
    i = end;
  };
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      let k = i + 1;
      for (;;) {
        if (k >= s.length) throw new SyntaxError(`unclosed string in ${formula}`);
        if (s[k] === '"') {
          if (s[k + 1] === '"') k += 2;
          else break;
        } else k++;
      }
      push('string', k + 1);
      continue;
    }
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') {
      let k = i;
      while (k < s.length && /\s/.test(s[k])) k++;
      push('space', k);
      continue;
    }
    if (ch === '#') {
      const e = ERRORS.find((x) => s.slice(i, i + x.length).toUpperCase() === x);
      if (e) {
        push('error', i + e.length);
        continue;
      }
    }
    if (ch === '(') {
      push('open', i + 1);
      continue;
    }
    if (ch === ')') {
      push('close', i + 1);
      continue;
    }
    if (ch === ',') {
      push('comma', i + 1);
      continue;
    }
    if (ch === ';') {
      push('semicolon', i + 1);
      continue;
    }
    if (ch === '{') {
      push('braceOpen', i + 1);
      continue;
    }
    if (ch === '}') {
      push('braceClose', i + 1);
      continue;
    }
    const book = ch === '[' ? /^\[\d+\]!/.exec(s.slice(i)) : null;
    if (ch === '[' && !book) {
      // A bare structured reference inside a table: [@Col], [@[Col]], [[#This Row],[Col]].
      push('struct', readBrackets(s, i));
      continue;
    }
    if (/[0-9.]/.test(ch) && !(ch === '.' && !/[0-9]/.test(s[i + 1] ?? ''))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?/.exec(s.slice(i));
      // A row range such as 1:3 or a number followed by letters belongs to a reference.
      if (m && !/^[A-Za-z_:!$]/.test(s.slice(i + m[0].length))) {
        push('number', i + m[0].length);
        continue;
      }
    }
    if (book || ch === "'" || /[A-Za-z_\\$0-9]/.test(ch)) {
      // An external-book index ([2]!name) is part of the name that follows it.
      let k = book ? i + book[0].length : i;
      if (s[k] === "'") {
        k++;
        for (;;) {
          if (k >= s.length) throw new SyntaxError(`unclosed ' in ${formula}`);
          if (s[k] === "'") {
            if (s[k + 1] === "'") k += 2;
            else break;
          } else k++;
        }
        k++; // closing quote; a '!' follows
      }
      // Identifier characters, ! (sheet), : (range), $ (absolute), [n] (external book index).
      while (k < s.length && /[A-Za-z0-9_.\\$!:?]/.test(s[k])) {
        if (s[k] === ':' && s[k + 1] === "'") {
          k++;
          break;
        }
        k++;
      }
      if (s[k] === '[' && k > i) {
        k = readBrackets(s, k);
        push('struct', k);
        continue;
      }
      const text = s.slice(i, k);
      let j = k;
      while (j < s.length && s[j] === ' ') j++;
      if (s[j] === '(' && (!text.includes('!') || /^\[\d+\]!/.test(text))) {
        push('func', k);
        continue;
      }
      if (/^(TRUE|FALSE)$/i.test(text)) {
        push('bool', k);
        continue;
      }
      push('ref', k);
      continue;
    }
    if (ch === '[' || ch === ']') throw new SyntaxError(`unexpected ${ch} in ${formula}`);
    // Operators: <= >= <> and single characters.
    const two = s.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>') {
      push('op', i + 2);
      continue;
    }
    push('op', i + 1);
  }
  return out;
}

/** Joins tokens back into a formula with its leading `=`. */
export function untokenize(tokens: readonly Token[]): string {
  return `=${tokens.map((t) => t.text).join('')}`;
}

/** A function call found in a token list. */
export interface Call {
  /** The function name as written, e.g. `IND.FTE`. */
  name: string;
  /** Index of the `func` token. */
  start: number;
  /** Index of the closing parenthesis. */
  end: number;
  /** The argument token ranges [from, to) between the parentheses (empty list: no arguments). */
  args: { from: number; to: number }[];
}

/** The index of the parenthesis that closes the one opened at `open`. */
export function matchingClose(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const t = tokens[k].kind;
    if (t === 'open') depth++;
    else if (t === 'close') {
      depth--;
      if (depth === 0) return k;
    }
  }
  throw new SyntaxError('unbalanced parentheses');
}

/**
 * The call whose `func` token is at `start`: its arguments split at top-level commas (commas
 * inside nested calls, array constants or parentheses do not split).
 */
export function callAt(tokens: readonly Token[], start: number): Call {
  let open = start + 1;
  while (tokens[open]?.kind === 'space') open++;
  const end = matchingClose(tokens, open);
  const args: Call['args'] = [];
  let depth = 0;
  let from = open + 1;
  for (let k = open + 1; k < end; k++) {
    const t = tokens[k].kind;
    if (t === 'open' || t === 'braceOpen') depth++;
    else if (t === 'close' || t === 'braceClose') depth--;
    else if (t === 'comma' && depth === 0) {
      args.push({ from, to: k });
      from = k + 1;
    }
  }
  if (end > open + 1 || args.length > 0) args.push({ from, to: end });
  return { name: tokens[start].text.trim(), start, end, args };
}

/** Every call of a function whose name satisfies `test`, outermost first, in text order. */
export function findCalls(tokens: readonly Token[], test: (name: string) => boolean): Call[] {
  const out: Call[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k].kind === 'func' && test(tokens[k].text.trim())) out.push(callAt(tokens, k));
  }
  return out;
}

/** The text of tokens [from, to), trimmed. */
export function textOf(tokens: readonly Token[], from: number, to: number): string {
  return tokens
    .slice(from, to)
    .map((t) => t.text)
    .join('')
    .trim();
}
