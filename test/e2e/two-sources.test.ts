import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../src/config.js';
import { decodeGlobalId } from '../../src/model/ids.js';
import { dwsSimulator } from '../../src/simulators/dws/index.js';
import type { SimulatorDefinition } from '../../src/simulators/kit/definition.js';
import { type RunningSimulator, startSimulator } from '../../src/simulators/kit/server.js';
import { otestackSimulator } from '../../src/simulators/otestack/index.js';
import { ClusterChildrenDocument, ClusterPageDocument, NodeByIdDocument, SourcesDocument } from '../generated/operations.js';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { client as dwsClient } from '../simulators/dws/support.js';
import { client as oteClient, login as oteLogin } from '../simulators/otestack/support.js';

/*
 * Two sources of one kind side by side (two DWS projects, two OTE-stack platforms), each
 * served by its own simulator with its own seed, so their fleets differ. What the gateway
 * answers is checked against what each simulator itself lists: nothing of one source may
 * turn up under the other.
 */

const CLUSTERS = 10;

interface VendorCluster {
  id: string;
  name: string;
  /** Host names, as the vendor lists the cluster's nodes. */
  hosts: string[];
  /** Snapshot ids; empty for a vendor without snapshots. */
  snapshots: string[];
}

interface Pair {
  kind: 'dws' | 'otestack';
  kindEnum: 'DWS' | 'OTESTACK';
  definition: SimulatorDefinition;
  /** The source ids: the demo's own simulator, then a second one. */
  ids: [string, string];
  /** Whether the kind has snapshots at all. */
  snapshots: boolean;
  /** Every cluster the simulator holds, read from its own API. */
  vendorClusters(sim: RunningSimulator): Promise<VendorCluster[]>;
}

const PAIRS: Pair[] = [
  {
    kind: 'dws',
    kindEnum: 'DWS',
    definition: dwsSimulator,
    ids: ['dws-a', 'dws-b'],
    snapshots: true,
    async vendorClusters(sim) {
      const api = await dwsClient(sim);
      const snapshots: { id: string; cluster_id?: string }[] = (await api.get('/snapshots')).body.snapshots;
      const clusters: { id: string; name: string; nodes?: { name: string }[] }[] = (await api.get('/clusters')).body.clusters;
      return clusters.map((c) => ({
        id: c.id,
        name: c.name,
        hosts: (c.nodes ?? []).map((n) => n.name),
        snapshots: snapshots.filter((s) => s.cluster_id === c.id).map((s) => s.id),
      }));
    },
  },
  {
    kind: 'otestack',
    kindEnum: 'OTESTACK',
    definition: otestackSimulator,
    ids: ['ote-a', 'ote-b'],
    snapshots: false,
    async vendorClusters(sim) {
      const api = oteClient(sim, await oteLogin(sim));
      const clusters: { clusterName: string }[] = (await api('GET', '/v1/cluster')).body.data;
      const nodes: { clusterName: string; nodeName: string }[] = (await api('GET', '/v1/node?page=1&pageSize=100000')).body.data;
      return clusters.map((c) => ({
        id: c.clusterName,
        name: c.clusterName,
        hosts: nodes.filter((n) => n.clusterName === c.clusterName).map((n) => n.nodeName),
        snapshots: [],
      }));
    },
  },
];

/** Per kind: the demo's simulator (source a) and a second one with another seed (source b). */
const sims = new Map<string, [RunningSimulator, RunningSimulator]>();
let demo: DemoGateway;

beforeAll(async () => {
  const second = new Map(
    await Promise.all(
      PAIRS.map(
        async (p) => [p.kind, await startSimulator(p.definition, { seed: `${p.kind}-b`, clusters: CLUSTERS, speed: 1, operationFailureRate: 0 })] as const,
      ),
    ),
  );
  demo = await startDemoGateway({
    env: { SIM_CLUSTERS: String(CLUSTERS) },
    sources: (demoSources) =>
      demoSources.flatMap((source): SourceConfig[] => {
        const pair = PAIRS.find((p) => p.kind === source.kind);
        const b = pair && second.get(pair.kind);
        if (!pair || !b) return [source];
        return [
          { ...source, id: pair.ids[0], name: `${source.name} A` },
          { ...source, id: pair.ids[1], name: `${source.name} B`, url: b.url, credentials: { ...b.credentials } },
        ];
      }),
  });
  for (const p of PAIRS) sims.set(p.kind, [demo.fleet.simulators[p.kind], second.get(p.kind) as RunningSimulator]);
}, 60_000);

afterAll(async () => {
  await demo?.close();
  await Promise.all([...sims.values()].map(([, b]) => b.close()));
});

const clustersOf = (filter: Record<string, unknown>) => demo.run(ClusterPageDocument, { first: 200, filter: filter as never });

describe.each(PAIRS)('two $kind sources side by side', (pair) => {
  const [idA, idB] = pair.ids;
  let vendor: Record<string, VendorCluster[]>;
  beforeAll(async () => {
    const [a, b] = sims.get(pair.kind) as [RunningSimulator, RunningSimulator];
    vendor = { [idA]: await pair.vendorClusters(a), [idB]: await pair.vendorClusters(b) };
    // Different seeds, different fleets: otherwise "from the right source" would prove nothing.
    expect(vendor[idA]?.map((c) => c.id)).not.toEqual(vendor[idB]?.map((c) => c.id));
  });

  it('lists both as sources of the kind', async () => {
    const { data, errors } = await demo.run(SourcesDocument);
    expect(errors).toBeUndefined();
    const ofKind = data!.sources.filter((s) => s.kind === pair.kindEnum);
    expect(ofKind.map((s) => s.sourceId)).toEqual([idA, idB]);
    expect(new Set(ofKind.map((s) => s.url)).size).toBe(2);
  });

  // The two OTE-stack seeds share some cluster names (native ids): only the global id tells those apart.
  it('serves the clusters of both, each under its own source id and global id; the total is their sum', async () => {
    const { data, errors } = await clustersOf({ sourceKinds: [pair.kindEnum] });
    expect(errors).toBeUndefined();
    const page = data!.clusters;
    const want = [idA, idB].flatMap((sourceId) => (vendor[sourceId] ?? []).map((c) => `${sourceId}:${c.id}`));
    expect(page.edges.map((e) => `${e.node.source.sourceId}:${e.node.nativeId}`).sort()).toEqual(want.sort());
    expect(new Set(page.edges.map((e) => e.node.id)).size).toBe(want.length);
    for (const { node } of page.edges)
      expect(decodeGlobalId(node.id)).toMatchObject({ type: 'Cluster', sourceId: node.source.sourceId, nativeId: node.nativeId });
    expect(page.totalCount).toBe((vendor[idA]?.length ?? 0) + (vendor[idB]?.length ?? 0));
  });

  it.each([0, 1])('filters to one source by id (source %i)', async (i) => {
    const sourceId = pair.ids[i] as string;
    const { data, errors } = await clustersOf({ sourceIds: [sourceId] });
    expect(errors).toBeUndefined();
    expect(data!.clusters.edges.every((e) => e.node.source.sourceId === sourceId)).toBe(true);
    expect(data!.clusters.edges.map((e) => e.node.nativeId).sort()).toEqual((vendor[sourceId] ?? []).map((c) => c.id).sort());
    expect(data!.clusters.totalCount).toBe(vendor[sourceId]?.length);
  });

  it.each([0, 1])('resolves node(id) of a cluster of source %i, with its children from that source alone', async (i) => {
    const sourceId = pair.ids[i] as string;
    const listed = (vendor[sourceId] ?? []).filter((c) => c.hosts.length > 0);
    // The cluster with the most snapshots (where the kind has them) shows the most children.
    const cluster = [...listed].sort((x, y) => y.snapshots.length - x.snapshots.length)[0];
    if (!cluster) throw new Error(`${sourceId} lists no cluster with hosts`);
    expect(cluster.snapshots.length > 0).toBe(pair.snapshots);
    const { data: page } = await clustersOf({ sourceIds: [sourceId], nameContains: cluster.name });
    const id = page!.clusters.edges.find((e) => e.node.nativeId === cluster.id)?.node.id as string;

    const node = await demo.run(NodeByIdDocument, { id });
    expect(node.errors).toBeUndefined();
    expect(node.data!.node).toMatchObject({ id, __typename: 'Cluster', name: cluster.name, source: { sourceId } });

    const children = await demo.run(ClusterChildrenDocument, { id });
    expect(children.errors).toBeUndefined();
    const c = children.data!.node;
    if (!c || !('hosts' in c)) throw new Error(`${id} did not resolve to a cluster`);
    expect(c.source.sourceId).toBe(sourceId);
    const hosts = c.hosts.edges.map((e) => e.node);
    const snapshots = c.snapshots.edges.map((e) => e.node);
    expect(hosts.map((h) => h.name).sort()).toEqual([...cluster.hosts].sort());
    expect(snapshots.map((s) => s.nativeId).sort()).toEqual([...cluster.snapshots].sort());
    for (const child of [...hosts, ...snapshots]) {
      expect(child.source.sourceId).toBe(sourceId);
      expect(decodeGlobalId(child.id).sourceId).toBe(sourceId);
      expect(child.cluster?.id).toBe(id);
    }
  });

  it('keeps serving one source while the other is down, naming the one that failed', async () => {
    const [, b] = sims.get(pair.kind) as [RunningSimulator, RunningSimulator];
    b.setFaults({ down: true });
    try {
      const { data, errors } = await clustersOf({ sourceKinds: [pair.kindEnum] });
      expect(data!.clusters.edges.map((e) => e.node.nativeId).sort()).toEqual((vendor[idA] ?? []).map((c) => c.id).sort());
      expect(data!.clusters.edges.every((e) => e.node.source.sourceId === idA)).toBe(true);
      expect(data!.clusters.missingSources.map((m) => m.sourceId)).toEqual([idB]);
      expect(errors?.map((e) => e.extensions?.sourceId)).toEqual([idB]);
    } finally {
      b.setFaults({ down: false });
    }
  });
});
