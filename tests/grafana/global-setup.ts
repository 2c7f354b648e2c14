// Probes Grafana once before the run. Its verdict reaches the tests through process.env (workers inherit it).
const url = process.env.GRAFANA_URL ?? 'http://localhost:3000';

export default async function globalSetup(): Promise<void> {
  let reason = '';
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) {
      reason = `Grafana at ${url} answered /api/health with HTTP ${res.status}`;
    }
  } catch (e) {
    reason = `No Grafana at ${url} (${e instanceof Error ? e.message : String(e)}): start the stack with docker compose up -d`;
  }
  // The GitHub workflow starts the stack first and sets REQUIRE_GRAFANA: there, no Grafana is a failure, not a skip.
  if (reason && process.env.REQUIRE_GRAFANA) {
    throw new Error(`[e2e:grafana] ${reason}`);
  }
  if (reason) {
    process.env.GRAFANA_UNAVAILABLE = reason;
    console.log(`\n[e2e:grafana] SKIPPING every test: ${reason}\n`);
  } else {
    delete process.env.GRAFANA_UNAVAILABLE;
    console.log(`[e2e:grafana] Grafana answers at ${url}`);
  }
}
