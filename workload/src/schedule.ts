// Timing of one simulated task: which steps run when, which attempts fail and retry. Pure and browser-safe.
import type { HandlerLanguage, SimAttempt, SimStep } from './model';
import { uuidV4, uuidV7, type Rng } from './random';
import { workflowFor, type WorkflowTemplate } from './workflows';

export interface TaskPlan {
  template: WorkflowTemplate;
  correlationId: string;
  taskUuid: string;
  language: HandlerLanguage;
  startMs: number;
  initEndMs: number;
  finalizeStartMs: number;
  endMs: number;
  state: 'complete' | 'error';
  steps: SimStep[];
}

export interface PlanOptions {
  namespace: string;
  startMs: number;
  /** Probability that one attempt of a step fails (default 0.07). */
  failureRate?: number;
  /** Probability that a step's handler is slow, 8-25 s (default 0.05). */
  slowRate?: number;
  /** Attempts per step before it errors for good (default 3). */
  maxAttempts?: number;
}

export const HANDLER_LANGUAGES: readonly HandlerLanguage[] = ['rust', 'ruby', 'python', 'typescript'];

const RETRYABLE_ERRORS = [
  'connection reset by peer',
  'upstream returned 503 Service Unavailable',
  'timeout after 30s waiting for response',
  'deadlock detected while updating row',
];
/** A handler's permanent error: the step fails without retry. */
const PERMANENT_ERROR = 'validation failed: amount must be positive';
const ERRORS = [...RETRYABLE_ERRORS, PERMANENT_ERROR];

function handlerName(language: HandlerLanguage, namespace: string, step: string): string {
  const camel = (s: string) => s.replace(/(^|_)([a-z0-9])/g, (_m, _u, c: string) => c.toUpperCase());
  switch (language) {
    case 'ruby':
      return `${camel(namespace)}::StepHandlers::${camel(step)}Handler`;
    case 'python':
      return `${namespace}.handlers.${step}_handler`;
    case 'typescript':
      return `${camel(step)}Handler`;
    default:
      return `${namespace}::${step}_handler`;
  }
}

export function planTask(rng: Rng, options: PlanOptions): TaskPlan {
  const template = workflowFor(options.namespace);
  const failureRate = options.failureRate ?? 0.07;
  const slowRate = options.slowRate ?? 0.05;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const startMs = options.startMs;
  const correlationId = uuidV4(rng);
  const taskUuid = uuidV7(rng, startMs);
  const language = rng.pick(HANDLER_LANGUAGES);
  const initEndMs = startMs + rng.between(8, 40);

  // One enqueue pass per distinct ready time: steps that become ready together are enqueued together.
  const enqueueDuration = new Map<number, number>();
  const enqueuePass = (at: number) => {
    if (!enqueueDuration.has(at)) {
      enqueueDuration.set(at, rng.between(3, 15));
    }
    return at + (enqueueDuration.get(at) ?? 0);
  };

  const doneAt = new Map<string, number>();
  const stateOf = new Map<string, SimStep['state']>();
  const steps: SimStep[] = [];
  let lastActivityMs = initEndMs;

  for (const tpl of template.steps) {
    const stepUuid = uuidV7(rng, startMs);
    const handler = { language, name: handlerName(language, template.namespace, tpl.name) };
    const slow = rng.chance(slowRate);
    if (tpl.dependsOn.some((d) => stateOf.get(d) !== 'complete')) {
      stateOf.set(tpl.name, 'skipped');
      steps.push({
        stepUuid,
        stepName: tpl.name,
        dependsOn: tpl.dependsOn,
        handler,
        attempts: [],
        state: 'skipped',
        slow: false,
      });
      continue;
    }
    const readyAt = Math.max(initEndMs, ...tpl.dependsOn.map((d) => doneAt.get(d) ?? initEndMs));
    const attempts: SimAttempt[] = [];
    let enqueueStartMs = readyAt;
    let state: SimStep['state'] = 'complete';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const enqueuedMs = enqueuePass(enqueueStartMs);
      // Mostly quick pickup; sometimes a backlog in the worker queue.
      const queueWait = rng.chance(0.1) ? rng.between(1000, 6000) : rng.between(5, 250);
      const claimedMs = enqueuedMs + queueWait;
      const executionStartMs = claimedMs + rng.between(1, 5);
      const handlerMs = slow && attempt === 1 ? rng.between(8000, 25000) : rng.between(20, 600);
      const executionEndMs = executionStartMs + handlerMs;
      const resultProcessedStartMs = executionEndMs + rng.between(2, 20);
      const resultProcessedEndMs = resultProcessedStartMs + rng.between(4, 30);
      const failed = rng.chance(failureRate);
      const current: SimAttempt = {
        attempt,
        enqueueStartMs,
        enqueuedMs,
        claimedMs,
        executionStartMs,
        executionEndMs,
        resultProcessedStartMs,
        resultProcessedEndMs,
        failed,
      };
      attempts.push(current);
      lastActivityMs = Math.max(lastActivityMs, resultProcessedEndMs);
      if (!failed) {
        doneAt.set(tpl.name, resultProcessedEndMs);
        break;
      }
      current.error = rng.pick(ERRORS);
      if (attempt === maxAttempts || current.error === PERMANENT_ERROR) {
        state = 'error';
        break;
      }
      const delaySeconds = 2 ** attempt;
      const nextRetryAtMs = resultProcessedEndMs + delaySeconds * 1000;
      current.backoff = { type: 'exponential', delaySeconds, nextRetryAtMs };
      enqueueStartMs = nextRetryAtMs;
    }
    stateOf.set(tpl.name, state);
    steps.push({ stepUuid, stepName: tpl.name, dependsOn: tpl.dependsOn, handler, attempts, state, slow });
  }

  const finalizeStartMs = lastActivityMs + rng.between(2, 10);
  const endMs = finalizeStartMs + rng.between(5, 25);
  const state = steps.some((s) => s.state !== 'complete') ? 'error' : 'complete';
  return { template, correlationId, taskUuid, language, startMs, initEndMs, finalizeStartMs, endMs, state, steps };
}
