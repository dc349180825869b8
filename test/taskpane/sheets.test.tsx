/**
 * The sheets views inside the real shell, over the real Excel gateway and the fake workbook:
 * write the parameter sheet, add a set, import norm times from a seeded selection, generate
 * the calculation sheet; and bad input (duplicate codes, text minutes, empty selection,
 * protected sheet, codes missing from the norms) that leaves the workbook unchanged.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { ExcelGateway, type ExcelRun } from '../../src/taskpane/host/excelGateway';
import { formatNumber } from '../../src/taskpane/i18n';
import { PARAMETER_LAYOUT, PARAMETERS } from '../../src/taskpane/plans';
import { sheetsViews } from '../../src/taskpane/views/sheets';
import { ACTIVE_KEY, SETS_KEY } from '../../src/taskpane/views/sheets/useParameters';
import { readTypedNumber } from '../../src/core/input';
import { createFakeOffice, type FakeOffice } from '../browser/fake-office/fakeOffice';

jest.setTimeout(30000);

function setup(
  seed?: (fake: FakeOffice) => void,
  lang: 'nl' | 'en' = 'nl',
): { fake: FakeOffice; gateway: ExcelGateway } {
  const fake = createFakeOffice();
  fake.workbook.addSheet('Blad1');
  seed?.(fake);
  const gateway = new ExcelGateway({ run: fake.Excel.run as ExcelRun });
  render(<App gateway={gateway} views={sheetsViews} initialLang={lang} />);
  return { fake, gateway };
}

/** The workbook's content without the counters that reads also change. */
function content(fake: FakeOffice): unknown {
  const { syncCount: _s, runCount: _r, selection: _sel, activeSheet: _a, ...rest } = fake.workbook.snapshot();
  return rest;
}

async function openTab(user: ReturnType<typeof userEvent.setup>, name: string): Promise<void> {
  await user.click(screen.getByRole('tab', { name }));
}

const normHeader = ['Code', 'Naam', 'Normminuten'];

describe('parameter view', () => {
  it('writes the parameter sheet with the active-set lookups and names, and saves the sets', async () => {
    const { fake, gateway } = setup();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Parameterblad schrijven' }));
    await screen.findByTestId('change-report');
    const sheet = fake.workbook.sheet('IND Parameters')!;
    expect(sheet.get('B4')).toBe('Model 2021');
    // The table follows the active-value rows: its first and last data rows depend on PARAMETERS.
    const f = PARAMETER_LAYOUT.tableHeaderRow + 1;
    const l = PARAMETER_LAYOUT.tableHeaderRow + 2 * PARAMETERS.length;
    expect(sheet.get('D8')).toBe(`=INDEX($C$${f}:$C$${l},MATCH(IND_ActieveSet&"|"&$B8,$G$${f}:$G$${l},0))`);
    expect(sheet.get(`G${f}`)).toBe(`=A${f}&"|"&B${f}`);
    const names = fake.workbook.names.map((n) => n.name);
    for (const p of PARAMETERS) expect(names).toContain(p.excelName);
    expect(names).toEqual(expect.arrayContaining(['IND_ActieveSet', 'IND_DirecteUrenModel']));
    expect(fake.workbook.table('IND_Parameters')).toBeDefined();
    expect(await gateway.loadSetting<string>(ACTIVE_KEY)).toBe('Model 2021');
    expect((await gateway.loadSetting<{ name: string }[]>(SETS_KEY))!.map((s) => s.name)).toEqual([
      'Model 2021',
      'Gemeten A&B 2021',
    ]);
    expect(screen.getByText('Parameterblad geschreven met 2 sets; actieve set: Model 2021.')).toBeTruthy();
  });

  it('shows the sets with Dutch percentages, rejects 74,7 typed for a ratio, and adds a set', async () => {
    const { fake } = setup();
    const user = userEvent.setup();
    const sets = screen.getByRole('table', { name: 'Parametersets' });
    expect(within(sets).getByRole('rowheader', { name: 'Model 2021' }).nextSibling?.textContent).toBe(
      '74,73%',
    );
    expect(within(sets).getByRole('rowheader', { name: 'Gemeten A&B 2021' }).nextSibling?.textContent).toBe(
      '57%',
    );

    const before = content(fake);
    await user.type(screen.getByLabelText('Naam nieuwe set'), 'Gemeten 2022');
    await user.type(screen.getByLabelText('Directe uren (fractie, bijv. 0,57)'), '74,7');
    await user.click(screen.getByRole('button', { name: 'Set toevoegen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      // The one percent check of the input vocabulary, naming the field as the pane shows it.
      'Directe uren (fractie, bijv. 0,57): verwacht een fractie tussen 0 en 1, ontvangen 74,7. Dit lijkt een percentage: gebruik 0,747 (74,7 → 0,747), of typ 74,7%.',
    );
    expect(content(fake)).toEqual(before);

    await user.clear(screen.getByLabelText('Directe uren (fractie, bijv. 0,57)'));
    await user.type(screen.getByLabelText('Directe uren (fractie, bijv. 0,57)'), '0,6');
    await user.click(screen.getByRole('button', { name: 'Set toevoegen' }));
    await screen.findByText(
      'Set “Gemeten 2022” toegevoegd. Schrijf het parameterblad om hem in de werkmap te zetten.',
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(sets).getByRole('rowheader', { name: 'Gemeten 2022' }).nextSibling?.textContent).toBe(
      '60%',
    );
    expect(screen.getByLabelText<HTMLSelectElement>('Actieve set').value).toBe('Gemeten 2022');

    await user.click(screen.getByRole('button', { name: 'Parameterblad schrijven' }));
    await screen.findByTestId('change-report');
    expect(fake.workbook.sheet('IND Parameters')!.get('B4')).toBe('Gemeten 2022');
    const t = fake.workbook.table('IND_Parameters')!;
    expect(t.rect.r1 - t.rect.r0).toBe(3 * PARAMETERS.length);
  });

  it('reads the sets back from the workbook table, so edits made in Excel are kept', async () => {
    const { fake, gateway } = setup();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Parameterblad schrijven' }));
    await screen.findByTestId('change-report');
    // The user types 0,6 over the measured set's direct-hour ratio in the table.
    const row =
      PARAMETER_LAYOUT.tableHeaderRow +
      1 +
      PARAMETERS.length +
      PARAMETERS.findIndex((p) => p.key === 'directRatio');
    expect(fake.workbook.sheet('IND Parameters')!.get(`A${row}`)).toBe('Gemeten A&B 2021');
    fake.workbook.setCells('IND Parameters', `C${row}`, [[0.6]]);
    cleanup();
    render(<App gateway={gateway} views={sheetsViews} initialLang="nl" />);
    const sets = screen.getByRole('table', { name: 'Parametersets' });
    await waitFor(() =>
      expect(within(sets).getByRole('rowheader', { name: 'Gemeten A&B 2021' }).nextSibling?.textContent).toBe(
        '60%',
      ),
    );
  });

  it('refuses to write into a protected parameter sheet and leaves the workbook unchanged', async () => {
    const { fake } = setup();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Parameterblad schrijven' }));
    await screen.findByTestId('change-report');
    fake.workbook.sheet('IND Parameters')!.protected = true;
    const before = content(fake);
    await user.selectOptions(screen.getByLabelText('Actieve set'), 'Gemeten A&B 2021');
    await user.click(screen.getByRole('button', { name: 'Parameterblad schrijven' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/beveiligd/i);
    expect(content(fake)).toEqual(before);
  });
});

describe('norm-time view', () => {
  it('imports a seeded selection, shows Dutch numbers, and writes IND_Normtijden', async () => {
    const { fake } = setup((f) => {
      f.workbook.setCells('Blad1', 'B2', [
        normHeader,
        ['S1', 'Spoor 1', 240],
        ['S4', 'Spoor 4', 1116.5],
        [77, 'Nareis', 180],
      ]);
      f.workbook.select('Blad1', 'B2:D5');
    });
    const user = userEvent.setup();
    await openTab(user, 'Normtijden');
    await user.click(screen.getByRole('button', { name: 'Uit selectie lezen' }));
    const preview = await screen.findByRole('table', { name: 'Gelezen normtijden' });
    expect(within(preview).getByRole('rowheader', { name: 'S4' }).parentElement!.textContent).toContain(
      '1.116,5',
    );
    expect(screen.getByText('3 normtijden uit Blad1!B2:D5, versie “2021”.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Normtabel schrijven' }));
    await screen.findByTestId('change-report');
    const t = fake.workbook.table('IND_Normtijden')!;
    const sheet = t.sheet;
    expect(sheet.name).toBe('IND Normtijden');
    expect([sheet.get('A4'), sheet.get('C4'), sheet.get('E4'), sheet.get('F4')]).toEqual([
      'Code',
      'Normminuten',
      'Versie',
      'Sleutel',
    ]);
    // Excel (and the fake) turn the text "2021" into a number; the key formula yields "2021|S4" either way.
    expect([sheet.get('A6'), sheet.get('C6'), String(sheet.get('E6')), sheet.get('F6')]).toEqual([
      'S4',
      1116.5,
      '2021',
      '=E6&"|"&A6',
    ]);
    expect(sheet.get('A7')).toBe(77);
    expect(screen.getByText('IND_Normtijden geschreven: 3 rijen, versies 2021.')).toBeTruthy();
  });

  it('keeps versions side by side: a second import under another version adds rows', async () => {
    const { fake } = setup((f) => {
      f.workbook.setCells('Blad1', 'A1', [normHeader, ['S1', 'Spoor 1', 240]]);
      f.workbook.select('Blad1', 'A1:C2');
    });
    const user = userEvent.setup();
    await openTab(user, 'Normtijden');
    await user.click(screen.getByRole('button', { name: 'Uit selectie lezen' }));
    await user.click(await screen.findByRole('button', { name: 'Normtabel schrijven' }));
    await screen.findByText('IND_Normtijden geschreven: 1 rijen, versies 2021.');
    await user.clear(screen.getByLabelText('Normversie'));
    await user.type(screen.getByLabelText('Normversie'), 'na tijdschrijven');
    fake.workbook.select('Blad1', 'A1:C2');
    await user.click(screen.getByRole('button', { name: 'Uit selectie lezen' }));
    await user.click(screen.getByRole('button', { name: 'Normtabel schrijven' }));
    await screen.findByText('IND_Normtijden geschreven: 2 rijen, versies 2021, na tijdschrijven.');
    const sheet = fake.workbook.sheet('IND Normtijden')!;
    expect([String(sheet.get('E5')), sheet.get('E6')]).toEqual(['2021', 'na tijdschrijven']);
  });

  it.each([
    [
      'duplicate codes',
      [normHeader, ['S1', 'a', 10], ['S1', 'b', 20]],
      'Productcode "S1" komt dubbel voor in versie "2021": Blad1!A2 en Blad1!A3.',
    ],
    [
      'text minutes',
      [normHeader, ['S1', 'a', '12,5']],
      'Normminuten in cel Blad1!C2 (code "S1"): verwacht een getal, ontvangen tekst "12,5".',
    ],
  ])('rejects %s with the cell address and writes nothing', async (_label, values, message) => {
    const { fake } = setup((f) => {
      f.workbook.setCells('Blad1', 'A1', values);
      f.workbook.select('Blad1', `A1:C${values.length}`);
    });
    const user = userEvent.setup();
    await openTab(user, 'Normtijden');
    const before = content(fake);
    await user.click(screen.getByRole('button', { name: 'Uit selectie lezen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    const list = screen.getByRole('list', { name: 'Gevonden problemen' });
    expect(within(list).getAllByRole('listitem')[0].textContent).toContain(message);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Normtabel schrijven' }).disabled).toBe(
      true,
    );
    expect(screen.getByText('Er is niets geschreven: los eerst de fouten op.')).toBeTruthy();
    expect(content(fake)).toEqual(before);
  });

  it('rejects an empty selection (the gateway says so) and writes nothing', async () => {
    const { fake } = setup((f) => f.workbook.select('Blad1', 'A1:C3'));
    const user = userEvent.setup();
    await openTab(user, 'Normtijden');
    const before = content(fake);
    await user.click(screen.getByRole('button', { name: 'Uit selectie lezen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/A1:C3/);
    expect(screen.queryByRole('table', { name: 'Gelezen normtijden' })).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Normtabel schrijven' }).disabled).toBe(
      true,
    );
    expect(content(fake)).toEqual(before);
  });

  it('asks to confirm implausible minutes before writing', async () => {
    setup((f) => {
      f.workbook.setCells('Blad1', 'A1', [normHeader, ['S1', 'a', 2], ['S2', 'b', 1.5], ['S3', 'c', 4]]);
      f.workbook.select('Blad1', 'A1:C4');
    });
    const user = userEvent.setup();
    await openTab(user, 'Normtijden');
    await user.click(screen.getByRole('button', { name: 'Uit selectie lezen' }));
    await screen.findByText(/Dat lijken uren, geen minuten/);
    const write = screen.getByRole<HTMLButtonElement>('button', { name: 'Normtabel schrijven' });
    expect(write.disabled).toBe(true);
    await user.click(
      screen.getByRole('checkbox', { name: 'Ik heb de waarschuwingen gecontroleerd; toch schrijven' }),
    );
    expect(write.disabled).toBe(false);
  });
});

describe('calculation view', () => {
  const seedNormsAndVolumes = (codes: (string | number)[]) => (f: FakeOffice) => {
    f.workbook.setCells('Blad1', 'A1', [normHeader, ['S1', 'Spoor 1', 60], ['S4', 'Spoor 4', 120]]);
    f.workbook.select('Blad1', 'A1:C3');
    f.workbook.addSheet('Invoer');
    f.workbook.addTable(
      'Invoer',
      'Volumes',
      'A1',
      ['Code', 'P1', 'P2', 'P3'],
      codes.map((c, i) => [c, 100 * (i + 1), 200, 300]),
    );
  };

  async function importNormsAndParams(user: ReturnType<typeof userEvent.setup>): Promise<void> {
    await user.click(screen.getByRole('button', { name: 'Parameterblad schrijven' }));
    await screen.findByText(/Parameterblad geschreven/);
    await openTab(user, 'Normtijden');
    await user.click(screen.getByRole('button', { name: 'Uit selectie lezen' }));
    await user.click(await screen.findByRole('button', { name: 'Normtabel schrijven' }));
    await screen.findByText(/IND_Normtijden geschreven/);
    await openTab(user, 'Rekenblad');
  }

  it('generates the live calculation sheet from the picked volume table and norm version', async () => {
    const { fake } = setup(seedNormsAndVolumes(['S1', 'S4']));
    const user = userEvent.setup();
    await importNormsAndParams(user);
    // Other tabs stay mounted (hidden) and have their own 'Normversie': look in the visible panel.
    await waitFor(() =>
      expect(within(screen.getByRole('tabpanel')).getByLabelText<HTMLSelectElement>('Normversie').value).toBe(
        '2021',
      ),
    );
    expect(screen.getByLabelText<HTMLSelectElement>('Volumetabel').value).toBe('Volumes');
    const before = fake.workbook.syncCount;
    await user.click(screen.getByRole('button', { name: 'Rekenblad maken' }));
    await screen.findByText('Rekenblad gemaakt: 2 producten × 3 perioden, alles als formule.');
    const s = fake.workbook.sheet('IND Rekenblad')!;
    expect(String(s.get('B3'))).toBe('2021');
    expect(s.get('C6')).toBe('=Volumes[[#Headers],[P1]]');
    expect(s.get('A7')).toBe('=INDEX(Volumes[[Code]],ROWS($A$7:$A7))');
    expect(s.get('C8')).toBe('=INDEX(Volumes[[P1]],MATCH($A8,Volumes[[Code]],0))*$B8/60');
    expect(s.get('E12')).toBe(
      '=IND.FTE(B12,IND_Periodeweken,IND_UrenPerFte,IND_DirecteUren,IND_VerloopFte,$B$4)',
    );
    expect(s.get('H12')).toBe(
      '=IND.SCENARIO(B12:B14,IND_BandOnder,IND_BandBoven,IND_PiekExtra,IND_PiekPerioden,"nl")',
    );
    expect(s.charts).toHaveLength(1);
    // Every numeric cell on the sheet is a formula. B3 is the norm-version input: a version name
    // that Excel stores as a number when it looks like one (2021); it is only used as text.
    const snap = fake.workbook.snapshot().sheets.find((x) => x.name === 'IND Rekenblad')!;
    expect(Object.entries(snap.cells).filter(([a, v]) => typeof v === 'number' && a !== 'B3')).toEqual([]);
    // A constant number of round trips for the write, whatever the size (O(1) syncs).
    expect(fake.workbook.syncCount - before).toBeLessThan(12);
  });

  it('refuses codes missing from the norm table, lists them, and writes nothing', async () => {
    const { fake } = setup(seedNormsAndVolumes(['S1', 'S9', 'X1']));
    const user = userEvent.setup();
    await importNormsAndParams(user);
    // Other tabs stay mounted (hidden) and have their own 'Normversie': look in the visible panel.
    await waitFor(() =>
      expect(within(screen.getByRole('tabpanel')).getByLabelText<HTMLSelectElement>('Normversie').value).toBe(
        '2021',
      ),
    );
    const before = content(fake);
    await user.click(screen.getByRole('button', { name: 'Rekenblad maken' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      '2 productcode(s) uit volumetabel "Volumes" ontbreken in normversie "2021": "S9", "X1". Er is niets geschreven.',
    );
    expect(fake.workbook.sheet('IND Rekenblad')).toBeUndefined();
    expect(content(fake)).toEqual(before);
  });

  it('writes the fictitious example volumes and offers them', async () => {
    const { fake } = setup();
    const user = userEvent.setup();
    await openTab(user, 'Rekenblad');
    await user.click(screen.getByRole('button', { name: 'Voorbeeldvolumes (fictief) schrijven' }));
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLSelectElement>('Volumetabel').value).toBe('IND_VoorbeeldVolumes'),
    );
    expect(fake.workbook.sheet('IND Voorbeeldvolumes')!.get('A1')).toBe('Voorbeeldvolumes (FICTIEF)');
    expect(screen.getByText('Nog geen tabel IND_Normtijden: importeer eerst normtijden.')).toBeTruthy();
  });
});

describe('numbers in the pane', () => {
  it('formats Dutch first and English on request, and parses what users type', () => {
    expect(formatNumber('nl', 1116.5)).toBe('1.116,5');
    expect(formatNumber('en', 1116.5)).toBe('1,116.5');
    // The pane's one typed-number reader (src/core/input/typed.ts), in the user's language.
    const place = { argument: 'x' };
    expect(readTypedNumber('0,57', 'nl', place)).toBe(0.57);
    expect(readTypedNumber('1.116,5', 'nl', place)).toBe(1116.5);
    expect(readTypedNumber('1,116.5', 'en', place)).toBe(1116.5);
    expect(() => readTypedNumber('1,116.5', 'nl', place)).toThrow('Did you mean 1.116,5?');
    expect(() => readTypedNumber('abc', 'nl', place)).toThrow('is not a number');
  });

  it('shows the views in English when asked', async () => {
    setup(undefined, 'en');
    expect(screen.getByRole('tab', { name: 'Norm times' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Write parameter sheet' })).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Parameter sets' })).getByText('74.73%')).toBeTruthy();
  });
});
