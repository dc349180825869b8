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

/** The roles of the columns (as `resolveColumns` names them, in Dutch) in each language. */
const ROLE: Record<string, { nl: string; en: string }> = {
  medewerker: { nl: 'medewerker', en: 'employee' },
  datum: { nl: 'datum', en: 'date' },
  team: { nl: 'team', en: 'team' },
  categorie: { nl: 'categorie', en: 'category' },
  product: { nl: 'product', en: 'product' },
  uren: { nl: 'uren', en: 'hours' },
  zaken: { nl: 'zaken', en: 'cases' },
};

function role(d: ErrorDetails, lang: 'nl' | 'en'): string {
  const a = String(d.argument ?? '');
  return ROLE[a]?.[lang] ?? a;
}

/** A whole number for a message: 99.980 / 99,980. */
function count(n: string | number | undefined, lang: 'nl' | 'en'): string {
  return Number(n ?? 0).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
}

/** ", en nog 99.980 andere" / ", and 99,980 more", or nothing. */
function more(d: ErrorDetails, lang: 'nl' | 'en'): string {
  const n = Number(d.more ?? 0);
  if (!(n > 0)) return '';
  return lang === 'nl' ? `, en nog ${count(n, 'nl')} andere` : `, and ${count(n, 'en')} more`;
}

/** What an empty file held, per `reason`. */
const EMPTY_REASON: Record<string, { nl: string; en: string }> = {
  noLines: { nl: 'geen regels', en: 'no lines' },
  headerOnly: { nl: 'alleen een kopregel', en: 'only a header line' },
  noText: { nl: 'geen leesbare tekst', en: 'no readable text' },
  noRows: { nl: 'geen rijen op het eerste werkblad', en: 'no rows on its first sheet' },
};

/** Why an .xlsx could not be read, per `reason` (details: part, cell, line, column, received). */
function xlsxReason(d: ErrorDetails, lang: 'nl' | 'en'): string {
  const part = d.part ? String(d.part) : '';
  const nl = lang === 'nl';
  switch (d.reason) {
    case 'notZip':
      return nl
        ? 'het is geen zip-bestand (een .xlsx is een zip van XML-delen)'
        : 'it is not a zip file (an .xlsx is a zip of XML parts)';
    case 'zipStructure':
      return nl
        ? `de zip-structuur is beschadigd (${d.received})`
        : `the zip structure is damaged (${d.received})`;
    case 'partMissing':
      return nl ? `het deel ${part} ontbreekt` : `the part ${part} is missing`;
    case 'compression':
      return nl
        ? `het deel ${part} gebruikt een compressie die niet wordt ondersteund (methode ${d.received})`
        : `the part ${part} uses an unsupported compression (method ${d.received})`;
    case 'encrypted':
      return nl
        ? 'het bestand is versleuteld of met een wachtwoord beveiligd'
        : 'the file is encrypted or password-protected';
    case 'tooLarge':
      return nl
        ? `het deel ${part} is uitgepakt groter dan ${count(d.expected, 'nl')} bytes (${d.received}); dat is geen gewone export maar mogelijk een zip-bom`
        : `the part ${part} unpacks to more than ${count(d.expected, 'en')} bytes (${d.received}); that is no ordinary export but possibly a zip bomb`;
    case 'ratio':
      return nl
        ? `het deel ${part} zou ${count(d.received, 'nl')} keer zo groot uitpakken als het is; dat is geen gewone export maar mogelijk een zip-bom`
        : `the part ${part} would unpack to ${count(d.received, 'en')} times its size; that is no ordinary export but possibly a zip bomb`;
    case 'sizeMismatch':
      return nl
        ? `het deel ${part} pakt uit tot een andere grootte dan de zip opgeeft; het bestand is beschadigd`
        : `the part ${part} unpacks to another size than the zip declares; the file is damaged`;
    case 'crc':
      return nl
        ? `de controlesom (CRC-32) van het deel ${part} klopt niet; het bestand is beschadigd`
        : `the checksum (CRC-32) of the part ${part} does not match; the file is damaged`;
    case 'inflate':
      return nl
        ? `het deel ${part} is niet uit te pakken; het bestand is beschadigd`
        : `the part ${part} cannot be unpacked; the file is damaged`;
    case 'xml':
      return nl
        ? `het XML-deel ${part} is onjuist opgebouwd (regel ${d.line}, kolom ${d.column})`
        : `the XML part ${part} is malformed (line ${d.line}, column ${d.column})`;
    case 'charRef':
      return nl
        ? `het XML-deel ${part} bevat een tekenverwijzing die geen Unicode-teken is (regel ${d.line}, kolom ${d.column})`
        : `the XML part ${part} holds a character reference that is no Unicode character (line ${d.line}, column ${d.column})`;
    case 'cellRef':
      return nl
        ? `cel "${d.received}" in ${part} ligt buiten het Excel-raster (kolommen A tot XFD, rijen 1 tot 1.048.576)`
        : `cell "${d.received}" in ${part} lies outside Excel's grid (columns A to XFD, rows 1 to 1,048,576)`;
    case 'order':
      return nl
        ? `in ${part} staat ${d.received} na ${d.expected}; rijen en cellen horen oplopend te staan`
        : `in ${part}, ${d.received} comes after ${d.expected}; rows and cells must be in ascending order`;
    case 'numberCell':
      return nl
        ? `cel ${d.cell} in ${part} is opgeslagen als getal maar bevat "${d.received}"`
        : `cell ${d.cell} in ${part} is stored as a number but holds "${d.received}"`;
    case 'sharedString':
      return nl
        ? `cel ${d.cell} verwijst naar gedeelde tekst nummer ${d.received}, die niet bestaat`
        : `cell ${d.cell} refers to shared string number ${d.received}, which does not exist`;
    case 'tooManyColumns':
      return nl
        ? `rij ${d.row} van ${part} heeft meer dan ${count(d.expected, 'nl')} kolommen`
        : `row ${d.row} of ${part} has more than ${count(d.expected, 'en')} columns`;
    case 'noSheet':
      return nl ? 'de werkmap heeft geen werkblad' : 'the workbook has no worksheet';
    default:
      return String(d.received ?? '');
  }
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
      `Het bestand${d.argument ? ` ${d.argument}` : ''} bevat ${EMPTY_REASON[String(d.reason)]?.nl ?? 'geen regels'}. Verwacht: een kopregel met kolomnamen en minstens één regel met uren. Kies de volledige export (niet alleen de kopregel).`,
    en: (d) =>
      `The file${d.argument ? ` ${d.argument}` : ''} contains ${EMPTY_REASON[String(d.reason)]?.en ?? 'no lines'}. Expected: a header line with column names and at least one line with hours. Pick the full export (not only the header).`,
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
      `De kolom voor "${role(d, 'nl')}" (verwacht: ${shown(d.expected, 'nl')}) staat niet in de kopregel. Gevonden kolommen: ${d.received}${more(d, 'nl')}. Koppel "${role(d, 'nl')}" aan een van deze kolommen of exporteer opnieuw mét die kolom.`,
    en: (d) =>
      `The column for "${role(d, 'en')}" (expected: ${shown(d.expected, 'en')}) is not in the header. Columns found: ${d.received}${more(d, 'en')}. Map "${role(d, 'en')}" to one of these columns or export again with that column.`,
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
      `Geen enkele regel van de ${d.received} regels kon worden gelezen (zie de lijst met afgekeurde regels; eerste reden: ${d.reasonNl ?? d.reason}). Er is niets weggeschreven. Controleer de kolomkoppeling en het scheidingsteken.`,
    en: (d) =>
      `None of the ${d.received} lines could be read (see the list of rejected lines; first reason: ${d.reasonEn ?? d.reason}). Nothing was written. Check the column mapping and the delimiter.`,
  },
  trCancelled: {
    excel: 'notAvailable',
    nl: (d) => `Import afgebroken na ${d.received} bytes. Er is niets weggeschreven.`,
    en: (d) => `Import cancelled after ${d.received} bytes. Nothing was written.`,
  },
  trXlsxInvalid: {
    excel: 'invalidValue',
    nl: (d) =>
      `Het bestand${d.argument ? ` ${d.argument}` : ''} is geen leesbare Excel-werkmap (.xlsx): ${xlsxReason(d, 'nl')}. Verwacht: een .xlsx met de export op het eerste werkblad. Sla het bestand opnieuw op als .xlsx of als CSV.`,
    en: (d) =>
      `The file${d.argument ? ` ${d.argument}` : ''} is not a readable Excel workbook (.xlsx): ${xlsxReason(d, 'en')}. Expected: an .xlsx with the export on the first sheet. Save the file again as .xlsx or as CSV.`,
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
  // File-level problems of real-world export files (issue 12).
  trCsvUnterminatedQuote: {
    excel: 'invalidValue',
    nl: (d) =>
      `Het bestand${d.argument ? ` ${d.argument}` : ''} heeft op regel ${d.line} een aanhalingsteken (") dat nergens wordt gesloten: de rest van het bestand (${count(d.count, 'nl')} regel(s)) zou in één veld belanden. Er is niets ingelezen. Sluit het aanhalingsteken op regel ${d.line} of verwijder het, en exporteer opnieuw.`,
    en: (d) =>
      `The file${d.argument ? ` ${d.argument}` : ''} has a quote (") on line ${d.line} that is never closed: the rest of the file (${count(d.count, 'en')} line(s)) would end up in one field. Nothing was imported. Close or remove the quote on line ${d.line} and export again.`,
  },
  trCsvEncoding: {
    excel: 'invalidValue',
    nl: (d) =>
      `Het bestand${d.argument ? ` ${d.argument}` : ''} is geen geldige ${d.encoding}-tekst: byte ${count(d.offset, 'nl')} (regel ${d.line}) past niet in ${d.encoding}${Number(d.bom) ? ', terwijl het bestand met een ' + d.encoding + '-kenmerk (BOM) begint' : ', terwijl eerdere tekst wel ' + d.encoding + ' was'}. Er is niets ingelezen, zodat geen tekst verminkt raakt. Sla het bestand opnieuw op als "CSV UTF-8" en controleer regel ${d.line}.`,
    en: (d) =>
      `The file${d.argument ? ` ${d.argument}` : ''} is not valid ${d.encoding} text: byte ${count(d.offset, 'en')} (line ${d.line}) is not ${d.encoding}${Number(d.bom) ? ', while the file starts with a ' + d.encoding + ' byte-order mark (BOM)' : ', while earlier text was ' + d.encoding}. Nothing was imported, so no text is corrupted. Save the file again as "CSV UTF-8" and check line ${d.line}.`,
  },
  trDuplicateColumn: {
    excel: 'invalidValue',
    nl: (d) =>
      `De kolom "${d.expected}" staat twee keer in de kopregel (kolom ${d.first} en ${d.second}); het is niet te zeggen welke bedoeld is. Geef één van beide een andere naam of verwijder hem, en lees opnieuw in.`,
    en: (d) =>
      `The column "${d.expected}" occurs twice in the header (columns ${d.first} and ${d.second}); it cannot be told which one is meant. Rename or remove one of them and import again.`,
  },
  trEncodingFallback: {
    excel: 'invalidValue',
    nl: (d) =>
      `Het bestand is geen UTF-8 (byte ${count(d.offset, 'nl')}, regel ${d.line}) en is daarom gelezen als Windows-1252, de gewone codering van Nederlandse Excel-exports. Controleer letters als é en ö in de uitkomst.`,
    en: (d) =>
      `The file is not UTF-8 (byte ${count(d.offset, 'en')}, line ${d.line}), so it was read as Windows-1252, the usual encoding of Dutch Excel exports. Check letters such as é and ö in the result.`,
  },
} satisfies Record<string, MessageDef>;
