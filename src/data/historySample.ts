// A task's history read run by run: recent tasks of the same name, their flows built like the one on screen.
import type { TimeRange } from '@grafana/data';
import { buildTaskFlow } from '../flow/buildTaskFlow';
import { runFigures, type RunFigures } from '../history/runFigures';
import type { ResolvedSettings } from '../settings/types';
import { mapBounded } from './pool';
import { fetchTaskFrames } from './taskTraces';
import { searchTasks } from './tasks';
import { narrowRange } from './timeRange';

/** Recent runs read at most: each costs a few searches and one request per trace. */
export const MAX_SAMPLED_RUNS = 24;
/** Runs read at once. */
export const SAMPLE_CONCURRENCY = 2;
/** A run with more spans than this (as the search saw them) is not read for history: it would cost as much as a page. */
export const MAX_SAMPLED_RUN_SPANS = 5000;

export interface SampledRun {
  /** task_uuid and correlation_id of the run, so the task on screen can leave itself out. */
  ids: string[];
  startMs: number;
  figures: RunFigures;
}

export interface SampleIdentity {
  namespace: string;
  taskName?: string;
  /** Ids of the task on screen: never read again for its own history. */
  excludeIds?: readonly string[];
}

/**
 * The most recent runs of the task in the range. Searched by task name (tasker-core puts it only on the creation
 * span, which has no namespace) and kept when they are in the same namespace; by namespace when there is no name.
 * Runs that cannot be read are skipped.
 */
export async function sampleTaskRuns(
  who: SampleIdentity,
  range: TimeRange,
  settings: ResolvedSettings,
  options: { signal?: AbortSignal; maxRuns?: number } = {}
): Promise<SampledRun[]> {
  const maxRuns = options.maxRuns ?? MAX_SAMPLED_RUNS;
  const filter = who.taskName ? { taskName: who.taskName } : { namespace: [who.namespace] };
  const rows = await searchTasks(filter, range, settings, { signal: options.signal, limit: maxRuns * 2 });
  const exclude = new Set(who.excludeIds ?? []);
  const same = rows
    .filter((r) => !(r.taskUuid && exclude.has(r.taskUuid)) && !(r.correlationId && exclude.has(r.correlationId)))
    .filter((r) => r.spanCount <= MAX_SAMPLED_RUN_SPANS)
    .filter((r) => r.namespace === undefined || r.namespace === who.namespace)
    .filter((r) => !who.taskName || r.taskName === undefined || r.taskName === who.taskName)
    .slice(0, maxRuns);
  const results = await mapBounded(
    same,
    SAMPLE_CONCURRENCY,
    async (row) => {
      const fetched = await fetchTaskFrames(
        row.key,
        narrowRange(range, row.startMs, row.startMs + row.durationMs),
        settings,
        { signal: options.signal, concurrency: 2 }
      );
      const flow = buildTaskFlow(fetched.frames, { phaseRules: settings.phaseRules });
      const ids = [row.taskUuid, row.correlationId, flow.taskUuid, flow.correlationId].filter(
        (x): x is string => typeof x === 'string' && x !== ''
      );
      return { ids, startMs: row.startMs, figures: runFigures(flow) };
    },
    options.signal
  );
  return results.filter((r) => r.ok && r.value).map((r) => r.value!);
}
