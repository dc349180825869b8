/**
 * The four-monthly (*tertaal*) and monthly steering cycle: case stock against legal deadlines,
 * penalties, the KPI plan against realisation, scored forecasts and actions that close the loop.
 * Pure, DOM-free and Office-free. See each module for its formulas.
 */
export * from './calendar';
export * from './rows';
export * from './caseImport';
export * from './ageing';
export * from './penalty';
export * from './forecastError';
export * from './forecasts';
export * from './yearEnd';
export * from './withinTerm';
export * from './kpi';
export * from './actionLoop';
export * from './importCases';
