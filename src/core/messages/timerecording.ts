import type { ErrorDetails, MessageDef } from './types';

/** Shows a received value in quotes, or says it was blank. */
function shown(v: string | number | undefined, lang: 'nl' | 'en'): string {
  if (v === undefined || v === '') return lang === 'nl' ? 'een lege cel' : 'a blank';
  return `"${String(v)}"`;
}

/** "rij 12" / "row 12", or nothing when the row is unknown. */
function at(d: ErrorDetails, lang: 'nl' | 'en'): string {
  if (d.row === undefined) return '';
  return lang === 'nl' ? `Rij ${d.row}: ` : `Row ${d.row}: `;
}

/**
 * Error messages of the time-recording analysis (*tijdschrijven*), nl/en.
 *
 * Two families: file-level errors (`tr...` without `Row`) stop an import before anything is
 * written; row-level problems (`trRow...`) are collected per row, counted and shown in the
 * reconciliation of totals, never dropped silently.
 */
export const timeRecordingMessages = {
  trEmptyFile: {
    excel: 'invalidValue',
    nl: (d) =>
      `Het bestand${d.argument ? ` ${d.argument}` : ''} bevat ${d.received ?? 'geen regels'}. Verwacht: een kopregel met kolomnamen en minstens één regel met uren. Kies de volledige export (niet alleen de kopregel).`,
    en: (d) =>
      `The file${d.argument ? ` ${d.argument}` : ''} contains ${d.received ?? 'no lines'}. Expected: a header line with column names and at least one line with hours. Pick the full export (not only the header).`,
  },
  trDelimiterMismatch: {
    excel: 'invalidValue',
    nl: (d) =>
      `De kopregel valt met scheidingsteken ${d.delimiter} uiteen in ${d.received} kolom(men), terwijl de koppeling de kolommen ${d.expected} verwacht. Het bestand lijkt ${d.suggestion} als scheidingsteken te gebruiken. Kies dat scheidingsteken (Nederlandse exports gebruiken vaak ;).`,
    en: (d) =>
      `With delimiter ${d.delimiter} the header splits into ${d.received} column(s), while the mapping expects the columns ${d.expected}. The file appears to use ${d.suggestion} as delimiter. Choose that delimiter (Dutch exports often use ;).`,
  },
  trMissingColumn: {
    excel: 'invalidValue',
    nl: (d) =>
      `De kolom voor "${d.argument}" (verwacht: ${shown(d.expected, 'nl')}) staat niet in de kopregel. Gevonden kolommen: ${d.received}. Koppel "${d.argument}" aan een van deze kolommen of exporteer opnieuw mét die kolom.`,
    en: (d) =>
      `The column for "${d.argument}" (expected: ${shown(d.expected, 'en')}) is not in the header. Columns found: ${d.received}. Map "${d.argument}" to one of these columns or export again with that column.`,
  },
  trColumnNotMapped: {
    excel: 'invalidValue',
    nl: (d) => `Er is nog geen kolom gekozen voor "${d.argument}" (verplicht). Kies een van: ${d.received}.`,
    en: (d) => `No column has been chosen for "${d.argument}" yet (required). Choose one of: ${d.received}.`,
  },
  trNoSource: {
    excel: 'notAvailable',
    nl: () =>
      `Er is nog geen bron gekozen, of nog niets ingelezen. Kies eerst een exportbestand of een tabel en klik op Inlezen.`,
    en: () =>
      `No source has been chosen, or nothing has been imported yet. First choose an export file or a table and click Import.`,
  },
  trUnknownCategory: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.count} activiteitscategorie(ën) zijn nog niet ingedeeld: ${d.received}. Het model raadt niet: geef per categorie aan of het direct, indirect (opleiden, opgeleid worden, begeleiden, coördinatie, overleg, projecten, neventaken) of afwezigheid (verlof, bijzonder verlof, verzuim) is.`,
    en: (d) =>
      `${d.count} activity categor(y/ies) are not mapped yet: ${d.received}. The model does not guess: say for each whether it is direct, indirect (training, being trained, coaching, coordination, meetings, projects, side tasks) or absence (leave, special leave, sickness).`,
  },
  trNoValidRows: {
    excel: 'invalidValue',
    nl: (d) =>
      `Geen enkele regel van de ${d.received} regels kon worden gelezen (zie de lijst met afgekeurde regels; eerste reden: ${d.reason}). Er is niets weggeschreven. Controleer de kolomkoppeling en het scheidingsteken.`,
    en: (d) =>
      `None of the ${d.received} lines could be read (see the list of rejected lines; first reason: ${d.reason}). Nothing was written. Check the column mapping and the delimiter.`,
  },
  trCancelled: {
    excel: 'notAvailable',
    nl: (d) => `Import afgebroken na ${d.received} bytes. Er is niets weggeschreven.`,
    en: (d) => `Import cancelled after ${d.received} bytes. Nothing was written.`,
  },
  trXlsxInvalid: {
    excel: 'invalidValue',
    nl: (d) =>
      `Het bestand is geen leesbare Excel-werkmap (.xlsx): ${d.received}. Verwacht: een .xlsx met de export op het eerste werkblad. Sla het bestand opnieuw op als .xlsx of als CSV.`,
    en: (d) =>
      `The file is not a readable Excel workbook (.xlsx): ${d.received}. Expected: an .xlsx with the export on the first sheet. Save the file again as .xlsx or as CSV.`,
  },
  trBasisMismatch: {
    excel: 'invalidValue',
    nl: (d) =>
      `Vergelijking geweigerd: ${d.argument} heeft basis "${d.received}", de andere ratio basis "${d.expected}". Bruto (direct / alle betaalde uren) en netto (direct / uren zonder verlof en verzuim) zijn verschillende grootheden. Reken één van beide om naar dezelfde basis.`,
    en: (d) =>
      `Comparison refused: ${d.argument} has basis "${d.received}", the other ratio basis "${d.expected}". Gross (direct / all paid hours) and net (direct / hours without leave and sickness) are different quantities. Convert one of them to the same basis.`,
  },
  trRowColumnCount: {
    excel: 'invalidValue',
    nl: (d) =>
      `${at(d, 'nl')}${d.received} veld(en) gevonden, verwacht ${d.expected} (zoals de kopregel). Mogelijk een scheidingsteken of aanhalingsteken in een veld; corrigeer de regel in de bron.`,
    en: (d) =>
      `${at(d, 'en')}${d.received} field(s) found, expected ${d.expected} (as in the header). Possibly a delimiter or quote inside a field; correct the line at the source.`,
  },
  trRowHoursNotNumber: {
    excel: 'invalidValue',
    nl: (d) =>
      `${at(d, 'nl')}uren (kolom "${d.argument}") is ${shown(d.received, 'nl')}. Verwacht: een getal zoals 7,5 of 7.5. Vul het aantal uren in.`,
    en: (d) =>
      `${at(d, 'en')}hours (column "${d.argument}") is ${shown(d.received, 'en')}. Expected: a number such as 7,5 or 7.5. Fill in the hours.`,
  },
  trRowHoursNegative: {
    excel: 'invalidValue',
    nl: (d) =>
      `${at(d, 'nl')}uren (kolom "${d.argument}") is negatief: ${shown(d.received, 'nl')}. Verwacht: 0 of meer. Een correctieboeking hoort verrekend in de bron, niet als negatieve regel.`,
    en: (d) =>
      `${at(d, 'en')}hours (column "${d.argument}") is negative: ${shown(d.received, 'en')}. Expected: 0 or more. A correction belongs netted at the source, not as a negative line.`,
  },
  trRowHoursAbsurd: {
    excel: 'invalidValue',
    nl: (d) =>
      `${at(d, 'nl')}uren (kolom "${d.argument}") is ${shown(d.received, 'nl')}: meer dan ${d.expected} uur op één regel (één dag) kan niet. Waarschijnlijk minuten of een totaal; corrigeer de regel in de bron.`,
    en: (d) =>
      `${at(d, 'en')}hours (column "${d.argument}") is ${shown(d.received, 'en')}: more than ${d.expected} hours on one line (one day) is impossible. Probably minutes or a total; correct the line at the source.`,
  },
  trRowDateInvalid: {
    excel: 'invalidValue',
    nl: (d) =>
      `${at(d, 'nl')}datum (kolom "${d.argument}") is ${shown(d.received, 'nl')}. Verwacht: dd-mm-jjjj (bijv. 04-01-2021), jjjj-mm-dd of een Excel-datum. Corrigeer de datum.`,
    en: (d) =>
      `${at(d, 'en')}date (column "${d.argument}") is ${shown(d.received, 'en')}. Expected: dd-mm-yyyy (e.g. 04-01-2021), yyyy-mm-dd or an Excel date. Correct the date.`,
  },
  trRowFieldBlank: {
    excel: 'invalidValue',
    nl: (d) =>
      `${at(d, 'nl')}kolom "${d.argument}" is leeg. Verwacht: een waarde. Vul de regel aan in de bron.`,
    en: (d) =>
      `${at(d, 'en')}column "${d.argument}" is blank. Expected: a value. Complete the line at the source.`,
  },
  trRowCasesInvalid: {
    excel: 'invalidValue',
    nl: (d) =>
      `${at(d, 'nl')}aantal zaken (kolom "${d.argument}") is ${shown(d.received, 'nl')}. Verwacht: een heel getal van 0 of meer, of leeg. Corrigeer het aantal.`,
    en: (d) =>
      `${at(d, 'en')}number of cases (column "${d.argument}") is ${shown(d.received, 'en')}. Expected: a whole number of 0 or more, or blank. Correct the number.`,
  },
} satisfies Record<string, MessageDef>;
