import type { DemoData, DemoTaskInfo } from './model';
import { DemoBuilder } from './builder';
import { Random } from './random';

/** Strings that must render as text: HTML, script, RTL override, zero-width characters, a very long value. */
export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(2)</script>',
  rtl: 'payment \u202Eexe.lper\u202C done',
  zeroWidth: 'zero\u200Bwidth\u200Djoin\uFEFF',
  long: 'long-value-' + 'x'.repeat(5000) + '-end',
  quotes: `quote " backtick \` backslash \\ brace } pipe | dollar $x`,
} as const;

export const HOSTILE_CORRELATION_ID = '6e0f3a52-7c1b-4c2e-9a4d-0badc0ffee00';
export const HOSTILE_TASK_UUID = '019ab6f9-7a27-7d16-b298-0badc0ffee01';

export function generateHostileTask(nowMs: number): DemoData {
  const b = new DemoBuilder(new Random(666));
  const traceId = b.rnd.hex(32);
  const ids = { correlation_id: HOSTILE_CORRELATION_ID, task_uuid: HOSTILE_TASK_UUID, namespace: 'payments' };
  const t = nowMs - 20 * 60 * 1000;
  const root = b.span({
    traceId,
    name: 'create_and_enqueue_task_from_request',
    service: 'tasker-orchestration',
    startMs: t,
    durationMs: 900,
    attrs: { ...ids, task_name: HOSTILE.img },
  });
  const step = b.span({
    traceId,
    parent: root,
    name: HOSTILE.img,
    service: 'tasker-rust-worker',
    startMs: t + 10,
    durationMs: 500,
    attrs: {
      ...ids,
      step_uuid: '019ab6f9-7a2a-7873-a5d1-0badc0ffee02',
      step_name: HOSTILE.script,
      note: HOSTILE.script,
      rtl: HOSTILE.rtl,
      zw: HOSTILE.zeroWidth,
      long: HOSTILE.long,
      quotes: HOSTILE.quotes,
      '<b>key</b>': 'html in a key',
    },
    error: HOSTILE.script,
  });
  step.events.push({ timeMs: t + 200, name: HOSTILE.img, attrs: { message: HOSTILE.script } });
  b.span({
    traceId,
    parent: step,
    name: HOSTILE.script,
    service: 'tasker-rust-worker',
    startMs: t + 20,
    durationMs: 100,
    attrs: { ...ids, rtl: HOSTILE.rtl },
  });
  b.span({
    traceId,
    parent: root,
    name: HOSTILE.rtl,
    service: 'tasker-orchestration',
    startMs: t + 600,
    durationMs: 50,
    attrs: { ...ids, zw: HOSTILE.zeroWidth },
  });
  b.span({
    traceId,
    parent: root,
    name: 'finalize_task',
    service: 'tasker-orchestration',
    startMs: t + 700,
    durationMs: 100,
    attrs: ids,
  });
  const logIds = { correlation_id: HOSTILE_CORRELATION_ID, task_uuid: HOSTILE_TASK_UUID };
  b.log(step, 'ERROR', HOSTILE.img, logIds);
  b.log(step, 'WARN', HOSTILE.script, logIds, t + 30);
  b.log(root, 'INFO', HOSTILE.rtl + ' ' + HOSTILE.zeroWidth, logIds, t + 40);
  b.log(root, 'INFO', HOSTILE.long, logIds, t + 50);
  const task: DemoTaskInfo = {
    correlationId: HOSTILE_CORRELATION_ID,
    taskUuid: HOSTILE_TASK_UUID,
    namespace: 'payments',
    taskName: HOSTILE.img,
    shape: 'hostile',
    spanCount: b.spans.length,
    error: true,
  };
  return { spans: b.spans, logs: b.logs, tasks: [task] };
}
