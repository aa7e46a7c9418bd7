import { cap } from '../kit/limit.js';
import type { Cluster, Deployment, Host, Workflow } from '../../model/entities.js';
import { type EntityReader, type ListWindow, type SourceSession, type Want, wants } from '../adapter.js';
import type { ClusterFilter, DeploymentFilter, HostFilter, WorkflowFilter } from '../../model/entity-types.js';
import { readOr, withGaps } from '../../model/partial.js';
import type { RequestScope } from '../scope.js';
import { gapsFrom, part } from '../partial.js';
import { type Page, pagesCovering } from '../kit/paging.js';
import type { NodeQuery, OteClient } from './client.js';
import { ALL_CLUSTERS, Lookups } from './lookups.js';
import {
  CLUSTER_OUTLINE_FIELDS,
  clusterOutline,
  currentOperation,
  HOST_OUTLINE_FIELDS,
  hasLabels,
  hostNativeId,
  hostOutline,
  type LabelPushdown,
  labelPushdown,
  parseHostId,
  parseOperationId,
  pastOperation,
  type Placement,
  toCluster,
  toDeployment,
  toHost,
  toWorkflow,
} from './map.js';
import type { OteCluster, OteDeployment, OteDeploymentDetail, OteNode } from './wire.js';
import { oncePerRow } from '../kit/once-per-row.js';

/** What each reader's vendor filters itself, made once rather than with every request's readers. */
const PUSH_ACTIVE: ReadonlySet<'active'> = new Set(['active']);
const PUSH_CLUSTER_LABELS: ReadonlySet<'clusterNativeId' | 'labels'> = new Set(['clusterNativeId', 'labels']);
const PUSH_LABELS: ReadonlySet<'labels'> = new Set(['labels']);
const PUSH_NONE: ReadonlySet<never> = new Set([]);

/** A cluster's outline as its list row tells it, shared by the requests that read the same reply. */
const listedOutline = oncePerRow(clusterOutline);

/**
 * The readers one GraphQL request gets from an OTE-stack source. The vendor lists
 * clusters, nodes and deployments fleet-wide in one call each, so lookups by cluster
 * are one list call grouped here; labels and deployment placement come from `Lookups`.
 */

const NO_PLACEMENT: Placement = { clusters: [], awaitingAudit: false };

/**
 * A vendor page holding `[offset, offset + limit)` when the vendor can apply the whole
 * filter; otherwise the full matching list, sliced, so a window is never wider or
 * narrower than the gateway's filter.
 */
async function windowOf<R, T>(
  pushdown: LabelPushdown,
  page: { fetch: (page: number, pageSize: number) => Promise<Page<R>>; map: (rows: readonly R[]) => Promise<T[]> },
  all: () => Promise<T[]>,
  offset: number,
  limit: number,
): Promise<ListWindow<T>> {
  if (pushdown.kind === 'impossible') return { items: [], total: 0 };
  if (pushdown.kind === 'label' && !pushdown.exact) {
    const items = await all();
    return { items: items.slice(offset, offset + limit), total: items.length };
  }
  const at = pagesCovering(offset, limit);
  const got = await page.fetch((at.pages[0] ?? 0) + 1, at.pageSize);
  const items = await page.map(got.items.slice(at.skip, at.skip + limit));
  return { items, ...(got.total !== undefined ? { total: got.total } : {}) };
}

/**
 * A label filter as the vendor parameter. The vendor's "all" is its wildcard, so a
 * label literally named "all" is asked for as everything and checked here.
 */
function vendorLabel(filter: { labels?: ClusterFilter['labels'] }): { pushdown: LabelPushdown; param?: string } {
  const pushdown = labelPushdown(filter.labels);
  if (pushdown.kind !== 'label') return { pushdown };
  return pushdown.label === ALL_CLUSTERS ? { pushdown: { ...pushdown, exact: false } } : { pushdown, param: pushdown.label };
}

const nodeQuery = (filter: HostFilter, nodeLabel: string | undefined): NodeQuery => ({
  ...(filter.clusterNativeId !== undefined ? { clusterName: filter.clusterNativeId } : {}),
  ...(nodeLabel !== undefined ? { nodeLabel } : {}),
});

/** Every reader an OTE-stack source has, never absent (operations read back through them). */
export type OteSession = Required<Pick<SourceSession, 'clusters' | 'hosts' | 'deployments' | 'workflows'>>;

export function oteSession(client: OteClient, sourceId: string, concurrency: number, scope: RequestScope): OteSession {
  const limit = cap(concurrency);
  const lookups = new Lookups(client, scope, limit);

  // ---- Clusters: list row + labels + nodes (for DEGRADED and capacity). ----

  // A page's clusters ask for their labels together: one lookup, however many complete at once.
  const labelsOf = scope.loader<string, string[]>(async (names) => {
    const labels = await lookups.clusterLabels(names);
    return names.map((n) => {
      const got = labels.get(n);
      return !got ? [] : got.ok ? got.value : got.error;
    });
  });

  // A page's clusters ask for their nodes together, the cheaper way for that many.
  const nodesOf = scope.loader<string, OteNode[]>(async (names) => {
    const nodes = await lookups.nodesOf(names);
    return names.map((n) => nodes.get(n) ?? []);
  });

  /**
   * The cluster of a list row: labels cost a lookup and status the node walk, made only
   * when `want` reads them. A lookup that fails leaves its fields as gaps: the labels, or
   * the status and usage the nodes tell.
   */
  const completeCluster = async (row: OteCluster, want?: Want): Promise<Cluster> => {
    const [labels, nodes] = await Promise.all([
      wants(want, ['labels']) ? part(labelsOf.load(row.clusterName)) : undefined,
      wants(want, ['status', 'usage']) ? part(nodesOf.load(row.clusterName)) : undefined,
    ]);
    const cluster = toCluster(sourceId, row, labels?.ok ? labels.value : [], nodes?.ok ? nodes.value : undefined);
    return withGaps(
      cluster,
      gapsFrom([
        [labels, ['labels']],
        [nodes, ['status', 'usage']],
      ]),
    );
  };
  const toClusters = (rows: readonly OteCluster[]): Promise<Cluster[]> => Promise.all(rows.map((row) => completeCluster(row)));

  const clusterById = scope.loader<string, Cluster | null>(async (names) => {
    const rows = new Map((await lookups.clusterRows()).map((r) => [r.clusterName, r]));
    const found = names.map((n) => rows.get(n)).filter((r): r is OteCluster => r !== undefined);
    const byName = new Map((await toClusters(found)).map((c) => [c.nativeId, c]));
    return names.map((n) => byName.get(n) ?? null);
  });

  /** The rows the vendor-side label filter selects. */
  const clusterRows = async (filter: ClusterFilter): Promise<OteCluster[]> => {
    const { pushdown, param } = vendorLabel(filter);
    if (pushdown.kind === 'impossible') return [];
    return param !== undefined ? (await client.clusters(scope, param)).items : await lookups.clusterRows();
  };

  const listClusters = async (filter: ClusterFilter): Promise<Cluster[]> => {
    const items = (await toClusters(await clusterRows(filter))).filter((c) => hasLabels(readOr(c.labels) ?? [], filter.labels));
    for (const c of items) clusterById.prime(c.nativeId, c);
    return items;
  };

  const clusters: EntityReader<Cluster, ClusterFilter> = {
    // `clusterLabel` matches one label exactly. There is no name or status filter.
    pushdown: PUSH_LABELS,
    list: listClusters,
    outline: {
      fields: CLUSTER_OUTLINE_FIELDS,
      async list(filter) {
        return (await clusterRows(filter)).map((row) => ({
          known: listedOutline(sourceId, row),
          async complete(want) {
            const cluster = await completeCluster(row, want);
            // Only a whole cluster may answer later lookups in this request.
            if (want === undefined) clusterById.prime(cluster.nativeId, cluster);
            return cluster;
          },
        }));
      },
    },
    // The vendor's order is stable but not by name or time: no `nativeOrder`.
    window(filter, offset, count) {
      const { pushdown, param } = vendorLabel(filter);
      const page = {
        fetch(n: number, size: number) {
          return client.clusterPage(scope, param, n, size);
        },
        map: toClusters,
      };
      return windowOf(pushdown, page, () => listClusters(filter), offset, count);
    },
    get(name) {
      return clusterById.load(name);
    },
  };

  // ---- Hosts: the node list, with labels from the node label index. ----

  /**
   * Hosts of node rows. Their labels cost the label index (the label list, then a node
   * list per label), asked for only when `want` reads labels; without, labels are left
   * empty, fit for this request's answer only. When the lookups fail, every host's
   * labels are a gap.
   */
  const toHosts = async (rows: readonly OteNode[], want?: Want): Promise<Host[]> => {
    if (rows.length === 0) return [];
    const labels = wants(want, ['labels']) ? await part(lookups.nodeLabels()) : undefined;
    const gaps = gapsFrom([[labels, ['labels']]]);
    return rows.map((n) => withGaps(toHost(sourceId, n, labels?.ok ? (labels.value.get(hostNativeId(n.clusterName, n.nodeName)) ?? []) : []), gaps));
  };

  const hostById = scope.loader<string, Host | null>(async (ids) => {
    const wanted = ids.map(parseHostId).filter((w) => w !== undefined);
    if (wanted.length === 0) return ids.map(() => null);
    const only = wanted.length === 1 ? wanted[0] : undefined;
    // One host: the list filtered to its cluster and name (a substring match, so the
    // exact node is picked here); several: the whole list once.
    const rows = only ? (await client.nodes(scope, { clusterName: only.clusterName, nodeName: only.nodeName })).items : await lookups.allNodes();
    const hosts = new Map((await toHosts(rows)).map((h) => [h.nativeId, h]));
    return ids.map((id) => hosts.get(id) ?? null);
  });

  /** The node rows the vendor-side filter selects. */
  const nodeRows = async (filter: HostFilter): Promise<OteNode[]> => {
    const { pushdown, param } = vendorLabel(filter);
    if (pushdown.kind === 'impossible') return [];
    const query = nodeQuery(filter, param);
    // Unfiltered, it is the list every other host and cluster lookup shares.
    return Object.keys(query).length ? (await client.nodes(scope, query)).items : await lookups.allNodes();
  };

  const listHosts = async (filter: HostFilter): Promise<Host[]> => {
    const items = (await toHosts(await nodeRows(filter))).filter((h) => hasLabels(readOr(h.labels) ?? [], filter.labels));
    for (const h of items) hostById.prime(h.nativeId, h);
    return items;
  };

  const hosts: EntityReader<Host, HostFilter> = {
    // `clusterName` is an exact match and `nodeLabel` one label. `nodeName` is a
    // case-sensitive substring match, narrower than `nameContains`: not pushed down.
    pushdown: PUSH_CLUSTER_LABELS,
    list: listHosts,
    outline: {
      fields: HOST_OUTLINE_FIELDS,
      async list(filter) {
        return (await nodeRows(filter)).map((row) => ({
          known: hostOutline(sourceId, row),
          async complete(want) {
            return (await toHosts([row], want))[0] ?? null;
          },
        }));
      },
    },
    window(filter, offset, count, want) {
      const { pushdown, param } = vendorLabel(filter);
      const page = {
        fetch(n: number, size: number) {
          return client.nodePage(scope, nodeQuery(filter, param), n, size);
        },
        map(rows: readonly OteNode[]) {
          return toHosts(rows, want);
        },
      };
      return windowOf(pushdown, page, () => listHosts(filter), offset, count);
    },
    get(id) {
      return hostById.load(id);
    },
    // Every cluster's nodes come from the one node list this request shares.
    async byCluster(name, want) {
      return toHosts((await lookups.nodesByCluster()).get(name) ?? [], want);
    },
  };

  // ---- Deployments and the workflows synthesized from their operations. ----

  /** Every deployment the vendor lists (deleted ones included) with its placement. */
  const placed = async (editable?: boolean): Promise<{ raw: OteDeployment; placement: Placement }[]> => {
    const raws = await client.deployments(scope, editable);
    const placements = await lookups.placements(raws);
    return raws.map((raw) => ({ raw, placement: placements.get(raw.id) ?? NO_PLACEMENT }));
  };

  const detailById = scope.loader<number, OteDeploymentDetail | null>((ids) => Promise.all(ids.map((id) => limit(() => client.deployment(scope, id)))));

  const placedDetail = async (id: number): Promise<{ detail: OteDeploymentDetail; placement: Placement } | null> => {
    const detail = await detailById.load(id);
    if (!detail) return null;
    const placement = (await lookups.placements([detail])).get(detail.id) ?? NO_PLACEMENT;
    return { detail, placement };
  };

  const deploymentOf = ({ raw, placement }: { raw: OteDeployment; placement: Placement }) => toDeployment(sourceId, raw, placement);
  const workflowOf = ({ raw, placement }: { raw: OteDeployment; placement: Placement }) => toWorkflow(sourceId, raw, currentOperation(raw), placement);

  /** Items of each cluster: a deployment spanning several clusters is listed under each. */
  const byClusterLoader = <T>(toItem: (p: { raw: OteDeployment; placement: Placement }) => T | undefined) =>
    scope.loader<string, T[]>(async (names) => {
      const all = await placed();
      return names.map((name) =>
        all
          .filter((p) => p.placement.clusters.includes(name))
          .map(toItem)
          .filter((i): i is T => i !== undefined),
      );
    });

  const deploymentsByCluster = byClusterLoader(deploymentOf);
  const workflowsByCluster = byClusterLoader(workflowOf);

  const deployments: EntityReader<Deployment, DeploymentFilter> = {
    // The vendor filters by application name (not the deployment's) and by editable /
    // running, none of which is a gateway filter. Deleted deployments are dropped, so
    // vendor pages would not line up with gateway positions: no window.
    pushdown: PUSH_NONE,
    async list() {
      return (await placed()).map(deploymentOf).filter((d): d is Deployment => d !== undefined);
    },
    async get(nativeId) {
      if (!/^\d+$/.test(nativeId)) return null;
      const found = await placedDetail(Number(nativeId));
      return found ? (toDeployment(sourceId, found.detail, found.placement, found.detail.historyVersion) ?? null) : null;
    },
    byCluster(name) {
      return deploymentsByCluster.load(name);
    },
  };

  const workflows: EntityReader<Workflow, WorkflowFilter> = {
    // `editable=false` leaves out deployments open to a new operation: every active
    // one stays (with deleted ones, which the gateway filters out again).
    pushdown: PUSH_ACTIVE,
    async list(filter) {
      return (await placed(filter.active === true ? false : undefined)).map(workflowOf);
    },
    async get(nativeId) {
      const op = parseOperationId(nativeId);
      if (!op) return null;
      const found = await placedDetail(op.deployId);
      if (!found) return null;
      const { detail, placement } = found;
      const history = detail.historyVersion;
      if (String(detail.deployType ?? '') === op.deployType && (detail.version ?? '') === op.version) {
        return toWorkflow(sourceId, detail, currentOperation(detail, history[history.length - 1]), placement);
      }
      // An operation the deployment has since moved past: its history entry says how it ended.
      const entry = [...history].reverse().find((h) => String(h.deployType ?? '') === op.deployType && h.version === op.version);
      return entry ? toWorkflow(sourceId, detail, pastOperation(entry), placement) : null;
    },
    byCluster(name) {
      return workflowsByCluster.load(name);
    },
  };

  return { clusters, hosts, deployments, workflows };
}
