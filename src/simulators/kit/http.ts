import type { IncomingHttpHeaders } from 'node:http';
import type { FormField } from './body.js';

/** What a simulator route handler sees of a request. */
export interface SimRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  /** The route pattern that matched, as the vendor document writes it (`/clusters/{id}`). */
  route: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed body when its content type is JSON; undefined otherwise or when empty. */
  body: unknown;
  /** The fields of a multipart/form-data body; undefined for any other content type. */
  form?: ReadonlyMap<string, FormField>;
  rawBody: Buffer;
}

/** What a handler answers. `body` is sent as JSON unless `text` is given. */
export interface SimResponse {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): SimResponse => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

/** A plain object body or `{}`; simulators validate fields themselves. */
export function bodyObject(req: SimRequest): Record<string, unknown> {
  const b = req.body;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

/** Header value as a single string (first of repeated ones). */
export function header(req: SimRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** The first of `fields` that is absent, null or an empty string in `body`, if any. */
export function firstMissing(body: Record<string, unknown>, fields: readonly string[]): string | undefined {
  return fields.find((f) => body[f] === undefined || body[f] === null || body[f] === '');
}

/** Integer query parameter, or `fallback` when absent; NaN when present but not an integer. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
}
