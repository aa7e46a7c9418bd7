import { describe, expect, it } from 'vitest';
import { Best } from '../../src/lists/best.js';

/** A deterministic shuffle of 0..n-1 with many repeats once taken modulo. */
const numbers = (n: number, modulo: number) => Array.from({ length: n }, (_, i) => (i * 7919 + 13) % modulo);

describe('Best', () => {
  const byValue = (a: { v: number; id: number }, b: { v: number; id: number }) => a.v - b.v || a.id - b.id;
  const items = numbers(2000, 97).map((v, id) => ({ v, id }));
  const fullSort = [...items].sort(byValue);

  for (const n of [0, 1, 2, 51, 1999, 2000, 2001]) {
    it(`keeps exactly a full sort's first ${n} of 2000 items with many ties, and counts them all`, () => {
      const best = new Best(n, byValue);
      for (const item of items) best.offer(item);
      expect(best.sorted()).toEqual(fullSort.slice(0, n));
      expect(best.count).toBe(2000);
    });
  }

  it('keeps everything, sorted, when asked for every item', () => {
    const best = new Best(Number.POSITIVE_INFINITY, byValue);
    for (const item of items) best.offer(item);
    expect(best.sorted()).toEqual(fullSort);
  });

  it('without an order keeps the first n in arrival order', () => {
    const best = new Best<number>(3);
    for (const x of [5, 1, 4, 0, 2]) best.offer(x);
    expect(best.sorted()).toEqual([5, 1, 4]);
    expect(best.count).toBe(5);
  });

  it('keeps the best whichever order they arrive in: rising, falling', () => {
    for (const arrival of [fullSort, [...fullSort].reverse()]) {
      const best = new Best(10, byValue);
      for (const item of arrival) best.offer(item);
      expect(best.sorted()).toEqual(fullSort.slice(0, 10));
    }
  });

  it('sorts every short list, by hand or not, exactly as a full sort does', () => {
    for (let length = 0; length <= 20; length++) {
      const arrival = items.slice(0, length * 13).filter((_, i) => i % 13 === 0);
      const best = new Best(Number.POSITIVE_INFINITY, byValue);
      for (const item of arrival) best.offer(item);
      expect(best.sorted()).toEqual([...arrival].sort(byValue));
    }
  });
});
