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
