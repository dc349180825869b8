import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of `ChangeReport`: Fluent tokens only. */
export const useChangeReportStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
  table: {
    tableLayout: 'auto',
    width: '100%',
  },
  sheet: { overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  range: { overflowWrap: 'anywhere', paddingLeft: tokens.spacingHorizontalM },
  detail: { color: tokens.colorNeutralForeground2 },
});
