import { describe, expect, it } from 'vitest';
import { pagesCovering } from '../../../src/sources/kit/paging.js';

describe('pagesCovering', () => {
  it.each([
    // TiEM: pages of at most 1000.
    [0, 21, 1000, { pageSize: 21, pages: [0], skip: 0 }],
    [20, 20, 1000, { pageSize: 20, pages: [1], skip: 0 }],
    // 20..40 fits no page of 21..40 items: the smallest page that holds it is 41 long.
    [20, 21, 1000, { pageSize: 41, pages: [0], skip: 20 }],
    [995, 10, 1000, { pageSize: 14, pages: [71], skip: 1 }],
    [0, 0, 1000, { pageSize: 1, pages: [0], skip: 0 }],
    // Wider than one page can be: consecutive pages of the largest size.
    [999, 1002, 1000, { pageSize: 1000, pages: [0, 1, 2], skip: 999 }],
    // DWS, HCI and OTE-stack: no maximum, so always one page.
    [42, 21, undefined, { pageSize: 21, pages: [2], skip: 0 }],
    [30, 10, undefined, { pageSize: 10, pages: [3], skip: 0 }],
    [5, 3, undefined, { pageSize: 4, pages: [1], skip: 1 }],
    [40, 21, undefined, { pageSize: 31, pages: [1], skip: 9 }],
    [1, 500, undefined, { pageSize: 501, pages: [0], skip: 1 }],
  ])('covers %i + %i (largest page %s) in the fewest calls with the least over-fetch', (offset, limit, max, plan) => {
    expect(pagesCovering(offset, limit, max)).toEqual(plan);
  });

  it('always covers the range', () => {
    for (let offset = 0; offset < 300; offset += 7) {
      for (const limit of [1, 2, 21, 101, 501]) {
        for (const max of [120, undefined]) {
          const { pageSize, pages, skip } = pagesCovering(offset, limit, max);
          const first = (pages[0] ?? 0) * pageSize;
          expect(first + skip).toBe(offset);
          expect(first + pages.length * pageSize).toBeGreaterThanOrEqual(offset + limit);
          if (max === undefined) expect(pages).toHaveLength(1);
        }
      }
    }
  });
});
