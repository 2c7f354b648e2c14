import { generateHistoryDemo, PEER_RUNS, SLOW_TASK, TYPICAL_TASK } from './slowTask';

describe('the history demo', () => {
  const now = 1_764_000_000_000;
  const data = generateHistoryDemo(now);

  it('holds typical runs of one task, one whose step took ten times the usual, and a typical one to open', () => {
    expect(data.tasks).toHaveLength(PEER_RUNS + 2);
    expect(new Set(data.tasks.map((t) => `${t.namespace}/${t.taskName}`))).toEqual(
      new Set([`${SLOW_TASK.namespace}/${SLOW_TASK.taskName}`])
    );
    expect(data.tasks.every((t) => !t.error && t.shape === 'documented')).toBe(true);
    const execution = (correlationId: string) =>
      data.spans.find(
        (s) =>
          s.name === 'execute_step' &&
          s.attrs.step_name === SLOW_TASK.stepName &&
          s.attrs.correlation_id === correlationId
      )!.durationMs;
    expect(execution(SLOW_TASK.correlationId)).toBeGreaterThanOrEqual(SLOW_TASK.usualHandlerMs * SLOW_TASK.factor);
    expect(execution(TYPICAL_TASK.correlationId)).toBeLessThan(SLOW_TASK.usualHandlerMs * 2);
    // No name of the workload's own template is left: only these runs make the task's history.
    expect(JSON.stringify(data)).not.toMatch(/linear_workflow|mathematical_sequence|linear_step_/);
  });

  it('keeps every child inside its parent after stretching the slow step, and all in the past', () => {
    const byId = new Map(data.spans.map((s) => [s.spanId, s]));
    for (const s of data.spans) {
      const parent = byId.get(s.parentSpanId);
      if (parent) {
        expect(s.startMs).toBeGreaterThanOrEqual(parent.startMs);
        expect(s.startMs + s.durationMs).toBeLessThanOrEqual(parent.startMs + parent.durationMs + 1e-6);
      }
      expect(s.startMs).toBeLessThan(now);
    }
    expect(data.logs.some((l) => l.metadata.correlation_id === SLOW_TASK.correlationId)).toBe(true);
  });
});
