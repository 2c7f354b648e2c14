// Seeded pseudo-random numbers and the ids Tasker's telemetry carries. Pure and browser-safe: no node built-ins.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** n lowercase hex digits. */
  hex(n: number): string;
}

/** mulberry32: tiny, fast, and the same sequence for the same seed on every platform. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) {
        throw new Error('pick() needs at least one item');
      }
      return items[Math.floor(next() * items.length)];
    },
    hex: (n) => {
      let out = '';
      while (out.length < n) {
        out += Math.floor(next() * 16).toString(16);
      }
      return out;
    },
  };
  return rng;
}

/** A non-zero OTel trace id (32 hex) or span id (16 hex). */
export function otelId(rng: Rng, hexDigits: 32 | 16): string {
  const id = rng.hex(hexDigits);
  return /^0+$/.test(id) ? otelId(rng, hexDigits) : id;
}

/** UUID v4 (random), as Tasker's correlation_id. */
export function uuidV4(rng: Rng): string {
  const h = rng.hex(32).split('');
  h[12] = '4';
  h[16] = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return formatUuid(h.join(''));
}

/** UUID v7 (time-ordered), as Tasker's task_uuid and step_uuid. */
export function uuidV7(rng: Rng, timeMs: number): string {
  const ts = Math.max(0, Math.floor(timeMs)).toString(16).padStart(12, '0').slice(-12);
  const rest = rng.hex(20).split('');
  rest[0] = '7';
  rest[4] = ((parseInt(rest[4], 16) & 0x3) | 0x8).toString(16);
  return formatUuid(ts + rest.join(''));
}

function formatUuid(hex32: string): string {
  return `${hex32.slice(0, 8)}-${hex32.slice(8, 12)}-${hex32.slice(12, 16)}-${hex32.slice(16, 20)}-${hex32.slice(20, 32)}`;
}
