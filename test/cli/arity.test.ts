/**
 * The arity of the IND.* functions comes from the function metadata (`src/cli/arity.ts`). The
 * committed metadata (`test/expected/functions.json`, which test/metadata proves equal to what
 * the build generates) and the adapters' declared parameters, the fallback when `dist/` is not
 * built, must give the same numbers for every function.
 */
import * as path from 'path';
import { arityFromMetadata, customFunctionArity, loadFunctionMetadata } from '../../src/cli/arity';
import { registry } from '../../src/functions/registry';

const metadata = loadFunctionMetadata(path.join(__dirname, '..', 'expected', 'functions.json'));

test('the committed metadata can be read and covers every function of the registry', () => {
  expect(metadata).not.toBeNull();
  for (const name of Object.keys(registry)) expect(metadata?.get(name.replace(/^IND\./, ''))).toBeDefined();
});

test.each(Object.keys(registry))('%s: the metadata and the declared parameters agree', (name) => {
  const fromMeta = arityFromMetadata(metadata!.get(name.replace(/^IND\./, ''))!);
  expect(registry[name].length).toBe(fromMeta.max);
  expect(customFunctionArity(name, registry[name]).max).toBe(fromMeta.max);
});

test('a repeating last parameter allows any number; optional ones lower the minimum', () => {
  expect(arityFromMetadata({ id: 'X', parameters: [{}, { optional: true }] })).toEqual({ min: 1, max: 2 });
  expect(arityFromMetadata({ id: 'X', parameters: [{}, { repeating: true }] })).toEqual({
    min: 1,
    max: Infinity,
  });
});
