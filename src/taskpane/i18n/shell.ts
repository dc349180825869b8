import type { Localized } from './types';

/**
 * UI strings of the task-pane shell and of the change report the gateway produces (nl/en).
 * Keys are prefixed 'shell.' (pane chrome) or 'host.' (change descriptions).
 */
export const shellStrings = {
  'shell.title': { nl: 'IND Rekenmodel', en: 'IND Calculation Model' },
  'shell.subtitle': {
    nl: 'Normtijden, werklast, fte en bekostiging als levende Excel-formules',
    en: 'Norm times, workload, FTE and funding as live Excel formulas',
  },
  'shell.language': { nl: 'Taal', en: 'Language' },
  'shell.language.nl': { nl: 'Nederlands', en: 'Nederlands (Dutch)' },
  'shell.language.en': { nl: 'English (Engels)', en: 'English' },
  'shell.views': { nl: 'Onderdelen', en: 'Sections' },
  'shell.noViews': {
    nl: 'Er zijn nog geen onderdelen beschikbaar in deze versie.',
    en: 'No sections are available in this version yet.',
  },
  'shell.functionHelp': { nl: 'Overzicht van de IND.-functies', en: 'List of the IND. functions' },
  'shell.error.title': { nl: 'Er ging iets mis', en: 'Something went wrong' },
  'shell.error.dismiss': { nl: 'Melding sluiten', en: 'Dismiss message' },
  'shell.error.unexpected': {
    nl: 'Onverwachte fout: {message}. Er is mogelijk niets gewijzigd; probeer het opnieuw of meld dit aan de beheerder.',
    en: 'Unexpected error: {message}. Possibly nothing was changed; try again or report this to the maintainer.',
  },
  'shell.viewCrashed': {
    nl: 'Dit onderdeel kon niet worden weergegeven: {message}',
    en: 'This section could not be shown: {message}',
  },
  'shell.report.title': { nl: 'Gewijzigd door "{action}"', en: 'Changed by "{action}"' },
  'shell.report.sheet': { nl: 'Blad', en: 'Sheet' },
  'shell.report.range': { nl: 'Bereik', en: 'Range' },
  'shell.report.what': { nl: 'Wat', en: 'What' },
  'shell.report.redirected': {
    nl: "Blad '{requested}' is door u gewijzigd of is niet van het taakvenster; er is niets overschreven. Geschreven naar '{actual}'.",
    en: "Sheet '{requested}' was edited by you or does not belong to the task pane; nothing was overwritten. Written to '{actual}'.",
  },
  'shell.report.dismiss': { nl: 'Overzicht sluiten', en: 'Close overview' },
  'shell.report.showAll': { nl: 'Alle {count} wijzigingen tonen', en: 'Show all {count} changes' },
  'shell.report.showFewer': { nl: 'Minder tonen', en: 'Show fewer' },
  'host.change.block': { nl: '{cells} cellen ({style})', en: '{cells} cells ({style})' },
  'host.change.cell': { nl: '1 cel ({style})', en: '1 cell ({style})' },
  'host.change.table': { nl: 'tabel {name} met {rows} rijen', en: 'table {name} with {rows} rows' },
  'host.change.tableRenamed': {
    nl: 'tabel {name} met {rows} rijen (de naam {requested} was al in gebruik)',
    en: 'table {name} with {rows} rows (the name {requested} was already taken)',
  },
  'host.change.chart': { nl: "grafiek '{title}'", en: "chart '{title}'" },
  // Charts the host cannot draw (src/taskpane/host/requirements.ts).
  'host.change.chartFallback': {
    nl: "grafiek '{title}': deze Excel-versie kan geen {requested}-grafiek maken (vereist {set} {version}); dezelfde brug is getekend als gestapelde kolomgrafiek uit de hulpkolommen {helper}",
    en: "chart '{title}': this version of Excel cannot draw a {requested} chart (needs {set} {version}); the same bridge is drawn as a stacked column chart from the helper columns {helper}",
  },
  'host.change.chartOmitted': {
    nl: "grafiek '{title}' niet gemaakt: deze Excel-versie kan geen {requested}-grafiek maken (vereist {set} {version}); de gegevens staan wel op het blad",
    en: "chart '{title}' not added: this version of Excel cannot draw a {requested} chart (needs {set} {version}); the data is on the sheet",
  },
  'host.fallback.step': { nl: 'Stap', en: 'Step' },
  'host.fallback.base': { nl: 'Basis (onzichtbaar)', en: 'Base (invisible)' },
  'host.fallback.increase': { nl: 'Stijging', en: 'Increase' },
  'host.fallback.decrease': { nl: 'Daling', en: 'Decrease' },
  'host.change.name': { nl: 'naam {name} verwijst naar {ref}', en: 'name {name} refers to {ref}' },
  'host.change.workbook': { nl: '(werkmap)', en: '(workbook)' },
  'host.style.title': { nl: 'titel', en: 'title' },
  'host.style.header': { nl: 'kopregel', en: 'header' },
  'host.style.input': { nl: 'invoer', en: 'input' },
  'host.style.output': { nl: 'uitkomst', en: 'output' },
  'host.style.note': { nl: 'toelichting', en: 'note' },
  'host.style.check': { nl: 'controle', en: 'check' },
  'host.style.plain': { nl: 'waarden en formules', en: 'values and formulas' },
} satisfies Record<string, Localized>;
