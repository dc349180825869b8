import type { BlockStyle } from './types';

/**
 * Cell formatting per `BlockStyle`, in ONE place. Views name a role ('input', 'output'…), never
 * a colour, so the workbook looks consistent and a controller can tell inputs from outputs at a
 * glance. The palette follows Fluent UI's restrained neutrals and brand blue (Excel needs hex
 * colours, so these are the hex values of the Fluent tokens named in the comments).
 */
export interface CellFormatSpec {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  fontColor?: string;
  fill?: string;
  wrapText?: boolean;
}

/** Format of each block style. */
export const blockFormats: Record<BlockStyle, CellFormatSpec> = {
  // colorNeutralForeground1
  title: { bold: true, size: 14, fontColor: '#242424' },
  // colorNeutralBackground3 fill, colorNeutralForeground1 text
  header: { bold: true, fill: '#F5F5F5', fontColor: '#242424', wrapText: true },
  // colorBrandBackground2 fill, colorBrandForeground2 text: the cells a controller may change
  input: { fill: '#EBF3FC', fontColor: '#115EA3' },
  // colorNeutralBackground5 fill: computed, do not type over (visibly apart from white and from
  // the input fill; the sheets' legend names it, src/taskpane/plans/styleLegend.ts)
  output: { bold: true, fill: '#E0E0E0', fontColor: '#242424' },
  // colorNeutralForeground3
  note: { italic: true, fontColor: '#616161' },
  // colorPaletteGreenForeground1: reconciliation checks
  check: { italic: true, fontColor: '#0E700E' },
};
