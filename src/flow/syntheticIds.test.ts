import { T0, framesByTrace } from './fixtures/traceFrames';
import { buildTaskFlow } from './index';

// Synthetic step nodes are named `step:<step_uuid>`; a real span id of that form must keep its own node.
describe('synthetic step ids next to real span ids', () => {
  const step = '0c6f3a2e-5b1d-4e8f-9a7c-2d4b6e8f0a1c';

  it('names the step node `step:<uuid>#group` when a real span already has the id `step:<uuid>`', () => {
    const flow = buildTaskFlow(
      framesByTrace([
        { traceId: 'a1', spanId: `step:${step}`, name: 'odd span', start: T0, duration: 5 },
        {
          traceId: 'b2',
          spanId: 'b200000000000001',
          name: 'worker',
          start: T0 + 10,
          duration: 5,
          attrs: { step_uuid: step },
        },
      ])
    );
    expect(flow.roots).toEqual([`step:${step}`, `step:${step}#group`]);
    expect(flow.span(`step:${step}`)?.name).toBe('odd span');
    expect(flow.span(`step:${step}`)?.synthetic).toBeFalsy();
    expect(flow.childrenOf(`step:${step}#group`)).toEqual(['b200000000000001']);
  });

  it('names it `step:<uuid>` otherwise', () => {
    const flow = buildTaskFlow(
      framesByTrace([
        {
          traceId: 'b2',
          spanId: 'b200000000000001',
          name: 'worker',
          start: T0,
          duration: 5,
          attrs: { step_uuid: step },
        },
      ])
    );
    expect(flow.roots).toEqual([`step:${step}`]);
    expect(flow.span(`step:${step}`)).toMatchObject({ synthetic: true });
  });
});
