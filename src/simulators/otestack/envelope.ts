import type { SimRequest, SimResponse } from '../kit/http.js';
import { json } from '../kit/http.js';

/**
 * OTE-stack answers every call with `{code, message}` plus `data`/`total` where there is
 * a payload, and the HTTP status equals `code`. The document's tables name 200, 401,
 * 404, 422 (parameter validation) and 500.
 */
export const failure = (status: number, message: string): SimResponse => json(status, { code: status, message });

export const success = (extra: Record<string, unknown> = {}): SimResponse => json(200, { code: 200, message: 'success', ...extra });

/** Thrown by handlers and validators; `handler` turns it into the vendor's error body. */
export class OteError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const invalid = (message: string) => new OteError(422, `parameter validation error: ${message}`);
export const notFound = (message: string) => new OteError(404, message);

export function handler(fn: (req: SimRequest) => SimResponse): (req: SimRequest) => SimResponse {
  return (req) => {
    try {
      return fn(req);
    } catch (err) {
      if (err instanceof OteError) return failure(err.status, err.message);
      throw err;
    }
  };
}

/**
 * The repository calls pass through to Harbor, whose response-code tables answer a bad
 * parameter with 400 ("Invalid parameters") where the platform's own calls use 422.
 */
export function harborHandler(fn: (req: SimRequest) => SimResponse): (req: SimRequest) => SimResponse {
  return handler((req) => {
    try {
      return fn(req);
    } catch (err) {
      if (err instanceof OteError && err.status === 422) throw new OteError(400, err.message);
      throw err;
    }
  });
}

/** Unix seconds: every OTE-stack timestamp (createTime, updateTime) is one. */
export const unixSeconds = (ms: number) => Math.floor(ms / 1000);
