import React from 'react';
import { formatMs } from './format';
import type { SpanTreeStyles } from './spanTreeStyles';
import { testIds } from '../../testIds';

const TICKS = [0, 0.25, 0.5, 0.75, 1];

/** Header of the waterfall: offsets from the task's first span, shared by every row's bar. */
export function TimeAxis({
  styles,
  durationMs,
  rowCount,
  spanCount,
}: {
  styles: SpanTreeStyles;
  durationMs: number;
  rowCount: number;
  spanCount: number;
}) {
  return (
    <div className={styles.axis}>
      <div className={styles.axisName} data-testid={testIds.flow.rowCount}>
        {rowCount.toLocaleString('en-US')} of {spanCount.toLocaleString('en-US')} spans shown
      </div>
      <div className={styles.axisTicks} aria-hidden>
        {TICKS.map((t) => (
          <span
            key={t}
            className={styles.tick}
            style={{ left: `${t * 100}%`, transform: t === 1 ? 'translateX(-100%)' : undefined }}
          >
            {formatMs(t * durationMs)}
          </span>
        ))}
      </div>
    </div>
  );
}
