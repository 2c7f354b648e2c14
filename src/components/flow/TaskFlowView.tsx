import React, { useCallback, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, TimeRange } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import type { FlowSpan, StepSummary, TaskFlow } from '../../flow/types';
import type { LogRow, LogTarget } from '../../data/logs';
import type { ResolvedSettings } from '../../settings/types';
import { FlowHeader } from './FlowHeader';
import { HistoryCompare } from './HistoryCompare';
import { useHistoryComparison } from './HistoryCompareState';
import { PhaseBar } from './PhaseBar';
import { StepTable } from './StepTable';
import { SpanDetails } from './SpanDetails';
import { SpanTree } from './SpanTree';
import { TreeCarry } from './treeCarry';
import { TaskLogsPanel } from './TaskLogsPanel';
import { ExportButtons } from '../file/ExportButtons';
import { NoLogsInFile } from '../file/NoLogsInFile';
import { spanExploreHref } from './exploreHref';
import { stepLogTarget, taskLogTarget } from './logTargets';
import { TaskOfTraceLink } from './TaskOfTraceLink';
import { useSummarizedFlow } from './useSummarizedFlow';

export interface TaskFlowViewProps {
  flow: TaskFlow;
  mode: 'task' | 'trace';
  /** The id from the URL. */
  requestedId: string;
  /** More traces of the task are on their way (the flow grows as they arrive). */
  loading?: boolean;
  range: TimeRange;
  settings: ResolvedSettings;
  /** Selected span id (kept in the URL by the page so a shared link opens on it). */
  selectedSpanId?: string;
  onSelectSpan: (spanId: string | undefined) => void;
  /** Viewport height of the tree, px; measured when absent. */
  treeHeight?: number;
  /** Set when the spans come from a task file (the file page): its name; no logs query, no Explore links. */
  fileName?: string;
  /** Flows of at least this many nodes paint their tree before their summaries (default: useSummarizedFlow's). */
  deferSummariesFrom?: number;
}

const flowKeys = new WeakMap<TaskFlow, number>();
let nextFlowKey = 1;

/** A key per flow object: the tree's expand/filter state belongs to one flow and starts over with a new one. */
function flowKey(flow: TaskFlow): number {
  let key = flowKeys.get(flow);
  if (key === undefined) {
    key = nextFlowKey++;
    flowKeys.set(flow, key);
  }
  return key;
}

/** What the logs panel shows: the task's logs, one step's, or one span's. */
type LogsFor =
  | { kind: 'task' }
  | { kind: 'step'; stepUuid: string; name: string }
  | { kind: 'span'; traceId: string; spanId: string; name: string };

/** The task flow once its spans are in: header, phases, the tree with its waterfall, span details and logs. */
export function TaskFlowView(props: TaskFlowViewProps) {
  const { flow, mode, requestedId, range, settings, selectedSpanId, onSelectSpan, treeHeight, fileName } = props;
  const styles = useStyles2(getStyles);
  const [logsFor, setLogsFor] = useState<LogsFor>({ kind: 'task' });
  // The tree's open spans and scroll survive a rebuilt flow (more traces arrived): one carry per task.
  const [carry] = useState(() => new TreeCarry());
  // Phase bar, steps, anomalies and logs come from the flow's summaries: a large flow paints them a frame after
  // the tree's rows.
  const summarized = useSummarizedFlow(flow, props.deferSummariesFrom);
  // "Is this task slow?": loads after the flow is drawn; slow phases and steps are highlighted once it is in.
  const history = useHistoryComparison(
    summarized ?? flow,
    fileName !== undefined ? 'file' : mode,
    settings,
    props.loading || summarized !== flow
  );
  const slow = history.status === 'done' ? history.comparison : undefined;

  const selectedIndex = selectedSpanId !== undefined ? flow.indexOf(selectedSpanId) : -1;
  const selectedSpan = useMemo(
    () => (selectedSpanId !== undefined && selectedIndex >= 0 ? flow.span(selectedSpanId) : undefined),
    [flow, selectedSpanId, selectedIndex]
  );

  const onSelectIndex = useCallback((i: number) => onSelectSpan(flow.idAt(i)), [flow, onSelectSpan]);
  const onSelectStep = useCallback(
    (step: StepSummary) => {
      if (step.spanIds.length > 0) {
        onSelectSpan(step.spanIds[0]);
      }
    },
    [onSelectSpan]
  );
  const onShowLogs = useCallback(
    (span: FlowSpan) =>
      setLogsFor(
        span.synthetic && span.stepUuid
          ? { kind: 'step', stepUuid: span.stepUuid, name: span.name }
          : { kind: 'span', traceId: span.traceId, spanId: span.spanId, name: span.name }
      ),
    []
  );

  const onSelectLog = useCallback(
    (row: LogRow) => {
      if (row.spanId && flow.indexOf(row.spanId) >= 0) {
        onSelectSpan(row.spanId);
      }
    },
    [flow, onSelectSpan]
  );

  const logTarget: LogTarget | undefined =
    logsFor.kind === 'span'
      ? { traceId: logsFor.traceId, spanId: logsFor.spanId }
      : summarized &&
        ((logsFor.kind === 'step' ? stepLogTarget(summarized, logsFor.stepUuid) : undefined) ??
          taskLogTarget(summarized, mode, requestedId));

  return (
    <div className={styles.page}>
      <FlowHeader
        flow={flow}
        requestedId={requestedId}
        mode={mode}
        onSelectSpan={onSelectSpan}
        anomalies={
          !summarized
            ? null
            : slow && slow.anomalies.length > 0
              ? [...slow.anomalies, ...summarized.anomalies]
              : summarized.anomalies
        }
        actions={
          <>
            {mode === 'trace' && <TaskOfTraceLink flow={flow} />}
            <ExportButtons flow={flow} requestedId={requestedId} />
          </>
        }
      />
      {summarized && <PhaseBar flow={summarized} slowPhases={slow?.slowPhases} />}
      {summarized && (
        <StepTable steps={summarized.steps} onSelectStep={onSelectStep} slowStepUuids={slow?.slowStepUuids} />
      )}
      {fileName === undefined && <HistoryCompare state={history} />}
      <div className={styles.main}>
        <div className={styles.tree} style={treeHeight === undefined ? undefined : { height: 'auto' }}>
          <SpanTree
            key={flowKey(flow)}
            flow={flow}
            selectedIndex={selectedIndex}
            onSelect={onSelectIndex}
            height={treeHeight}
            carry={carry}
          />
        </div>
        <div className={styles.side}>
          {selectedSpan && (
            <SpanDetails
              className={styles.details}
              span={selectedSpan}
              exploreHref={fileName === undefined ? spanExploreHref(selectedSpan, settings, range) : undefined}
              onShowLogs={fileName === undefined ? onShowLogs : undefined}
              onClose={() => onSelectSpan(undefined)}
            />
          )}
          {fileName !== undefined && <NoLogsInFile className={styles.logs} fileName={fileName} />}
          {fileName === undefined && logTarget && (
            <TaskLogsPanel
              className={styles.logs}
              target={logTarget}
              subject={
                logsFor.kind === 'span'
                  ? `span ${logsFor.name}`
                  : logsFor.kind === 'step'
                    ? logsFor.name
                    : mode === 'trace'
                      ? 'this trace'
                      : 'this task'
              }
              range={range}
              settings={settings}
              onShowTaskLogs={logsFor.kind !== 'task' ? () => setLogsFor({ kind: 'task' }) : undefined}
              onSelectLog={onSelectLog}
            />
          )}
        </div>
      </div>
    </div>
  );
}

// The tree's viewport and the side column share one height, so both end on the same line.
const MAIN_HEIGHT = 'max(420px, calc(100vh - 260px))';
// The details take up to ~60% of that height and scroll inside; the logs keep the rest.
const DETAILS_MAX_HEIGHT = 'max(252px, calc(60vh - 156px))';
const LOGS_MIN_HEIGHT = 220;

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    minWidth: 0,
  }),
  main: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(360px, 36%)',
    gap: theme.spacing(2),
    alignItems: 'start',
    [theme.breakpoints.down('lg')]: {
      gridTemplateColumns: 'minmax(0, 1fr)',
    },
  }),
  tree: css({
    // The tree measures this height; the page scrolls past the header, the tree scrolls its rows.
    height: MAIN_HEIGHT,
    minWidth: 0,
  }),
  side: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    minWidth: 0,
    maxHeight: MAIN_HEIGHT,
    // Only when a short window cannot fit both panels at their least height.
    overflow: 'auto',
  }),
  details: css({
    // Never squeezed by the logs: the panel is as tall as its content up to its cap, then scrolls itself.
    flex: '0 0 auto',
    maxHeight: DETAILS_MAX_HEIGHT,
    overflow: 'auto',
  }),
  logs: css({
    // The rest of the column; the log lines scroll inside the panel.
    flex: '1 1 auto',
    minHeight: LOGS_MIN_HEIGHT,
  }),
});
