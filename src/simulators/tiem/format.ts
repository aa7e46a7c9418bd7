import type { Rng } from '../kit/rng.js';
import { isoMillis } from '../kit/time.js';

/**
 * TiEM ids are UUIDs printed as 22 characters of URL-safe base64
 * (e.g. `hSLFMBQfTmi0Ey-eqrnTvg`), for clusters, instances, workflows and backups alike.
 */
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ID_LENGTH = 22;
const idCodes: number[] = new Array<number>(ID_LENGTH).fill(0);
export function tiemId(rng: Rng): string {
  // Built from character codes in one go: a string grown by `+=` stays a rope of 22
  // pieces, and a large fleet holds hundreds of thousands of ids.
  for (let i = 0; i < ID_LENGTH; i++) idCodes[i] = ID_ALPHABET.charCodeAt(rng.int(0, 63));
  return String.fromCharCode(...idCodes);
}

/** Go's zero time.Time: what TiEM prints for a deleteTime or endTime not yet set. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

export const isoTime = (ms: number | undefined): string => (ms === undefined ? ZERO_TIME : isoMillis(ms));

/** Rounded to `digits` decimals by arithmetic: `toFixed` makes a string per call, and a large fleet rounds millions of figures. */
export const round = (value: number, digits = 2): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
