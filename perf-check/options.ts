import { parseDurationNs } from '../src/query';
import { InputError } from './errors';

export interface PerfCheckOptions {
  source:
    { kind: 'files'; paths: string[] } | { kind: 'tempo'; url: string; fromS: number; toS: number; limit: number };
  namespace: string[];
  taskName?: string;
  writeBaseline?: string;
  baseline?: string;
  /** Relative growth, 0.2 = 20 %. */
  threshold: number;
  minDeltaMs: number;
  minSamples: number;
  format: 'markdown' | 'json';
}

export const USAGE = `npm run perf-check -- (--tempo <url> [--since 1h | --from <time> --to <time>] | --files <dir or file>...)
  [--namespace <ns>]... [--task-name <name>] [--limit 500]
  [--write-baseline <file>] [--baseline <file>] [--threshold 20%] [--min-delta 25ms] [--min-samples 5]
  [--format markdown|json]`;

/** A time as Tempo's search takes it (unix seconds): ISO 8601, or unix seconds / milliseconds. */
function parseTime(flag: string, text: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const n = Number(trimmed);
    // Milliseconds since 1970 have 13 digits today; seconds 10.
    return trimmed.length > 11 ? Math.floor(n / 1000) : n;
  }
  const ms = Date.parse(trimmed);
  if (Number.isNaN(ms)) {
    throw new InputError(`${flag} "${text}" is not a time: use ISO 8601 (2026-12-01T10:00:00Z) or unix seconds.`);
  }
  return Math.floor(ms / 1000);
}

function parseDurationMs(flag: string, text: string): number {
  let ns: bigint | undefined;
  try {
    ns = parseDurationNs(text.trim());
  } catch {
    ns = undefined;
  }
  if (ns === undefined) {
    throw new InputError(`${flag} "${text}" is not a duration: use e.g. 25ms, 1.5s, 1h.`);
  }
  return Number(ns) / 1e6;
}

function parseThreshold(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text.trim());
  if (!m) {
    throw new InputError(`--threshold "${text}" is not a percentage: use e.g. 20 or 20%.`);
  }
  return Number(m[1]) / 100;
}

function parsePositiveInt(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    throw new InputError(`${flag} "${text}" is not a whole number of at least 1.`);
  }
  return n;
}

/** Command-line arguments to options; throws InputError (exit 2) with the usage on anything wrong. */
export function parseOptions(argv: readonly string[], nowMs = Date.now()): PerfCheckOptions {
  const files: string[] = [];
  const namespace: string[] = [];
  let tempo: string | undefined;
  let since: string | undefined;
  let from: string | undefined;
  let to: string | undefined;
  let limit = 500;
  const opts: Omit<PerfCheckOptions, 'source' | 'namespace'> = {
    threshold: 0.2,
    minDeltaMs: 25,
    minSamples: 5,
    format: 'markdown',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) {
        throw new InputError(`${flag} needs a value.\n${USAGE}`);
      }
      return v;
    };
    switch (flag) {
      case '--files':
        files.push(value());
        // Every following argument that is not a flag is another file or directory.
        while (inline === undefined && i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
          files.push(argv[++i]);
        }
        break;
      case '--tempo':
        tempo = value();
        break;
      case '--since':
        since = value();
        break;
      case '--from':
        from = value();
        break;
      case '--to':
        to = value();
        break;
      case '--limit':
        limit = parsePositiveInt(flag, value());
        break;
      case '--namespace':
        namespace.push(value());
        break;
      case '--task-name':
        opts.taskName = value();
        break;
      case '--write-baseline':
        opts.writeBaseline = value();
        break;
      case '--baseline':
        opts.baseline = value();
        break;
      case '--threshold':
        opts.threshold = parseThreshold(value());
        break;
      case '--min-delta': {
        // A bare number is milliseconds.
        const v = value();
        opts.minDeltaMs = /^\d+(\.\d+)?$/.test(v) ? Number(v) : parseDurationMs(flag, v);
        break;
      }
      case '--min-samples':
        opts.minSamples = parsePositiveInt(flag, value());
        break;
      case '--format': {
        const f = value();
        if (f !== 'markdown' && f !== 'json') {
          throw new InputError(`--format "${f}" is not one of markdown, json.`);
        }
        opts.format = f;
        break;
      }
      case '--help':
      case '-h':
        throw new InputError(USAGE);
      default:
        throw new InputError(`Unknown argument "${arg}".\n${USAGE}`);
    }
  }
  if ((tempo === undefined) === (files.length === 0)) {
    throw new InputError(`Give either --tempo <url> or --files <dir or file>..., not both or neither.\n${USAGE}`);
  }
  if (tempo !== undefined) {
    let url: URL;
    try {
      url = new URL(tempo);
    } catch {
      throw new InputError(`--tempo "${tempo}" is not a URL: use e.g. http://localhost:3200.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InputError(`--tempo "${tempo}" must be an http or https URL.`);
    }
    if (since !== undefined && (from !== undefined || to !== undefined)) {
      throw new InputError('Give --since or --from/--to, not both.');
    }
    let fromS: number;
    let toS: number;
    if (from !== undefined || to !== undefined) {
      if (from === undefined || to === undefined) {
        throw new InputError('--from and --to go together.');
      }
      fromS = parseTime('--from', from);
      toS = parseTime('--to', to);
    } else {
      toS = Math.floor(nowMs / 1000);
      fromS = toS - Math.round(parseDurationMs('--since', since ?? '1h') / 1000);
    }
    if (fromS >= toS) {
      throw new InputError(`The time range is empty: --from must be before --to.`);
    }
    return {
      ...opts,
      namespace,
      source: { kind: 'tempo', url: tempo.replace(/\/+$/, ''), fromS, toS, limit },
    };
  }
  if (since !== undefined || from !== undefined || to !== undefined) {
    throw new InputError('--since, --from and --to apply to --tempo only: task files hold their own times.');
  }
  return { ...opts, namespace, source: { kind: 'files', paths: files } };
}
