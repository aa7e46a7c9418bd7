import { describe, expect, it } from 'vitest';
import { oncePerRow } from '../../../src/sources/kit/once-per-row.js';

describe('oncePerRow', () => {
  it('maps a row once, however many requests read it, and keeps rows apart', () => {
    let calls = 0;
    const itemOf = oncePerRow((sourceId: string, row: { id: string }) => {
      calls++;
      return { sourceId, nativeId: row.id };
    });
    const row = { id: 'a' };
    const first = itemOf('s', row);
    expect(itemOf('s', row)).toBe(first);
    expect(calls).toBe(1);
    expect(itemOf('s', { id: 'a' })).not.toBe(first);
    expect(calls).toBe(2);
  });

  it('hands out a frozen item, so a request cannot add its own gaps to the others’ item', () => {
    const item = oncePerRow((sourceId: string, row: { id: string }) => ({ sourceId, nativeId: row.id }))('s', { id: 'a' });
    expect(Object.isFrozen(item)).toBe(true);
    expect(() => Object.assign(item, { extra: 1 })).toThrow(TypeError);
  });
});
