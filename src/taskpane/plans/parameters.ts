/**
 * The parameter sheet `IND Parameters` (*parameterblad*): every parameter set side by side in
 * one Excel table, a visible cell `IND_ActieveSet` that chooses the active set, and one named
 * cell per parameter whose FORMULA looks the active value up. Formulas elsewhere reference
 * these names, never constants, so switching the set recomputes the whole workbook.
 *
 * Pure: input → `WritePlan`. No Office, no DOM.
 */
import { CalcError } from '../../core/errors';
import {
  AVG_CONTRACT_HOURS,
  BAND_HIGH,
  BAND_LOW,
  BAND_MEAN,
  COACHING_SHARE_MODEL,
  DIRECT_RATIO_GROSS_MEASURED,
  DIRECT_RATIO_MODEL,
  FIXED_SHARE_EY,
  HOURS_PER_FTE,
  PROJECTS_SHARE_MODEL,
  REVIEW_EXTRA_FTE,
  SHORT_PEAK_EXTRA,
  SHORT_PEAK_PERIODS,
  TRAINING_SHARE_MODEL,
  WEEKS_PER_PERIOD,
  type ModelParameter,
  type RatioBasis,
} from '../../core/params';
import type { CellBlock, CellValue, WritePlan } from '../host/types';
import { absoluteRef, columnLetters, textLiteral } from './formula';
import { SCENARIO_PARAMETER_ROWS } from './scenario/parameterRows';
import { withLegend } from './styleLegend';
import type { Lang } from '../../core/messages/types';
import { NF } from './formats';

/** Sheet, table and name identifiers of the parameter sheet. Stable: formulas depend on them. */
export const PARAMETER_SHEET = 'IND Parameters';
/** The Excel table holding every set's values. */
export const PARAMETER_TABLE = 'IND_Parameters';
/** Workbook name of the visible cell holding the active set's name. */
export const ACTIVE_SET_NAME = 'IND_ActieveSet';
/** Workbook name of the cell holding the reference (model) set's name. */
export const MODEL_SET_NAME = 'IND_ModelSet';

/** Name of the 2021 model set and of the measured set shipped by default. */
export const MODEL_SET = 'Model 2021';
/** Name of the measured set (57% gross direct hours at A&B, 2021). */
export const MEASURED_SET = 'Gemeten A&B 2021';

/** Columns of the parameter table, in order. Dutch, because they are identifiers in formulas. */
export const PARAMETER_COLUMNS = [
  'Set',
  'Parameter',
  'Waarde',
  'Eenheid',
  'Basis',
  'Bron',
  'Sleutel',
] as const;

const REVIEW = 'Onderzoek verbetermogelijkheden IND (2021)';

/** Parameters of reference §2 that the core's 2021 set does not carry as constants. */
const PERIODS_PER_YEAR: ModelParameter = {
  key: 'periodsPerYear',
  value: 13,
  unit: 'periods/year',
  labelNl: 'Perioden per jaar',
  labelEn: 'Periods per year',
  source: `${REVIEW}: 13 perioden van 4 weken per jaar`,
};
const INDUCTION_MIN: ModelParameter = {
  key: 'inductionMin',
  value: 5,
  unit: 'months',
  labelNl: 'Inwerktijd nieuwe medewerker, minimaal',
  labelEn: 'Induction time, minimum',
  source: `${REVIEW}: inwerktijd nieuwe asielmedewerkers 5–18 maanden`,
};
const INDUCTION_MAX: ModelParameter = {
  ...INDUCTION_MIN,
  key: 'inductionMax',
  value: 18,
  labelNl: 'Inwerktijd nieuwe medewerker, maximaal',
  labelEn: 'Induction time, maximum',
};
const FLEX_SHELL: ModelParameter = {
  key: 'flexShell',
  value: 120,
  unit: 'fte',
  labelNl: 'Flexibele schil',
  labelEn: 'Flex shell',
  source: `${REVIEW}: interne flexibele schil ca. 120 fte (≈11%)`,
};

/** One parameter of the sheet: the core's documented default plus its workbook name. */
export interface ParameterDef {
  /** Stable key, also stored in the table's Parameter column. */
  key: string;
  /** Workbook name of the active value, e.g. `IND_UrenPerFte`. */
  excelName: string;
  labelNl: string;
  labelEn: string;
  /** Unit as shown on the sheet (Dutch). */
  unit: string;
  /** Excel number format of the active-value cell. */
  numberFormat: string;
  /**
   * Ratios must lie in [0, 1]; 74.7 typed instead of 0.747 gets its own message. A choice is one
   * of `model.choices`, written as its name and held as its index.
   */
  kind: 'ratio' | 'positive' | 'nonNegative' | 'choice';
  /** A workbook written before this row existed gets the default instead of an error. */
  optional?: boolean;
  /** The 2021 model's value, basis and source. */
  model: ModelParameter;
}

function def(
  model: ModelParameter,
  excelName: string,
  unit: string,
  numberFormat: string,
  kind: ParameterDef['kind'],
): ParameterDef {
  return {
    key: model.key,
    excelName,
    labelNl: model.labelNl,
    labelEn: model.labelEn,
    unit,
    numberFormat,
    kind,
    model,
  };
}

/**
 * Every parameter on the sheet, in display order. Values, bases and sources come from the
 * core's parameter sets (`src/core/params`), so the functions' defaults and the sheet agree.
 */
export const PARAMETERS: readonly ParameterDef[] = [
  def(HOURS_PER_FTE, 'IND_UrenPerFte', 'uur per week', NF.hoursPerWeek, 'positive'),
  def(DIRECT_RATIO_MODEL, 'IND_DirecteUren', 'fractie', NF.ratio, 'ratio'),
  def(TRAINING_SHARE_MODEL, 'IND_Opleiden', 'fractie', NF.share, 'ratio'),
  def(COACHING_SHARE_MODEL, 'IND_Begeleiden', 'fractie', NF.share, 'ratio'),
  def(PROJECTS_SHARE_MODEL, 'IND_Projecten', 'fractie', NF.share, 'ratio'),
  def(WEEKS_PER_PERIOD, 'IND_Periodeweken', 'weken', NF.integer, 'positive'),
  def(PERIODS_PER_YEAR, 'IND_PeriodenPerJaar', 'perioden per jaar', NF.integer, 'positive'),
  def(AVG_CONTRACT_HOURS, 'IND_ContractUren', 'uur per week', NF.hoursPerWeek, 'positive'),
  def(INDUCTION_MIN, 'IND_InwerkMin', 'maanden', NF.integer, 'nonNegative'),
  def(INDUCTION_MAX, 'IND_InwerkMax', 'maanden', NF.integer, 'nonNegative'),
  def(BAND_LOW, 'IND_BandOnder', 'behandeluren per 4 weken', NF.hours, 'nonNegative'),
  def(BAND_HIGH, 'IND_BandBoven', 'behandeluren per 4 weken', NF.hours, 'nonNegative'),
  def(BAND_MEAN, 'IND_BandGemiddeld', 'behandeluren per 4 weken', NF.hours, 'nonNegative'),
  def(SHORT_PEAK_EXTRA, 'IND_PiekExtra', 'behandeluren per 4 weken', NF.hours, 'nonNegative'),
  def(SHORT_PEAK_PERIODS, 'IND_PiekPerioden', 'perioden', NF.integer, 'positive'),
  def(FLEX_SHELL, 'IND_FlexSchil', 'fte', NF.fte, 'nonNegative'),
  def(REVIEW_EXTRA_FTE, 'IND_VerloopFte', 'fte', NF.fte, 'nonNegative'),
  def(FIXED_SHARE_EY, 'IND_VastDeel', 'fractie', NF.percent, 'ratio'),
  // The staffing simulator's parameters (data in ./scenario/parameterRows.ts).
  ...SCENARIO_PARAMETER_ROWS.map((r) => ({
    ...def(r.model, r.excelName, r.unit, r.numberFormat, r.kind),
    optional: true,
  })),
];

/**
 * The English of each unit of the parameter list (the list keeps the Dutch one). A unit without
 * an English text fails the English sheet (`unitText`), so a new parameter cannot stay Dutch.
 */
const UNIT_EN: Readonly<Record<string, string>> = {
  'uur per week': 'hours per week',
  fractie: 'fraction',
  weken: 'weeks',
  'perioden per jaar': 'periods per year',
  maanden: 'months',
  'behandeluren per 4 weken': 'handling hours per 4 weeks',
  perioden: 'periods',
  fte: 'fte',
  'fractie per jaar': 'fraction per year',
  'fte per nieuwe fte': 'fte per new fte',
  'perioden van 4 weken': '4-week periods',
  'jaareinde | direct': 'year-end | direct',
  'fte in inwerkperiode per ervaren fte': 'fte in induction per experienced fte',
  uren: 'hours',
};

/** A parameter's unit in the sheet's language. */
export function unitText(p: ParameterDef, lang: Lang): string {
  if (lang === 'nl') return p.unit;
  const en = UNIT_EN[p.unit];
  if (en === undefined) throw new Error(`no English for the unit '${p.unit}' of ${p.key}`);
  return en;
}

/** A parameter's label in the sheet's language. */
export function labelText(p: ParameterDef, lang: Lang): string {
  return lang === 'en' ? p.labelEn : p.labelNl;
}

/** The Parameters sheet's own texts, per language (the table's headers stay Dutch: formulas use them). */
const PT = {
  action: { nl: 'Parameterblad schrijven', en: 'Write parameter sheet' },
  title: {
    nl: 'IND Parameters: parametersets en actieve waarden',
    en: 'IND Parameters: parameter sets and active values',
  },
  note: {
    nl: (cell: string, sets: string) =>
      `Kies de actieve set in ${cell} (${sets}). Formules gebruiken alleen de namen IND_…; wijzig waarden in de tabel ${PARAMETER_TABLE}.`,
    en: (cell: string, sets: string) =>
      `Choose the active set in ${cell} (${sets}). Formulas use only the names IND_…; change values in the table ${PARAMETER_TABLE}.`,
  },
  activeSet: { nl: 'Actieve set', en: 'Active set' },
  modelSet: { nl: 'Referentieset (model)', en: 'Reference set (model)' },
  headers: {
    nl: [
      'Naam',
      'Parameter',
      'Omschrijving',
      'Waarde (actief)',
      'Eenheid',
      'Basis (actief)',
      'Waarde (model)',
      'Basis (model)',
      'Controle',
    ],
    en: [
      'Name',
      'Parameter',
      'Description',
      'Value (active)',
      'Unit',
      'Basis (active)',
      'Value (model)',
      'Basis (model)',
      'Check',
    ],
  },
  basisWarning: { nl: 'Let op: andere basis dan het model (', en: 'Note: another basis than the model (' },
  activeComment: { nl: 'Naam van de actieve parameterset', en: 'Name of the active parameter set' },
  modelComment: { nl: 'Referentieset voor de modelratio', en: 'Reference set for the model ratio' },
  valueComment: { nl: 'waarde van de actieve set', en: 'value of the active set' },
  modelRatioComment: {
    nl: 'Directe uren volgens de referentieset (model)',
    en: 'Direct hours of the reference set (model)',
  },
  checkComment: {
    nl: 'Leeg, of een waarschuwing als de actieve ratio een andere basis heeft dan het model',
    en: 'Empty, or a warning when the active ratio has another basis than the model',
  },
} as const;

/** Workbook name of the model set's direct-hour ratio, shown next to the active one. */
export const MODEL_RATIO_NAME = 'IND_DirecteUrenModel';
/** Workbook name of the basis check of the direct-hour ratio (empty when the bases agree). */
export const RATIO_CHECK_NAME = 'IND_DirecteUrenControle';

/** The basis of a value as stored in the table (Dutch). Non-ratios have none. */
export type SheetBasis = 'bruto' | 'netto' | 'productief' | 'model (onbekend)' | '';

/** Dutch basis text for the core's ratio basis. 'unknown' is the model's unstated basis. */
export function basisText(basis: RatioBasis | undefined): SheetBasis {
  switch (basis) {
    case 'gross':
      return 'bruto';
    case 'net':
      return 'netto';
    case 'productive':
      return 'productief';
    case 'unknown':
      return 'model (onbekend)';
    default:
      return '';
  }
}

/** One value of one set. */
export interface ParameterValue {
  value: number;
  basis: SheetBasis;
  source: string;
}

/** A named parameter set (*parameterset*): a value for every parameter in `PARAMETERS`. */
export interface ParameterSet {
  name: string;
  values: Record<string, ParameterValue>;
}

/** The 2021 model set, straight from the core's documented constants. */
export function modelSet(): ParameterSet {
  const values: Record<string, ParameterValue> = {};
  for (const p of PARAMETERS) {
    values[p.key] = { value: p.model.value, basis: basisText(p.model.basis), source: p.model.source };
  }
  return { name: MODEL_SET, values };
}

/** The measured set: the model set with the direct-hour ratio measured at A&B in 2021 (57% gross). */
export function measuredSet(): ParameterSet {
  const base = modelSet();
  return {
    name: MEASURED_SET,
    values: {
      ...base.values,
      directRatio: {
        value: DIRECT_RATIO_GROSS_MEASURED.value,
        basis: basisText(DIRECT_RATIO_GROSS_MEASURED.basis),
        source: DIRECT_RATIO_GROSS_MEASURED.source,
      },
    },
  };
}

/** The sets written on a fresh workbook: the model and the measured set, side by side. */
export function defaultSets(): ParameterSet[] {
  return [modelSet(), measuredSet()];
}

/** Checks a value against its parameter's kind; throws `paramValueInvalid` with the fix. */
export function checkParameterValue(p: ParameterDef, setName: string, value: unknown): number {
  const fail = (expected: string, extra: Record<string, string> = {}): never => {
    throw new CalcError('paramValueInvalid', {
      argument: `${p.labelNl} (${p.excelName})`,
      set: setName,
      expected,
      received:
        typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean'
          ? String(value)
          : '',
      ...extra,
    });
  };
  if (p.kind === 'choice') {
    const names = p.model.choices ?? [];
    const i =
      typeof value === 'string'
        ? names.findIndex((n) => n.toLowerCase() === value.trim().toLowerCase())
        : typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < names.length
          ? value
          : -1;
    return i >= 0 ? i : fail(`een van: ${names.join(', ')}`);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail('een getal');
  if (p.kind === 'ratio') {
    if (value > 1 && value <= 100) {
      return fail('een fractie tussen 0 en 1', {
        hint: 'percentAsWhole',
        // Display only: 74.73 / 100 is 0.7473000000000001 in doubles.
        suggestion: String(Number((value / 100).toPrecision(12))),
      });
    }
    if (value < 0 || value > 1) return fail('een fractie tussen 0 en 1');
    if (p.key === 'directRatio' && value === 0) return fail('een fractie groter dan 0 en hoogstens 1');
  } else if (p.kind === 'positive') {
    if (!(value > 0)) return fail('een getal groter dan 0');
  } else if (value < 0) {
    return fail('een getal ≥ 0');
  }
  return value;
}

/** A parameter definition by key. */
export function parameterByKey(key: string): ParameterDef {
  const p = PARAMETERS.find((x) => x.key === key);
  if (!p) throw new RangeError(`unknown parameter key ${key}`);
  return p;
}

/**
 * The workbook name (`IND_…`) of the parameter with this key, from the one parameter list
 * (`PARAMETERS`). Plans write parameter names only through this function, so that a renamed or
 * removed parameter fails here (at build time of the plan, in the tests) instead of leaving a
 * formula with a dangling name.
 */
export function nameOf(key: string): string {
  return parameterByKey(key).excelName;
}

/** Changes to one parameter when a set is derived from another. */
export type ParameterOverride = Partial<ParameterValue> & { value?: number };

/**
 * Derives a new set from `base` (e.g. "Gemeten A&B 2021" with directe uren 0.57, basis
 * bruto). The name must be new (compared without case, as Excel's MATCH does) and must not
 * contain `|`, which separates set and parameter in the lookup key.
 *
 * @throws CalcError `paramSetNameInvalid`, `paramValueInvalid`.
 */
export function deriveSet(
  existing: readonly ParameterSet[],
  base: ParameterSet,
  name: string,
  overrides: Record<string, ParameterOverride>,
): ParameterSet {
  const trimmed = name.trim();
  if (trimmed === '')
    throw new CalcError('paramSetNameInvalid', { received: name, expected: 'de naam is leeg' });
  if (trimmed.includes('|'))
    throw new CalcError('paramSetNameInvalid', {
      received: name,
      expected: 'het teken | is niet toegestaan',
    });
  if (trimmed.length > 60)
    throw new CalcError('paramSetNameInvalid', { received: name, expected: 'hoogstens 60 tekens' });
  if (existing.some((s) => s.name.toUpperCase() === trimmed.toUpperCase())) {
    throw new CalcError('paramSetNameInvalid', {
      received: name,
      expected: 'er bestaat al een set met deze naam',
    });
  }
  const values: Record<string, ParameterValue> = {};
  for (const p of PARAMETERS) {
    const from = base.values[p.key];
    if (!from)
      throw new CalcError('paramSetUnknown', { received: `${base.name}: ${p.key}`, expected: p.excelName });
    const o = overrides[p.key] ?? {};
    const value = o.value !== undefined ? checkParameterValue(p, trimmed, o.value) : from.value;
    values[p.key] = { value, basis: o.basis ?? from.basis, source: o.source ?? from.source };
  }
  checkBand(values, trimmed);
  return { name: trimmed, values };
}

/** The band's upper bound must exceed its lower bound, else every period is "above band". */
function checkBand(values: Record<string, ParameterValue>, setName: string): void {
  const low = values.bandLow?.value;
  const high = values.bandHigh?.value;
  if (low !== undefined && high !== undefined && !(high > low)) {
    const p = parameterByKey('bandHigh');
    throw new CalcError('paramValueInvalid', {
      argument: `${p.labelNl} (${p.excelName})`,
      set: setName,
      expected: `een getal groter dan de ondergrens ${low}`,
      received: String(high),
    });
  }
}

/**
 * Reads the sets back from the workbook's `IND_Parameters` table, so that values a user edited
 * (or sets a user typed in as extra rows) are what the pane rewrites, not a stale copy.
 * Unknown parameter keys are ignored; a missing or invalid value throws, naming set and parameter.
 *
 * @throws CalcError `paramValueInvalid`.
 */
export function setsFromTable(table: { headers: string[]; rows: CellValue[][] }): ParameterSet[] {
  const col = (name: (typeof PARAMETER_COLUMNS)[number]): number => table.headers.indexOf(name);
  const [cSet, cKey, cValue, cBasis, cSource] = [
    col('Set'),
    col('Parameter'),
    col('Waarde'),
    col('Basis'),
    col('Bron'),
  ];
  const bySet = new Map<string, Record<string, ParameterValue>>();
  for (const row of table.rows) {
    const name = String(row[cSet] ?? '').trim();
    const key = String(row[cKey] ?? '').trim();
    if (name === '' || !PARAMETERS.some((p) => p.key === key)) continue;
    const values = bySet.get(name) ?? {};
    bySet.set(name, values);
    const basis = String(row[cBasis] ?? '').trim();
    values[key] = {
      value: checkParameterValue(parameterByKey(key), name, row[cValue]),
      basis: (['bruto', 'netto', 'productief', 'model (onbekend)'].includes(basis)
        ? basis
        : '') as SheetBasis,
      source: String(row[cSource] ?? ''),
    };
  }
  const sets = [...bySet.entries()].map(([name, values]) => ({ name, values }));
  for (const s of sets) {
    for (const p of PARAMETERS) {
      if (s.values[p.key]) continue;
      // A row added after the workbook was written takes its default; any other gap is an error.
      if (p.optional)
        s.values[p.key] = { value: p.model.value, basis: basisText(p.model.basis), source: p.model.source };
      else checkParameterValue(p, s.name, undefined);
    }
    checkBand(s.values, s.name);
  }
  return sets;
}

/** Validates sets before writing: known set names, every value present and valid. */
export function checkSets(sets: readonly ParameterSet[], active: string): void {
  if (!sets.some((s) => s.name === active)) {
    throw new CalcError('paramSetUnknown', {
      received: active,
      expected: sets.map((s) => s.name).join(', '),
    });
  }
  for (const s of sets) {
    for (const p of PARAMETERS) checkParameterValue(p, s.name, s.values[p.key]?.value);
    checkBand(s.values, s.name);
  }
}

/** Layout of the parameter sheet, exported so that tests and the calc sheet agree with it. */
export const PARAMETER_LAYOUT = {
  activeSetCell: { row: 4, column: 2 },
  modelSetCell: { row: 5, column: 2 },
  /** Header row of the active-values block; parameters follow one per row. */
  valuesHeaderRow: 7,
  /** Header row of the table: two rows below the values block. */
  get tableHeaderRow(): number {
    return this.valuesHeaderRow + PARAMETERS.length + 2;
  },
} as const;

/**
 * An in-cell drop-down of the set names for the active-set cell. Excel's list source is
 * comma-separated and at most 255 characters, so a name with a comma, or too many names, gets
 * no drop-down (the cell still accepts the name typed).
 */
function setDropDown(sets: readonly ParameterSet[]): Pick<CellBlock, 'validation'> {
  const list = sets.map((s) => s.name).join(',');
  if (sets.some((s) => s.name.includes(',')) || list.length > 255) return {};
  return { validation: { list } };
}

/**
 * Builds the parameter sheet. Layout (rows):
 * 1 title; 2 note; 4 `IND_ActieveSet`; 5 `IND_ModelSet` (the reference for the model ratio);
 * 7 header, then one row per parameter: workbook name, key, label, active value (formula),
 * unit, basis (formula), model value (formula), model basis (formula), check (formula);
 * then the table `IND_Parameters` with one row per set and parameter.
 *
 * @throws CalcError `paramSetUnknown`, `paramValueInvalid` (checked before anything is written).
 */
function buildParameterPlanSheets(
  sets: readonly ParameterSet[],
  activeSet: string,
  lang: Lang = 'nl',
): WritePlan {
  checkSets(sets, activeSet);
  const modelName = sets.some((s) => s.name === MODEL_SET) ? MODEL_SET : sets[0].name;
  const L = PARAMETER_LAYOUT;
  // Plain A1 ranges over the table's columns rather than IND_Parameters[[Waarde]]: the table is
  // created in this same batch, and Excel rejects a structured reference to a table that does
  // not exist yet when the formula is written.
  const firstData = L.tableHeaderRow + 1;
  const lastData = L.tableHeaderRow + sets.length * PARAMETERS.length;
  const column = (name: (typeof PARAMETER_COLUMNS)[number]): string => {
    const letter = columnLetters(PARAMETER_COLUMNS.indexOf(name) + 1);
    return `$${letter}$${firstData}:$${letter}$${lastData}`;
  };
  const lookup = (col: 'Waarde' | 'Basis', setCell: string, keyCell: string): string =>
    `=INDEX(${column(col)},MATCH(${setCell}&"|"&${keyCell},${column('Sleutel')},0))`;

  const valueRows: CellValue[][] = [];
  const formats: string[][] = [];
  PARAMETERS.forEach((p, i) => {
    const r = L.valuesHeaderRow + 1 + i;
    const keyCell = `$B${r}`;
    valueRows.push([
      p.excelName,
      p.key,
      labelText(p, lang),
      lookup('Waarde', ACTIVE_SET_NAME, keyCell),
      unitText(p, lang),
      lookup('Basis', ACTIVE_SET_NAME, keyCell),
      lookup('Waarde', MODEL_SET_NAME, keyCell),
      lookup('Basis', MODEL_SET_NAME, keyCell),
      // A ratio compared across bases is flagged, not hidden (reference §5).
      `=IF(F${r}=H${r},"",${textLiteral(PT.basisWarning[lang])}&F${r}&" / "&H${r}&")")`,
    ]);
    // Never '@' (Text) on a formula cell: Excel would store the formula as text.
    formats.push([
      NF.text,
      NF.text,
      NF.text,
      p.numberFormat,
      NF.text,
      NF.general,
      p.numberFormat,
      NF.general,
      NF.general,
    ]);
  });

  const tableRows: CellValue[][] = [];
  for (const s of sets) {
    for (const p of PARAMETERS) {
      const v = s.values[p.key];
      const r = firstData + tableRows.length;
      // Set|Parameter, the lookup key; A1 references for the same reason as above.
      const cell = p.kind === 'choice' ? (p.model.choices?.[v.value] ?? '') : v.value;
      tableRows.push([s.name, p.key, cell, unitText(p, lang), v.basis, v.source, `=A${r}&"|"&B${r}`]);
    }
  }

  const blocks: CellBlock[] = [
    { at: 'A1', cells: [[PT.title[lang]]], style: 'title' },
    {
      at: 'A2',
      cells: [[PT.note[lang](`B${L.activeSetCell.row}`, sets.map((s) => s.name).join(', '))]],
      style: 'note',
    },
    { at: `A${L.activeSetCell.row}`, cells: [[PT.activeSet[lang]]], style: 'header' },
    { at: `B${L.activeSetCell.row}`, cells: [[activeSet]], style: 'input', ...setDropDown(sets) },
    { at: `A${L.modelSetCell.row}`, cells: [[PT.modelSet[lang]]], style: 'header' },
    { at: `B${L.modelSetCell.row}`, cells: [[modelName]], style: 'input' },
    {
      at: `A${L.valuesHeaderRow}`,
      cells: [[...PT.headers[lang]]],
      style: 'header',
    },
    { at: `A${L.valuesHeaderRow + 1}`, cells: valueRows, numberFormat: formats, style: 'output' },
  ];

  const sheetRef = (row: number, column: number) => absoluteRef(PARAMETER_SHEET, row, column);
  const names = [
    {
      name: ACTIVE_SET_NAME,
      ref: sheetRef(L.activeSetCell.row, L.activeSetCell.column),
      comment: PT.activeComment[lang],
    },
    {
      name: MODEL_SET_NAME,
      ref: sheetRef(L.modelSetCell.row, L.modelSetCell.column),
      comment: PT.modelComment[lang],
    },
    ...PARAMETERS.map((p, i) => ({
      name: p.excelName,
      ref: sheetRef(L.valuesHeaderRow + 1 + i, 4),
      comment: `${labelText(p, lang)} (${unitText(p, lang)}), ${PT.valueComment[lang]}`,
    })),
    {
      name: MODEL_RATIO_NAME,
      ref: sheetRef(L.valuesHeaderRow + 1 + PARAMETERS.findIndex((p) => p.key === 'directRatio'), 7),
      comment: PT.modelRatioComment[lang],
    },
    {
      name: RATIO_CHECK_NAME,
      ref: sheetRef(L.valuesHeaderRow + 1 + PARAMETERS.findIndex((p) => p.key === 'directRatio'), 9),
      comment: PT.checkComment[lang],
    },
  ];

  return {
    action: PT.action[lang],
    sheets: [
      {
        name: PARAMETER_SHEET,
        blocks,
        tables: [
          {
            name: PARAMETER_TABLE,
            at: `A${L.tableHeaderRow}`,
            headers: [...PARAMETER_COLUMNS],
            rows: tableRows,
            columnFormats: [NF.text, NF.text, null, NF.text, NF.text, NF.text, null],
            // The values, bases and sources are the user's to edit in place (issue 11).
            inputColumns: ['Waarde', 'Basis', 'Bron'],
          },
        ],
        columnWidths: { A: 170, B: 120, C: 220, D: 90, E: 140, F: 110, G: 90, H: 110, I: 220 },
        freezeRows: L.valuesHeaderRow,
      },
    ],
    names,
  };
}

/** The plan of {@link buildParameterPlanSheets}, with the style legend on every sheet (styleLegend.ts). */
export function buildParameterPlan(
  ...args: Parameters<typeof buildParameterPlanSheets>
): ReturnType<typeof buildParameterPlanSheets> {
  return withLegend(buildParameterPlanSheets(...args), args[2]);
}
