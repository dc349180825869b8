import { tokens } from '@fluentui/react-components';

/** The narrowest column of a field grid: two of them and a gap need about 460 px of pane. */
export const FIELD_COLUMN_MIN = '220px';

/**
 * A grid of fields: two columns where the pane is wide enough (about 460 px and more), one column
 * below that, so that long labels wrap instead of printing over the next field. Its fields shrink
 * to the column (Fluent's controls have a wide minimum width of their own).
 */
export const fieldGrid = {
  display: 'grid',
  gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, ${FIELD_COLUMN_MIN}), 1fr))`,
  columnGap: tokens.spacingHorizontalS,
  rowGap: tokens.spacingVerticalS,
  '& > *': { minWidth: 0 },
  '& .fui-Input, & .fui-Select, & .fui-Textarea, & .fui-Combobox, & .fui-Dropdown': {
    width: '100%',
    minWidth: 0,
    maxWidth: '100%',
  },
} as const;

/**
 * Layout shared by the task-pane views (one narrow column; Fluent tokens only). Spread it into a
 * view's own `makeStyles({ ...paneLayout, … })`.
 */
export const paneLayout = {
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'flex-end',
  },
  grid: fieldGrid,
  status: { color: tokens.colorNeutralForeground2 },
} as const;
