import { HOST_STATUS, type Host, type HostUsage, type Nic, VM_STATES, vmTotal } from './hosts.js';
import type { Cluster } from './state.js';

/**
 * Vendor JSON for the fleet's state. Every view reads the same host records, so the
 * topology, compute statistics, storage summary and top-N rankings agree.
 */

const unix = (ms: number) => Math.floor(ms / 1000);

const nicView = (nic: Nic | null) => nic && { Name: nic.name, Addrs: [nic.cidr], MTU: nic.mtu, BridgeUUID: '', BridgeName: '' };

/** A platform service on a host: `status` 1 while it runs, 0 when the host is down. */
const serviceView = (enabled: boolean, host: Host, mode: number) =>
  enabled ? { enabled: true, mode, status: host.status === HOST_STATUS.down ? 0 : 1 } : null;

/**
 * `TopoHostNode[]` of `/v1/cluster/get`. Roles show as services: center nodes run
 * `manager` and `center` (and are the `candidates`), every node runs `vsm` storage and
 * `hyper` compute, the first two also the `network` service.
 */
export function topologyNode(host: Host) {
  return {
    UUID: host.uuid,
    ID: host.index,
    managerNet: nicView(host.managerNet),
    computeNet: nicView(host.computeNet),
    storageNet: nicView(host.storageNet),
    backupNet: nicView(host.managerNet),
    domain: host.domain,
    name: host.ip,
    IsSystemService: host.roles.center,
    services: {
      UUID: host.uuid,
      manager: serviceView(host.roles.center, host, 0),
      center: serviceView(host.roles.center, host, 5),
      usm: serviceView(host.roles.center, host, 0),
      vsm: serviceView(host.roles.storage, host, 0),
      network: serviceView(host.roles.network, host, 0),
      hyper: serviceView(true, host, 0),
      agentStatus: host.status === HOST_STATUS.down ? 0 : 1,
      hostMode: host.maintenance ? 1 : 0,
    },
  };
}

export const candidates = (cluster: Cluster): string[] => cluster.hosts.filter((h) => h.roles.center).map((h) => h.ip);

export function clusterDetail(cluster: Cluster) {
  return {
    cluster_uuid: cluster.uuid,
    name: cluster.name,
    desc: cluster.desc,
    // The parameter table calls it `tenants_uuid`; the example (followed) says `tenants`.
    tenants: cluster.tenants,
    candidates: candidates(cluster),
    TopoHostNode: cluster.hosts.map(topologyNode),
  };
}

/** A list row; the example shows `candidates: null` there (only `get` fills it). */
export const clusterListItem = (cluster: Cluster) => ({
  cluster_uuid: cluster.uuid,
  cluster_name: cluster.name,
  ctime: unix(cluster.ctime),
  candidates: null,
});

/**
 * `{Ratio, Logical, Physical}`: physical threads or bytes, what the VMs were given,
 * and the overcommit ratio between them (0 with nothing to divide by, as the example).
 */
const ratio = (logical: number, physical: number) => ({
  Ratio: physical > 0 ? Math.round((logical / physical) * 100) / 100 : 0,
  Logical: logical,
  Physical: physical,
});

/** A down host reports no capacity, like the example's second host. */
const reported = (host: Host, v: number) => (host.status === HOST_STATUS.down ? 0 : v);

export function hostStatistics(host: Host) {
  return {
    HostUUID: host.uuid,
    Cpu: ratio(reported(host, host.vcpus), reported(host, host.cpuThreads)),
    Mem: ratio(reported(host, host.vmemBytes), reported(host, host.memBytes)),
    LogicalInterface: host.logicalInterfaces,
    Status: host.status,
    Name: host.ip,
    Label: host.labels,
    DiskCount: host.ssd + host.hdd + host.cacheDevs,
    Mode: host.maintenance ? 1 : 0,
    VmCount: vmTotal(host),
    Baseline: host.baseline,
    IOMMUEnabled: host.iommu,
    VFIOEnabled: host.iommu,
  };
}

/** Cluster-wide part of the compute statistic: VM states, capacity, host health. */
export function computeSummary(cluster: Cluster) {
  const sum = (f: (h: Host) => number) => cluster.hosts.reduce((n, h) => n + f(h), 0);
  const states = Object.fromEntries(VM_STATES.map((s) => [`${s}_count`, sum((h) => h.vms[s])]));
  return {
    StateSummaryResult: { total: sum(vmTotal), ...states },
    UsageRatio: {
      Cpu: ratio(
        sum((h) => reported(h, h.vcpus)),
        sum((h) => reported(h, h.cpuThreads)),
      ),
      Mem: ratio(
        sum((h) => reported(h, h.vmemBytes)),
        sum((h) => reported(h, h.memBytes)),
      ),
    },
    HostSummary: {
      Total: cluster.hosts.length,
      Healthy: cluster.hosts.filter((h) => h.status === HOST_STATUS.healthy).length,
      NoInUse: cluster.hosts.filter((h) => h.status === HOST_STATUS.notInUse).length,
    },
  };
}

/**
 * `/v1/cluster/system/service/storage`. Usage figures here are ratios (0..1), unlike
 * the top-N percentages: the example's `capacity_usage` is exactly `used/total_size`.
 */
export function storageView(cluster: Cluster) {
  const hosts = cluster.hosts;
  const up = hosts.filter((h) => h.status !== HOST_STATUS.down);
  const sum = (list: Host[], f: (h: Host) => number) => list.reduce((n, h) => n + f(h), 0);
  const total = sum(up, (h) => h.diskBytes);
  const used = sum(up, (h) => h.diskUsedBytes);
  const volumes = Math.max(1, Math.round(sum(hosts, vmTotal) * 1.4));
  const degraded = up.length < hosts.length ? Math.ceil(volumes * 0.3) : 0;
  const failed = Math.min(cluster.volumesFailed, volumes - degraded);
  const storageHosts = hosts.filter((h) => h.roles.storage);
  const avg = (f: (h: Host) => number) => (up.length ? sum(up, f) / up.length / 100 : 0);
  return {
    inner: {
      total_size: total,
      used,
      allocated: Math.round(used * cluster.thinFactor),
      pool_count: cluster.pools,
      volume_total_count: volumes,
      volume_health_count: volumes - degraded - failed,
      volume_degrade_count: degraded,
      volume_failed_count: failed,
      physic_host_total_count: hosts.length,
      physic_host_health_count: up.length,
      physic_host_down_count: hosts.length - up.length,
      cpu_usage: avg((h) => h.usage.cpu),
      memory_usage: avg((h) => h.usage.mem),
      capacity_usage: total ? used / total : 0,
      ssd: sum(hosts, (h) => h.ssd),
      hdd: sum(hosts, (h) => h.hdd),
      data_dev: sum(hosts, (h) => (h.hdd > 0 ? h.hdd : h.ssd)),
      cache_dev: sum(hosts, (h) => h.cacheDevs),
      storage_host_total_count: storageHosts.length,
      storage_host_health_count: storageHosts.filter((h) => h.status !== HOST_STATUS.down).length,
      storage_host_down_count: storageHosts.filter((h) => h.status === HOST_STATUS.down).length,
    },
    external: cluster.external
      ? {
          total_size: cluster.external.totalBytes,
          used: cluster.external.usedBytes,
          pool_count: cluster.external.pools,
          volume_total_count: cluster.external.volumes,
        }
      : { total_size: 0, used: 0, pool_count: 0, volume_total_count: 0 },
  };
}

function hostInfo(host: Host, now: number) {
  return {
    uuid: host.uuid,
    addr: host.ip,
    ctime: unix(host.ctime),
    hostname: `TOS-${host.ip}`,
    uptime: unix(now - host.bootTime),
    boot_time: unix(host.bootTime),
    procs: host.procs,
    os: 'linux',
    platform: 'ubuntu',
    platform_family: 'debian',
    platform_version: host.platformVersion,
    kernel_version: host.kernel,
    virtualization_system: 'kvm',
    virtualization_role: 'host',
    host_id: '',
  };
}

/** `HostUsageInfo`: percentages for cpu/mem (the example's 6.31 is a percent). */
export function hostUsageInfo(host: Host, now: number) {
  const { cpu, mem, ...rest } = host.usage;
  return { host_info: hostInfo(host, now), cpu_usage: cpu, mem_usage: mem, ...rest };
}

export const RANKINGS: ReadonlyArray<readonly [string, keyof HostUsage]> = [
  ['cpu_usage_info', 'cpu'],
  ['mem_usage_info', 'mem'],
  ['net_riops_usage_info', 'net_riops'],
  ['net_wiops_usage_info', 'net_wiops'],
  ['net_rmbps_usage_info', 'net_rmbps'],
  ['net_wmbps_usage_info', 'net_wmbps'],
  ['disk_riops_usage_info', 'disk_riops'],
  ['disk_wiops_usage_info', 'disk_wiops'],
  ['disk_rspeed_usage_info', 'disk_rspeed'],
  ['disk_wspeed_usage_info', 'disk_wspeed'],
  ['disk_riowait_usage_info', 'disk_riowait'],
  ['disk_wiowait_usage_info', 'disk_wiowait'],
];

/**
 * `/v1/cluster/top`. The parameter table lists one ranking per metric
 * (`cpu_usage_info`...), the example a single `list`; both are served: `list` ranks
 * by cpu like `cpu_usage_info`. Down hosts send no samples, so they are not ranked and
 * `total_count` counts the hosts that are.
 */
export function topView(cluster: Cluster, count: number, now: number) {
  const reporting = cluster.hosts.filter((h) => h.status !== HOST_STATUS.down);
  const rank = (metric: keyof HostUsage) =>
    [...reporting]
      .sort((a, b) => b.usage[metric] - a.usage[metric] || a.index - b.index)
      .slice(0, count)
      .map((h) => hostUsageInfo(h, now));
  return {
    total_count: reporting.length,
    list: rank('cpu'),
    ...Object.fromEntries(RANKINGS.map(([field, metric]) => [field, rank(metric)])),
  };
}
