/**
 * The staffing simulator's rows of the `IND Parameters` table (data only). `parameters.ts` adds
 * them to its `PARAMETERS`; values, units' meaning and sources come from `src/core/params/scenario.ts`.
 * The scenario sheet refers to these workbook names for its staffing inputs, so the table is the
 * one place where they are set.
 */
import {
  ALLOWANCE_SHARE,
  BACKLOG_2017,
  COACHING_PER_TRAINEE,
  HIRING_POLICY,
  INDUCTION_MONTHS,
  RECRUITMENT_LAG,
  TRAINEE_CAP,
  TURNOVER_ANNUAL,
} from '../../../core/params/scenario';
import type { ModelParameter } from '../../../core/params/types';
import { NF } from '../formats';

/** One row: the core parameter, its workbook name, unit (Dutch), number format and kind. */
export interface ScenarioParameterRow {
  model: ModelParameter;
  excelName: string;
  unit: string;
  numberFormat: string;
  kind: 'ratio' | 'nonNegative' | 'choice';
}

/** The rows, in display order after the shared parameters. */
export const SCENARIO_PARAMETER_ROWS: readonly ScenarioParameterRow[] = [
  {
    model: TURNOVER_ANNUAL,
    excelName: 'IND_Verloop',
    unit: 'fractie per jaar',
    numberFormat: NF.share,
    kind: 'ratio',
  },
  {
    model: INDUCTION_MONTHS,
    excelName: 'IND_InwerkMaanden',
    unit: 'maanden',
    numberFormat: NF.oneDecimal,
    kind: 'nonNegative',
  },
  {
    model: COACHING_PER_TRAINEE,
    excelName: 'IND_BegeleidingNieuw',
    unit: 'fte per nieuwe fte',
    numberFormat: NF.twoDecimals,
    kind: 'ratio',
  },
  {
    model: RECRUITMENT_LAG,
    excelName: 'IND_Wervingstijd',
    unit: 'perioden van 4 weken',
    numberFormat: NF.integer,
    kind: 'nonNegative',
  },
  {
    model: HIRING_POLICY,
    excelName: 'IND_Wervingsbeleid',
    unit: 'jaareinde | direct',
    numberFormat: NF.general,
    kind: 'choice',
  },
  {
    model: TRAINEE_CAP,
    excelName: 'IND_MaxInwerkers',
    unit: 'fte in inwerkperiode per ervaren fte',
    numberFormat: NF.twoDecimals,
    kind: 'nonNegative',
  },
  {
    model: ALLOWANCE_SHARE,
    excelName: 'IND_Opslagdeel',
    unit: 'fractie',
    numberFormat: NF.percent,
    kind: 'ratio',
  },
  {
    model: BACKLOG_2017,
    excelName: 'IND_Beginachterstand2017',
    unit: 'uren',
    numberFormat: NF.count,
    kind: 'nonNegative',
  },
];

/** The workbook name of a scenario parameter by its key. */
export function scenarioParameterName(key: string): string | undefined {
  return SCENARIO_PARAMETER_ROWS.find((r) => r.model.key === key)?.excelName;
}
