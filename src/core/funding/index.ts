/**
 * The funding model and the budget reconciliation (*nacalculatie*): pure, DOM-free and
 * Office-free. See each module for its formulas.
 */
export * from './cells';
export * from './money';
export * from './products';
export * from './model';
export * from './split';
export * from './identities';
export * from './reconcile';
export * from './actions';
export * from './period';
