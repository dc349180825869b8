import {
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Lang } from '../../core/messages/types';
import type { WriteReport } from '../host/types';
import { t } from '../i18n';
import { useChangeReportStyles } from './ChangeReport.styles';

/** Props of `ChangeReport`. */
export interface ChangeReportProps {
  lang: Lang;
  /** The action as the user saw it, e.g. 'Rekenblad maken'. */
  action: string;
  report: WriteReport;
  onDismiss: () => void;
}

/** Rows shown before "show all": a narrow pane should still show the view below the report. */
export const COLLAPSED_ROWS = 8;

/**
 * What an action changed, shown right after it: every sheet + range + description, and a
 * notice for each sheet written under another name because the user had edited ours.
 * Auditable by design: a controller sees exactly which cells the pane touched.
 */
export function ChangeReport({ lang, action, report, onDismiss }: ChangeReportProps): JSX.Element {
  const styles = useChangeReportStyles();
  const titleId = useId();
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? report.changes : report.changes.slice(0, COLLAPSED_ROWS);
  const hidden = report.changes.length > COLLAPSED_ROWS;
  return (
    <section className={styles.root} aria-labelledby={titleId} data-testid="change-report">
      <div className={styles.header}>
        <Subtitle2 as="h2" id={titleId}>
          {t(lang, 'shell.report.title', { action })}
        </Subtitle2>
        <Button appearance="subtle" size="small" onClick={onDismiss}>
          {t(lang, 'shell.report.dismiss')}
        </Button>
      </div>
      {report.redirected.map((r) => (
        <MessageBar key={r.requested} intent="warning" layout="multiline">
          <MessageBarBody>
            {t(lang, 'shell.report.redirected', { requested: r.requested, actual: r.actual })}
          </MessageBarBody>
        </MessageBar>
      ))}
      {(report.notices ?? []).map((notice) => (
        <MessageBar key={notice} intent="warning" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ))}
      <Table size="extra-small" className={styles.table} aria-labelledby={titleId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t(lang, 'shell.report.sheet')}</TableHeaderCell>
            <TableHeaderCell>{t(lang, 'shell.report.range')}</TableHeaderCell>
            <TableHeaderCell>{t(lang, 'shell.report.what')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((c, i) => (
            <TableRow key={`${c.sheet}!${c.range}#${i}`}>
              <TableCell>{c.sheet}</TableCell>
              <TableCell>{c.range}</TableCell>
              <TableCell>{c.description}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {hidden && (
        <Button
          appearance="transparent"
          size="small"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded
            ? t(lang, 'shell.report.showFewer')
            : t(lang, 'shell.report.showAll', { count: report.changes.length })}
        </Button>
      )}
    </section>
  );
}
