import type { ErrorDetails, Lang, MessageDef } from './types';

/**
 * Error messages of the calculation core and the IND.* functions (nl/en), and THE error families
 * of the one input vocabulary (`src/core/input`): one code per kind of mistake (text that is not
 * a number, a blank, a negative number, a percentage typed as a ratio, a fraction out of range,
 * …), used by every area (functions, pane fields, workbook tables, time recording, funding).
 *
 * Every message names the argument and (for ranges) the row, says what was expected and what was
 * received, and how to fix it. Keys are error codes; keep them unique across areas.
 */

/** Formats a number for a message: Dutch decimal comma, English decimal point, no grouping. */
export function formatMessageNumber(x: number | string | undefined, lang: Lang): string {
  if (x === undefined) return '';
  if (typeof x === 'string') {
    // Details carry numbers as text (ErrorDetails.received is a string); format those too.
    if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(x)) return x;
    x = Number(x);
  }
  // 12 significant digits hide binary noise such as 0.7470000000000001.
  const s = Number.isFinite(x) ? String(Number(x.toPrecision(12))) : String(x);
  return lang === 'nl' ? s.replace('.', ',') : s;
}

/** " (rij 3)" / " (row 3)", or with a column when the range is wider than one column. */
function where(d: ErrorDetails, lang: Lang): string {
  if (d.row === undefined) return '';
  const r = lang === 'nl' ? 'rij' : 'row';
  const c = lang === 'nl' ? 'kolom' : 'column';
  return d.column !== undefined && d.column > 1 ? `, ${r} ${d.row}, ${c} ${d.column}` : `, ${r} ${d.row}`;
}

const n = (x: number | string | undefined): string => formatMessageNumber(x, 'nl');
const e = (x: number | string | undefined): string => formatMessageNumber(x, 'en');

/** Messages of the calculation core and the IND.* functions, keyed by error code. */
export const functionMessages = {
  notANumber: {
    excel: 'invalidValue',
    nl: (d) =>
      d.source === 'typed'
        ? `${d.argument}${where(d, 'nl')}: "${d.received}" is geen getal${d.notation === 'en' ? ' in de Engelse notatie' : ''}. ` +
          (d.suggestion !== undefined ? `Bedoelt u ${d.suggestion}? ` : '') +
          (d.notation === 'en'
            ? 'Typ het getal zonder eenheid, met een punt als decimaalteken en komma’s voor duizendtallen (1,250.5).'
            : 'Typ het getal zonder eenheid, met een komma als decimaalteken en punten voor duizendtallen (1.250,5).')
        : `${d.argument}${where(d, 'nl')}: verwacht een getal, ontvangen tekst "${d.received}". ` +
          `Typ het als getal (zonder aanhalingstekens) of zet het om met WAARDE(). ` +
          `Tekst wordt niet stilzwijgend omgezet, omdat SOM() tekst overslaat en totalen dan niet meer kloppen.`,
    en: (d) =>
      d.source === 'typed'
        ? `${d.argument}${where(d, 'en')}: "${d.received}" is not a number${d.notation === 'nl' ? ' in Dutch notation' : ''}. ` +
          (d.suggestion !== undefined ? `Did you mean ${d.suggestion}? ` : '') +
          (d.notation === 'nl'
            ? 'Type the number without a unit, with a decimal comma and dots for thousands (1.250,5).'
            : 'Type the number without a unit, with a decimal point and commas for thousands (1,250.5).')
        : `${d.argument}${where(d, 'en')}: expected a number, received text "${d.received}". ` +
          `Type it as a number (without quotes) or convert it with VALUE(). ` +
          `Text is not converted silently, because SUM() skips text and totals would no longer agree.`,
  },
  blankValue: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${where(d, 'nl')}: verwacht ${d.expected ?? 'een getal'}, ${d.source === 'typed' ? 'het veld' : 'de cel'} is leeg. Vul een waarde in (typ 0 als het echt nul is).`,
    en: (d) =>
      `${d.argument}${where(d, 'en')}: expected ${d.expectedEn ?? 'a number'}, the ${d.source === 'typed' ? 'field' : 'cell'} is blank. Enter a value (type 0 if it really is zero).`,
  },
  notFinite: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${where(d, 'nl')}: verwacht een eindig getal, ontvangen ${d.received}. Controleer de formule die deze waarde levert.`,
    en: (d) =>
      `${d.argument}${where(d, 'en')}: expected a finite number, received ${d.received}. Check the formula that produces this value.`,
  },
  notABoolean: {
    excel: 'invalidValue',
    nl: (d) => `${d.argument}: verwacht WAAR of ONWAAR, ontvangen "${d.received}".`,
    en: (d) => `${d.argument}: expected TRUE or FALSE, received "${d.received}".`,
  },
  excelErrorValue: {
    // The adapters return the received Excel error itself (e.g. #DIV/0!); this kind is the fallback.
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${where(d, 'nl')}: de cel bevat de foutwaarde ${d.received}. Los eerst die fout op.`,
    en: (d) =>
      `${d.argument}${where(d, 'en')}: the cell holds the error value ${d.received}. Fix that error first.`,
  },
  notASingleValue: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: verwacht één waarde, ontvangen een bereik van ${d.rows} × ${d.columns} cellen. Verwijs naar één cel.`,
    en: (d) =>
      `${d.argument}: expected one value, received a range of ${d.rows} × ${d.columns} cells. Refer to one cell.`,
  },
  notAColumn: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: verwacht één kolom (of één rij), ontvangen een bereik van ${d.rows} rijen × ${d.columns} kolommen. Selecteer één kolom.`,
    en: (d) =>
      `${d.argument}: expected one column (or one row), received a range of ${d.rows} rows × ${d.columns} columns. Select one column.`,
  },
  emptyRange: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: het bereik bevat geen waarden. Verwijs naar een bereik met minstens één getal.`,
    en: (d) => `${d.argument}: the range holds no values. Refer to a range with at least one number.`,
  },
  shapeMismatch: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument} heeft ${d.rows} rijen × ${d.columns} kolommen, ${d.other} ${d.otherRows} rijen × ${d.otherColumns} kolommen. ` +
      `De bereiken moeten even groot zijn; selecteer dezelfde rijen.`,
    en: (d) =>
      `${d.argument} has ${d.rows} rows × ${d.columns} columns, ${d.other} ${d.otherRows} rows × ${d.otherColumns} columns. ` +
      `The ranges must have the same size; select the same rows.`,
  },
  lengthMismatch: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument} heeft ${d.rows} rijen, ${d.other} ${d.otherRows}. De bereiken moeten even lang zijn; selecteer dezelfde rijen.`,
    en: (d) =>
      `${d.argument} has ${d.rows} rows, ${d.other} ${d.otherRows}. The ranges must have the same length; select the same rows.`,
  },
  negativeValue: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${where(d, 'nl')}: verwacht 0 of meer, ontvangen ${n(d.received)}. Een negatief getal (aantal, uren, bedrag) kan hier niet; controleer het teken.`,
    en: (d) =>
      `${d.argument}${where(d, 'en')}: expected 0 or more, received ${e(d.received)}. A negative number (count, hours, amount) is not possible here; check the sign.`,
  },
  notPositive: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${where(d, 'nl')}: verwacht een getal groter dan 0, ontvangen ${n(d.received)}. Typ een positief getal.`,
    en: (d) =>
      `${d.argument}${where(d, 'en')}: expected a number greater than 0, received ${e(d.received)}. Type a positive number.`,
  },
  ratioAsPercent: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${where(d, 'nl')}: verwacht een fractie tussen 0 en 1, ontvangen ${n(d.received)}. ` +
      `Dit lijkt een percentage: gebruik ${n(d.suggestion)} (${n(d.received)} → ${n(d.suggestion)}), of typ ${n(d.received)}%.`,
    en: (d) =>
      `${d.argument}${where(d, 'en')}: expected a fraction between 0 and 1, received ${e(d.received)}. ` +
      `This looks like a percentage: use ${e(d.suggestion)} (${e(d.received)} → ${e(d.suggestion)}), or type ${e(d.received)}%.`,
  },
  ratioOutOfRange: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${where(d, 'nl')}: verwacht een fractie groter dan 0 en hoogstens 1 (bijv. 0,7473), ontvangen ${n(d.received)}. Typ een fractie.`,
    en: (d) =>
      `${d.argument}${where(d, 'en')}: expected a fraction greater than 0 and at most 1 (e.g. 0.7473), received ${e(d.received)}. Type a fraction.`,
  },
  fractionOutOfRange: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${where(d, 'nl')}: verwacht een fractie van 0 tot en met 1 (bijv. 0,13), ontvangen ${n(d.received)}. Typ een fractie.`,
    en: (d) =>
      `${d.argument}${where(d, 'en')}: expected a fraction from 0 to 1 inclusive (e.g. 0.13), received ${e(d.received)}. Type a fraction.`,
  },
  notAWholeNumber: {
    excel: 'invalidValue',
    nl: (d) => `${d.argument}: verwacht een geheel getal van ${d.min} of meer, ontvangen ${n(d.received)}.`,
    en: (d) => `${d.argument}: expected a whole number of ${d.min} or more, received ${e(d.received)}.`,
  },
  blankNorm: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${where(d, 'nl')}: de normtijd is leeg, maar het volume is ${n(d.volume)}. Vul de normtijd in minuten in, of zet het volume op 0.`,
    en: (d) =>
      `${d.argument}${where(d, 'en')}: the norm time is blank, but the volume is ${e(d.volume)}. Enter the norm time in minutes, or set the volume to 0.`,
  },
  blankPrice: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${where(d, 'nl')}: de prijs is leeg, maar het volume is ${n(d.volume)}. Vul de prijs in, of zet het volume op 0.`,
    en: (d) =>
      `${d.argument}${where(d, 'en')}: the price is blank, but the volume is ${e(d.volume)}. Enter the price, or set the volume to 0.`,
  },
  missingNormCode: {
    excel: 'notAvailable',
    nl: (d) =>
      `${d.argument}${where(d, 'nl')}: productcode "${d.received}" staat niet in ${d.other}. Voeg de normtijd voor "${d.received}" toe aan de normtabel of corrigeer de code.`,
    en: (d) =>
      `${d.argument}${where(d, 'en')}: product code "${d.received}" is not in ${d.other}. Add the norm time for "${d.received}" to the norm table or correct the code.`,
  },
  duplicateNormCode: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: productcode "${d.received}" staat twee keer in de normtabel (rij ${d.firstRow} en rij ${d.row}). Houd één normtijd per product.`,
    en: (d) =>
      `${d.argument}: product code "${d.received}" appears twice in the norm table (row ${d.firstRow} and row ${d.row}). Keep one norm time per product.`,
  },
  blankCode: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${where(d, 'nl')}: de productcode is leeg, maar het volume is ${n(d.volume)}. Vul de productcode in.`,
    en: (d) =>
      `${d.argument}${where(d, 'en')}: the product code is blank, but the volume is ${e(d.volume)}. Enter the product code.`,
  },
  codesWithoutPartner: {
    excel: 'invalidValue',
    nl: (d) => `${d.argument}: geef zowel volumeCodes als normCodes op, of geen van beide.`,
    en: (d) => `${d.argument}: give both volumeCodes and normCodes, or neither.`,
  },
  unknownHourKind: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${where(d, 'nl')}: onbekende soort uren "${d.received}". Gebruik direct, indirect of afwezig.`,
    en: (d) =>
      `${d.argument}${where(d, 'en')}: unknown kind of hours "${d.received}". Use direct, indirect or absence.`,
  },
  unknownBasis: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: onbekende basis "${d.received}". Gebruik "bruto" (direct / alle uren) of "netto" (direct / uren zonder afwezigheid).`,
    en: (d) =>
      `${d.argument}: unknown basis "${d.received}". Use "gross" (direct / all hours) or "net" (direct / hours without absence).`,
  },
  noHours: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: het totaal van de uren ${d.basis === 'net' ? 'zonder afwezigheid ' : ''}is 0, dus er is geen verhouding te berekenen. Controleer het bereik.`,
    en: (d) =>
      `${d.argument}: the total of the hours ${d.basis === 'net' ? 'without absence ' : ''}is 0, so no ratio can be computed. Check the range.`,
  },
  noDirectHours: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: het totaal van de directe uren is 0, dus de effectiviteit is niet te berekenen. Controleer het bereik.`,
    en: (d) =>
      `${d.argument}: the total of the direct hours is 0, so effectiveness cannot be computed. Check the range.`,
  },
  zeroCasesWithHours: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}${where(d, 'nl')}: 0 zaken, maar ${n(d.hours)} geschreven uren. Per zaak is dan niet te rekenen; controleer het aantal zaken of de urenregistratie van deze rij.`,
    en: (d) =>
      `${d.argument}${where(d, 'en')}: 0 cases, but ${e(d.hours)} recorded hours. No per-case time can be computed; check the case count or the time recording of this row.`,
  },
  noCasesNoHours: {
    // Not a mistake but "no data": #N/A in that cell of the spill, the rest still computes.
    excel: 'notAvailable',
    nl: (d) => `${d.argument}${where(d, 'nl')}: geen zaken en geen uren, dus geen afwijking te berekenen.`,
    en: (d) => `${d.argument}${where(d, 'en')}: no cases and no hours, so there is no deviation to compute.`,
  },
  invalidBand: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: de ondergrens van de band (${n(d.low)}) ligt boven de bovengrens (${n(d.high)}). Wissel low en high om.`,
    en: (d) =>
      `${d.argument}: the band's lower bound (${e(d.low)}) is above its upper bound (${e(d.high)}). Swap low and high.`,
  },
  unknownLanguage: {
    excel: 'invalidValue',
    nl: (d) => `${d.argument}: onbekende taal "${d.received}". Gebruik "nl" of "en".`,
    en: (d) => `${d.argument}: unknown language "${d.received}". Use "nl" or "en".`,
  },
  resultNotFinite: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: de uitkomst is geen eindig getal (${d.received}). Controleer of de invoer extreem groot of klein is.`,
    en: (d) =>
      `${d.argument}: the result is not a finite number (${d.received}). Check whether the inputs are extremely large or small.`,
  },
  unexpectedError: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument}: onverwachte fout bij het rekenen: ${d.received}. Meld dit met de formule en de invoer.`,
    en: (d) =>
      `${d.argument}: unexpected error while calculating: ${d.received}. Please report this with the formula and its inputs.`,
  },
} satisfies Record<string, MessageDef>;
