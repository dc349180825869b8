import type { ErrorDetails, MessageDef } from './types';

/**
 * Messages of the pane's ordinary checks (nl/en): a step not done yet, a table of the wrong kind,
 * norm codes that do not match an export, a fictitious version label on real norms. These are
 * normal refusals, never "unexpected errors": each says what is wrong and what to do.
 */

/** Up to `max` quoted names, then "en n meer" / "and n more". */
function list(d: ErrorDetails, key: string, lang: 'nl' | 'en'): string {
  const text = String(d[key] ?? '');
  const more = Number(d[`${key}More`] ?? 0);
  if (more <= 0) return text;
  return lang === 'nl' ? `${text} en ${more} meer` : `${text} and ${more} more`;
}

export const paneCheckMessages = {
  paneNeedTables: {
    excel: 'invalidValue',
    nl: () => 'Kies eerst een tabel voor de begroting en een voor de realisatie.',
    en: () => 'First choose a budget table and a realisation table.',
  },
  paneNeedSteeringParams: {
    excel: 'invalidValue',
    nl: () => 'Schrijf eerst het parameterblad (stap 1).',
    en: () => 'First write the parameter sheet (step 1).',
  },
  paneNeedSteeringCycle: {
    excel: 'invalidValue',
    nl: () =>
      'Bereken eerst de sturing (stap 3): de prognoses worden gescoord tegen de realisatie in IND_KPI.',
    en: () =>
      'First run the steering cycle (step 3): forecasts are scored against the realisation in IND_KPI.',
  },
  paneNoProducts: {
    excel: 'invalidValue',
    nl: () => 'Nog geen producten. Lees een selectie in (kopregel + rijen) of gebruik het voorbeeld.',
    en: () => 'No products yet. Read a selection (header row + rows) or use the example.',
  },
  normNotANormTable: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.received} is geen normtabel: de kopregel (${list(d, 'headers', 'nl')}) heeft geen kolom met normminuten.` +
      (d.looksLike === 'volumes' ? ' Het lijkt een volumetabel (een kolom per periode).' : '') +
      ' Verwacht: de kolommen Code, Naam en Normminuten (optioneel Geldig vanaf en Versie). Kies de tabel of selectie met normtijden.',
    en: (d) =>
      `${d.received} is not a norm table: its header (${list(d, 'headers', 'en')}) has no norm-minutes column.` +
      (d.looksLike === 'volumes' ? ' It looks like a volume table (one column per period).' : '') +
      ' Expected: the columns Code, Name and Norm minutes (optionally Valid from and Version). Choose the table or selection with norm times.',
  },
  normVersionFictitious: {
    excel: 'invalidValue',
    nl: (d) =>
      `Versie "${d.received}" is het label van de fictieve voorbeeldnormen, maar u leest echte normen uit ${d.argument}. Typ de versie van deze normen (bijv. 2024) en lees opnieuw in.`,
    en: (d) =>
      `Version "${d.received}" is the label of the fictitious example norms, but you are reading real norms from ${d.argument}. Type the version of these norms (e.g. 2024) and read again.`,
  },
  trNormTableColumns: {
    excel: 'invalidValue',
    nl: (d) =>
      `${d.argument} is geen normtabel: de kopregel (${d.received}) heeft geen ${d.missing === 'norm' ? 'kolom met normminuten' : 'productkolom'}. ` +
      'Verwacht: een productkolom (Product, Naam of Code) en een kolom met "norm" in de naam (Normminuten, Normtijd). Kies een andere normtabel, of laat het veld Normtabel leeg.',
    en: (d) =>
      `${d.argument} is not a norm table: its header (${d.received}) has no ${d.missing === 'norm' ? 'norm-minutes column' : 'product column'}. ` +
      'Expected: a product column (Product, Naam or Code) and a column with "norm" in its name (Normminuten, Normtijd). Choose another norm table, or leave the Norm table field blank.',
  },
  trNormCodesMismatch: {
    excel: 'invalidValue',
    nl: (d) =>
      `Normtabel ${d.argument}: ${d.matched} van de ${d.total} producten uit de export hebben een normtijd. Zonder norm: ${list(d, 'missing', 'nl')}. ` +
      `De codes in de normtabel (${list(d, 'codes', 'nl')}) passen niet bij de productnamen in de export. ` +
      'Kies een normtabel met deze producten, vul de ontbrekende normen aan, of maak het veld Normtabel leeg om zonder normvergelijking te schrijven. Er is niets geschreven.',
    en: (d) =>
      `Norm table ${d.argument}: ${d.matched} of the ${d.total} products in the export have a norm time. Without a norm: ${list(d, 'missing', 'en')}. ` +
      `The codes in the norm table (${list(d, 'codes', 'en')}) do not match the product names in the export. ` +
      'Choose a norm table with these products, add the missing norms, or clear the Norm table field to write without the norm comparison. Nothing was written.',
  },
} satisfies Record<string, MessageDef>;
