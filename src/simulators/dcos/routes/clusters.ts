import type { Route } from '../../kit/definition.js';
import { bodyObject, json } from '../../kit/http.js';
import { type Ctx, assertOperable, countField, requireCluster, statusFilter } from '../context.js';
import { CODE, DcosError, guarded, success } from '../errors.js';
import { isObjectId } from '../ids.js';
import { type NodeSpec, assertIpsFree, markFirstMaster, newHost, parseNodes, providerNodes } from '../nodes.js';
import { listResponse } from '../query.js';
import { embedRegistry } from '../registries.js';
import { CLUSTER_STATUSES, type Category, type Cluster, type DcosState, type Host, type NodeRole, clusterHosts, findUser } from '../state.js';
import { clusterView } from '../views.js';

const TYPES = ['customized', 'amazonec2', 'google', 'openstack'] as const;
const MIN_NODES: Record<Category, number> = { compact: 2, ha: 5 };
const NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9-]*$/;

/** Component images per node role, as the deployment module places them. */
const MASTER_IMAGES = ['mongodb', 'adminrouter', 'universeregistry', 'universenginx', 'dnsserver', 'cosmos', 'marathon', 'mesosmaster', 'exhibitor'];
const AGENT_IMAGES = ['cadvisormonitor', 'mesosslave'];
const FIRST_MASTER_IMAGES = ['webconsole', 'dcosclient', 'alertmanager', 'prometheus'];
const EVERY_NODE_IMAGES = ['genresolvconf'];

export function clusterRoutes(ctx: Ctx): Route[] {
  const { state } = ctx;
  return [
    {
      method: 'GET',
      path: '/v1/cluster',
      handle: guarded((req) => {
        const q = req.query;
        const status = statusFilter(q.get('status'), CLUSTER_STATUSES);
        const name = q.get('name')?.trim();
        const userId = q.get('user_id')?.trim();
        const username = q.get('username')?.trim();
        const rows = [...state.clusters.values()].filter(
          (c) => (!name || c.name === name) && (!userId || c.userId === userId) && (!username || c.owner === username) && (!status || status(c.status)),
        );
        return listResponse(rows, q, clusterView);
      }),
    },
    { method: 'POST', path: '/v1/cluster', handle: guarded((req) => success(clusterView(createCluster(ctx, bodyObject(req))))) },
    {
      method: 'GET',
      path: '/v1/cluster/validate',
      handle: guarded((req) => {
        const userId = req.query.get('userid')?.trim() ?? '';
        const name = req.query.get('clustername')?.trim() ?? '';
        if (!name) throw new DcosError(CODE.invalidName, 'clustername is required');
        if (userId && !isObjectId(userId)) throw new DcosError(CODE.invalid, 'Invalid userid,not a object id');
        if (nameTaken(state, name, userId)) throw new DcosError(CODE.clusterNameExists, 'Invalid clustername,conflict');
        return json(200, { success: true });
      }),
    },
    { method: 'GET', path: '/v1/cluster/{cluster_id}', handle: guarded((req) => success(clusterView(requireCluster(state, req.params.cluster_id)))) },
    {
      method: 'DELETE',
      path: '/v1/cluster/{cluster_id}',
      handle: guarded((req) => {
        const cluster = requireCluster(state, req.params.cluster_id);
        assertOperable(cluster, ['INSTALLING', 'MODIFYING', 'TERMINATING', 'TERMINATED']);
        ctx.ops.terminate(cluster, ctx.env.clock.now());
        return success([]);
      }),
    },
    {
      method: 'GET',
      path: '/v1/cluster/{cluster_id}/components',
      handle: guarded((req) => success(components(state, requireCluster(state, req.params.cluster_id)))),
    },
  ];
}

/** Name of a user's unterminated clusters must be unique (across users when none is given). */
function nameTaken(state: DcosState, name: string, userId: string): boolean {
  return [...state.clusters.values()].some((c) => c.name === name && c.status !== 'TERMINATED' && (!userId || c.userId === userId));
}

/**
 * `POST /v1/cluster`, validated in the real service's order: name, user, uniqueness,
 * type, node counts, then (for `customized`) the node list and its addresses.
 */
function createCluster({ env, state, ops }: Ctx, body: Record<string, unknown>): Cluster {
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (!name) throw new DcosError(CODE.invalidName, 'Invalid cluster name: name is required');
  if (!NAME_PATTERN.test(name)) throw new DcosError(CODE.invalidName, 'Invalid cluster name.');
  if (name.length > 15) throw new DcosError(CODE.invalidName, 'clustername must be less than 15');
  const userId = typeof body.user_id === 'string' ? body.user_id : '';
  if (!userId) throw new DcosError(CODE.invalid, 'user_id is required');
  if (!isObjectId(userId)) throw new DcosError(CODE.invalid, 'Invalid userid,not a object id');
  const user = findUser(state, userId);
  if (!user) throw new DcosError(CODE.callUsermgmt, `get user by id failed: no user ${userId}`);
  if (nameTaken(state, name, userId)) throw new DcosError(CODE.clusterNameExists, 'Conflict clustername');
  const type = typeof body.type === 'string' ? body.type : '';
  if (!type) throw new DcosError(CODE.invalidType, 'type is required');
  if (!(TYPES as readonly string[]).includes(type)) throw new DcosError(CODE.invalidType, `Invalid cluster type ${type}`);
  // An unknown category falls back to compact, as the real service does (with a warning).
  const category: Category = body.createCategory === 'ha' ? 'ha' : 'compact';
  const counts = { master: countField(body, 'masterCount'), shared: countField(body, 'sharedCount'), pureslave: countField(body, 'pureslaveCount', 0) };
  if (counts.master <= 0) throw new DcosError(CODE.invalidNumber, 'cluster must have one master node at least');
  if (counts.shared <= 0) throw new DcosError(CODE.invalidNumber, 'cluster must have one shared node at least');
  const total = counts.master + counts.shared + counts.pureslave;
  if (total < MIN_NODES[category]) throw new DcosError(CODE.invalidNumber, `Invalid cluster instance number for ${category} cluster!`);

  const providerId = typeof body.providerId === 'string' ? body.providerId : '';
  let nodes: Record<NodeRole, NodeSpec[]>;
  if (type === 'customized') {
    nodes = {
      master: parseNodes(body, 'masterNodes', counts.master),
      shared: parseNodes(body, 'sharedNodes', counts.shared),
      pureslave: parseNodes(body, 'pureslaveNodes', counts.pureslave),
    };
    assertIpsFree(state, [...nodes.master, ...nodes.shared, ...nodes.pureslave]);
  } else {
    if (!providerId) throw new DcosError(CODE.invalid, `providerId is required for a ${type} cluster`);
    nodes = { master: providerNodes(state, counts.master), shared: providerNodes(state, counts.shared), pureslave: providerNodes(state, counts.pureslave) };
  }

  const now = env.clock.now();
  const cluster: Cluster = {
    id: state.ids.clusters.next(now),
    name,
    owner: user.username,
    endPoint: '',
    instances: total,
    pubkeyId: Array.isArray(body.pubkeyId) ? body.pubkeyId.filter((p): p is string => typeof p === 'string') : [],
    providerId,
    details: typeof body.details === 'string' ? body.details : '',
    status: 'INSTALLING',
    type,
    createCategory: category,
    userId: user.id,
    tenantId: user.tenantId,
    createdAt: now,
    updatedAt: now,
    dockerRegistries: (Array.isArray(body.dockerRegistries) ? body.dockerRegistries : [])
      .filter((r): r is Record<string, unknown> => !!r && typeof r === 'object')
      .map((r) => embedRegistry(state, r)),
    cmi: false,
  };
  state.clusters.set(cluster.id, cluster);
  const rng = env.rng;
  const hosts = (['master', 'shared', 'pureslave'] as const).flatMap((role) => nodes[role].map((spec) => newHost(state, rng, cluster, role, spec, now)));
  markFirstMaster(hosts);
  ops.install(cluster, now);
  return cluster;
}

/**
 * System components by node: DC/OS services on every master, the monitoring stack on
 * the first one, agents' containers on every agent, resolv.conf generator everywhere.
 * They exist once the cluster is installed (running or offline nodes); a component is
 * unhealthy when its node is offline or its health check fails.
 */
function components(state: DcosState, cluster: Cluster) {
  const hosts = clusterHosts(state, cluster.id).filter((h) => h.status === 'RUNNING' || h.status === 'OFFLINE');
  const masters = hosts.filter((h) => h.role === 'master');
  const agents = hosts.filter((h) => h.role !== 'master');
  const first = masters.find((h) => h.isClientNode) ?? masters[0];
  if (!first)
    throw new DcosError(CODE.components, `components of cluster ${cluster.name} are not available: the cluster is ${cluster.status} and has no running master`);
  const entry = (imageName: string, h: Host) => ({
    imageName,
    ip: h.ip,
    status: h.status === 'OFFLINE' || h.unhealthy.includes(imageName) ? 'UnHealthy' : 'Healthy',
  });
  const on = (images: string[], nodes: Host[]) => images.flatMap((image) => nodes.map((h) => entry(image, h)));
  return {
    userName: cluster.owner,
    clusterName: cluster.name,
    clusterId: cluster.id,
    componentStatus: [...on(MASTER_IMAGES, masters), ...on(AGENT_IMAGES, agents), ...on(FIRST_MASTER_IMAGES, [first]), ...on(EVERY_NODE_IMAGES, hosts)],
  };
}
