/**
 * A small seeded PRNG (mulberry32). Every simulator draws all its randomness from one
 * of these, so the same SIM_SEED always yields the same fleet and the same sequence of
 * ids for the same sequence of requests.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Float in [min, max). */
  float(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** Lower-case hex string of the given length. */
  hex(length: number): string;
  /** RFC 4122-shaped (version 4) UUID. */
  uuid(): string;
  /** Alphanumeric string of the given length. */
  alnum(length: number): string;
  /** A child generator whose sequence is independent of the parent's later draws. */
  fork(label: string): Rng;
}

function hashSeed(seed: string | number): number {
  // FNV-1a over the seed's text: stable across processes and platforms.
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: string | number): Rng {
  let state = hashSeed(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex = (length: number) => {
    let out = '';
    while (out.length < length) out += Math.floor(next() * 16).toString(16);
    return out;
  };
  const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const rng: Rng = {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick() from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy;
    },
    hex,
    uuid: () => {
      const h = hex(32);
      const variant = ((parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    alnum: (length) => {
      let out = '';
      for (let i = 0; i < length; i++) out += ALNUM[Math.floor(next() * ALNUM.length)];
      return out;
    },
    fork: (label) => createRng(`${state}:${label}`),
  };
  return rng;
}
