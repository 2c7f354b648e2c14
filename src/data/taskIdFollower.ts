import { buildTaskFollowUpTraceQL } from '../query';
import type { QuerySettings } from '../query/types';
import { buildOrThrow } from './invalidQuery';
import type { SearchSpan } from './searchFrames';

/** Step ids per follow-up search, so one TraceQL query stays a reasonable size. */
export const STEP_IDS_PER_QUERY = 25;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids a round of searches found that no earlier round had: the next round searches by them. */
export interface NewTaskIds {
  tasks: Set<string>;
  correlations: Set<string>;
  steps: Set<string>;
}

export const noNewTaskIds = (): NewTaskIds => ({ tasks: new Set(), correlations: new Set(), steps: new Set() });

/**
 * The rules by which one task's spans are found over tasker-core's scattered traces, for opening the task and for
 * its logs alike: from the id it was opened by, follow the task_uuids, the correlation_ids and the step_uuids the
 * found spans carry. Ids are compared without case and kept as the spans wrote them.
 */
export class TaskIdFollower {
  private readonly seenTasks: Set<string>;
  private readonly seenCorrelations: Set<string>;
  private readonly seenSteps = new Set<string>();
  /** Every id of the task known so far, as written (the opening id first, in both lists). */
  readonly taskUuids: string[];
  readonly correlationIds: string[];
  readonly stepUuids: string[] = [];

  constructor(openedWith: string) {
    const id = openedWith.trim();
    this.seenTasks = new Set([id.toLowerCase()]);
    this.seenCorrelations = new Set([id.toLowerCase()]);
    this.taskUuids = [id];
    this.correlationIds = [id];
  }

  /** Records the ids of a found span; those not seen before go into `next`. */
  follow(s: SearchSpan, next: NewTaskIds): void {
    // Ids that are not UUIDs cannot be searched for (and would make the query builder refuse the batch).
    const task = s.taskUuid && UUID.test(s.taskUuid) ? s.taskUuid : undefined;
    if (task && !this.seenTasks.has(task.toLowerCase())) {
      this.seenTasks.add(task.toLowerCase());
      this.taskUuids.push(task);
      next.tasks.add(task);
    }
    // A task opened by its task_uuid learns its correlation_id from a span that carries both (finalize_task), and
    // then finds the creation trace and the worker spans, which carry only the correlation_id. Only ids paired with
    // a known task_uuid: several worker spans carry a fresh random correlation_id that leads nowhere.
    const correlation = s.correlationId && UUID.test(s.correlationId) ? s.correlationId : undefined;
    if (correlation && task && !this.seenCorrelations.has(correlation.toLowerCase())) {
      this.seenCorrelations.add(correlation.toLowerCase());
      this.correlationIds.push(correlation);
      next.correlations.add(correlation);
    }
    const step = s.stepUuid && UUID.test(s.stepUuid) ? s.stepUuid : undefined;
    if (step && !this.seenSteps.has(step.toLowerCase())) {
      this.seenSteps.add(step.toLowerCase());
      this.stepUuids.push(step);
      next.steps.add(step);
    }
  }
}

/**
 * The searches of one follow-up round: one query by the round's new ids, more only when the steps are many (those run
 * in parallel, as separate requests).
 */
export function followUpQueries(ids: NewTaskIds, settings: QuerySettings): string[] {
  const steps = [...ids.steps];
  const stepChunks: string[][] = [];
  for (let i = 0; i < steps.length; i += STEP_IDS_PER_QUERY) {
    stepChunks.push(steps.slice(i, i + STEP_IDS_PER_QUERY));
  }
  const byTask = { taskUuids: [...ids.tasks], correlationIds: [...ids.correlations] };
  return (stepChunks.length > 0 ? stepChunks : [[]]).map((stepUuids, i) =>
    buildOrThrow(
      () => buildTaskFollowUpTraceQL(i === 0 ? { ...byTask, stepUuids } : { stepUuids }, settings),
      'TraceQL search'
    )
  );
}
