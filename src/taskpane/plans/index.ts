/**
 * Pure plan builders of the sheets feature: input → `WritePlan`. No Office, no DOM, so that
 * every formula the pane writes is tested in node before any workbook sees it.
 */
export * from './formula';
export * from './parameters';
export * from './normTable';
export * from './calcSheet';
export * from './examples';
export * from './parameterSource';
