/**
 * @jest-environment jsdom
 *
 * What the build ships, checked offline: no eval or Function constructor in any bundle, a
 * helpUrl per function that lands on its own section of functions.html, and a production
 * manifest (`npm run build -- --env url=…`) with every localhost URL replaced and the same <Id>.
 * The dist/ checks read the production build that `npm test` makes before Jest runs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { functions } from '../../src/functions/registry';

/* eslint-disable @typescript-eslint/no-require-imports */
const { productionManifest, baseUrl } = require('../../scripts/production-manifest.js') as {
  productionManifest: (xml: string, url: string) => string;
  baseUrl: (url: string) => string;
};
const functionsHelp = require('../../scripts/functions-help.js') as {
  withHelpUrls: (m: unknown, base: string) => { functions: { id: string; helpUrl: string }[] };
};
const webpackConfig = require('../../webpack.config.js') as (
  env: Record<string, unknown>,
  argv: Record<string, unknown>,
) => Promise<{ plugins: { constructor: { name: string }; base?: string }[]; target: unknown }>;
/* eslint-enable @typescript-eslint/no-require-imports */

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');

function needDist(): void {
  if (!existsSync(join(dist, 'taskpane.js')))
    throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Code that evaluates strings: eval, the Function constructor, string timers. */
export function evalSites(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /(?<![\w$.])(?:eval|Function)(?![\w$])/g,
    /\bnew\s+Function\b/g,
    /\bset(?:Timeout|Interval)\(\s*["'`]/g,
  ];
  for (const re of patterns) {
    for (const m of code.matchAll(re)) {
      found.push(code.slice(Math.max(0, m.index - 30), m.index + 40));
    }
  }
  return found;
}

const parse = (xml: string): Document => new DOMParser().parseFromString(xml, 'application/xml');
const idOf = (xml: string): string | null | undefined =>
  parse(xml).getElementsByTagName('Id')[0]?.textContent;

describe('bundles', () => {
  it('the scanner finds what the CSP forbids (it can fail)', () => {
    expect(evalSites('var g;try{g=this||new Function("return this")()}catch(e){}')).toHaveLength(2);
    expect(evalSites('(0,eval)("1")')).toHaveLength(1);
    expect(evalSites('setTimeout("alert(1)", 1)')).toHaveLength(1);
    expect(evalSites('x.evaluate(1); isFunction(f); a.eval2; typeof f === "function"')).toEqual([]);
  });

  it('no shipped bundle contains eval or the Function constructor', () => {
    needDist();
    const bundles = files(dist).filter((f) => f.endsWith('.js'));
    expect(bundles.map((f) => relative(dist, f)).sort()).toEqual(
      expect.arrayContaining(['functions.js', 'taskpane.js']),
    );
    for (const f of bundles) {
      expect({ file: relative(dist, f), sites: evalSites(readFileSync(f, 'utf8')) }).toEqual({
        file: relative(dist, f),
        sites: [],
      });
    }
  });

  it('webpack targets ES2020, so its runtime uses globalThis', async () => {
    const config = await webpackConfig({}, { mode: 'production' });
    expect(config.target).toEqual(['web', 'es2020']);
  });
});

describe('help URLs', () => {
  const expectedDir = join(root, 'test', 'expected');
  const en = JSON.parse(readFileSync(join(expectedDir, 'functions.json'), 'utf8')) as {
    functions: { id: string }[];
  };

  it('every function gets a helpUrl on its section of functions.html', () => {
    const out = functionsHelp.withHelpUrls(en, 'https://addins.example.org/ind');
    expect(out.functions).toHaveLength(en.functions.length);
    for (const f of out.functions)
      expect(f.helpUrl).toBe(`https://addins.example.org/ind/functions.html#${f.id}`);
    expect((en.functions[0] as { helpUrl?: string }).helpUrl).toBeUndefined(); // input untouched
  });

  it('the built functions.json and functions.nl.json carry them, and every anchor exists', () => {
    needDist();
    const html = readFileSync(join(dist, 'functions.html'), 'utf8');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    for (const name of ['functions.json', 'functions.nl.json']) {
      const meta = JSON.parse(readFileSync(join(dist, name), 'utf8')) as {
        functions: { id: string; helpUrl?: string }[];
      };
      expect(meta.functions).toHaveLength(functions.length);
      for (const f of meta.functions) {
        expect(f.helpUrl).toBe(`https://localhost:3000/functions.html#${f.id}`);
        const anchor = new URL(f.helpUrl!).hash.slice(1);
        expect(doc.getElementById(anchor)?.tagName.toLowerCase()).toBe('section');
      }
    }
  });

  it('SupportUrl points at the help page', () => {
    const support = parse(manifest).getElementsByTagName('SupportUrl')[0].getAttribute('DefaultValue');
    expect(support).toBe('https://localhost:3000/functions.html');
  });
});

describe('production manifest', () => {
  const url = 'https://addins.ind.example.nl/rekenmodel/';
  const prod = productionManifest(manifest, url);

  it('replaces every localhost URL and keeps the same <Id>', () => {
    const occurrences = manifest.replace(/<!--[\s\S]*?-->/g, '').split('https://localhost:3000').length - 1;
    expect(occurrences).toBeGreaterThan(10);
    expect(prod).not.toMatch(/localhost/i);
    expect(prod.split('https://addins.ind.example.nl/rekenmodel/').length - 1).toBe(occurrences);
    expect(prod).not.toContain('rekenmodel//');
    expect(idOf(prod)).toBe(idOf(manifest));
    expect(idOf(prod)).toMatch(/^[0-9a-f-]{36}$/);
    const doc = parse(prod);
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.getElementsByTagName('SourceLocation')[0].getAttribute('DefaultValue')).toBe(
      'https://addins.ind.example.nl/rekenmodel/taskpane.html',
    );
  });

  it('changes nothing but the URLs (and the comments)', () => {
    const strip = (x: string) => x.replace(/<!--[\s\S]*?-->\s*/g, '');
    expect(prod).toBe(
      strip(manifest).split('https://localhost:3000').join('https://addins.ind.example.nl/rekenmodel'),
    );
  });

  it('refuses URLs that cannot serve an add-in', () => {
    expect(() => baseUrl('http://addins.example.org')).toThrow(/https/);
    expect(() => baseUrl('https://localhost:8443')).toThrow(/local address/);
    expect(() => baseUrl('https://127.0.0.1')).toThrow(/local address/);
    expect(() => baseUrl('not a url')).toThrow(/not a URL/);
    expect(() => baseUrl('https://x.example.org/?a=1')).toThrow(/query/);
    expect(baseUrl('https://x.example.org')).toBe('https://x.example.org');
    expect(() =>
      productionManifest(
        manifest.replace('https://localhost:3000/functions.js', 'https://localhost:4000/f.js'),
        url,
      ),
    ).toThrow(/localhost/);
  });

  it('`--env url=` reaches the plugin that writes manifest.xml and the help URLs', async () => {
    const config = await webpackConfig({ url }, { mode: 'production' });
    const plugin = config.plugins.find((p) => p.constructor.name === 'DutchMetadataPlugin');
    expect(plugin?.base).toBe('https://addins.ind.example.nl/rekenmodel');
    const dev = await webpackConfig({}, { mode: 'production' });
    expect(dev.plugins.find((p) => p.constructor.name === 'DutchMetadataPlugin')?.base).toBe(
      'https://localhost:3000',
    );
  });

  it('the default build copies the development manifest to dist/', () => {
    needDist();
    expect(readFileSync(join(dist, 'manifest.xml'), 'utf8')).toBe(manifest);
  });
});
