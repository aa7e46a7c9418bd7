import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { HighWaterMark, redisMarks } from '../../src/workflows/marks.js';

describe('high-water mark', () => {
  it('takes later items and unseen ids at its own instant as new, everything else as delivered', () => {
    const mark = new HighWaterMark();
    expect(mark.pass('2026-01-01T00:00:00Z', 'a')).toBe(true);
    expect(mark.pass('2026-01-01T00:00:00Z', 'a')).toBe(false);
    expect(mark.pass('2026-01-01T00:00:00.000Z', 'b')).toBe(true);
    expect(mark.pass('2025-12-31T23:59:59Z', 'z')).toBe(false);
    expect(mark.pass('2026-01-01T00:00:01Z', 'a')).toBe(true);
    // Only the latest instant's ids are kept.
    expect(mark.toJSON()).toEqual({ at: '2026-01-01T00:00:01Z', ids: ['a'] });
    const copy = new HighWaterMark(mark.toJSON());
    expect(copy.isNew('2026-01-01T00:00:01Z', 'a')).toBe(false);
    expect(copy.isNew('2026-01-01T00:00:01Z', 'c')).toBe(true);
  });

  it('is kept in Redis under the configured prefix', async () => {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
    const prefix = `fleetgate-test-${randomUUID()}:mark:`;
    try {
      const marks = redisMarks(redis, prefix);
      expect(await marks.get('events:a')).toBeUndefined();
      await marks.set('events:a', { at: '2026-01-01T00:00:00Z', ids: ['x', 'y'] });
      expect(await marks.get('events:a')).toEqual({ at: '2026-01-01T00:00:00Z', ids: ['x', 'y'] });
      expect(await redis.ttl(`${prefix}events:a`)).toBeGreaterThan(0);
      await redis.del(`${prefix}events:a`);
    } finally {
      redis.disconnect();
    }
  });
});
