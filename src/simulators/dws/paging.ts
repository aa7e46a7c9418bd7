import { invalid } from './errors.js';

/**
 * DWS pages with `offset` and `limit`, where offset "starts from 0 (page number minus
 * 1)": it counts pages, not records, so `offset=2&limit=10` is records 20 to 29.
 * `count` in the response is always the total before paging.
 */
export interface Page {
  offset: number;
  limit: number | undefined;
}

function intQuery(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw invalid('DWS.5065', name, `${raw} is not an integer`);
  return Number(raw);
}

/** Reads offset/limit; `defaultLimit` undefined means "no limit" (all records on page 0). */
export function readPage(query: URLSearchParams, defaultLimit: number | undefined): Page {
  const offset = intQuery(query, 'offset') ?? 0;
  const limit = intQuery(query, 'limit') ?? defaultLimit;
  if (offset < 0) throw invalid('DWS.5060', 'offset', 'it must be greater than or equal to 0');
  if (limit !== undefined && limit <= 0) throw invalid('DWS.5060', 'limit', 'it must be greater than 0');
  return { offset, limit };
}

export function slicePage<T>(items: readonly T[], page: Page): T[] {
  if (page.limit === undefined) return page.offset === 0 ? [...items] : [];
  const start = page.offset * page.limit;
  return items.slice(start, start + page.limit);
}
