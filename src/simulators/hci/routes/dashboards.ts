import type { Route, SimEnv } from '../../kit/definition.js';
import type { SimRequest } from '../../kit/http.js';
import { DETAIL_FLAGS, detailStatus, HARDWARE_FLAGS, hardwareResources, OVERALL_FLAGS, overallStatus, overview, timeWindow } from '../dashboards.js';
import { queryBool, requiredQuery, route } from '../params.js';
import { findCluster, type HciState } from '../state.js';

const flags = <K extends string>(req: SimRequest, names: readonly K[]) => Object.fromEntries(names.map((n) => [n, queryBool(req, n)])) as Record<K, boolean>;

/**
 * The dashboards. `tenant_uuid` is accepted and narrows nothing (the figures are the
 * cluster's); the examples' `moduleName=all` is ignored likewise. The overview's
 * method reads `GRT` in the document, a typo for GET.
 */
export function dashboardRoutes(env: SimEnv, state: HciState): Route[] {
  const cluster = (req: SimRequest) => findCluster(state, requiredQuery(req, 'cluster_uuid'));
  return [
    route('GET', '/v1/cluster/hardware_resources/inspect', 'scode+messageCn', (req) => {
      const c = cluster(req);
      return hardwareResources(c, flags(req, HARDWARE_FLAGS), timeWindow(req));
    }),
    route('GET', '/v1/cluster/detail_status/inspect', 'scode+messageCn', (req) => detailStatus(env, cluster(req), flags(req, DETAIL_FLAGS))),
    route('GET', '/v1/cluster/overall_status/inspect', 'scode+messageCn', (req) => overallStatus(env, cluster(req), flags(req, OVERALL_FLAGS))),
    route('GET', '/v1/cluster/overview/inspect', 'scode+messageCn', (req) => {
      const c = cluster(req);
      return overview(c, timeWindow(req));
    }),
  ];
}
