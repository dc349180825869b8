/**
 * The number formats of every sheet the pane writes (Excel's invariant format codes), one named
 * constant per use. Plans refer to these names only; `test/host/formats.test.ts` fails when a
 * literal format code appears in a plan outside this module. Several uses may share a code (hours
 * and counts are both `#,##0`): the name says what the cell holds, so that changing how one kind of
 * figure is shown changes it everywhere and nowhere else.
 */
export const NF = {
  /** Text, kept as typed (codes, names, labels in tables): `@`. */
  text: '@',
  /** Excel's default: no fixed decimals (minutes per product, free values). */
  general: 'General',
  /** A whole number without thousands separator: years, periods, ranks, counts of days. */
  integer: '0',
  /** A count or amount in whole units with thousands separator: cases, products, hours, euros. */
  count: '#,##0',
  /** Minutes per product (norm times): as typed, no fixed decimals. */
  minutes: 'General',
  /** Hours per week (contract hours, hours per fte), one decimal. */
  hoursPerWeek: '0.0',
  /** Hours, whole. */
  hours: '#,##0',
  /** Hours with one decimal (hours per product line, capacity in hours). */
  hoursPrecise: '#,##0.0',
  /** Full-time equivalents, one decimal. */
  fte: '#,##0.0',
  /** An amount with two decimals (rates in €/hour, cents). */
  amountCents: '#,##0.00',
  /** An amount with at least one and at most three decimals (action amounts in fte or hours). */
  amountFlexible: '#,##0.0##',
  /** Euros, whole, with the currency sign. */
  euro: '"€" #,##0',
  /** Euros with cents and the currency sign (hourly rates). */
  euroCents: '"€" #,##0.00',
  /** A ratio shown as a percentage with two decimals (direct-hours ratio, model shares). */
  ratio: '0.00%',
  /** A share as a percentage with one decimal. */
  share: '0.0%',
  /** A share with three decimals (small shares of a total). */
  sharePrecise: '0.000%',
  /** A whole percentage (thresholds, turnover). */
  percent: '0%',
  /** A plain number with one decimal (norm minutes, weeks). */
  oneDecimal: '0.0',
  /** A plain number with two decimals (periods, factors). */
  twoDecimals: '0.00',
  /** A date, Dutch order: 31-12-2026. */
  date: 'dd-mm-yyyy',
} as const;

/** The name of one number format. */
export type NumberFormatName = keyof typeof NF;

/** Every format code a plan may use. */
export const NUMBER_FORMATS: readonly string[] = [...new Set(Object.values(NF))];

/** `n` cells of one format, for the format rows of wide tables: `[NF.text, ...times(9, NF.count)]`. */
export function times(n: number, format: string): string[] {
  return Array.from({ length: n }, () => format);
}
