import type { Route } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import { optionalString, requiredField, requiredQuery, route } from '../params.js';
import { updateDrsConfig } from '../settings.js';
import { findCluster, type HciState } from '../state.js';

/** DRS (load balancing by live migration) and DPM (host power management) settings. */
export function drsRoutes(state: HciState): Route[] {
  return [
    route('GET', '/v1/cluster/compute/service/drsconfig/get', 'scode+messageCn', (req) => ({
      config: findCluster(state, requiredQuery(req, 'cluster_uuid')).drs,
    })),

    // `cluster_name` only names the cluster in the operation log.
    route('POST', '/v1/cluster/compute/service/drsconfig/update', 'scode+messageCn', (req) => {
      const body = bodyObject(req);
      const cluster = findCluster(state, requiredField(body, 'cluster_uuid'));
      optionalString(body, 'cluster_name');
      cluster.drs = updateDrsConfig(cluster.drs, body.config);
      return { config: cluster.drs };
    }),
  ];
}
