import type { Rng } from '../kit/rng.js';
import { ALARMS, AVAILABILITY_ZONES, FLAVORS, VERSIONS } from './catalog.js';
import type { EventLog } from './events.js';
import {
  type ClusterStatus,
  type DwsCluster,
  type DwsSnapshot,
  type DwsStore,
  type NodeStatus,
  type SnapshotStatus,
  shapeOf,
  TASK_STATUSES,
  ONGOING_TASKS,
} from './model.js';
import { addNodes, assignCns } from './nodes.js';
import { type Operations, snapshotDuration, type Step } from './operations.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** One seeded cluster's state. `running` tasks progress and finish; the others stay put. */
interface Profile {
  status: ClusterStatus;
  sub: string | null;
  task: string | null;
  running?: boolean;
  /** Shown with an EIP and tags, like the document's examples. */
  showcase?: boolean;
}

/**
 * The first 24 clusters (the default fleet) between them show every cluster status
 * (both spellings, see model.ts), every sub-status, every node status and every
 * snapshot status. A cluster shows one task_status at a time, so 24 clusters cannot
 * show all 44 task values: they show the 16 most telling ones (including what our
 * operations produce); larger fleets continue with the rest, in `TASK_STATUSES` order.
 */
const PROFILES: readonly Profile[] = [
  { status: 'AVAILABLE', sub: 'NORMAL', task: null },
  { status: 'AVAILABLE', sub: 'NORMAL', task: null },
  { status: 'AVAILABLE', sub: 'READONLY', task: 'SNAPSHOTTING', running: true, showcase: true },
  { status: 'AVAILABLE', sub: 'UNBALANCED REDISTRIBUTING', task: 'REDISTRIBUTING', running: true },
  { status: 'AVAILABLE', sub: 'NORMAL', task: 'GROWING', running: true },
  { status: 'AVAILABLE', sub: 'UNBALANCED', task: 'RESIZE_FAILURE', showcase: true },
  { status: 'AVAILABLE', sub: 'DEGRADED', task: 'REBOOTING', running: true },
  { status: 'AVAILABLE', sub: 'REDISTRIBUTION-FAILURE', task: 'REBOOT_FAILURE' },
  { status: 'AVAILABLE', sub: 'UNBALANCED READONLY', task: 'WAITING_REDISTRIBUTION' },
  { status: 'AVAILABLE', sub: 'UNBALANCED REDISTRIBUTION-FAILURE', task: 'REDISTRIBUTE_FAILURE' },
  { status: 'AVAILABLE', sub: 'DEGRADED READONLY', task: 'CLUSTER_SHRINKING', running: true },
  { status: 'AVAILABLE', sub: 'DEGRADED UNBALANCED', task: 'ADD_CN_ING', running: true },
  { status: 'AVAILABLE', sub: 'REDISTRIBUTING', task: 'REDISTRIBUTION_PAUSED' },
  { status: 'ACTIVE', sub: 'READONLY REDISTRIBUTION-FAILURE', task: 'DISK_EXPANDING', running: true },
  { status: 'AVAILABLE', sub: 'UNBALANCED READONLY REDISTRIBUTION-FAILURE', task: 'ELB_BIND_FAILED' },
  { status: 'CREATING', sub: null, task: 'RESTORING', running: true },
  { status: 'CREATION FAILED', sub: null, task: 'CREATE_NODE_FAILED' },
  { status: 'CREATE_FAILED', sub: null, task: null },
  { status: 'DELETING', sub: null, task: null, running: true },
  { status: 'DELETE_FAILED', sub: 'DEGRADED REDISTRIBUTION-FAILURE', task: null },
  { status: 'DELETED', sub: null, task: null },
  { status: 'FROZEN', sub: 'DEGRADED UNBALANCED REDISTRIBUTION-FAILURE', task: 'UNFREEZING', running: true },
  { status: 'POLICE_FROZEN', sub: 'DEGRADED UNBALANCED READONLY REDISTRIBUTION-FAILURE', task: null },
  { status: 'FAILED', sub: 'DEGRADED UNBALANCED READONLY', task: 'ACTIVE_STANDBY_SWITCHOVER_FAILURE' },
];

/** Profiles beyond the first 24: the task values not shown yet, then a realistic mix. */
function extraProfile(rng: Rng, index: number): Profile {
  const task = UNSHOWN_TASKS[index - PROFILES.length];
  if (task) return { status: 'AVAILABLE', sub: 'NORMAL', task, running: isOngoing(task) && !WAITING.has(task) };
  return rng.chance(0.8) ? { status: 'AVAILABLE', sub: 'NORMAL', task: null } : { status: 'AVAILABLE', sub: 'NORMAL', task: 'SNAPSHOTTING', running: true };
}

const UNSHOWN_TASKS = TASK_STATUSES.filter((t) => !PROFILES.some((p) => p.task === t));

const isOngoing = (task: string) => (ONGOING_TASKS as readonly string[]).includes(task);
/** Tasks that wait for the user (or a payment) rather than progress. */
const WAITING = new Set(['WAITING_REDISTRIBUTION', 'REDISTRIBUTION_PAUSED', 'ORDER_PENDING']);

/**
 * The action_progress key for a running task: the same word, except that the document
 * spells the switchover key ACTIVE_STANDY_SWITCHOVER (sic) and node creation reports
 * under GROWING; tasks the key list leaves out (UNFREEZING, ...) show no progress.
 */
const ACTION_KEYS = new Set([
  'CREATING',
  'RESTORING',
  'SNAPSHOTTING',
  'GROWING',
  'REBOOTING',
  'SETTING_CONFIGURATION',
  'CONFIGURING_EXT_DATASOURCE',
  'ADD_CN_ING',
  'DEL_CN_ING',
  'REDISTRIBUTING',
  'ELB_BINDING',
  'ELB_UNBINDING',
  'ELB_SWITCHING',
  'NETWORK_CONFIGURING',
  'DISK_EXPANDING',
  'CLUSTER_SHRINKING',
  'SHRINK_CHECKING',
  'FLAVOR_RESIZING',
  'MANAGE_IP_BINDING',
  'FINE_GRAINED_RESTORING',
  'DR_RECOVERING',
]);
function progressKeyOf(task: string | null, status: ClusterStatus): string | null {
  if (task === 'ACTIVE_STANDBY_SWITCHOVER') return 'ACTIVE_STANDY_SWITCHOVER';
  if (task === 'CREATING_NODE') return 'GROWING';
  if (task && ACTION_KEYS.has(task)) return task;
  return status === 'CREATING' ? 'CREATING' : null;
}

const NAME_STEMS = [
  'dws-prod',
  'sales-dw',
  'finance-mart',
  'bi-report',
  'log-warehouse',
  'ads-olap',
  'risk-dw',
  'user-profile-dw',
  'ops-metrics',
  'supply-chain-dw',
  'marketing-mart',
  'iot-telemetry-dw',
];
const TAG_POOL = [
  { key: 'env', values: ['prod', 'staging', 'test', 'dev'] },
  { key: 'owner', values: ['data-platform', 'bi-team', 'finance-it', 'risk-analytics'] },
  { key: 'cost-center', values: ['cc-1042', 'cc-2210', 'cc-3307'] },
  { key: 'app', values: ['reporting', 'etl', 'adhoc', 'dashboard'] },
];
const EIP_PREFIXES = ['49.4', '121.36', '124.70', '139.9', '119.3', '1.94'];
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const backupKey = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace(/-/g, '').replace('T', '_').replace(/:/g, '');

/**
 * Unique cluster names like the console's (`sales-dw-07`): drawn from a small pool while
 * it has room, so small fleets look hand-made; once a few draws in a row are taken, the
 * next number past the pool for a drawn stem, so a fleet of any size is named in linear
 * time.
 */
function nameGenerator(rng: Rng): () => string {
  const used = new Set<string>();
  const beyondPool = new Map<string, number>();
  const drawn = (top: number) => `${rng.pick(NAME_STEMS)}-${String(rng.int(1, top)).padStart(2, '0')}`;
  return () => {
    let name = drawn(12);
    for (let redraws = 0; used.has(name) && redraws < 8; redraws++) name = drawn(40);
    if (used.has(name)) {
      const stem = rng.pick(NAME_STEMS);
      const n = beyondPool.get(stem) ?? 41;
      beyondPool.set(stem, n + 1);
      name = `${stem}-${n}`;
    }
    used.add(name);
    return name;
  };
}

const elbFor = (rng: Rng, c: DwsCluster, publicIp: string): DwsCluster['elb'] => ({
  id: rng.uuid(),
  name: `elb-${c.name}`,
  public_ip: publicIp,
  private_ip: `${c.subnetPrefix}.${rng.int(200, 250)}`,
  private_endpoint: `${c.subnetPrefix}.${rng.int(200, 250)}:${c.port}`,
  vpc_id: c.vpcId,
});

/** Node status for a seeded cluster: mostly derived from the cluster's status. */
function nodeStatusFor(status: ClusterStatus): NodeStatus {
  switch (status) {
    case 'CREATING':
      return '100';
    case 'CREATION FAILED':
    case 'CREATE_FAILED':
      return '303';
    case 'DELETING':
      return '304';
    case 'DELETE_FAILED':
      return '305';
    case 'DELETED':
      return '400';
    default:
      return '200';
  }
}

const snapshotStatusFor = (status: ClusterStatus): SnapshotStatus =>
  status === 'FROZEN' ? 'FROZEN' : status === 'POLICE_FROZEN' ? 'POLICE_FROZEN' : 'AVAILABLE';

interface Network {
  vpcId: string;
  subnetId: string;
  securityGroupId: string;
  prefix: string;
}

/** Builds the seeded fleet: clusters with nodes, snapshots, their history of events, and alarms. */
export function generateFleet(rng: Rng, store: DwsStore, events: EventLog, ops: Operations, size: number, now: number): void {
  const networks: Network[] = [0, 1, 2].map((i) => ({
    vpcId: rng.uuid(),
    subnetId: rng.uuid(),
    securityGroupId: rng.uuid(),
    prefix: i === 2 ? `172.16.${rng.int(0, 40)}` : `192.168.${rng.int(0, 30) + i * 64}`,
  }));
  const enterpriseProjects = ['0', '0', '0', rng.uuid(), rng.uuid()];
  const nextName = nameGenerator(rng);
  const restoreSources: DwsSnapshot[] = [];

  for (let i = 0; i < size; i++) {
    const profile = PROFILES[i] ?? extraProfile(rng, i);
    const name = nextName();
    const net = rng.pick(networks);
    const flavor = rng.pick(FLAVORS.filter((f) => f.datastoreType === 'dws'));
    const createdAt = profile.status === 'CREATING' ? now - rng.int(3, 8) * MIN : now - rng.int(2, 420) * DAY - rng.int(0, DAY);
    const showcase = profile.showcase === true;
    const c: DwsCluster = {
      id: rng.uuid(),
      name,
      status: profile.status,
      subStatus: profile.sub,
      step: null,
      lastTaskResult: profile.running ? null : profile.task,
      version: rng.pick(VERSIONS.filter((v) => v.role === 'STABLE')).version,
      createdAt,
      updatedAt: Math.min(now - MIN, createdAt + rng.int(0, 30) * DAY + rng.int(10, 40) * MIN),
      port: rng.pick([8000, 8000, 8000, 8100, 25108]),
      userName: rng.pick(['dbadmin', 'dbadmin', 'dwsadmin', 'gaussdb_admin']),
      userPwd: `Dw${rng.alnum(10)}@${rng.int(10, 99)}`,
      flavor,
      nodes: [],
      availabilityZone: rng.pick(AVAILABILITY_ZONES.filter((z) => z.status === 'available')).code,
      enterpriseProjectId: rng.pick(enterpriseProjects),
      vpcId: net.vpcId,
      subnetId: net.subnetId,
      securityGroupId: net.securityGroupId,
      subnetPrefix: net.prefix,
      publicIp:
        showcase || rng.chance(0.55)
          ? {
              bindType: rng.pick(['auto_assign', 'bind_existing'] as const),
              eipId: rng.uuid(),
              address: `${rng.pick(EIP_PREFIXES)}.${rng.int(1, 254)}.${rng.int(2, 253)}`,
            }
          : null,
      tags: [],
      parameterGroupStatus: rng.pick(['In-Sync', 'In-Sync', 'In-Sync', 'In-Sync', 'Pending-Reboot', 'Applying', 'Sync-Failure'] as const),
      orderId: rng.chance(0.25) ? `CS${backupKey(createdAt).slice(2, 8)}${rng.alnum(10).toUpperCase()}` : '',
      maintainWindow: (() => {
        const start = rng.pick([18, 20, 22]);
        return { day: rng.pick(DAYS), start_time: `${start}:00`, end_time: `${String((start + 4) % 24).padStart(2, '0')}:00` };
      })(),
      resize: null,
      failedReasons: null,
      elb: null,
      deletedAt: profile.status === 'DELETED' ? now - rng.int(2, 10) * MIN : null,
    };
    const tagCount = showcase ? 2 : rng.int(0, 3);
    for (const t of rng.shuffle(TAG_POOL).slice(0, tagCount)) c.tags.push({ key: t.key, value: rng.pick(t.values) });
    if (rng.chance(0.2) && c.publicIp) c.elb = elbFor(rng, c, c.publicIp.address);
    // The second (idle) cluster always has an ELB to unbind; drawn from its own stream so the fleet after it is unchanged.
    if (i === 1 && !c.elb) {
      const own = rng.fork('elb-1');
      c.elb = elbFor(own, c, `${own.pick(EIP_PREFIXES)}.${own.int(1, 254)}.${own.int(2, 253)}`);
    }

    const nodeCount = rng.int(3, 12);
    addNodes(rng, c, nodeCount, nodeStatusFor(profile.status));
    assignCns(c, rng.int(2, Math.min(nodeCount, 5)));
    decorateNodes(rng, c, profile, i);
    store.clusters.set(c.id, c);

    seedHistory(rng, events, c, now, i === 1);
    const snaps = seedSnapshots(rng, store, events, c, now);
    if (i === 0 && snaps[0]) restoreSources.push(snaps[0]);
    seedAlarms(rng, store, c, profile, now);
    if (c.status === 'DELETED') ops.scheduleRemoval(c);
    startSeededTask(rng, store, events, ops, c, profile, now, restoreSources[0]);
  }
  // Everything seeded happened in order; the event list is served newest first anyway.
  store.events.sort((a, b) => a.occur_time - b.occur_time);
}

/** Node details that depend on the profile: failures, degraded nodes and idle spares. */
function decorateNodes(rng: Rng, c: DwsCluster, profile: Profile, index: number) {
  const degraded = profile.sub?.startsWith('DEGRADED') || profile.status === 'FAILED';
  if (degraded) (c.nodes[rng.int(0, c.nodes.length - 1)] as (typeof c.nodes)[number]).status = '300';
  // The first cluster keeps idle nodes added earlier with create_node_only.
  if (index === 0) addNodes(rng, c, 3, '199');
  if (profile.status === 'CREATION FAILED' || profile.status === 'CREATE_FAILED') {
    c.failedReasons = { error_code: 'DWS.6000', error_msg: 'Failed to create the cluster. Contact the customer service or try again later.' };
  }
  if (profile.task === 'RESIZE_FAILURE') {
    const origin = c.nodes.length;
    c.resize = { target: origin + 3, origin, status: 'RESIZE_FAILURE', startedAt: c.updatedAt - HOUR };
    c.failedReasons = { error_code: 'DWS.6001', error_msg: 'Failed to scale out the cluster. Contact the customer service or try again later.' };
  }
}

/** `withDr`: the cluster has a DR pair whose switchover is in the history (at least one per fleet). */
function seedHistory(rng: Rng, events: EventLog, c: DwsCluster, now: number, withDr: boolean) {
  events.record('createClusterStart', c, c.createdAt);
  if (c.status === 'CREATING') return;
  const failedCreation = c.status === 'CREATION FAILED' || c.status === 'CREATE_FAILED';
  const built = c.createdAt + rng.int(10, 15) * MIN;
  events.record(failedCreation ? 'createClusterFailure' : 'createClusterSuccess', c, built);
  if (failedCreation) return;
  const span = Math.max(HOUR, now - built - HOUR);
  const extra = rng.int(1, 5);
  for (let k = 0; k < extra; k++) {
    const at = built + rng.int(0, span);
    const kind = rng.pick(['reboot', 'resize', 'monitor', 'security', 'alarm', 'readonly'] as const);
    if (kind === 'reboot') {
      events.record('rebootClusterStart', c, at);
      events.record('rebootClusterSuccess', c, at + rng.int(3, 6) * MIN);
    } else if (kind === 'resize') {
      events.record('resizeClusterStart', c, at);
      events.record('resizeClusterSuccess', c, at + rng.int(20, 40) * MIN);
    } else if (kind === 'monitor') events.record('clusterStatusAbnormal', c, at);
    else if (kind === 'security') events.record('resetPasswordSuccess', c, at);
    else if (kind === 'alarm') events.record('diskUsageHigh', c, at);
    else events.record('clusterReadOnly', c, at);
  }
  if (withDr || rng.chance(0.1)) events.record('drSwitchoverSuccess', { id: rng.uuid(), name: `dr-${c.name}` }, built + rng.int(0, span));
  if (c.status === 'DELETED' && c.deletedAt !== null) {
    events.record('deleteClusterStart', c, c.deletedAt - 3 * MIN);
    events.record('deleteClusterSuccess', c, c.deletedAt);
  }
}

const MANUAL_NAMES = ['before-upgrade', 'pre-migration', 'month-end-close', 'baseline', 'before-resize', 'audit-hold'];

function seedSnapshots(rng: Rng, store: DwsStore, events: EventLog, c: DwsCluster, now: number): DwsSnapshot[] {
  if (c.status === 'CREATING' || c.status === 'CREATION FAILED' || c.status === 'CREATE_FAILED' || c.status === 'DELETED') return [];
  const dataGb = c.nodes.length * rng.int(40, 900);
  const count = rng.int(2, 6);
  const created: DwsSnapshot[] = [];
  let base: DwsSnapshot | undefined;
  let prior: DwsSnapshot | undefined;
  const firstDay = Math.min(count + 1, Math.floor((now - c.createdAt) / DAY));
  for (let k = 0; k < count; k++) {
    const auto = rng.chance(0.6);
    const daysAgo = Math.max(0, firstDay - k);
    const startedAt = now - daysAgo * DAY - rng.int(1, 20) * HOUR;
    if (startedAt <= c.createdAt) continue;
    const durationMs = snapshotDuration(dataGb);
    const s: DwsSnapshot = {
      id: rng.uuid(),
      origin: shapeOf(c),
      name: auto ? `${c.name}-${backupKey(startedAt).replace('_', '')}` : `${c.name}-${rng.pick(MANUAL_NAMES)}-${k + 1}`,
      description: auto ? '' : rng.pick(['', 'Taken before a planned change', 'Kept for audit']),
      clusterId: c.id,
      clusterName: c.name,
      type: auto ? 'AUTO' : 'MANUAL',
      status: rng.chance(0.08) ? 'UNAVAILABLE' : snapshotStatusFor(c.status),
      startedAt,
      finishedAt: startedAt + durationMs,
      updatedAt: startedAt + durationMs,
      size: Math.round(dataGb * rng.float(0.6, 1.05) * 10) / 10,
      version: c.version,
      dbUser: c.userName,
      backupKey: backupKey(startedAt),
      priorBackupKey: prior?.backupKey ?? '',
      baseBackupKey: base?.backupKey ?? backupKey(startedAt),
      baseBackupName: base?.name ?? '',
      durationMs,
      bakPeriod: auto ? '0 9 4/8 ? * 2,3,4,5,6,7' : '',
      bakKeepDay: auto ? 7 : 0,
      bakExpectedStartTime: startedAt,
    };
    base ??= s;
    prior = s;
    store.snapshots.set(s.id, s);
    events.record(s.status === 'UNAVAILABLE' ? 'createSnapshotFailure' : 'createSnapshotSuccess', s, s.updatedAt);
    created.push(s);
  }
  return created;
}

function seedAlarms(rng: Rng, store: DwsStore, c: DwsCluster, profile: Profile, now: number) {
  if (c.status === 'DELETED' || c.status === 'CREATING') return;
  const troubled = profile.status === 'FAILED' || (profile.sub ?? '').includes('DEGRADED') || (profile.sub ?? '').includes('READONLY');
  const count = troubled ? rng.int(1, 3) : rng.chance(0.4) ? 1 : 0;
  for (let k = 0; k < count; k++) {
    const def = troubled && k === 0 ? (profile.status === 'FAILED' ? ALARMS[0] : ALARMS[5]) : rng.pick(ALARMS);
    store.alarms.push({
      alarmId: def.id,
      alarmName: def.name,
      alarmLevel: def.level,
      clusterId: c.id,
      clusterName: c.name,
      generatedAt: now - rng.int(5, 60 * 24 * 14) * MIN,
      status: troubled && k === 0 ? '0' : rng.pick(['0', '1'] as const),
    });
  }
}

/** Starts the task a seeded cluster is in the middle of, part-way done, settling like the real operation. */
function startSeededTask(
  rng: Rng,
  store: DwsStore,
  events: EventLog,
  ops: Operations,
  c: DwsCluster,
  profile: Profile,
  now: number,
  restoreSource?: DwsSnapshot,
) {
  if (!profile.running) return;
  const durationMs = rng.int(8, 30) * MIN;
  const startedAt = now - Math.floor(durationMs * rng.float(0.15, 0.8));
  const step: Step = { task: profile.status === 'DELETING' ? null : profile.task, progressKey: progressKeyOf(profile.task, profile.status), durationMs };
  let settle = (at: number) => {
    c.subStatus = 'NORMAL';
    events.record('taskFinished', c, at);
  };
  if (profile.status === 'CREATING') {
    if (restoreSource) restoreSource.status = 'RESTORING';
    settle = (at) => {
      c.status = 'AVAILABLE';
      c.subStatus = 'NORMAL';
      c.nodes.forEach((n) => (n.status = '200'));
      if (restoreSource) restoreSource.status = 'AVAILABLE';
      events.record('restoreClusterSuccess', c, at);
    };
  } else if (profile.status === 'DELETING') {
    settle = (at) => {
      c.status = 'DELETED';
      c.deletedAt = at;
      c.nodes.forEach((n) => (n.status = '400'));
      events.record('deleteClusterSuccess', c, at);
      ops.scheduleRemoval(c);
    };
    events.record('deleteClusterStart', c, startedAt);
  } else if (profile.status === 'FROZEN') {
    settle = (at) => {
      c.status = 'AVAILABLE';
      events.record('taskFinished', c, at);
    };
  } else if (profile.task === 'SNAPSHOTTING') {
    const s = seedRunningSnapshot(rng, store, c, startedAt, durationMs);
    events.record('createSnapshotStart', s, startedAt);
    settle = (at) => {
      s.status = 'AVAILABLE';
      s.size = Math.round(c.nodes.length * rng.float(80, 600) * 10) / 10;
      s.finishedAt = at;
      s.updatedAt = at;
      events.record('createSnapshotSuccess', s, at);
    };
  } else if (profile.task === 'GROWING') {
    const origin = c.nodes.length;
    const joining = addNodes(rng, c, 3, '100');
    c.resize = { target: origin + 3, origin, status: 'GROWING', startedAt: startedAt - 5 * MIN };
    events.record('resizeClusterStart', c, startedAt - 5 * MIN);
    settle = (at) => {
      joining.forEach((n) => (n.status = '200'));
      c.resize = null;
      c.subStatus = 'NORMAL';
      events.record('resizeClusterSuccess', c, at);
    };
  }
  ops.resume(c, step, startedAt, settle);
}

function seedRunningSnapshot(rng: Rng, store: DwsStore, c: DwsCluster, startedAt: number, durationMs: number): DwsSnapshot {
  const s: DwsSnapshot = {
    id: rng.uuid(),
    origin: shapeOf(c),
    name: `${c.name}-before-upgrade`,
    description: 'Taken before the kernel upgrade',
    clusterId: c.id,
    clusterName: c.name,
    type: 'MANUAL',
    status: 'CREATING',
    startedAt,
    finishedAt: null,
    updatedAt: startedAt,
    size: 0,
    version: c.version,
    dbUser: c.userName,
    backupKey: backupKey(startedAt),
    priorBackupKey: '',
    baseBackupKey: backupKey(startedAt),
    baseBackupName: '',
    durationMs,
    bakPeriod: '',
    bakKeepDay: 0,
    bakExpectedStartTime: startedAt,
  };
  store.snapshots.set(s.id, s);
  return s;
}
