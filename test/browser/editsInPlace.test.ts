/**
 * Issue 11, build 2 (edits in place) in real Chromium over the fake workbook, at 320 and 350 px:
 * a user edits what the parameter sheet says to edit (the active set in B4, a value in the table)
 * and types a note beside the tables; the next write rewrites the sheet IN PLACE, keeps all three,
 * and the pane shows the active set from B4. An edit to a computed cell does make a copy, and the
 * pane names that cell. Built pane: `npm run build` first.
 */
import { PARAMETER_LAYOUT, PARAMETERS } from '../../src/taskpane/plans/parameters';
import { openPane, type Pane } from './harness';

jest.setTimeout(240000);

/** Row of `set|key` in the parameter table (sets in order, one row per parameter). */
function tableRow(setIndex: number, key: string): number {
  return (
    PARAMETER_LAYOUT.tableHeaderRow +
    1 +
    setIndex * PARAMETERS.length +
    PARAMETERS.findIndex((p) => p.key === key)
  );
}

async function writeParameters(pane: Pane): Promise<void> {
  const page = pane.page;
  const close = page.getByRole('button', { name: 'Overzicht sluiten' });
  if (await close.isVisible().catch(() => false)) await close.click();
  await page.getByRole('button', { name: 'Parameterblad schrijven' }).click();
  await page.getByTestId('change-report').waitFor();
}

describe.each([320, 350])('edits in place at %i px', (width) => {
  it('keeps B4, an edited parameter value and a note: no copy, and the pane shows the active set', async () => {
    const pane = await openPane({ viewport: { width, height: 900 } });
    try {
      const page = pane.page;
      await page.getByRole('tab', { name: 'Parameters' }).click();
      await writeParameters(pane);
      await page.getByText('Parameterblad geschreven met 2 sets; actieve set: Model 2021.').waitFor();
      const valueCell = `C${tableRow(0, 'hoursPerFte')}`;
      await pane.withWorkbook(
        (wb, a) => {
          wb.setCells('IND Parameters', 'B4', [['Gemeten A&B 2021']]);
          wb.setCells('IND Parameters', a.valueCell, [[38]]);
          // A free cell beside the table (K1:L3 hold the pane's style legend, which is computed).
          wb.setCells('IND Parameters', 'K10', [['mijn notitie: 38 uur volgens cao']]);
        },
        { valueCell },
      );
      await writeParameters(pane);
      await page.getByText('Parameterblad geschreven met 2 sets; actieve set: Gemeten A&B 2021.').waitFor();
      const wb = await pane.workbook();
      expect(wb.sheets.map((s) => s.name)).not.toContain('IND Parameters (2)');
      const sheet = wb.sheets.find((s) => s.name === 'IND Parameters')!;
      expect(sheet.cells.B4).toBe('Gemeten A&B 2021');
      expect(sheet.cells[valueCell]).toBe(38);
      expect(sheet.cells.K10).toBe('mijn notitie: 38 uur volgens cao');
      // The names still point at the one sheet.
      expect(wb.names.find((n) => n.name === 'IND_ActieveSet')?.formula).toBe("='IND Parameters'!$B$4");
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        ),
      ).toBe(true);
      await pane.screenshot(`params-edits-in-place-${width}`);

      // Build 1 / finding 3: Scenario's takes the direct ratio of the active set from B4 and says
      // so; a typed value is an override of that set, with a way back to the set's value.
      const visible = page.getByRole('tabpanel');
      await page.getByRole('tab', { name: 'Scenario’s' }).click();
      await visible
        .getByText('Parameters uit IND Parameters: actieve set Gemeten A&B 2021, modelset Model 2021.')
        .waitFor();
      const ratio = visible.getByLabel('Directe uren (aandeel)');
      expect(await ratio.inputValue()).toBe('0,57');
      await ratio.fill('0,6');
      await visible
        .getByText('Eigen waarde (wat-als): overschrijft set Gemeten A&B 2021, waar 0,57 staat.')
        .waitFor();
      if (width === 350) await pane.screenshot('linked-scenario-override-350');
      await visible.getByRole('button', { name: 'Waarde uit de set' }).click();
      expect(await ratio.inputValue()).toBe('0,57');
      expect(await pane.axe()).toEqual([]);

      // Build 1 / finding 1 and item 3: Financiering's linked values are read-only and say where
      // they come from; the sets are chosen from the table.
      await page.getByRole('tab', { name: 'Financiering' }).click();
      const ratioB = visible.getByLabel('Directe uren set B (fractie)');
      await expect(ratioB.inputValue()).resolves.toBe('0,57');
      expect(await ratioB.isEditable()).toBe(false);
      expect(await visible.getByLabel('Directe uren set A (fractie)').isEditable()).toBe(false);
      expect(await visible.getByLabel('Uren per fte per week').isEditable()).toBe(false);
      expect(
        await visible
          .getByText('Uit IND Parameters, set Gemeten A&B 2021; wijzig het daar (alleen-lezen hier).')
          .count(),
      ).toBe(3);
      if (width === 350) await pane.screenshot('linked-funding-readonly-350');
      // Finding 1: the written sheet looks set B up by its NAME (it used to say "set B" over
      // =IND_DirecteUren, the active set). Finding 11: linked cells look computed, inputs look like
      // inputs, and a legend names both fills (never "gele cellen").
      await visible.getByRole('button', { name: 'Voorbeeld gebruiken' }).click();
      await visible.getByRole('button', { name: 'Financieringsblad maken' }).click();
      await visible.getByTestId('change-report').waitFor();
      const written = await pane.workbook();
      const fin = written.sheets.find((x) => x.name === 'IND Financiering')!;
      const texts = Object.values(fin.cells).map((v) => String(v));
      expect(texts.some((f) => f.includes('"Gemeten A&B 2021|directRatio"'))).toBe(true);
      expect(texts.some((f) => f.includes('"Model 2021|directRatio"'))).toBe(true);
      expect(texts.some((f) => /^=IND_DirecteUren$/.test(f))).toBe(false);
      const fill = (sheet: typeof fin, a: string): string => (sheet.formats[a]?.fill ?? '').toUpperCase();
      const linkedAt = Object.entries(fin.cells)
        .filter(([, v]) => String(v).startsWith('=INDEX(IND_Parameters'))
        .map(([a]) => a);
      expect(linkedAt.length).toBeGreaterThanOrEqual(3);
      expect(linkedAt.map((a) => [a, fill(fin, a)])).toEqual(linkedAt.map((a) => [a, '#E0E0E0']));
      expect(fill(fin, 'B5')).toBe('#EBF3FC');
      const params = written.sheets.find((x) => x.name === 'IND Parameters')!;
      // The active-set choice is an input. (The table's value column is not input-filled yet: the
      // gateway uses `inputColumns` for ownership only; reported, not asserted here.)
      expect(fill(params, 'B4')).toBe('#EBF3FC');
      for (const sheet of [fin, params]) {
        const all = Object.values(sheet.cells).map((v) => String(v));
        expect(all.some((x) => /^Lichtblauwe cellen zijn invoer/.test(x))).toBe(true);
        expect(all.some((x) => /^Grijze cellen zijn formules/.test(x))).toBe(true);
        expect(all.some((x) => /gele cellen/i.test(x))).toBe(false);
      }
      await visible.getByLabel('Naam set A').selectOption('Gemeten A&B 2021');
      await expect(visible.getByLabel('Directe uren set A (fractie)').inputValue()).resolves.toBe('0,57');
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        ),
      ).toBe(true);
      expect(await pane.axe()).toEqual([]);
      expect(pane.consoleErrors).toEqual([]);
    } finally {
      await pane.close();
    }
  });

  it('makes a copy when a computed cell was edited, and names the cell', async () => {
    const pane = await openPane({ viewport: { width, height: 900 } });
    try {
      const page = pane.page;
      await page.getByRole('tab', { name: 'Parameters' }).click();
      await writeParameters(pane);
      // C8 is the description of the first parameter: written by the pane, not an input.
      await pane.withWorkbook((wb) => wb.setCells('IND Parameters', 'C8', [['mijn omschrijving']]), null);
      await writeParameters(pane);
      await page
        .getByText("Cel C8 van blad 'IND Parameters' is een berekende cel en is gewijzigd.", { exact: false })
        .waitFor();
      const wb = await pane.workbook();
      expect(wb.sheets.map((s) => s.name)).toContain('IND Parameters (2)');
      expect(wb.sheets.find((s) => s.name === 'IND Parameters')!.cells.C8).toBe('mijn omschrijving');
      expect(pane.consoleErrors).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});
