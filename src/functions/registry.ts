/**
 * THE list of IND.* functions. Everything that needs "every function" derives from it:
 * - the custom-functions bundle (`index.ts` imports this file, so webpack includes every adapter
 *   and the metadata plugin's `CustomFunctions.associate` calls);
 * - the CLI (`src/cli/evaluate.ts` builds its engine from {@link registry});
 * - the metadata contract test (the declared ids must be exactly these names, with the adapters'
 *   arity, and each adapter's guard name must be its entry's name);
 * - the README function table (generated from {@link functions} by `table.ts`; a test fails when
 *   README.md differs, `UPDATE_EXPECTED=1 npx jest test/metadata` rewrites it);
 * - the golden runner and the bad-input table (each checks it covers every name).
 *
 * Adding a function: write its adapter `<name>.fn.ts`, then add ONE entry here (see CONTRIBUTING.md).
 * The order is the order of the reference table in README.md.
 */
import { backlog } from './backlog.fn';
import { capacity } from './capacity.fn';
import { costPrice } from './costPrice.fn';
import { directRatio } from './directRatio.fn';
import { effectiveness } from './effectiveness.fn';
import { forecastError } from './forecastError.fn';
import { fte } from './fte.fn';
import { funding } from './funding.fn';
import { fundingPath } from './fundingPath.fn';
import { headcountFte } from './headcount.fn';
import { lumpsumSplit } from './lumpsumSplit.fn';
import { normVariance } from './normVariance.fn';
import { penalty } from './penalty.fn';
import { scenario } from './scenario.fn';
import { trainingLoad } from './trainingLoad.fn';
import { turnoverAllowance } from './turnover.fn';
import { variance } from './variance.fn';
import { withinTerm } from './withinTerm.fn';
import { workload } from './workload.fn';
import { yearEnd } from './yearEnd.fn';

/** An adapter as Excel's custom-function runtime calls it: positional arguments, `null` when omitted. */
export type Adapter = (...args: any[]) => unknown;

/** The README row of a function (English; the Dutch help lives in `metadata.nl.json`). */
export interface FunctionDoc {
  /** The arguments as the README shows them, optional ones in brackets with their default: `hours, [weeks=1]`. */
  readonly args: string;
  /** What it returns, in a few words. */
  readonly returns: string;
  /** A formula in the CLI's invariant syntax; the README test evaluates it. */
  readonly example: string;
  /** The promised result: `1116.47…` (prefix), `86184` (equal within 1e-9) or `a, b` (spill cells). */
  readonly result: string;
}

/** One IND.* function: its full Excel name, its adapter and its README row. */
export interface FunctionEntry {
  readonly name: string;
  readonly adapter: Adapter;
  readonly doc: FunctionDoc;
}

/** Every IND.* function, in the order of the reference table. */
export const functions: readonly FunctionEntry[] = [
  {
    name: 'IND.WORKLOAD',
    adapter: workload,
    doc: {
      args: 'volumes, normMinutes, [volumeCodes], [normCodes]',
      returns:
        'workload in hours (Σ volume × norm / 60); with codes, volumes are matched to norms by product code',
      example: '=IND.WORKLOAD({100;50},{120;600})',
      result: '700',
    },
  },
  {
    name: 'IND.FTE',
    adapter: fte,
    doc: {
      args: 'hours, [weeks=1], [hoursPerFte=36], [directRatio=0.7473], [extraFte=0], [grossUpExtra=TRUE]',
      returns: 'fte needed',
      example: '=IND.FTE(83000,4,36,0.57,60)',
      result: '1116.47…',
    },
  },
  {
    name: 'IND.CAPACITY',
    adapter: capacity,
    doc: {
      args: 'fte, [weeks=1], [hoursPerFte=36], [directRatio=0.7473]',
      returns: 'direct hours',
      example: '=IND.CAPACITY(1050,4,36,0.57)',
      result: '86184',
    },
  },
  {
    name: 'IND.HEADCOUNTFTE',
    adapter: headcountFte,
    doc: {
      args: 'persons, [avgContractHours=34.5], [hoursPerFte=36]',
      returns: 'fte',
      example: '=IND.HEADCOUNTFTE(100)',
      result: '95.83…',
    },
  },
  {
    name: 'IND.TURNOVERFTE',
    adapter: turnoverAllowance,
    doc: {
      args: 'leaversPerYear, [avgContractHours=34.5], [hoursPerFte=36]',
      returns: 'vacancy allowance in fte',
      example: '=IND.TURNOVERFTE(115)',
      result: '55.10…',
    },
  },
  {
    name: 'IND.DIRECTRATIO',
    adapter: directRatio,
    doc: {
      args: 'hours, kinds, [basis="gross"]',
      returns: 'direct-hour ratio (gross/bruto or net/netto)',
      example: '=IND.DIRECTRATIO({57;13.4;29.6},{"direct";"indirect";"afwezig"},"netto")',
      result: '0.8096…',
    },
  },
  {
    name: 'IND.TRAININGLOAD',
    adapter: trainingLoad,
    doc: {
      args: 'traineeHoursPerWeek, coachHoursPerWeek, totalFte, [hoursPerFte=36]',
      returns: 'share of capacity',
      example: '=IND.TRAININGLOAD(5000,2600,1050)',
      result: '0.2010…',
    },
  },
  {
    name: 'IND.COSTPRICE',
    adapter: costPrice,
    doc: {
      args: 'normMinutes, hourlyCost, [directRatio=0.7473], [overheadRate=0]',
      returns: 'cost per case',
      example: '=IND.COSTPRICE(600,80,0.7473,0.1)',
      result: '1177.57…',
    },
  },
  {
    name: 'IND.FUNDING',
    adapter: funding,
    doc: {
      args: 'volumes, prices, [lumpsum=0], [floor=0]',
      returns: 'total funding',
      example: '=IND.FUNDING({100;50},{1000;5000},20000,0)',
      result: '370000',
    },
  },
  {
    name: 'IND.LUMPSUMSPLIT',
    adapter: lumpsumSplit,
    doc: {
      args: 'outputCosts, [fixedShare=0.13], [lumpsum=0]',
      returns: '1×2: new lumpsum, new output part',
      example: '=IND.LUMPSUMSPLIT(1000000,0.13,50000)',
      result: '180000, 870000',
    },
  },
  {
    name: 'IND.FUNDINGPATH',
    adapter: fundingPath,
    doc: {
      args: 'workloadHours, ratePerHour, [lumpsum=0], [floor=0], [maxDecline=1], [confirmPeriods=1]',
      returns: 'column: funding per period',
      example: '=IND.FUNDINGPATH({90000;70000;70000},100,0,0,0.05,2)',
      result: '9000000, 9000000, 8550000',
    },
  },
  {
    name: 'IND.SCENARIO',
    adapter: scenario,
    doc: {
      args: 'workloadHours, [low=76000], [high=93000], [peakExtra=10000], [peakPeriods=3], [language="nl"]',
      returns: 'column: onder band / normaal / korte piek / lange piek',
      example: '=IND.SCENARIO({80000;95000;70000})',
      result: 'normaal, korte piek, onder band',
    },
  },
  {
    name: 'IND.BACKLOG',
    adapter: backlog,
    doc: {
      args: 'inflowHours, capacityHours, [initialBacklog=0]',
      returns: 'column: backlog per period',
      example: '=IND.BACKLOG({90000;95000;70000},85000)',
      result: '5000, 15000, 0',
    },
  },
  {
    name: 'IND.NORMVARIANCE',
    adapter: normVariance,
    doc: {
      args: 'recordedHours, cases, normMinutes',
      returns: 'realised / norm − 1 (element-wise)',
      example: '=IND.NORMVARIANCE(1100,100,600)',
      result: '0.1',
    },
  },
  {
    name: 'IND.EFFECTIVENESS',
    adapter: effectiveness,
    doc: {
      args: 'volumes, normMinutes, directHours',
      returns: 'earned norm hours per direct hour',
      example: '=IND.EFFECTIVENESS({100},{600},1250)',
      result: '0.8',
    },
  },
  {
    name: 'IND.VARIANCE',
    adapter: variance,
    doc: {
      args: 'budgetVolumes, budgetPrices, actualVolumes, actualPrices, [separateMix=FALSE]',
      returns: '1×3: volume incl. mix, price, total; `separateMix` TRUE: 1×4 volume, mix, price, total',
      example: '=IND.VARIANCE({100},{1000},{110},{1100})',
      result: '10000, 11000, 21000',
    },
  },
  {
    name: 'IND.FORECASTERROR',
    adapter: forecastError,
    doc: {
      args: 'actual, forecast, [measure="wape"]',
      returns:
        'WAPE, MAPE or bias = mean(F − A) of a forecast (positive = over-forecast); a blank actual is pending',
      example: '=IND.FORECASTERROR({100;120;80;110;90;100},{110;115;95;110;80;120},"bias")',
      result: '5',
    },
  },
  {
    name: 'IND.YEAREND',
    adapter: yearEnd,
    doc: {
      args: 'realisedToDate, periodsDone, [periodsInYear=13], [method="trend"], [capacityPerPeriod]',
      returns:
        'year-end forecast: realised + remaining periods × (realised rate, or the capacity per period)',
      example: '=IND.YEAREND(600,4,13,"trend")',
      result: '1950',
    },
  },
  {
    name: 'IND.WITHINTERM',
    adapter: withinTerm,
    doc: {
      args: 'daysTaken, termDays',
      returns: 'share of cases with days taken ≤ term (on the deadline = within)',
      example: '=IND.WITHINTERM({90;91;30},90)',
      result: '0.6666…',
    },
  },
  {
    name: 'IND.PENALTY',
    adapter: penalty,
    doc: {
      args: 'penaltyDays, [schedule]',
      returns:
        'penalty per case (Awb 4:17: € 23/35/45 a day in blocks of 14, at most 42 days and € 1,442); spills per row',
      example: '=IND.PENALTY({10;20;50})',
      result: '230, 532, 1442',
    },
  },
];

/** Adapter by full name, e.g. `registry['IND.FTE'](83000, 4, 36, 0.57, 60)`. */
export const registry: Record<string, Adapter> = Object.fromEntries(
  functions.map((f) => [f.name, f.adapter]),
);

/** The full names, in the order of the reference table. */
export const functionNames: readonly string[] = functions.map((f) => f.name);
