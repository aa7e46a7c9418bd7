import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_KINDS } from '../../src/model/source-kind.js';
import {
  ClusterPageDocument,
  type ClusterPageQuery,
  ClusterRawDataDocument,
  DeploymentPageDocument,
  EventPageDocument,
  FleetSummaryDocument,
  HostPageDocument,
  NodeByIdDocument,
  SnapshotPageDocument,
  SourcesDocument,
  WorkflowPageDocument,
} from '../generated/operations.js';
import { type DemoGateway, type GraphQLResult, startDemoGateway } from '../helpers/gateway.js';

let demo: DemoGateway;
beforeAll(async () => {
  // Ten clusters a source keeps the page-by-page walks quick; the fleet still has every kind.
  demo = await startDemoGateway({ env: { SIM_CLUSTERS: '10' } });
});
afterAll(() => demo.close());

type Order = { field: any; direction: 'ASC' | 'DESC' };

/**
 * A page's total and whether its items name their cluster: every one of them, except
 * OTE-stack deployments (and their workflows), which may target a label or every
 * cluster rather than one.
 */
function pick(page: { totalCount: number; edges: { node: { __typename?: string; cluster: { id: string } | null } }[] } | undefined, some = false) {
  if (!page) throw new Error('no page');
  const named = (e: { node: { cluster: { id: string } | null } }) => e.node.cluster !== null;
  return { totalCount: page.totalCount, linked: some ? page.edges.some(named) : page.edges.every(named) };
}

/** Walks a whole connection page by page; returns every node id in order. */
async function walkClusters(first: number, orderBy: Order, filter?: Record<string, unknown>) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const res: GraphQLResult<ClusterPageQuery> = await demo.run(ClusterPageDocument, { first, after, orderBy, filter: filter as never });
    expect(res.errors).toBeUndefined();
    const page: ClusterPageQuery['clusters'] = res.data!.clusters;
    ids.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) return { ids, totalCount: page.totalCount };
    after = page.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

describe('read API over the five simulators', () => {
  it('lists every configured source, healthy, with what it serves', async () => {
    const { data, errors } = await demo.run(SourcesDocument);
    expect(errors).toBeUndefined();
    expect(data!.sources.map((s) => s.sourceId)).toEqual([...SOURCE_KINDS]);
    for (const s of data!.sources) {
      expect(s.capabilities).toContain('CLUSTERS');
      expect(s.lastError).toBeNull();
    }
  });

  it('serves clusters of every kind, with normalized and raw status', async () => {
    const { data, errors } = await demo.run(ClusterPageDocument, { first: 200 });
    expect(errors).toBeUndefined();
    const bySource = new Map<string, number>();
    for (const { node } of data!.clusters.edges) bySource.set(node.source.sourceId, (bySource.get(node.source.sourceId) ?? 0) + 1);
    for (const kind of SOURCE_KINDS) expect(bySource.get(kind), kind).toBeGreaterThan(0);
    expect(data!.clusters.totalCount).toBe(data!.clusters.edges.length);
    expect(new Set(data!.clusters.edges.map((e) => e.node.kind))).toEqual(new Set(['DATABASE', 'HCI', 'CONTAINER', 'DATA_WAREHOUSE', 'EDGE']));
    for (const { node } of data!.clusters.edges) expect(node.rawStatus).not.toBe('');
    expect(data!.clusters.edges.some((e) => e.node.status === 'UNKNOWN')).toBe(false);
  });

  it.each([1, 7, 50])('walks every cluster exactly once, %i a page, by name and by creation time', async (size) => {
    for (const orderBy of [
      { field: 'NAME', direction: 'ASC' },
      { field: 'CREATED_AT', direction: 'DESC' },
    ] as Order[]) {
      const { ids, totalCount } = await walkClusters(size, orderBy);
      expect(ids).toHaveLength(totalCount);
      expect(new Set(ids).size).toBe(totalCount);
    }
  });

  it('serves hosts, snapshots, events, deployments and workflows from the kinds that have them, each linked to its cluster', async () => {
    const expected: [string, (kind: string) => Promise<{ totalCount: number; linked: boolean }>, string[]][] = [
      ['hosts', async (k) => pick((await demo.run(HostPageDocument, { first: 50, filter: { sourceIds: [k] } })).data?.hosts), [...SOURCE_KINDS]],
      [
        'snapshots',
        async (k) => pick((await demo.run(SnapshotPageDocument, { first: 50, filter: { sourceIds: [k] } })).data?.snapshots),
        ['tiem', 'hci', 'dws'],
      ],
      ['events', async (k) => pick((await demo.run(EventPageDocument, { first: 50, filter: { sourceIds: [k] } })).data?.events), ['dcos', 'dws']],
      [
        'deployments',
        async (k) => pick((await demo.run(DeploymentPageDocument, { first: 50, filter: { sourceIds: [k] } })).data?.deployments, true),
        ['otestack'],
      ],
      [
        'workflows',
        async (k) => pick((await demo.run(WorkflowPageDocument, { first: 50, filter: { sourceIds: [k] } })).data?.workflows, k === 'otestack'),
        ['tiem', 'dcos', 'dws', 'otestack'],
      ],
    ];
    for (const [entity, page, kinds] of expected) {
      for (const kind of kinds) {
        const { totalCount, linked } = await page(kind);
        expect(totalCount, `${entity} of ${kind}`).toBeGreaterThan(0);
        expect(linked, `${entity} of ${kind} link to their cluster`).toBe(true);
      }
    }
  });

  it('shows admins the vendor record behind each cluster of every kind', async () => {
    const { data, errors } = await demo.run(ClusterRawDataDocument, { first: 200 });
    expect(errors).toBeUndefined();
    const kinds = new Set<string>();
    for (const { node } of data!.clusters.edges) {
      // Whatever the vendor's shape, its record names the object by the vendor's own id.
      expect(JSON.stringify(node.rawData), node.nativeId).toContain(JSON.stringify(node.nativeId));
      kinds.add(node.source.kind);
    }
    expect(kinds.size).toBe(SOURCE_KINDS.length);
  });

  it('round-trips node(id) for every type', async () => {
    const samples = [
      (await demo.run(ClusterPageDocument, { first: 1 })).data!.clusters.edges[0]!.node.id,
      (await demo.run(HostPageDocument, { first: 1 })).data!.hosts.edges[0]!.node.id,
      (await demo.run(SnapshotPageDocument, { first: 1 })).data!.snapshots.edges[0]!.node.id,
      (await demo.run(EventPageDocument, { first: 1 })).data!.events.edges[0]!.node.id,
      (await demo.run(DeploymentPageDocument, { first: 1 })).data!.deployments.edges[0]!.node.id,
      (await demo.run(WorkflowPageDocument, { first: 1 })).data!.workflows.edges[0]!.node.id,
    ];
    for (const id of samples) {
      const { data, errors } = await demo.run(NodeByIdDocument, { id });
      expect(errors, id).toBeUndefined();
      expect(data!.node!.id).toBe(id);
    }
  });

  it('filters by status, name, kind and cluster, pushed down or not', async () => {
    const all = (await demo.run(ClusterPageDocument, { first: 200 })).data!.clusters.edges.map((e) => e.node);
    const running = await demo.run(ClusterPageDocument, { first: 200, filter: { status: ['RUNNING'] } });
    expect(running.data!.clusters.edges.map((e) => e.node.id).sort()).toEqual(
      all
        .filter((c) => c.status === 'RUNNING')
        .map((c) => c.id)
        .sort(),
    );
    const needle = all[3]!.name.slice(1, 5).toUpperCase();
    const named = await demo.run(ClusterPageDocument, { first: 200, filter: { nameContains: needle } });
    expect(named.data!.clusters.edges.map((e) => e.node.id).sort()).toEqual(
      all
        .filter((c) => c.name.toLowerCase().includes(needle.toLowerCase()))
        .map((c) => c.id)
        .sort(),
    );
    const kinds = await demo.run(ClusterPageDocument, { first: 200, filter: { sourceKinds: ['DWS', 'TIEM'] } });
    expect(new Set(kinds.data!.clusters.edges.map((e) => e.node.source.sourceId))).toEqual(new Set(['dws', 'tiem']));
    const cluster = all.find((c) => c.source.sourceId === 'otestack')!;
    const hosts = await demo.run(HostPageDocument, { first: 200, filter: { clusterId: cluster.id } });
    expect(hosts.data!.hosts.edges.length).toBeGreaterThan(0);
    expect(hosts.data!.hosts.edges.every((e) => e.node.cluster!.id === cluster.id)).toBe(true);
  });

  it('summarizes the fleet by source, kind and status', async () => {
    const { data, errors } = await demo.run(FleetSummaryDocument);
    expect(errors).toBeUndefined();
    const total = (await demo.run(ClusterPageDocument, { first: 0 })).data!.clusters.totalCount;
    expect(data!.fleetSummary.total).toBe(total);
    expect(data!.fleetSummary.groups.reduce((n, g) => n + g.count, 0)).toBe(total);
  });

  it('answers a malformed id with a clear error', async () => {
    const { errors } = await demo.run(NodeByIdDocument, { id: 'bm90LWEtcmVhbC1pZA' });
    expect(errors?.[0]?.extensions?.code).toBe('INVALID_ID');
  });
});
