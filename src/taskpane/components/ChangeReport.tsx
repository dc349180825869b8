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
import { forwardRef, Fragment, useId, useState } from 'react';
import type { Lang } from '../../core/messages/types';
import type { WriteReport } from '../host/types';
import { t } from '../i18n';
import { useChangeReportStyles } from './ChangeReport.styles';
import { describeChange, groupBySheet, sheetLabel, summarizeSheet } from './changeText';

/** Props of `ChangeReport`. */
export interface ChangeReportProps {
  lang: Lang;
  /** The action as the user saw it, e.g. 'Rekenblad maken'. */
  action: string;
  report: WriteReport;
  onDismiss: () => void;
}

/**
 * What an action changed, shown right after it: one line per sheet with what was written there
 * (cells, tables, charts, names), the sheet's ranges and descriptions on demand, and a notice for
 * each sheet written under another name because the user had edited ours. It follows the pane's
 * language, also after the write. Auditable by design: a controller sees exactly which cells the
 * pane touched. Focusable (tabIndex -1) so the shell can move focus to it after an action.
 */
export const ChangeReport = forwardRef<HTMLElement, ChangeReportProps>(function ChangeReport(
  { lang, action, report, onDismiss },
  ref,
): JSX.Element {
  const styles = useChangeReportStyles();
  const titleId = useId();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const groups = groupBySheet(report.changes);
  const toggle = (sheet: string): void =>
    setOpen((o) => {
      const next = new Set(o);
      if (next.has(sheet)) next.delete(sheet);
      else next.add(sheet);
      return next;
    });
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className={styles.root}
      aria-labelledby={titleId}
      data-testid="change-report"
    >
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
          <MessageBarBody>{describeNotice(notice, lang)}</MessageBarBody>
        </MessageBar>
      ))}
      <Table size="extra-small" className={styles.table} aria-labelledby={titleId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t(lang, 'shell.report.sheet')}</TableHeaderCell>
            <TableHeaderCell>{t(lang, 'pane.report.changes')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {groups.map((g) => {
            const shown = open.has(g.sheet);
            const label = sheetLabel(g.sheet, lang);
            return (
              <Fragment key={g.sheet}>
                <TableRow>
                  <TableCell className={styles.sheet}>{label}</TableCell>
                  <TableCell>
                    <div className={styles.summary}>
                      <span>{summarizeSheet(g.changes, lang)}</span>
                      <Button
                        appearance="transparent"
                        size="small"
                        aria-expanded={shown}
                        aria-label={t(lang, 'pane.report.detailsOf', { sheet: label })}
                        onClick={() => toggle(g.sheet)}
                      >
                        {t(lang, 'pane.report.details')}
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
                {shown &&
                  g.changes.map((c, i) => (
                    <TableRow key={`${c.range}#${i}`} className={styles.detail}>
                      <TableCell className={styles.range}>{c.range}</TableCell>
                      <TableCell>{describeChange(c.description, lang)}</TableCell>
                    </TableRow>
                  ))}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
});

/** A host notice ('sheet: description') with its description in `lang`. */
function describeNotice(notice: string, lang: Lang): string {
  const i = notice.indexOf(': ');
  if (i < 0) return notice;
  return `${sheetLabel(notice.slice(0, i), lang)}: ${describeChange(notice.slice(i + 2), lang)}`;
}
