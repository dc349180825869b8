/**
 * `ind-rekenmodel simulate`: every template under every rule, `--set` overrides, a workload file,
 * dot decimals without grouping in both languages, and every bad input with its message and exit
 * code 2 — through `main()` with injected output, and once as a real child process.
 */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { main, type CliIO } from '../../src/cli/main';
import {
  DEFAULT_STAFF,
  generateTemplate,
  REVIEW_BAND,
  RULE_PRESETS,
  simulate,
  summarize,
  type RulePreset,
  type SimInput,
  type TemplateId,
} from '../../src/core/scenario';

interface Captured {
  io: CliIO;
  out: string[];
  err: string[];
}

function capture(files: Record<string, string> = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (l) => out.push(...l.split('\n')),
      stderr: (l) => err.push(l),
      readFile: async (p) => {
        if (p in files) return files[p];
        throw new Error(`ENOENT: no such file or directory, open '${p}'`);
      },
    },
  };
}

async function run(args: string[], files: Record<string, string> = {}): Promise<Captured & { code: number }> {
  const c = capture(files);
  const code = await main(['simulate', ...args], c.io);
  return { ...c, code };
}

/** The same run through the core, for comparison. */
function core(
  tpl: TemplateId,
  rule: RulePreset,
  over: (i: SimInput) => SimInput = (i) => i,
): ReturnType<typeof simulate> {
  const s = generateTemplate(tpl, REVIEW_BAND);
  return simulate(
    over({
      workload: s.workload,
      forecast: s.forecast,
      band: REVIEW_BAND,
      rule: { ...RULE_PRESETS[rule], floor: 0, cap: Infinity },
      staff: DEFAULT_STAFF,
      lumpsum: 0,
      initialBacklog: s.initialBacklog ?? 0,
    }),
  );
}

const HEADER_EN =
  'period\tworkload\tlabel\tfunding\tfunded fte\tstaff\thires\tleavers\treductions\ttrainees\tproductive fte\tcapacity hours\tbacklog';
const PLAIN = /^-?\d+(\.\d+)?(e[-+]\d+)?$/;

describe('simulate: every template under every rule', () => {
  const templates: [string, TemplateId][] = [
    ['normal', 'normal'],
    ['shortPeak', 'shortPeak'],
    ['longPeak', 'longPeak'],
    ['2017', 'case2017'],
  ];
  for (const [name, tpl] of templates) {
    for (const rule of ['advance2017', 'path', 'recommended'] as RulePreset[]) {
      it(`${name} under ${rule}`, async () => {
        const c = await run(['--template', name, '--rule', rule, '--lang', 'en']);
        expect(c.code).toBe(0);
        expect(c.out[0]).toBe(HEADER_EN);
        const r = core(tpl, rule);
        const s = summarize(r);
        const rows = c.out.slice(1, 1 + r.periods).map((l) => l.split('\t'));
        expect(rows).toHaveLength(78);
        rows.forEach((cells, t) => {
          expect(cells).toHaveLength(13);
          expect(cells[0]).toBe(String(t + 1));
          expect(Number(cells[3])).toBe(r.funding[t]);
          expect(Number(cells[5])).toBe(r.staffFte[t]);
          expect(Number(cells[8])).toBe(r.reductionsFte[t]);
          expect(Number(cells[12])).toBe(r.backlog[t]);
          for (const i of [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) expect(cells[i]).toMatch(PLAIN);
        });
        expect(c.out.slice(1 + r.periods)).toEqual([
          '',
          `final backlog\t${s.finalBacklog}`,
          `maximum backlog\t${s.maxBacklog}`,
          `period of the maximum backlog\t${s.maxBacklog > 0 ? s.maxBacklogPeriod : ''}`,
          `periods to clear\t${s.periodsToClear ?? 'not within the series'}`,
        ]);
      });
    }
  }

  it('Dutch by default: Dutch header and labels, the same dot decimals without grouping', async () => {
    const nl = await run(['--template', 'shortPeak', '--rule', 'recommended']);
    const en = await run(['--template', 'shortPeak', '--rule', 'recommended', '--lang', 'en']);
    expect(nl.out[0].split('\t')[0]).toBe('periode');
    expect(nl.out[14].split('\t')[2]).toBe('korte piek');
    expect(en.out[14].split('\t')[2]).toBe('short peak');
    const numbers = (l: string): string[] => l.split('\t').filter((_, i) => i !== 2);
    for (let i = 1; i <= 78; i++) expect(numbers(nl.out[i])).toEqual(numbers(en.out[i]));
    expect(nl.out[nl.out.length - 1]).toMatch(/^perioden tot weggewerkt\t/);
  });
});

describe('simulate: --set overrides use the sheet’s parameter names', () => {
  it('staffing parameters, rule switches and the 2017 backlog', async () => {
    const c = await run([
      '--template',
      '2017',
      '--rule',
      'advance2017',
      '--set',
      'recruitmentLag=0',
      '--set=hiringPolicy=direct',
      '--set',
      'traineeCap=1.5',
      '--set',
      'countBacklog=true',
      '--set',
      'initialBacklog2017=0',
      '--set',
      'cap=none',
      '--lang',
      'en',
    ]);
    expect(c.code).toBe(0);
    const s = generateTemplate('case2017', REVIEW_BAND, 78, { initialBacklog2017: 0 });
    const r = simulate({
      workload: s.workload,
      forecast: s.forecast,
      band: REVIEW_BAND,
      rule: { ...RULE_PRESETS.advance2017, floor: 0, cap: Infinity, countBacklog: true },
      staff: { ...DEFAULT_STAFF, recruitmentLag: 0, hiringPolicy: 'immediate', traineeCap: 1.5 },
      lumpsum: 0,
      initialBacklog: 0,
    });
    expect(c.out.slice(1, 79).map((l) => Number(l.split('\t')[12]))).toEqual(r.backlog);
    expect(c.out).toContain(`maximum backlog\t${summarize(r).maxBacklog}`);
  });

  it('the allowance switched off: the run is valid and the warning, with figures, goes to standard error', async () => {
    const c = await run([
      '--template',
      'normal',
      '--rule',
      'path',
      '--set',
      'allowanceShare=0',
      '--lang',
      'en',
    ]);
    expect(c.code).toBe(0);
    expect(c.err).toHaveLength(1);
    expect(c.err[0]).toMatch(
      /^Warning: Note: at the mean workload \(83000\.0 hours per period\) funding pays for 1011\.2 fte;/,
    );
    const r = core('normal', 'path', (i) => ({ ...i, rule: { ...i.rule, allowanceShare: 0 } }));
    expect(c.out).toContain(`final backlog\t${summarize(r).finalBacklog}`);
    expect(summarize(r).finalBacklog).toBeGreaterThan(100000);
  });

  it('a workload file (comma-separated with a header, or Dutch with semicolons) replaces the template', async () => {
    const csv = 'workload,forecast\n83000,70000\n84000.5,70000\n85000,70000\n86000,70000\n';
    const c = await run(['--workload', 'w.csv', '--rule', 'advance2017', '--lang', 'en'], { 'w.csv': csv });
    expect(c.code).toBe(0);
    expect(c.out.slice(1, 5).map((l) => Number(l.split('\t')[1]))).toEqual([83000, 84000.5, 85000, 86000]);
    const nl = await run(['--workload', 'w.txt', '--rule', 'path'], {
      'w.txt': '83.000,5;70000\n84000;70000\n85000;1\n86000;1\n',
    });
    expect(nl.code).toBe(0);
    expect(Number(nl.out[1].split('\t')[1])).toBe(83000.5);
  });
});

describe('simulate: bad input, a clear message and exit code 2', () => {
  const bad = async (args: string[], message: string | RegExp, lang: 'nl' | 'en' = 'nl'): Promise<void> => {
    const c = await run([...args, ...(lang === 'en' ? ['--lang', 'en'] : [])]);
    expect(c.code).toBe(2);
    expect(c.out).toEqual([]);
    expect(c.err).toHaveLength(1);
    if (typeof message === 'string') expect(c.err[0]).toContain(message);
    else expect(c.err[0]).toMatch(message);
  };
  const base = ['--template', 'normal', '--rule', 'recommended'];

  it('a recruitment lag longer than the series', async () => {
    await bad(
      [...base, '--set', 'recruitmentLag=100'],
      'Wervingstijd / recruitmentLag: 100 perioden is minstens zo lang als de reeks (78 perioden)',
    );
  });
  it('a negative trainee cap; a cap of 0 is a hiring freeze, allowed with a warning', async () => {
    await bad([...base, '--set', 'traineeCap=-0.1'], 'traineeCap: expected 0 or more, received -0.1.', 'en');
    const freeze = await run([...base, '--set', 'traineeCap=0', '--lang', 'en']);
    expect(freeze.code).toBe(0);
    expect(freeze.err).toEqual([
      'Warning: Note: a coaching capacity of 0 is a hiring freeze. Nobody is hired; staff falls with every leaver.',
    ]);
  });
  it('a yearly turnover typed as 9.5 instead of 0.095', async () => {
    await bad([...base, '--set', 'turnover=9.5'], 'type 0.095 instead of 9.5', 'en');
  });
  it('a hiring policy name that does not exist', async () => {
    await bad(
      [...base, '--set', 'hiringPolicy=kwartaal'],
      'hiringPolicy: het wervingsbeleid "kwartaal" bestaat niet. Verwacht: jaareinde | direct',
    );
  });
  it('an unknown parameter name, a value that is not a number, a Dutch decimal comma, --set without =', async () => {
    await bad(
      [...base, '--set', 'lag=3'],
      /^Unknown parameter "lag"\. Expected one of: basis, bandLow, /,
      'en',
    );
    await bad(
      [...base, '--set', 'recruitmentLag=drie'],
      'recruitmentLag: expected een getal met een punt als decimaalteken / a number with a dot as decimal separator, received "drie".',
      'en',
    );
    await bad([...base, '--set', 'turnover=0,095'], 'turnover: verwacht een getal met een punt');
    await bad([...base, '--set', 'recruitmentLag'], '--set expects name=value', 'en');
    await bad(
      [...base, '--set', 'countBacklog=misschien'],
      'countBacklog: verwacht true of false / true or false, ontvangen "misschien".',
    );
    await bad(
      [...base, '--set', 'initialBacklog2017=-5'],
      'initialBacklog2017: expected een getal ≥ 0',
      'en',
    );
  });
  it('a missing or unknown template or rule, an unknown option, an unreadable file', async () => {
    await bad(['--rule', 'path'], '--template ontbreekt. Kies een van: normal, shortPeak, longPeak, 2017.');
    await bad(
      ['--template', 'normal'],
      '--rule is missing. Choose one of: advance2017, path, recommended.',
      'en',
    );
    await bad(['--template', 'peak', '--rule', 'path'], '--template "peak" does not exist.', 'en');
    await bad(['--template', 'normal', '--rule', 'fast'], '--rule "fast" bestaat niet.');
    await bad([...base, '--fast'], 'Unknown option --fast. See ind-rekenmodel simulate --help.', 'en');
    await bad(['--workload', 'nope.csv', '--rule', 'path'], 'Kan bestand nope.csv niet lezen: ENOENT');
    await bad([...base, '--lang', 'fr'], '--lang "fr" bestaat niet.');
  });
});

describe('simulate: help and the real command', () => {
  it('--help explains the command; the main help mentions it', async () => {
    const c = await run(['--help', '--lang', 'en']);
    expect(c.code).toBe(0);
    expect(c.out.join('\n')).toContain('--set        a parameter, by its name in the sheet');
    const m = capture();
    expect(await main(['--help'], m.io)).toBe(0);
    expect(m.out.join('\n')).toContain('ind-rekenmodel simulate --template normal --rule recommended');
  });

  const bin = join(__dirname, '../../bin/ind-rekenmodel.js');
  const built = existsSync(join(__dirname, '../../dist-cli/src/cli/simulate.js'));
  (built ? it : it.skip)('runs as a child process: stdout, stderr and the exit code', () => {
    const ok = spawnSync(
      process.execPath,
      [bin, 'simulate', '--template', '2017', '--rule', 'recommended', '--lang', 'en'],
      {
        encoding: 'utf8',
      },
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n')[0]).toBe(HEADER_EN);
    expect(ok.stdout).toContain('periods to clear\t21');
    const no = spawnSync(
      process.execPath,
      [bin, 'simulate', '--template', '2017', '--rule', 'recommended', '--set', 'turnover=9.5'],
      {
        encoding: 'utf8',
      },
    );
    expect(no.status).toBe(2);
    expect(no.stderr).toContain('typ 0.095 in plaats van 9.5');
  });
});
