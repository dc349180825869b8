/**
 * The time-recording analysis in real Chromium over the fake workbook: a generated export is
 * picked through the file picker, streamed and imported, its categories mapped (an unmapped one
 * is refused first, with nothing written), and the analysis written: the bridge table of live
 * formulas with its waterfall chart, the named parameters and the mapping saved in the workbook.
 * No network, no console errors, no axe violations.
 */
import {
  DEFAULT_PRODUCTS,
  generateExport,
  generateLines,
  GENERATED_CATEGORIES,
} from '../generators/timeRecordingExport';
import { openPane, type Pane } from './harness';

jest.setTimeout(180000);

describe('time recording in the browser', () => {
  let pane: Pane;
  beforeAll(async () => {
    // The workbook already holds the add-in's norm table (fictitious norms of the generator).
    pane = await openPane({
      seed: (w, rows) =>
        w.addTable(
          'IND Normtijden',
          'IND_Normtijden',
          'A4',
          ['Code', 'Naam', 'Normminuten', 'Geldig vanaf', 'Versie', 'Sleutel'],
          rows as (string | number)[][],
        ),
      seedArg: DEFAULT_PRODUCTS.map((p, i) => [
        `P${i}`,
        p.name,
        p.normMinutes,
        '01-01-2021',
        'fictief',
        `P${i}|fictief`,
      ]),
    });
  });
  afterAll(async () => {
    await pane.close(); // throws if the pane tried to reach the network
  });

  it('imports a generated export through the file picker and writes the bridge', async () => {
    const page = pane.page;
    const { text, truth } = generateExport({ seed: 5, teams: 3, personsPerTeam: 4, weeks: 8, badEvery: 200 });
    await page.getByRole('tab', { name: 'Tijdschrijven' }).click();
    await page.getByLabel('Exportbestand kiezen').setInputFiles({
      name: 'tijdschrijven.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(text, 'utf-8'),
    });
    await page.getByText(/^Gekozen: tijdschrijven\.csv/).waitFor();
    // Columns are pre-selected from the header names; the user sees them.
    expect(await page.getByRole('combobox', { name: /^Uren/ }).inputValue()).toBe('Uren');
    expect(await page.getByRole('combobox', { name: /^Activiteitscategorie/ }).inputValue()).toBe(
      'Activiteit',
    );

    await page.getByRole('button', { name: 'Inlezen' }).click();
    const read = `${truth.ledger.dataRows.toLocaleString('nl-NL')} regels gelezen`;
    await page.getByText(new RegExp(read)).waitFor();
    expect(await page.getByRole('status').textContent()).toContain(`${truth.ledger.badRows} afgekeurd`);
    // Rejected rows are listed with row number and reason.
    await page
      .getByText(/^Rij \d+: uren \(kolom "Uren"\) is "n\.v\.t\."/)
      .first()
      .waitFor();

    // Map all categories but one: writing is refused, nothing written.
    const classes: Record<string, string> = {
      direct: 'direct',
      training: 'training',
      beingTrained: 'beingTrained',
      coaching: 'coaching',
      coordination: 'coordination',
      meetings: 'meetings',
      projects: 'projects',
      sideTasks: 'sideTasks',
      leave: 'leave',
      specialLeave: 'specialLeave',
      sickness: 'sickness',
    };
    for (const [cls, label] of Object.entries(GENERATED_CATEGORIES)) {
      if (cls === 'sickness') continue;
      await page.getByRole('combobox', { name: label, exact: true }).selectOption(classes[cls]);
    }
    await page.getByText('1 categorie(ën) nog niet ingedeeld.').waitFor();
    await page.getByRole('button', { name: 'Analyse naar werkmap schrijven' }).click();
    await expect(page.getByTestId('error-bar').textContent()).resolves.toContain(
      '1 activiteitscategorie(ën) zijn nog niet ingedeeld: "Ziekte".',
    );
    let wb = await pane.workbook();
    expect(wb.sheets.some((s) => s.name.startsWith('IND TS'))).toBe(false);

    await page.getByRole('combobox', { name: 'Ziekte', exact: true }).selectOption('sickness');
    await page.getByRole('table', { name: 'Voorbeeld' }).waitFor();
    const before = await pane.workbook();
    await page.getByRole('button', { name: 'Analyse naar werkmap schrijven' }).click();
    await page.getByTestId('change-report').waitFor();
    wb = await pane.workbook();

    const sheetNames = wb.sheets.map((s) => s.name);
    expect(sheetNames).toEqual(
      expect.arrayContaining(['IND TS Uren', 'IND TS Analyse', 'IND TS Normen', 'IND TS Controles']),
    );
    const an = wb.sheets.find((s) => s.name === 'IND TS Analyse')!;
    const bridgeTable = wb.tables.find((t) => t.name === 'TS_Brug')!;
    expect(bridgeTable.sheet).toBe('IND TS Analyse');
    const headerRow = Number(/^[A-Z]+(\d+)/.exec(bridgeTable.address)![1]);
    expect(an.cells[`A${headerRow + 1}`]).toBe('Model: directe uren');
    expect(an.cells[`B${headerRow + 1}`]).toBe('=IND_TS_ModelRatio');
    // A step (B1) is measured share − model share; the steps add up to model − measured.
    expect(String(an.cells[`D${headerRow + 2}`])).toBe(`=C${headerRow + 2}-N(B${headerRow + 2})`);
    expect(String(an.cells[`A${headerRow + 9}`])).toMatch(/^Afwezigheid boven de HOT-norm \[B4\]/);
    expect(an.cells[`B${headerRow + 9}`]).toBe('=IND_TS_HOTNorm');
    expect(an.cells[`A${headerRow + 11}`]).toBe('Overig / onverklaard');
    expect(String(an.cells[`D${headerRow + 11}`])).toMatch(
      /^=\(IND_TS_ModelRatio-IND_TS_GemetenBruto\)-SUM\(D\d+:D\d+\)$/,
    );
    expect(an.charts.map((c) => c.type)).toContain('Waterfall');
    // Norms came from the workbook's IND_Normtijden (pre-selected): AMV is the first product.
    const normsSheet = wb.sheets.find((s) => s.name === 'IND TS Normen')!;
    expect([normsSheet.cells.A5, normsSheet.cells.D5]).toEqual(['AMV', 900]);
    expect(String(normsSheet.cells.F5)).toContain('IND.NORMVARIANCE(');
    expect(String(normsSheet.cells.B5)).toMatch(/^=SUMIFS\(TS_Uren\[Uren\]/);
    expect(wb.names.map((n) => n.name)).toEqual(
      expect.arrayContaining([
        'IND_TS_ModelRatio',
        'IND_TS_Werklast',
        'IND_TS_GemetenBruto',
        'IND_TS_HOTNorm',
      ]),
    );
    // Aggregated hours only: no person id anywhere in the workbook.
    expect(JSON.stringify(wb.sheets.map((s) => s.cells))).not.toMatch(/M\d{5}/);
    // The mapping is saved in the workbook for next time.
    expect(wb.customXmlParts.length).toBeGreaterThan(before.customXmlParts.length);
    expect(
      wb.customXmlParts.some((p) => p.xml.includes('Ziekte'.toLowerCase()) || p.xml.includes('sickness')),
    ).toBe(true);

    await pane.screenshot('timerecording-flow');
    expect(await pane.axe()).toEqual([]);
    expect(pane.consoleErrors).toEqual([]);

    // Next time: a new session on a workbook that carries the saved mapping (its custom XML
    // parts) pre-selects the categories of the same export, so nothing has to be asked again.
    const next = await openPane({
      seed: (w, parts) => {
        (w as unknown as { xmlParts: unknown[] }).xmlParts.push(...(parts as unknown[]));
      },
      seedArg: wb.customXmlParts,
    });
    try {
      await next.page.getByRole('tab', { name: 'Tijdschrijven' }).click();
      await next.page
        .getByLabel('Exportbestand kiezen')
        .setInputFiles({ name: 'opnieuw.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf-8') });
      await next.page.getByText(/^Gekozen: opnieuw\.csv/).waitFor();
      await next.page.getByRole('button', { name: 'Inlezen' }).click();
      await next.page.getByText(new RegExp(read)).waitFor();
      expect(await next.page.getByRole('combobox', { name: 'Ziekte', exact: true }).inputValue()).toBe(
        'sickness',
      );
      expect(
        await next.page.getByRole('combobox', { name: 'Behandelen zaak', exact: true }).inputValue(),
      ).toBe('direct');
      expect(await next.page.getByText('nog niet ingedeeld').count()).toBe(0);
      expect(next.consoleErrors).toEqual([]);
    } finally {
      await next.close();
    }
  });

  it('shows progress while streaming a large export, and cancel writes nothing', async () => {
    const page = pane.page;
    const { lines } = generateLines({ seed: 9, teams: 40, personsPerTeam: 70, weeks: 8 });
    const big: string[] = [];
    for (const l of lines) {
      big.push(l);
      if (big.length > 300000) break;
    }
    const before = await pane.workbook();
    await page.getByRole('tab', { name: 'Tijdschrijven' }).click();
    await page.getByLabel('Exportbestand kiezen').setInputFiles({
      name: 'groot.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(big.join('\n'), 'utf-8'),
    });
    await page.getByText(/^Gekozen: groot\.csv/).waitFor();
    // Slow the page's CPU down so the import is still running when the user clicks Cancel.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    try {
      await page.getByRole('button', { name: 'Inlezen' }).click();
      await page.getByRole('progressbar', { name: 'Voortgang inlezen' }).waitFor();
      await page.getByRole('button', { name: 'Annuleren' }).click();
      // Cancelling is the user's choice: a neutral notice in the status line, not an error.
      await page.getByText(/^Import geannuleerd\. Er is niets geschreven/).waitFor();
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    expect(await page.getByTestId('error-bar').count()).toBe(0);
    const after = await pane.workbook();
    expect(after.sheets.map((x) => x.name)).toEqual(before.sheets.map((x) => x.name));
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(pane.consoleErrors).toEqual([]);
  });
});
