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
