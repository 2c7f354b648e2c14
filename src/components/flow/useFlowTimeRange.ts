import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { TimeRange } from '@grafana/data';
import { absoluteRange } from '../../data/timeRange';
import type { UrlTimeRange } from '../filters/useUrlTimeRange';
import { edgeParam } from '../filters/timeParams';
import { rangeFromUrl } from './urlRange';

/**
 * The flow page's range in the URL (`from`, `to`; last 6 hours by default: a task's traces are spread over its
 * run). Same shape as the tasks page's, so the shared toolbar drives both; picking pushes a history entry.
 */
export function useFlowTimeRange(): UrlTimeRange {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const [evaluation, setEvaluation] = useState(0);
  const range = useMemo(() => {
    // `evaluation` re-evaluates relative edges such as `now` on refresh.
    void evaluation;
    return rangeFromUrl(from, to);
  }, [from, to, evaluation]);

  const setRange = useCallback(
    (next: TimeRange) => {
      setParams((prev) => {
        const p = new URLSearchParams(prev);
        p.set('from', edgeParam(next.raw.from));
        p.set('to', edgeParam(next.raw.to));
        return p;
      });
    },
    [setParams]
  );
  const shift = useCallback(
    (direction: -1 | 1) => {
      const half = (range.to.valueOf() - range.from.valueOf()) / 2;
      setRange(
        absoluteRange(
          Math.round(range.from.valueOf() + direction * half),
          Math.round(range.to.valueOf() + direction * half)
        )
      );
    },
    [range, setRange]
  );
  const zoomOut = useCallback(() => {
    const half = (range.to.valueOf() - range.from.valueOf()) / 2;
    setRange(absoluteRange(Math.round(range.from.valueOf() - half), Math.round(range.to.valueOf() + half)));
  }, [range, setRange]);

  return {
    range,
    setRange,
    moveBackward: () => shift(-1),
    moveForward: () => shift(1),
    zoomOut,
    refresh: () => setEvaluation((n) => n + 1),
  };
}
