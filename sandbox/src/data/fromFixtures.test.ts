import { logRows, traceFrames } from '../../../workload/src/frames';
import { simulate } from '../../../workload/src/simulate';
import { fixturesToDemoData } from './fromFixtures';

describe('fixturesToDemoData', () => {
  it('reads back every span and log the generator wrote, with their ids, times and attributes', () => {
    const batch = simulate({ seed: 3, count: 4, shape: 'both', startMs: Date.UTC(2026, 10, 26) });
    const tasks = {
      tasks: batch.tasks.map((t) => ({
        shape: t.shape,
        correlationId: t.correlationId,
        taskUuid: t.taskUuid,
        namespace: t.namespace,
        taskName: t.taskName,
        state: t.state,
      })),
    };
    // Through JSON, as the files travel.
    const d = fixturesToDemoData(
      JSON.parse(JSON.stringify({ traceFrames: traceFrames(batch), logRows: logRows(batch), tasks }))
    );
    const simSpans = [...batch.tasks.flatMap((t) => t.spans), ...batch.noise];
    expect(d.spans).toHaveLength(simSpans.length);
    const one = simSpans[0];
    const back = d.spans.find((s) => s.spanId === one.spanId)!;
    expect(back.traceId).toBe(one.traceId);
    expect(back.startMs).toBeCloseTo(one.startMs, 3);
    expect(back.attrs).toEqual(one.attributes);
    expect(back.resource['service.name']).toBe(one.service);
    expect(d.logs).toHaveLength(batch.tasks.flatMap((t) => t.logs).length);
    expect(d.logs[0].stream.service_name).toMatch(/^tasker-/);
    expect(d.tasks.map((t) => t.taskUuid)).toEqual(batch.tasks.map((t) => t.taskUuid));
  });
});
