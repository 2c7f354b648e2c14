// Test helper run in a child process (`tsx workload/src/testing/send-batch.ts <json options>`): simulates a batch and
// sends it with the real OTLP exporters. A child process because the exporters load node:http with a dynamic
// import(), which Jest's module runtime cannot run.
import { exportSettingsFromEnv, OtlpSender } from '../export-otlp';
import { simulate, type SimulateOptions } from '../simulate';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as SimulateOptions;
  const batch = simulate(options);
  const sender = new OtlpSender(exportSettingsFromEnv(process.env));
  const spans = await sender.sendSpans([...batch.tasks.flatMap((t) => t.spans), ...batch.noise]);
  const logs = await sender.sendLogs(batch.tasks.flatMap((t) => t.logs));
  await sender.shutdown();
  console.log(JSON.stringify({ spans, logs }));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
