import type { ErrorDetails, MessageDef } from './types';

/**
 * Error messages of the task pane's sheet generators (nl/en): norm-time tables (*normtijden*),
 * volume tables (*volumes*), parameter sets and the calculation sheet (*rekenblad*).
 *
 * Every message names the cell (`d.cell`, e.g. `Blad1!C7`) or the argument, says what was
 * expected and what was received, and how to fix it. Codes are prefixed `norm`, `volume` or
 * `param` so that they stay unique across areas.
 */

/** Quotes a received value for a message; blanks are spelled out so that users see them. */
function q(v: string | number | undefined, lang: 'nl' | 'en'): string {
  if (v === undefined || v === '') return lang === 'nl' ? '(leeg)' : '(blank)';
  return `"${String(v)}"`;
}

/** "in cel X" / "in cell X", or nothing when no cell is known. */
function at(d: ErrorDetails, lang: 'nl' | 'en'): string {
  if (d.cell === undefined) return '';
  return lang === 'nl' ? ` in cel ${d.cell}` : ` in cell ${d.cell}`;
}

export const taskpaneMessages = {
  normSelectionEmpty: {
    excel: 'invalidValue',
    nl: (d) =>
      `De selectie ${d.received ?? ''} bevat geen normtijden. Verwacht: minstens één rij met productcode, naam en normminuten. Selecteer de tabel met normtijden (met of zonder kopregel) en probeer opnieuw.`,
    en: (d) =>
      `The selection ${d.received ?? ''} holds no norm times. Expected: at least one row with product code, name and norm minutes. Select the norm-time table (with or without a header row) and try again.`,
  },
  normColumnsMissing: {
    excel: 'invalidValue',
    nl: (d) =>
      `De selectie ${d.received ?? ''} heeft ${d.columns ?? 0} kolom(men). Verwacht: minstens 3 kolommen (Code, Naam, Normminuten; optioneel Geldig vanaf en Versie). Breid de selectie uit tot en met de kolom met normminuten.`,
    en: (d) =>
      `The selection ${d.received ?? ''} has ${d.columns ?? 0} column(s). Expected: at least 3 columns (Code, Name, Norm minutes; optionally Valid from and Version). Extend the selection up to the norm-minutes column.`,
  },
  normCodeBlank: {
    excel: 'invalidValue',
    nl: (d) =>
      `Productcode ontbreekt${at(d, 'nl')} (rij ${d.row}). Verwacht: een productcode. Vul de code in of verwijder de rij uit de selectie.`,
    en: (d) =>
      `Product code missing${at(d, 'en')} (row ${d.row}). Expected: a product code. Fill in the code or remove the row from the selection.`,
  },
  normCodeWildcard: {
    excel: 'invalidValue',
    nl: (d) =>
      `Productcode ${q(d.received, 'nl')}${at(d, 'nl')} bevat *, ? of ~. Excel leest die tekens bij het opzoeken als jokerteken, zodat de verkeerde norm gevonden kan worden. Gebruik een code zonder deze tekens.`,
    en: (d) =>
      `Product code ${q(d.received, 'en')}${at(d, 'en')} contains *, ? or ~. Excel reads these as wildcards when looking up, so the wrong norm could be found. Use a code without these characters.`,
  },
  normCodeDuplicate: {
    excel: 'invalidValue',
    nl: (d) =>
      `Productcode ${q(d.received, 'nl')} komt dubbel voor in versie ${q(d.version, 'nl')}: ${d.cell} en ${d.otherCell}. Verwacht: elke code één keer per versie (Excel vergelijkt codes zonder onderscheid tussen hoofd- en kleine letters). Verwijder of hernoem één van beide rijen.`,
    en: (d) =>
      `Product code ${q(d.received, 'en')} occurs twice in version ${q(d.version, 'en')}: ${d.cell} and ${d.otherCell}. Expected: each code once per version (Excel compares codes ignoring case). Delete or rename one of the rows.`,
  },
  normMinutesBlank: {
    excel: 'invalidValue',
    nl: (d) =>
      `Normminuten ontbreken${at(d, 'nl')} (code ${q(d.code, 'nl')}). Verwacht: een getal ≥ 0 in minuten per zaak. Vul de normtijd in; een lege cel telt in Excel als 0 en zou de werklast stil te laag maken.`,
    en: (d) =>
      `Norm minutes missing${at(d, 'en')} (code ${q(d.code, 'en')}). Expected: a number ≥ 0 in minutes per case. Fill in the norm time; Excel counts a blank as 0, which would silently understate the workload.`,
  },
  normMinutesText: {
    excel: 'invalidValue',
    nl: (d) =>
      `Normminuten${at(d, 'nl')} (code ${q(d.code, 'nl')}): verwacht een getal, ontvangen tekst ${q(d.received, 'nl')}.` +
      (d.hint === 'decimalText'
        ? ' De cel bevat het getal als tekst. Typ het opnieuw als getal (zonder aanhalingsteken) of zet de cel op getalnotatie.'
        : ' Vervang de tekst door het aantal minuten per zaak.'),
    en: (d) =>
      `Norm minutes${at(d, 'en')} (code ${q(d.code, 'en')}): expected a number, received text ${q(d.received, 'en')}.` +
      (d.hint === 'decimalText'
        ? ' The cell holds the number as text. Retype it as a number (without apostrophe) or set the cell to a number format.'
        : ' Replace the text with the minutes per case.'),
  },
  normMinutesNegative: {
    excel: 'invalidValue',
    nl: (d) =>
      `Normminuten${at(d, 'nl')} (code ${q(d.code, 'nl')}) zijn negatief: ${d.received}. Verwacht: een getal ≥ 0. Controleer het teken.`,
    en: (d) =>
      `Norm minutes${at(d, 'en')} (code ${q(d.code, 'en')}) are negative: ${d.received}. Expected: a number ≥ 0. Check the sign.`,
  },
  normMinutesTooSmall: {
    excel: 'invalidValue',
    nl: (d) =>
      `Normminuten${at(d, 'nl')} (code ${q(d.code, 'nl')}) zijn ${d.received}: minder dan 1 minuut per zaak. Zijn dit uren in plaats van minuten? Vermenigvuldig dan met 60.`,
    en: (d) =>
      `Norm minutes${at(d, 'en')} (code ${q(d.code, 'en')}) are ${d.received}: less than 1 minute per case. Are these hours instead of minutes? Then multiply by 60.`,
  },
  normMinutesTooLarge: {
    excel: 'invalidValue',
    nl: (d) =>
      `Normminuten${at(d, 'nl')} (code ${q(d.code, 'nl')}) zijn ${d.received}: meer dan ${d.limit} minuten per zaak. Zijn dit seconden, of een totaal in plaats van een norm per zaak? Controleer de waarde.`,
    en: (d) =>
      `Norm minutes${at(d, 'en')} (code ${q(d.code, 'en')}) are ${d.received}: more than ${d.limit} minutes per case. Are these seconds, or a total instead of a norm per case? Check the value.`,
  },
  normMinutesAllSmall: {
    excel: 'invalidValue',
    nl: (d) =>
      `Alle ${d.count} normtijden in ${d.range} zijn ${d.limit} of minder. Dat lijken uren, geen minuten. Vermenigvuldig met 60 als het uren zijn.`,
    en: (d) =>
      `All ${d.count} norm times in ${d.range} are ${d.limit} or less. These look like hours, not minutes. Multiply by 60 if they are hours.`,
  },
  normYearInvalid: {
    excel: 'invalidValue',
    nl: (d) =>
      `Geldig vanaf${at(d, 'nl')} (code ${q(d.code, 'nl')}): verwacht een jaartal tussen ${d.min} en ${d.max} of een lege cel, ontvangen ${q(d.received, 'nl')}. Typ alleen het jaar, bijvoorbeeld 2021.`,
    en: (d) =>
      `Valid from${at(d, 'en')} (code ${q(d.code, 'en')}): expected a year between ${d.min} and ${d.max} or a blank cell, received ${q(d.received, 'en')}. Type only the year, e.g. 2021.`,
  },
  normVersionBlank: {
    excel: 'invalidValue',
    nl: () =>
      `De naam van de normversie ontbreekt. Verwacht: een korte naam, bijvoorbeeld "2021" of "na tijdschrijven". Vul de versie in; versies staan naast elkaar in de tabel IND_Normtijden.`,
    en: () =>
      `The norm version name is missing. Expected: a short name, e.g. "2021" or "after time recording". Fill in the version; versions sit side by side in the table IND_Normtijden.`,
  },
  normVersionUnknown: {
    excel: 'notAvailable',
    nl: (d) =>
      `Normversie ${q(d.received, 'nl')} staat niet in de normtabel. Beschikbaar: ${d.expected || '(geen)'}. Kies een bestaande versie of importeer eerst normtijden voor deze versie.`,
    en: (d) =>
      `Norm version ${q(d.received, 'en')} is not in the norm table. Available: ${d.expected || '(none)'}. Choose an existing version or import norm times for this version first.`,
  },
  volumeTableEmpty: {
    excel: 'invalidValue',
    nl: (d) =>
      `Volumetabel ${q(d.table, 'nl')} heeft ${d.rows ?? 0} rij(en) en ${d.columns ?? 0} kolom(men). Verwacht: eerste kolom productcodes, daarna één kolom per periode van 4 weken, en minstens één rij. Vul de tabel aan of kies een andere tabel.`,
    en: (d) =>
      `Volume table ${q(d.table, 'en')} has ${d.rows ?? 0} row(s) and ${d.columns ?? 0} column(s). Expected: product codes in the first column, then one column per 4-week period, and at least one row. Complete the table or choose another one.`,
  },
  volumeCodeBlank: {
    excel: 'invalidValue',
    nl: (d) =>
      `Productcode ontbreekt${at(d, 'nl')} in volumetabel ${q(d.table, 'nl')} (rij ${d.row}). Vul de code in of verwijder de rij.`,
    en: (d) =>
      `Product code missing${at(d, 'en')} in volume table ${q(d.table, 'en')} (row ${d.row}). Fill in the code or delete the row.`,
  },
  volumeCodeDuplicate: {
    excel: 'invalidValue',
    nl: (d) =>
      `Productcode ${q(d.received, 'nl')} staat dubbel in volumetabel ${q(d.table, 'nl')}: ${d.cell} en ${d.otherCell}. Het rekenblad zoekt per code één rij op; tel de volumes samen in één rij.`,
    en: (d) =>
      `Product code ${q(d.received, 'en')} occurs twice in volume table ${q(d.table, 'en')}: ${d.cell} and ${d.otherCell}. The calculation sheet looks up one row per code; add the volumes up in one row.`,
  },
  volumeValueInvalid: {
    excel: 'invalidValue',
    nl: (d) =>
      `Volume${at(d, 'nl')} (code ${q(d.code, 'nl')}, periode ${q(d.period, 'nl')}): verwacht een aantal zaken ≥ 0, ontvangen ${q(d.received, 'nl')}. Vervang de waarde door een getal (een lege cel telt als 0).`,
    en: (d) =>
      `Volume${at(d, 'en')} (code ${q(d.code, 'en')}, period ${q(d.period, 'en')}): expected a number of cases ≥ 0, received ${q(d.received, 'en')}. Replace the value with a number (a blank counts as 0).`,
  },
  volumeCodesMissing: {
    excel: 'notAvailable',
    nl: (d) =>
      `${d.count} productcode(s) uit volumetabel ${q(d.table, 'nl')} ontbreken in normversie ${q(d.version, 'nl')}: ${d.codes}. Er is niets geschreven. Importeer normtijden voor deze codes of kies een andere normversie.`,
    en: (d) =>
      `${d.count} product code(s) of volume table ${q(d.table, 'en')} are missing from norm version ${q(d.version, 'en')}: ${d.codes}. Nothing was written. Import norm times for these codes or choose another norm version.`,
  },
  paramSetNameInvalid: {
    excel: 'invalidValue',
    nl: (d) =>
      `Naam van de parameterset ${q(d.received, 'nl')} is ongeldig: ${d.expected}. Kies een andere naam.`,
    en: (d) => `Parameter set name ${q(d.received, 'en')} is invalid: ${d.expected}. Choose another name.`,
  },
  paramSetUnknown: {
    excel: 'notAvailable',
    nl: (d) =>
      `Parameterset ${q(d.received, 'nl')} bestaat niet. Beschikbaar: ${d.expected}. Kies een bestaande set.`,
    en: (d) =>
      `Parameter set ${q(d.received, 'en')} does not exist. Available: ${d.expected}. Choose an existing set.`,
  },
  paramValueInvalid: {
    excel: 'invalidValue',
    nl: (d) =>
      `Parameter ${d.argument} in set ${q(d.set, 'nl')}: verwacht ${d.expected}, ontvangen ${q(d.received, 'nl')}.` +
      (d.hint === 'percentAsWhole'
        ? ` Typ een verhouding als fractie: ${d.suggestion} in plaats van ${d.received}.`
        : ' Corrigeer de waarde.'),
    en: (d) =>
      `Parameter ${d.argument} in set ${q(d.set, 'en')}: expected ${d.expected}, received ${q(d.received, 'en')}.` +
      (d.hint === 'percentAsWhole'
        ? ` Type a ratio as a fraction: ${d.suggestion} instead of ${d.received}.`
        : ' Correct the value.'),
  },
} satisfies Record<string, MessageDef>;
