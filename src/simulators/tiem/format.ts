import type { Rng } from '../kit/rng.js';

/**
 * TiEM ids are UUIDs printed as 22 characters of URL-safe base64
 * (e.g. `hSLFMBQfTmi0Ey-eqrnTvg`), for clusters, instances, workflows and backups alike.
 */
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export function tiemId(rng: Rng): string {
  let out = '';
  for (let i = 0; i < 22; i++) out += ID_ALPHABET[rng.int(0, 63)];
  return out;
}

/** Go's zero time.Time: what TiEM prints for a deleteTime or endTime not yet set. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

export const isoTime = (ms: number | undefined): string => (ms === undefined ? ZERO_TIME : new Date(ms).toISOString());

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
