/**
 * The Scenarios tab in real Chromium over the fake workbook, in a 350 px wide pane: the staffing
 * inputs (recruitment lag, hiring policy, coaching capacity, allowance) fit without horizontal
 * scrolling; a bad input writes nothing; a write produces the live sheet and the IND Parameters
 * rows it links to; saving twice keeps two versions and the comparison shows them side by side.
 * No network, no console errors, no axe violations.
 */
import { openPane, type Pane } from './harness';

jest.setTimeout(240000);

describe('scenario simulator in the browser, 350 px wide', () => {
  let pane: Pane;
  beforeAll(async () => {
    pane = await openPane({ viewport: { width: 350, height: 900 } });
  });
  afterAll(async () => {
    await pane.close(); // throws if the pane tried to reach the network
  });

  it('runs the 2017 case with the new staffing inputs, end to end', async () => {
    const page = pane.page;
    await page.getByRole('tab', { name: 'Scenario’s' }).click();
    await page.getByLabel('Sjabloon').selectOption('case2017');
    await page.getByRole('button', { name: 'Sjabloon invullen' }).click();
    const series = await page.getByLabel(/Werklast per periode/).inputValue();
    expect(series.split('\n')).toHaveLength(78);
    expect(await page.getByLabel('Financieringsregel').inputValue()).toBe('advance2017');

    // The new inputs, with their defaults from src/core/params, in the staffing section.
    const staffing = page.getByRole('region', { name: 'Personeel (IND Parameters)' });
    expect(await staffing.getByLabel('Wervingstijd').inputValue()).toBe('3');
    expect(await staffing.getByLabel('Vervanging vertrekkers').inputValue()).toBe('yearEnd');
    expect(await staffing.getByLabel('Begeleidingscapaciteit (nieuwe per ervaren fte)').inputValue()).toBe(
      '0,3',
    );
    expect(await staffing.getByLabel('Opslag vacatures, inwerken en begeleiding in doel').inputValue()).toBe(
      '1',
    );
    expect(await staffing.getByLabel('Beginachterstand casus 2017').inputValue()).toBe('83000');
    // 350 px: nothing sticks out sideways.
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);

    // Bad input first: a negative coaching capacity is refused with the catalogue message; nothing is written.
    await staffing.getByLabel('Begeleidingscapaciteit (nieuwe per ervaren fte)').fill('-0,1');
    await page.getByRole('button', { name: 'Naar werkblad schrijven' }).click();
    await expect(page.getByTestId('error-bar').textContent()).resolves.toContain(
      'traineeCap: verwacht 0 of meer, ontvangen -0.1.',
    );
    let wb = await pane.workbook();
    expect(wb.sheets.some((s) => s.name === 'IND Scenario' || s.name === 'IND Parameters')).toBe(false);

    // A longer recruitment lag and leavers replaced at once, then simulate: the figures appear.
    await staffing.getByLabel('Begeleidingscapaciteit (nieuwe per ervaren fte)').fill('0,3');
    await staffing.getByLabel('Wervingstijd').fill('4');
    await staffing.getByLabel('Vervanging vertrekkers').selectOption('immediate');
    await page.getByRole('button', { name: 'Simuleren' }).click();
    const results = page.getByRole('table', { name: 'Uitkomst' });
    await results.waitFor();
    expect(
      await results.getByRole('row').filter({ hasText: 'Grootste achterstand (uren)' }).textContent(),
    ).toMatch(/Grootste achterstand \(uren\)[\d.]+/);

    // Write: the live sheet and its IND Parameters rows in one batch.
    await page.getByRole('button', { name: 'Naar werkblad schrijven' }).click();
    await page.getByTestId('change-report').waitFor();
    wb = await pane.workbook();
    const sheet = wb.sheets.find((s) => s.name === 'IND Scenario')!;
    expect(sheet.cells.B5).toBe('prognose');
    expect(Object.values(sheet.cells)).toEqual(
      expect.arrayContaining([
        '=IND_Wervingstijd',
        '=IND_Wervingsbeleid',
        '=IND_MaxInwerkers',
        '=IND_Opslagdeel',
      ]),
    );
    expect(String(sheet.cells.D51)).toMatch(/^=IND\.SCENARIO\(B51:B128,/);
    expect(sheet.charts).toHaveLength(1);
    const params = wb.sheets.find((s) => s.name === 'IND Parameters')!;
    const rowOf = (key: string): number =>
      Number(
        Object.entries(params.cells)
          .find(
            ([a, v]) => /^B\d+$/.test(a) && v === key && params.cells[`A${a.slice(1)}`] === 'Model 2021',
          )![0]
          .slice(1),
      );
    expect(params.cells[`C${rowOf('recruitmentLag')}`]).toBe(4);
    expect(params.cells[`C${rowOf('hiringPolicy')}`]).toBe('direct');
    expect(wb.names.some((n) => n.name === 'IND_Wervingstijd')).toBe(true);

    // Save, change, save under the same name: two versions; compare them side by side.
    await page.getByLabel('Scenarionaam').fill('Vooraf 2017');
    await page.getByRole('button', { name: 'Scenario bewaren' }).click();
    await page.getByText('Scenario “Vooraf 2017” bewaard in de werkmap.').waitFor();
    await page.getByLabel('Financieringsregel').selectOption('recommended');
    await page.getByRole('button', { name: 'Scenario bewaren' }).click();
    await page
      .getByText('Scenario “Vooraf 2017” bewaard als versie 2; de eerdere versies blijven bewaard.')
      .waitFor();
    await page.getByLabel('Alle versies naast elkaar').check();
    await page.getByRole('button', { name: 'Bewaarde scenario’s vergelijken' }).click();
    await page.getByText(/^Geschreven: \d+ wijzigingen\.$/).waitFor();
    wb = await pane.workbook();
    const cmp = wb.sheets.find((s) => s.name === 'IND Scenariovergelijking')!;
    expect(cmp.cells.A4).toBe('Kenmerk');
    expect(String(cmp.cells.B4)).toMatch(/^Vooraf 2017 \(versie 1, \d{4}-\d{2}-\d{2}\)$/);
    expect(String(cmp.cells.C4)).toMatch(/^Vooraf 2017 \(versie 2, \d{4}-\d{2}-\d{2}\)$/);
    expect(cmp.charts).toHaveLength(1);

    await pane.screenshot('scenario-350px');
    expect(await pane.axe()).toEqual([]);
    expect(pane.consoleErrors).toEqual([]);
  });
});
