// Serves the sandbox: `npx tsx sandbox/serve.ts [--port 3001] [--data fixtures.json]` (PORT env also works).
// Node's http module only: the host page, the built plugin (dist/) where Grafana serves it, and an SPA fallback.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const sandboxDist = join(here, 'dist');
const pluginDist = join(root, 'dist');
const PLUGIN_PREFIX = '/public/plugins/tasker-observability-app/';
// @grafana/ui's Icon loads SVGs from `${__grafana_public_path__}build/img/icons/`; the package ships them.
const ICONS_PREFIX = '/sandbox/public/build/img/icons/';
const iconsDir = join(root, 'node_modules/@grafana/ui/dist/public/img/icons');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const port = Number(arg('port') ?? process.env.PORT ?? 3001);
const dataFile = arg('data');

const missing = [
  [join(pluginDist, 'module.js'), 'the plugin is not built: run `npm run build`'],
  [join(sandboxDist, 'host.js'), 'the sandbox host is not built: run `npm run sandbox:build`'],
].filter(([file]) => !existsSync(file));
if (missing.length) {
  for (const [file, hint] of missing) {
    console.error(`sandbox: missing ${file}: ${hint}`);
  }
  process.exit(1);
}
/**
 * --data <dir>: the workload generator's --out folder (trace-frames.json, log-rows.json, tasks.json).
 * --data <file.json>: the sandbox's own layout, {spans, logs, tasks} (sandbox/src/data/model.ts DemoData).
 */
const DATA_FILES: Record<string, string> = {};
if (dataFile) {
  if (!existsSync(dataFile)) {
    console.error(`sandbox: --data ${dataFile} does not exist`);
    process.exit(1);
  }
  if (statSync(dataFile).isDirectory()) {
    for (const name of ['trace-frames.json', 'log-rows.json', 'tasks.json']) {
      const file = join(resolve(dataFile), name);
      if (existsSync(file)) {
        DATA_FILES[name] = file;
      } else if (name !== 'tasks.json') {
        console.error(`sandbox: --data ${dataFile} has no ${name}: write it with the workload generator's --out <dir>`);
        process.exit(1);
      }
    }
  } else {
    DATA_FILES['data.json'] = resolve(dataFile);
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.md': 'text/markdown; charset=utf-8',
};

function sendFile(res: ServerResponse, file: string, cache = false) {
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': cache ? 'max-age=3600' : 'no-store',
  });
  createReadStream(file).pipe(res);
}

/** Resolves `rel` inside `base`, refusing paths that climb out of it. */
function inside(base: string, rel: string): string | undefined {
  const file = normalize(join(base, rel));
  if (!file.startsWith(base + sep)) {
    return undefined;
  }
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = decodeURIComponent(url.pathname);
  if (path === '/sandbox/config.json') {
    res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
    const urls = Object.fromEntries(Object.keys(DATA_FILES).map((name) => [name, `/sandbox/data/${name}`]));
    res.end(JSON.stringify({ data: dataFile ? urls : undefined }));
    return;
  }
  if (path.startsWith('/sandbox/data/') && DATA_FILES[path.slice('/sandbox/data/'.length)]) {
    sendFile(res, DATA_FILES[path.slice('/sandbox/data/'.length)]);
    return;
  }
  if (path.startsWith(PLUGIN_PREFIX)) {
    const file = inside(pluginDist, path.slice(PLUGIN_PREFIX.length));
    if (file) {
      sendFile(res, file);
      return;
    }
  } else if (path.startsWith(ICONS_PREFIX)) {
    const file = inside(iconsDir, path.slice(ICONS_PREFIX.length));
    if (file) {
      sendFile(res, file, true);
      return;
    }
  } else if (path.startsWith('/sandbox/')) {
    const file = inside(sandboxDist, path.slice('/sandbox/'.length));
    if (file) {
      sendFile(res, file, path.includes('/assets/'));
      return;
    }
  } else if (
    path === '/' ||
    path.startsWith('/a/') ||
    path.startsWith('/plugins/') ||
    path === '/explore' ||
    path.startsWith('/explore/')
  ) {
    sendFile(res, join(sandboxDist, 'index.html'));
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`not found: ${path}\n`);
});

server.on('error', (e: NodeJS.ErrnoException) => {
  console.error(
    e.code === 'EADDRINUSE' ? `sandbox: port ${port} is in use; try --port <n> or PORT=<n>` : `sandbox: ${e.message}`
  );
  process.exit(1);
});

server.listen(port, () => {
  console.log(`Tasker sandbox: http://localhost:${port}/a/tasker-observability-app/tasks`);
  console.log(
    dataFile ? `  data: fixtures from ${dataFile}` : '  data: generated demo (fixed seed), hostile task, 100k-span task'
  );
  console.log('  a development and test tool; the real thing is the compose stack (docker compose up -d)');
});
