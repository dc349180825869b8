/**
 * The pane's layout in real Chromium at the task pane's widths (issue 11, problems 6 and 14):
 * on every tab, at 320 and 350 px, the document does not scroll sideways, no two visible labels
 * overlap, header + tabs + help leave the first control of the view within about 150 px of the
 * top, and axe finds no violations. Screenshots of every tab at 350 px go to test-output/.
 * Requires `npm run build` first.
 */
import { openPane, type Pane } from './harness';

jest.setTimeout(300000);

/** Everything a test needs to know about one tab's layout, measured in the page. */
interface Layout {
  scrollWidth: number;
  clientWidth: number;
  overlaps: string[];
  firstControlTop: number;
  firstControl: string;
  /** Where the view's own content starts: below the header, the tabs and the (collapsed) help. */
  viewTop: number;
}

/** Measures the visible tab panel: horizontal overflow, overlapping labels, the first control's top. */
export async function measure(pane: Pane): Promise<Layout> {
  return pane.page.evaluate(() => {
    const doc = document.documentElement;
    const panel = [...document.querySelectorAll<HTMLElement>('[role="tabpanel"]')].find(
      (p) => !p.hidden && p.offsetParent !== null,
    );
    const visible = (e: Element): boolean => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const labels = [...(panel?.querySelectorAll('label') ?? [])].filter(visible);
    const overlaps: string[] = [];
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i].getBoundingClientRect();
        const b = labels[j].getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) overlaps.push(`"${labels[i].textContent}" / "${labels[j].textContent}"`);
      }
    }
    const controls = [...(panel?.querySelectorAll('input, select, textarea, button') ?? [])].filter(
      (e) => visible(e) && !e.closest('[data-testid="view-help"]'),
    );
    const first = controls[0];
    const content = panel?.querySelector('[data-testid="view-content"]') ?? panel?.lastElementChild;
    return {
      viewTop: content ? content.getBoundingClientRect().top + window.scrollY : -1,
      scrollWidth: doc.scrollWidth,
      clientWidth: doc.clientWidth,
      overlaps,
      firstControlTop: first ? first.getBoundingClientRect().top + window.scrollY : -1,
      firstControl: first ? `${first.tagName} ${first.textContent ?? ''}`.trim() : '(none)',
    };
  });
}

const SEED = (wb: {
  addSheet(n: string): unknown;
  addTable(s: string, n: string, a: string, h: string[], r: unknown[][]): unknown;
}): void => {
  wb.addSheet('Blad1');
  wb.addTable('Blad1', 'T_Zaken', 'A1', ['Product', 'Zaken'], [['Spoor 4', 120]]);
};

for (const width of [320, 350]) {
  describe(`the pane at ${width} px`, () => {
    let pane: Pane;
    beforeAll(async () => {
      pane = await openPane({ viewport: { width, height: 900 }, seed: SEED });
    });
    afterAll(async () => {
      await pane?.close(); // throws if the pane tried to reach the network
    });

    it('fits every tab: no horizontal scroll, no overlapping labels, controls near the top, 0 axe violations', async () => {
      const page = pane.page;
      const names = await page
        .getByRole('tab')
        .evaluateAll((els) => els.map((e) => e.querySelector('.fui-Tab__content')?.textContent ?? ''));
      expect(names.length).toBeGreaterThanOrEqual(8);
      const problems: string[] = [];
      const tops: string[] = [];
      for (const [i, name] of names.entries()) {
        await page.getByRole('tab').nth(i).click();
        await page.waitForTimeout(150);
        const m = await measure(pane);
        if (m.scrollWidth > m.clientWidth)
          problems.push(`${name}: scrollWidth ${m.scrollWidth} > clientWidth ${m.clientWidth}`);
        if (m.overlaps.length > 0) problems.push(`${name}: overlapping labels ${m.overlaps.join(', ')}`);
        // Header + tabs + help take at most 150 px: the view starts there (some views open with a
        // heading or a short table before their first control; that is the view's own content).
        if (m.viewTop < 0 || m.viewTop > 150)
          problems.push(`${name}: the view starts at ${Math.round(m.viewTop)} px`);
        if (m.firstControlTop < 0) problems.push(`${name}: no control`);
        tops.push(
          `${name}: view ${Math.round(m.viewTop)} px, first control ${Math.round(m.firstControlTop)} px`,
        );
        const violations = await pane.axe();
        if (violations.length > 0) problems.push(`${name}: axe ${violations.map((v) => v.id).join(', ')}`);
        if (width === 350) await pane.screenshot(`layout-350-${i + 1}-${name.replace(/[^A-Za-z]/g, '')}`);
      }
      // Printed for the report: where each tab's view and first control start.
      console.log(`${width} px\n${tops.join('\n')}`);
      expect(problems).toEqual([]);
      expect(pane.consoleErrors).toEqual([]);
    });
  });
}
