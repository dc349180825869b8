/**
 * Entry of the custom-functions bundle. `registry.ts` imports every adapter, so webpack includes
 * each `*.fn.ts` and the `CustomFunctions.associate` calls the metadata plugin appends to it: a new
 * function needs no line here.
 */
export { registry, functionNames, functions } from './registry';
export { setLanguage, currentLanguage } from './lang';
