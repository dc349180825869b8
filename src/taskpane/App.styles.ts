import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the shell: Fluent tokens, a narrow single column that fits the task pane. */
export const useAppStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    rowGap: tokens.spacingVerticalS,
    columnGap: tokens.spacingHorizontalM,
  },
  titles: {
    display: 'flex',
    flexDirection: 'column',
  },
  subtitle: {
    color: tokens.colorNeutralForeground2,
  },
  language: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  tabs: {
    flexWrap: 'wrap',
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
});
