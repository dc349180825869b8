/**
 * One full flow of the scenario simulator in real Chromium over the fake workbook: generate the
 * 2017 case, simulate, write the live sheet, save it, switch to the recommended rule, save, and
 * compare both side by side; a bad input on the way writes nothing. No network, no console
 * errors, no axe violations.
 */
import { openPane, type Pane } from './harness';

jest.setTimeout(180000);

describe('scenario simulator in the browser', () => {
  let pane: Pane;
  beforeAll(async () => {
    pane = await openPane();
  });
  afterAll(async () => {
    await pane.close(); // throws if the pane tried to reach the network
  });

  it('runs the 2017 case against the recommended rule, end to end', async () => {
    const page = pane.page;
    await page.getByRole('tab', { name: 'Scenario’s' }).click();
    await page.getByLabel('Sjabloon').selectOption('case2017');
    await page.getByRole('button', { name: 'Sjabloon invullen' }).click();
    const series = await page.getByLabel(/Werklast per periode/).inputValue();
    expect(series.split('\n')).toHaveLength(78);
    expect(await page.getByLabel('Financieringsregel').inputValue()).toBe('advance2017');

    // Bad input first: a floor above the cap is refused with the catalogue message; nothing is written.
    await page.getByLabel('Ondergrens financiering').fill('8000000');
    await page.getByLabel('Plafond financiering').fill('7000000');
    await page.getByRole('button', { name: 'Naar werkblad schrijven' }).click();
    await expect(page.getByTestId('error-bar').textContent()).resolves.toContain(
      'Ondergrens (8000000) ligt boven het plafond (7000000).',
    );
    let wb = await pane.workbook();
    expect(wb.sheets.some((s) => s.name === 'IND Scenario')).toBe(false);
    await page.getByLabel('Ondergrens financiering').fill('0');
    await page.getByLabel('Plafond financiering').fill('');

    // Simulate: the key figures appear in the pane, Dutch notation.
    await page.getByRole('button', { name: 'Simuleren' }).click();
    const results = page.getByRole('table', { name: 'Uitkomst' });
    await results.waitFor();
    expect(await results.getByRole('row').filter({ hasText: 'Afbouw totaal (fte)' }).textContent()).toContain(
      '256,8',
    );

    // Write: one sheet of live formulas with named inputs and one chart.
    await page.getByRole('button', { name: 'Naar werkblad schrijven' }).click();
    await page.getByTestId('change-report').waitFor();
    wb = await pane.workbook();
    const sheet = wb.sheets.find((s) => s.name === 'IND Scenario')!;
    expect(sheet.cells.B5).toBe('prognose');
    expect(sheet.cells.D37).toBe(
      '=IND.SCENARIO(B37:B114,IND_Sim_BandOnder,IND_Sim_BandBoven,IND_Sim_PiekExtra,IND_Sim_PiekPerioden,"nl")',
    );
    expect(sheet.cells.X38).toBe('=MAX(0,X37+B38-U38)');
    expect(String(sheet.cells.F16)).toContain('IND.BACKLOG(B37:B114,U37:U114,IND_Sim_Beginachterstand)');
    expect(String(sheet.cells.O40)).toContain('SUMPRODUCT($K$37:K40,');
    expect(String(sheet.cells.I38)).toMatch(/^=IF\(IND_Sim_Plafond="",/);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].source).toContain('AA36:AE114');
    expect(wb.names.filter((n) => n.name.startsWith('IND_Sim_')).length).toBeGreaterThanOrEqual(27);

    // Save, switch to the recommended rule, save, compare.
    await page.getByLabel('Scenarionaam').fill('Vooraf 2017');
    await page.getByRole('button', { name: 'Scenario bewaren' }).click();
    await page.getByText('Scenario “Vooraf 2017” bewaard in de werkmap.').waitFor();
    await page.getByLabel('Financieringsregel').selectOption('recommended');
    await page.getByLabel('Scenarionaam').fill('Aanbevolen');
    await page.getByRole('button', { name: 'Scenario bewaren' }).click();
    await page.getByText('Scenario “Aanbevolen” bewaard in de werkmap.').waitFor();
    await page.getByRole('button', { name: 'Bewaarde scenario’s vergelijken' }).click();
    await page.getByText(/^Geschreven: \d+ wijzigingen\.$/).waitFor();
    wb = await pane.workbook();
    const cmp = wb.sheets.find((s) => s.name === 'IND Scenariovergelijking')!;
    expect([cmp.cells.A4, cmp.cells.B4, cmp.cells.C4]).toEqual(['Kenmerk', 'Vooraf 2017', 'Aanbevolen']);
    // Largest backlog (row 14): the advance cut builds far more than the recommended rule.
    expect(cmp.cells.A14).toBe('Grootste achterstand (uren)');
    expect(Number(cmp.cells.B14)).toBeGreaterThan(3 * Number(cmp.cells.C14));
    expect(cmp.charts).toHaveLength(1);
    expect(wb.customXmlParts.length).toBeGreaterThan(0);

    await pane.screenshot('scenario-flow');
    expect(await pane.axe()).toEqual([]);
    expect(pane.consoleErrors).toEqual([]);
  });
});
