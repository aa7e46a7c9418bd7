import type { SimEnv } from '../kit/definition.js';

/**
 * Metadata (center database) snapshots. Each center node keeps its own snapshot
 * files, named `snapshot<unix seconds>.db` as in the document's list example, and
 * takes one automatically every `duration` seconds of the cluster's backup policy;
 * the newest `AUTO_RETENTION` automatic files are kept (the example lists seven).
 *
 * Saving is immediate: the document's save answer carries no task id, no file name
 * and no progress field, so there is nothing a client could poll; the file is listed
 * as soon as the call returns.
 */
export const SNAPSHOT_OPTIONS = ['hour', 'day', 'week'] as const;
export type SnapshotOption = (typeof SNAPSHOT_OPTIONS)[number];

export interface SnapshotConfig {
  duration: number;
  mtime: number;
  option: SnapshotOption;
}

export interface MetaNode {
  ip: string;
  /** File name → taken by hand (automatic ones are pruned, manual ones kept). */
  files: Map<string, { manual: boolean }>;
  /** Bumped whenever the schedule changes, so superseded timers do nothing. */
  schedule: number;
}

export const AUTO_RETENTION = 7;

export const snapshotFileName = (at: number): string => `snapshot${Math.floor(at / 1000)}.db`;

export function takeSnapshot(node: MetaNode, at: number, manual: boolean): string {
  const name = snapshotFileName(at);
  node.files.set(name, { manual: manual || (node.files.get(name)?.manual ?? false) });
  const autos = [...node.files].filter(([, f]) => !f.manual).map(([n]) => n).sort();
  for (const old of autos.slice(0, Math.max(0, autos.length - AUTO_RETENTION))) node.files.delete(old);
  return name;
}

/** File names, oldest first as in the example; `filter` matches part of a name. */
export function listSnapshots(node: MetaNode, filter: string): string[] {
  return [...node.files.keys()].filter((n) => n.includes(filter)).sort();
}

export interface AutoSnapshotTarget {
  node: MetaNode;
  config: () => SnapshotConfig;
  /** False once the cluster is deleted or the node cannot run its daemon. */
  active: () => boolean;
  /** A down node misses its turn but keeps its schedule. */
  reachable: () => boolean;
}

/** (Re)starts a node's automatic snapshots, the first at `firstAt`. */
export function scheduleAutoSnapshots(env: SimEnv, target: AutoSnapshotTarget, firstAt: number): void {
  const token = ++target.node.schedule;
  const tick = (at: number) => {
    if (token !== target.node.schedule || !target.active()) return;
    if (target.reachable()) takeSnapshot(target.node, at, false);
    env.scheduler.at(at + target.config().duration * 1000, tick);
  };
  env.scheduler.at(firstAt, tick);
}
