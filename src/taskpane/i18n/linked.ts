import type { Localized } from './types';

/**
 * Strings of the fields linked to the workbook's one parameter source (issue 11, build 1):
 * where a value comes from, an override for a what-if, the active set a tab uses.
 */
export const linkedStrings = {
  'linked.fromActive': {
    nl: 'Uit IND Parameters, actieve set {set}.',
    en: 'From IND Parameters, active set {set}.',
  },
  'linked.fromModel': {
    nl: 'Uit IND Parameters, modelset {set}.',
    en: 'From IND Parameters, model set {set}.',
  },
  'linked.fromSet': {
    nl: 'Uit IND Parameters, set {set}; wijzig het daar (alleen-lezen hier).',
    en: 'From IND Parameters, set {set}; change it there (read-only here).',
  },
  'linked.override': {
    nl: 'Eigen waarde (wat-als): overschrijft set {set}, waar {value} staat.',
    en: 'Own value (what-if): overrides set {set}, which has {value}.',
  },
  'linked.reset': { nl: 'Waarde uit de set', en: 'Use the set’s value' },
  'linked.activeSet': {
    nl: 'Parameters uit IND Parameters: actieve set {active}, modelset {model}.',
    en: 'Parameters from IND Parameters: active set {active}, model set {model}.',
  },
  'linked.noSheet': {
    nl: 'De werkmap heeft geen blad IND Parameters: de velden hebben de standaardwaarden van dit onderdeel (schrijf het parameterblad onder Parameters om ze daaruit te nemen).',
    en: 'The workbook has no IND Parameters sheet: the fields hold this section’s defaults (write the parameter sheet under Parameters to take them from there).',
  },
  // Words that messages put in their details (so that a message follows a language switch).
  'linked.word.aNumber': { nl: 'een getal', en: 'a number' },
  'linked.word.blank': { nl: 'leeg', en: 'blank' },
} satisfies Record<string, Localized>;
