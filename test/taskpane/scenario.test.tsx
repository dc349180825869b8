/**
 * The scenario view inside the real shell, over the real Excel gateway and the fake workbook:
 * generate the 2017 case, write the live sheet in one batch, save and compare, read a selection,
 * and bad input that writes nothing.
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
import { formatNumber } from '../../src/taskpane/i18n';
import { ExcelGateway, type ExcelRun } from '../../src/taskpane/host/excelGateway';
import { scenarioViews } from '../../src/taskpane/views/scenario';
import { SAVED_KEY } from '../../src/taskpane/views/scenario/useScenario';
import { createFakeOffice, type FakeOffice } from '../browser/fake-office/fakeOffice';

jest.setTimeout(90000);

function setup(): { fake: FakeOffice; gateway: ExcelGateway } {
  const fake = createFakeOffice();
  fake.workbook.addSheet('Blad1');
  const gateway = new ExcelGateway({ run: fake.Excel.run as ExcelRun });
  render(<App gateway={gateway} views={scenarioViews} initialLang="nl" />);
  return { fake, gateway };
}

const seriesBox = (): HTMLTextAreaElement =>
  screen.getByLabelText<HTMLTextAreaElement>(/Werklast per periode/);

describe('scenario view', () => {
  it('generates the 2017 case and writes the live sheet in one batch', async () => {
    const { fake } = setup();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Sjabloon'), 'case2017');
    await user.click(screen.getByRole('button', { name: 'Sjabloon invullen' }));
    expect(seriesBox().value.split('\n')).toHaveLength(78);
    // The 2017 template switches to the rule of 2017: cut in advance on the forecast.
    expect(screen.getByLabelText<HTMLSelectElement>('Financieringsregel').value).toBe('advance2017');

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
        initialBacklog: 0,
      }),
    );
    const cell = (label: string): string | null | undefined =>
      within(results).getByText(label).nextSibling?.textContent;
    expect(cell('Afbouw totaal (fte)')).toBe(formatNumber('nl', expected.totalCutsFte, 1));
    expect(cell('Afbouw totaal (fte)')).toBe('256,8');
    expect(cell('Grootste achterstand (uren)')).toBe('975.440');

    const before = fake.workbook.syncCount;
    await user.click(screen.getByRole('button', { name: 'Naar werkblad schrijven' }));
    await screen.findByTestId('change-report');
    const syncs = fake.workbook.syncCount - before;
    const sheet = fake.workbook.sheet('IND Scenario')!;
    expect(sheet.get('A1')).toBe('Scenario en financieringspad: Casus 2017');
    expect(sheet.get('B5')).toBe('prognose');
    expect(sheet.get('D37')).toBe(
      '=IND.SCENARIO(B37:B114,IND_Sim_BandOnder,IND_Sim_BandBoven,IND_Sim_PiekExtra,IND_Sim_PiekPerioden,"nl")',
    );
    expect(sheet.get('X38')).toBe('=MAX(0,X37+B38-U38)');
    expect(String(sheet.get('F16'))).toContain('IND.BACKLOG(B37:B114,U37:U114,IND_Sim_Beginachterstand)');
    expect(String(sheet.get('O40'))).toContain('SUMPRODUCT($K$37:K40,');
    expect(sheet.charts).toHaveLength(1);
    expect(fake.workbook.names.some((n) => n.name === 'IND_Sim_Ondergrens')).toBe(true);
    expect(screen.getByRole('status').textContent).toMatch(/^Geschreven: \d+ wijzigingen\.$/);

    // A long peak has no forecast, so the forecast rule refuses it, naming the fix.
    await user.selectOptions(screen.getByLabelText('Sjabloon'), 'longPeak');
    await user.click(screen.getByRole('button', { name: 'Sjabloon invullen' }));
    await user.click(screen.getByRole('button', { name: 'Naar werkblad schrijven' }));
    expect((await screen.findByRole('alert')).textContent).toContain('heeft een prognosereeks nodig');

    // Rewriting our own, unedited sheet: the round trips do not depend on the number of periods.
    await user.selectOptions(screen.getByLabelText('Financieringsregel'), 'path');
    const before2 = fake.workbook.syncCount;
    await user.click(screen.getByRole('button', { name: 'Naar werkblad schrijven' }));
    await waitFor(() => expect(fake.workbook.sheet('IND Scenario')!.get('B5')).toBe('realisatie'));
    const rewrite78 = fake.workbook.syncCount - before2;
    const short = seriesBox().value.split('\n').slice(0, 20).join('\n');
    await user.clear(seriesBox());
    await user.click(seriesBox());
    await user.paste(short);
    const before3 = fake.workbook.syncCount;
    await user.click(screen.getByRole('button', { name: 'Naar werkblad schrijven' }));
    await waitFor(() => expect(fake.workbook.sheet('IND Scenario')!.get('D37')).toContain('B37:B56'));
    expect(fake.workbook.syncCount - before3).toBe(rewrite78);
    expect(Math.max(syncs, rewrite78)).toBeLessThanOrEqual(6);
  });

  it('saves scenarios in the workbook and compares them side by side', async () => {
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

    const saved = await gateway.loadSetting<{ name: string; preset: string }[]>(SAVED_KEY);
    expect(saved!.map((s) => [s.name, s.preset])).toEqual([
      ['Vooraf 2017', 'advance2017'],
      ['Aanbevolen', 'recommended'],
    ]);
    const list = within(screen.getByRole('region', { name: 'Bewaarde scenario’s' }));
    expect(list.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Vooraf 2017 — Vooraf bezuinigen op prognose (2017)',
      'Aanbevolen — Aanbevolen: pas na realisatie, geleidelijk, achterstand meegeteld',
    ]);

    await user.click(screen.getByRole('button', { name: 'Bewaarde scenario’s vergelijken' }));
    await waitFor(() => expect(fake.workbook.sheet('IND Scenariovergelijking')).toBeTruthy());
    const cmp = fake.workbook.sheet('IND Scenariovergelijking')!;
    expect([cmp.get('A4'), cmp.get('B4'), cmp.get('C4')]).toEqual(['Kenmerk', 'Vooraf 2017', 'Aanbevolen']);
    expect(cmp.charts).toHaveLength(1);
  });

  it('reads the workload from the selection (numbers stay exact)', async () => {
    const { fake } = setup();
    fake.workbook.setCells('Blad1', 'A1', [[83000.123], [84000], [76500.5]]);
    fake.workbook.select('Blad1', 'A1:A3');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Selectie inlezen' }));
    await waitFor(() => expect(seriesBox().value).toBe('83000,123\n84000\n76500,5'));
    await user.click(screen.getByRole('button', { name: 'Simuleren' }));
    await screen.findByRole('table', { name: 'Uitkomst' });
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
      expect(fake.workbook.names.filter((n) => n.name.startsWith('IND_Sim_'))).toHaveLength(0);
    }

    it('a floor above the cap', async () => {
      await expectRefused(async (user) => {
        await user.clear(screen.getByLabelText('Ondergrens financiering'));
        await user.type(screen.getByLabelText('Ondergrens financiering'), '8000000');
        await user.type(screen.getByLabelText('Plafond financiering'), '7000000');
      }, 'Ondergrens (8000000) ligt boven het plafond (7000000).');
    });

    it('text in a numeric field', async () => {
      await expectRefused(async (user) => {
        await user.clear(screen.getByLabelText('Verloop per jaar'));
        await user.type(screen.getByLabelText('Verloop per jaar'), 'veel');
      }, 'Verloop per jaar: verwacht een getal (uren), ontvangen tekst "veel".');
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

    it('a ratio typed as a percentage', async () => {
      await expectRefused(async (user) => {
        await user.clear(screen.getByLabelText('Verloop per jaar'));
        await user.type(screen.getByLabelText('Verloop per jaar'), '9,5');
      }, 'typ 0.095 in plaats van 9.5');
    });
  });
});
