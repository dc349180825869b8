/**
 * Every IND.* adapter by its full Excel name. The CLI evaluates formulas through exactly these
 * functions, so the CLI and Excel compute the same thing with the same messages.
 */
import { backlog } from './backlog.fn';
import { capacity } from './capacity.fn';
import { costPrice } from './costPrice.fn';
import { directRatio } from './directRatio.fn';
import { effectiveness } from './effectiveness.fn';
import { fte } from './fte.fn';
import { funding } from './funding.fn';
import { fundingPath } from './fundingPath.fn';
import { headcountFte } from './headcount.fn';
import { lumpsumSplit } from './lumpsumSplit.fn';
import { normVariance } from './normVariance.fn';
import { scenario } from './scenario.fn';
import { trainingLoad } from './trainingLoad.fn';
import { turnoverAllowance } from './turnover.fn';
import { variance } from './variance.fn';
import { workload } from './workload.fn';

/** Adapter by full name, e.g. `registry['IND.FTE'](83000, 4, 36, 0.57, 60)`. */
export const registry: Record<string, (...args: any[]) => unknown> = {
  'IND.WORKLOAD': workload,
  'IND.FTE': fte,
  'IND.CAPACITY': capacity,
  'IND.HEADCOUNTFTE': headcountFte,
  'IND.TURNOVERFTE': turnoverAllowance,
  'IND.DIRECTRATIO': directRatio,
  'IND.TRAININGLOAD': trainingLoad,
  'IND.COSTPRICE': costPrice,
  'IND.FUNDING': funding,
  'IND.LUMPSUMSPLIT': lumpsumSplit,
  'IND.FUNDINGPATH': fundingPath,
  'IND.SCENARIO': scenario,
  'IND.BACKLOG': backlog,
  'IND.NORMVARIANCE': normVariance,
  'IND.EFFECTIVENESS': effectiveness,
  'IND.VARIANCE': variance,
};

/** The full names, in the order of the reference table. */
export const functionNames: readonly string[] = Object.keys(registry);
