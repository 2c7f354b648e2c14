// Rewrites src/dashboards/*.json from build.ts, formatted by the repo's prettier config:
// `npx tsx workload/src/dashboards/write.ts`.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { buildDashboards, serializeDashboard } from './build';

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, '../../../src/dashboards');
  for (const [file, d] of Object.entries(buildDashboards())) {
    const target = path.join(dir, file);
    const options = (await resolveConfig(target)) ?? {};
    writeFileSync(target, await format(serializeDashboard(d), { ...options, filepath: target }));
    // The hash tests/repo/provisioning.test.ts records per revision (content without `revision`).
    const { revision, ...content } = JSON.parse(serializeDashboard(d)) as Record<string, unknown>;
    const sha256 = createHash('sha256').update(JSON.stringify(content)).digest('hex');
    console.log(`wrote src/dashboards/${file}: uid ${String(d.uid)}, revision ${String(revision)}, sha256 ${sha256}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
