import { cap, type Limit } from '../kit/limit.js';
import type { Cluster, Event, Host, Workflow } from '../../model/entities.js';
import type { EntityReader, ListWindow, SourceSession } from '../adapter.js';
import type { ClusterFilter, EventFilter, HostFilter, WorkflowFilter } from '../../model/entity-types.js';
import type { RequestScope } from '../scope.js';
import { gather, ownError } from '../partial.js';
import { type ClusterQuery, type DcosClient, type HostQuery, type Window, isNotFound } from './client.js';
import type { VendorCluster, VendorHost, VendorLog } from './wire.js';
import {
  CLUSTER_STATUS,
  HOST_STATUS,
  type Operation,
  clusterStatus,
  isActive,
  labelTag,
  pairOperations,
  splitCompositeId,
  toCluster,
  toEvent,
  toHost,
  toWorkflow,
  vendorValuesFor,
} from './map.js';
import { isObjectId } from './ids.js';
import { oncePerRow } from '../kit/once-per-row.js';

/** What each reader's vendor filters itself, made once rather than with every request's readers. */
const PUSH_CLUSTER: ReadonlySet<'clusterNativeId'> = new Set(['clusterNativeId']);
const PUSH_STATUS: ReadonlySet<'status'> = new Set(['status']);
const PUSH_STATUS_LABELS_CLUSTER: ReadonlySet<'status' | 'labels' | 'clusterNativeId'> = new Set(['status', 'labels', 'clusterNativeId']);

/**
 * How a set of wanted unified statuses becomes the vendor's one-value `status` filter:
 * `none` when no vendor value can match (nothing to ask), `one` to send, or `all` when
 * several values match — the vendor takes one, so one unfiltered call (the gateway
 * filters exactly) costs less than a call per value.
 */
type StatusQuery = { kind: 'none' } | { kind: 'one'; value: string } | { kind: 'all' };

function statusQuery(table: Readonly<Record<string, string>>, wanted: readonly string[] | undefined): StatusQuery {
  if (!wanted?.length) return { kind: 'all' };
  const values = vendorValuesFor(table, wanted);
  if (values === undefined || values.length > 1) return { kind: 'all' };
  const [value] = values;
  return value === undefined ? { kind: 'none' } : { kind: 'one', value };
}

/** The readers a DC/OS source has: all four, so its own operations can read back without checks. */
export type DcosSession = Required<Pick<SourceSession, 'clusters' | 'hosts' | 'events' | 'workflows'>>;

/** One GraphQL request's readers; every loader is per session, so nothing outlives it. */
export function dcosSession(client: DcosClient, sourceId: string, concurrency: number, scope: RequestScope): DcosSession {
  const limit = cap(concurrency);
  const loaders = createLoaders(client, scope, limit);
  return {
    clusters: clusterReader(client, scope, sourceId, loaders),
    hosts: hostReader(client, scope, sourceId, loaders, limit),
    events: eventReader(client, scope, sourceId, loaders),
    workflows: workflowReader(client, scope, sourceId, loaders),
  };
}

type Loaders = ReturnType<typeof createLoaders>;

/**
 * The vendor reads `limit=0` as "everything", so a zero-length window (never asked for
 * by the list engine, but legal) asks for one item and returns none.
 */
const vendorWindow = (offset: number, limit: number): Window => ({ skip: offset, limit: Math.max(1, limit) });
const sliced = <T>(page: ListWindow<T>, limit: number): ListWindow<T> => ({ ...page, items: page.items.slice(0, limit) });

/** A cluster's hosts; null when the vendor has no such cluster. */
async function hostsOf(client: DcosClient, scope: RequestScope, clusterId: string, query: HostQuery = {}): Promise<VendorHost[] | null> {
  if (!isObjectId(clusterId)) return null;
  try {
    return await client.hosts(scope, clusterId, query);
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

function createLoaders(client: DcosClient, scope: RequestScope, limit: Limit) {
  return {
    /** One cluster: its own GET; several: the one list call, which names them all. */
    cluster: scope.loader<string, VendorCluster | null>(async (ids) => {
      if (ids.length === 1) return [await client.cluster(scope, ids[0] as string)];
      const all = new Map((await client.clusters(scope, {})).items.map((c) => [c._id, c]));
      return ids.map((id) => all.get(id) ?? null);
    }),
    /** A cluster's hosts (null: no such cluster): one call per cluster, the vendor has no other. */
    hosts: scope.loader<string, VendorHost[] | null>((clusterIds) =>
      Promise.all(clusterIds.map((id) => limit(() => hostsOf(client, scope, id)).catch(ownError))),
    ),
    /** Operation logs by cluster: one filtered call for one cluster, one unfiltered call grouped for several. */
    logs: scope.loader<string, VendorLog[]>(async (clusterIds) => {
      if (clusterIds.length === 1) return [(await client.logs(scope, { cluster_id: clusterIds[0] as string })).items];
      const grouped = new Map<string, VendorLog[]>();
      for (const log of (await client.logs(scope, {})).items) {
        const list = grouped.get(log.clusterId);
        if (list) list.push(log);
        else grouped.set(log.clusterId, [log]);
      }
      return clusterIds.map((id) => grouped.get(id) ?? []);
    }),
  };
}

/** A host as its cluster's host list tells it, shared by the requests that read the same reply. */
const listedHost = oncePerRow((sourceId: string, h: VendorHost) => toHost(sourceId, h));

/** A cluster as its list row tells it, shared by the requests that read the same reply. */
const listedCluster = oncePerRow((sourceId: string, c: VendorCluster) => toCluster(sourceId, c));

function clusterReader(client: DcosClient, scope: RequestScope, sourceId: string, loaders: Loaders): EntityReader<Cluster, ClusterFilter> {
  const map = (c: VendorCluster) => listedCluster(sourceId, c);
  /**
   * The vendor query a status filter becomes, and what it cannot say (several statuses
   * of one vendor query) to keep here; null when no status can match.
   */
  const vendorQuery = (filter: ClusterFilter): { query: ClusterQuery; keep?: (c: VendorCluster) => boolean } | null => {
    const status = statusQuery(CLUSTER_STATUS, filter.status);
    if (status.kind === 'none') return null;
    const wanted = filter.status;
    if (status.kind === 'all' && wanted?.length)
      return {
        query: {},
        keep(c) {
          return wanted.includes(clusterStatus(c.status));
        },
      };
    return { query: status.kind === 'one' ? { status: status.value } : {} };
  };
  /** The vendor's window; for a filter of several statuses, the filtered full list, sliced. */
  const page = async (filter: ClusterFilter, window?: Window): Promise<ListWindow<Cluster>> => {
    const asked = vendorQuery(filter);
    if (!asked) return { items: [], total: 0 };
    const { keep } = asked;
    if (keep) {
      const items = (await client.clusters(scope, asked.query)).items.filter(keep).map(map);
      return { items: window ? items.slice(window.skip, window.skip + window.limit) : items, total: items.length };
    }
    const vendor = await client.clusters(scope, asked.query, window);
    return { items: vendor.items.map(map), ...(vendor.total !== undefined ? { total: vendor.total } : {}) };
  };
  return {
    pushdown: PUSH_STATUS,
    nativeOrder: 'CREATED_AT_ASC',
    async list(filter) {
      return (await page(filter)).items;
    },
    // 7.6 MB at 10,000 clusters: read a row at a time where a page keeps only some.
    async scan(filter, visit) {
      const asked = vendorQuery(filter);
      if (!asked) return;
      const { keep } = asked;
      await client.eachCluster(scope, asked.query, (c, shared) => {
        if (!keep || keep(c)) visit(shared ? listedCluster(sourceId, c) : toCluster(sourceId, c));
      });
    },
    async window(filter, offset, limit) {
      return sliced(await page(filter, vendorWindow(offset, limit)), limit);
    },
    async get(id) {
      const c = await loaders.cluster.load(id);
      // Its own item, not the list's shared one: node(id) marks what it returns with its type.
      return c ? toCluster(sourceId, c) : null;
    },
  };
}

function hostReader(client: DcosClient, scope: RequestScope, sourceId: string, loaders: Loaders, limit: Limit): EntityReader<Host, HostFilter> {
  const map = (h: VendorHost) => listedHost(sourceId, h);
  return {
    pushdown: PUSH_STATUS_LABELS_CLUSTER,
    async list(filter) {
      const status = statusQuery(HOST_STATUS, filter.status);
      if (status.kind === 'none') return [];
      // The vendor's `tag` matches one whole `key=value` tag; the gateway checks the rest.
      const tag = filter.labels?.map(labelTag).find((t) => t !== undefined);
      const query = { ...(status.kind === 'one' ? { status: status.value } : {}), ...(tag ? { tag } : {}) };
      const clusterIds = filter.clusterNativeId !== undefined ? [filter.clusterNativeId] : (await client.clusters(scope, {})).items.map((c) => c._id);
      // Unfiltered, these are the URLs byCluster sends: the request's memo shares them.
      // A cluster whose call fails is reported missing; the others' hosts are served.
      return gather(clusterIds, async (id) => ((await limit(() => hostsOf(client, scope, id, query))) ?? []).map(map));
    },
    async get(nativeId) {
      // The vendor's host detail lacks the agent's usage, so a host is read from its
      // cluster's list: the same one call, shared with the cluster's other hosts.
      const ids = splitCompositeId(nativeId);
      if (!ids) return null;
      const host = (await loaders.hosts.load(ids.clusterId))?.find((h) => h.hostId === ids.id);
      // Its own item, not the list's shared one: node(id) marks what it returns with its type.
      return host ? toHost(sourceId, host) : null;
    },
    async byCluster(clusterId) {
      return ((await loaders.hosts.load(clusterId)) ?? []).map(map);
    },
  };
}

function eventReader(client: DcosClient, scope: RequestScope, sourceId: string, loaders: Loaders): EntityReader<Event, EventFilter> {
  const map = (l: VendorLog) => toEvent(sourceId, l);
  const query = (filter: EventFilter) => (filter.clusterNativeId !== undefined ? { cluster_id: filter.clusterNativeId } : {});
  return {
    pushdown: PUSH_CLUSTER,
    nativeOrder: 'OCCURRED_AT_DESC',
    async list(filter) {
      return (await client.logs(scope, query(filter))).items.map(map);
    },
    async window(filter, offset, limit) {
      const page = await client.logs(scope, query(filter), vendorWindow(offset, limit));
      return sliced({ items: page.items.map(map), ...(page.total !== undefined ? { total: page.total } : {}) }, limit);
    },
    async get(nativeId) {
      const ids = splitCompositeId(nativeId);
      if (!ids) return null;
      const log = (await loaders.logs.load(ids.clusterId)).find((l) => l._id === ids.id);
      return log ? map(log) : null;
    },
    async byCluster(clusterId) {
      return (await loaders.logs.load(clusterId)).map(map);
    },
  };
}

function workflowReader(client: DcosClient, scope: RequestScope, sourceId: string, loaders: Loaders): EntityReader<Workflow, WorkflowFilter> {
  /** Workflows, newest first; only running operations need their cluster's hosts. */
  const build = async (operations: Operation[]) => {
    const active = [...new Set(operations.filter(isActive).map((op) => op.start.clusterId))];
    const hosts = new Map(await Promise.all(active.map(async (id) => [id, await loaders.hosts.load(id)] as const)));
    return operations.map((op) => toWorkflow(sourceId, op, isActive(op) ? (hosts.get(op.start.clusterId) ?? undefined) : undefined)).reverse();
  };
  const ofCluster = async (clusterId: string) => pairOperations(await loaders.logs.load(clusterId));
  return {
    pushdown: PUSH_CLUSTER,
    async list(filter) {
      return build(filter.clusterNativeId !== undefined ? await ofCluster(filter.clusterNativeId) : pairOperations((await client.logs(scope, {})).items));
    },
    async get(nativeId) {
      const ids = splitCompositeId(nativeId);
      if (!ids) return null;
      const op = (await ofCluster(ids.clusterId)).find((o) => o.start._id === ids.id);
      return op ? ((await build([op]))[0] ?? null) : null;
    },
    async byCluster(clusterId) {
      return build(await ofCluster(clusterId));
    },
  };
}
