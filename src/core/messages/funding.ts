import type { ErrorDetails, MessageDef } from './types';

/**
 * Error messages of the funding model and the budget reconciliation (*nacalculatie*), nl/en,
 * for the mistakes that are particular to funding tables (a missing column, a duplicate product
 * code, a floor above the cap, …). Numbers in cells and fields use the one input vocabulary's
 * families (`notANumber`, `blankValue`, `negativeValue`, `ratioAsPercent`, … in `functions.ts`).
 * Every message names the argument (column), the row, what was expected, what was received,
 * and the fix. Codes are prefixed `funding` so that they stay unique across areas.
 */

/** " (rij 3)" / " (row 3)" when a row is known. */
function rowNl(d: ErrorDetails): string {
  return d.row === undefined ? '' : ` (rij ${d.row})`;
}
function rowEn(d: ErrorDetails): string {
  return d.row === undefined ? '' : ` (row ${d.row})`;
}
function received(d: ErrorDetails): string {
  return d.received === undefined ? '' : String(d.received);
}
/**
 * A number in a detail (a string like "74.73" or a number), in the message's language:
 * "74,73" / "400.000.000" in Dutch, "74.73" / "400,000,000" in English. Raw cell text that is
 * not a plain number is returned unchanged, so "1.250" typed as text is quoted as typed.
 */
function num(lang: 'nl' | 'en', v: string | number | undefined): string {
  if (v === undefined) return '?';
  const x = typeof v === 'number' ? v : /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v) ? Number(v) : NaN;
  if (Number.isNaN(x)) return String(v);
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumSignificantDigits: 15 }).format(x);
}

export const fundingMessages = {
  fundingFloorAboveCap: {
    excel: 'invalidValue',
    nl: (d) =>
      `Ondergrens (${num('nl', d.floor)}) ligt boven het plafond (${num('nl', d.cap)}): verwacht ondergrens ≤ plafond. Verlaag de ondergrens of verhoog het plafond (laat het plafond leeg voor geen plafond).`,
    en: (d) =>
      `Floor (${num('en', d.floor)}) is above the cap (${num('en', d.cap)}): expected floor ≤ cap. Lower the floor or raise the cap (leave the cap blank for no cap).`,
  },
  fundingEmptyTable: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Tabel'} bevat geen gegevensrijen: verwacht een kopregel en ten minste één product. Selecteer de hele tabel inclusief kopregel.`,
    en: (d) =>
      `${d.argument ?? 'Table'} has no data rows: expected a header row and at least one product. Select the whole table including its header row.`,
  },
  fundingMissingColumn: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Tabel'}: kolom "${d.expected ?? '?'}" ontbreekt. Gevonden kolommen: ${received(d) || '(geen)'}. Geef de kolom deze kopnaam (Nederlands of Engels mag).`,
    en: (d) =>
      `${d.argument ?? 'Table'}: column "${d.expected ?? '?'}" is missing. Columns found: ${received(d) || '(none)'}. Give the column this header (Dutch or English).`,
  },
  fundingDuplicateCode: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Productcode'}${rowNl(d)}: code "${received(d)}" komt twee keer voor (ook in rij ${d.firstRow ?? '?'}). Elke productcode mag één keer voorkomen; tel de rijen op of geef een eigen code.`,
    en: (d) =>
      `${d.argument ?? 'Product code'}${rowEn(d)}: code "${received(d)}" occurs twice (also in row ${d.firstRow ?? '?'}). Each product code may occur once; add the rows together or give a distinct code.`,
  },
  fundingBlankCode: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Productcode'}${rowNl(d)} is leeg: verwacht een productcode. Vul de code in of verwijder de lege rij.`,
    en: (d) =>
      `${d.argument ?? 'Product code'}${rowEn(d)} is blank: expected a product code. Fill in the code or delete the empty row.`,
  },
  fundingCodeMismatch: {
    excel: 'invalidValue',
    nl: (d) =>
      `Begroting en realisatie hebben verschillende productcodes. Alleen in de begroting: ${d.onlyBudget || '(geen)'}; alleen in de realisatie: ${d.onlyActual || '(geen)'}. Voeg de ontbrekende producten toe (met volume 0) of corrigeer de codes, zodat beide tabellen dezelfde codes hebben.`,
    en: (d) =>
      `Budget and realisation have different product codes. Only in the budget: ${d.onlyBudget || '(none)'}; only in the realisation: ${d.onlyActual || '(none)'}. Add the missing products (with volume 0) or correct the codes so that both tables have the same codes.`,
  },
  fundingMissingNorm: {
    excel: 'invalidValue',
    nl: (d) =>
      `Normminuten${rowNl(d)} voor product "${d.product ?? '?'}": verwacht een normtijd > 0, ontvangen ${received(d) || 'leeg'}. Zonder normtijd is de efficiëntie (uren − normuren) niet te berekenen; vul de normtijd uit het kostprijsmodel in.`,
    en: (d) =>
      `Norm minutes${rowEn(d)} for product "${d.product ?? '?'}": expected a norm time > 0, received ${received(d) || 'blank'}. Without a norm time the efficiency (hours − norm hours) cannot be computed; fill in the norm time from the cost-price model.`,
  },
  fundingBadThreshold: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument ?? 'Materialiteitsdrempel'}: verwacht een getal ≥ 0 of een lege cel, ontvangen ${received(d)}. Laat de drempel leeg om hem niet te gebruiken.`,
    en: (d) =>
      `${d.argument ?? 'Materiality threshold'}: expected a number ≥ 0 or a blank cell, received ${received(d)}. Leave the threshold blank to not use it.`,
  },
  fundingBadPeriod: {
    excel: 'invalidValue',
    nl: (d) =>
      `Periode: verwacht een jaar met een tertaal of maand (jjjj-T1 tot en met jjjj-T3, of jjjj-01 tot en met jjjj-12, bijv. 2026-T1 of 2026-03), ontvangen "${received(d)}". Kies de periode uit de lijst.`,
    en: (d) =>
      `Period: expected a year with a four-month period or month (yyyy-T1 to yyyy-T3, or yyyy-01 to yyyy-12, e.g. 2026-T1 or 2026-03), received "${received(d)}". Pick the period from the list.`,
  },
  fundingActionTableHeaders: {
    excel: 'invalidValue',
    nl: (d) =>
      `Actietabel "${d.argument ?? '?'}": kolom "${d.expected ?? '?'}" ontbreekt (gevonden: ${received(d) || '(geen)'}). De tabel is niet aangepast; herstel de kopnaam om open acties mee te nemen.`,
    en: (d) =>
      `Action table "${d.argument ?? '?'}": column "${d.expected ?? '?'}" is missing (found: ${received(d) || '(none)'}). The table was not changed; restore the header to carry over open actions.`,
  },
} satisfies Record<string, MessageDef>;
