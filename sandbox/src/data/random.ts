/** A small seeded PRNG (mulberry32): the demo data must be the same on every run and in every browser. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  hex(chars: number): string {
    let out = '';
    for (let i = 0; i < chars; i++) {
      out += Math.floor(this.next() * 16).toString(16);
    }
    // An all-zero id is invalid in OTel; never produce one.
    return /^0+$/.test(out) ? '1' + out.slice(1) : out;
  }

  /** UUID v4 layout. */
  uuid4(): string {
    const h = this.hex(32);
    const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** UUID v7 layout (time-ordered), as tasker-core makes its task and step ids. */
  uuid7(timeMs: number): string {
    const ts = Math.floor(timeMs).toString(16).padStart(12, '0').slice(-12);
    const h = this.hex(20);
    const variant = ((parseInt(h[3], 16) & 0x3) | 0x8).toString(16);
    return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${h.slice(0, 3)}-${variant}${h.slice(4, 7)}-${h.slice(8, 20)}`;
  }
}
