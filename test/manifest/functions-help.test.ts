/**
 * The help page the task pane links to is generated from the same metadata Excel shows.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { functionNames } from '../../src/functions/registry';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const functionsHelp = require('../../scripts/functions-help.js') as (en: unknown, nl: unknown) => string;

const expected = join(__dirname, '..', 'expected');
const en = JSON.parse(readFileSync(join(expected, 'functions.json'), 'utf8')) as {
  functions: { id: string; description: string }[];
};
const nl = JSON.parse(readFileSync(join(expected, 'functions.nl.json'), 'utf8')) as {
  functions: { id: string; description: string }[];
};

describe('functions.html (help page)', () => {
  const html = functionsHelp(en, nl);

  it('has a section with signature for every function', () => {
    expect(en.functions.length).toBe(functionNames.length);
    for (const f of en.functions) {
      expect(html).toContain(`<section id="${f.id}">`);
      expect(html).toContain(`IND.${f.id}(`);
    }
  });

  it('shows the Dutch description first and the English one beside it', () => {
    const workloadNl = nl.functions.find((f) => f.id === 'WORKLOAD')!.description;
    const workloadEn = en.functions.find((f) => f.id === 'WORKLOAD')!.description;
    const section = html.slice(html.indexOf('<section id="WORKLOAD">'));
    const escape = (s: string) =>
      s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    expect(section.indexOf(escape(workloadNl))).toBeGreaterThan(0);
    expect(section.indexOf(escape(workloadEn))).toBeGreaterThan(section.indexOf(escape(workloadNl)));
  });

  it('carries no script and a CSP that forbids it', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
  });

  it('refuses metadata where the Dutch copy lacks a function', () => {
    const partial = { functions: nl.functions.filter((f) => f.id !== 'FTE') };
    expect(() => functionsHelp(en, partial)).toThrow(/FTE/);
  });
});
