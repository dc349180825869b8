/**
 * The command line's own texts (usage, syntax errors), Dutch first with English available.
 * Calculation errors are NOT here: they come from the one catalogue in `src/core/messages/`
 * through the adapters, exactly as Excel shows them.
 */
import type { Lang } from '../core/messages/types';
import type { FormulaSyntaxError, SyntaxProblem } from './engine';

/** The texts of one language. */
export interface CliTexts {
  help: string;
  syntax: (e: FormulaSyntaxError, formula: string) => string;
  unknownOption: (opt: string) => string;
  unknownCommand: (cmd: string) => string;
  missingFormula: string;
  badLang: (value: string) => string;
  cannotRead: (file: string, reason: string) => string;
  lineLabel: (line: number) => string;
  internalError: (detail: string) => string;
}

const HELP_NL = `ind-rekenmodel: rekent IND.*-formules uit zoals Excel ze rekent (zelfde functies).

Gebruik:
  ind-rekenmodel eval [--lang nl|en] "=IND.FTE(83000,4,36,0.57,60)"
  ind-rekenmodel eval [--lang nl|en] --file formules.txt
  ind-rekenmodel simulate --template normal --rule recommended   (personeelssimulator; zie simulate --help)
  ind-rekenmodel portable in.xlsx --out uit.xlsx [--force] [--terug]   (werkmap zonder IND.*-functies; zie docs/engine.md)
  ind-rekenmodel recalc in.xlsx [meer.xlsx ...] --out MAP [--report rapport.csv] [--soffice PAD] [--workers N] [--force]
                 (werkmappen herberekenen met LibreOffice, met een rapport van gewijzigde en foute cellen)
  ind-rekenmodel --help

Formules in de invariante Excel-notatie (Range.formulas): komma tussen argumenten, punt als
decimaalteken, matrixconstanten {1,2;3,4}, tekst tussen "aanhalingstekens", TRUE/FALSE, en
de Excel-functies uit docs/cli.md (SUM, ROUND, AVERAGE, MIN, MAX, IF, ...). Een leeg argument (IND.FTE(83000,,,0.57))
betekent: de standaardwaarde. Celverwijzingen (A1) en namen kunnen niet: er is geen werkmap.

Uitvoer: een getal in volle precisie; een matrix als één regel per rij, cellen gescheiden door een tab;
een foutwaarde als "#CODE! uitleg". Met --file: per invoerregel precies één regel "formule<TAB>resultaat"
(een matrix als {..;..}; regeleinden, tabs, stuurtekens en \\ geschreven als \\n, \\t, \\uXXXX en \\\\).

Opties:
  --lang nl|en   taal van de foutmeldingen (standaard nl)
  --file PAD     één formule per regel; een lege regel geeft een lege regel (- = standaardinvoer)
  --help         deze uitleg

Afsluitcode: 0 goed, 1 een formule gaf een foutwaarde, 2 onjuiste of geweigerde formule, onjuiste aanroep
of een interne fout (altijd één regel uitleg, nooit een stacktrace).`;

const HELP_EN = `ind-rekenmodel: evaluates IND.* formulas the way Excel does (same functions).

Usage:
  ind-rekenmodel eval [--lang nl|en] "=IND.FTE(83000,4,36,0.57,60)"
  ind-rekenmodel eval [--lang nl|en] --file formulas.txt
  ind-rekenmodel simulate --template normal --rule recommended   (staffing simulator; see simulate --help)
  ind-rekenmodel portable in.xlsx --out out.xlsx [--force] [--back]   (workbook without IND.* functions; see docs/engine.md)
  ind-rekenmodel recalc in.xlsx [more.xlsx ...] --out DIR [--report report.csv] [--soffice PATH] [--workers N] [--force]
                 (recalculates workbooks with LibreOffice, with a report of changed cells and cells in error)
  ind-rekenmodel --help

Formulas use Excel's invariant syntax (Range.formulas): commas between arguments, a dot as decimal
separator, array constants {1,2;3,4}, text in "quotes", TRUE/FALSE, and the Excel functions listed in
docs/cli.md (SUM, ROUND, AVERAGE, MIN, MAX, IF, ...). An empty argument (IND.FTE(83000,,,0.57)) means: the default.
Cell references (A1) and names are not available: there is no workbook.

Output: a number in full precision; an array as one line per row, cells separated by a tab; an error
value as "#CODE! explanation". With --file: exactly one "formula<TAB>result" line per input line (an
array as {..;..}; line breaks, tabs, control characters and \\ written as \\n, \\t, \\uXXXX and \\\\).

Options:
  --lang nl|en   language of the error messages (default nl)
  --file PATH    one formula per line; a blank line gives a blank line (- = standard input)
  --help         this text

Exit code: 0 fine, 1 a formula returned an error value, 2 invalid or refused formula, invalid invocation
or an internal failure (always one line of explanation, never a stack trace).`;

/**
 * Dutch Excel names users type out of habit, with their invariant (English) name. The invariant
 * syntax of `Range.formulas` uses the English names whatever the display language.
 */
export const DUTCH_EXCEL_NAMES: Readonly<Record<string, string>> = {
  SOM: 'SUM',
  AFRONDEN: 'ROUND',
  'AFRONDEN.NAAR.BOVEN': 'ROUNDUP',
  'AFRONDEN.NAAR.BENEDEN': 'ROUNDDOWN',
  GEMIDDELDE: 'AVERAGE',
  ALS: 'IF',
  'ALS.FOUT': 'IFERROR',
  AANTAL: 'COUNT',
  'AANTAL.ALS': 'COUNTIF',
  'SOM.ALS': 'SUMIF',
  SOMPRODUCT: 'SUMPRODUCT',
  INTEGER: 'INT',
  WAARDE: 'VALUE',
  EN: 'AND',
  OF: 'OR',
  NIET: 'NOT',
  WORTEL: 'SQRT',
  MACHT: 'POWER',
  REST: 'MOD',
  WAAR: 'TRUE',
  ONWAAR: 'FALSE',
};

/** " SOM heet SUM." when `name` is a Dutch Excel name, else "". */
function dutchNameHint(name: string, lang: Lang): string {
  const en = DUTCH_EXCEL_NAMES[name.toUpperCase()];
  if (en === undefined) return '';
  return lang === 'nl'
    ? ` In de invariante notatie heet ${name.toUpperCase()}: ${en}.`
    : ` ${name.toUpperCase()} is the Dutch name; the invariant syntax uses ${en}.`;
}

/** The parser's complaint in Dutch or English, with a hint for the typical mistake. */
function problemText(p: SyntaxProblem, detail: string, lang: Lang): string {
  const nl = lang === 'nl';
  const found = (f: string): string =>
    f === '' ? (nl ? 'het einde van de formule' : 'the end of the formula') : `"${f}"`;
  // A semicolon as argument separator is what a Dutch Excel shows; the invariant syntax uses commas.
  const semicolonHint =
    'found' in p && p.found === ';'
      ? nl
        ? ' Tussen argumenten staat een komma (invariante notatie); ";" scheidt alleen rijen in {1,2;3,4}.'
        : ' Arguments are separated by commas (invariant syntax); ";" only separates rows in {1,2;3,4}.'
      : '';
  switch (p.kind) {
    case 'missing':
      return (
        (nl
          ? `"${p.expected}" verwacht, maar vond ${found(p.found)}.`
          : `expected "${p.expected}" but found ${found(p.found)}.`) + semicolonHint
      );
    case 'extra':
      return (
        (nl
          ? `overbodig ${found(p.found)} na een volledige formule.`
          : `unexpected ${found(p.found)} after a complete formula.`) + semicolonHint
      );
    case 'valueExpected':
      return (
        (nl
          ? `een waarde verwacht, maar vond ${found(p.found)}.`
          : `expected a value but found ${found(p.found)}.`) + semicolonHint
      );
    case 'spaceBetweenValues':
      // The parser names the computed value before the space, not what was typed: leave it out.
      return nl
        ? 'een spatie tussen twee waarden zonder komma; bedoelde u een komma tussen de argumenten?'
        : 'a space between two values without a comma; did you mean a comma between the arguments?';
    case 'unexpectedChar':
      return nl ? `onbekend teken "${p.found}".` : `unknown character "${p.found}".`;
    default:
      return `${detail}.`;
  }
}

/** "2 arguments", "2 to 3 arguments", "at least 1 argument". */
function countText(l: FormulaSyntaxError['limits'], lang: Lang): string {
  const nl = lang === 'nl';
  const word = (n: number): string =>
    nl ? (n === 1 ? 'argument' : 'argumenten') : n === 1 ? 'argument' : 'arguments';
  const min = l.min ?? 0;
  const max = l.max ?? min;
  if (min === max) return `${min} ${word(min)}`;
  if (min === 0) return nl ? `hoogstens ${max} ${word(max)}` : `at most ${max} ${word(max)}`;
  if (max >= 254) return nl ? `minstens ${min} ${word(min)}` : `at least ${min} ${word(min)}`;
  return nl ? `${min} tot ${max} argumenten` : `${min} to ${max} arguments`;
}

function where(e: FormulaSyntaxError, lang: Lang): string {
  if (e.position === undefined) return '';
  return lang === 'nl' ? ` (bij teken ${e.position})` : ` (at character ${e.position})`;
}

/** The command line's texts per language. */
export const cliTexts: Record<Lang, CliTexts> = {
  nl: {
    help: HELP_NL,
    syntax: (e, formula) => {
      switch (e.reason) {
        case 'empty':
          return 'Lege formule: typ bijvoorbeeld "=IND.FTE(83000,4,36,0.57,60)".';
        case 'reference':
          return (
            `Verwijzing "${e.detail}" in "${formula}": de opdrachtregel heeft geen werkmap. Typ de waarde zelf, of een matrixconstante zoals {1,2;3,4}.` +
            dutchNameHint(e.detail, 'nl')
          );
        case 'unknownFunction':
          return (
            `Onbekende functie ${e.detail} in "${formula}". Controleer de spelling; IND-functies heten bijvoorbeeld IND.FTE of IND.WORKLOAD (ook in het Nederlands).` +
            dutchNameHint(e.detail, 'nl')
          );
        case 'unsupportedFunction':
          return `De functie ${e.detail} wordt door de opdrachtregel niet berekend (de rekenkern rekent haar niet gegarandeerd zoals Excel). Zie docs/cli.md voor de functies die wel kunnen.`;
        case 'argumentCount':
          return `${e.detail} verwacht ${countText(e.limits, 'nl')}, maar kreeg er ${e.limits.given ?? '?'} in "${formula}". Excel weigert deze formule ook.`;
        case 'rangeRequired':
          return `${e.detail} werkt alleen op een celbereik, niet op een matrixconstante (Excel weigert die ook), en de opdrachtregel heeft geen werkmap. Gebruik bijvoorbeeld SUMPRODUCT(({1;2;3}>1)*{10;20;30}).`;
        case 'tooLong':
          return `De formule is te lang (${e.limits.given ?? '?'} tekens; Excel staat er hoogstens ${e.limits.limit ?? 8192} toe).`;
        case 'tooDeep':
          return `De formule is te diep genest (meer dan ${e.limits.limit ?? 64} niveaus haakjes of functies; Excel staat er hoogstens 64 toe). Splits de berekening op.`;
        case 'resultTooLarge':
          return `De uitkomst is te groot (meer dan ${e.limits.limit ?? 0} cellen).`;
        case 'raggedArray':
          return `De matrixconstante ${e.detail}${where(e, 'nl')} heeft rijen van ongelijke lengte; Excel weigert dat. Geef elke rij evenveel waarden, bijvoorbeeld {1,2;3,4}.`;
        default:
          return `Onjuiste formule "${formula}"${where(e, 'nl')}: ${problemText(e.problem, e.detail, 'nl')} Gebruik de invariante notatie: komma tussen argumenten, punt als decimaalteken (0.57, niet 0,57).`;
      }
    },
    unknownOption: (opt) => `Onbekende optie ${opt}. Zie ind-rekenmodel --help.`,
    unknownCommand: (cmd) =>
      `Onbekende opdracht "${cmd}". Gebruik ind-rekenmodel eval "=IND.FTE(...)"; zie ind-rekenmodel --help.`,
    missingFormula: 'Geen formule opgegeven. Voorbeeld: ind-rekenmodel eval "=IND.FTE(83000,4,36,0.57,60)".',
    badLang: (v) => `--lang verwacht nl of en, maar kreeg "${v}".`,
    cannotRead: (file, reason) => `Kan bestand ${file} niet lezen: ${reason}.`,
    lineLabel: (line) => `regel ${line}`,
    internalError: (d) =>
      `Interne fout van ind-rekenmodel (geen fout in uw formule): ${d}. Meld dit met de formule erbij.`,
  },
  en: {
    help: HELP_EN,
    syntax: (e, formula) => {
      switch (e.reason) {
        case 'empty':
          return 'Empty formula: type for example "=IND.FTE(83000,4,36,0.57,60)".';
        case 'reference':
          return (
            `Reference "${e.detail}" in "${formula}": the command line has no workbook. Type the value itself, or an array constant such as {1,2;3,4}.` +
            dutchNameHint(e.detail, 'en')
          );
        case 'unknownFunction':
          return (
            `Unknown function ${e.detail} in "${formula}". Check the spelling; IND functions are named e.g. IND.FTE or IND.WORKLOAD (in every language).` +
            dutchNameHint(e.detail, 'en')
          );
        case 'unsupportedFunction':
          return `The function ${e.detail} is not supported by the command line (its engine does not compute it exactly as Excel does). See docs/cli.md for the functions that are.`;
        case 'argumentCount':
          return `${e.detail} expects ${countText(e.limits, 'en')}, but got ${e.limits.given ?? '?'} in "${formula}". Excel refuses this formula too.`;
        case 'rangeRequired':
          return `${e.detail} works on a cell range only, not on an array constant (Excel refuses that too), and the command line has no workbook. Use for example SUMPRODUCT(({1;2;3}>1)*{10;20;30}).`;
        case 'tooLong':
          return `The formula is too long (${e.limits.given ?? '?'} characters; Excel allows at most ${e.limits.limit ?? 8192}).`;
        case 'tooDeep':
          return `The formula is nested too deeply (more than ${e.limits.limit ?? 64} levels of parentheses or functions; Excel allows at most 64). Split the calculation.`;
        case 'resultTooLarge':
          return `The result is too large (more than ${e.limits.limit ?? 0} cells).`;
        case 'raggedArray':
          return `The array constant ${e.detail}${where(e, 'en')} has rows of different lengths; Excel refuses that. Give every row the same number of values, e.g. {1,2;3,4}.`;
        default:
          return `Invalid formula "${formula}"${where(e, 'en')}: ${problemText(e.problem, e.detail, 'en')} Use the invariant syntax: commas between arguments, a dot as decimal separator (0.57, not 0,57).`;
      }
    },
    unknownOption: (opt) => `Unknown option ${opt}. See ind-rekenmodel --help.`,
    unknownCommand: (cmd) =>
      `Unknown command "${cmd}". Use ind-rekenmodel eval "=IND.FTE(...)"; see ind-rekenmodel --help.`,
    missingFormula: 'No formula given. Example: ind-rekenmodel eval "=IND.FTE(83000,4,36,0.57,60)".',
    badLang: (v) => `--lang expects nl or en, but got "${v}".`,
    cannotRead: (file, reason) => `Cannot read file ${file}: ${reason}.`,
    lineLabel: (line) => `line ${line}`,
    internalError: (d) =>
      `Internal error of ind-rekenmodel (not a mistake in your formula): ${d}. Please report it with the formula.`,
  },
};
