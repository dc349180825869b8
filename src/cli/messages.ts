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
}

const HELP_NL = `ind-rekenmodel: rekent IND.*-formules uit zoals Excel ze rekent (zelfde functies).

Gebruik:
  ind-rekenmodel eval [--lang nl|en] "=IND.FTE(83000,4,36,0.57,60)"
  ind-rekenmodel eval [--lang nl|en] --file formules.txt
  ind-rekenmodel portable in.xlsx --out uit.xlsx [--force] [--terug]
  ind-rekenmodel recalc in.xlsx [meer.xlsx ...] --out MAP [--report rapport.csv] [--soffice PAD] [--workers N] [--force]
  ind-rekenmodel --help

Formules in de invariante Excel-notatie (Range.formulas): komma tussen argumenten, punt als
decimaalteken, matrixconstanten {1,2;3,4}, tekst tussen "aanhalingstekens", TRUE/FALSE, en
Excel-functies als SUM, ROUND, AVERAGE, MIN, MAX, IF en ABS. Een leeg argument (IND.FTE(83000,,,0.57))
betekent: de standaardwaarde. Celverwijzingen (A1) en namen kunnen niet: er is geen werkmap.

Uitvoer: een getal in volle precisie; een matrix als één regel per rij, cellen gescheiden door een tab;
een foutwaarde als "#CODE! uitleg". Met --file: per regel "formule<TAB>resultaat" (een matrix als {..;..}).

Opties:
  --lang nl|en   taal van de foutmeldingen (standaard nl)
  --file PAD     één formule per regel; lege regels worden overgeslagen (- = standaardinvoer)
  --help         deze uitleg

Afsluitcode: 0 goed, 1 een formule gaf een foutwaarde, 2 onjuiste formule of aanroep.`;

const HELP_EN = `ind-rekenmodel: evaluates IND.* formulas the way Excel does (same functions).

Usage:
  ind-rekenmodel eval [--lang nl|en] "=IND.FTE(83000,4,36,0.57,60)"
  ind-rekenmodel eval [--lang nl|en] --file formulas.txt
  ind-rekenmodel portable in.xlsx --out out.xlsx [--force] [--back]
  ind-rekenmodel recalc in.xlsx [more.xlsx ...] --out DIR [--report report.csv] [--soffice PATH] [--workers N] [--force]
  ind-rekenmodel --help

Formulas use Excel's invariant syntax (Range.formulas): commas between arguments, a dot as decimal
separator, array constants {1,2;3,4}, text in "quotes", TRUE/FALSE, and Excel functions such as SUM,
ROUND, AVERAGE, MIN, MAX, IF and ABS. An empty argument (IND.FTE(83000,,,0.57)) means: the default.
Cell references (A1) and names are not available: there is no workbook.

Output: a number in full precision; an array as one line per row, cells separated by a tab; an error
value as "#CODE! explanation". With --file: one "formula<TAB>result" line each (an array as {..;..}).

Options:
  --lang nl|en   language of the error messages (default nl)
  --file PATH    one formula per line; blank lines are skipped (- = standard input)
  --help         this text

Exit code: 0 fine, 1 a formula returned an error value, 2 invalid formula or invocation.`;

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
      return nl
        ? `een spatie na ${found(p.found)} zonder komma; bedoelde u een komma tussen de argumenten?`
        : `a space after ${found(p.found)} without a comma; did you mean a comma between the arguments?`;
    case 'unexpectedChar':
      return nl ? `onbekend teken "${p.found}".` : `unknown character "${p.found}".`;
    default:
      return `${detail}.`;
  }
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
  },
};
