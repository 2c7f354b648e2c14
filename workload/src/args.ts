// Command-line options of the workload generator. Pure: bad input throws an Error whose message says what to fix.
import type { ShapeOption } from './simulate';
import { NAMESPACES } from './workflows';

export interface CliOptions {
  shape: ShapeOption;
  /** Tasks started per second. */
  rate: number;
  /** Seconds of new tasks; Infinity for `forever`. */
  durationSeconds: number;
  seed: number;
  /** Write fixtures here instead of exporting. */
  outDir?: string;
  /** Also simulate this many seconds of past tasks first (export mode), so dashboards fill at once. */
  backfillSeconds: number;
  /** Epoch ms of the first task (fixtures); default: now minus the duration. */
  startMs?: number;
  namespaces?: string[];
  failureRate?: number;
  slowRate?: number;
  help: boolean;
}

export const USAGE = `Usage: npx tsx workload/src/cli.ts [options]

  --shape documented|tasker-core|both   telemetry shape (default both: alternate)
  --rate <tasks/s>                      new tasks per second (default 0.5)
  --duration <seconds>|forever          how long to start tasks (default 60)
  --seed <integer>                      random seed; the same seed gives the same tasks (default: random, printed)
  --out <dir>                           write fixtures (trace frames, search frames, log rows) instead of exporting
  --start <ISO time|epoch ms>           first task start for --out (default: now minus the duration)
  --backfill <seconds>                  export mode: first send this many seconds of past tasks (default 0)
  --namespaces a,b                      only these namespaces (default: ${NAMESPACES.join(', ')})
  --failure-rate <0..1>                 probability that one step attempt fails (default 0.07)
  --slow-rate <0..1>                    probability that a step is slow, 8-25 s (default 0.05)
  --help

Environment (export mode): OTEL_EXPORTER_OTLP_ENDPOINT (OTLP/HTTP base URL, default http://localhost:4318),
OTEL_SERVICE_NAME (replaces the "tasker" prefix of the simulated services), OTEL_SERVICE_VERSION,
OTEL_TRACES_SAMPLER_ARG (0..1), DEPLOYMENT_ENVIRONMENT.`;

function number(flag: string, raw: string | undefined, min: number, max: number): number {
  const n = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new Error(`${flag} needs a number between ${min} and ${max}, got "${raw ?? ''}"`);
  }
  return n;
}

export function parseArgs(
  argv: string[],
  randomSeed: () => number = () => Math.floor(Math.random() * 0x7fffffff)
): CliOptions {
  const options: CliOptions = {
    shape: 'both',
    rate: 0.5,
    durationSeconds: 60,
    seed: NaN,
    backfillSeconds: 0,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) {
        throw new Error(`${flag} needs a value`);
      }
      return v;
    };
    switch (flag) {
      case '--shape': {
        const v = value();
        if (v !== 'documented' && v !== 'tasker-core' && v !== 'both') {
          throw new Error(`--shape must be documented, tasker-core or both, got "${v}"`);
        }
        options.shape = v;
        break;
      }
      case '--rate':
        options.rate = number(flag, value(), 0.001, 1000);
        break;
      case '--duration': {
        const v = value();
        options.durationSeconds = v === 'forever' ? Infinity : number(flag, v, 0, 1e9);
        break;
      }
      case '--seed': {
        const v = value();
        if (!/^-?\d+$/.test(v)) {
          throw new Error(`--seed needs an integer, got "${v}"`);
        }
        options.seed = Number(v) >>> 0;
        break;
      }
      case '--out':
        options.outDir = value();
        break;
      case '--start': {
        const v = value();
        const ms = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
        if (!Number.isFinite(ms)) {
          throw new Error(`--start needs an ISO time or epoch milliseconds, got "${v}"`);
        }
        options.startMs = ms;
        break;
      }
      case '--backfill':
        options.backfillSeconds = number(flag, value(), 0, 7 * 24 * 3600);
        break;
      case '--namespaces': {
        const list = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const unknown = list.filter((n) => !NAMESPACES.includes(n));
        if (unknown.length > 0 || list.length === 0) {
          throw new Error(`--namespaces: unknown ${unknown.join(', ') || '(empty)'}; known: ${NAMESPACES.join(', ')}`);
        }
        options.namespaces = list;
        break;
      }
      case '--failure-rate':
        options.failureRate = number(flag, value(), 0, 1);
        break;
      case '--slow-rate':
        options.slowRate = number(flag, value(), 0, 1);
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`Unknown option "${flag}". Try --help.`);
    }
  }
  if (options.outDir !== undefined && !Number.isFinite(options.durationSeconds)) {
    throw new Error('--out needs a finite --duration (how many seconds of tasks to write)');
  }
  if (Number.isNaN(options.seed)) {
    options.seed = randomSeed() >>> 0;
  }
  return options;
}
