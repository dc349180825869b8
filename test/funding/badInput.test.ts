/**
 * Bad input gets a clear message: code AND text (nl and en), naming the argument, the row, what
 * was expected and what was received. The "nothing is half-written" half lives in the plan and
 * view tests: these functions throw before any plan exists.
 */
import { CalcError, formatError } from '../../src/core/errors';
import {
  carryOverOpenActions,
  compareFunding,
  matchProducts,
  parseActualTable,
  parseBudgetTable,
  parseProductTable,
  periodSlug,
  readMateriality,
  splitLumpsumCents,
  totalFunding,
  type FundingParams,
} from '../../src/core/funding';

/** Runs `f`, expects a CalcError, and returns it. */
function caught(f: () => unknown): CalcError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CalcError);
    return e as CalcError;
  }
  throw new Error('expected a CalcError, nothing was thrown');
}

const params: FundingParams = {
  lumpsum: 1000,
  floor: 0,
  lumpsumShare: 0.13,
  weeks: 4,
  hoursPerFte: 36,
  extraFte: 0,
};
const sets = [
  { label: 'Model', directRatio: 0.7473 },
  { label: 'Gemeten', directRatio: 0.57 },
] as const;
const productHeader = ['Code', 'Omschrijving', 'Volume', 'Normminuten', 'Uurkosten', 'Opslag'];

describe('a floor above the cap', () => {
  it('compareFunding names both amounts and the fix', () => {
    const e = caught(() =>
      compareFunding(
        [{ code: 'A', name: '', volume: 1, normMinutes: 60, hourlyCost: 50, overheadRate: 0 }],
        { ...params, floor: 400e6, cap: 360e6 },
        sets,
      ),
    );
    expect(e.code).toBe('fundingFloorAboveCap');
    expect(e.messageIn('nl')).toBe(
      'Ondergrens (400.000.000) ligt boven het plafond (360.000.000): verwacht ondergrens ≤ plafond. Verlaag de ondergrens of verhoog het plafond (laat het plafond leeg voor geen plafond).',
    );
    expect(e.messageIn('en')).toBe(
      'Floor (400,000,000) is above the cap (360,000,000): expected floor ≤ cap. Lower the floor or raise the cap (leave the cap blank for no cap).',
    );
    expect(e.excel).toBe('invalidValue');
  });

  it('totalFunding rejects it too, and accepts floor = cap', () => {
    expect(caught(() => totalFunding(0, 10, 5, 4)).code).toBe('fundingFloorAboveCap');
    expect(totalFunding(0, 10, 5, 5)).toBe(5);
  });
});

describe('budget and realisation tables with different product codes', () => {
  it('lists the codes found only on each side', () => {
    const budget = parseBudgetTable([
      ['Product', 'Volume', 'Prijs', 'Normminuten'],
      ['A1', 10, 100, 60],
      ['A2', 10, 100, 60],
      ['A4', 10, 100, 60],
    ]);
    const actual = parseActualTable([
      ['Product', 'Volume', 'Kosten', 'Uren'],
      ['A1', 10, 1000, 10],
      ['A3', 10, 1000, 10],
    ]);
    const e = caught(() => matchProducts(budget, actual));
    expect(e.code).toBe('fundingCodeMismatch');
    expect(e.messageIn('nl')).toBe(
      'Begroting en realisatie hebben verschillende productcodes. Alleen in de begroting: A2, A4; alleen in de realisatie: A3. Voeg de ontbrekende producten toe (met volume 0) of corrigeer de codes, zodat beide tabellen dezelfde codes hebben.',
    );
    expect(e.messageIn('en')).toContain('Only in the budget: A2, A4; only in the realisation: A3.');
  });

  it('a code present only in the realisation is named with "(geen)" on the other side', () => {
    const budget = parseBudgetTable([
      ['Product', 'Volume', 'Prijs', 'Normminuten'],
      ['A1', 1, 1, 1],
    ]);
    const actual = parseActualTable([
      ['Product', 'Volume', 'Kosten', 'Uren'],
      ['A1', 1, 1, 1],
      ['Z9', 1, 1, 1],
    ]);
    expect(caught(() => matchProducts(budget, actual)).messageIn('nl')).toContain(
      'Alleen in de begroting: (geen); alleen in de realisatie: Z9.',
    );
  });
});

describe('text in numeric cells', () => {
  it('product table: names the column, the row and the text', () => {
    const e = caught(() =>
      parseProductTable([
        productHeader,
        ['A1', 'Dublin', 100, 120, 60, 0],
        ['A4', 'AA', '1.250', 600, 60, 0],
      ]),
    );
    // One family for "text where a number belongs" (src/core/input), with the row and the fix.
    expect(e.code).toBe('notANumber');
    expect(e.details).toMatchObject({ argument: 'Volume', row: 2, received: '1.250' });
    expect(e.messageIn('nl')).toBe(
      'Volume, rij 2: verwacht een getal, ontvangen tekst "1.250". Typ het als getal (zonder aanhalingstekens) of zet het om met WAARDE(). Tekst wordt niet stilzwijgend omgezet, omdat SOM() tekst overslaat en totalen dan niet meer kloppen.',
    );
    expect(e.messageIn('en')).toBe(
      'Volume, row 2: expected a number, received text "1.250". Type it as a number (without quotes) or convert it with VALUE(). Text is not converted silently, because SUM() skips text and totals would no longer agree.',
    );
  });

  it('realisation table: names the table and column', () => {
    const e = caught(() =>
      parseActualTable([
        ['Product', 'Volume', 'Kosten', 'Uren'],
        ['A1', 10, '€ 1000', 10],
      ]),
    );
    expect(e.code).toBe('notANumber');
    expect(e.messageIn('nl')).toContain(
      'Realisatie: Kosten, rij 1: verwacht een getal, ontvangen tekst "€ 1000"',
    );
  });

  it('budget hours as text', () => {
    const e = caught(() =>
      parseBudgetTable([
        ['Product', 'Volume', 'Prijs', 'Normminuten'],
        ['A1', 10, 100, 'zestig'],
      ]),
    );
    expect(e.code).toBe('notANumber');
    expect(e.details).toMatchObject({ argument: 'Begroting: Normminuten', row: 1, received: 'zestig' });
  });

  it('a materiality threshold typed as text', () => {
    const e = caught(() => readMateriality('tienduizend', null));
    expect(e.code).toBe('fundingBadThreshold');
    expect(e.messageIn('nl')).toBe(
      'Drempel (€): verwacht een getal ≥ 0 of een lege cel, ontvangen tienduizend. Laat de drempel leeg om hem niet te gebruiken.',
    );
  });
});

describe('typical mistakes get their own message', () => {
  it('a blank cell (both "" and null)', () => {
    for (const blank of ['', null, '   ']) {
      const e = caught(() => parseProductTable([productHeader, ['A1', '', 100, 120, blank, 0]]));
      expect(e.code).toBe('blankValue');
      expect(e.messageIn('nl')).toBe(
        'Uurkosten, rij 1: verwacht een getal, de cel is leeg. Vul een waarde in (typ 0 als het echt nul is).',
      );
    }
  });

  it('a direct ratio typed as a percentage (74.73 instead of 0.7473)', () => {
    const e = caught(() =>
      compareFunding(
        [{ code: 'A', name: '', volume: 1, normMinutes: 60, hourlyCost: 50, overheadRate: 0 }],
        params,
        [{ label: 'Model', directRatio: 74.73 }, sets[1]],
      ),
    );
    expect(e.code).toBe('ratioAsPercent');
    // The one percent check: a clean suggestion, 0,7473 and never 0,7473000000000001.
    expect(e.details.suggestion).toBe(0.7473);
    expect(e.messageIn('nl')).toBe(
      'Directe uren (Model): verwacht een fractie tussen 0 en 1, ontvangen 74,73. Dit lijkt een percentage: gebruik 0,7473 (74,73 → 0,7473), of typ 74,73%.',
    );
  });

  it('a lumpsum share typed as 13', () => {
    const e = caught(() => splitLumpsumCents(0, [100], 13));
    expect(e.code).toBe('ratioAsPercent');
    expect(e.messageIn('nl')).toContain('ontvangen 13. Dit lijkt een percentage: gebruik 0,13 ');
  });

  it('a materiality percentage typed as 5', () => {
    expect(caught(() => readMateriality(null, 5)).code).toBe('ratioAsPercent');
  });

  it('a missing norm time', () => {
    const e = caught(() => parseProductTable([productHeader, ['A4', 'AA', 100, '', 60, 0]]));
    expect(e.code).toBe('fundingMissingNorm');
    expect(e.messageIn('nl')).toBe(
      'Normminuten (rij 1) voor product "A4": verwacht een normtijd > 0, ontvangen leeg. Zonder normtijd is de efficiëntie (uren − normuren) niet te berekenen; vul de normtijd uit het kostprijsmodel in.',
    );
  });

  it('a duplicate product code', () => {
    const e = caught(() =>
      parseProductTable([
        productHeader,
        ['A1', '', 1, 1, 1, 0],
        ['A2', '', 1, 1, 1, 0],
        ['A1', '', 1, 1, 1, 0],
      ]),
    );
    expect(e.code).toBe('fundingDuplicateCode');
    expect(e.messageIn('nl')).toContain('Code (rij 3): code "A1" komt twee keer voor (ook in rij 1)');
  });

  it('a missing column lists the columns found', () => {
    const e = caught(() =>
      parseActualTable([
        ['Product', 'Volume', 'Kosten'],
        ['A1', 1, 1],
      ]),
    );
    expect(e.code).toBe('fundingMissingColumn');
    expect(e.messageIn('nl')).toBe(
      'Realisatie: kolom "Uren" ontbreekt. Gevonden kolommen: Product, Volume, Kosten. Geef de kolom deze kopnaam (Nederlands of Engels mag).',
    );
  });

  it('a negative volume', () => {
    const e = caught(() => parseProductTable([productHeader, ['A1', '', -5, 1, 1, 0]]));
    expect(e.code).toBe('negativeValue');
    expect(e.messageIn('en')).toBe(
      'Volume, row 1: expected 0 or more, received -5. A negative number (count, hours, amount) is not possible here; check the sign.',
    );
  });

  it('a table with only a header', () => {
    expect(caught(() => parseProductTable([productHeader, ['', '', '', '', '', '']])).code).toBe(
      'fundingEmptyTable',
    );
  });

  it('a period label that cannot name a table', () => {
    const e = caught(() => periodSlug('Q1/2026'));
    expect(e.code).toBe('fundingBadPeriod');
    expect(formatError(e.code, e.details, 'en')).toContain('received "Q1/2026"');
  });

  it('an action table whose Status column was renamed', () => {
    const e = caught(() =>
      carryOverOpenActions(
        'IND_Acties_2026_T1',
        ['Verschil', 'Bedrag (€)', 'Periode', 'Oorzaak', 'Actie', 'Eigenaar', 'Vervaldatum', 'Stand'],
        [],
      ),
    );
    expect(e.code).toBe('fundingActionTableHeaders');
    expect(e.messageIn('nl')).toContain('kolom "Status" ontbreekt');
  });
});
