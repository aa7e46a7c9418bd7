import type { RunningSimulator } from '../../src/simulators/kit/server.js';

export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** One HTTP call to a simulator; the body is parsed as JSON when it is JSON. */
export async function call<T = any>(
  sim: Pick<RunningSimulator, 'url'>,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<CallResult<T>> {
  const res = await fetch(sim.url + path, {
    method,
    headers: { accept: 'application/json', ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
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
