import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeGlobalId, encodeGlobalId } from '../../src/model/ids.js';
import type { SourceKind } from '../../src/model/source-kind.js';
import { type DemoGateway, type GraphQLResult, startDemoGateway } from '../helpers/gateway.js';

/*
 * Items under partial failure, end to end: a per-item vendor call (the calls that
 * complete an item past its list call) answering 404 or 500 leaves the item in its page
 * with null fields and an error at each of them; a list read part by part (hosts cluster
 * by cluster) is served with the failed parts reported; only an item the vendor says is
 * gone is left out, and the total agrees.
 */

const doc = (text: string) => parse(text) as TypedDocumentNode<any, any>;

let demo: DemoGateway;
let hciProxy: GoneProxy;
beforeAll(async () => {
  hciProxy = await goneProxy();
  demo = await startDemoGateway({
    env: { SIM_CLUSTERS: '6' },
    // No retries, so every call a fault hits is answered by the fault; a breaker that
    // never opens, so each case sees the vendor's answers and not the breaker's.
    source: { retries: 0, breaker: { threshold: 1000, halfOpenAfterMs: 50 } },
    sources: (list) => list.map((s) => (s.kind === 'hci' ? { ...s, url: hciProxy.front(s.url) } : s)),
  });
});
afterAll(async () => {
  await demo.close();
  await hciProxy.close();
});
beforeEach(() => demo.fleet.reset());

/** Every call to `route` of `kind` answers `status` in the vendor's error shape. */
const fail = (kind: SourceKind, route: string, status: number) => demo.fleet.simulators[kind].setFaults({ routes: [route], errorRate: 1, errorStatus: status });

const KIND = { hci: 'HCI', otestack: 'OTESTACK', tiem: 'TIEM', dws: 'DWS', dcos: 'DCOS' } as const;

const CLUSTERS = (kind: SourceKind) =>
  doc(`{ clusters(first: 200, filter: { sourceKinds: [${KIND[kind]}] }) {
    totalCount missingSources { sourceId }
    edges { node { id name status rawStatus nodeCount labels { key } endpoints { address } usage { cpu { used } memory { used } storage { used } } } }
  } }`);

const HOSTS = (kind: SourceKind) =>
  doc(`{ hosts(first: 200, filter: { sourceKinds: [${KIND[kind]}] }) {
    totalCount missingSources { sourceId }
    edges { node { id name status addresses role labels { key } } }
  } }`);

type Path = readonly (string | number)[];
const samePath = (a: Path | undefined, b: Path) => JSON.stringify(a) === JSON.stringify(b);
const at = (value: any, path: Path) => path.reduce((v, k) => v?.[k], value);

/** The error at exactly `path`, if any. */
const errorAt = (res: GraphQLResult<any>, path: Path) => res.errors?.find((e) => samePath(e.path, path));

/**
 * Every edge of the list is there (as many as `count` and the total say), each with
 * null and an error naming the source at every `gaps` path, and a value at every `kept`.
 */
function expectGapped(res: GraphQLResult<any>, list: string, kind: SourceKind, count: number, gaps: Path[], kept: Path[], status: number) {
  const connection = res.data?.[list];
  expect(connection, JSON.stringify(res.errors)).toBeTruthy();
  expect(connection.edges).toHaveLength(count);
  expect(connection.totalCount).toBe(count);
  expect(connection.missingSources).toEqual([]);
  connection.edges.forEach((edge: any, i: number) => {
    for (const field of gaps) {
      expect(at(edge.node, field)).toBeNull();
      const error = errorAt(res, [list, 'edges', i, 'node', ...field]);
      expect(error?.extensions, `${list}[${i}].${field.join('.')}`).toMatchObject({
        sourceId: kind,
        sourceKind: kind,
        code: 'SOURCE_ERROR',
        httpStatus: status,
      });
    }
    for (const field of kept) expect(at(edge.node, field), `${list}[${i}].${field.join('.')}`).not.toBeNull();
  });
  // No error anywhere else: the rest of each item stands.
  expect(res.errors).toHaveLength(count * gaps.length);
}

/** The list as the vendor serves it without faults: how many items, by id. */
async function baseline(query: TypedDocumentNode<any, any>, list: string): Promise<string[]> {
  const res = await demo.run(query);
  expect(res.errors).toBeUndefined();
  return res.data[list].edges.map((e: any) => e.node.id);
}

describe.each([404, 500])('a per-item call answering %i', (status) => {
  describe('HCI clusters (detail, compute statistic, storage summary per cluster)', () => {
    it('a failed statistic nulls the status, host count and CPU and memory usage; storage and endpoints stay', async () => {
      const ids = await baseline(CLUSTERS('hci'), 'clusters');
      expect(ids.length).toBeGreaterThan(0);
      fail('hci', 'GET /v1/cluster/compute/service/statistic', status);
      const res = await demo.run(CLUSTERS('hci'));
      expectGapped(
        res,
        'clusters',
        'hci',
        ids.length,
        [['status'], ['rawStatus'], ['nodeCount'], ['usage', 'cpu'], ['usage', 'memory']],
        [['name'], ['endpoints'], ['usage', 'storage']],
        status,
      );
      expect(res.data.clusters.edges.map((e: any) => e.node.id)).toEqual(ids);
    });

    it('a failed storage summary nulls the status and storage usage; the host count stays', async () => {
      const ids = await baseline(CLUSTERS('hci'), 'clusters');
      fail('hci', 'GET /v1/cluster/system/service/storage', status);
      const res = await demo.run(CLUSTERS('hci'));
      expectGapped(res, 'clusters', 'hci', ids.length, [['status'], ['rawStatus'], ['usage', 'storage']], [['name'], ['nodeCount'], ['endpoints']], status);
    });

    it('a failed detail nulls the endpoints; the status stays', async () => {
      const ids = await baseline(CLUSTERS('hci'), 'clusters');
      fail('hci', 'GET /v1/cluster/get', status);
      const res = await demo.run(CLUSTERS('hci'));
      expectGapped(res, 'clusters', 'hci', ids.length, [['endpoints']], [['name'], ['status'], ['nodeCount']], status);
    });

    it('node(id) answers the cluster with the fields it could read, never "does not exist"', async () => {
      const [id] = await baseline(CLUSTERS('hci'), 'clusters');
      fail('hci', 'GET /v1/cluster/compute/service/statistic', status);
      const res = await demo.run(doc(`query($id: ID!) { node(id: $id) { id ... on Cluster { name status } } }`), { id });
      expect(res.data?.node).toMatchObject({ id, status: null });
      expect(res.data?.node.name).toBeTruthy();
      expect(res.errors).toHaveLength(1);
      expect(errorAt(res, ['node', 'status'])?.extensions).toMatchObject({ sourceId: 'hci', code: 'SOURCE_ERROR', httpStatus: status });
    });

    it('fleetSummary counts every cluster; those of unknown status in a group whose status is null with the error', async () => {
      const ids = await baseline(CLUSTERS('hci'), 'clusters');
      fail('hci', 'GET /v1/cluster/compute/service/statistic', status);
      const res = await demo.run(doc('{ fleetSummary { total groups { source { sourceId } status count } missingSources { sourceId } } }'));
      const groups = res.data.fleetSummary.groups as { source: { sourceId: string }; status: string | null; count: number }[];
      const hci = groups.map((g, i) => ({ ...g, i })).filter((g) => g.source.sourceId === 'hci');
      expect(hci).toEqual([expect.objectContaining({ status: null, count: ids.length })]);
      expect(errorAt(res, ['fleetSummary', 'groups', hci[0]!.i, 'status'])?.extensions).toMatchObject({ sourceId: 'hci', httpStatus: status });
      expect(res.data.fleetSummary.missingSources).toEqual([]);
      expect(res.data.fleetSummary.total).toBe(groups.reduce((n, g) => n + g.count, 0));
    });

    it('HCI hosts (one statistic per cluster) are reported missing with the source, the other sources’ hosts served', async () => {
      const others = await demo.run(doc('{ hosts(filter: { sourceKinds: [TIEM, DCOS, DWS, OTESTACK] }) { totalCount } }'));
      fail('hci', 'GET /v1/cluster/compute/service/statistic', status);
      const res = await demo.run(doc('{ hosts(first: 200) { totalCount missingSources { sourceId } edges { node { source { sourceId } } } } }'));
      expect(res.data.hosts.missingSources).toEqual([{ sourceId: 'hci' }]);
      expect(res.errors?.every((e) => e.extensions?.sourceId === 'hci' && e.extensions?.code === 'SOURCE_ERROR')).toBe(true);
      const sources = new Set(res.data.hosts.edges.map((e: any) => e.node.source.sourceId));
      expect(sources.has('hci')).toBe(false);
      expect(sources.size).toBe(4);
      expect(res.data.hosts.totalCount).toBe(others.data.hosts.totalCount);
    });
  });

  describe('OTE-stack (cluster labels, the node walk, node labels)', () => {
    it('a failed node walk nulls the clusters’ status and usage; names and labels stay', async () => {
      const ids = await baseline(CLUSTERS('otestack'), 'clusters');
      fail('otestack', 'GET /v1/node', status);
      const res = await demo.run(CLUSTERS('otestack'));
      expectGapped(res, 'clusters', 'otestack', ids.length, [['status'], ['usage']], [['name'], ['labels'], ['rawStatus']], status);
    });

    it('a failed label list nulls the clusters’ labels; the status stays', async () => {
      const ids = await baseline(CLUSTERS('otestack'), 'clusters');
      fail('otestack', 'GET /v1/cluster/label', status);
      const res = await demo.run(CLUSTERS('otestack'));
      expectGapped(res, 'clusters', 'otestack', ids.length, [['labels']], [['name'], ['status']], status);
    });

    it('a failed labels call of one cluster nulls its labels in node(id)', async () => {
      const [id] = await baseline(CLUSTERS('otestack'), 'clusters');
      fail('otestack', 'GET /v1/cluster/label/{clusterName}', status);
      const res = await demo.run(doc(`query($id: ID!) { node(id: $id) { id ... on Cluster { name status labels { key } } } }`), { id });
      expect(res.data?.node).toMatchObject({ id, labels: null });
      expect(res.data?.node.status).toBeTruthy();
      expect(errorAt(res, ['node', 'labels'])?.extensions).toMatchObject({ sourceId: 'otestack', code: 'SOURCE_ERROR', httpStatus: status });
    });

    it('failed node label lookups null the hosts’ labels; the hosts stay', async () => {
      const ids = await baseline(HOSTS('otestack'), 'hosts');
      expect(ids.length).toBeGreaterThan(0);
      fail('otestack', 'GET /v1/node/label', status);
      const res = await demo.run(HOSTS('otestack'));
      expectGapped(res, 'hosts', 'otestack', ids.length, [['labels']], [['name'], ['status']], status);
    });
  });

  it('DWS hosts (a CN list per cluster) stay with null addresses and role', async () => {
    const ids = await baseline(HOSTS('dws'), 'hosts');
    expect(ids.length).toBeGreaterThan(0);
    fail('dws', 'GET /v1.0/{project_id}/clusters/{cluster_id}/cns', status);
    const res = await demo.run(HOSTS('dws'));
    expectGapped(res, 'hosts', 'dws', ids.length, [['addresses'], ['role']], [['name'], ['status']], status);
  });

  it.each([
    ['tiem', 'GET /api/v1/clusters/{clusterId}'],
    ['dcos', 'GET /v1/cluster/{cluster_id}/hosts'],
  ] as const)('%s hosts (read cluster by cluster) are reported missing with the source, nothing else lost', async (kind, route) => {
    fail(kind, route, status);
    const res = await demo.run(HOSTS(kind));
    expect(res.data?.hosts).toMatchObject({ edges: [], totalCount: 0, missingSources: [{ sourceId: kind }] });
    expect(res.errors?.length).toBeGreaterThan(0);
    for (const e of res.errors ?? []) expect(e.extensions).toMatchObject({ sourceId: kind, code: 'SOURCE_ERROR', httpStatus: status });
  });

  it('nodes(ids) answers null and an error at the index of the id whose source failed, and the others', async () => {
    const [tiemId] = await baseline(CLUSTERS('tiem'), 'clusters');
    const [hciId] = await baseline(CLUSTERS('hci'), 'clusters');
    fail('tiem', 'GET /api/v1/clusters/{clusterId}', status);
    const res = await demo.run(doc('query($ids: [ID!]!) { nodes(ids: $ids) { id } }'), { ids: [tiemId, hciId] });
    expect(res.data?.nodes).toEqual([null, { id: hciId }]);
    expect(res.errors).toHaveLength(1);
    expect(errorAt(res, ['nodes', 0])?.extensions).toMatchObject({ sourceId: 'tiem', code: 'SOURCE_ERROR', httpStatus: status });
  });
});

it('nodes(ids) answers null and NOT_FOUND at the index of an unknown id, and the valid ones', async () => {
  const [hciId] = await baseline(CLUSTERS('hci'), 'clusters');
  const [dwsId] = await baseline(CLUSTERS('dws'), 'clusters');
  const unknown = encodeGlobalId({ type: 'Cluster', sourceId: 'hci', nativeId: 'no-such-cluster' });
  const res = await demo.run(doc('query($ids: [ID!]!) { nodes(ids: $ids) { id } }'), { ids: [hciId, unknown, dwsId] });
  expect(res.data?.nodes).toEqual([{ id: hciId }, null, { id: dwsId }]);
  expect(res.errors).toHaveLength(1);
  expect(errorAt(res, ['nodes', 1])?.extensions?.code).toBe('NOT_FOUND');
});

describe('an item the vendor says is gone', () => {
  it('is left out of its page, and the total agrees with the page and with a walk of the pages', async () => {
    const ids = await baseline(CLUSTERS('hci'), 'clusters');
    const names = doc(`query($after: String) { clusters(first: 2, after: $after, filter: { sourceKinds: [HCI] }) {
      totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
    } }`);
    // Listed, then deleted before the calls that complete it: the vendor says it is gone.
    const gone = ids[1]!;
    hciProxy.deleteOnCompletion(decodeGlobalId(gone).nativeId);
    const res = await demo.run(CLUSTERS('hci'));
    expect(res.errors).toBeUndefined();
    expect(res.data.clusters.edges.map((e: any) => e.node.id)).toEqual(ids.filter((id) => id !== gone));
    expect(res.data.clusters.totalCount).toBe(ids.length - 1);

    const walked: string[] = [];
    let after: string | null = null;
    do {
      const page: GraphQLResult<any> = await demo.run(names, { after });
      expect(page.data.clusters.totalCount).toBe(ids.length - 1);
      walked.push(...page.data.clusters.edges.map((e: any) => e.node.id));
      after = page.data.clusters.pageInfo.hasNextPage ? page.data.clusters.pageInfo.endCursor : null;
    } while (after);
    expect(walked).toEqual(ids.filter((id) => id !== gone));
  });

  it('keeps its place in a vendor-paged (SOURCE order) page, and the vendor total is lowered', async () => {
    const bySource = doc(`query($after: String) { clusters(first: 3, after: $after, orderBy: { field: SOURCE }, filter: { sourceKinds: [HCI] }) {
      totalCount edges { node { id status } } pageInfo { hasNextPage endCursor }
    } }`);
    const all = await demo.run(bySource);
    const firstPage = all.data.clusters.edges.map((e: any) => e.node.id) as string[];
    const gone = firstPage[1]!;
    const total = all.data.clusters.totalCount as number;
    hciProxy.deleteOnCompletion(decodeGlobalId(gone).nativeId);
    const page = await demo.run(bySource);
    expect(page.errors).toBeUndefined();
    expect(page.data.clusters.edges.map((e: any) => e.node.id)).toEqual(firstPage.filter((id) => id !== gone));
    expect(page.data.clusters.totalCount).toBe(total - 1);
    // The next page starts after the gone cluster's place: nothing on the first page is
    // served again. (The vendor's list has shrunk by one since, as any deletion between
    // two pages shrinks it: offsets shift under every paged vendor list.)
    const next = await demo.run(bySource, { after: page.data.clusters.pageInfo.endCursor });
    const seen = [...page.data.clusters.edges, ...next.data.clusters.edges].map((e: any) => e.node.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain(gone);
  });
});

interface GoneProxy {
  /** The proxy's URL in front of the simulator at `target`. */
  front(target: string): string;
  /** Deletes this cluster at the vendor when the first call completing it arrives, before answering it. */
  deleteOnCompletion(uuid: string): void;
  close(): Promise<void>;
}

/**
 * A pass-through proxy in front of the HCI simulator that can delete a cluster between
 * the list call that names it and the calls that complete it: the race a real fleet has,
 * made certain, with the vendor's own "cluster not found" as the answer.
 */
async function goneProxy(): Promise<GoneProxy> {
  const COMPLETING = new Set(['/v1/cluster/get', '/v1/cluster/compute/service/statistic', '/v1/cluster/system/service/storage']);
  let target = '';
  let doomed: string | undefined;
  let deleted: Promise<unknown> | undefined;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', target);
    if (doomed !== undefined && COMPLETING.has(url.pathname) && url.searchParams.get('cluster_uuid') === doomed) {
      deleted ??= fetch(`${target}/v1/cluster/delete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cluster_uuid: doomed, force: true }),
      });
      await deleted;
    }
    const upstream = await fetch(url, {
      method: req.method ?? 'GET',
      headers: { accept: 'application/json', ...(chunks.length ? { 'content-type': 'application/json' } : {}) },
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const own = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    front(url) {
      target = url.replace(/\/$/, '');
      return own;
    },
    deleteOnCompletion(uuid) {
      doomed = uuid;
      deleted = undefined;
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
