/**
 * The `ind-rekenmodel` command: options, output and exit codes, first through `main()` with
 * injected output, then as a real child process of the compiled `bin/ind-rekenmodel.js`.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main, type CliIO } from '../../src/cli/main';

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
      stdout: (l) => out.push(l),
      stderr: (l) => err.push(l),
      readFile: async (p) => {
        if (p in files) return files[p];
        throw new Error(`ENOENT: no such file or directory, open '${p}'`);
      },
    },
  };
}

const WORKED = (83000 / 4 / 36 + 60) / 0.57;

describe('main()', () => {
  it('eval prints the value and exits 0', async () => {
    const c = capture();
    expect(await main(['eval', '=IND.FTE(83000,4,36,0.57,60)'], c.io)).toBe(0);
    expect(c.out).toEqual([String(WORKED)]);
    expect(c.err).toEqual([]);
  });

  it('accepts a formula without `eval` and split over several shell words', async () => {
    const c = capture();
    expect(await main(['=IND.FTE(83000,', '4,', '36,', '0.57,', '60)'], c.io)).toBe(0);
    expect(c.out).toEqual([String(WORKED)]);
  });

  it('an error value prints `#CODE! message` on stdout and exits 1', async () => {
    const c = capture();
    expect(await main(['eval', '=IND.FTE(83000,4,36,74.7,60)'], c.io)).toBe(1);
    expect(c.out).toHaveLength(1);
    expect(c.out[0]).toMatch(/^#VALUE! directRatio: .*74,7.*0,747/);
  });

  it('--lang en gives the English message', async () => {
    const c = capture();
    expect(await main(['eval', '--lang', 'en', '=IND.FTE(83000,4,36,74.7,60)'], c.io)).toBe(1);
    expect(c.out[0]).toMatch(/^#VALUE! directRatio: .*74\.7.*0\.747/);
    const c2 = capture();
    expect(await main(['--lang=en', 'eval', '=IND.FTE(83000,4,36,74.7,60)'], c2.io)).toBe(1);
    expect(c2.out).toEqual(c.out);
  });

  it('a syntax error explains itself on stderr and exits 2', async () => {
    const c = capture();
    expect(await main(['eval', '=IND.FTE(83000;4)'], c.io)).toBe(2);
    expect(c.out).toEqual([]);
    expect(c.err).toEqual([
      'Onjuiste formule "=IND.FTE(83000;4)" (bij teken 15): ")" verwacht, maar vond ";". Tussen argumenten staat een komma (invariante notatie); ";" scheidt alleen rijen in {1,2;3,4}. Gebruik de invariante notatie: komma tussen argumenten, punt als decimaalteken (0.57, niet 0,57).',
    ]);
  });

  it('an unknown function and a cell reference are usage errors (exit 2)', async () => {
    const c = capture();
    expect(await main(['eval', '=IND.FTEE(1)'], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/^Onbekende functie IND\.FTEE in "=IND\.FTEE\(1\)"/);
    const c2 = capture();
    expect(await main(['eval', '--lang', 'en', '=IND.FTE(A1)'], c2.io)).toBe(2);
    expect(c2.err[0]).toMatch(/^Reference ".*" in "=IND\.FTE\(A1\)": the command line has no workbook/);
  });

  it('points out Dutch Excel names: the invariant syntax uses the English ones', async () => {
    const c = capture();
    expect(await main(['eval', '=SOM(IND.LUMPSUMSPLIT(1000000))'], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/^Onbekende functie SOM in .* In de invariante notatie heet SOM: SUM\.$/);
    const c2 = capture();
    expect(await main(['eval', '--lang', 'en', '=IND.FTE(83000,4,36,0.57,60,ONWAAR)'], c2.io)).toBe(2);
    expect(c2.err[0]).toMatch(/ONWAAR is the Dutch name; the invariant syntax uses FALSE\.$/);
  });

  it('a spill prints rows and tabs; an error inside a spill exits 1', async () => {
    const c = capture();
    expect(await main(['eval', '=IND.LUMPSUMSPLIT(1000000,0.13,50000)'], c.io)).toBe(0);
    expect(c.out).toEqual(['180000\t870000']);
    const c2 = capture();
    expect(await main(['eval', '={1,2,3}+{1,2}'], c2.io)).toBe(1);
    expect(c2.out).toEqual(['2\t4\t#N/A']);
    expect(c2.err).toEqual([]);
  });

  it('--help prints usage and exits 0; no arguments exits 2', async () => {
    const c = capture();
    expect(await main(['--help'], c.io)).toBe(0);
    expect(c.out[0]).toContain('ind-rekenmodel eval');
    const c2 = capture();
    expect(await main(['--help', '--lang', 'en'], c2.io)).toBe(0);
    expect(c2.out[0]).toContain('Usage:');
    const c3 = capture();
    expect(await main([], c3.io)).toBe(2);
    expect(c3.err[0]).toContain('Gebruik:');
  });

  it('rejects unknown options, a bad --lang and a missing formula', async () => {
    const c = capture();
    expect(await main(['eval', '--fast', '=1'], c.io)).toBe(2);
    expect(c.err).toEqual(['Onbekende optie --fast. Zie ind-rekenmodel --help.']);
    const c2 = capture();
    expect(await main(['eval', '--lang', 'de', '=1'], c2.io)).toBe(2);
    expect(c2.err).toEqual(['--lang verwacht nl of en, maar kreeg "de".']);
    const c3 = capture();
    expect(await main(['eval'], c3.io)).toBe(2);
    expect(c3.err[0]).toMatch(/^Geen formule opgegeven/);
    const c4 = capture();
    expect(await main(['evla', '=1'], c4.io)).toBe(2);
    expect(c4.err[0]).toMatch(/^Onbekende opdracht "evla"/);
  });

  it('--file prints formula<TAB>result per line, a blank line for a blank line, and reports the worst exit code', async () => {
    const file = [
      '=IND.FTE(83000,4,36,0.57,60)',
      '',
      'IND.LUMPSUMSPLIT(1000000,0.13,50000)',
      '=IND.SCENARIO({80000;95000})',
      '=IND.FTE(83000,4,36,74.7,60)',
    ].join('\n');
    const c = capture({ 'f.txt': file });
    expect(await main(['eval', '--file', 'f.txt'], c.io)).toBe(1);
    expect(c.out).toHaveLength(5);
    expect(c.out[0]).toBe(`=IND.FTE(83000,4,36,0.57,60)\t${String(WORKED)}`);
    expect(c.out[1]).toBe('');
    expect(c.out[2]).toBe('IND.LUMPSUMSPLIT(1000000,0.13,50000)\t{180000,870000}');
    expect(c.out[3]).toBe('=IND.SCENARIO({80000;95000})\t{"normaal";"korte piek"}');
    expect(c.out[4]).toMatch(/^=IND\.FTE\(83000,4,36,74\.7,60\)\t#VALUE! directRatio: /);
  });

  it('--file with a syntax error keeps going and exits 2', async () => {
    const c = capture({ 'f.txt': '=1+\n=2*3\r\n' });
    expect(await main(['eval', '--file=f.txt'], c.io)).toBe(2);
    expect(c.out[0]).toMatch(/^=1\+\t#ERROR! regel 1: Onjuiste formule/);
    expect(c.out[1]).toBe('=2*3\t6');
  });

  it('--file that cannot be read exits 2', async () => {
    const c = capture();
    expect(await main(['eval', '--file', 'missing.txt'], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/^Kan bestand missing\.txt niet lezen: ENOENT/);
  });
});

/** Newest modification time (ms) of the .ts files under `dir`. */
function newestTs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestTs(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

describe('the compiled command as a child process', () => {
  const root = join(__dirname, '..', '..');
  const bin = join(root, 'bin', 'ind-rekenmodel.js');
  const compiled = join(root, 'dist-cli', 'src', 'cli', 'main.js');

  beforeAll(() => {
    const sources = Math.max(...['src/cli', 'src/functions', 'src/core'].map((d) => newestTs(join(root, d))));
    if (!existsSync(compiled) || statSync(compiled).mtimeMs < sources) {
      // `npm run build:cli`; type errors elsewhere in the tree still emit JavaScript, so the
      // exit code is not ours to judge here: the compiled file must exist afterwards.
      try {
        execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
          cwd: root,
          stdio: 'pipe',
        });
      } catch {
        /* reported below if nothing was emitted */
      }
    }
    expect(existsSync(compiled)).toBe(true);
  }, 180_000);

  function run(args: string[]) {
    return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  }

  it('prints the worked example and exits 0', () => {
    const r = run(['eval', '=IND.FTE(83000,4,36,0.57,60)']);
    expect(r.stdout).toBe(`${String(WORKED)}\n`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('prints #VALUE! with the message and exits 1', () => {
    const r = run(['eval', '--lang', 'en', '=IND.FTE(83000,4,36,74.7,60)']);
    expect(r.stdout).toMatch(/^#VALUE! directRatio: .*74\.7.*0\.747.*\n$/);
    expect(r.status).toBe(1);
  });

  it('exits 2 on a syntax error', () => {
    const r = run(['eval', '=IND.FTE(83000,4']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Onjuiste formule/);
    expect(r.status).toBe(2);
  });

  it('reads --file - from standard input', () => {
    const r = spawnSync(process.execPath, [bin, 'eval', '--file', '-'], {
      cwd: root,
      encoding: 'utf8',
      input: '=IND.HEADCOUNTFTE(100)\n=1/0\n',
    });
    expect(r.stdout).toBe(`=IND.HEADCOUNTFTE(100)\t${String((100 * 34.5) / 36)}\n=1/0\t#DIV/0!\n`);
    expect(r.status).toBe(1);
  });

  it('reads --file from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ind-cli-'));
    const f = join(dir, 'formules.txt');
    writeFileSync(f, '=IND.WORKLOAD({100;50},{120;600})\n=IND.TURNOVERFTE(115)\n');
    const r = run(['eval', '--file', f]);
    expect(r.stdout).toBe(
      `=IND.WORKLOAD({100;50},{120;600})\t700\n=IND.TURNOVERFTE(115)\t${String(((115 / 2) * 34.5) / 36)}\n`,
    );
    expect(r.status).toBe(0);
  });
});
