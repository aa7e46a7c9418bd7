import type { HttpMethod, Route } from '../kit/definition.js';
import { intParam, type SimRequest } from '../kit/http.js';
import { type EnvelopeStyle, errors, failure, HciError, success } from './envelope.js';

/**
 * A route whose handler returns the `data` payload or throws `HciError`; both are
 * wrapped in the envelope style of that endpoint's example.
 */
export function route(method: HttpMethod, path: string, style: EnvelopeStyle, handle: (req: SimRequest) => unknown): Route {
  return {
    method,
    path,
    handle: (req) => {
      try {
        return success(style, handle(req));
      } catch (err) {
        if (err instanceof HciError) return failure(style, err);
        throw err;
      }
    },
  };
}

/** A required query parameter (GET endpoints take everything in the query string). */
export function requiredQuery(req: SimRequest, name: string): string {
  const value = req.query.get(name);
  if (value === null || value.trim() === '') throw errors.paramRequired(name);
  return value;
}

/** A required string field of a POST body. */
export function requiredField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (value === undefined || value === null || value === '') throw errors.paramRequired(name);
  if (typeof value !== 'string') throw errors.paramInvalid(name, 'must be a string');
  return value;
}

export function optionalString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw errors.paramInvalid(name, 'must be a string');
  return value;
}

/** Optional bool field; the document gives `false` as every such default. */
export function optionalBool(body: Record<string, unknown>, name: string): boolean {
  const value = body[name];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw errors.paramInvalid(name, 'must be true or false');
  return value;
}

/** An optional `true`/`false` query flag; the document gives `false` as every default. */
export function queryBool(req: SimRequest, name: string): boolean {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return false;
  if (raw !== 'true' && raw !== 'false') throw errors.paramInvalid(name, 'must be true or false');
  return raw === 'true';
}

/** An optional non-negative integer query parameter, 0 when absent (the documented default). */
export function queryCount(req: SimRequest, name: string): number {
  const n = intParam(req.query, name, 0);
  if (!(n >= 0)) throw errors.paramInvalid(name, 'must be a non-negative integer');
  return n;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** A required IPv4 address field. */
export function requiredIp(body: Record<string, unknown>, name: string): string {
  const value = requiredField(body, name);
  if (!IPV4.test(value)) throw errors.paramInvalid(name, 'must be an IPv4 address');
  return value;
}

/** A required `address/prefix` field, as the document's examples write networks (`1.1.1.1/1`). */
export function requiredCidr(body: Record<string, unknown>, name: string): string {
  const value = requiredField(body, name);
  const [ip = '', prefix = '', ...rest] = value.split('/');
  if (rest.length > 0 || !IPV4.test(ip) || !/^\d{1,2}$/.test(prefix) || Number(prefix) > 32) {
    throw errors.paramInvalid(name, 'must be an IPv4 address with a prefix length, like 10.0.0.5/24');
  }
  return value;
}

export function requiredInt(value: unknown, name: string, min: number): number {
  if (value === undefined || value === null || value === '') throw errors.paramRequired(name);
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw errors.paramInvalid(name, 'must be an integer');
  if (n < min) throw errors.paramInvalid(name, `must be at least ${min}`);
  return n;
}

/**
 * `page_num`/`page_size`, both defaulting to 0 as documented. The compute statistic
 * example asks for `page_num=0&page_size=5`, so pages count from 0; a `page_size` of
 * 0 (the default) means "no paging" and returns everything. A page past the end is
 * empty while `total_count` still counts every match.
 */
export function paginate<T>(req: SimRequest, items: readonly T[]): T[] {
  const pageNum = intParam(req.query, 'page_num', 0);
  const pageSize = intParam(req.query, 'page_size', 0);
  if (!(pageNum >= 0)) throw errors.paramInvalid('page_num', 'must be a non-negative integer');
  if (!(pageSize >= 0)) throw errors.paramInvalid('page_size', 'must be a non-negative integer');
  if (pageSize === 0) return [...items];
  return items.slice(pageNum * pageSize, (pageNum + 1) * pageSize);
}
