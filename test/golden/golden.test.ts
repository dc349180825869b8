/**
 * The one table-driven runner for the golden tables in test/golden/*.json. Each row cites its
 * source and states its rounding: "none" compares unrounded results within `tolerance`
 * (relative, at least absolute), a number n compares ROUND(result; n) exactly, as the review
 * rounds. Error rows state the Excel error and a fragment of the (Dutch) message.
 */
import * as fs from 'fs';
import * as path from 'path';
import { excelRound } from '../../src/core/round';
import { registry } from '../../src/functions/registry';
import { setLanguage } from '../../src/functions/lang';

interface GoldenRow {
  name: string;
  source: string;
  args: unknown[];
  expected?: unknown;
  rounding?: 'none' | number;
  tolerance?: number;
  error?: string;
  message?: string;
}

interface GoldenFile {
  function: string;
  rows: GoldenRow[];
}

const dir = __dirname;
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

function compare(actual: unknown, expected: unknown, row: GoldenRow, where: string): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    const a = actual as unknown[];
    expect(a.length).toBe(expected.length);
    expected.forEach((e, i) => compare(a[i], e, row, `${where}[${i}]`));
    return;
  }
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    const x = actual as number;
    if (typeof row.rounding === 'number') {
      expect(excelRound(x, row.rounding)).toBe(expected);
    } else {
      const tol = (row.tolerance ?? 1e-9) * Math.max(1, Math.abs(expected));
      if (Math.abs(x - expected) > tol)
        throw new Error(`${where}: expected ${expected}, received ${x} (tolerance ${tol})`);
    }
    return;
  }
  expect(actual).toEqual(expected);
}

beforeAll(() => setLanguage('nl'));
afterAll(() => setLanguage(undefined));

test('the runner itself fails on a wrong value, a wrong rounding and a wrong shape', () => {
  const row: GoldenRow = { name: 'self-test', source: 'runner', args: [], rounding: 'none', tolerance: 1e-9 };
  expect(() => compare(1116.48, 1116.4717348927877, row, 'x')).toThrow();
  expect(() => compare(1116.4717348927877, 1116, { ...row, rounding: 1 }, 'x')).toThrow();
  expect(() => compare([[1], [2]], [[1]], row, 'x')).toThrow();
  expect(() => compare('normaal', 'lange piek', row, 'x')).toThrow();
  expect(() => compare(1116.4717348927877, 1116, { ...row, rounding: 0 }, 'x')).not.toThrow();
});

test('every IND.* function has a golden table', () => {
  const covered = new Set(
    files.map((f) => (JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as GoldenFile).function),
  );
  expect([...covered].sort()).toEqual(Object.keys(registry).sort());
});

for (const file of files) {
  const table = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as GoldenFile;
  describe(`${table.function} (${file})`, () => {
    test.each(table.rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
      expect(row.source.length).toBeGreaterThan(0);
      const fn = registry[table.function];
      if (row.error !== undefined) {
        let thrown: unknown;
        try {
          fn(...row.args);
        } catch (e) {
          thrown = e;
        }
        expect(thrown).toBeDefined();
        expect((thrown as { code: string }).code).toBe(row.error);
        expect((thrown as { message: string }).message).toContain(row.message ?? '');
        return;
      }
      compare(fn(...row.args), row.expected, row, table.function);
    });
  });
}
