import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, Button, ClipboardButton, IconButton, LinkButton, useStyles2 } from '@grafana/ui';
import type { FlowSpan, KeyValue } from '../../flow/types';
import { formatMs, formatTime, valueToText } from './format';
import { PHASE_LABELS } from './phaseColors';
import { testIds } from '../../testIds';

export interface SpanDetailsProps {
  span: FlowSpan;
  /** Explore deep link to the span's trace, focused on the span; absent for synthetic nodes. */
  exploreHref?: string;
  onShowLogs?: (span: FlowSpan) => void;
  onClose?: () => void;
  /** Rows of the attributes table at most (Tasker records whole Debug strings as attributes). */
  maxRows?: number;
  /** Sizing from the layout around the panel (e.g. its share of a column). */
  className?: string;
}

const STATUS = {
  0: { text: 'Unset', color: 'blue' },
  1: { text: 'OK', color: 'green' },
  2: { text: 'Error', color: 'red' },
} as const;

function KeyValueTable({
  title,
  rows,
  testId,
  maxRows,
}: {
  title: string;
  rows: KeyValue[];
  testId: string;
  maxRows: number;
}) {
  const styles = useStyles2(getStyles);
  if (rows.length === 0) {
    return null;
  }
  const shown = rows.slice(0, maxRows);
  return (
    <section>
      <h4 className={styles.sectionTitle}>{title}</h4>
      <table className={styles.table} data-testid={testId}>
        <tbody>
          {shown.map((kv, i) => (
            <tr key={i}>
              <th className={styles.key} title={kv.key}>
                {kv.key}
              </th>
              <td>
                <div className={styles.value}>{valueToText(kv.value)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && <div className={styles.muted}>{rows.length - shown.length} more not shown</div>}
    </section>
  );
}

/** A small copy-to-clipboard icon after an id. */
function CopyButton({ text, label }: { text: string; label: string }) {
  return (
    <ClipboardButton icon="copy" variant="secondary" fill="text" size="sm" getText={() => text} aria-label={label} />
  );
}

/** Everything one span carries, as text, with links to its trace in Explore and to its logs. */
export function SpanDetails({ span, exploreHref, onShowLogs, onClose, maxRows = 500, className }: SpanDetailsProps) {
  const styles = useStyles2(getStyles);
  const status = STATUS[span.statusCode] ?? STATUS[0];
  return (
    <aside className={cx(styles.panel, className)} data-testid={testIds.span.details} aria-label="Span details">
      <div className={styles.head}>
        <h3 className={styles.name} title={span.name}>
          {span.name}
        </h3>
        {onClose && <IconButton name="times" tooltip="Close details" onClick={onClose} />}
      </div>
      <div className={styles.badges}>
        <Badge text={status.text} color={status.color} />
        <Badge text={PHASE_LABELS[span.phase] ?? span.phase} color="blue" />
        {span.synthetic && <Badge text="Grouping node" color="purple" />}
      </div>
      {span.statusMessage && (
        <div className={styles.statusMessage} data-testid={testIds.span.statusMessage}>
          {span.statusMessage}
        </div>
      )}
      <div className={styles.actions}>
        {exploreHref && (
          <LinkButton
            size="sm"
            variant="secondary"
            icon="compass"
            href={exploreHref}
            target="_blank"
            rel="noopener noreferrer"
          >
            Open trace in Explore
          </LinkButton>
        )}
        {onShowLogs && (!span.synthetic || span.stepUuid) && (
          <Button
            size="sm"
            variant="secondary"
            icon="gf-logs"
            onClick={() => onShowLogs(span)}
            data-testid={testIds.span.logsButton}
          >
            {span.synthetic ? 'Logs for this step' : 'Logs for this span'}
          </Button>
        )}
      </div>
      <dl className={styles.facts}>
        <dt>Service</dt>
        <dd className={styles.text}>{span.serviceName}</dd>
        <dt>Span id</dt>
        <dd className={styles.mono}>
          {span.spanId}
          <CopyButton text={span.spanId} label="Copy span id" />
        </dd>
        <dt>Trace id</dt>
        <dd className={styles.mono}>
          {span.traceId}
          {span.traceId && <CopyButton text={span.traceId} label="Copy trace id" />}
        </dd>
        <dt>Parent</dt>
        <dd className={styles.mono}>{span.parentSpanId || '—'}</dd>
        {span.stepUuid && (
          <>
            <dt>Step</dt>
            <dd className={styles.mono}>{span.stepUuid}</dd>
          </>
        )}
        <dt>Start</dt>
        <dd>{formatTime(span.startMs)}</dd>
        <dt>Duration</dt>
        <dd>{formatMs(span.durationMs)}</dd>
        {span.kind && (
          <>
            <dt>Kind</dt>
            <dd className={styles.text}>{span.kind}</dd>
          </>
        )}
      </dl>
      <KeyValueTable title="Attributes" rows={span.attributes} testId={testIds.span.attributes} maxRows={maxRows} />
      {span.events.length > 0 && (
        <section>
          <h4 className={styles.sectionTitle}>Events</h4>
          <ul className={styles.events} data-testid={testIds.span.events}>
            {span.events.slice(0, maxRows).map((ev, i) => (
              <li key={i} className={styles.event}>
                <div>
                  <span className={styles.muted}>+{formatMs(ev.timeMs - span.startMs)}</span>{' '}
                  <span className={styles.text}>{ev.name || '(unnamed event)'}</span>
                </div>
                {ev.fields.length > 0 && (
                  <table className={styles.table}>
                    <tbody>
                      {ev.fields.map((kv, k) => (
                        <tr key={k}>
                          <th className={styles.key}>{kv.key}</th>
                          <td>
                            <div className={styles.value}>{valueToText(kv.value)}</div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <KeyValueTable title="Resource" rows={span.resource} testId={testIds.span.resource} maxRows={maxRows} />
    </aside>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    padding: theme.spacing(1.5),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.primary,
    minWidth: 0,
    overflow: 'auto',
  }),
  head: css({
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
  }),
  name: css({
    flex: 1,
    margin: 0,
    fontSize: theme.typography.h5.fontSize,
    overflowWrap: 'anywhere',
    unicodeBidi: 'isolate',
  }),
  badges: css({
    display: 'flex',
    gap: theme.spacing(0.5),
    flexWrap: 'wrap',
  }),
  statusMessage: css({
    color: theme.colors.error.text,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
    unicodeBidi: 'isolate',
  }),
  actions: css({
    display: 'flex',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  }),
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.25, 1.5),
    margin: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    dt: { color: theme.colors.text.secondary },
    dd: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  }),
  text: css({
    unicodeBidi: 'isolate',
  }),
  mono: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    unicodeBidi: 'isolate',
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  }),
  sectionTitle: css({
    fontSize: theme.typography.bodySmall.fontSize,
    textTransform: 'uppercase',
    color: theme.colors.text.secondary,
    margin: theme.spacing(1, 0, 0.5),
  }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      padding: theme.spacing(0.25, 0.5),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      verticalAlign: 'top',
      textAlign: 'left',
    },
  }),
  key: css({
    width: '35%',
    fontWeight: theme.typography.fontWeightMedium,
    color: theme.colors.text.secondary,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    unicodeBidi: 'isolate',
  }),
  value: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    // Room below the baseline: a scroll box clips underscores at a tight line height.
    lineHeight: 1.5,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    maxHeight: 200,
    overflow: 'auto',
    unicodeBidi: 'isolate',
  }),
  events: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  }),
  event: css({
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  muted: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
