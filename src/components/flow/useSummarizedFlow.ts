import { useEffect, useState } from 'react';
import type { TaskFlow } from '../../flow/types';

/** A flow whose phase totals, steps, critical path and anomalies are computed (flows that are not lazy count too). */
function summarized(flow: TaskFlow): boolean {
  return flow.summariesReady !== false;
}

/**
 * Runs `run` once, just after the next frame is painted (a timer queued from requestAnimationFrame runs after that
 * frame). A timer alone covers pages without frames: jsdom, or a tab in the background.
 */
function afterNextPaint(run: () => void): () => void {
  let done = false;
  const once = () => {
    if (!done) {
      done = true;
      run();
    }
  };
  const timers: Array<ReturnType<typeof setTimeout>> = [setTimeout(once, 250)];
  const frame =
    typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => timers.push(setTimeout(once, 0))) : -1;
  return () => {
    done = true;
    timers.forEach(clearTimeout);
    if (frame !== -1) {
      cancelAnimationFrame(frame);
    }
  };
}

/** Flows of fewer nodes are summed up as they are drawn: for them it takes a few milliseconds. */
export const DEFER_SUMMARIES_FROM_NODES = 20_000;

/**
 * The flow to show the summaries of (phase bar, steps, anomalies, logs, history). A large flow is summed up just after
 * the frame that paints its tree, so the tree's rows do not wait for it (on 100k spans, about a third of the model's
 * time): until then the previous flow's summaries stay on screen (no flicker while traces merge in), and before the
 * first there are none (undefined). A small flow is returned as it is, summed up when first read.
 */
export function useSummarizedFlow(flow: TaskFlow, deferFromNodes = DEFER_SUMMARIES_FROM_NODES): TaskFlow | undefined {
  const now = summarized(flow) || flow.nodeCount < deferFromNodes;
  const [latest, setLatest] = useState<TaskFlow | undefined>(() => (now ? flow : undefined));
  useEffect(() => {
    if (now) {
      // Shown as it is (below); `latest` only stands in for flows not summed up yet.
      return;
    }
    return afterNextPaint(() => {
      // Reading the steps computes every summary.
      void flow.steps;
      setLatest(flow);
    });
  }, [flow, now]);
  return now ? flow : latest;
}
