/**
 * The pure calculation core of IND Rekenmodel: no DOM, no Office, no React. One concept per file.
 */
export * from './errors';
export * from './round';
export * from './validate';
export * from './workload';
export * from './fte';
export * from './capacity';
export * from './headcount';
export * from './turnover';
export * from './directRatio';
export * from './trainingLoad';
export * from './costPrice';
export * from './outputFunding';
export * from './lumpsumSplit';
export * from './fundingPath';
export * from './scenarioLabel';
export * from './backlog';
export * from './normVariance';
export * from './effectiveness';
export * from './variance';
export * from './params';
