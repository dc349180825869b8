/**
 * The function table in README.md (between `<!-- FUNCTIONS:START -->` and `<!-- FUNCTIONS:END -->`)
 * promises an example and its result for every function. This evaluates each example through the
 * CLI path and checks the promised result, so the documentation cannot drift from the code.
 *
 * Result column forms: `1116.47…` (the printed value starts with these digits), `86184` (equal
 * to within 1e-9 relative: the CLI prints full precision, the README rounds), and `a, b, c` (the
 * cells of a spill in row order).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { evaluate } from '../../src/cli/evaluate';
import { formatCell } from '../../src/cli/format';
import { registry } from '../../src/functions/registry';

interface Row {
  name: string;
  example: string;
  result: string;
}

function readmeRows(): Row[] {
  const text = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const start = text.indexOf('<!-- FUNCTIONS:START -->');
  const end = text.indexOf('<!-- FUNCTIONS:END -->');
  if (start < 0 || end < start) return [];
  const rows: Row[] = [];
  for (const line of text.slice(start, end).split('\n')) {
    const cols = line.split('|').map((c) => c.trim());
    // | `IND.X(...)` | returns | `=IND.X(...)` | result |
    if (cols.length < 6 || !cols[3].startsWith('`=')) continue;
    const name = /^`(IND\.[A-Z]+)\(/.exec(cols[1])?.[1] ?? cols[1];
    rows.push({ name, example: cols[3].replace(/`/g, ''), result: cols[4] });
  }
  return rows;
}

function matches(printed: string, promised: string): boolean {
  if (promised.endsWith('…')) return printed.startsWith(promised.slice(0, -1));
  const a = Number(printed);
  const b = Number(promised);
  if (promised !== '' && Number.isFinite(a) && Number.isFinite(b))
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return printed === promised;
}

const rows = readmeRows();

describe('README function table', () => {
  it('lists an example for every function of the registry', () => {
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(registry).sort());
  });

  it.each(rows.map((r) => [r.example, r.result]))('%s gives %s', async (example, result) => {
    const value = await evaluate(example, 'nl');
    const cells = Array.isArray(value) ? value.flat() : [value];
    const printed = cells.map(formatCell);
    const promised = result.split(',').map((s) => s.trim());
    expect(printed).toHaveLength(promised.length);
    printed.forEach((p, i) => {
      if (!matches(p, promised[i]))
        throw new Error(`${example}: cell ${i + 1} printed ${p}, README says ${promised[i]}`);
    });
  });
});
