import { readFile, writeFile } from 'node:fs/promises';
import { InputError } from './errors';
import type { Stat, TaskGroupFigures } from './figures';

export const BASELINE_SCHEMA_VERSION = 1;

export interface Baseline {
  schemaVersion: typeof BASELINE_SCHEMA_VERSION;
  tool: 'tasker-perf-check';
  createdAt: string;
  /** What the figures were read from, in words (files or Tempo URL and range). */
  source: string;
  groups: TaskGroupFigures[];
}

export function makeBaseline(groups: TaskGroupFigures[], source: string, now = new Date()): Baseline {
  return {
    schemaVersion: BASELINE_SCHEMA_VERSION,
    tool: 'tasker-perf-check',
    createdAt: now.toISOString(),
    source,
    groups,
  };
}

export async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  try {
    await writeFile(path, `${JSON.stringify(baseline, null, 2)}\n`, 'utf8');
  } catch (e) {
    throw new InputError(`${path}: the baseline cannot be written (${e instanceof Error ? e.message : String(e)}).`);
  }
}

function isStat(v: unknown): v is Stat {
  const s = v as Stat;
  return !!s && typeof s.p50 === 'number' && typeof s.p95 === 'number' && typeof s.samples === 'number';
}

export async function readBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(`${path}: the baseline cannot be read (${e instanceof Error ? e.message : String(e)}).`);
  }
  let doc: Baseline;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new InputError(`${path}: the baseline is not JSON.`);
  }
  if (!doc || typeof doc !== 'object' || doc.schemaVersion === undefined) {
    throw new InputError(`${path}: not a perf-check baseline (no schemaVersion); write one with --write-baseline.`);
  }
  if (doc.schemaVersion !== BASELINE_SCHEMA_VERSION) {
    throw new InputError(
      `${path}: baseline schema version ${String(doc.schemaVersion)}, this perf-check reads version ${BASELINE_SCHEMA_VERSION}; write a new baseline.`
    );
  }
  if (
    !Array.isArray(doc.groups) ||
    !doc.groups.every((g) => g && typeof g.namespace === 'string' && isStat(g.wallMs))
  ) {
    throw new InputError(`${path}: the baseline's groups are malformed.`);
  }
  return doc;
}

export interface Comparison {
  namespace: string;
  taskName: string;
  /** 'wall time', 'phase execution', 'step charge_card execution', 'step charge_card queue wait'. */
  what: string;
  figure: 'p50' | 'p95';
  beforeMs: number;
  afterMs: number;
  beforeSamples: number;
  afterSamples: number;
  regression: boolean;
}

export interface CompareOptions {
  threshold: number;
  minDeltaMs: number;
  minSamples: number;
}

/**
 * Every figure present on both sides. A regression grows by more than the threshold (relative) and by more than the
 * minimum delta (absolute), with at least minSamples values on both sides, so noise on tiny or rare figures is not.
 */
export function compare(before: TaskGroupFigures[], after: TaskGroupFigures[], o: CompareOptions): Comparison[] {
  const out: Comparison[] = [];
  const byKey = new Map(before.map((g) => [JSON.stringify([g.namespace, g.taskName]), g]));
  for (const a of after) {
    const b = byKey.get(JSON.stringify([a.namespace, a.taskName]));
    if (!b) {
      continue;
    }
    const add = (what: string, sb: Stat | undefined, sa: Stat | undefined, figures: Array<'p50' | 'p95'>) => {
      if (!isStat(sb) || !isStat(sa)) {
        return;
      }
      for (const figure of figures) {
        const beforeMs = sb[figure];
        const afterMs = sa[figure];
        const delta = afterMs - beforeMs;
        const enough = sb.samples >= o.minSamples && sa.samples >= o.minSamples;
        const relative = beforeMs > 0 ? delta / beforeMs : delta > 0 ? Infinity : 0;
        out.push({
          namespace: a.namespace,
          taskName: a.taskName,
          what,
          figure,
          beforeMs,
          afterMs,
          beforeSamples: sb.samples,
          afterSamples: sa.samples,
          regression: enough && delta > o.minDeltaMs && relative > o.threshold,
        });
      }
    };
    add('wall time', b.wallMs, a.wallMs, ['p50', 'p95']);
    for (const phase of Object.keys(a.phases) as Array<keyof typeof a.phases>) {
      add(`phase ${phase}`, b.phases?.[phase], a.phases[phase], ['p50', 'p95']);
    }
    for (const [name, s] of Object.entries(a.steps)) {
      add(`step ${name} execution`, b.steps?.[name]?.executionMs, s.executionMs, ['p95']);
      add(`step ${name} queue wait`, b.steps?.[name]?.queueWaitMs, s.queueWaitMs, ['p95']);
    }
  }
  return out;
}
