import type { SimEnv } from '../kit/definition.js';
import { createRng } from '../kit/rng.js';
import { HOST_STATUS, type Host } from './hosts.js';
import type { Cluster } from './state.js';

/**
 * A cluster's software-defined network (OVN underneath: every host is a chassis with
 * a geneve tunnel endpoint) and the network service VMs it runs for tenants: virtual
 * routers (GTVR), edge gateways (GPE) and the network node VM (nvm), the types the
 * topology example shows.
 */

export type NetworkVmType = 'GTVR' | 'GPE' | 'nvm';

export interface NetworkVm {
  uuid: string;
  name: string;
  type: NetworkVmType;
  /** The tenant it serves (`Namespace`/`Nsuuid` in the topology example). */
  tenant: string;
  host: Host;
}

export interface Sdn {
  routers: { total: number; running: number };
  switches: { total: number; connected: number };
  gateways: { total: number; connected: number };
  services: {
    floating_ips_num: number;
    port_mapping_num: number;
    load_balancer_num: number;
    nats_num: number;
    security_group_num: number;
    security_specification_num: number;
  };
  /** The controller's virtual address; it runs on the first network node. */
  controllerIp: string;
  /** Per host, in the cluster's host order: the chassis and its encap record. */
  chassis: Array<{ uuid: string; encapUuid: string }>;
  nbCfg: number;
  vms: NetworkVm[];
}

/**
 * The network, generated the first time anybody looks and from the cluster alone (not
 * from when it is first looked at), so a large fleet pays nothing for it at start.
 */
export function networkOf(env: SimEnv, cluster: Cluster): Sdn {
  if (cluster.sdn) return cluster.sdn;
  const rng = createRng(`${env.seed}:hci:network:${cluster.uuid}`);
  const networkHosts = cluster.hosts.filter((h) => h.roles.network);
  const at = (k: number) => networkHosts[k % Math.max(1, networkHosts.length)] ?? (cluster.hosts[0] as Host);
  const stamp = () => Math.floor((cluster.ctime + rng.int(1, 30) * 86_400_000) / 1000);
  const vms: NetworkVm[] = [{ uuid: rng.uuid(), name: `GNW${stamp()}`, type: 'nvm', tenant: '', host: at(0) }];
  cluster.tenants.forEach((tenant, k) => {
    if (rng.chance(0.7)) vms.push({ uuid: rng.uuid(), name: '虚拟路由器', type: 'GTVR', tenant, host: at(k) });
    if (rng.chance(0.4)) vms.push({ uuid: rng.uuid(), name: `GPE${stamp()}`, type: 'GPE', tenant, host: at(k + 1) });
  });
  const routers = vms.filter((v) => v.type === 'GTVR').length;
  const switches = cluster.tenants.length * rng.int(1, 4) + 1;
  const gateways = vms.filter((v) => v.type === 'GPE').length;
  const [a, b, c] = (cluster.hosts[0]?.ip ?? '10.0.0.1').split('.');
  const sdn: Sdn = {
    routers: { total: routers, running: routers - (routers > 1 && rng.chance(0.3) ? 1 : 0) },
    switches: { total: switches, connected: switches - (rng.chance(0.2) ? 1 : 0) },
    gateways: { total: gateways, connected: gateways },
    services: {
      floating_ips_num: rng.int(0, 40),
      port_mapping_num: rng.int(0, 25),
      load_balancer_num: rng.int(0, 6),
      nats_num: routers,
      security_group_num: cluster.tenants.length + rng.int(0, 8),
      security_specification_num: rng.int(10, 120),
    },
    controllerIp: `${a}.${b}.${c}.250`,
    chassis: cluster.hosts.map(() => ({ uuid: rng.uuid(), encapUuid: rng.uuid() })),
    nbCfg: rng.int(100, 90_000),
    vms,
  };
  cluster.sdn = sdn;
  return sdn;
}

const controllerHost = (cluster: Cluster) => cluster.hosts.find((h) => h.roles.network) ?? cluster.hosts[0];

/** `sdn_controller`: the controller's node and how that node is doing; down with it. */
function controllerView(cluster: Cluster, sdn: Sdn) {
  const host = controllerHost(cluster);
  if (!host) return null;
  const up = host.status !== HOST_STATUS.down;
  const usedMem = up ? Math.round((host.memBytes * host.usage.mem) / 100) : 0;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    ip_addr: sdn.controllerIp,
    host_ip: host.ip,
    status: up ? 'running' : 'stopped',
    other_config: { nb_port: '6641', sb_port: '6642' },
    cpu_info: { idle: round(up ? 100 - host.usage.cpu : 0), used: round(host.usage.cpu), io_wait: round(host.usage.disk_wiowait / 10) },
    mem_info: { usage_rate: round(host.usage.mem), total: host.memBytes, available: up ? host.memBytes - usedMem : 0, used: usedMem },
    network_card_info: {
      usage_rate: round(Math.min(100, (host.usage.net_rmbps + host.usage.net_wmbps) / 2000)),
      read_mbps: host.usage.net_rmbps,
      write_mbps: host.usage.net_wmbps,
      status: up ? 1 : 0,
      mtu: host.managerNet.mtu,
      loss_packet_num: up ? Math.floor(host.usage.net_riops / 5000) : 0,
    },
  };
}

type Counts = Pick<Sdn, 'routers' | 'switches' | 'gateways' | 'services'>;

function summaries(n: Counts) {
  return {
    router_summary: { router_num: n.routers.total, start_num: n.routers.running, stop_num: n.routers.total - n.routers.running },
    switch_summary: { switch_num: n.switches.total, no_connection: n.switches.total - n.switches.connected, connection: n.switches.connected, otherconfig: {} },
    gateway_summary: {
      gateway_num: n.gateways.total,
      no_connection: n.gateways.total - n.gateways.connected,
      connection: n.gateways.connected,
      other_config: {},
    },
    service_summary: { ...n.services },
  };
}

/** `/v1/cluster/system/service/network` for one cluster. */
export const networkSummary = (cluster: Cluster, sdn: Sdn) => ({ ...summaries(sdn), sdn_controller: controllerView(cluster, sdn) });

/** The same without `cluster_uuid`: every cluster's counts added up; there is no single controller to show. */
export function fleetNetworkSummary(all: Iterable<Sdn>) {
  const total: Counts = {
    routers: { total: 0, running: 0 },
    switches: { total: 0, connected: 0 },
    gateways: { total: 0, connected: 0 },
    services: { floating_ips_num: 0, port_mapping_num: 0, load_balancer_num: 0, nats_num: 0, security_group_num: 0, security_specification_num: 0 },
  };
  for (const sdn of all) {
    for (const group of ['routers', 'switches', 'gateways', 'services'] as const) {
      const into = total[group] as Record<string, number>;
      for (const [k, v] of Object.entries(sdn[group])) into[k] = (into[k] ?? 0) + v;
    }
  }
  return { ...summaries(total), sdn_controller: null };
}

/** `ChassisInfo`: one chassis per host, named by the host's uuid, tunnelling from its storage address. */
export function chassisInfo(host: Host, chassis: Sdn['chassis'][number], nbCfg: number) {
  const name = host.uuid;
  return {
    other_config: { datapath_type: 'system', 'ovn-bridge-mappings': `provider:br-${host.managerNet.name}` },
    chassis: {
      chassis_uuid: chassis.uuid,
      encaps: [chassis.encapUuid],
      extra_info: [],
      host_name: `TOS-${host.ip}`,
      chassis_name: name,
      nb_cfg: nbCfg,
      vtep_logical_switches: [],
    },
    encap: {
      chassis_uuid: chassis.uuid,
      chassis_name: name,
      chassis_ip: host.storageNet.cidr.split('/')[0] ?? host.ip,
      options: { csum: 'true' },
      type: 'geneve',
    },
  };
}

/** A network service VM as `network_vm_list` shows it (the example's list is empty: the shape is ours). */
export const networkVmView = (vm: NetworkVm) => ({
  uuid: vm.uuid,
  name: vm.name,
  type: vm.type,
  tenant: vm.tenant,
  host_uuid: vm.host.uuid,
  host_ip: vm.host.ip,
  status: vm.host.status === HOST_STATUS.down ? 'stopped' : 'running',
});
