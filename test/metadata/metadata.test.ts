/**
 * Contract test of the Excel-facing declaration: regenerate functions.json from the adapters'
 * JSDoc (custom-functions-metadata, as the webpack plugin does), compare it with the committed
 * test/expected/functions.json, localize it and compare with test/expected/functions.nl.json.
 * A renamed, retyped or re-ordered Excel function fails here loudly.
 *
 * To accept an intended change: UPDATE_EXPECTED=1 npx jest test/metadata
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { functionNames, functions, registry } from '../../src/functions/registry';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const localizeMetadata = require('../../scripts/localize-metadata.js') as (
  en: unknown,
  nl: unknown,
) => Metadata;

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: unknown;
}
interface Metadata {
  functions: Fn[];
}

const root = path.join(__dirname, '..', '..');
const fnDir = path.join(root, 'src', 'functions');
const expectedDir = path.join(root, 'test', 'expected');
const nlCatalogue = JSON.parse(fs.readFileSync(path.join(fnDir, 'metadata.nl.json'), 'utf8')) as Record<
  string,
  { description: string; parameters: Record<string, string> }
>;

let en: Metadata;
let nl: Metadata;

beforeAll(async () => {
  // Same input as webpack.config.js: every *.fn.ts, sorted.
  const files = fs
    .readdirSync(fnDir)
    .filter((f) => f.endsWith('.fn.ts'))
    .sort()
    .map((f) => path.join(fnDir, f));
  const result = await generateCustomFunctionsMetadata(files, false);
  expect(result.errors).toEqual([]);
  en = JSON.parse(result.metadataJson) as Metadata;
  nl = localizeMetadata(en, nlCatalogue);
  if (process.env.UPDATE_EXPECTED === '1') {
    fs.writeFileSync(path.join(expectedDir, 'functions.json'), JSON.stringify(en, null, 2) + '\n');
    fs.writeFileSync(path.join(expectedDir, 'functions.nl.json'), JSON.stringify(nl, null, 2) + '\n');
  }
}, 60_000);

test('functions.json equals the committed contract', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(expectedDir, 'functions.json'), 'utf8')) as Metadata;
  expect(en).toEqual(expected);
});

test('functions.nl.json equals the committed Dutch contract', () => {
  const expected = JSON.parse(
    fs.readFileSync(path.join(expectedDir, 'functions.nl.json'), 'utf8'),
  ) as Metadata;
  expect(nl).toEqual(expected);
});

test('the declared functions are exactly the registry, in its order of names', () => {
  // The registry (src/functions/registry.ts) is the one list: no second copy of the names here.
  const ids = en.functions.map((f) => f.id).sort();
  expect(functionNames.length).toBeGreaterThan(0);
  expect(new Set(functionNames).size).toBe(functionNames.length);
  expect(functionNames.map((k) => k.replace(/^IND\./, '')).sort()).toEqual(ids);
  for (const name of functionNames) expect(name).toMatch(/^IND\.[A-Z]+$/);
  for (const f of en.functions) expect(f.name).toBe(f.id);
});

test('each adapter file declares one function, the registry holds that adapter, and its guard names it', () => {
  const files = fs.readdirSync(fnDir).filter((f) => f.endsWith('.fn.ts'));
  expect(files.length).toBe(functionNames.length);
  for (const file of files) {
    const source = fs.readFileSync(path.join(fnDir, file), 'utf8');
    const decl = /@customfunction\s+(\w+)[\s\S]*?\*\/\s*export function (\w+)/.exec(source);
    expect(decl).not.toBeNull();
    const [, id, exported] = decl!;
    const name = `IND.${id}`;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(fnDir, file)) as Record<string, unknown>;
    expect({ file, adapter: registry[name] === mod[exported] }).toEqual({ file, adapter: true });
    // Every function name the adapter passes to guard/finite/columnSpill is its own.
    const named = [...source.matchAll(/'(IND\.[A-Z]+)'/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    expect({ file, names: [...new Set(named)] }).toEqual({ file, names: [name] });
  }
});

test('the README arguments of each function name the declared parameters, optional ones in brackets', () => {
  for (const entry of functions) {
    const declared = en.functions.find((f) => `IND.${f.id}` === entry.name)!;
    const shown = entry.doc.args.split(/,\s*(?![^{]*})/).map((a) => a.trim());
    expect({ fn: entry.name, params: shown.map((a) => /^\[?(\w+)/.exec(a)?.[1]) }).toEqual({
      fn: entry.name,
      params: declared.parameters.map((p) => p.name),
    });
    expect({ fn: entry.name, optional: shown.map((a) => a.startsWith('[')) }).toEqual({
      fn: entry.name,
      optional: declared.parameters.map((p) => p.optional === true),
    });
  }
});

test('parameter counts match the adapters (registry arity)', () => {
  for (const f of en.functions) {
    expect(f.parameters.length).toBe(registry[`IND.${f.id}`].length);
  }
});

test('the Dutch file keeps ids, names, types and parameter counts, with Dutch descriptions that differ', () => {
  expect(nl.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
  nl.functions.forEach((f, i) => {
    const e = en.functions[i];
    expect(f.name).toBe(e.name);
    expect(f.result).toEqual(e.result);
    expect(f.parameters.map((p) => [p.name, p.type, p.dimensionality, p.optional])).toEqual(
      e.parameters.map((p) => [p.name, p.type, p.dimensionality, p.optional]),
    );
    expect(f.description).not.toBe(e.description);
    f.parameters.forEach((p, j) => expect(p.description).not.toBe(e.parameters[j].description));
  });
});

test('every English description and parameter help is filled in', () => {
  for (const f of en.functions) {
    expect((f.description ?? '').length).toBeGreaterThan(20);
    for (const p of f.parameters) expect((p.description ?? '').length).toBeGreaterThan(5);
  }
});

describe('localize-metadata.js', () => {
  const base = {
    functions: [
      {
        id: 'X',
        name: 'X',
        description: 'en',
        parameters: [{ name: 'a', description: 'en a', type: 'number' }],
        result: {},
      },
    ],
  };

  test('replaces descriptions only and leaves the input untouched', () => {
    const out = localizeMetadata(base, { X: { description: 'nl', parameters: { a: 'nl a' } } });
    expect(out).toEqual({
      functions: [
        {
          id: 'X',
          name: 'X',
          description: 'nl',
          parameters: [{ name: 'a', description: 'nl a', type: 'number' }],
          result: {},
        },
      ],
    });
    expect(base.functions[0].description).toBe('en');
  });

  test('throws when a function, a parameter or a description is missing, or a parameter is unknown', () => {
    expect(() => localizeMetadata(base, {})).toThrow('function X is missing');
    expect(() => localizeMetadata(base, { X: { description: 'nl', parameters: {} } })).toThrow(
      'parameter a of X is missing',
    );
    expect(() => localizeMetadata(base, { X: { description: ' ', parameters: { a: 'nl' } } })).toThrow(
      'no Dutch description',
    );
    expect(() =>
      localizeMetadata(base, { X: { description: 'nl', parameters: { a: 'nl', b: 'nl' } } }),
    ).toThrow('parameter b that X does not have');
    expect(() => localizeMetadata({}, {})).toThrow('no "functions" array');
  });
});
