/**
 * The legend of glossary figures a sheet writes: one row per code it shows, with the figure's
 * name, definition and sign convention, so the definition of every labelled cell travels with
 * the workbook. Used by the Financiering, Nacalculatie and Tijdschrijven sheets.
 */
import { figureLegend, type FigureId } from '../../../core/figures';
import type { Lang } from '../../../core/messages/types';
import type { CellBlock } from '../../host/types';

const TITLE = {
  nl: 'Definities van de begrippen op dit blad (code tussen [ ] in de labels)',
  en: 'Definitions of the figures on this sheet (code in [ ] in the labels)',
};
const SIGN = { nl: 'Teken', en: 'Sign' };

/** Rows in the legend block, title included. */
export function legendHeight(ids: readonly FigureId[]): number {
  return ids.length + 1;
}

/**
 * The legend's blocks, starting at row `top` in column A: a header line, then per figure its
 * code (column A) and "name: definition. Teken: sign." (column B).
 */
export function legendBlocks(top: number, ids: readonly FigureId[], lang: Lang): CellBlock[] {
  return [
    { at: `A${top}`, cells: [[TITLE[lang]]], style: 'header' },
    {
      at: `A${top + 1}`,
      cells: figureLegend(ids, lang).map(([code, name, definition, sign]) => [
        code,
        `${name}: ${definition}. ${SIGN[lang]}: ${sign}.`,
      ]),
      style: 'note',
    },
  ];
}
