import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { TimeRange } from '@grafana/data';
import { absoluteRange } from '../../data/timeRange';
import { edgeParam, rangeFromParams } from './timeParams';

export interface UrlTimeRange {
  range: TimeRange;
  setRange: (range: TimeRange) => void;
  moveBackward: () => void;
  moveForward: () => void;
  zoomOut: () => void;
  /** Re-evaluates relative edges such as `now` (for Retry / Refresh). */
  refresh: () => void;
}

/** Reads a page's range from the URL's `from`/`to` text, with that page's default for what is missing. */
export type RangeParser = (from: string | null, to: string | null) => TimeRange;

/**
 * The time range in the URL (`from`, `to`): picking a range pushes a history entry, so back/forward work.
 * `parse` sets the page's default: the last hour here (tasks, logs); the flow page passes its 6-hour parser.
 */
export function useUrlTimeRange(parse: RangeParser = rangeFromParams): UrlTimeRange {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const [evaluation, setEvaluation] = useState(0);
  // Keyed on the text (and the refresh counter) so `now` is not re-evaluated on every render.
  const range = useMemo(() => parse(from, to), [parse, from, to, evaluation]); // eslint-disable-line react-hooks/exhaustive-deps

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
      const span = range.to.valueOf() - range.from.valueOf();
      const f = range.from.valueOf() + direction * (span / 2);
      const t = range.to.valueOf() + direction * (span / 2);
      setRange(absoluteRange(Math.round(f), Math.round(t)));
    },
    [range, setRange]
  );
  const zoomOut = useCallback(() => {
    const span = range.to.valueOf() - range.from.valueOf();
    const f = range.from.valueOf() - span / 2;
    const t = range.to.valueOf() + span / 2;
    setRange(absoluteRange(Math.round(f), Math.round(t)));
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
