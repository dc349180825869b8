import { makeStyles, tokens } from '@fluentui/react-components';
import { paneLayout } from '../../components/paneLayout';

/** Styles of `TimeRecordingView`: the shared pane layout plus warnings and the rejected-rows list. */
export const useTimeRecordingStyles = makeStyles({
  ...paneLayout,
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  list: { maxHeight: '160px', overflowY: 'auto', margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
