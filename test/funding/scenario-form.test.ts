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
  seriesToText,
  withPreset,
} from '../../src/taskpane/plans/scenario/form';

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
    const text = () =>
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
});
