import { cap } from '../kit/limit.js';
import type { Cluster, Event, Host, Snapshot, Workflow } from '../../model/entities.js';
import type { EntityReader, SourceSession } from '../adapter.js';
import type { ClusterFilter, EventFilter, HostFilter, SnapshotFilter, WorkflowFilter } from '../../model/entity-types.js';
import { withGaps } from '../../model/partial.js';
import type { RequestScope } from '../scope.js';
import { gapsFrom, gather, ownError, part } from '../partial.js';
import type { DwsClient } from './client.js';
import type { ClusterWire, EventWire, SnapshotWire } from './wire.js';
import {
  byOccurredDesc,
  CN_FEEDS,
  fleetWorkflows,
  toAlarmEvent,
  toCluster,
  toEvent,
  toHosts,
  toSnapshot,
  parseWorkflowId,
  settledClusterWorkflow,
  snapshotWorkflow,
} from './map.js';
import { pagesCovering } from '../kit/paging.js';
import { oncePerRow } from '../kit/once-per-row.js';

/** What each reader's vendor filters itself, made once rather than with every request's readers. */
const PUSH_CLUSTER: ReadonlySet<'clusterNativeId'> = new Set(['clusterNativeId']);
const PUSH_NONE: ReadonlySet<never> = new Set([]);

/** A cluster as its row tells it, shared by the requests that read the same reply. */
const listedCluster = oncePerRow(toCluster);

/**
 * The readers one GraphQL request gets from a DWS source. DWS lists clusters (with
 * their nodes and tags), snapshots, events and alarms project-wide in one call (or one
 * walk of pages) each, so everything keyed by cluster is that one list grouped by
 * cluster id; only CN addresses cost a call per cluster. The RequestScope makes each URL
 * one call per request, which is what lets every reader below start from "the list".
 */

/** Groups items by their cluster; clusters without items get an empty list. */
function groupByCluster<T extends { clusterNativeId?: string }>(items: readonly T[], keys: readonly string[]): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const item of items) if (item.clusterNativeId !== undefined) groups.get(item.clusterNativeId)?.push(item);
  return keys.map((k) => groups.get(k) ?? []);
}

/** A DataLoader that answers any batch of cluster ids from one project-wide list. */
const groupedLoader = <T extends { clusterNativeId?: string }>(list: () => Promise<T[]>, scope: RequestScope) =>
  scope.loader<string, T[]>(async (keys) => groupByCluster(await list(), keys));

/** Newest first, ties by id: the order of the per-cluster snapshot list and of the gateway's STARTED_AT DESC. */
const byStartedDesc = (a: SnapshotWire, b: SnapshotWire) =>
  a.started !== b.started ? ((a.started ?? '') < (b.started ?? '') ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The readers a DWS source has: all five, so its own operations can read back without checks. */
export type DwsSession = Required<Pick<SourceSession, 'clusters' | 'hosts' | 'snapshots' | 'events' | 'workflows'>>;

export function dwsSession(client: DwsClient, sourceId: string, concurrency: number, scope: RequestScope): DwsSession {
  const limit = cap(concurrency);
  const region = async () => (await client.identity(scope.signal)).region;

  // ---- Clusters: the list carries everything the model needs (tags, nodes, tasks). ----

  let listed: Promise<ClusterWire[]> | undefined;
  const clusterWires = () => (listed ??= client.clusters(scope));

  /** One id before any list: its detail; otherwise the list, fetched once. */
  const clusterById = scope.loader<string, ClusterWire | null>(async (ids) => {
    if (ids.length === 1 && !listed) return [await client.cluster(scope, ids[0] as string)];
    const byId = new Map((await clusterWires()).map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  // Its own item, not the list's shared one: node(id) marks what it returns with its type.
  const clusterOf = async (c: ClusterWire) => toCluster(sourceId, c, await region());

  const clusters: EntityReader<Cluster, ClusterFilter> = {
    // The list's only filter is the enterprise project, which the gateway does not filter on.
    pushdown: PUSH_NONE,
    async list() {
      const wires = await clusterWires();
      const at = await region();
      return wires.map((c) => listedCluster(sourceId, c, at));
    },
    // 17.7 MB at 10,000 clusters: read a row at a time where a page keeps only some.
    async scan(_filter, visit) {
      const at = await region();
      await client.eachCluster(scope, (c, shared) => visit(shared ? listedCluster(sourceId, c, at) : toCluster(sourceId, c, at)));
    },
    // The list is not paged and its order is not documented: no window, no nativeOrder.
    async get(id) {
      const c = await clusterById.load(id);
      return c ? clusterOf(c) : null;
    },
  };

  // ---- Hosts: nodes from the cluster, addresses from its CN list (one call per cluster). ----

  const hostsByCluster = scope.loader<string, Host[]>((ids) =>
    Promise.all(
      ids
        .map(async (id) => {
          const c = await clusterById.load(id);
          if (!c) return [];
          // Nodes come with the cluster; a CN list that fails leaves what it tells as gaps.
          const cns = await part(limit(() => client.coordinators(scope, id)));
          const gaps = gapsFrom<Host>([[cns, CN_FEEDS]]);
          return toHosts(sourceId, c, cns.ok ? cns.value : null).map((h) => withGaps(h, gaps));
        })
        .map((hosts) => hosts.catch(ownError)),
    ),
  );
  const hostsOf = (id: string) => hostsByCluster.load(id);

  const hosts: EntityReader<Host, HostFilter> = {
    // A cluster's hosts are read through that cluster's own calls.
    pushdown: PUSH_CLUSTER,
    async list(filter) {
      if (filter.clusterNativeId !== undefined) return hostsOf(filter.clusterNativeId);
      const wires = await clusterWires();
      return gather(
        wires.map((c) => c.id),
        hostsOf,
      );
    },
    async get(id) {
      const owner = (await clusterWires()).find((c) => c.nodes?.some((n) => n.id === id));
      return owner ? ((await hostsOf(owner.id)).find((h) => h.nativeId === id) ?? null) : null;
    },
    byCluster: hostsOf,
  };

  // ---- Snapshots: one project-wide list; a single cluster's list is paged. ----

  const allSnapshots = () => client.snapshots(scope);
  const snapshotItems = async () => (await allSnapshots()).items.map((s) => toSnapshot(sourceId, s));
  const snapshotsByCluster = groupedLoader(snapshotItems, scope);

  const snapshots: EntityReader<Snapshot, SnapshotFilter> = {
    // The per-cluster list (5.5.3) is the vendor's own cluster filter.
    pushdown: PUSH_CLUSTER,
    nativeOrder: 'STARTED_AT_DESC',
    async list(filter) {
      if (filter.clusterNativeId === undefined) return snapshotItems();
      const own = await client.clusterSnapshots(scope, filter.clusterNativeId);
      return (own?.items ?? []).map((s) => toSnapshot(sourceId, s));
    },
    async window(filter, offset, limit) {
      if (filter.clusterNativeId === undefined) {
        // The project-wide list is one unpaged answer in no documented order.
        const all = await allSnapshots();
        const items = [...all.items].sort(byStartedDesc).slice(offset, offset + limit);
        return { items: items.map((s) => toSnapshot(sourceId, s)), total: all.total };
      }
      const at = pagesCovering(offset, limit);
      const got = await client.clusterSnapshots(scope, filter.clusterNativeId, { offset: at.pages[0] ?? 0, limit: at.pageSize });
      if (!got) return { items: [], total: 0 };
      return { items: got.items.slice(at.skip, at.skip + limit).map((s) => toSnapshot(sourceId, s)), total: got.total };
    },
    async get(id) {
      const s = await client.snapshot(scope, id);
      return s ? toSnapshot(sourceId, s) : null;
    },
    byCluster(id) {
      return snapshotsByCluster.load(id);
    },
  };

  // ---- Events: the event list and the alarm list, merged newest first. ----

  /**
   * Backup events name a snapshot, not a cluster; the snapshot list says whose it is.
   * It is fetched only when there are such events.
   */
  const mapEvents = async (events: readonly EventWire[]) => {
    const owners = events.some((e) => e.source_type === 'backup')
      ? new Map((await allSnapshots()).items.map((s) => [s.id, s.cluster_id ?? undefined]))
      : new Map<string, string | undefined>();
    return events.map((e) => toEvent(sourceId, e, (id) => owners.get(id)));
  };

  /** The first `atLeast` of the merged sequence (everything without it), and the vendors' totals. */
  const mergedEvents = async (atLeast?: number): Promise<{ items: Event[]; total: number }> => {
    const [events, alarms] = await Promise.all([client.events(scope, atLeast), client.alarms(scope, atLeast)]);
    const items = [...(await mapEvents(events.items)), ...alarms.items.map((a) => toAlarmEvent(sourceId, a))].sort(byOccurredDesc);
    return { items, total: events.total + alarms.total };
  };
  const eventItems = async () => (await mergedEvents()).items;
  const eventsByCluster = groupedLoader(eventItems, scope);

  const events: EntityReader<Event, EventFilter> = {
    // Neither list takes a filter (5.8.1, 5.9.1).
    pushdown: PUSH_NONE,
    nativeOrder: 'OCCURRED_AT_DESC',
    list: eventItems,
    // Both lists come newest first, so the first `offset + limit` of each hold the window.
    async window(_filter, offset, limit) {
      const { items, total } = await mergedEvents(offset + limit);
      return { items: items.slice(offset, offset + limit), total };
    },
    async get(id) {
      return (await eventItems()).find((e) => e.nativeId === id) ?? null;
    },
    byCluster(id) {
      return eventsByCluster.load(id);
    },
  };

  // ---- Workflows: synthesized from clusters and snapshots in transition. ----

  const workflowItems = async () => fleetWorkflows(sourceId, await clusterWires(), (await allSnapshots()).items);
  const workflowsByCluster = groupedLoader(workflowItems, scope);

  const workflows: EntityReader<Workflow, WorkflowFilter> = {
    pushdown: PUSH_NONE,
    list: workflowItems,
    async get(id) {
      const ref = parseWorkflowId(id);
      if (!ref) return null;
      if (ref.target === 'cluster') return settledClusterWorkflow(sourceId, ref, await clusterById.load(ref.clusterId));
      const s = await client.snapshot(scope, ref.snapshotId);
      return s ? snapshotWorkflow(sourceId, s) : null;
    },
    byCluster(id) {
      return workflowsByCluster.load(id);
    },
  };

  return { clusters, hosts, snapshots, events, workflows };
}
