import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SimulatorDefinition } from '../../src/simulators/kit/definition.js';
import { bodyObject, firstMissing, header, json } from '../../src/simulators/kit/http.js';
import { createRng } from '../../src/simulators/kit/rng.js';
import { type RunningSimulator, startSimulator } from '../../src/simulators/kit/server.js';
import { SimulatorPortInUseError } from '../../src/simulators/kit/errors.js';
import { simOptionsFromEnv } from '../../src/simulators/kit/options.js';
import { call } from '../helpers/sim-client.js';

// A vendor in miniature: login, one list, one long-running operation.
const toy: SimulatorDefinition = {
  kind: 'tiem',
  title: 'toy',
  defaultPort: 0,
  credentials: { user: { env: 'TOY_USER', value: 'admin' } },
  create(env) {
    const jobs = new Map<string, { state: string }>();
    return {
      error: (status, message) => json(status, { code: status, message }),
      authenticate: (req) => {
        const check = env.tokens.check(header(req, 'authorization'));
        return check.ok ? undefined : json(401, { code: 401, message: `token ${check.reason}` });
      },
      routes: [
        {
          method: 'POST',
          path: '/login',
          public: true,
          handle: (req) => {
            const missing = firstMissing(bodyObject(req), ['user']);
            if (missing) return json(400, { code: 400, message: `${missing} is required` });
            return json(200, { token: env.tokens.issue('admin', 60_000).token });
          },
        },
        { method: 'GET', path: '/items/{id}', handle: (req) => json(200, { id: req.params.id }) },
        {
          method: 'POST',
          path: '/echo',
          handle: (req) =>
            json(200, {
              body: req.body ?? null,
              form: req.form ? Object.fromEntries([...req.form].map(([k, f]) => [k, f.kind === 'text' ? f.value : { ...f, bytes: [...f.bytes] }])) : null,
              raw: req.rawBody.toString('utf8'),
            }),
        },
        {
          method: 'POST',
          path: '/jobs',
          handle: () => {
            const id = env.rng.hex(8);
            const job = { state: 'running' };
            jobs.set(id, job);
            const fails = env.operationFails();
            env.scheduler.after(10_000, () => (job.state = fails ? 'failed' : 'done'));
            return json(200, { id });
          },
        },
        { method: 'GET', path: '/jobs/{id}', handle: (req) => json(200, jobs.get(req.params.id ?? '') ?? {}) },
      ],
    };
  },
};

describe('simulator runtime', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startSimulator(toy, { speed: 1, operationFailureRate: 0 });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    sim.reset();
    token = (await call(sim, 'POST', '/login', { body: { user: 'a' } })).body.token;
  });
  const auth = () => ({ headers: { authorization: token } });

  it('routes with path parameters and counts requests per route pattern', async () => {
    expect((await call(sim, 'GET', '/items/42', auth())).body).toEqual({ id: '42' });
    await call(sim, 'GET', '/items/43', auth());
    await call(sim, 'GET', '/__sim/stats');
    const stats = (await call(sim, 'GET', '/__sim/stats')).body;
    expect(stats).toEqual({
      total: 3,
      routes: { 'GET /items/{id}': 2, 'POST /login': 1 },
      urls: { 'GET /items/42': 1, 'GET /items/43': 1, 'POST /login': 1 },
    });
  });

  it('answers unknown routes, wrong methods and bad JSON in the vendor error shape', async () => {
    expect(await call(sim, 'GET', '/nope', auth())).toMatchObject({ status: 404, body: { code: 404 } });
    expect(await call(sim, 'DELETE', '/items/1', auth())).toMatchObject({ status: 405, body: { code: 405 } });
    expect(await call(sim, 'POST', '/login', { body: '{"user":' })).toMatchObject({
      status: 400,
      body: { message: 'request body is not valid JSON' },
    });
    expect(await call(sim, 'POST', '/login', { body: {} })).toMatchObject({ status: 400, body: { message: 'user is required' } });
  });

  it('parses a body as JSON only under a JSON content type, multipart into its fields, and leaves others raw', async () => {
    const echo = (body: unknown, type?: string) =>
      call(sim, 'POST', '/echo', { body, headers: { ...auth().headers, ...(type ? { 'content-type': type } : {}) } });
    expect((await echo({ a: 1 })).body).toEqual({ body: { a: 1 }, form: null, raw: '{"a":1}' });
    expect((await echo('{"a":1}', 'application/merge-patch+json; charset=utf-8')).body.body).toEqual({ a: 1 });
    expect((await echo('{"a":1}', 'text/plain')).body).toEqual({ body: null, form: null, raw: '{"a":1}' });
    const form = new FormData();
    form.append('name', 'n1');
    form.append('name', 'ignored');
    form.append('file', new Blob([Uint8Array.from([1, 2, 255])], { type: 'application/gzip' }), 'f.tgz');
    expect((await echo(form)).body.form).toEqual({ name: 'n1', file: { kind: 'file', filename: 'f.tgz', type: 'application/gzip', bytes: [1, 2, 255] } });
    expect(await echo('{"a":1}', 'multipart/form-data; boundary=zz')).toMatchObject({
      status: 400,
      body: { message: 'request body is not valid multipart/form-data' },
    });
  });

  it('refuses requests without a valid token and expires tokens on demand', async () => {
    expect((await call(sim, 'GET', '/items/1')).status).toBe(401);
    await call(sim, 'POST', '/__sim/faults', { body: { expireTokens: true } });
    expect(await call(sim, 'GET', '/items/1', auth())).toMatchObject({ status: 401, body: { message: 'token expired' } });
    const fresh = (await call(sim, 'POST', '/login', { body: { user: 'a' } })).body.token;
    expect((await call(sim, 'GET', '/items/1', { headers: { authorization: fresh } })).status).toBe(200);
  });

  it('expires tokens as simulated time passes', async () => {
    await call(sim, 'POST', '/__sim/clock', { body: { advanceMs: 60_001 } });
    expect(await call(sim, 'GET', '/items/1', auth())).toMatchObject({ status: 401, body: { message: 'token expired' } });
  });

  it('runs long-running operations in simulated time, failing the configured share', async () => {
    const { id } = (await call(sim, 'POST', '/jobs', auth())).body;
    expect((await call(sim, 'GET', `/jobs/${id}`, auth())).body.state).toBe('running');
    sim.advance(10_000);
    expect((await call(sim, 'GET', `/jobs/${id}`, auth())).body.state).toBe('done');
    await call(sim, 'POST', '/__sim/faults', { body: { operationFailureRate: 1 } });
    const second = (await call(sim, 'POST', '/jobs', auth())).body.id;
    await call(sim, 'POST', '/__sim/clock', { body: { advanceMs: 10_000 } });
    expect((await call(sim, 'GET', `/jobs/${second}`, auth())).body.state).toBe('failed');
  });

  it('injects errors, HTML error pages, malformed and truncated bodies', async () => {
    await call(sim, 'POST', '/__sim/faults', { body: { errorRate: 1, errorStatus: 503 } });
    expect(await call(sim, 'GET', '/items/1', auth())).toMatchObject({ status: 503, body: { code: 503 } });
    await call(sim, 'POST', '/__sim/faults', { body: { errorStatus: 429 } });
    expect((await call(sim, 'GET', '/items/1', auth())).headers.get('retry-after')).toBe('1');
    await call(sim, 'POST', '/__sim/faults', { body: { htmlErrors: true } });
    const html = await call(sim, 'GET', '/items/1', auth());
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(html.text).toContain('<title>429 Too Many Requests</title>');
    await call(sim, 'POST', '/__sim/faults', { body: { errorRate: 0, htmlErrors: false, malformed: true } });
    const bad = await call(sim, 'GET', '/items/1', auth());
    expect(bad.status).toBe(200);
    expect(() => JSON.parse(bad.text)).toThrow();
    await call(sim, 'POST', '/__sim/faults', { body: { malformed: false, truncated: true } });
    await expect(call(sim, 'GET', '/items/1', auth())).rejects.toThrow();
  });

  it('aims faults at the routes named, as the stats name them, leaving the others answering', async () => {
    await call(sim, 'POST', '/__sim/faults', { body: { errorRate: 1, errorStatus: 404, routes: ['POST /jobs'] } });
    expect((await call(sim, 'GET', '/items/1', auth())).status).toBe(200);
    expect((await call(sim, 'POST', '/jobs', auth())).status).toBe(404);
    await call(sim, 'POST', '/__sim/faults', { body: { errorRate: 0, down: true, routes: ['GET /items/{id}'] } });
    await expect(call(sim, 'GET', '/items/1', auth())).rejects.toThrow();
    expect((await call(sim, 'POST', '/jobs', auth())).status).toBe(200);
    await call(sim, 'POST', '/__sim/faults', { body: { routes: [] } });
    await expect(call(sim, 'POST', '/jobs', auth())).rejects.toThrow();
    const bad = await call(sim, 'POST', '/__sim/faults', { body: { routes: ['/items'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.join(' ')).toMatch(/routes\.0/);
  });

  it('adds latency and drops connections while down, keeping the control surface up', async () => {
    await call(sim, 'POST', '/__sim/faults', { body: { latencyMs: 50 } });
    const started = performance.now();
    await call(sim, 'GET', '/items/1', auth());
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(45);
    await call(sim, 'POST', '/__sim/faults', { body: { latencyMs: 0, down: true } });
    await expect(call(sim, 'GET', '/items/1', auth())).rejects.toThrow();
    expect((await call(sim, 'GET', '/__sim/faults')).body.down).toBe(true);
    await call(sim, 'POST', '/__sim/reset');
    expect((await call(sim, 'GET', '/__sim/faults')).body.down).toBe(false);
  });

  it('rejects unknown or out-of-range fault fields, naming them', async () => {
    const res = await call(sim, 'POST', '/__sim/faults', { body: { errorRate: 2, bogus: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.issues.join(' ')).toMatch(/errorRate|bogus/);
  });

  it('says which port is taken', async () => {
    await expect(startSimulator(toy, { port: sim.port })).rejects.toBeInstanceOf(SimulatorPortInUseError);
  });
});

describe('seeded randomness and env options', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRng('s');
    const b = createRng('s');
    expect([a.uuid(), a.int(1, 100), a.alnum(5)]).toEqual([b.uuid(), b.int(1, 100), b.alnum(5)]);
    expect(createRng('t').uuid()).not.toBe(createRng('s').uuid());
  });

  it('reads SIM_* variables and names a bad one', () => {
    const { common, ports } = simOptionsFromEnv({ SIM_SEED: 'x', SIM_CLUSTERS: '7', SIM_SPEED: '600', SIM_DWS_PORT: '9000' });
    expect(common).toMatchObject({ seed: 'x', clusters: 7, speed: 600 });
    expect(ports).toEqual({ dws: 9000 });
    expect(() => simOptionsFromEnv({ SIM_CLUSTERS: 'many' })).toThrow(/SIM_CLUSTERS/);
  });
});
