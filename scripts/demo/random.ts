/**
 * A small seeded PRNG for demo data: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator),
 * seeded through cyrb128 so any string or number works as a seed. Same seed, same sequence, on
 * every platform; nothing here reads the clock or Math.random.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. Throws on an empty array. */
  pick<T>(items: readonly T[]): T;
  /** One value, with probability proportional to its weight. Throws when no weight is positive. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T;
  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** k distinct elements in random order. Throws when k > items.length. */
  sample<T>(items: readonly T[], k: number): T[];
  /** A normal-ish value (Box–Muller), optionally clamped to [min, max]. */
  normal(mean: number, sd: number, min?: number, max?: number): number;
  /** A moment between from and to (from inclusive, to exclusive), to the millisecond. */
  date(from: Date, to: Date): Date;
  /** Digits as a string, e.g. digits(8) -> "40318876". */
  digits(count: number): string;
  /** An independent generator derived from this seed and a label; draws on it do not move this one. */
  fork(label: string): Rng;
}

/** cyrb128: hashes a string to four 32-bit words (a seed for sfc32). */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32: returns a function that yields uint32 values. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/**
 * Creates a seeded generator.
 *
 * @example
 * const rng = createRng('demo-2026');
 * rng.int(1, 6);                                      // same value on every run
 * rng.weighted([['LeadTransfer', 160], ['Energy', 50]]);
 * const partnersRng = rng.fork('partners');          // its own stream
 */
export function createRng(seed: string | number): Rng {
  const seedText = String(seed);
  const [a, b, c, d] = cyrb128(seedText);
  const u32 = sfc32(a, b, c, d);
  for (let i = 0; i < 15; i++) u32(); // warm up: the first outputs of sfc32 are poorly mixed
  // 53 random bits for a uniform double in [0, 1).
  const next = (): number => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992;
  let spareNormal: number | undefined;

  const rng: Rng = {
    next,
    int(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) throw new RangeError(`int(${min}, ${max})`);
      return min + Math.floor(next() * (max - min + 1));
    },
    float(min, max) {
      return min + next() * (max - min);
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick() from an empty array');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted(pairs) {
      const total = pairs.reduce((sum, [, w]) => sum + (w > 0 ? w : 0), 0);
      if (!(total > 0)) throw new RangeError('weighted() needs at least one positive weight');
      let r = next() * total;
      for (const [value, w] of pairs) {
        if (w <= 0) continue;
        r -= w;
        if (r < 0) return value;
      }
      // Rounding can leave r at ~0 after the last pair: return the last positive one.
      return [...pairs].reverse().find(([, w]) => w > 0)![0];
    },
    shuffle(items) {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
    sample(items, k) {
      if (k > items.length || k < 0) throw new RangeError(`sample(${items.length} items, ${k})`);
      return rng.shuffle(items).slice(0, k);
    },
    normal(mean, sd, min = -Infinity, max = Infinity) {
      let z: number;
      if (spareNormal !== undefined) {
        z = spareNormal;
        spareNormal = undefined;
      } else {
        const u = 1 - next(); // (0, 1], so log() is finite
        const v = next();
        const r = Math.sqrt(-2 * Math.log(u));
        z = r * Math.cos(2 * Math.PI * v);
        spareNormal = r * Math.sin(2 * Math.PI * v);
      }
      return Math.min(max, Math.max(min, mean + sd * z));
    },
    date(from, to) {
      const start = from.getTime();
      const end = to.getTime();
      if (!(end >= start)) throw new RangeError('date(from, to) needs from <= to');
      return new Date(start + Math.floor(next() * (end - start)));
    },
    digits(count) {
      let s = '';
      for (let i = 0; i < count; i++) s += String(Math.floor(next() * 10));
      return s;
    },
    fork(label) {
      return createRng(`${seedText}/${label}`);
    },
  };
  return rng;
}
