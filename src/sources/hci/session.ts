import { cap } from '../kit/limit.js';
import type { Cluster, Host, ResourceUsage, Snapshot, Workflow } from '../../model/entities.js';
import { goneItem, readOr, withGaps } from '../../model/partial.js';
import { type EntityReader, type OutlineReader, type SourceSession, wants } from '../adapter.js';
import type { ClusterFilter, HostFilter, SnapshotFilter, WorkflowFilter } from '../../model/entity-types.js';
import { SourceError } from '../errors.js';
import type { Loader, RequestScope } from '../scope.js';
import { gapsFrom, gather, ownError, part } from '../partial.js';
import { pagesCovering } from '../kit/paging.js';
import type { HciClient } from './client.js';
import type { ClusterRow, HostStatistic } from './wire.js';
import { hostId, parseHostId, parseSnapshotId, parseWorkflowId } from './ids.js';
import {
  hasTask,
  type HostJoin,
  CLUSTER_OUTLINE_FIELDS,
  clusterOutline,
  DETAIL_FEEDS,
  DETAIL_FIELDS,
  hostTaskWorkflow,
  inspectionWorkflow,
  joinWorkflow,
  toCluster,
  toHost,
  toSnapshots,
  mayBeJoining,
  STATISTIC_FEEDS,
  STORAGE_FEEDS,
} from './map.js';
import { oncePerRow } from '../kit/once-per-row.js';

/** What each reader's vendor filters itself, made once rather than with every request's readers. */
const PUSH_CLUSTER: ReadonlySet<'clusterNativeId'> = new Set(['clusterNativeId']);

/** A cluster's outline as its list row tells it, shared by the requests that read the same reply. */
const listedOutline = oncePerRow(clusterOutline);

/**
 * The readers one GraphQL request gets from an HCI source. The vendor has no call that
 * spans clusters except the cluster list, so everything below a cluster costs calls per
 * cluster: DataLoaders collect the clusters a request needs, the RequestScope makes
 * each URL one call, and every call below the cluster list waits for one of
 * `concurrency` slots.
 */

const notNull = <T>(v: T | null): v is T => v !== null;

/** Every key's items; a key whose calls fail is reported missing beside the others' (sources/partial.ts). */
const loadAll = <K, V>(loader: Loader<K, V[]>, keys: readonly K[]): Promise<V[]> => gather(keys, (k) => loader.load(k));

/** Per-cluster work as a DataLoader batch: one call chain per cluster, all in parallel. */
const perCluster = <V>(scope: RequestScope, work: (clusterUuid: string) => Promise<V>) =>
  scope.loader<string, V>((uuids) => Promise.all(uuids.map((uuid) => work(uuid).catch(ownError))));

/** The readers an HCI source has: all four, so its own operations can read back without checks. */
export type HciSession = Required<Pick<SourceSession, 'clusters' | 'hosts' | 'snapshots' | 'workflows'>>;

export function hciSession(client: HciClient, sourceId: string, concurrency: number, scope: RequestScope): HciSession {
  const limit = cap(concurrency);

  const allClusterUuids = async (filter: { clusterNativeId?: string }) =>
    filter.clusterNativeId !== undefined ? [filter.clusterNativeId] : (await client.clusters(scope)).rows.map((r) => r.cluster_uuid);

  // ---- Clusters: list row + detail + compute statistic + storage summary. ----

  /**
   * The cluster of a list row; without `withDetail`, its endpoints and record are left
   * out. A call that fails leaves the fields it feeds as gaps, the rest stand; null only
   * when the vendor says the cluster is gone (deleted between the list and these calls).
   */
  const completeCluster = async (row: ClusterRow, withDetail = true): Promise<Cluster | null> => {
    const uuid = row.cluster_uuid;
    const [detail, stats, storage] = await Promise.all([
      withDetail ? part(limit(() => client.cluster(scope, uuid))) : undefined,
      part(limit(() => client.computeStatistic(scope, uuid))),
      part(limit(() => client.storage(scope, uuid))),
    ]);
    const calls = [
      [detail, DETAIL_FEEDS],
      [stats, STATISTIC_FEEDS],
      [storage, STORAGE_FEEDS],
    ] as const;
    if (calls.some(([p]) => p?.ok && p.value === null)) return null;
    const cluster = toCluster(sourceId, {
      row,
      ...(detail?.ok && detail.value ? { detail: detail.value } : {}),
      ...(stats.ok && stats.value ? { stats: stats.value } : {}),
      ...(storage.ok && storage.value ? { storage: storage.value } : {}),
    });
    const usage = readOr(cluster.usage);
    if (usage) withGaps(usage, gapsFrom<ResourceUsage>(calls.map(([p, feeds]) => [p, feeds.usage])));
    return withGaps(cluster, gapsFrom<Cluster>(calls.map(([p, feeds]) => [p, feeds.cluster])));
  };

  const clusterById = scope.loader<string, Cluster | null>(async (uuids) => {
    // One uuid: the list filtered to it; several: the whole list once.
    const { rows } = await client.clusters(scope, uuids.length === 1 ? { uuid: uuids[0] } : {});
    const byUuid = new Map(rows.map((r) => [r.cluster_uuid, r]));
    return Promise.all(
      uuids.map((uuid) => {
        const row = byUuid.get(uuid);
        return row ? completeCluster(row) : null;
      }),
    );
  });

  // Each cluster costs three calls past the list: a page by name or creation time
  // completes only its own clusters.
  const clusterOutlines: OutlineReader<Cluster, ClusterFilter> = {
    fields: CLUSTER_OUTLINE_FIELDS,
    async list(filter) {
      const { rows } = await client.clusters(scope, filter.clusterNativeId !== undefined ? { uuid: filter.clusterNativeId } : {});
      return rows.map((row) => ({
        known: listedOutline(sourceId, row),
        async complete(want) {
          const cluster = await completeCluster(row, wants(want, DETAIL_FIELDS));
          // Only a whole cluster may answer later lookups in this request.
          if (cluster && want === undefined) clusterById.prime(cluster.nativeId, cluster);
          return cluster;
        },
      }));
    },
  };

  const clusters: EntityReader<Cluster, ClusterFilter> = {
    // `filter_uuid` is an exact match; `filter_name` is a case-sensitive substring
    // match, narrower than the gateway's `nameContains`, so names are not pushed down.
    pushdown: PUSH_CLUSTER,
    async list(filter) {
      return (await Promise.all((await clusterOutlines.list(filter)).map((o) => o.complete()))).filter(notNull);
    },
    outline: clusterOutlines,
    // The list comes in an order the document does not define (the simulator's is
    // creation order, not `ctime`), so no `nativeOrder`: windows serve SOURCE order only.
    // A cluster the vendor says is gone keeps its place in the window, marked gone.
    async window(filter, offset, limit) {
      const at = pagesCovering(offset, limit);
      const { rows, total } = await client.clusters(scope, {
        page: { pageNum: at.pages[0] ?? 0, pageSize: at.pageSize },
        ...(filter.clusterNativeId !== undefined ? { uuid: filter.clusterNativeId } : {}),
      });
      const wanted = rows.slice(at.skip, at.skip + limit);
      const items = await Promise.all(wanted.map(async (row) => (await completeCluster(row)) ?? goneItem<Cluster>(clusterOutline(sourceId, row))));
      return { items, total };
    },
    get(uuid) {
      return clusterById.load(uuid);
    },
  };

  // ---- Hosts: the compute statistic, one call per cluster for all its hosts. ----

  const hostsByCluster = perCluster(scope, async (uuid) => {
    const stats = await limit(() => client.computeStatistic(scope, uuid));
    return stats ? stats.HostStatistics.map((h) => toHost(sourceId, uuid, h)) : [];
  });

  /** Hosts by id: one host of a cluster is one host call, several share the cluster's statistic. */
  const hostById = scope.loader<string, Host | null>(async (ids) => {
    const wanted = new Map<string, string[]>();
    for (const id of ids) {
      const ref = parseHostId(id);
      if (ref) wanted.set(ref.clusterUuid, [...(wanted.get(ref.clusterUuid) ?? []), ref.hostUuid]);
    }
    // A cluster whose call fails fails its own hosts' lookups, not the others'.
    const found = new Map<string, Host | SourceError>();
    await Promise.all(
      [...wanted].map(async ([clusterUuid, hostUuids]) => {
        const [only] = hostUuids;
        try {
          if (hostUuids.length === 1 && only !== undefined) {
            const h = await limit(() => client.hostStatistic(scope, clusterUuid, only));
            if (h) found.set(hostId(clusterUuid, only), toHost(sourceId, clusterUuid, h));
            return;
          }
          for (const host of await hostsByCluster.load(clusterUuid)) found.set(host.nativeId, host);
        } catch (err) {
          if (!(err instanceof SourceError)) throw err;
          for (const h of hostUuids) found.set(hostId(clusterUuid, h), err);
        }
      }),
    );
    return ids.map((id) => found.get(id) ?? null);
  });

  const hosts: EntityReader<Host, HostFilter> = {
    // Host names (addresses) are matched case-sensitively by the vendor: not pushed down.
    pushdown: PUSH_CLUSTER,
    async list(filter) {
      return loadAll(hostsByCluster, await allClusterUuids(filter));
    },
    get(id) {
      return hostById.load(id);
    },
    byCluster(uuid) {
      return hostsByCluster.load(uuid);
    },
  };

  // ---- Snapshots: each center node's metadata snapshot files. ----

  /**
   * The files of every center node of a cluster, typed against the cluster's backup
   * policy (one call, to the first node that answered). A center node that is down
   * answers with a vendor error; its files are left out and the other nodes' still
   * listed. Only when no node answers does the error stand.
   */
  const snapshotsByCluster = perCluster(scope, async (uuid) => {
    const detail = await limit(() => client.cluster(scope, uuid));
    if (!detail) return [];
    const nodes = await Promise.allSettled(detail.candidates.map(async (ip) => ({ ip, files: await limit(() => client.snapshotFiles(scope, uuid, ip)) })));
    const answered = nodes.flatMap((n) => (n.status === 'fulfilled' && n.value.files ? [{ ip: n.value.ip, files: n.value.files }] : []));
    const refused = nodes.flatMap((n) => (n.status === 'rejected' ? [n.reason as unknown] : []));
    const fatal = refused.find((err) => !(err instanceof SourceError && err.code === 'SOURCE_ERROR'));
    if (fatal !== undefined || (answered.length === 0 && refused.length > 0)) throw fatal ?? refused[0];
    const [first] = answered;
    if (!first) return [];
    const policy = await limit(() => client.snapshotPolicy(scope, uuid, first.ip));
    return answered.flatMap(({ ip, files }) => toSnapshots(sourceId, uuid, ip, files, policy));
  });

  const snapshots: EntityReader<Snapshot, SnapshotFilter> = {
    pushdown: PUSH_CLUSTER,
    async list(filter) {
      return loadAll(snapshotsByCluster, await allClusterUuids(filter));
    },
    async get(id) {
      const ref = parseSnapshotId(id);
      if (!ref) return null;
      // An address that is not one of the cluster's center nodes names nothing.
      const detail = await limit(() => client.cluster(scope, ref.clusterUuid));
      if (!detail?.candidates.includes(ref.ip)) return null;
      const files = await limit(() => client.snapshotFiles(scope, ref.clusterUuid, ref.ip));
      if (!files?.includes(ref.file)) return null;
      const policy = await limit(() => client.snapshotPolicy(scope, ref.clusterUuid, ref.ip));
      return toSnapshots(sourceId, ref.clusterUuid, ref.ip, files, policy).find((s) => s.nativeId === id) ?? null;
    },
    byCluster(uuid) {
      return snapshotsByCluster.load(uuid);
    },
  };

  // ---- Workflows: the latest inspection, tasks of hosts that may be joining, and the join. ----

  /**
   * Every host of a cluster with its task where it may be joining; null when the
   * cluster is gone. A not-in-use host that vanished before its task was asked is left
   * out: it is no longer part of the cluster to join.
   */
  const joinsByCluster = perCluster(scope, async (uuid): Promise<{ host: HostStatistic; join: HostJoin }[] | null> => {
    const stats = await limit(() => client.computeStatistic(scope, uuid));
    if (!stats) return null;
    const joins = await Promise.all(
      stats.HostStatistics.map(async (host) => {
        if (!mayBeJoining(host)) return { host, join: { name: host.Name, task: null } };
        const task = await limit(() => client.hostTask(scope, uuid, host.HostUUID));
        return task && { host, join: { name: host.Name, task } };
      }),
    );
    return joins.filter(notNull);
  });

  const joinOf = async (uuid: string): Promise<Workflow | null> => {
    const hosts = await joinsByCluster.load(uuid);
    return (
      hosts &&
      joinWorkflow(
        sourceId,
        uuid,
        hosts.map((h) => h.join),
      )
    );
  };

  /** Host tasks under way or failed, and the join they make up while there are any. */
  const workflowsByCluster = perCluster(scope, async (uuid): Promise<Workflow[]> => {
    const [report, hosts] = await Promise.all([limit(() => client.inspection(scope, uuid)), joinsByCluster.load(uuid)]);
    const tasks = (hosts ?? []).flatMap(({ host, join }) =>
      join.task && hasTask(join.task) ? [hostTaskWorkflow(sourceId, uuid, host.HostUUID, join.task)] : [],
    );
    const join = tasks.length > 0 ? await joinOf(uuid) : null;
    return [report && inspectionWorkflow(sourceId, uuid, report), ...tasks, join].filter(notNull);
  });

  const workflows: EntityReader<Workflow, WorkflowFilter> = {
    pushdown: PUSH_CLUSTER,
    async list(filter) {
      return loadAll(workflowsByCluster, await allClusterUuids(filter));
    },
    async get(id) {
      const ref = parseWorkflowId(id);
      if (!ref) return null;
      if (ref.kind === 'join') return joinOf(ref.clusterUuid);
      if (ref.kind === 'host-task') {
        const task = await limit(() => client.hostTask(scope, ref.clusterUuid, ref.hostUuid));
        return task && hostTaskWorkflow(sourceId, ref.clusterUuid, ref.hostUuid, task);
      }
      // Only the latest run is served; an earlier run's id names nothing any more.
      const report = await limit(() => client.inspection(scope, ref.clusterUuid));
      const run = report && inspectionWorkflow(sourceId, ref.clusterUuid, report);
      return run?.nativeId === id ? run : null;
    },
    byCluster(uuid) {
      return workflowsByCluster.load(uuid);
    },
  };

  return { clusters, hosts, snapshots, workflows };
}
