export { buildTaskFlow } from './buildTaskFlow';
export { DEFAULT_PHASE_RULES } from './phaseRules';
export type { PhaseMatcher } from './phaseRules';
export { TaskFlowModel } from './taskFlowModel';
export * from './types';
