/**
 * The README's function table is evidence, not decoration: every example row is evaluated
 * through the CLI path (the same adapters Excel calls) and must give the documented result.
 * A result ending in "…" is a truncated decimal: the value must start with those digits. Other
 * numbers must agree to a relative 1e-9 (86184 documents 86183.99999999999 computed in doubles).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { evaluate } from '../../src/cli/evaluate';
import { formatCell } from '../../src/cli/format';
import type { FormulaValue } from '../../src/cli/engine';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const table = readme.slice(readme.indexOf('<!-- FUNCTIONS:START -->'), readme.indexOf('<!-- FUNCTIONS:END -->'));
const rows = table
  .split('\n')
  .filter((l) => l.startsWith('| `IND.'))
  .map((l) => {
    const cells = l.split(' | ').map((c) => c.replace(/^\|?\s*`?|`?\s*\|?$/g, ''));
    return { signature: cells[0], example: cells[2], result: cells[3] };
  });

function flat(v: FormulaValue): string[] {
  return Array.isArray(v) ? v.flat().map(formatCell) : [formatCell(v)];
}

function matches(actual: string, expected: string): boolean {
  if (expected.endsWith('…')) return actual.startsWith(expected.slice(0, -1));
  const a = Number(actual);
  const e = Number(expected);
  if (expected !== '' && Number.isFinite(e) && Number.isFinite(a)) {
    return Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e));
  }
  return actual === expected;
}

describe('README function table', () => {
  it('documents all sixteen functions', () => {
    expect(rows.map((r) => r.signature.split('(')[0])).toEqual([
      'IND.WORKLOAD', 'IND.FTE', 'IND.CAPACITY', 'IND.HEADCOUNTFTE', 'IND.TURNOVERFTE', 'IND.DIRECTRATIO',
      'IND.TRAININGLOAD', 'IND.COSTPRICE', 'IND.FUNDING', 'IND.LUMPSUMSPLIT', 'IND.FUNDINGPATH',
      'IND.SCENARIO', 'IND.BACKLOG', 'IND.NORMVARIANCE', 'IND.EFFECTIVENESS', 'IND.VARIANCE',
    ]);
  });

  it.each(rows)('$example gives $result', async ({ example, result }) => {
    const actual = flat(await evaluate(example, 'nl'));
    const expected = result.split(', ');
    expect(actual).toHaveLength(expected.length);
    actual.forEach((a, i) => expect({ a, ok: matches(a, expected[i]) }).toEqual({ a, ok: true }));
  });

  it('the matcher rejects a wrong figure', () => {
    expect(matches('1116.08', '1116.09…')).toBe(false);
    expect(matches('700', '700.5')).toBe(false);
    expect(matches('86183.99999999999', '86184')).toBe(true);
    expect(matches('onder band', 'normaal')).toBe(false);
  });
});
