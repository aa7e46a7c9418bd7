import type { Route } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import { errors } from '../envelope.js';
import { requiredQuery, route } from '../params.js';
import { updateOverAllocation } from '../settings.js';
import { findCluster, type HciState } from '../state.js';

/**
 * The cluster's global configuration: its over-allocation thresholds. Neither endpoint
 * shows an answer; both answer the four thresholds. The set example names the cluster
 * by a node's `ip` instead of `cluster_uuid`, so either is taken.
 */
export function overAllocationRoutes(state: HciState): Route[] {
  return [
    route('GET', '/v1/cluster/get/global/config', 'scode', (req) => ({ ...findCluster(state, requiredQuery(req, 'cluster_uuid')).overAllocation })),

    route('POST', '/v1/cluster/set/global/config', 'scode', (req) => {
      const body = bodyObject(req);
      const uuid = typeof body.cluster_uuid === 'string' ? body.cluster_uuid : '';
      const ip = typeof body.ip === 'string' ? body.ip : '';
      if (uuid === '' && ip === '') throw errors.paramRequired('cluster_uuid');
      const cluster = uuid !== '' ? findCluster(state, uuid) : state.byIp.get(ip);
      if (!cluster) throw errors.clusterNotFound(ip);
      cluster.overAllocation = updateOverAllocation(cluster.overAllocation, body);
      return { ...cluster.overAllocation };
    }),
  ];
}
