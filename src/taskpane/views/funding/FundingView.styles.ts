import { makeStyles } from '@fluentui/react-components';
import { paneLayout } from '../../components/paneLayout';

/** Styles of the funding views: the shared pane layout plus tabular numbers. */
export const useFundingStyles = makeStyles({
  ...paneLayout,
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});
