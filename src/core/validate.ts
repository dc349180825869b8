/**
 * The input vocabulary under its historical module name: the coercions and checks live in
 * `src/core/input` (one blank test, one typed-number reader, one cell coercion, one set of
 * checks); this module is the same code, re-exported, so that `import … from './validate'` in
 * the core keeps working.
 */
export * from './input';
