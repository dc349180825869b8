/**
 * Licence gate for everything shipped (production dependencies): no copyleft licence such as
 * HyperFormula's GPL-3.0 may reach the add-in or the CLI. Runs offline over node_modules.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..', '..');

function productionPackages(): string[] {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: root,
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.includes('node_modules'));
}

function licenceOf(dir: string): string {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    license?: string | { type?: string };
    licenses?: { type?: string }[];
  };
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  return (pkg.licenses ?? []).map((l) => l.type ?? '').join(' OR ');
}

const COPYLEFT = /\b(A?GPL|LGPL|SSPL|EUPL|CC-BY-SA)/i;

/**
 * Shipped packages whose package.json declares no licence at all, each reviewed by name. NOT a
 * copyleft finding, but not a licence either: to be confirmed (or replaced) before a release.
 * - buffers 0.1.1 (James Halliday), via exceljs → unzipper: ExcelJS reads .xlsx files with it.
 */
const UNDECLARED = new Set([join('node_modules', 'buffers')]);

/**
 * True when every alternative of an SPDX `OR` expression is copyleft: a dual licence such as
 * jszip's "(MIT OR GPL-3.0-or-later)" (via ExcelJS) lets us take MIT.
 */
function onlyCopyleft(licence: string): boolean {
  return licence
    .replace(/[()]/g, '')
    .split(/\s+OR\s+/i)
    .every((alt) => COPYLEFT.test(alt));
}

describe('shipped dependency licences', () => {
  const pkgs = productionPackages();

  it('finds the production dependency tree', () => {
    expect(pkgs.length).toBeGreaterThan(10);
    expect(pkgs.some((p) => p.endsWith(join('node_modules', 'react')))).toBe(true);
  });

  it('ships no copyleft licence (e.g. no HyperFormula GPL-3.0)', () => {
    const offenders = pkgs
      .map((dir) => ({ dir: dir.slice(dir.lastIndexOf('node_modules')), licence: licenceOf(dir) }))
      .filter((p) => onlyCopyleft(p.licence) || (p.licence === '' && !UNDECLARED.has(p.dir)));
    expect(offenders).toEqual([]);
  });

  it('the gate recognises a GPL licence, and a dual licence with a permissive choice', () => {
    expect(onlyCopyleft('GPL-3.0-only')).toBe(true);
    expect(onlyCopyleft('(MIT OR GPL-3.0-or-later)')).toBe(false);
    expect(onlyCopyleft('(GPL-2.0 OR GPL-3.0)')).toBe(true);
    expect(COPYLEFT.test('GPL-3.0-only')).toBe(true);
    expect(COPYLEFT.test('MIT')).toBe(false);
  });

  it('does not ship the archived office-js-helpers or the unrelated npm "office-js" package', () => {
    const names = pkgs.map((p) => p.slice(p.lastIndexOf('node_modules') + 'node_modules/'.length));
    expect(names).not.toContain('@microsoft/office-js-helpers');
    expect(names).not.toContain('office-js');
  });
});
