import type { Rng } from '../kit/rng.js';
import type { DwsCluster, DwsNode, NodeStatus } from './model.js';

/**
 * Adds `count` nodes to a cluster the way DWS names them (`dws-1-dws-cn-cn-3-1`, as in
 * the document's examples), each with the next private address in the cluster subnet,
 * or in `subnetPrefix` when a scale-out names another subnet of the VPC.
 */
export function addNodes(
  rng: Rng,
  c: Pick<DwsCluster, 'name' | 'nodes' | 'subnetPrefix'>,
  count: number,
  status: NodeStatus,
  subnetPrefix = c.subnetPrefix,
): DwsNode[] {
  const added: DwsNode[] = [];
  for (let i = 0; i < count; i++) {
    const index = c.nodes.length + 1;
    const node: DwsNode = {
      id: rng.uuid(),
      name: `${c.name}-dws-cn-cn-${index}-1`,
      status,
      // Two addresses per node slot: DWS gives each node a service and a management NIC.
      privateIp: `${subnetPrefix}.${10 + index * 2}`,
      cn: false,
    };
    c.nodes.push(node);
    added.push(node);
  }
  return added;
}

/** Gives CN instances to the first `total` member nodes that lack one (CNs are co-located with DNs). */
export function assignCns(c: DwsCluster, total: number): DwsNode[] {
  const changed: DwsNode[] = [];
  let have = c.nodes.filter((n) => n.cn).length;
  for (const n of c.nodes) {
    if (have >= total) break;
    if (!n.cn && n.status !== '199') {
      n.cn = true;
      have++;
      changed.push(n);
    }
  }
  return changed;
}

export const setNodeStatus = (nodes: readonly DwsNode[], status: NodeStatus) => nodes.forEach((n) => (n.status = status));

/** Largest CN count a cluster supports: one per node, at most 20 (5.2.4 number_of_cn). */
export const maxCns = (c: DwsCluster) => Math.min(20, c.nodes.filter((n) => n.status !== '199').length);
export const MIN_CNS = 2;
