import { makeStyles, tokens } from '@fluentui/react-components';
import { fieldGrid } from '../../components/paneLayout';

/** Styles of `ScenarioView`: Fluent tokens only, one narrow column for the task pane. */
export const useScenarioStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'flex-end',
  },
  grid: fieldGrid,
  series: { fontFamily: tokens.fontFamilyMonospace, minHeight: '120px' },
  // A narrow pane (350 px): long option texts and Fluent's default input width must not push
  // the view wider than the pane.
  wide: { maxWidth: '100%', minWidth: 0 },
  fill: { width: '100%', maxWidth: '100%', minWidth: 0 },
  status: { color: tokens.colorNeutralForeground2 },
  warnings: { color: tokens.colorPaletteDarkOrangeForeground1, paddingLeft: tokens.spacingHorizontalL },
});
