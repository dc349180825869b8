import { FluentProvider, Label, Select, Tab, TabList, Text, webLightTheme } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import type { Lang } from '../core/messages/types';
import { PaneStateProvider } from './components/paneState';
import { ViewHost } from './components/ViewHost';
import type { WorkbookGateway } from './host/types';
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
 * The task-pane shell: a one-line header (title, language switch), the tabs, and one panel per
 * view. A view is mounted the first time its tab is opened and stays mounted (hidden) after
 * that, so switching tabs never throws work away; its inputs that matter are also kept in the
 * workbook (`PaneStateProvider`). Each panel shows its own errors and change reports, next to the
 * view that caused them (`ViewHost`).
 */
export function App({ gateway, views = registeredViews, initialLang = 'nl' }: AppProps): JSX.Element {
  const styles = useAppStyles();
  const languageId = useId();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [selected, setSelected] = useState<string | undefined>(views[0]?.id);
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set(views[0] ? [views[0].id] : []));

  useEffect(() => {
    gateway.setLanguage?.(lang);
    // Screen readers and spell checking follow the pane's language, not the page default.
    document.documentElement.lang = lang;
  }, [gateway, lang]);

  const active = views.find((v) => v.id === selected) ?? views[0];
  const select = (id: string): void => {
    setSelected(id);
    setVisited((v) => (v.has(id) ? v : new Set([...v, id])));
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <header className={styles.header}>
          <h1 className={styles.title}>{t(lang, 'shell.title')}</h1>
          <div className={styles.language}>
            <Label htmlFor={languageId} size="small">
              {t(lang, 'shell.language')}
            </Label>
            <Select
              id={languageId}
              size="small"
              value={lang}
              onChange={(_, d) => setLang(d.value === 'en' ? 'en' : 'nl')}
            >
              <option value="nl" lang="nl">
                {t(lang, 'shell.language.nl')}
              </option>
              <option value="en" lang="en">
                {t(lang, 'shell.language.en')}
              </option>
            </Select>
          </div>
        </header>
        {active ? (
          <PaneStateProvider gateway={gateway}>
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={active.id}
              onTabSelect={(_, d) => select(String(d.value))}
              aria-label={t(lang, 'shell.views')}
            >
              {views.map((v) => (
                <Tab
                  key={v.id}
                  className={styles.tab}
                  id={`tab-${v.id}`}
                  value={v.id}
                  aria-controls={`panel-${v.id}`}
                >
                  {v.label[lang]}
                </Tab>
              ))}
            </TabList>
            {views
              .filter((v) => v.id === active.id || visited.has(v.id))
              .map((v) => (
                <ViewHost key={v.id} view={v} gateway={gateway} lang={lang} active={v.id === active.id} />
              ))}
          </PaneStateProvider>
        ) : (
          <Text>{t(lang, 'shell.noViews')}</Text>
        )}
      </main>
    </FluentProvider>
  );
}
