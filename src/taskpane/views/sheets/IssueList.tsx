import { Checkbox } from '@fluentui/react-components';
import { formatError } from '../../../core/errors';
import type { Lang } from '../../../core/messages/types';
import type { Issue } from '../../../core/norms';
import { t } from '../../i18n';
import { useSheetsStyles } from './Sheets.styles';

/** Props of `IssueList`. */
export interface IssueListProps {
  lang: Lang;
  issues: readonly Issue[];
  /** Whether the user acknowledged the warnings (only asked when there are warnings only). */
  acknowledged: boolean;
  onAcknowledge: (value: boolean) => void;
}

/**
 * Every problem found before writing, each with its cell address and fix, errors first.
 * When only warnings remain, a checkbox asks the user to confirm them before writing.
 */
export function IssueList({ lang, issues, acknowledged, onAcknowledge }: IssueListProps): JSX.Element | null {
  const styles = useSheetsStyles();
  if (issues.length === 0) return null;
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return (
    <section aria-label={t(lang, 'sheets.issues.title')} className={styles.section}>
      <ul className={styles.issues} aria-label={t(lang, 'sheets.issues.title')}>
        {[...errors, ...warnings].map((i, k) => (
          <li key={k} className={i.severity === 'error' ? styles.error : styles.warning}>
            <strong>
              {t(lang, i.severity === 'error' ? 'sheets.issues.error' : 'sheets.issues.warning')}:{' '}
            </strong>
            {formatError(i.code, i.details, lang)}
          </li>
        ))}
      </ul>
      {errors.length === 0 && warnings.length > 0 && (
        <Checkbox
          label={t(lang, 'sheets.issues.ack')}
          checked={acknowledged}
          onChange={(_, d) => onAcknowledge(d.checked === true)}
        />
      )}
    </section>
  );
}
