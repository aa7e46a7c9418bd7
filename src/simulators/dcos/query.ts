import { intParam, type SimResponse } from '../kit/http.js';
import { CODE, DcosError, success } from './errors.js';

type Row = Record<string, unknown>;

/**
 * The list parameters every collection takes (`count`, `skip`, `limit`, `sort`), with
 * the semantics of the MongoDB query behind them: no `limit` or `limit=0` means all,
 * `sort=field` ascending and `sort=-field` descending (comma-separated for several).
 * `count=true` adds the total before paging to the body and the `X-Object-Count`
 * header, as the real go-restful services do. `view` turns a record into what the
 * client sees.
 */
export function listResponse<T>(records: readonly T[], query: URLSearchParams, view: (record: T) => Row): SimResponse {
  const skip = nonNegative(query, 'skip');
  const limit = nonNegative(query, 'limit');
  const end = limit > 0 ? skip + limit : undefined;
  const sort = query.get('sort');
  // Sorting reads the fields as the client sees them, so every record is shown first;
  // unsorted, only the page is, which keeps a page of a large fleet cheap.
  const page = sort?.trim() ? sortRows(records.map(view), sort).slice(skip, end) : records.slice(skip, end).map(view);
  if (query.get('count') !== 'true') return success(page);
  return success(page, records.length, { 'X-Object-Count': String(records.length) });
}

function nonNegative(query: URLSearchParams, name: string): number {
  const value = intParam(query, name, 0);
  if (!Number.isInteger(value) || value < 0) {
    throw new DcosError(CODE.invalid, `Invalid parameter ${name}: ${JSON.stringify(query.get(name))} is not a non-negative integer`);
  }
  return value;
}

function sortRows(rows: Row[], sort: string): Row[] {
  const keys = sort
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => (k.startsWith('-') ? { field: k.slice(1), dir: -1 } : { field: k.replace(/^\+/, ''), dir: 1 }));
  return rows.sort((a, b) => {
    for (const { field, dir } of keys) {
      const c = compare(a[field], b[field]);
      if (c !== 0) return c * dir;
    }
    return 0;
  });
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}
