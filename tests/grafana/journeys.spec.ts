// The journeys of the sandbox specs (tests/pages/journeys.ts), against a real Grafana with the compose stack
// (Tempo, Loki, the workload generator feeding them). Skipped, never passed, when no Grafana answers (see
// global-setup.ts); with REQUIRE_GRAFANA set, no Grafana or no data fails.
import { test } from '@grafana/plugin-e2e';
import { journeys, type JourneyName } from '../pages/journeys';
import { grafanaHost as host, skipWithoutGrafana } from './grafana';

skipWithoutGrafana();

const TITLES: Record<JourneyName, string> = {
  findTaskByCorrelationId: 'finds a task by correlation_id and opens its flow',
  findTaskByTaskUuid: 'finds a task by task_uuid',
  filterByNamespace: 'filters by namespace with values from Tempo',
  searchLivesInTheUrl: 'keeps the search in the URL: share, reload, back',
  invalidIdIsRefused: 'an invalid id shows the field error',
  hostileInputStaysText: 'hostile-looking input stays text in the query preview',
  openTaskFlow: 'opens a task by correlation_id with its header, phases, tree and logs',
  expandAndCollapse: 'expands and collapses all and one node',
  selectSpanAndShare: 'selects a span, reads its attributes and logs, and the shared URL reopens on it',
  followLogLineToTask: 'follows a log line to its task flow',
  exploreLinkOfSpan: 'a span links to Explore with the trace and the span',
  logsOfTaskToFlow: 'finds the logs of a task and follows a line to its task flow',
  logLineToTrace: 'follows a log line to its trace',
  configurationProbes: 'the configuration page probes the datasources',
};

test.describe('Tasker in Grafana: the sandbox journeys', () => {
  for (const [name, title] of Object.entries(TITLES) as Array<[JourneyName, string]>) {
    test(title, async ({ page, context }) => {
      test.setTimeout(240_000);
      await journeys[name]({ page, context, host });
    });
  }
});
