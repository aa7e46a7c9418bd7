import type { Route } from '../../kit/definition.js';
import { bodyObject, json, type SimRequest } from '../../kit/http.js';
import { busy, DwsRequestError, invalid } from '../errors.js';
import { type DwsSnapshot, memberCount, shapeOf } from '../model.js';
import { snapshotDuration } from '../operations.js';
import { readPage, slicePage } from '../paging.js';
import { clusterSnapshot, snapshotDetail, snapshotSummary } from '../present.js';
import { assertNameFree, checkZone, provision, readPublicIp, subnetPrefixFor } from '../provision.js';
import { intField, isUuid, nameField, optionalBoolean, optionalString, requireObject, requireString } from '../validate.js';
import { type DwsContext, param, route } from './shared.js';

/** `!<>'=;&"` are refused in descriptions (5.5.1). */
function readDescription(body: Record<string, unknown>, path: string): string {
  const d = optionalString(body, 'description', path) ?? '';
  if (d.length > 256) throw invalid('DWS.5056', path, 'at most 256 characters');
  if (/[!<>'=;&"]/.test(d)) throw invalid('DWS.5065', path, 'the characters !<>\'=;&" are not allowed');
  return d;
}

const SORT_KEYS: Record<string, (s: DwsSnapshot) => number | string> = {
  started: (s) => s.startedAt,
  updated: (s) => s.updatedAt,
  name: (s) => s.name,
  size: (s) => s.size,
  status: (s) => s.status,
  type: (s) => s.type,
};

const backupKey = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace(/-/g, '').replace('T', '_').replace(/:/g, '');

export function snapshotRoutes(ctx: DwsContext): Route[] {
  const { store, ops, env, events } = ctx;
  const now = () => env.clock.now();
  const newest = (list: DwsSnapshot[]) => list.sort((a, b) => b.startedAt - a.startedAt);

  /** A new snapshot record for cluster `clusterId`, in `status`. */
  const newSnapshot = (clusterId: string, name: string, description: string, status: DwsSnapshot['status'], from?: DwsSnapshot): DwsSnapshot => {
    const c = store.cluster(clusterId);
    const at = now();
    const previous = newest(store.snapshotsOf(c.id).filter((s) => s.status === 'AVAILABLE'))[0];
    const dataGb = memberCount(c) * 300;
    return {
      id: env.rng.uuid(),
      origin: from?.origin ?? shapeOf(c),
      name,
      description,
      clusterId: c.id,
      clusterName: c.name,
      type: 'MANUAL',
      status,
      startedAt: at,
      finishedAt: from ? at : null,
      updatedAt: at,
      size: from?.size ?? Math.round(dataGb * env.rng.float(0.6, 1.05) * 10) / 10,
      version: c.version,
      dbUser: c.userName,
      backupKey: from?.backupKey ?? backupKey(at),
      priorBackupKey: from?.priorBackupKey ?? previous?.backupKey ?? '',
      baseBackupKey: from?.baseBackupKey ?? previous?.baseBackupKey ?? backupKey(at),
      baseBackupName: from?.baseBackupName ?? previous?.baseBackupName ?? '',
      durationMs: snapshotDuration(dataGb),
      bakPeriod: '',
      bakKeepDay: 0,
      bakExpectedStartTime: at,
    };
  };

  const snapshot = (req: SimRequest) => {
    const id = param(req, 'snapshot_id');
    if (!isUuid(id)) throw invalid('DWS.5149', 'snapshot_id', `${id} is not a snapshot ID`);
    return store.snapshot(id);
  };

  return [
    route('POST', '/v1.0/{project_id}/snapshots', (req) => {
      const body = requireObject(bodyObject(req), 'snapshot');
      const name = nameField(body, 'name', 'snapshot.name', { length: 'DWS.5056', pattern: 'DWS.5065' });
      const clusterId = requireString(body, 'cluster_id', 'snapshot.cluster_id');
      if (!isUuid(clusterId)) throw invalid('DWS.5064', 'snapshot.cluster_id', `${clusterId} is not a cluster ID`);
      const description = readDescription(body, 'snapshot.description');
      const c = store.cluster(clusterId);
      if (store.snapshotsOf(c.id).some((s) => s.name === name)) throw invalid('DWS.5065', 'snapshot.name', `the cluster already has a snapshot named ${name}`);
      const s = newSnapshot(c.id, name, description, 'CREATING');
      ops.snapshot(c, s);
      store.snapshots.set(s.id, s);
      return json(200, { snapshot: { id: s.id } });
    }),
    route('GET', '/v1.0/{project_id}/snapshots', () => {
      const list = newest([...store.snapshots.values()]);
      return json(200, { snapshots: list.map(snapshotSummary), count: list.length });
    }),
    route('GET', '/v1.0/{project_id}/clusters/{cluster_id}/snapshots', (req) => {
      const c = store.cluster(param(req, 'cluster_id'));
      const page = readPage(req.query, undefined);
      const sortKey = req.query.get('sort_key');
      const sortDir = req.query.get('sort_dir') ?? 'desc';
      if (sortDir !== 'asc' && sortDir !== 'desc') throw invalid('DWS.5065', 'sort_dir', 'it must be asc or desc');
      const keyOf = SORT_KEYS[sortKey ?? 'started'];
      if (!keyOf) throw invalid('DWS.5065', 'sort_key', `it must be one of ${Object.keys(SORT_KEYS).join(', ')}`);
      const sign = sortDir === 'asc' ? 1 : -1;
      const all = store.snapshotsOf(c.id).sort((a, b) => {
        const x = keyOf(a);
        const y = keyOf(b);
        return (x < y ? -1 : x > y ? 1 : 0) * sign || a.id.localeCompare(b.id);
      });
      return json(200, {
        project_id: store.project.id,
        cluster_id: c.id,
        snapshots: slicePage(all, page).map((s) => clusterSnapshot(s, store, now())),
        count: all.length,
      });
    }),
    route('GET', '/v1.0/{project_id}/snapshots/{snapshot_id}', (req) => json(200, { snapshot: snapshotDetail(snapshot(req), store, now()) })),
    route('DELETE', '/v1.0/{project_id}/snapshots/{snapshot_id}', (req) => {
      const s = snapshot(req);
      // "This API is used to delete a manual snapshot."
      if (s.type !== 'MANUAL') throw invalid('DWS.5089', 'snapshot_id', 'automated snapshots are deleted by their retention policy, not by this API');
      if (s.status === 'CREATING' || s.status === 'RESTORING') throw new DwsRequestError('DWS.0011', `Snapshot ${s.id} is ${s.status}.`);
      store.snapshots.delete(s.id);
      events.record('deleteSnapshotSuccess', s, now());
      // "Example Responses: None".
      return json(202, undefined);
    }),
    route('POST', '/v1.0/{project_id}/snapshots/{snapshot_id}/actions', (req) => {
      const s = snapshot(req);
      const r = requireObject(bodyObject(req), 'restore');
      const name = nameField(r, 'name', 'restore.name', { length: 'DWS.5001', pattern: 'DWS.5057' });
      if (s.status !== 'AVAILABLE') throw new DwsRequestError('DWS.0011', `Snapshot ${s.id} is ${s.status}; only an AVAILABLE snapshot can be restored.`);
      const o = s.origin;
      const id = (field: string, code: 'DWS.5014' | 'DWS.5015' | 'DWS.5016', fallback: string) => {
        const v = optionalString(r, field, `restore.${field}`) ?? fallback;
        if (!isUuid(v)) throw invalid(code, `restore.${field}`, `${v} is not a valid ID`);
        return v;
      };
      const subnetId = id('subnet_id', 'DWS.5015', o.subnetId);
      const az = optionalString(r, 'availability_zone', 'restore.availability_zone') ?? o.availabilityZone;
      checkZone(o.flavor, az, 'restore.availability_zone');
      optionalBoolean(r, 'ipv6_enable', 'restore.ipv6_enable');
      const request = {
        name,
        flavor: o.flavor,
        nodeCount: o.nodeCount,
        cnCount: o.cnCount,
        version: o.version,
        vpcId: id('vpc_id', 'DWS.5014', o.vpcId),
        subnetId,
        securityGroupId: id('security_group_id', 'DWS.5016', o.securityGroupId),
        subnetPrefix: subnetId === o.subnetId ? o.subnetPrefix : subnetPrefixFor(ctx, subnetId),
        availabilityZone: az,
        port: intField(r, 'port', 'restore.port', { min: 8000, max: 30000 }) ?? o.port,
        userName: o.userName,
        userPwd: o.userPwd,
        publicIp: readPublicIp(r.public_ip, 'restore.public_ip'),
        enterpriseProjectId: optionalString(r, 'enterprise_project_id', 'restore.enterprise_project_id') ?? '0',
        tags: [],
      };
      assertNameFree(ctx, name);
      const c = provision(ctx, request, s);
      return json(200, { cluster: { id: c.id } });
    }),
    route('POST', '/v1.0/{project_id}/snapshots/{snapshot_id}/linked-copy', (req) => {
      const s = snapshot(req);
      const body = bodyObject(req);
      const name = nameField(body, 'backup_name', 'backup_name', { length: 'DWS.5056', pattern: 'DWS.5065' });
      const description = readDescription(body, 'description');
      // "This API is used to copy an automated snapshot."
      if (s.type !== 'AUTO') throw invalid('DWS.5089', 'snapshot_id', 'only automated snapshots can be copied');
      if (s.status !== 'AVAILABLE') throw busy(s.clusterId, `snapshot ${s.id} is ${s.status}`);
      if (!store.clusters.has(s.clusterId)) throw invalid('DWS.5149', 'snapshot_id', 'the snapshotted cluster no longer exists');
      // A linked copy shares the automated snapshot's backup data, so it is available at once.
      const copy = newSnapshot(s.clusterId, name, description, 'AVAILABLE', s);
      store.snapshots.set(copy.id, copy);
      events.record('copySnapshotSuccess', copy, now());
      return json(200, { snapshot_id: copy.id });
    }),
  ];
}
