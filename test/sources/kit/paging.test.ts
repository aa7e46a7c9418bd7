import { describe, expect, it } from 'vitest';
import { eachPage, type Page, pageCount, pagesCovering, walkPages } from '../../../src/sources/kit/paging.js';
import { cap } from '../../../src/sources/kit/limit.js';

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

describe('pageCount', () => {
  it('counts pages, an empty list being one empty page', () => {
    expect([pageCount(0, 1000), pageCount(1000, 1000), pageCount(1001, 1000)]).toEqual([1, 1, 2]);
  });
});

describe('walkPages', () => {
  /** A vendor list of `length` items, serving at most `cap` a page; records every page asked as `page x size`. */
  function vendor(length: number, options: { cap?: number; firstPage?: number; total?: boolean } = {}) {
    const all = Array.from({ length }, (_, i) => i);
    const asked: string[] = [];
    const fetch = async (page: number, size: number): Promise<Page<number>> => {
      asked.push(`${page}x${size}`);
      const served = Math.min(size, options.cap ?? size);
      const index = page - (options.firstPage ?? 1);
      return { items: all.slice(index * served, (index + 1) * served), ...(options.total === false ? {} : { total: length }) };
    };
    return { all, asked, fetch };
  }

  it('walks pages to the total, continuing at the vendor’s size when it caps the page (OTE-stack)', async () => {
    const v = vendor(25, { cap: 10 });
    expect(await walkPages(v.fetch, { pageSize: 100 })).toEqual({ items: v.all, total: 25 });
    expect(v.asked).toEqual(['1x100', '2x10', '3x10']);
  });

  it('without a total, stops at the first short page', async () => {
    const v = vendor(25, { total: false });
    expect(await walkPages(v.fetch, { pageSize: 10 })).toEqual({ items: v.all });
    expect(v.asked).toEqual(['1x10', '2x10', '3x10']);
  });

  it('without a total, asks once more after a full last page and stops at the empty one', async () => {
    const v = vendor(20, { total: false });
    expect((await walkPages(v.fetch, { pageSize: 10 })).items).toEqual(v.all);
    expect(v.asked).toEqual(['1x10', '2x10', '3x10']);
  });

  it('counts pages from 0 where the vendor does, and stops once `atLeast` items are read (DWS)', async () => {
    const v = vendor(35, { firstPage: 0 });
    expect(await walkPages(v.fetch, { pageSize: 10, firstPage: 0, atLeast: 12 })).toEqual({ items: v.all.slice(0, 20), total: 35 });
    expect(v.asked).toEqual(['0x10', '1x10']);
  });

  it('asks for one page of an empty list', async () => {
    const v = vendor(0);
    expect(await walkPages(v.fetch, { pageSize: 10 })).toEqual({ items: [], total: 0 });
    expect(v.asked).toEqual(['1x10']);
  });

  it('with a limit, asks for the pages after the first together under it (TiEM)', async () => {
    const v = vendor(35);
    let running = 0;
    let most = 0;
    const fetch = async (page: number, size: number) => {
      most = Math.max(most, ++running);
      await Promise.resolve();
      running--;
      return v.fetch(page, size);
    };
    expect((await walkPages(fetch, { pageSize: 10, limit: cap(2) })).items).toEqual(v.all);
    expect(v.asked).toEqual(['1x10', '2x10', '3x10', '4x10']);
    expect(most).toBe(2);
  });

  it('keeps an item met again on a later page once, by its key', async () => {
    // A newer item was inserted after page 1 was read: page 2 starts with page 1's last.
    const pages: Record<number, Page<{ id: string }>> = {
      1: { items: [{ id: 'a' }, { id: 'b' }], total: 4 },
      2: { items: [{ id: 'b' }, { id: 'c' }], total: 4 },
    };
    const walked = await walkPages(async (n: number) => pages[n] ?? { items: [], total: 4 }, {
      pageSize: 2,
      limit: cap(1),
      key: (item: { id: string }) => item.id,
    });
    expect(walked.items.map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('eachPage', () => {
  it('hands pages over in page order though they arrive in any, asks for them together, and keeps none', async () => {
    const handed: number[] = [];
    const asked: number[] = [];
    // Later pages answer first.
    const fetchPage = async (n: number) => {
      asked.push(n);
      await new Promise((r) => setTimeout(r, (6 - n) * 5));
      return { n, count: n < 5 ? 10 : 3, total: 43 };
    };
    const { total } = await eachPage(fetchPage, { pageSize: 10, limit: cap(8) }, (page) => handed.push(page.n));
    expect(handed).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([1, 2, 3, 4, 5]);
    expect(total).toBe(43);
  });

  it('fails with the first failing page in page order, and stops at a short page without a total', async () => {
    const failing = (n: number) => (n === 3 ? Promise.reject(new Error(`page ${n}`)) : Promise.resolve({ count: 10, total: 50 }));
    await expect(eachPage(failing, { pageSize: 10, limit: cap(8) }, () => {})).rejects.toThrow('page 3');
    const handed: number[] = [];
    await eachPage(
      async (n) => ({ count: n === 2 ? 4 : 10 }),
      { pageSize: 10 },
      (p) => handed.push(p.count),
    );
    expect(handed).toEqual([10, 4]);
  });
});
