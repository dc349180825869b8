/**
 * The built task pane in real Chromium over the fake workbook: it loads without console
 * errors or network calls, its tabs are keyboard reachable, axe finds no serious or critical
 * violations, and the language switch works. Requires `npm run build` first.
 */
import * as fs from 'fs';
import { openPane, requireBuild, type Pane } from './harness';

jest.setTimeout(120000);

describe('task-pane shell in Chromium', () => {
  let pane: Pane;

  beforeAll(async () => {
    pane = await openPane({
      displayLanguage: 'nl-NL',
      seed: (wb) => {
        wb.addSheet('Blad1');
        wb.setCells('Blad1', 'A1', [['Product', 'Zaken']]);
      },
    });
  });

  afterAll(async () => {
    // Throws (fails the run) if the page tried to reach the network.
    await pane?.close();
  });

  it('loads the fake office.js, registers the custom functions and renders without console errors', async () => {
    await pane.page.getByRole('tablist').waitFor();
    expect(pane.consoleErrors).toEqual([]);
    expect(pane.blockedRequests).toEqual([]);
    expect(await pane.page.getByRole('heading', { level: 1 }).textContent()).toBe('IND Rekenmodel');
    expect(await pane.page.evaluate(() => document.documentElement.lang)).toBe('nl');
    // The seed ran before the pane: the workbook has the sheet, and opening the pane wrote nothing
    // (views may read settings on mount, which is why syncs are not asserted here).
    const wb = await pane.workbook();
    expect(wb.sheets.map((s) => s.name)).toEqual(['Blad1']);
    expect(wb.sheets[0].cells).toEqual({ A1: 'Product', B1: 'Zaken' });
    expect(wb.tables).toEqual([]);
    expect(wb.names).toEqual([]);
    // The shared runtime: the functions chunk on the same page registered the IND.* functions.
    const ids = await pane.page.evaluate(() => [
      ...(
        window as unknown as { __fakeOffice: { associated: Map<string, unknown> } }
      ).__fakeOffice.associated.keys(),
    ]);
    expect(ids).toEqual(expect.arrayContaining(['FTE']));
  });

  it('runs under a CSP without unsafe-eval (a bundle that evals would log a CSP error, failing the test above)', async () => {
    const csp = await pane.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/(^|;)\s*script-src 'self' https:\/\/appsforoffice\.microsoft\.com[^;]*(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval/);
    // Inline styles stay allowed (Fluent's Griffel injects them); inline scripts do not.
    const scriptSrc = /script-src ([^;]*)/.exec(csp ?? '')?.[1] ?? '';
    expect(scriptSrc).not.toMatch(/unsafe-inline/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
  });

  it('reaches the tabs with Tab and moves between them with the arrow keys', async () => {
    const page = pane.page;
    const tabs = page.getByRole('tab');
    const count = await tabs.count();
    expect(count).toBeGreaterThanOrEqual(2);
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    let presses = 0;
    while ((await page.evaluate(() => document.activeElement?.getAttribute('role'))) !== 'tab') {
      await page.keyboard.press('Tab');
      presses += 1;
      if (presses > 15) throw new Error('No tab is reachable within 15 Tab presses');
    }
    const first = await page.evaluate(() => document.activeElement?.id);
    expect(first).toBe(await tabs.nth(0).getAttribute('id'));
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement?.id);
    expect(second).toBe(await tabs.nth(1).getAttribute('id'));
    await page.keyboard.press('Enter');
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(second);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('true');
    // Focus is visible on the focused tab (keyboard users see where they are).
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-fui-focus-visible'))).toBe(
      true,
    );
  });

  it('has no serious or critical axe violations', async () => {
    const violations = await pane.axe();
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(severe).toEqual([]);
  });

  it('switches to English and back', async () => {
    const page = pane.page;
    const tabNames = async (): Promise<string[]> =>
      page
        .getByRole('tab')
        .evaluateAll((els) =>
          els.map((e) => e.getAttribute('aria-label') ?? e.firstElementChild?.textContent ?? ''),
        );
    const dutch = await tabNames();
    await page.getByLabel('Taal').selectOption('en');
    await page.getByLabel('Language').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('tablist').getAttribute('aria-label')).toBe('Sections');
    // The help is collapsed by default; opened, it links to the function list in English.
    // Other tabs stay mounted (hidden), each with its own help: use the visible panel's.
    const help = page.getByRole('tabpanel').getByText('About this section');
    await help.click();
    expect(await page.getByRole('link', { name: 'List of the IND. functions' }).count()).toBe(1);
    await help.click();
    const english = await tabNames();
    expect(english).toHaveLength(dutch.length);
    expect(english).not.toEqual(dutch);
    // The sets table shows each basis in English (the sheet keeps the Dutch code).
    const sets = page.getByRole('tabpanel').getByRole('table', { name: 'Parameter sets' });
    expect(await sets.innerText()).toContain('model (unknown)');
    expect(await sets.innerText()).toContain('gross');
    expect(await sets.innerText()).not.toMatch(/onbekend|bruto/);
    await pane.screenshot('shell-en');
    await page.getByLabel('Language').selectOption('nl');
    expect(await tabNames()).toEqual(dutch);
    expect(await page.getByRole('tablist').getAttribute('aria-label')).toBe('Onderdelen');
    expect(pane.consoleErrors).toEqual([]);
  });

  it('saves a screenshot of the Dutch pane', async () => {
    const file = await pane.screenshot('shell-nl');
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
  });
});

describe('write path in Chromium: change report and redirect', () => {
  it('reports what a view wrote, and redirects (and says so) after the user edited the sheet', async () => {
    const pane = await openPane({ seed: (wb) => void wb.addSheet('Blad1') });
    try {
      const page = pane.page;
      const panel = page.getByRole('tabpanel');
      // The first view's main action (the parameter sheet in this product); any "schrijven" button will do.
      const write = panel.getByRole('button', { name: /schrijven/i }).first();
      await write.click();
      const report = page.getByTestId('change-report');
      await report.waitFor();
      const first = await pane.workbook();
      const written = first.sheets.filter((s) => s.name !== 'Blad1');
      expect(written.length).toBeGreaterThan(0);
      const target = written[0];
      expect(await report.getByRole('cell', { name: target.name }).count()).toBeGreaterThan(0);
      // The user types over a cell the pane computed (its title); the next action must not touch
      // the sheet. (A note in a free cell or an edited input no longer makes a copy: see
      // editsInPlace.test.ts.)
      await pane.withWorkbook(
        (wb, name: string) => wb.setCells(name, 'A1', [['mijn eigen titel']]),
        target.name,
      );
      const edited = (await pane.workbook()).sheets.find((s) => s.name === target.name);
      await write.click();
      await page.getByText(`Geschreven naar '${target.name} (2)'`).waitFor();
      const after = await pane.workbook();
      expect(after.sheets.find((s) => s.name === target.name)).toEqual(edited);
      expect(after.sheets.map((s) => s.name)).toContain(`${target.name} (2)`);
      const severe = (await pane.axe()).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(severe).toEqual([]);
      await pane.screenshot('shell-redirect-report');
      expect(pane.consoleErrors).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});

describe('harness guards', () => {
  it('fails with a clear message, instead of skipping, when the build is missing', () => {
    expect(() => requireBuild('no-such-page.html')).toThrow(
      'dist/no-such-page.html is missing: run `npm run build` first (`npm test` builds before running jest).',
    );
  });

  it('starts in English when Office reports an English display language', async () => {
    const pane = await openPane({ displayLanguage: 'en-US' });
    try {
      expect(await pane.page.getByLabel('Language').inputValue()).toBe('en');
      expect(await pane.page.evaluate(() => document.documentElement.lang)).toBe('en');
    } finally {
      await pane.close();
    }
  });

  it('refuses a runtime request through its CSP (connect-src), so nothing leaves the machine', async () => {
    const pane = await openPane();
    const outcome = await pane.page.evaluate(async () => {
      const seen = new Promise<string>((resolve) =>
        document.addEventListener(
          'securitypolicyviolation',
          (e) => resolve(`${e.violatedDirective} ${e.blockedURI}`),
          {
            once: true,
          },
        ),
      );
      // A stray runtime request, as telemetry would make.
      const failed = await fetch('https://example.com/telemetry').then(
        () => false,
        () => true,
      );
      return { failed, seen: await seen };
    });
    expect(outcome.failed).toBe(true);
    expect(outcome.seen).toMatch(/connect-src.*example\.com/);
    expect(pane.blockedRequests).toEqual([]);
    await pane.close();
  });

  it('fails a pane that reaches the network past the CSP (the harness guard)', async () => {
    const pane = await openPane();
    await pane.page.evaluate(() => {
      // A host the CSP allows for Office.js's own parts: the request is made, and the harness must catch it.
      const s = document.createElement('script');
      s.src = 'https://ajax.aspnetcdn.com/probe.js';
      document.head.appendChild(s);
    });
    await pane.page.waitForTimeout(300);
    expect(pane.blockedRequests).toEqual(['https://ajax.aspnetcdn.com/probe.js']);
    await expect(pane.close()).rejects.toThrow(
      /tried to reach the network[\s\S]*ajax\.aspnetcdn\.com\/probe\.js/,
    );
  });
});
