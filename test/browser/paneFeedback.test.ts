/**
 * Feedback where the eye is (issue 11, problems 5 and 13) in real Chromium at 320 and 350 px:
 * an error appears in view with focus on it, Escape closes it and focus returns to the button
 * that caused it, a changed input clears it; the change report shows one line per sheet with
 * details on demand and follows the pane's language; the file choice shows no browser text
 * ("Choose File") in the Dutch pane. Requires `npm run build` first.
 */
import type { Locator, Page } from 'playwright-core';
import { openPane, type Pane } from './harness';

jest.setTimeout(300000);

const panel = (page: Page): Locator => page.locator('[role="tabpanel"]:not([hidden])');

/** Whether the element is entirely inside the viewport. */
async function inView(page: Page, el: Locator): Promise<boolean> {
  const box = await el.boundingBox();
  const vp = page.viewportSize();
  return !!box && !!vp && box.y >= 0 && box.y + Math.min(box.height, vp.height) <= vp.height;
}

for (const width of [320, 350]) {
  describe(`feedback at ${width} px`, () => {
    let pane: Pane;
    beforeAll(async () => {
      // A short pane, so the action button sits far below the top.
      pane = await openPane({ viewport: { width, height: 600 }, seed: (wb) => void wb.addSheet('Blad1') });
    });
    afterAll(async () => {
      await pane?.close(); // throws if the pane tried to reach the network
    });

    it('shows an error in view with focus; Escape closes it and focus returns to the button', async () => {
      const page = pane.page;
      await page.getByRole('tab', { name: 'Nacalculatie' }).click();
      const run = panel(page).getByRole('button', { name: 'Nacalculatie maken' });
      await run.click(); // no tables chosen: an error
      const bar = panel(page).getByTestId('error-bar');
      await bar.waitFor();
      expect(await inView(page, bar)).toBe(true);
      expect(await bar.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Escape');
      expect(await panel(page).getByTestId('error-bar').count()).toBe(0);
      expect(await run.evaluate((el) => el === document.activeElement)).toBe(true);
      expect((await pane.axe()).map((v) => v.id)).toEqual([]);
    });

    it('clears a stale error as soon as an input changes, and the close button returns focus', async () => {
      const page = pane.page;
      const run = panel(page).getByRole('button', { name: 'Nacalculatie maken' });
      await run.click();
      await panel(page).getByTestId('error-bar').waitFor();
      await panel(page).getByRole('button', { name: 'Melding sluiten' }).click();
      expect(await run.evaluate((el) => el === document.activeElement)).toBe(true);
      await run.click();
      await panel(page).getByTestId('error-bar').waitFor();
      await panel(page).locator('input').filter({ visible: true }).first().fill('2026-T3');
      expect(await panel(page).getByTestId('error-bar').count()).toBe(0);
    });

    it('groups the change report by sheet, with details on demand, in the language of the pane', async () => {
      const page = pane.page;
      await page.getByRole('tab', { name: 'Parameters' }).click();
      const write = panel(page).getByRole('button', { name: 'Parameterblad schrijven' });
      await write.click();
      const report = panel(page).getByTestId('change-report');
      await report.waitFor();
      expect(await inView(page, report)).toBe(true);
      expect(await report.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      const wb = await pane.workbook();
      const written = wb.sheets.filter((s) => s.name !== 'Blad1').map((s) => s.name);
      // One line per sheet written (plus the workbook's names), not one per block.
      const details = report.getByRole('button', { name: /^Details van / });
      const lines = await details.count();
      expect(lines).toBeLessThanOrEqual(written.length + 1);
      expect(lines).toBeGreaterThanOrEqual(written.length);
      expect((await report.getByRole('row').count()) - 1).toBe(lines);
      expect(await report.textContent()).toMatch(/\d+ cellen/);
      await details.first().click();
      expect(await details.first().getAttribute('aria-expanded')).toBe('true');
      expect((await report.getByRole('row').count()) - 1).toBeGreaterThan(lines);
      expect((await pane.axe()).map((v) => v.id)).toEqual([]);
      // Switch to English: the report follows, details included.
      await page.getByLabel('Taal', { exact: true }).selectOption('en');
      await expect(report.textContent()).resolves.toMatch(/\d+ cells/);
      const text = (await report.textContent()) ?? '';
      expect(text).toContain('Changed by');
      expect(text).not.toMatch(/cellen|kopregel|uitkomst|invoer|toelichting|\(werkmap\)/);
      await pane.screenshot(`feedback-report-en-${width}`);
      await page.getByLabel('Language', { exact: true }).selectOption('nl');
      await page.keyboard.press('Escape');
    });

    it('shows no browser text on the file choice in the Dutch pane', async () => {
      const page = pane.page;
      for (const tab of ['Tijdschrijven', 'Sturing']) {
        await page.getByRole('tab', { name: tab }).click();
        // The native input is never rendered; a labelled button in the pane's language opens it.
        const inputs = panel(page).locator('input[type="file"]');
        expect(await inputs.count()).toBeGreaterThan(0);
        for (const input of await inputs.all()) expect(await input.isVisible()).toBe(false);
        expect(await panel(page).getByRole('button', { name: 'Bestand kiezen…' }).count()).toBe(
          await inputs.count(),
        );
        expect(await panel(page).getByText('Geen bestand gekozen').count()).toBe(await inputs.count());
      }
      expect(pane.consoleErrors).toEqual([]);
    });
  });
}
