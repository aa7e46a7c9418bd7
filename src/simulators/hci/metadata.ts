/**
 * Metadata (center database) snapshots. Each center node keeps its own snapshot
 * files, named `snapshot<unix seconds>.db` as in the document's list example, and its
 * metadata daemon takes one automatically every `duration` seconds of the cluster's
 * backup policy; the newest `AUTO_RETENTION` automatic files are kept (the example
 * lists seven).
 *
 * Automatic snapshots are caught up when a node is looked at rather than scheduled:
 * the files a node holds are a function of simulated time, so the result is the same,
 * and a fleet of ten thousand clusters keeps no timer per center node.
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

/** `DaemonState`: the example shows `running`; a stopped daemon takes no automatic snapshots. */
const DAEMON_STATE = { running: 'running', stopped: 'stopped' } as const;
export type DaemonState = (typeof DAEMON_STATE)[keyof typeof DAEMON_STATE];

export interface MetaNode {
  ip: string;
  /** File name → taken by hand (automatic ones are pruned, manual ones kept). */
  files: Map<string, { manual: boolean }>;
  daemon: DaemonState;
  /** When the daemon's next automatic snapshot is due (ms); meaningless while stopped. */
  nextAutoAt: number;
}

export const AUTO_RETENTION = 7;

export const snapshotFileName = (at: number): string => `snapshot${Math.floor(at / 1000)}.db`;

export const metaNode = (ip: string, nextAutoAt: number, daemon: DaemonState = DAEMON_STATE.running): MetaNode => ({
  ip,
  files: new Map(),
  daemon,
  nextAutoAt,
});

export function takeSnapshot(node: MetaNode, at: number, manual: boolean): string {
  const name = snapshotFileName(at);
  node.files.set(name, { manual: manual || (node.files.get(name)?.manual ?? false) });
  if (!manual && node.files.size > AUTO_RETENTION) {
    const autos = [...node.files].filter(([, f]) => !f.manual).map(([n]) => n);
    if (autos.length > AUTO_RETENTION) for (const old of autos.sort().slice(0, autos.length - AUTO_RETENTION)) node.files.delete(old);
  }
  return name;
}

/**
 * Takes the automatic snapshots that fell due up to `now` under `period` (ms). Only the
 * last `AUTO_RETENTION` of a long gap can survive pruning, so only those are taken.
 */
export function catchUp(node: MetaNode, period: number, now: number): void {
  if (node.daemon !== DAEMON_STATE.running || node.nextAutoAt > now) return;
  const due = Math.floor((now - node.nextAutoAt) / period) + 1;
  for (let k = Math.max(0, due - AUTO_RETENTION); k < due; k++) takeSnapshot(node, node.nextAutoAt + k * period, false);
  node.nextAutoAt += due * period;
}

/** A new policy: what fell due under the old period is taken, the next is one new period away. */
export function reschedule(node: MetaNode, oldPeriod: number, newPeriod: number, now: number): void {
  catchUp(node, oldPeriod, now);
  node.nextAutoAt = now + newPeriod;
}

/** Starting a running daemon changes nothing; a stopped one takes its first snapshot a period later. */
export function startDaemon(node: MetaNode, period: number, now: number): void {
  if (node.daemon === DAEMON_STATE.running) return;
  node.daemon = DAEMON_STATE.running;
  node.nextAutoAt = now + period;
}

export function stopDaemon(node: MetaNode, period: number, now: number): void {
  catchUp(node, period, now);
  node.daemon = DAEMON_STATE.stopped;
}

/** File names, oldest first as in the example; `filter` matches part of a name. */
export function listSnapshots(node: MetaNode, filter: string): string[] {
  return [...node.files.keys()].filter((n) => n.includes(filter)).sort();
}
