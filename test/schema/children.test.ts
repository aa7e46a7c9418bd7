import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { createMetrics } from '../../src/metrics.js';
import { encodeGlobalId } from '../../src/model/ids.js';
import { createGatewayYoga } from '../../src/server.js';
import type { SourceAdapter } from '../../src/sources/adapter.js';
import { SourceError } from '../../src/sources/errors.js';
import { SourceRegistry } from '../../src/sources/registry.js';
import { LiveFeeds } from '../../src/workflows/live.js';
import { PollerHub } from '../../src/workflows/poller.js';
import { createLiveTransport } from '../../src/workflows/pubsub.js';
import { fakeSource } from '../helpers/fake-source.js';

function gateway(...adapters: SourceAdapter[]) {
  const registry = new SourceRegistry(adapters);
  const live = new LiveFeeds(registry, createLiveTransport(), new PollerHub({ metrics: createMetrics() }));
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

/** A fake source whose clusters answer but whose hosts fail, as a vendor's per-cluster route can. */
function hostsFailing(id: string): SourceAdapter {
  const { adapter } = fakeSource({ id, clusters: 2 });
  return {
    ...adapter,
    session: (scope) => {
      const session = adapter.session(scope);
      const fail = () => Promise.reject(new SourceError('SOURCE_TIMEOUT', 'hosts did not answer', { sourceId: id, sourceKind: 'tiem' }));
      return { ...session, ...(session.hosts ? { hosts: { ...session.hosts, list: fail, byCluster: fail } } : {}) };
    },
  };
}

const HOSTS = `
  query($id: ID!, $first: Int, $after: String, $filter: ClusterHostFilter, $orderBy: HostOrder) {
    node(id: $id) {
      ... on Cluster {
        hosts(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
          totalCount
          missingSources { sourceId code }
          pageInfo { hasNextPage endCursor }
          edges { cursor node { name cluster { id } } }
        }
      }
    }
  }`;

const clusterId = (sourceId: string, nativeId: string) => encodeGlobalId({ type: 'Cluster', sourceId, nativeId });

describe("a cluster's child connections", () => {
  it('are the list engine over the cluster: count, order, filter and cursors as on the top-level list', async () => {
    const run = gateway(fakeSource({ id: 'a', clusters: 3 }).adapter);
    const id = clusterId('a', 'c0001');
    const first = await run(HOSTS, { id, first: 1, orderBy: { field: 'NAME', direction: 'DESC' } });
    expect(first.errors).toBeUndefined();
    const hosts = first.data.node.hosts;
    expect(hosts).toMatchObject({ totalCount: 2, missingSources: [], pageInfo: { hasNextPage: true } });
    expect(hosts.edges.map((e: any) => e.node.name)).toEqual(['cluster-62-host-1']);
    expect(hosts.edges[0].node.cluster.id).toBe(id);

    const rest = await run(HOSTS, { id, first: 5, after: hosts.pageInfo.endCursor, orderBy: { field: 'NAME', direction: 'DESC' } });
    expect(rest.data.node.hosts.edges.map((e: any) => e.node.name)).toEqual(['cluster-62-host-0']);
    expect(rest.data.node.hosts.pageInfo.hasNextPage).toBe(false);

    const filtered = await run(HOSTS, { id, filter: { nameContains: 'HOST-0' } });
    expect(filtered.data.node.hosts.totalCount).toBe(1);
    expect(filtered.data.node.hosts.edges.map((e: any) => e.node.name)).toEqual(['cluster-62-host-0']);

    // A cursor belongs to its cluster's list: another cluster's list refuses it.
    const elsewhere = await run(HOSTS, {
      id: clusterId('a', 'c0002'),
      first: 1,
      after: hosts.pageInfo.endCursor,
      orderBy: { field: 'NAME', direction: 'DESC' },
    });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
  });

  it('leave a failed source out with missingSources and an error naming it; the rest of the answer stands', async () => {
    const run = gateway(hostsFailing('a'));
    const { data, errors } = await run(
      `{ clusters(first: 5) { totalCount edges { node { name hosts { totalCount missingSources { sourceId code } edges { node { name } } } } } } }`,
    );
    expect(data.clusters.totalCount).toBe(2);
    for (const { node } of data.clusters.edges) {
      expect(node.hosts).toEqual({ totalCount: 0, missingSources: [{ sourceId: 'a', code: 'SOURCE_TIMEOUT' }], edges: [] });
    }
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'SOURCE_TIMEOUT', sourceId: 'a' }) })]);
  });
});
