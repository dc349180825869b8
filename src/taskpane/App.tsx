import {
  Caption1,
  FluentProvider,
  Label,
  Select,
  Tab,
  TabList,
  Text,
  Title3,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useId, useMemo, useState } from 'react';
import type { Lang } from '../core/messages/types';
import { ChangeReport } from './components/ChangeReport';
import { ErrorBar } from './components/ErrorBar';
import { HelpHeader } from './components/HelpHeader';
import { ShellContext, type ShellServices } from './components/ShellContext';
import { ViewErrorBoundary } from './components/ViewErrorBoundary';
import { withReporting } from './host/reportingGateway';
import type { WorkbookGateway, WriteReport } from './host/types';
import { t } from './i18n';
import { useAppStyles } from './App.styles';
import { views as registeredViews } from './views/registry';
import type { ViewDef } from './views/types';

/** Props of the task-pane shell. */
export interface AppProps {
  /** The workbook gateway (Office.js in the add-in, a fake in tests). */
  gateway: WorkbookGateway;
  /** The tabs; defaults to every view in `views/registry.ts`. */
  views?: ViewDef[];
  /** The starting language (from Office's display language). */
  initialLang?: Lang;
}

/**
 * The task-pane shell: title, language switch, error bar, change report and one tab per view.
 * It gives each view a gateway that reports to the shell, so every action's changes and
 * errors are shown the same way, in the active language.
 */
export function App({ gateway, views = registeredViews, initialLang = 'nl' }: AppProps): JSX.Element {
  const styles = useAppStyles();
  const languageId = useId();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [selected, setSelected] = useState<string | undefined>(views[0]?.id);
  const [error, setError] = useState<unknown>(undefined);
  const [report, setReport] = useState<{ action: string; report: WriteReport } | undefined>(undefined);

  useEffect(() => {
    gateway.setLanguage?.(lang);
    // Screen readers and spell checking follow the pane's language, not the page default.
    document.documentElement.lang = lang;
  }, [gateway, lang]);

  const services = useMemo(
    () => ({
      showError: (e: unknown) => setError(() => e),
      clearError: () => setError(undefined),
      showReport: (action: string, r: WriteReport) => {
        setError(undefined);
        setReport({ action, report: r });
      },
    }),
    [],
  );
  const reporting = useMemo(
    () => withReporting(gateway, { onApplied: services.showReport, onError: services.showError }),
    [gateway, services],
  );
  const shell: ShellServices = useMemo(() => ({ lang, ...services }), [lang, services]);

  const active = views.find((v) => v.id === selected) ?? views[0];

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <header className={styles.header}>
          <div className={styles.titles}>
            <Title3 as="h1">{t(lang, 'shell.title')}</Title3>
            <Caption1 className={styles.subtitle}>{t(lang, 'shell.subtitle')}</Caption1>
          </div>
          <div className={styles.language}>
            <Label htmlFor={languageId}>{t(lang, 'shell.language')}</Label>
            <Select id={languageId} value={lang} onChange={(_, d) => setLang(d.value === 'en' ? 'en' : 'nl')}>
              <option value="nl" lang="nl">
                {t(lang, 'shell.language.nl')}
              </option>
              <option value="en" lang="en">
                {t(lang, 'shell.language.en')}
              </option>
            </Select>
          </div>
        </header>
        {error !== undefined && <ErrorBar lang={lang} error={error} onDismiss={services.clearError} />}
        {report && (
          <ChangeReport
            lang={lang}
            action={report.action}
            report={report.report}
            onDismiss={() => setReport(undefined)}
          />
        )}
        {active ? (
          <>
            <TabList
              className={styles.tabs}
              selectedValue={active.id}
              onTabSelect={(_, d) => setSelected(String(d.value))}
              aria-label={t(lang, 'shell.views')}
            >
              {views.map((v) => (
                <Tab key={v.id} id={`tab-${v.id}`} value={v.id} aria-controls={`panel-${v.id}`}>
                  {v.label[lang]}
                </Tab>
              ))}
            </TabList>
            <section
              className={styles.panel}
              role="tabpanel"
              id={`panel-${active.id}`}
              aria-labelledby={`tab-${active.id}`}
            >
              <HelpHeader lang={lang} help={active.help[lang]} />
              <ShellContext.Provider value={shell}>
                <ViewErrorBoundary key={active.id} lang={lang}>
                  <active.Component gateway={reporting} lang={lang} />
                </ViewErrorBoundary>
              </ShellContext.Provider>
            </section>
          </>
        ) : (
          <Text>{t(lang, 'shell.noViews')}</Text>
        )}
      </main>
    </FluentProvider>
  );
}
