/**
 * TiEM's PageRequest: `page` counts from 1, `pageSize` from 1 to 1000 (larger sizes are
 * refused, not clamped). Walks use the largest size; windows pick the size that
 * reaches the wanted items in the fewest calls.
 */
export const MAX_PAGE_SIZE = 1000;

export interface PagePlan {
  pageSize: number;
  /** 1-based page numbers to fetch, in order. */
  pages: number[];
  /** Items to drop from the front of the first page. */
  skip: number;
}

/**
 * The vendor pages that cover items `offset .. offset + limit - 1`. One page whenever
 * some page size puts the whole range on one page — the smallest such size, so the
 * least is fetched beyond the range; consecutive pages of the largest size otherwise.
 */
export function planWindow(offset: number, limit: number, maxPageSize = MAX_PAGE_SIZE): PagePlan {
  const want = Math.max(1, limit);
  const last = offset + want - 1;
  for (let size = want; size <= maxPageSize; size++) {
    const page = Math.floor(offset / size);
    if (page === Math.floor(last / size)) return { pageSize: size, pages: [page + 1], skip: offset - page * size };
  }
  const first = Math.floor(offset / maxPageSize);
  const pages = Array.from({ length: Math.floor(last / maxPageSize) - first + 1 }, (_, i) => first + i + 1);
  return { pageSize: maxPageSize, pages, skip: offset - first * maxPageSize };
}

/** Pages of `pageSize` that hold `total` items (at least one: an empty list is one empty page). */
export const pageCount = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize));
