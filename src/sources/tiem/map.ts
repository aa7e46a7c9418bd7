import type { Cluster, Endpoint, Host, Label, ResourceUsage, Snapshot, Usage, Workflow, WorkflowStep } from '../../model/entities.js';
import type { WorkflowKind } from '../../model/workflow-kind.js';
import {
  type ClusterStatus,
  type HostStatus,
  type SnapshotStatus,
  type SnapshotType,
  statusTable,
  TERMINAL_WORKFLOW_STATES,
  type WorkflowState,
} from '../../model/status.js';
import type { TiemBackup, TiemClusterDetail, TiemClusterInfo, TiemInstance, TiemUsage, TiemWorkflowDetail, TiemWorkflowInfo } from './wire.js';
import { type TimeRules, vendorTime } from '../kit/time.js';

/*
 * TiEM → unified model. Pure functions of TiEM's JSON: no I/O, no clock.
 *
 * Units: structs.Usage counts CPU in cores and memory/storage in GiB, `usageRate` is a
 * ratio 0..1; backup `size` is in MB (MiB, as BR reports it). Times are Go's RFC 3339;
 * Go's zero time (`0001-01-01T00:00:00Z`) is how TiEM says "not set".
 */

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

// ---------------------------------------------------------------- status tables

/**
 * ClusterRunningStatus, read when no maintenance overrides it (see MAINTENANCE_STATUS).
 * Recovering is data being restored into the cluster: it is changing, not serving as usual.
 */
export const CLUSTER_STATUS = {
  Initializing: 'CREATING',
  Running: 'RUNNING',
  Stopped: 'STOPPED',
  Recovering: 'UPDATING',
  Failure: 'FAILED',
} as const satisfies Record<string, ClusterStatus>;

/**
 * ClusterMaintenanceStatus: what the cluster is busy with. A maintenance that changes
 * the cluster decides its unified status whatever the running status says (Running +
 * Stopping is STOPPING, Failure + Restarting is UPDATING). `AS_STATUS` rows leave the
 * running status in charge: idle, and BackUp, because a backup does not stop service.
 * Takeover is TiEM adopting a cluster it did not create (it forgets it again if the
 * takeover fails), so it counts as CREATING; Restore is a restore into the cluster.
 */
export const MAINTENANCE_STATUS = {
  '': 'AS_STATUS',
  BackUp: 'AS_STATUS',
  Creating: 'CREATING',
  Deleting: 'DELETING',
  Stopping: 'STOPPING',
  Restarting: 'UPDATING',
  Restore: 'UPDATING',
  Takeover: 'CREATING',
} as const satisfies Record<string, ClusterStatus | 'AS_STATUS'>;

/** An instance reports the same ClusterRunningStatus words for itself. */
export const INSTANCE_STATUS = {
  Initializing: 'PROVISIONING',
  Running: 'ONLINE',
  Stopped: 'OFFLINE',
  Recovering: 'DEGRADED',
  Failure: 'FAILED',
} as const satisfies Record<string, HostStatus>;

/** ClusterBackupStatus. */
export const BACKUP_STATUS = {
  Initializing: 'CREATING',
  Processing: 'CREATING',
  Finished: 'AVAILABLE',
  Failed: 'FAILED',
} as const satisfies Record<string, SnapshotStatus>;

/** BackupMode: `auto` backups come from the cluster's backup strategy. */
export const BACKUP_MODE = { auto: 'AUTOMATED', manual: 'MANUAL' } as const satisfies Record<string, SnapshotType>;

/** Workflow and workflow-node status (the same enum). */
export const WORKFLOW_STATUS = {
  Initializing: 'PENDING',
  Processing: 'RUNNING',
  Finished: 'SUCCEEDED',
  Error: 'FAILED',
  Canceled: 'CANCELLED',
} as const satisfies Record<string, WorkflowState>;

const byRunningStatus = statusTable<string, ClusterStatus>(CLUSTER_STATUS, 'UNKNOWN');
const byMaintenance = statusTable<string, ClusterStatus | 'AS_STATUS'>(MAINTENANCE_STATUS, 'UNKNOWN');
export const instanceStatus = statusTable<string, HostStatus>(INSTANCE_STATUS, 'UNKNOWN');
export const backupStatus = statusTable<string, SnapshotStatus>(BACKUP_STATUS, 'UNKNOWN');
/** SnapshotType has no "unknown": a mode TiEM adds later is taken as MANUAL, the type that promises nothing about a schedule. */
export const backupType = statusTable<string, SnapshotType>(BACKUP_MODE, 'MANUAL');
/**
 * WorkflowState has no "unknown" either: a status TiEM adds later is taken as RUNNING, so
 * watchers keep polling instead of reporting an outcome TiEM did not state.
 */
export const workflowState = statusTable<string, WorkflowState>(WORKFLOW_STATUS, 'RUNNING');

/** The unified status from both of TiEM's words; an unknown maintenance is UNKNOWN, not guessed. */
export function clusterStatus(status: string | null | undefined, maintainStatus: string | null | undefined): ClusterStatus {
  const maintenance = byMaintenance(maintainStatus ?? '');
  return maintenance === 'AS_STATUS' ? byRunningStatus(status) : maintenance;
}

/** TiEM's own words: `Running`, or `Running/Stopping` while a maintenance runs. */
export const rawClusterStatus = (status: string | null | undefined, maintainStatus: string | null | undefined): string =>
  maintainStatus ? `${status ?? ''}/${maintainStatus}` : (status ?? '');

/** The TiEM workflow status for a unified state: the table is one-to-one. */
export function vendorWorkflowStatus(state: WorkflowState): string | undefined {
  return Object.entries(WORKFLOW_STATUS).find(([, s]) => s === state)?.[0];
}

// ---------------------------------------------------------------- units

/** Times are Go's RFC 3339; Go's zero time is how TiEM says "not set". */
export const TIME: TimeRules = { unset: 'go-zero' };

/** Cores stay as TiEM gives them (fractions of a core are real); bytes are whole. */
const toUnit = (value: number, unit: 'CORES' | 'BYTES', scale: number): number => (unit === 'BYTES' ? Math.round(value * scale) : value * scale);

/** One structs.Usage in unified units; undefined when TiEM gave none of its numbers. */
function usage(u: TiemUsage | null | undefined, unit: 'CORES' | 'BYTES', scale: number): Usage | undefined {
  if (!u) return undefined;
  const used = u.used ?? undefined;
  const total = u.total ?? undefined;
  const ratio = u.usageRate ?? undefined;
  if (used === undefined && total === undefined && ratio === undefined) return undefined;
  return {
    unit,
    ...(used !== undefined ? { used: toUnit(used, unit, scale) } : {}),
    ...(total !== undefined ? { total: toUnit(total, unit, scale) } : {}),
    ...(ratio !== undefined ? { ratio } : {}),
  };
}

function resourceUsage(o: { cpuUsage?: TiemUsage | null; memoryUsage?: TiemUsage | null; storageUsage?: TiemUsage | null }): ResourceUsage | undefined {
  const cpu = usage(o.cpuUsage, 'CORES', 1);
  const memory = usage(o.memoryUsage, 'BYTES', GIB);
  const storage = usage(o.storageUsage, 'BYTES', GIB);
  if (!cpu && !memory && !storage) return undefined;
  return { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}), ...(storage ? { storage } : {}) };
}

const text = (v: string | null | undefined): string | undefined => (v && v.trim() !== '' ? v : undefined);

/**
 * TiEM tags are plain strings. `key=value` and `key:value` tags become that label;
 * any other tag is a label with the tag as key and an empty value.
 */
export function tagLabel(tag: string): Label {
  const at = tag.search(/[=:]/);
  if (at <= 0) return { key: tag, value: '' };
  return { key: tag.slice(0, at).trim(), value: tag.slice(at + 1).trim() };
}

// ---------------------------------------------------------------- clusters and hosts

/**
 * A cluster from structs.ClusterInfo. `topology` (detail only) gives the node count;
 * the list has no count, so a listed cluster leaves it undefined.
 */
export function toCluster(sourceId: string, info: TiemClusterInfo, topology?: readonly TiemInstance[]): Cluster {
  // TiDB speaks the MySQL protocol on its connect addresses.
  const endpoints: Endpoint[] = [
    ...info.intranetConnectAddresses.map((address) => ({ protocol: 'mysql', address, public: false })),
    ...info.extranetConnectAddresses.map((address) => ({ protocol: 'mysql', address, public: true })),
  ];
  return {
    sourceId,
    raw: info,
    nativeId: info.clusterId,
    name: text(info.clusterName) ?? info.clusterId,
    kind: 'DATABASE',
    status: clusterStatus(info.status, info.maintainStatus),
    rawStatus: rawClusterStatus(info.status, info.maintainStatus),
    version: text(info.clusterVersion),
    region: text(info.region),
    labels: info.tags.map(tagLabel),
    createdAt: vendorTime(info.createTime, TIME),
    updatedAt: vendorTime(info.updateTime, TIME),
    endpoints,
    nodeCount: topology?.length,
    usage: resourceUsage(info),
  };
}

/**
 * Hosts are the cluster's instances (TiUP's "host:port" units), so a host's native id
 * is `<clusterId>/<instanceId>`: the cluster part says which detail call holds it.
 * TiEM ids are URL-safe base64 and never contain `/`.
 */
export const hostNativeId = (clusterId: string, instanceId: string): string => `${clusterId}/${instanceId}`;

export function splitHostNativeId(nativeId: string): { clusterId: string; instanceId: string } | undefined {
  const at = nativeId.indexOf('/');
  if (at <= 0 || at === nativeId.length - 1) return undefined;
  return { clusterId: nativeId.slice(0, at), instanceId: nativeId.slice(at + 1) };
}

export function toHost(sourceId: string, clusterId: string, inst: TiemInstance): Host {
  const address = inst.addresses[0];
  const port = inst.ports[0];
  const labels: Label[] = [
    ...(text(inst.zone?.zoneId) ? [{ key: 'zone', value: inst.zone?.zoneId as string }] : []),
    ...(text(inst.spec?.name) ? [{ key: 'spec', value: inst.spec?.name as string }] : []),
    // PD's Leader/Follower; other components leave it blank.
    ...(text(inst.role) ? [{ key: 'role', value: inst.role as string }] : []),
    // Several instances may share a machine; hostID says which.
    ...(text(inst.hostID) ? [{ key: 'hostId', value: inst.hostID as string }] : []),
  ];
  return {
    sourceId,
    raw: inst,
    nativeId: hostNativeId(clusterId, inst.id),
    clusterNativeId: clusterId,
    name: address !== undefined && port !== undefined ? `${address}:${port}` : (address ?? inst.id),
    addresses: inst.addresses,
    role: text(inst.type),
    status: instanceStatus(inst.status),
    rawStatus: inst.status ?? '',
    usage: resourceUsage(inst),
    labels,
  };
}

// ---------------------------------------------------------------- what TiEM alone says (vendor.ts)

/**
 * TiemClusterDetails' fields that structs.ClusterInfo carries, so the answer the
 * cluster was read from holds them. The document gives no values for `role` or
 * `maintainWindow` (its examples say "string"), so they stay TiEM's words.
 */
export interface TiemClusterFacts {
  grafanaUrl?: string;
  alertmanagerUrl?: string;
  drRole?: string;
  /** Native ids of the clusters this one replicates from (`relations.masters`). */
  drMasters: string[];
  /** Native ids of the clusters replicating from this one (`relations.slaves`). */
  drSlaves: string[];
  maintenanceWindow?: string;
  whitelist: string[];
  tls?: boolean;
  exclusive?: boolean;
  copies?: number;
  cpuArchitecture?: string;
  clusterType?: string;
  resourceVendor?: string;
  backupStorage?: Usage;
}

export function toClusterFacts(info: TiemClusterInfo): TiemClusterFacts {
  return {
    grafanaUrl: text(info.grafanaUrl),
    alertmanagerUrl: text(info.alertUrl),
    drRole: text(info.role),
    drMasters: info.relations?.masters.filter((id) => text(id)) ?? [],
    drSlaves: info.relations?.slaves.filter((id) => text(id)) ?? [],
    maintenanceWindow: text(info.maintainWindow),
    whitelist: info.whitelist.filter((entry) => text(entry)),
    tls: info.tls ?? undefined,
    exclusive: info.exclusive ?? undefined,
    // Go's zero: a cluster holds at least one copy of its data, so 0 is "not reported".
    copies: info.copies ? info.copies : undefined,
    cpuArchitecture: text(info.cpuArchitecture),
    clusterType: text(info.clusterType),
    resourceVendor: text(info.vendor),
    backupStorage: usage(info.backupFileUsage, 'BYTES', GIB),
  };
}

/** One line of what a cluster was asked to run: `count` instances of a component, of a spec, in a zone or on a host. */
export interface TiemResourceRequest {
  component: string;
  count?: number;
  spec?: string;
  zone?: string;
  diskType?: string;
  /** GB, as createCluster's diskCapacityGb sends it. */
  diskCapacityGb?: number;
  hostIp?: string;
  diskId?: string;
}

/**
 * What the cluster was created with (the detail's instanceResource), line by line, and
 * whether it named zones or hosts. A component's totalNodeCount is the sum of its
 * lines' counts, so the lines alone say it.
 */
export interface TiemResources {
  /** `SpecificZone` or `SpecificHost`. */
  mode?: string;
  lines: TiemResourceRequest[];
}

export function toResources(detail: Pick<TiemClusterDetail, 'instanceResource' | 'requestResourceMode'>): TiemResources {
  return {
    mode: text(detail.requestResourceMode),
    lines: detail.instanceResource.flatMap((group) =>
      group.resource.map((line) => ({
        component: group.componentType,
        count: line.count ?? undefined,
        spec: text(line.specCode),
        zone: text(line.zoneCode),
        diskType: text(line.diskType),
        // Go's zero: no disk of 0 GB is asked for.
        diskCapacityGb: line.diskCapacity ? line.diskCapacity : undefined,
        hostIp: text(line.hostIp),
        diskId: text(line.diskId),
      })),
    ),
  };
}

/** TiemHostDetails: what structs.ClusterInstanceInfo says of an instance beyond the unified host. */
export interface TiemInstanceFacts {
  ports: number[];
  /** The document names no unit. */
  ioUtil?: number;
  /** As TiEM lists them; the document does not say what each one counts. */
  iops: number[];
  version?: string;
  diskId?: string;
}

export function toInstanceFacts(inst: TiemInstance): TiemInstanceFacts {
  return {
    ports: inst.ports,
    ioUtil: inst.ioUtil ?? undefined,
    iops: inst.iops,
    version: text(inst.version),
    diskId: text(inst.diskId),
  };
}

// ---------------------------------------------------------------- snapshots

/**
 * A backup record. It has no name of its own: the last part of its `filePath` (BR's
 * backup directory) names it, else its id. BR writes the size when the backup ends, so
 * the 0 an unfinished backup reports is "not known yet", not zero bytes.
 */
export function toSnapshot(sourceId: string, b: TiemBackup): Snapshot {
  const status = backupStatus(b.status);
  const size = b.size ?? undefined;
  const kind = [b.backupType, b.backupMethod].filter((w) => text(w)).join(' ');
  return {
    sourceId,
    raw: b,
    nativeId: b.id,
    clusterNativeId: text(b.clusterId),
    name: text(b.filePath?.split('/').filter(Boolean).at(-1)) ?? b.id,
    status,
    rawStatus: b.status ?? '',
    type: backupType(b.backupMode),
    sizeBytes: size !== undefined && (status === 'AVAILABLE' || size > 0) ? Math.round(size * MIB) : undefined,
    startedAt: vendorTime(b.startTime, TIME),
    finishedAt: vendorTime(b.endTime, TIME),
    description: kind ? `${kind} backup` : undefined,
  };
}

// ---------------------------------------------------------------- workflows

/** `processing: 40%`, the result a running node reports, as 0.4. */
export function processingShare(result: string | null | undefined): number | undefined {
  const m = /processing:\s*(\d+(?:\.\d+)?)\s*%/i.exec(result ?? '');
  return m ? Math.min(1, Number(m[1]) / 100) : undefined;
}

/**
 * Flow name → workflow kind. The document names no flows; these are the names the
 * service gives the flows its operations start (a restart and a start are both
 * RestartCluster; a backup is BackupCluster, a restore RestoreNewCluster). Any other
 * flow is `Other`, its name kept as `rawKind`.
 */
export const FLOW_KIND: Readonly<Record<string, WorkflowKind>> = {
  CreateCluster: 'CreateCluster',
  DeleteCluster: 'DeleteCluster',
  StopCluster: 'StopCluster',
  RestartCluster: 'RestartCluster',
  TakeoverCluster: 'TakeOverCluster',
  BackupCluster: 'CreateSnapshot',
  RestoreNewCluster: 'RestoreSnapshot',
};

/**
 * A workflow from WorkFlowInfo, with its steps, progress and message when the detail
 * (`nodes`, `nodeNames`) is at hand. Progress is the steps finished before the first
 * unfinished one, plus that one's `processing: N%`, over all steps of the flow;
 * without the detail only a finished (1) or queued (0) flow's progress is known.
 */
export function toWorkflow(sourceId: string, info: TiemWorkflowInfo, detail?: Pick<TiemWorkflowDetail, 'nodes' | 'nodeNames'>): Workflow {
  const state = workflowState(info.status);
  const terminal = TERMINAL_WORKFLOW_STATES.has(state);
  const clusterId = info.bizType === 'cluster' ? text(info.bizId) : undefined;
  const current = detail?.nodes.find((n) => workflowState(n.status) !== 'SUCCEEDED');
  const steps: WorkflowStep[] = detail
    ? [
        ...detail.nodes.map((n) => ({
          name: n.name,
          state: workflowState(n.status),
          message: text(n.result),
          startedAt: vendorTime(n.startTime, TIME),
          finishedAt: vendorTime(n.endTime, TIME),
        })),
        // Steps still to come; a flow that ended will not run them.
        ...(terminal ? [] : detail.nodeNames.slice(detail.nodes.length).map((name) => ({ name, state: 'PENDING' as const }))),
      ]
    : [];
  return {
    sourceId,
    raw: info,
    nativeId: info.id,
    kind: FLOW_KIND[info.name ?? ''] ?? 'Other',
    ...(info.name ? { rawKind: info.name } : {}),
    target: clusterId ? { type: 'Cluster', nativeId: clusterId } : undefined,
    clusterNativeId: clusterId,
    state,
    rawState: info.status ?? '',
    progress: progressOf(state, detail),
    message: current && text(current.result) ? `${current.name}: ${current.result}` : undefined,
    steps,
    startedAt: vendorTime(info.createTime, TIME),
    updatedAt: vendorTime(info.updateTime, TIME),
    finishedAt: terminal ? vendorTime(info.updateTime, TIME) : undefined,
  };
}

function progressOf(state: WorkflowState, detail?: Pick<TiemWorkflowDetail, 'nodes' | 'nodeNames'>): number | undefined {
  if (state === 'SUCCEEDED') return 1;
  if (state === 'PENDING') return 0;
  if (!detail || detail.nodeNames.length === 0) return undefined;
  let done = 0;
  let partial = 0;
  for (const node of detail.nodes) {
    const nodeState = workflowState(node.status);
    if (nodeState === 'SUCCEEDED') {
      done++;
      continue;
    }
    if (nodeState === 'RUNNING') partial = processingShare(node.result) ?? 0;
    break;
  }
  return Math.min(1, (done + partial) / detail.nodeNames.length);
}

/**
 * A workflow TiEM has just accepted, as far as the answer that started it tells: queued,
 * on its cluster. It stands in when reading the workflow back fails, so a change TiEM
 * made is never reported as an error (which a client would retry); whoever watches it
 * reads TiEM's own view under the same id.
 */
export function acceptedWorkflow(sourceId: string, workFlowId: string, flowName: string, clusterId: string): Workflow {
  return toWorkflow(sourceId, { id: workFlowId, name: flowName, bizId: clusterId, bizType: 'cluster', status: 'Initializing' });
}
