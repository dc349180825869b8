/**
 * Pure validation and normalisation of norm-time tables and volume tables. No Office, no DOM:
 * the task pane reads cells through its gateway and hands them here before writing anything.
 */
export * from './types';
export * from './address';
export * from './normTable';
export * from './volumeTable';
export * from './version';
