import { makeStyles, tokens } from '@fluentui/react-components';
import { paneLayout } from '../../components/paneLayout';

/** Styles of `SteeringView`: the shared pane layout plus right-aligned numbers in the result table. */
export const useSteeringStyles = makeStyles({
  ...paneLayout,
  /** Header cells wrap: the pane is narrow and the headers name units. */
  head: { whiteSpace: 'normal', overflowWrap: 'anywhere', '& *': { whiteSpace: 'normal', minWidth: 0 } },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  file: { maxWidth: '100%' },
  /** One column of column choices: their labels are long and must wrap inside a narrow pane. */
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalS,
    '& > *': { minWidth: 0 },
  },
});
