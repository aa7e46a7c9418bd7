import type { SimEnv } from '../kit/definition.js';
import type { Rng } from '../kit/rng.js';
import { errors } from './envelope.js';
import { addVm, generateHost, HOST_STATUS, type Host, type HostStatus, type HostTask, VM_STATES } from './hosts.js';
import { idleInspection, type Inspection, startInspection } from './inspection.js';
import { AUTO_RETENTION, catchUp, type MetaNode, metaNode, type SnapshotConfig, takeSnapshot } from './metadata.js';
import type { Sdn } from './network.js';
import type { ClusterServices } from './services.js';
import { DEFAULT_DRS_CONFIG, DEFAULT_OVER_ALLOCATION, type DrsConfig, type OverAllocation } from './settings.js';

export interface ExternalStorage {
  totalBytes: number;
  usedBytes: number;
  pools: number;
  volumes: number;
}

export interface Cluster {
  uuid: string;
  name: string;
  desc: string;
  ctime: number;
  tenants: string[];
  hosts: Host[];
  /** Storage pools and volumes of the converged (inner) storage. */
  pools: number;
  volumesFailed: number;
  /** Provisioned/used ratio of thin volumes (`allocated`). */
  thinFactor: number;
  external: ExternalStorage | null;
  snapshotConfig: SnapshotConfig;
  metaNodes: Map<string, MetaNode>;
  inspection: Inspection;
  drs: DrsConfig;
  overAllocation: OverAllocation;
  /** Service VMs, seeded on first use (see `servicesOf`). */
  services: ClusterServices | null;
  /** The software-defined network, generated on first use (see `networkOf`). */
  sdn: Sdn | null;
  deleted: boolean;
}

export interface HciState {
  /** In creation order, which is the order the list endpoint serves. */
  clusters: Map<string, Cluster>;
  /** Every host's management IP → its cluster: an address names one node of one cluster. */
  byIp: Map<string, Cluster>;
}

const DAY = 86_400_000;

const PURPOSES = ['prod', 'vdi', 'dev', 'test', 'dmz', 'erp', 'bigdata', 'backup', 'edge', 'core'];
const SITES: ReadonlyArray<readonly [string, string]> = [
  ['bj', '北京亦庄'],
  ['sh', '上海外高桥'],
  ['gz', '广州南沙'],
  ['sz', '深圳福田'],
  ['cd', '成都天府'],
  ['wh', '武汉光谷'],
  ['hz', '杭州滨江'],
];
const PURPOSE_CN: Record<string, string> = {
  prod: '生产资源池',
  vdi: '桌面云集群',
  dev: '开发环境',
  test: '测试环境',
  dmz: 'DMZ区业务集群',
  erp: 'ERP专用集群',
  bigdata: '大数据平台',
  backup: '灾备集群',
  edge: '边缘节点集群',
  core: '核心业务集群',
};
const NIC_NAMES = ['eth0', 'ens56', 'enp3s0f0', 'bond0'];
const BASELINES = ['Westmere', 'Haswell-noTSX', 'Broadwell-noTSX', 'Skylake-Server', 'Cascadelake-Server', 'Icelake-Server'];
const SNAPSHOT_POLICIES: ReadonlyArray<Omit<SnapshotConfig, 'mtime'>> = [
  { duration: 3600, option: 'hour' },
  { duration: 7200, option: 'hour' },
  { duration: 21600, option: 'hour' },
  { duration: 86400, option: 'day' },
  { duration: 604800, option: 'week' },
];

/** A cluster's host IPs: `count` consecutive addresses in its management /24. */
function planAddresses(first: string, count: number): string[] {
  const parts = first.split('.').map(Number);
  const last = parts[3] ?? 11;
  return Array.from({ length: count }, (_, i) => [parts[0], parts[1], parts[2], last + i].join('.'));
}

interface ClusterPlan {
  name: string;
  desc: string;
  ctime: number;
  ips: string[];
  statuses: HostStatus[];
}

function buildCluster(env: SimEnv, rng: Rng, plan: ClusterPlan): Cluster {
  const centers = plan.ips.length >= 4 || rng.chance(0.5) ? 3 : 1;
  const separateStorage = rng.chance(0.65);
  const separateCompute = rng.chance(0.3);
  const allFlash = rng.chance(0.45);
  const nicName = rng.pick(NIC_NAMES);
  const baseline = rng.pick(BASELINES);
  const now = env.clock.startedAt;
  const hosts = plan.ips.map((ip, index) => {
    const [, , c, d] = ip.split('.');
    return generateHost(rng, {
      ip,
      index,
      storageIp: separateStorage ? `172.16.${c}.${d}` : null,
      computeIp: separateCompute ? `192.168.${c}.${d}` : null,
      nicName,
      baseline,
      allFlash,
      center: index < centers,
      status: plan.statuses[index] ?? HOST_STATUS.healthy,
      ctime: plan.ctime + index * rng.int(60_000, 3_600_000),
      now,
    });
  });
  const policy = rng.pick(SNAPSHOT_POLICIES);
  return {
    uuid: rng.uuid(),
    name: plan.name,
    desc: plan.desc,
    ctime: plan.ctime,
    tenants: Array.from({ length: rng.int(1, 4) }, () => rng.uuid()),
    hosts,
    pools: rng.int(1, 6),
    volumesFailed: rng.chance(0.1) ? rng.int(1, 2) : 0,
    thinFactor: rng.float(1.4, 3.2),
    external: rng.chance(0.35)
      ? (() => {
          const totalBytes = rng.int(20, 400) * 1000 ** 4;
          return { totalBytes, usedBytes: Math.round(totalBytes * rng.float(0.1, 0.8)), pools: rng.int(1, 4), volumes: rng.int(4, 120) };
        })()
      : null,
    snapshotConfig: { ...policy, mtime: plan.ctime + rng.int(1, 20) * DAY },
    metaNodes: new Map(hosts.filter((h) => h.roles.center).map((h) => [h.ip, metaNode(h.ip, now + 3_600_000)])),
    inspection: idleInspection(),
    drs: DEFAULT_DRS_CONFIG,
    overAllocation: DEFAULT_OVER_ALLOCATION,
    services: null,
    sdn: null,
    deleted: false,
  };
}

/** Past automatic and manual snapshots, then the schedule from now on. */
function seedSnapshots(env: SimEnv, rng: Rng, cluster: Cluster): void {
  const period = cluster.snapshotConfig.duration * 1000;
  const next = env.clock.startedAt + rng.int(1, cluster.snapshotConfig.duration) * 1000;
  for (const node of cluster.metaNodes.values()) {
    const skew = rng.int(0, 9) * 1000;
    // The daemon has been running for up to seven periods, never since before the cluster existed.
    const first = Math.ceil((cluster.ctime + 1 - (next + skew)) / period);
    node.nextAutoAt = next + skew + Math.max(-AUTO_RETENTION, first) * period;
    catchUp(node, period, next + skew - period);
    for (let m = rng.int(0, 2); m > 0; m--) takeSnapshot(node, env.clock.startedAt - rng.int(1, 30 * 86_400) * 1000, true);
    node.nextAutoAt = next + skew;
  }
}

/**
 * A background task on a host that `/v1/cluster/host/task/progress` follows; `done`
 * runs when it ends, unless the cluster is gone or another task replaced it.
 */
export function startHostTask(
  env: SimEnv,
  cluster: Cluster,
  host: Host,
  task: { job: HostTask['job']; startedAt: number; durationMs: number },
  done: (succeeded: boolean) => void,
): void {
  const fails = env.operationFails();
  const mine: HostTask = { ...task, outcome: 'running', failedAt: Math.round(env.rng.float(0.2, 0.9) * 100) / 100 };
  host.task = mine;
  env.scheduler.at(task.startedAt + (fails ? Math.round(task.durationMs * mine.failedAt) : task.durationMs), () => {
    if (cluster.deleted || host.task !== mine) return;
    mine.outcome = fails ? 'failed' : 'succeeded';
    done(!fails);
  });
}

/**
 * A join task for a host that is still being added; success puts it in service,
 * failure leaves it out of service with the task reporting where it stopped.
 */
function startJoinTask(env: SimEnv, cluster: Cluster, host: Host, startedAt: number, durationMs: number): void {
  startHostTask(env, cluster, host, { job: 'agent', startedAt, durationMs }, (succeeded) => {
    if (!succeeded) return;
    host.status = HOST_STATUS.healthy;
    host.maintenance = false;
  });
}

/**
 * Host statuses for the i-th generated cluster: mostly healthy, with a down host in
 * every fifth cluster and a host out of service (maintenance or joining) in every
 * fourth, so every status shows at the default size.
 */
function seedStatuses(i: number, count: number): HostStatus[] {
  const statuses: HostStatus[] = Array.from({ length: count }, () => HOST_STATUS.healthy);
  if (i % 5 === 2) statuses[count - 1] = HOST_STATUS.down;
  if (i % 4 === 1) statuses[count - 2] = HOST_STATUS.notInUse;
  return statuses;
}

export function generateState(env: SimEnv): HciState {
  const rng = env.rng.fork('fleet');
  const clusters = new Map<string, Cluster>();
  /** Clusters named so far per purpose and site: the next one takes the next number. */
  const named = new Map<string, number>();
  const start = env.clock.startedAt;
  for (let i = 0; i < env.clusters; i++) {
    const purpose = PURPOSES[i % PURPOSES.length] as string;
    const [site, siteCn] = rng.pick(SITES);
    const n = (named.get(`${purpose}-${site}`) ?? 0) + 1;
    named.set(`${purpose}-${site}`, n);
    const name = `hci-${purpose}-${site}-${String(n).padStart(2, '0')}`;
    const hostCount = rng.int(3, 8);
    const ips = planAddresses(`10.${30 + Math.floor(i / 200)}.${10 + (i % 200)}.${rng.pick([11, 21, 101])}`, hostCount);
    const cluster = buildCluster(env, rng, {
      name,
      desc: `${siteCn}${PURPOSE_CN[purpose] ?? ''}`,
      ctime: start - rng.int(30, 900) * DAY,
      ips,
      statuses: seedStatuses(i, hostCount),
    });
    clusters.set(cluster.uuid, cluster);
    seedSnapshots(env, rng, cluster);
    seedHistory(env, rng, cluster, i);
  }
  ensureEveryVmState(rng, clusters);
  const byIp = new Map<string, Cluster>();
  for (const cluster of clusters.values()) for (const host of cluster.hosts) byIp.set(host.ip, cluster);
  return { clusters, byIp };
}

/**
 * Past inspections and host tasks, rotating through every outcome: some clusters were
 * never inspected, others finished, were stopped or aborted, and one in six is being
 * inspected right now; every eighth cluster has a host still joining, a few hosts
 * finished a task earlier and every seventh has a host whose last task failed.
 */
function seedHistory(env: SimEnv, rng: Rng, cluster: Cluster, i: number): void {
  const start = env.clock.startedAt;
  const checks = { system: true, network: rng.chance(0.8), hardware: rng.chance(0.6) };
  const kind = i % 6;
  if (kind !== 0) {
    const begun = kind === 4 ? start - rng.int(30_000, 120_000) : start - rng.int(1, 40) * DAY;
    // Only the one running now draws its outcome; the past ones rotate through both.
    const fails = kind === 4 ? env.operationFails() : kind === 2;
    cluster.inspection = startInspection(env, cluster.hosts, checks, begun, fails, kind === 3 ? rng.float(0.2, 0.7) : undefined);
  }
  const joining = cluster.hosts.find((h) => h.status === HOST_STATUS.notInUse);
  if (joining && i % 8 === 1) startJoinTask(env, cluster, joining, start - rng.int(60_000, 300_000), rng.int(12, 25) * 60_000);
  for (const host of cluster.hosts) {
    if (host.task || !rng.chance(0.2)) continue;
    host.task = { job: 'agent', startedAt: start - rng.int(2, 60) * DAY, durationMs: rng.int(5, 20) * 60_000, outcome: 'succeeded', failedAt: 0 };
  }
  const upgraded = cluster.hosts.find((h) => h.status === HOST_STATUS.healthy);
  if (i % 7 === 5 && upgraded) {
    upgraded.task = { job: 'agent', startedAt: start - rng.int(1, 5) * DAY, durationMs: 15 * 60_000, outcome: 'failed', failedAt: rng.int(20, 80) / 100 };
  }
}

/** Rarely seen VM states (crashed, cloning...) still show up somewhere in the fleet. */
function ensureEveryVmState(rng: Rng, clusters: Map<string, Cluster>): void {
  const healthy = [...clusters.values()].flatMap((c) => c.hosts.filter((h) => h.status === HOST_STATUS.healthy));
  VM_STATES.forEach((state, k) => {
    if (healthy.some((h) => h.vms[state] > 0)) return;
    const host = healthy[(k * 7) % Math.max(1, healthy.length)];
    if (host) addVm(rng, host, state);
  });
}

export function findCluster(state: HciState, uuid: string): Cluster {
  const cluster = state.clusters.get(uuid);
  if (!cluster) throw errors.clusterNotFound(uuid);
  return cluster;
}

export function findHost(cluster: Cluster, uuid: string): Host {
  const host = cluster.hosts.find((h) => h.uuid === uuid);
  if (!host) throw errors.hostNotFound(uuid);
  return host;
}

/**
 * The center node a metadata request names, its automatic snapshots caught up to
 * `now`; it must be up to answer (a down node's daemon takes nothing while down, and
 * nobody can look at it until it is up).
 */
export function findMetaNode(cluster: Cluster, ip: string, now: number): MetaNode {
  const node = cluster.metaNodes.get(ip);
  if (!node) throw errors.notCenterNode(ip);
  if (cluster.hosts.find((h) => h.ip === ip)?.status === HOST_STATUS.down) throw errors.centerUnreachable(ip);
  catchUp(node, cluster.snapshotConfig.duration * 1000, now);
  return node;
}

/**
 * `/v1/cluster/add`: the platform discovers the cluster from one node's IP; the node
 * and its neighbours in the same /24 join one after another (a host task each, 6 to 15
 * simulated minutes), so the new cluster's hosts go from "not in use" to healthy.
 */
export function addCluster(env: SimEnv, state: HciState, input: { ip: string; name: string; desc: string }): Cluster {
  const rng = env.rng.fork(`add:${input.name}:${env.clock.now()}`);
  const now = env.clock.now();
  const ips = planAddresses(input.ip, rng.int(3, 5));
  const clash = ips.find((ip) => state.byIp.has(ip));
  if (clash) throw errors.clusterExists(`host ${clash} already belongs to a cluster`);
  if ([...state.clusters.values()].some((c) => c.name === input.name)) throw errors.clusterExists(`name ${input.name}`);
  const cluster = buildCluster(env, rng, {
    name: input.name,
    desc: input.desc,
    ctime: now,
    ips,
    statuses: ips.map(() => HOST_STATUS.notInUse),
  });
  cluster.snapshotConfig = { duration: 3600, option: 'hour', mtime: now };
  for (const node of cluster.metaNodes.values()) node.nextAutoAt = now + 3_600_000;
  state.clusters.set(cluster.uuid, cluster);
  for (const host of cluster.hosts) state.byIp.set(host.ip, cluster);
  let at = now;
  for (const host of cluster.hosts) {
    const duration = rng.int(6, 15) * 60_000;
    startJoinTask(env, cluster, host, at, duration);
    at += duration;
  }
  return cluster;
}
