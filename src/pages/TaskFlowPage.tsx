import React, { useCallback, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, Button, LinkButton, LoadingBar, useStyles2 } from '@grafana/ui';
import { buildTaskFlow } from '../flow';
import { prefixRoute, ROUTES } from '../constants';
import { useAppSettings } from '../settings/useAppSettings';
import { TaskFlowView } from '../components/flow/TaskFlowView';
import { formatTime } from '../components/flow/format';
import { Toolbar } from '../components/filters/Toolbar';
import { useUrlTimeRange } from '../components/filters/useUrlTimeRange';
import { rangeFromUrl } from '../components/flow/urlRange';
import { flowPageNav } from '../components/flow/flowPageNav';
import { useTaskFrames, type FlowSource } from '../components/flow/useTaskFrames';
import { testIds } from '../testIds';

/** URL search param holding the selected span, so a shared link opens on it. */
export const SPAN_PARAM = 'span';

/**
 * `tasks/:taskId` (a correlation_id or task_uuid: every trace of the task stitched into one flow) and
 * `trace/:traceId` (one trace as a flow). Time range from the URL's `from`/`to`, last 6 hours by default.
 */
function TaskFlowPage() {
  const styles = useStyles2(getStyles);
  const { taskId, traceId } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const settings = useAppSettings();
  const time = useUrlTimeRange(rangeFromUrl);
  const range = time.range;
  const mode: 'task' | 'trace' = traceId !== undefined ? 'trace' : 'task';
  const requestedId = (traceId ?? taskId ?? '').trim();
  const source: FlowSource =
    mode === 'trace' ? { kind: 'trace', traceId: requestedId } : { kind: 'task', taskId: requestedId };
  const [attempt, setAttempt] = useState(0);
  const state = useTaskFrames(source, range, settings, attempt);

  const flow = useMemo(() => {
    if (state.status !== 'done') {
      return undefined;
    }
    return buildTaskFlow(state.frames, { phaseRules: settings.phaseRules, truncated: state.truncated });
  }, [state, settings.phaseRules]);

  const selectedSpanId = searchParams.get(SPAN_PARAM) ?? undefined;
  const onSelectSpan = useCallback(
    (spanId: string | undefined) => {
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (spanId === undefined) {
            next.delete(SPAN_PARAM);
          } else {
            next.set(SPAN_PARAM, spanId);
          }
          return next;
        },
        { replace: true }
      );
    },
    [setSearchParams]
  );

  // Back to the list in the same time range.
  const rangeParams = new URLSearchParams();
  for (const key of ['from', 'to']) {
    const v = searchParams.get(key);
    if (v) {
      rangeParams.set(key, v);
    }
  }
  const rangeQuery = rangeParams.toString();
  const tasksHref = `${prefixRoute(ROUTES.Tasks)}${rangeQuery ? `?${rangeQuery}` : ''}`;
  const title = mode === 'trace' ? 'Trace flow' : 'Task flow';
  const rangeText = `${formatTime(range.from.valueOf())} – ${formatTime(range.to.valueOf())}`;

  return (
    <PluginPage pageNav={flowPageNav(mode, requestedId, tasksHref)}>
      <div className={styles.page}>
        <Toolbar
          time={time}
          onRefresh={() => {
            time.refresh();
            setAttempt((a) => a + 1);
          }}
        >
          <LinkButton size="sm" variant="secondary" fill="text" icon="arrow-left" href={tasksHref}>
            All tasks
          </LinkButton>
          <span className={styles.muted}>
            {title} · {rangeText}
          </span>
        </Toolbar>
        {state.status === 'loading' && (
          <div data-testid={testIds.flow.loading} className={styles.loading}>
            <LoadingBar width={400} />
            <span className={styles.muted}>
              Loading {mode === 'trace' ? 'the trace' : 'every trace of the task'}{' '}
              <span className={styles.id}>{requestedId}</span>…
            </span>
          </div>
        )}
        {state.status === 'error' && (
          <Alert
            data-testid={testIds.flow.error}
            severity={state.error.kind === 'empty' ? 'info' : 'error'}
            title={state.error.title}
          >
            <p>{state.error.hint}</p>
            <Button size="sm" variant="secondary" icon="sync" onClick={() => setAttempt((a) => a + 1)}>
              Retry
            </Button>
          </Alert>
        )}
        {state.status === 'done' && flow && flow.spanCount === 0 && (
          <Alert data-testid={testIds.flow.empty} severity="info" title={`No spans for ${requestedId}`}>
            <p>
              Tempo answered but returned no spans. Widen the time range, or check that the id is a correlation_id,
              task_uuid or trace id.
            </p>
            <Button size="sm" variant="secondary" icon="sync" onClick={() => setAttempt((a) => a + 1)}>
              Retry
            </Button>
          </Alert>
        )}
        {state.status === 'done' && state.progress && (
          <div data-testid="flow-progress" role="status" className={styles.progress}>
            <LoadingBar width={160} />
            <span className={styles.muted}>
              {state.progress.loaded} of {state.progress.expected} traces loaded…
            </span>
          </div>
        )}
        {state.status === 'done' && !state.progress && state.failedTraceIds.length > 0 && (
          <Alert severity="warning" title={`${state.failedTraceIds.length} trace(s) of this task could not be loaded`}>
            The flow below is missing their spans. Retry to try them again.
            <Button size="sm" variant="secondary" icon="sync" onClick={() => setAttempt((a) => a + 1)}>
              Retry
            </Button>
          </Alert>
        )}
        {state.status === 'done' && flow && flow.spanCount > 0 && (
          <TaskFlowView
            key={`${mode}:${requestedId}`}
            flow={flow}
            mode={mode}
            requestedId={requestedId}
            loading={state.progress !== undefined}
            range={range}
            settings={settings}
            selectedSpanId={selectedSpanId}
            onSelectSpan={onSelectSpan}
          />
        )}
      </div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
  }),
  muted: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  id: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    unicodeBidi: 'isolate',
    overflowWrap: 'anywhere',
  }),
  progress: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  }),
  loading: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  }),
});

export default TaskFlowPage;
