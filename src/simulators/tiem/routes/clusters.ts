import type { Route } from '../../kit/definition.js';
import { bodyObject, type SimResponse } from '../../kit/http.js';
import { clusterAccess } from '../access.js';
import { DEFAULT_TOPOLOGY, REGIONS, VERSIONS } from '../catalog.js';
import type { TiemContext } from '../context.js';
import { ERR, fail, ok } from '../errors.js';
import { tiemId } from '../format.js';
import { isPageRequest, paginate, readPage } from '../paging.js';
import { clusterDetail, clusterInfo } from '../render.js';
import { type CreateParams, DEFAULT_DB_USER, parseCreate, parseFlags, parseTakeover } from '../requests.js';
import { type Cluster, clusterRecord, liveClusters, type Workflow } from '../state.js';
import { deployInstances } from '../topology.js';

const BASE = '/api/v1/clusters';

/** A live cluster by id, or TiEM's not-found answer. */
export function findCluster(ctx: TiemContext, id: string | undefined): Cluster | SimResponse {
  const cluster = id ? ctx.state.clusters.get(id) : undefined;
  if (!cluster || cluster.deleteTime !== undefined) return fail(ERR.clusterNotFound, `cluster not found: ${id ?? ''}`);
  return cluster;
}

export const isCluster = (v: Cluster | SimResponse): v is Cluster => 'instances' in v;

/** TiEM runs one maintenance at a time per cluster. */
export function maintenanceConflict(cluster: Cluster): SimResponse | undefined {
  return cluster.maintainStatus ? fail(ERR.maintenanceConflict, `cluster maintenance status is '${cluster.maintainStatus}'`) : undefined;
}

export function clusterRoutes(ctx: TiemContext): Route[] {
  const { env, state, ops } = ctx;
  const nameTaken = (name: string) => liveClusters(state).some((c) => c.name === name);

  const newCluster = (p: CreateParams) => {
    const cluster = clusterRecord({
      id: tiemId(env.rng),
      name: p.clusterName,
      type: p.clusterType,
      version: p.clusterVersion,
      regionId: p.region.id,
      cpuArchitecture: p.cpuArchitecture,
      copies: p.copies,
      exclusive: p.exclusive,
      tls: p.tls,
      vendor: p.vendor,
      tags: p.tags,
      userId: ctx.account.userId,
      createTime: env.clock.now(),
      requestResourceMode: p.requestResourceMode,
      dbUser: p.dbUser,
      parameterGroupId: p.parameterGroupId,
      instances: deployInstances(state, env.rng, p.region, p.clusterVersion, p.lines),
      ...clusterAccess(env.rng, p.region),
    });
    state.clusters.add(cluster);
    return cluster;
  };

  /** A path-addressed maintenance (stop, restart): look up, check conflicts, start. */
  const maintenance = (run: (cluster: Cluster) => Workflow | SimResponse) => (req: { params: Record<string, string> }) => {
    const cluster = findCluster(ctx, req.params.clusterId);
    if (!isCluster(cluster)) return cluster;
    const conflict = maintenanceConflict(cluster);
    if (conflict) return conflict;
    const wf = run(cluster);
    return 'id' in wf ? ok({ clusterId: cluster.id, workFlowId: wf.id }) : wf;
  };

  return [
    {
      method: 'GET',
      path: `${BASE}/`,
      handle: (req) => {
        const paging = readPage(req.query);
        if (!isPageRequest(paging)) return paging;
        const q = (name: string) => req.query.get(name) || undefined;
        const [id, name, status, tag, type] = ['clusterId', 'clusterName', 'clusterStatus', 'clusterTag', 'clusterType'].map(q);
        // Names and tags match by substring (TiEM queries them with LIKE), the rest exactly.
        const matches = liveClusters(state)
          .filter((c) => (!id || c.id === id) && (!name || c.name.includes(name)) && (!status || c.status === status))
          .filter((c) => (!tag || c.tags.some((t) => t.includes(tag))) && (!type || c.type === type));
        const { items, page } = paginate(matches, paging);
        return ok({ clusters: items.map((c) => clusterInfo(state, c)) }, page);
      },
    },
    {
      method: 'POST',
      path: `${BASE}/`,
      handle: (req) => {
        const parsed = parseCreate(bodyObject(req));
        if ('error' in parsed) return parsed.error;
        if (nameTaken(parsed.value.clusterName)) return fail(ERR.duplicatedName, `duplicated cluster name: ${parsed.value.clusterName}`);
        const cluster = newCluster(parsed.value);
        const wf = ops.create(cluster, env.clock.now(), env.operationFails());
        return ok({ clusterId: cluster.id, workFlowId: wf.id });
      },
    },
    {
      method: 'GET',
      path: `${BASE}/{clusterId}`,
      handle: (req) => {
        const cluster = findCluster(ctx, req.params.clusterId);
        return isCluster(cluster) ? ok(clusterDetail(state, cluster)) : cluster;
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/{clusterId}`,
      handle: (req) => {
        const flags = parseFlags(bodyObject(req), ['autoBackup', 'force', 'keepHistoryBackupRecords']);
        if ('error' in flags) return flags.error;
        const cluster = findCluster(ctx, req.params.clusterId);
        if (!isCluster(cluster)) return cluster;
        if (!flags.value.force) {
          const conflict = maintenanceConflict(cluster);
          if (conflict) return conflict;
        }
        const now = env.clock.now();
        // A forced delete cancels whatever maintenance is still running on the cluster.
        for (const wf of state.workflows.values()) if (wf.bizId === cluster.id) ctx.engine.stop(wf, now);
        const wf = ops.remove(cluster, now, env.operationFails(), flags.value);
        // The document spells this one `clusterID`, unlike every other response's `clusterId`.
        return ok({ clusterID: cluster.id, workFlowId: wf.id });
      },
    },
    {
      method: 'POST',
      path: `${BASE}/{clusterId}/stop`,
      handle: maintenance((cluster) =>
        cluster.status === 'Stopped'
          ? fail(ERR.maintenanceConflict, `cluster ${cluster.id} is already Stopped`)
          : ops.stop(cluster, env.clock.now(), env.operationFails()),
      ),
    },
    {
      method: 'POST',
      path: `${BASE}/{clusterId}/restart`,
      handle: maintenance((cluster) => ops.restart(cluster, env.clock.now(), env.operationFails())),
    },
    {
      method: 'POST',
      path: `${BASE}/takeover`,
      handle: (req) => {
        const parsed = parseTakeover(bodyObject(req));
        if ('error' in parsed) return parsed.error;
        if (nameTaken(parsed.value.clusterName)) return fail(ERR.duplicatedName, `duplicated cluster name: ${parsed.value.clusterName}`);
        // The real topology comes from TiUP's meta.yaml on the control machine; a typical one stands in for it.
        const region = REGIONS[0];
        const zone = region?.zones[0];
        if (!region || !zone) return fail(ERR.invalidLocation);
        const cluster = newCluster({
          clusterName: parsed.value.clusterName,
          clusterType: 'TiDB',
          clusterVersion: env.rng.pick(VERSIONS),
          cpuArchitecture: 'X86_64',
          region,
          copies: 3,
          exclusive: false,
          tls: false,
          vendor: 'Local',
          tags: [],
          requestResourceMode: 'SpecificHost',
          // TiEM takes over with the root password the request gives, under the cluster's current parameters.
          dbUser: DEFAULT_DB_USER,
          parameterGroupId: '',
          lines: DEFAULT_TOPOLOGY.map((d) => ({ type: d.type, count: d.count, specCode: d.spec, zone, diskType: 'SSD', diskCapacity: d.diskGiB })),
        });
        const wf = ops.takeover(cluster, env.clock.now(), env.operationFails());
        return ok({ clusterId: cluster.id, workFlowId: wf.id });
      },
    },
    {
      method: 'POST',
      path: `${BASE}/restore`,
      handle: (req) => {
        const body = bodyObject(req);
        const parsed = parseCreate(body, ['backupId']);
        if ('error' in parsed) return parsed.error;
        const backup = state.backups.get(String(body.backupId));
        if (!backup) return fail(ERR.backupNotFound, `backup record not found: ${String(body.backupId)}`);
        if (backup.status !== 'Finished') {
          return fail(ERR.backupInvalid, `backup record ${backup.id} is ${backup.status}: only a Finished backup can be restored`);
        }
        if (nameTaken(parsed.value.clusterName)) return fail(ERR.duplicatedName, `duplicated cluster name: ${parsed.value.clusterName}`);
        const cluster = newCluster(parsed.value);
        const wf = ops.create(cluster, env.clock.now(), env.operationFails(), backup);
        // RestoreNewClusterResp names the id `clusterID`, as DeleteClusterResp does.
        return ok({ clusterID: cluster.id, workFlowId: wf.id });
      },
    },
  ];
}
