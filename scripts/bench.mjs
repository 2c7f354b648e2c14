#!/usr/bin/env node
// `npm run bench`: prints figures (bundle size, flow model, browser, round trips to a task's flow); goals are printed
// beside them, never asserted. `npm run bench -- size|flow|browser|round-trips` runs one part.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const step = (title, command, args) => {
  console.log(`\n━━ ${title}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return r.status === 0;
};

const only = process.argv[2];
let ok = true;
if (!only || only === 'size') {
  ok = step('build', 'npm', ['run', '--silent', 'build']) && ok;
  ok = step('bundle size', 'node', ['bench/size.mjs']) && ok;
}
if (!only || only === 'flow') {
  ok = step('task-flow model', 'node', ['--expose-gc', '--import', 'tsx', 'bench/flow-bench.ts']) && ok;
}
if (!only || only === 'browser' || only === 'round-trips') {
  if (only === 'round-trips') {
    // Alone, it measures the plugin as the tree has it now (the full run built it above).
    ok = step('build', 'npm', ['run', '--silent', 'build']) && ok;
  }
  ok = step('sandbox build', 'npm', ['run', '--silent', 'sandbox:build']) && ok;
}
if (!only || only === 'browser') {
  ok = step('browser (Chromium, sandbox)', 'npx', ['--no-install', 'tsx', 'bench/browser-bench.ts']) && ok;
}
if (!only || only === 'round-trips') {
  ok =
    step('time to a task flow over per-query latency (Chromium, sandbox)', 'npx', [
      '--no-install',
      'tsx',
      'bench/round-trips.ts',
    ]) && ok;
}
process.exit(ok ? 0 : 1);
