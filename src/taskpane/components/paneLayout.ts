import { tokens } from '@fluentui/react-components';

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
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  status: { color: tokens.colorNeutralForeground2 },
} as const;
