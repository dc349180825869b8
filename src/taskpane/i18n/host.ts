import type { Localized } from './types';

/** Messages of the gateway about edits in place (see `src/taskpane/host/cells.ts`). */
export const hostStrings = {
  'host.redirect.computed': {
    nl: "Cel {cell} van blad '{requested}' is een berekende cel en is gewijzigd. Daarom is '{actual}' geschreven; '{requested}' is niet aangeraakt. Invoercellen en notities naast de tabellen mag u wel wijzigen.",
    en: "Cell {cell} of sheet '{requested}' is a computed cell and was changed. So '{actual}' was written; '{requested}' was left as it is. Input cells and notes beside the tables may be changed.",
  },
  'host.redirect.note': {
    nl: "Cel {cell} van blad '{requested}' bevat uw tekst, en het taakvenster schrijft nu in die cel. Daarom is '{actual}' geschreven; '{requested}' is niet aangeraakt.",
    en: "Cell {cell} of sheet '{requested}' holds your text, and the task pane now writes to that cell. So '{actual}' was written; '{requested}' was left as it is.",
  },
  'host.redirect.layout': {
    nl: "De opbouw van blad '{requested}' is gewijzigd (een tabel of grafiek is verwijderd, hernoemd of toegevoegd). Daarom is '{actual}' geschreven; '{requested}' is niet aangeraakt.",
    en: "The layout of sheet '{requested}' was changed (a table or chart was removed, renamed or added). So '{actual}' was written; '{requested}' was left as it is.",
  },
  'host.kept.conflict': {
    nl: '{sheet}!{cell}: uw waarde {kept} is behouden; het taakvenster wilde {planned} schrijven. Wijzig de cel zelf als u {planned} wilt.',
    en: '{sheet}!{cell}: your value {kept} was kept; the task pane meant to write {planned}. Change the cell yourself if you want {planned}.',
  },
} satisfies Record<string, Localized>;
