import type { Limit } from './limit.js';
/** Which pages of one size cover a window of a vendor list. */
export interface PagePlan {
  pageSize: number;
  /** Page indexes counted from 0, in order; a vendor counting from 1 adds one. */
  pages: number[];
  /** Items to drop from the front of the first page. */
  skip: number;
}

/**
 * The vendor pages that cover items `offset .. offset + limit - 1`. One page whenever
 * some page size up to `maxPageSize` puts the whole range on one page — the smallest such
 * size, so the least is fetched beyond the range; consecutive pages of `maxPageSize`
 * otherwise. `offset + limit` always qualifies when the vendor sets no maximum.
 */
export function pagesCovering(offset: number, limit: number, maxPageSize = Number.POSITIVE_INFINITY): PagePlan {
  const want = Math.max(1, limit);
  const last = offset + want - 1;
  for (let size = want; size <= maxPageSize; size++) {
    const page = Math.floor(offset / size);
    if (page === Math.floor(last / size)) return { pageSize: size, pages: [page], skip: offset - page * size };
  }
  const first = Math.floor(offset / maxPageSize);
  const pages = Array.from({ length: Math.floor(last / maxPageSize) - first + 1 }, (_, i) => first + i);
  return { pageSize: maxPageSize, pages, skip: offset - first * maxPageSize };
}

/** Pages of `pageSize` that hold `total` items (at least one: an empty list is one empty page). */
export const pageCount = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize));

/** One page of a vendor list, or all of it: the items, and how many the whole list holds where the vendor says. */
export interface Page<T> {
  items: T[];
  total?: number;
}

/** A page of a vendor that always tells the total. */
export type CountedPage<T> = Required<Page<T>>;

export interface WalkOptions<T> {
  /** The size asked for. */
  pageSize: number;
  /** The number of the first page: 1 (the default) or 0. */
  firstPage?: number;
  /** Enough items: no page is asked for once this many are read. */
  atLeast?: number;
  /**
   * Runs each call (the source's concurrency limit). With it, the pages after the first
   * are asked for together once the first tells the total; without it, one at a time.
   */
  limit?: Limit;
  /** An item's identity: an item met again on a later page (a newer one was inserted while we walked) is kept once. */
  key?: (item: T) => string;
}

/**
 * Every item of a paged list (or its first `atLeast`). A page shorter than asked ends the
 * list, except the first when the total says more exist: then the vendor caps the page
 * size, and later pages are asked at its size so none is skipped. `total` is the last
 * page's count.
 */
export async function walkPages<T, P extends Page<T>>(
  fetchPage: (page: number, pageSize: number) => Promise<P>,
  options: WalkOptions<T>,
): Promise<Pick<P, 'items' | 'total'>> {
  const { firstPage = 1, atLeast = Number.POSITIVE_INFINITY, limit } = options;
  const first = await (limit ? limit(() => fetchPage(firstPage, options.pageSize)) : fetchPage(firstPage, options.pageSize));
  const capped = first.total !== undefined && first.items.length > 0 && first.items.length < Math.min(options.pageSize, first.total);
  const size = capped ? first.items.length : options.pageSize;
  const pages = [first];
  if (limit && first.total !== undefined) {
    const more = Array.from({ length: pageCount(Math.min(first.total, atLeast), size) - 1 }, (_, i) => firstPage + 1 + i);
    pages.push(...(await Promise.all(more.map((n) => limit(() => fetchPage(n, size))))));
  } else {
    let read = first.items.length;
    for (let last = first, n = firstPage + 1; last.items.length === size && read < Math.min(last.total ?? Number.POSITIVE_INFINITY, atLeast); n++) {
      last = await fetchPage(n, size);
      pages.push(last);
      read += last.items.length;
    }
  }
  const seen = new Set<string>();
  const { key } = options;
  const items = pages.flatMap((p) => p.items).filter((item) => !key || (!seen.has(key(item)) && !!seen.add(key(item))));
  const total = pages.at(-1)?.total;
  // A total on every page (P's own promise) is on the last one too.
  return { items, ...(total !== undefined ? { total } : {}) } as Pick<P, 'items' | 'total'>;
}
