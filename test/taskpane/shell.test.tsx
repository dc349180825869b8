import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { CalcError } from '../../src/core/errors';
import { App } from '../../src/taskpane/App';
import { ChangeReport } from '../../src/taskpane/components/ChangeReport';
import { useShell } from '../../src/taskpane/components/ShellContext';
import { ExcelGateway, type ExcelRun } from '../../src/taskpane/host/excelGateway';
import type { ViewDef, ViewProps } from '../../src/taskpane/views/types';
import { createFakeOffice, type FakeOffice } from '../browser/fake-office/fakeOffice';

// Fluent renders are slow in jsdom on a loaded machine; the default 5 s is too tight.
jest.setTimeout(30000);

function WriteView({ gateway, lang }: ViewProps): JSX.Element {
  const [done, setDone] = useState('');
  return (
    <div>
      <button
        onClick={() =>
          void (async () => {
            try {
              const r = await gateway.apply({
                action: lang === 'nl' ? 'Blad maken' : 'Make sheet',
                sheets: [
                  { name: 'IND Test', blocks: [{ at: 'B2', cells: [['Uren', '=1+1']], style: 'output' }] },
                ],
              });
              setDone(`${r.changes.length}`);
            } catch {
              setDone('failed');
            }
          })()
        }
      >
        {lang === 'nl' ? 'Schrijf' : 'Write'}
      </button>
      <output>{done}</output>
    </div>
  );
}

function OwnErrorView(): JSX.Element {
  const shell = useShell();
  return (
    <button onClick={() => shell.showError(new CalcError('hostSelectionEmpty', { received: 'A1:B2' }))}>
      eigen fout
    </button>
  );
}

function CrashView(): JSX.Element {
  throw new Error('kapot');
}

const views: ViewDef[] = [
  {
    id: 'write',
    label: { nl: 'Schrijven', en: 'Writing' },
    help: { nl: 'Schrijft een blad.\nTweede regel.', en: 'Writes a sheet.\nSecond line.' },
    Component: WriteView,
  },
  {
    id: 'own',
    label: { nl: 'Eigen', en: 'Own' },
    help: { nl: 'Eigen fout.', en: 'Own error.' },
    Component: OwnErrorView,
  },
  {
    id: 'crash',
    label: { nl: 'Stuk', en: 'Broken' },
    help: { nl: 'Gaat stuk.', en: 'Breaks.' },
    Component: CrashView,
  },
];

function setup(lang: 'nl' | 'en' = 'nl'): { fake: FakeOffice } {
  const fake = createFakeOffice();
  fake.workbook.addSheet('Blad1');
  render(
    <App gateway={new ExcelGateway({ run: fake.Excel.run as ExcelRun })} views={views} initialLang={lang} />,
  );
  return { fake };
}

describe('task-pane shell', () => {
  it('shows one tab per view, the first selected, with its help and the function-help link', () => {
    setup();
    const tabs = screen.getAllByRole('tab');
    expect(tabs).toEqual(['Schrijven', 'Eigen', 'Stuk'].map((name) => screen.getByRole('tab', { name })));
    expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false']);
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe('tab-write');
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs[0].id);
    expect(within(panel).getByText(/Schrijft een blad\./)).toBeTruthy();
    expect(
      within(panel).getByRole('link', { name: 'Overzicht van de IND.-functies' }).getAttribute('href'),
    ).toBe('functions.html');
    expect(screen.getByRole('heading', { level: 1, name: 'IND Rekenmodel' })).toBeTruthy();
  });

  it('selects a focused tab with Enter (arrow-key movement needs layout: see test/browser/shell.test.ts)', async () => {
    setup();
    const user = userEvent.setup();
    act(() => screen.getByRole('tab', { name: 'Eigen' }).focus());
    await user.keyboard('{Enter}');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-own');
    expect(screen.getByRole('tab', { name: 'Eigen' }).getAttribute('aria-selected')).toBe('true');
  });

  it('switches language: labels, help, html lang', async () => {
    setup();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Taal'), 'en');
    expect(screen.getAllByRole('tab')).toEqual(
      ['Writing', 'Own', 'Broken'].map((name) => screen.getByRole('tab', { name })),
    );
    expect(screen.getByText(/Writes a sheet\./)).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Language').value).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows the change report of an action: one line per sheet, its ranges on demand', async () => {
    const { fake } = setup();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Schrijf' }));
    const report = await screen.findByTestId('change-report');
    expect(within(report).getByRole('heading', { name: 'Gewijzigd door "Blad maken"' })).toBeTruthy();
    const rows = within(report)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual(['BladWijzigingen', 'IND Test2 cellenDetails']);
    await user.click(within(report).getByRole('button', { name: 'Details van IND Test' }));
    expect(
      within(report)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['BladWijzigingen', 'IND Test2 cellenDetails', 'B2:C22 cellen (uitkomst)']);
    // The report follows the pane's language after the write, details included.
    await user.selectOptions(screen.getByLabelText('Taal'), 'en');
    expect(
      within(report)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['SheetChanges', 'IND Test2 cellsDetails', 'B2:C22 cells (output)']);
    await user.selectOptions(screen.getByLabelText('Language'), 'nl');
    expect(fake.workbook.sheet('IND Test')!.get('C2')).toBe('=1+1');
    await user.click(within(report).getByRole('button', { name: 'Overzicht sluiten' }));
    expect(screen.queryByTestId('change-report')).toBeNull();
  });

  it('tells the user when a sheet was written under another name', async () => {
    const { fake } = setup();
    fake.workbook.setCells('IND Test', 'A1', [['van mij']]);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Schrijf' }));
    const report = await screen.findByTestId('change-report');
    expect(report.textContent).toContain(
      "Blad 'IND Test' is door u gewijzigd of is niet van het taakvenster; er is niets overschreven. Geschreven naar 'IND Test (2)'.",
    );
  });

  it('shows gateway errors in the error bar, in the active language, and dismisses them', async () => {
    const { fake } = setup();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Schrijf' }));
    await screen.findByTestId('change-report');
    fake.workbook.sheet('IND Test')!.protected = true;
    await user.click(screen.getByRole('button', { name: 'Schrijf' }));
    const alert = await screen.findByTestId('error-bar');
    expect(alert.textContent).toContain("Blad 'IND Test' is beveiligd");
    expect(screen.getByText('failed')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Taal'), 'en');
    expect(screen.getByTestId('error-bar').textContent).toContain("Sheet 'IND Test' is protected");
    await user.click(screen.getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByTestId('error-bar')).toBeNull();
  });

  it('lets a view show its own CalcError through useShell()', async () => {
    setup('en');
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Own' }));
    await user.click(screen.getByRole('button', { name: 'eigen fout' }));
    expect(screen.getByRole('alert').textContent).toContain('The selection A1:B2 contains only blank cells.');
  });

  it('keeps the pane usable when one view crashes', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    setup();
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Stuk' }));
    expect(screen.getByRole('alert').textContent).toBe('Dit onderdeel kon niet worden weergegeven: kapot');
    await user.click(screen.getByRole('tab', { name: 'Schrijven' }));
    expect(screen.getByRole('button', { name: 'Schrijf' })).toBeTruthy();
    spy.mockRestore();
  });

  it('says so when no views are registered', () => {
    render(<App gateway={new ExcelGateway({ run: createFakeOffice().Excel.run as ExcelRun })} views={[]} />);
    expect(screen.getByText('Er zijn nog geen onderdelen beschikbaar in deze versie.')).toBeTruthy();
    expect(screen.queryByRole('tablist')).toBeNull();
  });

  it('starts in English when Office says so (langFromLocale)', async () => {
    const { langFromLocale } = await import('../../src/taskpane/i18n');
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('EN-gb')).toBe('en');
    expect(langFromLocale('nl-NL')).toBe('nl');
    expect(langFromLocale('de-DE')).toBe('nl');
    expect(langFromLocale(undefined)).toBe('nl');
  });

  it('groups a long change report by sheet: one line per sheet with counts, details per sheet', async () => {
    const changes = [
      ...Array.from({ length: 11 }, (_, i) => ({
        sheet: 'S',
        range: `A${i + 1}`,
        description: '1 cell (title)',
      })),
      { sheet: 'S', range: 'A20:C29', description: 'table T with 9 rows' },
      { sheet: 'T', range: 'B2:C3', description: 'bedragen' },
      { sheet: '(werkmap)', range: 'IND_X', description: "naam IND_X verwijst naar 'S'!$A$1" },
    ];
    render(
      <ChangeReport
        lang="en"
        action="Big"
        report={{ changes, redirected: [] }}
        onDismiss={() => undefined}
      />,
    );
    const user = userEvent.setup();
    expect(screen.getAllByRole('row').map((r) => r.textContent)).toEqual([
      'SheetChanges',
      'S11 cells, 1 tableDetails',
      'T1 other changeDetails',
      '(workbook)1 nameDetails',
    ]);
    const toggle = screen.getByRole('button', { name: 'Details of S' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    act(() => toggle.focus());
    await user.keyboard('{Enter}');
    expect(screen.getAllByRole('row')).toHaveLength(1 + 3 + 12);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('table T with 9 rows')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Details of (workbook)' }));
    // A description written in Dutch is shown in English; an unknown one as it was written.
    expect(screen.getByText("name IND_X refers to 'S'!$A$1")).toBeTruthy();
  });
});
