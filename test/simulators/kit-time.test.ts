import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/simulators/kit/rng.js';
import { isoLocal, isoMillis, isoSeconds } from '../../src/simulators/kit/time.js';

// Every instant these formats are checked at: leap days, century rules, the epoch, before it,
// the ends of the four-digit years, and a spread of seeded ones from 1900 to 2100.
const rng = createRng('kit-time');
const INSTANTS = [
  0,
  -1,
  999,
  1000.9,
  -0.5,
  Date.UTC(2000, 1, 29, 23, 59, 59, 999),
  Date.UTC(1900, 2, 1),
  Date.UTC(2100, 1, 28, 12),
  Date.UTC(2024, 11, 31, 23, 59, 59),
  -62_167_219_200_000,
  253_402_300_799_999,
  253_402_300_800_000,
  -62_167_219_200_001,
  ...Array.from({ length: 5000 }, () => rng.int(Date.UTC(1900, 0, 1), Date.UTC(2100, 0, 1))),
];

describe('simulator time formats', () => {
  it('isoMillis prints what Date#toISOString prints', () => {
    for (const ms of INSTANTS) expect(isoMillis(ms), String(ms)).toBe(new Date(ms).toISOString());
  });

  it('isoSeconds and isoLocal cut it to the second, with and without the zone', () => {
    for (const ms of INSTANTS) {
      const iso = new Date(ms).toISOString();
      const toSecond = iso.slice(0, iso.length - 5);
      expect(isoSeconds(ms), String(ms)).toBe(`${toSecond}Z`);
      expect(isoLocal(ms), String(ms)).toBe(toSecond);
    }
  });
});
