// Starts the sandbox server (sandbox/serve.ts) on a free port for the browser benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Exits with a message when the plugin or the sandbox host is not built. */
export function requireBuilt(bench: string): void {
  for (const [file, cmd] of [
    ['dist/module.js', 'npm run build'],
    ['sandbox/dist/host.js', 'npm run sandbox:build'],
  ]) {
    if (!existsSync(file)) {
      console.error(`${bench}: ${file} is missing: run \`${cmd}\` first`);
      process.exit(1);
    }
  }
}

export async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/serve.ts', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/sandbox/config.json`);
      if (res.ok) {
        return child;
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('the sandbox server did not start');
}
