import type { Rng } from '../kit/rng.js';

/**
 * `HostStatistics[].Status`. The document shows only 1 beside `HostSummary`'s
 * `Healthy`/`NoInUse` counters, so: 1 healthy, 0 not in use (maintenance, or still
 * joining the cluster), 2 down (agent unreachable; counted by the storage view's
 * `physic_host_down_count`).
 */
export const HOST_STATUS = { notInUse: 0, healthy: 1, down: 2 } as const;
export type HostStatus = (typeof HOST_STATUS)[keyof typeof HOST_STATUS];

/** Domain states counted by `StateSummaryResult` (`<state>_count`), libvirt's set. */
export const VM_STATES = [
  'no_state',
  'running',
  'blocked',
  'paused',
  'shutdown',
  'shutoff',
  'crashed',
  'pmsuspend',
  'cloning',
  'save',
  'migrating',
  'pending',
  'importing',
  'unknown',
  'restoring',
] as const;
export type VmState = (typeof VM_STATES)[number];

export interface Nic {
  name: string;
  /** CIDR form, as the topology's `Addrs` lists it. */
  cidr: string;
  mtu: number;
}

/** One sample of the monitoring figures `/v1/cluster/top` ranks hosts by. */
export interface HostUsage {
  cpu: number;
  mem: number;
  net_riops: number;
  net_wiops: number;
  net_rmbps: number;
  net_wmbps: number;
  disk_riops: number;
  disk_wiops: number;
  disk_rspeed: number;
  disk_wspeed: number;
  disk_riowait: number;
  disk_wiowait: number;
}

/** A host's background job (joining the cluster, upgrade...); only its progress is served. */
export interface HostTask {
  /** What the task does: install the platform agent (join, upgrade) or deploy a cloud manager VM. */
  job: 'agent' | 'cvm';
  startedAt: number;
  durationMs: number;
  outcome: 'running' | 'succeeded' | 'failed';
  /** Share of the work done when the task failed. */
  failedAt: number;
}

export interface Host {
  uuid: string;
  /** Position in the cluster's topology (`TopoHostNode[].ID`). */
  index: number;
  ip: string;
  domain: string;
  managerNet: Nic;
  storageNet: Nic;
  computeNet: Nic | null;
  roles: { center: boolean; storage: boolean; network: boolean };
  status: HostStatus;
  /** `hostMode`: 1 while in maintenance. */
  maintenance: boolean;
  ctime: number;
  bootTime: number;
  procs: number;
  platformVersion: string;
  kernel: string;
  baseline: string;
  iommu: boolean;
  cpuThreads: number;
  memBytes: number;
  ssd: number;
  hdd: number;
  cacheDevs: number;
  diskBytes: number;
  diskUsedBytes: number;
  labels: Record<string, string>;
  logicalInterfaces: number;
  vms: Record<VmState, number>;
  vcpus: number;
  vmemBytes: number;
  usage: HostUsage;
  task: HostTask | null;
}

const GiB = 1024 ** 3;
const TB = 1000 ** 4;

const emptyVms = (): Record<VmState, number> => Object.fromEntries(VM_STATES.map((s) => [s, 0])) as Record<VmState, number>;

const idleUsage = (): HostUsage => ({
  cpu: 0,
  mem: 0,
  net_riops: 0,
  net_wiops: 0,
  net_rmbps: 0,
  net_wmbps: 0,
  disk_riops: 0,
  disk_wiops: 0,
  disk_rspeed: 0,
  disk_wspeed: 0,
  disk_riowait: 0,
  disk_wiowait: 0,
});

export interface HostPlan {
  ip: string;
  index: number;
  storageIp: string | null;
  /** Address on a separate VM traffic network, when the cluster has one. */
  computeIp: string | null;
  nicName: string;
  /** The cluster's CPU model baseline for live migration. */
  baseline: string;
  allFlash: boolean;
  center: boolean;
  status: HostStatus;
  ctime: number;
  now: number;
}

/** Hardware, workload and monitoring figures for one host, drawn from `rng`. */
export function generateHost(rng: Rng, plan: HostPlan): Host {
  const cpuThreads = rng.pick([32, 40, 48, 64, 64, 96, 128]);
  const memBytes = rng.pick([128, 256, 256, 384, 512, 768]) * GiB;
  const dataDisks = rng.int(4, 10);
  const diskSize = plan.allFlash ? rng.pick([1.92, 3.84]) * TB : rng.pick([4, 8, 12]) * TB;
  const diskBytes = Math.round(dataDisks * diskSize);
  const gpu = rng.chance(0.15);
  const host: Host = {
    uuid: rng.uuid(),
    index: plan.index,
    ip: plan.ip,
    domain: rng.uuid(),
    managerNet: { name: plan.nicName, cidr: `${plan.ip}/24`, mtu: 1500 },
    storageNet: plan.storageIp ? { name: 'ens2f1', cidr: `${plan.storageIp}/24`, mtu: 9000 } : { name: plan.nicName, cidr: `${plan.ip}/24`, mtu: 1500 },
    computeNet: plan.computeIp ? { name: 'bond1', cidr: `${plan.computeIp}/24`, mtu: 1500 } : null,
    roles: { center: plan.center, storage: true, network: plan.index < 2 },
    status: plan.status,
    maintenance: plan.status === HOST_STATUS.notInUse,
    ctime: plan.ctime,
    bootTime: plan.now - rng.int(2, 240) * 86_400_000 - rng.int(0, 86_399) * 1000,
    procs: rng.int(280, 640),
    platformVersion: '16.04',
    kernel: rng.pick(['4.14.254', '4.14.254', '4.19.90']),
    baseline: plan.baseline,
    iommu: gpu,
    cpuThreads,
    memBytes,
    ssd: plan.allFlash ? dataDisks : rng.int(1, 2),
    hdd: plan.allFlash ? 0 : dataDisks,
    cacheDevs: plan.allFlash ? 0 : rng.int(1, 2),
    diskBytes,
    diskUsedBytes: Math.round(diskBytes * rng.float(0.08, 0.72)),
    labels: {
      rack: `R${String(rng.int(1, 12)).padStart(2, '0')}-U${String(rng.int(1, 40)).padStart(2, '0')}`,
      zone: rng.pick(['az1', 'az2', 'az3']),
      ...(gpu ? { gpu: rng.pick(['T4', 'A10', 'V100']) } : {}),
      ...(rng.chance(0.3) ? { 用途: rng.pick(['数据库', '桌面云', '中间件', '测试']) } : {}),
    },
    logicalInterfaces: rng.int(2, 6),
    vms: emptyVms(),
    vcpus: 0,
    vmemBytes: 0,
    usage: idleUsage(),
    task: null,
  };
  populateWorkload(rng, host);
  return host;
}

/** VMs and live figures follow the host's status: a down host reports no samples. */
function populateWorkload(rng: Rng, host: Host): void {
  if (host.status === HOST_STATUS.notInUse) {
    host.usage = { ...idleUsage(), cpu: rng.float(0.5, 3), mem: rng.float(4, 9), net_riops: rng.int(5, 60), net_wiops: rng.int(5, 60) };
    return;
  }
  const count = rng.int(4, 28);
  // Memory is rarely overcommitted on this platform: stop handing it out past 75%.
  for (let i = 0; i < count && host.vmemBytes < host.memBytes * 0.75; i++) {
    const state: VmState = host.status === HOST_STATUS.down ? 'unknown' : rng.chance(0.78) ? 'running' : rng.chance(0.8) ? 'shutoff' : 'paused';
    addVm(rng, host, state);
  }
  if (host.status === HOST_STATUS.down) return;
  const hot = rng.chance(0.12);
  host.usage = {
    cpu: hot ? rng.float(82, 97) : rng.float(3, 65),
    mem: Math.min(96, (host.vmemBytes / host.memBytes) * 100 * rng.float(0.55, 0.85) + rng.float(6, 12)),
    net_riops: rng.int(80, 24_000),
    net_wiops: rng.int(40, 18_000),
    net_rmbps: rng.int(200, 96_000),
    net_wmbps: rng.int(100, 80_000),
    disk_riops: rng.int(0, 6_000),
    disk_wiops: rng.int(10, 9_000),
    disk_rspeed: rng.int(0, 180_000),
    disk_wspeed: rng.int(200, 240_000),
    disk_riowait: rng.int(0, 40),
    disk_wiowait: rng.int(0, 120),
  };
}

export function addVm(rng: Rng, host: Host, state: VmState): void {
  host.vms[state] += 1;
  host.vcpus += rng.pick([2, 4, 4, 8, 8, 16]);
  host.vmemBytes += rng.pick([4, 8, 8, 16, 32]) * GiB;
}

export const vmTotal = (host: Host): number => VM_STATES.reduce((n, s) => n + host.vms[s], 0);

/** `progress` of the host's task: 0..1; a host with no task pending reports 1. */
export function taskProgress(task: HostTask | null, now: number): number {
  if (!task || task.outcome === 'succeeded') return 1;
  if (task.outcome === 'failed') return task.failedAt;
  // A queued task (a later host of a cluster being added) has not started: 0, not negative.
  return Math.max(0, Math.min(0.99, Math.floor(((now - task.startedAt) / task.durationMs) * 100) / 100));
}
