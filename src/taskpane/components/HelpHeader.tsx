import { Body1, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/messages/types';
import { t } from '../i18n';

/**
 * The function help page, generated at build time from the same metadata Excel shows
 * (`functions.html`, Dutch and English). Relative, so the pane never links off its own origin.
 */
export const FUNCTION_HELP_HREF = 'functions.html';

const useStyles = makeStyles({
  root: {
    color: tokens.colorNeutralForeground2,
  },
  summary: {
    cursor: 'pointer',
    color: tokens.colorBrandForegroundLink,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalXS,
  },
});

/** Props of `HelpHeader`. */
export interface HelpHeaderProps {
  lang: Lang;
  /** The view's two-line help (`ViewDef.help`). */
  help: string;
}

/**
 * The top of every view: one line that opens what the view computes and a link to the list of
 * IND. functions. Collapsed by default, so the view's first control sits near the top of a
 * narrow pane (a native disclosure: keyboard and screen readers need nothing extra).
 */
export function HelpHeader({ lang, help }: HelpHeaderProps): JSX.Element {
  const styles = useStyles();
  return (
    <details className={styles.root} data-testid="view-help">
      <summary className={styles.summary}>{t(lang, 'pane.help.toggle')}</summary>
      <div className={styles.body}>
        <Body1>{help}</Body1>
        <Link href={FUNCTION_HELP_HREF} target="_blank" rel="noreferrer">
          {t(lang, 'shell.functionHelp')}
        </Link>
      </div>
    </details>
  );
}
