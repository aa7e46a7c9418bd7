import { cap } from '../kit/limit.js';
import type { Cluster, Host, Workflow } from '../../model/entities.js';
import { TERMINAL_WORKFLOW_STATES } from '../../model/status.js';
import type { EntityReader, ListWindow, SourceSession } from '../adapter.js';
import type { ClusterFilter, HostFilter, SnapshotFilter, WorkflowFilter } from '../../model/entity-types.js';
import type { RequestScope } from '../scope.js';
import { gather } from '../partial.js';
import { BACKUPS, CLUSTERS, type ListEndpoint, type Query, type TiemClient, WORKFLOWS } from './client.js';
import { splitHostNativeId, toCluster, toHost, toSnapshot, toWorkflow, vendorWorkflowStatus, workflowState } from './map.js';
import { MAX_PAGE_SIZE } from './paging.js';
import { pageCount } from '../kit/paging.js';
import { oncePerRow } from '../kit/once-per-row.js';
import type { TiemBackup, TiemClusterDetail, TiemClusterInfo, TiemWorkflowDetail, TiemWorkflowInfo } from './wire.js';

/** What each reader's vendor filters itself, made once rather than with every request's readers. */
const PUSH_CLUSTER: ReadonlySet<'clusterNativeId'> = new Set(['clusterNativeId']);
const PUSH_CLUSTER_TIMES: ReadonlySet<'clusterNativeId' | 'since' | 'until'> = new Set(['clusterNativeId', 'since', 'until']);
const PUSH_CLUSTER_STATE: ReadonlySet<'clusterNativeId' | 'state'> = new Set(['clusterNativeId', 'state']);

/**
 * How a gateway filter becomes TiEM query parameters. `exact` says the vendor's answer
 * is exactly the filter's, so vendor pages can serve a window as they are; otherwise
 * `keep` finishes the filtering here and a window is cut from the filtered walk.
 */
interface VendorQuery<T> {
  query: Query;
  exact: boolean;
  keep: (item: T) => boolean;
}

const keepAll = () => true;

/** A cluster as its list row tells it, shared by the requests that read the same reply. */
const listedCluster = oncePerRow((sourceId: string, info: TiemClusterInfo) => toCluster(sourceId, info));

/** One loader result per key: a failed call fails its own key, not the whole batch. */
const settle = <T>(work: Promise<T>): Promise<T | Error> => work.catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));

/** The readers a TiEM source has: all four, so its own operations can read back without checks. */
export type TiemSession = Required<Pick<SourceSession, 'clusters' | 'hosts' | 'snapshots' | 'workflows'>>;

/**
 * One GraphQL request's view of a TiEM source. Its loaders live as long as the request,
 * so a cluster's detail is fetched once whether the query asks for the cluster, its
 * hosts or both, and every vendor call of the request shares one concurrency cap.
 */
export function tiemSession(client: TiemClient, sourceId: string, concurrency: number, scope: RequestScope): TiemSession {
  const limit = cap(concurrency);
  const each =
    <K, V>(load: (key: K) => Promise<V>) =>
    (keys: readonly K[]) =>
      Promise.all(keys.map((k) => settle(limit(() => load(k)))));
  const walk = <T>(endpoint: ListEndpoint<T>, query: Query) => client.walk(scope, endpoint, query, limit);

  /**
   * Children of N clusters in the fewest calls: one filtered walk for one cluster; for
   * more, the unfiltered list's first page tells how many pages the whole list has, and
   * that walk is taken when it is no more calls than one walk per cluster (the page
   * already fetched is reused through the request's GET memo).
   */
  const groupedByCluster = async <T>(
    endpoint: ListEndpoint<T>,
    clusterIds: readonly string[],
    clusterOf: (item: T) => string | undefined,
    filterFor: (clusterId: string) => Query,
  ): Promise<(T[] | Error)[]> => {
    const perCluster = () => Promise.all(clusterIds.map((id) => settle(walk(endpoint, filterFor(id)))));
    if (clusterIds.length === 1) return perCluster();
    try {
      const first = await limit(() => client.page(scope, endpoint, {}, 1, MAX_PAGE_SIZE));
      if (pageCount(first.total, MAX_PAGE_SIZE) > clusterIds.length) return perCluster();
      const groups = new Map<string, T[]>(clusterIds.map((id) => [id, []]));
      for (const item of await walk(endpoint, {})) {
        const id = clusterOf(item);
        if (id !== undefined) groups.get(id)?.push(item);
      }
      return clusterIds.map((id) => groups.get(id) ?? []);
    } catch (err) {
      return clusterIds.map(() => (err instanceof Error ? err : new Error(String(err))));
    }
  };

  /** GET /clusters/{id}: serves clusters.get and every host lookup. */
  const details = scope.loader<string, TiemClusterDetail | null>(each((id) => client.clusterDetail(scope, id)));
  const workflowDetails = scope.loader<string, TiemWorkflowDetail | null>(each((id) => client.workflowDetail(scope, id)));
  const backupById = scope.loader<string, TiemBackup | null>(each(async (id) => (await client.page(scope, BACKUPS, { backupId: id }, 1, 1)).items[0] ?? null));
  const backupsByCluster = scope.loader<string, TiemBackup[]>((ids) =>
    groupedByCluster(
      BACKUPS,
      ids,
      (b) => b.clusterId ?? undefined,
      (id) => ({ clusterId: id }),
    ),
  );
  const workflowsByCluster = scope.loader<string, TiemWorkflowInfo[]>((ids) =>
    groupedByCluster(
      WORKFLOWS,
      ids,
      (w) => (w.bizType === 'cluster' ? (w.bizId ?? undefined) : undefined),
      (id) => ({ bizId: id, bizType: 'cluster' }),
    ),
  );

  /** A reader over a paged TiEM list whose filters `vendorQuery` translates. */
  const filteredReader = <T, U, F>(spec: {
    endpoint: ListEndpoint<T>;
    pushdown: ReadonlySet<keyof F>;
    vendorQuery: (filter: F) => VendorQuery<T>;
    map: (items: T[]) => U[] | Promise<U[]>;
    get: (id: string) => Promise<U | null>;
    byCluster: (clusterId: string) => Promise<U[]>;
  }): EntityReader<U, F> => {
    const matching = async (filter: F): Promise<T[]> => {
      const q = spec.vendorQuery(filter);
      return (await walk(spec.endpoint, q.query)).filter(q.keep);
    };
    return {
      pushdown: spec.pushdown,
      async list(filter) {
        return spec.map(await matching(filter));
      },
      // TiEM lists newest first by creation time, which can tie: SOURCE order only.
      async window(filter, offset, limit): Promise<ListWindow<U>> {
        const q = spec.vendorQuery(filter);
        if (q.exact) {
          const page = await client.window(scope, spec.endpoint, q.query, offset, limit);
          return { items: await spec.map(page.items), total: page.total };
        }
        const all = await matching(filter);
        return { items: await spec.map(all.slice(offset, offset + limit)), total: all.length };
      },
      get: spec.get,
      byCluster: spec.byCluster,
    };
  };

  // ---- Clusters ----

  // clusterName is a case-sensitive substring match and nameContains is not, so names
  // stay with the gateway. clusterStatus cannot carry the unified status either: it
  // depends on maintainStatus too (clusterStatus=Running includes clusters Stopping).
  const clusterQuery = (f: ClusterFilter): Query => ({ clusterId: f.clusterNativeId });
  const listedClusters = (items: TiemClusterInfo[]) => items.map((c) => listedCluster(sourceId, c));
  const clusters: EntityReader<Cluster, ClusterFilter> = {
    pushdown: PUSH_CLUSTER,
    async list(f) {
      return listedClusters(await walk(CLUSTERS, clusterQuery(f)));
    },
    scan(f, visit) {
      return client.eachItem(scope, CLUSTERS, clusterQuery(f), limit, (c, shared) => visit(shared ? listedCluster(sourceId, c) : toCluster(sourceId, c)));
    },
    // Newest first, but creation times can tie, so this is SOURCE order only (no nativeOrder).
    async window(f, offset, limit) {
      const page = await client.window(scope, CLUSTERS, clusterQuery(f), offset, limit);
      return { items: listedClusters(page.items), total: page.total };
    },
    async get(id) {
      const detail = await details.load(id);
      return detail ? toCluster(sourceId, detail.info, detail.topology) : null;
    },
  };

  // ---- Hosts ----

  const hostsOf = async (clusterId: string): Promise<Host[]> => {
    const detail = await details.load(clusterId);
    return detail ? detail.topology.map((i) => toHost(sourceId, clusterId, i)) : [];
  };

  const hosts: EntityReader<Host, HostFilter> = {
    // The topology is per cluster: one detail call per cluster, and only that with a cluster filter.
    pushdown: PUSH_CLUSTER,
    async list(f) {
      const ids = f.clusterNativeId ? [f.clusterNativeId] : (await walk(CLUSTERS, {})).map((c) => c.clusterId);
      // A cluster whose detail fails is reported missing; the others' hosts are served.
      return gather(ids, hostsOf);
    },
    async get(nativeId) {
      const ref = splitHostNativeId(nativeId);
      return ref ? ((await hostsOf(ref.clusterId)).find((h) => h.nativeId === nativeId) ?? null) : null;
    },
    byCluster: hostsOf,
  };

  // ---- Snapshots ----

  const toSnapshots = (items: TiemBackup[]) => items.map((b) => toSnapshot(sourceId, b));
  const snapshots = filteredReader({
    endpoint: BACKUPS,
    pushdown: PUSH_CLUSTER_TIMES,
    vendorQuery: backupQuery,
    map: toSnapshots,
    async get(id) {
      const record = await backupById.load(id);
      return record ? toSnapshot(sourceId, record) : null;
    },
    async byCluster(id) {
      return toSnapshots(await backupsByCluster.load(id));
    },
  });

  // ---- Workflows ----

  /**
   * WorkFlowInfo has no steps or progress, so a flow still under way is read in detail
   * (one call each, under the cap, shared with `get`); finished ones are complete as listed.
   */
  const withDetail = (infos: TiemWorkflowInfo[]): Promise<Workflow[]> =>
    Promise.all(
      infos.map(async (info) => {
        if (TERMINAL_WORKFLOW_STATES.has(workflowState(info.status))) return toWorkflow(sourceId, info);
        const detail = await workflowDetails.load(info.id);
        return detail ? toWorkflow(sourceId, detail.info, detail) : toWorkflow(sourceId, info);
      }),
    );

  const workflows = filteredReader({
    endpoint: WORKFLOWS,
    pushdown: PUSH_CLUSTER_STATE,
    vendorQuery: workflowQuery,
    map: withDetail,
    async get(id) {
      const detail = await workflowDetails.load(id);
      return detail ? toWorkflow(sourceId, detail.info, detail) : null;
    },
    async byCluster(id) {
      return withDetail(await workflowsByCluster.load(id));
    },
  });

  return { clusters, hosts, snapshots, workflows };
}

// ---------------------------------------------------------------- filters → TiEM parameters

/**
 * Backups: clusterId exactly; startTime/endTime are whole Unix seconds compared with the
 * record's start time, so a bound with milliseconds is rounded outwards for TiEM and
 * applied exactly here.
 */
export function backupQuery(f: SnapshotFilter): VendorQuery<TiemBackup> {
  const since = f.since !== undefined ? Date.parse(f.since) : Number.NaN;
  const until = f.until !== undefined ? Date.parse(f.until) : Number.NaN;
  const query: Query = {
    clusterId: f.clusterNativeId,
    startTime: Number.isNaN(since) ? undefined : Math.floor(since / 1000),
    endTime: Number.isNaN(until) ? undefined : Math.ceil(until / 1000),
  };
  const wholeSeconds = (Number.isNaN(since) || since % 1000 === 0) && (Number.isNaN(until) || until % 1000 === 0);
  if (wholeSeconds) return { query, exact: true, keep: keepAll };
  return {
    query,
    exact: false,
    keep(b) {
      const at = Date.parse(toSnapshot('', b).startedAt ?? '');
      return !Number.isNaN(at) && (Number.isNaN(since) || at >= since) && (Number.isNaN(until) || at <= until);
    },
  };
}

/**
 * Workflows: a cluster is bizId with bizType `cluster`; one state is TiEM's `status`
 * (the tables are one-to-one). Several states cannot be one parameter, so the list is
 * walked without it and the states are kept here.
 */
export function workflowQuery(f: WorkflowFilter): VendorQuery<TiemWorkflowInfo> {
  const byCluster: Query = f.clusterNativeId !== undefined ? { bizId: f.clusterNativeId, bizType: 'cluster' } : {};
  const states = f.state ?? [];
  const single = states.length === 1 && states[0] ? vendorWorkflowStatus(states[0]) : undefined;
  if (states.length === 0) return { query: byCluster, exact: true, keep: keepAll };
  if (single) return { query: { ...byCluster, status: single }, exact: true, keep: keepAll };
  return {
    query: byCluster,
    exact: false,
    keep(w) {
      return states.includes(workflowState(w.status));
    },
  };
}
