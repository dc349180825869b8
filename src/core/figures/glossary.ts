/**
 * The glossary of figures (*begrippenlijst*): every figure that appears in more than one view
 * (a sheet, the pane, the demo, the CLI) has ONE entry here, with one short code, one Dutch and
 * one English name, one definition and one sign convention, and ONE core function that computes
 * it (named in `fn`). A sheet cell that shows a figure carries its label with the code, e.g.
 * "Fte-verschil model → gemeten, met verloopopslag [S3]", and every sheet lists the codes it uses
 * with their definitions, so a controller can always tell which definition a number follows.
 *
 * Sign conventions, in one sentence each:
 * - staffing gaps and capacity: positive = shortage (more fte needed than the model funds, or
 *   than are employed);
 * - variances: positive = realisation above budget (for costs: unfavourable);
 * - bridge steps: positive = more non-direct time than the model budgets (it lowers the direct
 *   ratio), so the steps add up to model ratio − measured ratio.
 */
import type { Lang } from '../messages/types';

/** A text in both languages, Dutch first. */
export interface Bilingual {
  nl: string;
  en: string;
}

/** One figure of the glossary. */
export interface FigureDef {
  /** Short code shown on sheets, e.g. "S3". */
  code: string;
  /** The figure's name. */
  name: Bilingual;
  /** Unit in words. */
  unit: Bilingual;
  /** The definition as a formula in words (also written on the sheets). */
  definition: Bilingual;
  /** The sign convention. */
  sign: Bilingual;
  /** The core function that computes it (module path and export), for the reader of the code. */
  fn: string;
}

const FTE: Bilingual = { nl: 'fte', en: 'fte' };
const EURO: Bilingual = { nl: 'euro', en: 'euro' };
const HOURS: Bilingual = { nl: 'uren', en: 'hours' };
const POINTS: Bilingual = { nl: 'procentpunt (fractie)', en: 'percentage points (fraction)' };
const RATIO: Bilingual = { nl: 'verhouding', en: 'ratio' };
const NONNEG: Bilingual = { nl: 'altijd ≥ 0', en: 'always ≥ 0' };
const SHORTAGE: Bilingual = {
  nl: 'positief = tekort (ontbrekende capaciteit); negatief = overcapaciteit',
  en: 'positive = shortage (missing capacity); negative = overcapacity',
};
const GAP: Bilingual = {
  nl: 'positief = bij de gemeten ratio zijn meer fte nodig dan het model financiert',
  en: 'positive = the measured ratio needs more fte than the model funds',
};
const VARIANCE: Bilingual = {
  nl: 'positief = realisatie hoger dan begroot (bij kosten: nadelig)',
  en: 'positive = realisation above budget (for costs: unfavourable)',
};
const BRIDGE: Bilingual = {
  nl: 'positief = meer niet-directe tijd dan het model begroot (verlaagt de directe-urenratio)',
  en: 'positive = more non-direct time than the model budgets (lowers the direct-hour ratio)',
};

/** Every figure, by id. */
export const FIGURES = {
  // --------------------------------------------------------------------------- staffing
  fteNeeded: {
    code: 'S1',
    name: { nl: 'Benodigde fte', en: 'Fte needed' },
    unit: FTE,
    definition: {
      nl: '(werklast / weken / uren per fte + verloopopslag) / directe-urenratio; verloopopslag vóór de deling (zoals het onderzoek) of erna',
      en: '(workload / weeks / hours per fte + turnover allowance) / direct-hour ratio; allowance before the division (as the review) or after it',
    },
    sign: NONNEG,
    fn: 'core/fte.ts fteNeeded (via figures/staffing.ts fteNeededFor)',
  },
  fteGapExclAllowance: {
    code: 'S2',
    name: {
      nl: 'Fte-verschil model → gemeten, zonder verloopopslag',
      en: 'Fte gap model → measured, without the turnover allowance',
    },
    unit: FTE,
    definition: {
      nl: 'S1 bij de gemeten ratio − S1 bij de modelratio, beide zonder verloopopslag',
      en: 'S1 at the measured ratio − S1 at the model ratio, both without the turnover allowance',
    },
    sign: GAP,
    fn: 'figures/staffing.ts fteGap (allowance 0)',
  },
  fteGapInclAllowance: {
    code: 'S3',
    name: {
      nl: 'Fte-verschil model → gemeten, met verloopopslag',
      en: 'Fte gap model → measured, with the turnover allowance',
    },
    unit: FTE,
    definition: {
      nl: 'S1 bij de gemeten ratio − S1 bij de modelratio, beide met dezelfde verloopopslag (onderzoek: 1.116 − 851 = 265)',
      en: 'S1 at the measured ratio − S1 at the model ratio, both with the same turnover allowance (review: 1,116 − 851 = 265)',
    },
    sign: GAP,
    fn: 'figures/staffing.ts fteGap',
  },
  allowanceFte: {
    code: 'S4',
    name: { nl: 'Verloopopslag in de benodigde fte', en: 'Turnover allowance in the fte needed' },
    unit: FTE,
    definition: {
      nl: 'S1 met verloopopslag − S1 zonder (= verloop-fte / ratio als de opslag wordt opgehoogd)',
      en: 'S1 with the allowance − S1 without it (= allowance / ratio when it is grossed up)',
    },
    sign: NONNEG,
    fn: 'figures/staffing.ts allowanceFte',
  },
  capacityShortageFte: {
    code: 'S5',
    name: { nl: 'Capaciteitstekort (fte)', en: 'Capacity shortage (fte)' },
    unit: FTE,
    definition: { nl: 'S1 − bezetting', en: 'S1 − staff employed' },
    sign: SHORTAGE,
    fn: 'figures/staffing.ts capacityShortageFte',
  },
  costPerFte: {
    code: 'S6',
    name: { nl: 'Kosten per fte in de periode', en: 'Cost per fte in the period' },
    unit: EURO,
    definition: {
      nl: 'weken × uren per fte × kosten per betaald uur × (1 + opslag)',
      en: 'weeks × hours per fte × cost per paid hour × (1 + overhead)',
    },
    sign: NONNEG,
    fn: 'figures/staffing.ts costPerFte',
  },
  capacityShortageEuro: {
    code: 'S7',
    name: { nl: 'Capaciteitstekort (€)', en: 'Capacity shortage (€)' },
    unit: EURO,
    definition: {
      nl: 'S5 × S6; gelijk aan productkosten + kosten verloopopslag − kosten bezetting als elk product tegen het capaciteitstarief is begroot',
      en: 'S5 × S6; equal to product costs + cost of the allowance − cost of staff when every product is costed at the capacity rate',
    },
    sign: SHORTAGE,
    fn: 'figures/staffing.ts capacityShortageEuro',
  },
  // --------------------------------------------------------------------------- time recording
  unusedCapacityHours: {
    code: 'T1',
    name: {
      nl: 'Onbenutte capaciteit (TDABC): indirecte uren boven het modelaandeel',
      en: 'Unused capacity (TDABC): indirect hours above the model share',
    },
    unit: HOURS,
    definition: {
      nl: 'Σ over indirecte categorieën MET een modelaandeel: max(0, uren − modelaandeel × alle uren)',
      en: 'Σ over indirect categories WITH a model share: max(0, hours − model share × all hours)',
    },
    sign: NONNEG,
    fn: 'figures/timeRecording.ts unusedCapacity',
  },
  unusedCapacityEuro: {
    code: 'T2',
    name: { nl: 'Onbenutte capaciteit (TDABC, €)', en: 'Unused capacity (TDABC, €)' },
    unit: EURO,
    definition: { nl: 'T1 × kosten per betaald uur', en: 'T1 × cost per paid hour' },
    sign: NONNEG,
    fn: 'figures/timeRecording.ts unusedCapacity',
  },
  notInModelHours: {
    code: 'T3',
    name: { nl: 'Indirecte uren niet in het model', en: 'Indirect hours not in the model' },
    unit: HOURS,
    definition: {
      nl: 'Σ uren van indirecte categorieën ZONDER modelaandeel (het model zegt er niets over; geen onbenutte capaciteit)',
      en: 'Σ hours of indirect categories WITHOUT a model share (the model says nothing about them; not unused capacity)',
    },
    sign: NONNEG,
    fn: 'figures/timeRecording.ts unusedCapacity',
  },
  bridgeStep: {
    code: 'B1',
    name: { nl: 'Stap van de brug model → gemeten', en: 'Step of the bridge model → measured' },
    unit: POINTS,
    definition: {
      nl: 'gemeten aandeel − modelaandeel van de categorie (van alle betaalde uren); Σ stappen = modelratio − gemeten ratio',
      en: 'measured share − model share of the category (of all paid hours); Σ steps = model ratio − measured ratio',
    },
    sign: BRIDGE,
    fn: 'core/timerecording/analysis.ts buildBridge',
  },
  bridgeStepFte: {
    code: 'B2',
    name: { nl: 'Fte-kosten van een stap', en: 'Fte cost of a step' },
    unit: FTE,
    definition: {
      nl: 'B1 / (modelratio − gemeten ratio) × S3; Σ = S3',
      en: 'B1 / (model ratio − measured ratio) × S3; Σ = S3',
    },
    sign: GAP,
    fn: 'core/timerecording/analysis.ts buildBridge',
  },
  absenceMeasured: {
    code: 'B3',
    name: { nl: 'Afwezigheid, volledig (gemeten)', en: 'Absence in full (measured)' },
    unit: POINTS,
    definition: {
      nl: '(verlof + bijzonder verlof + verzuim) / alle betaalde uren',
      en: '(leave + special leave + sickness) / all paid hours',
    },
    sign: NONNEG,
    fn: 'core/timerecording/analysis.ts buildBridge',
  },
  absenceAboveNorm: {
    code: 'B4',
    name: { nl: 'Afwezigheid boven de HOT-norm', en: 'Absence above the HOT norm' },
    unit: POINTS,
    definition: { nl: 'B3 − HOT-norm', en: 'B3 − HOT norm' },
    sign: BRIDGE,
    fn: 'core/timerecording/analysis.ts buildBridge',
  },
  effectivenessNormed: {
    code: 'E1',
    name: { nl: 'Effectiviteit op genormeerde uren', en: 'Effectiveness on normed hours' },
    unit: RATIO,
    definition: {
      nl: 'verdiende normuren / directe uren op producten MET een norm (IND.EFFECTIVENESS)',
      en: 'earned norm hours / direct hours on products WITH a norm (IND.EFFECTIVENESS)',
    },
    sign: {
      nl: '1 = precies op norm; > 1 sneller dan de norm',
      en: '1 = exactly on norm; > 1 faster than norm',
    },
    fn: 'figures/timeRecording.ts teamEffectiveness',
  },
  effectivenessAllDirect: {
    code: 'E2',
    name: { nl: 'Effectiviteit op alle directe uren', en: 'Effectiveness on all direct hours' },
    unit: RATIO,
    definition: {
      nl: 'verdiende normuren / ALLE directe uren (uren op producten zonder norm verdienen niets)',
      en: 'earned norm hours / ALL direct hours (hours on products without a norm earn nothing)',
    },
    sign: { nl: '1 = precies op norm; ≤ E1', en: '1 = exactly on norm; ≤ E1' },
    fn: 'figures/timeRecording.ts teamEffectiveness',
  },
  directHoursWithoutNorm: {
    code: 'E3',
    name: { nl: 'Directe uren zonder norm', en: 'Direct hours without a norm' },
    unit: HOURS,
    definition: {
      nl: 'directe uren op producten zonder normtijd (niet in E1, wel in E2)',
      en: 'direct hours on products without a norm time (not in E1, in E2)',
    },
    sign: NONNEG,
    fn: 'figures/timeRecording.ts teamEffectiveness',
  },
  // --------------------------------------------------------------------------- variance
  varianceTotal: {
    code: 'V0',
    name: { nl: 'Totaal verschil', en: 'Total variance' },
    unit: EURO,
    definition: { nl: 'werkelijk − statisch budget', en: 'actual − static budget' },
    sign: VARIANCE,
    fn: 'figures/variance.ts varianceSteps',
  },
  varianceVolume: {
    code: 'V1',
    name: { nl: 'Volumeverschil (hoeveelheid)', en: 'Volume variance (quantity)' },
    unit: EURO,
    definition: {
      nl: '(werkelijk totaalvolume × begrote mix − begroot volume) × begrote prijs',
      en: '(actual total volume × budget mix − budget volume) × budget price',
    },
    sign: VARIANCE,
    fn: 'figures/variance.ts varianceSteps',
  },
  varianceMix: {
    code: 'V2',
    name: { nl: 'Mixverschil', en: 'Mix variance' },
    unit: EURO,
    definition: {
      nl: '(werkelijk volume − werkelijk totaalvolume × begrote mix) × begrote prijs',
      en: '(actual volume − actual total volume × budget mix) × budget price',
    },
    sign: VARIANCE,
    fn: 'figures/variance.ts varianceSteps',
  },
  varianceVolumeInclMix: {
    code: 'V3',
    name: { nl: 'Volumeverschil incl. mix', en: 'Volume variance incl. mix' },
    unit: EURO,
    definition: {
      nl: '(werkelijk volume − begroot volume) × begrote prijs = V1 + V2',
      en: '(actual volume − budget volume) × budget price = V1 + V2',
    },
    sign: VARIANCE,
    fn: 'figures/variance.ts varianceSteps',
  },
  varianceProductivity: {
    code: 'V4',
    name: {
      nl: 'Productiviteitsverschil (directe-urenratio)',
      en: 'Productivity variance (direct-hour ratio)',
    },
    unit: EURO,
    definition: {
      nl: '(betaalde uren − directe uren / begrote directe-urenratio) × begrote kosten per betaald uur',
      en: '(paid hours − direct hours / budget direct-hour ratio) × budget cost per paid hour',
    },
    sign: VARIANCE,
    fn: 'figures/variance.ts varianceSteps',
  },
  varianceEfficiency: {
    code: 'V5',
    name: { nl: 'Efficiëntieverschil (normtijd)', en: 'Efficiency variance (norm time)' },
    unit: EURO,
    definition: {
      nl: '(directe uren − werkelijk volume × normuren per zaak) × begrote prijs / normuren per zaak',
      en: '(direct hours − actual volume × norm hours per case) × budget price / norm hours per case',
    },
    sign: VARIANCE,
    fn: 'figures/variance.ts varianceSteps',
  },
  variancePrice: {
    code: 'V6',
    name: { nl: 'Prijs-/tariefverschil', en: 'Price/rate variance' },
    unit: EURO,
    definition: {
      nl: 'werkelijke kosten − directe uren × begrote prijs / normuren − V4',
      en: 'actual costs − direct hours × budget price / norm hours − V4',
    },
    sign: VARIANCE,
    fn: 'figures/variance.ts varianceSteps',
  },
  variancePricePerCase: {
    code: 'V7',
    name: {
      nl: 'Prijsverschil per zaak (incl. productiviteit en efficiëntie)',
      en: 'Price variance per case (incl. productivity and efficiency)',
    },
    unit: EURO,
    definition: {
      nl: '(werkelijke prijs − begrote prijs) × werkelijk volume = V4 + V5 + V6 (IND.VARIANCE, zonder uren)',
      en: '(actual price − budget price) × actual volume = V4 + V5 + V6 (IND.VARIANCE, without hours)',
    },
    sign: VARIANCE,
    fn: 'figures/variance.ts varianceSteps',
  },
  varianceOther: {
    code: 'V8',
    name: { nl: 'Overig / niet toegerekend', en: 'Other / unallocated' },
    unit: EURO,
    definition: {
      nl: 'grootboektotaal − Σ werkelijke kosten per product',
      en: 'ledger total − Σ actual costs per product',
    },
    sign: VARIANCE,
    fn: 'core/funding/reconcile.ts decomposeVariance',
  },
  flexedBudget: {
    code: 'V9',
    name: { nl: 'Flexibel budget (alles meebewogen)', en: 'Flexed budget (all flexed)' },
    unit: EURO,
    definition: { nl: 'Σ werkelijk volume × begrote prijs', en: 'Σ actual volume × budget price' },
    sign: NONNEG,
    fn: 'figures/variance.ts varianceSteps',
  },
  flexedBudgetCostBehaviour: {
    code: 'V10',
    name: {
      nl: 'Flexibel budget (kostengedrag: vast deel niet meebewogen)',
      en: 'Flexed budget (cost behaviour: fixed share not flexed)',
    },
    unit: EURO,
    definition: {
      nl: 'Σ (vast deel × begroot volume + (1 − vast deel) × werkelijk volume) × begrote prijs; vast deel EY 2020: 13%',
      en: 'Σ (fixed share × budget volume + (1 − fixed share) × actual volume) × budget price; fixed share EY 2020: 13%',
    },
    sign: NONNEG,
    fn: 'figures/variance.ts flexedBudgets',
  },
  fixedCostVolumeEffect: {
    code: 'V11',
    name: { nl: 'Volume-effect op vaste kosten', en: 'Volume effect on fixed costs' },
    unit: EURO,
    definition: { nl: 'V9 − V10 = vast deel × (V1 + V2)', en: 'V9 − V10 = fixed share × (V1 + V2)' },
    sign: VARIANCE,
    fn: 'figures/variance.ts flexedBudgets',
  },
} as const satisfies Record<string, FigureDef>;

/** The id of a figure. */
export type FigureId = keyof typeof FIGURES;

/** "Name [code]", the label a sheet cell or pane row shows for a figure. */
export function figureLabel(id: FigureId, lang: Lang): string {
  const f: FigureDef = FIGURES[id];
  return `${f.name[lang]} [${f.code}]`;
}

/**
 * The legend rows a sheet writes for the figures it shows: code, name, definition, sign. Each
 * sheet that shows a figure lists it, so the definition travels with the workbook.
 */
export function figureLegend(ids: readonly FigureId[], lang: Lang): string[][] {
  return ids.map((id) => {
    const f: FigureDef = FIGURES[id];
    return [f.code, f.name[lang], f.definition[lang], f.sign[lang]];
  });
}

/** Header of a legend block. */
export function legendHeader(lang: Lang): string[] {
  return lang === 'nl' ? ['Code', 'Begrip', 'Definitie', 'Teken'] : ['Code', 'Figure', 'Definition', 'Sign'];
}
