/**
 * The function table of README.md is generated from the one function list (src/functions/registry.ts).
 * This fails when README.md differs from it; to accept the registry's rows:
 * UPDATE_EXPECTED=1 npx jest test/metadata
 * (test/cli/readme-examples.test.ts then evaluates every example against its promised result.)
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { functions } from '../../src/functions/registry';
import { parseTable, replaceTable, tableMarkdown, tableRows } from '../../src/functions/table';

const readmePath = path.join(__dirname, '..', '..', 'README.md');

beforeAll(() => {
  if (process.env.UPDATE_EXPECTED !== '1') return;
  fs.writeFileSync(readmePath, replaceTable(fs.readFileSync(readmePath, 'utf8'), tableMarkdown(functions)));
  // Prettier aligns the table as `prettier --check .` expects (its API cannot load under Jest).
  const bin = path.join(__dirname, '..', '..', 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  execFileSync(process.execPath, [bin, '--write', readmePath]);
});

test('README.md shows exactly the registry rows, in its order', () => {
  expect(parseTable(fs.readFileSync(readmePath, 'utf8'))).toEqual(tableRows(functions));
});

test('no README cell text holds a | (it would split the Markdown cell)', () => {
  for (const row of tableRows(functions)) for (const cell of row) expect(cell).not.toContain('|');
});

test('the comparison fails on a changed, missing or extra row', () => {
  const md = replaceTable('x\n<!-- FUNCTIONS:START -->\n<!-- FUNCTIONS:END -->\n', tableMarkdown(functions));
  expect(parseTable(md)).toEqual(tableRows(functions));
  expect(parseTable(md.replace('fte needed', 'fte'))).not.toEqual(tableRows(functions));
  expect(parseTable(replaceTable(md, tableMarkdown(functions.slice(1))))).not.toEqual(tableRows(functions));
  expect(parseTable('no markers')).toEqual([]);
  expect(() => replaceTable('no markers', '')).toThrow('markers');
});
