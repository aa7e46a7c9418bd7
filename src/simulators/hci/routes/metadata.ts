import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject, type SimRequest } from '../../kit/http.js';
import { errors } from '../envelope.js';
import { listSnapshots, SNAPSHOT_OPTIONS, type SnapshotOption, takeSnapshot } from '../metadata.js';
import { requiredField, requiredInt, requiredQuery, route } from '../params.js';
import { findCluster, findMetaNode, startMetadataDaemon, type HciState } from '../state.js';

/** The `meta_data` object every metadata endpoint answers; each fills its own part. */
function metaData(part: { Snapshot?: string[]; SnapshotConfig?: Record<string, unknown> }) {
  return {
    meta_data: {
      status: { code: 0, message: '', messageCn: '', stack: null, desc: '', UUID: '' },
      Snapshot: part.Snapshot ?? null,
      DaemonState: '',
      SnapshotConfig: part.SnapshotConfig ?? null,
    },
  };
}

/** Metadata snapshots and their backup policy; `ip` names the center node asked. */
export function metadataRoutes(env: SimEnv, state: HciState): Route[] {
  const fromBody = (req: SimRequest) => {
    const body = bodyObject(req);
    const cluster = findCluster(state, requiredField(body, 'cluster_uuid'));
    return { body, cluster, node: findMetaNode(cluster, requiredField(body, 'ip')) };
  };
  const fromQuery = (req: SimRequest) => {
    const cluster = findCluster(state, requiredQuery(req, 'cluster_uuid'));
    return { cluster, node: findMetaNode(cluster, requiredQuery(req, 'ip')) };
  };
  return [
    route('POST', '/v1/cluster/data/snapshot/save', 'scode', (req) => {
      takeSnapshot(fromBody(req).node, env.clock.now(), true);
      return metaData({});
    }),

    route('POST', '/v1/cluster/data/snapshot/delete', 'scode', (req) => {
      const { body, node } = fromBody(req);
      const file = requiredField(body, 'file_name');
      if (!node.files.delete(file)) throw errors.snapshotNotFound(file);
      return metaData({});
    }),

    route('GET', '/v1/cluster/data/snapshot/list', 'scode', (req) =>
      metaData({ Snapshot: listSnapshots(fromQuery(req).node, req.query.get('file_name') ?? '') }),
    ),

    route('GET', '/v1/cluster/data/snapshot/config/inspect', 'scode', (req) => {
      const { snapshotConfig: c } = fromQuery(req).cluster;
      return metaData({ SnapshotConfig: { duration: c.duration, MTime: Math.floor(c.mtime / 1000), DisplayOption: c.option } });
    }),

    // The policy belongs to the cluster; every center node restarts its schedule.
    route('POST', '/v1/cluster/data/snapshot/config/update', 'scode', (req) => {
      const { body, cluster } = fromBody(req);
      const option = requiredField(body, 'display_option');
      if (!(SNAPSHOT_OPTIONS as readonly string[]).includes(option)) {
        throw errors.paramInvalid('display_option', `must be one of ${SNAPSHOT_OPTIONS.join(', ')}`);
      }
      const duration = requiredInt(body.duration, 'duration', 1);
      const now = env.clock.now();
      cluster.snapshotConfig = { duration, option: option as SnapshotOption, mtime: now };
      for (const node of cluster.metaNodes.values()) startMetadataDaemon(env, cluster, node, now + duration * 1000);
      return metaData({});
    }),
  ];
}
