/**
 * An Excel without ExcelApi 1.9 (switched off in the fake): the reconciliation's waterfall is
 * drawn as a stacked column chart, and the pane says so above the change list. No error bar.
 */
import { openPane, type Pane } from './harness';

jest.setTimeout(120000);

describe('requirement sets in the browser', () => {
  let pane: Pane;
  beforeAll(async () => {
    pane = await openPane({ seed: (wb) => wb.addSheet('Blad1') });
  });
  afterAll(async () => {
    await pane.close(); // throws if the pane tried to reach the network
  });

  it('falls back from the waterfall with a notice', async () => {
    const page = pane.page;
    await page.evaluate(() =>
      (
        window as unknown as { __fakeOffice: { setApiSupport(n: string, v: string | null): void } }
      ).__fakeOffice.setApiSupport('ExcelApi', '1.8'),
    );
    await page.getByRole('tab', { name: 'Nacalculatie' }).click();
    await page.getByRole('button', { name: 'Voorbeeldinvoer invoegen' }).click();
    await page.getByTestId('change-report').waitFor();
    await page.getByLabel('Periode: jaar').selectOption('2026');
    await page.getByLabel('Periode: tertaal of maand').selectOption('T1');
    await page.getByRole('button', { name: 'Nacalculatie maken' }).click();
    const notice = page.getByText(/kan geen Waterfall-grafiek maken \(vereist ExcelApi 1\.9\)/).first();
    await notice.waitFor();
    expect(await notice.textContent()).toContain('gestapelde kolomgrafiek');
    const wb = await pane.workbook();
    const recon = wb.sheets.find((s) => s.name === 'IND Nacalculatie 2026-T1')!;
    expect(recon.charts.map((c) => c.type)).toEqual(['ColumnStacked']);
    expect(recon.charts[0].hiddenSeries).toEqual([0]);
    expect(await page.getByTestId('error-bar').count()).toBe(0);
    expect(pane.consoleErrors).toEqual([]);
  });
});
