import type { Localized } from './types';

/**
 * Strings of the pane's layout and feedback (issue 11: work that survives, feedback where the
 * eye is, a layout that fits): the collapsible help, the file button, the grouped change report.
 */
export const paneStrings = {
  'pane.help.toggle': { nl: 'Uitleg bij dit onderdeel', en: 'About this section' },
  'pane.file.choose': { nl: 'Bestand kiezen…', en: 'Choose file…' },
  'pane.file.none': { nl: 'Geen bestand gekozen', en: 'No file chosen' },
  'pane.report.changes': { nl: 'Wijzigingen', en: 'Changes' },
  'pane.report.details': { nl: 'Details', en: 'Details' },
  'pane.report.detailsOf': { nl: 'Details van {sheet}', en: 'Details of {sheet}' },
  'pane.report.cells': { nl: '{n} cellen', en: '{n} cells' },
  'pane.report.cell': { nl: '1 cel', en: '1 cell' },
  'pane.report.tables': { nl: '{n} tabellen', en: '{n} tables' },
  'pane.report.table': { nl: '1 tabel', en: '1 table' },
  'pane.report.charts': { nl: '{n} grafieken', en: '{n} charts' },
  'pane.report.chart': { nl: '1 grafiek', en: '1 chart' },
  'pane.report.names': { nl: '{n} namen', en: '{n} names' },
  'pane.report.name': { nl: '1 naam', en: '1 name' },
  'pane.report.others': { nl: '{n} andere wijzigingen', en: '{n} other changes' },
  'pane.report.other': { nl: '1 andere wijziging', en: '1 other change' },
  'pane.import.cancelled': {
    nl: 'Import geannuleerd. Er is niets geschreven; kies opnieuw "Inlezen" om verder te gaan.',
    en: 'Import cancelled. Nothing was written; choose "Import" again to continue.',
  },
} satisfies Record<string, Localized>;
