import { tasksFromSpans } from '../src/taskfile';
import { compare, makeBaseline, readBaseline, writeBaseline } from './baseline';
import { InputError } from './errors';
import { computeFigures, NONE } from './figures';
import { readTaskFiles } from './fileSource';
import { parseOptions } from './options';
import { jsonReport, markdownReport, type ReportInput } from './report';
import { readTempo } from './tempoSource';

export interface PerfCheckResult {
  /** 0 no regression, 1 regression, 2 bad input or unreachable Tempo. */
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** The whole command, without touching process: arguments in, exit code and output out. */
export async function perfCheck(argv: readonly string[], nowMs = Date.now()): Promise<PerfCheckResult> {
  try {
    const o = parseOptions(argv, nowMs);
    // Read the baseline first: a wrong path should fail before minutes of Tempo queries.
    const baseline = o.baseline !== undefined ? await readBaseline(o.baseline) : undefined;

    let spans;
    let source: string;
    if (o.source.kind === 'files') {
      const read = await readTaskFiles(o.source.paths);
      spans = read.spans;
      source = `${read.files} task file${read.files === 1 ? '' : 's'}`;
    } else {
      const t = o.source;
      const read = await readTempo({ ...t, namespace: o.namespace, taskName: o.taskName });
      spans = read.spans;
      source = `Tempo ${t.url}, ${new Date(t.fromS * 1000).toISOString()} – ${new Date(t.toS * 1000).toISOString()}, ${read.traces} traces`;
    }

    const flows = tasksFromSpans(spans)
      .map((t) => t.flow)
      .filter(
        (f) =>
          (o.namespace.length === 0 || o.namespace.includes(f.namespace ?? NONE)) &&
          (o.taskName === undefined || f.taskName === o.taskName)
      );
    if (flows.length === 0) {
      throw new InputError(
        `No tasks found in ${source}${o.namespace.length || o.taskName ? ' for the given namespace and task name' : ''}.`
      );
    }
    const groups = computeFigures(flows);

    const report: ReportInput = { source, taskCount: flows.length, groups };
    if (baseline && o.baseline !== undefined) {
      report.comparison = {
        baseline: o.baseline,
        rows: compare(baseline.groups, groups, o),
        threshold: o.threshold,
        minDeltaMs: o.minDeltaMs,
        minSamples: o.minSamples,
      };
    }
    if (o.writeBaseline !== undefined) {
      await writeBaseline(o.writeBaseline, makeBaseline(groups, source, new Date(nowMs)));
      report.baselineWritten = o.writeBaseline;
    }
    const stdout = o.format === 'json' ? jsonReport(report) : markdownReport(report);
    const regressed = report.comparison?.rows.some((r) => r.regression) ?? false;
    return { exitCode: regressed ? 1 : 0, stdout, stderr: '' };
  } catch (e) {
    if (e instanceof InputError) {
      return { exitCode: 2, stdout: '', stderr: `perf-check: ${e.message}\n` };
    }
    throw e;
  }
}
