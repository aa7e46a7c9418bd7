/**
 * DWS pages with `offset` and `limit`, where offset "starts from 0 (page number minus
 * 1)": it counts pages of `limit` records, not records. A window of records therefore
 * has to be expressed as one page of a size that holds all of it.
 */
export interface VendorPage {
  /** The page index: DWS's `offset`. */
  offset: number;
  /** The page size: DWS's `limit`. */
  limit: number;
}

/**
 * The one vendor page holding all of records `[offset, offset + limit)`: the smallest
 * page size from `limit` up for which the first and last wanted records share a page.
 * `offset + limit` always qualifies (page 0), so the search ends.
 */
export function pageCovering(offset: number, limit: number): VendorPage {
  const want = Math.max(1, limit);
  for (let size = want; ; size++) {
    const first = Math.floor(offset / size);
    if (first === Math.floor((offset + want - 1) / size)) return { offset: first, limit: size };
  }
}

/** Where the window starts inside the page `pageCovering` chose. */
export const skipInPage = (offset: number, page: VendorPage): number => offset - page.offset * page.limit;
