/**
 * The Rekenblad's key figures on screen before the sheet is written (issue 11, build 1): the
 * average workload per period, the fte needed at the active and at the model ratio, and the
 * gap, computed with the same core functions and the same inputs as the sheet's formulas
 * (`workloadHoursByCode` for volume × norm / 60 per period, `calcSheetFte` for
 * `IND.FTE(avg, IND_Periodeweken, IND_UrenPerFte, ratio, IND_VerloopFte, grossUp)`).
 *
 * Pure: the tables and the parameter source in, figures out.
 */
import type { NormRow } from '../../../core/norms';
import { workloadHoursByCode } from '../../../core/workload';
import type { CellValue, TableData } from '../../host/types';
import { calcSheetFte, type ParameterSource } from '../../plans/parameterSource';

/** What the pane shows of the sheet-to-be. */
export interface CalcPreview {
  /** Workload per period (hours), in the volume table's column order. */
  perPeriod: number[];
  average: number;
  activeSet: string;
  modelSet: string;
  fteActive: number;
  fteModel: number;
  /** fteActive − fteModel, the sheet's "Verschil (fte)". */
  gap: number;
}

const blank = (v: CellValue | undefined): boolean => v === null || v === undefined || v === '';

/**
 * The preview, or undefined when the sheet could not be made (no parameter sheet, or a table
 * problem the "create" action reports with its own message).
 */
export function calcPreview(
  volume: TableData,
  norms: readonly NormRow[],
  version: string,
  source: ParameterSource | undefined,
  grossUpExtra: boolean,
): CalcPreview | undefined {
  if (!source || volume.headers.length < 2) return undefined;
  const v = version.trim().toUpperCase();
  const inVersion = norms.filter((r) => r.version.trim().toUpperCase() === v);
  if (inVersion.length === 0) return undefined;
  const normCodes = inVersion.map((r) => String(r.code));
  const normMinutes = inVersion.map((r) => r.minutes);
  const rows = volume.rows.filter((r) => !blank(r[0]));
  const codes = rows.map((r) => String(r[0]).trim());
  const perPeriod: number[] = [];
  try {
    for (let j = 1; j < volume.headers.length; j++) {
      const volumes = rows.map((r) => {
        const x = r[j];
        if (blank(x)) return 0;
        if (typeof x !== 'number') throw new RangeError('not a number');
        return x;
      });
      perPeriod.push(workloadHoursByCode(volumes, codes, normMinutes, normCodes));
    }
    const average = perPeriod.reduce((a, b) => a + b, 0) / perPeriod.length;
    const fteActive = calcSheetFte(source, average, source.active, grossUpExtra);
    const fteModel = calcSheetFte(source, average, source.model, grossUpExtra);
    return {
      perPeriod,
      average,
      activeSet: source.active,
      modelSet: source.model,
      fteActive,
      fteModel,
      gap: fteActive - fteModel,
    };
  } catch {
    return undefined; // "Rekenblad maken" names the problem
  }
}
