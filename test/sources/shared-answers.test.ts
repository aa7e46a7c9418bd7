import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMetrics, type Metrics } from '../../src/metrics.js';
import { SourceHttp, type SourceHttpOptions } from '../../src/sources/http.js';
import { RequestScope } from '../../src/sources/scope.js';

/** Every request the vendor has seen and not yet answered; a test answers them when it chooses. */
let held: { req: IncomingMessage; res: ServerResponse }[];
/** Answer each request as it arrives instead of holding it. */
let answering: boolean;
let hits: string[];
let server: Server;
let url: string;
let metrics: Metrics;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers['x-user'] ?? ''}`.trim());
    held.push({ req, res });
    if (answering) answerAll();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
);
beforeEach(() => {
  held = [];
  hits = [];
  answering = false;
  metrics = createMetrics();
});
afterEach(() => vi.useRealTimers());

function answerAll(body: unknown = { n: hits.length }) {
  for (const { res } of held.splice(0)) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

function client(overrides: Partial<SourceHttpOptions> = {}) {
  return new SourceHttp({ sourceId: 'src-1', kind: 'tiem', url, timeoutMs: 5_000, retries: 0, metrics, readVendorError: () => undefined, ...overrides });
}

async function counter(name: string) {
  const metric = await metrics.registry.getSingleMetric(name)?.get();
  return (metric?.values ?? []).filter((v) => v.labels.source === 'src-1').reduce((n, v) => n + v.value, 0);
}

const get = { method: 'GET' as const, path: '/things', route: '/things', query: { page: 1 } };

describe('reads shared across requests', () => {
  it('sends identical GETs in flight at once from different requests as one call, and counts the shared ones', async () => {
    const http = client();
    const replies = [new RequestScope(), new RequestScope(), undefined].map((scope) => http.request({ ...get, ...(scope ? { scope } : {}) }));
    await vi.waitFor(() => expect(held).toHaveLength(1));
    answerAll({ n: 1 });
    const answered = await Promise.all(replies);
    expect(answered.map((r) => r.body)).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    expect(hits).toEqual(['GET /things?page=1']);
    expect(await counter('fleetgate_source_shared_calls_total')).toBe(2);
    expect(await counter('fleetgate_source_requests_total')).toBe(1);
  });

  it('keeps other URLs, other credentials and writes apart', async () => {
    const http = client();
    const pending = [
      http.request(get),
      http.request({ ...get, query: { page: 2 } }),
      http.request({ ...get, headers: { 'x-user': 'other' } }),
      http.request({ method: 'POST', path: '/things', route: '/things', body: {} }),
      http.request({ method: 'POST', path: '/things', route: '/things', body: {} }),
    ];
    await vi.waitFor(() => expect(held).toHaveLength(5));
    answerAll();
    await Promise.all(pending);
    expect(hits.sort()).toEqual(['GET /things?page=1', 'GET /things?page=1 other', 'GET /things?page=2', 'POST /things', 'POST /things']);
    expect(await counter('fleetgate_source_shared_calls_total')).toBe(0);
  });

  it('lets a caller that goes away stop waiting without cancelling the call for the others', async () => {
    const http = client();
    const leaving = new AbortController();
    const gone = http.request({ ...get, signal: leaving.signal });
    const staying = http.request({ ...get, signal: new AbortController().signal });
    await vi.waitFor(() => expect(held).toHaveLength(1));
    leaving.abort();
    await expect(gone).rejects.toMatchObject({ code: 'REQUEST_ABORTED' });
    expect(held[0]!.req.destroyed).toBe(false);
    answerAll({ n: 'kept' });
    expect((await staying).body).toEqual({ n: 'kept' });
    expect(hits).toHaveLength(1);
  });

  it('cancels the call once every caller has gone, and a later caller asks afresh', async () => {
    const http = client();
    const callers = [new AbortController(), new AbortController()];
    const pending = callers.map((c) => http.request({ ...get, signal: c.signal }));
    await vi.waitFor(() => expect(held).toHaveLength(1));
    const closed = new Promise((r) => held[0]!.res.once('close', r));
    for (const c of callers) c.abort();
    await Promise.all(pending.map((p) => expect(p).rejects.toMatchObject({ code: 'REQUEST_ABORTED' })));
    await closed;
    const later = http.request(get);
    await vi.waitFor(() => expect(held).toHaveLength(2));
    answerAll({ n: 'fresh' });
    expect((await later).body).toEqual({ n: 'fresh' });
    expect(hits).toHaveLength(2);
  });

  it('when one caller waiting on several calls goes away, leaves every one of them, and only its own', async () => {
    const http = client();
    const leaving = new AbortController();
    const other = { ...get, path: '/others', route: '/others' };
    const gone = [http.request({ ...get, signal: leaving.signal }), http.request({ ...other, signal: leaving.signal })];
    const staying = http.request({ ...other, signal: new AbortController().signal });
    await vi.waitFor(() => expect(held).toHaveLength(2));
    const things = held.find((h) => h.req.url?.startsWith('/things'))!;
    const closed = new Promise((r) => things.res.once('close', r));
    leaving.abort();
    await Promise.all(gone.map((p) => expect(p).rejects.toMatchObject({ code: 'REQUEST_ABORTED' })));
    // Nobody else waited for /things: that call is cancelled; /others still answers its other caller.
    await closed;
    answerAll({ n: 'kept' });
    expect((await staying).body).toEqual({ n: 'kept' });
  });

  it('does not let a read begun before a write answer a caller that comes after it', async () => {
    const http = client();
    const before = http.request(get);
    await vi.waitFor(() => expect(held).toHaveLength(1));
    const write = http.request({ method: 'DELETE', path: '/things/1', route: '/things/{id}' });
    await vi.waitFor(() => expect(held).toHaveLength(2));
    held.splice(1, 1)[0]!.res.end();
    await write;
    const after = http.request(get);
    await vi.waitFor(() => expect(held).toHaveLength(2));
    answerAll();
    await Promise.all([before, after]);
    expect(hits).toEqual(['GET /things?page=1', 'DELETE /things/1', 'GET /things?page=1']);
  });

  it('without a cache, sends a GET again once the last one has been answered', async () => {
    answering = true;
    const http = client();
    await http.request(get);
    await http.request(get);
    expect(hits).toHaveLength(2);
    expect(await counter('fleetgate_source_cache_hits_total')).toBe(0);
  });

  it('with cache.ttlMs, answers from the kept answer until it expires, and drops it on a write', async () => {
    answering = true;
    vi.useFakeTimers({ toFake: ['Date'] });
    const http = client({ cache: { ttlMs: 60_000 } });
    expect((await http.request(get)).body).toEqual({ n: 1 });
    expect((await http.request(get)).body).toEqual({ n: 1 });
    expect(hits).toHaveLength(1);
    expect(await counter('fleetgate_source_cache_hits_total')).toBe(1);

    vi.setSystemTime(Date.now() + 60_001);
    expect((await http.request(get)).body).toEqual({ n: 2 });
    expect((await http.request(get)).body).toEqual({ n: 2 });

    await http.request({ method: 'POST', path: '/things', route: '/things', body: {} });
    expect((await http.request(get)).body).toEqual({ n: 4 });
    expect(hits).toEqual(['GET /things?page=1', 'GET /things?page=1', 'POST /things', 'GET /things?page=1']);
    expect(await counter('fleetgate_source_cache_hits_total')).toBe(2);
  });

  it('shares nothing for the benchmark baseline (a scope without batching)', async () => {
    const http = client();
    const pending = [0, 1].map(() => http.request({ ...get, scope: new RequestScope(undefined, false) }));
    await vi.waitFor(() => expect(held).toHaveLength(2));
    answerAll();
    await Promise.all(pending);
    expect(hits).toHaveLength(2);
  });
});
