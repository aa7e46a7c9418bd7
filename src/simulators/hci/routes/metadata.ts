import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject, type SimRequest } from '../../kit/http.js';
import { errors } from '../envelope.js';
import { type DaemonState, listSnapshots, reschedule, SNAPSHOT_OPTIONS, type SnapshotOption, startDaemon, stopDaemon, takeSnapshot } from '../metadata.js';
import { requiredField, requiredInt, requiredQuery, route } from '../params.js';
import { findCluster, findMetaNode, type HciState } from '../state.js';

/** The `meta_data` object every metadata endpoint answers; each fills its own part. */
function metaData(part: { Snapshot?: string[]; SnapshotConfig?: Record<string, unknown>; DaemonState?: DaemonState }) {
  return {
    meta_data: {
      status: { code: 0, message: '', messageCn: '', stack: null, desc: '', UUID: '' },
      Snapshot: part.Snapshot ?? null,
      DaemonState: part.DaemonState ?? '',
      SnapshotConfig: part.SnapshotConfig ?? null,
    },
  };
}

/**
 * Metadata snapshots, their backup policy and the daemon that takes them; `ip` names
 * the center node asked.
 */
export function metadataRoutes(env: SimEnv, state: HciState): Route[] {
  const fromBody = (req: SimRequest) => {
    const body = bodyObject(req);
    const cluster = findCluster(state, requiredField(body, 'cluster_uuid'));
    const now = env.clock.now();
    return { body, cluster, now, node: findMetaNode(cluster, requiredField(body, 'ip'), now) };
  };
  const fromQuery = (req: SimRequest) => {
    const cluster = findCluster(state, requiredQuery(req, 'cluster_uuid'));
    return { cluster, node: findMetaNode(cluster, requiredQuery(req, 'ip'), env.clock.now()) };
  };
  const period = (c: { snapshotConfig: { duration: number } }) => c.snapshotConfig.duration * 1000;
  return [
    route('POST', '/v1/cluster/data/snapshot/save', 'scode', (req) => {
      const { node, now } = fromBody(req);
      takeSnapshot(node, now, true);
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

    route('GET', '/v1/cluster/data/daemon/state', 'scode', (req) => metaData({ DaemonState: fromQuery(req).node.daemon })),

    // Start and stop answer with an empty `DaemonState`, as both examples do; the state
    // endpoint reads the change back.
    route('POST', '/v1/cluster/data/daemon/start', 'scode', (req) => {
      const { cluster, node, now } = fromBody(req);
      startDaemon(node, period(cluster), now);
      return metaData({});
    }),

    route('POST', '/v1/cluster/data/daemon/stop', 'scode', (req) => {
      const { cluster, node, now } = fromBody(req);
      stopDaemon(node, period(cluster), now);
      return metaData({});
    }),

    route('GET', '/v1/cluster/data/snapshot/config/inspect', 'scode', (req) => {
      const { snapshotConfig: c } = fromQuery(req).cluster;
      return metaData({ SnapshotConfig: { duration: c.duration, MTime: Math.floor(c.mtime / 1000), DisplayOption: c.option } });
    }),

    // The policy belongs to the cluster; every center node restarts its schedule.
    route('POST', '/v1/cluster/data/snapshot/config/update', 'scode', (req) => {
      const { body, cluster, now } = fromBody(req);
      const option = requiredField(body, 'display_option');
      if (!(SNAPSHOT_OPTIONS as readonly string[]).includes(option)) {
        throw errors.paramInvalid('display_option', `must be one of ${SNAPSHOT_OPTIONS.join(', ')}`);
      }
      const duration = requiredInt(body.duration, 'duration', 1);
      const old = period(cluster);
      cluster.snapshotConfig = { duration, option: option as SnapshotOption, mtime: now };
      for (const node of cluster.metaNodes.values()) reschedule(node, old, duration * 1000, now);
      return metaData({});
    }),
  ];
}
