/**
 * The sheets views in real Chromium over the fake workbook (built pane, `npm run build` first):
 * import a norm table from a seeded selection, write the parameter sheet, generate the live
 * calculation sheet; check the formulas written; screenshot; axe; and the same flow by keyboard
 * alone. No network and no console errors.
 */
import type { Page } from 'playwright-core';
import type { FakeWorkbook } from './fake-office/fakeOffice';
import { PARAMETER_LAYOUT, PARAMETERS } from '../../src/taskpane/plans/parameters';
import { openPane, type AxeViolation, type Pane } from './harness';

jest.setTimeout(240000);

interface Seed {
  norms: (string | number)[][];
  volHeaders: string[];
  volRows: (string | number)[][];
}
const SEED: Seed = {
  norms: [
    ['Code', 'Naam', 'Normminuten'],
    ['S1', 'Spoor 1 (fictief)', 60],
    ['S4', 'Spoor 4 (fictief)', 1116.5],
    [77, 'Nareis (fictief)', 120],
  ],
  volHeaders: ['Code', '2024-P01', '2024-P02', '2024-P03'],
  volRows: [
    ['S1', 50000, 60000, 40000],
    ['S4', 300, 350, 250],
    [77, 10000, 12000, 9000],
  ],
};

function seed(wb: FakeWorkbook, arg: unknown): void {
  const s = arg as Seed;
  wb.setCells('Blad1', 'B2', s.norms);
  wb.addSheet('Invoer');
  wb.addTable('Invoer', 'Volumes', 'A1', s.volHeaders, s.volRows);
  wb.select('Blad1', 'B2:D5');
}

const serious = (v: AxeViolation[]) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

/**
 * axe after the UI has settled: a button that just became enabled fades from grey to blue, and
 * axe would measure the contrast of a half-way colour (a timing artefact, not a real violation).
 */
async function settledAxe(pane: Pane): Promise<AxeViolation[]> {
  await pane.page.waitForTimeout(400);
  return serious(await pane.axe());
}

/** Presses Tab until the focused element has `role` and an accessible name matching `name`. */
async function tabTo(
  page: Page,
  role: 'tab' | 'button' | 'checkbox' | 'combobox',
  name: string | RegExp,
  max = 80,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const tag = el.tagName.toLowerCase();
      const role =
        el.getAttribute('role') ??
        (tag === 'button'
          ? 'button'
          : tag === 'select'
            ? 'combobox'
            : tag === 'input' && (el as HTMLInputElement).type === 'checkbox'
              ? 'checkbox'
              : tag);
      const labelled =
        el.getAttribute('aria-label') ??
        (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null);
      // innerText: Fluent tabs repeat their label in a hidden span that textContent would include.
      return { role, name: (labelled ?? el.innerText ?? '').trim() };
    });
    if (info && info.role === role && (typeof name === 'string' ? info.name === name : name.test(info.name)))
      return;
  }
  throw new Error(`No ${role} "${String(name)}" reachable within ${max} Tab presses`);
}

describe('sheets views in the browser', () => {
  let pane: Pane;
  beforeAll(async () => {
    pane = await openPane({ seed, seedArg: SEED });
    await pane.page.emulateMedia({ reducedMotion: 'reduce' });
  });
  afterAll(async () => {
    await pane.close(); // throws if the pane tried to reach the network
  });

  it('writes the parameter sheet, imports the norms from the selection and generates the calculation sheet', async () => {
    const page = pane.page;

    // Parameters: the sheet with the active-set lookups and the named cells.
    await page.getByRole('tab', { name: 'Parameters' }).click();
    expect(await settledAxe(pane)).toEqual([]);
    await page.getByRole('button', { name: 'Parameterblad schrijven' }).click();
    await page.getByText('Parameterblad geschreven met 2 sets; actieve set: Model 2021.').waitFor();
    let wb = await pane.workbook();
    const params = wb.sheets.find((s) => s.name === 'IND Parameters')!;
    expect(params.cells.B4).toBe('Model 2021');
    // The table's rows follow the parameter rows (first and last data row from the layout).
    const [f, l] = [
      PARAMETER_LAYOUT.tableHeaderRow + 1,
      PARAMETER_LAYOUT.tableHeaderRow + 2 * PARAMETERS.length,
    ];
    expect(params.cells.D8).toBe(`=INDEX($C$${f}:$C$${l},MATCH(IND_ActieveSet&"|"&$B8,$G$${f}:$G$${l},0))`);
    expect(wb.names.map((n) => n.name)).toEqual(
      expect.arrayContaining([
        'IND_ActieveSet',
        'IND_UrenPerFte',
        'IND_DirecteUren',
        'IND_DirecteUrenModel',
        'IND_BandOnder',
        'IND_BandBoven',
      ]),
    );

    // Norm times from the seeded selection: preview in Dutch notation, then the table.
    await page.getByRole('tab', { name: 'Normtijden' }).click();
    expect(await settledAxe(pane)).toEqual([]);
    await page.getByRole('button', { name: 'Uit selectie lezen' }).click();
    const preview = page.getByRole('table', { name: 'Gelezen normtijden' });
    await preview.waitFor();
    expect(await preview.getByRole('row').filter({ hasText: 'S4' }).textContent()).toContain('1.116,5');
    expect(await settledAxe(pane)).toEqual([]);
    await page.getByRole('button', { name: 'Normtabel schrijven' }).click();
    await page.getByText('IND_Normtijden geschreven: 3 rijen, versies 2021.').waitFor();
    wb = await pane.workbook();
    expect(wb.tables.find((t) => t.name === 'IND_Normtijden')).toMatchObject({
      sheet: 'IND Normtijden',
      address: 'A4:F7',
    });
    const norms = wb.sheets.find((s) => s.name === 'IND Normtijden')!;
    expect([norms.cells.A6, norms.cells.C6, norms.cells.F6]).toEqual(['S4', 1116.5, '=E6&"|"&A6']);

    // Calculation sheet from the volume table.
    await page.getByRole('tab', { name: 'Rekenblad' }).click();
    await page.getByLabel('Volumetabel').selectOption('Volumes');
    // Hidden tabs stay mounted (their work survives): look inside the visible panel.
    expect(await page.getByRole('tabpanel').getByLabel('Normversie').inputValue()).toBe('2021');
    expect(await settledAxe(pane)).toEqual([]);
    await page.getByRole('button', { name: 'Rekenblad maken' }).click();
    await page.getByText('Rekenblad gemaakt: 3 producten × 3 perioden, alles als formule.').waitFor();
    wb = await pane.workbook();
    const calc = wb.sheets.find((s) => s.name === 'IND Rekenblad')!;
    expect(calc.cells.C6).toBe('=Volumes[[#Headers],[2024-P01]]');
    expect(calc.cells.B7).toBe(
      '=INDEX(IND_Normtijden[[Normminuten]],MATCH($B$3&"|"&$A7,IND_Normtijden[[Sleutel]],0))',
    );
    expect(calc.cells.C8).toBe('=INDEX(Volumes[[2024-P01]],MATCH($A8,Volumes[[Code]],0))*$B8/60');
    expect(calc.cells.F7).toBe('=SUM(C7:E7)');
    expect(calc.cells.C10).toBe('=SUM(C7:C9)');
    expect(calc.cells.E13).toBe(
      '=IND.FTE(B13,IND_Periodeweken,IND_UrenPerFte,IND_DirecteUren,IND_VerloopFte,$B$4)',
    );
    expect(calc.cells.F13).toBe(
      '=IND.FTE(B13,IND_Periodeweken,IND_UrenPerFte,IND_DirecteUrenModel,IND_VerloopFte,$B$4)',
    );
    expect(calc.cells.H13).toBe(
      '=IND.SCENARIO(B13:B15,IND_BandOnder,IND_BandBoven,IND_PiekExtra,IND_PiekPerioden,"nl")',
    );
    expect(calc.charts).toHaveLength(1);
    expect(calc.charts[0].source).toContain('A12:D15');
    // Every number on the sheet is a formula (B3, the version input "2021", aside).
    expect(Object.entries(calc.cells).filter(([a, v]) => typeof v === 'number' && a !== 'B3')).toEqual([]);
    await pane.screenshot('sheets-rekenblad');
    expect(pane.consoleErrors).toEqual([]);
  });

  it('refuses a volume table with codes missing from the norms and writes nothing', async () => {
    const page = pane.page;
    await pane.withWorkbook((wb) => {
      wb.addSheet('Invoer2');
      wb.addTable(
        'Invoer2',
        'VolumesFout',
        'A1',
        ['Code', 'P1'],
        [
          ['S1', 1],
          ['ONBEKEND', 2],
        ],
      );
    });
    await page.getByRole('button', { name: 'Tabellen vernieuwen' }).click();
    await page.getByLabel('Volumetabel').selectOption('VolumesFout');
    const before = await pane.workbook();
    await page.getByRole('button', { name: 'Rekenblad maken' }).click();
    await expect(page.getByTestId('error-bar').textContent()).resolves.toContain(
      '1 productcode(s) uit volumetabel "VolumesFout" ontbreken in normversie "2021": "ONBEKEND". Er is niets geschreven.',
    );
    const after = await pane.workbook();
    expect(after.sheets.map((s) => [s.name, s.cells])).toEqual(before.sheets.map((s) => [s.name, s.cells]));
    expect(await settledAxe(pane)).toEqual([]);
  });
});

describe('sheets flow by keyboard alone', () => {
  it('writes parameters, imports norms and makes the calculation sheet without a mouse', async () => {
    const pane = await openPane({ seed, seedArg: SEED });
    try {
      const page = pane.page;
      await tabTo(page, 'tab', 'Parameters');
      await tabTo(page, 'button', 'Parameterblad schrijven');
      await page.keyboard.press('Enter');
      await page.getByText(/^Parameterblad geschreven/).waitFor();

      await tabTo(page, 'tab', /^(Parameters|Normtijden|Rekenblad)$/);
      // Arrow keys move between tabs; Enter selects.
      for (let i = 0; i < 3; i++) {
        const name = await page.evaluate(
          () => (document.activeElement as HTMLElement | null)?.innerText.trim() ?? '',
        );
        if (name === 'Normtijden') break;
        await page.keyboard.press('ArrowRight');
      }
      await page.keyboard.press('Enter');
      await tabTo(page, 'button', 'Uit selectie lezen');
      await page.keyboard.press('Enter');
      await page.getByRole('table', { name: 'Gelezen normtijden' }).waitFor();
      await tabTo(page, 'button', 'Normtabel schrijven');
      await page.keyboard.press('Space');
      await page.getByText(/^IND_Normtijden geschreven/).waitFor();

      await tabTo(page, 'tab', /^(Parameters|Normtijden|Rekenblad)$/);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await page.getByLabel('Volumetabel').waitFor();
      await tabTo(page, 'button', 'Rekenblad maken');
      await page.keyboard.press('Enter');
      await page.getByText('Rekenblad gemaakt: 3 producten × 3 perioden, alles als formule.').waitFor();
      const wb = await pane.workbook();
      expect(wb.sheets.map((s) => s.name)).toEqual(
        expect.arrayContaining(['IND Parameters', 'IND Normtijden', 'IND Rekenblad']),
      );
      expect(pane.consoleErrors).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});
