import type { Comparison } from './baseline';
import type { Stat, TaskGroupFigures } from './figures';

/** User data in a Markdown table cell: HTML and Markdown specials escaped, one line, bounded. */
export function cell(text: string): string {
  return text
    .slice(0, 200)
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1');
}

export function ms(n: number | undefined): string {
  if (n === undefined) {
    return '—';
  }
  if (n >= 10_000) {
    return `${(n / 1000).toFixed(1)} s`;
  }
  return `${n >= 100 ? Math.round(n) : Number(n.toFixed(1))} ms`;
}

function change(c: Comparison): string {
  if (c.beforeMs === 0) {
    return c.afterMs === 0 ? '0 %' : 'new';
  }
  const pct = ((c.afterMs - c.beforeMs) / c.beforeMs) * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)} %`;
}

function pair(s: Stat | undefined): string {
  return s ? `${ms(s.p50)} / ${ms(s.p95)}` : '—';
}

export interface ReportInput {
  source: string;
  taskCount: number;
  groups: TaskGroupFigures[];
  comparison?: { baseline: string; rows: Comparison[]; threshold: number; minDeltaMs: number; minSamples: number };
  baselineWritten?: string;
}

/** The Markdown report: regressions first (what a pull-request reader needs), then the figures. */
export function markdownReport(r: ReportInput): string {
  const lines: string[] = ['## Tasker perf-check', ''];
  lines.push(
    `Source: ${cell(r.source)} · ${r.taskCount} tasks in ${r.groups.length} namespace/task group${r.groups.length === 1 ? '' : 's'}`
  );
  if (r.comparison) {
    const c = r.comparison;
    const regressions = c.rows.filter((row) => row.regression);
    lines.push(
      `Baseline: ${cell(c.baseline)} · regression = p50 or p95 up by more than ${Math.round(c.threshold * 1000) / 10} % and more than ${ms(c.minDeltaMs)}, with at least ${c.minSamples} samples on both sides`,
      ''
    );
    if (regressions.length === 0) {
      lines.push(`**No regression** (${c.rows.length} figures compared).`);
    } else {
      lines.push(`**${regressions.length} regression${regressions.length === 1 ? '' : 's'}**`, '');
      lines.push(
        '| Namespace | Task | Phase or step | Figure | Before | After | Change |',
        '|---|---|---|---|---:|---:|---:|'
      );
      for (const row of regressions) {
        lines.push(
          `| ${cell(row.namespace)} | ${cell(row.taskName)} | ${cell(row.what)} | ${row.figure} | ${ms(row.beforeMs)} | ${ms(row.afterMs)} | ${change(row)} |`
        );
      }
    }
  }
  if (r.baselineWritten) {
    lines.push('', `Baseline written to ${cell(r.baselineWritten)}.`);
  }
  lines.push('', '### Tasks (p50 / p95)', '');
  lines.push(
    '| Namespace | Task | Tasks | Wall time | Initialization | Enqueueing | Execution | Result processing | Finalization |'
  );
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const g of r.groups) {
    lines.push(
      `| ${cell(g.namespace)} | ${cell(g.taskName)} | ${g.tasks} | ${pair(g.wallMs)} | ${pair(g.phases.initialization)} | ${pair(g.phases.enqueueing)} | ${pair(g.phases.execution)} | ${pair(g.phases.result_processing)} | ${pair(g.phases.finalization)} |`
    );
  }
  const stepRows = r.groups.flatMap((g) =>
    Object.entries(g.steps).map(
      ([name, s]) =>
        `| ${cell(g.namespace)} | ${cell(g.taskName)} | ${cell(name)} | ${s.executionMs?.samples ?? 0} | ${ms(s.executionMs?.p95)} | ${ms(s.queueWaitMs?.p95)} |`
    )
  );
  if (stepRows.length > 0) {
    lines.push('', '### Steps (p95)', '');
    lines.push('| Namespace | Task | Step | Runs | Execution | Queue wait |', '|---|---|---|---:|---:|---:|');
    lines.push(...stepRows);
  }
  return `${lines.join('\n')}\n`;
}

export function jsonReport(r: ReportInput): string {
  const regressions = r.comparison?.rows.filter((row) => row.regression) ?? [];
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      source: r.source,
      tasks: r.taskCount,
      groups: r.groups,
      ...(r.comparison && {
        comparison: {
          baseline: r.comparison.baseline,
          threshold: r.comparison.threshold,
          minDeltaMs: r.comparison.minDeltaMs,
          minSamples: r.comparison.minSamples,
          regressions,
          compared: r.comparison.rows,
        },
      }),
      ...(r.baselineWritten && { baselineWritten: r.baselineWritten }),
    },
    null,
    2
  )}\n`;
}
