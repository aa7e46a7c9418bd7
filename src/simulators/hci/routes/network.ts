import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import { chassisInfo, fleetNetworkSummary, networkOf, networkSummary, networkVmView } from '../network.js';
import { paginate, requiredField, requiredInt, requiredQuery, route } from '../params.js';
import { findCluster, type HciState } from '../state.js';
import { topologyView } from '../topology.js';

/** The software-defined network: its summary, its chassis, tenants' network VMs and the topology. */
export function networkRoutes(env: SimEnv, state: HciState): Route[] {
  return [
    // `cluster_uuid` is optional here (the only such endpoint): without it the counts
    // cover the whole fleet and no controller is named.
    route('GET', '/v1/cluster/system/service/network', 'status_code', (req) => {
      const uuid = req.query.get('cluster_uuid') ?? '';
      if (uuid === '') return fleetNetworkSummary([...state.clusters.values()].map((c) => networkOf(env, c)));
      const cluster = findCluster(state, uuid);
      return networkSummary(cluster, networkOf(env, cluster));
    }),

    // The table requires `tenant_uuid` and `filter_ip`; the example sends `cluster_uuid`
    // and an empty `filter_ip`. Chassis are the cluster's hosts, so `cluster_uuid` is
    // required and `tenant_uuid` accepted without narrowing anything; the host name
    // filter answers to both spellings the document uses.
    route('GET', '/v1/cluster/chassis/list', 'status_code', (req) => {
      const cluster = findCluster(state, requiredQuery(req, 'cluster_uuid'));
      const sdn = networkOf(env, cluster);
      const ip = req.query.get('filter_ip') ?? '';
      const name = req.query.get('filter_host_name') || req.query.get('filt_host_name') || '';
      const rows = cluster.hosts
        .map((host, k) => ({ host, chassis: sdn.chassis[k] }))
        .filter(({ host }) => host.ip.includes(ip) && `TOS-${host.ip}`.includes(name));
      return {
        total_count: rows.length,
        list: paginate(req, rows).map(({ host, chassis }) => chassisInfo(host, chassis ?? { uuid: '', encapUuid: '' }, sdn.nbCfg)),
      };
    }),

    // An unknown tenant simply has no network VMs: the example answers an empty list.
    route('GET', '/v1/cluster/vmserver/service/get', 'scode+messageCn', (req) => {
      const cluster = findCluster(state, requiredQuery(req, 'cluster_uuid'));
      const tenant = req.query.get('tenant') ?? '';
      const vms = networkOf(env, cluster).vms.filter((v) => v.type !== 'nvm' && (tenant === '' || v.tenant === tenant));
      return { network_vm_list: vms.map(networkVmView) };
    }),

    // `width` and `height` are marked required with defaults (760, 550): absent means the default.
    route('POST', '/v1/cluster/all_cluster/topology', 'scode', (req) => {
      const body = bodyObject(req);
      const cluster = findCluster(state, requiredField(body, 'cluster_uuid'));
      const width = body.width === undefined ? 760 : requiredInt(body.width, 'width', 100);
      const height = body.height === undefined ? 550 : requiredInt(body.height, 'height', 100);
      return topologyView(env, cluster, width, height);
    }),
  ];
}
