import { HOST_STATUS, type Host } from './hosts.js';
import { type CloudManagerVm, cvmName } from './services.js';
import type { Cluster } from './state.js';

/**
 * `/v1/cluster/cloud/manage`: the management plane's etcd members, which are the
 * cluster's center nodes. Every figure is a string, as in the example; the first
 * center node that is up leads; the license runs three years from the cluster's creation.
 */
export function cloudManageView(cluster: Cluster, now: number) {
  const centers = cluster.hosts.filter((h) => h.roles.center);
  const up = centers.filter((h) => h.status !== HOST_STATUS.down);
  const leader = up[0];
  const peerId = (h: Host) => h.domain.replace(/-/g, '').slice(0, 16);
  const uptime = (h: Host) => Math.max(1, Math.floor((now - h.bootTime) / 1000));
  const perPeer = (h: Host, f: (peer: Host) => string) => Object.fromEntries(centers.filter((p) => p !== h).map((p) => [peerId(p), f(p)]));
  return {
    host_info: centers.map((h) => {
      const live = h.status !== HOST_STATUS.down;
      const t = uptime(h);
      return {
        etcd_network_peer_sent_bytes_total: perPeer(h, () => (live ? String(t * 2_113) : '')),
        etcd_network_peer_sent_failures_total: perPeer(h, (p) => (live ? String(p.status === HOST_STATUS.down ? 1 + (t % 97) : 0) : '')),
        etcd_network_peer_received_bytes_total: perPeer(h, () => (live ? String(t * 1_987) : '')),
        etcd_network_peer_round_trip_time_seconds_sum: perPeer(h, () => (live ? (t * 0.0007).toFixed(6) : '')),
        etcd_base_info: live
          ? {
              center_node_health: String(up.length),
              center_node_unhealth: String(centers.length - up.length),
              etcd_cluter_health: up.length * 2 > centers.length ? 'health' : 'unhealth',
              etcd_data_dir_disk_capacity: '51699699712',
              etcd_data_dir_disk_free: String(Math.round(51_699_699_712 * (1 - h.diskUsedBytes / h.diskBytes))),
              // Printed as Prometheus prints it, as the example does ("2.2687744e+07").
              etcd_debugging_mvcc_db_total_size_in_bytes: (20_000_000 + (t % 5_000_000)).toExponential(),
              etcd_node_count: String(centers.length),
              etcd_server_leader_changes_seen_total: String(1 + (centers.length - up.length)),
              etcd_server_proposals_applied_total: String(t * 3),
              etcd_server_proposals_committed_total: String(t * 3),
              etcd_server_proposals_failed_total: String(Math.floor(t / 50_000)),
              etcd_server_proposals_pending: '0',
              process_resident_memory_bytes: String(90_000_000 + (t % 20_000_000)),
            }
          : {},
        host_spec_spice: null,
        license_expire_date: Math.floor((cluster.ctime + 3 * 365 * 86_400_000) / 1000),
        license_existed: true,
        ip: h.ip,
        is_leader: h === leader,
        status: live ? 1 : 0,
        uuid: h.uuid,
        machine_uuid: '',
      };
    }),
  };
}

/** A cloud manager VM as deploy answers it (no example: the shape is ours). */
export const cvmView = (cvm: CloudManagerVm) => ({
  uuid: cvm.uuid,
  name: cvmName(cvm),
  MachineUUID: cvm.host.uuid,
  host_ip: cvm.host.ip,
  Networks: [{ Addr: cvm.addr, Gateway: cvm.gateway }],
  status: cvm.state,
  ctime: Math.floor(cvm.ctime / 1000),
});
