/**
 * Task-flow model benchmark: time and memory of buildTaskFlow on large synthetic tasks.
 * Run: npx tsx bench/flow-bench.ts   (bundles itself with esbuild, as webpack would bundle the model, and runs the
 * bundle under `node --expose-gc` to measure memory). FLOW_BENCH_VERBOSE=1 prints every sample.
 * Goals (issue 4): 100k spans in under 300 ms, under 150 bytes per span beyond the input frames.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import type { DataFrame } from '@grafana/data';

import { TaskFlow, buildTaskFlow } from '../src/flow';
import { makeLargeTaskFrames } from '../src/flow/fixtures/largeTask';

const SIZES = [1_000, 10_000, 100_000, 500_000];
const GOAL_MS_100K = 300;
const GOAL_BYTES_PER_SPAN = 150;

type Gc = () => void;
const gc = (globalThis as { gc?: Gc }).gc;

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
    { stdio: 'inherit' }
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

/** One timed build, in a plain function so its result dies with the call. */
function timeOnce(frames: DataFrame[]): [number, number] {
  const c0 = cpuMs();
  const t0 = performance.now();
  buildTaskFlow(frames);
  return [performance.now() - t0, cpuMs() - c0];
}

async function main(): Promise<void> {
  // Warm the JIT so the small sizes are not dominated by compilation.
  const warm = makeLargeTaskFrames(20_000, 7);
  for (let k = 0; k < 3; k++) {
    buildTaskFlow(warm);
  }
  console.log(`buildTaskFlow benchmark (node ${process.version}, load average ${loadAverage()})`);
  console.log(
    `${pad('spans', 8)} ${pad('median ms', 10)} ${pad('min ms', 8)} ${pad('cpu ms', 8)} ${pad('bytes/span', 11)}  goal`
  );
  for (const size of SIZES) {
    const frames = asReceived(makeLargeTaskFrames(size, 42));
    const runs = size >= 500_000 ? 2 : size >= 100_000 ? 4 : 6;
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < runs; r++) {
      await collect();
      const [w, c] = timeOnce(frames);
      wall.push(w);
      cpu.push(c);
    }
    await collect();
    const before = memory();
    held = buildTaskFlow(frames);
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
    }
    const goal =
      size === 100_000
        ? `< ${GOAL_MS_100K} ms: ${ms < GOAL_MS_100K ? 'met' : 'MISSED'}; < ${GOAL_BYTES_PER_SPAN} B/span: ${
            bytesPerSpan < GOAL_BYTES_PER_SPAN ? 'met' : 'MISSED'
          }`
        : `< ${GOAL_BYTES_PER_SPAN} B/span: ${bytesPerSpan < GOAL_BYTES_PER_SPAN ? 'met' : 'MISSED'}`;
    console.log(
      `${pad(size.toLocaleString('en-US'), 8)} ${pad(ms.toFixed(1), 10)} ${pad(Math.min(...wall).toFixed(1), 8)} ${pad(
        median(cpu).toFixed(1),
        8
      )} ${pad(
        bytesPerSpan.toFixed(0),
        11
      )}  ${goal}   (steps ${flow.steps.length}, traces ${flow.traceIds.length}, critical path ${flow.criticalPath.length})`
    );
  }
  console.log('median/min ms: wall time over 6 runs (4 at 100k, 2 at 500k); cpu ms: median process CPU time,');
  console.log(
    'GC threads included. Other processes share this machine: under load, min ms and cpu ms are the better guide.'
  );
  console.log('bytes/span: heap + ArrayBuffers retained by the flow after GC, input frames excluded.');
}

function loadAverage(): string {
  return loadavg()[0].toFixed(2);
}

(gc ? main().then(() => 0) : runBundled()).then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  }
);
