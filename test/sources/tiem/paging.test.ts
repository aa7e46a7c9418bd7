import { describe, expect, it } from 'vitest';
import { pageCount, planWindow } from '../../../src/sources/tiem/paging.js';

describe('planWindow', () => {
  it.each([
    [0, 21, { pageSize: 21, pages: [1], skip: 0 }],
    [20, 20, { pageSize: 20, pages: [2], skip: 0 }],
    // 20..40 fits no page of 21..40 items: the smallest page that holds it is 41 long.
    [20, 21, { pageSize: 41, pages: [1], skip: 20 }],
    [995, 10, { pageSize: 14, pages: [72], skip: 1 }],
    [0, 0, { pageSize: 1, pages: [1], skip: 0 }],
    // Wider than one page can be: consecutive pages of the largest size.
    [999, 1002, { pageSize: 1000, pages: [1, 2, 3], skip: 999 }],
  ])('covers %i + %i in the fewest calls with the least over-fetch', (offset, limit, plan) => {
    expect(planWindow(offset, limit)).toEqual(plan);
  });

  it('always covers the range', () => {
    for (let offset = 0; offset < 300; offset += 7) {
      for (const limit of [1, 2, 21, 101, 501]) {
        const { pageSize, pages, skip } = planWindow(offset, limit, 120);
        const first = ((pages[0] ?? 1) - 1) * pageSize;
        expect(first + skip).toBe(offset);
        expect(first + pages.length * pageSize).toBeGreaterThanOrEqual(offset + limit);
      }
    }
  });

  it('counts pages, an empty list being one empty page', () => {
    expect([pageCount(0, 1000), pageCount(1000, 1000), pageCount(1001, 1000)]).toEqual([1, 1, 2]);
  });
});
