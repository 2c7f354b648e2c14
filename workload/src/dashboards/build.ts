// The three dashboards the plugin ships (src/dashboards/*.json), built from the same query builders the app uses
// (src/query/metrics.ts) so a dashboard and the app never disagree. `npx tsx workload/src/dashboards/write.ts`
// rewrites the JSON; tests/repo/provisioning.test.ts checks the files match this output.
import { DEFAULT_PHASE_RULES } from '../../../src/flow/phaseRules';
import { buildPromqlMetric, buildTraceqlMetric } from '../../../src/query/metrics';
import {
  LOKI,
  PROM,
  PanelIds,
  TEMPO,
  dashboard,
  datasourceVariable,
  gridPos,
  heatmap,
  logqlTarget,
  promTarget,
  row,
  stat,
  textVariable,
  timeseries,
  traceqlTarget,
  type Json,
} from './panels';

export const APP_TASK_URL = '/a/tasker-observability-app/tasks/${__value.raw}';
/** The app's default service regex (src/query/settings.ts). */
const TASKER_SERVICES = '^tasker-.+$';
// Latency panels ask Prometheus for exemplars: Tempo's span metrics carry the trace id of sample spans on their
// histogram buckets (label traceID), which the provisioned Prometheus datasource links to Tempo.
const EXEMPLARS = { exemplar: true };

/** Span names per phase, from the app's default phase rules (src/flow/phaseRules.ts), as regex alternatives. */
export const PHASE_SPANS: Record<string, string> = Object.fromEntries(
  DEFAULT_PHASE_RULES.filter((rule) => rule.phase !== 'other' && rule.names?.length).map((rule) => [
    rule.phase,
    (rule.names ?? []).map((name) => name.replace(/[.]/g, '\\\\.')).join('|'),
  ])
);

/** Queries taken verbatim from src/query/metrics.ts (the test compares them). */
export const SHARED_QUERIES = {
  p95ByNamespace: buildTraceqlMetric('p95', { groupBy: 'namespace' }),
  errorSpansByNamespace: buildTraceqlMetric('errorRate', { groupBy: 'namespace' }),
  errorRatioByService: buildPromqlMetric('errorRate', { groupBy: 'service' }),
  p95ByService: buildPromqlMetric('p95', { groupBy: 'service' }),
  p95BySpanName: buildPromqlMetric('p95', { groupBy: 'spanName' }),
};

function overview(): Json {
  const ids = new PanelIds();
  return dashboard({
    uid: 'tasker-overview',
    title: 'Tasker overview',
    revision: 2,
    tags: ['tasker'],
    description:
      'Tasker workflow runs: trace rate, P95 latency and errors per namespace and per service, and recent correlation_ids that open the Tasker app. Services: the app default ^tasker-.+$.',
    variables: [datasourceVariable('tempo', 'Tempo'), datasourceVariable('prometheus', 'Prometheus')],
    panels: [
      row(ids, 'Per namespace (TraceQL metrics)', 0),
      timeseries(
        ids,
        'Trace rate: new tasks per second, per namespace',
        'Task-creation spans per second. In the documented model one task is one trace; tasker-core emits several traces per task and its creation span has no namespace, so its tasks are counted on process_single_task_from_ready_info.',
        gridPos(0, 1, 8, 8),
        TEMPO,
        [
          traceqlTarget(
            'A',
            `{(name = "create_and_enqueue_task_from_request" || name = "process_single_task_from_ready_info") && .namespace != nil && resource.service.name =~ "${TASKER_SERVICES}"} | rate() by (.namespace)`
          ),
        ],
        'reqps'
      ),
      timeseries(
        ids,
        'P95 span latency per namespace',
        'P95 duration of Tasker spans, by the namespace attribute (spans without one form their own series).',
        gridPos(8, 1, 8, 8),
        TEMPO,
        [traceqlTarget('A', SHARED_QUERIES.p95ByNamespace)],
        's'
      ),
      timeseries(
        ids,
        'Error spans per second, per namespace',
        'Spans with status error. TraceQL metrics cannot divide: the ratio per service is below.',
        gridPos(16, 1, 8, 8),
        TEMPO,
        [traceqlTarget('A', SHARED_QUERIES.errorSpansByNamespace)],
        'reqps'
      ),
      row(ids, 'Per service (Tempo span metrics in Prometheus)', 9),
      timeseries(
        ids,
        'Error rate per service',
        'Share of spans with error status (traces_spanmetrics_calls_total).',
        gridPos(0, 10, 12, 8),
        PROM,
        [promTarget('A', SHARED_QUERIES.errorRatioByService, '{{service}}')],
        'percentunit'
      ),
      timeseries(
        ids,
        'P95 latency per service',
        'From traces_spanmetrics_latency_bucket (Tempo default buckets end at 16.384s).',
        gridPos(12, 10, 12, 8),
        PROM,
        [promTarget('A', SHARED_QUERIES.p95ByService, '{{service}}', EXEMPLARS)],
        's'
      ),
      row(ids, 'correlation_id timeline', 18),
      {
        id: ids.next(),
        type: 'table',
        title: 'Recent tasks by correlation_id',
        description:
          'Latest spans that carry a correlation_id, newest first. Click a correlation_id or task_uuid to open the task in the Tasker app.',
        gridPos: gridPos(0, 19, 24, 12),
        datasource: TEMPO,
        targets: [
          traceqlTarget(
            'A',
            `{span.correlation_id != nil && resource.service.name =~ "${TASKER_SERVICES}"} | select(span.correlation_id, span.task_uuid, .namespace, span.step_name)`,
            {
              metricsQueryType: undefined,
              limit: 50,
              spss: 3,
              tableType: 'spans',
            }
          ),
        ],
        fieldConfig: {
          defaults: { custom: { align: 'auto', cellOptions: { type: 'auto' }, inspect: false } },
          overrides: ['correlation_id', 'task_uuid'].map((name) => ({
            matcher: { id: 'byRegexp', options: `/${name}/` },
            properties: [
              { id: 'displayName', value: name },
              { id: 'links', value: [{ title: 'Open task ${__value.raw} in Tasker', url: APP_TASK_URL }] },
            ],
          })),
        },
        options: { showHeader: true, cellHeight: 'sm', footer: { show: false, reducer: ['sum'], fields: '' } },
      },
    ],
  });
}

function phases(): Json {
  const ids = new PanelIds();
  const perPhase = (fn: (names: string) => string) =>
    Object.entries(PHASE_SPANS).map(([phase, names], i) => promTarget(String.fromCharCode(65 + i), fn(names), phase));
  return dashboard({
    uid: 'tasker-phases',
    title: 'Tasker phases',
    revision: 1,
    tags: ['tasker'],
    description:
      'Where Tasker spends time: latency per phase (initialization, enqueueing, execution, result processing, finalization), queue operations and retries per namespace.',
    variables: [
      datasourceVariable('tempo', 'Tempo'),
      datasourceVariable('prometheus', 'Prometheus'),
      datasourceVariable('loki', 'Loki'),
      textVariable(
        'services',
        'Services (regex)',
        'tasker-.+',
        'RE2 regex over service.name (set it if OTEL_SERVICE_NAME renames your services)'
      ),
      textVariable('namespace', 'Namespace (regex)', '.+', 'RE2 regex over the namespace attribute'),
    ],
    panels: [
      row(ids, 'Latency per phase (span metrics)', 0),
      timeseries(
        ids,
        'P95 latency per phase',
        'Span names grouped into phases as the Tasker app does (documented and tasker-core names). In the documented model the initialization root spans the whole task.',
        gridPos(0, 1, 12, 9),
        PROM,
        perPhase(
          (n) =>
            `histogram_quantile(0.95, sum by (le) (rate(traces_spanmetrics_latency_bucket{service=~"$services", span_name=~"${n}"}[$__rate_interval])))`
        ),
        's'
      ),
      timeseries(
        ids,
        'Spans per second per phase',
        'Call rate of the spans of each phase.',
        gridPos(12, 1, 12, 9),
        PROM,
        perPhase(
          (n) => `sum(rate(traces_spanmetrics_calls_total{service=~"$services", span_name=~"${n}"}[$__rate_interval]))`
        ),
        'reqps'
      ),
      row(ids, 'Per namespace (TraceQL metrics)', 10),
      timeseries(
        ids,
        'Step execution P95 per namespace',
        'execute_step / handler_execution / worker.step_execution spans that carry a namespace.',
        gridPos(0, 11, 12, 9),
        TEMPO,
        [
          traceqlTarget(
            'A',
            `{name =~ "${PHASE_SPANS.execution}" && .namespace =~ "\${namespace}" && resource.service.name =~ "\${services}"} | quantile_over_time(duration, 0.95) by (.namespace)`
          ),
        ],
        's'
      ),
      timeseries(
        ids,
        'Queue wait per namespace: enqueue and claim P95',
        'Tasker emits no span for the time a step waits in its worker queue; the Tasker app shows that wait per step (gap between enqueue and claim). Here: P95 of the queue operations themselves, the documented enqueue/claim spans per namespace and tasker-core PGMQ sends per worker queue.',
        gridPos(12, 11, 12, 9),
        TEMPO,
        [
          traceqlTarget(
            'A',
            '{name =~ "enqueue_steps_to_worker_queue|try_claim_step" && .namespace =~ "${namespace}" && resource.service.name =~ "${services}"} | quantile_over_time(duration, 0.95) by (.namespace)'
          ),
          traceqlTarget(
            'B',
            '{name = "send_json_message" && span.queue =~ "worker_.+_queue" && resource.service.name =~ "${services}"} | quantile_over_time(duration, 0.95) by (span.queue)'
          ),
        ],
        's'
      ),
      row(ids, 'Retries (Loki)', 20),
      timeseries(
        ids,
        'Retries with backoff per service',
        'Log lines "Applied backoff" (a step scheduled for retry). Needs Tasker logs in Loki (OTEL_LOGS_ENABLED=true).',
        gridPos(0, 21, 24, 8),
        LOKI,
        [
          logqlTarget(
            'A',
            'sum by (service_name) (count_over_time({service_name=~"${services}"} |= "Applied backoff" [$__auto]))',
            '{{service_name}}'
          ),
        ]
      ),
    ],
  });
}

function tempo(): Json {
  const ids = new PanelIds();
  const sel = 'service=~"$services"';
  const calls = (more = '') => `rate(traces_spanmetrics_calls_total{${sel}${more}}[$__rate_interval])`;
  const quantile = (q: string) =>
    `histogram_quantile(${q}, sum by (le) (rate(traces_spanmetrics_latency_bucket{${sel}}[$__rate_interval])))`;
  return dashboard({
    uid: 'tasker-tempo',
    title: 'Tempo',
    revision: 2,
    tags: ['tasker', 'tempo'],
    description:
      "The Tempo dashboard Tasker's guide promises (otel-lgtm has none): total spans, span rate, error rate and duration histograms, from Tempo's span metrics and TraceQL metrics.",
    variables: [
      datasourceVariable('prometheus', 'Prometheus'),
      datasourceVariable('tempo', 'Tempo'),
      textVariable('services', 'Services (regex)', '.+', 'RE2 regex over service.name'),
    ],
    panels: [
      stat(ids, 'Total spans', 'Spans received in the time range.', gridPos(0, 0, 6, 5), PROM, [
        promTarget('A', `sum(increase(traces_spanmetrics_calls_total{${sel}}[$__range]))`, 'spans', {
          instant: true,
          range: false,
        }),
      ]),
      stat(
        ids,
        'Span rate',
        'Spans per second (last value).',
        gridPos(6, 0, 6, 5),
        PROM,
        [promTarget('A', `sum(${calls()})`, 'spans/s')],
        'reqps'
      ),
      stat(
        ids,
        'Error rate',
        'Share of spans with error status.',
        gridPos(12, 0, 6, 5),
        PROM,
        [promTarget('A', `sum(${calls(', status_code="STATUS_CODE_ERROR"')}) / sum(${calls()})`, 'errors')],
        'percentunit',
        {
          mode: 'absolute',
          steps: [
            { color: 'green', value: null },
            { color: 'orange', value: 0.01 },
            { color: 'red', value: 0.05 },
          ],
        }
      ),
      stat(
        ids,
        'P95 latency',
        'All spans.',
        gridPos(18, 0, 6, 5),
        PROM,
        [promTarget('A', quantile('0.95'), 'p95')],
        's'
      ),
      timeseries(
        ids,
        'Span rate per service',
        '',
        gridPos(0, 5, 12, 8),
        PROM,
        [promTarget('A', `sum by (service) (${calls()})`, '{{service}}')],
        'reqps'
      ),
      timeseries(
        ids,
        'Error rate per service',
        '',
        gridPos(12, 5, 12, 8),
        PROM,
        [
          promTarget(
            'A',
            `sum by (service) (${calls(', status_code="STATUS_CODE_ERROR"')}) / sum by (service) (${calls()})`,
            '{{service}}'
          ),
        ],
        'percentunit'
      ),
      heatmap(
        ids,
        'Duration histogram (span metrics)',
        'Span count per duration bucket over time.',
        gridPos(0, 13, 12, 9),
        PROM,
        [
          promTarget(
            'A',
            `sum by (le) (increase(traces_spanmetrics_latency_bucket{${sel}}[$__rate_interval]))`,
            '{{le}}',
            { format: 'heatmap' }
          ),
        ],
        'Oranges'
      ),
      timeseries(
        ids,
        'Latency percentiles',
        'P50, P95 and P99 of all spans.',
        gridPos(12, 13, 12, 9),
        PROM,
        [
          promTarget('A', quantile('0.50'), 'p50', EXEMPLARS),
          promTarget('B', quantile('0.95'), 'p95', EXEMPLARS),
          promTarget('C', quantile('0.99'), 'p99', EXEMPLARS),
        ],
        's'
      ),
      heatmap(
        ids,
        'Duration histogram (TraceQL metrics)',
        'Straight from Tempo: no span metrics needed.',
        gridPos(0, 22, 12, 9),
        TEMPO,
        [traceqlTarget('A', '{resource.service.name =~ "${services}"} | histogram_over_time(duration)')],
        'Blues'
      ),
      timeseries(
        ids,
        'Tasker P95 per span name',
        'Tasker services only (the app default ^tasker-.+$).',
        gridPos(12, 22, 12, 9),
        PROM,
        [promTarget('A', SHARED_QUERIES.p95BySpanName, '{{span_name}}', EXEMPLARS)],
        's'
      ),
    ],
  });
}

/** File name (in src/dashboards/) → dashboard JSON. */
export function buildDashboards(): Record<string, Json> {
  return { 'tasker-overview.json': overview(), 'tasker-phases.json': phases(), 'tasker-tempo.json': tempo() };
}

export function serializeDashboard(d: Json): string {
  return JSON.stringify(d, null, 2) + '\n';
}
