// "Is this task slow?": pure comparison of a task run with the history of the same task. No React, no runtime.
export * from './types';
export { quantile, summarize } from './quantiles';
export { runFigures, runShape, stepExecutionSpanNames, type RunFigures, type RunShape } from './runFigures';
export { compareWithHistory, formatRatio, slowMessage, MIN_HISTORY_RUNS, SLOW_MIN_RATIO } from './compare';
export { historyFromRuns } from './fromRuns';
