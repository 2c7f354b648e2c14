// Serves the sandbox: `npx tsx sandbox/serve.ts [--port 3001] [--data fixtures.json]` (PORT env also works).
// Node's http module only: the host page, the built plugin (dist/) where Grafana serves it, and an SPA fallback.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoData, type ServedDemo } from './src/data/demo';

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

/**
 * The generated demo, made once and served as JSON to every page load (generating it takes a second or more; parsing
 * it a tenth of that). Made again once it is older than DEMO_MAX_AGE_MS, so a long-running sandbox keeps recent data.
 */
const DEMO_MAX_AGE_MS = 15 * 60 * 1000;
let demo: { atMs: number; json: Buffer; tasks: Buffer } | undefined;

function currentDemo(): NonNullable<typeof demo> {
  const now = Date.now();
  if (!demo || now - demo.atMs > DEMO_MAX_AGE_MS) {
    const data: ServedDemo = { ...generateDemoData(now), generatedAtMs: now };
    demo = { atMs: now, json: Buffer.from(JSON.stringify(data)), tasks: Buffer.from(JSON.stringify(data.tasks)) };
  }
  return demo;
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

/**
 * Static files: `cache` ones (hashed assets, icons) for an hour; the others revalidated on every use with an ETag, so a
 * rebuilt plugin is picked up at once while a reload or a second tab gets a 304 and Chromium reuses the compiled
 * scripts (host.js is 8 MB) instead of parsing them again.
 */
function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cache = false) {
  const stat = statSync(file);
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': cache ? 'max-age=3600' : 'no-cache',
    etag,
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, headers);
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
    res.end(JSON.stringify(dataFile ? { data: urls } : { demo: '/sandbox/demo.json' }));
    return;
  }
  // The demo data, and its task list alone (tests pick their tasks from it before opening a page).
  if (!dataFile && (path === '/sandbox/demo.json' || path === '/sandbox/demo-tasks.json')) {
    const body = path === '/sandbox/demo.json' ? currentDemo().json : currentDemo().tasks;
    res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store', 'content-length': body.length });
    res.end(body);
    return;
  }
  if (path.startsWith('/sandbox/data/') && DATA_FILES[path.slice('/sandbox/data/'.length)]) {
    sendFile(req, res, DATA_FILES[path.slice('/sandbox/data/'.length)]);
    return;
  }
  if (path.startsWith(PLUGIN_PREFIX)) {
    const file = inside(pluginDist, path.slice(PLUGIN_PREFIX.length));
    if (file) {
      sendFile(req, res, file);
      return;
    }
  } else if (path.startsWith(ICONS_PREFIX)) {
    const file = inside(iconsDir, path.slice(ICONS_PREFIX.length));
    if (file) {
      sendFile(req, res, file, true);
      return;
    }
  } else if (path.startsWith('/sandbox/')) {
    const file = inside(sandboxDist, path.slice('/sandbox/'.length));
    if (file) {
      sendFile(req, res, file, path.includes('/assets/'));
      return;
    }
  } else if (
    path === '/' ||
    path.startsWith('/a/') ||
    path.startsWith('/plugins/') ||
    path === '/explore' ||
    path.startsWith('/explore/')
  ) {
    sendFile(req, res, join(sandboxDist, 'index.html'));
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

if (!dataFile) {
  // Made before listening: the first page (and a test runner's readiness probe) finds it ready.
  currentDemo();
}
server.listen(port, () => {
  console.log(`Tasker sandbox: http://localhost:${port}/a/tasker-observability-app/tasks`);
  console.log(
    dataFile ? `  data: fixtures from ${dataFile}` : '  data: generated demo (fixed seed), hostile task, 100k-span task'
  );
  console.log('  a development and test tool; the real thing is the compose stack (docker compose up -d)');
});
