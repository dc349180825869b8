/**
 * The funding views inside the real shell, over the real Excel gateway and the fake workbook:
 * the funding sheet from a selected product table, the reconciliation from two workbook tables
 * with the action table carried over to the next period and never rewritten, and bad input that
 * shows a clear message and writes nothing.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { ExcelGateway, type ExcelRun } from '../../src/taskpane/host/excelGateway';
import { fundingViews } from '../../src/taskpane/views/funding';
import { EXAMPLE_ACTUAL, EXAMPLE_BUDGET, EXAMPLE_PRODUCTS } from '../../src/taskpane/plans/funding/examples';
import { createFakeOffice, type FakeOffice } from '../browser/fake-office/fakeOffice';
import { formatNumber } from '../../src/taskpane/i18n';
import { SAVE_DELAY_MS } from '../../src/taskpane/components/paneState';

/**
 * Waits until the pane has kept the typed inputs in the workbook (a save of its own, a moment
 * after the last change), so that a sync count measures the action alone.
 */
const inputsKept = (): Promise<void> => new Promise((r) => setTimeout(r, SAVE_DELAY_MS + 300));
import { buildParameterPlan, defaultSets, MODEL_SET } from '../../src/taskpane/plans/parameters';
import {
  compareFunding,
  decomposeVariance,
  matchProducts,
  parseActualTable,
  parseBudgetTable,
  parseProductTable,
} from '../../src/core/funding';

jest.setTimeout(30000);

function setup(): { fake: FakeOffice; apply: jest.SpyInstance } {
  const fake = createFakeOffice();
  fake.workbook.addSheet('Blad1');
  const gateway = new ExcelGateway({ run: fake.Excel.run as ExcelRun });
  const apply = jest.spyOn(gateway, 'apply');
  render(<App gateway={gateway} views={fundingViews} initialLang="nl" />);
  return { fake, apply };
}

async function openTab(name: string): Promise<void> {
  await userEvent.setup().click(screen.getByRole('tab', { name }));
}

describe('Financiering view', () => {
  it('reads the product table from the selection, shows both sets and writes the live sheet in one batch', async () => {
    const { fake } = setup();
    const user = userEvent.setup();
    fake.workbook.setCells('Blad1', 'A1', EXAMPLE_PRODUCTS);
    fake.workbook.select('Blad1', `A1:F${EXAMPLE_PRODUCTS.length}`);
    await user.click(screen.getByRole('button', { name: 'Selectie inlezen' }));
    expect(screen.getByRole('note').textContent).toBe(`7 producten ingelezen (selectie Blad1!A1:F8).`);

    const staff = screen.getByLabelText('Bezetting (fte, leeg = onbekend)');
    await user.type(staff, '250');
    await user.click(screen.getByRole('button', { name: 'Berekenen' }));
    const table = await screen.findByRole('table', { name: 'Uitkomst' });
    const expected = compareFunding(
      parseProductTable(EXAMPLE_PRODUCTS),
      {
        lumpsum: 0,
        floor: 0,
        lumpsumShare: 0.13,
        weeks: 52,
        hoursPerFte: 36,
        extraFte: 0,
        staffFte: 250,
        capacityOverheadRate: 0,
      },
      [
        { label: 'a', directRatio: 0.7473 },
        { label: 'b', directRatio: 0.57 },
      ],
    );
    const row = within(table).getByText('Benodigde fte [S1]').closest('tr')!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'Benodigde fte [S1]',
      formatNumber('nl', expected.sets[0].fteNeeded, 1),
      formatNumber('nl', expected.sets[1].fteNeeded, 1),
    ]);
    // The split as booked, in whole cents: lumpsum + output = the total to the cent.
    const split = expected.sets[0].splitCents;
    const splitRow = within(table).getByText('Lumpsum na split (€)').closest('tr')!;
    expect(within(splitRow).getAllByRole('cell')[1].textContent).toBe(
      formatNumber('nl', split.lumpsumCents / 100, 2),
    );
    expect(split.lumpsumCents + split.productCents.reduce((a, b) => a + b, 0)).toBe(split.totalCents);
    expect(split.totalCents).toBe(Math.round(expected.sets[0].total * 100));
    expect(screen.getByText(/Verschil B − A:/).textContent).toBe(
      `Verschil B − A: ${formatNumber('nl', expected.gapEuro, 2)} euro; ` +
        `Fte-verschil model → gemeten, met verloopopslag [S3]: ${formatNumber('nl', expected.gapFte, 1)} fte; ` +
        `Fte-verschil model → gemeten, zonder verloopopslag [S2]: ${formatNumber('nl', expected.gapFteExclAllowance, 1)} fte.`,
    );

    await inputsKept();
    const before = fake.workbook.syncCount;
    await user.click(screen.getByRole('button', { name: 'Financieringsblad maken' }));
    await screen.findByTestId('change-report');
    const sheet = fake.workbook.sheet('IND Financiering')!;
    expect(sheet.get('A20')).toBe('A1');
    expect(sheet.get('H20')).toBe('=IND.COSTPRICE(D20,E20,IND_Fin_DirectA,F20)');
    expect(sheet.get('B14')).toBe(250);
    expect(fake.workbook.names.some((n) => n.name === 'IND_Fin_Ondergrens')).toBe(true);
    expect(sheet.charts).toHaveLength(1);
    expect(fake.workbook.syncCount - before).toBeLessThanOrEqual(5);
    expect(screen.getByRole('status').textContent).toMatch(/^Geschreven: \d+ wijzigingen\.$/);

    // Rewriting our own sheet costs a constant number of round trips, whatever the number of products.
    await user.click(screen.getByRole('button', { name: 'Voorbeeld gebruiken' }));
    await inputsKept();
    const before2 = fake.workbook.syncCount;
    await user.click(screen.getByRole('button', { name: 'Financieringsblad maken' }));
    await waitFor(() => expect(fake.workbook.sheet('IND Financiering')!.get('B5')).toBe(12000000));
    const syncs = fake.workbook.syncCount - before2;
    fake.workbook.select('Blad1', 'A1:F3');
    await user.click(screen.getByRole('button', { name: 'Selectie inlezen' }));
    expect(screen.getByRole('note').textContent).toBe('2 producten ingelezen (selectie Blad1!A1:F3).');
    await inputsKept();
    const before3 = fake.workbook.syncCount;
    await user.click(screen.getByRole('button', { name: 'Financieringsblad maken' }));
    await waitFor(() => expect(fake.workbook.sheet('IND Financiering')!.get('A22')).toBe('Totaal'));
    expect(fake.workbook.syncCount - before3).toBe(syncs);
    // The rewrite cleared the longer table: no stale product rows below the new total.
    expect(fake.workbook.sheet('IND Financiering')!.get('A23')).toBe('');
  });

  it('a floor above the cap: a clear message, nothing written', async () => {
    const { fake } = setup();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Voorbeeld gebruiken' }));
    const cap = screen.getByLabelText('Plafond (€, leeg = geen)');
    await user.type(cap, '30.000.000');
    await inputsKept();
    const syncs = fake.workbook.syncCount;
    await user.click(screen.getByRole('button', { name: 'Financieringsblad maken' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Ondergrens (38.000.000) ligt boven het plafond (30.000.000): verwacht ondergrens ≤ plafond.',
    );
    expect(fake.workbook.sheet('IND Financiering')).toBeUndefined();
    expect(fake.workbook.syncCount).toBe(syncs);
  });

  it('text in a numeric cell of the selection names the cell; a ratio typed as 74,73 gets its own message', async () => {
    const { fake } = setup();
    const user = userEvent.setup();
    fake.workbook.setCells('Blad1', 'A1', [EXAMPLE_PRODUCTS[0], ['A1', 'x', 'veel', 240, 62, 0.1]]);
    fake.workbook.select('Blad1', 'A1:F2');
    await user.click(screen.getByRole('button', { name: 'Selectie inlezen' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Volume, rij 1: verwacht een getal, ontvangen tekst "veel".',
    );

    await user.click(screen.getByRole('button', { name: 'Voorbeeld gebruiken' }));
    const ratio = screen.getByLabelText('Directe uren set A (fractie)');
    await user.clear(ratio);
    await user.type(ratio, '74,73');
    await user.click(screen.getByRole('button', { name: 'Berekenen' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Directe uren set A (fractie): verwacht een fractie tussen 0 en 1, ontvangen 74,73. Dit lijkt een percentage: gebruik 0,7473',
    );
  });
});

describe('Financiering view with the IND Parameters sheet', () => {
  it('offers to link, names both sets, and looks each up by set name (issue 11)', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('Blad1');
    const gw = new ExcelGateway({ run: fake.Excel.run as ExcelRun });
    await gw.apply(buildParameterPlan(defaultSets(), MODEL_SET));
    render(<App gateway={gw} views={fundingViews} initialLang="nl" />);
    const user = userEvent.setup();
    const link = await screen.findByRole('checkbox', { name: /koppelen aan blad IND Parameters/ });
    await waitFor(() => expect((link as HTMLInputElement).checked).toBe(true));
    await user.click(screen.getByRole('button', { name: 'Voorbeeld gebruiken' }));
    await user.click(screen.getByRole('button', { name: 'Financieringsblad maken' }));
    await screen.findByTestId('change-report');
    const sheet = fake.workbook.sheet('IND Financiering')!;
    const look = (set: string, key: string) =>
      `=INDEX(IND_Parameters[Waarde],MATCH("${set}|${key}",IND_Parameters[Sleutel],0))`;
    // Active set = Model 2021 = set A; set B is named explicitly, never "whatever is active".
    expect([sheet.get('B8'), sheet.get('B9'), sheet.get('B10'), sheet.get('B12')]).toEqual([
      look('Gemeten A&B 2021', 'fixedShare'),
      look('Model 2021', 'directRatio'),
      look('Gemeten A&B 2021', 'directRatio'),
      look('Gemeten A&B 2021', 'hoursPerFte'),
    ]);
    // Unlinked: the pane's own values are written as constants.
    await user.click(link);
    await user.click(screen.getByRole('button', { name: 'Financieringsblad maken' }));
    await waitFor(() => expect(fake.workbook.sheet('IND Financiering')!.get('B10')).toBe(0.57));
  });
});

describe('Nacalculatie view', () => {
  async function fillAndRun(user: ReturnType<typeof userEvent.setup>, period: string): Promise<void> {
    // The period is a controlled choice: a year and a tertaal or month from two lists.
    const [year, part] = period.split('-');
    await user.selectOptions(screen.getByLabelText('Periode: jaar'), year);
    await user.selectOptions(screen.getByLabelText('Periode: tertaal of maand'), part);
    await user.click(screen.getByRole('button', { name: 'Nacalculatie maken' }));
  }

  it('decomposes the example, writes the period sheet and action table, and carries open actions over', async () => {
    const { fake } = setup();
    const user = userEvent.setup();
    await openTab('Nacalculatie');
    await user.click(screen.getByRole('button', { name: 'Voorbeeldinvoer invoegen' }));
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLSelectElement>('Tabel begroting').value).toBe(
        'IND_Nac_Begroting_Voorbeeld',
      ),
    );
    expect(fake.workbook.table('IND_Nac_Realisatie_Voorbeeld')).toBeDefined();

    await fillAndRun(user, '2026-T1');
    const waterfall = await screen.findByRole('table', { name: 'Waterval' });
    const r = decomposeVariance(
      matchProducts(parseBudgetTable(EXAMPLE_BUDGET), parseActualTable(EXAMPLE_ACTUAL)),
      8512400,
    );
    const value = (label: string): string | null =>
      within(waterfall).getByText(label).closest('tr')!.querySelectorAll('td')[1].textContent;
    expect(value('Statisch budget')).toBe(formatNumber('nl', r.total.budget, 2));
    expect(value('Efficiëntieverschil (normtijd) [V5]')).toBe(formatNumber('nl', r.total.efficiency, 2));
    // The example carries the budget ratio, hourly cost and paid hours: productivity is its own step.
    expect(r.total.productivity).not.toBe(0);
    expect(value('Productiviteitsverschil (directe-urenratio) [V4]')).toBe(
      formatNumber('nl', r.total.productivity, 2),
    );
    expect(value('Overig / niet toegerekend [V8]')).toBe('59.400');
    const sheet = fake.workbook.sheet('IND Nacalculatie 2026-T1')!;
    expect(sheet.get('A12')).toBe('A1');
    expect(String(sheet.get('C23'))).toMatch(/^=IF\(\$C\$19=0/);
    expect(sheet.charts.map((c) => c.type)).toEqual(['Waterfall']);
    const actions = fake.workbook.table('IND_Acties_2026_T1')!;
    expect(actions).toBeDefined();
    const status = screen.getByRole('status').textContent ?? '';
    const n = Number(/Te verklaren verschillen: (\d+)\./.exec(status)![1]);
    expect(n).toBeGreaterThan(0);
    expect(status).toContain(`Actietabel IND_Acties_2026_T1: ${n} regels.`);

    // The controller closes the first action and fills in the second.
    const actionSheet = fake.workbook.sheet('IND Acties 2026-T1')!;
    expect(actionSheet.get('H5')).toBe('Open');
    fake.workbook.setCells('IND Acties 2026-T1', 'D5', [
      ['Meer Dublinzaken', 'Geen', 'BC', 46100, 'Afgerond'],
    ]);
    fake.workbook.setCells('IND Acties 2026-T1', 'D6', [
      ['Instroom', 'Herplannen', 'Team Zuid', 46130, 'Loopt'],
    ]);
    const firstOpen = actionSheet.get('A6');

    // Running the same period again leaves the action table alone.
    await fillAndRun(user, '2026-T1');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain(
        'Actietabel IND_Acties_2026_T1 bestaat al en is niet aangepast.',
      ),
    );
    expect(actionSheet.get('H5')).toBe('Afgerond');
    expect(actionSheet.get('F6')).toBe('Team Zuid');

    // Next period: the n − 1 open actions come first, unchanged, then the new variances.
    await fillAndRun(user, '2026-T2');
    await waitFor(() => expect(fake.workbook.table('IND_Acties_2026_T2')).toBeDefined());
    const next = fake.workbook.sheet('IND Acties 2026-T2')!;
    expect(next.get('A5')).toBe(firstOpen);
    expect(next.get('F5')).toBe('Team Zuid');
    expect(next.get('C5')).toBe('2026-T1');
    expect(screen.getByRole('status').textContent).toContain(
      `Actietabel IND_Acties_2026_T2: ${2 * n - 1} regels, waarvan ${n - 1} overgenomen uit IND_Acties_2026_T1.`,
    );
    // The earlier period's table is untouched.
    expect(actionSheet.get('H5')).toBe('Afgerond');
  });

  it('budget and realisation with different product codes: a clear message, nothing written', async () => {
    const { fake, apply } = setup();
    const user = userEvent.setup();
    fake.workbook.addTable(
      'Blad1',
      'Begroting',
      'A1',
      ['Product', 'Volume', 'Prijs', 'Normminuten'],
      [
        ['A1', 10, 100, 60],
        ['A2', 5, 100, 60],
      ],
    );
    fake.workbook.addTable(
      'Blad1',
      'Realisatie',
      'G1',
      ['Product', 'Volume', 'Kosten', 'Uren'],
      [
        ['A1', 10, 1000, 10],
        ['A3', 5, 500, 5],
      ],
    );
    await openTab('Nacalculatie');
    await waitFor(() =>
      expect(screen.getAllByRole('option', { name: 'Begroting' }).length).toBeGreaterThan(0),
    );
    await user.selectOptions(screen.getByLabelText('Tabel begroting'), 'Begroting');
    await user.selectOptions(screen.getByLabelText('Tabel realisatie'), 'Realisatie');
    const sheets = fake.workbook.sheets.length;
    await fillAndRun(user, '2026-T1');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Begroting en realisatie hebben verschillende productcodes. Alleen in de begroting: A2; alleen in de realisatie: A3.',
    );
    expect(fake.workbook.sheets.length).toBe(sheets);
    expect(fake.workbook.table('IND_Acties_2026_T1')).toBeUndefined();
    expect(apply).not.toHaveBeenCalled();
  });

  it('text in a numeric cell of the realisation table names table, column and row', async () => {
    const { fake } = setup();
    const user = userEvent.setup();
    fake.workbook.addTable(
      'Blad1',
      'Begroting',
      'A1',
      ['Product', 'Volume', 'Prijs', 'Normminuten'],
      [['A1', 10, 100, 60]],
    );
    fake.workbook.addTable(
      'Blad1',
      'Realisatie',
      'G1',
      ['Product', 'Volume', 'Kosten', 'Uren'],
      [['A1', 10, 'n.v.t.', 10]],
    );
    await openTab('Nacalculatie');
    await waitFor(() =>
      expect(screen.getAllByRole('option', { name: 'Realisatie' }).length).toBeGreaterThan(0),
    );
    await user.selectOptions(screen.getByLabelText('Tabel begroting'), 'Begroting');
    await user.selectOptions(screen.getByLabelText('Tabel realisatie'), 'Realisatie');
    await fillAndRun(user, '2026-T1');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Tabel realisatie Realisatie: Kosten, rij 1: verwacht een getal, ontvangen tekst "n.v.t.".',
    );
    expect(fake.workbook.sheet('IND Nacalculatie 2026-T1')).toBeUndefined();
  });
});

describe('English', () => {
  it('labels, numbers and messages follow the language; function names and sheet names do not', async () => {
    const fake = createFakeOffice();
    fake.workbook.addSheet('Sheet1');
    render(
      <App
        gateway={new ExcelGateway({ run: fake.Excel.run as ExcelRun })}
        views={fundingViews}
        initialLang="en"
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Use example' }));
    await user.click(screen.getByRole('button', { name: 'Calculate' }));
    const table = await screen.findByRole('table', { name: 'Result' });
    expect(within(table).getByText('Fte needed [S1]')).toBeDefined();
    expect(screen.getByText(/^Gap B − A:/).textContent).toMatch(
      /^Gap B − A: [\d,]+\.\d+ euro; Fte gap model → measured, with the turnover allowance \[S3\]: [\d,]+\.\d fte; .*\[S2\]: [\d,]+\.\d fte\.$/,
    );
    await user.click(screen.getByRole('button', { name: 'Create funding sheet' }));
    await screen.findByTestId('change-report');
    const sheet = fake.workbook.sheet('IND Financiering')!;
    expect(sheet.get('A19')).toBe('Code');
    expect(sheet.get('G19')).toBe('Workload (hours)');
    expect(sheet.get('H20')).toBe('=IND.COSTPRICE(D20,E20,IND_Fin_DirectA,F20)');

    const cap = screen.getByLabelText('Cap (€, blank = none)');
    await user.type(cap, '1,000');
    await user.click(screen.getByRole('button', { name: 'Calculate' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Floor (38,000,000) is above the cap (1,000): expected floor ≤ cap.',
    );
  });
});
