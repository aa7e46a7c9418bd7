import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId, type NodeType } from '../../src/model/ids.js';
import { SOURCE_KINDS, type SourceKind } from '../../src/model/source-kind.js';
import { ADMIN_TOKEN, type DemoGateway, startDemoGateway } from '../helpers/gateway.js';

/**
 * The gateway's edge as a browser, a DNS-rebinding page, a slow client and a viewer meet
 * it, over the real HTTP server: CORS, Host names, GraphiQL's demo token, the request
 * deadline, native ids that would move a vendor path, and what viewers are told.
 */
const VIEWER_TOKEN = 'e2e-viewer-token';
const APP_ORIGIN = 'https://app.example.com';

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway({
    env: { SIM_CLUSTERS: '4', FLEETGATE_VIEWER_TOKEN: VIEWER_TOKEN },
    server: { corsOrigins: [APP_ORIGIN] },
    limits: { requestTimeoutMs: 500 },
  });
});
afterAll(() => demo.close());

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One request with the headers given, Host included (fetch would not send another Host). */
function call(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: demo.gateway.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const host = () => `127.0.0.1:${demo.gateway.port}`;

async function graphql(query: string, variables: Record<string, unknown> = {}, token = ADMIN_TOKEN) {
  const res = await call(
    'POST',
    '/graphql',
    { host: host(), 'content-type': 'application/json', authorization: `Bearer ${token}` },
    JSON.stringify({ query, variables }),
  );
  return JSON.parse(res.text) as { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
}

/** Vendor calls since the last reset, per simulator, as each one's /__sim/stats counts them. */
async function vendorCalls(): Promise<Record<SourceKind, number>> {
  const totals = await Promise.all(
    SOURCE_KINDS.map(
      async (kind) => [kind, ((await (await fetch(`${demo.fleet.simulators[kind].url}/__sim/stats`)).json()) as { total: number }).total] as const,
    ),
  );
  return Object.fromEntries(totals) as Record<SourceKind, number>;
}
const resetCalls = () => Promise.all(SOURCE_KINDS.map((kind) => fetch(`${demo.fleet.simulators[kind].url}/__sim/stats`, { method: 'DELETE' })));
const NO_CALLS = Object.fromEntries(SOURCE_KINDS.map((k) => [k, 0]));

describe('CORS', () => {
  it('grants nothing to an origin it was not given, and no credentials to anyone', async () => {
    for (const origin of ['https://evil.example', 'null']) {
      const preflight = await call('OPTIONS', '/graphql', {
        host: host(),
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      });
      const post = await call(
        'POST',
        '/graphql',
        { host: host(), origin, 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        '{"query":"{ __typename }"}',
      );
      for (const res of [preflight, post]) {
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      }
    }
    const listed = await call('OPTIONS', '/graphql', {
      host: host(),
      origin: APP_ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    });
    expect(listed.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    expect(listed.headers['access-control-allow-headers']).toBe('authorization, content-type, accept, x-fleetgate-vendor-calls, x-fleetgate-dry-run');
    expect(listed.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('Host names and GraphiQL’s demo token', () => {
  const page = (hostHeader: string) => call('GET', '/graphql', { host: hostHeader, accept: 'text/html' });

  it('fills the token in only for this machine under a loopback name', async () => {
    for (const name of [`127.0.0.1:${demo.gateway.port}`, `localhost:${demo.gateway.port}`, `[::1]:${demo.gateway.port}`]) {
      const res = await page(name);
      expect(res.status, name).toBe(200);
      expect(res.text, name).toContain(ADMIN_TOKEN);
    }
  });

  it('refuses a name it does not answer to (DNS rebinding) with 421, before GraphiQL or GraphQL', async () => {
    const rebound = await page(`attacker.example:${demo.gateway.port}`);
    expect(rebound.status).toBe(421);
    expect(rebound.text).not.toContain(ADMIN_TOKEN);
    expect(JSON.parse(rebound.text).errors[0]).toEqual({
      message: 'Host "attacker.example" is not a name this gateway answers to; its operator can add it to server.hosts',
      extensions: { code: 'MISDIRECTED_REQUEST' },
    });
    const query = await call(
      'POST',
      '/graphql',
      { host: 'attacker.example', 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      '{"query":"{ __typename }"}',
    );
    expect(query.status).toBe(421);
    // Probes and scrapers call by address: health, readiness and metrics answer whatever the Host.
    expect((await call('GET', '/healthz', { host: 'attacker.example' })).status).toBe(200);
  });

  it('refuses a WebSocket upgrade under such a name with 421, and takes one under its own', async () => {
    const upgrade = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({
          host: '127.0.0.1',
          port: demo.gateway.port,
          path: '/graphql',
          headers: {
            host,
            connection: 'Upgrade',
            upgrade: 'websocket',
            'sec-websocket-version': '13',
            'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
            'sec-websocket-protocol': 'graphql-transport-ws',
          },
        });
        req.on('upgrade', (res, socket) => {
          socket.destroy();
          resolve(res.statusCode ?? 0);
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await upgrade('attacker.example')).toBe(421);
    expect(await upgrade(`localhost:${demo.gateway.port}`)).toBe(101);
  });
});

describe('request deadline', () => {
  it('answers 408 to a body that does not arrive whole within the deadline', async () => {
    const socket = connect(demo.gateway.port, '127.0.0.1');
    const answer = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    // Headers and the first byte of a 100-byte body, then nothing more: a slow-loris client.
    socket.write(`POST /graphql HTTP/1.1\r\nHost: ${host()}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{`);
    expect((await answer).split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
  });
});

/** Native ids that name nothing, or would move a vendor path if they reached one. */
const BAD_NATIVE_IDS = ['', '.', '..', '../..', 'x/..', './x', 'a//b', '%2e%2e', 'a?b', 'a#b', 'a\\b', 'a\u0000b', 'a\nb'];
const id = (type: NodeType, kind: SourceKind, nativeId: string) => encodeGlobalId({ type, sourceId: kind, nativeId });

describe('native ids', () => {
  const codes = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => [...new Set(res.errors?.map((e) => e.extensions?.code))];

  it('are NOT_FOUND without a vendor call when they could move a path or have a shape the vendor never gives', async () => {
    await resetCalls();
    for (const kind of SOURCE_KINDS) {
      // A Cluster id with a `/` is no kind's cluster; the others no source's anything.
      for (const nativeId of [...BAD_NATIVE_IDS, 'a/b']) {
        const cluster = id('Cluster', kind, nativeId);
        const node = await graphql('query($id: ID!) { node(id: $id) { id } }', { id: cluster });
        expect(codes(node), `${kind} ${JSON.stringify(nativeId)}`).toEqual(['NOT_FOUND']);
        const hosts = await graphql('query($id: ID!) { hosts(first: 5, filter: { clusterId: $id }) { edges { node { id } } } }', { id: cluster }, VIEWER_TOKEN);
        expect(codes(hosts), `${kind} hosts ${JSON.stringify(nativeId)}`).toEqual(['NOT_FOUND']);
        const restart = await graphql('mutation($id: ID!) { restartCluster(id: $id) { __typename ... on NotFoundError { id } } }', { id: cluster });
        expect(restart.data?.restartCluster, `${kind} restart ${JSON.stringify(nativeId)}`).toEqual({ __typename: 'NotFoundError', id: cluster });
      }
      const nodes = await graphql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: BAD_NATIVE_IDS.map((n) => id('Host', kind, n)) });
      expect(codes(nodes)).toEqual(['NOT_FOUND']);
    }
    expect(await vendorCalls()).toEqual(NO_CALLS);
  });

  it('are NOT_FOUND without a vendor call in filters and mutations of the kinds that have them', async () => {
    await resetCalls();
    // The issue's own case: a viewer's snapshots of `Cluster:dws:..` became DWS's list of every snapshot.
    for (const kind of ['tiem', 'hci', 'dws'] as const) {
      const snapshots = await graphql(
        'query($id: ID!) { snapshots(first: 5, filter: { clusterId: $id }) { edges { node { id } } } }',
        { id: id('Cluster', kind, '..') },
        VIEWER_TOKEN,
      );
      expect(codes(snapshots), kind).toEqual(['NOT_FOUND']);
      const deleted = await graphql('mutation($id: ID!) { deleteSnapshot(id: $id) { __typename } }', { id: id('Snapshot', kind, '..') });
      expect(deleted.data?.deleteSnapshot.__typename, kind).toBe('NotFoundError');
    }
    const deployment = await graphql('mutation($id: ID!) { deleteDeployment(id: $id) { __typename } }', { id: id('Deployment', 'otestack', '../1') });
    expect(deployment.data?.deleteDeployment.__typename).toBe('NotFoundError');
    const numberless = await graphql('mutation($id: ID!) { deleteDeployment(id: $id) { __typename } }', { id: id('Deployment', 'otestack', 'latest') });
    expect(numberless.data?.deleteDeployment.__typename).toBe('NotFoundError');
    const create = await graphql(
      'mutation($ids: [ID!]!) { createDeployment(input: { clusterIds: $ids, name: "x", application: "nginx", version: "1" }) { __typename } }',
      { ids: [id('Cluster', 'otestack', '..')] },
    );
    expect(create.data?.createDeployment.__typename).toBe('NotFoundError');
    const events = await graphql(
      'query($id: ID!) { events(first: 5, filter: { clusterId: $id }) { edges { node { id } } } }',
      { id: id('Cluster', 'dcos', 'a:b') },
      VIEWER_TOKEN,
    );
    expect(codes(events)).toEqual(['NOT_FOUND']);
    expect(await vendorCalls()).toEqual(NO_CALLS);
  });

  it('reach the vendor with every path segment encoded', async () => {
    await resetCalls();
    // DWS's ids have no fixed shape here, so this one reaches it, as one segment.
    const node = await graphql('query($id: ID!) { node(id: $id) { id } }', { id: id('Cluster', 'dws', 'a b;c') });
    expect(codes(node)).toEqual(['NOT_FOUND']);
    const stats = (await (await fetch(`${demo.fleet.simulators.dws.url}/__sim/stats`)).json()) as { urls: Record<string, number> };
    expect(Object.keys(stats.urls).filter((u) => u.includes('/clusters/a%20b%3Bc'))).toHaveLength(1);
  });
});

describe('what viewers see', () => {
  it('ready while a source is; readiness lists source ids and nothing else', async () => {
    demo.fleet.simulators.hci.setFaults({ down: true });
    try {
      const res = await call('GET', '/readyz', { host: 'anything.example' });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ ready: true, sources: { ready: ['tiem', 'dcos', 'dws', 'otestack'], notReady: ['hci'] } });
    } finally {
      demo.fleet.simulators.hci.reset();
    }
  });

  it('no vendor URL, vendor message or vendor page: the source and the code only', async () => {
    const cluster = (await graphql('{ clusters(first: 1, filter: { sourceIds: ["dws"] }) { edges { node { id } } } }')).data.clusters.edges[0].node.id;
    const sources = await graphql('{ sources { sourceId url } }', {}, VIEWER_TOKEN);
    expect(sources.data.sources.every((s: { url: string | null }) => s.url === null)).toBe(true);
    expect(sources.errors?.map((e) => e.extensions?.code)).toEqual(SOURCE_KINDS.map(() => 'FORBIDDEN'));
    expect((await graphql('{ sources { url } }')).data.sources.map((s: { url: string }) => s.url)).toEqual(
      SOURCE_KINDS.map((k) => demo.fleet.simulators[k].url),
    );

    // DWS answers every call with an HTML error page, as a proxy in front of a dead one would.
    demo.fleet.simulators.dws.setFaults({ errorRate: 1, errorStatus: 500, htmlErrors: true });
    try {
      const list =
        '{ clusters(first: 3, filter: { sourceIds: ["dws"] }) { missingSources { sourceId code message } } sources { sourceId lastError { code message } } }';
      const node = 'query($id: ID!) { node(id: $id) { id } }';
      const admin = [await graphql(list), await graphql(node, { id: cluster })];
      const viewer = [await graphql(list, {}, VIEWER_TOKEN), await graphql(node, { id: cluster }, VIEWER_TOKEN)];
      // Operators and admins see what the vendor said.
      expect(JSON.stringify(admin)).toContain('<');
      expect(admin[1]?.errors?.[0]?.extensions).toMatchObject({ sourceId: 'dws', sourceKind: 'dws' });
      const text = JSON.stringify(viewer);
      expect(text).not.toContain('<');
      expect(text).not.toContain(demo.fleet.simulators.dws.url);
      expect(text).not.toMatch(/vendor|httpStatus|sourceKind|\/v\d/);
      const [listed, looked] = viewer;
      const code = listed?.data.clusters.missingSources[0].code;
      const summary = looked?.errors?.[0]?.message;
      expect(summary).toMatch(/^dws: the source /);
      expect(listed?.data.clusters.missingSources).toEqual([{ sourceId: 'dws', code, message: expect.stringMatching(/^dws: the source /) }]);
      expect(listed?.errors?.map((e) => e.extensions)).toEqual([{ code, sourceId: 'dws', partial: true }]);
      expect(listed?.data.sources.find((s: { sourceId: string }) => s.sourceId === 'dws').lastError).toEqual({
        code: expect.any(String),
        message: expect.stringMatching(/^dws: the source /),
      });
      expect(looked?.errors?.map((e) => e.extensions)).toEqual([{ code: expect.stringMatching(/^SOURCE_/), sourceId: 'dws' }]);
    } finally {
      demo.fleet.simulators.dws.reset();
    }
  });
});
