import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SimSpan, SimTask } from './model';
import { simulate } from './simulate';
import { NAMESPACES, WORKFLOWS } from './workflows';

const START = Date.UTC(2026, 10, 26, 6, 0, 0);

const GUIDE_SPANS = [
  'create_and_enqueue_task_from_request',
  'enqueue_ready_steps',
  'filter_and_prepare_enqueuable_steps',
  'enqueue_steps_to_worker_queue',
  'execute_step',
  'try_claim_step',
  'handler_execution',
  'handle_step_execution_result',
  'process_orchestration_metadata',
  'finalize_task',
  'make_finalization_decision',
];

/** Span names tasker-core has (tasker-telemetry.md). */
const TASKER_CORE_SPANS = new Set([
  'create_and_enqueue_task_from_request',
  'create_task_from_request',
  'process_single_task_from_ready_info',
  'enqueue_ready_steps',
  'find_viable_steps',
  'send_json_message',
  'worker.step_completion_received',
  'route_event',
  'dispatch_events',
  'publish',
  'handle_step_execution_result',
  'handle_step_result_with_metadata',
  'process_decision_outcome',
  'finalize_task',
  'read_messages',
  'domain_event_system_loop',
]);

function expectWellFormedTrees(spans: SimSpan[]) {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  expect(byId.size).toBe(spans.length);
  for (const s of spans) {
    expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(s.durationMs).toBeGreaterThanOrEqual(0);
    if (s.parentSpanId) {
      const parent = byId.get(s.parentSpanId);
      expect(parent?.traceId).toBe(s.traceId);
      // Children start inside their parent (no clock skew in the simulation).
      expect(s.startMs).toBeGreaterThanOrEqual((parent?.startMs ?? 0) - 1e-6);
      expect(s.startMs + s.durationMs).toBeLessThanOrEqual((parent?.startMs ?? 0) + (parent?.durationMs ?? 0) + 1e-6);
    }
  }
  const roots = new Map<string, number>();
  spans.filter((s) => !s.parentSpanId).forEach((s) => roots.set(s.traceId, (roots.get(s.traceId) ?? 0) + 1));
  expect(new Set(spans.map((s) => s.traceId)).size).toBe(roots.size);
  expect([...roots.values()].every((n) => n === 1)).toBe(true);
}

describe('simulate', () => {
  it('gives the same tasks, ids and times for the same seed, and different ones for another seed', () => {
    const a = simulate({ seed: 42, count: 10, shape: 'both', startMs: START });
    const b = simulate({ seed: 42, count: 10, shape: 'both', startMs: START });
    expect(JSON.stringify(a) === JSON.stringify(b)).toBe(true);
    expect(a.tasks[3].spans.map((s) => s.spanId)).toEqual(b.tasks[3].spans.map((s) => s.spanId));
    const c = simulate({ seed: 43, count: 10, shape: 'both', startMs: START });
    expect(c.tasks.map((t) => t.correlationId)).not.toEqual(a.tasks.map((t) => t.correlationId));
  });

  it('keeps a task identical when noise is turned off', () => {
    const a = simulate({ seed: 7, count: 4, shape: 'tasker-core', startMs: START });
    const b = simulate({ seed: 7, count: 4, shape: 'tasker-core', startMs: START, noise: false });
    expect(b.noise).toEqual([]);
    expect(b.tasks.map((t) => t.correlationId)).toEqual(a.tasks.map((t) => t.correlationId));
    expect(JSON.stringify(b.tasks) === JSON.stringify(a.tasks)).toBe(true);
  });

  it('covers every namespace, the four handler languages, failures, retries and slow steps', () => {
    const batch = simulate({ seed: 1, count: 120, shape: 'both', startMs: START });
    expect(new Set(batch.tasks.map((t) => t.namespace))).toEqual(new Set(NAMESPACES));
    expect(NAMESPACES).toEqual(
      expect.arrayContaining([
        'linear_workflow',
        'diamond_workflow',
        'tree_workflow',
        'order_fulfillment',
        'payments',
        'ecommerce',
        'data_pipeline',
        'fulfillment',
      ])
    );
    const steps = batch.tasks.flatMap((t) => t.steps);
    expect(new Set(steps.map((s) => s.handler.language))).toEqual(new Set(['rust', 'ruby', 'python', 'typescript']));
    expect(steps.some((s) => s.attempts.length > 1 && s.state === 'complete')).toBe(true);
    expect(steps.some((s) => s.state === 'error')).toBe(true);
    expect(steps.some((s) => s.state === 'skipped')).toBe(true);
    expect(steps.some((s) => s.slow)).toBe(true);
    expect(batch.tasks.some((t) => t.state === 'error')).toBe(true);
    expect(batch.tasks.filter((t) => t.shape === 'documented')).toHaveLength(60);
  });

  it('runs steps only after their dependencies completed, and retries after the backoff', () => {
    const batch = simulate({ seed: 2, count: 60, shape: 'documented', startMs: START, failureRate: 0.3 });
    for (const task of batch.tasks) {
      const byName = new Map(task.steps.map((s) => [s.stepName, s]));
      for (const step of task.steps) {
        for (const dep of step.dependsOn) {
          const d = byName.get(dep);
          if (step.state !== 'skipped') {
            expect(d?.state).toBe('complete');
            const depDone = d?.attempts[d.attempts.length - 1].resultProcessedEndMs ?? Infinity;
            expect(step.attempts[0].enqueueStartMs).toBeGreaterThanOrEqual(depDone);
          }
        }
        step.attempts.forEach((a, i) => {
          expect(a.claimedMs).toBeGreaterThan(a.enqueuedMs);
          if (i > 0) {
            const prev = step.attempts[i - 1];
            expect(prev.failed).toBe(true);
            expect(a.enqueueStartMs).toBe(prev.backoff?.nextRetryAtMs);
            expect(prev.backoff?.delaySeconds).toBe(2 ** prev.attempt);
          }
        });
      }
      expect(task.endMs).toBeGreaterThan(
        Math.max(...task.steps.flatMap((s) => s.attempts.map((a) => a.resultProcessedEndMs)))
      );
    }
  });

  it('rejects bad options with a clear message', () => {
    expect(() => simulate({ seed: 1, count: -1, shape: 'both', startMs: START })).toThrow(/count/);
    expect(() => simulate({ seed: NaN, count: 1, shape: 'both', startMs: START })).toThrow(/seed/);
    expect(() => simulate({ seed: 1, count: 1, shape: 'both', startMs: START, namespaces: ['nope'] })).toThrow(
      /Unknown namespace "nope"/
    );
  });
});

describe('documented shape', () => {
  const batch = simulate({ seed: 3, count: 30, shape: 'documented', startMs: START, failureRate: 0.2 });

  it("one trace per task with the guide's 11 span names and a single root", () => {
    for (const task of batch.tasks) {
      expect(task.traceIds).toHaveLength(1);
      expect(new Set(task.spans.map((s) => s.name))).toEqual(new Set(GUIDE_SPANS));
      expectWellFormedTrees(task.spans);
      const root = task.spans.find((s) => !s.parentSpanId);
      expect(root?.name).toBe('create_and_enqueue_task_from_request');
      expect(root?.durationMs).toBeCloseTo(task.endMs - task.startMs, 6);
    }
  });

  it('every span carries correlation_id, task_uuid and namespace; step spans carry step_uuid', () => {
    for (const task of batch.tasks) {
      const stepUuids = new Set(task.steps.map((s) => s.stepUuid));
      for (const s of task.spans) {
        expect(s.attributes).toMatchObject({
          correlation_id: task.correlationId,
          task_uuid: task.taskUuid,
          namespace: task.namespace,
        });
        if (
          [
            'execute_step',
            'try_claim_step',
            'handler_execution',
            'handle_step_execution_result',
            'process_orchestration_metadata',
          ].includes(s.name)
        ) {
          expect(stepUuids.has(String(s.attributes.step_uuid))).toBe(true);
        }
        expect(s.status.code).not.toBe('unset');
      }
    }
  });

  it("ids look like Tasker's: correlation_id UUID v4, task_uuid and step_uuid UUID v7", () => {
    for (const task of batch.tasks) {
      expect(task.correlationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(task.taskUuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(task.taskUuid.replace(/-/g, '').slice(0, 12), 16)).toBe(Math.floor(task.startMs));
    }
  });

  it('a failed attempt is an error span and a retry is a second execute_step for the same step_uuid', () => {
    const retried = batch.tasks.flatMap((t) => t.steps.map((s) => ({ t, s }))).find(({ s }) => s.attempts.length > 1);
    expect(retried).toBeDefined();
    const { t, s } = retried as { t: SimTask; s: SimTask['steps'][number] };
    const execs = t.spans.filter((x) => x.name === 'execute_step' && x.attributes.step_uuid === s.stepUuid);
    expect(execs).toHaveLength(s.attempts.length);
    expect(execs[0].status).toEqual({ code: 'error', message: s.attempts[0].error });
    const backoff = t.logs.find((l) => l.body === 'Applied backoff' && l.attributes.step_uuid === s.stepUuid);
    expect(backoff?.attributes).toMatchObject({ backoff_type: 'exponential', delay_seconds: 2 });
    expect(Date.parse(String(backoff?.attributes.next_retry_at))).toBe(
      Math.floor(s.attempts[0].backoff?.nextRetryAtMs ?? 0)
    );
  });

  it('logs carry the ids and the trace context of the span they were written in', () => {
    for (const task of batch.tasks) {
      const spans = new Map(task.spans.map((s) => [s.spanId, s]));
      for (const log of task.logs) {
        expect(spans.get(log.spanId ?? '')?.traceId).toBe(log.traceId);
        expect(log.attributes.correlation_id).toBe(task.correlationId);
      }
    }
  });
});

describe('tasker-core shape', () => {
  const batch = simulate({ seed: 4, count: 30, shape: 'tasker-core', startMs: START, failureRate: 0.2 });

  it('several traces per task, orchestration and worker apart, only tasker-core span names', () => {
    for (const task of batch.tasks) {
      expect(task.traceIds.length).toBeGreaterThanOrEqual(
        2 + task.steps.filter((s) => s.state !== 'skipped').length * 2
      );
      expectWellFormedTrees(task.spans);
      for (const traceId of task.traceIds) {
        const services = new Set(task.spans.filter((s) => s.traceId === traceId).map((s) => s.service));
        expect(services.size).toBe(1);
      }
      for (const s of task.spans) {
        expect(TASKER_CORE_SPANS.has(s.name)).toBe(true);
        expect(s.status.code).not.toBe('ok');
      }
    }
    expect(batch.noise.every((s) => TASKER_CORE_SPANS.has(s.name) && !s.parentSpanId)).toBe(true);
    expect(batch.noise.some((s) => s.name === 'read_messages')).toBe(true);
    expect(batch.noise.some((s) => s.name === 'domain_event_system_loop')).toBe(true);
  });

  it('puts attributes where tasker-core does', () => {
    const plain = (s: SimSpan) =>
      Object.keys(s.attributes)
        .filter((k) => !/^(code|thread)\.|_ns$/.test(k))
        .sort();
    for (const task of batch.tasks) {
      const named = (n: string) => task.spans.filter((s) => s.name === n);
      expect(plain(named('create_and_enqueue_task_from_request')[0])).toEqual(['correlation_id', 'task_name']);
      named('process_single_task_from_ready_info').forEach((s) =>
        expect(s.attributes).toMatchObject({ task_uuid: task.taskUuid, namespace: task.namespace })
      );
      named('enqueue_ready_steps').forEach((s) => expect(plain(s)).toEqual(['task_uuid']));
      named('handle_step_execution_result').forEach((s) => expect(plain(s)).toEqual(['step_uuid']));
      expect(named('finalize_task')[0].attributes).toMatchObject({
        task_uuid: task.taskUuid,
        correlation_id: task.correlationId,
      });
      for (const s of named('worker.step_completion_received')) {
        expect(s.attributes.trace_id).toBe(task.correlationId);
        expect(String(s.attributes.span_id)).toMatch(/^span-[0-9a-f-]{36}$/);
      }
      // Worker paths that stamp a fresh random correlation_id.
      const fresh = [...named('route_event'), ...named('publish')].map((s) => s.attributes.correlation_id);
      expect(fresh.length).toBeGreaterThan(0);
      expect(fresh.every((c) => typeof c === 'string' && c !== task.correlationId)).toBe(true);
      expect(
        task.spans.every(
          (s) =>
            typeof s.attributes['code.module.name'] === 'string' ||
            [
              'route_event',
              'dispatch_events',
              'publish',
              'send_json_message',
              'handle_step_result_with_metadata',
              'process_decision_outcome',
            ].includes(s.name)
        )
      ).toBe(true);
    }
  });

  it("writes logs as its OTLP appender does: the span's trace context, the event's own fields, the message as body", () => {
    for (const task of batch.tasks) {
      const spans = new Map(task.spans.map((s) => [s.spanId, s]));
      for (const l of task.logs) {
        // No `span{k=v}:` prefix, no timestamp, no level: that is stdout formatting, not the OTLP body.
        expect(l.body).toMatch(/^[A-Za-z][\w. ]+$/);
        if (l.traceId !== undefined) {
          expect(spans.get(l.spanId ?? '')?.traceId).toBe(l.traceId);
          // Fields of the enclosing spans (correlation_id, task_uuid, step_uuid) are not copied onto the record.
          expect(l.attributes.correlation_id).toBeUndefined();
        }
      }
      const byBody = (body: string) => task.logs.filter((l) => l.body === body);
      const [created] = byBody('Task initialized');
      expect(spans.get(created.spanId ?? '')?.name).toBe('create_and_enqueue_task_from_request');
      // log_task!: task_uuid = format!("{:?}", Some(uuid)); other fields Debug (strings in quotes).
      expect(created.attributes).toMatchObject({
        operation: 'Task initialized',
        task_uuid: `Some(${task.taskUuid})`,
        namespace: `"${task.namespace}"`,
      });
      for (const l of byBody('Enqueued ready steps')) {
        expect(spans.get(l.spanId ?? '')?.name).toBe('enqueue_ready_steps');
        expect(Object.keys(l.attributes).sort()).toEqual(['count', 'queue']);
      }
      // The handler runs under no span: log_step!'s line has no trace context, only the macro's ids.
      for (const l of byBody('step.execution_started')) {
        expect(l.traceId).toBeUndefined();
        expect(l.attributes.task_uuid).toBe(task.taskUuid);
        expect(task.steps.map((st) => st.stepUuid)).toContain(l.attributes.step_uuid);
      }
      for (const l of [...byBody('step.execution_completed'), ...byBody('step.execution_failed')]) {
        expect(spans.get(l.spanId ?? '')?.name).toBe('worker.step_completion_received');
      }
      const [finalized] = byBody('task.finalization_completed');
      expect(spans.get(finalized.spanId ?? '')?.name).toBe('finalize_task');
      expect(Object.keys(finalized.attributes)).toEqual(['action']);
    }
    const backoff = batch.tasks.flatMap((t) => t.logs).find((l) => l.body === 'Applied backoff');
    expect(backoff?.attributes).toMatchObject({ backoff_type: 'exponential', delay_seconds: expect.any(Number) });
    expect(backoff?.attributes.step_uuid).toBeUndefined();
    expect(backoff?.traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('browser safety', () => {
  // The sandbox bundles simulate.ts and frames.ts for the browser: nothing they import may need Node.
  it('simulate.ts and frames.ts import only browser-safe modules of this folder', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) {
        return;
      }
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)) {
        const [, typeOnly, spec] = m;
        if (typeOnly) {
          continue;
        }
        expect({ file: path.basename(file), spec, local: spec.startsWith('./') }).toEqual({
          file: path.basename(file),
          spec,
          local: true,
        });
        visit(path.join(path.dirname(file), `${spec}.ts`));
      }
      expect({
        file: path.basename(file),
        usesNode: /\b(require\(|process\.|Buffer\b|__dirname)/.test(source),
      }).toEqual({ file: path.basename(file), usesNode: false });
    };
    visit(path.join(__dirname, 'simulate.ts'));
    visit(path.join(__dirname, 'frames.ts'));
    expect(seen.size).toBeGreaterThan(6);
  });

  it('esbuild bundles simulate.ts and frames.ts for the browser', () => {
    const root = path.resolve(__dirname, '../..');
    const r = spawnSync(
      path.join(root, 'node_modules/.bin/esbuild'),
      [
        'workload/src/simulate.ts',
        'workload/src/frames.ts',
        '--bundle',
        '--platform=browser',
        '--format=esm',
        '--outdir=/tmp/tasker-workload-bundle-check',
        '--log-level=error',
      ],
      { cwd: root, encoding: 'utf8' }
    );
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('workflow templates are DAGs listed in dependency order', () => {
    for (const w of WORKFLOWS) {
      const seenNames = new Set<string>();
      for (const s of w.steps) {
        s.dependsOn.forEach((d) => expect(seenNames.has(d)).toBe(true));
        seenNames.add(s.name);
      }
    }
  });
});
