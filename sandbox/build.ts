// Bundles the sandbox host page into sandbox/dist/: `npx tsx sandbox/build.ts` (npm run sandbox:build).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Tasker sandbox</title>
    <link rel="stylesheet" href="/sandbox/host.css" />
    <style>
      body { margin: 0; }
    </style>
  </head>
  <body>
    <div id="root"></div>
    <!-- boot.js sets window.grafanaBootData; it must run before host.js evaluates @grafana/runtime. -->
    <script src="/sandbox/boot.js"></script>
    <script src="/sandbox/host.js"></script>
  </body>
</html>
`;

async function main() {
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  const common = {
    bundle: true,
    minify: true,
    sourcemap: true,
    target: 'es2020',
    platform: 'browser' as const,
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'warning' as const,
  };
  await build({
    ...common,
    entryPoints: [join(here, 'src/host/boot.ts')],
    outfile: join(out, 'boot.js'),
    format: 'iife',
  });
  await build({
    ...common,
    entryPoints: [join(here, 'src/host.tsx')],
    outfile: join(out, 'host.js'),
    format: 'iife',
    jsx: 'automatic',
    loader: { '.css': 'css', '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
    assetNames: 'assets/[name]-[hash]',
    publicPath: '/sandbox',
  });
  writeFileSync(join(out, 'index.html'), INDEX_HTML);
  console.log(`sandbox built into ${out} in ${Date.now() - started} ms`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
