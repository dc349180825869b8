/**
 * The bench runner and the bundle-size bench: module discovery, isolation of a failing module, and
 * the split of `dist/` into the task-pane and custom-functions bundles. Timings are never
 * asserted; counts and sizes are.
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { classifyDist, measure, run as runBundles } from '../../bench/bundles.bench';
import { findBenchModules, runAll } from '../../bench/run';

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ind-bench-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('bench runner', () => {
  it('finds *.bench.js modules, sorted, with optional name filters', () => {
    const dir = tempDir({
      'b.bench.js': '',
      'a.bench.js': '',
      'run.js': '',
      'c.bench.js.map': '',
      'x.bench.ts': '',
    });
    expect(findBenchModules(dir)).toEqual(['a.bench.js', 'b.bench.js']);
    expect(findBenchModules(dir, ['b'])).toEqual(['b.bench.js']);
  });

  it('runs each module under a header and keeps going after a failing one', async () => {
    const dir = tempDir({
      'a.bench.js': 'exports.run = async (log) => { log("figure a: 42"); };',
      'b.bench.js': 'exports.run = async () => { throw new Error("boom"); };',
      'c.bench.js': 'exports.notRun = 1;',
      'd.bench.js': 'exports.run = async (log) => { log("figure d: 7"); };',
    });
    const lines: string[] = [];
    const failed = await runAll(dir, [], (l) => lines.push(l));
    expect(failed).toBe(2);
    expect(lines.filter((l) => l.startsWith('=== '))).toEqual([
      '=== a ===',
      '=== b ===',
      '=== c ===',
      '=== d ===',
    ]);
    expect(lines).toContain('figure a: 42');
    expect(lines).toContain('figure d: 7');
    expect(lines.some((l) => l.startsWith('FAILED: Error: boom'))).toBe(true);
    expect(lines.some((l) => l.includes('c.bench.js does not export run(log)'))).toBe(true);
  });
});

describe('bundle sizes', () => {
  it('splits dist/ into the custom-functions bundle and everything the task pane loads', () => {
    const dir = tempDir({
      'functions.js': 'f',
      'taskpane.js': 't',
      '123.js': 'chunk',
      'taskpane.js.map': '{}',
      'taskpane.js.LICENSE.txt': 'MIT',
      'functions.json': '{}',
    });
    expect(classifyDist(dir)).toEqual({ functions: ['functions.js'], taskpane: ['123.js', 'taskpane.js'] });
  });

  it('measures raw and gzip sizes', () => {
    const text = 'IND.FTE '.repeat(1000);
    const dir = tempDir({ 'functions.js': text });
    const s = measure(join(dir, 'functions.js'));
    expect(s.raw).toBe(text.length);
    expect(s.gzip).toBe(gzipSync(Buffer.from(text), { level: 9 }).length);
    expect(s.gzip).toBeLessThan(s.raw);
  });

  it('prints one line per bundle and per file', async () => {
    const dir = tempDir({
      'functions.js': 'a'.repeat(5000),
      'taskpane.js': 'b'.repeat(3000),
      'functions.json': '{}',
    });
    const lines: string[] = [];
    await runBundles((l) => lines.push(l), dir);
    expect(lines.filter((l) => /gzipped \(.* minified\), 1 file\(s\)$/.test(l))).toHaveLength(2);
    expect(lines.some((l) => l.startsWith('  functions.js: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('functions.json: '))).toBe(true);
  });

  it('says so when there is no build output', async () => {
    const lines: string[] = [];
    await runBundles((l) => lines.push(l), join(tmpdir(), 'ind-no-such-dist'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^No build output at .*: run `npm run build` first/);
  });
});
