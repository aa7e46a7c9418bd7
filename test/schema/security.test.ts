import { createLiveTransport } from '../../src/workflows/pubsub.js';
import { describe, expect, it } from 'vitest';
import { ApiKeys } from '../../src/auth.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createMetrics } from '../../src/metrics.js';
import { encodeGlobalId } from '../../src/model/ids.js';
import { createGatewayYoga } from '../../src/server.js';
import { SourceRegistry } from '../../src/sources/registry.js';
import { LiveFeeds } from '../../src/workflows/live.js';
import { PollerHub } from '../../src/workflows/poller.js';
import { FAKE_VENDOR_PASSWORD, fakeSource } from '../helpers/fake-source.js';

const keys = new ApiKeys([
  { name: 'alice', role: 'admin', token: 'admin-token' },
  { name: 'olga', role: 'operator', token: 'operator-token' },
  { name: 'vic', role: 'viewer', token: 'viewer-token' },
]);

function gateway(options: { introspection?: boolean } = {}) {
  const source = fakeSource({ id: 'a', clusters: 3 });
  const registry = new SourceRegistry([source.adapter]);
  const live = new LiveFeeds(registry, createLiveTransport(), new PollerHub({ metrics: createMetrics() }));
  const yoga = createGatewayYoga({
    deps: { registry, live },
    logger: createLogger('silent'),
    graphiql: false,
    limits: { ...DEFAULT_LIMITS, maxDepth: 10, maxPageSize: 100, maxFanout: 2_000 },
    viewer: (h) => keys.viewerFor(h),
    ...options,
  });
  return async (query: string, token?: string, variables?: Record<string, unknown>) => {
    const res = await yoga.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
  };
}

const restart = `mutation($id: ID!) { restartCluster(id: $id) { __typename } }`;
const id = encodeGlobalId({ type: 'Cluster', sourceId: 'a', nativeId: 'c0000' });

describe('access', () => {
  it('answers 401 without a valid token', async () => {
    const run = gateway();
    for (const token of [undefined, 'wrong']) {
      const { status, body } = await run('{ sources { sourceId } }', token);
      expect(status).toBe(401);
      expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets every role query, and only operators and admins change things', async () => {
    const run = gateway();
    for (const token of ['viewer-token', 'operator-token', 'admin-token']) {
      expect((await run('{ sources { sourceId } }', token)).body.data.sources).toEqual([{ sourceId: 'a' }]);
    }
    const denied = await run(restart, 'viewer-token', { id });
    expect(denied.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await run(restart, 'operator-token', { id })).body.data.restartCluster.__typename).toBe('OperationPayload');
  });

  it('shows vendor records and settings to admins only, with the vendor’s secrets removed', async () => {
    const run = gateway();
    const query = `query($id: ID!) { node(id: $id) { ... on Cluster { name rawData } } settings { limits { maxDepth } } }`;
    const admin = await run(query, 'admin-token', { id });
    expect(admin.body.errors).toBeUndefined();
    expect(admin.body.data.node.rawData).toEqual({ id: 'c0000', state: 'raw', login: { user: 'root', password: '[redacted]' } });
    expect(JSON.stringify(admin.body)).not.toContain(FAKE_VENDOR_PASSWORD);
    for (const token of ['operator-token', 'viewer-token']) {
      const { body } = await run(`query($id: ID!) { node(id: $id) { ... on Cluster { name rawData } } }`, token, { id });
      // The rest of the answer stands; only what the role may not see is withheld, and said so.
      expect(body.data.node).toEqual({ name: expect.any(String), rawData: null });
      expect(body.errors?.map((e: any) => [e.path.join('.'), e.extensions.code])).toEqual([['node.rawData', 'FORBIDDEN']]);
      expect((await run('{ settings { limits { maxDepth } } }', token)).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
  });
});

describe('limits', () => {
  it('refuses deep queries, oversized pages and runaway fan-out before calling any vendor', async () => {
    const run = gateway();
    const deep = await run(
      `{ ${'clusters { edges { node { hosts { edges { node { cluster { hosts { edges { node { cluster { name'}${' }'.repeat(11)} }`,
      'viewer-token',
    );
    expect(deep.body.errors?.[0].message).toMatch(/depth/i);
    const big = await run('{ clusters(first: 101) { totalCount } }', 'viewer-token');
    expect(big.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const fanout = await run(
      '{ clusters(first: 100) { edges { node { hosts(first: 100) { edges { node { cluster { hosts(first: 5) { pageInfo { hasNextPage } } } } } } } } } }',
      'viewer-token',
    );
    expect(fanout.body.errors?.[0]?.extensions?.code, JSON.stringify(fanout.body).slice(0, 300)).toBe('QUERY_TOO_COSTLY');
    // The same document again is refused again (its estimate is kept, not its verdict forgotten).
    const again = await run(
      '{ clusters(first: 100) { edges { node { hosts(first: 100) { edges { node { cluster { hosts(first: 5) { pageInfo { hasNextPage } } } } } } } } } }',
      'viewer-token',
    );
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', cost: fanout.body.errors?.[0]?.extensions?.cost });
    expect(again.body.data).toBeUndefined();
    const viaVariables = await run('query($n: Int) { clusters(first: $n) { totalCount } }', 'viewer-token', { n: 1000 });
    expect(viaVariables.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('prices a query with its variables’ defaults as if they were sent', async () => {
    const run = gateway();
    const query = 'query($n: Int = 101) { clusters(first: $n) { totalCount } }';
    const defaulted = await run(query, 'viewer-token');
    const sent = await run(query, 'viewer-token', { n: 101 });
    expect(defaulted.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(defaulted.body.errors?.[0].message).toBe(sent.body.errors?.[0].message);
    // Within the page limit, the defaults still multiply down the tree.
    const nested = `query($n: Int = 100) { clusters(first: $n) { edges { node { hosts(first: $n) { edges { node { cluster { snapshots(first: $n) { pageInfo { hasNextPage } } } } } } } } } }`;
    const costly = await run(nested, 'viewer-token');
    expect(costly.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', cost: 10_101 });
    expect(costly.body.data).toBeUndefined();
    // A variable sent overrides its default.
    const small = await run('query($n: Int = 101) { clusters(first: $n) { totalCount } }', 'viewer-token', { n: 3 });
    expect(small.body).toEqual({ data: { clusters: { totalCount: 3 } } });
  });

  it('refuses too many aliases, whatever field they name', async () => {
    const run = gateway();
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: sources { sourceId }`).join(' ');
    expect((await run(`{ ${aliases} }`, 'viewer-token')).body.errors?.[0].message).toMatch(/alias/i);
    const typenames = Array.from({ length: 100 }, (_, i) => `t${i}: __typename`).join(' ');
    const refused = await run(`{ ${typenames} }`, 'viewer-token');
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0].message).toMatch(/Aliases limit of 30 exceeded, found 100/);
    const few = Array.from({ length: 30 }, (_, i) => `t${i}: __typename`).join(' ');
    expect((await run(`{ ${few} }`, 'viewer-token')).body.data.t29).toBe('Query');
  });

  it('turns introspection off when configured', async () => {
    const closed = await gateway({ introspection: false })('{ __schema { types { name } } }', 'viewer-token');
    expect(closed.body.errors?.[0].message).toMatch(/introspection/i);
    const open = await gateway()('{ __schema { queryType { name } } }', 'viewer-token');
    expect(open.body.data.__schema.queryType.name).toBe('Query');
  });
});
