/**
 * The pane's form → simulator input: defaults equal the core's, every field is parsed in Dutch
 * notation, bad fields are named, and an edited rule is labelled as a custom rule.
 */
import { CalcError } from '../../src/core/errors';
import { DEFAULT_STAFF, generateTemplate, REVIEW_BAND, RULE_PRESETS } from '../../src/core/scenario';
import {
  cellsToText,
  defaultForm,
  effectivePreset,
  formToInput,
  formWithSet,
  PANE_SOURCE,
  seriesToText,
  setWithForm,
  withPreset,
} from '../../src/taskpane/plans/scenario/form';
import {
  buildParameterPlan,
  defaultSets,
  MODEL_SET,
  PARAMETER_COLUMNS,
  PARAMETERS,
  setsFromTable,
} from '../../src/taskpane/plans/parameters';
import type { CellValue } from '../../src/taskpane/host/types';

const series = generateTemplate('case2017', REVIEW_BAND);
const filled = { ...defaultForm(), seriesText: seriesToText(series.workload, series.forecast) };

describe('scenario form', () => {
  test('the default form gives the core defaults exactly (cost per year / 13)', () => {
    const input = formToInput(filled, 'nl');
    expect(input.staff).toEqual(DEFAULT_STAFF);
    expect(input.band).toEqual(REVIEW_BAND);
    expect(input.rule).toEqual({ ...RULE_PRESETS.recommended, floor: 0, cap: Infinity });
    expect(input.workload).toEqual(series.workload);
    expect(input.forecast).toEqual(series.forecast);
  });

  test('Dutch notation in fields; a blank cap means no cap', () => {
    const f = withPreset(filled, 'path');
    const input = formToInput(
      { ...f, fields: { ...f.fields, floor: '1.500.000,50', cap: '9.000.000' } },
      'nl',
    );
    expect(input.rule.floor).toBe(1500000.5);
    expect(input.rule.cap).toBe(9000000);
    expect(input.rule.maxDecline).toBe(0.05);
  });

  test('an edited rule is a custom rule', () => {
    const input = formToInput({ ...filled, fields: { ...filled.fields, maxDecline: '0,1' } }, 'nl');
    expect(effectivePreset(input, 'recommended')).toBe('custom');
    expect(effectivePreset(formToInput(filled, 'nl'), 'recommended')).toBe('recommended');
  });

  test('a field with text or left blank is named in the message', () => {
    const text = (): unknown =>
      formToInput({ ...filled, fields: { ...filled.fields, inductionMonths: 'een jaar' } }, 'en');
    expect(text).toThrow(CalcError);
    expect(text).toThrow('Induction time of new staff: expected a number (hours), received text "een jaar".');
    let e: unknown;
    try {
      formToInput({ ...filled, fields: { ...filled.fields, floor: ' ' } }, 'nl');
    } catch (x) {
      e = x;
    }
    expect((e as CalcError).code).toBe('scenarioOutOfRange');
    expect((e as CalcError).messageIn('nl')).toBe(
      'Ondergrens financiering: verwacht een getal, ontvangen leeg. Pas de waarde aan.',
    );
  });

  test('numbers written into the form read back exactly', () => {
    const xs = [0.1, 74193.79157427938, 1e-7, 123456789.123, 1 / 3];
    expect(formToInput({ ...filled, seriesText: seriesToText(xs) }, 'nl').workload).toEqual(xs);
  });

  test('selected cells become exact form text', () => {
    expect(
      cellsToText([
        [83000.123, 70000],
        [84000, null],
        ['84.000', true],
      ]),
    ).toBe('83000,123\t70000\n84000\t\n84.000\ttrue');
  });

  test('bad staffing input through the form: nothing is accepted', () => {
    const bad = (fields: Partial<typeof filled.fields>, over: Partial<typeof filled> = {}): CalcError => {
      try {
        formToInput({ ...filled, ...over, fields: { ...filled.fields, ...fields } }, 'nl');
      } catch (e) {
        return e as CalcError;
      }
      throw new Error('accepted');
    };
    expect(bad({ turnover: '9,5' }).messageIn('nl')).toContain('typ 0.095 in plaats van 9.5');
    expect(bad({ traineeCap: '-1' }).code).toBe('scenarioNegativeCap');
    expect(bad({ recruitmentLag: '100' }).code).toBe('scenarioLagTooLong');
    expect(bad({}, { hiringPolicy: 'kwartaal' as never }).messageIn('nl')).toContain(
      'Vervanging vertrekkers: het wervingsbeleid "kwartaal" bestaat niet.',
    );
    // A cap of 0 is a hiring freeze: accepted (the simulator warns).
    expect(
      formToInput({ ...filled, fields: { ...filled.fields, traineeCap: '0' } }, 'nl').staff.traineeCap,
    ).toBe(0);
  });
});

describe('the staffing fields are rows of the IND Parameters table', () => {
  /** The table as a workbook would return it after the parameter view wrote it. */
  function tableOf(sets = defaultSets()): { headers: string[]; rows: CellValue[][] } {
    const t = buildParameterPlan(sets, MODEL_SET).sheets[0].tables![0];
    return { headers: [...PARAMETER_COLUMNS], rows: t.rows };
  }

  test('the table holds every staffing parameter with its unit and source; the policy by name', () => {
    const rows = tableOf().rows.filter((r) => r[0] === MODEL_SET);
    const row = (k: string) => rows.find((r) => r[1] === k)!;
    expect(row('hiringPolicy').slice(2, 4)).toEqual(['jaareinde', 'jaareinde | direct']);
    expect(row('recruitmentLag').slice(2, 4)).toEqual([3, 'perioden van 4 weken']);
    expect(String(row('traineeCap')[5])).toMatch(/^Aanname: 0,3/);
    expect(String(row('turnover')[5])).toContain('9,5%');
    expect(row('allowanceShare')[2]).toBe(1);
    expect(row('initialBacklog2017')[2]).toBe(83000);
    expect(String(row('initialBacklog2017')[5])).toMatch(/^Aanname/);
  });

  test('a table edited in Excel: the form shows its values; a text policy reads back', () => {
    const t = tableOf();
    const edit = (key: string, v: CellValue): void => {
      t.rows.find((r) => r[0] === MODEL_SET && r[1] === key)![2] = v;
    };
    edit('hiringPolicy', 'Direct');
    edit('traineeCap', 0.5);
    edit('recruitmentLag', 2);
    const set = setsFromTable(t).find((s) => s.name === MODEL_SET)!;
    const form = formWithSet(filled, set);
    expect(form.hiringPolicy).toBe('immediate');
    expect(form.fields.traineeCap).toBe('0,5');
    const input = formToInput(form, 'nl');
    expect(input.staff).toMatchObject({ hiringPolicy: 'immediate', traineeCap: 0.5, recruitmentLag: 2 });
  });

  test('an unknown policy name in the table is refused, naming set and parameter', () => {
    const t = tableOf();
    t.rows.find((r) => r[0] === MODEL_SET && r[1] === 'hiringPolicy')![2] = 'kwartaal';
    expect(() => setsFromTable(t)).toThrow(expect.objectContaining({ code: 'paramValueInvalid' }));
  });

  test('a workbook written before these rows existed gets the defaults, not an error', () => {
    const t = tableOf();
    const old = {
      headers: t.headers,
      rows: t.rows.filter((r) => !['traineeCap', 'hiringPolicy'].includes(String(r[1]))),
    };
    const set = setsFromTable(old).find((s) => s.name === MODEL_SET)!;
    expect(set.values.traineeCap.value).toBe(0.3);
    expect(set.values.hiringPolicy.value).toBe(0);
    expect(Object.keys(set.values)).toHaveLength(PARAMETERS.length);
  });

  test('the form edits the table: changed values, with the pane as their source', () => {
    const set = defaultSets()[0];
    const same = setWithForm(set, filled, 'nl');
    expect(same.changed).toEqual([]);
    const edited = setWithForm(
      set,
      { ...filled, hiringPolicy: 'immediate', fields: { ...filled.fields, recruitmentLag: '5' } },
      'nl',
    );
    expect(edited.changed).toEqual(['recruitmentLag', 'hiringPolicy']);
    expect(edited.set.values.recruitmentLag).toEqual({ value: 5, basis: '', source: PANE_SOURCE });
    expect(edited.set.values.hiringPolicy.value).toBe(1);
    // Written back, the table holds the new values.
    const rows = buildParameterPlan([edited.set, defaultSets()[1]], MODEL_SET).sheets[0].tables![0].rows;
    expect(rows.find((r) => r[0] === MODEL_SET && r[1] === 'hiringPolicy')![2]).toBe('direct');
    expect(rows.find((r) => r[0] === MODEL_SET && r[1] === 'recruitmentLag')![2]).toBe(5);
  });
});
