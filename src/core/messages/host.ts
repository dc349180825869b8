import type { MessageDef } from './types';

/**
 * Error messages of the workbook gateway (nl/en): protected sheet, missing table, lost
 * selection, names or tables the pane did not create. Every message says what was found, why
 * the pane stops (it never overwrites the user's work) and how to fix it.
 *
 * Detail keys: `argument` names the sheet, table, name or setting; `received` what was found;
 * `expected` what was needed; `available` a comma-separated list of what does exist.
 */
export const hostMessages = {
  hostSheetProtected: {
    excel: 'invalidValue',
    nl: (d) =>
      `Blad '${d.argument}' is beveiligd, dus het taakvenster kan er niet op schrijven. Er is niets gewijzigd. ` +
      `Hef de beveiliging op (Controleren > Beveiliging blad opheffen) en probeer het opnieuw.`,
    en: (d) =>
      `Sheet '${d.argument}' is protected, so the task pane cannot write to it. Nothing was changed. ` +
      `Unprotect it (Review > Unprotect Sheet) and try again.`,
  },
  hostWorkbookProtected: {
    excel: 'invalidValue',
    nl: (d) =>
      `De werkmapstructuur is beveiligd, dus blad '${d.argument}' kan niet worden toegevoegd. Er is niets gewijzigd. ` +
      `Hef de beveiliging op (Controleren > Werkmap beveiligen) en probeer het opnieuw.`,
    en: (d) =>
      `The workbook structure is protected, so sheet '${d.argument}' cannot be added. Nothing was changed. ` +
      `Unprotect it (Review > Protect Workbook) and try again.`,
  },
  hostTableMissing: {
    excel: 'invalidReference',
    nl: (d) =>
      `Tabel '${d.argument}' bestaat niet in deze werkmap. ` +
      (d.available ? `Wel aanwezig: ${d.available}. ` : 'Er staan geen tabellen in de werkmap. ') +
      `Kies een bestaande tabel of maak er een (Invoegen > Tabel).`,
    en: (d) =>
      `Table '${d.argument}' does not exist in this workbook. ` +
      (d.available ? `Available: ${d.available}. ` : 'The workbook has no tables. ') +
      `Pick an existing table or create one (Insert > Table).`,
  },
  hostSelectionLost: {
    excel: 'invalidReference',
    nl: () =>
      `Er is geen cellenbereik geselecteerd (bijvoorbeeld omdat een grafiek of vorm is geselecteerd). ` +
      `Selecteer de cellen met de gegevens en probeer het opnieuw.`,
    en: () =>
      `No cell range is selected (a chart or shape may be selected instead). ` +
      `Select the cells with the data and try again.`,
  },
  hostSelectionEmpty: {
    excel: 'invalidValue',
    nl: (d) =>
      `De selectie ${d.received} bevat alleen lege cellen. Selecteer de cellen met de gegevens, inclusief de kopregel, en probeer het opnieuw.`,
    en: (d) =>
      `The selection ${d.received} contains only blank cells. Select the cells with the data, including the header row, and try again.`,
  },
  hostNameTaken: {
    excel: 'invalidName',
    nl: (d) =>
      `De naam '${d.argument}' bestaat al en is niet door het taakvenster gemaakt (verwijst naar ${d.received}). ` +
      `Er is niets gewijzigd. Geef uw naam een andere naam of verwijder hem (Formules > Namen beheren) en probeer het opnieuw.`,
    en: (d) =>
      `The name '${d.argument}' already exists and was not created by the task pane (it refers to ${d.received}). ` +
      `Nothing was changed. Rename or delete it (Formulas > Name Manager) and try again.`,
  },
  hostPlanInvalid: {
    excel: 'invalidValue',
    nl: (d) =>
      `Interne fout in de schrijfopdracht '${d.argument}': verwacht ${d.expected}, gekregen ${d.received}. ` +
      `Er is niets gewijzigd. Meld dit aan de beheerder van het rekenmodel.`,
    en: (d) =>
      `Internal error in the write plan '${d.argument}': expected ${d.expected}, received ${d.received}. ` +
      `Nothing was changed. Please report this to the maintainer of the calculation model.`,
  },
  hostSheetNameInvalid: {
    excel: 'invalidValue',
    nl: (d) =>
      `'${d.received}' is geen geldige bladnaam: ${d.expected}. Er is niets gewijzigd. Kies een andere naam.`,
    en: (d) =>
      `'${d.received}' is not a valid sheet name: ${d.expected}. Nothing was changed. Choose another name.`,
  },
  hostSettingCorrupt: {
    excel: 'invalidValue',
    nl: (d) =>
      `De opgeslagen instelling '${d.argument}' in deze werkmap is beschadigd (${d.received}). ` +
      `Sla de instelling opnieuw op vanuit het taakvenster.`,
    en: (d) =>
      `The stored setting '${d.argument}' in this workbook is damaged (${d.received}). ` +
      `Save the setting again from the task pane.`,
  },
  hostOfficeFailed: {
    excel: 'invalidValue',
    nl: (d) =>
      `Excel weigerde de opdracht '${d.argument}' (${d.received}). ` +
      `Sluit celbewerking af (Esc) en probeer het opnieuw; een half geschreven blad wordt dan niet overschreven maar opnieuw gemaakt als nieuw blad.`,
    en: (d) =>
      `Excel rejected the action '${d.argument}' (${d.received}). ` +
      `Leave cell editing (Esc) and try again; a half-written sheet is not overwritten but written again as a new sheet.`,
  },
} satisfies Record<string, MessageDef>;
