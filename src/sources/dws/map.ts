import type { Cluster, Endpoint, Event, Host, Snapshot, Workflow } from '../../model/entities.js';
import type { WorkflowKind } from '../../model/workflow-kind.js';
import {
  type ClusterStatus,
  type EventSeverity,
  type HostStatus,
  type SnapshotStatus,
  type SnapshotType,
  statusTable,
  type WorkflowState,
} from '../../model/status.js';
import type {
  AlarmDayWire,
  AlarmWire,
  AuditDumpWire,
  AvailabilityZoneWire,
  BindableElbWire,
  ClusterDetailWire,
  ClusterWire,
  CnWire,
  EventWire,
  NodeTypeWire,
  ParameterTemplateWire,
  ParameterWire,
  QuotaWire,
  SnapshotPolicyWire,
  SnapshotWire,
  SubscriptionWire,
  WorkloadStatusWire,
} from './wire.js';
import { type TimeRules, vendorTime } from '../kit/time.js';

/**
 * Pure DWS → unified mapping (document 003). Every status table below has one row per
 * value the document lists (and the spellings its examples use instead); a value it
 * does not list maps to UNKNOWN, and `rawStatus` keeps the vendor's word.
 */

// ---- Units ----

/**
 * DWS writes `2018-02-10T14:28:14Z`, the same without a zone (snapshot `updated`, the
 * Getting Started examples; read as UTC), `2022-10-27 08:11:29` (alarm dates, UTC
 * because the client asks for them in GMT), and epoch milliseconds as numbers or digit
 * strings (event `occur_time`, `bak_expected_start_time`). No value means "not set".
 */
export const TIME: TimeRules = { unset: 'none' };

/** `"20%"` → 0.2, clamped to 0..1; undefined when it is not a percentage. */
export function parsePercent(value: string | null | undefined): number | undefined {
  const m = value ? /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value) : null;
  if (!m) return undefined;
  return Math.min(1, Math.max(0, Number(m[1]) / 100));
}

/** Snapshot `size` is "in GB"; DWS (like the rest of Huawei Cloud storage) means GiB. */
export const gbToBytes = (gb: number | null | undefined): number | undefined => (gb === null || gb === undefined ? undefined : Math.round(gb * 1024 ** 3));

// ---- Status tables ----

/** `status` of a cluster (tables 5-16 and 5-25, plus the examples' AVAILABLE and the service's "CREATION FAILED"). */
export const clusterStatus = statusTable<string, ClusterStatus>(
  {
    CREATING: 'CREATING',
    ACTIVE: 'RUNNING',
    AVAILABLE: 'RUNNING',
    FAILED: 'FAILED',
    CREATE_FAILED: 'FAILED',
    'CREATION FAILED': 'FAILED',
    DELETING: 'DELETING',
    DELETE_FAILED: 'FAILED',
    DELETED: 'DELETED',
    // Frozen for an unpaid account or by the police: the service is withheld, not broken.
    FROZEN: 'STOPPED',
    POLICE_FROZEN: 'STOPPED',
  },
  'UNKNOWN',
);

/** `sub_status` of an available cluster: read-only, degraded and failed redistribution impair it; imbalance alone does not. */
export const subStatus = statusTable<string, ClusterStatus>(
  {
    NORMAL: 'RUNNING',
    READONLY: 'DEGRADED',
    REDISTRIBUTING: 'RUNNING',
    'REDISTRIBUTION-FAILURE': 'DEGRADED',
    UNBALANCED: 'RUNNING',
    'UNBALANCED READONLY': 'DEGRADED',
    DEGRADED: 'DEGRADED',
    'DEGRADED READONLY': 'DEGRADED',
    'DEGRADED UNBALANCED': 'DEGRADED',
    'UNBALANCED REDISTRIBUTING': 'RUNNING',
    'UNBALANCED REDISTRIBUTION-FAILURE': 'DEGRADED',
    'READONLY REDISTRIBUTION-FAILURE': 'DEGRADED',
    'UNBALANCED READONLY REDISTRIBUTION-FAILURE': 'DEGRADED',
    'DEGRADED REDISTRIBUTION-FAILURE': 'DEGRADED',
    'DEGRADED UNBALANCED REDISTRIBUTION-FAILURE': 'DEGRADED',
    'DEGRADED UNBALANCED READONLY REDISTRIBUTION-FAILURE': 'DEGRADED',
    'DEGRADED UNBALANCED READONLY': 'DEGRADED',
  },
  'UNKNOWN',
);

/** What a task word says of its operation: running, waiting for the user, or failed. */
export type TaskPhase = 'RUNNING' | 'PENDING' | 'FAILED' | 'UNKNOWN';

/**
 * `task_status` (44 values in tables 5-16/5-25) and the `action_progress` keys no task
 * value matches (REPAIRING, and CREATING, which a cluster being created reports): the phase each word means and the operation it is part
 * of. A failure word shares its operation's kind, which is how a finished workflow
 * tells it failed.
 */
const TASKS = {
  UNFREEZING: ['RUNNING', 'UnfreezeCluster'],
  FREEZING: ['RUNNING', 'FreezeCluster'],
  RESTORING: ['RUNNING', 'RestoreSnapshot'],
  SNAPSHOTTING: ['RUNNING', 'CreateSnapshot'],
  GROWING: ['RUNNING', 'ScaleCluster'],
  REBOOTING: ['RUNNING', 'RestartCluster'],
  SETTING_CONFIGURATION: ['RUNNING', 'ConfigureSecurity'],
  CONFIGURING_EXT_DATASOURCE: ['RUNNING', 'ConfigureDataSource'],
  DELETING_EXT_DATASOURCE: ['RUNNING', 'DeleteDataSource'],
  REBOOT_FAILURE: ['FAILED', 'RestartCluster'],
  RESIZE_FAILURE: ['FAILED', 'ScaleCluster'],
  ADD_CN_ING: ['RUNNING', 'AddCoordinators'],
  DEL_CN_ING: ['RUNNING', 'RemoveCoordinators'],
  CREATING_NODE: ['RUNNING', 'ScaleCluster'],
  CREATE_NODE_FAILED: ['FAILED', 'ScaleCluster'],
  DELETING_NODE: ['RUNNING', 'ScaleCluster'],
  DELETE_NODE_FAILED: ['FAILED', 'ScaleCluster'],
  REDISTRIBUTING: ['RUNNING', 'RedistributeData'],
  REDISTRIBUTE_FAILURE: ['FAILED', 'RedistributeData'],
  WAITING_REDISTRIBUTION: ['PENDING', 'RedistributeData'],
  REDISTRIBUTION_PAUSED: ['PENDING', 'RedistributeData'],
  ELB_BINDING: ['RUNNING', 'BindLoadBalancer'],
  ELB_BIND_FAILED: ['FAILED', 'BindLoadBalancer'],
  ELB_UNBINDING: ['RUNNING', 'UnbindLoadBalancer'],
  ELB_UNBIND_FAILED: ['FAILED', 'UnbindLoadBalancer'],
  ELB_SWITCHING: ['RUNNING', 'SwitchLoadBalancer'],
  ELB_SWITCHING_FAILED: ['FAILED', 'SwitchLoadBalancer'],
  NETWORK_CONFIGURING: ['RUNNING', 'ConfigureNetwork'],
  NETWORK_CONFIG_FAILED: ['FAILED', 'ConfigureNetwork'],
  DISK_EXPAND_FAILED: ['FAILED', 'ExpandDisk'],
  DISK_EXPANDING: ['RUNNING', 'ExpandDisk'],
  ACTIVE_STANDBY_SWITCHOVER: ['RUNNING', 'SwitchOver'],
  ACTIVE_STANDBY_SWITCHOVER_FAILURE: ['FAILED', 'SwitchOver'],
  CLUSTER_SHRINK_FAILED: ['FAILED', 'ScaleCluster'],
  CLUSTER_SHRINKING: ['RUNNING', 'ScaleCluster'],
  SHRINK_CHECK_FAILED: ['FAILED', 'ScaleCluster'],
  SHRINK_CHECKING: ['RUNNING', 'ScaleCluster'],
  FLAVOR_RESIZING_FAILED: ['FAILED', 'ResizeFlavor'],
  FLAVOR_RESIZING: ['RUNNING', 'ResizeFlavor'],
  MANAGE_IP_BIND_FAILED: ['FAILED', 'EnableManagementAccess'],
  MANAGE_IP_BINDING: ['RUNNING', 'EnableManagementAccess'],
  ORDER_PENDING: ['PENDING', 'PayOrder'],
  FINE_GRAINED_RESTORING: ['RUNNING', 'RestoreSnapshot'],
  DR_RECOVERING: ['RUNNING', 'RecoverDisasterRecovery'],
  REPAIRING: ['RUNNING', 'RepairCluster'],
  CREATING: ['RUNNING', 'CreateCluster'],
} as const satisfies Record<string, readonly [Exclude<TaskPhase, 'UNKNOWN'>, WorkflowKind]>;

export const TASK_WORDS = Object.keys(TASKS) as (keyof typeof TASKS)[];
export const taskPhase = statusTable<string, TaskPhase>(Object.fromEntries(TASK_WORDS.map((w) => [w, TASKS[w][0]])) as Record<string, TaskPhase>, 'UNKNOWN');
/** The operation a task word belongs to; a word the document does not list is `Other` (its word is the workflow's rawState). */
export const taskKind = (word: string): WorkflowKind => (TASKS as Record<string, readonly [string, WorkflowKind]>)[word]?.[1] ?? 'Other';

/** Node `status` codes (tables 5-18 / 5-27). */
export const nodeStatus = statusTable<string, HostStatus>(
  {
    '100': 'PROVISIONING',
    // Idle: created with create_node_only and running, but not yet part of the cluster.
    '199': 'ONLINE',
    '200': 'ONLINE',
    '300': 'OFFLINE',
    '303': 'FAILED',
    '304': 'REMOVING',
    '305': 'FAILED',
    '400': 'OFFLINE',
  },
  'UNKNOWN',
);

/** Snapshot `status` (tables 5-103, 5-107, 5-115). */
export const snapshotStatus = statusTable<string, SnapshotStatus>(
  {
    CREATING: 'CREATING',
    AVAILABLE: 'AVAILABLE',
    UNAVAILABLE: 'FAILED',
    RESTORING: 'RESTORING',
    // Locked with the frozen account: it exists, but no unified word says "locked".
    FROZEN: 'UNKNOWN',
    POLICE_FROZEN: 'UNKNOWN',
  },
  'UNKNOWN',
);

/**
 * Snapshot `type`: table 5-107 says MANUAL and AUTO; the console and SDKs also write
 * AUTOMATED. A type the document does not name is taken as MANUAL, the API's own kind.
 */
export const snapshotType = statusTable<string, SnapshotType>({ MANUAL: 'MANUAL', AUTO: 'AUTOMATED', AUTOMATED: 'AUTOMATED' }, 'MANUAL');

/**
 * Event `severity`: the document gives only "normal"; the event-subscription API (5.9.3)
 * filters on normal and warning. Anything else is surfaced as a warning rather than
 * hidden as information.
 */
export const eventSeverity = statusTable<string, EventSeverity>({ normal: 'INFO', warning: 'WARNING' }, 'WARNING');

/**
 * Alarm `alarm_level`: DWS numbers levels 1 (urgent) to 4 (prompt). An alarm is at least
 * a warning, so an unlisted level is one too.
 */
export const alarmSeverity = statusTable<string, EventSeverity>({ '1': 'CRITICAL', '2': 'ERROR', '3': 'WARNING', '4': 'WARNING' }, 'WARNING');

// ---- Clusters ----

/**
 * The unified status from `status`, `task_status` and `sub_status`, in this order:
 *  1. `status` through `clusterStatus` (CREATING, DELETING, FAILED, STOPPED... stand as they are);
 *  2. a RUNNING or STOPPED (frozen) cluster with a running or waiting task → UPDATING
 *     (a failed task's word is a past result: it does not make the cluster busy);
 *  3. a RUNNING cluster whose `sub_status` impairs it → DEGRADED.
 */
export function combinedClusterStatus(c: Pick<ClusterWire, 'status' | 'task_status' | 'sub_status'>): ClusterStatus {
  const base = clusterStatus(c.status);
  const phase = c.task_status ? taskPhase(c.task_status) : 'UNKNOWN';
  if ((base === 'RUNNING' || base === 'STOPPED') && (phase === 'RUNNING' || phase === 'PENDING')) return 'UPDATING';
  if (base === 'RUNNING' && c.sub_status && subStatus(c.sub_status) === 'DEGRADED') return 'DEGRADED';
  return base;
}

function endpoints(c: ClusterWire): Endpoint[] {
  const out: Endpoint[] = [];
  for (const e of c.endpoints ?? []) if (e.connect_info) out.push({ protocol: 'postgresql', address: e.connect_info, public: false });
  for (const e of c.public_endpoints ?? []) if (e.public_connect_info) out.push({ protocol: 'postgresql', address: e.public_connect_info, public: true });
  return out;
}

/** `region` is not a cluster field: it is where IAM's catalog says the project's DWS runs. */
export function toCluster(sourceId: string, c: ClusterWire, region?: string): Cluster {
  const createdAt = vendorTime(c.created, TIME);
  const updatedAt = vendorTime(c.updated, TIME);
  const nodeCount = c.number_of_node ?? undefined;
  return {
    sourceId,
    raw: c,
    nativeId: c.id,
    name: c.name,
    kind: 'DATA_WAREHOUSE',
    status: combinedClusterStatus(c),
    rawStatus: c.status,
    ...(c.version ? { version: c.version } : {}),
    ...(region ? { region } : {}),
    ...(c.availability_zone ? { zone: c.availability_zone } : {}),
    labels: (c.tags ?? []).map((t) => ({ key: t.key, value: t.value ?? '' })),
    ...(createdAt ? { createdAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    endpoints: endpoints(c),
    ...(nodeCount !== undefined ? { nodeCount } : {}),
  };
}

// ---- Hosts ----

/** The host fields a cluster's CN list tells: without it, which node is a CN and its address are unknown. */
export const CN_FEEDS = ['addresses', 'role'] as const;

/**
 * A cluster's nodes as hosts. Nodes carry only id, name and status; a node that hosts a
 * coordinator (CN) is matched to its CN instance (by id, else by name) for its private
 * address. `cns` null means the CN list could not be had (cluster gone): no addresses.
 */
export function toHosts(sourceId: string, c: ClusterWire, cns: readonly CnWire[] | null): Host[] {
  return (c.nodes ?? []).map((n) => {
    const status = String(n.status);
    const cn = cns?.find((x) => x.id === n.id) ?? cns?.find((x) => x.name === n.name);
    return {
      sourceId,
      raw: { node: n, cn: cn ?? null },
      nativeId: n.id,
      clusterNativeId: c.id,
      name: n.name,
      addresses: cn?.private_ip ? [cn.private_ip] : [],
      // Every node runs data nodes; CNs are co-located on some. Idle nodes run nothing yet.
      role: status === '199' ? 'IDLE' : cn ? 'CN' : 'DN',
      status: nodeStatus(status),
      rawStatus: status,
      labels: [],
    };
  });
}

// ---- Snapshots ----

export function toSnapshot(sourceId: string, s: SnapshotWire): Snapshot {
  const sizeBytes = gbToBytes(s.size);
  const startedAt = vendorTime(s.started, TIME);
  const finishedAt = vendorTime(s.finished, TIME);
  return {
    sourceId,
    raw: s,
    nativeId: s.id,
    ...(s.cluster_id ? { clusterNativeId: s.cluster_id } : {}),
    name: s.name,
    status: snapshotStatus(s.status),
    rawStatus: s.status,
    type: snapshotType(s.type),
    ...(sizeBytes !== undefined ? { sizeBytes } : {}),
    ...(startedAt ? { startedAt } : {}),
    ...(finishedAt ? { finishedAt } : {}),
    ...(s.description ? { description: s.description } : {}),
  };
}

// ---- Events and alarms ----

/**
 * An event. `source_type` says what `source_id` is: a cluster, a backup (snapshot: its
 * cluster comes from `snapshotCluster`), or something else (a DR pair) that belongs to
 * no one cluster. The API names no actor.
 */
export function toEvent(sourceId: string, e: EventWire, snapshotCluster: (snapshotId: string) => string | undefined): Event {
  const clusterNativeId =
    e.source_type === 'cluster' ? (e.source_id ?? undefined) : e.source_type === 'backup' && e.source_id ? snapshotCluster(e.source_id) : undefined;
  const message = e.context || e.display_name || (e.description && e.source_name ? e.description.replace('%s', e.source_name) : e.description) || e.name || '';
  return {
    sourceId,
    raw: e,
    nativeId: e.event_id,
    ...(clusterNativeId ? { clusterNativeId } : {}),
    occurredAt: vendorTime(e.occur_time, TIME) ?? new Date(0).toISOString(),
    severity: eventSeverity(e.severity),
    ...(e.category ? { category: e.category } : {}),
    message,
  };
}

/** An alarm's event id (see toAlarmEvent). */
const alarmNativeId = (a: AlarmWire): string => `alarm:${a.alarm_id}:${a.resource_id ?? ''}:${a.alarm_generate_date}`;

/** When it was raised; dates must have been asked for in GMT. */
const alarmTime = (a: AlarmWire): string => vendorTime(a.alarm_generate_date, TIME) ?? new Date(0).toISOString();

/**
 * `alarm_status`: the document gives no values; its example's "0" is a cluster fault
 * still raised, and "1" is cleared, as the console shows it. Any other value is taken as
 * still active: an alarm is not hidden on a word we do not know.
 */
export const alarmActive = (a: Pick<AlarmWire, 'alarm_status'>): boolean => a.alarm_status !== '1';

/**
 * An alarm as an event. Alarms have no id of their own (`alarm_id` names the alarm's
 * definition), so the id is `alarm:<definition>:<resource>:<date>`; event ids are UUIDs,
 * so the two never collide. Dates must have been asked for in GMT.
 */
export function toAlarmEvent(sourceId: string, a: AlarmWire): Event {
  const occurredAt = alarmTime(a);
  const cleared = !alarmActive(a);
  return {
    sourceId,
    raw: a,
    nativeId: alarmNativeId(a),
    ...(a.resource_id ? { clusterNativeId: a.resource_id } : {}),
    occurredAt,
    severity: alarmSeverity(a.alarm_level),
    category: 'alarm',
    message: `${a.alarm_name ?? a.alarm_id}${a.resource_id_name ? ` on ${a.resource_id_name}` : ''}${cleared ? ' (cleared)' : ''}`,
    ...(a.alarm_source ? { actor: a.alarm_source } : {}),
  };
}

/** Newest first, ties by id: the gateway's OCCURRED_AT DESC order. */
export const byOccurredDesc = (a: Event, b: Event): number =>
  a.occurredAt !== b.occurredAt ? (a.occurredAt < b.occurredAt ? 1 : -1) : a.nativeId < b.nativeId ? -1 : a.nativeId > b.nativeId ? 1 : 0;

// ---- Workflows synthesized from cluster and snapshot state ----

/**
 * DWS has no operation ids, so workflows are read off the objects they change:
 *  - a cluster's operation: `cluster:<id>:<word>:<start>` where word is the task (or
 *    CREATING / DELETING / a failure status) and start is epoch seconds of `created`
 *    for a cluster being created, else of `updated` (DWS bumps it when a task step
 *    begins). A later run of the same task has a later start, hence another id.
 *  - a snapshot's creation: `snapshot:<id>:CREATE` (a snapshot is created once).
 * An operation DWS runs as several tasks in a row (TASK_CHAINS) is listed as one workflow
 * per task, each under its own id; the id of its first task follows it to the end.
 */
export type WorkflowRef = { target: 'cluster'; clusterId: string; word: string; start: string } | { target: 'snapshot'; snapshotId: string };

export function parseWorkflowId(id: string): WorkflowRef | null {
  const parts = id.split(':');
  if (parts[0] === 'cluster' && parts.length === 4 && parts[1] && parts[2]) {
    return { target: 'cluster', clusterId: parts[1], word: parts[2], start: parts[3] ?? '' };
  }
  if (parts[0] === 'snapshot' && parts.length === 3 && parts[1] && parts[2] === 'CREATE') return { target: 'snapshot', snapshotId: parts[1] };
  return null;
}

/** The id of a snapshot's creation, the only snapshot workflow there is. */
export const snapshotWorkflowId = (snapshotId: string) => `snapshot:${snapshotId}:CREATE`;

const CREATION_FAILED = new Set(['CREATE_FAILED', 'CREATION FAILED']);

/**
 * Operations DWS runs as tasks in a row, each shown as `task_status` in turn (with its
 * own `updated`): a scale-out creates its nodes, joins them and redistributes the data;
 * a scale-in checks, then shrinks.
 */
const TASK_CHAINS: readonly (readonly string[])[] = [
  ['CREATING_NODE', 'GROWING', 'REDISTRIBUTING'],
  ['SHRINK_CHECKING', 'CLUSTER_SHRINKING'],
];

/** The tasks still ahead of an operation showing `word`: `word` and whatever its chain runs after it. */
function tasksFrom(word: string): readonly string[] {
  for (const chain of TASK_CHAINS) {
    const at = chain.indexOf(word);
    if (at >= 0) return chain.slice(at);
  }
  return [word];
}

/** The operation a workflow word names: the cluster's own lifecycle words, else the task's. */
function kindOf(word: string): WorkflowKind {
  if (word === 'DELETING' || word === 'DELETE_FAILED') return 'DeleteCluster';
  return CREATION_FAILED.has(word) ? 'CreateCluster' : taskKind(word);
}

const epochSeconds = (time: string | null | undefined): string => {
  const iso = vendorTime(time, TIME);
  return iso ? String(Math.floor(Date.parse(iso) / 1000)) : '';
};

const failureMessage = (c: ClusterWire): string | undefined => {
  const r = c.failed_reasons;
  if (!r || (!r.error_code && !r.error_msg)) return undefined;
  return [r.error_code, r.error_msg].filter(Boolean).join(': ');
};

/** `action_progress` of a word; a single entry under another key (CREATING_NODE reports under GROWING, the switchover key is misspelt) is that task's. */
function progressOf(c: ClusterWire, word: string): number | undefined {
  const map = c.action_progress ?? {};
  const entries = Object.entries(map);
  const value = map[word] ?? (entries.length === 1 ? entries[0]?.[1] : undefined);
  return parsePercent(value);
}

interface ClusterOperation {
  word: string;
  kind: WorkflowKind;
  state: WorkflowState;
  /** The field the start is read from. */
  since: 'created' | 'updated';
}

/** The operation a cluster shows now, if any: the row-by-row reading of its status fields. */
function currentOperation(c: ClusterWire): ClusterOperation | undefined {
  const task = c.task_status || Object.keys(c.action_progress ?? {})[0];
  if (c.status === 'CREATING') {
    const word = task ?? 'CREATING';
    return { word, kind: taskKind(word), state: taskPhase(word) === 'PENDING' ? 'PENDING' : 'RUNNING', since: 'created' };
  }
  if (CREATION_FAILED.has(c.status)) return { word: c.status, kind: 'CreateCluster', state: 'FAILED', since: 'created' };
  if (c.status === 'DELETING') return { word: 'DELETING', kind: 'DeleteCluster', state: 'RUNNING', since: 'updated' };
  if (c.status === 'DELETE_FAILED') return { word: 'DELETE_FAILED', kind: 'DeleteCluster', state: 'FAILED', since: 'updated' };
  if (c.status === 'DELETED' || !task) return undefined;
  const phase = taskPhase(task);
  // A word the document does not list counts only while action_progress shows it running.
  if (phase === 'UNKNOWN') return progressOf(c, task) !== undefined ? { word: task, kind: taskKind(task), state: 'RUNNING', since: 'updated' } : undefined;
  return { word: task, kind: taskKind(task), state: phase, since: 'updated' };
}

/** When an operation began, as far as the cluster tells: a failure word's `updated` is when it ended. */
const startOf = (c: ClusterWire, op: ClusterOperation): string | undefined =>
  op.since === 'created' ? vendorTime(c.created, TIME) : op.state === 'FAILED' ? undefined : vendorTime(c.updated, TIME);

/**
 * How far the operation that began with `first` is while the cluster shows `shown`: the
 * chain's tasks before `shown` count as done, `shown` as far as its action_progress says.
 * Read the same way at every look, it never goes back when the next task begins.
 */
function chainProgress(c: ClusterWire, first: string, shown: string): number | undefined {
  const tasks = tasksFrom(first);
  const done = Math.max(0, tasks.indexOf(shown));
  const current = progressOf(c, shown);
  if (current === undefined) return done === 0 ? undefined : done / tasks.length;
  return (done + current) / tasks.length;
}

/** `first` is the word the workflow's id names; `op` is what the cluster shows now. */
function clusterWorkflowOf(
  sourceId: string,
  c: ClusterWire,
  op: ClusterOperation,
  nativeId: string,
  state: WorkflowState,
  startedAt: string | undefined,
  first: string = op.word,
): Workflow {
  const updatedAt = vendorTime(c.updated, TIME);
  const terminal = state === 'SUCCEEDED' || state === 'FAILED' || state === 'CANCELLED';
  const progress = state === 'SUCCEEDED' ? 1 : state === 'RUNNING' || state === 'PENDING' ? chainProgress(c, first, op.word) : undefined;
  const message = state === 'FAILED' ? failureMessage(c) : undefined;
  return {
    sourceId,
    raw: c,
    nativeId,
    kind: op.kind,
    target: { type: 'Cluster', nativeId: c.id },
    clusterNativeId: c.id,
    state,
    rawState: op.word,
    ...(progress !== undefined ? { progress } : {}),
    ...(message ? { message } : {}),
    steps: [],
    ...(startedAt ? { startedAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    ...(terminal && updatedAt ? { finishedAt: updatedAt } : {}),
  };
}

const clusterWorkflowId = (c: ClusterWire, op: ClusterOperation) =>
  `cluster:${c.id}:${op.word}:${epochSeconds(op.since === 'created' ? c.created : c.updated)}`;

/** The workflow a cluster shows now: its running or waiting task, or the failure it ended in. */
export function clusterWorkflow(sourceId: string, c: ClusterWire): Workflow | undefined {
  const op = currentOperation(c);
  return op ? clusterWorkflowOf(sourceId, c, op, clusterWorkflowId(c, op), op.state, startOf(c, op)) : undefined;
}

/**
 * The id of the workflow an operation that begins with task `word` has just started on
 * `c`, as the workflows reader lists it: the operation the cluster shows, when it is of
 * that kind (running, or already failed); otherwise the operation has ended already, and
 * the id is `word` with the start the cluster still tells (`created` for a new cluster;
 * else `updated`, then its end), which the reader settles as SUCCEEDED or FAILED.
 */
export function startedWorkflowId(c: ClusterWire, word: string): string {
  const now = currentOperation(c);
  if (now && now.kind === kindOf(word)) return clusterWorkflowId(c, now);
  return `cluster:${c.id}:${word}:${epochSeconds(word === 'CREATING' || word === 'RESTORING' ? c.created : c.updated)}`;
}

/**
 * A cluster workflow by id, read off the cluster now (`null`: the cluster is gone).
 *  - the cluster still shows it → as it shows it;
 *  - it shows the same task, or a later one of its chain, with a later start (the next
 *    task began, or a tag edit bumped `updated`) → still running;
 *  - the id names a failure → FAILED for good;
 *  - a deletion: DELETE_FAILED → FAILED, otherwise (DELETED, or gone) → SUCCEEDED;
 *  - the cluster is being or was deleted meanwhile → CANCELLED;
 *  - creation failed, or the task's failure word of the same kind shows, or the cluster is
 *    idle with `failed_reasons` set → FAILED; otherwise the task ended well → SUCCEEDED.
 */
export function settledClusterWorkflow(sourceId: string, ref: Extract<WorkflowRef, { target: 'cluster' }>, c: ClusterWire | null): Workflow | null {
  const id = `cluster:${ref.clusterId}:${ref.word}:${ref.start}`;
  const asked: ClusterOperation = {
    word: ref.word,
    kind: kindOf(ref.word),
    state: 'RUNNING',
    since: ref.word === 'CREATING' || CREATION_FAILED.has(ref.word) ? 'created' : 'updated',
  };
  if (!c) {
    if (ref.word !== 'DELETING') return null;
    return {
      sourceId,
      nativeId: id,
      kind: asked.kind,
      target: { type: 'Cluster', nativeId: ref.clusterId },
      clusterNativeId: ref.clusterId,
      state: 'SUCCEEDED',
      rawState: ref.word,
      progress: 1,
      steps: [],
    };
  }
  const now = currentOperation(c);
  if (now && clusterWorkflowId(c, now) === id) return clusterWorkflowOf(sourceId, c, now, id, now.state, startOf(c, now));
  const state = outcome(ref.word, c, now);
  const begun = asked.since === 'updated' && isFailureWord(ref.word) ? undefined : vendorTime(ref.start, TIME);
  if (now && tasksFrom(ref.word).includes(now.word) && now.state !== 'FAILED' && Number(epochSeconds(c.updated)) >= Number(ref.start)) {
    return clusterWorkflowOf(sourceId, c, { ...now, kind: asked.kind }, id, now.state, begun, ref.word);
  }
  return clusterWorkflowOf(sourceId, c, asked, id, state, begun);
}

/** Words that record a failure rather than an operation in progress. */
const isFailureWord = (word: string) => CREATION_FAILED.has(word) || word === 'DELETE_FAILED' || taskPhase(word) === 'FAILED';

function outcome(word: string, c: ClusterWire, now: ClusterOperation | undefined): WorkflowState {
  if (isFailureWord(word)) return 'FAILED';
  if (word === 'DELETING') return c.status === 'DELETE_FAILED' ? 'FAILED' : 'SUCCEEDED';
  if (c.status === 'DELETING' || c.status === 'DELETED') return 'CANCELLED';
  if (CREATION_FAILED.has(c.status)) return 'FAILED';
  // The failure word of any task the operation had still ahead (a scale-out whose redistribution failed).
  if (now?.state === 'FAILED' && tasksFrom(word).some((w) => taskKind(w) === now.kind)) return 'FAILED';
  if (!c.task_status && failureMessage(c)) return 'FAILED';
  return 'SUCCEEDED';
}

/**
 * A snapshot's creation: RUNNING while CREATING (progress from the snapshot's own
 * `progress`, else the cluster's SNAPSHOTTING entry), FAILED once UNAVAILABLE, and
 * SUCCEEDED in any other state (it was created; later restores are the target
 * cluster's workflows).
 */
export function snapshotWorkflow(sourceId: string, s: SnapshotWire, cluster?: ClusterWire): Workflow {
  const state: WorkflowState = s.status === 'CREATING' ? 'RUNNING' : s.status === 'UNAVAILABLE' ? 'FAILED' : 'SUCCEEDED';
  const progress =
    state === 'SUCCEEDED' ? 1 : state === 'RUNNING' ? (parsePercent(s.progress) ?? (cluster ? progressOf(cluster, 'SNAPSHOTTING') : undefined)) : undefined;
  const startedAt = vendorTime(s.started, TIME);
  const finishedAt = state === 'RUNNING' ? undefined : vendorTime(s.finished, TIME);
  return {
    sourceId,
    raw: s,
    nativeId: snapshotWorkflowId(s.id),
    kind: 'CreateSnapshot',
    target: { type: 'Snapshot', nativeId: s.id },
    ...(s.cluster_id ? { clusterNativeId: s.cluster_id } : {}),
    state,
    rawState: s.status,
    ...(progress !== undefined ? { progress } : {}),
    steps: [],
    ...(startedAt ? { startedAt } : {}),
    ...(finishedAt ? { finishedAt, updatedAt: finishedAt } : startedAt ? { updatedAt: startedAt } : {}),
  };
}

/**
 * The workflows a fleet shows: one per cluster operation in progress or failed, and one
 * per snapshot being created or failed. A cluster SNAPSHOTTING while one of its
 * snapshots is CREATING is that snapshot's creation, listed once (as the snapshot's).
 */
export function fleetWorkflows(sourceId: string, clusters: readonly ClusterWire[], snapshots: readonly SnapshotWire[]): Workflow[] {
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const snapshotting = new Set(snapshots.filter((s) => s.status === 'CREATING' && s.cluster_id).map((s) => s.cluster_id as string));
  const out: Workflow[] = [];
  for (const c of clusters) {
    const w = clusterWorkflow(sourceId, c);
    if (w && !(w.rawState === 'SNAPSHOTTING' && snapshotting.has(c.id))) out.push(w);
  }
  for (const s of snapshots) {
    if (s.status === 'CREATING' || s.status === 'UNAVAILABLE') out.push(snapshotWorkflow(sourceId, s, s.cluster_id ? byId.get(s.cluster_id) : undefined));
  }
  return out;
}

// ---- What a create form offers (DWS's own root, docs/vendor-capabilities.md) ----

/** A count the tables type Integer and the examples may write as a digit string (wire.ts admits no other). */
const countOf = (value: number | string | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));

export interface DwsAvailabilityZone {
  /** What createCluster's `availabilityZone` takes. */
  code: string;
  name: string | null;
  available: boolean;
  rawStatus: string | null;
  /** `public_border_group`, e.g. "center". */
  group: string | null;
}

/** AvailabilityZone (5.1.1): `status` is "available" or "unavailable". */
export const toAvailabilityZone = (z: AvailabilityZoneWire): DwsAvailabilityZone => ({
  code: z.code,
  name: z.name ?? null,
  available: z.status === 'available',
  rawStatus: z.status ?? null,
  group: z.public_border_group ?? null,
});

export interface DwsNodeType {
  /** The flavor id: what createCluster's `nodeType` takes. */
  nativeId: string;
  specName: string;
  /** `datastore_type`: "dws" (cloud data warehouse) or "hybrid". */
  product: string | null;
  architecture: string | null;
  vcpus: number | null;
  memoryBytes: number | null;
  /** The AZs that sell it, each "normal" (available), "sellout" or "abandon". */
  zones: { code: string; available: boolean; rawStatus: string | null }[];
  /** Kernel versions it runs, with the CN counts each allows. */
  versions: { version: string; stable: boolean; rawRole: string | null; minCoordinators: number | null; maxCoordinators: number | null }[];
  /** Fixed storage per node; null for elastic-storage flavors. */
  storage: { type: string | null; sizeBytes: number | null } | null;
  /** Elastic storage per node, where the flavor has it. */
  elasticStorage: { type: string | null; minBytes: number | null; maxBytes: number | null; stepBytes: number | null }[];
}

const bytesOf = (gb: number | string | null | undefined): number | null => gbToBytes(countOf(gb)) ?? null;

/** NodeTypes (5.2.1): memory and storage are in GB, read as GiB. */
export function toNodeType(n: NodeTypeWire): DwsNodeType {
  return {
    nativeId: n.id,
    specName: n.spec_name,
    product: n.datastore_type ?? null,
    architecture: n.architecture ?? null,
    vcpus: countOf(n.vcpus),
    memoryBytes: bytesOf(n.ram),
    zones: (n.available_zones ?? []).map((z) => ({ code: z.code, available: z.status === 'normal', rawStatus: z.status ?? null })),
    versions: (n.datastores ?? []).map((d) => ({
      version: d.version,
      stable: d.role === 'STABLE',
      rawRole: d.role ?? null,
      minCoordinators: countOf(d.attachments?.min_cn),
      maxCoordinators: countOf(d.attachments?.max_cn),
    })),
    storage: n.volume ? { type: n.volume.type ?? null, sizeBytes: bytesOf(n.volume.size) } : null,
    elasticStorage: (n.elastic_volume_specs ?? []).map((e) => ({
      type: e.type ?? null,
      minBytes: bytesOf(e.min_size),
      maxBytes: bytesOf(e.max_size),
      stepBytes: bytesOf(e.step),
    })),
  };
}

export interface DwsQuota {
  /** The vendor's resource type: instances, core, ram, disk, disk_capacity. */
  resource: string;
  used: number;
  limit: number;
  /** "GB" for sizes; null for counts. */
  unit: string | null;
}

/** QuotasResource (5.10.1): `used` and `quota` are Integers in the table, digit strings in the example (wire.ts admits no other). */
export const toQuota = (q: QuotaWire): DwsQuota => ({ resource: q.type, used: Number(q.used), limit: Number(q.quota), unit: q.unit ?? null });

/** Alarms raised on one day, by level. */
export interface DwsAlarmDay {
  /** YYYY-MM-DD, in UTC. */
  date: string;
  urgent: number;
  important: number;
  minor: number;
  prompt: number;
}

export const toAlarmDay = (d: AlarmDayWire): DwsAlarmDay => ({
  date: d.date,
  urgent: Number(d.urgent),
  important: Number(d.important),
  minor: Number(d.minor),
  prompt: Number(d.prompt),
});

// ---- A cluster's snapshot policy ----

export interface DwsSnapshotStrategy {
  /** `policy_id`: what an edit or a deletion names. */
  nativeId: string;
  name: string | null;
  /** A Quartz cron expression (second minute hour day-of-month month day-of-week). */
  schedule: string | null;
  /** "full" or "increment". */
  type: string | null;
  /** "cluster". */
  level: string | null;
  nextRunAt: string | null;
  updatedAt: string | null;
  /** Hours east of UTC the schedule is read in. */
  timeZoneOffsetHours: number | null;
}

export interface DwsSnapshotPolicy {
  /** Days automated snapshots are kept. */
  retentionDays: number | null;
  automated: boolean;
  /** Where snapshots go: OBS, NBU or NFS. */
  device: string | null;
  /** The NBU or NFS servers; empty for OBS. */
  serverIps: string[];
  serverPort: string | null;
  /** The most cluster-level and schema-level strategies the policy may hold. */
  clusterStrategyLimit: number | null;
  schemaStrategyLimit: number | null;
  strategies: DwsSnapshotStrategy[];
}

/** Snapshot policy (5.5.4). `next_fire_time` is epoch milliseconds; `update_time` has no zone (UTC, as DWS's other times). */
export const toSnapshotPolicy = (p: SnapshotPolicyWire): DwsSnapshotPolicy => ({
  retentionDays: p.keep_day ?? null,
  automated: p.auto_backup === true,
  device: p.device_name ?? null,
  serverIps: p.server_ips ?? [],
  serverPort: p.server_port ?? null,
  clusterStrategyLimit: p.backup_strategy_cluster_type_limit_num ?? null,
  schemaStrategyLimit: p.backup_strategy_schema_type_limit_num ?? null,
  strategies: (p.backup_strategies ?? []).map((s) => ({
    nativeId: s.policy_id,
    name: s.policy_name ?? null,
    schedule: s.backup_strategy ?? null,
    type: s.backup_type ?? null,
    level: s.backup_level ?? null,
    nextRunAt: vendorTime(s.next_fire_time, TIME) ?? null,
    updatedAt: vendorTime(s.update_time, TIME) ?? null,
    timeZoneOffsetHours: s.time_zone_offset ?? null,
  })),
});

// ---- A cluster's EIP and ELB (5.2.3, 5.7.4) ----

export interface DwsEip {
  /** `eip_id`: what dwsUnbindEip unbinds. */
  nativeId: string | null;
  /** auto_assign or bind_existing. */
  bindType: string | null;
}

export interface DwsLoadBalancer {
  nativeId: string;
  name: string | null;
  publicIp: string | null;
  privateIp: string | null;
  /** address:port the cluster is reached at through it. */
  privateEndpoint: string | null;
  vpcId: string | null;
}

export interface DwsBindings {
  eip: DwsEip | null;
  loadBalancer: DwsLoadBalancer | null;
}

/** What a cluster's detail says it is bound to: its EIP (table 5-29; `not_use`, or neither field, is none) and its ELB (table 5-35). */
export function toBindings(c: ClusterDetailWire): DwsBindings {
  const ip = c.public_ip;
  const elb = c.elb;
  const hasEip = !!ip && ip.public_bind_type !== 'not_use' && !!(ip.eip_id || ip.public_bind_type);
  return {
    eip: hasEip ? { nativeId: ip.eip_id ?? null, bindType: ip.public_bind_type ?? null } : null,
    loadBalancer: elb
      ? {
          nativeId: elb.id,
          name: elb.name ?? null,
          publicIp: elb.public_ip ?? null,
          privateIp: elb.private_ip ?? null,
          privateEndpoint: elb.private_endpoint ?? null,
          vpcId: elb.vpc_id ?? null,
        }
      : null,
  };
}

export interface DwsBindableLoadBalancer {
  nativeId: string;
  name: string | null;
  description: string | null;
  address: string | null;
  subnetId: string | null;
  /** Internal (dedicated) or External (shared). */
  type: string | null;
  up: boolean | null;
  bandwidth: number | null;
  vpcId: string | null;
  /** Whether it is the one bound to the cluster asked about. */
  bound: boolean;
}

/** ClusterElbInfo (5.7.4): `cluster_id` names the cluster it is bound to, if any. */
export const toBindableLoadBalancer = (e: BindableElbWire, clusterId: string): DwsBindableLoadBalancer => ({
  nativeId: e.id,
  name: e.name ?? null,
  description: e.description || null,
  address: e.vip_address ?? null,
  subnetId: e.vip_subnet_id ?? null,
  type: e.type ?? null,
  up: e.admin_state_up ?? null,
  bandwidth: e.bandwidth ?? null,
  vpcId: e.vpc_id ?? null,
  bound: e.cluster_id === clusterId,
});

// ---- Audit log dumps (5.13.1) ----

export interface DwsAuditDump {
  /** The vendor's result word: RUNNING in the example (SUCCESS and FAILED in the simulator's; the document lists none). */
  result: string | null;
  executedAt: string | null;
  /** The span of audit log it dumped. */
  startsAt: string | null;
  endsAt: string | null;
  bucket: string | null;
  prefix: string | null;
  failedReason: string | null;
}

/** AuditDumpRecord (table 5-223): its times have no zone, read as UTC as DWS's other times. */
export const toAuditDump = (r: AuditDumpWire): DwsAuditDump => ({
  result: r.result ?? null,
  executedAt: vendorTime(r.executor_time, TIME) ?? null,
  startsAt: vendorTime(r.begin_time, TIME) ?? null,
  endsAt: vendorTime(r.end_time, TIME) ?? null,
  bucket: r.bucket_name ?? null,
  prefix: r.location_prefix ?? null,
  failedReason: r.failed_reason || null,
});

// ---- Resource management (5.4.1) ----

export interface DwsWorkload {
  enabled: boolean;
  /** on or off. */
  rawSwitch: string | null;
  maxConcurrency: number | null;
}

/** WorkloadStatus (table 5-77). */
export const toWorkload = (w: WorkloadStatusWire): DwsWorkload => ({
  enabled: w.workload_status?.workload_switch === 'on',
  rawSwitch: w.workload_status?.workload_switch ?? null,
  maxConcurrency: w.workload_status?.max_concurrency_num ?? null,
});

// ---- A cluster's parameter templates (5.12) ----

/** Where a template's parameters stand with the cluster. */
export type DwsParameterStatus = 'IN_SYNC' | 'APPLYING' | 'PENDING_REBOOT' | 'SYNC_FAILURE' | 'UNKNOWN';

/** ClusterConfiguration `status` (table 5-213). */
export const parameterStatus = statusTable<string, DwsParameterStatus>(
  { 'In-Sync': 'IN_SYNC', Applying: 'APPLYING', 'Pending-Reboot': 'PENDING_REBOOT', 'Sync-Failure': 'SYNC_FAILURE' },
  'UNKNOWN',
);

export interface DwsParameterTemplate {
  nativeId: string;
  name: string | null;
  /** The vendor's word: parameterGroup (the database parameters), GUConfig, OBSConfig, securityParameterGroup, hiddenParameterGroup. */
  type: string | null;
  status: DwsParameterStatus;
  rawStatus: string | null;
  failReason: string | null;
}

/** ClusterConfiguration (5.12.1): its example writes an absent `fail_reason` as the string "null". */
export const toParameterTemplate = (t: ParameterTemplateWire): DwsParameterTemplate => ({
  nativeId: t.id,
  name: t.name ?? null,
  type: t.type ?? null,
  status: parameterStatus(t.status),
  rawStatus: t.status ?? null,
  failReason: t.fail_reason && t.fail_reason !== 'null' ? t.fail_reason : null,
});

export interface DwsParameter {
  name: string;
  /** boolean, string, integer, float or list. */
  type: string | null;
  unit: string | null;
  readOnly: boolean;
  valueRange: string | null;
  restartRequired: boolean;
  description: string | null;
  /** Its value and default on the coordinators (cn) and on the data nodes (dn); null where DWS gives none. */
  cnValue: string | null;
  cnDefault: string | null;
  dnValue: string | null;
  dnDefault: string | null;
}

/**
 * ConfigurationParameter (5.12.2). Its table says `readonly` is "whether the cluster is
 * read-only"; it sits on each parameter, and is read as the parameter's. `values` holds
 * one entry per node type (cn, dn: table 5-217), kept as two pairs of fields.
 */
export function toParameter(p: ParameterWire): DwsParameter {
  const on = (type: string) => p.values?.find((v) => v.type === type);
  const [cn, dn] = [on('cn'), on('dn')];
  return {
    name: p.name,
    type: p.type ?? null,
    unit: p.unit ?? null,
    readOnly: p.readonly === true,
    valueRange: p.value_range ?? null,
    restartRequired: p.restart_required === true,
    description: p.description ?? null,
    cnValue: cn?.value ?? null,
    cnDefault: cn?.default_value ?? null,
    dnValue: dn?.value ?? null,
    dnDefault: dn?.default_value ?? null,
  };
}

// ---- Alarm and event subscriptions ----

export interface DwsSubscription {
  nativeId: string;
  name: string;
  enabled: boolean;
  /** Alarm subscriptions: the levels notified (urgent, important, minor, prompt); empty: all. */
  levels: string[];
  /** Event subscriptions' filters, each empty (or null) for all. */
  sourceTypes: string[];
  sourceId: string | null;
  categories: string[];
  severities: string[];
  tag: string | null;
  topicUrn: string | null;
  topicName: string | null;
  topicType: string | null;
  language: string | null;
  timeZone: string | null;
}

const words = (list: string | null | undefined): string[] =>
  (list ?? '')
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');

/** AlarmSubscriptionResponse (5.8.3) and EventSubscriptionResponse (5.9.2): `enable` 1 on, 0 off; filters are comma lists, "" for all. */
export const toSubscription = (s: SubscriptionWire): DwsSubscription => ({
  nativeId: s.id,
  name: s.name,
  enabled: Number(s.enable ?? 1) !== 0,
  levels: words(s.alarm_level),
  sourceTypes: words(s.source_type),
  sourceId: s.source_id || null,
  categories: words(s.category),
  severities: words(s.severity),
  tag: s.tag || null,
  topicUrn: s.notification_target ?? null,
  topicName: s.notification_target_name ?? null,
  topicType: s.notification_target_type ?? null,
  language: s.language ?? null,
  timeZone: s.time_zone ?? null,
});

// ---- Alarms, with their state ----

export interface DwsAlarm {
  /** The id its event has in the unified events list. */
  eventNativeId: string;
  /** `alarm_id`: the alarm's definition, e.g. DWS_01010. */
  definitionId: string;
  name: string | null;
  severity: EventSeverity;
  /** `alarm_level`, 1 (urgent) to 4 (prompt). */
  rawLevel: string | null;
  active: boolean;
  rawStatus: string | null;
  clusterNativeId: string | null;
  resourceName: string | null;
  message: string | null;
  location: string | null;
  source: string | null;
  raisedAt: string;
}

/** AlarmDetailResponse (5.8.1), dates asked for in GMT. */
export const toAlarm = (a: AlarmWire): DwsAlarm => ({
  eventNativeId: alarmNativeId(a),
  definitionId: a.alarm_id,
  name: a.alarm_name ?? null,
  severity: alarmSeverity(a.alarm_level),
  rawLevel: a.alarm_level ?? null,
  active: alarmActive(a),
  rawStatus: a.alarm_status ?? null,
  clusterNativeId: a.resource_id ?? null,
  resourceName: a.resource_id_name ?? null,
  message: a.alarm_message ?? null,
  location: a.alarm_location ?? null,
  source: a.alarm_source ?? null,
  raisedAt: alarmTime(a),
});
