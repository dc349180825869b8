/**
 * The scenario and funding-path simulator (pure core). See `simulate.ts` for the model.
 */
export * from './units';
export * from './validate';
export * from './parse';
export * from './labels';
export * from './templates';
export * from './simulate';
export * from './allowance';
export * from './settings';
