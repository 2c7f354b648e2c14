import { PHASES, Phase } from './types';

// Phases are stored as one byte per span; the code is the index in PHASES.
export const PHASE_CODE: Readonly<Record<Phase, number>> = {
  initialization: 0,
  enqueueing: 1,
  execution: 2,
  result_processing: 3,
  finalization: 4,
  other: 5,
};

export const INITIALIZATION = PHASE_CODE.initialization;
export const ENQUEUEING = PHASE_CODE.enqueueing;
export const EXECUTION = PHASE_CODE.execution;
export const RESULT_PROCESSING = PHASE_CODE.result_processing;
export const FINALIZATION = PHASE_CODE.finalization;
export const OTHER = PHASE_CODE.other;

export function phaseFromCode(code: number): Phase {
  return PHASES[code] ?? 'other';
}

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}
