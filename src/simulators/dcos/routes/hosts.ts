import type { Route } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import { type Ctx, assertOperable, countField, requireCluster, statusFilter } from '../context.js';
import { CODE, DcosError, guarded, success } from '../errors.js';
import { isObjectId } from '../ids.js';
import { assertIpsFree, newHost, parseNodes, providerNodes } from '../nodes.js';
import { listResponse } from '../query.js';
import { type Category, type Cluster, HOST_STATUSES, type Host, clusterHosts, isLive } from '../state.js';
import { clusterView, hostDetailView, hostListView } from '../views.js';

/** Clusters busy with another operation, or gone, take no node changes. */
const BUSY = ['INSTALLING', 'MODIFYING', 'TERMINATING', 'TERMINATED'] as const;
/** What must stay running after a removal: nodes, and shared nodes among them. */
const KEEP: Record<Category, { nodes: number; shared: number }> = { compact: { nodes: 2, shared: 1 }, ha: { nodes: 5, shared: 2 } };

export function hostRoutes(ctx: Ctx): Route[] {
  const { state } = ctx;
  return [
    {
      method: 'GET',
      path: '/v1/cluster/{cluster_id}/hosts',
      handle: guarded((req) => {
        const cluster = requireCluster(state, req.params.cluster_id);
        const status = statusFilter(req.query.get('status'), HOST_STATUSES);
        const tag = req.query.get('tag')?.trim();
        const rows = clusterHosts(state, cluster.id).filter((h) => (!status || status(h.status)) && (!tag || (h.tag ?? []).includes(tag)));
        return listResponse(rows, req.query, (h) => hostListView(h, cluster.name));
      }),
    },
    { method: 'POST', path: '/v1/cluster/{cluster_id}/hosts', handle: guarded((req) => success(addHosts(ctx, req.params.cluster_id, bodyObject(req)))) },
    {
      method: 'DELETE',
      path: '/v1/cluster/{cluster_id}/hosts',
      handle: guarded((req) => {
        removeHosts(ctx, req.params.cluster_id, bodyObject(req));
        return success([]);
      }),
    },
    {
      method: 'GET',
      path: '/v1/cluster/{cluster_id}/hosts/{host_id}',
      handle: guarded((req) => {
        const cluster = requireCluster(state, req.params.cluster_id);
        const id = req.params.host_id ?? '';
        if (!isObjectId(id)) throw new DcosError(CODE.invalid, 'Invalid host id.');
        const host = state.hosts.get(id);
        if (!host || host.clusterId !== cluster.id) throw new DcosError(CODE.hostQuery, `host ${id} not found in cluster ${cluster.id}`);
        return success(hostDetailView(host, cluster.name));
      }),
    },
  ];
}

/**
 * `POST /v1/cluster/{cluster_id}/hosts`. `addMode: "reuse"` brings the caller's
 * machines (listed in `sharedNodes`/`pureslaveNodes`); any other mode has the cluster's
 * cloud provider create them. The answer is the cluster as it was when the request
 * arrived, which is why the document's example still says RUNNING: it turns MODIFYING
 * right after.
 */
function addHosts({ env, state, ops }: Ctx, clusterId: string | undefined, body: Record<string, unknown>): ReturnType<typeof clusterView> {
  const cluster = requireCluster(state, clusterId);
  if (typeof body.clusterId === 'string' && body.clusterId !== '' && body.clusterId !== cluster.id) {
    throw new DcosError(CODE.invalid, `clusterId ${body.clusterId} does not match the cluster in the path`);
  }
  assertOperable(cluster, BUSY);
  const shared = countField(body, 'sharedCount', 0);
  const pureslave = countField(body, 'pureslaveCount', 0);
  const reuse = body.addMode === 'reuse';
  if (!reuse && cluster.type === 'customized') throw new DcosError(CODE.invalid, 'addMode must be "reuse" for a customized cluster');
  const specs = reuse
    ? { shared: parseNodes(body, 'sharedNodes', shared), pureslave: parseNodes(body, 'pureslaveNodes', pureslave) }
    : { shared: providerNodes(state, shared), pureslave: providerNodes(state, pureslave) };
  if (reuse) assertIpsFree(state, [...specs.shared, ...specs.pureslave]);
  if (shared + pureslave <= 0) throw new DcosError(CODE.invalidNumber, 'Invalid number, it should be positive');

  const before = clusterView(cluster);
  const now = env.clock.now();
  const type = reuse ? 'customized' : cluster.type;
  const hosts = (['shared', 'pureslave'] as const).flatMap((role) => specs[role].map((spec) => newHost(state, env.rng, cluster, role, spec, now, type)));
  ops.addHosts(cluster, hosts, now);
  return before;
}

/**
 * `DELETE /v1/cluster/{cluster_id}/hosts`. Ids that are not live nodes of the cluster
 * are skipped, as the real service does; masters cannot be removed, and enough running
 * nodes (and shared nodes) must remain for the cluster's category.
 */
function removeHosts({ env, state, ops }: Ctx, clusterId: string | undefined, body: Record<string, unknown>): void {
  const ids = body.host_ids;
  if (!Array.isArray(ids) || ids.length === 0) throw new DcosError(CODE.invalid, 'host_ids is required: Empty array of host id');
  const cluster = requireCluster(state, clusterId);
  assertOperable(cluster, BUSY);
  const wanted = new Set(ids.filter((id): id is string => typeof id === 'string'));
  const hosts = clusterHosts(state, cluster.id).filter((h) => isLive(h) && wanted.has(h.id));
  if (!leavesEnough(cluster, clusterHosts(state, cluster.id), wanted)) throw new DcosError(CODE.deleteNodeNumber, 'too few running node');
  if (hosts.some((h) => h.role === 'master')) throw new DcosError(CODE.hostDeleteMaster, 'Cannot delete master node');
  if (hosts.length > 0) ops.removeHosts(cluster, hosts, env.clock.now());
}

function leavesEnough(cluster: Cluster, hosts: Host[], removed: Set<string>): boolean {
  const remaining = hosts.filter((h) => h.status === 'RUNNING' && !removed.has(h.id));
  const keep = KEEP[cluster.createCategory];
  return remaining.length >= keep.nodes && remaining.filter((h) => h.role === 'shared').length >= keep.shared;
}
