import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the sheets views: Fluent tokens only, one narrow column for the task pane. */
export const useSheetsStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'flex-end',
  },
  table: { width: '100%', borderCollapse: 'collapse' },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: 'left' },
  number: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: 'right' },
  status: { color: tokens.colorNeutralForeground2 },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  caption: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});
