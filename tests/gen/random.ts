// A seeded random source for the data generator: the same seed gives the same tenant, row for
// row, on any machine (no Math.random, no clock, no crypto ids).
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One of `items`, chosen by `weight`. */
  weighted<T>(items: readonly T[], weight: (t: T) => number): T;
  /** A standard normal deviate (Box–Muller). */
  normal(): number;
  /** An id shaped like the app's (worker/data/ids.ts): 80 bits in base32. */
  id(): string;
}

/** sfc32, seeded through splitmix32 so nearby seeds give unrelated streams. */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const u32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  const next = () => u32() / 4294967296;
  const cumulative = new WeakMap<readonly unknown[], number[]>();
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    weighted(items, weight) {
      let sums = cumulative.get(items);
      if (!sums) {
        let total = 0;
        sums = items.map((t) => (total += weight(t)));
        cumulative.set(items, sums);
      }
      const x = next() * sums[sums.length - 1]!;
      let lo = 0;
      let hi = sums.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sums[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      return items[lo]!;
    },
    normal() {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    id() {
      const bytes = new Uint8Array(10);
      for (let i = 0; i < 10; i += 2) {
        const x = u32();
        bytes[i] = x & 0xff;
        bytes[i + 1] = (x >>> 8) & 0xff;
      }
      return encodeBase32LowerCaseNoPadding(bytes);
    },
  };
}
