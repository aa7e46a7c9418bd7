import type { Route } from '../../kit/definition.js';
import { paginate, requiredQuery, route } from '../params.js';
import { findCluster, findHost, type HciState } from '../state.js';
import { computeSummary, hostStatistics, storageView } from '../views.js';

/** Compute and storage views of a cluster, all drawn from the same host records. */
export function resourceRoutes(state: HciState): Route[] {
  return [
    route('GET', '/v1/cluster/compute/service/statistic', 'scode+messageCn', (req) => {
      const cluster = findCluster(state, requiredQuery(req, 'cluster_uuid'));
      const machine = req.query.get('filter_machine') ?? '';
      const name = req.query.get('filter_name') ?? '';
      const hosts = cluster.hosts.filter((h) => (machine === '' || h.uuid === machine) && h.ip.includes(name));
      // The summaries describe the whole cluster; the filters and paging narrow only
      // `HostStatistics`, and `total_count` counts the hosts that matched.
      const { StateSummaryResult, UsageRatio, HostSummary } = computeSummary(cluster);
      return {
        total_count: hosts.length,
        StateSummaryResult,
        UsageRatio,
        HostStatistics: paginate(req, hosts).map(hostStatistics),
        HostSummary,
      };
    }),

    // No example body: the answer is that host's `HostStatistics` entry, in the
    // envelope of the cluster-wide statistic it belongs with.
    route('GET', '/v1/cluster/compute/service/statistic/host', 'scode+messageCn', (req) => {
      const cluster = findCluster(state, requiredQuery(req, 'cluster_uuid'));
      return hostStatistics(findHost(cluster, requiredQuery(req, 'machine')));
    }),

    route('GET', '/v1/cluster/system/service/storage', 'scode+messageCn', (req) => storageView(findCluster(state, requiredQuery(req, 'cluster_uuid')))),
  ];
}
