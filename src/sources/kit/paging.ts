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

/** A page as a walk needs it: how many items it holds, and the list's count where the vendor says. */
export interface PageCount {
  count: number;
  total?: number;
}

/**
 * Every page of a paged list (or enough for its first `atLeast` items), each handed to
 * `onPage` in page order and then let go: a walk over ten thousand items need not hold
 * them all. A page shorter than asked ends the list, except the first when the total
 * says more exist: then the vendor caps the page size, and later pages are asked at its
 * size so none is skipped. `total` is the last page's count.
 */
export async function eachPage<P extends PageCount>(
  fetchPage: (page: number, pageSize: number) => Promise<P>,
  options: Omit<WalkOptions<unknown>, 'key'>,
  onPage: (page: P) => void,
): Promise<{ total?: number }> {
  const { firstPage = 1, atLeast = Number.POSITIVE_INFINITY, limit } = options;
  const first = await (limit ? limit(() => fetchPage(firstPage, options.pageSize)) : fetchPage(firstPage, options.pageSize));
  const capped = first.total !== undefined && first.count > 0 && first.count < Math.min(options.pageSize, first.total);
  const size = capped ? first.count : options.pageSize;
  onPage(first);
  let last = first;
  if (limit && first.total !== undefined) {
    const more = Array.from({ length: pageCount(Math.min(first.total, atLeast), size) - 1 }, (_, i) => limit(() => fetchPage(firstPage + 1 + i, size)));
    // Asked for together, handed over in order; a failure is the walk's, whichever page it is.
    for (const page of more) page.catch(() => {});
    for (const page of more) {
      last = await page;
      onPage(last);
    }
  } else {
    let read = first.count;
    for (let n = firstPage + 1; last.count === size && read < Math.min(last.total ?? Number.POSITIVE_INFINITY, atLeast); n++) {
      last = await fetchPage(n, size);
      onPage(last);
      read += last.count;
    }
  }
  return last.total !== undefined ? { total: last.total } : {};
}

/** Every item of a paged list (or its first `atLeast`), as eachPage walks it. */
export async function walkPages<T, P extends Page<T>>(
  fetchPage: (page: number, pageSize: number) => Promise<P>,
  options: WalkOptions<T>,
): Promise<Pick<P, 'items' | 'total'>> {
  const pages: P[] = [];
  const counted = async (n: number, size: number) => {
    const page = await fetchPage(n, size);
    return { page, count: page.items.length, ...(page.total !== undefined ? { total: page.total } : {}) };
  };
  const { total } = await eachPage(counted, options, ({ page }) => pages.push(page));
  const seen = new Set<string>();
  const { key } = options;
  const items = pages.flatMap((p) => p.items).filter((item) => !key || (!seen.has(key(item)) && !!seen.add(key(item))));
  // A total on every page (P's own promise) is on the last one too.
  return { items, ...(total !== undefined ? { total } : {}) } as Pick<P, 'items' | 'total'>;
}
