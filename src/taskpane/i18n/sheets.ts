import type { Localized } from './types';

/** UI strings of the sheets feature (parameters, norm times, calculation sheet). Dutch first. */
export const sheetsStrings = {
  // Views (tabs) and their two-line help.
  'sheets.params.label': { nl: 'Parameters', en: 'Parameters' },
  'sheets.params.help': {
    nl: 'Schrijft het blad IND Parameters: parametersets naast elkaar (waarde, eenheid, basis, bron) en per parameter een benoemde cel (IND_UrenPerFte, IND_DirecteUren …) die de waarde van de actieve set opzoekt.\nFormules in de werkmap gebruiken die namen; een andere actieve set rekent alles opnieuw door.',
    en: 'Writes the sheet IND Parameters: parameter sets side by side (value, unit, basis, source) and per parameter a named cell (IND_UrenPerFte, IND_DirecteUren …) that looks up the active set’s value.\nFormulas in the workbook use these names; another active set recomputes everything.',
  },
  'sheets.norms.label': { nl: 'Normtijden', en: 'Norm times' },
  'sheets.norms.help': {
    nl: 'Leest normtijden (code, naam, normminuten, optioneel geldig vanaf) uit de selectie of een tabel, controleert ze en schrijft de tabel IND_Normtijden.\nVersies (bijv. "2021" en "na tijdschrijven") staan naast elkaar; het rekenblad kiest er één.',
    en: 'Reads norm times (code, name, norm minutes, optional valid-from year) from the selection or a table, checks them and writes the table IND_Normtijden.\nVersions (e.g. "2021" and "after time recording") sit side by side; the calculation sheet picks one.',
  },
  'sheets.calc.label': { nl: 'Rekenblad', en: 'Calculation sheet' },
  'sheets.calc.help': {
    nl: 'Maakt het blad IND Rekenblad met live formules: werklast = volume × normminuten / 60 per product en periode, fte via IND.FTE bij de actieve en de modelratio, het verschil, en het scenario per periode (IND.SCENARIO).\nElk getal is een formule naar de volumetabel, IND_Normtijden en de benoemde parameters.',
    en: 'Creates the sheet IND Rekenblad with live formulas: workload = volume × norm minutes / 60 per product and period, fte via IND.FTE at the active and the model ratio, the gap, and the scenario per period (IND.SCENARIO).\nEvery number is a formula into the volume table, IND_Normtijden and the named parameters.',
  },

  // Shared.
  'sheets.issues.title': { nl: 'Gevonden problemen', en: 'Problems found' },
  'sheets.issues.error': { nl: 'Fout', en: 'Error' },
  'sheets.issues.warning': { nl: 'Waarschuwing', en: 'Warning' },
  'sheets.issues.ack': {
    nl: 'Ik heb de waarschuwingen gecontroleerd; toch schrijven',
    en: 'I have checked the warnings; write anyway',
  },
  'sheets.nothingWritten': {
    nl: 'Er is niets geschreven: los eerst de fouten op.',
    en: 'Nothing was written: fix the errors first.',
  },
  'sheets.busy': { nl: 'Bezig…', en: 'Working…' },

  // Parameters view.
  'sheets.params.sets': { nl: 'Parametersets', en: 'Parameter sets' },
  'sheets.params.col.set': { nl: 'Set', en: 'Set' },
  'sheets.params.col.ratio': { nl: 'Directe uren', en: 'Direct-hour ratio' },
  'sheets.params.col.basis': { nl: 'Basis', en: 'Basis' },
  'sheets.params.col.source': { nl: 'Bron', en: 'Source' },
  'sheets.params.active': { nl: 'Actieve set', en: 'Active set' },
  'sheets.params.write': { nl: 'Parameterblad schrijven', en: 'Write parameter sheet' },
  'sheets.params.written': {
    nl: 'Parameterblad geschreven met {count} sets; actieve set: {active}.',
    en: 'Parameter sheet written with {count} sets; active set: {active}.',
  },
  'sheets.params.new': {
    nl: 'Nieuwe set (kopie van de actieve set)',
    en: 'New set (copy of the active set)',
  },
  'sheets.params.new.name': { nl: 'Naam nieuwe set', en: 'Name of the new set' },
  'sheets.params.new.ratio': {
    nl: 'Directe uren (fractie, bijv. 0,57)',
    en: 'Direct-hour ratio (fraction, e.g. 0.57)',
  },
  'sheets.params.new.basis': { nl: 'Basis van de ratio', en: 'Basis of the ratio' },
  'sheets.params.new.source': { nl: 'Bron', en: 'Source' },
  'sheets.params.new.add': { nl: 'Set toevoegen', en: 'Add set' },
  'sheets.params.new.added': {
    nl: 'Set “{name}” toegevoegd. Schrijf het parameterblad om hem in de werkmap te zetten.',
    en: 'Set “{name}” added. Write the parameter sheet to put it in the workbook.',
  },
  'sheets.basis.bruto': { nl: 'bruto (alle betaalde uren)', en: 'gross (all paid hours)' },
  'sheets.basis.netto': { nl: 'netto (zonder verlof en verzuim)', en: 'net (without leave and sickness)' },
  'sheets.basis.productief': { nl: 'productief (HOT)', en: 'productive (HOT)' },
  'sheets.basis.model': { nl: 'model (onbekend)', en: 'model (unknown)' },
  // The basis as the sets table in the pane shows it (the sheet keeps the Dutch code).
  'sheets.basis.short.bruto': { nl: 'bruto', en: 'gross' },
  'sheets.basis.short.netto': { nl: 'netto', en: 'net' },
  'sheets.basis.short.productief': { nl: 'productief', en: 'productive' },
  'sheets.basis.short.model': { nl: 'model (onbekend)', en: 'model (unknown)' },

  // Norms view.
  'sheets.norms.version': { nl: 'Normversie', en: 'Norm version' },
  'sheets.norms.fromSelection': { nl: 'Uit selectie lezen', en: 'Read from selection' },
  'sheets.norms.table': { nl: 'Bestaande tabel', en: 'Existing table' },
  'sheets.norms.fromTable': { nl: 'Tabel lezen', en: 'Read table' },
  'sheets.norms.example': { nl: 'Voorbeeld (fictief) laden', en: 'Load example (fictitious)' },
  'sheets.norms.noTables': { nl: '(geen tabellen)', en: '(no tables)' },
  'sheets.norms.preview': { nl: 'Gelezen normtijden', en: 'Norm times read' },
  'sheets.norms.summary': {
    nl: '{count} normtijden uit {source}, versie “{version}”.',
    en: '{count} norm times from {source}, version “{version}”.',
  },
  'sheets.norms.col.code': { nl: 'Code', en: 'Code' },
  'sheets.norms.col.name': { nl: 'Naam', en: 'Name' },
  'sheets.norms.col.minutes': { nl: 'Normminuten', en: 'Norm minutes' },
  'sheets.norms.col.year': { nl: 'Geldig vanaf', en: 'Valid from' },
  'sheets.norms.more': { nl: '… en nog {count} rijen', en: '… and {count} more rows' },
  'sheets.norms.write': { nl: 'Normtabel schrijven', en: 'Write norm table' },
  'sheets.norms.written': {
    nl: 'IND_Normtijden geschreven: {count} rijen, versies {versions}.',
    en: 'IND_Normtijden written: {count} rows, versions {versions}.',
  },

  // Calculation view.
  'sheets.calc.volume': { nl: 'Volumetabel', en: 'Volume table' },
  'sheets.calc.refresh': { nl: 'Tabellen vernieuwen', en: 'Refresh tables' },
  'sheets.calc.exampleVolumes': {
    nl: 'Voorbeeldvolumes (fictief) schrijven',
    en: 'Write example volumes (fictitious)',
  },
  'sheets.calc.version': { nl: 'Normversie', en: 'Norm version' },
  'sheets.calc.noNorms': {
    nl: 'Nog geen tabel IND_Normtijden: importeer eerst normtijden.',
    en: 'No table IND_Normtijden yet: import norm times first.',
  },
  'sheets.calc.grossUp': {
    nl: 'Verloop meebruteren (zoals het onderzoek)',
    en: 'Gross up turnover (as the review)',
  },
  'sheets.calc.make': { nl: 'Rekenblad maken', en: 'Create calculation sheet' },
  'sheets.calc.made': {
    nl: 'Rekenblad gemaakt: {products} producten × {periods} perioden, alles als formule.',
    en: 'Calculation sheet created: {products} products × {periods} periods, all as formulas.',
  },
  'sheets.calc.preview': {
    nl: 'Voorbeeld: wat het Rekenblad berekent',
    en: 'Preview: what the calculation sheet computes',
  },
  'sheets.calc.preview.average': {
    nl: 'Gemiddelde werklast per periode (uur)',
    en: 'Average workload per period (hours)',
  },
  'sheets.calc.preview.fteActive': {
    nl: 'Fte nodig bij gemiddelde, actieve set ({set})',
    en: 'Fte needed at the average, active set ({set})',
  },
  'sheets.calc.preview.fteModel': {
    nl: 'Fte nodig bij gemiddelde, model ({set})',
    en: 'Fte needed at the average, model ({set})',
  },
  'sheets.calc.preview.gap': { nl: 'Verschil (fte)', en: 'Difference (fte)' },
  'sheets.calc.preview.none': {
    nl: 'Het voorbeeld verschijnt zodra er een blad IND Parameters, een volumetabel en een normversie zijn.',
    en: 'The preview appears once there is an IND Parameters sheet, a volume table and a norm version.',
  },
  'sheets.calc.activeSet': {
    nl: 'Actieve parameterset: {name} (wijzig in Parameters).',
    en: 'Active parameter set: {name} (change it under Parameters).',
  },
} satisfies Record<string, Localized>;
