import { describe, expect, it } from 'vitest';
import { cursorIndex, decodeCursor, encodeCursor, queryFingerprint } from '../../src/lists/cursor.js';

const q = queryFingerprint(['clusters', {}, { field: 'NAME', direction: 'ASC' }, null]);
const raw = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64url');
const refusal = (text: string) => {
  try {
    decodeCursor(text, q);
  } catch (err) {
    return err as Error & { code: string };
  }
  throw new Error('accepted');
};

describe('cursors', () => {
  it('round-trip the positions, and index the item by their sum', () => {
    const cursor = { q, p: { tiem: 3, dws: 0, hci: 4 } };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text, q)).toEqual(cursor);
    expect(cursorIndex(cursor)).toBe(7);
    expect(cursorIndex({ q, p: {} })).toBe(0);
  });

  it('fingerprint the query: 12 URL-safe characters, the same for the same question, different otherwise', () => {
    expect(q).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(queryFingerprint(['clusters', {}, { field: 'NAME', direction: 'ASC' }, null])).toBe(q);
    expect(queryFingerprint(['clusters', {}, { field: 'NAME', direction: 'DESC' }, null])).not.toBe(q);
  });

  it('refuse what is not a Fleetgate cursor', () => {
    for (const text of [raw('not json'), raw(null), raw({ p: {} }), raw({ q, p: null }), raw({ q: 5, p: {} }), raw({ q, p: 3 }), raw({ q })]) {
      const err = refusal(text);
      expect(err.code).toBe('INVALID_CURSOR');
      expect(err.message).toBe('the cursor is not valid for this query: it is not a Fleetgate cursor');
    }
  });

  it('refuse a cursor of another query', () => {
    expect(refusal(encodeCursor({ q: 'other', p: {} })).message).toBe('the cursor is not valid for this query: it was issued for a different filter or order');
  });

  it('refuse a position that is not a count', () => {
    for (const n of [-1, 1.5, '2', null]) {
      expect(refusal(raw({ q, p: { ok: 1, tiem: n } })).message).toBe('the cursor is not valid for this query: its position for tiem is not a count');
    }
    expect(decodeCursor(raw({ q, p: { tiem: 0 } }), q)).toEqual({ q, p: { tiem: 0 } });
  });
});
