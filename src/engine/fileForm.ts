/**
 * Formulas as the .xlsx file format stores them, against the invariant form the pane writes
 * through Office.js (`Range.formulas`):
 *
 * - a JavaScript custom function is stored with the prefix `_xldudf_` and its dots as
 *   underscores: `IND.FTE(` ↔ `_xldudf_IND_FTE(` (Excel writes it so; after some COM add-in
 *   conflicts it writes `[2]!_xldudf_IND_FTE(`, OfficeDev/office-js issues 2568 and 5611). Both
 *   forms, and `_xldudf_IND.FTE(`, are read;
 * - a function added after Excel 2007 carries `_xlfn.` (`_xlfn.QUARTILE.INC`, `_xlfn.STDEV.S`);
 *   without it LibreOffice and older Excel show #NAME?;
 * - structured references are stored table-qualified with `[#This Row]` (see `structured.ts`).
 */
import { tokenize } from './tokens';

/**
 * Functions that Excel stores with `_xlfn.` (added in Excel 2010 or later), from Microsoft's list
 * "Issue: an _xlfn. prefix is displayed in front of a formula". Only the ones a sheet can plausibly
 * contain are needed; a missing one shows as #NAME? in LibreOffice and is caught by the engine test.
 */
export const XLFN_FUNCTIONS: ReadonlySet<string> = new Set([
  'AGGREGATE',
  'BINOM.DIST',
  'CEILING.MATH',
  'CEILING.PRECISE',
  'CONCAT',
  'COVARIANCE.P',
  'COVARIANCE.S',
  'DAYS',
  'FILTER',
  'FLOOR.MATH',
  'FLOOR.PRECISE',
  'FORECAST.LINEAR',
  'IFNA',
  'IFS',
  'ISOWEEKNUM',
  'LET',
  'MAXIFS',
  'MINIFS',
  'MODE.MULT',
  'MODE.SNGL',
  'NORM.DIST',
  'NORM.INV',
  'NORM.S.DIST',
  'NORM.S.INV',
  'NUMBERVALUE',
  'PERCENTILE.EXC',
  'PERCENTILE.INC',
  'PERCENTRANK.EXC',
  'PERCENTRANK.INC',
  'QUARTILE.EXC',
  'QUARTILE.INC',
  'RANK.AVG',
  'RANK.EQ',
  'SEQUENCE',
  'SORT',
  'STDEV.P',
  'STDEV.S',
  'SWITCH',
  'TEXTJOIN',
  'UNIQUE',
  'VAR.P',
  'VAR.S',
  'XLOOKUP',
  'XMATCH',
]);

/** `IND.FTE` → `_xldudf_IND_FTE`. */
export function udfFileName(name: string): string {
  return `_xldudf_${name.replace(/\./g, '_')}`;
}

/** `_xldudf_IND_FTE`, `[2]!_xldudf_IND_FTE`, `_xldudf_IND.FTE` → `IND.FTE`; other names unchanged. */
export function udfInvariantName(fileName: string): string {
  const m = /^(?:\[\d+\]!)?_xldudf_([A-Za-z]+)[._](.+)$/i.exec(fileName);
  return m ? `${m[1]}.${m[2].replace(/_/g, '.')}` : fileName;
}

/** True when the name is an IND custom function in any of its forms. */
export function isIndFunction(name: string): boolean {
  return /^IND\./i.test(udfInvariantName(name));
}

/**
 * The formula as the file stores it: IND.* as `_xldudf_`, newer functions with `_xlfn.`. Structured
 * references are rewritten separately (they need the workbook).
 */
export function toFileFormula(formula: string): string {
  const tokens = tokenize(formula);
  for (const t of tokens) {
    if (t.kind !== 'func') continue;
    const name = t.text.trim();
    const upper = name.toUpperCase();
    if (/^IND\./.test(upper)) t.text = t.text.replace(name, udfFileName(upper));
    else if (XLFN_FUNCTIONS.has(upper)) t.text = t.text.replace(name, `_xlfn.${name}`);
  }
  return `=${tokens.map((t) => t.text).join('')}`;
}

/** The invariant formula of a file formula: `_xldudf_` and `_xlfn.`/`_xlws.` prefixes undone. */
export function fromFileFormula(formula: string): string {
  if (!/_xl(dudf|fn|ws)/i.test(formula)) return formula;
  const tokens = tokenize(formula.startsWith('=') ? formula : `=${formula}`);
  for (const t of tokens) {
    if (t.kind !== 'func' && t.kind !== 'ref') continue;
    const name = t.text.trim();
    let next = name;
    if (/_xldudf_/i.test(name)) next = udfInvariantName(name).toUpperCase();
    else next = name.replace(/^_xlfn\./i, '').replace(/^_xlws\./i, '');
    if (next !== name) t.text = t.text.replace(name, next);
  }
  return `=${tokens.map((t) => t.text).join('')}`;
}
