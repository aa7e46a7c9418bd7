import { type NativeIdRule, onePart } from '../../model/ids.js';

/**
 * Native ids of HCI objects. The vendor addresses hosts, snapshot files and tasks only
 * within a cluster (and snapshot files within one center node), so each id carries the
 * path to its object: `get` can then make the one call that answers for it. Parts are
 * joined with `/`, which no uuid, IPv4 address or `snapshot<unix>.db` name contains.
 */

const SEP = '/';

function split(id: string, parts: number): string[] | null {
  const pieces = id.split(SEP);
  return pieces.length === parts && pieces.every((p) => p !== '') ? pieces : null;
}

export const hostId = (clusterUuid: string, hostUuid: string): string => [clusterUuid, hostUuid].join(SEP);

export function parseHostId(id: string): { clusterUuid: string; hostUuid: string } | null {
  const p = split(id, 2);
  return p && { clusterUuid: p[0] as string, hostUuid: p[1] as string };
}

export const snapshotId = (clusterUuid: string, ip: string, file: string): string => [clusterUuid, ip, file].join(SEP);

export function parseSnapshotId(id: string): { clusterUuid: string; ip: string; file: string } | null {
  const p = split(id, 3);
  return p && { clusterUuid: p[0] as string, ip: p[1] as string, file: p[2] as string };
}

/**
 * Synthesized workflows: a cluster's inspection run, a host's task, or its hosts
 * joining the cluster as a whole (what adding a cluster starts: `<cluster>/join`).
 */
export type WorkflowRef =
  | { kind: 'inspection'; clusterUuid: string; runUuid: string }
  | { kind: 'host-task'; clusterUuid: string; hostUuid: string }
  | { kind: 'join'; clusterUuid: string };

export function workflowId(ref: WorkflowRef): string {
  if (ref.kind === 'join') return [ref.clusterUuid, ref.kind].join(SEP);
  return [ref.clusterUuid, ref.kind, ref.kind === 'inspection' ? ref.runUuid : ref.hostUuid].join(SEP);
}

export function parseWorkflowId(id: string): WorkflowRef | null {
  const join = split(id, 2);
  if (join) return join[1] === 'join' ? { kind: 'join', clusterUuid: join[0] as string } : null;
  const p = split(id, 3);
  if (!p) return null;
  const [clusterUuid, kind, last] = p as [string, string, string];
  if (kind === 'inspection') return { kind, clusterUuid, runUuid: last };
  if (kind === 'host-task') return { kind, clusterUuid, hostUuid: last };
  return null;
}

/** HCI ids by type: a cluster's uuid, and the paths above for what lives within one. */
export const isHciId: NativeIdRule = (type, id) => {
  if (type === 'Cluster') return onePart(id);
  if (type === 'Host') return parseHostId(id) !== null;
  if (type === 'Snapshot') return parseSnapshotId(id) !== null;
  if (type === 'Workflow') return parseWorkflowId(id) !== null;
  return false;
};
