import type { RunningSimulator } from '../../src/simulators/kit/server.js';

export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/**
 * One HTTP call to a simulator. A `FormData` body is sent as multipart/form-data, any
 * other as JSON (a string as it is); the answer is parsed as JSON when it is JSON.
 */
export async function call<T = any>(
  sim: Pick<RunningSimulator, 'url'>,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<CallResult<T>> {
  const sent = options.body;
  // fetch writes a multipart content type itself, with the boundary it chose.
  const json = sent !== undefined && !(sent instanceof FormData);
  const res = await fetch(sim.url + path, {
    method,
    headers: { accept: 'application/json', ...(json ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(sent instanceof FormData ? { body: sent } : json ? { body: typeof sent === 'string' ? sent : JSON.stringify(sent) } : {}),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: tests of faults look at `text`.
  }
  return { status: res.status, headers: res.headers, body, text };
}
