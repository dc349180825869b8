/** Parameter sets: the 2021 model and the measured 2021 figures. */
export * from './types';
export * from './model2021';
export * from './measured2021';
export * from './scenario';
export * from './hotNorm';
