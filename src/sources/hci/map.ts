import type { Cluster, Host, Snapshot, Usage, Workflow, WorkflowStep } from '../../model/entities.js';
import { statusTable, type ClusterStatus, type SnapshotType, type WorkflowState } from '../../model/status.js';
import type {
  CenterNode,
  ClusterDetail,
  ClusterRow,
  ComputeStatistic,
  DrsConfig,
  HostStatistic,
  HostTaskReport,
  HostUsageInfo,
  InspectionItem,
  InspectionReport,
  OverAllocation,
  SnapshotPolicy,
  StorageSummary,
  TopAnswer,
  TopologyAnswer,
  TopRanking,
} from './wire.js';
import { hostId, snapshotId, workflowId } from './ids.js';
import { type TimeRules, vendorTime } from '../kit/time.js';

/** Pure mapping of HCI vendor JSON onto the unified model. */

// ---- Units ----

/**
 * The vendor's `int64` times are Unix seconds (`ctime`, `MTime`, snapshot file names);
 * a value too large for seconds is taken as milliseconds. 0 is the vendor's "unknown"
 * (the list example's `ctime: 0`).
 */
export const TIME: TimeRules = { millisFrom: 1e12 };

/** `{Logical, Physical}` as used/total; a host that reports no hardware (Physical 0) has no figure. */
function allocationUsage(a: { Logical: number; Physical: number } | null | undefined, unit: Usage['unit']): Usage | undefined {
  if (!a || a.Physical <= 0) return undefined;
  return { used: a.Logical, total: a.Physical, unit };
}

// ---- Hosts ----

/**
 * `HostStatistics[].Status`. The document shows only 1 (beside `HostSummary`'s
 * `Healthy`/`NoInUse` counters); 0 is a host not in use (maintenance, or still
 * joining), 2 a host that is down (its agent does not answer).
 */
export const hostStatus = statusTable({ '0': 'OFFLINE', '1': 'ONLINE', '2': 'FAILED' } as const, 'UNKNOWN');

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function toHost(sourceId: string, clusterUuid: string, h: HostStatistic): Host {
  const cpu = allocationUsage(h.Cpu, 'CORES');
  const memory = allocationUsage(h.Mem, 'BYTES');
  return {
    sourceId,
    raw: h,
    nativeId: hostId(clusterUuid, h.HostUUID),
    clusterNativeId: clusterUuid,
    name: h.Name,
    // The platform names hosts by their management address.
    addresses: IPV4.test(h.Name) ? [h.Name] : [],
    status: hostStatus(h.Status),
    rawStatus: String(h.Status),
    ...(cpu || memory ? { usage: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } } : {}),
    labels: Object.entries(h.Label ?? {}).map(([key, value]) => ({ key, value })),
  };
}

// ---- Clusters ----

/**
 * The platform has no cluster status field, so the status is derived from what its
 * hosts and volumes report, and `rawStatus` names the condition found (these words
 * are Fleetgate's, each stands for the vendor figures in `clusterCondition`).
 */
export const CLUSTER_CONDITIONS = {
  'no-hosts': 'UNKNOWN',
  /** No host healthy and at least one down. */
  'hosts-down-none-healthy': 'FAILED',
  /** Every host still out of service: a cluster just added whose hosts are joining. */
  'all-hosts-not-in-use': 'CREATING',
  'hosts-down': 'DEGRADED',
  /** Degraded or failed storage volumes. */
  'volumes-degraded': 'DEGRADED',
  /** Some hosts in maintenance or joining; the rest serve. */
  'hosts-not-in-use': 'RUNNING',
  healthy: 'RUNNING',
} as const satisfies Record<string, ClusterStatus>;
export type ClusterCondition = keyof typeof CLUSTER_CONDITIONS;

export const clusterStatus = statusTable(CLUSTER_CONDITIONS, 'UNKNOWN');

export function clusterCondition(stats: ComputeStatistic, storage: StorageSummary): ClusterCondition {
  const { Total, Healthy, NoInUse } = stats.HostSummary;
  const down = Math.max(0, Total - Healthy - NoInUse);
  if (Total === 0) return 'no-hosts';
  if (Healthy === 0 && down > 0) return 'hosts-down-none-healthy';
  if (NoInUse === Total) return 'all-hosts-not-in-use';
  if (down > 0) return 'hosts-down';
  if ((storage.inner.volume_degrade_count ?? 0) > 0 || (storage.inner.volume_failed_count ?? 0) > 0) return 'volumes-degraded';
  if (NoInUse > 0) return 'hosts-not-in-use';
  return 'healthy';
}

/** Converged and external storage together: both hold the cluster's volumes. */
function storageUsage(storage: StorageSummary): Usage {
  const total = storage.inner.total_size + (storage.external?.total_size ?? 0);
  const used = storage.inner.used + (storage.external?.used ?? 0);
  return { used, total, unit: 'BYTES' };
}

export interface ClusterSources {
  row: ClusterRow;
  /** Left out when no one reads what only it gives (`DETAIL_FIELDS`), or when its call failed. */
  detail?: ClusterDetail;
  /** Left out when its call failed: the fields it feeds (`STATISTIC_FIELDS`) are then unknown. */
  stats?: ComputeStatistic;
  /** Left out when its call failed: the fields it feeds (`STORAGE_FIELDS`) are then unknown. */
  storage?: StorageSummary;
}

/** The cluster fields only its detail call gives: the center nodes' addresses, and the record itself. */
export const DETAIL_FIELDS: ReadonlySet<string> = new Set(['endpoints', 'raw']);

/**
 * What each call past the list feeds, for a cluster whose call failed: the cluster's
 * fields, and the fields of its `usage`. The status reads both the hosts and the volumes.
 */
export const DETAIL_FEEDS = { cluster: ['endpoints'], usage: [] } as const;
export const STATISTIC_FEEDS = { cluster: ['status', 'rawStatus', 'nodeCount'], usage: ['cpu', 'memory'] } as const;
export const STORAGE_FEEDS = { cluster: ['status', 'rawStatus'], usage: ['storage'] } as const;

/** The fields of a cluster its list row alone gives (HCI clusters have no labels): enough to order by name or creation. */
export const CLUSTER_OUTLINE_FIELDS: ReadonlySet<string> = new Set(['sourceId', 'nativeId', 'name', 'kind', 'labels', 'createdAt']);

export function clusterOutline(sourceId: string, row: ClusterRow): Pick<Cluster, 'sourceId' | 'nativeId' | 'name' | 'kind' | 'labels' | 'createdAt'> {
  const createdAt = vendorTime(row.ctime, TIME);
  return { sourceId, nativeId: row.cluster_uuid, name: row.cluster_name, kind: 'HCI', labels: [], ...(createdAt ? { createdAt } : {}) };
}

/**
 * A cluster from its list row (`ctime`), detail (center nodes), compute statistic
 * (hosts, vCPU and memory given to VMs against the hardware's) and storage summary.
 * Without the statistic or the storage summary the status cannot be told: it is
 * UNKNOWN with an empty `rawStatus`, and the caller records why (`STATISTIC_FEEDS`).
 */
export function toCluster(sourceId: string, { row, detail, stats, storage }: ClusterSources): Cluster {
  const condition = stats && storage ? clusterCondition(stats, storage) : undefined;
  const cpu = stats && allocationUsage(stats.UsageRatio.Cpu, 'CORES');
  const memory = stats && allocationUsage(stats.UsageRatio.Mem, 'BYTES');
  return {
    ...clusterOutline(sourceId, row),
    raw: { row, ...(detail ? { detail } : {}), ...(stats ? { stats } : {}), ...(storage ? { storage } : {}) },
    status: condition ? clusterStatus(condition) : 'UNKNOWN',
    rawStatus: condition ?? '',
    // The center nodes run the platform's management service.
    endpoints: (detail?.candidates ?? []).map((address) => ({ address, public: false })),
    ...(stats ? { nodeCount: stats.HostSummary.Total } : {}),
    usage: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}), ...(storage ? { storage: storageUsage(storage) } : {}) },
  };
}

// ---- Metadata snapshots ----

const SNAPSHOT_FILE = /^snapshot(\d+)\.db$/;

/** The Unix time in a `snapshot<unix>.db` file name. */
export function snapshotTime(file: string): number | undefined {
  const m = SNAPSHOT_FILE.exec(file);
  return m ? Number(m[1]) : undefined;
}

/**
 * How far a scheduled snapshot may stray from its slot. The document's own list, under
 * an hourly policy, has files 3596 to 3604 seconds apart.
 */
const SCHEDULE_SLACK_S = 10;

const near = (a: number, b: number) => Math.abs(a - b) <= SCHEDULE_SLACK_S;

/**
 * The list gives bare file names, so whether the backup policy or a person took a file
 * is read from its time: the policy takes one every `duration` seconds, so a file one
 * period from another file on the same node is AUTOMATED, and so is a schedule's first
 * file, one period after the policy was set (`MTime`); any other is MANUAL. Without the
 * policy every file counts as MANUAL.
 */
export function snapshotType(at: number, siblings: readonly number[], policy: SnapshotPolicy | null): SnapshotType {
  if (!policy || policy.duration <= 0) return 'MANUAL';
  const period = policy.duration;
  const firstAfterPolicy = near(at - policy.MTime, period);
  const periodFromSibling = siblings.some((s) => near(Math.abs(at - s), period));
  return firstAfterPolicy || periodFromSibling ? 'AUTOMATED' : 'MANUAL';
}

/**
 * One center node's snapshot files. A listed file is complete: saving answers only
 * once the file exists and the vendor reports no size and no state, so `rawStatus` is
 * empty and `sizeBytes`/`finishedAt` stay unknown.
 */
export function toSnapshots(sourceId: string, clusterUuid: string, ip: string, files: readonly string[], policy: SnapshotPolicy | null): Snapshot[] {
  const times = files.map(snapshotTime);
  const known = times.filter((t): t is number => t !== undefined);
  return files.map((file, i) => {
    const at = times[i];
    const startedAt = vendorTime(at, TIME);
    return {
      sourceId,
      raw: { ip, file },
      nativeId: snapshotId(clusterUuid, ip, file),
      clusterNativeId: clusterUuid,
      name: file,
      status: 'AVAILABLE',
      rawStatus: '',
      type: at === undefined ? 'MANUAL' : snapshotType(at, known, policy),
      ...(startedAt ? { startedAt } : {}),
      description: `metadata snapshot on center node ${ip}`,
    };
  });
}

// ---- Workflows ----

/**
 * The inspection's `state`. The document shows only 0 (in its start and stop answers);
 * the rest follow the simulator: 1 checking, 2 finished, 3 stopped by the user,
 * 4 aborted.
 */
export const inspectionState = statusTable(
  { '0': 'PENDING', '1': 'RUNNING', '2': 'SUCCEEDED', '3': 'CANCELLED', '4': 'FAILED' } as const,
  'RUNNING' as WorkflowState,
);

/** Stands in for the run's id when the vendor leaves `status.UUID` empty. */
export const LATEST_RUN = 'latest';

/**
 * A cluster's latest inspection as a workflow; null when none ever ran (state 0 with
 * no run id and nothing done). An unknown state counts as RUNNING: the run exists and
 * has not said it ended.
 */
export function inspectionWorkflow(sourceId: string, clusterUuid: string, r: InspectionReport): Workflow | null {
  const runUuid = r.status?.UUID || '';
  if (r.state === 0 && runUuid === '' && r.finishedPercent === 0) return null;
  const state = inspectionState(r.state);
  const failure = r.status?.code ? r.status.message || `code ${r.status.code}` : undefined;
  const summary =
    r.normal != null || r.alarm != null || r.fault != null
      ? `${r.normal ?? 0} normal, ${r.alarm ?? 0} alarm, ${r.fault ?? 0} fault${r.score != null ? `, score ${r.score}` : ''}`
      : undefined;
  const message = failure ?? (state === 'RUNNING' && r.checking ? `checking ${r.checking}` : summary);
  return {
    sourceId,
    raw: r,
    nativeId: workflowId({ kind: 'inspection', clusterUuid, runUuid: runUuid || LATEST_RUN }),
    kind: 'InspectCluster',
    target: { type: 'Cluster', nativeId: clusterUuid },
    clusterNativeId: clusterUuid,
    state,
    rawState: String(r.state),
    progress: Math.min(1, Math.max(0, r.finishedPercent / 100)),
    ...(message ? { message } : {}),
    steps: [],
  };
}

/**
 * A host's task as a workflow. The vendor reports only progress: a failure code means
 * FAILED, progress below 1 RUNNING, 1 SUCCEEDED. `rawState` is the vendor's code.
 */
export function hostTaskWorkflow(sourceId: string, clusterUuid: string, hostUuid: string, task: HostTaskReport): Workflow {
  const state: WorkflowState = task.failure ? 'FAILED' : task.progress < 1 ? 'RUNNING' : 'SUCCEEDED';
  return {
    sourceId,
    nativeId: workflowId({ kind: 'host-task', clusterUuid, hostUuid }),
    kind: 'HostTask',
    target: { type: 'Host', nativeId: hostId(clusterUuid, hostUuid) },
    clusterNativeId: clusterUuid,
    state,
    rawState: task.failure?.code ?? '0',
    progress: Math.min(1, Math.max(0, task.progress)),
    ...(task.failure ? { message: task.failure.message } : {}),
    steps: [],
  };
}

/**
 * Hosts whose task is worth asking about: those not in use (status 0), which is how a
 * joining host shows. Healthy hosts answer 1 for "no task", so asking each would cost a
 * call per host for nothing.
 */
export const mayBeJoining = (h: HostStatistic): boolean => h.Status === 0;

/**
 * Whether a not-in-use host has a task to show: one that reports 1 without error has
 * none (it is in maintenance), so it yields no workflow in lists.
 */
export const hasTask = (task: HostTaskReport): boolean => task.failure !== undefined || task.progress < 1;

/**
 * Where one host stands in joining its cluster: `task` is its task's report when the
 * host may be joining (see `mayBeJoining`), null when it is a member already (in
 * service, or down after having served).
 */
export interface HostJoin {
  name: string;
  task: HostTaskReport | null;
}

/** One host's part of the join. A task at 0 is queued: the platform joins hosts one after another. */
function joinStep({ name, task }: HostJoin): { step: WorkflowStep; progress: number } {
  if (!task) return { step: { name, state: 'SUCCEEDED' }, progress: 1 };
  const progress = Math.min(1, Math.max(0, task.progress));
  if (task.failure) return { step: { name, state: 'FAILED', message: task.failure.message }, progress };
  return { step: { name, state: progress >= 1 ? 'SUCCEEDED' : progress > 0 ? 'RUNNING' : 'PENDING' }, progress };
}

/**
 * The cluster's hosts joining it, as one workflow: what adding a cluster starts. The
 * vendor tracks only each host's task, so this aggregates them, a step per host:
 * progress is the mean of the hosts' progress, and the workflow ends only when every
 * host has (a failed host does not stop the others joining), FAILED if any failed,
 * with the failed hosts' messages. A cluster with no host yet is PENDING: the
 * platform has not discovered any.
 */
export function joinWorkflow(sourceId: string, clusterUuid: string, hosts: readonly HostJoin[]): Workflow {
  const parts = hosts.map(joinStep);
  const steps = parts.map((p) => p.step);
  const failed = steps.filter((s) => s.state === 'FAILED');
  const joined = steps.filter((s) => s.state === 'SUCCEEDED').length;
  const state: WorkflowState = steps.every((s) => s.state === 'PENDING')
    ? 'PENDING'
    : steps.some((s) => s.state === 'RUNNING' || s.state === 'PENDING')
      ? 'RUNNING'
      : failed.length > 0
        ? 'FAILED'
        : 'SUCCEEDED';
  const message =
    steps.length === 0
      ? 'no host has been discovered yet'
      : state === 'FAILED'
        ? failed.map((s) => `${s.name}: ${s.message}`).join('; ')
        : `${joined} of ${steps.length} hosts joined`;
  const firstFailure = hosts.find((h) => h.task?.failure)?.task?.failure;
  return {
    sourceId,
    raw: { hosts },
    nativeId: workflowId({ kind: 'join', clusterUuid }),
    kind: 'JoinCluster',
    target: { type: 'Cluster', nativeId: clusterUuid },
    clusterNativeId: clusterUuid,
    state,
    rawState: firstFailure?.code ?? '0',
    progress: parts.length === 0 ? 0 : parts.reduce((sum, p) => sum + p.progress, 0) / parts.length,
    message,
    steps,
  };
}

// ---- HCI's own capabilities (docs/vendor-capabilities.md) ----

export type InspectionCategory = 'system' | 'network' | 'hardware';
const INSPECTION_CATEGORIES: readonly InspectionCategory[] = ['system', 'network', 'hardware'];

/** An item's `level`, as the report's `normal`, `alarm` and `fault` counters count them. */
export const findingLevel = statusTable({ '0': 'NORMAL', '1': 'ALARM', '2': 'FAULT' } as const, 'UNKNOWN');
export type FindingLevel = ReturnType<typeof findingLevel>;

/** One item an inspection checked on one host. */
export interface HciFinding {
  category: InspectionCategory;
  hostNativeId: string;
  /** The host's management address, as the platform names hosts. */
  hostName: string | null;
  item: string;
  /** The platform's own (Chinese) name of the item. */
  itemName: string | null;
  level: FindingLevel;
  rawLevel: string;
  value: string | null;
  suggestion: string | null;
}

/** A cluster's latest inspection, item by item, with the workflow it is as well. */
export interface HciInspection {
  workflow: Workflow;
  score: number | null;
  normal: number | null;
  alarm: number | null;
  fault: number | null;
  findings: HciFinding[];
}

const toFinding = (clusterUuid: string, category: InspectionCategory, i: InspectionItem): HciFinding => ({
  category,
  hostNativeId: hostId(clusterUuid, i.host_uuid),
  hostName: i.host_name || null,
  item: i.item,
  itemName: i.item_cn || null,
  level: findingLevel(i.level),
  rawLevel: String(i.level),
  value: i.value ?? null,
  suggestion: i.suggestion || null,
});

/** The latest inspection with its findings by category, then as the vendor lists them; null when none ever ran. */
export function toInspection(sourceId: string, clusterUuid: string, r: InspectionReport): HciInspection | null {
  const workflow = inspectionWorkflow(sourceId, clusterUuid, r);
  if (!workflow) return null;
  return {
    workflow,
    score: r.score ?? null,
    normal: r.normal ?? null,
    alarm: r.alarm ?? null,
    fault: r.fault ?? null,
    findings: INSPECTION_CATEGORIES.flatMap((c) => r[c].map((i) => toFinding(clusterUuid, c, i))),
  };
}

/** A host's place in one of `/v1/cluster/top`'s rankings, with every figure the vendor sends beside it. */
export interface HciHostUsage {
  hostNativeId: string;
  hostName: string | null;
  address: string | null;
  kernelVersion: string | null;
  uptimeSeconds: number | null;
  cpuPercent: number | null;
  memoryPercent: number | null;
  netReceiveIops: number | null;
  netSendIops: number | null;
  netReceiveRate: number | null;
  netSendRate: number | null;
  diskReadIops: number | null;
  diskWriteIops: number | null;
  diskReadSpeed: number | null;
  diskWriteSpeed: number | null;
  diskReadIowait: number | null;
  diskWriteIowait: number | null;
}

export const toHostUsage = (clusterUuid: string, u: HostUsageInfo): HciHostUsage => ({
  hostNativeId: hostId(clusterUuid, u.host_info.uuid),
  hostName: u.host_info.hostname || null,
  address: u.host_info.addr || null,
  kernelVersion: u.host_info.kernel_version || null,
  uptimeSeconds: u.host_info.uptime ?? null,
  cpuPercent: u.cpu_usage ?? null,
  memoryPercent: u.mem_usage ?? null,
  netReceiveIops: u.net_riops ?? null,
  netSendIops: u.net_wiops ?? null,
  netReceiveRate: u.net_rmbps ?? null,
  netSendRate: u.net_wmbps ?? null,
  diskReadIops: u.disk_riops ?? null,
  diskWriteIops: u.disk_wiops ?? null,
  diskReadSpeed: u.disk_rspeed ?? null,
  diskWriteSpeed: u.disk_wspeed ?? null,
  diskReadIowait: u.disk_riowait ?? null,
  diskWriteIowait: u.disk_wiowait ?? null,
});

/**
 * One ranking of a `/v1/cluster/top` answer, highest first. The document's table names
 * one list per figure, its example only `list`, ranked by cpu: an answer without
 * `cpu_usage_info` gives `list` for it.
 */
export function toRanking(clusterUuid: string, answer: TopAnswer, ranking: TopRanking): HciHostUsage[] {
  const rows = ranking === 'cpu_usage_info' && answer.cpu_usage_info.length === 0 ? answer.list : answer[ranking];
  return rows.map((u) => toHostUsage(clusterUuid, u));
}

/** DRS (load balancing by live migration) and DPM (powering hosts down and up) of one cluster. */
export interface HciDrsSettings {
  drs: {
    enabled: boolean;
    maxStep: number | null;
    maxConcurrentMigrations: number | null;
    maxHostConcurrentMigrations: number | null;
    thresholdLevel: number | null;
    minBenefitLevel: number | null;
  } | null;
  dpm: { enabled: boolean; highThreshold: number | null; lowThreshold: number | null } | null;
}

/**
 * A DPM threshold as a share of 0..1. The table says "0~100%", the example sends 0.8
 * and 0.45: a value above 1 is read as a percentage.
 */
export const dpmShare = (v: number | null | undefined): number | null => (v == null ? null : v > 1 ? v / 100 : v);

export const toDrsSettings = (c: DrsConfig): HciDrsSettings => ({
  drs: c.DRS
    ? {
        enabled: c.DRS.Enabled,
        maxStep: c.DRS.MaxStep ?? null,
        maxConcurrentMigrations: c.DRS.MaxConcurrentMigration ?? null,
        maxHostConcurrentMigrations: c.DRS.MaxHostConcurrentMigration ?? null,
        thresholdLevel: c.DRS.ThresholdLevel ?? null,
        minBenefitLevel: c.DRS.MinBenefitLevel ?? null,
      }
    : null,
  dpm: c.DPM ? { enabled: c.DPM.Enabled, highThreshold: dpmShare(c.DPM.HighThreshold), lowThreshold: dpmShare(c.DPM.LowThreshold) } : null,
});

/** Caps on a cluster's use, as shares of 0..1; null where the vendor sends none. */
export interface HciOverAllocation {
  storage: number | null;
  cpu: number | null;
  memory: number | null;
  dataDisk: number | null;
}

export const toOverAllocation = (o: OverAllocation): HciOverAllocation => ({
  storage: o.StorOverAllocationThreshold ?? null,
  cpu: o.CPUOverAllocationThreshold ?? null,
  memory: o.MemOverAllocationThreshold ?? null,
  dataDisk: o.USDOverAllocationThreshold ?? null,
});

/** A center node's etcd member as it reports itself; a figure it leaves out or blank is null. */
export interface HciEtcd {
  healthy: boolean | null;
  rawHealth: string | null;
  members: number | null;
  healthyCenterNodes: number | null;
  unhealthyCenterNodes: number | null;
  dbSizeBytes: number | null;
  dataDirCapacityBytes: number | null;
  dataDirFreeBytes: number | null;
  proposalsFailed: number | null;
  proposalsPending: number | null;
  leaderChanges: number | null;
}

export interface HciCenterNode {
  hostNativeId: string;
  address: string | null;
  leader: boolean;
  /** `status`: the example shows 1 for the node answering; the document names no values. */
  rawStatus: string | null;
  etcd: HciEtcd | null;
}

/** The management plane: its center nodes and the licence they report. */
export interface HciManagement {
  licenceInstalled: boolean | null;
  licenceExpiresAt: string | null;
  centerNodes: HciCenterNode[];
}

/** A Prometheus figure printed as text ("2.2687744e+07"); blank or not a number is null. */
const figure = (v: string | undefined): number | null => {
  if (v === undefined || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

/** `etcd_cluter_health` (sic): the example's "health"; anything else it says is not healthy. */
export function toEtcd(info: Record<string, string>): HciEtcd {
  const raw = info.etcd_cluter_health ?? info.etcd_cluster_health;
  return {
    healthy: raw ? raw === 'health' || raw === 'healthy' : null,
    rawHealth: raw || null,
    members: figure(info.etcd_node_count),
    healthyCenterNodes: figure(info.center_node_health),
    unhealthyCenterNodes: figure(info.center_node_unhealth),
    dbSizeBytes: figure(info.etcd_debugging_mvcc_db_total_size_in_bytes),
    dataDirCapacityBytes: figure(info.etcd_data_dir_disk_capacity),
    dataDirFreeBytes: figure(info.etcd_data_dir_disk_free),
    proposalsFailed: figure(info.etcd_server_proposals_failed_total),
    proposalsPending: figure(info.etcd_server_proposals_pending),
    leaderChanges: figure(info.etcd_server_leader_changes_seen_total),
  };
}

/**
 * Every center node reports the cluster's licence; the leader's is taken (else the
 * first's). The expiry is Unix seconds; 0 is the vendor's "unknown".
 */
export function toManagement(clusterUuid: string, nodes: CenterNode[]): HciManagement {
  const licence = nodes.find((n) => n.is_leader) ?? nodes[0];
  return {
    licenceInstalled: licence?.license_existed ?? null,
    licenceExpiresAt: vendorTime(licence?.license_expire_date, TIME) ?? null,
    centerNodes: nodes.map((n) => ({
      hostNativeId: hostId(clusterUuid, n.uuid),
      address: n.ip || null,
      leader: n.is_leader ?? false,
      rawStatus: n.status == null ? null : String(n.status),
      etcd: n.etcd_base_info && Object.keys(n.etcd_base_info).length > 0 ? toEtcd(n.etcd_base_info) : null,
    })),
  };
}

/** Metadata backups on one center node: how often, and whether the daemon taking them runs. */
export interface HciMetadataBackup {
  address: string;
  /** Seconds between automatic snapshots (`duration`); null where the node reports no policy. */
  intervalSeconds: number | null;
  /** How the console shows the interval: hour, day or week. */
  displayOption: string | null;
  changedAt: string | null;
  /** The daemon's state is `running` in the example; anything else is taken as not running. */
  daemonRunning: boolean | null;
  rawDaemonState: string | null;
}

export const toMetadataBackup = (address: string, policy: SnapshotPolicy | null, daemon: string | null): HciMetadataBackup => ({
  address,
  intervalSeconds: policy?.duration ?? null,
  displayOption: policy?.DisplayOption || null,
  changedAt: vendorTime(policy?.MTime, TIME) ?? null,
  daemonRunning: daemon ? daemon === 'running' : null,
  rawDaemonState: daemon || null,
});

// ---- Network topology ----

/** A VM the console draws beside its host, at (x, y) in the canvas asked for. */
export interface HciTopologyVm {
  nativeId: string;
  name: string | null;
  /** The vendor's word: nvm, GPE, GTVR, cvm... for the platform's own, GUS for users' VMs. */
  type: string | null;
  /** The tenant (namespace uuid) it serves; null for the platform's own VMs, which the answer gives none. */
  tenantId: string | null;
  x: number;
  y: number;
}

/** A network interface of a host as the drawing reports it; what the vendor leaves blank is null. */
export interface HciTopologyInterface {
  address: string;
  name: string | null;
  mac: string | null;
  systemName: string | null;
  port: string | null;
  healthy: boolean | null;
}

/** A host in the drawing, with what runs on it. */
export interface HciTopologyHost {
  /** The address the drawing keys the host by, with its prefix (`10.30.12.120/24`). */
  address: string;
  x: number;
  y: number;
  interfaces: HciTopologyInterface[];
  /** `Hosts`: the platform's own VMs on it (network node, edge gateways, cloud manager, storage access). */
  platformVms: HciTopologyVm[];
  /** `SecVirtMachine`: tenants' network security elements (edge gateways, virtual routers). */
  securityVms: HciTopologyVm[];
  /** `VirtMachine`: users' VMs. */
  vms: HciTopologyVm[];
}

export interface HciTopology {
  clusterName: string | null;
  hosts: HciTopologyHost[];
}

/**
 * `all_cluster/topology`: the drawing keyed by the cluster asked for. An answer without
 * it draws nothing: no hosts. Hosts come in the answer's order.
 */
export function toTopology(clusterUuid: string, answer: TopologyAnswer): HciTopology {
  const drawing = answer.info?.[clusterUuid];
  return {
    clusterName: drawing?.ClusterName ?? null,
    hosts: Object.entries(drawing?.HostIFacesInfo ?? {}).map(([address, h]) => ({
      address,
      x: h.CoordinateX,
      y: h.CoordinateY,
      interfaces: Object.entries(h.IFacesInfo ?? {}).map(([key, i]) => ({
        address: i.IP ?? key,
        name: i.IFaceName,
        mac: i.Mac,
        systemName: i.SysName,
        port: i.Port,
        healthy: i.Health ?? null,
      })),
      platformVms: h.Hosts.map((v) => ({ nativeId: v.UUID, name: v.Name, type: v.Type, tenantId: null, x: v.CoordinateX, y: v.CoordinateY })),
      securityVms: h.SecVirtMachine.map((v) => ({
        nativeId: v.VmSeverUUID,
        name: v.VMName,
        type: v.SecurityType,
        tenantId: v.Namespace,
        x: v.CoordinateX,
        y: v.CoordinateY,
      })),
      vms: h.VirtMachine.map((v) => ({ nativeId: v.UUID, name: v.Name, type: v.Type, tenantId: v.Nsuuid, x: v.CoordinateX, y: v.CoordinateY })),
    })),
  };
}

/**
 * Host native ids by each address (CIDR form) the cluster's detail gives their networks:
 * the topology keys a host by one of them (the management address, in the simulator).
 * Should two hosts list one address, the first keeps it.
 */
export function hostsByAddress(clusterUuid: string, detail: ClusterDetail): Map<string, string> {
  const byAddress = new Map<string, string>();
  for (const node of detail.TopoHostNode) {
    if (!node.UUID) continue;
    for (const net of [node.managerNet, node.storageNet, node.computeNet, node.backupNet]) {
      for (const address of net?.Addrs ?? []) if (!byAddress.has(address)) byAddress.set(address, hostId(clusterUuid, node.UUID));
    }
  }
  return byAddress;
}
