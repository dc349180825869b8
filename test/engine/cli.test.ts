/**
 * `ind-rekenmodel portable` and `ind-rekenmodel recalc` on files: the round trip through a file,
 * recalculation reporting cached values changed on purpose cell by cell, the 74.7 ratio reported
 * with its message, and every bad input refused with a clear message and left unchanged.
 */
import { createHash } from 'crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { main, type CliIO } from '../../src/cli/main';
import {
  cellKey,
  cloneWorkbook,
  parseKey,
  workbookFromPlans,
  type ComputedValue,
  type WorkbookModel,
} from '../../src/engine/model';
import { columnLetters } from '../../src/core/norms/address';
import { WorkbookEvaluator } from '../../src/engine/workbook';
import { readXlsx, renderXlsx } from '../../src/engine/xlsx';
import type { WritePlan } from '../../src/taskpane/host/types';
import { plain } from './judge';
import { calcState } from './states';

jest.setTimeout(300_000);

function io(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    readFile: () => Promise.resolve(''),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'ind-cli-'));
const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** A workbook file with the values our evaluator computes cached, as Excel would have saved it. */
async function saved(
  model: WorkbookModel,
  name: string,
  tweak?: (c: Map<string, Map<string, ComputedValue>>) => void,
) {
  const values = new WorkbookEvaluator(model).computeAll();
  const cached = new Map([...values].map(([s, m]) => [s, new Map([...m].map(([k, v]) => [k, plain(v)]))]));
  tweak?.(cached);
  // As Excel saves a dynamic array: the anchor as an array formula over its spill range, the
  // spilled cells with their values.
  const file = cloneWorkbook(model);
  for (const s of file.sheets) {
    const vals = cached.get(s.name)!;
    for (const [k, c] of [...s.cells]) {
      if (typeof c.content !== 'string' || !c.content.startsWith('=')) continue;
      const { row, col } = parseKey(k);
      let n = 0;
      while (vals.has(cellKey(row + n + 1, col)) && !s.cells.get(cellKey(row + n + 1, col))?.content) n++;
      if (n === 0) continue;
      c.arrayRef = `${columnLetters(col)}${row}:${columnLetters(col)}${row + n}`;
      for (let i = 1; i <= n; i++) {
        const v = vals.get(cellKey(row + i, col))!;
        s.cells.set(cellKey(row + i, col), {
          ...s.cells.get(cellKey(row + i, col)),
          content: v !== null && typeof v === 'object' ? null : v,
        });
      }
    }
  }
  const p = join(dir, name);
  writeFileSync(p, await renderXlsx(file, { cached }));
  return p;
}

const sheetPlan = (cells: (string | number | null)[][]): WritePlan => ({
  action: 't',
  sheets: [{ name: 'Blad1', blocks: [{ at: 'A1', cells }] }],
});

describe('ind-rekenmodel portable', () => {
  it('writes a portable copy and --back restores every formula of the file', async () => {
    const model = workbookFromPlans(...calcState().plans);
    const input = await saved(model, 'rekenblad.xlsx');
    const before = hash(input);
    const t = io();
    expect(await main(['portable', input, '--out', join(dir, 'draagbaar.xlsx')], t)).toBe(0);
    expect(t.out.join('\n')).toMatch(/cellen met IND\.\* omgezet/);
    const portable = await readXlsx(readFileSync(join(dir, 'draagbaar.xlsx')));
    expect(portable.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['IND_Hulp', 'IND_Bron', 'IND_Draagbaar']),
    );
    const calc = portable.sheets.find((s) => s.name === 'IND Rekenblad')!;
    const indFormulas = [...calc.cells.values()]
      .map((c) => c.content)
      .filter((v) => typeof v === 'string' && /^=.*IND\.[A-Z]+\(/.test(v));
    expect(indFormulas).toEqual([]);
    const t2 = io();
    expect(
      await main(['portable', join(dir, 'draagbaar.xlsx'), '--back', '--out', join(dir, 'terug.xlsx')], t2),
    ).toBe(0);
    const back = await readXlsx(readFileSync(join(dir, 'terug.xlsx')));
    const orig = await readXlsx(readFileSync(input));
    expect(back.sheets.map((s) => s.name)).toEqual(orig.sheets.map((s) => s.name));
    for (const s of orig.sheets) {
      const b = back.sheets.find((x) => x.name === s.name)!;
      const formulas = (m: typeof s) =>
        [...m.cells].filter(([, c]) => c.content !== null).map(([k, c]) => [k, c.content]);
      expect(formulas(b)).toEqual(formulas(s));
    }
    expect(hash(input)).toBe(before);
  });

  it('refuses to overwrite without --force, and never writes over its input', async () => {
    const input = await saved(workbookFromPlans(sheetPlan([[1, '=A1*2']])), 'klein.xlsx');
    writeFileSync(join(dir, 'bestaat.xlsx'), 'x');
    const t = io();
    expect(await main(['portable', input, '--out', join(dir, 'bestaat.xlsx')], t)).toBe(2);
    expect(t.err.join('\n')).toMatch(/bestaat al.*--force/);
    const t2 = io();
    expect(await main(['portable', input, '--out', input, '--force'], t2)).toBe(2);
    expect(t2.err.join('\n')).toMatch(/nooit overschreven/);
  });
});

describe('ind-rekenmodel recalc', () => {
  it('reports every cell whose cached value was changed on purpose, and nothing else', async () => {
    const model = workbookFromPlans(...calcState().plans);
    const input = await saved(model, 'gewijzigd.xlsx', (c) => {
      const calc = c.get('IND Rekenblad')!;
      calc.set(cellKey(7, 3), 12345); // a workload cell
      calc.set(cellKey(19, 5), 1); // an IND.FTE cell
    });
    const before = hash(input);
    const t = io();
    const report = join(dir, 'rapport.csv');
    const code = await main(['recalc', input, '--out', join(dir, 'uit1'), '--report', report], t);
    expect(t.err).toEqual([]);
    expect(code).toBe(0);
    expect(t.out.join('\n')).toMatch(/\[1\/1\] .*gewijzigd\.xlsx: \d+ formules, 2 gewijzigd, 0 met een fout/);
    const lines = readFileSync(report, 'utf8').trim().split('\n');
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 4).join(','))).toEqual(
      expect.arrayContaining(['IND Rekenblad,C7,gewijzigd', 'IND Rekenblad,E19,gewijzigd']),
    );
    expect(lines).toHaveLength(3);
    // The output is the same workbook with the recalculated values cached.
    const out = await readXlsx(readFileSync(join(dir, 'uit1', 'gewijzigd.xlsx')));
    const e19 = out.sheets.find((s) => s.name === 'IND Rekenblad')!.cells.get(cellKey(19, 5))!;
    expect(e19.content).toMatch(/^=IND\.FTE\(/);
    expect(e19.cached).toBeCloseTo(new WorkbookEvaluator(model).get('IND Rekenblad', 'E19') as number, 9);
    expect(hash(input)).toBe(before);
  });

  it('an IND.FTE typed with 74.7 is reported as #VALUE! with the message suggesting 0.747', async () => {
    const input = await saved(
      workbookFromPlans(sheetPlan([[83000, '=IND.FTE(A1,4,36,74.7,60)']])),
      'procent.xlsx',
    );
    const t = io();
    const report = join(dir, 'procent.csv');
    expect(
      await main(['recalc', input, '--out', join(dir, 'uit2'), '--report', report, '--lang', 'en'], t),
    ).toBe(1);
    const csv = readFileSync(report, 'utf8');
    expect(csv).toMatch(
      /procent\.xlsx,Blad1,B1,error,"=IND\.FTE\(A1,4,36,74\.7,60\)",#VALUE!,#VALUE!,#VALUE!,".*received 74\.7.*use 0\.747/,
    );
  });

  it("the steering functions typed with bad input are reported with the add-in's messages", async () => {
    const input = await saved(
      workbookFromPlans(
        sheetPlan([
          [0, '=IND.PENALTY(A1:A3)', '=IND.WITHINTERM(A1:A3,0)', '=IND.FORECASTERROR(A1:A3,A1:A3,"mape")'],
          [10.5, null, null, null],
          [20, null, null, null],
        ]),
      ),
      'sturing.xlsx',
    );
    const t = io();
    const report = join(dir, 'sturing.csv');
    expect(
      await main(['recalc', input, '--out', join(dir, 'uit-sturing'), '--report', report, '--lang', 'en'], t),
    ).toBe(1);
    const lines = readFileSync(report, 'utf8').trim().split('\n').slice(1);
    // One line per error cell: the spill of a failing IND.PENALTY is one error, at its anchor.
    expect(lines.map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      'sturing.xlsx,Blad1,B1,error',
      'sturing.xlsx,Blad1,C1,error',
      'sturing.xlsx,Blad1,D1,error',
    ]);
    expect(lines[0]).toMatch(/#VALUE!,"?.*penaltyDays, row 2: expected whole days, received 10\.5/);
    expect(lines[1]).toMatch(/#VALUE!,"?.*termDays: a legal deadline of 0 days is not possible/);
    expect(lines[2]).toMatch(/#VALUE!,"?.*actual, row 1: the actual is 0, and MAPE divides by the actual/);
  });

  it('accepts the [2]!_xldudf_ form Excel writes after COM add-in conflicts', async () => {
    const model = workbookFromPlans(sheetPlan([[83000, '=IND.FTE(A1,4,36,0.57,60)']]));
    const p = await saved(model, 'com.xlsx');
    const parts = unzipSync(readFileSync(p));
    const sheet = Object.keys(parts).find((k) => /worksheets\/sheet1\.xml$/.test(k))!;
    parts[sheet] = strToU8(
      new TextDecoder().decode(parts[sheet]).replace('_xldudf_IND_FTE', '[2]!_xldudf_IND_FTE'),
    );
    writeFileSync(p, zipSync(parts));
    const t = io();
    const report = join(dir, 'com.csv');
    expect(await main(['recalc', p, '--out', join(dir, 'uit3'), '--report', report], t)).toBe(0);
    expect(readFileSync(report, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  describe('bad input: a clear message, exit 2, the file unchanged', () => {
    const cases: [string, () => Promise<string>, RegExp][] = [
      ['not an .xlsx', () => Promise.resolve(write('notities.txt', 'hallo')), /geen \.xlsx-bestand/],
      [
        'encrypted',
        () =>
          Promise.resolve(
            write('geheim.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
          ),
        /versleuteld of met een wachtwoord/,
      ],
      [
        'a corrupt zip',
        () => Promise.resolve(write('kapot.xlsx', Buffer.from('PK\u0003\u0004rommel'))),
        /beschadigd/,
      ],
      [
        'an .xlsm with macros',
        async () => {
          const parts = unzipSync(readFileSync(await saved(workbookFromPlans(sheetPlan([[1]])), 'm.xlsx')));
          parts['xl/vbaProject.bin'] = new Uint8Array([1, 2, 3]);
          return write('macro.xlsm', zipSync(parts));
        },
        /macro's.*geweigerd/,
      ],
      [
        'external links',
        async () => {
          const parts = unzipSync(
            readFileSync(await saved(workbookFromPlans(sheetPlan([[1, '=A1']])), 'x.xlsx')),
          );
          const sheet = Object.keys(parts).find((k) => /worksheets\/sheet1\.xml$/.test(k))!;
          parts[sheet] = strToU8(
            new TextDecoder().decode(parts[sheet]).replace('<f>A1</f>', '<f>[1]Blad1!A1</f>'),
          );
          parts['xl/externalLinks/externalLink1.xml'] = strToU8('<externalLink/>');
          return write('extern.xlsx', zipSync(parts));
        },
        /externe koppelingen/,
      ],
      [
        'a circular reference',
        () =>
          saved(workbookFromPlans(sheetPlan([[1]])), 'kring.xlsx').then(async (p) => {
            const parts = unzipSync(readFileSync(p));
            const sheet = Object.keys(parts).find((k) => /worksheets\/sheet1\.xml$/.test(k))!;
            parts[sheet] = strToU8(
              new TextDecoder()
                .decode(parts[sheet])
                .replace(/<c r="A1"[^>]*>.*?<\/c>/, '<c r="A1"><f>B1+1</f></c><c r="B1"><f>A1*2</f></c>'),
            );
            return write('kring.xlsx', zipSync(parts));
          }),
        /kringverwijzing/,
      ],
    ];
    it.each(cases)('%s', async (_what, make, message) => {
      const p = await make();
      const before = hash(p);
      const t = io();
      expect(await main(['recalc', p, '--out', join(dir, `uit-${_what.replace(/\W/g, '')}`)], t)).toBe(2);
      expect(t.err.join('\n')).toMatch(message);
      expect(hash(p)).toBe(before);
    });

    it('an output that exists is refused without --force', async () => {
      const p = await saved(workbookFromPlans(sheetPlan([[1, '=A1']])), 'dubbel.xlsx');
      write('uit4/dubbel.xlsx', 'bezet');
      const t = io();
      expect(await main(['recalc', p, '--out', join(dir, 'uit4')], t)).toBe(2);
      expect(t.err.join('\n')).toMatch(/bestaat al.*--force/);
      expect(readFileSync(join(dir, 'uit4', 'dubbel.xlsx'), 'utf8')).toBe('bezet');
    });

    it('LibreOffice missing: the message gives the install command', async () => {
      const p = await saved(workbookFromPlans(sheetPlan([[1, '=A1']])), 'geen-lo.xlsx');
      const t = io();
      expect(await main(['recalc', p, '--out', join(dir, 'uit5'), '--soffice', '/nergens/soffice'], t)).toBe(
        2,
      );
      expect(t.err.join('\n')).toMatch(/apt-get install -y --no-install-recommends libreoffice-calc-nogui/);
      expect(existsSync(join(dir, 'uit5', 'geen-lo.xlsx'))).toBe(false);
    });
  });
});

function write(name: string, data: string | Uint8Array): string {
  const p = join(dir, name);
  const d = join(p, '..');
  if (!existsSync(d)) mkdirSync(d, { recursive: true });
  writeFileSync(p, data);
  return p;
}
