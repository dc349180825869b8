/**
 * The ONE parameter source of the pane (issue 11, build 1): the workbook's `IND Parameters` sheet,
 * read as its formulas read it: the table `IND_Parameters` and the active-set cell
 * `IND_ActieveSet` (B4). Every tab that needs a parameter takes it from here when the sheet
 * exists, and a formula that needs a named set's value looks it up by the set's NAME
 * (`setValueFormula`), never through "whatever is active".
 *
 * Pure: data read by the gateway in, values and formulas out.
 */
import { fteNeededFor } from '../../core/figures';
import type { CellValue, SourcesData, SourcesRequest } from '../host/types';
import { textLiteral } from './formula';
import {
  ACTIVE_SET_NAME,
  MODEL_SET,
  MODEL_SET_NAME,
  PARAMETER_TABLE,
  parameterByKey,
  setsFromTable,
  type ParameterSet,
} from './parameters';

/** What the gateway reads for the source: both set-name cells and the table, in one action. */
export const PARAMETER_SOURCE_REQUEST: SourcesRequest = {
  names: [ACTIVE_SET_NAME, MODEL_SET_NAME],
  tables: [PARAMETER_TABLE],
};

/** The workbook's parameters. */
export interface ParameterSource {
  sets: ParameterSet[];
  /** The set named in B4 (`IND_ActieveSet`). */
  active: string;
  /** The reference set named in B5 (`IND_ModelSet`). */
  model: string;
}

/**
 * The parameter source from what the gateway read, or undefined when the workbook has no
 * parameter table (then each tab keeps its own defaults). A B4 that names no set falls back to
 * the model set, as the sheet's lookups would fail: the caller shows `activeKnown`.
 *
 * @throws CalcError `paramValueInvalid` for a bad value in the table (naming set and parameter).
 */
export function parameterSourceFrom(data: SourcesData): ParameterSource | undefined {
  const table = data.tables[PARAMETER_TABLE];
  if (!table) return undefined;
  const sets = setsFromTable(table);
  if (sets.length === 0) return undefined;
  const find = (v: CellValue | undefined): string | undefined =>
    sets.find(
      (s) =>
        s.name.toUpperCase() ===
        String(v ?? '')
          .trim()
          .toUpperCase(),
    )?.name;
  const model = find(data.names[MODEL_SET_NAME]) ?? find(MODEL_SET) ?? sets[0].name;
  const active = find(data.names[ACTIVE_SET_NAME]) ?? model;
  return { sets, active, model };
}

/** True when B4 names a set of the table (compared without case, as MATCH does). */
export function activeKnown(data: SourcesData, source: ParameterSource): boolean {
  const v = String(data.names[ACTIVE_SET_NAME] ?? '')
    .trim()
    .toUpperCase();
  return source.sets.some((s) => s.name.toUpperCase() === v);
}

/** The value of parameter `key` in set `setName`, as the sheet's INDEX/MATCH finds it. */
export function setValue(source: ParameterSource, setName: string, key: string): number {
  parameterByKey(key);
  const set = source.sets.find((s) => s.name.toUpperCase() === setName.trim().toUpperCase());
  const v = set?.values[key]?.value;
  if (v === undefined) throw new RangeError(`set ${setName} has no ${key}`);
  return v;
}

/**
 * A formula expression for parameter `key` of the set NAMED `setName`, looked up in the table
 * by its key column (Set|Parameter), exactly as the parameter sheet's own active-value cells do
 * for the active set. Without the leading '='.
 */
export function setValueFormula(setName: string, key: string): string {
  parameterByKey(key);
  return `INDEX(${PARAMETER_TABLE}[Waarde],MATCH(${textLiteral(`${setName}|${key}`)},${PARAMETER_TABLE}[Sleutel],0))`;
}

/**
 * The Rekenblad's "Fte nodig bij gemiddelde" for a set, with the functions and inputs of its
 * formula `=IND.FTE(avg, IND_Periodeweken, IND_UrenPerFte, ratio, IND_VerloopFte, grossUp)`:
 * the period weeks, hours per fte and turnover allowance of the ACTIVE set, the ratio of `ratioSet`
 * (the active set, or the model set for the model column).
 */
export function calcSheetFte(
  source: ParameterSource,
  averageHours: number,
  ratioSet: string,
  grossUpExtra: boolean,
): number {
  const a = source.active;
  return fteNeededFor(
    {
      workloadHours: averageHours,
      weeks: setValue(source, a, 'weeksPerPeriod'),
      hoursPerFte: setValue(source, a, 'hoursPerFte'),
      extraFte: setValue(source, a, 'extraFte'),
      grossUpExtra,
    },
    setValue(source, ratioSet, 'directRatio'),
  );
}
