import { intParam } from '../kit/http.js';
import { invalidField, type Page } from './errors.js';
import type { SimResponse } from '../kit/http.js';

/**
 * TiEM's PageRequest: `page` (1-based, default 1) and `pageSize` (default 10, the
 * document's own example). A value that is not a whole number, a page below 1, or a
 * size outside 1..MAX_PAGE_SIZE is refused as an invalid parameter rather than
 * silently clamped, so a client's paging bug shows up. A page past the end is not an
 * error: it comes back empty with the true total.
 */
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 1000;

export type PageRequest = { page: number; pageSize: number };

export function readPage(query: URLSearchParams): PageRequest | SimResponse {
  const page = intParam(query, 'page', 1);
  const pageSize = intParam(query, 'pageSize', DEFAULT_PAGE_SIZE);
  if (!Number.isInteger(page) || page < 1) return invalidField('page', 'must be a positive integer');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return invalidField('pageSize', `must be an integer between 1 and ${MAX_PAGE_SIZE}`);
  }
  return { page, pageSize };
}

export const isPageRequest = (v: PageRequest | SimResponse): v is PageRequest => 'pageSize' in v;

export function paginate<T>(items: readonly T[], req: PageRequest): { items: T[]; page: Page } {
  const start = (req.page - 1) * req.pageSize;
  return { items: items.slice(start, start + req.pageSize), page: { page: req.page, pageSize: req.pageSize, total: items.length } };
}
