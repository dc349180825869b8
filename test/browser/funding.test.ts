/**
 * One full flow of the budget reconciliation (and the funding sheet) in real Chromium over the
 * fake workbook: insert the example input, reconcile period 2026-T1, record an action, reconcile
 * 2026-T2 with the open actions carried over, and refuse tables with different product codes
 * without writing anything. No network, no console errors, no axe violations.
 */
import { openPane, type Pane } from './harness';

jest.setTimeout(180000);

describe('funding and reconciliation in the browser', () => {
  let pane: Pane;
  beforeAll(async () => {
    pane = await openPane({
      seed: (wb) => {
        wb.addSheet('Blad1');
        wb.addTable(
          'Blad1',
          'Begroting_Fout',
          'A1',
          ['Product', 'Volume', 'Prijs', 'Normminuten'],
          [
            ['A1', 10, 100, 60],
            ['A2', 5, 100, 60],
          ],
        );
        wb.addTable(
          'Blad1',
          'Realisatie_Fout',
          'G1',
          ['Product', 'Volume', 'Kosten', 'Uren'],
          [
            ['A1', 10, 1000, 10],
            ['A3', 5, 500, 5],
          ],
        );
      },
    });
  });
  afterAll(async () => {
    await pane.close(); // throws if the pane tried to reach the network
  });

  it('reconciles two periods with carry-over; bad input writes nothing', async () => {
    const page = pane.page;
    await page.getByRole('tab', { name: 'Nacalculatie' }).click();
    const period = page.getByLabel('Periode (bijv. 2026-T1 of 2026-03)');

    // Bad input first: budget and realisation with different product codes.
    await page.getByLabel('Tabel begroting').selectOption('Begroting_Fout');
    await page.getByLabel('Tabel realisatie').selectOption('Realisatie_Fout');
    await period.fill('2026-T1');
    const before = await pane.workbook();
    await page.getByRole('button', { name: 'Nacalculatie maken' }).click();
    await expect(page.getByTestId('error-bar').textContent()).resolves.toContain(
      'Begroting en realisatie hebben verschillende productcodes. Alleen in de begroting: A2; alleen in de realisatie: A3.',
    );
    let wb = await pane.workbook();
    expect(wb.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(wb.tables).toEqual(before.tables);

    // The example input, then period 2026-T1.
    await page.getByRole('button', { name: 'Voorbeeldinvoer invoegen' }).click();
    await page.getByTestId('change-report').waitFor();
    expect(await page.getByLabel('Tabel begroting').inputValue()).toBe('IND_Nac_Begroting_Voorbeeld');
    await page.getByRole('button', { name: 'Nacalculatie maken' }).click();
    const waterfall = page.getByRole('table', { name: 'Waterval' });
    await waterfall.waitFor();
    expect(
      await waterfall.getByRole('row').filter({ hasText: 'Overig / niet toegerekend' }).textContent(),
    ).toContain('59.400');
    const status = (await page.getByRole('status').textContent()) ?? '';
    const n = Number(/Te verklaren verschillen: (\d+)\./.exec(status)![1]);
    expect(n).toBeGreaterThan(1);
    wb = await pane.workbook();
    const recon = wb.sheets.find((s) => s.name === 'IND Nacalculatie 2026-T1')!;
    expect(recon.cells.A12).toBe('A1');
    // Price/rate [V6] of the first product: costs − direct hours × price per norm hour − productivity [V4].
    expect(String(recon.cells.I23)).toBe('=K12-L12*D12/(E12/60)-G23');
    expect(String(recon.cells.G23)).toBe(
      '=IF(AND(ISNUMBER(F12),ISNUMBER(G12),ISNUMBER(M12)),(M12-L12/F12)*G12,0)',
    );
    expect(String(recon.cells.B34)).toMatch(/^=IF\(ABS\(/);
    expect(recon.charts.map((c) => c.type)).toEqual(['Waterfall']);
    expect(wb.names.map((x) => x.name)).toEqual(
      expect.arrayContaining(['IND_Nac_2026_T1_Grootboek', 'IND_Nac_2026_T1_DrempelEuro']),
    );
    expect(wb.tables.map((t) => t.name)).toContain('IND_Acties_2026_T1');

    // The controller records the first action as done and the second as in progress.
    await pane.withWorkbook((w) => {
      w.setCells('IND Acties 2026-T1', 'D5', [['Meer Dublinzaken', 'Geen', 'BC', 46100, 'Afgerond']]);
      w.setCells('IND Acties 2026-T1', 'D6', [['Instroom', 'Herplannen', 'Team Zuid', 46130, 'Loopt']]);
    });

    // Period 2026-T2: the open actions come first, unchanged; the T1 table is untouched.
    await period.fill('2026-T2');
    await page.getByRole('button', { name: 'Nacalculatie maken' }).click();
    await page.getByText(/overgenomen uit IND_Acties_2026_T1/).waitFor();
    expect(await page.getByRole('status').textContent()).toContain(
      `Actietabel IND_Acties_2026_T2: ${2 * n - 1} regels, waarvan ${n - 1} overgenomen uit IND_Acties_2026_T1.`,
    );
    wb = await pane.workbook();
    const t1 = wb.sheets.find((s) => s.name === 'IND Acties 2026-T1')!;
    const t2 = wb.sheets.find((s) => s.name === 'IND Acties 2026-T2')!;
    expect(t1.cells.H5).toBe('Afgerond');
    expect([t2.cells.A5, t2.cells.C5, t2.cells.F5, t2.cells.H5]).toEqual([
      t1.cells.A6,
      '2026-T1',
      'Team Zuid',
      'Loopt',
    ]);

    await pane.screenshot('funding-reconciliation');
    expect(await pane.axe()).toEqual([]);
    expect(pane.consoleErrors).toEqual([]);
  });

  it('writes the funding sheet from the example with live formulas and named inputs', async () => {
    const page = pane.page;
    await page.getByRole('tab', { name: 'Financiering' }).click();
    await page.getByRole('button', { name: 'Voorbeeld gebruiken' }).click();
    await page.getByRole('button', { name: 'Berekenen' }).click();
    const result = page.getByRole('table', { name: 'Uitkomst' });
    await result.waitFor();
    expect(
      await result.getByRole('row').filter({ hasText: 'Capaciteitstekort (fte)' }).textContent(),
    ).toMatch(/ontbrekende capaciteit/);
    await page.getByRole('button', { name: 'Financieringsblad maken' }).click();
    await page.getByText(/^Geschreven: \d+ wijzigingen\.$/).waitFor();
    const wb = await pane.workbook();
    const sheet = wb.sheets.find((s) => s.name === 'IND Financiering')!;
    expect(sheet.cells.H20).toBe('=IND.COSTPRICE(D20,E20,IND_Fin_DirectA,F20)');
    expect(String(sheet.cells.B37)).toContain(
      'IND.FUNDING(C20:C26,H20:H26,IND_Fin_Lumpsum,IND_Fin_Ondergrens)',
    );
    expect(wb.names.map((x) => x.name)).toEqual(
      expect.arrayContaining([
        'IND_Fin_DirectA',
        'IND_Fin_DirectB',
        'IND_Fin_Ondergrens',
        'IND_Fin_LumpsumAandeel',
      ]),
    );
    expect(sheet.charts).toHaveLength(1);
    expect(await pane.axe()).toEqual([]);
    expect(pane.consoleErrors).toEqual([]);
  });
});
