/**
 * Dutch labels of the time-recording classes as written into the workbook. They are
 * identifiers in formulas (SUMIFS criteria), so they are fixed Dutch text in both UI languages.
 */
import type { CategoryClass, Kind } from '../../../core/timerecording/types';

/** Workbook label of each category class. */
export const CLASS_LABEL: Record<CategoryClass, string> = {
  direct: 'direct',
  training: 'opleiden',
  beingTrained: 'opgeleid worden',
  coaching: 'begeleiden',
  coordination: 'coördinatie',
  meetings: 'overleg',
  projects: 'projecten',
  sideTasks: 'neventaken',
  leave: 'verlof',
  specialLeave: 'bijzonder verlof',
  sickness: 'verzuim',
};

/** Workbook label of each kind; the same words IND.DIRECTRATIO accepts (direct/indirect/afwezig). */
export const KIND_LABEL: Record<Kind, string> = {
  direct: 'direct',
  indirect: 'indirect',
  absence: 'afwezig',
};
