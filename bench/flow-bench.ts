/**
 * Task-flow model benchmark: time and memory of buildTaskFlow alone, in Node, on frames already in memory: one
 * synthetic task per size in tasker-core's scattered shape (src/flow/fixtures/largeTask.ts: a trace per step, one
 * frame per trace), as Grafana hands frames over. It times stitching those traces into one flow; not fetching them
 * from Tempo, decoding the answers, or rendering (bench/browser-bench.ts times the page in Chromium).
 * Run: npx tsx bench/flow-bench.ts (or `npm run bench -- flow`). It always bundles itself into one file with esbuild,
 * as the plugin's webpack build bundles the model, and runs that under `node --expose-gc` to measure memory.
 * FLOW_BENCH_VERBOSE=1 prints every sample; FLOW_BENCH_SIZES=100000 (comma-separated) measures only those sizes.
 * Goals (issue 4): 100k spans in under 300 ms, under 150 bytes per span beyond the input frames.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import type { DataFrame } from '@grafana/data';

import type { TaskFlow } from '../src/flow';

// The model is loaded in the bundled child only: the parent only bundles and runs it. src/flow is pure (types only
// from @grafana/data), so the bundle needs no browser globals.
let buildTaskFlow: typeof import('../src/flow').buildTaskFlow;
let argsort: typeof import('../src/flow/argsort').argsort;
let makeLargeTaskFrames: typeof import('../src/flow/fixtures/largeTask').makeLargeTaskFrames;

async function loadModel(): Promise<void> {
  ({ buildTaskFlow } = await import('../src/flow'));
  ({ argsort } = await import('../src/flow/argsort'));
  ({ makeLargeTaskFrames } = await import('../src/flow/fixtures/largeTask'));
}

const SIZES = process.env.FLOW_BENCH_SIZES
  ? process.env.FLOW_BENCH_SIZES.split(',').map(Number)
  : [1_000, 10_000, 100_000, 500_000];
const GOAL_MS_100K = 300;
const GOAL_BYTES_PER_SPAN = 150;
/** The model at most this many times a plain index+sort of the same spans (issue 12): machine-independent. */
const GOAL_RATIO_100K = 20;

type Gc = () => void;
const gc = (globalThis as { gc?: Gc }).gc;
/** Set in the bundled child: `node --expose-gc --import tsx` would otherwise time tsx's per-module transform. */
const BUNDLED_ENV = 'FLOW_BENCH_BUNDLED';

/** Parent process: bundle this file and run the bundle with the GC exposed. */
async function runBundled(): Promise<number> {
  // Loaded here, not at the top: the bundle itself must not need esbuild.
  const { buildSync } = await import('esbuild');
  // Measure what the browser runs: one bundle (as webpack makes it), not tsx's per-module transform, whose
  // export getters cost about a third more time. Then run it with the GC exposed.
  const dir = mkdtempSync(join(tmpdir(), 'flow-bench-'));
  const bundle = join(dir, 'flow-bench.js');
  buildSync({
    entryPoints: [process.argv[1]],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    external: ['esbuild'],
    logLevel: 'warning',
  });
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', bundle, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, [BUNDLED_ENV]: '1' } }
  );
  rmSync(dir, { recursive: true, force: true });
  return result.status ?? 1;
}

/** Full GCs, with a pause between them: ArrayBuffer backing stores are released after the GC that finds them dead. */
const collect = async (): Promise<void> => {
  for (let k = 0; k < 3; k++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** Heap plus ArrayBuffer backing stores (typed arrays live outside the JS heap). */
const memory = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const pad = (text: string, width: number) => text.padStart(width);

/**
 * Frames as Grafana holds them after decoding a response: every string flat and its own copy. The generator's
 * strings are built by concatenation (rope strings); hashing them in the model would flatten them in place and
 * shrink the input, which would make the memory figure meaningless.
 */
const asReceived = (frames: DataFrame[]): DataFrame[] => frames.map((frame) => JSON.parse(JSON.stringify(frame)));

/** The flow being measured; module-level so no stale reference in a suspended async frame skews the figure. */
let held: TaskFlow | undefined;

/**
 * The least any task-flow model must do, as plain code: index every span id (a Map from id to row) and sort the
 * spans by start time. The model's time over this one is the figure that does not depend on the machine.
 */
function indexAndSort(frames: DataFrame[]): number {
  let total = 0;
  for (const frame of frames) {
    total += frame.length;
  }
  const index = new Map<string, number>();
  const starts = new Float64Array(total);
  let n = 0;
  for (const frame of frames) {
    const ids = frame.fields.find((f) => f.name === 'spanID')?.values ?? [];
    const times = frame.fields.find((f) => f.name === 'startTime')?.values ?? [];
    for (let r = 0; r < ids.length; r++) {
      index.set(ids[r], n);
      starts[n++] = times[r];
    }
  }
  return argsort(starts, n).length + index.size;
}

function timeBaseline(frames: DataFrame[]): number {
  const t0 = performance.now();
  indexAndSort(frames);
  return performance.now() - t0;
}

/**
 * One timed build, in a plain function so its result dies with the call: the whole model (the tree, then the
 * summaries a page computes just after painting the tree), and the tree alone.
 */
function timeOnce(frames: DataFrame[]): [number, number, number] {
  const c0 = cpuMs();
  const t0 = performance.now();
  const flow = buildTaskFlow(frames);
  const tree = performance.now() - t0;
  void flow.steps;
  return [performance.now() - t0, cpuMs() - c0, tree];
}

async function main(): Promise<void> {
  await loadModel();
  // Warm the JIT so the small sizes are not dominated by compilation.
  const warm = makeLargeTaskFrames(20_000, 7);
  for (let k = 0; k < 3; k++) {
    void buildTaskFlow(warm).steps;
  }
  console.log(`buildTaskFlow benchmark (node ${process.version}, load average ${loadAverage()})`);
  console.log(
    `${pad('spans', 8)} ${pad('median ms', 10)} ${pad('min ms', 8)} ${pad('cpu ms', 8)} ${pad('index+sort', 11)} ${pad(
      'ratio',
      6
    )} ${pad('min ratio', 10)} ${pad('bytes/span', 11)}  goal`
  );
  for (const size of SIZES) {
    const frames = asReceived(makeLargeTaskFrames(size, 42));
    const runs = size >= 500_000 ? 2 : size >= 100_000 ? 4 : 6;
    const wall: number[] = [];
    const cpu: number[] = [];
    const treeOnly: number[] = [];
    const base: number[] = [];
    for (let r = 0; r < runs; r++) {
      await collect();
      const [w, c, t] = timeOnce(frames);
      wall.push(w);
      cpu.push(c);
      treeOnly.push(t);
      await collect();
      base.push(timeBaseline(frames));
    }
    await collect();
    const before = memory();
    held = buildTaskFlow(frames);
    // What a shown flow keeps: its summaries computed, the build data they needed released.
    void held.steps;
    await collect();
    const bytesPerSpan = (memory() - before) / size;
    const flow = held;
    held = undefined;
    if (!flow || flow.spanCount < size) {
      throw new Error(`expected at least ${size} spans, got ${flow?.spanCount}`);
    }
    const ms = median(wall);
    if (process.env.FLOW_BENCH_VERBOSE) {
      console.log(`  samples ms: ${wall.map((w) => w.toFixed(0)).join(', ')}`);
      console.log(`  index+sort samples ms: ${base.map((b) => b.toFixed(1)).join(', ')}`);
    }
    const baseMs = median(base);
    const ratio = ms / baseMs;
    // Under load the medians of two short timings drift apart; the ratio of the minimums is the steadier figure.
    const minRatio = Math.min(...wall) / Math.min(...base);
    const goal =
      size === 100_000
        ? `< ${GOAL_MS_100K} ms: ${ms < GOAL_MS_100K ? 'met' : 'MISSED'}; ≤ ${GOAL_RATIO_100K}× index+sort: ${
            ratio <= GOAL_RATIO_100K ? 'met' : 'MISSED'
          }; < ${GOAL_BYTES_PER_SPAN} B/span: ${bytesPerSpan < GOAL_BYTES_PER_SPAN ? 'met' : 'MISSED'}`
        : `< ${GOAL_BYTES_PER_SPAN} B/span: ${bytesPerSpan < GOAL_BYTES_PER_SPAN ? 'met' : 'MISSED'}`;
    console.log(
      `${pad(size.toLocaleString('en-US'), 8)} ${pad(ms.toFixed(1), 10)} ${pad(Math.min(...wall).toFixed(1), 8)} ${pad(
        median(cpu).toFixed(1),
        8
      )} ${pad(baseMs.toFixed(1), 11)} ${pad(`${ratio.toFixed(1)}×`, 6)} ${pad(`${minRatio.toFixed(1)}×`, 10)} ${pad(
        bytesPerSpan.toFixed(0),
        11
      )}  ${goal}   (tree alone ${median(treeOnly).toFixed(0)} ms; steps ${flow.steps.length}, traces ${flow.traceIds.length}, critical path ${flow.criticalPath.length})`
    );
  }
  console.log('median/min ms: wall time over 6 runs (4 at 100k, 2 at 500k) of the whole model: the tree, then its');
  console.log(
    'summaries (phase totals, steps, critical path, anomalies), which a page computes just after painting the tree;'
  );
  console.log('tree alone: the part before the first rows. cpu ms: median process CPU time,');
  console.log(
    'GC threads included. Other processes share this machine: under load, min ms and cpu ms are the better guide.'
  );
  console.log('bytes/span: heap + ArrayBuffers retained by the flow after GC, input frames excluded.');
  console.log(
    'index+sort: median ms of the least any model must do, as plain code, on the same frames: find the spanID and'
  );
  console.log(
    'startTime columns of every frame, a Map from span id to row, a sort by start time (argsort); timed like the model.'
  );
  console.log("ratio: the model's median over it (goal at 100k: at most 20×); min ratio: min over min.");
  console.log(
    'What this is: buildTaskFlow on frames already in memory, in Node; not fetching, decoding or a page load.'
  );
}

function loadAverage(): string {
  return loadavg()[0].toFixed(2);
}

(gc && process.env[BUNDLED_ENV] === '1' ? main().then(() => 0) : runBundled()).then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  }
);
