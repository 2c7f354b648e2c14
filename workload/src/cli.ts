// Entry point: `npx tsx workload/src/cli.ts --shape both --rate 0.5 --duration forever`.
import { USAGE, parseArgs } from './args';
import { exportSettingsFromEnv, OtlpSender } from './export-otlp';
import { writeFixtures } from './fixtures';
import { runExport } from './live';
import { resourceSettingsFromEnv } from './resource';
import { simulate } from './simulate';

async function main(argv: string[]): Promise<void> {
  const cli = parseArgs(argv);
  if (cli.help) {
    console.log(USAGE);
    return;
  }
  if (cli.outDir !== undefined) {
    const count = Math.max(1, Math.round(cli.rate * cli.durationSeconds));
    const intervalMs = 1000 / cli.rate;
    const startMs = cli.startMs ?? Date.now() - cli.durationSeconds * 1000;
    const batch = simulate({
      seed: cli.seed,
      count,
      shape: cli.shape,
      startMs,
      intervalMs,
      namespaces: cli.namespaces,
      failureRate: cli.failureRate,
      slowRate: cli.slowRate,
    });
    const files = writeFixtures(batch, cli.outDir, resourceSettingsFromEnv(process.env));
    console.log(`seed ${cli.seed}: wrote ${batch.tasks.length} tasks to ${Object.values(files).join(', ')}`);
    return;
  }
  const settings = exportSettingsFromEnv(process.env);
  const sender = new OtlpSender(settings);
  console.log(
    `seed ${cli.seed}: ${cli.rate} tasks/s (${cli.shape}) for ${Number.isFinite(cli.durationSeconds) ? cli.durationSeconds + 's' : 'ever'} → ${settings.endpoint} (sampling ${settings.samplerRatio})`
  );
  let stopping = false;
  const stop = () => {
    if (stopping) {
      process.exit(130);
    }
    stopping = true;
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const stats = await runExport(cli, sender, undefined, (line) => console.error(line));
  console.log(
    `done: ${stats.tasks} tasks, ${stats.spansSent} spans, ${stats.logsSent} log records, ${stats.failedBatches} failed batches`
  );
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
