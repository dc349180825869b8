import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/**
 * Styles of the shell: Fluent tokens, a narrow single column that fits the task pane (320–500 px)
 * without sideways scrolling; the header is one line, so the view's first control sits near the top.
 */
export const useAppStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minHeight: '100vh',
    minWidth: 0,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    rowGap: tokens.spacingVerticalXS,
    columnGap: tokens.spacingHorizontalM,
  },
  title: {
    ...typographyStyles.subtitle2,
    margin: 0,
  },
  language: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
  },
  tabs: {
    flexWrap: 'wrap',
    // Fluent's tabs carry their own padding; in a narrow pane the wrapped rows sit close together.
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`,
  },
  // Three short rows of tabs at 320–350 px instead of three tall ones.
  tab: {
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
});
