import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { getEventListeners } from 'node:events';
import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMetrics } from '../../src/metrics.js';
import { TokenAuth } from '../../src/sources/auth.js';
import { openCallLog } from '../../src/sources/call-log.js';
import { callError, RequestAbortedError, sourceErrorSummary } from '../../src/sources/errors.js';
import { LARGE_BODY, SourceHttp, type SourceHttpOptions } from '../../src/sources/http.js';
import { RequestScope } from '../../src/sources/scope.js';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

let server: Server;
let url: string;
let handler: Handler;
let hits: string[];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`.trim());
    handler(req, res, hits.length);
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
  hits = [];
  handler = (_req, res) => json(res, 200, { ok: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function client(overrides: Partial<SourceHttpOptions> = {}) {
  return new SourceHttp({
    sourceId: 'src-1',
    kind: 'tiem',
    url,
    timeoutMs: 2_000,
    retries: 2,
    metrics: createMetrics(),
    readVendorError: (body) => {
      const b = body as { code?: number; message?: string };
      return b?.code ? { code: String(b.code), message: b.message ?? '' } : undefined;
    },
    ...overrides,
  });
}

const get = { method: 'GET' as const, path: '/things', route: '/things' };
const post = { method: 'POST' as const, path: '/things', route: '/things', body: { a: 1 } };

describe('SourceHttp', () => {
  it('parses JSON and returns any status with its body', async () => {
    handler = (_req, res) => json(res, 404, { code: 404, message: 'no such thing' });
    expect(await client().request(get)).toMatchObject({ status: 404, body: { code: 404 } });
  });

  it('retries a GET after 503 and after 429 with Retry-After, but never a POST', async () => {
    handler = (_req, res, n) => (n === 1 ? json(res, 503, {}) : json(res, 200, { ok: n }));
    expect((await client().request(get)).body).toEqual({ ok: 2 });
    hits = [];
    handler = (_req, res, n) => (n === 1 ? json(res, 429, {}, { 'retry-after': '0' }) : json(res, 200, { ok: n }));
    expect((await client().request(get)).body).toEqual({ ok: 2 });
    hits = [];
    handler = (_req, res) => json(res, 503, { code: 7, message: 'busy' });
    await expect(client().request(post)).rejects.toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      detail: { vendorCode: '7', vendorMessage: 'busy', httpStatus: 503 },
    });
    expect(hits).toHaveLength(1);
  });

  it('retries a GET after 500 and answers the last 500 as the vendor said it once retries run out; never retries a write', async () => {
    handler = (_req, res, n) => (n <= 2 ? json(res, 500, { code: 9, message: 'backend restarting' }) : json(res, 200, { ok: n }));
    expect(await client({ retries: 2 }).request(get)).toMatchObject({ status: 200, body: { ok: 3 } });
    expect(hits).toHaveLength(3);
    hits = [];
    handler = (_req, res) => json(res, 500, { code: 9, message: 'backend down' });
    expect(await client({ retries: 2 }).request(get)).toMatchObject({ status: 500, body: { code: 9, message: 'backend down' } });
    expect(hits).toHaveLength(3);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      hits = [];
      expect(await client({ retries: 2 }).request({ ...post, method })).toMatchObject({ status: 500 });
      expect(hits).toHaveLength(1);
    }
  });

  it('does not ask again for a 500 the vendor calls a definite answer (transient500)', async () => {
    const transient500 = (vendor: { code?: string } | undefined) => vendor?.code === undefined || vendor.code === '1';
    handler = (_req, res) => json(res, 500, { code: 44, message: 'no such thing' });
    expect(await client({ retries: 2, transient500 }).request(get)).toMatchObject({ status: 500, body: { code: 44 } });
    expect(hits).toHaveLength(1);
    hits = [];
    handler = (_req, res, n) => (n === 1 ? json(res, 500, { code: 1, message: 'internal' }) : json(res, 200, { ok: n }));
    expect(await client({ retries: 2, transient500 }).request(get)).toMatchObject({ status: 200 });
    expect(hits).toHaveLength(2);
  });

  it('does not wait for a Retry-After that ends past the deadline', async () => {
    handler = (_req, res) => json(res, 429, {}, { 'retry-after': '120' });
    await expect(client().request(get)).rejects.toMatchObject({ code: 'SOURCE_RATE_LIMITED' });
    expect(hits).toHaveLength(1);
  });

  it('gives up after the configured retries with the last error', async () => {
    handler = (_req, res) => json(res, 502, {});
    await expect(client({ retries: 1 }).request(get)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', sourceId: 'src-1' });
    expect(hits).toHaveLength(2);
  });

  it('times out, and marks a timed-out write as outcome unknown', async () => {
    handler = () => undefined; // never answers
    await expect(client({ timeoutMs: 200 }).request(get)).rejects.toMatchObject({
      code: 'SOURCE_TIMEOUT',
      message: 'src-1: GET /things did not answer within 200 ms',
    });
    await expect(client({ timeoutMs: 200 }).request(post)).rejects.toMatchObject({ code: 'SOURCE_TIMEOUT', detail: { outcomeUnknown: true } });
  });

  it('calls a non-JSON body bad, and a proxy HTML page on a 5xx unavailable', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"code": 0, "data": [');
    };
    await expect(client().request(get)).rejects.toMatchObject({ code: 'SOURCE_BAD_RESPONSE' });
    handler = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad Gateway</body></html>');
    };
    await expect(client({ retries: 0 }).request(get)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
  });

  it('calls a body cut short bad', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"code":0', () => res.destroy());
    };
    await expect(client({ retries: 0 }).request(get)).rejects.toMatchObject({
      code: 'SOURCE_BAD_RESPONSE',
      message: 'src-1: the response to GET /things ended before its body was complete',
      detail: { httpStatus: 200 },
    });
  });

  it('reports a refused connection as unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await expect(client({ url: `http://127.0.0.1:${port}`, retries: 0 }).request(get)).rejects.toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      message: 'src-1: GET /things could not be reached (ECONNREFUSED)',
    });
  });

  it('sends one GET per URL per request scope', async () => {
    const http = client();
    const scope = new RequestScope();
    await Promise.all([http.request({ ...get, scope }), http.request({ ...get, scope }), http.request({ ...get, scope, query: { page: 2 } })]);
    expect(hits).toEqual(['GET /things', 'GET /things?page=2']);
  });

  it('opens the circuit after repeated failures and refuses calls without sending them', async () => {
    handler = (_req, res) => json(res, 503, {});
    const http = client({ retries: 0, breaker: { threshold: 3, halfOpenAfterMs: 60_000 } });
    for (let i = 0; i < 3; i++) await expect(http.request(get)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect(http.health().health).toBe('DOWN');
    hits = [];
    await expect(http.request(get)).rejects.toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      message: 'src-1: the circuit breaker is open after repeated failures; calls resume shortly',
    });
    expect(hits).toEqual([]);
  });

  it('lets a half-open trial log in again through the same source', async () => {
    // The vendor comes back after an outage having forgotten every token, as a restarted
    // TiEM or OTE-stack does: the trial call gets 401 and must log in through this client.
    let down = false;
    let issued = 0;
    const http: SourceHttp = client({
      retries: 0,
      breaker: { threshold: 2, halfOpenAfterMs: 60_000 },
      auth: new TokenAuth({
        login: async () => {
          const reply = await http.request({ method: 'POST', path: '/login', route: '/login', auth: false });
          return { headers: { authorization: `Bearer ${(reply.body as { token: string }).token}` } };
        },
      }),
    });
    handler = (req, res) => {
      if (down) return json(res, 503, {});
      if (req.url === '/login') return json(res, 200, { token: `t${++issued}` });
      return req.headers.authorization === `Bearer t${issued}` ? json(res, 200, { ok: true }) : json(res, 401, {});
    };
    await http.request(get);
    down = true;
    for (let i = 0; i < 2; i++) await expect(http.request(get)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect(http.health().health).toBe('DOWN');
    down = false;
    issued++;
    // The breaker reads Date.now: move its clock past the open period instead of waiting it out.
    const later = Date.now() + 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    expect((await http.request(get)).body).toEqual({ ok: true });
    expect(hits.filter((h) => h.startsWith('POST /login'))).toHaveLength(2);
    expect(http.health().health).toBe('UP');
  });

  it('aborts the vendor call when the client goes away', async () => {
    handler = () => undefined;
    const controller = new AbortController();
    const pending = client().request({ ...get, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ code: 'REQUEST_ABORTED' });
  });

  it('logs in again once on 401, shared by concurrent calls, then fails with SOURCE_AUTH_FAILED if still refused', async () => {
    let logins = 0;
    let valid = 'Bearer t1';
    const auth = new TokenAuth({
      login: async () => {
        logins++;
        return { headers: { authorization: `Bearer t${logins}` } };
      },
    });
    handler = (req, res) => (req.headers.authorization === valid ? json(res, 200, {}) : json(res, 401, { code: 401, message: 'token expired' }));
    const http = client({ auth });
    await http.request(get);
    valid = 'Bearer t2';
    await Promise.all(Array.from({ length: 10 }, () => http.request(get)));
    expect(logins).toBe(2);
    valid = 'never';
    await expect(http.request(get)).rejects.toMatchObject({ code: 'SOURCE_AUTH_FAILED', detail: { vendorMessage: 'token expired' } });
  });
});

describe('SourceHttp write safety', () => {
  const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
  const write = (method: (typeof WRITES)[number]) => ({ ...post, method });
  /** Drops the connection once the request has arrived, before any answer. */
  const drop: Handler = (req) => req.socket.destroy();

  it.each(WRITES)('sends a %s once whatever the answer: 502, 503, 504, 429 with Retry-After, a dropped connection', async (method) => {
    const answers: Handler[] = [
      (_req, res) => json(res, 502, {}),
      (_req, res) => json(res, 503, {}),
      (_req, res) => json(res, 504, {}),
      (_req, res) => json(res, 429, {}, { 'retry-after': '0' }),
      drop,
    ];
    for (const answer of answers) {
      hits = [];
      handler = answer;
      await expect(client({ retries: 3 }).request(write(method))).rejects.toBeInstanceOf(Error);
      expect(hits).toEqual([`${method} /things`]);
    }
  });

  it('retries a GET whose connection dropped, and answers it once the vendor does', async () => {
    handler = (req, res, n) => (n === 1 ? drop(req, res, n) : json(res, 200, { ok: n }));
    expect((await client({ retries: 2 }).request(get)).body).toEqual({ ok: 2 });
    expect(hits).toEqual(['GET /things', 'GET /things']);
  });

  it.each(WRITES)('marks a %s whose connection dropped before the answer as outcome unknown', async (method) => {
    handler = drop;
    await expect(client({ retries: 0 }).request(write(method))).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', detail: { outcomeUnknown: true } });
  });

  it.each(WRITES)('marks a %s whose answer was cut short as outcome unknown', async (method) => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"code":0', () => res.destroy());
    };
    await expect(client({ retries: 0 }).request(write(method))).rejects.toMatchObject({ code: 'SOURCE_BAD_RESPONSE', detail: { outcomeUnknown: true } });
  });

  it('knows the outcome of a write the vendor refused with a status, and of every GET', async () => {
    handler = (_req, res) => json(res, 503, { code: 7, message: 'busy' });
    const refused = await client({ retries: 0 })
      .request(post)
      .catch((err: unknown) => err);
    expect(refused).toMatchObject({ code: 'SOURCE_UNAVAILABLE', detail: { httpStatus: 503 } });
    expect((refused as { detail: object }).detail).not.toHaveProperty('outcomeUnknown');
    handler = drop;
    const dropped = await client({ retries: 0 })
      .request(get)
      .catch((err: unknown) => err);
    expect(dropped).toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect((dropped as { detail: object }).detail).not.toHaveProperty('outcomeUnknown');
  });

  it.each(WRITES)('sends a %s refused with 401 once more after one login, with the new token', async (method) => {
    let logins = 0;
    const auth = new TokenAuth({
      login: async () => {
        logins++;
        return { headers: { authorization: `Bearer t${logins}` } };
      },
    });
    let valid = 'Bearer t1';
    handler = (req, res) => (req.headers.authorization === valid ? json(res, 200, { done: true }) : json(res, 401, {}));
    const http = client({ auth, retries: 3 });
    await http.request(get);
    hits = [];
    valid = 'Bearer t2';
    expect(await http.request(write(method))).toMatchObject({ status: 200, body: { done: true } });
    expect(hits).toEqual([`${method} /things Bearer t1`, `${method} /things Bearer t2`]);
    expect(logins).toBe(2);
    hits = [];
    valid = 'never';
    await expect(http.request(write(method))).rejects.toMatchObject({ code: 'SOURCE_AUTH_FAILED' });
    expect(hits).toEqual([`${method} /things Bearer t2`, `${method} /things Bearer t3`]);
    expect(logins).toBe(3);
  });

  it.each(WRITES)('never sends a %s whose caller went away before it was made', async (method) => {
    const gone = new AbortController();
    gone.abort();
    await expect(client().request({ ...write(method), signal: gone.signal })).rejects.toBeInstanceOf(RequestAbortedError);
    expect(hits).toEqual([]);
  });

  it('sends a form upload refused with 401 once more after one login, whole and with its boundary each time', async () => {
    let logins = 0;
    const auth = new TokenAuth({ login: async () => ({ headers: { authorization: `Bearer t${++logins}` } }) });
    const received: { type?: string; body: string }[] = [];
    handler = (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ type: req.headers['content-type'], body: Buffer.concat(chunks).toString() });
        json(res, req.headers.authorization === 'Bearer t2' ? 200 : 401, {});
      });
    };
    const form = new FormData();
    form.set('chart', new Blob(['apiVersion: v2\nname: demo\n']), 'demo-0.1.0.tgz');
    expect(await client({ auth }).request({ method: 'POST', path: '/charts', route: '/charts', form })).toMatchObject({ status: 200 });
    expect(hits).toEqual(['POST /charts Bearer t1', 'POST /charts Bearer t2']);
    for (const { type, body } of received) {
      const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(type ?? '')?.[1];
      expect(boundary).toBeDefined();
      expect(body).toContain(`--${boundary}\r\nContent-Disposition: form-data; name="chart"; filename="demo-0.1.0.tgz"`);
      expect(body).toContain('apiVersion: v2\nname: demo\n');
      expect(body.trimEnd().endsWith(`--${boundary}--`)).toBe(true);
    }
  });

  it('takes a 503 with a large body as the source unavailable: a read asked again, a write sent once', async () => {
    const large = { code: 7, message: 'busy', detail: 'x'.repeat(LARGE_BODY) };
    handler = (_req, res, n) => (n === 1 ? json(res, 503, large) : json(res, 200, { ok: n }));
    expect((await client({ retries: 2 }).request(get)).body).toEqual({ ok: 2 });
    hits = [];
    handler = (_req, res) => json(res, 503, large);
    await expect(client({ retries: 2 }).request(post)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', detail: { httpStatus: 503, vendorCode: '7' } });
    expect(hits).toEqual(['POST /things']);
  });

  it('sends a login call refused with 401 once: it carries no credentials to renew', async () => {
    let logins = 0;
    const auth = new TokenAuth({ login: async () => ({ headers: { authorization: `Bearer t${++logins}` } }) });
    handler = (_req, res) => json(res, 401, {});
    await expect(client({ auth }).request({ ...post, auth: false })).rejects.toMatchObject({ code: 'SOURCE_AUTH_FAILED' });
    expect(hits).toEqual(['POST /things']);
    expect(logins).toBe(0);
  });
});

describe('SourceHttp requests, errors and health', () => {
  it('builds the URL under the source path, sends JSON headers only with a body, and lets credentials win', async () => {
    const seen: { url?: string; headers: Record<string, unknown> }[] = [];
    handler = (req, res) => {
      seen.push({ url: req.url, headers: req.headers });
      json(res, 200, {});
    };
    const auth = { headers: async () => ({ authorization: 'Bearer t', 'x-extra': 'auth' }), renew: async () => undefined };
    const http = client({ url: `${url}/api/v2/`, auth });
    await http.request({ ...get, query: { a: 1, b: undefined, c: true, d: 'x y' }, headers: { 'x-extra': 'call', 'x-call': '1' } });
    await http.request(post);
    expect(seen[0]?.url).toBe('/api/v2/things?a=1&c=true&d=x+y');
    expect(seen[0]?.headers).toMatchObject({ accept: 'application/json', authorization: 'Bearer t', 'x-extra': 'auth', 'x-call': '1' });
    expect(seen[0]?.headers).not.toHaveProperty('content-type');
    expect(seen[1]?.url).toBe('/api/v2/things');
    expect(seen[1]?.headers).toMatchObject({ 'content-type': 'application/json' });
  });

  it('answers an empty body as undefined, with the status and headers', async () => {
    handler = (_req, res) => {
      res.writeHead(204, { 'x-id': '7' });
      res.end();
    };
    expect(await client().request(get)).toMatchObject({ status: 204, body: undefined, headers: { 'x-id': '7' } });
  });

  it('puts the vendor’s code and message into the error, and says what the body was without quoting data', async () => {
    handler = (_req, res) => json(res, 503, { code: 12, message: 'maintenance' });
    const unavailable = await client({ retries: 0 })
      .request(get)
      .catch((e: unknown) => e);
    expect(unavailable).toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      message: 'src-1: GET /things answered HTTP 503: maintenance',
      detail: { sourceId: 'src-1', sourceKind: 'tiem', route: 'GET /things', httpStatus: 503, vendorCode: '12', vendorMessage: 'maintenance' },
    });
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('token=secret-value');
    };
    expect(
      await client()
        .request(get)
        .catch((e: unknown) => e),
    ).toMatchObject({
      code: 'SOURCE_BAD_RESPONSE',
      message: 'src-1: GET /things answered HTTP 200 with a body that is not JSON (18 bytes, not quoted)',
    });
    const title = `<html><head><title>502 Bad Gateway ${'x'.repeat(80)}</title></head></html>`;
    handler = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(title);
    };
    const proxy = (await client({ retries: 0 })
      .request(get)
      .catch((e: unknown) => e)) as Error;
    expect(proxy.message).toBe(`src-1: GET /things answered HTTP 502 with a body that is not JSON (${title.slice(0, 60)}…)`);
    handler = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<p>down</p>\n');
    };
    expect(
      (
        (await client({ retries: 0 })
          .request(get)
          .catch((e: unknown) => e)) as Error
      ).message,
    ).toBe('src-1: GET /things answered HTTP 502 with a body that is not JSON (<p>down</p>)');
  });

  it('calls a body that is not JSON unavailable from 500 up and a bad response below; a blank body is no body', async () => {
    const answer = (status: number, text: string) => {
      handler = (_req, res) => {
        res.writeHead(status, { 'content-type': 'text/html' });
        res.end(text);
      };
    };
    answer(500, '<h1>oops</h1>');
    await expect(client({ retries: 0 }).request(post)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', detail: { httpStatus: 500 } });
    answer(499, '<h1>oops</h1>');
    await expect(client({ retries: 0 }).request(post)).rejects.toMatchObject({ code: 'SOURCE_BAD_RESPONSE', detail: { httpStatus: 499 } });
    answer(200, ' \n\t ');
    expect(await client().request(get)).toMatchObject({ status: 200, body: undefined });
  });

  it('keeps a large successful body as its bytes, parsed where it is read; one that is not JSON fails there as it would have on arrival', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: `c${i}`, name: `cluster ${'x'.repeat(40)} ${i}` }));
    handler = (_req, res) => json(res, 200, { clusters: rows });
    const reply = await client().request(get);
    expect(reply.bytes?.length).toBeGreaterThan(LARGE_BODY);
    expect(reply.body).toEqual({ clusters: rows });
    handler = (_req, res) => json(res, 200, { clusters: rows.slice(0, 10) });
    expect((await client().request(get)).bytes).toBeUndefined();
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"clusters": [${'1,'.repeat(LARGE_BODY)}`);
    };
    const truncated = await client().request(get);
    expect(() => truncated.body).toThrow(
      expect.objectContaining({ code: 'SOURCE_BAD_RESPONSE', message: expect.stringContaining('answered HTTP 200 with a body that is not JSON') }),
    );
  });

  it('takes a 401 whose body is not JSON as a refusal of the credentials', async () => {
    handler = (_req, res) => {
      res.writeHead(401, { 'content-type': 'text/html' });
      res.end('<html>login required</html>');
    };
    await expect(client().request(get)).rejects.toMatchObject({ code: 'SOURCE_AUTH_FAILED', message: 'src-1: the vendor refused the credentials' });
  });

  it('honours a Retry-After given as a date, and a missing one means no wait', async () => {
    handler = (_req, res, n) => (n === 1 ? json(res, 429, {}, { 'retry-after': new Date(Date.now() - 1_000).toUTCString() }) : json(res, 200, { ok: n }));
    expect((await client().request(get)).body).toEqual({ ok: 2 });
    hits = [];
    handler = (_req, res) => json(res, 429, {}, { 'retry-after': 'soon' });
    await expect(client({ retries: 1 }).request(get)).rejects.toMatchObject({ code: 'SOURCE_RATE_LIMITED', detail: { httpStatus: 429 } });
    expect(hits).toHaveLength(2);
  });

  it('reports health: UP, then DEGRADED with the last error after an unhealthy failure, UP again after a success', async () => {
    const http = client({ retries: 0 });
    expect(http.health()).toEqual({ health: 'UP' });
    await http.request(get);
    const up = http.health();
    expect(up).toMatchObject({ health: 'UP' });
    expect(up.latencyMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(up.lastSuccessAt as string)).toBeGreaterThan(0);
    handler = (_req, res) => json(res, 503, {});
    await expect(http.request(get)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    const degraded = http.health();
    expect(degraded).toMatchObject({ health: 'DEGRADED', lastError: { code: 'SOURCE_UNAVAILABLE', message: 'src-1: GET /things answered HTTP 503' } });
    expect(Date.parse(degraded.lastError!.at)).toBeGreaterThan(0);
    handler = (_req, res) => json(res, 200, {});
    await http.request(get);
    expect(http.health().health).toBe('UP');
  });

  it('does not count a vendor’s refusal or a rate limit against the source’s health', async () => {
    const http = client({ retries: 0 });
    handler = (_req, res) => json(res, 404, { code: 1, message: 'no such thing' });
    await http.request(get);
    handler = (_req, res) => json(res, 429, {}, { 'retry-after': '3600' });
    await expect(http.request(get)).rejects.toMatchObject({ code: 'SOURCE_RATE_LIMITED' });
    expect(http.health().health).toBe('UP');
    expect(http.health()).not.toHaveProperty('lastError');
  });

  it('with batching off, sends every GET of a request scope and loads key by key', async () => {
    const http = client();
    const scope = new RequestScope(undefined, false);
    await Promise.all([http.request({ ...get, scope }), http.request({ ...get, scope })]);
    expect(hits).toEqual(['GET /things', 'GET /things']);
    const batches: number[][] = [];
    const loader = scope.loader<number, number>(async (keys) => (batches.push([...keys]), keys.map((k) => k * 2)));
    expect(await Promise.all([loader.load(1), loader.load(2), loader.load(1)])).toEqual([2, 4, 2]);
    expect(batches).toEqual([[1], [2], [1]]);
    const batched = new RequestScope().loader<number, number>(async (keys) => (batches.push([...keys]), keys.map((k) => k * 2)));
    batches.length = 0;
    expect(await Promise.all([batched.load(1), batched.load(2), batched.load(1)])).toEqual([2, 4, 2]);
    expect(batches).toEqual([[1, 2]]);
  });

  it('shares one GET among identical calls in flight, from one request or many, never across credentials, headers or queries', async () => {
    const http = client();
    await Promise.all([
      http.request(get),
      http.request(get),
      http.request({ ...get, scope: new RequestScope() }),
      http.request({ ...get, scope: new RequestScope() }),
    ]);
    expect(hits).toEqual(['GET /things']);
    hits = [];
    await Promise.all([
      http.request(get),
      http.request({ ...get, auth: false }),
      http.request({ ...get, headers: { 'x-user': 'a' } }),
      http.request({ ...get, headers: { 'x-user': 'b' } }),
      http.request({ ...get, headers: { 'x-user': 'a' } }),
      http.request({ ...get, query: { page: 2 } }),
    ]);
    expect(hits.sort()).toEqual(['GET /things', 'GET /things', 'GET /things', 'GET /things', 'GET /things?page=2']);
  });

  it('keeps one source’s GETs apart from another’s in a shared request scope', async () => {
    const scope = new RequestScope();
    await Promise.all([client({ sourceId: 'a' }).request({ ...get, scope }), client({ sourceId: 'b' }).request({ ...get, scope })]);
    expect(hits).toEqual(['GET /things', 'GET /things']);
  });
});

describe('sourceHttpSettings', () => {
  it('takes a source’s id, kind, deadline, retries, breaker and cache, and the metrics', async () => {
    const { sourceHttpSettings } = await import('../../src/sources/http.js');
    const metrics = createMetrics();
    const source = { id: 's1', kind: 'dws', timeoutMs: 1_234, retries: 3 } as never;
    expect(sourceHttpSettings(source, { metrics } as never)).toEqual({ sourceId: 's1', kind: 'dws', timeoutMs: 1_234, retries: 3, metrics });
    const breaker = { threshold: 2, halfOpenAfterMs: 9 };
    expect(sourceHttpSettings({ ...(source as object), breaker } as never, { metrics } as never)).toMatchObject({ breaker });
    const cache = { ttlMs: 5_000 };
    expect(sourceHttpSettings({ ...(source as object), cache } as never, { metrics } as never)).toEqual({
      sourceId: 's1',
      kind: 'dws',
      timeoutMs: 1_234,
      retries: 3,
      metrics,
      cache,
    });
  });
});

/** A counter's or gauge's series, labels and value. */
async function series(metric: { get(): Promise<{ values: { labels: object; value: number; metricName?: string }[] }> }) {
  return (await metric.get()).values.map(({ labels, value, metricName }) => ({ ...(metricName ? { metricName } : {}), labels, value }));
}

/**
 * The waits the retry policy asks for, each taken at once: the backoff read off an
 * injected clock instead of measured in wall time. Only cockatiel's timers are taken;
 * undici's own run as they are.
 */
function retryWaits(): number[] {
  const waits: number[] = [];
  const realSetTimeout = globalThis.setTimeout;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    if (!new Error().stack?.includes('/cockatiel/')) return realSetTimeout(fn, ms, ...args);
    waits.push(ms ?? 0);
    return realSetTimeout(fn, 0, ...args);
  }) as typeof setTimeout);
  return waits;
}

describe('SourceHttp retries and the circuit', () => {
  it('waits between a GET’s attempts from 100 ms, doubling up to 2 s, each wait between half and all of that', async () => {
    const waits = retryWaits();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    handler = (_req, res, n) => (n <= 6 ? json(res, 503, {}) : json(res, 200, { ok: n }));
    expect((await client({ retries: 6, breaker: { threshold: 10, halfOpenAfterMs: 60_000 } }).request(get)).body).toEqual({ ok: 7 });
    expect(waits).toEqual([75, 150, 300, 600, 1_200, 1_500]);
  });

  it('waits what a 429’s Retry-After says, in seconds or as a date; a 503’s Retry-After and an empty one are not waited for', async () => {
    const waits = retryWaits();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const now = Math.floor(Date.now() / 1_000) * 1_000;
    vi.spyOn(Date, 'now').mockReturnValue(now);
    const answers: Handler[] = [
      (_req, res) => json(res, 429, {}, { 'retry-after': '1.5' }),
      (_req, res) => json(res, 429, {}, { 'retry-after': new Date(now + 30_000).toUTCString() }),
      (_req, res) => json(res, 503, {}, { 'retry-after': '1' }),
      (_req, res) => json(res, 429, {}, { 'retry-after': '' }),
      (_req, res, n) => json(res, 200, { ok: n }),
    ];
    handler = (req, res, n) => answers[n - 1]!(req, res, n);
    expect((await client({ retries: 4, timeoutMs: 120_000 }).request(get)).body).toEqual({ ok: 5 });
    // The third and fourth waits are the backoff's (attempts 3 and 4, jitter at its middle).
    expect(waits).toEqual([1_500, 30_000, 300, 600]);
  });

  it('sends a GET once when asking again cannot help: a body that is not JSON, credentials refused', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"code": 0, "data": [');
    };
    await expect(client({ retries: 2 }).request(get)).rejects.toMatchObject({ code: 'SOURCE_BAD_RESPONSE' });
    expect(hits).toHaveLength(1);
    hits = [];
    handler = (_req, res) => json(res, 401, {});
    await expect(client({ retries: 2 }).request(get)).rejects.toMatchObject({ code: 'SOURCE_AUTH_FAILED' });
    expect(hits).toHaveLength(1);
  });

  it('opens the circuit after five failures in a row unless told otherwise', async () => {
    handler = (_req, res) => json(res, 503, {});
    const http = client({ retries: 0 });
    for (let i = 0; i < 4; i++) await expect(http.request(get)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', detail: { httpStatus: 503 } });
    expect(http.health().health).toBe('DEGRADED');
    await expect(http.request(get)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', detail: { httpStatus: 503 } });
    expect(http.health().health).toBe('DOWN');
    await expect(http.request(get)).rejects.toMatchObject({ message: 'src-1: the circuit breaker is open after repeated failures; calls resume shortly' });
    expect(hits).toHaveLength(5);
  });

  it('opens the circuit only for failures that say the source is unwell: not for rate limits, refusals or a read’s 500', async () => {
    const answers: Handler[] = [
      (_req, res) => json(res, 429, {}),
      (_req, res) => json(res, 429, {}, { 'retry-after': '3600' }),
      (_req, res) => json(res, 500, { code: 9, message: 'no' }),
      (_req, res) => json(res, 404, { code: 4, message: 'no such thing' }),
      (_req, res) => json(res, 200, { ok: true }),
    ];
    handler = (req, res, n) => answers[n - 1]!(req, res, n);
    const http = client({ retries: 0, breaker: { threshold: 1, halfOpenAfterMs: 60_000 } });
    await expect(http.request(get)).rejects.toMatchObject({ code: 'SOURCE_RATE_LIMITED' });
    await expect(http.request(get)).rejects.toMatchObject({ code: 'SOURCE_RATE_LIMITED' });
    expect(await http.request(get)).toMatchObject({ status: 500 });
    expect(await http.request(get)).toMatchObject({ status: 404 });
    expect(await http.request(get)).toMatchObject({ status: 200 });
    expect(hits).toHaveLength(5);
    expect(http.health().health).toBe('UP');
  });
});

describe('SourceHttp writes, aborts and failures outside the exchange', () => {
  it('sends every write, however alike, and drops a read kept during a write once the write is done', async () => {
    const http = client({ cache: { ttlMs: 60_000 } });
    const scope = new RequestScope();
    await Promise.all([http.request({ ...post, scope }), http.request({ ...post, scope })]);
    expect(hits).toEqual(['POST /things', 'POST /things']);
    hits = [];
    let answerWrite!: () => void;
    const writeArrived = new Promise<void>((arrived) => {
      handler = (req, res) => {
        if (req.method !== 'POST') return json(res, 200, { n: hits.length });
        answerWrite = () => json(res, 200, {});
        arrived();
      };
    });
    const write = http.request(post);
    await writeArrived;
    expect((await http.request(get)).body).toEqual({ n: 2 });
    expect((await http.request(get)).body).toEqual({ n: 2 });
    answerWrite();
    await write;
    expect((await http.request(get)).body).toEqual({ n: 3 });
    expect(hits).toEqual(['POST /things', 'GET /things', 'GET /things']);
  });

  it('answers a write whose caller went away REQUEST_ABORTED, counted neither against the source nor as an error', async () => {
    const metrics = createMetrics();
    const http = client({ metrics });
    const arrived = new Promise<void>((resolve) => (handler = () => resolve()));
    const controller = new AbortController();
    const pending = http.request({ ...post, signal: controller.signal }).catch((err: unknown) => err);
    await arrived;
    controller.abort();
    const err = await pending;
    expect(err).toBeInstanceOf(RequestAbortedError);
    expect((err as Error).cause).toBeDefined();
    expect(http.health()).toEqual({ health: 'UP' });
    expect(await series(metrics.sourceErrors)).toEqual([]);
  });

  it('answers a caller that went away while the body was arriving REQUEST_ABORTED, not a bad response', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"code":0');
    };
    const controller = new AbortController();
    // undici announces the answer's headers as it hands them over: the body is being read from the next turn on.
    const onHeaders = () => setImmediate(() => controller.abort());
    subscribe('undici:request:headers', onHeaders);
    try {
      const err = await client()
        .request({ ...post, signal: controller.signal })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RequestAbortedError);
    } finally {
      unsubscribe('undici:request:headers', onHeaders);
    }
  });

  it('fails a call whose credentials cannot be had as SOURCE_UNAVAILABLE, with the reason, before sending it', async () => {
    const auth = { headers: async () => Promise.reject(new Error('directory down')), renew: async () => undefined };
    const http = client({ auth });
    await expect(http.request(get)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', message: 'src-1: GET /things failed: directory down' });
    expect(hits).toEqual([]);
  });

  it('counts credentials refused against the source’s health', async () => {
    handler = (_req, res) => json(res, 401, { code: 401, message: 'bad key' });
    const http = client({ retries: 0 });
    await expect(http.request(get)).rejects.toMatchObject({ code: 'SOURCE_AUTH_FAILED' });
    expect(http.health()).toMatchObject({
      health: 'DEGRADED',
      lastError: { code: 'SOURCE_AUTH_FAILED', message: 'src-1: the vendor refused the credentials: bad key' },
    });
  });

  it('is DEGRADED when its very first call fails, and reports nothing it has not seen', async () => {
    const http = client({ retries: 0 });
    expect(Object.keys(http.health())).toEqual(['health']);
    handler = (_req, res) => json(res, 503, {});
    await expect(http.request(get)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect(http.health()).toMatchObject({ health: 'DEGRADED', lastError: { code: 'SOURCE_UNAVAILABLE' } });
  });

  it('names its source, and sends nothing once closed', async () => {
    const http = client({ retries: 0 });
    expect(http.sourceId).toBe('src-1');
    await http.close();
    await expect(http.request(get)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect(hits).toEqual([]);
  });
});

describe('SourceHttp metrics, latency and spans', () => {
  it('counts calls by status, errors by code, shared and kept reads, and the circuit, by source and kind', async () => {
    const metrics = createMetrics();
    const http = client({ metrics, retries: 0, cache: { ttlMs: 60_000 }, breaker: { threshold: 1, halfOpenAfterMs: 60_000 } });
    const labels = { source: 'src-1', kind: 'tiem' };
    await Promise.all([http.request(get), http.request(get)]);
    await http.request(get);
    expect(await series(metrics.sourceRequests)).toEqual([{ labels: { ...labels, route: 'GET /things', status: '200' }, value: 1 }]);
    expect(await series(metrics.sourceSharedCalls)).toEqual([{ labels, value: 1 }]);
    expect(await series(metrics.sourceCacheHits)).toEqual([{ labels, value: 1 }]);
    expect(await series(metrics.sourceCircuit)).toEqual([]);
    handler = (_req, res) => json(res, 503, {});
    await expect(http.request({ ...get, path: '/down', route: '/down' })).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect(await series(metrics.sourceErrors)).toEqual([{ labels: { ...labels, route: 'GET /down', code: 'SOURCE_UNAVAILABLE' }, value: 1 }]);
    expect(await series(metrics.sourceCircuit)).toEqual([{ labels, value: 1 }]);
    // The breaker reads Date.now: past the open period, one good trial closes the circuit.
    const later = Date.now() + 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    handler = (_req, res) => json(res, 200, {});
    await http.request({ ...get, path: '/up', route: '/up' });
    expect(await series(metrics.sourceCircuit)).toEqual([{ labels, value: 0 }]);
  });

  it('reports each call’s latency in seconds, and a health latency weighted four to one toward the past', async () => {
    const metrics = createMetrics();
    const http = client({ metrics });
    let clock = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    handler = (_req, res, n) => {
      clock += n === 1 ? 100 : 200;
      json(res, 200, {});
    };
    await http.request(get);
    expect(http.health().latencyMs).toBe(100);
    await http.request(get);
    expect(http.health().latencyMs).toBe(120);
    vi.mocked(performance.now).mockRestore();
    const histogram = await series(metrics.sourceLatency);
    expect(histogram.filter((s) => s.metricName?.endsWith('_sum') || s.metricName?.endsWith('_count'))).toEqual([
      {
        metricName: 'fleetgate_source_request_duration_seconds_sum',
        labels: { source: 'src-1', kind: 'tiem', route: 'GET /things' },
        value: 0.30000000000000004,
      },
      { metricName: 'fleetgate_source_request_duration_seconds_count', labels: { source: 'src-1', kind: 'tiem', route: 'GET /things' }, value: 2 },
    ]);
  });

  it('gives a traced call a span with the vendor’s status, the retries it took and its error', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    provider.register();
    try {
      const traced = <T>(call: () => Promise<T>) => trace.getTracer('test').startActiveSpan('operation', (span) => call().finally(() => span.end()));
      retryWaits();
      handler = (_req, res, n) => (n === 1 ? json(res, 503, {}) : json(res, 200, {}));
      await traced(() => client().request(get));
      hits = [];
      handler = (_req, res) => json(res, 404, {});
      await traced(() => client().request(get));
      handler = (_req, res) => json(res, 502, {});
      await traced(() => client({ retries: 2 }).request(get)).catch(() => undefined);
      handler = (req) => req.socket.destroy();
      await traced(() => client({ retries: 0 }).request(post)).catch(() => undefined);
      const spans = exporter.getFinishedSpans().filter((s) => s.name !== 'operation');
      expect(spans.map((s) => [s.name, s.attributes['http.response.status_code'], s.attributes['fleetgate.retries'], s.attributes['error.type']])).toEqual([
        ['GET /things', 200, 1, undefined],
        ['GET /things', 404, 0, undefined],
        ['GET /things', 502, 2, 'SOURCE_UNAVAILABLE'],
        ['POST /things', 0, 0, 'SOURCE_UNAVAILABLE'],
      ]);
    } finally {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    }
  });
});

describe('SourceHttp details', () => {
  it('logs each call of a request that keeps a call log, by source, method and route', async () => {
    const controller = new AbortController();
    const log = openCallLog(controller.signal);
    const http = client();
    await http.request({ ...get, path: '/things/7', route: '/things/{id}', signal: controller.signal });
    handler = (_req, res) => json(res, 503, {});
    await expect(http.request({ ...post, signal: controller.signal })).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect(log.map(({ source, route, outcome }) => ({ source, route, outcome }))).toEqual([
      { source: 'src-1', route: 'GET /things/{id}', outcome: 200 },
      { source: 'src-1', route: 'POST /things', outcome: 'SOURCE_UNAVAILABLE' },
    ]);
  });

  it('does not wait for a Retry-After that ends exactly at the deadline', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.now());
    handler = (_req, res) => json(res, 429, {}, { 'retry-after': '2' });
    await expect(client({ timeoutMs: 2_000 }).request(get)).rejects.toMatchObject({ code: 'SOURCE_RATE_LIMITED' });
    expect(hits).toHaveLength(1);
  });

  it('reads a reply’s vendor error once however many ask, and never asks the reader about an empty body', async () => {
    const read: unknown[] = [];
    const http = client({
      retries: 0,
      transient500: () => false,
      readVendorError: (body) => {
        read.push(body);
        return { code: String((body as { code: number }).code) };
      },
    });
    handler = (_req, res) => json(res, 500, { code: 44 });
    const reply = await http.request(get);
    expect(http.vendorError(reply)).toEqual({ code: '44' });
    expect(http.vendorError(reply)).toEqual({ code: '44' });
    expect(read).toEqual([{ code: 44 }]);
    handler = (_req, res) => {
      res.writeHead(503);
      res.end();
    };
    await expect(http.request(post)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', detail: { httpStatus: 503 } });
    expect(http.vendorError({ body: undefined })).toBeUndefined();
    expect(read).toEqual([{ code: 44 }]);
  });

  it('quotes a proxy page with its whitespace runs made one space, whole up to 60 characters', async () => {
    const page = (text: string) => {
      handler = (_req, res) => {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end(text);
      };
    };
    const sixty = `<p>${'x'.repeat(53)}</p>`;
    expect(sixty).toHaveLength(60);
    page(sixty);
    await expect(client({ retries: 0 }).request(get)).rejects.toMatchObject({
      message: `src-1: GET /things answered HTTP 502 with a body that is not JSON (${sixty})`,
    });
    page('<p>Bad \n\n   Gateway</p>');
    await expect(client({ retries: 0 }).request(get)).rejects.toMatchObject({
      message: 'src-1: GET /things answered HTTP 502 with a body that is not JSON (<p>Bad Gateway</p>)',
    });
  });
});

describe('SourceHttp large bodies and deadlines', () => {
  const padded = (text: string) => `${text}${' '.repeat(LARGE_BODY)}`;

  it('keeps a body as bytes only when it is a success longer than LARGE_BODY', async () => {
    const exactly = `{"a":"${'x'.repeat(LARGE_BODY - 8)}"}`;
    expect(Buffer.byteLength(exactly)).toBe(LARGE_BODY);
    const answer = (status: number, text: string) => {
      handler = (_req, res) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(text);
      };
    };
    answer(200, exactly);
    expect((await client().request(get)).bytes).toBeUndefined();
    answer(200, `${exactly} `);
    expect((await client().request(get)).bytes).toHaveLength(LARGE_BODY + 1);
    answer(300, `${exactly} `);
    const redirect = await client().request(get);
    expect(redirect).toMatchObject({ status: 300, body: { a: expect.any(String) } });
    expect(redirect.bytes).toBeUndefined();
  });

  it('parses a large body once while its parse is held: every read answers the same object', async () => {
    handler = (_req, res) => json(res, 200, { rows: 'x'.repeat(LARGE_BODY) });
    const reply = await client().request(get);
    const first = reply.body;
    expect(reply.bytes).toBeDefined();
    expect(reply.body).toBe(first);
  });

  it('reads a large body whatever JSON value it holds, a string or null as well as an object', async () => {
    for (const [text, value] of [
      [JSON.stringify('x'.repeat(LARGE_BODY)), 'x'.repeat(LARGE_BODY)],
      [padded('null'), null],
      [padded('7'), 7],
    ] as const) {
      handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(text);
      };
      const reply = await client().request(get);
      expect(reply.bytes).toBeDefined();
      expect(reply.body).toEqual(value);
      expect(reply.body).toEqual(value);
    }
  });

  it('leaves nothing listening on its caller’s signal once a call is over, answered or failed', async () => {
    const caller = new AbortController();
    await client().request({ ...post, signal: caller.signal });
    handler = (_req, res) => json(res, 503, {});
    await expect(client({ retries: 0 }).request({ ...post, signal: caller.signal })).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect(getEventListeners(caller.signal, 'abort')).toEqual([]);
  });
});

describe('callError: what a failed call says, and whether a write may have happened', () => {
  const call = { sourceId: 's', sourceKind: 'tiem', route: 'POST /things' };

  it('calls a write’s outcome unknown only when it may have reached the vendor: timed out, unreadable, or no answer at all', () => {
    const unknown = (code: Parameters<typeof callError>[0], httpStatus?: number, method = 'POST') =>
      callError(code, 'failed', { ...call, method, ...(httpStatus !== undefined ? { httpStatus } : {}) }).detail.outcomeUnknown === true;
    expect(unknown('SOURCE_TIMEOUT')).toBe(true);
    expect(unknown('SOURCE_BAD_RESPONSE', 200)).toBe(true);
    expect(unknown('SOURCE_UNAVAILABLE')).toBe(true);
    expect(unknown('SOURCE_UNAVAILABLE', 0)).toBe(true);
    expect(unknown('SOURCE_UNAVAILABLE', 503)).toBe(false);
    for (const code of ['SOURCE_ERROR', 'SOURCE_RATE_LIMITED', 'SOURCE_AUTH_FAILED'] as const) expect(unknown(code), code).toBe(false);
    for (const code of ['SOURCE_TIMEOUT', 'SOURCE_BAD_RESPONSE', 'SOURCE_UNAVAILABLE'] as const) expect(unknown(code, undefined, 'GET'), code).toBe(false);
  });

  it('tells a client the write’s outcome and what it knows, nothing unset; a viewer only the source and the code’s words', () => {
    const cause = new Error('socket hang up');
    const lost = callError('SOURCE_UNAVAILABLE', 'lost', { ...call, method: 'PUT' }, cause);
    expect(lost.cause).toBe(cause);
    expect(lost.extensions()).toStrictEqual({ sourceId: 's', sourceKind: 'tiem', outcomeUnknown: true });
    const refused = callError('SOURCE_ERROR', 'refused', { ...call, method: 'PUT', httpStatus: 409, vendor: { code: '20114', message: 'busy' } });
    expect(refused.message).toBe('s: refused: busy');
    expect(refused.extensions()).toStrictEqual({ sourceId: 's', sourceKind: 'tiem', httpStatus: 409, vendorCode: '20114', vendorMessage: 'busy' });
    expect(sourceErrorSummary('s', 'SOURCE_TIMEOUT')).toBe('s: the source did not answer in time');
  });
});
