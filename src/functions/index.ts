/**
 * Entry of the custom-functions bundle: imports every adapter so that webpack includes it. The
 * metadata plugin appends the `CustomFunctions.associate` calls to each `*.fn.ts`.
 */
import './workload.fn';
import './fte.fn';
import './capacity.fn';
import './headcount.fn';
import './turnover.fn';
import './directRatio.fn';
import './trainingLoad.fn';
import './costPrice.fn';
import './funding.fn';
import './lumpsumSplit.fn';
import './fundingPath.fn';
import './scenario.fn';
import './backlog.fn';
import './normVariance.fn';
import './effectiveness.fn';
import './variance.fn';

export { registry, functionNames } from './registry';
export { setLanguage, currentLanguage } from './lang';
