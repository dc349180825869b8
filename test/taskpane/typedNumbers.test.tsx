/**
 * Typed numbers in the real pane (issue 8): "1.250" typed in each tab means the same (1250 in
 * Dutch) and ends up as 1250 on the sheet, or is refused the same way where 1250 cannot be, with
 * nothing written; in Tijdschrijven a workload typed the normal Dutch way as 83.000 is 83000 (it
 * used to be read as 83 without a warning: the fte gap dropped from 212,2 to 0,2); a HOT norm
 * typed as 8 instead of 0,08 is refused with the clean suggestion and nothing is written.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { ExcelGateway, type ExcelRun } from '../../src/taskpane/host/excelGateway';
import { fundingViews } from '../../src/taskpane/views/funding';
import { timeRecordingViews } from '../../src/taskpane/views/timerecording';
import { sheetsViews } from '../../src/taskpane/views/sheets';
import { createFakeOffice, type FakeOffice } from '../browser/fake-office/fakeOffice';
import type { ViewDef } from '../../src/taskpane/views/types';

jest.setTimeout(60000);

function setup(views: ViewDef[], seed?: (fake: FakeOffice) => void): { fake: FakeOffice } {
  const fake = createFakeOffice();
  fake.workbook.addSheet('Blad1');
  seed?.(fake);
  render(
    <App gateway={new ExcelGateway({ run: fake.Excel.run as ExcelRun })} views={views} initialLang="nl" />,
  );
  return { fake };
}

/**
 * The workbook's content: sheets, names and custom XML parts, without the pane's kept inputs
 * (`ind.pane.state`, what the user typed, saved by design a moment after typing: "nothing
 * written" is about the sheets and the add-in's own records).
 */
function content(fake: FakeOffice): unknown {
  const { syncCount: _s, runCount: _r, selection: _sel, activeSheet: _a, ...rest } = fake.workbook.snapshot();
  return {
    ...rest,
    customXmlParts: rest.customXmlParts
      .map((p) => ({ ...p, xml: p.xml.replace(/<entry key="ind\.pane\.state">[^<]*<\/entry>/, '') }))
      .filter((p) => !/^<settings [^>]*><\/settings>$/.test(p.xml)),
  };
}

async function retype(user: ReturnType<typeof userEvent.setup>, label: string, text: string): Promise<void> {
  const field = screen.getByLabelText(label);
  await user.clear(field);
  await user.type(field, text);
}

/** A time recording of one team: 570 direct hours of 1,000 (57%), so S3 at 83,000 h is 264,9 fte. */
const EXPORT_HEADERS = ['Datum', 'Team', 'Categorie', 'Uren'];
function exportRows(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const [cat, total] of [
    ['Zaak', 570],
    ['Overleg', 134],
    ['Verlof', 296],
  ] as const) {
    for (let left = total; left > 0; left -= 24) rows.push(['04-01-2021', 'Team A', cat, Math.min(24, left)]);
  }
  return rows;
}

/** Opens Tijdschrijven, imports the table and maps its three categories. */
async function importTimeRecording(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(screen.getByRole('radio', { name: 'Tabel in de werkmap' }));
  await user.click(screen.getByRole('button', { name: 'Tabellen ophalen' }));
  await user.selectOptions(await screen.findByLabelText('Tabel met uren'), 'Export');
  await user.click(await screen.findByRole('button', { name: 'Inlezen' }));
  await user.selectOptions(await screen.findByLabelText('Zaak'), 'direct');
  await user.selectOptions(screen.getByLabelText('Overleg'), 'meetings');
  await user.selectOptions(screen.getByLabelText('Verlof'), 'leave');
}

describe('Tijdschrijven', () => {
  it('reads 83.000 as 83000: the preview shows the fte gap at 83,000 hours and the sheet gets 83000', async () => {
    const { fake } = setup(timeRecordingViews, (f) =>
      f.workbook.addTable('Blad1', 'Export', 'A1', EXPORT_HEADERS, exportRows()),
    );
    const user = userEvent.setup();
    await importTimeRecording(user);
    await retype(user, 'Werklast (uren per 4 weken)', '83.000');
    const preview = await screen.findByRole('table', { name: 'Voorbeeld' });
    const row = within(preview)
      .getByText('Fte-verschil model → gemeten, met verloopopslag [S3]')
      .closest('tr')!;
    expect(row.querySelectorAll('td')[1].textContent).toBe('264,9');
    const excl = within(preview)
      .getByText('Fte-verschil model → gemeten, zonder verloopopslag [S2]')
      .closest('tr')!;
    expect(excl.querySelectorAll('td')[1].textContent).toBe('239,9');
    await user.click(screen.getByRole('button', { name: 'Analyse naar werkmap schrijven' }));
    await screen.findByTestId('change-report');
    const name = fake.workbook.names.find((n) => n.name === 'IND_TS_Werklast')!;
    const a1 = /!\$?([A-Z]+)\$?(\d+)$/.exec(name.formula)!;
    expect(fake.workbook.sheet('IND TS Analyse')!.get(`${a1[1]}${a1[2]}`)).toBe(83000);
  });

  it('a HOT norm typed as 8 instead of 0,08: the clean suggestion, nothing written', async () => {
    const { fake } = setup(timeRecordingViews, (f) =>
      f.workbook.addTable('Blad1', 'Export', 'A1', EXPORT_HEADERS, exportRows()),
    );
    const user = userEvent.setup();
    await importTimeRecording(user);
    await retype(
      user,
      'Afwezigheid volgens de HOT-norm (fractie van bruto uren; 0,236 is afgeleid, aanname)',
      '8',
    );
    const before = content(fake);
    await user.click(screen.getByRole('button', { name: 'Analyse naar werkmap schrijven' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'ontvangen 8. Dit lijkt een percentage: gebruik 0,08 (8 → 0,08)',
    );
    expect(content(fake)).toEqual(before);
    expect(fake.workbook.sheet('IND TS Analyse')).toBeUndefined();
  });

  it('"1.250" as the workload is 1250 on the sheet', async () => {
    const { fake } = setup(timeRecordingViews, (f) =>
      f.workbook.addTable('Blad1', 'Export', 'A1', EXPORT_HEADERS, exportRows()),
    );
    const user = userEvent.setup();
    await importTimeRecording(user);
    await retype(user, 'Werklast (uren per 4 weken)', '1.250');
    await user.click(screen.getByRole('button', { name: 'Analyse naar werkmap schrijven' }));
    await screen.findByTestId('change-report');
    expect(fake.workbook.sheet('IND TS Analyse')!.get('B6')).toBe(1250);
  });
});

describe('"1.250" typed in each tab: the same number everywhere (1250), or the same refusal', () => {
  it('Financiering: the lumpsum 1.250 is 1250 on the sheet; a direct ratio 1.250 is refused, nothing written', async () => {
    const { fake } = setup(fundingViews);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Voorbeeld gebruiken' }));
    await retype(user, 'Directe uren set B (fractie)', '1.250');
    const before = content(fake);
    await user.click(screen.getByRole('button', { name: 'Financieringsblad maken' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Directe uren set B (fractie): verwacht een fractie groter dan 0 en hoogstens 1 (bijv. 0,7473), ontvangen 1250.',
    );
    expect(content(fake)).toEqual(before);
    await retype(user, 'Directe uren set B (fractie)', '0,57');
    await retype(user, 'Lumpsum (€)', '1.250');
    await user.click(screen.getByRole('button', { name: 'Financieringsblad maken' }));
    await screen.findByTestId('change-report');
    expect(fake.workbook.sheet('IND Financiering')!.get('B5')).toBe(1250);
  });

  it('Nacalculatie: the ledger 1.250 is 1250 on the sheet; a threshold 1.250 (fraction) is refused, nothing written', async () => {
    const { fake } = setup(fundingViews);
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Nacalculatie' }));
    await user.click(screen.getByRole('button', { name: 'Voorbeeldinvoer invoegen' }));
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLSelectElement>('Tabel begroting').value).toBe(
        'IND_Nac_Begroting_Voorbeeld',
      ),
    );
    await user.selectOptions(screen.getByLabelText('Periode: jaar'), '2026');
    await user.selectOptions(screen.getByLabelText('Periode: tertaal of maand'), 'T1');
    await retype(user, 'Drempel (fractie van budget, bijv. 0,05)', '1.250');
    const before = content(fake);
    await user.click(screen.getByRole('button', { name: 'Nacalculatie maken' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Drempel (fractie van budget, bijv. 0,05): verwacht een fractie van 0 tot en met 1 (bijv. 0,13), ontvangen 1250.',
    );
    expect(content(fake)).toEqual(before);
    await retype(user, 'Drempel (fractie van budget, bijv. 0,05)', '0,05');
    await retype(user, 'Grootboektotaal (€, leeg = geen)', '1.250');
    await user.click(screen.getByRole('button', { name: 'Nacalculatie maken' }));
    await waitFor(() => expect(fake.workbook.sheet('IND Nacalculatie 2026-T1')).toBeDefined());
    expect(fake.workbook.sheet('IND Nacalculatie 2026-T1')!.get('B5')).toBe(1250);
  });

  it('Parameters: a new set with ratio 1.250 is refused as 1250 (not as 1,25), nothing written', async () => {
    const { fake } = setup(sheetsViews);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Naam nieuwe set'), 'Gemeten 2022');
    await user.type(screen.getByLabelText('Directe uren (fractie, bijv. 0,57)'), '1.250');
    const before = content(fake);
    await user.click(screen.getByRole('button', { name: 'Set toevoegen' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Directe uren (fractie, bijv. 0,57): verwacht een fractie groter dan 0 en hoogstens 1 (bijv. 0,7473), ontvangen 1250.',
    );
    expect(content(fake)).toEqual(before);
  });
});
