import { intParam } from '../kit/http.js';
import { invalid } from './envelope.js';

/**
 * Paging as the document describes it: `page` starts at 1, `pageSize` has a per-endpoint
 * default, and where the document says so `pageSize=0` means "no limit". A page past
 * the end is an empty `data` with the real `total`.
 */
export function paginate<T>(items: readonly T[], query: URLSearchParams, defaultPageSize: number): T[] {
  const page = intParam(query, 'page', 1);
  const pageSize = intParam(query, 'pageSize', defaultPageSize);
  if (!Number.isInteger(page) || page < 1) throw invalid('page must be a positive integer');
  if (!Number.isInteger(pageSize) || pageSize < 0) throw invalid('pageSize must be a non-negative integer (0 for no limit)');
  if (pageSize === 0) return [...items];
  return items.slice((page - 1) * pageSize, page * pageSize);
}

/**
 * `orderBy` and `order` (asc/desc) applied to a list already sorted by id ascending.
 * `sorts` names the other orderBy values an endpoint allows (Get User List: user_name).
 */
export function ordered<T>(items: readonly T[], query: URLSearchParams, fallback: 'asc' | 'desc', sorts: Record<string, (a: T, b: T) => number> = {}): T[] {
  const orderBy = query.get('orderBy') || 'id';
  const sort = sorts[orderBy];
  if (orderBy !== 'id' && !sort) throw invalid(`orderBy ${orderBy} is not supported, only ${['id', ...Object.keys(sorts)].join(', ')}`);
  const order = query.get('order') || fallback;
  if (order !== 'asc' && order !== 'desc') throw invalid('order must be asc or desc');
  const sorted = sort ? [...items].sort(sort) : [...items];
  return order === 'asc' ? sorted : sorted.reverse();
}

/** `appName` + `appNameMode` (strict, partial, prefix; partial by default). */
export function nameMatcher(query: URLSearchParams, param: string): (name: string) => boolean {
  const wanted = query.get(param);
  if (!wanted) return () => true;
  const mode = query.get(`${param}Mode`) || 'partial';
  switch (mode) {
    case 'strict':
      return (name) => name === wanted;
    case 'prefix':
      return (name) => name.startsWith(wanted);
    case 'partial':
      return (name) => name.includes(wanted);
    default:
      throw invalid(`${param}Mode must be one of strict, partial, prefix`);
  }
}

/** `editable`/`running` style filters: true, false or all. */
export function triState(query: URLSearchParams, name: string, allowed: readonly string[]): boolean | undefined {
  const raw = query.get(name) || 'all';
  if (!allowed.includes(raw)) throw invalid(`${name} must be one of ${allowed.join(', ')}`);
  return raw === 'all' ? undefined : raw === 'true';
}

/**
 * `field` names the attributes to present (comma separated); absent means all of them.
 * Unknown names are a validation error rather than silently empty objects.
 */
export function project(item: Record<string, unknown>, query: URLSearchParams): Record<string, unknown> {
  const raw = query.get('field');
  if (!raw) return item;
  const fields = raw
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = fields.find((f) => !(f in item));
  if (unknown) throw invalid(`field ${unknown} does not exist`);
  return Object.fromEntries(fields.map((f) => [f, item[f]]));
}

type Body = Record<string, unknown>;

function present(body: Body, name: string): unknown {
  const value = body[name];
  if (value === undefined || value === null) throw invalid(`${name} is required`);
  return value;
}

export function str(body: Body, name: string, opts: { allowEmpty?: boolean } = {}): string {
  const value = present(body, name);
  if (typeof value !== 'string') throw invalid(`${name} must be a string`);
  if (!opts.allowEmpty && value.trim() === '') throw invalid(`${name} is required`);
  return value;
}

export function optStr(body: Body, name: string, fallback: string): string {
  return body[name] === undefined || body[name] === null ? fallback : str(body, name, { allowEmpty: true });
}

export function uint(body: Body, name: string): number {
  const value = present(body, name);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw invalid(`${name} must be a uint32`);
  }
  return value;
}

export function optUint(body: Body, name: string, fallback: number): number {
  return body[name] === undefined || body[name] === null ? fallback : uint(body, name);
}

export function bool(body: Body, name: string): boolean {
  const value = present(body, name);
  if (typeof value !== 'boolean') throw invalid(`${name} must be a bool`);
  return value;
}

export function optBool(body: Body, name: string, fallback: boolean): boolean {
  return body[name] === undefined || body[name] === null ? fallback : bool(body, name);
}

export function list<T>(body: Body, name: string, item: (v: unknown) => v is T, what: string, opts: { required: boolean }): T[] {
  const value = body[name];
  if (value === undefined || value === null) {
    if (opts.required) throw invalid(`${name} is required`);
    return [];
  }
  if (!Array.isArray(value) || !value.every(item)) throw invalid(`${name} must be an array of ${what}`);
  if (opts.required && value.length === 0) throw invalid(`${name} must not be empty`);
  return value;
}

export const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';
export const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** A path id (`/v1/deploy/id/{deployId}`) that is not a positive integer. */
export function pathId(raw: string | undefined, name: string): number {
  if (!raw || !/^\d+$/.test(raw) || Number(raw) < 1) throw invalid(`${name} must be a positive integer`);
  return Number(raw);
}

/** Label names: "only use uppercase and lowercase letters, numbers and special character - ." */
export function labelName(body: Body, name: string): string {
  const value = str(body, name);
  if (!/^[A-Za-z0-9.-]{1,63}$/.test(value)) {
    throw invalid(`${name} may only use letters, numbers, '-' and '.' (at most 63 characters)`);
  }
  return value;
}

/** "8-20 characters long with at least 1 uppercase, 1 lowercase and 1 number" (Create User). */
export function password(body: Body, name: string): string {
  const value = str(body, name);
  if (!/^.{8,20}$/.test(value) || !/[A-Z]/.test(value) || !/[a-z]/.test(value) || !/\d/.test(value)) {
    throw invalid(`${name} must be 8-20 characters with at least 1 uppercase letter, 1 lowercase letter and 1 number`);
  }
  return value;
}

/** An integer among `allowed` (status codes). */
export function oneOf<K extends number>(body: Body, name: string, allowed: Record<K, string>): K {
  const value = present(body, name);
  if (typeof value !== 'number' || !(value in allowed)) {
    const choices = Object.entries(allowed).map(([n, what]) => `${n} (${what})`);
    throw invalid(`${name} must be ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`);
  }
  return value as K;
}
