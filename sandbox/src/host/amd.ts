/**
 * A minimal AMD loader for the plugin's module.js, the way Grafana loads it: `define(deps, factory)` with the
 * shared modules injected. A dependency outside `shared` is an error, so the sandbox proves module.js asks
 * only for what Grafana provides.
 */
type Factory = (...deps: unknown[]) => unknown;

interface AmdWindow {
  define?: ((...args: unknown[]) => void) & { amd?: object };
}

export class UnknownModuleError extends Error {
  constructor(readonly moduleName: string) {
    super(`module.js asks for "${moduleName}", which Grafana does not provide to plugins (bundle it instead)`);
    this.name = 'UnknownModuleError';
  }
}

export function loadAmdModule(url: string, shared: Record<string, unknown>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const w = window as unknown as AmdWindow;
    let defined = false;
    const define = (...args: unknown[]) => {
      const factory = args.find((a): a is Factory => typeof a === 'function');
      const deps = (args.find((a) => Array.isArray(a)) as string[] | undefined) ?? [];
      defined = true;
      try {
        const exportsObj: Record<string, unknown> = {};
        const resolved = deps.map((name) => {
          if (name === 'module') {
            return { id: url, uri: new URL(url, window.location.href).href };
          }
          if (name === 'exports') {
            return exportsObj;
          }
          if (name === 'require') {
            return (n: string) => shared[n];
          }
          if (!(name in shared)) {
            throw new UnknownModuleError(name);
          }
          return shared[name];
        });
        const result = factory ? factory(...resolved) : undefined;
        resolve((result ?? exportsObj) as Record<string, unknown>);
      } catch (e) {
        reject(e);
      }
    };
    define.amd = {};
    w.define = define;
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => {
      delete w.define;
      if (!defined) {
        reject(new Error(`${url} loaded but did not call define(): is it an AMD build?`));
      }
    };
    script.onerror = () => {
      delete w.define;
      reject(new Error(`could not load ${url}: run \`npm run build\` first`));
    };
    document.head.appendChild(script);
  });
}
