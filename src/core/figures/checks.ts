/**
 * Identity checks as the sheets write them. A check cell holds "OK" when the identity holds
 * within its tolerance, and otherwise the difference itself, as a NUMBER. Its number format
 * shows numbers in red and text in the cell's own (green) check style, so a broken identity
 * turns the cell red and shows by how much, where it breaks.
 */

/** The number format of a check cell: any number (a break) in red, the text "OK" as styled. */
export const CHECK_FORMAT = '[Red]#,##0.00;[Red]-#,##0.00;[Red]0.00;@';

/** The same for identities in ratio points (fractions), with enough decimals to show a break. */
export const CHECK_FORMAT_POINTS = '[Red]0.000000;[Red]-0.000000;[Red]0.000000;@';

/** Tolerance of identities in euros: half a cent. */
export const EURO_TOLERANCE = 0.005;
/** Tolerance of identities in fte and hours. */
export const FTE_TOLERANCE = 1e-6;
/** Tolerance of identities in ratio points. */
export const POINTS_TOLERANCE = 1e-9;

/**
 * The formula text (without "=") of a check: "OK" when |difference| < tolerance, else the
 * difference. `difference` is an Excel expression, e.g. "B40-B41*B42".
 */
export function checkFormula(difference: string, tolerance: number = EURO_TOLERANCE): string {
  // Excel writes exponents with a capital E (1E-09); JavaScript's "1e-9" is normalised to it.
  const tol = String(tolerance).toUpperCase();
  return `IF(ABS(${difference})<${tol},"OK",${difference})`;
}
