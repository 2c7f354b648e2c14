export { buildTaskFlow, DEFAULT_STEP_ATTRIBUTE } from './buildTaskFlow';
export { DEFAULT_PHASE_RULES, compilePhaseRules, phaseRuleProblems } from './phaseRules';
export type { PhaseMatcher } from './phaseRules';
export { TaskFlowModel } from './taskFlowModel';
export * from './types';
