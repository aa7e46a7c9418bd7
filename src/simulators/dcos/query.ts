import { intParam, type SimResponse } from '../kit/http.js';
import { CODE, DcosError, success } from './errors.js';

type Row = Record<string, unknown>;

/**
 * The list parameters every collection takes (`count`, `skip`, `limit`, `sort`), with
 * the semantics of the MongoDB query behind them: no `limit` or `limit=0` means all,
 * `sort=field` ascending and `sort=-field` descending (comma-separated for several).
 * `count=true` adds the total before paging to the body and the `X-Object-Count`
 * header, as the real go-restful services do.
 */
export function listResponse(rows: Row[], query: URLSearchParams): SimResponse {
  const skip = nonNegative(query, 'skip');
  const limit = nonNegative(query, 'limit');
  const sorted = sortRows(rows, query.get('sort'));
  const page = sorted.slice(skip, limit > 0 ? skip + limit : undefined);
  if (query.get('count') !== 'true') return success(page);
  return success(page, rows.length, { 'X-Object-Count': String(rows.length) });
}

function nonNegative(query: URLSearchParams, name: string): number {
  const value = intParam(query, name, 0);
  if (!Number.isInteger(value) || value < 0) {
    throw new DcosError(CODE.invalid, `Invalid parameter ${name}: ${JSON.stringify(query.get(name))} is not a non-negative integer`);
  }
  return value;
}

function sortRows(rows: Row[], sort: string | null): Row[] {
  const keys = (sort ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => (k.startsWith('-') ? { field: k.slice(1), dir: -1 } : { field: k.replace(/^\+/, ''), dir: 1 }));
  if (keys.length === 0) return rows;
  return [...rows].sort((a, b) => {
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
