// Time to a task's flow in the sandbox at 0, 100 and 300 ms per Tempo query, for a tasker-core task (many traces)
// and a guide-shape task (one trace), and the sequential round trips that implies: the slope of time over latency,
// beside the round trips counted in the sandbox's request log. Prints figures; never fails on them.
// Run: `npx tsx bench/round-trips.ts` after `npm run build && npm run sandbox:build`. Options: --runs 3
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../tests/chromium';
import { measuredTasks, openBlank, slope, timeToFlow, type FlowTiming } from '../tests/browser/timeToFlow';
import { freePort, requireBuilt, startServer } from './sandboxServer';

const LATENCIES = [0, 100, 300];
const GOALS = { taskerCore: 4, guide: 2 };
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 1) : 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function main() {
  requireBuilt('round-trips');
  const port = await freePort();
  const server = await startServer(port);
  const browser = await chromium.launch(chromiumLaunchOptions);
  const base = `http://127.0.0.1:${port}`;
  const rows: string[][] = [];
  try {
    const probe = await browser.newPage();
    await openBlank(probe, base);
    const tasks = await measuredTasks(probe);
    await probe.close();
    for (const [shape, task] of [
      ['taskerCore', tasks.taskerCore],
      ['guide', tasks.guide],
    ] as const) {
      const points: FlowTiming[] = [];
      for (const latency of LATENCIES) {
        const runs: FlowTiming[] = [];
        for (let r = 0; r < RUNS; r++) {
          // A fresh page per run: nothing cached, nothing in flight.
          const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
          await openBlank(page, base);
          runs.push(await timeToFlow(page, task.correlationId, latency));
          await page.close();
        }
        const pick = runs.find((x) => x.flowMs === median(runs.map((y) => y.flowMs)))!;
        points.push(pick);
      }
      const label =
        shape === 'taskerCore' ? `tasker-core (${task.spanCount} spans)` : `guide shape (${task.spanCount} spans)`;
      const last = points[points.length - 1];
      rows.push([
        label,
        ...points.map((p) => `${p.firstRowsMs.toFixed(0)} / ${p.flowMs.toFixed(0)}`),
        `${slope(points, (p) => p.firstRowsMs).toFixed(1)} / ${slope(points).toFixed(1)}`,
        `${last.firstRowsRounds} / ${last.rounds}`,
        `${last.requests} / ${last.queries}`,
        `≤ ${GOALS[shape]}`,
      ]);
    }
  } finally {
    await browser.close();
    server.kill();
  }
  const header = [
    'task',
    ...LATENCIES.map((l) => `${l} ms/query`),
    'round trips (slope)',
    'rounds (log)',
    'requests / queries',
    'goal',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(
    `\nTime to a task's flow in ms, first rows / complete flow (every trace in), median of ${RUNS} runs, Chromium ${browser.version()}\n`
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
  console.log(
    '\nSandbox cost model: each Tempo query costs the latency, a request runs its queries one after another (Grafana'
  );
  console.log(
    "Tempo backend's QueryData), requests run in parallel on at most 6 connections. Round trips (slope): least-squares"
  );
  console.log('slope of time over latency; rounds (log): longest chain of Tempo requests in the log at 300 ms; both');
  console.log('to the first rows / to the complete flow. Requests / queries: Tempo requests made, at 300 ms.');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
