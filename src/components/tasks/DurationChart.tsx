import React, { useEffect, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, TimeRange } from '@grafana/data';
import {
  AxisPlacement,
  GraphDrawStyle,
  ScaleDirection,
  ScaleDistribution,
  ScaleOrientation,
  VisibilityMode,
} from '@grafana/schema';
import { UPlotChart, UPlotConfigBuilder, useStyles2, useTheme2 } from '@grafana/ui';
import type uPlot from 'uplot';
import type { TaskRow } from '../../data/taskRow';
import { formatMs } from '../flow/format';
import { CHART_STATUSES, durationChartData, nearestTask, type DurationChartData } from './DurationChartData';

export interface DurationChartProps {
  rows: TaskRow[];
  range: TimeRange;
  /** Clicking a point opens its task. */
  onOpen: (row: TaskRow) => void;
  height?: number;
}

const STATUS_COLORS: Record<TaskRow['status'], string> = { ok: 'green', error: 'red', unset: 'blue' };
const STATUS_LABELS: Record<TaskRow['status'], string> = { ok: 'ok', error: 'error', unset: 'not finalized' };

function statusColor(theme: GrafanaTheme2, status: TaskRow['status']): string {
  return theme.visualization.getColorByName(STATUS_COLORS[status]);
}

/** Width of an element, followed as it resizes (0 until measured). */
function useWidth(ref: React.RefObject<HTMLElement>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) {
      return;
    }
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') {
      return;
    }
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** uPlot config through Grafana's own builder: its axes, theme colours and time formatting. */
function buildConfig(theme: GrafanaTheme2, range: TimeRange): UPlotConfigBuilder {
  const b = new UPlotConfigBuilder();
  b.addScale({
    scaleKey: 'x',
    isTime: true,
    orientation: ScaleOrientation.Horizontal,
    direction: ScaleDirection.Right,
    range: () => [range.from.valueOf(), range.to.valueOf()],
  });
  // Task durations spread over orders of magnitude (a slow step turns 300 ms into 10 s): a log scale keeps both.
  b.addScale({
    scaleKey: 'ms',
    orientation: ScaleOrientation.Vertical,
    direction: ScaleDirection.Up,
    distribution: ScaleDistribution.Log,
    log: 10,
  });
  b.addAxis({ scaleKey: 'x', isTime: true, placement: AxisPlacement.Bottom, theme });
  b.addAxis({
    scaleKey: 'ms',
    placement: AxisPlacement.Left,
    theme,
    distr: ScaleDistribution.Log,
    formatValue: (v: number) => formatMs(v),
  });
  for (const status of CHART_STATUSES) {
    const color = statusColor(theme, status);
    b.addSeries({
      scaleKey: 'ms',
      theme,
      drawStyle: GraphDrawStyle.Points,
      showPoints: VisibilityMode.Always,
      pointSize: 7,
      pointColor: color,
      lineColor: color,
      lineWidth: 0,
      spanNulls: false,
    });
  }
  const line = (color: string, dash?: number[]) =>
    b.addSeries({
      scaleKey: 'ms',
      theme,
      drawStyle: GraphDrawStyle.Line,
      showPoints: VisibilityMode.Never,
      lineWidth: 1,
      lineColor: color,
      lineStyle: dash ? { fill: 'dash', dash } : { fill: 'solid' },
      spanNulls: true,
    });
  line(theme.colors.text.secondary);
  line(theme.colors.warning.main, [6, 4]);
  b.setCursor({ points: { show: false }, drag: { x: false, y: false } });
  return b;
}

/** The task under a mouse event on the plot, if a point is close enough. */
function taskAt(plot: uPlot, data: DurationChartData, e: React.MouseEvent): TaskRow | undefined {
  const box = plot.over.getBoundingClientRect();
  return nearestTask(data, e.clientX - box.left, e.clientY - box.top, (row) => ({
    x: plot.valToPos(row.startMs, 'x'),
    y: plot.valToPos(Math.max(row.durationMs, 1e-3), 'ms'),
  }));
}

/** Durations of the listed tasks over time: one point per task coloured by status, p50 and p95 lines. */
export function DurationChart({ rows, range, onOpen, height = 180 }: DurationChartProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const data = useMemo(() => durationChartData(rows), [rows]);
  const config = useMemo(() => buildConfig(theme, range), [theme, range]);
  const [plot, setPlot] = useState<uPlot | undefined>();
  const [hovered, setHovered] = useState<TaskRow | undefined>();

  return (
    <figure className={styles.figure} aria-label="Task durations over time" data-testid="duration-chart">
      <div
        ref={ref}
        className={styles.plot}
        style={{ height, cursor: hovered ? 'pointer' : undefined }}
        onClick={(e) => {
          const row = plot && taskAt(plot, data, e);
          if (row) {
            onOpen(row);
          }
        }}
        onMouseMove={(e) => setHovered(plot && taskAt(plot, data, e))}
        onMouseLeave={() => setHovered(undefined)}
      >
        {width > 0 && data.rows.length > 0 && (
          <UPlotChart config={config} data={data.aligned} width={width} height={height} plotRef={setPlot} />
        )}
      </div>
      <figcaption className={styles.caption}>
        {CHART_STATUSES.map((status) => (
          <span key={status} className={styles.key}>
            <span className={styles.dot} style={{ background: statusColor(theme, status) }} />
            {STATUS_LABELS[status]}
          </span>
        ))}
        <span className={styles.key}>
          <span className={styles.rule} style={{ borderTopColor: theme.colors.text.secondary }} />
          p50 {formatMs(data.p50)}
        </span>
        <span className={styles.key}>
          <span
            className={styles.rule}
            style={{ borderTopColor: theme.colors.warning.main, borderTopStyle: 'dashed' }}
          />
          p95 {formatMs(data.p95)}
        </span>
        <span className={styles.muted} data-testid="duration-chart-hint">
          {hovered
            ? `${hovered.taskName ?? hovered.key}: ${formatMs(hovered.durationMs)} (${STATUS_LABELS[hovered.status]}), click to open`
            : `p50/p95 over ${data.quantileRuns} task${data.quantileRuns === 1 ? '' : 's'} that did not fail; click a point to open its task`}
        </span>
      </figcaption>
    </figure>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  figure: css({
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  }),
  plot: css({
    width: '100%',
    minWidth: 0,
  }),
  caption: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5, 2),
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  key: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  }),
  dot: css({
    width: 8,
    height: 8,
    borderRadius: '50%',
  }),
  rule: css({
    width: 16,
    borderTop: '2px solid',
  }),
  muted: css({
    color: theme.colors.text.secondary,
    unicodeBidi: 'isolate',
  }),
});
