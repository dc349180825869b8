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
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
  },
});

/** Props of `HelpHeader`. */
export interface HelpHeaderProps {
  lang: Lang;
  /** The view's two-line help (`ViewDef.help`). */
  help: string;
}

/** The top of every view: what it computes, and a link to the list of IND. functions. */
export function HelpHeader({ lang, help }: HelpHeaderProps): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root} data-testid="view-help">
      <Body1>{help}</Body1>
      <Link href={FUNCTION_HELP_HREF} target="_blank" rel="noreferrer">
        {t(lang, 'shell.functionHelp')}
      </Link>
    </div>
  );
}
