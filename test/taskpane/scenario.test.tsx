/**
 * The scenario view inside the real shell, over the real Excel gateway and the fake workbook:
 * generate the 2017 case, write the live sheet and its IND Parameters rows in one batch, edit a
 * staffing parameter in the form and in the table, save versions and compare them side by side,
 * read a selection, and bad input that writes nothing.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DEFAULT_STAFF,
  generateTemplate,
  REVIEW_BAND,
  RULE_PRESETS,
  simulate,
  summarize,
} from '../../src/core/scenario';
import { App } from '../../src/taskpane/App';
import { PANE_STATE_KEY } from '../../src/taskpane/components/paneState';
import { settingsFromXml } from '../../src/taskpane/host/registry';
import type { ScenarioForm } from '../../src/taskpane/plans/scenario/form';
import { formatNumber } from '../../src/taskpane/i18n';
import { ExcelGateway, type ExcelRun } from '../../src/taskpane/host/excelGateway';
import { colOf, SCENARIO_LAYOUT, TABLE_HEADER_ROW } from '../../src/taskpane/plans/scenario/scenarioSheet';
import { scenarioViews } from '../../src/taskpane/views/scenario';
import { SAVED_KEY } from '../../src/taskpane/views/scenario/useScenario';
import { createFakeOffice, type FakeOffice } from '../browser/fake-office/fakeOffice';

jest.setTimeout(120000);

function setup(): { fake: FakeOffice; gateway: ExcelGateway } {
  const fake = createFakeOffice();
  fake.workbook.addSheet('Blad1');
  const gateway = new ExcelGateway({ run: fake.Excel.run as ExcelRun });
  render(<App gateway={gateway} views={scenarioViews} initialLang="nl" />);
  return { fake, gateway };
}

const seriesBox = (): HTMLTextAreaElement =>
  screen.getByLabelText<HTMLTextAreaElement>(/Werklast per periode/);
const r0 = TABLE_HEADER_ROW + 1;

/**
 * The scenario form as the pane last kept it in the workbook (`ind.pane.state`). The pane saves
 * its inputs a moment after a change, in a round trip of its own; a test that counts the syncs of
 * a write waits for that save first, so that the count is the write's alone (under load the save
 * landed inside the write's window: 10 syncs counted for a write of 7).
 */
function keptForm(fake: FakeOffice): Partial<ScenarioForm> | undefined {
  for (const part of fake.workbook.xmlParts) {
    const json = settingsFromXml(part.xml).get(PANE_STATE_KEY);
    if (json !== undefined) return (JSON.parse(json) as Record<string, ScenarioForm>)['scenario.form'];
  }
  return undefined;
}
const KEPT = { timeout: 10000 };

/** The fake's cell address of a table row's value (Waarde column) for a set and parameter key. */
function tableValueCell(fake: FakeOffice, set: string, key: string): string {
  const sheet = fake.workbook.sheet('IND Parameters')!;
  for (let row = 1; row < 400; row++) {
    if (sheet.get(`A${row}`) === set && sheet.get(`B${row}`) === key) return `C${row}`;
  }
  throw new Error(`no row ${set}|${key}`);
}

describe('scenario view', () => {
  it('generates the 2017 case and writes the live sheet with its IND Parameters rows in one batch', async () => {
    const { fake } = setup();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Sjabloon'), 'case2017');
    await user.click(screen.getByRole('button', { name: 'Sjabloon invullen' }));
    expect(seriesBox().value.split('\n')).toHaveLength(78);
    // The 2017 template switches to the rule of 2017 and starts with the assumed existing backlog.
    expect(screen.getByLabelText<HTMLSelectElement>('Financieringsregel').value).toBe('advance2017');
    expect(screen.getByLabelText<HTMLInputElement>('Beginachterstand').value).toBe('83000');
    expect(screen.getByLabelText<HTMLInputElement>('Actief afbouwen bij minder geld').checked).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Simuleren' }));
    const results = await screen.findByRole('table', { name: 'Uitkomst' });
    // The pane shows the simulator's figures for this series with the default parameters, in Dutch notation.
    const series = generateTemplate('case2017', REVIEW_BAND);
    const expected = summarize(
      simulate({
        ...series,
        band: REVIEW_BAND,
        rule: { ...RULE_PRESETS.advance2017, floor: 0, cap: Infinity },
        staff: DEFAULT_STAFF,
        lumpsum: 0,
        initialBacklog: series.initialBacklog!,
      }),
    );
    const cell = (label: string): string | null | undefined =>
      within(results).getByText(label).nextSibling?.textContent;
    expect(cell('Actieve afbouw totaal (fte)')).toBe(formatNumber('nl', expected.totalReductionsFte, 1));
    expect(cell('Actieve afbouw totaal (fte)')).toBe('101,2');
    // 709.206 before the stable start counted its cohorts hired before period 1 (year 1 then
    // delivered 1.549 h more than a stable year); 710.755 since.
    expect(cell('Grootste achterstand (uren)')).toBe('710.755');
    expect(cell('Perioden tot weggewerkt (vanaf de grootste achterstand)')).toBe('niet binnen de reeks');

    await waitFor(() => expect(keptForm(fake)?.seriesText).toBe(seriesBox().value), KEPT);
    const before = fake.workbook.syncCount;
    await user.click(screen.getByRole('button', { name: 'Naar werkblad schrijven' }));
    await screen.findByTestId('change-report');
    const syncs = fake.workbook.syncCount - before;
    const sheet = fake.workbook.sheet('IND Scenario')!;
    expect(sheet.get('A1')).toBe('Scenario en financieringspad: Casus 2017');
    expect(sheet.get('B5')).toBe('prognose');
    const W = `B${r0}:B${r0 + 77}`;
    expect(sheet.get(`D${r0}`)).toBe(
      `=IND.SCENARIO(${W},IND_Sim_BandOnder,IND_Sim_BandBoven,IND_Sim_PiekExtra,IND_Sim_PiekPerioden,"nl")`,
    );
    const B = colOf('backlog');
    expect(sheet.get(`${B}${r0 + 1}`)).toBe(`=MAX(0,${B}${r0}+B${r0 + 1}-${colOf('capacity')}${r0 + 1})`);
    expect(String(sheet.get(`H${SCENARIO_LAYOUT.checkRow + 1}`))).toContain(`IND.BACKLOG(${W},`);
    expect(String(sheet.get(`${colOf('inductionLoss')}${r0 + 3}`))).toContain(
      `SUMPRODUCT($${colOf('hires')}$${r0}:${colOf('hires')}${r0 + 3},`,
    );
    expect(sheet.charts).toHaveLength(1);
    expect(fake.workbook.names.some((n) => n.name === 'IND_Sim_Ondergrens')).toBe(true);
    // The staffing inputs are formulas on the IND Parameters rows, written in the same batch.
    const inputs = Array.from({ length: 40 }, (_, i) => sheet.get(`B${4 + i}`));
    expect(inputs).toEqual(
      expect.arrayContaining(['=IND_Wervingstijd', '=IND_Wervingsbeleid', '=IND_MaxInwerkers']),
    );
    expect(fake.workbook.table('IND_Parameters')).toBeDefined();
    expect(
      fake.workbook.sheet('IND Parameters')!.get(tableValueCell(fake, 'Model 2021', 'hiringPolicy')),
    ).toBe('jaareinde');
    expect(screen.getByRole('status').textContent).toMatch(
      /^Geschreven: \d+ wijzigingen, ook in IND Parameters \(set Model 2021\)\.$/,
    );

    // A long peak has no forecast: the forecast rule runs on forecast = workload, and the sheet says so.
    await user.selectOptions(screen.getByLabelText('Sjabloon'), 'longPeak');
    await user.click(screen.getByRole('button', { name: 'Sjabloon invullen' }));
    await user.click(screen.getByRole('button', { name: 'Naar werkblad schrijven' }));
    await waitFor(() => expect(fake.workbook.sheet('IND Scenario')!.get(`C${r0}`)).toBe(`=B${r0}`));
    expect(fake.workbook.sheet('IND Scenario')!.get(`A${TABLE_HEADER_ROW - 2}`)).toMatch(
      /^Geen prognose opgegeven/,
    );

    // Rewriting our own, unedited sheet: the round trips do not depend on the number of periods.
    await user.selectOptions(screen.getByLabelText('Financieringsregel'), 'path');
    await waitFor(() => expect(keptForm(fake)?.preset).toBe('path'), KEPT);
    const before2 = fake.workbook.syncCount;
    await user.click(screen.getByRole('button', { name: 'Naar werkblad schrijven' }));
    await waitFor(() => expect(fake.workbook.sheet('IND Scenario')!.get('B5')).toBe('realisatie'));
    const rewrite78 = fake.workbook.syncCount - before2;
    const short = seriesBox().value.split('\n').slice(0, 20).join('\n');
    await user.clear(seriesBox());
    await user.click(seriesBox());
    await user.paste(short);
    await waitFor(() => expect(keptForm(fake)?.seriesText).toBe(seriesBox().value), KEPT);
    const before3 = fake.workbook.syncCount;
    await user.click(screen.getByRole('button', { name: 'Naar werkblad schrijven' }));
    await waitFor(() =>
      expect(fake.workbook.sheet('IND Scenario')!.get(`D${r0}`)).toContain(`B${r0}:B${r0 + 19}`),
    );
    expect(fake.workbook.syncCount - before3).toBe(rewrite78);
    expect(Math.max(syncs, rewrite78)).toBeLessThanOrEqual(12);
  });

  it('edits a staffing parameter in the form and keeps one changed in the table', async () => {
    const { fake } = setup();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Sjabloon'), 'normal');
    await user.click(screen.getByRole('button', { name: 'Sjabloon invullen' }));
    await user.clear(screen.getByLabelText('Wervingstijd'));
    await user.type(screen.getByLabelText('Wervingstijd'), '4');
    await user.selectOptions(screen.getByLabelText('Vervanging vertrekkers'), 'immediate');
    await user.click(screen.getByRole('button', { name: 'Naar werkblad schrijven' }));
    await screen.findByTestId('change-report');
    const params = (): ReturnType<typeof fake.workbook.requireSheet> =>
      fake.workbook.sheet('IND Parameters')!;
    expect(params().get(tableValueCell(fake, 'Model 2021', 'recruitmentLag'))).toBe(4);
    expect(params().get(tableValueCell(fake, 'Model 2021', 'hiringPolicy'))).toBe('direct');

    // The user changes the coaching capacity in the table; the form still shows 0,3 (untouched).
    fake.workbook.setCells('IND Parameters', tableValueCell(fake, 'Model 2021', 'traineeCap'), [[0.5]]);
    await user.click(screen.getByRole('button', { name: 'Naar werkblad schrijven' }));
    await waitFor(() =>
      expect(
        screen.getByLabelText<HTMLInputElement>('Begeleidingscapaciteit (nieuwe per ervaren fte)').value,
      ).toBe('0,5'),
    );
    expect(params().get(tableValueCell(fake, 'Model 2021', 'traineeCap'))).toBe(0.5);
    expect(params().get(tableValueCell(fake, 'Model 2021', 'recruitmentLag'))).toBe(4);
  });

  it('saves versions of a scenario in the workbook and compares them side by side', async () => {
    const { fake, gateway } = setup();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Sjabloon'), 'case2017');
    await user.click(screen.getByRole('button', { name: 'Sjabloon invullen' }));
    await user.clear(screen.getByLabelText('Scenarionaam'));
    await user.type(screen.getByLabelText('Scenarionaam'), 'Vooraf 2017');
    await user.click(screen.getByRole('button', { name: 'Scenario bewaren' }));
    await screen.findByText('Scenario “Vooraf 2017” bewaard in de werkmap.');

    await user.selectOptions(screen.getByLabelText('Financieringsregel'), 'recommended');
    await user.clear(screen.getByLabelText('Scenarionaam'));
    await user.type(screen.getByLabelText('Scenarionaam'), 'Aanbevolen');
    await user.click(screen.getByRole('button', { name: 'Scenario bewaren' }));
    await screen.findByText('Scenario “Aanbevolen” bewaard in de werkmap.');

    // Saving under an existing name keeps the earlier version.
    await user.clear(screen.getByLabelText('Wervingstijd'));
    await user.type(screen.getByLabelText('Wervingstijd'), '6');
    await user.click(screen.getByRole('button', { name: 'Scenario bewaren' }));
    await screen.findByText(
      'Scenario “Aanbevolen” bewaard als versie 2; de eerdere versies blijven bewaard.',
    );

    const saved =
      await gateway.loadSetting<{ name: string; preset: string; version: number; savedAt: string }[]>(
        SAVED_KEY,
      );
    expect(saved!.map((s) => [s.name, s.preset, s.version])).toEqual([
      ['Vooraf 2017', 'advance2017', 1],
      ['Aanbevolen', 'recommended', 1],
      ['Aanbevolen', 'recommended', 2],
    ]);
    expect(saved!.every((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.savedAt))).toBe(true);
    const list = within(screen.getByRole('region', { name: 'Bewaarde scenario’s' }));
    expect(list.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      `Vooraf 2017 — Vooraf bezuinigen op prognose (2017) (versie 1, ${saved![0].savedAt})`,
      `Aanbevolen — Aanbevolen: pas na realisatie, geleidelijk, achterstand meegeteld (versie 1, ${saved![1].savedAt})`,
      `Aanbevolen — Aanbevolen: pas na realisatie, geleidelijk, achterstand meegeteld (versie 2, ${saved![2].savedAt})`,
    ]);

    // Latest versions side by side …
    await user.click(screen.getByRole('button', { name: 'Bewaarde scenario’s vergelijken' }));
    await waitFor(() => expect(fake.workbook.sheet('IND Scenariovergelijking')).toBeTruthy());
    let cmp = fake.workbook.sheet('IND Scenariovergelijking')!;
    expect([cmp.get('A4'), cmp.get('B4'), cmp.get('C4')]).toEqual(['Kenmerk', 'Vooraf 2017', 'Aanbevolen']);
    expect(cmp.get('C6')).toBe(2);
    expect(cmp.charts).toHaveLength(1);
    // … or every version.
    await user.click(screen.getByLabelText('Alle versies naast elkaar'));
    await user.click(screen.getByRole('button', { name: 'Bewaarde scenario’s vergelijken' }));
    await waitFor(() => expect(fake.workbook.sheet('IND Scenariovergelijking')!.get('D4')).toBeTruthy());
    cmp = fake.workbook.sheet('IND Scenariovergelijking')!;
    expect(cmp.get('C4')).toBe(`Aanbevolen (versie 1, ${saved![1].savedAt})`);
    expect(cmp.get('D4')).toBe(`Aanbevolen (versie 2, ${saved![2].savedAt})`);
  });

  it('reads the workload from the selection (numbers stay exact)', async () => {
    const { fake } = setup();
    fake.workbook.setCells('Blad1', 'A1', [[83000.123], [84000], [76500.5], [80000], [81000]]);
    fake.workbook.select('Blad1', 'A1:A5');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Selectie inlezen' }));
    await waitFor(() => expect(seriesBox().value).toBe('83000,123\n84000\n76500,5\n80000\n81000'));
    await user.click(screen.getByRole('button', { name: 'Simuleren' }));
    await screen.findByRole('table', { name: 'Uitkomst' });
  });

  it('shows a warning with figures when funding cannot sustain a stable staff', async () => {
    setup();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Sjabloon'), 'normal');
    await user.click(screen.getByRole('button', { name: 'Sjabloon invullen' }));
    await user.clear(screen.getByLabelText('Opslag vacatures, inwerken en begeleiding in doel'));
    await user.type(screen.getByLabelText('Opslag vacatures, inwerken en begeleiding in doel'), '0');
    await user.click(screen.getByRole('button', { name: 'Simuleren' }));
    const list = await screen.findByRole('list', { name: 'Waarschuwingen' });
    expect(list.textContent).toContain('betaalt de financiering 1011.2 fte');
  });

  describe('bad input: a clear message, and nothing is written', () => {
    async function expectRefused(
      prepare: (user: ReturnType<typeof userEvent.setup>) => Promise<void>,
      message: string,
    ): Promise<void> {
      const { fake } = setup();
      const user = userEvent.setup();
      await user.selectOptions(screen.getByLabelText('Sjabloon'), 'normal');
      await user.click(screen.getByRole('button', { name: 'Sjabloon invullen' }));
      await prepare(user);
      await user.click(screen.getByRole('button', { name: 'Naar werkblad schrijven' }));
      const bar = await screen.findByRole('alert');
      expect(bar.textContent).toContain(message);
      expect(fake.workbook.sheet('IND Scenario')).toBeUndefined();
      expect(fake.workbook.sheet('IND Parameters')).toBeUndefined();
      expect(fake.workbook.names.filter((n) => n.name.startsWith('IND_'))).toHaveLength(0);
    }
    const retype = async (
      user: ReturnType<typeof userEvent.setup>,
      label: string,
      text: string,
    ): Promise<void> => {
      await user.clear(screen.getByLabelText(label));
      await user.type(screen.getByLabelText(label), text);
    };

    it('a floor above the cap', async () => {
      await expectRefused(async (user) => {
        await retype(user, 'Ondergrens financiering', '8000000');
        await user.type(screen.getByLabelText('Plafond financiering'), '7000000');
      }, 'Ondergrens (8000000) ligt boven het plafond (7000000).');
    });

    it('text in a numeric field', async () => {
      await expectRefused(
        (user) => retype(user, 'Verloop per jaar', 'veel'),
        'Verloop per jaar: verwacht een getal (uren), ontvangen tekst "veel".',
      );
    });

    it('a period missing from the series', async () => {
      await expectRefused(async (user) => {
        const lines = seriesBox().value.split('\n');
        lines[4] = '';
        await user.clear(seriesBox());
        await user.click(seriesBox());
        await user.paste(lines.join('\n'));
      }, 'Werklast (uren): periode 5 ontbreekt in rij 5.');
    });

    it('a yearly turnover typed as a percentage', async () => {
      await expectRefused((user) => retype(user, 'Verloop per jaar', '9,5'), 'typ 0.095 in plaats van 9.5');
    });

    it('a recruitment lag longer than the series', async () => {
      await expectRefused(
        (user) => retype(user, 'Wervingstijd', '100'),
        'Wervingstijd / recruitmentLag: 100 perioden is minstens zo lang als de reeks (78 perioden)',
      );
    });

    it('a negative coaching capacity', async () => {
      await expectRefused(
        (user) => retype(user, 'Begeleidingscapaciteit (nieuwe per ervaren fte)', '-0,1'),
        'Max. nieuwe fte per ervaren fte / traineeCap: verwacht 0 of meer, ontvangen -0.1.',
      );
    });
  });
});
