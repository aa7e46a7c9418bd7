import type { Cluster, TiemState } from './state.js';

/**
 * Disaster recovery between clusters (TiCDC replicating a master into a standby), as
 * structs.ClusterRelations shows it: the master names the standby among its `slaves`,
 * the standby names the master among its `masters`.
 */
export function relate(master: Cluster, standby: Cluster): void {
  master.relations.slaves.push(standby.id);
  standby.relations.masters.push(master.id);
}

/** A deleted cluster leaves every relation it was in, on both sides. */
export function unrelate(state: TiemState, cluster: Cluster): void {
  for (const id of [...cluster.relations.masters, ...cluster.relations.slaves]) {
    const peer = state.clusters.get(id);
    if (!peer) continue;
    peer.relations.masters = peer.relations.masters.filter((x) => x !== cluster.id);
    peer.relations.slaves = peer.relations.slaves.filter((x) => x !== cluster.id);
  }
  cluster.relations = { masters: [], slaves: [] };
}
