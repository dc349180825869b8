/**
 * `ind-rekenmodel simulate`: the staffing simulator from the command line, for analysts and
 * scripted checks. It runs the same core as the task pane and the sheet (`src/core/scenario`):
 *
 *   ind-rekenmodel simulate --template normal|shortPeak|longPeak|2017 --rule advance2017|path|recommended
 *                           [--workload file.csv] [--set name=value …] [--lang nl|en]
 *
 * Output: a header and one tab-separated line per period (period, workload, label, funding,
 * funded fte, staff, hires, leavers, reductions, trainees, productive fte, capacity hours,
 * backlog), then a blank line and the summary (final and maximum backlog, periods to clear).
 * Numbers in full precision with a dot and no grouping, in every language. Warnings about the
 * settings go to standard error. Exit code 0, or 2 for a bad invocation or a bad value.
 */
import { CalcError, isCalcError } from '../core/errors';
import type { Lang } from '../core/messages/types';
import { BACKLOG_2017 } from '../core/params/scenario';
import {
  applySettings,
  DEFAULT_STAFF,
  generateTemplate,
  labelText,
  parsePastedSeries,
  REVIEW_BAND,
  RULE_PRESETS,
  SCENARIO_SETTINGS,
  simulate,
  summarize,
  type RulePreset,
  type SimInput,
  type TemplateId,
} from '../core/scenario';
import { formatError } from '../core/errors';
import type { CliIO } from './main';

/** The template names the command accepts, with the core's id. */
const TEMPLATES: Record<string, TemplateId> = {
  normal: 'normal',
  shortPeak: 'shortPeak',
  longPeak: 'longPeak',
  '2017': 'case2017',
  case2017: 'case2017',
};
const RULES: RulePreset[] = ['advance2017', 'path', 'recommended'];

/** A setting only the templates use: the 2017 case's starting backlog (an IND Parameters row). */
const TEMPLATE_SETTING = BACKLOG_2017.key;

interface Texts {
  help: string;
  header: string[];
  summary: { final: string; max: string; maxPeriod: string; toClear: string; never: string };
  missing: (what: string, values: string) => string;
  bad: (option: string, value: string, values: string) => string;
  unknownOption: (opt: string) => string;
  setForm: (text: string) => string;
  cannotRead: (file: string, reason: string) => string;
  warning: string;
}

const SETTING_NAMES = [...SCENARIO_SETTINGS.map((s) => s.key), TEMPLATE_SETTING].join(', ');

const TEXTS: Record<Lang, Texts> = {
  nl: {
    help: `ind-rekenmodel simulate: de personeelssimulator (zelfde rekenregels als het blad IND Scenario).

Gebruik:
  ind-rekenmodel simulate --template normal|shortPeak|longPeak|2017 --rule advance2017|path|recommended
                          [--workload bestand.csv] [--set naam=waarde ...] [--lang nl|en]

  --template   werklastsjabloon (fictief): normale band, korte piek, lange piek, casus 2017
  --rule       financieringsregel: advance2017 (vooraf op prognose), path (financieringspad), recommended
  --workload   werklast per periode uit een bestand: één periode per regel, eventueel een tweede kolom
               met de prognose (tab, ; of , als scheiding; met , als scheiding een punt als decimaalteken)
  --set        een parameter, met de naam uit de kolom Parameter van het blad: ${SETTING_NAMES}
  --lang       taal van koptekst en meldingen (standaard nl); getallen altijd met een punt, zonder groepering

Uitvoer: per periode één regel met tabs, dan de samenvatting. Waarschuwingen op standaardfout.
Afsluitcode: 0 goed, 2 onjuiste aanroep of waarde.`,
    header: [
      'periode',
      'werklast',
      'scenario',
      'financiering',
      'gefinancierde fte',
      'bezetting',
      'instroom',
      'vertrek',
      'afbouw',
      'in inwerkperiode',
      'productieve fte',
      'capaciteit uren',
      'achterstand',
    ],
    summary: {
      final: 'achterstand aan het eind',
      max: 'grootste achterstand',
      maxPeriod: 'periode grootste achterstand',
      toClear: 'perioden tot weggewerkt',
      never: 'niet binnen de reeks',
    },
    missing: (what, values) =>
      `${what} ontbreekt. Kies een van: ${values}. Zie ind-rekenmodel simulate --help.`,
    bad: (option, value, values) =>
      `${option} "${value}" bestaat niet. Kies een van: ${values}. Zie ind-rekenmodel simulate --help.`,
    unknownOption: (opt) => `Onbekende optie ${opt}. Zie ind-rekenmodel simulate --help.`,
    setForm: (text) =>
      `--set verwacht naam=waarde, bijvoorbeeld --set recruitmentLag=3, maar kreeg "${text}".`,
    cannotRead: (file, reason) => `Kan bestand ${file} niet lezen: ${reason}.`,
    warning: 'Waarschuwing',
  },
  en: {
    help: `ind-rekenmodel simulate: the staffing simulator (the same rules as the IND Scenario sheet).

Usage:
  ind-rekenmodel simulate --template normal|shortPeak|longPeak|2017 --rule advance2017|path|recommended
                          [--workload file.csv] [--set name=value ...] [--lang nl|en]

  --template   workload template (illustrative): normal band, short peak, long peak, the 2017 case
  --rule       funding rule: advance2017 (in advance on the forecast), path (funding path), recommended
  --workload   workload per period from a file: one period per line, optionally a second column with
               the forecast (tab, ; or , between columns; with , between columns, a dot for decimals)
  --set        a parameter, by its name in the sheet's Parameter column: ${SETTING_NAMES}
  --lang       language of the header and messages (default nl); numbers always with a dot, no grouping

Output: one tab-separated line per period, then the summary. Warnings on standard error.
Exit code: 0 fine, 2 invalid invocation or value.`,
    header: [
      'period',
      'workload',
      'label',
      'funding',
      'funded fte',
      'staff',
      'hires',
      'leavers',
      'reductions',
      'trainees',
      'productive fte',
      'capacity hours',
      'backlog',
    ],
    summary: {
      final: 'final backlog',
      max: 'maximum backlog',
      maxPeriod: 'period of the maximum backlog',
      toClear: 'periods to clear',
      never: 'not within the series',
    },
    missing: (what, values) =>
      `${what} is missing. Choose one of: ${values}. See ind-rekenmodel simulate --help.`,
    bad: (option, value, values) =>
      `${option} "${value}" does not exist. Choose one of: ${values}. See ind-rekenmodel simulate --help.`,
    unknownOption: (opt) => `Unknown option ${opt}. See ind-rekenmodel simulate --help.`,
    setForm: (text) => `--set expects name=value, for example --set recruitmentLag=3, but got "${text}".`,
    cannotRead: (file, reason) => `Cannot read file ${file}: ${reason}.`,
    warning: 'Warning',
  },
};

/** A number as the command prints it: the shortest text that reads back as the same double. */
function out(x: number): string {
  return String(x);
}

interface Args {
  lang: Lang;
  help: boolean;
  template?: string;
  rule?: string;
  workload?: string;
  sets: [string, string][];
  problem?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { lang: 'nl', help: false, sets: [] };
  const value = (i: number, opt: string): [string, number] => {
    const arg = argv[i];
    if (arg.startsWith(`${opt}=`)) return [arg.slice(opt.length + 1), i];
    return [argv[i + 1] ?? '', i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const opt = arg.split('=')[0];
    if (arg === '--help' || arg === '-h') a.help = true;
    else if (opt === '--lang') {
      const [v, j] = value(i, opt);
      i = j;
      if (v === 'nl' || v === 'en') a.lang = v;
      else a.problem ??= `--lang=${v}`;
    } else if (opt === '--template') [a.template, i] = value(i, opt);
    else if (opt === '--rule') [a.rule, i] = value(i, opt);
    else if (opt === '--workload') [a.workload, i] = value(i, opt);
    else if (opt === '--set') {
      const [v, j] = value(i, opt);
      i = j;
      const eq = v.indexOf('=');
      a.sets.push(eq > 0 ? [v.slice(0, eq), v.slice(eq + 1)] : [v, '\u0000']);
    } else a.problem ??= arg;
  }
  return a;
}

/**
 * Reads a workload file: one period per line, columns separated by a tab, a semicolon or (when
 * neither occurs) a comma; a first line without numbers is a header.
 */
export function parseWorkloadFile(text: string): { workload: number[]; forecast?: number[] } {
  const usesComma = !/[\t;]/.test(text) && /,/.test(text);
  return parsePastedSeries(
    usesComma ? text.replace(/,/g, '\t') : text,
    'Werklast / workload',
    'Prognose / forecast',
  );
}

/**
 * Runs `simulate` with the arguments after the command name.
 * @returns the exit code: 0, or 2 for a bad invocation or value.
 */
export async function simulateCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv);
  const t = TEXTS[args.lang];
  if (args.problem !== undefined) {
    const m = /^--lang=(.*)$/.exec(args.problem);
    io.stderr(m ? t.bad('--lang', m[1], 'nl, en') : t.unknownOption(args.problem));
    return 2;
  }
  if (args.help) {
    io.stdout(t.help);
    return 0;
  }
  const templateNames = ['normal', 'shortPeak', 'longPeak', '2017'].join(', ');
  if (args.template === undefined && args.workload === undefined) {
    io.stderr(t.missing('--template', templateNames));
    return 2;
  }
  if (args.template !== undefined && TEMPLATES[args.template] === undefined) {
    io.stderr(t.bad('--template', args.template, templateNames));
    return 2;
  }
  if (args.rule === undefined) {
    io.stderr(t.missing('--rule', RULES.join(', ')));
    return 2;
  }
  if (!RULES.includes(args.rule as RulePreset)) {
    io.stderr(t.bad('--rule', args.rule, RULES.join(', ')));
    return 2;
  }
  const badSet = args.sets.find(([, v]) => v === '\u0000');
  if (badSet) {
    io.stderr(t.setForm(badSet[0]));
    return 2;
  }
  try {
    // The 2017 case's starting backlog is a template parameter, set before the template is made.
    let backlog2017: number | undefined;
    const rest = args.sets.filter(([k, v]) => {
      if (k.toLowerCase() !== TEMPLATE_SETTING.toLowerCase()) return true;
      const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v.trim()) ? Number(v) : NaN;
      if (!Number.isFinite(n) || n < 0) {
        throw new CalcError('scenarioBadSetting', {
          argument: TEMPLATE_SETTING,
          expected: 'een getal ≥ 0 / a number ≥ 0',
          received: v,
        });
      }
      backlog2017 = n;
      return false;
    });
    const tpl = args.template !== undefined ? TEMPLATES[args.template] : undefined;
    const series = tpl
      ? generateTemplate(tpl, REVIEW_BAND, undefined, { initialBacklog2017: backlog2017 })
      : undefined;
    let workload = series?.workload ?? [];
    let forecast = series?.forecast;
    if (args.workload !== undefined) {
      let text: string;
      try {
        text = await io.readFile(args.workload);
      } catch (e) {
        io.stderr(t.cannotRead(args.workload, e instanceof Error ? e.message : String(e)));
        return 2;
      }
      const file = parseWorkloadFile(text);
      workload = file.workload;
      forecast = file.forecast;
    }
    const base: SimInput = {
      workload,
      forecast,
      band: REVIEW_BAND,
      rule: { ...RULE_PRESETS[args.rule as RulePreset], floor: 0, cap: Infinity },
      staff: DEFAULT_STAFF,
      lumpsum: 0,
      initialBacklog: args.workload === undefined ? (series?.initialBacklog ?? 0) : 0,
    };
    const input = applySettings(base, rest);
    const r = simulate(input);
    io.stdout(t.header.join('\t'));
    for (let i = 0; i < r.periods; i++) {
      io.stdout(
        [
          String(i + 1),
          out(input.workload[i]),
          labelText(r.labels[i], args.lang),
          out(r.funding[i]),
          out(r.fundedFte[i]),
          out(r.staffFte[i]),
          out(r.hiresFte[i]),
          out(r.leaversFte[i]),
          out(r.reductionsFte[i]),
          out(r.traineeFte[i]),
          out(r.productiveFte[i]),
          out(r.capacityHours[i]),
          out(r.backlog[i]),
        ].join('\t'),
      );
    }
    const s = summarize(r);
    io.stdout('');
    io.stdout(`${t.summary.final}\t${out(s.finalBacklog)}`);
    io.stdout(`${t.summary.max}\t${out(s.maxBacklog)}`);
    io.stdout(`${t.summary.maxPeriod}\t${s.maxBacklog > 0 ? String(s.maxBacklogPeriod) : ''}`);
    io.stdout(
      `${t.summary.toClear}\t${s.periodsToClear === undefined ? t.summary.never : String(s.periodsToClear)}`,
    );
    for (const w of r.warnings) io.stderr(`${t.warning}: ${formatError(w.code, w.details, args.lang)}`);
    return 0;
  } catch (e) {
    if (isCalcError(e)) {
      io.stderr(e.messageIn(args.lang));
      return 2;
    }
    throw e;
  }
}
