import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../../src/lists/merge.js';
import { SOURCE_KINDS, type SourceKind } from '../../src/model/source-kind.js';
import { LIST_PAGE_SIZE as DWS_PAGE } from '../../src/sources/dws/client.js';
import { PAGE_SIZE as OTE_PAGE } from '../../src/sources/otestack/client.js';
import { MAX_PAGE_SIZE as TIEM_PAGE } from '../../src/sources/tiem/paging.js';
import type { Fleet } from '../../src/simulators/fleet.js';
import { parse } from 'graphql';
import { ClusterPageDocument, ClustersDeepDocument, EventPageDocument, FleetSummaryDocument, HostPageDocument } from '../generated/operations.js';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { call } from '../helpers/sim-client.js';
import { client as dwsClient } from '../simulators/dws/support.js';
import { clusters as hciClusters } from '../simulators/hci/support.js';
import { client as oteClient, login as oteLogin } from '../simulators/otestack/support.js';
import { login as tiemLogin } from '../simulators/tiem/support.js';

/*
 * The vendor calls each reference query costs, per vendor route, read from the
 * simulators' own request counters, against the fewest the vendor documents allow
 * (../shared/seeds). Every expected figure is worked out below from the fleet's size,
 * the page sizes the adapters ask for, and what the fleet holds (read from the vendors
 * directly, before counting starts): a change that adds a call, loses batching or sends
 * one URL twice fails here.
 */

/** Clusters per simulator: over the 100 the issue asks for, and five kinds of it fill the largest page a gateway serves. */
const CLUSTERS = MAX_PAGE_SIZE / SOURCE_KINDS.length;
/** A page holding every cluster of every source. */
const ALL = CLUSTERS * SOURCE_KINDS.length;

type Routes = Record<string, number>;

/** HCI cluster names, by name, through a fragment, and their endpoints when asked. */
const CLUSTER_NAMES = parse(`
  query($endpoints: Boolean!) {
    clusters(first: 10, filter: { sourceIds: ["hci"] }) { edges { node { ...Named endpoints @include(if: $endpoints) { address } } } }
  }
  fragment Named on Cluster { id name source { sourceId } }
`) as TypedDocumentNode<any, { endpoints: boolean }>;

/** OTE-stack clusters by name, and their labels when asked. */
const OTE_LABELS = parse(`
  query($labels: Boolean!) {
    clusters(first: 10, filter: { sourceIds: ["otestack"] }) { edges { node { id name labels @include(if: $labels) { key value } } } }
  }
`) as TypedDocumentNode<any, { labels: boolean }>;

/** OTE-stack hosts by name, and their labels when asked. */
const OTE_HOST_LABELS = parse(`
  query($labels: Boolean!) {
    hosts(first: ${ALL}, filter: { sourceIds: ["otestack"] }) { edges { node { id name status labels @include(if: $labels) { key value } } } }
  }
`) as TypedDocumentNode<any, { labels: boolean }>;

/** Calls a walk of `items` in pages of `size` takes: an empty list is one empty page. */
const pages = (items: number, size: number) => Math.max(1, Math.ceil(items / size));

/** Route tables added up, leaving out routes with no calls. */
function sum(...tables: Routes[]): Routes {
  const total: Routes = {};
  for (const table of tables) for (const [route, n] of Object.entries(table)) total[route] = (total[route] ?? 0) + n;
  return Object.fromEntries(Object.entries(total).filter(([, n]) => n > 0));
}

/** What the fleet holds that decides call counts, read from each vendor's own API. */
interface Census {
  tiemBackups: number;
  /** Center nodes over all HCI clusters: metadata snapshots are listed per center node. */
  hciCenterNodes: number;
  dwsEvents: number;
  dwsAlarms: number;
  /** Whether the newest page of DWS events holds backup events, which name a snapshot rather than a cluster. */
  dwsBackupEventsOnFirstPage: boolean;
  oteNodes: number;
  oteClusterLabels: number;
  /** Per node label in use, the nodes carrying it. */
  oteNodeLabelCarriers: number[];
}

async function takeCensus(fleet: Fleet): Promise<Census> {
  const { tiem, hci, dws, otestack } = fleet.simulators;
  const tiemToken = await tiemLogin(tiem);
  const backups = await call(tiem, 'GET', '/api/v1/backups/?page=1&pageSize=1', { headers: { authorization: `Bearer ${tiemToken}` } });
  const dwsApi = await dwsClient(dws);
  const events = await dwsApi.get(`/v2/{pid}/events?offset=0&limit=${DWS_PAGE}`);
  const alarms = await dwsApi.get('/v2/{pid}/alarms?offset=0&limit=1');
  const ote = oteClient(otestack, await oteLogin(otestack));
  const nodeLabels: string[] = (await ote('GET', '/v1/node/label')).body.data ?? [];
  const carriers = await Promise.all(
    nodeLabels.map(async (label) => (await ote('GET', `/v1/node?nodeLabel=${encodeURIComponent(label)}&page=1&pageSize=1`)).body.total as number),
  );
  return {
    tiemBackups: backups.body.page.total,
    hciCenterNodes: (await hciClusters(hci)).reduce((n, c) => n + c.detail.candidates.length, 0),
    dwsEvents: events.body.count,
    dwsAlarms: alarms.body.count,
    dwsBackupEventsOnFirstPage: events.body.events.some((e: { source_type?: string }) => e.source_type === 'backup'),
    oteNodes: (await ote('GET', '/v1/node?page=1&pageSize=1')).body.total,
    oteClusterLabels: ((await ote('GET', '/v1/cluster/label')).body.data ?? []).length,
    oteNodeLabelCarriers: carriers,
  };
}

let demo: DemoGateway;
let census: Census;
beforeAll(async () => {
  demo = await startDemoGateway({ env: { SIM_CLUSTERS: String(CLUSTERS) }, limits: { maxPageSize: ALL } });
  census = await takeCensus(demo.fleet);
  // Logins are once per source, not per query: done here, they stay out of the counts.
  const warm = await demo.run(ClusterPageDocument, { first: 1 });
  expect(warm.errors).toBeUndefined();
});
afterAll(() => demo?.close());

/** Runs one query on fresh counters; its vendor calls per kind, routes and exact URLs. */
async function measure<T, V>(doc: TypedDocumentNode<T, V>, variables: V) {
  demo.resetCounts();
  const res = await demo.run(doc, variables);
  expect(res.errors).toBeUndefined();
  return { data: res.data as T, calls: demo.vendorCalls() };
}

/** Each kind's routes equal the expected table, and no URL was asked twice. */
function expectCalls(calls: ReturnType<DemoGateway['vendorCalls']>, expected: Record<SourceKind, Routes>) {
  for (const kind of SOURCE_KINDS) {
    expect(calls[kind]?.routes, `${kind} calls per route`).toEqual(expected[kind]);
    const repeated = Object.entries(calls[kind]?.urls ?? {}).filter(([, n]) => n !== 1);
    expect(repeated, `${kind} URLs asked more than once`).toEqual([]);
  }
}

/** OTE-stack: nodes come in pages. */
const oteNodes = (): Routes => ({ 'GET /v1/node': pages(census.oteNodes, OTE_PAGE) });

/** OTE-stack nodes with their labels: those come only from asking which nodes carry each label in use. */
const oteNodesWithLabels = (): Routes =>
  sum(oteNodes(), {
    'GET /v1/node': census.oteNodeLabelCarriers.reduce((n, c) => n + pages(c, OTE_PAGE), 0),
    'GET /v1/node/label': 1,
  });

/**
 * OTE-stack cluster labels for `named` clusters: the list rows carry none. One cluster
 * is asked directly; for several, the labels in use are listed, and when there are no
 * more of them than clusters, each label's clusters are listed (`clusterLabel`) instead
 * of each cluster's labels.
 */
function oteClusterLabels(named: number): Routes {
  if (named === 0) return {};
  if (named === 1) return { 'GET /v1/cluster/label/{clusterName}': 1 };
  return census.oteClusterLabels <= named
    ? { 'GET /v1/cluster/label': 1, 'GET /v1/cluster': census.oteClusterLabels }
    : { 'GET /v1/cluster/label': 1, 'GET /v1/cluster/label/{clusterName}': named };
}

/** Distinct clusters each source's items name. */
function clustersNamed(edges: readonly { node: { source: { sourceId: string }; cluster: { id: string } | null } }[]): Record<string, number> {
  const named = new Map<string, Set<string>>();
  for (const { node } of edges) {
    if (!node.cluster) continue;
    const set = named.get(node.source.sourceId) ?? new Set<string>();
    set.add(node.cluster.id);
    named.set(node.source.sourceId, set);
  }
  return Object.fromEntries(SOURCE_KINDS.map((k) => [k, named.get(k)?.size ?? 0]));
}

describe(`vendor calls per reference query, ${CLUSTERS} clusters per simulator`, () => {
  it('reads the fleet the figures below assume', () => {
    // Several labels shared by many clusters: the case where listing by label is the cheaper way.
    expect(census.oteClusterLabels).toBeGreaterThan(1);
    expect(census.oteClusterLabels).toBeLessThanOrEqual(CLUSTERS);
    // One call per cluster list: a page of every cluster plus the row that tells whether more
    // follow fits one TiEM page; the other vendors take any page size, or list unpaged.
    expect(ALL + 1).toBeLessThanOrEqual(TIEM_PAGE);
  });

  it('every cluster with its hosts, snapshots and events (ClustersDeep)', async () => {
    const { data, calls } = await measure(ClustersDeepDocument, { first: ALL });
    expect(data.clusters.totalCount).toBe(ALL);
    expect(data.clusters.edges).toHaveLength(ALL);
    const n = CLUSTERS;
    expectCalls(calls, {
      // One page of clusters. There is no bulk topology route: each cluster's hosts are its
      // instances in its own detail (one call per cluster). Backups of every cluster: one
      // walk of the unfiltered list, fewer pages than a filtered walk per cluster. No events.
      tiem: {
        'GET /api/v1/clusters/': 1,
        'GET /api/v1/clusters/{clusterId}': n,
        'GET /api/v1/backups/': pages(census.tiemBackups, TIEM_PAGE),
      },
      // Only the cluster list spans clusters. Per cluster: its detail (center nodes, which
      // are its endpoints and hold the snapshots), compute statistic (status, usage and
      // every host in one answer), storage summary (status and capacity) and the snapshot
      // policy (to tell scheduled snapshots from manual ones); snapshot files are listed
      // per center node. No events.
      hci: {
        'GET /v1/cluster/list': 1,
        'GET /v1/cluster/get': n,
        'GET /v1/cluster/compute/service/statistic': n,
        'GET /v1/cluster/system/service/storage': n,
        'GET /v1/cluster/data/snapshot/config/inspect': n,
        'GET /v1/cluster/data/snapshot/list': census.hciCenterNodes,
      },
      // Hosts are listed only per cluster (document 002, §七); the operation logs (events)
      // of every cluster come in one call.
      dcos: { 'GET /v1/cluster': 1, 'GET /v1/cluster/{cluster_id}/hosts': n, 'GET /v1/logs': 1 },
      // The cluster list carries nodes and tags; CN addresses exist only per cluster.
      // Snapshots for all clusters in one call; events and alarms project-wide, in pages.
      dws: {
        'GET /v1.0/{project_id}/clusters': 1,
        'GET /v1.0/{project_id}/clusters/{cluster_id}/cns': n,
        'GET /v1.0/{project_id}/snapshots': 1,
        'GET /v2/{project_id}/events': pages(census.dwsEvents, DWS_PAGE),
        'GET /v2/{project_id}/alarms': pages(census.dwsAlarms, DWS_PAGE),
      },
      // One page of clusters, their labels by label, nodes fleet-wide (cluster status and
      // capacity, and the hosts) with their labels. No snapshots, no events.
      otestack: sum({ 'GET /v1/cluster': 1 }, oteClusterLabels(n), oteNodes()),
    });
  });

  it('every cluster by name (ClusterPage)', async () => {
    const { data, calls } = await measure(ClusterPageDocument, { first: ALL });
    expect(data.clusters.totalCount).toBe(ALL);
    expect(data.clusters.edges).toHaveLength(ALL);
    const n = CLUSTERS;
    // A page of every cluster needs each vendor's whole list, and each cluster complete
    // for the fields asked: HCI's statistic and storage per cluster for its status (not its
    // detail: no endpoints are asked for), OTE-stack's nodes for its status (not its
    // labels: none are asked for).
    expectCalls(calls, {
      tiem: { 'GET /api/v1/clusters/': pages(n, TIEM_PAGE) },
      hci: {
        'GET /v1/cluster/list': 1,
        'GET /v1/cluster/compute/service/statistic': n,
        'GET /v1/cluster/system/service/storage': n,
      },
      dcos: { 'GET /v1/cluster': 1 },
      dws: { 'GET /v1.0/{project_id}/clusters': 1 },
      // Nodes for status only: no cluster or host labels are asked for.
      otestack: { 'GET /v1/cluster': 1, 'GET /v1/node': pages(census.oteNodes, OTE_PAGE) },
    });
  });

  it('a small page by name completes only the HCI clusters on it (ClusterPage, first 20)', async () => {
    const { data, calls } = await measure(ClusterPageDocument, { first: 20, filter: { sourceIds: ['hci'] } });
    const onPage = data.clusters.edges.length;
    expect(onPage).toBe(20);
    expect(data.clusters.totalCount).toBe(CLUSTERS);
    // HCI's list row has name and creation time: the order needs only the list, and the
    // calls for the status asked for are made for the page's clusters alone.
    expect(calls.hci?.routes).toEqual({
      'GET /v1/cluster/list': 1,
      'GET /v1/cluster/compute/service/statistic': onPage,
      'GET /v1/cluster/system/service/storage': onPage,
    });
  });

  it('asks an HCI cluster for its detail only when its endpoints are read', async () => {
    const names = await measure(CLUSTER_NAMES, { endpoints: false });
    expect(names.calls.hci?.routes).toEqual({ 'GET /v1/cluster/list': 1 });
    const withEndpoints = await measure(CLUSTER_NAMES, { endpoints: true });
    const pageSize = withEndpoints.data.clusters.edges.length;
    expect(withEndpoints.data.clusters.edges.every((e: { node: { endpoints?: unknown[] } }) => (e.node.endpoints?.length ?? 0) > 0)).toBe(true);
    expect(withEndpoints.calls.hci?.routes).toEqual({
      'GET /v1/cluster/list': 1,
      'GET /v1/cluster/get': pageSize,
      'GET /v1/cluster/compute/service/statistic': pageSize,
      'GET /v1/cluster/system/service/storage': pageSize,
    });
  });

  it('asks OTE-stack for cluster labels only when they are read, and then gets them right', async () => {
    const plain = await measure(OTE_LABELS, { labels: false });
    expect(plain.calls.otestack?.routes).toEqual({ 'GET /v1/cluster': 1 });
    const labelled = await measure(OTE_LABELS, { labels: true });
    const edges = labelled.data.clusters.edges as { node: { id: string; labels: { key: string; value: string }[] } }[];
    expect(labelled.calls.otestack?.routes).toEqual(sum({ 'GET /v1/cluster': 1 }, oteClusterLabels(edges.length)));
    expect(edges.some((e) => e.node.labels.length > 0)).toBe(true);
    // The same labels as each cluster read whole, by its id.
    for (const { node } of edges) {
      const whole = await demo.run(
        parse('query($id: ID!) { node(id: $id) { ... on Cluster { labels { key value } } } }') as TypedDocumentNode<any, { id: string }>,
        { id: node.id },
      );
      expect(whole.data.node.labels, node.id).toEqual(node.labels);
    }
  });

  it('asks OTE-stack for node labels only when they are read, and then gets them right', async () => {
    // Without labels: the node list alone, not the label list and a node list per label.
    const plain = await measure(OTE_HOST_LABELS, { labels: false });
    expect(plain.data.hosts.edges).toHaveLength(Math.min(census.oteNodes, ALL));
    expect(plain.calls.otestack?.routes).toEqual(oteNodes());
    const labelled = await measure(OTE_HOST_LABELS, { labels: true });
    expect(labelled.calls.otestack?.routes).toEqual(oteNodesWithLabels());
    const edges = labelled.data.hosts.edges as { node: { id: string; labels: { key: string; value: string }[] } }[];
    const carrying = edges.filter((e) => e.node.labels.length > 0);
    expect(carrying.length).toBeGreaterThan(0);
    // The same labels as each host read whole, by its id: some with labels, some without.
    for (const { node } of [...carrying.slice(0, 3), ...edges.filter((e) => e.node.labels.length === 0).slice(0, 2)]) {
      const whole = await demo.run(
        parse('query($id: ID!) { node(id: $id) { ... on Host { labels { key value } } } }') as TypedDocumentNode<any, { id: string }>,
        { id: node.id },
      );
      expect(whole.data.node.labels, node.id).toEqual(node.labels);
    }
  });

  it('the fleet summary asks each cluster only for its status (FleetSummary)', async () => {
    const { data, calls } = await measure(FleetSummaryDocument, {});
    expect(data.fleetSummary.total).toBe(ALL);
    const n = CLUSTERS;
    // Each vendor's list; HCI's status needs two calls per cluster, OTE-stack's the nodes.
    expectCalls(calls, {
      tiem: { 'GET /api/v1/clusters/': pages(n, TIEM_PAGE) },
      hci: { 'GET /v1/cluster/list': 1, 'GET /v1/cluster/compute/service/statistic': n, 'GET /v1/cluster/system/service/storage': n },
      dcos: { 'GET /v1/cluster': 1 },
      dws: { 'GET /v1.0/{project_id}/clusters': 1 },
      otestack: { 'GET /v1/cluster': 1, 'GET /v1/node': pages(census.oteNodes, OTE_PAGE) },
    });
  });

  it('the first page in source order costs one call per source (ClusterPage, SOURCE)', async () => {
    const first = CLUSTERS / 2;
    const { data, calls } = await measure(ClusterPageDocument, { first, orderBy: { field: 'SOURCE' } });
    expect(data.clusters.edges).toHaveLength(first);
    expect(data.clusters.totalCount).toBe(ALL);
    // The page lies in the first source: one page of its list. Every other source is asked
    // only for its count: a page of one row with the list's total (TiEM, HCI, DC/OS's
    // count=true, OTE-stack), or the unpaged list where the vendor has no count (DWS).
    expectCalls(calls, {
      tiem: { 'GET /api/v1/clusters/': 1 },
      hci: { 'GET /v1/cluster/list': 1 },
      dcos: { 'GET /v1/cluster': 1 },
      dws: { 'GET /v1.0/{project_id}/clusters': 1 },
      otestack: { 'GET /v1/cluster': 1 },
    });
  });

  it('hosts by name, each with its cluster (HostPage)', async () => {
    const { data, calls } = await measure(HostPageDocument, { first: ALL });
    expect(data.hosts.edges).toHaveLength(ALL);
    const named = clustersNamed(data.hosts.edges);
    // One cluster named would be its own detail call, not the list: this page names none or several of each.
    for (const kind of SOURCE_KINDS) expect(named[kind], `${kind} clusters named`).not.toBe(1);
    const n = CLUSTERS;
    const has = (kind: SourceKind) => (named[kind] ?? 0) > 0;
    // Sorting by name needs every host: per cluster where the vendor has no other way.
    // The clusters the page names reuse what listing the hosts fetched, except where a
    // cluster needs more than that (HCI's detail and storage).
    expectCalls(calls, {
      tiem: { 'GET /api/v1/clusters/': pages(n, TIEM_PAGE), 'GET /api/v1/clusters/{clusterId}': n },
      hci: sum(
        { 'GET /v1/cluster/list': 1, 'GET /v1/cluster/compute/service/statistic': n },
        { 'GET /v1/cluster/get': named.hci ?? 0, 'GET /v1/cluster/system/service/storage': named.hci ?? 0 },
      ),
      dcos: { 'GET /v1/cluster': 1, 'GET /v1/cluster/{cluster_id}/hosts': n },
      dws: { 'GET /v1.0/{project_id}/clusters': 1, 'GET /v1.0/{project_id}/clusters/{cluster_id}/cns': n },
      otestack: sum(oteNodes(), has('otestack') ? { 'GET /v1/cluster': 1 } : {}, oteClusterLabels(named.otestack ?? 0)),
    });
  });

  it('newest events, each with its cluster (EventPage)', async () => {
    const { data, calls } = await measure(EventPageDocument, { first: ALL });
    expect(data.events.edges).toHaveLength(ALL);
    const named = clustersNamed(data.events.edges);
    for (const kind of SOURCE_KINDS) expect(named[kind], `${kind} clusters named`).not.toBe(1);
    const has = (kind: SourceKind) => (named[kind] ?? 0) > 0;
    // Newest first is both vendors' own order: each serves just the window. The clusters
    // the page names come from one cluster list each.
    expectCalls(calls, {
      tiem: {},
      hci: {},
      // One window of the logs (skip/limit).
      dcos: sum({ 'GET /v1/logs': 1 }, has('dcos') ? { 'GET /v1/cluster': 1 } : {}),
      // The newest page of events and of alarms holds the window; backup events name a
      // snapshot, whose cluster the snapshot list (one call) says.
      dws: sum(
        {
          'GET /v2/{project_id}/events': pages(Math.min(census.dwsEvents, ALL + 1), DWS_PAGE),
          'GET /v2/{project_id}/alarms': pages(Math.min(census.dwsAlarms, ALL + 1), DWS_PAGE),
          'GET /v1.0/{project_id}/snapshots': census.dwsBackupEventsOnFirstPage ? 1 : 0,
        },
        has('dws') ? { 'GET /v1.0/{project_id}/clusters': 1 } : {},
      ),
      otestack: {},
    });
  });
});
