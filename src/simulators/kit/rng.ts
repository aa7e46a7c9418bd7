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

const HEX_DIGITS = '0123456789abcdef';
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const DASH = 0x2d;

/**
 * mulberry32 behind the `Rng` methods. A class, not closures: a large fleet forks one
 * per cluster, host or inspection, and closures cost a dozen functions each. Strings are
 * built from character codes in one go: text grown by `+=` stays a rope of one piece
 * per character (hundreds of bytes for a UUID) until something reads it.
 */
class Mulberry32 implements Rng {
  #state: number;

  constructor(seed: string | number) {
    this.#state = hashSeed(seed);
  }

  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  hex(length: number): string {
    const codes = new Array<number>(length);
    for (let i = 0; i < length; i++) codes[i] = HEX_DIGITS.charCodeAt(Math.floor(this.next() * 16));
    return String.fromCharCode(...codes);
  }

  uuid(): string {
    // 32 drawn digits; the 13th is replaced by the version (4), the 17th carries the variant (8-b).
    const digits = new Array<number>(32);
    for (let i = 0; i < 32; i++) digits[i] = Math.floor(this.next() * 16);
    digits[12] = 4;
    digits[16] = ((digits[16] as number) & 0x3) | 0x8;
    const codes = new Array<number>(36);
    for (let i = 0, at = 0; i < 32; i++) {
      if (i === 8 || i === 12 || i === 16 || i === 20) codes[at++] = DASH;
      codes[at++] = HEX_DIGITS.charCodeAt(digits[i] as number);
    }
    return String.fromCharCode(...codes);
  }

  alnum(length: number): string {
    const codes = new Array<number>(length);
    for (let i = 0; i < length; i++) codes[i] = ALNUM.charCodeAt(Math.floor(this.next() * ALNUM.length));
    return String.fromCharCode(...codes);
  }

  fork(label: string): Rng {
    return new Mulberry32(`${this.#state}:${label}`);
  }
}

export const createRng = (seed: string | number): Rng => new Mulberry32(seed);
