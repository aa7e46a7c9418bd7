import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import { errors } from '../envelope.js';
import { CATEGORIES, INSPECTION_STATE, inspectionView, startInspection, stopInspection } from '../inspection.js';
import { optionalBool, requiredField, requiredQuery, route } from '../params.js';
import { findCluster, type HciState } from '../state.js';

/**
 * One-click inspection. `cluster_name` is required by the document but only names the
 * cluster in the operation log, so it is checked for presence, not matched.
 */
export function inspectionRoutes(env: SimEnv, state: HciState): Route[] {
  return [
    route('POST', '/v1/cluster/inspection', 'scode+messageCn', (req) => {
      const body = bodyObject(req);
      const cluster = findCluster(state, requiredField(body, 'cluster_uuid'));
      requiredField(body, 'cluster_name');
      const checks = {
        system: optionalBool(body, 'check_system'),
        network: optionalBool(body, 'check_network'),
        hardware: optionalBool(body, 'check_hardware'),
      };
      if (!CATEGORIES.some((c) => checks[c])) {
        throw errors.paramInvalid('check_system', 'at least one of check_system, check_network, check_hardware must be true');
      }
      if (cluster.inspection.state === INSPECTION_STATE.checking) throw errors.inspectionRunning();
      cluster.inspection = startInspection(env, cluster.hosts, checks, env.clock.now());
      return inspectionView(cluster.inspection, env.clock.now());
    }),

    // The document's request example for this path shows another URL
    // (`/v1/cluster/host/statistic/inspect`) and no answer; the answer here is the
    // start/stop data object, which is what a progress poll needs.
    route('GET', '/v1/cluster/inspection/progress', 'scode+messageCn', (req) => {
      const cluster = findCluster(state, requiredQuery(req, 'cluster_uuid'));
      return inspectionView(cluster.inspection, env.clock.now());
    }),

    // Stopping when nothing runs answers the current result, as the example (state 0)
    // suggests, rather than an error.
    route('POST', '/v1/cluster/inspection/stop', 'scode+messageCn', (req) => {
      const body = bodyObject(req);
      const cluster = findCluster(state, requiredField(body, 'cluster_uuid'));
      requiredField(body, 'cluster_name');
      stopInspection(cluster.inspection, env.clock.now());
      return inspectionView(cluster.inspection, env.clock.now());
    }),
  ];
}
