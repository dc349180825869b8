/**
 * The core stays pure: no React, Office, DOM or Node I/O in the files this test covers (the
 * top level of src/core and src/core/params). ESLint enforces the same; this test makes a
 * violation fail `jest` too, even when lint is skipped.
 */
import * as fs from 'fs';
import * as path from 'path';

const coreDir = path.join(__dirname, '..', '..', 'src', 'core');
const files = [
  ...fs.readdirSync(coreDir).filter((f) => f.endsWith('.ts')),
  ...fs.readdirSync(path.join(coreDir, 'params')).map((f) => path.join('params', f)),
].map((f) => path.join(coreDir, f));

test.each(files.map((f) => [path.relative(coreDir, f), f]))('%s imports nothing impure', (_name, file) => {
  const text = fs.readFileSync(file, 'utf8');
  const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
  for (const i of imports) expect(i.startsWith('.')).toBe(true);
  for (const i of imports) expect(i).not.toMatch(/taskpane|functions|cli|react|office/);
  // Code only (comments mention Office and Excel by name, which is fine).
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  expect(code).not.toMatch(/\b(window|document|localStorage|Office|Excel|CustomFunctions|fetch|eval)\b/);
  expect(code).not.toMatch(/new Function\(/);
});
