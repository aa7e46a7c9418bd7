import { describe, expect, it } from 'vitest';
import { createLiveTransport } from '../../src/workflows/pubsub.js';
import { createLogger } from '../../src/log.js';
import { createMetrics } from '../../src/metrics.js';
import { LiveFeeds } from '../../src/workflows/live.js';
import { PollerHub } from '../../src/workflows/poller.js';
import { encodeGlobalId } from '../../src/model/ids.js';
import { createGatewayYoga } from '../../src/server.js';
import { SourceRegistry } from '../../src/sources/registry.js';
import { fakeSource } from '../helpers/fake-source.js';

function gateway(...sources: ReturnType<typeof fakeSource>[]) {
  const registry = new SourceRegistry(sources.map((s) => s.adapter));
  const metrics = createMetrics();
  const live = new LiveFeeds(registry, createLiveTransport(), new PollerHub({ metrics }));
  const yoga = createGatewayYoga({ deps: { registry, live }, logger: createLogger('silent'), graphiql: false });
  return async (query: string, variables?: Record<string, unknown>) => {
    const res = await yoga.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: any[] };
  };
}

describe('schema over fake sources', () => {
  it('lists clusters across sources with totals and nested hosts, one batch per source', async () => {
    const a = fakeSource({ id: 'a', clusters: 3 });
    const b = fakeSource({ id: 'b', clusters: 2 });
    const run = gateway(a, b);
    const { data, errors } = await run(
      `{ clusters(first: 10) { totalCount edges { node { id name source { sourceId } hosts { edges { node { name cluster { nativeId } } } } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.clusters.totalCount).toBe(5);
    expect(data.clusters.edges).toHaveLength(5);
    for (const { node } of data.clusters.edges) expect(node.hosts.edges).toHaveLength(2);
    // One list per source for the page and the count, one host call per cluster, cluster lookups by id.
    expect(a.calls.filter((c) => c === 'list')).toHaveLength(1);
  });

  it('resolves node(id) round trips and names a malformed or unknown id', async () => {
    const a = fakeSource({ id: 'a', clusters: 2 });
    const run = gateway(a);
    const { data } = await run(`{ clusters(first: 1) { edges { node { id name } } } }`);
    const { id, name } = data.clusters.edges[0].node;
    const node = await run(`query($id: ID!) { node(id: $id) { id ... on Cluster { name } } }`, { id });
    expect(node.data.node).toEqual({ id, name });

    const bad = await run(`{ node(id: "not an id") { id } }`);
    expect(bad.errors?.[0].extensions.code).toBe('INVALID_ID');
    const gone = await run(`query($id: ID!) { node(id: $id) { id } }`, { id: encodeGlobalId({ type: 'Cluster', sourceId: 'a', nativeId: 'nope' }) });
    expect(gone.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const otherSource = await run(`query($id: ID!) { node(id: $id) { id } }`, { id: encodeGlobalId({ type: 'Cluster', sourceId: 'zz', nativeId: 'c0000' }) });
    expect(otherSource.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const source = encodeGlobalId({ type: 'Source', sourceId: 'a', nativeId: 'a' });
    expect((await run(`query($id: ID!) { node(id: $id) { id } }`, { id: source })).data.node).toEqual({ id: source });
    const notASource = await run(`query($id: ID!) { node(id: $id) { id } }`, { id: encodeGlobalId({ type: 'Source', sourceId: 'a', nativeId: 'c0000' }) });
    expect(notASource.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('returns the healthy sources’ items and an error naming the failed source', async () => {
    const a = fakeSource({ id: 'a', clusters: 3 });
    const down = fakeSource({ id: 'down', clusters: 3, fail: true });
    const { data, errors } = await gateway(a, down)(`{ clusters { totalCount missingSources { sourceId code } edges { node { name } } } }`);
    expect(data.clusters.edges).toHaveLength(3);
    expect(data.clusters.missingSources).toEqual([{ sourceId: 'down', code: 'SOURCE_UNAVAILABLE' }]);
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', sourceId: 'down' });
  });

  it('filters by source and status, and rejects an unknown source id by name', async () => {
    const run = gateway(fakeSource({ id: 'a', clusters: 8 }), fakeSource({ id: 'b', clusters: 8 }));
    const { data } = await run(
      `{ clusters(first: 50, filter: { sourceIds: ["b"], status: [FAILED] }) { totalCount edges { node { status source { sourceId } } } } }`,
    );
    expect(data.clusters.totalCount).toBe(2);
    expect(data.clusters.edges.every((e: any) => e.node.status === 'FAILED' && e.node.source.sourceId === 'b')).toBe(true);
    const bad = await run(`{ clusters(filter: { sourceIds: ["nope"] }) { totalCount } }`);
    expect(bad.errors?.[0]).toMatchObject({ message: 'filter.sourceIds: no source "nope" is configured', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('summarizes the fleet by source, kind and status', async () => {
    const { data } = await gateway(fakeSource({ id: 'a', clusters: 8 }))(`{ fleetSummary { total groups { source { sourceId } kind status count } } }`);
    expect(data.fleetSummary.total).toBe(8);
    expect(data.fleetSummary.groups).toContainEqual({ source: { sourceId: 'a' }, kind: 'DATABASE', status: 'RUNNING', count: 2 });
  });

  it('masks unexpected errors', async () => {
    const a = fakeSource({ id: 'a', clusters: 1 });
    a.readers.clusters.list = async () => {
      throw new Error('secret internal detail at /srv/app.js:12');
    };
    const { errors } = await gateway(a)(`{ fleetSummary { total } }`);
    expect(errors?.[0].message).toBe('Unexpected error.');
    expect(JSON.stringify(errors)).not.toContain('secret');
  });
});
