/**
 * Issue 11, Build 6–9: the pane's messages and validation functions. Each test can fail: it names
 * the old behaviour it replaces.
 */
import { CalcError } from '../../src/core/errors';
import { catalogue, type ErrorCode } from '../../src/core/messages';
import { paneCheckMessages } from '../../src/core/messages/paneChecks';
import { percentHint } from '../../src/core/input';
import {
  defaultPeriod,
  nextPeriod,
  parsePeriod,
  periodSlug,
  tertaalOf,
  previousActionTable,
} from '../../src/core/funding';
import {
  fictitiousVersionIssue,
  fictitiousVersions,
  isFictitiousVersion,
  notANormTable,
  realNormVersion,
  validateNormRange,
} from '../../src/core/norms';
import {
  checkNormCoverage,
  fictitiousNormLabels,
  normCoverage,
  normsFromTable,
} from '../../src/core/timerecording/norms';
import { readParams, type ParamForm } from '../../src/taskpane/views/timerecording/useTimeRecording';
import { buildNormTablePlan } from '../../src/taskpane/plans/normTable';
import { buildCalcSheetPlan } from '../../src/taskpane/plans/calcSheet';

function caught(f: () => unknown): CalcError {
  try {
    f();
  } catch (e) {
    if (e instanceof CalcError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('the pane-check messages', () => {
  const sample = {
    received: 'Blad1!A1:D9',
    headers: 'Code, P01, P02',
    headersMore: 2,
    looksLike: 'volumes',
    argument: 'IND_Normtijden',
    matched: 1,
    total: 6,
    missing: '"Spoor 4 (AA)"',
    missingMore: 0,
    codes: '"S4", "S1"',
    codesMore: 3,
  };
  test.each(Object.keys(paneCheckMessages))(
    '%s is in the catalogue, in nl and en, and they differ',
    (code) => {
      const def = catalogue[code as ErrorCode];
      expect(def).toBe(paneCheckMessages[code as keyof typeof paneCheckMessages]);
      const nl = def.nl(sample);
      const en = def.en(sample);
      expect(nl).not.toBe(en);
      expect(nl.length).toBeGreaterThan(20);
      // No English fragments in Dutch and no Dutch connectives in English.
      expect(nl).not.toMatch(/\b(a number|no lines|the|and|of the)\b/);
      expect(en).not.toMatch(/\b(een|het|de|van|geen)\b/);
    },
  );
  test('"and n more" is spelled in each language', () => {
    expect(catalogue.normNotANormTable.nl(sample)).toContain('Code, P01, P02 en 2 meer');
    expect(catalogue.normNotANormTable.en(sample)).toContain('Code, P01, P02 and 2 more');
    expect(catalogue.normNotANormTable.nl(sample)).toContain('volumetabel');
  });
});

describe('one percentage convention: a fraction with a visible percentage', () => {
  const form = (threshold: string): ParamForm => ({
    modelRatio: '0,7473',
    modelBasis: 'unknown',
    workload: '83.000',
    hotNorm: '0,236',
    extraFte: '60',
    threshold,
    hourlyCost: '',
    normTable: '',
  });
  test('the time-recording threshold 0,15 is 15% (it used to be read as 0,15%)', () => {
    expect(readParams(form('0,15'), 'nl').normThreshold).toBe(0.15);
    expect(
      readParams({ ...form('0.15'), modelRatio: '0.7473', hotNorm: '0.236', workload: '83000' }, 'en')
        .normThreshold,
    ).toBe(0.15);
  });
  test('15 typed for 15% gets the one percent check, with the Dutch suggestion 0,15 and the label', () => {
    const e = caught(() => readParams(form('15'), 'nl'));
    expect(e.code).toBe('ratioAsPercent');
    expect(e.messageIn('nl')).toContain('gebruik 0,15');
    expect(e.messageIn('nl')).toContain('Drempel normafwijking');
    const en = caught(() =>
      readParams({ ...form('15'), modelRatio: '0.7473', hotNorm: '0.236', workload: '83000' }, 'en'),
    );
    expect(en.messageIn('en')).toContain('use 0.15');
    expect(en.messageIn('en')).toContain('Norm deviation threshold');
  });
  test('the hint shows the percentage in the language of the pane', () => {
    expect(percentHint('0,15', 'nl')).toBe('= 15%');
    expect(percentHint('0,7473', 'nl')).toBe('= 74,73%');
    expect(percentHint('0.7473', 'en')).toBe('= 74.73%');
    expect(percentHint('', 'nl')).toBe('');
    expect(percentHint('abc', 'nl')).toBe('');
  });
  test('a ratio message has a ratio example and Dutch decimals, no internal names', () => {
    const e = caught(() => readParams({ ...form('0,15'), modelRatio: '1,5' }, 'nl'));
    const nl = e.messageIn('nl');
    expect(nl).toContain('0,7473');
    expect(nl).toContain('1,5');
    expect(nl).not.toMatch(/modelRatio|directRatio|0\.\d/);
    const en = caught(() =>
      readParams({ ...form('0.15'), modelRatio: '1.5', hotNorm: '0.236', workload: '83000' }, 'en'),
    );
    expect(en.messageIn('en')).toContain('0.7473');
    expect(en.messageIn('en')).not.toMatch(/modelRatio|directRatio|0,\d/);
  });
});

describe('the wrong table is recognised by its header', () => {
  const volumes = [
    ['Code', 'P01 2021', 'P02 2021', 'P03 2021', 'P04 2021'],
    ...Array.from({ length: 9 }, (_, i) => [`S${i + 1}`, 100 + i, 110, 120, 130]),
  ];
  test('a volume table read as norms: one "not a norm table", no row errors (it gave nine year errors)', () => {
    const res = validateNormRange({ sheet: 'Volumes', address: 'A1:E10', values: volumes }, '2021');
    expect(res.rows).toEqual([]);
    expect(res.issues.map((i) => i.code)).toEqual(['normNotANormTable']);
    const e = new CalcError(res.issues[0].code, res.issues[0].details);
    expect(e.messageIn('nl')).toContain('Volumes!A1:E10 is geen normtabel');
    expect(e.messageIn('nl')).toContain('volumetabel');
    expect(e.messageIn('en')).toContain('is not a norm table');
  });
  test('a norm table passes the header check; headerless norms still read by position', () => {
    expect(notANormTable(['Code', 'Naam', 'Normminuten'], 'x')).toBeUndefined();
    expect(notANormTable(['Product', 'Norm time'], 'x')).toBeUndefined();
    const res = validateNormRange(
      {
        sheet: 'B',
        address: 'A1:C2',
        values: [
          ['S1', 'Spoor 1', 120],
          ['S4', 'Spoor 4', 30],
        ],
      },
      '2021',
    );
    expect(res.issues).toEqual([]);
    expect(res.rows).toHaveLength(2);
  });
  test('a table of something else is not called a volume table', () => {
    const i = notANormTable(['Naam', 'Team', 'Functie'], 'T');
    expect(i?.details.looksLike).toBe('other');
  });
});

describe('the norm comparison refuses codes that do not match the export', () => {
  const products = ['Spoor 4 (AA)', 'Nareis', 'AMV', 'Verlenging', 'Naturalisatie', 'Spoor 1'];
  const headers = ['Code', 'Naam', 'Normminuten', 'Geldig vanaf', 'Versie'];
  const rows = [
    ['S4', 'Spoor 4', 720, 2021, 'fictief 2021'],
    ['S1', 'Spoor 1', 240, 2021, 'fictief 2021'],
  ];
  test('1 of 6 products with a norm: refused with the counts (it wrote and reported success)', () => {
    const norms = normsFromTable(headers, rows, products, 'IND_Normtijden');
    const cov = normCoverage(norms, products);
    expect(cov.matched).toEqual(['Spoor 1']);
    expect(cov.total).toBe(6);
    const e = caught(() => checkNormCoverage(cov, norms, 'IND_Normtijden'));
    expect(e.code).toBe('trNormCodesMismatch');
    expect(e.messageIn('nl')).toContain('1 van de 6 producten');
    expect(e.messageIn('nl')).toContain('"Spoor 4 (AA)"');
    expect(e.messageIn('nl')).toContain('Er is niets geschreven');
    expect(e.messageIn('en')).toContain('1 of the 6 products');
  });
  test('half or more with a norm passes, and the coverage is returned for the report', () => {
    const norms = { A: 1, B: 2, C: 3 };
    const cov = checkNormCoverage(normCoverage(norms, ['A', 'B', 'C', 'D']), norms, 'T');
    expect(cov.matched).toHaveLength(3);
    expect(cov.missing).toEqual(['D']);
  });
  test('fictitious norm versions in the table are named', () => {
    expect(fictitiousNormLabels(headers, rows)).toEqual(['fictief 2021']);
    expect(fictitiousNormLabels(['Product', 'Normtijd'], [['X', 1]])).toEqual([]);
  });
});

describe('version labels that cannot lie', () => {
  test('the example label is fictitious, a real year is not', () => {
    expect(isFictitiousVersion('fictief 2021')).toBe(true);
    expect(isFictitiousVersion('Fictitious')).toBe(true);
    expect(isFictitiousVersion('2024')).toBe(false);
  });
  test('real norms read after the example get the last real version, not "fictief 2021"', () => {
    expect(realNormVersion('fictief 2021', '2021')).toBe('2021');
    expect(realNormVersion('2024', '2021')).toBe('2024');
  });
  test('real norms labelled fictitious are refused; the example itself is not', () => {
    expect(fictitiousVersionIssue('fictief 2021', false, 'Blad1!A1:C9')?.code).toBe('normVersionFictitious');
    expect(fictitiousVersionIssue('fictief 2021', true, 'Voorbeeld')).toBeUndefined();
    expect(fictitiousVersionIssue('2024', false, 'Blad1!A1:C9')).toBeUndefined();
  });
  const row = (version: string) => ({ code: 'S1', name: 'Spoor 1', minutes: 10, validFrom: null, version });
  test('a norm sheet that still holds fictitious rows stays marked FICTIEF after a real import', () => {
    const rows = [row('fictief 2021'), row('2024')];
    expect(fictitiousVersions(rows)).toEqual(['fictief 2021']);
    const plan = buildNormTablePlan(rows, { illustrative: false });
    const note = String(plan.sheets[0].blocks?.[1].cells[0][0]);
    expect(note).toMatch(/^FICTIEF/);
    expect(note).toContain('fictief 2021');
    const real = String(buildNormTablePlan([row('2024')], {}).sheets[0].blocks?.[1].cells[0][0]);
    expect(real).not.toContain('FICTIEF');
  });
  test('the norm sheet is written in the pane language', () => {
    const plan = buildNormTablePlan([row('fictief 2021')], { illustrative: true, lang: 'en' });
    expect(plan.sheets[0].blocks?.[0].cells[0][0]).toBe('IND Norm times');
    expect(String(plan.sheets[0].blocks?.[1].cells[0][0])).toMatch(/^FICTITIOUS/);
  });
});

describe('periods as a controlled choice', () => {
  test('only a year with a tertaal or a month is a period ("eerste tertaal" was accepted)', () => {
    expect(parsePeriod('2026-T1')).toEqual({ year: 2026, part: 'T1' });
    expect(parsePeriod('2026-03')).toEqual({ year: 2026, part: '03' });
    for (const bad of ['eerste tertaal', '2026-T4', '2026-13', '2026 T1', 'Q1', ''])
      expect(caught(() => periodSlug(bad)).code).toBe('fundingBadPeriod');
    expect(caught(() => periodSlug('eerste tertaal')).messageIn('nl')).toContain(
      'Kies de periode uit de lijst',
    );
  });
  test('the next period and the default from the data', () => {
    expect(nextPeriod('2026-T3')).toBe('2027-T1');
    expect(nextPeriod('2026-T1')).toBe('2026-T2');
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(tertaalOf(new Date(2026, 4, 10))).toBe('2026-T2');
    expect(defaultPeriod(['IND_Acties_2025_T3', 'IND_Acties_2026_T1', 'Other'], new Date(2030, 0, 1))).toBe(
      '2026-T2',
    );
    expect(defaultPeriod([], new Date(2026, 10, 1))).toBe('2026-T3');
  });
  test('the carry-over finds the previous period among labels that sort by time', () => {
    expect(previousActionTable(['IND_Acties_2025_T3', 'IND_Acties_2026_T1'], '2026-T2')).toBe(
      'IND_Acties_2026_T1',
    );
  });
});

describe('fictitious norms stay marked on the calculation sheet', () => {
  const volume = {
    name: 'Volumes',
    sheet: 'Invoer',
    address: 'A1:B2',
    headers: ['Code', 'P01'],
    rows: [['S1', 10]],
  };
  const norm = (version: string) => ({ code: 'S1', name: 'Spoor 1', minutes: 60, validFrom: null, version });
  const noteOf = (version: string): string => {
    const { plan } = buildCalcSheetPlan({ volume, norms: [norm(version)], version });
    const a2 = plan!.sheets[0].blocks.find((b) => b.at === 'A2')!;
    return String(a2.cells[0][0]);
  };
  test('a fictitious version says FICTIEF, a real one does not', () => {
    expect(noteOf('fictief 2021')).toMatch(/^FICTIEF: normversie "fictief 2021"/);
    expect(noteOf('2024')).not.toContain('FICTIEF');
  });
});
