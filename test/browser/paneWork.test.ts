/**
 * Work survives (issue 11, problem 4): in real Chromium, a value typed or chosen in every tab is
 * still there after switching to another tab and back; an import in progress keeps its file, its
 * column mapping and its category choices; and the inputs that matter come back when the workbook
 * is opened again (they are kept in the workbook's settings part). Requires `npm run build` first.
 */
import type { Locator, Page } from 'playwright-core';
import { openPane, type Pane } from './harness';

jest.setTimeout(300000);

/** The visible tab panel. */
const panel = (page: Page): Locator => page.locator('[role="tabpanel"]:not([hidden])');

/** The first visible text field of the panel (typed inputs, not files, checkboxes or radios). */
const firstTextField = (page: Page): Locator =>
  panel(page)
    .locator('input:not([type]), input[type="text"], input[type="number"], textarea')
    .filter({ visible: true })
    .first();

const CSV = [
  'Datum;Team;Medewerker;Categorie;Uren',
  '06-01-2025;Team A;p1;Behandelen zaak;6',
  '06-01-2025;Team A;p1;Ziekte;2',
  '07-01-2025;Team B;p2;Behandelen zaak;7,5',
].join('\n');

for (const width of [320, 350]) {
  describe(`work survives switching tabs at ${width} px`, () => {
    let pane: Pane;
    beforeAll(async () => {
      pane = await openPane({ viewport: { width, height: 900 }, seed: (wb) => void wb.addSheet('Blad1') });
    });
    afterAll(async () => {
      await pane?.close(); // throws if the pane tried to reach the network
    });

    it('keeps a typed value in every tab that has a text field', async () => {
      const page = pane.page;
      const tabs = page.getByRole('tab');
      const count = await tabs.count();
      const typed: { tab: number; value: string }[] = [];
      for (let i = 0; i < count; i++) {
        await tabs.nth(i).click();
        const field = firstTextField(page);
        if ((await field.count()) === 0) continue;
        const value = `x${i}-${width}`;
        await field.fill(value);
        typed.push({ tab: i, value });
      }
      // Most tabs have a form: Parameters, Normtijden, Tijdschrijven (after a file), Scenario's,
      // Financiering, Nacalculatie, Sturing.
      expect(typed.length).toBeGreaterThanOrEqual(5);
      const lost: string[] = [];
      for (const { tab, value } of typed) {
        await tabs.nth((tab + 1) % count).click();
        await tabs.nth(tab).click();
        const now = await firstTextField(page).inputValue();
        if (now !== value)
          lost.push(`${await tabs.nth(tab).getAttribute('id')}: "${now}" instead of "${value}"`);
      }
      expect(lost).toEqual([]);
      expect(pane.consoleErrors).toEqual([]);
    });

    it('keeps an import in progress: its file, column mapping and category choices', async () => {
      const page = pane.page;
      await page.getByRole('tab', { name: 'Tijdschrijven' }).click();
      await panel(page)
        .locator('input[type="file"]')
        .setInputFiles({ name: 'uren.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf-8') });
      const selects = panel(page).locator('select').filter({ visible: true });
      await selects.first().waitFor();
      const before = await selects.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
      expect(before.filter((v) => v !== '').length).toBeGreaterThanOrEqual(4);
      // Change one mapping choice, then leave and come back.
      const last = (await selects.count()) - 1;
      await selects.nth(last).selectOption({ index: 1 });
      const chosen = await selects.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
      await page.getByRole('tab', { name: 'Scenario’s' }).click();
      await page.getByRole('tab', { name: 'Tijdschrijven' }).click();
      expect(await panel(page).getByText('uren.csv', { exact: true }).count()).toBe(1);
      expect(await selects.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value))).toEqual(
        chosen,
      );
      // Finding 13: a new file that is empty leaves none of the previous file's columns behind.
      await panel(page)
        .locator('input[type="file"]')
        .setInputFiles({ name: 'leeg.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
      await panel(page).getByText('leeg.csv', { exact: true }).waitFor();
      // (the file name and the cleared columns come in the same render)
      expect(await panel(page).getByText('Team A').count()).toBe(0);
      expect(
        await selects.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value)),
      ).not.toContain('Datum');
      expect(pane.consoleErrors).toEqual([]);
    });
  });
}

describe('inputs kept in the workbook', () => {
  it('restores the scenario form and template, the funding inputs and products, and the reconciliation period when the workbook is opened again', async () => {
    const first = await openPane({ viewport: { width: 350, height: 900 } });
    let parts: unknown[];
    try {
      const page = first.page;
      await page.getByRole('tab', { name: 'Scenario’s' }).click();
      await panel(page).getByLabel('Sjabloon').selectOption('shortPeak');
      // The scenario form (issue 11 build 3: it used to survive tab switches only).
      await panel(page).getByRole('button', { name: 'Sjabloon invullen' }).click();
      await panel(page).getByLabel('Scenarionaam').fill('Piek 2027');
      await panel(page).getByLabel('Uren per fte per week').fill('37,5');
      await panel(page).getByLabel('Verloop per jaar').fill('0,11');
      // The funding inputs and the product table.
      await page.getByRole('tab', { name: 'Financiering' }).click();
      await panel(page).getByRole('button', { name: 'Voorbeeld gebruiken' }).click();
      await panel(page).getByLabel('Lumpsum (€)').fill('1.250.000');
      await panel(page).getByLabel('Bezetting (fte, leeg = onbekend)').fill('240');
      await page.getByRole('tab', { name: 'Nacalculatie' }).click();
      await firstTextField(page).fill('2027-T2');
      // The inputs are written shortly after the last change.
      await page.waitForTimeout(2000);
      parts = (await first.workbook()).customXmlParts;
      expect(parts.some((p) => JSON.stringify(p).includes('2027-T2'))).toBe(true);
      expect(parts.some((p) => JSON.stringify(p).includes('Piek 2027'))).toBe(true);
    } finally {
      await first.close();
    }
    const next = await openPane({
      viewport: { width: 350, height: 900 },
      seed: (w, saved) => {
        (w as unknown as { xmlParts: unknown[] }).xmlParts.push(...(saved as unknown[]));
      },
      seedArg: parts,
    });
    try {
      const page = next.page;
      await page.getByRole('tab', { name: 'Scenario’s' }).click();
      await expect(panel(page).getByLabel('Sjabloon').inputValue()).resolves.toBe('shortPeak');
      await expect(panel(page).getByLabel('Scenarionaam').inputValue()).resolves.toBe('Piek 2027');
      await expect(panel(page).getByLabel('Uren per fte per week').inputValue()).resolves.toBe('37,5');
      await expect(panel(page).getByLabel('Verloop per jaar').inputValue()).resolves.toBe('0,11');
      const series = await panel(page)
        .getByLabel(/^Werklast per periode/)
        .inputValue();
      expect(series.split('\n').length).toBeGreaterThan(10);
      await page.getByRole('tab', { name: 'Financiering' }).click();
      await expect(panel(page).getByLabel('Lumpsum (€)').inputValue()).resolves.toBe('1.250.000');
      await expect(panel(page).getByLabel('Bezetting (fte, leeg = onbekend)').inputValue()).resolves.toBe(
        '240',
      );
      await panel(page).getByText('7 producten ingelezen (voorbeeld, fictief).').waitFor();
      await page.getByRole('tab', { name: 'Nacalculatie' }).click();
      await expect(firstTextField(page).inputValue()).resolves.toBe('2027-T2');
      expect(next.consoleErrors).toEqual([]);
    } finally {
      await next.close();
    }
  });
});
