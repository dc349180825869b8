/**
 * An .xlsx made by ExcelJS picked through the file picker in real Chromium: the pane reads the
 * header and then streams the workbook from the browser's File (slice by slice), and imports
 * its four rows. And a CSV in Windows-1252 is imported with the pane saying it read it so.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { openPane, type Pane } from './harness';

jest.setTimeout(120000);

describe('real-world export files in the browser', () => {
  let pane: Pane;
  beforeAll(async () => {
    pane = await openPane({ seed: (wb) => wb.addSheet('Blad1') });
  });
  afterAll(async () => {
    await pane.close(); // throws if the pane tried to reach the network
  });

  it('imports an ExcelJS workbook from the File, without reading it whole', async () => {
    const page = pane.page;
    await page.getByRole('tab', { name: 'Tijdschrijven' }).click();
    await page.getByLabel('Exportbestand kiezen').setInputFiles({
      name: 'exceljs.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: readFileSync(join(__dirname, '..', 'fixtures', 'xlsx', 'exceljs.xlsx')),
    });
    await page.getByText(/^Gekozen: exceljs\.xlsx/).waitFor();
    expect(await page.getByRole('combobox', { name: /^Uren/ }).inputValue()).toBe('Uren');
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByText(/4 regels gelezen/).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('0 afgekeurd');
    expect(pane.consoleErrors).toEqual([]);
  });

  it('says so when a CSV was read as Windows-1252', async () => {
    const page = pane.page;
    const text = 'Medewerker;Datum;Team;Categorie;Product;Uren\r\nM1;04-01-2021;Team Café;Direct;X;6,5\r\n';
    await page.getByLabel('Exportbestand kiezen').setInputFiles({
      name: 'ansi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(text, 'latin1'),
    });
    await page.getByText(/^Gekozen: ansi\.csv/).waitFor();
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByText(/1 regels gelezen/).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('gelezen als Windows-1252');
    expect(pane.consoleErrors).toEqual([]);
  });
});
