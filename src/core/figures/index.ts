/**
 * One set of figures (issue 8): the glossary (one name, definition and sign per figure), one
 * core function per figure, the Excel formula each sheet writes for it, and the identity checks
 * between them. Pure: no DOM, no Office.
 */
export * from './glossary';
export * from './staffing';
export * from './checks';
